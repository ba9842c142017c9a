//! Lays the article out many times (for profilers): `cargo run --release --example profile_cold
//! -- N [warm|cleared]`. Cold: a new context each time; warm: one context, its shape cache warm;
//! cleared: one context (plans and parsed faces kept), its shape cache emptied each time (the
//! peers bench's "cold").
use shrift::{FontBook, LayoutContext};

#[path = "../tests/common/article.rs"]
mod article;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let mode = args.next();
    let warm = mode.as_deref() == Some("warm");
    let cleared = mode.as_deref() == Some("cleared");
    let book = FontBook::with_bundled_fonts();
    let mut lines = 0;
    let mut cx = LayoutContext::new();
    for _ in 0..n {
        if cleared {
            cx.clear_shape_cache();
        } else if !warm {
            cx = LayoutContext::new();
        }
        let Ok(doc) = article::article_document(&book, &mut cx) else {
            return;
        };
        let Ok(laid) = doc.layout(&mut cx, 600.0) else {
            return;
        };
        lines += laid.blocks().iter().map(|b| b.lines().len()).sum::<usize>();
    }
    println!("{lines} lines");
}
