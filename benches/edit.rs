//! How editing costs grow with the text (issue 22), three groups:
//!
//! - `query`: a hit test plus the carets where it lands, on one unwrapped line
//!   (`LayoutOptions::no_wrap`) of 1 KB, 64 KB and 1 MB, Latin and Yiddish, and on the article's
//!   longest paragraph wrapped at 600 px; the line's index is built by a first query outside the
//!   timing (it is built once per layout).
//! - `keystroke`: a char typed mid-paragraph and erased again (two edits) with the `Editor`, in
//!   one paragraph of 1 KB, 64 KB and 1 MB.
//! - `document`: documents of 1 MB and 10 MB in paragraphs of ~100 bytes (10,000 and 100,000
//!   blocks) opened with a viewport of 800 px (`Editor::open`): opening and laying out the
//!   first screen, a jump to text not laid out (a quarter, then three quarters of the way
//!   down), a keystroke (typed and erased) in the middle, Enter and Backspace there (a
//!   paragraph split and joined again); beside them a keystroke in 1 MB
//!   with every block laid out (`Editor::new`).
//! - `edit`: the older table: a keystroke in 34 KB of ~40 paragraphs and of one paragraph, beside
//!   building and laying out the whole edited text again.
//!
//! The first two take English prose (the article's body) or Yiddish (the mixed corpus's Hebrew-
//! script words) repeated to the size; the `edit` group:
//!
//! A keystroke in a long text: one char typed in the middle and erased again (two edits), with
//! the editor, in a 34 KB document of ~40 paragraphs and in a single 34 KB paragraph; beside
//! them, what the same keystroke costs without the editor: the edited text built and laid out
//! again (shape cache warm, word cache off, as before the editor existed).
//!
//! The text is the corpus (article, mixed lines, stress lines: ~10 KB of distinct paragraphs)
//! repeated to 34 KB, so later copies find their words in the word cache more often than fresh
//! prose would.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use shrift::{
    BaseDirection, Block, Cursor, Document, Editor, FontBook, LayoutContext, LayoutOptions, Paragraph,
    Selection, TextStyle, Viewport,
};

/// The sizes of the growth tables.
const SIZES: [(&str, usize); 3] = [("1KB", 1024), ("64KB", 64 * 1024), ("1MB", 1024 * 1024)];

