//! The indexed editing geometry against today's linear one (`reference/`), on random layouts:
//! every hit, caret, selection, movement and word must be the same, exactly (issue 22).

use std::sync::OnceLock;

use proptest::prelude::*;

use super::reference::Linear;
use super::{Affinity, Cursor, Movement};
use crate::{
    Alignment, BaseDirection, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle, Truncate,
};

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

fn text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "שלום",
        "פֿאַר",
        "ייִדיש",
        "אַ",
        "YIVO",
        "the",
        "office",
        "fi",
        "1925",
        "(ווילנע)",
        "—",
        "e\u{301}",
        "👍🏽",
        "x\u{200d}",
        "\u{2067}אב\u{2069}",
        "\u{202b}ab\u{202c}",
        "co\u{ad}op",
        "ab\u{5b7}",
        "\t",
        "ע\r\nb",
        "\u{2029}",
        "אבגדהוזחטיכלמנסעפצקרשת",
        "abcdefghijklmnopqrstuvwxyz",
    ]);
    let sep = prop::sample::select(vec![" ", " ", "", "  ", "\n", "\u{a0}"]);
    prop::collection::vec((words, sep), 0..30)
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        prop_oneof![3 => 20.0f32..400.0, 1 => Just(0.0f32), 1 => Just(-1.0f32)],
        0..6usize,
        0..4u8,
    )
        .prop_map(|(width, align, cut)| {
            let align = [
                Alignment::Start,
                Alignment::End,
                Alignment::Center,
                Alignment::Left,
                Alignment::Right,
                Alignment::Justify,
            ][align];
            let o = if width < 0.0 {
                LayoutOptions::no_wrap()
            } else {
                LayoutOptions::new(width)
            }
            .align(align);
            match cut {
                1 if width >= 0.0 => o.max_lines(2),
                2 if width >= 0.0 => o.truncate(Truncate::Middle),
                _ => o,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(200),
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_index_answers_as_the_linear_reference(
        text in text(),
        options in options(),
        rtl in any::<bool>(),
        spacing in prop_oneof![3 => Just(0.0f32), 1 => -3.0f32..6.0],
        points in prop::collection::vec((-0.2f32..1.2, -0.2f32..1.2), 20),
        offsets in prop::collection::vec(any::<prop::sample::Index>(), 20),
    ) {
        let mut cx = LayoutContext::new();
        let dir = if rtl { BaseDirection::Rtl } else { BaseDirection::Auto };
        let style = TextStyle::new("Noto Sans, Noto Sans Hebrew").letter_spacing(spacing);
        let para = Paragraph::builder(&text, style).direction(dir).build(book(), &mut cx).unwrap();
        let layout = para.layout(&mut cx, &options).unwrap();
        let linear = Linear(&layout);
        let (w, h) = (layout.width().max(1.0), layout.height().max(1.0));
        // Points: random ones, and every glyph's pen and carets' x on every line (edges).
        let mut xs: Vec<(f32, f32)> = points.iter().map(|&(fx, fy)| (fx * w, fy * h)).collect();
        for line in layout.lines() {
            let y = line.top() + line.height() / 2.0;
            for run in layout.runs(line) {
                for (pen, g) in layout.pens(run) {
                    xs.push((pen, y));
                    xs.push((pen + (g.advance + g.extra) / 2.0, y));
                }
            }
        }
        for &(x, y) in &xs {
            prop_assert_eq!(layout.hit_test(x, y), linear.hit_test(x, y), "hit at ({}, {})", x, y);
        }
        let mut cursors: Vec<Cursor> = (0..=text.len()).filter(|&o| text.is_char_boundary(o)).flat_map(|o| [Cursor::new(o), Cursor::upstream(o)]).collect();
        cursors.extend(offsets.iter().map(|i| Cursor::new(i.index(text.len() + 3))));
        for &c in &cursors {
            prop_assert_eq!(layout.carets(c), linear.carets(c), "carets of {:?}", c);
            prop_assert_eq!(layout.word_at(c.offset), linear.word_at(c.offset), "word at {}", c.offset);
            for m in MOVES {
                let (mut g1, mut g2) = (None, None);
                let a = layout.move_cursor(c, m, &mut g1);
                let b = linear.move_cursor(c, m, &mut g2);
                prop_assert_eq!(a, b, "{:?} from {:?}", m, c);
                prop_assert_eq!(g1, g2);
            }
            // Up and down keep a goal x.
            let (mut g1, mut g2) = (Some(w * 0.37), Some(w * 0.37));
            prop_assert_eq!(layout.move_cursor(c, Movement::Down, &mut g1), linear.move_cursor(c, Movement::Down, &mut g2));
        }
        for pair in offsets.chunks(2) {
            let (a, b) = (pair[0].index(text.len() + 2), pair.get(1).map_or(0, |i| i.index(text.len() + 2)));
            for extend in [false, true] {
                let (mut r1, mut r2) = (Vec::new(), Vec::new());
                layout.selection_rects_into(a..b, extend, &mut r1);
                linear.selection_rects_into(a..b, extend, &mut r2);
                prop_assert_eq!(r1, r2, "selection {}..{}", a, b);
            }
        }
        let _ = Affinity::Upstream;
    }
}
