//! `TextWrap::Balance` and `TextWrap::Pretty` (CSS `text-wrap`), worked out by hand on the
//! article's headline and a short English line; HarfBuzz's widths (Noto Sans 16 px, as in
//! tests/justify.rs: "one two three" 104.944, "one two three four" 140.784) decide first fit.

#![cfg(feature = "bundled-fonts")]

#[path = "common/article.rs"]
#[allow(dead_code)]
mod article;

use shrift::{FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, TextStyle, TextWrap};

fn texts(layout: &Layout) -> Vec<&str> {
    layout
        .lines()
        .iter()
        .map(|l| layout.text()[l.range()].trim_end())
        .collect()
}

#[test]
fn a_balanced_headline_keeps_its_line_count_and_evens_its_lines() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let headline = article::ARTICLE.lines().next().unwrap();
    let para = Paragraph::new(headline, article::headline_style(), &book, &mut cx).unwrap();
    let first_fit = para.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    let balanced = para
        .layout(&mut cx, &LayoutOptions::new(600.0).text_wrap(TextWrap::Balance))
        .unwrap();
    assert_eq!(first_fit.lines().len(), balanced.lines().len());
    let widths = |l: &Layout| l.lines().iter().map(|l| l.width()).collect::<Vec<f32>>();
    let spread =
        |w: &[f32]| w.iter().cloned().fold(0.0, f32::max) - w.iter().cloned().fold(f32::INFINITY, f32::min);
    let (a, b) = (widths(&first_fit), widths(&balanced));
    // First fit ends with a short last line; balanced lines are closer in length.
    assert!(spread(&b) < spread(&a), "{a:?} vs {b:?}");
    // Still right-aligned (the start edge of a right-to-left headline), in the full width.
    for line in balanced.lines() {
        assert!((line.x() + line.width() - 600.0).abs() < 0.01);
    }
    assert_eq!(balanced.width(), 600.0);
}

#[test]
fn pretty_wrapping_does_not_end_on_one_word() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let para = Paragraph::new(
        "one two three four five six seven",
        TextStyle::new("Noto Sans"),
        &book,
        &mut cx,
    )
    .unwrap();
    // First fit at 120 px: "one two three" (104.944; with "four" 140.784), then "four five
    // six", then "seven" alone.
    let first_fit = para.layout(&mut cx, &LayoutOptions::new(120.0)).unwrap();
    assert_eq!(texts(&first_fit), ["one two three", "four five six", "seven"]);
    let pretty = para
        .layout(&mut cx, &LayoutOptions::new(120.0).text_wrap(TextWrap::Pretty))
        .unwrap();
    // "six" moves down: three lines still, the last with two words.
    assert_eq!(texts(&pretty), ["one two three", "four five", "six seven"]);
    // A one-line paragraph, and one that cannot be helped without another line, are left alone.
    let one = para
        .layout(&mut cx, &LayoutOptions::new(1000.0).text_wrap(TextWrap::Pretty))
        .unwrap();
    assert_eq!(one.lines().len(), 1);
}
