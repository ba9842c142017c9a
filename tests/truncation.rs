//! Truncation: max lines with an ellipsis, and start, end and middle cuts of single lines.
//!
//! Expected widths come from HarfBuzz, not from shrift: uharfbuzz 0.57 (HarfBuzz 11) shaping each
//! kept piece on its own with the bundled faces at 16 px, e.g.
//!
//! ```text
//! buf = hb.Buffer(); buf.add_str("one two thr"); buf.direction = "ltr"; buf.script = "Latn"
//! hb.shape(hb.Font(hb.Face(hb.Blob.from_file_path("fonts/NotoSans-Regular.ttf"))), buf, {})
//! sum(p.x_advance for p in buf.glyph_positions) * 16 / 1000   # 87.216
//! ```
//!
//! The widths are chosen so that the cut is at least 0.9 px away from the next candidate on each
//! side; where the ellipsis stands follows from the rule that it takes the paragraph's level
//! (UAX #9 L2: a base-level char splits every higher-level stretch).

#![cfg(feature = "bundled-fonts")]
// The elided ranges are compared with one-range slices.
#![allow(clippy::single_range_in_vec_init)]

#[path = "common/proptest_config.rs"]
mod proptest_config;

use proptest::prelude::*;
use shrift::{
    Error, FontBook, Layout, LayoutContext, LayoutOptions, Movement, Paragraph, TextStyle, Truncate,
    TruncateAt,
};

/// "…" (U+2026) in Noto Sans at 16 px: glyph 527, advance 12.656 (hb-shape; Noto Sans Hebrew
/// has no such glyph, so the stack's second face gives it).
const ELLIPSIS_GLYPH: u16 = 527;
const ELLIPSIS: f32 = 12.656;
const TOLERANCE: f32 = 0.01;

fn para(text: &str) -> (Paragraph, LayoutContext) {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let p = Paragraph::new(
        text,
        TextStyle::new("Noto Sans Hebrew, Noto Sans"),
        &book,
        &mut cx,
    )
    .unwrap();
    (p, cx)
}

fn lay(text: &str, options: &LayoutOptions) -> Layout {
    let (p, mut cx) = para(text);
    p.layout(&mut cx, options).unwrap()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() <= TOLERANCE
}

/// The runs of line `i` as (text or "…", x, width), left to right.
fn runs(layout: &Layout, i: usize) -> Vec<(String, f32, f32)> {
    let line = &layout.lines()[i];
    layout
        .runs(line)
        .iter()
        .map(|r| {
            let what = if r.is_ellipsis() {
                "…".to_string()
            } else {
                layout.text()[r.range()].to_string()
            };
            (what, r.x(), r.width())
        })
        .collect()
}

fn assert_runs(got: &[(String, f32, f32)], want: &[(&str, f32, f32)]) {
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert!(
            g.0 == w.0 && close(g.1, w.1) && close(g.2, w.2),
            "got {got:?}, want {want:?}"
        );
    }
}

#[test]
fn max_lines_cuts_the_last_line_of_an_english_paragraph_and_ends_it_with_the_ellipsis() {
    // One line at 105 px: room for 105 - 12.656 = 92.344 px of text. HarfBuzz: "one two thr"
    // 87.216, "one two thre" 95.92. The ellipsis follows at the line's right end.
    let text = "one two three four five six seven";
    let layout = lay(text, &LayoutOptions::new(105.0).max_lines(1));
    assert_eq!(layout.lines().len(), 1);
    assert_runs(
        &runs(&layout, 0),
        &[("one two thr", 0.0, 87.216), ("…", 87.216, ELLIPSIS)],
    );
    assert_eq!(layout.visible_range(), 0..11);
    assert_eq!(layout.elided(), &[11..text.len()]);
    let ellipsis = layout.runs(&layout.lines()[0])[1].clone();
    let glyphs = layout.glyphs(&ellipsis);
    assert_eq!(glyphs.len(), 1);
    assert_eq!((glyphs[0].id, glyphs[0].cluster), (ELLIPSIS_GLYPH, 11));
    assert_eq!(ellipsis.font().family(), "Noto Sans");

    // At word boundaries: "one two" (60.784) is the longest prefix ending at a break that fits.
    let layout = lay(
        text,
        &LayoutOptions::new(105.0)
            .max_lines(1)
            .truncate_at(TruncateAt::Word),
    );
    assert_runs(
        &runs(&layout, 0),
        &[("one two", 0.0, 60.784), ("…", 60.784, ELLIPSIS)],
    );
    assert_eq!(layout.elided(), &[7..text.len()]);
}

