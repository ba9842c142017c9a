//! A line's grapheme clusters in visual order with their x extents: the geometry every editing
//! query starts from, built once per line and layout (`index.rs`) and asked in O(log n).
//!
//! Built from the layout's runs and glyphs: a glyph cluster (HarfBuzz's) spans from the pen
//! position of its first glyph to the pen position plus advance of its last; a glyph cluster of
//! several grapheme clusters (a ligature such as "fi") is divided evenly among them, in the run's
//! direction. Fonts' GDEF ligature caret lists are not read: the bundled faces have none for the
//! ligatures they form, and an even division is what Pango and Chromium do without them.
//!
//! Two facts make the queries logarithmic, and both are checked when a line is read: the cells'
//! edges rise left to right (so a point is found by bisection), and their text ranges do not
//! overlap (so an offset is). A line where either fails (a font with negative advances, say) is
//! searched cell by cell, as before the index.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::cursor::Cursor;
use crate::layout::{Layout, Line, Run};
use crate::text::chars::{ends_with_hard_break, hanging_start, is_hard_break};

/// Two edges closer than this are the same x.
pub(crate) const EPS: f32 = 1e-3;

/// One grapheme cluster (or the part of one inside a run) on a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cell {
    pub start: usize,
    pub end: usize,
    pub left: f32,
    pub right: f32,
    pub rtl: bool,
}

impl Cell {
    /// The x of the cell's logical start edge: left in a left-to-right run, right otherwise.
    pub fn leading(&self) -> f32 {
        if self.rtl {
            self.right
        } else {
            self.left
        }
    }

    /// The x of the cell's logical end edge.
    pub fn trailing(&self) -> f32 {
        if self.rtl {
            self.left
        } else {
            self.right
        }
    }

    /// The offset at the cell's left edge.
    pub fn left_offset(&self) -> usize {
        if self.rtl {
            self.end
        } else {
            self.start
        }
    }

    /// The offset at the cell's right edge.
    pub fn right_offset(&self) -> usize {
        if self.rtl {
            self.start
        } else {
            self.end
        }
    }

    /// Whether the cell has a width (a bidi control or a joiner has none).
    pub fn visible(&self) -> bool {
        self.right - self.left > EPS
    }
}

/// A line read for editing: its cells left to right and the facts about its ends.
#[derive(Debug)]
pub(crate) struct LineCells {
    pub index: usize,
    pub range: Range<usize>,
    pub rtl: bool,
    /// The left and right x of the line's content and of the whitespace a cursor can stand after
    /// at its end (whitespace hanging at a soft wrap left out).
    pub left: f32,
    pub right: f32,
    /// The line's first cursor position: its start, but where a cluster straddles the wrap.
    pub first: usize,
    /// The offset End goes to: before a hard break, before the whitespace hanging at a soft
    /// wrap, else the line's end.
    pub end: usize,
    /// Whether another line follows this one without a hard break between them.
    pub soft_wrap: bool,
    pub cells: Vec<Cell>,
    /// The text's grapheme boundaries in `range` (ends included where they are boundaries),
    /// ascending.
    pub bounds: Vec<usize>,
    /// The indices of the visible cells, left to right.
    visible: Vec<u32>,
    /// The indices of the cells by their start in the text.
    by_start: Vec<u32>,
    /// Every cell's left and right edge is at or right of the one before it.
    monotone: bool,
    /// No two cells' text ranges overlap.
    disjoint: bool,
    /// The caret stops for moving right and left, each built on first use (`movement.rs`).
    pub stops: [OnceLock<Vec<(f32, Cursor)>>; 2],
    /// Of those, the ones at a word's edge.
    pub word_stops: [OnceLock<Vec<(f32, Cursor)>>; 2],
}

