//! Style spans, alignment and line height.

#![cfg(feature = "bundled-fonts")]

use shrift::{Alignment, Feature, FontBook, LayoutContext, LayoutOptions, Paragraph, SpanStyle, TextStyle};

fn body() -> TextStyle {
    TextStyle::new("Noto Serif, Noto Serif Hebrew")
}

#[test]
fn spans_change_face_size_language_and_features() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = "office ייִדיש office";
    let second = text.rfind("office").unwrap();
    let para = Paragraph::builder(text, body())
        .span(0..6, body().weight(700))
        .span(7..text.find(" office").unwrap(), body().size(24.0).language("he"))
        .span(
            second..text.len(),
            body().feature("-liga".parse::<Feature>().unwrap()),
        )
        .build(&book, &mut cx)
        .unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    let run_at = |pos: usize| {
        layout
            .all_runs()
            .iter()
            .find(|r| r.range().contains(&pos))
            .unwrap()
    };
    assert_eq!(run_at(0).font().name(), "NotoSerif-Bold.ttf");
    assert_eq!(run_at(8).font().name(), "NotoSerifHebrew-Regular.ttf");
    assert_eq!((run_at(8).size(), run_at(8).language()), (24.0, Some("he")));
    // Unstyled Hebrew is tagged yi; unstyled Latin is untagged.
    let plain = Paragraph::new("ab אב", body(), &book, &mut cx).unwrap();
    let plain = plain.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    let langs: Vec<_> = plain
        .all_runs()
        .iter()
        .map(|r| (r.script(), r.language()))
        .collect();
    assert!(
        langs.contains(&("Hebr", Some("yi"))) && langs.contains(&("Latn", None)),
        "{langs:?}"
    );
    // hb-shape on Noto Serif: "office" is 4 glyphs (an "ffi" ligature), with --features=-liga 6.
    // (The bold face has the ligature too.)
    let count = |pos: usize| {
        layout
            .glyphs(run_at(pos))
            .iter()
            .filter(|g| (pos..pos + 6).contains(&g.text_offset()))
            .count()
    };
    assert_eq!(count(second), 6, "no ligature with -liga");
    assert_eq!(count(0), 4, "ffi ligature by default");
}

#[test]
fn overlapping_spans_combine_their_properties() {
    // Bold over 0..21 and 20 px over 11..31 (the case, with a size for the italic the
    // bundled faces lack): by hand, 0..11 bold 16 px, 11..21 bold 20 px, 21..31 regular 20 px,
    // 31.. regular 16 px; the faces' weights come from their OS/2 tables (Noto Serif Bold: 700).
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = "aaaaaaaaaa bbbbbbbbb cccccccccc dddddddd";
    let para = Paragraph::builder(text, body())
        .span(0..21, SpanStyle::new().weight(700))
        .span(11..31, SpanStyle::new().size(20.0))
        .build(&book, &mut cx)
        .unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    let at = |pos: usize| {
        let r = layout
            .all_runs()
            .iter()
            .find(|r| r.range().contains(&pos))
            .unwrap();
        (r.font().weight(), r.size())
    };
    assert_eq!(at(5), (700, 16.0));
    assert_eq!(at(15), (700, 20.0));
    assert_eq!(at(25), (400, 20.0));
    assert_eq!(at(35), (400, 16.0));
    // Each merged style once: the base and the three above.
    assert_eq!(para.styles().len(), 4);
}

#[test]
fn runs_carry_their_paint_and_a_paint_change_does_not_split_shaping() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    // "office" with the "ffi" ligature: a paint change between "o" and "ffice" cuts the run but
    // not the shaping, so the ligature (one glyph for "ffi", as hb-shape gives with Noto Serif)
    // stays; "fi" painted apart from "f" would break it if paint split items.
    let text = "office ייִדיש";
    let para = Paragraph::builder(text, body().paint(7))
        .span(1..6, SpanStyle::new().paint(9))
        .span(7..text.len(), SpanStyle::new().paint(3))
        .build(&book, &mut cx)
        .unwrap();
    let plain = Paragraph::new(text, body(), &book, &mut cx).unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    let unpainted = plain.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    // The same glyphs where they are.
    assert_eq!(layout.all_glyphs(), unpainted.all_glyphs());
    let paints: Vec<(std::ops::Range<usize>, u32)> =
        layout.all_runs().iter().map(|r| (r.range(), r.paint())).collect();
    // One run per stretch of one paint, no more: "o", "ffice", the space (the base paint again),
    // and the Yiddish word.
    assert_eq!(
        paints,
        [(0..1, 7), (1..6, 9), (6..7, 7), (7..text.len(), 3)],
        "{paints:?}"
    );
    for run in layout.all_runs() {
        assert_eq!(para.styles()[run.style_index()].paint_id(), run.paint());
    }
}

