#![cfg(feature = "bundled-fonts")]
//! Edits inside long paragraphs: the editor re-analyses a window around each edit and splices it
//! into the paragraph (`src/paragraph/edit.rs`) and re-breaks only the lines it changed. The
//! reference is a fresh build of the final text (glyphs, clusters, positions, bidi levels of
//! every run, lines, y within 1e-3 px), after every edit of random scripts on texts of a few
//! kilobytes in English, Yiddish and both, with brackets, digits, points and punctuation. A
//! second test holds the locality with a counter (the bytes the analysis ran over), not a timer.

#[path = "common/proptest_config.rs"]
mod proptest_config;

use proptest::prelude::*;
use shrift::{DocumentLayout, Editor, FontBook, LayoutContext, LayoutOptions, Selection, TextStyle};

fn style() -> TextStyle {
    TextStyle::new("Noto Serif, Noto Serif Hebrew").size(16.0)
}

/// Words of the corpus, English or Yiddish or both, cycled to about `len` bytes.
fn prose(words: &[&str], len: usize, skip: usize) -> String {
    let mut out = String::new();
    for w in words.iter().cycle().skip(skip) {
        if out.len() + w.len() + 1 > len {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn corpus_words() -> Vec<&'static str> {
    [include_str!("data/article.txt"), include_str!("data/mixed.txt")]
        .iter()
        .flat_map(|t| t.split_whitespace())
        .collect()
}

fn is_hebrew(w: &str) -> bool {
    w.chars().any(|c| ('\u{5d0}'..='\u{5ea}').contains(&c))
}

/// Everything the two layouts draw and measure, block by block.
fn same_layout(a: &DocumentLayout, b: &DocumentLayout) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.blocks().len(), b.blocks().len());
    for (x, y) in a.blocks().iter().zip(b.blocks()) {
        prop_assert_eq!(x.text(), y.text());
        let lines = |l: &shrift::Layout| {
            l.lines()
                .iter()
                .map(|line| {
                    let runs: Vec<_> = l
                        .runs(line)
                        .iter()
                        .map(|r| (r.range(), r.level(), r.x(), r.width()))
                        .collect();
                    (line.range(), line.x(), line.width(), line.height(), runs)
                })
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(lines(x), lines(y));
        prop_assert_eq!(x.all_glyphs().len(), y.all_glyphs().len());
        for (g, h) in x.all_glyphs().iter().zip(y.all_glyphs()) {
            prop_assert_eq!(
                (g.id, g.cluster, g.x, g.advance),
                (h.id, h.cluster, h.x, h.advance)
            );
            prop_assert!((g.y - h.y).abs() < 1e-3);
        }
        for (l, m) in x.lines().iter().zip(y.lines()) {
            prop_assert!((l.top() - m.top()).abs() < 1e-3);
        }
        prop_assert_eq!(x.missing_glyphs(), y.missing_glyphs());
    }
    prop_assert!((a.height() - b.height()).abs() < 1e-3);
    Ok(())
}

/// The char boundary at or before `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    /// Typed at the text's end.
    Append(&'static str),
    /// Typed at the end of a block but the last (before its `\n`).
    AtBlockEnd(usize, &'static str),
    Delete(usize, usize),
    Backspace(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let piece = prop::sample::select(vec![
        "a",
        "x",
        "s",
        " ",
        "word ",
        "ש",
        "ל",
        "\u{05B7}",
        "פֿאַר ",
        "(",
        ")",
        "1925",
        "—",
        ",",
        "ab cd",
        "אַ ",
        "\u{200F}",
        "\u{202B}",
        "\t",
        "fi",
        "«",
        "?",
        "\n",
    ]);
    prop_oneof![
        4 => (any::<usize>(), piece.clone()).prop_map(|(at, s)| Edit::Insert(at, s)),
        1 => piece.clone().prop_map(Edit::Append),
        1 => (any::<usize>(), piece).prop_map(|(k, s)| Edit::AtBlockEnd(k, s)),
        1 => (any::<usize>(), 0usize..8).prop_map(|(at, n)| Edit::Delete(at, n)),
        2 => any::<usize>().prop_map(Edit::Backspace),
    ]
}

proptest! {
    #![proptest_config(proptest_config::config(24, 0x1c2e_0022, None))]

    /// After every edit of a random script the editor's layout is a fresh build's.
    #[test]
    fn edits_in_long_paragraphs_equal_fresh_builds(
        script in 0usize..3,
        skip in 0usize..200,
        edits in prop::collection::vec(edit(), 1..16),
        width in 150.0f32..700.0,
    ) {
        let words = corpus_words();
        let words: Vec<&str> = match script {
            0 => words.into_iter().filter(|w| !is_hebrew(w)).collect(),
            1 => words.into_iter().filter(|w| is_hebrew(w)).collect(),
            _ => words,
        };
        // Paragraphs of about 1,000 bytes (each block but the last ends with its `\n`).
        let mut start = prose(&words, 3000, skip);
        for mut at in [1000, 2000] {
            while !start.is_char_boundary(at) {
                at += 1;
            }
            if let Some(space) = start[at..].find(' ') {
                start.replace_range(at + space..at + space + 1, "\n");
            }
        }
        let book = FontBook::with_bundled_fonts();
        let mut cx = LayoutContext::new();
        let options = LayoutOptions::new(width);
        let mut e = Editor::new(&start, style(), &book, &mut cx, options).unwrap();
        let mut model = start.clone();
        for edit in &edits {
            match *edit {
                Edit::Insert(at, s) => {
                    let at = boundary(&model, at);
                    e.replace(&mut cx, at..at, s).unwrap();
                    model.insert_str(at, s);
                }
                Edit::AtBlockEnd(k, s) => {
                    let ends: Vec<usize> = model.match_indices('\n').map(|(i, _)| i).collect();
                    let at = ends.get(k % ends.len().max(1)).copied().unwrap_or(model.len());
                    e.replace(&mut cx, at..at, s).unwrap();
                    model.insert_str(at, s);
                }
                Edit::Append(s) => {
                    let end = model.len();
                    e.replace(&mut cx, end..end, s).unwrap();
                    model.push_str(s);
                }
                Edit::Delete(at, n) => {
                    let a = boundary(&model, at);
                    let b = boundary(&model, a + n.min(model.len() - a));
                    e.replace(&mut cx, a..b.max(a), "").unwrap();
                    model.replace_range(a..b.max(a), "");
                }
                Edit::Backspace(at) => {
                    let at = boundary(&model, at);
                    e.set_selection(Selection::caret(at));
                    let range = shrift::backspace_range(&model, e.selection().focus);
                    e.backspace(&mut cx).unwrap();
                    model.replace_range(range, "");
                }
            }
            prop_assert_eq!(e.text(), model.as_str());
            let mut fresh_cx = LayoutContext::new();
            let fresh = Editor::new(&model, style(), &book, &mut fresh_cx, options).unwrap();
            same_layout(e.layout(), fresh.layout())?;
        }
    }
}

/// Typing a letter in the middle of a long paragraph and erasing it analyses a window of a few
/// words, whatever the paragraph's length: the bytes analysed per keystroke stay under 200 in a
/// 3 KB and a 60 KB paragraph, English and Yiddish (a fresh build analyses every byte).
#[test]
fn a_keystroke_analyses_only_a_window_around_it() {
    let words = corpus_words();
    let book = FontBook::with_bundled_fonts();
    for yiddish in [false, true] {
        // One script and one face (ASCII English; Yiddish of Hebrew letters, points and ASCII
        // punctuation, which the Hebrew face has), so that the text is one item: an edit next
        // to a change of face or script is built afresh (see `src/paragraph/edit.rs`).
        let words: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| {
                if yiddish {
                    w.chars().all(|c| {
                        ('\u{591}'..='\u{5f4}').contains(&c)
                            || ('\u{fb1d}'..='\u{fb4f}').contains(&c)
                            || matches!(c, '.' | ',' | ':' | '!' | '?')
                    })
                } else {
                    w.is_ascii()
                }
            })
            .collect();
        for len in [3_000, 60_000] {
            let text = prose(&words, len, 0);
            let mut cx = LayoutContext::new();
            let mut e = Editor::new(&text, style(), &book, &mut cx, LayoutOptions::new(500.0)).unwrap();
            assert!(cx.analysed_bytes() >= text.len() as u64);
            let mut at = text.len() / 2;
            // Into a word (after its first letter), so that anchors surround the edit.
            while !text.is_char_boundary(at) || text[..at].ends_with(' ') || text[at..].starts_with(' ') {
                at += 1;
            }
            let letter = if yiddish { "ש" } else { "x" };
            for _ in 0..5 {
                let before = cx.analysed_bytes();
                e.set_selection(Selection::caret(at));
                e.insert(&mut cx, letter).unwrap();
                e.backspace(&mut cx).unwrap();
                let analysed = cx.analysed_bytes() - before;
                assert!(
                    analysed < 200,
                    "{len} bytes, yiddish {yiddish}: {analysed} analysed"
                );
            }
            assert_eq!(e.text(), text);
            // Typing a word at the paragraph's end, letter by letter, then erasing it.
            let end = text.len();
            let before = cx.analysed_bytes();
            e.set_selection(Selection::caret(end));
            for c in [" ", letter, letter, letter] {
                e.insert(&mut cx, c).unwrap();
            }
            for _ in 0..4 {
                e.backspace(&mut cx).unwrap();
            }
            let analysed = cx.analysed_bytes() - before;
            assert!(
                analysed < 8 * 200,
                "{len} bytes at the end, yiddish {yiddish}: {analysed} analysed"
            );
            assert_eq!(e.text(), text);
            // The same at the end of the first of two paragraphs (before its `\n`).
            let two = format!("{text}\n{text}");
            let mut e = Editor::new(&two, style(), &book, &mut cx, LayoutOptions::new(500.0)).unwrap();
            let before = cx.analysed_bytes();
            e.set_selection(Selection::caret(text.len()));
            for c in [" ", letter, letter] {
                e.insert(&mut cx, c).unwrap();
            }
            let analysed = cx.analysed_bytes() - before;
            assert!(
                analysed < 3 * 200,
                "{len} bytes, first block's end, yiddish {yiddish}: {analysed} analysed"
            );
        }
    }
}
