//! Justification: a line's slack goes to its inter-word spaces, after reordering. Expected
//! positions from HarfBuzz's widths of each line's pieces (uharfbuzz 0.57, the bundled faces at
//! 16 px, as in tests/truncation.rs): "one " 32.752, "one two " 64.944, "one two three" 104.944
//! (Noto Sans); "שלום עולם טוב" 101.888 (Noto Sans Hebrew, rtl, yi).

#![cfg(feature = "bundled-fonts")]

#[path = "common/proptest_config.rs"]
mod proptest_config;

use proptest::prelude::*;
use shrift::{Alignment, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, TextStyle};

fn lay(text: &str, options: &LayoutOptions) -> Layout {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let p = Paragraph::new(
        text,
        TextStyle::new("Noto Sans Hebrew, Noto Sans"),
        &book,
        &mut cx,
    )
    .unwrap();
    p.layout(&mut cx, options).unwrap()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() <= 0.01
}

/// The left and right ink edges of line `i` (pen extents, hanging whitespace left out).
fn extent(layout: &Layout, i: usize) -> (f32, f32) {
    let line = &layout.lines()[i];
    let text = layout.text();
    let body_end = line.range().start + text[line.range()].trim_end().len();
    let glyphs = layout
        .runs(line)
        .iter()
        .flat_map(|r| layout.pens(r))
        .filter(|(_, g)| g.text_offset() < body_end);
    glyphs.fold((f32::INFINITY, f32::NEG_INFINITY), |(l, r), (pen, g)| {
        (l.min(pen), r.max(pen + g.advance + g.extra))
    })
}

#[test]
fn the_slack_goes_to_the_spaces_in_equal_shares() {
    // 120 px: "one two three " on the first line (with "four", 140.784 > 120). Slack 120 -
    // 104.944 = 15.056 over two spaces: 7.528 each.
    let text = "one two three four five six seven";
    let layout = lay(text, &LayoutOptions::new(120.0).align(Alignment::Justify));
    let x_of = |cluster: usize| {
        layout
            .all_glyphs()
            .iter()
            .find(|g| g.text_offset() == cluster)
            .unwrap()
            .x
    };
    assert!(close(x_of(4), 32.752 + 7.528), "{}", x_of(4));
    assert!(close(x_of(8), 64.944 + 2.0 * 7.528), "{}", x_of(8));
    let extras: Vec<(usize, f32)> = layout
        .glyphs(&layout.runs(&layout.lines()[0])[0])
        .iter()
        .filter(|g| g.extra != 0.0)
        .map(|g| (g.text_offset(), g.extra))
        .collect();
    assert_eq!(extras.len(), 2);
    assert!(extras.iter().all(|&(c, e)| (c == 3 || c == 7) && close(e, 7.528)));
    let first = &layout.lines()[0];
    assert!(close(first.width(), 120.0));
    let (left, right) = extent(&layout, 0);
    assert!(close(left, 0.0) && close(right, first.width()), "{left}..{right}");
    // The last line is not stretched.
    let last = layout.lines().len() - 1;
    assert!(layout
        .all_glyphs()
        .iter()
        .filter(|g| g.text_offset() >= layout.lines()[last].range().start)
        .all(|g| g.extra == 0.0));
    assert_eq!(layout.lines()[last].x(), 0.0);
}

#[test]
fn right_to_left_and_mixed_lines_fill_the_width() {
    // 110 px: "שלום עולם טוב " first (101.888 px of ink), slack 8.112 over two spaces.
    let layout = lay(
        "שלום עולם טוב מאָרגן",
        &LayoutOptions::new(110.0).align(Alignment::Justify),
    );
    let (l, r) = extent(&layout, 0);
    assert!(close(l, 0.0) && close(r, 110.0), "{l} {r}");
    let shares: Vec<f32> = layout
        .all_glyphs()
        .iter()
        .map(|g| g.extra)
        .filter(|&e| e != 0.0)
        .collect();
    assert_eq!(shares.len(), 2);
    assert!(shares.iter().all(|&e| close(e, 8.112 / 2.0)));
    // The last line keeps to the start edge: the right one.
    let last = layout.lines().last().unwrap();
    assert!(close(last.x() + last.width(), 110.0));
    // An English phrase in a Yiddish line: its space stretches too, in its place.
    let text = "שלום YIVO Institute for Jewish Research";
    let start = lay(text, &LayoutOptions::new(150.0));
    let justified = lay(text, &LayoutOptions::new(150.0).align(Alignment::Justify));
    let (l, r) = extent(&justified, 0);
    assert!(close(l, 0.0) && close(r, 150.0), "{l} {r}");
    let clusters = |layout: &Layout| {
        layout
            .all_glyphs()
            .iter()
            .map(|g| (g.id, g.text_offset()))
            .collect::<Vec<_>>()
    };
    assert_eq!(clusters(&start), clusters(&justified));
    let stretched: Vec<usize> = justified
        .all_glyphs()
        .iter()
        .filter(|g| g.extra != 0.0)
        .map(|g| g.text_offset())
        .collect();
    assert_eq!(
        stretched,
        vec![text.find(" Institute").unwrap(), text.find(" YIVO").unwrap()]
    );
}

