#![cfg(feature = "bundled-fonts")]
//! An editor with a viewport lays out only the blocks near it (`src/editor/viewport.rs`). The
//! reference is an editor that lays out every block ([`Editor::new`]) on the same text: the
//! blocks the viewport editor lays out are the same blocks (glyphs, lines, positions relative
//! to the block's top), and after random edits in and out of view a viewport over the whole
//! text gives exactly the fresh editor's layout. Scroll anchoring is held by the caret's
//! place on screen, by hand: scrolling up by 100 px moves it down 100 px on screen, whatever
//! the estimates replaced above it.

use shrift::{
    BaseDirection, DocumentLayout, Editor, FontBook, LayoutContext, LayoutOptions, Movement, Selection,
    TextStyle, Viewport,
};

fn style() -> TextStyle {
    TextStyle::new("Noto Serif, Noto Serif Hebrew").size(16.0)
}

/// `n` paragraphs of corpus words (English, Yiddish, both), of lengths from a few bytes to
/// about 900, some empty.
fn document(n: usize) -> String {
    let words: Vec<&str> = [include_str!("data/article.txt"), include_str!("data/mixed.txt")]
        .iter()
        .flat_map(|t| t.split_whitespace())
        .collect();
    let mut out = String::new();
    let mut w = 0;
    for k in 0..n {
        let len = (k * 7919) % 900;
        let start = out.len();
        while out.len() - start < len {
            if out.len() > start {
                out.push(' ');
            }
            out.push_str(words[w % words.len()]);
            w += 1;
        }
        out.push('\n');
    }
    out
}

fn open(text: &str, viewport: Viewport, cx: &mut LayoutContext, book: &FontBook) -> Editor {
    let options = LayoutOptions::new(500.0);
    Editor::open(text, style(), BaseDirection::Auto, book, cx, options, viewport).unwrap()
}

/// Block `k` of `lazy` is laid out as block `k` of `full`, y taken from each block's top.
fn same_block(lazy: &DocumentLayout, full: &DocumentLayout, k: usize) {
    let (a, b) = (lazy.block(k).unwrap(), &full.blocks()[k]);
    assert_eq!(a.text(), b.text(), "block {k}");
    let (ta, tb) = (a.lines()[0].top(), b.lines()[0].top());
    assert_eq!(a.lines().len(), b.lines().len(), "block {k}");
    for (l, m) in a.lines().iter().zip(b.lines()) {
        assert_eq!(
            (l.range(), l.x(), l.width(), l.height()),
            (m.range(), m.x(), m.width(), m.height())
        );
        assert!((l.top() - ta - (m.top() - tb)).abs() < 1e-2, "block {k}");
    }
    assert_eq!(a.all_glyphs().len(), b.all_glyphs().len());
    for (g, h) in a.all_glyphs().iter().zip(b.all_glyphs()) {
        assert_eq!(
            (g.id, g.cluster, g.x, g.advance),
            (h.id, h.cluster, h.x, h.advance)
        );
        assert!((g.y - ta - (h.y - tb)).abs() < 1e-2);
    }
}

