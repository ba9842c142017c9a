//! Underline and strikethrough rectangles (`Layout::decorations`).
//!
//! Expected strokes from the font tables read here with ttf-parser (`post` underlinePosition and
//! underlineThickness, `OS/2` yStrikeoutPosition and yStrikeoutSize: the top of each stroke above
//! the baseline, OpenType spec), scaled to the size. Expected x extents from HarfBuzz widths
//! (uharfbuzz 0.57, Noto Sans 16 px): "see the " 58.72, "YIVO" 36.416, no kerning across the cut;
//! "one two three" 104.944; Noto Sans Hebrew (yi) "איינס צוויי דרײַ" 98.24, and the line
//! "דער YIVO אין ווילנע" as shaped in its three faces' runs: "דער " 30.848 (Noto Sans Hebrew),
//! "YIVO " 40.576 (Noto Sans: the space keeps the face before it), "אין ווילנע" 62.352, 133.776
//! in all.

#![cfg(feature = "bundled-fonts")]

use shrift::{
    Alignment, DecorationKind, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, SpanStyle,
    TextStyle,
};

const NOTO_SANS: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
const NOTO_SANS_HEBREW: &[u8] = include_bytes!("../fonts/NotoSansHebrew-Regular.ttf");

/// (underline top, underline thickness, strikeout top, strikeout thickness) in px at `size`.
fn strokes(font: &[u8], size: f32) -> (f32, f32, f32, f32) {
    let face = ttf_parser::Face::parse(font, 0).unwrap();
    let scale = size / f32::from(face.units_per_em());
    let u = face.underline_metrics().unwrap();
    let s = face.strikeout_metrics().unwrap();
    (
        f32::from(u.position) * scale,
        f32::from(u.thickness) * scale,
        f32::from(s.position) * scale,
        f32::from(s.thickness) * scale,
    )
}

fn lay(
    text: &str,
    style: TextStyle,
    spans: &[(std::ops::Range<usize>, SpanStyle)],
    options: LayoutOptions,
) -> Layout {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let mut builder = Paragraph::builder(text, style);
    for (range, span) in spans {
        builder = builder.span(range.clone(), span.clone());
    }
    builder
        .build(&book, &mut cx)
        .unwrap()
        .layout(&mut cx, &options)
        .unwrap()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.01
}

#[test]
fn an_underlined_line_has_one_stroke_from_the_post_table() {
    let (pos, thick, _, _) = strokes(NOTO_SANS, 16.0);
    let layout = lay(
        "see the YIVO site",
        TextStyle::new("Noto Sans").underline(true),
        &[],
        LayoutOptions::new(400.0),
    );
    let line = &layout.lines()[0];
    let d = layout.decorations();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind(), DecorationKind::Underline);
    assert!(
        close(d[0].y(), line.baseline() - pos),
        "{} vs {}",
        d[0].y(),
        line.baseline() - pos
    );
    assert!(close(d[0].thickness(), thick));
    assert!(close(d[0].x(), 0.0) && close(d[0].width(), 125.888));
}

#[test]
fn strikethrough_comes_from_os2() {
    let (_, _, pos, thick) = strokes(NOTO_SANS, 16.0);
    let layout = lay(
        "see the YIVO site",
        TextStyle::new("Noto Sans").strikethrough(true),
        &[],
        LayoutOptions::new(400.0),
    );
    let d = layout.decorations();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind(), DecorationKind::Strikethrough);
    assert!(close(d[0].y(), layout.lines()[0].baseline() - pos));
    assert!(close(d[0].thickness(), thick));
}

#[test]
fn a_span_underlines_its_own_glyphs() {
    // "YIVO" starts after "see the " (58.72 px) and is 36.416 px wide.
    let layout = lay(
        "see the YIVO site",
        TextStyle::new("Noto Sans"),
        &[(8..12, SpanStyle::new().underline(true).strikethrough(true))],
        LayoutOptions::new(400.0),
    );
    let d = layout.decorations();
    assert_eq!(d.len(), 2);
    for d in d {
        assert!(close(d.x(), 58.72) && close(d.width(), 36.416), "{d:?}");
    }
}

#[test]
fn one_stroke_runs_across_yiddish_and_english_in_one_style() {
    // Two faces, one style: the stroke is the first face's (Noto Sans Hebrew), unbroken.
    let (pos, thick, _, _) = strokes(NOTO_SANS_HEBREW, 16.0);
    let text = "דער YIVO אין ווילנע";
    let layout = lay(
        text,
        TextStyle::new("Noto Sans Hebrew, Noto Sans").underline(true),
        &[],
        LayoutOptions::new(400.0),
    );
    let line = &layout.lines()[0];
    assert!(layout.all_runs().len() >= 3);
    let d = layout.decorations();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(close(d[0].x(), line.x()) && close(d[0].width(), line.width()));
    assert!(close(d[0].width(), 133.776), "{d:?}");
    assert!(close(d[0].y(), line.baseline() - pos) && close(d[0].thickness(), thick));
}