#[test]
fn in_a_right_to_left_paragraph_the_ellipsis_stands_at_the_left_end() {
    // 102 px: room 89.344. HarfBuzz (Noto Sans Hebrew, rtl, yi): "שלום עולם ט" 88.016,
    // "שלום עולם טו" 92.832. Right-aligned (start of an RTL line): x = 102 - 88.016 - 12.656.
    let text = "שלום עולם טוב מאָרגן";
    let layout = lay(text, &LayoutOptions::new(102.0).max_lines(1));
    let x = 102.0 - 88.016 - ELLIPSIS;
    assert_runs(
        &runs(&layout, 0),
        &[("…", x, ELLIPSIS), ("שלום עולם ט", x + ELLIPSIS, 88.016)],
    );
    assert_eq!(layout.elided(), &["שלום עולם ט".len()..text.len()]);
}

#[test]
fn an_rtl_paragraph_cut_inside_an_english_phrase_keeps_the_ellipsis_at_the_left_end() {
    // 150 px: the line breaks after "Institute " (HarfBuzz: "שלום " in Noto Sans Hebrew 39.952,
    // "YIVO Institute" in Noto Sans 103.92; "for" does not fit), then the ellipsis needs room:
    // 150 - 12.656 - 39.952 = 97.392 px for the English, which takes "YIVO Institut" (94.896;
    // "YIVO Institute" 103.92). The ellipsis is at the paragraph's level (1), so it is not part of
    // the English run: visually "…YIVO Institut שלום", not "YIVO Institut… שלום" (where an
    // ellipsis in the English run's direction would go).
    let text = "שלום YIVO Institute for Jewish Research";
    let layout = lay(text, &LayoutOptions::new(150.0).max_lines(1));
    let x = 150.0 - 39.952 - 94.896 - ELLIPSIS;
    assert_runs(
        &runs(&layout, 0),
        &[
            ("…", x, ELLIPSIS),
            ("YIVO Institut", x + ELLIPSIS, 94.896),
            ("שלום ", x + ELLIPSIS + 94.896, 39.952),
        ],
    );
    assert_eq!(layout.elided(), &[22..text.len()]);
}

#[test]
fn max_lines_keeps_the_lines_before_the_last_as_they_were() {
    let text = "one two three four five six seven eight nine ten eleven twelve";
    let (p, mut cx) = para(text);
    let full = p.layout(&mut cx, &LayoutOptions::new(90.0)).unwrap();
    let clamped = p.layout(&mut cx, &LayoutOptions::new(90.0).max_lines(3)).unwrap();
    assert!(full.lines().len() > 3);
    assert_eq!(clamped.lines().len(), 3);
    for i in 0..2 {
        assert_eq!(clamped.lines()[i].range(), full.lines()[i].range());
        assert_eq!(runs(&clamped, i), runs(&full, i));
    }
    let last = runs(&clamped, 2);
    assert_eq!(last.last().unwrap().0, "…");
    assert!(clamped.lines()[2].width() <= 90.0 + TOLERANCE);
    // Enough lines: nothing is cut, no ellipsis.
    let roomy = p
        .layout(&mut cx, &LayoutOptions::new(90.0).max_lines(100))
        .unwrap();
    assert_eq!(roomy, full);
    assert!(!roomy.is_truncated());
}

