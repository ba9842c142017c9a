//! Undo and redo (issue 23): grouping worked by hand as text editors group (a word typed is one
//! group, a run of Backspaces one, a caret move or a style change ends a group, a committed
//! preedit is one), and a property over random edit scripts: undo to the start gives back the
//! starting text, spans and selection exactly, and redo to the end the final ones, each with
//! the layout a fresh editor of that text and those spans has.

#![cfg(feature = "bundled-fonts")]

#[path = "common/proptest_config.rs"]
mod proptest_config;

use proptest::prelude::*;
use shrift::{
    DocumentLayout, Editor, FontBook, InlineBox, LayoutContext, LayoutOptions, Movement, Selection, TextStyle,
};

fn style() -> TextStyle {
    TextStyle::new("Noto Sans Hebrew, Noto Sans")
}

fn editor(text: &str) -> (Editor, LayoutContext) {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let e = Editor::new(text, style(), &book, &mut cx, LayoutOptions::new(200.0)).unwrap();
    (e, cx)
}

fn type_chars(e: &mut Editor, cx: &mut LayoutContext, text: &str) {
    for c in text.chars() {
        e.insert(cx, c.encode_utf8(&mut [0; 4])).unwrap();
    }
}

#[test]
fn a_word_typed_is_one_group_and_the_space_starts_the_next() {
    let (mut e, mut cx) = editor("");
    type_chars(&mut e, &mut cx, "שלום world  ok");
    let mut seen = vec![e.text().to_string()];
    while e.undo(&mut cx).unwrap().is_some() {
        seen.push(e.text().to_string());
    }
    assert_eq!(seen, ["שלום world  ok", "שלום world", "שלום", ""]);
    assert!(!e.can_undo() && e.can_redo());
    while e.redo(&mut cx).unwrap().is_some() {}
    assert_eq!(e.text(), "שלום world  ok");
    assert_eq!(e.selection(), Selection::caret(e.text().len()));
}

#[test]
fn backspaces_group_and_a_move_or_a_kind_change_starts_a_group() {
    let (mut e, mut cx) = editor("");
    type_chars(&mut e, &mut cx, "abcdef");
    e.backspace(&mut cx).unwrap();
    e.backspace(&mut cx).unwrap();
    assert_eq!(e.text(), "abcd");
    // A move ends the group: "X" typed after it is a group of its own.
    e.move_caret(Movement::Left, false);
    type_chars(&mut e, &mut cx, "X");
    assert_eq!(e.text(), "abcXd");
    let result = e.undo(&mut cx).unwrap().unwrap();
    assert_eq!((e.text(), result.removed.as_str()), ("abcd", "X"));
    assert_eq!(
        e.selection(),
        Selection::caret(3),
        "the caret where the group started"
    );
    e.undo(&mut cx).unwrap();
    assert_eq!(e.text(), "abcdef", "both backspaces at once");
    assert_eq!(e.selection(), Selection::caret(6));
    e.undo(&mut cx).unwrap();
    assert_eq!(e.text(), "");
    // An edit after an undo drops what could be redone.
    type_chars(&mut e, &mut cx, "z");
    assert!(!e.can_redo());
}

#[test]
fn a_style_change_is_a_group_and_a_committed_preedit_is_one() {
    let (mut e, mut cx) = editor("ab");
    e.set_selection(Selection::caret(2));
    e.set_preedit(&mut cx, "ש", 2).unwrap();
    e.set_preedit(&mut cx, "של", 4).unwrap();
    e.set_preedit(&mut cx, "שלום", 8).unwrap();
    e.commit_preedit();
    e.set_style(&mut cx, 0..2, style().weight(700)).unwrap();
    assert_eq!(e.spans().len(), 1);
    e.undo(&mut cx).unwrap();
    assert_eq!((e.text(), e.spans().len()), ("abשלום", 0));
    e.undo(&mut cx).unwrap();
    assert_eq!(e.text(), "ab", "the composition in one step");
    assert!(!e.can_undo());
    // A cancelled composition records nothing.
    e.set_preedit(&mut cx, "x", 1).unwrap();
    e.cancel_preedit(&mut cx).unwrap();
    assert!(!e.can_undo());
    // EditResult carries the removed text.
    e.set_selection(Selection {
        anchor: 0,
        focus: 2,
        affinity: Default::default(),
    });
    let result = e.insert(&mut cx, "q").unwrap();
    assert_eq!(result.removed, "ab");
}

