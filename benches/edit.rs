//! A keystroke in a long text: one char typed in the middle and erased again (two edits), with
//! the editor, in a 34 KB document of ~40 paragraphs and in a single 34 KB paragraph; beside
//! them, what the same keystroke costs without the editor: the edited text built and laid out
//! again (shape cache warm, word cache off, as before the editor existed).
//!
//! The text is the corpus (article, mixed lines, stress lines: ~10 KB of distinct paragraphs)
//! repeated to 34 KB, so later copies find their words in the word cache more often than fresh
//! prose would.

use criterion::{criterion_group, criterion_main, Criterion};
use shrift::{
    Block, Document, Editor, FontBook, LayoutContext, LayoutOptions, Paragraph, Selection, TextStyle,
};

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

criterion_group!(benches, bench);
criterion_main!(benches);
