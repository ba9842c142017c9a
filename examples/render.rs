//! Renders a text file to PNG (and optionally SVG):
//!
//! ```text
//! cargo run --release --example render -- [--width PX] [--scale S] [--out FILE.png] [--svg FILE.svg]
//!     [--overlays] FILE
//! ```
//!
//! `tests/data/article.txt` is drawn as the article (headline, body, labels); any other file as
//! body paragraphs, one a line.

use std::process::ExitCode;

use shrift::{Block, Document, FontBook, LayoutContext, Paragraph, SvgOptions};

#[path = "../tests/common/article.rs"]
mod article;
#[path = "common/png.rs"]
mod png;

struct Args {
    width: f32,
    scale: f32,
    out: String,
    svg: Option<String>,
    overlays: bool,
    file: String,
}

fn parse() -> Result<Args, String> {
    let mut a = Args {
        width: 600.0,
        scale: 1.0,
        out: "out.png".into(),
        svg: None,
        overlays: false,
        file: String::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--width" => a.width = value()?.parse().map_err(|e| format!("--width: {e}"))?,
            "--scale" => a.scale = value()?.parse().map_err(|e| format!("--scale: {e}"))?,
            "--out" => a.out = value()?,
            "--svg" => a.svg = Some(value()?),
            "--overlays" => a.overlays = true,
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => a.file = arg,
        }
    }
    if a.file.is_empty() {
        return Err(
            "usage: render [--width PX] [--scale S] [--out F.png] [--svg F.svg] [--overlays] FILE".into(),
        );
    }
    Ok(a)
}

fn run() -> Result<(), String> {
    let a = parse()?;
    let text = std::fs::read_to_string(&a.file).map_err(|e| format!("{}: {e}", a.file))?;
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let doc = if a.file.ends_with("article.txt") {
        article::article_document(&book, &mut cx).map_err(|e| e.to_string())?
    } else {
        let mut doc = Document::new();
        for line in text.lines() {
            let para =
                Paragraph::new(line, article::body_style(), &book, &mut cx).map_err(|e| e.to_string())?;
            doc.push(Block::new(para).space_after(8.0));
        }
        doc
    };
    let laid = doc.layout(&mut cx, a.width).map_err(|e| e.to_string())?;
    let pixmap =
        png::render(laid.blocks(), laid.width(), laid.height(), 8.0, a.scale).ok_or("image too large")?;
    pixmap.save_png(&a.out).map_err(|e| format!("{}: {e}", a.out))?;
    println!("wrote {} ({}x{})", a.out, pixmap.width(), pixmap.height());
    if let Some(svg) = &a.svg {
        let options = SvgOptions::new()
            .scale(a.scale)
            .line_boxes(a.overlays)
            .baselines(a.overlays)
            .tint_runs(a.overlays);
        std::fs::write(svg, shrift::document_to_svg(&laid, &options)).map_err(|e| format!("{svg}: {e}"))?;
        println!("wrote {svg}");
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("render: {e}");
            ExitCode::FAILURE
        }
    }
}