#[test]
fn each_wrapped_line_has_its_stroke_without_the_hanging_space() {
    for (text, align) in [
        ("one two three four five six seven eight", Alignment::Start),
        ("איינס צוויי דרײַ פֿיר פֿינף זעקס זיבן אַכט", Alignment::Start),
        ("one two three four five six seven eight", Alignment::Justify),
    ] {
        let layout = lay(
            text,
            TextStyle::new("Noto Sans Hebrew, Noto Sans").underline(true),
            &[],
            LayoutOptions::new(120.0).align(align),
        );
        let lines = layout.lines();
        assert!(lines.len() > 2);
        let d = layout.decorations();
        assert_eq!(d.len(), lines.len());
        for (k, (d, line)) in d.iter().zip(lines).enumerate() {
            assert_eq!(d.line(), k);
            // The line's content box leaves its hanging whitespace out; justified lines span 120.
            assert!(
                close(d.x(), line.x()) && close(d.width(), line.width()),
                "{text}: {d:?} {line:?}"
            );
            if align == Alignment::Justify && k + 1 < lines.len() {
                assert!(close(d.width(), 120.0));
            }
            // The first line's stroke is its text without the hanging space, as HarfBuzz
            // measures it ("one two three " and "איינס צוויי דרײַ " fill 120 px).
            if k == 0 && align == Alignment::Start {
                let expected = if text.starts_with("one") { 104.944 } else { 98.24 };
                assert!(close(d.width(), expected), "{text}: {d:?}");
            }
        }
    }
}

#[test]
fn a_paint_change_cuts_the_stroke_where_it_changes() {
    // "see the " paint 0, "YIVO site" paint 1: two strokes meeting at 58.72.
    let layout = lay(
        "see the YIVO site",
        TextStyle::new("Noto Sans").underline(true),
        &[(8..17, SpanStyle::new().paint(1))],
        LayoutOptions::new(400.0),
    );
    let d = layout.decorations();
    assert_eq!(d.len(), 2);
    assert_eq!((d[0].paint(), d[1].paint()), (0, 1));
    assert!(close(d[0].x() + d[0].width(), 58.72) && close(d[1].x(), 58.72));
    assert!(close(d[1].x() + d[1].width(), 125.888));
}

#[test]
fn a_document_moves_strokes_with_their_blocks() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let mut doc = shrift::Document::new();
    for text in ["first", "second"] {
        let p = Paragraph::new(text, TextStyle::new("Noto Sans").underline(true), &book, &mut cx).unwrap();
        doc.push(shrift::Block::new(p).space_after(10.0));
    }
    let laid = doc.layout(&mut cx, 300.0).unwrap();
    let (pos, _, _, _) = strokes(NOTO_SANS, 16.0);
    for block in laid.blocks() {
        let line = &block.lines()[0];
        assert!(close(block.decorations()[0].y(), line.baseline() - pos));
    }
}

// Only with the SVG writer: without it there is nothing to test (rather than a test that
// passes without looking).
#[cfg(feature = "svg")]
#[test]
fn the_svg_draws_the_strokes() {
    {
        let layout = lay(
            "see the YIVO site",
            TextStyle::new("Noto Sans").underline(true).strikethrough(true),
            &[],
            LayoutOptions::new(400.0),
        );
        let svg = shrift::layout_to_svg(&layout, &shrift::SvgOptions::new());
        assert_eq!(svg.matches("class=\"underline\"").count(), 1);
        assert_eq!(svg.matches("class=\"strikethrough\"").count(), 1);
    }
}

#[test]
fn faces_without_strokes_get_the_documented_fallbacks() {
    // tests/fonts/ContextTest.ttf (tools/make_context_font.py) has post and OS/2 strokes of
    // thickness 0 and an x-height of 0: thickness 1/20 em, underline top 1/10 em below the
    // baseline, strikethrough centred on 1/4 em (half of the 1/2 em assumed for the x-height).
    let font = shrift::Font::from_file("tests/fonts/ContextTest.ttf", 0).unwrap();
    let m = font.decoration_metrics(20.0);
    assert!(close(m.underline_thickness, 1.0) && close(m.strikethrough_thickness, 1.0));
    assert!(close(m.underline_position, -2.0));
    assert!(close(m.strikethrough_position, 5.0 + 0.5));
    // A face with both tables: what they say (Ezra SIL: -123/20 and 530/102 of 2048 units).
    let ezra = shrift::Font::from_file("tests/fonts/SILEOT.ttf", 0).unwrap();
    let m = ezra.decoration_metrics(2048.0);
    assert_eq!(
        (
            m.underline_position,
            m.underline_thickness,
            m.strikethrough_position,
            m.strikethrough_thickness
        ),
        (-123.0, 20.0, 530.0, 102.0)
    );
}
