//! Line breaks against headless Chromium: with per-char fallback (`Fallback::PerChar`, CSS font
//! matching) and `OverflowWrap::Normal` (the page's `overflow-wrap: normal`), the corpus breaks
//! exactly where Chromium 156 breaks it, at 300 and 600 px, with the body and the headline stacks.
//! Expected line ends: `tests/data/chromium_lines.tsv` (`tools/chromium_lines.py`).
//!
//! Chromium's ASCII break table departs from UAX #14 in two places (no break after "/" before a
//! letter; a break between "-" and a digit); the corpus has neither at a line end, so every line
//! end must agree: there is no list of exceptions to keep.

#![cfg(feature = "bundled-fonts")]

use shrift::{Fallback, FontBook, LayoutContext, LayoutOptions, OverflowWrap, Paragraph, TextStyle};

#[test]
fn per_char_fallback_breaks_where_chromium_breaks() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let (mut lines, mut paragraphs, mut failures) = (0, 0, Vec::new());
    for row in include_str!("data/chromium_lines.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let f: Vec<&str> = row.split('\t').collect();
        let text = match f[0] {
            "article.txt" => include_str!("data/article.txt"),
            _ => include_str!("data/mixed.txt"),
        };
        let index: usize = f[5].parse().unwrap();
        let paragraph = text.lines().nth(index).unwrap();
        let style = TextStyle::new(f[1])
            .size(f[2].parse().unwrap())
            .weight(f[3].parse().unwrap());
        let width: f32 = f[4].parse().unwrap();
        let para = Paragraph::builder(paragraph, style)
            .fallback(Fallback::PerChar)
            .build(&book, &mut cx)
            .unwrap();
        let options = LayoutOptions::new(width).overflow_wrap(OverflowWrap::Normal);
        let layout = para.layout(&mut cx, &options).unwrap();
        let ours: Vec<usize> = layout.lines().iter().map(|l| l.range().end).collect();
        let theirs: Vec<usize> = f[6].split(',').map(|x| x.parse().unwrap()).collect();
        lines += theirs.len();
        paragraphs += 1;
        if ours != theirs {
            failures.push(format!(
                "{} p{index} {} at {width}: ours {ours:?}, Chromium {theirs:?}",
                f[0], f[1]
            ));
        }
    }
    println!(
        "lines vs Chromium: {paragraphs} paragraphs, {lines} lines, {} differ",
        failures.len()
    );
    assert!(paragraphs >= 80, "the golden file was read");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
