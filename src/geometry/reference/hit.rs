//! The linear reference (see `mod.rs`).

use super::cells::{Cell, LineCells};
use super::Linear;
use crate::geometry::cursor::{Affinity, Cursor};
use crate::geometry::hit::{Caret, Carets};
pub(crate) const EPS: f32 = 1e-3;

impl Linear<'_> {
    pub(crate) fn carets(&self, cursor: Cursor) -> Carets {
        if self.lines().is_empty() {
            let caret = Caret {
                x: 0.0,
                top: 0.0,
                height: 0.0,
            };
            return Carets {
                primary: caret,
                secondary: None,
                line: 0,
            };
        }
        let offset = self.clamp_offset(cursor.offset);
        let line = LineCells::new(self, self.line_of(Cursor { offset, ..cursor }));
        let (strong, weak) = strong_weak(&line, offset);
        let bar = |x: f32| Caret {
            x: x.clamp(0.0, self.width().max(0.0)),
            top: line.top,
            height: line.height,
        };
        let primary = bar(strong);
        let secondary = bar(weak);
        Carets {
            primary,
            secondary: ((primary.x - secondary.x).abs() > EPS).then_some(secondary),
            line: line.index,
        }
    }
    pub(crate) fn hit_test(&self, x: f32, y: f32) -> Cursor {
        let (x, y) = (if x.is_nan() { 0.0 } else { x }, if y.is_nan() { 0.0 } else { y });
        let lines = self.lines();
        if lines.is_empty() {
            return Cursor::new(0);
        }
        let k = lines
            .iter()
            .position(|l| y < l.top() + l.height())
            .unwrap_or(lines.len() - 1);
        hit_line(&LineCells::new(self, k), x)
    }
}
pub(crate) fn strong_weak(line: &LineCells, offset: usize) -> (f32, f32) {
    let (strong, weak, _) = caret_edges(line, offset);
    (strong, weak)
}
pub(crate) fn caret_edges(line: &LineCells, offset: usize) -> (f32, f32, bool) {
    let visible = |c: &Cell| c.right - c.left > EPS;
    let before = (offset > line.first).then(|| line.cell_before(offset)).flatten();
    let (rtl1, x1, seen1) = match before {
        Some(c) => (c.rtl, c.trailing(), visible(c)),
        None => (line.rtl, line.start_edge(), false),
    };
    let after = (offset < line.range.end)
        .then(|| line.cell_after(offset))
        .flatten();
    let (x2, seen2) = match after {
        Some(c) => (c.leading(), visible(c)),
        None => (line.end_edge(), false),
    };
    if rtl1 == line.rtl {
        (x1, x2, seen1)
    } else {
        (x2, x1, seen2)
    }
}
pub(crate) fn hit_line(line: &LineCells, x: f32) -> Cursor {
    let start = Cursor::new(line.first);
    let end = end_cursor(line);
    let (at_left, at_right) = if line.rtl { (end, start) } else { (start, end) };
    if x < line.left - EPS || line.cells.is_empty() {
        return at_left;
    }
    if x > line.right + EPS {
        return at_right;
    }
    let (edge, offset) = if (x - line.left).abs() <= EPS {
        (line.left, at_left)
    } else if (x - line.right).abs() <= EPS {
        (line.right, at_right)
    } else {
        // The cell under x; failing that (a gap, zero-width cells), the nearest.
        let visible = || line.cells.iter().filter(|c| c.right - c.left > EPS);
        let Some(cell) = visible()
            .find(|c| c.left <= x && x < c.right)
            .or_else(|| visible().min_by(|a, b| distance(a, x).total_cmp(&distance(b, x))))
        else {
            return at_left;
        };
        if x < (cell.left + cell.right) / 2.0 {
            (cell.left, as_cursor(line, cell.left_offset()))
        } else {
            (cell.right, as_cursor(line, cell.right_offset()))
        }
    };
    let mut best = offset;
    // Exactly on an edge that several offsets have a caret at (two graphemes' shared edge, the
    // line's start or end), take the one whose strong caret is there, so that clicking where a
    // caret is drawn gives that caret's cursor back.
    if (x - edge).abs() <= EPS {
        let mut candidates: Vec<Cursor> = line
            .cells
            .iter()
            .flat_map(|c| {
                let right = ((c.right - edge).abs() <= EPS).then(|| c.right_offset());
                let left = ((c.left - edge).abs() <= EPS).then(|| c.left_offset());
                right.into_iter().chain(left)
            })
            .filter(|o| line.offsets().any(|b| b == *o))
            .map(|o| as_cursor(line, o))
            .collect();
        candidates.extend([start, end]);
        let miss = |c: &Cursor| (strong_weak(line, c.offset).0 - edge).abs();
        let own = miss(&best);
        if let Some(c) = candidates
            .into_iter()
            .filter(|c| miss(c) + EPS < own)
            .min_by(|a, b| miss(a).total_cmp(&miss(b)))
        {
            best = c;
        }
    }
    best
}
fn as_cursor(line: &LineCells, offset: usize) -> Cursor {
    let offset = match line.bounds.binary_search(&offset) {
        Ok(_) => offset,
        Err(k) => {
            let before = line.bounds.get(k.wrapping_sub(1)).copied();
            let after = line.bounds.get(k).copied();
            match (before, after) {
                (Some(b), Some(a)) if a - offset < offset - b => a,
                (Some(b), _) => b,
                (None, a) => a.unwrap_or(line.first),
            }
        }
    };
    if offset >= line.end && offset > line.first {
        end_cursor(line)
    } else {
        Cursor::new(offset.max(line.first))
    }
}

fn distance(c: &Cell, x: f32) -> f32 {
    if x < c.left {
        c.left - x
    } else {
        (x - c.right).max(0.0)
    }
}
pub(crate) fn end_cursor(line: &LineCells) -> Cursor {
    if line.soft_wrap && line.end == line.range.end {
        Cursor {
            offset: line.end,
            affinity: Affinity::Upstream,
        }
    } else {
        Cursor::new(line.end)
    }
}