#[test]
fn the_history_is_bounded() {
    let (mut e, mut cx) = editor("");
    e.set_undo_limit(3);
    for k in 0..6 {
        e.insert(&mut cx, &format!("{k}")).unwrap();
        e.break_undo_group();
    }
    let mut undone = 0;
    while e.undo(&mut cx).unwrap().is_some() {
        undone += 1;
    }
    assert_eq!((undone, e.text()), (3, "012"));
}

/// Block by block: line ranges and glyphs; y within 1e-3 px (moved blocks round differently).
fn same_layout(a: &DocumentLayout, b: &DocumentLayout) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.blocks().len(), b.blocks().len());
    for (x, y) in a.blocks().iter().zip(b.blocks()) {
        let lines = |l: &shrift::Layout| {
            l.lines()
                .iter()
                .map(|l| (l.range(), l.x(), l.width()))
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(lines(x), lines(y));
        prop_assert_eq!(x.all_glyphs().len(), y.all_glyphs().len());
        for (g, h) in x.all_glyphs().iter().zip(y.all_glyphs()) {
            prop_assert_eq!((g.id, g.cluster, g.x), (h.id, h.cluster, h.x));
            prop_assert!((g.y - h.y).abs() < 1e-3);
        }
    }
    Ok(())
}

/// A fresh editor of `e`'s text, boxes and spans: the layout `e` must have. Built by typing the
/// text between the boxes and putting each box in its place (a box can be followed by a mark
/// that makes one grapheme cluster with its U+FFFC: no selection can cover the U+FFFC alone).
fn fresh(e: &Editor, cx: &mut LayoutContext) -> Editor {
    let book = FontBook::with_bundled_fonts();
    let mut f = Editor::new("", style(), &book, cx, LayoutOptions::new(200.0)).unwrap();
    let mut at = 0;
    for &(offset, b) in e.inline_boxes() {
        if offset > at {
            f.insert(cx, &e.text()[at..offset]).unwrap();
        }
        f.insert_box(cx, b).unwrap();
        at = offset + '\u{FFFC}'.len_utf8();
    }
    if at < e.text().len() {
        f.insert(cx, &e.text()[at..]).unwrap();
    }
    assert_eq!(f.text(), e.text());
    for (range, s) in e.spans() {
        f.set_style(cx, range.clone(), s.clone()).unwrap();
    }
    f
}

#[derive(Debug, Clone)]
enum Op {
    Type(&'static str),
    Backspace,
    Delete,
    Move(u8),
    Select(usize, usize),
    Style(usize, usize),
    Preedit(&'static str, bool),
    Break,
    Undo,
    Redo,
    /// An inline box of this width (and half of it high).
    Box(u8),
}

fn op() -> impl Strategy<Value = Op> {
    let piece = prop::sample::select(vec!["a", "b", " ", "\n", "ש", "\u{05B7}", "YIVO", "לום "]);
    prop_oneof![
        4 => piece.prop_map(Op::Type),
        2 => Just(Op::Backspace),
        1 => Just(Op::Delete),
        2 => (0u8..4).prop_map(Op::Move),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::Select(a, b)),
        1 => (any::<usize>(), 1usize..8).prop_map(|(a, n)| Op::Style(a, n)),
        1 => (prop::sample::select(vec!["x", "שׁ", "ab"]), any::<bool>()).prop_map(|(t, c)| Op::Preedit(t, c)),
        1 => Just(Op::Break),
        1 => Just(Op::Undo),
        1 => Just(Op::Redo),
        1 => (4u8..60).prop_map(Op::Box),
    ]
}

/// The char boundary at or before `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #![proptest_config(proptest_config::config(100, 0x0dd0_2023, None))]

