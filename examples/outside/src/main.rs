//! Lays out a text file (the article: a Yiddish headline over English paragraphs) with the
//! system's fonts through generic families, and draws it to a PNG, using only shrift's public
//! API: `FontBook::system`, stacks of generic families, `Document`, `Font::glyph_outline`.

use std::process::ExitCode;

use shrift::{Block, Document, FontBook, LayoutContext, Paragraph, PathSegment, TextStyle};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Transform};

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let input = args.next().ok_or("usage: shrift-outside TEXT-FILE OUT.png")?;
    let out = args.next().unwrap_or_else(|| "outside.png".into());
    let text = std::fs::read_to_string(&input).map_err(|e| format!("{input}: {e}"))?;
    let book = FontBook::system();
    println!("{} faces installed", book.face_count());
    let serif = TextStyle::new("serif").size(16.0);
    let headline = TextStyle::new("sans-serif").size(30.0).weight(700);
    let mut cx = LayoutContext::new();
    // The check a user would make before drawing: a serif face with Hebrew letters.
    let probe = Paragraph::new("א a", serif.clone(), &book, &mut cx);
    if !probe.as_ref().is_ok_and(|p| p.missing_glyphs().is_empty()) {
        println!("skipped: no installed serif face with Hebrew and Latin letters (install fonts-noto-core)");
        return Ok(());
    }
    let mut doc = Document::new();
    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let style = if i == 0 { headline.clone() } else { serif.clone() };
        let para = Paragraph::new(line, style, &book, &mut cx).map_err(|e| e.to_string())?;
        let missing = para.missing_glyphs().len();
        if missing > 0 {
            return Err(format!("paragraph {i}: {missing} chars without a glyph in any installed face"));
        }
        doc.push(Block::new(para).space_after(10.0));
    }
    let laid = doc.layout(&mut cx, 600.0).map_err(|e| e.to_string())?;
    let (w, h) = (640, laid.height().ceil() as u32 + 40);
    let mut pixmap = Pixmap::new(w, h).ok_or("image too large")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let mut paint = Paint::default();
    paint.set_color_rgba8(0, 0, 0, 255);
    let at = Transform::from_translate(20.0, 20.0);
    let mut segments = Vec::new();
    for block in laid.blocks() {
        for run in block.all_runs() {
            for g in block.glyphs(run) {
                // An outline placed at the glyph, with no borrow of the font kept.
                segments.clear();
                if run.font().glyph_outline(g.id, run.size(), g.x, g.y, 1.0, &mut segments).is_none() {
                    continue;
                }
                let mut pb = PathBuilder::new();
                for s in &segments {
                    match *s {
                        PathSegment::MoveTo(x, y) => pb.move_to(x, y),
                        PathSegment::LineTo(x, y) => pb.line_to(x, y),
                        PathSegment::QuadTo(a, b, x, y) => pb.quad_to(a, b, x, y),
                        PathSegment::CubicTo(a, b, c, d, x, y) => pb.cubic_to(a, b, c, d, x, y),
                        PathSegment::Close => pb.close(),
                    }
                }
                if let Some(path) = pb.finish() {
                    pixmap.fill_path(&path, &paint, FillRule::Winding, at, None);
                }
            }
        }
    }
    pixmap.save_png(&out).map_err(|e| format!("{out}: {e}"))?;
    println!("wrote {out} ({w}x{h}), {} blocks", laid.blocks().len());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shrift-outside: {e}");
            ExitCode::FAILURE
        }
    }
}
