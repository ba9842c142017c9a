//! Style spans, alignment and line height.

#![cfg(feature = "bundled-fonts")]

use shrift::{Alignment, Feature, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};

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
            .filter(|g| g.cluster >= pos && g.cluster < pos + 6)
            .count()
    };
    assert_eq!(count(second), 6, "no ligature with -liga");
    assert_eq!(count(0), 4, "ffi ligature by default");
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
