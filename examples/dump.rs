//! Prints the layout dump of DESIGN.md (JSON) for a text file, one paragraph per line:
//!
//! ```text
//! cargo run --release --example dump -- [--width PX] [--size PX] [--stack "Face A,Face B"]
//!     [--weight 400|700] [--dir auto|ltr|rtl] [--fonts DIR] [--language TAG] [--word-cache] [--no-wrap]
//!     [--line-height natural:F|size:F|px:N|uniform:F] [--overflow-wrap anywhere|break-word|normal]
//!     [--fallback grapheme|per-char] [--max-lines N] [--truncate end|start|middle]
//!     [--truncate-at grapheme|word] [--ellipsis STR] FILE
//! ```
//!
//! `--boxes WxH[:BASELINE][:ALIGN]` puts an inline box of that size on every U+FFFC of the text
//! (ids 0, 1, ... per paragraph), listed under the paragraph's `"boxes"`.
//!
//! `--fonts DIR` adds every font file of DIR to the bundled faces (e.g. `tests/fonts`, to lay out
//! with Ezra SIL, Frank Ruehl CLM or DejaVu Sans); `--language TAG` tags every run (by default
//! Hebrew-script runs are `yi`, others untagged); `--word-cache` shapes through the word cache
//! (`LayoutContext::set_word_cache`).
//!
//! Each paragraph is a `Layout` as shrift's `serde` feature serialises it (`src/serialize.rs`),
//! its offsets into the whole file. A line cut by `--max-lines` or `--truncate` lists its
//! ellipsis under `"ellipsis"` rather than `"runs"` (same fields plus `"text"`, the string
//! shaped; its range is empty, at the cut), and a paragraph with text left out lists it under
//! `"elided"`: the oracle compares runs with the text they come from, and
//! `tools/ellipsis_check.py` shapes the ellipses with HarfBuzz.
//!
//! ```text
//! ```
//!
//! Check it against HarfBuzz and the JDK with `../shared/tools/oracle.py DUMP --fonts fonts`.

#[path = "common/dump_json.rs"]
mod dump_json;
#[path = "common/layout_flags.rs"]
mod layout_flags;
#[path = "common/setup.rs"]
mod setup;

use layout_flags::LayoutFlags;

use std::process::ExitCode;

use shrift::{Block, Document, DocumentLayout, LayoutContext, Paragraph, TextStyle};

struct Args {
    width: f32,
    size: f32,
    stack: String,
    weight: u16,
    dir: String,
    fonts: Option<String>,
    language: Option<String>,
    layout: LayoutFlags,
    word_cache: bool,
    file: String,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        width: 600.0,
        size: 16.0,
        stack: "Noto Serif,Noto Serif Hebrew".into(),
        weight: 400,
        dir: "auto".into(),
        fonts: None,
        language: None,
        layout: LayoutFlags::default(),
        word_cache: false,
        file: String::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--width" => args.width = value("--width")?.parse().map_err(|e| format!("--width: {e}"))?,
            "--size" => args.size = value("--size")?.parse().map_err(|e| format!("--size: {e}"))?,
            "--stack" => args.stack = value("--stack")?,
            "--weight" => args.weight = value("--weight")?.parse().map_err(|e| format!("--weight: {e}"))?,
            "--dir" => args.dir = value("--dir")?,
            "--fonts" => args.fonts = Some(value("--fonts")?),
            "--language" => args.language = Some(value("--language")?),
            "--word-cache" => args.word_cache = true,
            _ if args.layout.take(&a, || value(&a))? => {}
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => args.file = a,
        }
    }
    if args.file.is_empty() {
        return Err(format!(
            "usage: dump [--width PX] [--size PX] [--stack LIST] [--weight N] [--dir auto|ltr|rtl] \
             [--fonts DIR] [--language TAG] [--word-cache] {} FILE",
            layout_flags::USAGE
        ));
    }
    Ok(args)
}

fn run() -> Result<String, String> {
    let args = parse_args()?;
    let text = std::fs::read_to_string(&args.file).map_err(|e| format!("{}: {e}", args.file))?;
    let direction = setup::direction(&args.dir)?;
    let book = setup::book(args.fonts.as_deref())?;
    let mut cx = LayoutContext::new();
    cx.set_word_cache(args.word_cache);
    let mut style = TextStyle::new(args.stack.as_str())
        .size(args.size)
        .weight(args.weight);
    if let Some(tag) = &args.language {
        style = style.language(tag);
    }
    let mut doc = Document::new();
    let mut starts = Vec::new();
    let mut offset = 0;
    for para_text in text.split_inclusive('\n') {
        let para = args
            .layout
            .paragraph(
                para_text,
                Paragraph::builder(para_text, args.layout.style(style.clone())),
            )
            .direction(direction)
            .build(&book, &mut cx)
            .map_err(|e| e.to_string())?;
        doc.push(Block::new(para).align(args.layout.align));
        starts.push(offset);
        offset += para_text.len();
    }
    let options = args.layout.options(args.width);
    let mut laid = DocumentLayout::default();
    doc.layout_with(&mut cx, &options, &mut laid)
        .map_err(|e| e.to_string())?;

    // The dump contract's shape: each paragraph is a `Layout` serialised (shrift's `serde`
    // feature) with its offsets into the whole file.
    dump_json::dump_json(&laid, &args.dir, &text, &starts)
}

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            print!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dump: {e}");
            ExitCode::FAILURE
        }
    }
}
