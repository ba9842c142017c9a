//! Breaking at a point the shaper marked unsafe to break: both sides are reshaped, and a line is
//! measured as it will be drawn. tests/fonts/ContextTest.ttf (tools/make_context_font.py) kerns
//! "x" by -300 units only before "space A"; hb-shape confirms: "aa x A" gives x an advance of 200
//! and flags the glyphs after it unsafe to break, "aa x " alone gives x 500.

use shrift::{Font, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};

fn context_font_book() -> FontBook {
    let path = format!("{}/tests/fonts/ContextTest.ttf", env!("CARGO_MANIFEST_DIR"));
    let mut book = FontBook::new();
    book.add(Font::from_file(path, 0).unwrap());
    book
}

#[test]
fn a_line_ending_at_an_unsafe_break_is_measured_reshaped() {
    let book = context_font_book();
    let mut cx = LayoutContext::new();
    // 1000 px per em: font units are pixels.
    let style = TextStyle::new("Context Test").size(1000.0);
    let text = "aa x A";
    let para = Paragraph::new(text, style, &book, &mut cx).unwrap();
    // By the paragraph's advances "aa x" is 1450 wide and fits 1500; cut before "A" it loses its
    // kern and is 1750 wide, so the line must end before "x" instead; "x A" then fits, kerned.
    let layout = para.layout(&mut cx, &LayoutOptions::new(1500.0)).unwrap();
    let lines: Vec<&str> = layout.lines().iter().map(|l| &text[l.range()]).collect();
    assert_eq!(lines, vec!["aa ", "x A"]);
    let widths: Vec<f32> = layout.lines().iter().map(|l| l.width()).collect();
    assert_eq!(widths, vec![1000.0, 1050.0]);
    // Wide enough for the reshaped "aa x": the break before "A" stays, and the cut is reshaped:
    // x is 500 wide on the first line (no kern without "space A" after it).
    let layout = para.layout(&mut cx, &LayoutOptions::new(1800.0)).unwrap();
    let lines: Vec<&str> = layout.lines().iter().map(|l| &text[l.range()]).collect();
    assert_eq!(lines, vec!["aa x ", "A"]);
    let x = layout.all_glyphs().iter().find(|g| g.cluster == 3).unwrap();
    assert_eq!(x.advance, 500.0);
    assert_eq!(layout.lines()[0].width(), 1750.0);
    // And on one line the kern applies.
    let layout = para.layout(&mut cx, &LayoutOptions::new(5000.0)).unwrap();
    let x = layout.all_glyphs().iter().find(|g| g.cluster == 3).unwrap();
    assert_eq!((layout.lines().len(), x.advance), (1, 200.0));
}

#[test]
fn a_line_ending_at_an_unsafe_soft_hyphen_is_measured_reshaped_with_its_hyphen() {
    let book = context_font_book();
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Context Test").size(1000.0);
    let text = "aa aax\u{AD}Aaa";
    let para = Paragraph::new(text, style, &book, &mut cx).unwrap();
    let lines = |width: f32, cx: &mut LayoutContext| {
        let layout = para.layout(cx, &LayoutOptions::new(width)).unwrap();
        let lines: Vec<(String, f32)> = layout
            .lines()
            .iter()
            .map(|l| (text[l.range()].to_string(), l.width()))
            .collect();
        lines
    };
    // Ending at the soft hyphen, the line is reshaped there ("aa aax" = 500 + 500 + 250 + 500
    // + 500 + 500, x unkerned) and shows the hyphen: 2750 + 300 = 3050, which fits 3100 (by the
    // paragraph's advances, x kerned, it would be 2750). "Aaa" (1600) goes to the next line.
    assert_eq!(
        lines(3100.0, &mut cx),
        vec![("aa aax\u{AD}".to_string(), 3050.0), ("Aaa".to_string(), 1600.0)]
    );
    // At 3000 the reshaped line and its hyphen (3050) do not fit, though the paragraph's advances
    // (2750 + 300) would: the line ends before the word, which stays whole and kerned (500 + 500
    // + 200 + 0 + 1600 = 2800).
    assert_eq!(
        lines(3000.0, &mut cx),
        vec![("aa ".to_string(), 1000.0), ("aax\u{AD}Aaa".to_string(), 2800.0)]
    );
}
