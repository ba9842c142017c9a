//! Fitting text into boxes: widths f32 can hold, no wrap and intrinsic widths, line-height
//! modes, overflow wrap. Heights from the fonts' metrics read with ttf-parser; the rest by hand.

#![cfg(feature = "bundled-fonts")]

use shrift::{
    Error, FontBook, Layout, LayoutContext, LayoutOptions, LineHeight, OverflowWrap, Paragraph, TextStyle,
    MAX_WIDTH,
};

const SERIF_HEBREW: &[u8] = include_bytes!("../fonts/NotoSerifHebrew-Regular.ttf");
const SERIF: &[u8] = include_bytes!("../fonts/NotoSerif-Regular.ttf");

fn para_in(text: &str, stack: &str) -> (Paragraph, LayoutContext) {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let p = Paragraph::new(text, TextStyle::new(stack), &book, &mut cx).unwrap();
    (p, cx)
}

fn para(text: &str) -> (Paragraph, LayoutContext) {
    para_in(text, "Noto Sans Hebrew, Noto Sans")
}

fn lay(text: &str, options: &LayoutOptions) -> Layout {
    let (p, mut cx) = para(text);
    p.layout(&mut cx, options).unwrap()
}

#[test]
fn widths_f32_cannot_resolve_are_errors() {
    // A width of 1e9 used to put every glyph of a right-to-left run at x = 999999936.
    let (p, mut cx) = para("שלום עולם");
    for bad in [1e9, f32::MAX, MAX_WIDTH * 2.0, f32::INFINITY, f32::NAN, -1.0] {
        assert!(
            matches!(
                p.layout(&mut cx, &LayoutOptions::new(bad)),
                Err(Error::InvalidWidth(_))
            ),
            "{bad}"
        );
    }
    let wide = p.layout(&mut cx, &LayoutOptions::new(MAX_WIDTH)).unwrap();
    // At the widest width positions still keep 1/64 px: two glyphs of the run are apart.
    let xs: Vec<f32> = wide.all_glyphs().iter().map(|g| g.x).collect();
    assert!(xs.windows(2).all(|w| (w[0] - w[1]).abs() >= 1.0 / 64.0), "{xs:?}");
}

#[test]
fn no_wrap_ends_lines_only_at_hard_breaks() {
    let text = "a long first line of English text\nשורה שנייה ארוכה מאוד מאוד מאוד\nthird";
    let (p, mut cx) = para(text);
    let layout = p.layout(&mut cx, &LayoutOptions::no_wrap()).unwrap();
    let lines: Vec<&str> = layout.lines().iter().map(|l| &text[l.range()]).collect();
    assert_eq!(
        lines,
        [
            "a long first line of English text\n",
            "שורה שנייה ארוכה מאוד מאוד מאוד\n",
            "third"
        ]
    );
    // The layout is as wide as its widest line, which is max-content.
    let widest = layout.lines().iter().map(|l| l.width()).fold(0.0, f32::max);
    assert!((layout.width() - widest).abs() < 1e-3);
    assert!((p.max_content_width() - widest).abs() < 1e-3);
    // Laid out (wrapping) at max-content, nothing wraps either.
    let at_max = p
        .layout(&mut cx, &LayoutOptions::new(p.max_content_width()))
        .unwrap();
    assert_eq!(at_max.lines().len(), 3);
}

#[test]
fn min_content_is_the_widest_word() {
    // The widest unbreakable piece: "אינטערנאַציאָנאַלע" (UAX #14 has no break inside it).
    // Its width from HarfBuzz (uharfbuzz 0.57, Noto Sans Hebrew, yi, 16 px): 121.824 px.
    let text = "אַ ביסל אינטערנאַציאָנאַלע text";
    let (p, mut cx) = para(text);
    let word = 121.824;
    assert!(
        (p.min_content_width() - word).abs() < 1e-3,
        "{} vs {word}",
        p.min_content_width()
    );
    assert!(p.min_content_width() <= p.max_content_width());
    // At min-content every line ends at a break opportunity, never inside a word.
    let layout = p
        .layout(&mut cx, &LayoutOptions::new(p.min_content_width()))
        .unwrap();
    // Opportunities from unicode-linebreak (UAX #14, a second implementation).
    let breaks: Vec<usize> = unicode_linebreak::linebreaks(text).map(|(pos, _)| pos).collect();
    for line in layout.lines() {
        assert!(breaks.contains(&line.range().end), "{:?}", &text[line.range()]);
    }
}