#[test]
fn a_right_to_left_word_painted_at_its_start_is_two_runs() {
    // "ייִדיש" with its first letter painted 5: drawn left to right, the word's end (paint 3)
    // comes first and the painted letter last; two runs, none empty.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = "ייִדיש";
    let para = Paragraph::builder(text, body().paint(3))
        .span(0..2, SpanStyle::new().paint(5))
        .build(&book, &mut cx)
        .unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    let runs: Vec<(std::ops::Range<usize>, u32, usize)> = layout
        .all_runs()
        .iter()
        .map(|r| (r.range(), r.paint(), layout.glyphs(r).len()))
        .collect();
    assert_eq!(runs, [(2..text.len(), 3, 5), (0..2, 5, 1)]);
}

#[test]
fn alignment_places_the_line_content() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let ltr = Paragraph::new("short line", body(), &book, &mut cx).unwrap();
    let rtl = Paragraph::new("שורה קורצע", body(), &book, &mut cx).unwrap();
    let x = |p: &Paragraph, a: Alignment, cx: &mut LayoutContext| {
        let l = p.layout(cx, &LayoutOptions::new(500.0).align(a)).unwrap();
        let line = &l.lines()[0];
        (line.x(), line.width())
    };
    let (x0, w) = x(&ltr, Alignment::Start, &mut cx);
    assert_eq!(x0, 0.0);
    assert!((x(&ltr, Alignment::End, &mut cx).0 - (500.0 - w)).abs() < 1e-3);
    assert!((x(&ltr, Alignment::Center, &mut cx).0 - (500.0 - w) / 2.0).abs() < 1e-3);
    let (r0, rw) = x(&rtl, Alignment::Start, &mut cx);
    assert!(
        (r0 - (500.0 - rw)).abs() < 1e-3,
        "start is the right edge in an RTL paragraph"
    );
    assert_eq!(x(&rtl, Alignment::End, &mut cx).0, 0.0);
    assert_eq!(x(&rtl, Alignment::Left, &mut cx).0, 0.0);
    assert!((x(&ltr, Alignment::Right, &mut cx).0 - (500.0 - w)).abs() < 1e-3);
}

#[test]
fn line_height_scales_the_faces_metrics() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let para = Paragraph::new("one two three four five six", body(), &book, &mut cx).unwrap();
    let one = para.layout(&mut cx, &LayoutOptions::new(60.0)).unwrap();
    let two = para
        .layout(&mut cx, &LayoutOptions::new(60.0).line_height(2.0))
        .unwrap();
    // Noto Serif (fontTools: hhea and OS/2 typo metrics): ascender 1069, descender -293, line gap
    // 0 per 1000 units: 21.79 px at 16 px.
    let natural = (1069.0 + 293.0) * 16.0 / 1000.0;
    assert!(
        (one.lines()[0].height() - natural).abs() < 0.01,
        "{}",
        one.lines()[0].height()
    );
    assert!((two.lines()[0].height() - 2.0 * natural).abs() < 0.01);
    assert!((two.height() - 2.0 * one.height()).abs() < 0.05);
    // The baseline sits in the middle of the extra leading.
    let l = &two.lines()[0];
    assert!((l.baseline() - (natural / 2.0 + l.ascent())).abs() < 0.01);
}

#[path = "common/proptest_config.rs"]
mod proptest_config;

use proptest::prelude::*;

proptest! {
    #![proptest_config(proptest_config::config(150, 0x9a17, None))]

    /// Paint spans do not change shaping or placement, but they send positioning through its
    /// general path (a run cut where the paint changes) instead of the one-pass path of a
    /// single-style run. Both must place every glyph alike, note the same missing glyphs (U+E000,
    /// no bundled face has it) and give lines the same extent (the hanging advance), on any
    /// text at any width, either direction, aligned either way.
    #[test]
    fn paint_spans_place_glyphs_as_a_single_style_does(
        text in proptest_config::mixed_text(&["\u{E000}\u{E000}", "office"], &[" ", "  ", "", "\n"], 1..25),
        from in 0usize..200,
        len in 0usize..60,
        width in 0.0f32..400.0,
        rtl in any::<bool>(),
        end in any::<bool>(),
    ) {
        let book = FontBook::with_bundled_fonts();
        let mut cx = LayoutContext::new();
        let mut start = from.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut stop = (start + len).min(text.len());
        while !text.is_char_boundary(stop) {
            stop -= 1;
        }
        let direction = if rtl { shrift::BaseDirection::Rtl } else { shrift::BaseDirection::Auto };
        let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
        let painted = Paragraph::builder(&text, style.clone().paint(1))
            .direction(direction)
            .span(start..stop, SpanStyle::new().paint(2))
            .build(&book, &mut cx)
            .unwrap();
        let plain = Paragraph::builder(&text, style).direction(direction).build(&book, &mut cx).unwrap();
        let align = if end { Alignment::End } else { Alignment::Start };
        let options = LayoutOptions::new(width).align(align);
        let a = painted.layout(&mut cx, &options).unwrap();
        let b = plain.layout(&mut cx, &options).unwrap();
        prop_assert_eq!(a.all_glyphs(), b.all_glyphs());
        prop_assert_eq!(a.missing_glyphs(), b.missing_glyphs());
        prop_assert_eq!(a.lines().len(), b.lines().len());
        for (x, y) in a.lines().iter().zip(b.lines()) {
            prop_assert_eq!((x.range(), x.x(), x.width()), (y.range(), y.x(), y.width()));
        }
    }
}
