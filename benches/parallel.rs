//! 200 different articles built and laid out (headline + body, as the article example does)
//! across 1, 2, 4, 8 and 16 threads (the counts the machine has cores for, and 2 at least), with
//! `shrift::batch::par_map`: each thread with its own context, the faces shared. Each article is
//! the corpus article with its words rotated by its number, so that no two share a paragraph
//! and the shape caches do not turn the batch into a warm rebuild. Issue 24 asks 2 threads
//! ≥ 1.8x as fast as 1.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use shrift::{Block, Document, FontBook, LayoutOptions, Paragraph};

// Shared with the tests; the labels and the whole document are not used here.
#[allow(dead_code)]
#[path = "../tests/common/article.rs"]
mod article;

/// Article `k`: each paragraph's words rotated by `k`.
fn articles(n: usize) -> Vec<Vec<String>> {
    let paragraphs: Vec<Vec<&str>> = article::ARTICLE
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split(' ').collect())
        .collect();
    (0..n)
        .map(|k| {
            paragraphs
                .iter()
                .map(|words| {
                    let r = k % words.len();
                    let mut w = words[r..].to_vec();
                    w.extend_from_slice(&words[..r]);
                    w.join(" ")
                })
                .collect()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let book = FontBook::with_bundled_fonts();
    let articles = articles(200);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut group = c.benchmark_group("batch_200_articles");
    group.sample_size(10);
    group.throughput(Throughput::Elements(articles.len() as u64));
    for threads in [1usize, 2, 4, 8, 16].into_iter().filter(|&t| t <= cores.max(2)) {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(threads), &threads, |b, _| {
            b.iter(|| {
                pool.install(|| {
                    shrift::batch::par_map(&articles, |cx, paragraphs| {
                        // Cold as an archive's next article is: no shape cache entry of it.
                        cx.clear_shape_cache();
                        let mut doc = Document::new();
                        for (i, text) in paragraphs.iter().enumerate() {
                            let style = if i == 0 {
                                article::headline_style()
                            } else {
                                article::body_style()
                            };
                            let para = Paragraph::new(text, style, &book, cx).unwrap();
                            doc.push(Block::new(para).space_after(10.0));
                        }
                        doc.layout_with(cx, &LayoutOptions::new(600.0), &mut Default::default())
                            .unwrap();
                    })
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
