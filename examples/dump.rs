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
//! `--fonts DIR` adds every font file of DIR to the bundled faces (e.g. `tests/fonts`, to lay out
//! with Ezra SIL, Frank Ruehl CLM or DejaVu Sans); `--language TAG` tags every run (by default
//! Hebrew-script runs are `yi`, others untagged); `--word-cache` shapes through the word cache
//! (`LayoutContext::set_word_cache`).
//!
//! A line cut by `--max-lines` or `--truncate` lists its ellipsis under `"ellipsis"` rather than
//! `"runs"` (same fields plus `"text"`, the string shaped; its range is empty, at the cut), and a
//! paragraph with text left out lists it under `"elided"`: the oracle compares runs with the text
//! they come from, and `tools/ellipsis_check.py` shapes the ellipses with HarfBuzz.
//!
//! ```text
//! ```
//!
//! Check it against HarfBuzz and the JDK with `../shared/tools/oracle.py DUMP --fonts fonts`.

#[path = "common/layout_flags.rs"]
mod layout_flags;
#[path = "common/setup.rs"]
mod setup;

use layout_flags::LayoutFlags;

use std::fmt::Write as _;
use std::process::ExitCode;

use shrift::{Block, Document, DocumentLayout, Layout, LayoutContext, Paragraph, Run, TextStyle};

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

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
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
            .paragraph(Paragraph::builder(para_text, style.clone()))
            .direction(direction)
            .build(&book, &mut cx)
            .map_err(|e| e.to_string())?;
        doc.push(Block::new(para));
        starts.push(offset);
        offset += para_text.len();
    }
    let options = args.layout.options(args.width);
    let mut laid = DocumentLayout::default();
    doc.layout_with(&mut cx, &options, &mut laid)
        .map_err(|e| e.to_string())?;

    let mut o = String::new();
    let _ = write!(o, "{{\"width\": {}, \"dir\": ", laid.width());
    json_str(&mut o, &args.dir);
    o.push_str(", \"text\": ");
    json_str(&mut o, &text);
    o.push_str(",\n\"paragraphs\": [");
    for (pi, ((block, layout), start)) in doc.blocks().iter().zip(laid.blocks()).zip(&starts).enumerate() {
        let para = block.paragraph();
        if pi > 0 {
            o.push(',');
        }
        let _ = write!(
            o,
            "\n {{\"range\": [{}, {}], \"direction\": \"{}\", \"lines\": [",
            start,
            start + para.text().len(),
            para.direction().as_str()
        );
        for (li, line) in layout.lines().iter().enumerate() {
            if li > 0 {
                o.push(',');
            }
            let r = line.range();
            let _ = write!(
                o,
                "\n  {{\"range\": [{}, {}], \"baseline\": {}, \"ascent\": {}, \"descent\": {}, \"width\": {}, \"runs\": [",
                start + r.start,
                start + r.end,
                line.baseline(),
                line.ascent(),
                line.descent(),
                line.width()
            );
            // The ellipsis of a truncated line is not text of the paragraph: HarfBuzz cannot
            // shape it from `text`, so it goes in a list of its own, with its string.
            let (ellipses, runs): (Vec<&Run>, Vec<&Run>) =
                layout.runs(line).iter().partition(|r| r.is_ellipsis());
            for (ri, run) in runs.into_iter().enumerate() {
                if ri > 0 {
                    o.push(',');
                }
                write_run(&mut o, layout, run, *start, None);
            }
            o.push(']');
            if !ellipses.is_empty() {
                o.push_str(", \"ellipsis\": [");
                for (ri, run) in ellipses.into_iter().enumerate() {
                    if ri > 0 {
                        o.push(',');
                    }
                    write_run(&mut o, layout, run, *start, Some(para.ellipsis()));
                }
                o.push(']');
            }
            o.push('}');
        }
        o.push(']');
        if !layout.elided().is_empty() {
            o.push_str(", \"elided\": [");
            for (k, r) in layout.elided().iter().enumerate() {
                let sep = if k > 0 { ", " } else { "" };
                let _ = write!(o, "{sep}[{}, {}]", start + r.start, start + r.end);
            }
            o.push(']');
        }
        o.push('}');
    }
    o.push_str("\n]}\n");
    Ok(o)
}

/// One run as the dump contract has it (`text`: the ellipsis string, for an ellipsis run).
fn write_run(o: &mut String, layout: &Layout, run: &Run, start: usize, text: Option<&str>) {
    let rr = run.range();
    let _ = write!(
        o,
        "\n   {{\"range\": [{}, {}], \"font\": ",
        start + rr.start,
        start + rr.end
    );
    json_str(o, run.font().name());
    let _ = write!(
        o,
        ", \"size\": {}, \"direction\": \"{}\", \"level\": {}, \"script\": \"{}\", \"language\": ",
        run.size(),
        run.direction().as_str(),
        run.level(),
        run.script()
    );
    match run.language() {
        Some(l) => json_str(o, l),
        None => o.push_str("null"),
    }
    if let Some(t) = text {
        o.push_str(", \"text\": ");
        json_str(o, t);
    }
    o.push_str(", \"glyphs\": [");
    for (gi, g) in layout.glyphs(run).iter().enumerate() {
        if gi > 0 {
            o.push_str(", ");
        }
        let _ = write!(
            o,
            "{{\"id\": {}, \"cluster\": {}, \"x\": {}, \"y\": {}, \"advance\": {}, \"dx\": {}, \"dy\": {}}}",
            g.id,
            start + g.cluster,
            g.x,
            g.y,
            g.advance,
            g.dx,
            g.dy
        );
    }
    o.push_str("]}");
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
