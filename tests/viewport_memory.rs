//! Memory for paragraphs never shown: an editor with a viewport keeps, for a block it has not
//! laid out, its start and its height beside the text, and a screen of laid-out blocks. Live
//! heap bytes are counted by a wrapping global allocator (this test binary's own, one test, so
//! nothing else allocates meanwhile): opening 2 MB of text in 20,000 paragraphs must hold at
//! most 3x the text (the bound), the context's caches included.

#![cfg(feature = "bundled-fonts")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use shrift::{BaseDirection, Editor, FontBook, LayoutContext, LayoutOptions, TextStyle, Viewport};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// The library forbids unsafe code; a global allocator is an unsafe trait, so it lives in this
// test binary only. SAFETY: every call goes unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn paragraphs_never_shown_cost_less_than_three_times_their_text() {
    let book = FontBook::with_bundled_fonts();
    let words: Vec<&str> = include_str!("data/article.txt").split_whitespace().collect();
    let mut text = String::new();
    let mut w = 0;
    while text.len() < 2_000_000 {
        let start = text.len();
        while text.len() - start < 100 {
            text.push_str(words[w % words.len()]);
            text.push(' ');
            w += 1;
        }
        text.push('\n');
    }
    let paragraphs = text.matches('\n').count();
    let before = LIVE.load(Ordering::Relaxed);
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew").size(16.0);
    let options = LayoutOptions::new(600.0);
    let viewport = Viewport::new(0.0, 800.0);
    let editor = Editor::open(
        &text,
        style,
        BaseDirection::Auto,
        &book,
        &mut cx,
        options,
        viewport,
    )
    .unwrap();
    let live = LIVE.load(Ordering::Relaxed) - before;
    let laid = editor.layout().laid_blocks().len();
    assert!(
        paragraphs > 15_000 && laid < 60,
        "{paragraphs} paragraphs, {laid} laid out"
    );
    assert!(
        live <= 3 * text.len() as isize,
        "{live} bytes live for {} bytes of text",
        text.len()
    );
    eprintln!(
        "{live} bytes live for {} bytes of text in {paragraphs} paragraphs",
        text.len()
    );
}
