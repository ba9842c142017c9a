//! Lays out many text files across threads, as a newspaper archive would: each file as the
//! article example does (its first line a 32 px bold headline, the rest 16 px body), written to
//! `DIR/NAME.json` (the layout dump of DESIGN.md, so `../shared/tools/oracle.py` checks it),
//! `.svg` or `.png`.
//!
//! ```text
//! cargo run --release --example batch --features rayon -- --threads N --out DIR
//!     [--width PX] [--format json|svg|png] FILE...
//! ```
//!
//! A progress bar runs on long batches; at the end, a summary: files written and skipped,
//! lines, glyphs, glyphs missing from every face. A file that cannot be read or is not UTF-8 is
//! reported and skipped; the others are still written. The JSON of a file is the same, byte for
//! byte, whatever the number of threads (`tools/batch_check.sh` compares 1 and 2 threads and
//! runs the oracle on the result).

#[path = "common/dump_json.rs"]
mod dump_json;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use shrift::{Block, Document, DocumentLayout, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Svg,
    Png,
}

struct Args {
    threads: usize,
    out: PathBuf,
    width: f32,
    format: Format,
    files: Vec<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut threads, mut out, mut width, mut format, mut files) =
        (None, None, 600.0, Format::Json, Vec::new());
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--threads" => {
                threads = Some(
                    value("--threads")?
                        .parse()
                        .map_err(|e| format!("--threads: {e}"))?,
                )
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--width" => width = value("--width")?.parse().map_err(|e| format!("--width: {e}"))?,
            "--format" => {
                format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "svg" => Format::Svg,
                    "png" => Format::Png,
                    other => return Err(format!("--format must be json, svg or png, not {other}")),
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown flag {flag}")),
            file => files.push(PathBuf::from(file)),
        }
    }
    let threads: usize =
        threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if threads == 0 {
        return Err("--threads must be at least 1".into());
    }
    let out = out.ok_or("--out DIR is required")?;
    if files.is_empty() {
        return Err("no files given".into());
    }
    // Each file is written under its name's stem: two files of one stem would overwrite.
    let mut stems: Vec<(std::ffi::OsString, &PathBuf)> = files
        .iter()
        .map(|f| (f.file_stem().unwrap_or_default().to_os_string(), f))
        .collect();
    stems.sort();
    if let Some(w) = stems.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(format!(
            "{} and {} would both be written as {:?}",
            w[0].1.display(),
            w[1].1.display(),
            w[0].0
        ));
    }
    Ok(Args {
        threads,
        out,
        width,
        format,
        files,
    })
}

/// What one file gave: its counts, or why it was skipped.
type Outcome = Result<Counts, String>;

#[derive(Default, Clone, Copy)]
struct Counts {
    lines: usize,
    glyphs: usize,
    missing: usize,
}

/// Lays out one file's text as the article example does and writes it in `format` to `dest`.
fn lay_out_file(cx: &mut LayoutContext, book: &FontBook, args: &Args, path: &Path) -> Outcome {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8 ({e})", path.display()))?;
    let headline = TextStyle::new("Noto Sans Hebrew, Noto Sans")
        .size(32.0)
        .weight(700);
    let body = TextStyle::new("Noto Serif, Noto Serif Hebrew").size(16.0);
    let mut doc = Document::new();
    let mut starts = Vec::new();
    let mut offset = 0;
    for (i, para_text) in text.split_inclusive('\n').enumerate() {
        let (style, space) = if i == 0 {
            (headline.clone(), 16.0)
        } else {
            (body.clone(), 10.0)
        };
        let para =
            Paragraph::new(para_text, style, book, cx).map_err(|e| format!("{}: {e}", path.display()))?;
        doc.push(Block::new(para).space_after(space));
        starts.push(offset);
        offset += para_text.len();
    }
    let mut laid = DocumentLayout::default();
    doc.layout_with(cx, &LayoutOptions::new(args.width), &mut laid)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let stem = path
        .file_stem()
        .map_or("out".into(), |s| s.to_string_lossy().into_owned());
    let write = |ext: &str, data: &[u8]| {
        let dest = args.out.join(format!("{stem}.{ext}"));
        std::fs::write(&dest, data).map_err(|e| format!("{}: {e}", dest.display()))
    };
    match args.format {
        Format::Json => write(
            "json",
            dump_json::dump_json(&laid, "auto", &text, &starts)?.as_bytes(),
        )?,
        Format::Svg => write(
            "svg",
            shrift::document_to_svg(&laid, &Default::default()).as_bytes(),
        )?,
        Format::Png => {
            let pixmap = shrift::raster::Raster::new()
                .render_document(&laid, 8.0, [255; 4])
                .ok_or(format!("{}: the image would be too large", path.display()))?;
            let data = pixmap
                .encode_png()
                .map_err(|e| format!("{}: {e}", path.display()))?;
            write("png", &data)?
        }
    }
    let mut counts = Counts::default();
    for layout in laid.blocks() {
        counts.lines += layout.lines().len();
        counts.glyphs += layout.all_glyphs().len();
        counts.missing += layout.missing_glyphs().len();
    }
    Ok(counts)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("batch: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("batch: {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(args.threads).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("batch: {e}");
            return ExitCode::FAILURE;
        }
    };
    let book = FontBook::with_bundled_fonts();
    // A bar only where it helps: many files, on a terminal (indicatif hides it elsewhere).
    let bar = if args.files.len() >= 20 {
        ProgressBar::new(args.files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files, {elapsed} ({eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let outcomes: Vec<Outcome> = pool.install(|| {
        shrift::batch::par_map(&args.files, |cx, path| {
            let outcome = lay_out_file(cx, &book, &args, path);
            bar.inc(1);
            outcome
        })
    });
    bar.finish_and_clear();
    let mut total = Counts::default();
    let (mut written, mut skipped) = (0, 0);
    for outcome in &outcomes {
        match outcome {
            Ok(c) => {
                written += 1;
                total.lines += c.lines;
                total.glyphs += c.glyphs;
                total.missing += c.missing;
            }
            Err(e) => {
                skipped += 1;
                eprintln!("batch: skipped {e}");
            }
        }
    }
    println!(
        "{written} files written to {}, {skipped} skipped; {} lines, {} glyphs, {} missing; {:.1} ms on {} threads",
        args.out.display(),
        total.lines,
        total.glyphs,
        total.missing,
        started.elapsed().as_secs_f64() * 1e3,
        args.threads
    );
    if written == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
