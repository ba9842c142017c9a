//! The empty last line after a final hard break (issue 22). Expected values from Pango 1.56
//! (PangoCairo, width 300 px, default alignment), read with PyGObject:
//!
//! | text | lines (start, length) | caret at the end (x, line) |
//! |---|---|---|
//! | `"ab\n"` | (0, 2), (3, 0) | 0, line 1 |
//! | `"אב\n"` | (0, 4), (5, 0) | 300, line 1 |
//! | `"a\n\n"` | (0, 1), (2, 0), (3, 0) | 0, line 2 |
//! | `"ab\nאב\n"` | (0, 2), (3, 4), (8, 0) | 300, line 2 |
//! | `"אב\nab\n"` | (0, 4), (5, 2), (8, 0) | 0, line 2 |
//!
//! (Pango's line length leaves the break out; shrift's line ranges hold it.) The empty line
//! follows the direction of the paragraph before it: Pango's auto direction gives a paragraph
//! without strong chars the direction of the one before.
#![cfg(feature = "bundled-fonts")]

use shrift::{
    Cursor, Document, Editor, FontBook, LayoutContext, LayoutOptions, Movement, Paragraph, TextStyle,
};

fn layout(text: &str, options: &LayoutOptions) -> shrift::Layout {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Sans, Noto Sans Hebrew");
    let para = Paragraph::new(text, style, &book, &mut cx).unwrap();
    para.layout(&mut cx, options).unwrap()
}

#[test]
fn a_final_break_has_an_empty_line_with_the_caret_after_it() {
    type Case = (&'static str, &'static [(usize, usize)], f32);
    let cases: [Case; 5] = [
        ("ab\n", &[(0, 3), (3, 3)], 0.0),
        ("אב\n", &[(0, 5), (5, 5)], 300.0),
        ("a\n\n", &[(0, 2), (2, 3), (3, 3)], 0.0),
        ("ab\nאב\n", &[(0, 3), (3, 8), (8, 8)], 300.0),
        ("אב\nab\n", &[(0, 5), (5, 8), (8, 8)], 0.0),
    ];
    for (text, ranges, end_x) in cases {
        let layout = layout(text, &LayoutOptions::new(300.0));
        let got: Vec<(usize, usize)> = layout
            .lines()
            .iter()
            .map(|l| (l.range().start, l.range().end))
            .collect();
        assert_eq!(got, ranges, "{text:?}");
        let last = layout.lines().last().unwrap();
        assert_eq!(
            layout.runs(last).len(),
            0,
            "{text:?}: the last line draws nothing"
        );
        assert!(last.height() > 0.0, "{text:?}: but it has a height");
        let end = text.len();
        let carets = layout.carets(Cursor::new(end));
        assert_eq!(carets.line, ranges.len() - 1, "{text:?}");
        assert_eq!(carets.primary.x, end_x, "{text:?}");
        assert_eq!(carets.primary.top, last.top(), "{text:?}");
        // Below the last line and anywhere on it: the end of the text.
        assert_eq!(layout.hit_test(150.0, last.top() + 1.0).offset, end, "{text:?}");
        assert_eq!(
            layout.hit_test(0.0, layout.height() + 50.0).offset,
            end,
            "{text:?}"
        );
        // The end is reached by Down from the line before, and Up goes back to it.
        let mut goal = None;
        let before = ranges[ranges.len() - 2].0;
        let down = layout.move_cursor(Cursor::new(before), Movement::Down, &mut goal);
        assert_eq!(down.offset, end, "{text:?}");
        let mut goal = None;
        let up = layout.move_cursor(Cursor::new(end), Movement::Up, &mut goal);
        assert_eq!(layout.line_of(up), ranges.len() - 2, "{text:?}");
        // Right/Left through the break: one step from the line's end to the empty line.
        let mut goal = None;
        let back = layout.move_cursor(Cursor::new(end), Movement::Backward, &mut goal);
        assert_eq!(back.offset, ranges[ranges.len() - 2].1 - 1, "{text:?}");
        // Selecting everything shows the empty line too (a caret-wide mark at least).
        let rects = layout.selection_rects(0..end);
        assert!(rects.iter().any(|r| r.line == 0), "{text:?}");
    }
}

