//! Line-break opportunities (UAX #14) of the corpus: every paragraph of `tests/data/article.txt`
//! and `tests/data/mixed.txt` through `line_break_opportunities`, the analysis step that line
//! breaking runs on, beside the unicode-linebreak-based breaker it replaced
//! (`support/linebreak_15.rs`). Compare the two medians of one run.

#[allow(dead_code)]
#[path = "support/linebreak_15.rs"]
mod linebreak_15;

use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let corpus = [
        include_str!("../tests/data/article.txt"),
        include_str!("../tests/data/mixed.txt"),
    ];
    let paragraphs: Vec<&str> = corpus.iter().flat_map(|t| t.lines()).collect();
    c.bench_function("breaks/corpus", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| shrift::line_break_opportunities(p).len())
                .sum::<usize>()
        })
    });
    c.bench_function("breaks/corpus_unicode_15_before", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| linebreak_15::break_opportunities(p).len())
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