#[test]
fn laid_out_blocks_are_the_full_editors_and_few() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = document(400);
    let full = Editor::new(&text, style(), &book, &mut cx, LayoutOptions::new(500.0)).unwrap();
    let mut lazy = open(&text, Viewport::new(0.0, 600.0), &mut cx, &book);
    // The estimates (learned from the first screen, English-heavy, of a text that is English
    // and Yiddish by turns) put the whole text's height, the scroll bar's length, within a
    // tenth of the true one (3.9 % here; 25 % when lengths were counted in bytes, a Hebrew
    // letter being two).
    let (estimated, real) = (lazy.layout().height(), full.layout().height());
    assert!((estimated / real - 1.0).abs() < 0.1, "{estimated} vs {real}");
    // From the top every block above is laid out: y equals the full layout's exactly.
    let laid = lazy.layout().laid_blocks();
    assert_eq!(laid.start, 0);
    assert!(laid.len() < 40, "{laid:?} laid out for a 600 px viewport");
    for k in laid.clone() {
        same_block(lazy.layout(), full.layout(), k);
        let (a, b) = (lazy.layout().block(k).unwrap(), &full.layout().blocks()[k]);
        assert!((a.lines()[0].top() - b.lines()[0].top()).abs() < 1e-3);
    }
    // The viewport is covered: the laid-out blocks reach below its bottom.
    let bottom = lazy.layout().block(laid.end - 1).unwrap().lines().last().unwrap();
    assert!(bottom.top() + bottom.height() >= 600.0);
    // A jump to the middle lays out the blocks there, let go of those at the top.
    let middle = lazy.layout().height() / 2.0;
    let shown = lazy.set_viewport(&mut cx, Viewport::new(middle, 600.0)).unwrap();
    let laid = lazy.layout().laid_blocks();
    assert!(laid.start > 100 && laid.len() < 40, "{laid:?}");
    for k in laid.clone() {
        same_block(lazy.layout(), full.layout(), k);
    }
    // The blocks in view are laid out, and the viewport is where the editor says.
    let top = lazy.layout().blocks()[0].lines()[0].top();
    let last = lazy.layout().blocks().last().unwrap().lines().last().unwrap();
    assert!(top <= shown.top && last.top() + last.height() >= shown.bottom());
    // A keystroke in view is an edit in place: a few words analysed, not a paragraph, let
    // alone the document (a deterministic counter, `LayoutContext::analysed_bytes`).
    lazy.click(250.0, shown.top + 300.0, false);
    let at = lazy.selection().focus;
    let before = cx.analysed_bytes();
    lazy.insert(&mut cx, "e").unwrap();
    lazy.backspace(&mut cx).unwrap();
    assert!(
        cx.analysed_bytes() - before < 200,
        "{} bytes analysed",
        cx.analysed_bytes() - before
    );
    assert_eq!((lazy.text(), lazy.selection().focus), (text.as_str(), at));
    for k in lazy.layout().laid_blocks() {
        same_block(lazy.layout(), full.layout(), k);
    }
    // Opening analysed the blocks near the viewport only.
    let mut cx2 = LayoutContext::new();
    open(&text, Viewport::new(0.0, 600.0), &mut cx2, &book);
    assert!(
        cx2.analysed_bytes() < text.len() as u64 / 10,
        "{} of {}",
        cx2.analysed_bytes(),
        text.len()
    );
    // Every laid-out block stacks on the one before.
    for pair in lazy.layout().blocks().windows(2) {
        let end = pair[0].lines().last().unwrap();
        assert!((end.top() + end.height() - pair[1].lines()[0].top()).abs() < 1e-2);
    }
}

#[test]
fn scrolling_up_over_estimates_keeps_the_text_on_screen() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = document(1000);
    let mut editor = open(&text, Viewport::new(0.0, 500.0), &mut cx, &book);
    let vp = editor
        .set_viewport(&mut cx, Viewport::new(90_000.0, 500.0))
        .unwrap();
    editor.click(250.0, vp.top + 250.0, false);
    let caret = editor.carets().unwrap().primary;
    let on_screen = caret.top - vp.top;
    let height = editor.layout().height();
    // Up by 20 px, ten times: each lays out blocks above whose heights were estimates (the
    // laid-out margin above the viewport is half its height).
    let mut vp = vp;
    for step in 1..=10 {
        vp = editor
            .set_viewport(&mut cx, Viewport::new(vp.top - 20.0, 500.0))
            .unwrap();
        let caret = editor.carets().unwrap().primary;
        let expected = on_screen + 20.0 * step as f32;
        assert!(((caret.top - vp.top) - expected).abs() < 1e-2, "step {step}");
    }
    assert_ne!(editor.layout().height(), height, "no estimate was replaced");
}

