//! The headline-plus-body layout path of the article.
//!
//! - `article/cold`: everything from the text: analysis, fallback, shaping, breaking, positioning,
//!   with a fresh context (nothing reused), on the default backend (HarfRust with the default
//!   features).
//! - `article/cold-rustybuzz`: the same with the rustybuzz backend.
//! - `article/relayout`: the shaped document laid out again at 420 px and 600 px alternately into
//!   a reused `DocumentLayout`: the reflow path, which must not reshape.
//! - `article/relayout-justified-first-fit` and `article/relayout-justified-optimal`: the same
//!   reflow at 300 and 420 px justified, with first-fit and optimal (Knuth–Plass) line breaking;
//!   the ratio of the two is what issue 14 bounds (optimal within 3× of first fit).

use criterion::{criterion_group, criterion_main, Criterion};
use shrift::{Alignment, DocumentLayout, FontBook, LayoutContext, LayoutOptions, LineBreaking};

#[path = "../tests/common/article.rs"]
mod article;

fn bench(c: &mut Criterion) {
    let book = FontBook::with_bundled_fonts();
    let mut group = c.benchmark_group("article");
    group.bench_function("cold", |b| {
        b.iter(|| {
            let mut cx = LayoutContext::new();
            let doc = article::article_document(&book, &mut cx).expect("article builds");
            doc.layout(&mut cx, 600.0).expect("article lays out")
        })
    });
    group.bench_function("cold-rustybuzz", |b| {
        b.iter(|| {
            let mut cx = LayoutContext::with_backend(shrift::ShapingBackend::Rustybuzz);
            let doc = article::article_document(&book, &mut cx).expect("article builds");
            doc.layout(&mut cx, 600.0).expect("article lays out")
        })
    });
    let mut cx = LayoutContext::new();
    let doc = article::article_document(&book, &mut cx).expect("article builds");
    let mut out = DocumentLayout::default();
    let mut wide = false;
    group.bench_function("relayout", |b| {
        b.iter(|| {
            wide = !wide;
            let width = if wide { 600.0 } else { 420.0 };
            doc.layout_into(&mut cx, width, &mut out)
                .expect("article lays out");
            out.height()
        })
    });
    for (name, breaking) in [
        ("relayout-justified-first-fit", LineBreaking::FirstFit),
        ("relayout-justified-optimal", LineBreaking::Optimal),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                wide = !wide;
                let width = if wide { 420.0 } else { 300.0 };
                let options = LayoutOptions::new(width)
                    .align(Alignment::Justify)
                    .breaking(breaking);
                doc.layout_with(&mut cx, &options, &mut out)
                    .expect("article lays out");
                out.height()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