#[test]
fn start_and_middle_truncation_of_one_line() {
    // 105 px, room 92.344. HarfBuzz: "ve six seven" 89.136, "ive six seven" 93.264.
    let text = "one two three four five six seven";
    let layout = lay(text, &LayoutOptions::new(105.0).truncate(Truncate::Start));
    assert_runs(
        &runs(&layout, 0),
        &[("…", 0.0, ELLIPSIS), ("ve six seven", ELLIPSIS, 89.136)],
    );
    assert_eq!(layout.elided(), &[0..21]);
    // Middle: the start gets up to half the room (46.172): "one t" 38.528 ("one tw" 51.104);
    // the end the rest (53.816): "seven" 43.408 ("x seven" 56.032); the space before "seven"
    // would stand beside the ellipsis and is left out with the middle.
    let layout = lay(text, &LayoutOptions::new(105.0).truncate(Truncate::Middle));
    assert_runs(
        &runs(&layout, 0),
        &[
            ("one t", 0.0, 38.528),
            ("…", 38.528, ELLIPSIS),
            ("seven", 38.528 + ELLIPSIS, 43.408),
        ],
    );
    assert_eq!(layout.elided(), &[5..28]);
    // End, without a line limit: each hard line on its own, no wrapping.
    let layout = lay(
        "one two three four\nfive",
        &LayoutOptions::new(105.0).truncate(Truncate::End),
    );
    assert_eq!(layout.lines().len(), 2);
    assert_runs(
        &runs(&layout, 0),
        &[("one two thr", 0.0, 87.216), ("…", 87.216, ELLIPSIS)],
    );
    assert_eq!(runs(&layout, 1)[0].0, "five");
    assert_eq!(layout.elided(), &[11..18]);
    // A line that fits is not touched.
    assert!(!lay("one two", &LayoutOptions::new(105.0).truncate(Truncate::Middle)).is_truncated());
}

#[test]
fn start_truncation_of_a_right_to_left_line_puts_the_ellipsis_at_its_right_end() {
    // The start of an RTL line is its right end: what is kept is the text's end, at the left.
    let text = "שלום עולם טוב מאָרגן";
    let layout = lay(text, &LayoutOptions::new(102.0).truncate(Truncate::Start));
    let got = runs(&layout, 0);
    assert_eq!(got.last().unwrap().0, "…");
    let line = &layout.lines()[0];
    assert!(close(got.last().unwrap().1 + ELLIPSIS, 102.0), "{got:?}");
    // The longest suffix that fits beside the ellipsis (102 - 12.656 = 89.344 px): HarfBuzz
    // (Noto Sans Hebrew, rtl, yi) gives "ם טוב מאָרגן" 83.888 and "לם טוב מאָרגן" 92.24.
    assert_eq!(got[0].0, "ם טוב מאָרגן", "{got:?}");
    assert!(close(got[0].2, 83.888), "{got:?}");
    assert!(line.width() <= 102.0 + TOLERANCE);
}

#[test]
fn the_ellipsis_string_is_the_paragraphs() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = "one two three four five six seven";
    let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
    // Three full stops: HarfBuzz gives "..." 12.864 in Noto Sans; room 92.136 takes "one two thr".
    let p = Paragraph::builder(text, style.clone())
        .ellipsis("...")
        .build(&book, &mut cx)
        .unwrap();
    let layout = p
        .layout(&mut cx, &LayoutOptions::new(105.0).max_lines(1))
        .unwrap();
    let ellipsis = layout.runs(&layout.lines()[0]).last().unwrap().clone();
    assert!(ellipsis.is_ellipsis());
    assert_eq!(layout.glyphs(&ellipsis).len(), 3);
    assert!(close(ellipsis.width(), 12.864), "{}", ellipsis.width());
    // Empty: cut without a mark; the text is still reported as elided.
    let p = Paragraph::builder(text, style)
        .ellipsis("")
        .build(&book, &mut cx)
        .unwrap();
    let layout = p
        .layout(&mut cx, &LayoutOptions::new(105.0).max_lines(1))
        .unwrap();
    assert!(layout.all_runs().iter().all(|r| !r.is_ellipsis()));
    assert!(layout.is_truncated());
    // HarfBuzz: "one two three" 104.944 fits 105 without an ellipsis to make room for.
    assert_eq!(layout.elided(), &[13..text.len()]);
}

#[test]
fn bad_truncation_options_are_errors() {
    let (p, mut cx) = para("one two");
    assert!(matches!(
        p.layout(&mut cx, &LayoutOptions::new(100.0).max_lines(0)),
        Err(Error::InvalidMaxLines)
    ));
    assert!(matches!(
        p.layout(&mut cx, &LayoutOptions::new(f32::NAN).truncate(Truncate::End)),
        Err(Error::InvalidWidth(_))
    ));
    // Narrower than the ellipsis: the ellipsis is cut to the clusters that fit (as CSS clips
    // it), none of "…" in 5 px; the text is still reported as elided.
    let layout = p.layout(&mut cx, &LayoutOptions::new(5.0).max_lines(1)).unwrap();
    assert_eq!(layout.elided(), &[0..7]);
    assert_eq!(runs(&layout, 0).len(), 0);
    assert_eq!(layout.ellipsis_text(), Some(""));
}

