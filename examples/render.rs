//! Renders a text file to PNG (and optionally SVG):
//!
//! ```text
//! cargo run --release --example render -- [--width PX] [--scale S] [--out FILE.png] [--svg FILE.svg]
//!     [--overlays] [--plain] [LAYOUT FLAGS] FILE
//! ```
//!
//! `tests/data/article.txt` is drawn as the article (headline, body, labels); any other file as
//! body paragraphs, one a line (`--plain`: the article too). The layout flags are the dump's (`--no-wrap`, `--line-height`,
//! `--overflow-wrap`, `--max-lines`, `--truncate`, `--truncate-at`; `--fallback` and `--ellipsis`
//! for files other than the article, whose paragraphs are built as the tests build them), e.g.
//! the article clamped to three lines a block:
//!
//! ```text
//! cargo run --release --example render -- --width 300 --max-lines 3 --out docs/shrift-clamped.png tests/data/article.txt
//! cargo run --release --example render -- --plain --width 300 --align justify --out /tmp/first-fit.png tests/data/article.txt
//! cargo run --release --example render -- --plain --width 300 --align justify --breaking optimal --out /tmp/optimal.png tests/data/article.txt
//! python3 tools/side_by_side.py /tmp/first-fit.png /tmp/optimal.png docs/shrift-justified-optimal.png "first fit" "optimal"
//! ```

use std::process::ExitCode;

use shrift::{Block, Document, DocumentLayout, FontBook, LayoutContext, Paragraph, SvgOptions};

#[path = "../tests/common/article.rs"]
mod article;
#[path = "common/layout_flags.rs"]
mod layout_flags;
#[path = "common/png.rs"]
mod png;

use layout_flags::LayoutFlags;

struct Args {
    width: f32,
    scale: f32,
    out: String,
    svg: Option<String>,
    overlays: bool,
    plain: bool,
    layout: LayoutFlags,
    file: String,
}

fn parse() -> Result<Args, String> {
    let mut a = Args {
        width: 600.0,
        scale: 1.0,
        out: "out.png".into(),
        svg: None,
        overlays: false,
        plain: false,
        layout: LayoutFlags::default(),
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
            "--plain" => a.plain = true,
            _ if a.layout.take(&arg, &mut value)? => {}
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => a.file = arg,
        }
    }
    if a.file.is_empty() {
        return Err(format!(
            "usage: render [--width PX] [--scale S] [--out F.png] [--svg F.svg] [--overlays] [--plain] {} FILE",
            layout_flags::USAGE
        ));
    }
    Ok(a)
}

fn run() -> Result<(), String> {
    let a = parse()?;
    let text = std::fs::read_to_string(&a.file).map_err(|e| format!("{}: {e}", a.file))?;
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let doc = if a.file.ends_with("article.txt") && !a.plain {
        article::article_document(&book, &mut cx).map_err(|e| e.to_string())?
    } else {
        let mut doc = Document::new();
        for line in text.lines() {
            let para = a
                .layout
                .paragraph(
                    line,
                    Paragraph::builder(line, a.layout.style(article::body_style())),
                )
                .build(&book, &mut cx)
                .map_err(|e| e.to_string())?;
            doc.push(Block::new(para).space_after(8.0).align(a.layout.align));
        }
        doc
    };
    let mut laid = DocumentLayout::default();
    doc.layout_with(&mut cx, &a.layout.options(a.width), &mut laid)
        .map_err(|e| e.to_string())?;
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
