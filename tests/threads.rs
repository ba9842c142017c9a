//! The font book is shared between threads; layouts made on several threads equal the
//! single-threaded result.

use shrift::{Document, Font, FontBook, Layout, LayoutContext, Paragraph};

#[cfg(feature = "bundled-fonts")]
#[path = "common/article.rs"]
mod article;

fn assert_send_sync<T: Send + Sync>() {}
fn assert_send<T: Send>() {}

#[test]
fn shared_types_are_send_and_sync() {
    assert_send_sync::<FontBook>();
    assert_send_sync::<Font>();
    assert_send_sync::<Paragraph>();
    assert_send_sync::<Document>();
    assert_send_sync::<Layout>();
    assert_send_sync::<shrift::DocumentLayout>();
    assert_send::<LayoutContext>();
    // The editing, fitting and shaping types of this session's work.
    assert_send_sync::<shrift::Cursor>();
    assert_send_sync::<shrift::DocumentCursor>();
    assert_send_sync::<shrift::Carets>();
    assert_send_sync::<shrift::SelectionRect>();
    assert_send_sync::<shrift::Movement>();
    assert_send_sync::<shrift::LayoutOptions>();
    assert_send_sync::<shrift::LineHeight>();
    assert_send_sync::<shrift::OverflowWrap>();
    assert_send_sync::<shrift::Fallback>();
    assert_send_sync::<shrift::ShapingBackend>();
    assert_send_sync::<shrift::ShapeCacheStats>();
    assert_send_sync::<shrift::Editor>();
    assert_send_sync::<shrift::Selection>();
    assert_send_sync::<shrift::EditResult>();
    assert_send_sync::<shrift::SpanStyle>();
    assert_send_sync::<shrift::Truncate>();
    assert_send_sync::<shrift::TruncateAt>();
}

#[cfg(feature = "bundled-fonts")]
fn lay_out_corpus(book: &FontBook) -> Vec<shrift::DocumentLayout> {
    let mut cx = LayoutContext::new();
    let doc = article::article_document(book, &mut cx).unwrap();
    [300.0, 420.0, 600.0]
        .iter()
        .map(|&w| doc.layout(&mut cx, w).unwrap())
        .collect()
}

#[test]
#[cfg(feature = "bundled-fonts")]
fn four_threads_get_the_single_threaded_result() {
    let book = FontBook::with_bundled_fonts();
    let single = lay_out_corpus(&book);
    let results: Vec<Vec<shrift::DocumentLayout>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| lay_out_corpus(&book))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for r in results {
        assert_eq!(r, single);
    }
}