/// Mixed text of short words, Yiddish with points, English, digits and punctuation.
fn text() -> impl Strategy<Value = String> {
    proptest_config::mixed_text(&["„טאָג“", "a-b"], &[" ", " ", " ", "\n", ""], 1..14)
}

fn grapheme_bounds(text: &str) -> Vec<usize> {
    shrift::graphemes(text)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

proptest! {
    #![proptest_config(proptest_config::config(200, 0x7e11_7515, None))]

    /// With max lines n: at most n lines; what is shown is a prefix of the text ending on a
    /// grapheme boundary, the rest is elided; the last line, ellipsis included, fits the width
    /// (but where not even the ellipsis does); editing queries do not panic.
    #[test]
    fn max_lines_properties(text in text(), width in 20.0f32..300.0, n in 1usize..4) {
        let (p, mut cx) = para(&text);
        let layout = p.layout(&mut cx, &LayoutOptions::new(width).max_lines(n)).unwrap();
        prop_assert!(layout.lines().len() <= n);
        let shown = layout.visible_range();
        prop_assert_eq!(shown.start, 0);
        prop_assert!(grapheme_bounds(&text).contains(&shown.end));
        if layout.is_truncated() {
            prop_assert_eq!(layout.elided(), &[shown.end..text.len()]);
            let last = layout.lines().last().unwrap();
            let ellipsis = layout.runs(last).iter().find(|r| r.is_ellipsis());
            prop_assert!(ellipsis.is_some());
            if ellipsis.unwrap().width() <= width {
                prop_assert!(last.width() <= width + TOLERANCE, "{} > {}", last.width(), width);
            }
        } else {
            prop_assert_eq!(shown.end, text.len());
        }
        for o in grapheme_bounds(&text) {
            let c = shrift::Cursor::new(o);
            let _ = layout.carets(c);
            let _ = layout.move_cursor(c, Movement::Right, &mut None);
        }
        for line in layout.lines() {
            let _ = layout.hit_test(line.x() - 3.0, line.top() + 1.0);
            let _ = layout.hit_test(line.x() + line.width() / 2.0, line.top() + 1.0);
        }
    }

    /// Truncated single lines: no line wider than the width (but where the ellipsis alone is),
    /// elided ranges on grapheme boundaries, inside their lines, ascending.
    #[test]
    fn truncate_properties(text in text(), width in 20.0f32..300.0, mode in 0u8..3, words in any::<bool>()) {
        let mode = [Truncate::End, Truncate::Start, Truncate::Middle][mode as usize];
        let at = if words { TruncateAt::Word } else { TruncateAt::Grapheme };
        let (p, mut cx) = para(&text);
        let layout = p.layout(&mut cx, &LayoutOptions::new(width).truncate(mode).truncate_at(at)).unwrap();
        // A line per hard break, and the empty last line after a final one.
        let hard = layout.text().split_inclusive('\n').count().max(1);
        prop_assert_eq!(layout.lines().len(), hard + usize::from(text.ends_with('\n')));
        let bounds = grapheme_bounds(&text);
        let mut previous = 0;
        for r in layout.elided() {
            prop_assert!(r.start >= previous && r.start < r.end);
            prop_assert!(bounds.contains(&r.start) && bounds.contains(&r.end));
            previous = r.end;
        }
        for line in layout.lines() {
            let ellipsis = layout.runs(line).iter().find(|r| r.is_ellipsis()).map_or(0.0, |r| r.width());
            if ellipsis <= width {
                prop_assert!(line.width() <= width + TOLERANCE, "{} > {}", line.width(), width);
            }
        }
    }
}

/// The sum of the advances of `text` laid out alone, unwrapped: what it takes beside an
/// ellipsis (trailing spaces included: before an ellipsis they do not hang).
fn advance_of(text: &str) -> f32 {
    let layout = lay(text, &LayoutOptions::no_wrap());
    layout.all_glyphs().iter().map(|g| g.advance).sum()
}

proptest! {
    #![proptest_config(proptest_config::config(200, 0x7e11_7516, None))]

    /// End truncation keeps as much as fits: the kept prefix and the ellipsis fit, and the
    /// prefix one visible grapheme longer would not (measured on its own: a cut one grapheme
    /// short fails this).
    #[test]
    fn end_truncation_keeps_as_much_as_fits(text in proptest_config::mixed_text(&["a-b"], &[" ", ""], 1..10), width in 30.0f32..200.0) {
        let layout = lay(&text, &LayoutOptions::new(width).truncate(Truncate::End));
        let Some(elided) = layout.elided().first().cloned() else {
            // Nothing cut: the text fits, its trailing spaces hanging.
            prop_assert!(advance_of(text.trim_end()) <= width + TOLERANCE);
            return Ok(());
        };
        let line = &layout.lines()[0];
        let ellipsis = layout.runs(line).iter().find(|r| r.is_ellipsis()).map_or(0.0, |r| r.width());
        prop_assume!(ellipsis > 0.0 && ellipsis <= width);
        let bounds = grapheme_bounds(&text);
        // Spaces before the ellipsis are dropped (the kept text ends at a visible char), so
        // one grapheme more is the next visible one, with the spaces before it.
        let visible = elided.start + text[elided.start..].len() - text[elided.start..].trim_start().len();
        prop_assume!(visible < text.len());
        let next = bounds.iter().copied().find(|&b| b > visible).unwrap();
        let longer = advance_of(&text[..next]) + ellipsis;
        prop_assert!(longer > width - TOLERANCE, "{:?} + ellipsis = {} fits {}", &text[..next], longer, width);
        if elided.start > 0 {
            prop_assert!(advance_of(&text[..elided.start]) + ellipsis <= width + TOLERANCE);
        }
    }
}

#[test]
fn a_space_carrying_a_mark_stays_whole_beside_the_ellipsis() {
    // As in `start_and_middle_truncation_of_one_line`, with an acute accent (U+0301) on the
    // space before "seven": the space and its mark are one grapheme cluster (UAX #29: GB9, an
    // Extend char joins what precedes it), so where the plain space was left out with the
    // middle, this one stays whole at the kept end's start. The end gets the same room
    // (53.816 px) and " ́seven" (the space 4.16 px in HarfBuzz, the mark 0, "seven" 43.408)
    // fits it where "x ́seven" does not.
    let text = "one two three four five six \u{301}seven";
    let layout = lay(text, &LayoutOptions::new(105.0).truncate(Truncate::Middle));
    let got = runs(&layout, 0);
    let kept: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(kept.concat(), "one t… \u{301}seven", "{got:?}");
    assert_eq!(layout.elided(), &[5..27]);
}

#[test]
fn an_ellipsis_wider_than_the_box_keeps_the_clusters_that_fit() {
    // HarfBuzz, Noto Sans at 16 px (1000 units a em): a full stop is 268 units, 4.288 px; "x" is
    // 529 (8.464 px) and U+0301 on it 0, one cluster of two glyphs. At 12 px two full stops
    // (8.576) fit and three (12.864) do not; at 20 px two accented x (16.928) fit and three
    // (25.392) do not. CSS clips an ellipsis wider than its box; shrift keeps whole clusters.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
    for (ellipsis, width, glyphs, shown) in [
        ("......", 12.0, 2, 8.576),
        ("x\u{301}x\u{301}x\u{301}", 20.0, 4, 16.928),
    ] {
        let p = Paragraph::builder("one two three", style.clone())
            .ellipsis(ellipsis)
            .build(&book, &mut cx)
            .unwrap();
        let layout = p
            .layout(&mut cx, &LayoutOptions::new(width).max_lines(1))
            .unwrap();
        let runs: Vec<_> = layout.all_runs().iter().filter(|r| r.is_ellipsis()).collect();
        assert_eq!(runs.len(), 1, "{ellipsis:?}");
        assert_eq!(layout.glyphs(runs[0]).len(), glyphs, "{ellipsis:?}");
        assert!(close(runs[0].width(), shown), "{ellipsis:?}: {}", runs[0].width());
    }
}
