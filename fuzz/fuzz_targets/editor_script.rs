//! Random edit scripts through the `Editor`: inserts of arbitrary strings, Backspace, Delete,
//! word deletion, styling, clicks, selections, movements, preedits, width changes, undo and
//! redo, viewports (after which only the blocks near the viewport are laid out), Page Up and
//! Down, scrolling to the caret, and pastes of long text (a piece repeated up to 256 times, so that paragraphs grow
//! long and edits inside them take the in-place path of `src/paragraph/edit.rs`). Nothing may
//! panic; the text stays valid UTF-8 (it is a `String`); the selection's ends stay on grapheme
//! cluster boundaries; at the script's end the layout is what a fresh editor of the same text,
//! spans and options lays out (lines, glyph ids, clusters and x); a script without undo or
//! redo, undone to the start, gives back the empty text it started from.
//!
//! Input: 1 byte of direction, then operations: a kind byte, a 4-byte value (an offset, a point
//! coordinate's f32 bits or a width), and for inserts, pastes and preedits a length byte and
//! that many bytes of text (UTF-8, lossily).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shrift::{
    BaseDirection, Editor, FontBook, InlineBox, LayoutContext, LayoutOptions, Movement, Selection, TextStyle,
    Viewport,
};
use std::sync::OnceLock;

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(FontBook::with_bundled_fonts)
}

const MOVES: [Movement; 14] = [
    Movement::Left,
    Movement::Right,
    Movement::WordLeft,
    Movement::WordRight,
    Movement::Backward,
    Movement::Forward,
    Movement::WordBackward,
    Movement::WordForward,
    Movement::LineStart,
    Movement::LineEnd,
    Movement::Up,
    Movement::Down,
    Movement::TextStart,
    Movement::TextEnd,
];

fn on_boundary(text: &str, offset: usize) -> bool {
    offset == text.len() || shrift::graphemes(text).any(|(i, _)| i == offset)
}

