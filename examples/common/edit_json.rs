//! The editing geometry of a text file, one paragraph per line, in the JSON schema of
//! `../shared/tools/pango/edit_oracle.py` (see its README), so that `edit_compare.py` can hold
//! shrift against Pango. Shared by `examples/edit_dump.rs` and `tests/edit_vs_pango.rs`.

use serde_json::{json, Value};
use shrift::{
    words, Cursor, Direction, Layout, LayoutContext, LayoutOptions, Movement, Paragraph, TextStyle,
};

/// What to lay out and how.
pub struct Settings {
    pub stack: String,
    pub size: f32,
    pub weight: u16,
    pub width: f32,
    pub dir: String,
    pub fonts: Option<String>,
}

/// The whole document for `text` (one paragraph per line).
pub fn edit_json(text: &str, settings: &Settings) -> Result<Value, String> {
    let direction = super::setup::direction(&settings.dir)?;
    let book = super::setup::book(settings.fonts.as_deref())?;
    let mut cx = LayoutContext::new();
    let style = TextStyle::new(settings.stack.as_str())
        .size(settings.size)
        .weight(settings.weight);
    let options = LayoutOptions::new(settings.width);
    let mut paragraphs = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let para = Paragraph::builder(line, style.clone())
            .direction(direction)
            .build(&book, &mut cx)
            .map_err(|e| e.to_string())?;
        let layout = para.layout(&mut cx, &options).map_err(|e| e.to_string())?;
        paragraphs.push(paragraph_json(index, &layout));
    }
    Ok(json!({
        "tool": "shrift examples/edit_dump.rs",
        "schema_version": 1,
        "settings": {
            "font_stack": settings.stack.split(',').map(str::trim).collect::<Vec<_>>(),
            "size_px": settings.size,
            "weight": settings.weight,
            "width_px": settings.width,
            "dir": settings.dir,
            "units": "px",
            "hit_step_px": 3.0,
        },
        "paragraphs": paragraphs,
    }))
}

fn cursor_offsets(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = shrift::graphemes(text).map(|(i, _)| i).collect();
    out.push(text.len());
    out
}

fn paragraph_json(index: usize, layout: &Layout) -> Value {
    let text = layout.text();
    let offsets = cursor_offsets(text);
    let lines: Vec<Value> = layout
        .lines()
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let r = l.range();
            json!({
                "index": i, "start": r.start, "end": r.end, "text": &text[r.clone()],
                "top": l.top(), "height": l.height(), "baseline": l.baseline(),
                "x": l.x(), "width": l.width(), "direction": l.direction().as_str(),
            })
        })
        .collect();
    let carets: Vec<Value> = offsets
        .iter()
        .map(|&o| {
            let c = layout.carets(Cursor::new(o));
            let weak = c.secondary.unwrap_or(c.primary);
            json!({
                "offset": o, "line": c.line,
                "strong": {"x": c.primary.x, "y": c.primary.top, "height": c.primary.height},
                "weak": {"x": weak.x, "y": weak.top, "height": weak.height},
                "split": c.secondary.is_some(),
            })
        })
        .collect();
    json!({
        "index": index,
        "text": text,
        "byte_length": text.len(),
        "char_length": text.chars().count(),
        "base_dir": layout.direction().as_str(),
        "cursor_offsets": offsets,
        "words": words(text).iter().map(|w| [w.start, w.end]).collect::<Vec<_>>(),
        "lines": lines,
        "carets": carets,
        "hits": hits(layout),
        "visual_moves": {"gtk": {
            "right_from_start": walk(layout, 0, true),
            "left_from_end": walk(layout, text.len(), false),
            "left_from_start": walk(layout, 0, false),
            "right_from_end": walk(layout, text.len(), true),
        }},
        "selections": selections(layout),
        "selection_all": selection(layout, 0, text.len()),
    })
}

/// A row of hits at `y`, x from −10 to width + 10 in 3 px steps (the oracle's grid).
fn hit_row(layout: &Layout, row: &str, line: Option<usize>, y: f32) -> Value {
    let mut points = Vec::new();
    let mut k = 0;
    loop {
        let x = -10.0 + 3.0 * k as f64;
        if x > layout.width() as f64 + 10.0 {
            break;
        }
        let c = layout.hit_test(x as f32, y);
        points.push(json!({"x": x, "offset": c.offset}));
        k += 1;
    }
    json!({"row": row, "line": line, "y": y, "points": points})
}

fn hits(layout: &Layout) -> Vec<Value> {
    let lines = layout.lines();
    let mut rows: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| hit_row(layout, "line", Some(i), l.top() + l.height() / 2.0))
        .collect();
    rows.push(hit_row(layout, "above", None, -5.0));
    rows.push(hit_row(layout, "below", None, layout.height() + 5.0));
    rows
}

/// Arrow-key walk from `start`, one key held until the cursor stops moving.
fn walk(layout: &Layout, start: usize, right: bool) -> Value {
    let text_len = layout.text().len();
    let ltr = layout.direction() == Direction::Ltr;
    let mut cursor = Cursor::new(start);
    let mut offsets = vec![start];
    let first = layout.carets(cursor);
    let mut steps = vec![json!({"offset": start, "strong_x": first.primary.x, "strong_line": first.line})];
    let mut goal = None;
    let limit = 4 * text_len + 16;
    let mut sentinel = "step_limit";
    for _ in 0..limit {
        let next = layout.move_cursor(
            cursor,
            if right { Movement::Right } else { Movement::Left },
            &mut goal,
        );
        if next == cursor {
            sentinel = if right == ltr { "after_end" } else { "before_start" };
            break;
        }
        cursor = next;
        let c = layout.carets(cursor);
        offsets.push(cursor.offset);
        steps.push(json!({"offset": cursor.offset, "strong_x": c.primary.x, "strong_line": c.line}));
    }
    json!({
        "start": start, "direction": if right { 1 } else { -1 }, "sentinel": sentinel,
        "offsets": offsets, "steps": steps,
    })
}

fn selection(layout: &Layout, start: usize, end: usize) -> Value {
    let rects = layout.selection_rects(start..end);
    let mut lines: Vec<Value> = Vec::new();
    for k in 0..layout.lines().len() {
        let on: Vec<Value> = rects
            .iter()
            .filter(|r| r.line == k)
            .map(|r| json!({"x": r.x, "y": r.y, "width": r.width, "height": r.height}))
            .collect();
        let l = &layout.lines()[k];
        if l.range().end > start && l.range().start < end {
            lines.push(json!({"line": k, "rects": on.clone(), "rects_clamped": on}));
        }
    }
    json!({"start": start, "end": end, "text": &layout.text()[start..end], "lines": lines})
}

/// Every span of 1, 2 and 3 consecutive words (the oracle picks 40 of these).
fn selections(layout: &Layout) -> Vec<Value> {
    let w = words(layout.text());
    let mut out = Vec::new();
    for k in 1..=3 {
        for i in 0..w.len().saturating_sub(k - 1) {
            out.push(selection(layout, w[i].start, w[i + k - 1].end));
        }
    }
    out
}