    #[test]
    fn undo_to_the_start_and_redo_to_the_end(
        start in prop::sample::select(vec!["", "שלום world", "ab\ncd", "אַ ביסל\n"]),
        ops in prop::collection::vec(op(), 1..30),
    ) {
        let (mut e, mut cx) = editor(start);
        let moves = [Movement::Left, Movement::Right, Movement::WordLeft, Movement::Down];
        // The selection right after the last edit recorded: where redo leaves the caret (a
        // move after it is not an edit).
        let mut after_edit = e.selection();
        let mut edited = false;
        // The selection before the first edit recorded: where undoing everything leaves it.
        let mut first_edit: Option<Selection> = None;
        for op in &ops {
            let before = e.selection();
            // Whether the op recorded an edit (Backspace and Delete at an end do nothing; a
            // cancelled preedit records the deletion of the selection it replaced).
            let recorded = match *op {
                Op::Type(s) => { e.insert(&mut cx, s).unwrap(); true }
                Op::Backspace => e.backspace(&mut cx).unwrap().is_some(),
                Op::Delete => e.delete(&mut cx).unwrap().is_some(),
                Op::Move(m) => { e.move_caret(moves[m as usize], false); false }
                Op::Select(a, b) => {
                    let (a, b) = (boundary(e.text(), a), boundary(e.text(), b));
                    e.set_selection(Selection { anchor: a, focus: b, affinity: Default::default() });
                    false
                }
                Op::Style(a, n) => {
                    let a = boundary(e.text(), a);
                    let b = boundary(e.text(), a + n.min(e.text().len() - a));
                    if a < b {
                        e.set_style(&mut cx, a..b, style().weight(700)).unwrap();
                    }
                    a < b
                }
                Op::Preedit(t, commit) => {
                    e.set_preedit(&mut cx, t, t.len()).unwrap();
                    if commit { e.commit_preedit(); } else { e.cancel_preedit(&mut cx).unwrap(); }
                    commit || !before.is_collapsed()
                }
                Op::Break => { e.break_undo_group(); false }
                Op::Undo => e.undo(&mut cx).unwrap().is_some(),
                Op::Redo => e.redo(&mut cx).unwrap().is_some(),
                Op::Box(w) => {
                    let w = f32::from(w);
                    e.insert_box(&mut cx, InlineBox::new(u64::from(w as u8), w, w / 2.0)).unwrap();
                    true
                }
            };
            if recorded {
                after_edit = e.selection();
                edited = true;
                first_edit.get_or_insert(before);
            }
        }
        // The state after the script, then everything undone: the state before any edit that
        // is still in the history; with no undo or redo in the script, the start.
        let end = (e.text().to_string(), e.spans().to_vec(), e.selection(), e.inline_boxes().to_vec());
        while e.undo(&mut cx).unwrap().is_some() {}
        let plain = !ops.iter().any(|o| matches!(o, Op::Undo | Op::Redo));
        if plain {
            prop_assert_eq!(e.text(), start);
            prop_assert!(e.spans().is_empty());
            prop_assert!(e.inline_boxes().is_empty());
            if let Some(selection) = first_edit {
                prop_assert_eq!(e.selection(), selection);
            }
        }
        same_layout(e.layout(), fresh(&e, &mut cx).layout())?;
        while e.redo(&mut cx).unwrap().is_some() {}
        if plain {
            prop_assert_eq!(e.text(), end.0.as_str());
            prop_assert_eq!(e.spans(), &end.1[..]);
            prop_assert_eq!(e.inline_boxes(), &end.3[..]);
            if edited {
                prop_assert_eq!(e.selection(), after_edit);
            }
        }
        same_layout(e.layout(), fresh(&e, &mut cx).layout())?;
    }
}
