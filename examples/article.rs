//! Lays out the article (tests/data/article.txt) as a 32 px Yiddish headline over 16 px English
//! body paragraphs and two Yiddish labels, and prints a readable summary: every line with its
//! runs, faces, directions, scripts and languages, in visual order. Also writes article.png and
//! article.svg to the current folder.
//!
//! `cargo run --release --example article -- [WIDTH]` (default 600).

use std::process::ExitCode;

use shrift::{FontBook, LayoutContext};

#[path = "../tests/common/article.rs"]
mod article;

fn main() -> ExitCode {
    let width: f32 = match std::env::args().nth(1).map(|w| w.parse()) {
        None => 600.0,
        Some(Ok(w)) => w,
        Some(Err(e)) => {
            eprintln!("article: bad width: {e}");
            return ExitCode::FAILURE;
        }
    };
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let result = article::article_document(&book, &mut cx).and_then(|doc| {
        let laid = doc.layout(&mut cx, width)?;
        Ok((doc, laid))
    });
    let (doc, laid) = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("article: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "article at {width} px: {} blocks, {:.1} px tall",
        doc.blocks().len(),
        laid.height()
    );
    for (bi, (block, layout)) in doc.blocks().iter().zip(laid.blocks()).enumerate() {
        let text = block.paragraph().text();
        println!(
            "\nblock {bi}: {} paragraph, {} lines",
            block.paragraph().direction().as_str(),
            layout.lines().len()
        );
        for (li, line) in layout.lines().iter().enumerate() {
            println!(
                "  line {li}: bytes {:?}, baseline {:.1}, x {:.1}, width {:.1}",
                line.range(),
                line.baseline(),
                line.x(),
                line.width()
            );
            for run in layout.runs(line) {
                let t = &text[run.range()];
                let shown: String = t.chars().take(40).collect();
                println!(
                    "    {} {} {:<5} {:<28} {:>3} glyphs  {:?}{}",
                    run.direction().as_str(),
                    run.script(),
                    run.language().unwrap_or("-"),
                    run.font().name(),
                    layout.glyphs(run).len(),
                    shown,
                    if t.chars().count() > 40 { "…" } else { "" }
                );
            }
        }
    }
    // The pictures: article.png (tiny-skia) and article.svg, in the current folder.
    let raster = shrift::raster::Raster::new();
    match raster
        .render_document(&laid, 8.0, [255; 4])
        .map(|p| p.save_png("article.png"))
    {
        Some(Ok(())) => println!("\nwrote article.png"),
        Some(Err(e)) => eprintln!("article: article.png: {e}"),
        None => eprintln!("article: the image would be too large"),
    }
    match std::fs::write(
        "article.svg",
        shrift::document_to_svg(&laid, &shrift::SvgOptions::new()),
    ) {
        Ok(()) => println!("wrote article.svg"),
        Err(e) => eprintln!("article: article.svg: {e}"),
    }
    ExitCode::SUCCESS
}