impl LineCells {
    /// Reads line `index` of `layout`.
    pub fn new(layout: &Layout, index: usize) -> LineCells {
        let line: &Line = &layout.lines()[index];
        let text = layout.text();
        let range = line.range();
        let line_text = &text[range.clone()];
        let hard = ends_with_hard_break(line_text);
        let last = index + 1 == layout.lines().len();
        let end = if hard {
            range.start + line_text.trim_end_matches(is_hard_break).len()
        } else if last {
            range.end
        } else {
            hanging_start(text, range.clone())
        };
        // The text's grapheme boundaries on the line (a soft wrap may fall inside a cluster, after
        // a space followed by a ZWJ: the line's ends are cut points but not cursor positions).
        let bounds = grapheme_bounds(text, range.clone());
        // End on a cursor position (it is one but where a cluster straddles the line's end).
        let end = match bounds.binary_search(&end) {
            Ok(_) => end,
            Err(k) => bounds.get(k.wrapping_sub(1)).copied().unwrap_or(range.start),
        };
        let mut cuts = bounds.clone();
        for edge in [range.start, range.end] {
            if let Err(k) = cuts.binary_search(&edge) {
                cuts.insert(k, edge);
            }
        }
        let mut cells = Vec::new();
        // A truncated line's ellipsis stands for text that is not shown: no cursor stops in it.
        for run in layout.runs(line).iter().filter(|r| !r.is_ellipsis()) {
            run_cells(layout, run, &cuts, &bounds, &mut cells);
        }
        // The line's extent for hit testing and carets: its content, and any whitespace at its
        // end that a cursor can stand after (all but what hangs at a soft wrap).
        let (mut left, mut right) = (line.x(), line.x() + line.width());
        for c in cells.iter().filter(|c| c.start < end) {
            left = left.min(c.left);
            right = right.max(c.right);
        }
        let monotone = cells
            .windows(2)
            .all(|w| w[0].left <= w[1].left && w[0].right <= w[1].right);
        let mut by_start: Vec<u32> = (0..cells.len() as u32).collect();
        by_start.sort_by_key(|&i| (cells[i as usize].start, i));
        let disjoint = by_start
            .windows(2)
            .all(|w| cells[w[0] as usize].end <= cells[w[1] as usize].start);
        let visible = (0..cells.len() as u32)
            .filter(|&i| cells[i as usize].visible())
            .collect();
        LineCells {
            index,
            first: bounds.first().copied().unwrap_or(range.start).min(end),
            range,
            rtl: line.level % 2 == 1,
            left,
            right,
            end,
            soft_wrap: !hard && !last,
            cells,
            bounds,
            visible,
            by_start,
            monotone,
            disjoint,
            stops: Default::default(),
            word_stops: Default::default(),
        }
    }

    /// The x of the line's start edge (right in a right-to-left line).
    pub fn start_edge(&self) -> f32 {
        if self.rtl {
            self.right
        } else {
            self.left
        }
    }

    /// The x of the line's end edge.
    pub fn end_edge(&self) -> f32 {
        if self.rtl {
            self.left
        } else {
            self.right
        }
    }

    /// The cell holding the grapheme that ends at `offset` (the first such left to right).
    pub fn cell_before(&self, offset: usize) -> Option<&Cell> {
        if !self.disjoint {
            return self.cells.iter().find(|c| c.start < offset && offset <= c.end);
        }
        // Ranges that do not overlap: the one starting last before `offset` is the only one.
        let k = self
            .by_start
            .partition_point(|&i| self.cells[i as usize].start < offset);
        let c = &self.cells[*self.by_start.get(k.checked_sub(1)?)? as usize];
        (offset <= c.end).then_some(c)
    }

    /// The cell holding the grapheme that starts at `offset` (the first such left to right).
    pub fn cell_after(&self, offset: usize) -> Option<&Cell> {
        if !self.disjoint {
            return self.cells.iter().find(|c| c.start <= offset && offset < c.end);
        }
        let k = self
            .by_start
            .partition_point(|&i| self.cells[i as usize].start <= offset);
        let c = &self.cells[*self.by_start.get(k.checked_sub(1)?)? as usize];
        (offset < c.end).then_some(c)
    }