/// Natural line height (ascent + descent + line gap) of a face at 16 px, from its tables.
fn natural(font: &[u8]) -> f32 {
    let face = ttf_parser::Face::parse(font, 0).unwrap();
    let units = f32::from(face.ascender()) - f32::from(face.descender()) + f32::from(face.line_gap());
    units * 16.0 / f32::from(face.units_per_em())
}

#[test]
fn line_height_modes() {
    // The case: at 80 px the line holding "YIVO" (Noto Serif, 21.8 px) is taller than
    // the Hebrew lines (Noto Serif Hebrew, 19.0 px) in the natural mode.
    let text = "שלום עולם טוב YIVO שלום עולם טוב";
    let (p, mut cx) = para_in(text, "Noto Serif Hebrew, Noto Serif");
    let mut heights = |mode: LineHeight| -> Vec<f32> {
        let layout = p
            .layout(&mut cx, &LayoutOptions::new(80.0).line_height_mode(mode))
            .unwrap();
        layout.lines().iter().map(|l| l.height()).collect()
    };
    // Natural: each line its faces' ascent + descent + line gap (hhea), the tallest face's:
    // Noto Serif's 21.79 px on the line holding "YIVO", Noto Serif Hebrew's 18.976 on the others.
    let natural_heights = heights(LineHeight::Natural(1.0));
    let book = FontBook::with_bundled_fonts();
    let layout = Paragraph::new(
        text,
        TextStyle::new("Noto Serif Hebrew, Noto Serif"),
        &book,
        &mut LayoutContext::new(),
    )
    .unwrap()
    .layout(&mut LayoutContext::new(), &LayoutOptions::new(80.0))
    .unwrap();
    let (serif, hebrew) = (natural(SERIF), natural(SERIF_HEBREW));
    assert!(
        (serif - 21.792).abs() < 1e-3 && (hebrew - 18.976).abs() < 1e-3,
        "{serif} {hebrew}"
    );
    for (line, h) in layout.lines().iter().zip(&natural_heights) {
        let expected = if text[line.range()].contains("YIVO") {
            serif
        } else {
            hebrew
        };
        assert!(
            (h - expected).abs() < 1e-3,
            "{:?}: {h} vs {expected}",
            &text[line.range()]
        );
    }
    assert!(layout.lines().iter().any(|l| text[l.range()].contains("YIVO")));
    // Uniform: every line the first face's (Noto Serif Hebrew's) natural height.
    let pitch = natural(SERIF_HEBREW);
    for h in heights(LineHeight::Uniform(1.0)) {
        assert!((h - pitch).abs() < 1e-3, "{h} vs {pitch}");
    }
    // CSS line-height: 1.3 at 16 px is 20.8 px; 24 px is 24 px.
    for h in heights(LineHeight::FontSize(1.3)) {
        assert!((h - 20.8).abs() < 1e-3);
    }
    let layout = p
        .layout(
            &mut cx,
            &LayoutOptions::new(80.0).line_height_mode(LineHeight::Px(24.0)),
        )
        .unwrap();
    let baselines: Vec<f32> = layout.lines().iter().map(|l| l.baseline()).collect();
    assert!(
        baselines.windows(2).all(|w| (w[1] - w[0] - 24.0).abs() < 1e-3),
        "{baselines:?}"
    );
    // Bad values are errors.
    for bad in [
        LineHeight::Px(-1.0),
        LineHeight::FontSize(f32::NAN),
        LineHeight::Uniform(f32::INFINITY),
    ] {
        let options = LayoutOptions::new(80.0).line_height_mode(bad);
        assert!(matches!(
            p.layout(&mut cx, &options),
            Err(Error::InvalidLineHeight(_))
        ));
    }
}

#[test]
fn overflow_wrap_modes() {
    let text = "supercalifragilistic ok";
    // Normal: the word overflows its line whole (browsers' default).
    let normal = lay(
        text,
        &LayoutOptions::new(50.0).overflow_wrap(OverflowWrap::Normal),
    );
    assert_eq!(&text[normal.lines()[0].range()], "supercalifragilistic ");
    assert!(normal.lines()[0].width() > 50.0);
    // Anywhere (the default) and break-word: broken between clusters, every line fits.
    for mode in [OverflowWrap::Anywhere, OverflowWrap::BreakWord] {
        let layout = lay(text, &LayoutOptions::new(50.0).overflow_wrap(mode));
        assert!(layout.lines().len() > 2);
        assert!(layout.lines().iter().all(|l| l.width() <= 50.0 + 1e-3));
    }
    assert_eq!(
        LayoutOptions::new(50.0).get_overflow_wrap(),
        OverflowWrap::Anywhere
    );
}