fuzz_target!(|data: &[u8]| {
    let Some((&dir, mut rest)) = data.split_first() else {
        return;
    };
    let direction = [BaseDirection::Auto, BaseDirection::Ltr, BaseDirection::Rtl][dir as usize % 3];
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
    let Ok(mut editor) = Editor::with_direction("", style.clone(), direction, book(), &mut cx, LayoutOptions::new(200.0))
    else {
        return;
    };
    let mut ops = 0;
    let mut replayed = false;
    while rest.len() >= 5 && ops < 64 {
        ops += 1;
        let kind = rest[0];
        let value = u32::from_le_bytes([rest[1], rest[2], rest[3], rest[4]]);
        rest = &rest[5..];
        let f = f32::from_bits(value);
        let offset = value as usize % (editor.text().len() + 1);
        match kind % 21 {
            0 | 1 | 17 => {
                let n = rest.first().copied().unwrap_or(0) as usize;
                let bytes = rest.get(1..(1 + n).min(rest.len())).unwrap_or(&[]);
                rest = &rest[(1 + n).min(rest.len())..];
                let s = String::from_utf8_lossy(bytes);
                if kind % 21 == 17 {
                    // A long paste: the piece repeated.
                    let _ = editor.insert(&mut cx, &s.repeat(1 + (value as usize >> 24)));
                } else if kind % 21 == 0 {
                    let _ = editor.insert(&mut cx, &s);
                } else {
                    let _ = editor.set_preedit(&mut cx, &s, value as usize);
                }
            }
            2 => {
                let _ = editor.backspace(&mut cx);
            }
            3 => {
                let _ = editor.delete(&mut cx);
            }
            4 => {
                let _ = editor.delete_to(&mut cx, MOVES[value as usize % MOVES.len()]);
            }
            5 => {
                let end = (offset + (value as usize >> 24)).min(editor.text().len());
                let _ = editor.set_style(&mut cx, offset..end, style.clone().weight(700));
            }
            6 => editor.click(f, f * 0.5, value & 1 == 1),
            7 => editor.select_word_at(f, f * 0.25),
            8 => editor.select_paragraph_at(f, f),
            9 => editor.set_selection(Selection { anchor: offset, focus: value as usize, ..Selection::default() }),
            10 => editor.move_caret(MOVES[value as usize % MOVES.len()], value & 0x100 != 0),
            11 => {
                let _ = editor.set_options(&mut cx, LayoutOptions::new(f));
            }
            12 => editor.commit_preedit(),
            13 => {
                let _ = editor.cancel_preedit(&mut cx);
            }
            14 => {
                replayed = true;
                let _ = editor.undo(&mut cx);
            }
            16 => {
                // Any width, NaN and infinities included: an error or a box.
                let _ = editor.insert_box(&mut cx, InlineBox::new(u64::from(value), f, f * 0.5));
            }
            18 => {
                // Any viewport, bad ones included: an error, or only the blocks near it laid
                // out from then on.
                let _ = editor.set_viewport(&mut cx, Viewport::new(f, (value >> 16) as f32));
            }
            19 => {
                let _ = editor.page(&mut cx, value & 1 == 1, value & 2 == 2);
            }
            20 => {
                let _ = editor.scroll_to_caret(&mut cx);
            }
            _ => {
                replayed = true;
                let _ = editor.redo(&mut cx);
            }
        }
        let text = editor.text();
        let sel = editor.selection();
        assert!(on_boundary(text, sel.anchor) && on_boundary(text, sel.focus), "{sel:?} in {text:?}");
        // Every box stands on a U+FFFC, in text order, one per U+FFFC at most.
        let boxes = editor.inline_boxes();
        assert!(boxes.iter().all(|(o, _)| text.get(*o..).is_some_and(|t| t.starts_with('\u{FFFC}'))), "{boxes:?} in {text:?}");
        assert!(boxes.windows(2).all(|w| w[0].0 < w[1].0), "{boxes:?}");
        let _ = editor.carets();
        let _ = editor.selection_rects();
    }
    // The layout kept up to date edit by edit is a fresh one's (boxes and preedits aside, which
    // a fresh editor would need replayed).
    // With a viewport, one over the whole text lays every block out (where the text is short
    // enough for one).
    if let Some(vp) = editor.viewport() {
        let _ = editor.set_viewport(&mut cx, Viewport::new(0.0, (editor.layout().height() + vp.height).min(200_000.0)));
    }
    let paragraphs = editor.text().matches('\n').count() + 1;
    let all_laid = editor.layout().laid_blocks() == (0..paragraphs);
    if all_laid && editor.inline_boxes().is_empty() && editor.preedit_range().is_none() {
        let options = editor.options().clone();
        if let Ok(mut fresh) = Editor::with_direction(editor.text(), style.clone(), direction, book(), &mut cx, options) {
            for (range, s) in editor.spans() {
                let _ = fresh.set_style(&mut cx, range.clone(), s.clone());
            }
            let (a, b) = (editor.layout(), fresh.layout());
            assert_eq!(a.blocks().len(), b.blocks().len());
            for (x, y) in a.blocks().iter().zip(b.blocks()) {
                let lines = |l: &shrift::Layout| l.lines().iter().map(|l| l.range()).collect::<Vec<_>>();
                assert_eq!(lines(x), lines(y), "lines of {:?}", x.text());
                assert_eq!(x.all_glyphs().len(), y.all_glyphs().len());
                for (g, h) in x.all_glyphs().iter().zip(y.all_glyphs()) {
                    assert_eq!((g.id, g.cluster), (h.id, h.cluster), "in {:?}", x.text());
                    assert!((g.x - h.x).abs() < 1e-3, "x {} vs {} in {:?}", g.x, h.x, x.text());
                }
            }
        }
    }
    // Undone to the start (the history keeps more groups than a script has edits).
    while let Ok(Some(_)) = editor.undo(&mut cx) {}
    if !replayed {
        assert_eq!(editor.text(), "", "undo to the start");
        assert!(editor.spans().is_empty());
        assert!(editor.inline_boxes().is_empty());
    }
    while let Ok(Some(_)) = editor.redo(&mut cx) {}
});