#[test]
fn the_empty_line_is_dropped_with_the_lines_a_limit_drops() {
    let layout = layout("ab\n", &LayoutOptions::new(300.0).max_lines(1));
    assert_eq!(layout.lines().len(), 1);
    assert!(
        layout.elided().is_empty(),
        "nothing but an empty line was left out"
    );
    let layout = self::layout("ab\n", &LayoutOptions::new(300.0).max_lines(2));
    assert_eq!(layout.lines().len(), 2);
}

#[test]
fn no_final_break_no_empty_line() {
    for text in ["", "ab", "a\nb", "\u{2029}x"] {
        let layout = layout(text, &LayoutOptions::new(300.0));
        assert!(
            layout
                .lines()
                .iter()
                .all(|l| !l.range().is_empty() || text.is_empty()),
            "{text:?}"
        );
    }
    // Every mandatory break (UAX #14 BK, CR, LF, NL) ends a paragraph's last line the same way.
    for text in [
        "a\r\n",
        "a\r",
        "a\u{2028}",
        "a\u{2029}",
        "a\u{85}",
        "a\u{0B}",
        "a\u{0C}",
    ] {
        let layout = layout(text, &LayoutOptions::new(300.0));
        assert_eq!(layout.lines().len(), 2, "{text:?}");
        assert_eq!(layout.lines()[1].range(), text.len()..text.len(), "{text:?}");
    }
}

#[test]
fn documents_and_editors_show_one_empty_line_after_a_final_break() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Sans, Noto Sans Hebrew");
    // A document's blocks end at their `\n`, which separates them: no empty line after it, but
    // an empty block is one.
    let mut doc = Document::new();
    for text in ["ab\n", "cd\n", ""] {
        let para = Paragraph::new(text, style.clone(), &book, &mut cx).unwrap();
        doc.push(shrift::Block::new(para));
    }
    let laid = doc.layout(&mut cx, 300.0).unwrap();
    let lines: Vec<usize> = laid.blocks().iter().map(|b| b.lines().len()).collect();
    assert_eq!(lines, [1, 1, 1]);
    // The editor: one empty line after "ab\n", not two; the caret after the break on it.
    let mut editor = Editor::new("ab\n", style, &book, &mut cx, LayoutOptions::new(300.0)).unwrap();
    let lines: usize = editor.layout().blocks().iter().map(|b| b.lines().len()).sum();
    assert_eq!(lines, 2);
    editor.move_caret(Movement::TextEnd, false);
    assert_eq!(editor.selection().focus, 3);
    let below = editor.layout().height() + 20.0;
    let hit = editor.layout().hit_test(10.0, below);
    assert_eq!(editor.offset_of(hit), 3);
}

/// Turned off, a paragraph's final break ends its last line, as before.
#[test]
fn the_final_line_can_be_turned_off() {
    let layout = layout("ab\n", &LayoutOptions::new(300.0).final_line(false));
    assert_eq!(layout.lines().len(), 1);
    assert_eq!(layout.line_of(Cursor::new(3)), 0);
}

/// Issue 22's second bug: a line wider than `MAX_WIDTH` gave a `max_content_width` that the
/// layout refused. Width of the text from the font's own advance (hmtx of "a" in Noto Sans,
/// 561 of 1000 units, at 16 px: 8.976 px), so 40,000 of them are 359,040 px.
#[test]
fn max_content_width_is_a_width_the_options_accept() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = "a".repeat(40_000);
    let para = Paragraph::new(&text, TextStyle::new("Noto Sans"), &book, &mut cx).unwrap();
    assert_eq!(para.max_content_width(), shrift::MAX_WIDTH);
    let options = LayoutOptions::new(para.max_content_width());
    let wrapped = para.layout(&mut cx, &options).unwrap();
    assert!(wrapped.lines().len() > 1);
    // Unwrapped, the line keeps its full width; within 0.1 %: pens add up in f32, whose step
    // at 300,000 px is 1/32 px.
    let unwrapped = para.layout(&mut cx, &LayoutOptions::no_wrap()).unwrap();
    assert_eq!(unwrapped.lines().len(), 1);
    let full = 40_000.0 * 8.976;
    assert!(unwrapped.width() > shrift::MAX_WIDTH);
    assert!(
        (unwrapped.width() - full).abs() < full * 1e-3,
        "{}",
        unwrapped.width()
    );
}