/// A small deterministic generator (the test must not depend on a seed's luck).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn edits_in_and_out_of_view_equal_a_fresh_editor() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let inserts = [
        "a",
        " שלום ",
        "word ",
        "\n",
        "x\ny\n",
        "\n\n",
        "(1)",
        "ב",
        "\u{5b8}",
        "\t",
    ];
    for seed in 0..6u64 {
        let mut text = document(150);
        let mut editor = open(&text, Viewport::new(0.0, 400.0), &mut cx, &book);
        let mut rng = Lcg(seed);
        for _ in 0..60 {
            let total = editor.layout().height();
            if rng.next(5) == 0 {
                let top = rng.next(total as usize + 1) as f32;
                editor.set_viewport(&mut cx, Viewport::new(top, 400.0)).unwrap();
            }
            if rng.next(12) == 0 {
                // A new width: the laid-out blocks again, the others estimated again.
                let width = [300.0, 500.0, 420.0][rng.next(3)];
                editor.set_options(&mut cx, LayoutOptions::new(width)).unwrap();
            }
            if rng.next(10) == 0 {
                editor.undo(&mut cx).unwrap();
                text = editor.text().to_string();
                continue;
            }
            let mut at = rng.next(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            editor.set_selection(Selection::caret(at));
            let at = editor.selection().focus;
            if rng.next(3) == 0 {
                let mut end = (at + rng.next(300)).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                editor.replace(&mut cx, at..end, "").unwrap();
                text.replace_range(at..end, "");
            } else {
                let s = inserts[rng.next(inserts.len())];
                editor.insert(&mut cx, s).unwrap();
                text.insert_str(at, s);
            }
            assert_eq!(editor.text(), text);
        }
        let options = *editor.options();
        let fresh = Editor::new(&text, style(), &book, &mut cx, options).unwrap();
        let all = fresh.layout().height() + 10.0;
        editor.set_viewport(&mut cx, Viewport::new(0.0, all)).unwrap();
        assert_eq!(editor.layout().laid_blocks(), 0..fresh.layout().blocks().len());
        for k in 0..fresh.layout().blocks().len() {
            same_block(editor.layout(), fresh.layout(), k);
        }
        // The full editor stacks its blocks in f32, a rounding per block; the viewport
        // editor sums heights in f64: they agree to f32's precision at that height.
        let tolerance = fresh.layout().height() * 4e-6;
        for k in 0..fresh.layout().blocks().len() {
            let (a, b) = (
                editor.layout().blocks()[k].lines()[0].top(),
                fresh.layout().blocks()[k].lines()[0].top(),
            );
            assert!((a - b).abs() <= tolerance.max(1e-3), "block {k}: {a} vs {b}");
        }
        assert!(
            (editor.layout().height() - fresh.layout().height()).abs() <= tolerance,
            "{} vs {}",
            editor.layout().height(),
            fresh.layout().height()
        );
    }
}

