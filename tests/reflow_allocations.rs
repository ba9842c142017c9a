//! Reflow allocates nothing: laying a built document out again into a reused `DocumentLayout`
//! makes no heap allocation once warm, counted by a wrapping global allocator (this test binary's
//! own, so nothing else runs in it).

#![cfg(feature = "bundled-fonts")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use shrift::{Alignment, DocumentLayout, FontBook, LayoutContext, LayoutOptions, LineBreaking};

#[path = "common/article.rs"]
mod article;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// The library forbids unsafe code; a global allocator is an unsafe trait, so it lives in this
// test binary only. SAFETY: every call goes unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn reflow_of_the_article_allocates_nothing() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let doc = article::article_document(&book, &mut cx).unwrap();
    let mut out = DocumentLayout::default();
    // Warm up: every width once, so buffers reach their sizes.
    for width in [420.0, 600.0, 300.0, 420.0, 600.0] {
        doc.layout_into(&mut cx, width, &mut out).unwrap();
    }
    // Justified with optimal breaking too: its tables live in the context.
    let optimal = |w: f32| {
        LayoutOptions::new(w)
            .align(Alignment::Justify)
            .breaking(LineBreaking::Optimal)
    };
    for width in [420.0, 600.0, 300.0] {
        doc.layout_with(&mut cx, &optimal(width), &mut out).unwrap();
    }
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    for width in [420.0, 600.0, 420.0, 600.0] {
        doc.layout_into(&mut cx, width, &mut out).unwrap();
        doc.layout_with(&mut cx, &optimal(width), &mut out).unwrap();
    }
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - before;
    println!(
        "reflow allocations: {allocations} in 8 layouts of the article (4 first fit, 4 justified optimal)"
    );
    assert_eq!(allocations, 0);
    assert!(out.height() > 0.0);
}