/// Words of one script from the corpus, repeated (space-separated) to `len` bytes.
fn prose(yiddish: bool, len: usize) -> String {
    let source = [
        include_str!("../tests/data/article.txt"),
        include_str!("../tests/data/mixed.txt"),
    ]
    .concat();
    let hebrew = |w: &&str| w.chars().any(|c| ('\u{5d0}'..='\u{5ea}').contains(&c));
    let words: Vec<&str> = source
        .split_whitespace()
        .filter(|w| hebrew(w) == yiddish)
        .collect();
    let mut out = String::with_capacity(len + 64);
    for w in words.iter().cycle() {
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

/// The middle of `text`, moved forward to a char boundary.
fn middle(text: &str) -> usize {
    let mut m = text.len() / 2;
    while !text.is_char_boundary(m) {
        m += 1;
    }
    m
}

fn queries(c: &mut Criterion) {
    let book = FontBook::with_bundled_fonts();
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    let mut group = c.benchmark_group("query");
    group.sample_size(20);
    let mut cx = LayoutContext::new();
    for (script, yiddish) in [("latin", false), ("yiddish", true)] {
        for (size, len) in SIZES {
            let text = prose(yiddish, len);
            let para = Paragraph::new(&text, style.clone(), &book, &mut cx).unwrap();
            let layout = para.layout(&mut cx, &LayoutOptions::no_wrap()).unwrap();
            let (x, y) = (layout.width() * 0.37, layout.lines()[0].top() + 5.0);
            layout.carets(layout.hit_test(x, y)); // builds the line's index
            group.bench_function(format!("unwrapped_line_{script}/{size}"), |b| {
                b.iter(|| black_box(layout.carets(layout.hit_test(black_box(x), y))))
            });
        }
    }
    let article = include_str!("../tests/data/article.txt");
    let longest = article.lines().max_by_key(|l| l.len()).unwrap();
    let para = Paragraph::new(longest, style, &book, &mut cx).unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    let line = &layout.lines()[layout.lines().len() / 2];
    let (x, y) = (300.0, line.top() + 5.0);
    layout.carets(layout.hit_test(x, y));
    group.bench_function("article_paragraph_600px", |b| {
        b.iter(|| black_box(layout.carets(layout.hit_test(black_box(x), y))))
    });
    // Every caret of a line, from the first offset to the last, on the 64 KB line: what
    // drawing a selection or walking with arrows asks.
    let text = prose(false, 64 * 1024);
    let para = Paragraph::new(&text, TextStyle::new("Noto Serif"), &book, &mut cx).unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::no_wrap()).unwrap();
    layout.carets(Cursor::new(0));
    group.bench_function("unwrapped_line_latin/64KB_caret_per_offset_x1000", |b| {
        b.iter(|| {
            for k in 0..1000 {
                black_box(layout.carets(Cursor::new(k * 61)));
            }
        })
    });
    group.finish();
}

fn keystrokes(c: &mut Criterion) {
    let book = FontBook::with_bundled_fonts();
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(10);
    for (script, yiddish) in [("latin", false), ("yiddish", true)] {
        for (size, len) in SIZES {
            let text = prose(yiddish, len);
            let at = middle(&text);
            let mut cx = LayoutContext::new();
            let mut editor =
                Editor::new(&text, style.clone(), &book, &mut cx, LayoutOptions::new(600.0)).unwrap();
            group.bench_function(format!("one_paragraph_{script}/{size}"), |b| {
                b.iter(|| {
                    editor.set_selection(Selection::caret(at));
                    // A letter of the paragraph's own script.
                    editor.insert(&mut cx, if yiddish { "ש" } else { "x" }).unwrap();
                    editor.backspace(&mut cx).unwrap();
                })
            });
        }
    }
    group.finish();
}

const SIZE: usize = 34 * 1024;

/// The corpus repeated to `SIZE` bytes, in paragraphs of about `paragraph` bytes (cut at spaces)
/// joined by `\n`; one paragraph when `paragraph` is `SIZE`.
fn text(paragraph: usize) -> String {
    let source = [
        include_str!("../tests/data/article.txt"),
        include_str!("../tests/data/mixed.txt"),
        include_str!("../tests/data/stress.txt"),
    ]
    .concat()
    .replace('\n', " ");
    let mut words = source.split(' ').filter(|w| !w.is_empty()).cycle();
    let (mut out, mut para) = (String::new(), 0);
    while out.len() < SIZE {
        let w = words.next().unwrap_or("x");
        if para > 0 && para + w.len() > paragraph {
            out.push('\n');
            para = 0;
        } else if para > 0 {
            out.push(' ');
            para += 1;
        }
        out.push_str(w);
        para += w.len();
    }
    out
}

fn bench(c: &mut Criterion) {
    let book = FontBook::with_bundled_fonts();
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    let options = LayoutOptions::new(600.0);
    let mut group = c.benchmark_group("edit");
    group.sample_size(20);
    for (name, paragraph) in [("document_40_paragraphs", SIZE / 40), ("one_paragraph", SIZE)] {
        let text = text(paragraph);
        let mut middle = text.len() / 2;
        while !text.is_char_boundary(middle) {
            middle += 1;
        }
        let mut cx = LayoutContext::new();
        let mut editor = Editor::new(&text, style.clone(), &book, &mut cx, options).unwrap();
        group.bench_function(format!("{name}/editor_type_and_erase"), |b| {
            b.iter(|| {
                editor.set_selection(Selection::caret(middle));
                editor.insert(&mut cx, "x").unwrap();
                editor.backspace(&mut cx).unwrap();
            })
        });
        // Without the editor: build and lay out the whole edited text twice.
        let mut cx = LayoutContext::new();
        let mut typed = text.clone();
        typed.insert(middle, 'x');
        let rebuild = |t: &str, cx: &mut LayoutContext| {
            let mut doc = Document::new();
            for p in t.split_inclusive('\n') {
                doc.push(Block::new(Paragraph::new(p, style.clone(), &book, cx).unwrap()));
            }
            doc.layout(cx, 600.0).unwrap()
        };
        rebuild(&text, &mut cx);
        group.bench_function(format!("{name}/rebuild_type_and_erase"), |b| {
            b.iter(|| {
                rebuild(&typed, &mut cx);
                rebuild(&text, &mut cx);
            })
        });
    }
    group.finish();
}

/// `mb` MB of English prose in paragraphs of about 100 bytes.
fn document(mb: usize) -> String {
    let words = prose(false, 4096);
    let words: Vec<&str> = words.split(' ').collect();
    let (mut text, mut k) = (String::new(), 0);
    while text.len() < mb << 20 {
        let start = text.len();
        while text.len() - start < 100 {
            text.push_str(words[k % words.len()]);
            text.push(' ');
            k += 1;
        }
        text.pop();
        text.push('\n');
    }
    text
}

fn documents(c: &mut Criterion) {
    let book = FontBook::with_bundled_fonts();
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    let options = LayoutOptions::new(600.0);
    let screen = 800.0;
    let mut group = c.benchmark_group("document");
    group.sample_size(10);
    // Every block laid out (`Editor::new`), 1 MB: what a keystroke costs without a viewport.
    let text = document(1);
    let at = middle(&text);
    let mut cx = LayoutContext::new();
    let mut editor = Editor::new(&text, style.clone(), &book, &mut cx, options).unwrap();
    group.bench_function("keystroke_1MB_all_laid_out", |b| {
        b.iter(|| {
            editor.set_selection(Selection::caret(at));
            editor.insert(&mut cx, "x").unwrap();
            editor.backspace(&mut cx).unwrap();
        })
    });
    // With a viewport (`Editor::open`): only the blocks near it laid out.
    for mb in [1, 10] {
        let text = document(mb);
        let mut cx = LayoutContext::new();
        let open = |cx: &mut LayoutContext| {
            let viewport = Viewport::new(0.0, screen);
            Editor::open(
                &text,
                style.clone(),
                BaseDirection::Auto,
                &book,
                cx,
                options,
                viewport,
            )
            .unwrap()
        };
        group.bench_function(format!("open_first_screen_{mb}MB"), |b| {
            b.iter(|| black_box(open(&mut cx)))
        });
        let mut editor = open(&mut cx);
        let height = editor.layout().height();
        let mut far = false;
        group.bench_function(format!("jump_{mb}MB"), |b| {
            b.iter(|| {
                // A quarter of the way down, then three quarters: each a jump to text not laid out.
                far = !far;
                let top = if far { height * 0.75 } else { height * 0.25 };
                black_box(editor.set_viewport(&mut cx, Viewport::new(top, screen)).unwrap())
            })
        });
        let vp = editor
            .set_viewport(&mut cx, Viewport::new(height / 2.0, screen))
            .unwrap();
        editor.click(300.0, vp.top + screen / 2.0, false);
        let at = editor.selection().focus;
        group.bench_function(format!("keystroke_{mb}MB"), |b| {
            b.iter(|| {
                editor.set_selection(Selection::caret(at));
                editor.insert(&mut cx, "x").unwrap();
                editor.backspace(&mut cx).unwrap();
            })
        });
        // Enter and Backspace: a paragraph split in two and joined again (a block added to the
        // heights and removed).
        group.bench_function(format!("enter_{mb}MB"), |b| {
            b.iter(|| {
                editor.set_selection(Selection::caret(at));
                editor.insert(&mut cx, "\n").unwrap();
                editor.backspace(&mut cx).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, queries, keystrokes, documents, bench);
criterion_main!(benches);