#[test]
fn a_no_wrap_document_aligns_its_blocks_in_one_column() {
    // A short RTL block under a long LTR one: laid out without wrapping, the document is as wide
    // as the long block, and the RTL block is right-aligned in that width (its start edge).
    use shrift::{Block, Document, DocumentLayout};
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Sans, Noto Sans Hebrew");
    let mut doc = Document::new();
    let long = Paragraph::new(
        "a rather long line of English text",
        style.clone(),
        &book,
        &mut cx,
    )
    .unwrap();
    let widest = long.max_content_width();
    doc.push(Block::new(long));
    doc.push(Block::new(Paragraph::new("שלום", style, &book, &mut cx).unwrap()));
    let mut out = DocumentLayout::default();
    doc.layout_with(&mut cx, &LayoutOptions::no_wrap(), &mut out)
        .unwrap();
    assert!((out.width() - widest).abs() < 1e-3);
    let rtl = &out.blocks()[1].lines()[0];
    assert!(
        (rtl.x() + rtl.width() - widest).abs() < 1e-3,
        "right edge {} vs {widest}",
        rtl.x() + rtl.width()
    );
    assert_eq!(out.blocks()[0].lines().len(), 1);
}

#[test]
fn per_char_fallback_takes_each_char_from_the_first_face_that_has_it() {
    // CSS font matching: each char from the first face of the stack whose cmap has it (read here
    // with ttf-parser). The default (per grapheme) keeps the space after "abc" in Noto Sans.
    use shrift::Fallback;
    let faces: [(&str, &[u8]); 2] = [
        (
            "NotoSansHebrew-Regular.ttf",
            include_bytes!("../fonts/NotoSansHebrew-Regular.ttf"),
        ),
        (
            "NotoSans-Regular.ttf",
            include_bytes!("../fonts/NotoSans-Regular.ttf"),
        ),
    ];
    let expected_face = |c: char| {
        faces
            .iter()
            .find(|(_, bytes)| {
                ttf_parser::Face::parse(bytes, 0)
                    .unwrap()
                    .glyph_index(c)
                    .is_some()
            })
            .map(|(name, _)| *name)
    };
    let text = "abc def, שלום (2026)!";
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
    let per_char = Paragraph::builder(text, style.clone())
        .fallback(Fallback::PerChar)
        .build(&book, &mut cx)
        .unwrap();
    let layout = per_char.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    for run in layout.all_runs() {
        for c in text[run.range()].chars() {
            assert_eq!(
                Some(run.font().name()),
                expected_face(c),
                "{c:?} in {:?}",
                &text[run.range()]
            );
        }
    }
    // The space after "abc": per char it is Noto Sans Hebrew's (which has U+0020); per grapheme
    // it stays with the Latin face before it.
    assert_eq!(expected_face(' '), Some("NotoSansHebrew-Regular.ttf"));
    let grapheme = Paragraph::new(text, style, &book, &mut cx).unwrap();
    let layout = grapheme.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    let space_run = layout.all_runs().iter().find(|r| r.range().contains(&3)).unwrap();
    assert_eq!(space_run.font().name(), "NotoSans-Regular.ttf");
}

#[path = "common/proptest_config.rs"]
mod proptest_config;

mod intrinsic {
    use super::*;
    use proptest::prelude::*;
    use proptest_config::config;

    fn text() -> impl Strategy<Value = String> {
        proptest_config::mixed_text(&["a\u{AD}b", "x-y"], &[" ", " ", "\n", "\u{A0}"], 1..12)
    }

    proptest! {
        #![proptest_config(config(200, 0x1d7_4517, None))]

        /// min-content <= max-content; at max-content no line wraps (lines end only at hard
        /// breaks), and at min-content no word is broken between graphemes (every line ends at
        /// a UAX #14 opportunity).
        #[test]
        fn intrinsic_widths(text in text()) {
            let (p, mut cx) = para(&text);
            let (min, max) = (p.min_content_width(), p.max_content_width());
            prop_assert!(min <= max + 1e-3, "{min} > {max}");
            // A line per hard break, and the empty last line after a final one.
            let hard = text.split_inclusive('\n').count().max(1) + usize::from(text.ends_with('\n'));
            let at_max = p.layout(&mut cx, &LayoutOptions::new(max)).unwrap();
            prop_assert_eq!(at_max.lines().len(), hard);
            // Opportunities from unicode-linebreak, not from the code under test.
            let opportunities: Vec<usize> =
                unicode_linebreak::linebreaks(&text).map(|(pos, _)| pos).collect();
            let at_min = p.layout(&mut cx, &LayoutOptions::new(min)).unwrap();
            for line in at_min.lines() {
                let end = line.range().end;
                prop_assert!(end == text.len() || opportunities.contains(&end), "line ends at {end} in {text:?}");
            }
        }
    }
}
