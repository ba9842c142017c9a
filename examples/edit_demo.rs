//! Scripted editing on the article's headline and a mixed paragraph of `tests/data/mixed.txt`:
//! clicks, arrow keys and shift-selections; then the `Editor` typing a Yiddish sentence with
//! YIVO points into an English paragraph char by char, Backspace taking a point off its letter,
//! a double-clicked word deleted, an input method's preedit (underlined), an inline box put into
//! the Yiddish phrase and two undos; all drawn into one
//! PNG strip (primary carets red, secondary carets blue, selections light blue under the text),
//! each panel captioned with what was done and the cursor it gave:
//!
//! ```text
//! cargo run --release --example edit_demo -- [--out edit_demo.png] [--scale 2]
//! ```

#[allow(dead_code)] // the demo uses the headline only
#[path = "../tests/common/article.rs"]
mod article;

use std::process::ExitCode;

use shrift::raster::tiny_skia::{self, Pixmap};
use shrift::raster::Raster;
use shrift::{
    BoxAlign, Cursor, Editor, FontBook, InlineBox, Layout, LayoutContext, LayoutOptions, Movement, Paragraph,
    Selection, SelectionRect, TextStyle,
};

/// One panel: a layout, what to draw over it, and a caption.
struct Panel {
    layout: Layout,
    caption: String,
    carets: Vec<Cursor>,
    selection: Vec<SelectionRect>,
    /// Rectangles to underline (an input method's preedit).
    underline: Vec<SelectionRect>,
}

/// A panel of the editor's one paragraph as it stands: its caret and its selection.
fn editor_panel(editor: &Editor, caption: String) -> Panel {
    let layout = editor.layout().blocks()[0].clone();
    let sel = editor.selection();
    let selection = layout.selection_rects(sel.range());
    let underline = editor
        .preedit_range()
        .map_or(Vec::new(), |r| layout.selection_rects(r));
    Panel {
        layout,
        caption,
        carets: vec![Cursor {
            offset: sel.focus,
            affinity: sel.affinity,
        }],
        selection,
        underline,
    }
}

const WIDTH: f32 = 420.0;
const PAD: f32 = 10.0;

