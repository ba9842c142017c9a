//! Arbitrary text, direction and width, then arbitrary points, offsets, ranges and movements
//! through the editing geometry: hit testing, carets, selections, cursor movement, Backspace and
//! Delete ranges. Nothing may panic; every cursor handed back is on a cluster boundary.
//!
//! Input: 4 bytes of width (f32 bits), 1 byte of direction (its value / 3 also says how many
//! times the text is repeated, 1 to 64: long lines and paragraphs, whose queries go through the
//! line index), 1 byte n of operations, then n operations of 9 bytes (a kind byte and two
//! 4-byte values: f32 bits for points, u32 for offsets), then the text (UTF-8, lossily).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shrift::{BaseDirection, Cursor, FontBook, LayoutContext, LayoutOptions, Movement, Paragraph, TextStyle};
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

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let width = f32::from_bits(u32::from_le_bytes([data[0], data[1], data[2], data[3]]));
    let dir = [BaseDirection::Auto, BaseDirection::Ltr, BaseDirection::Rtl][(data[4] % 3) as usize];
    let n = data[5] as usize;
    let ops_end = (6 + 9 * n).min(data.len());
    let ops = &data[6..ops_end];
    let text = String::from_utf8_lossy(&data[ops_end..]).repeat(1 + (data[4] / 3) as usize % 64);
    let mut cx = LayoutContext::new();
    let Ok(para) = Paragraph::builder(&text, TextStyle::new("Noto Sans, Noto Sans Hebrew"))
        .direction(dir)
        .build(book(), &mut cx)
    else {
        return;
    };
    let Ok(layout) = para.layout(&mut cx, &LayoutOptions::new(width)) else { return };
    // Grapheme boundaries from unicode-segmentation itself, not from shrift's own clamping.
    let bounds: Vec<usize> = {
        use unicode_segmentation::UnicodeSegmentation;
        text.grapheme_indices(true).map(|(i, _)| i).chain([text.len()]).collect()
    };
    let on_boundary = |o: usize| bounds.binary_search(&o).is_ok();
    let mut cursor = Cursor::new(0);
    let mut goal = None;
    for op in ops.chunks_exact(9) {
        let a = u32::from_le_bytes([op[1], op[2], op[3], op[4]]);
        let b = u32::from_le_bytes([op[5], op[6], op[7], op[8]]);
        match op[0] % 6 {
            0 => cursor = layout.hit_test(f32::from_bits(a), f32::from_bits(b)),
            1 => cursor = Cursor::new(a as usize),
            2 => cursor = layout.move_cursor(cursor, MOVES[(a % 14) as usize], &mut goal),
            3 => {
                let mut rects = Vec::new();
                layout.selection_rects_into(a as usize..b as usize, b & 1 == 0, &mut rects);
                for r in rects {
                    assert!(r.width > 0.0 && r.x >= 0.0);
                }
            }
            4 => {
                let c = layout.carets(cursor);
                assert!(c.line < layout.lines().len());
            }
            _ => {
                let _ = (shrift::backspace_range(&text, a as usize), shrift::delete_range(&text, a as usize));
                let _ = layout.word_at(a as usize);
            }
        }
        // Cursors the library hands back (hits and moves) are on boundaries; a raw one (kind 1)
        // is the harness's own and is clamped by every call that takes it.
        if matches!(op[0] % 6, 0 | 2) {
            assert!(on_boundary(cursor.offset), "{cursor:?}");
        }
    }
});