    /// The cells overlapping the text `a..b`, left to right.
    pub fn cells_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Cell> + '_ {
        let overlaps = move |c: &&Cell| c.start < b && c.end > a;
        let found: Vec<&Cell> = if self.disjoint {
            // In text order from the first cell ending after `a`, then back to visual order.
            let from = self
                .by_start
                .partition_point(|&i| self.cells[i as usize].end <= a);
            let mut idx: Vec<u32> = self.by_start[from..]
                .iter()
                .copied()
                .take_while(|&i| self.cells[i as usize].start < b)
                .filter(|&i| overlaps(&&self.cells[i as usize]))
                .collect();
            idx.sort_unstable();
            idx.into_iter().map(|i| &self.cells[i as usize]).collect()
        } else {
            self.cells.iter().filter(overlaps).collect()
        };
        found.into_iter()
    }

    /// The first visible cell (left to right) with `left <= x < right`, else the nearest visible
    /// one (the first of several as near); `None` when no cell is visible.
    pub fn cell_at(&self, x: f32) -> Option<&Cell> {
        let distance = |c: &Cell| {
            if x < c.left {
                c.left - x
            } else {
                (x - c.right).max(0.0)
            }
        };
        if !self.monotone {
            let visible = || self.cells.iter().filter(|c| c.visible());
            return visible()
                .find(|c| c.left <= x && x < c.right)
                .or_else(|| visible().min_by(|a, b| distance(a).total_cmp(&distance(b))));
        }
        let cell = |k: usize| &self.cells[self.visible[k] as usize];
        // Rights rise: the cells right of x's cell start at p.
        let p = self
            .visible
            .partition_point(|&i| self.cells[i as usize].right <= x);
        if p < self.visible.len() && cell(p).left <= x {
            return Some(cell(p));
        }
        // The nearest: the last cell ending at or before x, or the first after it; of several
        // ending at the same x the first (min_by keeps the first of equals).
        let before = p.checked_sub(1).map(|k| {
            let r = cell(k).right;
            let first = self.visible[..k].partition_point(|&i| self.cells[i as usize].right < r);
            cell(first)
        });
        let after = (p < self.visible.len()).then(|| cell(p));
        match (before, after) {
            (Some(b), Some(a)) if distance(a).total_cmp(&distance(b)).is_lt() => Some(a),
            (Some(b), _) => Some(b),
            (None, a) => a,
        }
    }

    /// The cells that may have an edge within [`EPS`] of `edge`, left to right.
    pub fn cells_near(&self, edge: f32) -> &[Cell] {
        if !self.monotone {
            return &self.cells;
        }
        // A margin of another EPS, so that rounding at the bounds cannot leave a cell out.
        let from = self.cells.partition_point(|c| c.right < edge - 2.0 * EPS);
        let to = self.cells.partition_point(|c| c.left <= edge + 2.0 * EPS);
        self.cells.get(from..to.max(from)).unwrap_or(&[])
    }

    /// The last offset [`LineCells::offsets`] lists.
    pub fn last_offset(&self) -> usize {
        if self.soft_wrap && self.end < self.range.end {
            self.range.end - 1
        } else {
            self.end
        }
    }

    /// Every cursor offset on this line, ascending: the grapheme boundaries from the line's start
    /// to its end, but for the offset a soft wrap shares with the next line, which belongs there
    /// unless nothing hangs before it (then it is the line's end and is listed, as upstream).
    pub fn offsets(&self) -> impl Iterator<Item = usize> + '_ {
        let stop = self.last_offset();
        self.bounds.iter().copied().take_while(move |&b| b <= stop)
    }

    /// Whether `offset` is one of [`LineCells::offsets`].
    pub fn is_offset(&self, offset: usize) -> bool {
        offset <= self.last_offset() && self.bounds.binary_search(&offset).is_ok()
    }
}