fn panels(book: &FontBook, cx: &mut LayoutContext) -> Result<Vec<Panel>, shrift::Error> {
    let headline_text = article::ARTICLE.lines().next().unwrap_or_default();
    let mixed_all = include_str!("../tests/data/mixed.txt");
    let mixed = mixed_all.lines().nth(3).unwrap_or_default(); // דער „פֿאָרווערטס“ (The Forward) …
    let english = mixed_all.lines().nth(4).unwrap_or_default(); // The Yiddish headline reads „…“ …
    let headline = Paragraph::new(headline_text, article::headline_style(), book, cx)?;
    let body = |t: &str, cx: &mut LayoutContext| Paragraph::new(t, article::body_style(), book, cx);
    let options = LayoutOptions::new(WIDTH);
    let mut out = Vec::new();
    let text_of = |l: &Layout, c: Cursor| {
        let t = l.text();
        let before: String = t[..c.offset]
            .chars()
            .rev()
            .take(6)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("offset {} (after \"{}\")", c.offset, before)
    };

    // 1. Clicks on the headline: the left half of a Hebrew letter gives the offset after it.
    let l = headline.layout(cx, &options)?;
    let line = l.lines()[0].clone();
    let y = line.top() + line.height() / 2.0;
    let clicks = [
        line.x() + line.width() - 3.0,
        line.x() + line.width() / 2.0,
        line.x() + 5.0,
    ];
    let carets: Vec<Cursor> = clicks.iter().map(|&x| l.hit_test(x, y)).collect();
    let caption = format!(
        "clicks at x = {:.0}, {:.0}, {:.0} on the headline: offsets {:?}",
        clicks[0],
        clicks[1],
        clicks[2],
        carets.iter().map(|c| c.offset).collect::<Vec<_>>()
    );
    out.push(Panel {
        layout: l,
        caption,
        carets,
        selection: Vec::new(),
        underline: Vec::new(),
    });

    // 2. Headline: click, then Shift+Left three times (left goes forward in Hebrew).
    let l = headline.layout(cx, &options)?;
    let anchor = l.hit_test(line.x() + line.width() - 40.0, y);
    let mut goal = None;
    let mut focus = anchor;
    for _ in 0..3 {
        focus = l.move_cursor(focus, Movement::WordLeft, &mut goal);
    }
    let selection = l.selection_rects(anchor.offset.min(focus.offset)..anchor.offset.max(focus.offset));
    let caption = format!(
        "headline: click at offset {}, Shift+Ctrl+Left x3 -> {}",
        anchor.offset,
        text_of(&l, focus)
    );
    out.push(Panel {
        layout: l,
        caption,
        carets: vec![focus],
        selection,
        underline: Vec::new(),
    });

    // 3. Mixed paragraph: the split caret between "(" and "The": the strong caret where Hebrew
    // typed there would go (after the bracket, which reads right to left), the weak one where
    // Latin would (before "The").
    let p = body(mixed, cx)?;
    let l = p.layout(cx, &options)?;
    let the = mixed.find("The").unwrap_or(0);
    let caption =
        format!("the split caret at offset {the}, between \"(\" and \"The\": strong red, weak blue");
    out.push(Panel {
        layout: l,
        caption,
        carets: vec![Cursor::new(the)],
        selection: Vec::new(),
        underline: Vec::new(),
    });

    // 4. Mixed paragraph: Left arrow from the start, 30 times: every step moves one place left,
    // forward through the Hebrew, backward through "The Forward".
    let l = p.layout(cx, &options)?;
    let mut c = Cursor::new(0);
    let mut steps = vec![c];
    for _ in 0..30 {
        c = l.move_cursor(c, Movement::Left, &mut goal);
        steps.push(c);
    }
    let caption = format!(
        "Left x30 from the start: {:?}",
        steps.iter().map(|c| c.offset).collect::<Vec<_>>()
    );
    out.push(Panel {
        layout: l,
        caption,
        carets: steps,
        selection: Vec::new(),
        underline: Vec::new(),
    });

    // 5. Mixed paragraph: a selection across the direction boundary is discontiguous.
    let l = p.layout(cx, &options)?;
    let from = mixed.find('„').unwrap_or(0);
    let to = mixed.find("Forward").unwrap_or(0);
    let selection = l.selection_rects(from..to);
    let caption = format!(
        "selection {from}..{to} (\"{}\"): {} rects",
        &mixed[from..to],
        selection.len()
    );
    out.push(Panel {
        layout: l,
        caption,
        carets: Vec::new(),
        selection,
        underline: Vec::new(),
    });

    // 6. English paragraph at a narrow width: a selection over two lines, extended to the edges.
    let p = body(english, cx)?;
    let l = p.layout(cx, &LayoutOptions::new(300.0))?;
    let from = english.find("reads").unwrap_or(0);
    let to = english.find("above").unwrap_or(0);
    let mut selection = Vec::new();
    l.selection_rects_into(from..to, true, &mut selection);
    let down = l.move_cursor(Cursor::new(from), Movement::Down, &mut goal);
    let caption = format!(
        "selection over a wrap, extended to the box edges; Down from {from} -> {}",
        down.offset
    );
    out.push(Panel {
        layout: l,
        caption,
        carets: vec![Cursor::new(from), down],
        selection,
        underline: Vec::new(),
    });

    // 7-11. The Editor: a Yiddish sentence with YIVO points typed char by char at the end of
    // an English sentence, each keystroke an edit laid out again.
    let mut editor = Editor::new(
        "YIVO was founded in Vilna in 1925:",
        article::body_style(),
        book,
        cx,
        LayoutOptions::new(WIDTH),
    )?;
    editor.move_caret(Movement::TextEnd, false);
    let sentence = " דער ייִדישער װיסנשאַפֿטלעכער אינסטיטוט";
    let mut edits = 0;
    for c in sentence.chars() {
        editor.insert(cx, c.encode_utf8(&mut [0; 4]))?;
        edits += 1;
    }
    out.push(editor_panel(
        &editor,
        format!(
            "Editor: \"{}\" typed char by char ({edits} edits, points included)",
            sentence.trim()
        ),
    ));
    // Backspace after the patah of "װיסנשאַ…": place the caret after it, and the patah goes,
    // its alef stays.
    let patah = editor.text().find("\u{05B7}").map_or(0, |i| i + 2);
    editor.set_selection(Selection::caret(patah));
    editor.backspace(cx)?;
    out.push(editor_panel(
        &editor,
        format!("caret after the patah (offset {patah}), Backspace: the patah goes, the alef stays"),
    ));
    // A double click on "ייִדישער", then Delete.
    let layout = &editor.layout().blocks()[0];
    let word = editor.text().find("ייִדישער").unwrap_or(0);
    let rect = layout.selection_rects(word..word + "ייִדישער".len());
    if let Some(r) = rect.first() {
        editor.select_word_at(r.x + r.width / 2.0, r.y + r.height / 2.0);
    }
    out.push(editor_panel(
        &editor,
        format!("double click on a word: \"{}\" selected", editor.selected_text()),
    ));
    editor.delete(cx)?;
    editor.delete(cx)?;
    out.push(editor_panel(
        &editor,
        "Delete twice: the word and the space after it".into(),
    ));
    // An input method composing "שלום" at the end: shown and underlined, not yet committed.
    editor.move_caret(Movement::TextEnd, false);
    editor.insert(cx, " ")?;
    editor.set_preedit(cx, "שלום", "שלום".len())?;
    let preedit = editor.preedit_range().unwrap_or(0..0);
    out.push(editor_panel(
        &editor,
        format!("preedit \"שלום\" at {preedit:?}: laid out, underlined, not committed"),
    ));
    // An inline box (an icon of the caller's, 22 x 16 px, middle-aligned) put into the Yiddish
    // phrase before "װיסנשאַפֿטלעכער": bidi places it in the phrase's right-to-left order; then
    // the two edits undone.
    editor.commit_preedit();
    let before = editor.text().find("װיסנ").unwrap_or(0);
    editor.set_selection(Selection::caret(before));
    editor.insert_box(cx, InlineBox::new(1, 22.0, 16.0).align(BoxAlign::Middle))?;
    editor.insert(cx, " ")?;
    out.push(editor_panel(
        &editor,
        format!("an inline box (22x16, middle) put in the Yiddish phrase at offset {before}"),
    ));
    editor.undo(cx)?;
    editor.undo(cx)?;
    out.push(editor_panel(
        &editor,
        "Undo twice: the space, then the box (its U+FFFC with it), are gone".into(),
    ));
    Ok(out)
}

