//! Lays the article out cold many times (for profilers): `cargo run --release --example profile_cold -- N`.
use shrift::{FontBook, LayoutContext};

#[path = "../tests/common/article.rs"]
mod article;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let book = FontBook::with_bundled_fonts();
    let mut lines = 0;
    for _ in 0..n {
        let mut cx = LayoutContext::new();
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