/// The grapheme boundaries of `text` inside `range`, ends included where they are boundaries.
fn grapheme_bounds(text: &str, range: Range<usize>) -> Vec<usize> {
    use unicode_segmentation::GraphemeCursor;
    let mut out = Vec::new();
    let mut cursor = GraphemeCursor::new(range.start, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        out.push(range.start);
    }
    while let Ok(Some(b)) = cursor.next_boundary(text, 0) {
        if b > range.end {
            break;
        }
        out.push(b);
    }
    out
}

/// Appends the cells of `run`, left to right: cut at `cuts`, then parts of one grapheme (cut by
/// a run or glyph-cluster edge inside it) joined, `bounds` being the real grapheme boundaries.
fn run_cells(layout: &Layout, run: &Run, cuts: &[usize], bounds: &[usize], out: &mut Vec<Cell>) {
    let range = run.range();
    let rtl = run.level() % 2 == 1;
    // Glyph clusters: (first byte, left x, right x), merged per cluster, in logical order. A
    // glyph joins the first entry whose first byte is its cluster (a cluster outside the run's
    // range is held to it when first met).
    let mut clusters: Vec<(usize, f32, f32)> = Vec::new();
    let mut entry_of: HashMap<usize, usize> = HashMap::new();
    for (pen, g) in layout.pens(run) {
        let cluster = g.text_offset();
        // A justified space's stretch belongs to it: a click there is on the space.
        let step = g.advance + g.extra;
        let (l, r) = (pen.min(pen + step), pen.max(pen + step));
        match entry_of.get(&cluster) {
            Some(&k) => {
                let c = &mut clusters[k];
                c.1 = c.1.min(l);
                c.2 = c.2.max(r);
            }
            None => {
                let key = cluster.clamp(range.start, range.end);
                entry_of.entry(key).or_insert(clusters.len());
                clusters.push((key, l, r));
            }
        }
    }
    if clusters.is_empty() {
        return;
    }
    clusters.sort_by_key(|c| c.0);
    clusters[0].0 = range.start;
    let first = out.len();
    for (k, &(start, left, right)) in clusters.iter().enumerate() {
        let end = clusters.get(k + 1).map_or(range.end, |c| c.0);
        if end <= start {
            continue;
        }
        // The graphemes (or parts of one) inside this glyph cluster share its width evenly.
        let inner = &cuts[cuts.partition_point(|&b| b <= start)..cuts.partition_point(|&b| b < end)];
        let n = (inner.len() + 1) as f32;
        let w = (right - left) / n;
        let edges = std::iter::once(start)
            .chain(inner.iter().copied())
            .chain(std::iter::once(end));
        let mut prev = None;
        for (j, b) in edges.enumerate() {
            if let Some(a) = prev {
                let j = (j - 1) as f32;
                let (l, r) = if rtl {
                    (right - (j + 1.0) * w, right - j * w)
                } else {
                    (left + j * w, left + (j + 1.0) * w)
                };
                out.push(Cell {
                    start: a,
                    end: b,
                    left: l,
                    right: r,
                    rtl,
                });
            }
            prev = Some(b);
        }
    }
    // Parts of one grapheme (a cluster boundary inside it) become one cell, in one pass.
    let mut write = first;
    for read in first + 1..out.len() {
        let (cur, next) = (out[write], out[read]);
        if bounds.binary_search(&cur.end).is_err() && next.start == cur.end {
            let c = &mut out[write];
            c.end = next.end;
            c.left = c.left.min(next.left);
            c.right = c.right.max(next.right);
        } else {
            write += 1;
            out[write] = next;
        }
    }
    out.truncate((write + 1).min(out.len()));
    if rtl {
        out[first..].reverse();
    }
}
