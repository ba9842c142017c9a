//! The parallel batch (feature `rayon`) gives the serial path's layouts exactly: every corpus
//! paragraph built and laid out at several widths across 2 and 4 threads, and the article as a
//! document laid out block by block in parallel, compared with one context on one thread.
#![cfg(all(feature = "rayon", feature = "bundled-fonts"))]

use shrift::{BaseDirection, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, TextStyle};

#[path = "common/article.rs"]
mod article;

/// Every line of the corpus files with a direction and a width: the jobs.
fn jobs() -> Vec<(String, BaseDirection, f32)> {
    let files = [
        include_str!("data/article.txt"),
        include_str!("data/mixed.txt"),
        include_str!("data/stress.txt"),
        include_str!("data/edge.txt"),
    ];
    let mut jobs = Vec::new();
    for text in files {
        for para in text.split_inclusive('\n') {
            for (dir, width) in [
                (BaseDirection::Auto, 600.0),
                (BaseDirection::Rtl, 213.0),
                (BaseDirection::Auto, 0.0),
            ] {
                jobs.push((para.to_string(), dir, width));
            }
        }
    }
    jobs
}

fn lay(book: &FontBook, cx: &mut LayoutContext, job: &(String, BaseDirection, f32)) -> Layout {
    let para = Paragraph::builder(&job.0, article::body_style())
        .direction(job.1)
        .build(book, cx)
        .unwrap();
    para.layout(cx, &LayoutOptions::new(job.2)).unwrap()
}

#[test]
fn a_batch_on_any_number_of_threads_is_the_serial_layout() {
    let book = FontBook::with_bundled_fonts();
    let jobs = jobs();
    let mut cx = LayoutContext::new();
    let serial: Vec<Layout> = jobs.iter().map(|j| lay(&book, &mut cx, j)).collect();
    for threads in [2, 4] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let parallel = pool.install(|| shrift::batch::par_map(&jobs, |cx, j| lay(&book, cx, j)));
        assert_eq!(parallel.len(), serial.len());
        for (k, (p, s)) in parallel.iter().zip(&serial).enumerate() {
            assert!(p == s, "{threads} threads, job {k} ({:?}) differs", jobs[k]);
        }
        // A second pass on warm thread contexts: still the same.
        let again = pool.install(|| shrift::batch::par_map(&jobs, |cx, j| lay(&book, cx, j)));
        assert!(again == serial, "{threads} threads, warm");
    }
}

#[test]
fn a_document_laid_out_in_parallel_is_the_serial_one() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let doc = article::article_document(&book, &mut cx).unwrap();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    for options in [
        LayoutOptions::new(600.0),
        LayoutOptions::new(173.5),
        LayoutOptions::no_wrap(),
    ] {
        let mut serial = shrift::DocumentLayout::default();
        doc.layout_with(&mut cx, &options, &mut serial).unwrap();
        let parallel = pool.install(|| doc.layout_parallel(&options)).unwrap();
        assert!(parallel == serial, "{options:?}");
        assert!(parallel.height() > 0.0);
    }
    // Errors as the serial path gives them.
    assert!(doc.layout_parallel(&LayoutOptions::new(f32::NAN)).is_err());
}

/// A context is one per thread, and a nested batch does not borrow it twice.
#[test]
fn nested_batches_do_not_share_a_borrowed_context() {
    let book = FontBook::with_bundled_fonts();
    let outer = [0usize, 1, 2, 3];
    let sums = shrift::batch::par_map(&outer, |cx, &k| {
        let inner = ["a", "ב", "c d"];
        let widths = shrift::batch::par_map(&inner, |cx, t| {
            let p = Paragraph::new(t, TextStyle::new("Noto Sans, Noto Sans Hebrew"), &book, cx).unwrap();
            p.max_content_width()
        });
        let p = Paragraph::new("x", TextStyle::new("Noto Sans"), &book, cx).unwrap();
        k as f32 + widths.iter().sum::<f32>() + p.max_content_width() * 0.0
    });
    assert_eq!(sums.len(), 4);
    assert!(sums.windows(2).all(|w| (w[1] - w[0] - 1.0).abs() < 1e-4));
}