#[test]
fn text_end_page_and_scroll_to_caret() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = document(600);
    let mut editor = open(&text, Viewport::new(0.0, 500.0), &mut cx, &book);
    // Ctrl+End goes to the text's end, which is not laid out: no caret until it is shown.
    editor.move_caret(Movement::TextEnd, false);
    assert_eq!(editor.selection().focus, text.len());
    assert!(editor.carets().is_none());
    let vp = editor.scroll_to_caret(&mut cx).unwrap().unwrap();
    let caret = editor.carets().unwrap().primary;
    assert!(
        caret.top >= vp.top && caret.top + caret.height <= vp.bottom() + 1e-3,
        "{caret:?} {vp:?}"
    );
    assert!(
        (vp.bottom() - editor.layout().height()).abs() < 1e-2,
        "the end shown at the bottom"
    );
    // Up from the last paragraph's start moves into the one before, laid out or not.
    editor.move_caret(Movement::TextStart, false);
    assert_eq!(editor.selection().focus, 0);
    let vp = editor.scroll_to_caret(&mut cx).unwrap().unwrap();
    assert_eq!(vp.top, 0.0);
    // Page Down: the viewport moves by its height less a line, the caret with it.
    let before = editor.carets().unwrap().primary;
    let after_vp = editor.page(&mut cx, true, false).unwrap().unwrap();
    assert!(after_vp.top > 400.0 && after_vp.top < 500.0, "{after_vp:?}");
    let after = editor.carets().unwrap().primary;
    assert!(after.top - after_vp.top - (before.top - vp.top) < 30.0);
    assert!(editor.selection().focus > 0);
    // Page Down with Shift keeps the anchor; Page Up at the top goes to the text's start.
    editor.page(&mut cx, true, true).unwrap();
    assert_eq!(
        editor.selection().anchor,
        editor.selection().anchor.min(editor.selection().focus)
    );
    editor.page(&mut cx, false, false).unwrap();
    editor.page(&mut cx, false, false).unwrap();
    editor.page(&mut cx, false, false).unwrap();
    assert_eq!(editor.selection().focus, 0);
    assert_eq!(editor.viewport().unwrap().top, 0.0);
}

#[test]
fn movement_leaves_the_laid_out_blocks_by_the_text() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = document(300);
    let mut editor = open(&text, Viewport::new(0.0, 300.0), &mut cx, &book);
    let last = editor.layout().laid_blocks().end - 1;
    let next = editor.block_range(last + 1);
    // The end of the last laid-out block (before its `\n`), then on: Forward crosses the `\n`
    // into a block not laid out, and Forward again moves one grapheme in it.
    let end = editor.block_range(last).end - 1;
    editor.set_selection(Selection::caret(end));
    editor.move_caret(Movement::Forward, false);
    assert_eq!(editor.selection().focus, next.start);
    editor.move_caret(Movement::Forward, false);
    let g = text[next.start..].chars().next().unwrap().len_utf8();
    assert_eq!(editor.selection().focus, next.start + g.min(next.len()));
    // Down from a block not laid out: the next paragraph's start; End: before its `\n`.
    editor.move_caret(Movement::Down, false);
    assert_eq!(editor.selection().focus, editor.block_range(last + 2).start);
    editor.move_caret(Movement::LineEnd, false);
    assert_eq!(editor.selection().focus, editor.block_range(last + 2).end - 1);
    // A click below the laid-out blocks lands at the start of the block there.
    let y = editor.layout().height() - 1.0;
    editor.click(10.0, y, false);
    assert_eq!(
        editor.selection().focus,
        editor.block_range(editor.block_of(text.len())).start
    );
    // A bad viewport is an error and changes nothing.
    assert!(editor
        .set_viewport(&mut cx, Viewport::new(f32::NAN, 10.0))
        .is_err());
    assert!(editor.set_viewport(&mut cx, Viewport::new(0.0, -1.0)).is_err());
    assert_eq!(editor.viewport().unwrap().top, 0.0);
}

#[test]
fn a_zero_width_keeps_the_estimates_finite() {
    // Width 0 is a valid width (every word on a line of its own); an estimate dividing by it
    // would make the heights infinite and the viewport's place NaN.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = document(200);
    let options = LayoutOptions::new(0.0);
    let viewport = Viewport::new(0.0, 600.0);
    let mut editor = Editor::open(
        &text,
        style(),
        BaseDirection::Auto,
        &book,
        &mut cx,
        options,
        viewport,
    )
    .unwrap();
    assert!(editor.layout().height().is_finite());
    let vp = editor
        .set_viewport(&mut cx, Viewport::new(50_000.0, 600.0))
        .unwrap();
    assert!(vp.top.is_finite() && vp.top > 0.0, "{vp:?}");
    assert!(editor.layout().laid_blocks().len() < 100);
}