#[test]
fn hard_breaks_and_no_break_spaces_are_not_stretched() {
    let layout = lay(
        "one two\nthree four five six",
        &LayoutOptions::new(120.0).align(Alignment::Justify),
    );
    // "one two" ends at a hard break: start-aligned, nothing stretched.
    assert!(layout
        .glyphs(&layout.runs(&layout.lines()[0])[0])
        .iter()
        .all(|g| g.extra == 0.0));
    let layout = lay(
        "one\u{A0}two three four five six",
        &LayoutOptions::new(120.0).align(Alignment::Justify),
    );
    let nbsp = layout.all_glyphs().iter().find(|g| g.text_offset() == 3).unwrap();
    assert_eq!(nbsp.extra, 0.0);
}

fn text() -> impl Strategy<Value = String> {
    proptest_config::mixed_text(&["a\u{A0}b"], &[" ", " ", " ", "\n"], 1..16)
}

proptest! {
    #![proptest_config(proptest_config::config(200, 0x0105_71f7, None))]

    /// Justification never changes which glyphs a line holds or their order, and a justified
    /// line with a space, not the last and not ending at a hard break, spans the width.
    #[test]
    fn justification_only_moves_glyphs(text in text(), width in 40.0f32..400.0) {
        let start = lay(&text, &LayoutOptions::new(width));
        let justified = lay(&text, &LayoutOptions::new(width).align(Alignment::Justify));
        prop_assert_eq!(start.lines().len(), justified.lines().len());
        for (i, (a, b)) in start.lines().iter().zip(justified.lines()).enumerate() {
            prop_assert_eq!(a.range(), b.range());
            let ids = |l: &Layout, line: &shrift::Line| {
                l.runs(line).iter().flat_map(|r| l.glyphs(r)).map(|g| (g.id, g.text_offset())).collect::<Vec<_>>()
            };
            prop_assert_eq!(ids(&start, a), ids(&justified, b));
            let stretched = justified.runs(b).iter().flat_map(|r| justified.glyphs(r)).any(|g| g.extra > 0.0);
            if stretched {
                let (l, r) = extent(&justified, i);
                prop_assert!(close(l, 0.0) && close(r, width), "line {} spans {} to {} of {}", i, l, r, width);
                // CSS Text 3 (text-justify: auto, for Latin and Hebrew): the slack goes to the
                // word separators in equal shares. Every U+0020 before the line's hanging
                // whitespace gets (width - the unjustified line's width) / their number, and no
                // other glyph gets anything.
                let text = justified.text();
                let line_text = &text[b.range()];
                let body_end = b.range().start + line_text.trim_end_matches([' ', '\n']).len();
                let glyphs: Vec<&shrift::Glyph> = justified.runs(b).iter().flat_map(|r| justified.glyphs(r)).collect();
                let is_space = |g: &shrift::Glyph| g.text_offset() < body_end && text.as_bytes()[g.text_offset()] == b' ';
                let spaces = glyphs.iter().filter(|g| is_space(g)).count();
                prop_assert!(spaces > 0);
                let share = (width - a.width()) / spaces as f32;
                for g in &glyphs {
                    if is_space(g) {
                        prop_assert!(g.extra > 0.0 && (g.extra - share).abs() < 1e-3, "space at {} gets {} not {}", g.text_offset(), g.extra, share);
                    } else {
                        prop_assert_eq!(g.extra, 0.0, "glyph at {} stretched", g.text_offset());
                    }
                }
            }
            prop_assert!(b.width() <= width + 0.01 || a.width() > width);
        }
    }
}

/// A justified line with nothing to stretch (a word too long for the line, broken between
/// graphemes) is aligned at its start, as CSS Text 3 §7.3 has it when a line has no
/// justification opportunity: an RTL line at the right edge, its width its own. (Found by
/// cargo-mutants: a justification that reported the slack as taken without moving anything
/// passed every other test.)
#[test]
fn a_line_without_spaces_stays_at_its_start() {
    let text = "אינטערנאַציאָנאַלע אַ";
    let layout = lay(text, &LayoutOptions::new(60.0).align(Alignment::Justify));
    assert!(layout.lines().len() > 2);
    let line = &layout.lines()[0];
    assert!(!text[line.range()].contains(' '));
    assert!(line.width() < 60.0, "{}", line.width());
    assert!(
        close(line.x() + line.width(), 60.0),
        "x {} width {}",
        line.x(),
        line.width()
    );
    let english = lay(
        "extraordinarily long",
        &LayoutOptions::new(40.0).align(Alignment::Justify),
    );
    let first = &english.lines()[0];
    assert!(close(first.x(), 0.0) && first.width() < 40.0, "{first:?}");
}