/// A rectangle in one colour, drawn with the raster helper (as a one-rectangle selection).
fn fill(pixmap: &mut Pixmap, raster: &Raster, rect: (f32, f32, f32, f32), rgba: [u8; 4]) {
    let (x, y, width, height) = rect;
    let r = SelectionRect {
        line: 0,
        x,
        y,
        width: width.max(0.5),
        height,
    };
    raster.clone().selection_color(rgba).draw_selection(pixmap, &[r]);
}

fn run() -> Result<(), String> {
    let mut out = "edit_demo.png".to_string();
    let mut scale = 2.0f32;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().ok_or("--out needs a value")?,
            "--scale" => {
                scale = it
                    .next()
                    .ok_or("--scale needs a value")?
                    .parse()
                    .map_err(|e| format!("{e}"))?
            }
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let panels = panels(&book, &mut cx).map_err(|e| e.to_string())?;
    let caption_style = TextStyle::new("Noto Sans, Noto Sans Hebrew").size(11.0);
    let mut captions = Vec::new();
    for p in &panels {
        let para =
            Paragraph::new(&p.caption, caption_style.clone(), &book, &mut cx).map_err(|e| e.to_string())?;
        captions.push(
            para.layout(&mut cx, &LayoutOptions::new(WIDTH))
                .map_err(|e| e.to_string())?,
        );
    }
    let height: f32 = panels
        .iter()
        .zip(&captions)
        .map(|(p, c)| p.layout.height() + c.height() + 3.0 * PAD)
        .sum();
    let w = ((WIDTH + 2.0 * PAD) * scale).ceil() as u32;
    let h = ((height + PAD) * scale).ceil() as u32;
    let mut pixmap = Pixmap::new(w, h).ok_or("image too large")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let mut y = PAD;
    let palette = [[0, 0, 0, 0xff], [0xb0, 0x10, 0x10, 0xff]];
    for (p, caption) in panels.iter().zip(&captions) {
        let at = |y: f32| {
            Raster::new()
                .scale(scale)
                .offset(PAD, y)
                .palette(&palette)
                .box_placeholders(true)
        };
        at(y).draw_layout(&mut pixmap, caption);
        y += caption.height() + PAD / 2.0;
        let raster = at(y).caret([230, 0, 0, 255], 1.5).weak_caret([0, 80, 255, 255]);
        // The layout box, then the selection under the text, then the carets over it.
        fill(
            &mut pixmap,
            &raster,
            (0.0, 0.0, WIDTH, p.layout.height()),
            [245, 245, 245, 255],
        );
        raster
            .clone()
            .selection_color([150, 190, 255, 160])
            .draw_selection(&mut pixmap, &p.selection);
        raster.draw_layout(&mut pixmap, &p.layout);
        for r in &p.underline {
            fill(
                &mut pixmap,
                &raster,
                (r.x, r.y + r.height - 2.0, r.width, 1.0),
                [0, 0, 0, 255],
            );
        }
        for &c in &p.carets {
            raster.draw_carets(&mut pixmap, &p.layout.carets(c));
        }
        y += p.layout.height() + 2.5 * PAD;
    }
    pixmap.save_png(&out).map_err(|e| format!("{out}: {e}"))?;
    println!("wrote {out} ({}x{})", pixmap.width(), pixmap.height());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("edit_demo: {e}");
            ExitCode::FAILURE
        }
    }
}
