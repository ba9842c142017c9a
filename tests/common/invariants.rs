//! What every accepted input must give (issue 28), checked on a laid-out paragraph: finite
//! coordinates; lines that tile the text (a prefix of it when lines were dropped); no line wider
//! than the layout but one holding a single grapheme cluster; carets inside the box; hits,
//! movements, selections and elided text on grapheme boundaries. Grapheme boundaries come from
//! unicode-segmentation directly, not from shrift. Shared by `tests/option_values.rs` and the
//! `layout_options` fuzz target.

use shrift::{Cursor, Layout, LayoutOptions, Movement, OverflowWrap};
use unicode_segmentation::UnicodeSegmentation;

/// Slack for float sums: 1/100 px, and one rounding at the positions' magnitude for each of the
/// `sums` additions a line's width takes (positioning adds glyph by glyph, intrinsic widths word
/// by word: the two orders round differently, by up to a rounding per addition; far from 0, as
/// with a tab stop or whitespace hanging far past the box, f32 keeps fewer fractions).
fn eps(magnitude: f32, sums: usize) -> f32 {
    1e-2 + (sums as f32 + 1.0) * magnitude.abs() * f32::EPSILON
}

/// The grapheme boundaries of `text`, 0 and its end included.
pub fn boundaries(text: &str) -> Vec<usize> {
    text.grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// Whether `c` may hang past a line's end: what UAX #9 rule L1 resets there (whitespace,
/// segment and paragraph separators, isolate controls, and what rule X9 removes), read from
/// unicode-bidi's classes here rather than from shrift.
fn hangs(c: char) -> bool {
    use unicode_bidi::{BidiClass::*, BidiDataSource, HardcodedBidiData};
    matches!(
        HardcodedBidiData.bidi_class(c),
        WS | S | B | BN | LRI | RLI | FSI | PDI | LRE | RLE | LRO | RLO | PDF
    )
}

/// Checks `layout` of `text` laid out with `options`; `Err` says what broke.
pub fn check(text: &str, layout: &Layout, options: &LayoutOptions) -> Result<(), String> {
    let bounds = boundaries(text);
    let on_boundary = |o: usize| bounds.binary_search(&o).is_ok();
    let width = layout.width();
    let tol = eps(width, 0);
    if !(width.is_finite() && layout.height().is_finite()) {
        return Err(format!("layout {width} x {}", layout.height()));
    }
    // Lines tile the text from 0, all of it unless truncation dropped lines.
    let mut pos = 0;
    for (k, line) in layout.lines().iter().enumerate() {
        if line.range().start != pos {
            return Err(format!("line {k} starts at {} after {pos}", line.range().start));
        }
        pos = line.range().end;
        for v in [line.top(), line.height(), line.baseline(), line.x(), line.width()] {
            if !v.is_finite() {
                return Err(format!("line {k}: {line:?}"));
            }
        }
        if line.width() < 0.0 {
            return Err(format!("line {k} of width {}", line.width()));
        }
        // The positions' magnitude on this line (hanging whitespace may lie far outside the box).
        let far = layout
            .runs(line)
            .iter()
            .flat_map(|r| layout.pens(r))
            .map(|(pen, g)| pen.abs().max((pen + g.advance + g.extra).abs()))
            .fold(width, f32::max);
        let glyphs: usize = layout.runs(line).iter().map(|r| layout.glyphs(r).len()).sum();
        let tol = eps(far, glyphs);
        let body = text[line.range()].trim_end_matches(hangs);
        let one_cluster = body.graphemes(true).count() <= 1;
        let may_overflow = one_cluster || options.get_overflow_wrap() == OverflowWrap::Normal;
        if !may_overflow && line.width() > width + tol {
            return Err(format!(
                "line {k} {:?} is {} px in a box of {width}",
                line.range(),
                line.width()
            ));
        }
        if !may_overflow && (line.x() < -tol || line.x() + line.width() > width + tol) {
            return Err(format!(
                "line {k} at {}..{} in 0..{width}",
                line.x(),
                line.x() + line.width()
            ));
        }
        for run in layout.runs(line) {
            for g in layout.glyphs(run) {
                if !(g.x.is_finite() && g.y.is_finite() && g.advance.is_finite() && g.extra.is_finite()) {
                    return Err(format!("line {k}: glyph {g:?}"));
                }
            }
        }
    }
    if layout.elided().is_empty() && !layout.lines().is_empty() && pos != text.len() {
        return Err(format!("the lines end at {pos} of {}", text.len()));
    }
    for r in layout.elided() {
        if !(r.start <= r.end && r.end <= text.len() && on_boundary(r.start) && on_boundary(r.end)) {
            return Err(format!("elided {r:?} off the clusters of {text:?}"));
        }
    }
    // Carets of every cluster boundary (at most 64 of them) inside the box, on a line.
    let step = (bounds.len() / 64).max(1);
    for &o in bounds.iter().step_by(step) {
        let carets = layout.carets(Cursor::new(o));
        for c in [Some(carets.primary), carets.secondary].into_iter().flatten() {
            if !(c.x.is_finite() && c.x >= -tol && c.x <= width.max(0.0) + tol) {
                return Err(format!("caret of {o} at {} in 0..{width}", c.x));
            }
        }
    }
    // Hits across the box and beside it, and a walk of movements, land on boundaries.
    let height = layout.height();
    for fx in [-10.0, 0.0, 0.3, 0.5, 0.7, 1.0, 1.5] {
        for fy in [-1.0, 0.0, 0.5, 1.0, 2.0] {
            let hit = layout.hit_test(width * fx, height * fy);
            if !on_boundary(hit.offset) || hit.offset > text.len() {
                return Err(format!("a hit at ({fx}, {fy}) gave {hit:?}"));
            }
        }
    }
    let mut goal = None;
    let mut cursor = Cursor::new(0);
    for m in [
        Movement::Right,
        Movement::Right,
        Movement::WordRight,
        Movement::Down,
        Movement::LineEnd,
        Movement::Left,
        Movement::WordLeft,
        Movement::Up,
        Movement::Forward,
        Movement::WordForward,
        Movement::TextEnd,
        Movement::Backward,
    ] {
        cursor = layout.move_cursor(cursor, m, &mut goal);
        if !on_boundary(cursor.offset) {
            return Err(format!("{m:?} gave {cursor:?}"));
        }
    }
    // Selections of the whole text and of its halves: rectangles inside the box.
    let mid = bounds[bounds.len() / 2];
    for range in [0..text.len(), 0..mid, mid..text.len()] {
        for r in layout.selection_rects(range.clone()) {
            let ok = r.width > 0.0 && r.x >= -tol && r.x + r.width <= width.max(0.0) + tol && r.y.is_finite();
            if !ok {
                return Err(format!("selection {range:?}: {r:?} in 0..{width}"));
            }
        }
    }
    Ok(())
}
