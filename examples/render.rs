//! Renders a text file to PNG (and optionally SVG):
//!
//! ```text
//! cargo run --release --example render -- [--width PX] [--scale S] [--out FILE.png] [--svg FILE.svg]
//!     [--overlays] [--plain] [--stack LIST] [--fonts DIR] [--size PX] [--weight N] [LAYOUT FLAGS] FILE
//! ```
//!
//! Drawn with shrift's raster helper (`shrift::raster`, feature `raster`): paint 0 black, 1 dark
//! red, 2 blue, 3 green; colour glyphs in colour; inline boxes as placeholders. `--stack`,
//! `--fonts`, `--size` and `--weight` are the dump's (the style of every paragraph of a file
//! other than the article, or of the article with `--plain`), as are the style flags
//! `--variations wght=650,wdth=90`, `--italic`, `--stretch`, `--no-synthesis`;
//! `--line-variations "wght=200;wght=500;wght=900"` gives each line of the file its own. The
//! README's pictures:
//!
//! ```text
//! cargo run --release --example render -- --fonts tests/fonts --stack Inter --size 40 --width 560 \
//!     --line-variations "wght=200;wght=500;wght=900" --out docs/shrift-variable.png docs/variable.txt
//! cargo run --release --example render -- --stack "Noto Sans Hebrew" --size 36 --width 560 --italic \
//!     --weight 700 --out docs/shrift-synthetic.png docs/synthetic.txt
//! cargo run --release --example render -- --fonts tests/fonts --stack "Noto Sans Hebrew, Noto Sans" \
//!     --size 32 --width 640 --out docs/shrift-emoji.png docs/emoji.txt
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

use shrift::raster::Raster;
use shrift::{Block, Document, DocumentLayout, LayoutContext, Paragraph, SvgOptions, TextStyle, Variation};

/// The colours paint ids are drawn in: 0 black, 1 dark red, 2 blue, 3 green.
const PALETTE: [[u8; 4]; 4] = [
    [0, 0, 0, 0xff],
    [0xb0, 0x10, 0x10, 0xff],
    [0x10, 0x40, 0xc0, 0xff],
    [0x10, 0x80, 0x30, 0xff],
];

#[path = "../tests/common/article.rs"]
mod article;
#[path = "common/layout_flags.rs"]
mod layout_flags;
#[path = "common/setup.rs"]
mod setup;

use layout_flags::LayoutFlags;

struct Args {
    width: f32,
    scale: f32,
    out: String,
    svg: Option<String>,
    overlays: bool,
    plain: bool,
    stack: Option<String>,
    fonts: Option<String>,
    size: Option<f32>,
    weight: Option<u16>,
    line_variations: Vec<Vec<Variation>>,
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
        stack: None,
        fonts: None,
        size: None,
        weight: None,
        line_variations: Vec::new(),
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
            "--stack" => a.stack = Some(value()?),
            "--fonts" => a.fonts = Some(value()?),
            "--size" => a.size = Some(value()?.parse().map_err(|e| format!("--size: {e}"))?),
            "--weight" => a.weight = Some(value()?.parse().map_err(|e| format!("--weight: {e}"))?),
            "--line-variations" => {
                a.line_variations = value()?
                    .split(';')
                    .map(Variation::parse_list)
                    .collect::<Result<_, _>>()
                    .map_err(|e| e.to_string())?
            }
            _ if a.layout.take(&arg, &mut value)? => {}
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => a.file = arg,
        }
    }
    if a.file.is_empty() {
        return Err(format!(
            "usage: render [--width PX] [--scale S] [--out F.png] [--svg F.svg] [--overlays] [--plain] \
             [--stack LIST] [--fonts DIR] [--size PX] [--weight N] [--line-variations V;V;...] {} FILE",
            layout_flags::USAGE
        ));
    }
    Ok(a)
}

fn run() -> Result<(), String> {
    let a = parse()?;
    let text = std::fs::read_to_string(&a.file).map_err(|e| format!("{}: {e}", a.file))?;
    let book = setup::book(a.fonts.as_deref())?;
    let mut cx = LayoutContext::new();
    let mut style = article::body_style();
    if let Some(stack) = &a.stack {
        style = TextStyle::new(stack.as_str()).size(style.font_size());
    }
    if let Some(size) = a.size {
        style = style.size(size);
    }
    if let Some(weight) = a.weight {
        style = style.weight(weight);
    }
    let doc = if a.file.ends_with("article.txt") && !a.plain {
        article::article_document(&book, &mut cx).map_err(|e| e.to_string())?
    } else {
        let mut doc = Document::new();
        for (i, line) in text.lines().enumerate() {
            // --line-variations: line i's own axis values, over the style's.
            let mut line_style = a.layout.style(style.clone());
            if let Some(set) = a.line_variations.get(i) {
                line_style = set.iter().fold(line_style, |s, v| s.variation(*v));
            }
            let para = a
                .layout
                .paragraph(line, Paragraph::builder(line, line_style))
                .build(&book, &mut cx)
                .map_err(|e| e.to_string())?;
            doc.push(Block::new(para).space_after(8.0).align(a.layout.align));
        }
        doc
    };
    let mut laid = DocumentLayout::default();
    doc.layout_with(&mut cx, &a.layout.options(a.width), &mut laid)
        .map_err(|e| e.to_string())?;
    let raster = Raster::new()
        .scale(a.scale)
        .palette(&PALETTE)
        .box_placeholders(true);
    let pixmap = raster
        .render_document(&laid, 8.0, [255; 4])
        .ok_or("image too large")?;
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
