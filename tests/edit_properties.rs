//! Properties of the editing geometry on random mixed text at random widths (proptest): hit
//! testing undoes carets, arrow keys visit every caret position and come back, selections add up
//! and stay in the box, and every movement ends on a cluster boundary.

#![cfg(feature = "bundled-fonts")]

use std::sync::OnceLock;

use proptest::prelude::*;

#[path = "common/proptest_config.rs"]
mod proptest_config;
use shrift::{
    BaseDirection, Cursor, FontBook, Layout, LayoutContext, LayoutOptions, Movement, Paragraph, TextStyle,
};

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(FontBook::with_bundled_fonts)
}

const PIECES: &[&str] = &[
    "א",
    "ב",
    "ש",
    "ײַ",
    "פֿ",
    "אָ",
    "ייִ",
    "\u{05B7}",
    "a",
    "b",
    "W",
    "fi",
    "0",
    "12",
    " ",
    " ",
    " ",
    "  ",
    ".",
    ",",
    "(",
    ")",
    "„",
    "“",
    "-",
    "־",
    "\u{2066}",
    "\u{2067}",
    "\u{2069}",
    "\u{200F}",
    "\u{200D}",
    "\t",
    "\n",
    "The ",
    "ייִדיש ",
    "1897 ",
];

fn config(cases: u32) -> ProptestConfig {
    proptest_config::config(cases, 20261127, None)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn layout(text: &str, dir: u8, width: f32) -> Layout {
    let mut cx = LayoutContext::new();
    let direction = [BaseDirection::Auto, BaseDirection::Ltr, BaseDirection::Rtl][dir as usize % 3];
    let para = Paragraph::builder(text, TextStyle::new("Noto Sans, Noto Sans Hebrew"))
        .direction(direction)
        .build(book(), &mut cx)
        .unwrap();
    para.layout(&mut cx, &LayoutOptions::new(width)).unwrap()
}

fn boundaries(text: &str) -> Vec<usize> {
    let mut b: Vec<usize> = shrift::graphemes(text).map(|(i, _)| i).collect();
    b.push(text.len());
    b
}

/// Where a cursor is drawn: its line and its primary caret's x.
fn place(layout: &Layout, c: Cursor) -> (usize, f32) {
    let carets = layout.carets(c);
    (carets.line, carets.primary.x)
}

fn same_place(a: (usize, f32), b: (usize, f32)) -> bool {
    a.0 == b.0 && (a.1 - b.1).abs() <= 1e-3
}

/// Walks with one arrow key until the cursor stops; the visited cursors, start included.
fn walk(layout: &Layout, start: Cursor, m: Movement) -> Result<Vec<Cursor>, TestCaseError> {
    let mut out = vec![start];
    let mut c = start;
    let mut goal = None;
    for _ in 0..4 * layout.text().len() + 16 {
        let next = layout.move_cursor(c, m, &mut goal);
        if next == c {
            return Ok(out);
        }
        out.push(next);
        c = next;
    }
    Err(TestCaseError::fail("the walk did not stop"))
}

/// Sorted, merged x intervals of the rects on each line.
fn union(rects: &[shrift::SelectionRect], lines: usize) -> Vec<Vec<(f32, f32)>> {
    let mut out = vec![Vec::new(); lines];
    for r in rects {
        out[r.line].push((r.x, r.x + r.width));
    }
    for v in &mut out {
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut merged: Vec<(f32, f32)> = Vec::new();
        for &(a, b) in v.iter() {
            match merged.last_mut() {
                Some(m) if a <= m.1 + 1e-3 => m.1 = m.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *v = merged;
    }
    out
}

proptest! {
    #![proptest_config(config(300))]

    /// A click where a caret is drawn gives that cursor back, or one drawn at the same place
    /// (both sides of a zero-width char, whitespace hanging past the box edge). Offsets inside
    /// the whitespace hanging at a soft wrap are left out: a click there is beside the line's
    /// end, which gives the offset before that whitespace (as in Pango and Chromium).
    #[test]
    fn hit_test_undoes_carets(text in text(), dir in 0u8..3, width in 20.0f32..400.0) {
        let layout = layout(&text, dir, width);
        for o in boundaries(&text) {
            let c = Cursor::new(o);
            let end = layout.move_cursor(c, Movement::LineEnd, &mut None);
            if o > end.offset {
                continue;
            }
            let carets = layout.carets(c);
            let line = &layout.lines()[carets.line];
            let hit = layout.hit_test(carets.primary.x, line.top() + line.height() / 2.0);
            // A caret in whitespace hanging past the box (the line's trailing whitespace, which
            // UAX #9 rule L1 resets) is drawn at the edge, where a click hits the whitespace's
            // first visible part instead. Only there: any other caret must round-trip.
            let line_text = &text[line.range()];
            // UAX #9 rule L1: whitespace (WS), segment and paragraph separators (S, B),
            // isolate controls, and what rule X9 removes (BN, embedding controls) among them.
            let hanging = |c: char| {
                use unicode_bidi::BidiClass::*;
                matches!(unicode_bidi::bidi_class(c), WS | S | B | LRI | RLI | FSI | PDI | BN | LRE | RLE | LRO | RLO | PDF)
            };
            let body_end = line.range().start + line_text.trim_end_matches(hanging).len();
            let at_box_edge = o > body_end && (carets.primary.x <= 1e-3 || carets.primary.x >= width - 1e-3);
            prop_assert!(
                hit.offset == o || same_place(place(&layout, hit), place(&layout, c)) || at_box_edge,
                "offset {o} drawn at {:?}, hit gives {hit:?} at {:?}", place(&layout, c), place(&layout, hit)
            );
            prop_assert!(carets.primary.x >= 0.0 && carets.primary.x <= width);
        }
    }

    /// Left and right arrows each visit every caret position (every cluster boundary, or one
    /// drawn at the same place), stop, and the other key walks all the way back.
    #[test]
    fn arrows_visit_every_position_and_return(text in text(), dir in 0u8..3, width in 20.0f32..400.0) {
        let layout = layout(&text, dir, width);
        for (first, back) in [(Movement::Right, Movement::Left), (Movement::Left, Movement::Right)] {
            // Start from the end the first key walks away from: the far end against it.
            let mut goal = None;
            let start = layout.move_cursor(Cursor::new(0), Movement::TextStart, &mut goal);
            let start = walk(&layout, start, back)?.last().copied().unwrap();
            let there = walk(&layout, start, first)?;
            let end = *there.last().unwrap();
            let home = walk(&layout, end, back)?;
            for visited in [&there, &home] {
                let places: Vec<(usize, f32)> = visited.iter().map(|&c| place(&layout, c)).collect();
                for o in boundaries(&text) {
                    let p = place(&layout, Cursor::new(o));
                    prop_assert!(
                        visited.iter().any(|c| c.offset == o) || places.iter().any(|&q| same_place(p, q)),
                        "offset {o} at {p:?} never reached walking {first:?}"
                    );
                }
            }
            // Each step moves on: x strictly monotone on a line, or to another line.
            for pair in there.windows(2) {
                let (a, b) = (place(&layout, pair[0]), place(&layout, pair[1]));
                if a.0 == b.0 {
                    prop_assert!(if first == Movement::Right { b.1 > a.1 } else { b.1 < a.1 }, "{a:?} -> {b:?}");
                }
            }
        }
    }

    /// The rects of [a, b) and [b, c) together cover exactly those of [a, c), and no rect
    /// leaves the layout's box.
    #[test]
    fn selections_add_up_and_stay_in_the_box(
        text in text(), dir in 0u8..3, width in 20.0f32..400.0, picks in prop::array::uniform3(0usize..1000)
    ) {
        let layout = layout(&text, dir, width);
        let b = boundaries(&text);
        let mut p: Vec<usize> = picks.iter().map(|k| b[k % b.len()]).collect();
        p.sort_unstable();
        let n = layout.lines().len();
        let whole = union(&layout.selection_rects(p[0]..p[2]), n);
        let mut parts = layout.selection_rects(p[0]..p[1]);
        parts.extend(layout.selection_rects(p[1]..p[2]));
        let parts = union(&parts, n);
        prop_assert_eq!(whole.len(), parts.len());
        for (w, q) in whole.iter().zip(&parts) {
            prop_assert_eq!(w.len(), q.len(), "{:?} vs {:?}", w, q);
            for (x, y) in w.iter().zip(q) {
                prop_assert!((x.0 - y.0).abs() < 1e-2 && (x.1 - y.1).abs() < 1e-2, "{:?} vs {:?}", w, q);
            }
        }
        let mut all = Vec::new();
        layout.selection_rects_into(0..text.len(), true, &mut all);
        for r in &all {
            prop_assert!(r.x >= 0.0 && r.x + r.width <= width + 1e-3 && r.width > 0.0, "{:?}", r);
            prop_assert!(r.y >= 0.0 && r.y + r.height <= layout.height() + 1e-3, "{:?}", r);
        }
    }

    /// Every movement from every cursor (any offset, even inside a char) ends on a cluster
    /// boundary, and Backspace and Delete ranges are inside the text on char boundaries.
    #[test]
    fn movements_end_on_boundaries(text in text(), dir in 0u8..3, width in 0.0f32..300.0, raw in 0usize..400) {
        let layout = layout(&text, dir, width);
        let b = boundaries(&text);
        let start = Cursor::new(raw % (text.len() + 3));
        for m in [
            Movement::Left, Movement::Right, Movement::WordLeft, Movement::WordRight, Movement::Backward,
            Movement::Forward, Movement::WordBackward, Movement::WordForward, Movement::LineStart,
            Movement::LineEnd, Movement::Up, Movement::Down, Movement::TextStart, Movement::TextEnd,
        ] {
            let mut goal = None;
            let c = layout.move_cursor(start, m, &mut goal);
            prop_assert!(b.contains(&c.offset), "{m:?} from {start:?} gave {c:?}");
        }
        let o = start.offset;
        for r in [shrift::backspace_range(&text, o), shrift::delete_range(&text, o)] {
            prop_assert!(r.start <= r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        // Word moves in both directions ("left" on screen) end too.
        for m in [Movement::WordLeft, Movement::WordRight] {
            walk(&layout, start, m)?;
        }
    }
}
