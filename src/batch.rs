//! Many texts across threads (feature `rayon`): an archive of articles, a document's blocks.
//!
//! Each of rayon's worker threads keeps one [`LayoutContext`] of its own (shaper, shape plans,
//! shape cache, scratch buffers) for as long as the thread lives, so that a thread's second text
//! finds the plans and words of its first; nothing is locked on the hot path. What threads
//! share is read-only: the faces, through the [`FontBook`](crate::FontBook) the caller's closure
//! holds (a face's bytes are reference-counted, never copied per thread). One context per thread
//! rather than one shared cache behind a lock: the cache is consulted per item and per word, and
//! a lock there would be taken thousands of times per article.
//!
//! The output is the serial path's, exactly: a context's caches only ever return what shaping
//! again would (tests/batch.rs holds every layout to the serial one).

use std::cell::Cell;

use rayon::prelude::*;

use crate::context::LayoutContext;
use crate::document::{Document, DocumentLayout};
use crate::error::Error;
use crate::layout::{Layout, LayoutOptions};

thread_local! {
    /// The thread's context, taken out while a call uses it (a nested batch on the same thread
    /// makes a fresh one rather than borrowing it twice).
    static CONTEXT: Cell<Option<LayoutContext>> = const { Cell::new(None) };
}

/// Runs `f` with the calling thread's own context (made on first use).
pub fn with_thread_context<R>(f: impl FnOnce(&mut LayoutContext) -> R) -> R {
    let mut cx = CONTEXT.take().unwrap_or_default();
    let result = f(&mut cx);
    CONTEXT.set(Some(cx));
    result
}

/// Maps `f` over `items` across rayon's threads (the global pool, or the one a
/// [`rayon::ThreadPool::install`] runs in), each call with its thread's context; the results in
/// the items' order.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{FontBook, LayoutOptions, Paragraph, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let texts = ["שלום", "hello", "אַ ביסל text"];
/// let lines = shrift::batch::par_map(&texts, |cx, text| {
///     let para = Paragraph::new(text, TextStyle::new("Noto Sans, Noto Sans Hebrew"), &book, cx)?;
///     Ok::<_, shrift::Error>(para.layout(cx, &LayoutOptions::new(300.0))?.lines().len())
/// });
/// assert_eq!(lines.len(), 3);
/// assert!(lines.iter().all(|l| *l.as_ref().unwrap() == 1));
/// # }
/// ```
pub fn par_map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&mut LayoutContext, &T) -> R + Sync + Send,
{
    items
        .par_iter()
        .map(|item| with_thread_context(|cx| f(cx, item)))
        .collect()
}

impl Document {
    /// [`Document::layout_with`] with the blocks laid out across rayon's threads (each with its
    /// thread's context), then stacked in order: the same layout, block for block.
    ///
    /// # Errors
    ///
    /// As [`Document::layout_with`] (the first block's error, in order).
    pub fn layout_parallel(&self, options: &LayoutOptions) -> Result<DocumentLayout, Error> {
        let column = self.column_options(options)?;
        let blocks: Result<Vec<Layout>, Error> = par_map(self.blocks(), |cx, block| {
            block.paragraph().layout(cx, &block.options(&column)?)
        })
        .into_iter()
        .collect();
        let mut out = DocumentLayout {
            blocks: blocks?,
            ..DocumentLayout::default()
        };
        self.stack(&column, &mut out);
        Ok(out)
    }
}
