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
use crate::text::graphemes::{grapheme_end, is_grapheme_boundary, next_boundary};

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
    /// The indices of the visible cells, left to right (`None`: every cell is).
    visible: Option<Vec<u32>>,
    /// The cells in text order.
    by_start: TextOrder,
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
        for run in layout
            .runs(line)
            .iter()
            .filter(|r| !r.is_ellipsis() && !r.is_added_hyphen())
        {
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
        let by_start = TextOrder::of(&cells);
        let disjoint = (1..cells.len())
            .all(|k| cells[by_start.cell(k - 1, &cells)].end <= cells[by_start.cell(k, &cells)].start);
        let visible = (!cells.iter().all(Cell::visible)).then(|| {
            (0..cells.len() as u32)
                .filter(|&i| cells[i as usize].visible())
                .collect()
        });
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
        let k = self.partition_by_start(|c| c.start < offset);
        let c = &self.cells[self.by_start.cell(k.checked_sub(1)?, &self.cells)];
        (offset <= c.end).then_some(c)
    }

    /// The cell holding the grapheme that starts at `offset` (the first such left to right).
    pub fn cell_after(&self, offset: usize) -> Option<&Cell> {
        if !self.disjoint {
            return self.cells.iter().find(|c| c.start <= offset && offset < c.end);
        }
        let k = self.partition_by_start(|c| c.start <= offset);
        let c = &self.cells[self.by_start.cell(k.checked_sub(1)?, &self.cells)];
        (offset < c.end).then_some(c)
    }

    /// The cells overlapping the text `a..b`, left to right.
    pub fn cells_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Cell> + '_ {
        let overlaps = move |c: &&Cell| c.start < b && c.end > a;
        let found: Vec<&Cell> = if self.disjoint {
            // In text order from the first cell ending after `a`, then back to visual order.
            let from = self.partition_by_start(|c| c.end <= a);
            let mut idx: Vec<usize> = (from..self.cells.len())
                .map(|k| self.by_start.cell(k, &self.cells))
                .take_while(|&i| self.cells[i].start < b)
                .filter(|&i| overlaps(&&self.cells[i]))
                .collect();
            idx.sort_unstable();
            idx.into_iter().map(|i| &self.cells[i]).collect()
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
        let n = self.visible.as_ref().map_or(self.cells.len(), Vec::len);
        let cell = |k: usize| match &self.visible {
            Some(v) => &self.cells[v[k] as usize],
            None => &self.cells[k],
        };
        // Rights rise: the cells right of x's cell start at p.
        let p = partition(n, |k| cell(k).right <= x);
        if p < n && cell(p).left <= x {
            return Some(cell(p));
        }
        // The nearest: the last cell ending at or before x, or the first after it; of several
        // ending at the same x the first (min_by keeps the first of equals).
        let before = p.checked_sub(1).map(|k| {
            let r = cell(k).right;
            cell(partition(k, |j| cell(j).right < r))
        });
        let after = (p < n).then(|| cell(p));
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

    /// The first position in text order whose cell fails `pred` (which holds for a prefix).
    fn partition_by_start(&self, pred: impl Fn(&Cell) -> bool) -> usize {
        partition(self.cells.len(), |k| {
            pred(&self.cells[self.by_start.cell(k, &self.cells)])
        })
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

/// The order of a line's cells in the text: as on screen (a left-to-right line), reversed (a
/// right-to-left one), or by a table.
#[derive(Debug)]
enum TextOrder {
    Visual,
    Reversed,
    Indexed(Vec<u32>),
}

impl TextOrder {
    /// The order of `cells` by start (and on screen among equal starts).
    fn of(cells: &[Cell]) -> TextOrder {
        if cells.windows(2).all(|w| w[0].start <= w[1].start) {
            TextOrder::Visual
        } else if cells.windows(2).all(|w| w[0].start > w[1].start) {
            TextOrder::Reversed
        } else {
            let mut by_start: Vec<u32> = (0..cells.len() as u32).collect();
            by_start.sort_by_key(|&i| (cells[i as usize].start, i));
            TextOrder::Indexed(by_start)
        }
    }

    /// The index of the `k`th cell in text order.
    #[inline]
    fn cell(&self, k: usize, cells: &[Cell]) -> usize {
        match self {
            TextOrder::Visual => k,
            TextOrder::Reversed => cells.len() - 1 - k,
            TextOrder::Indexed(v) => v[k] as usize,
        }
    }
}

/// The first of `0..n` where `pred` fails, `pred` holding for a prefix (a bisection).
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The grapheme boundaries of `text` inside `range`, ends included where they are boundaries.
fn grapheme_bounds(text: &str, range: Range<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    // The first boundary at or after the range's start (a soft wrap may fall inside a cluster),
    // then cluster after cluster (with the ASCII shortcut of `grapheme_end`).
    let mut b = if is_grapheme_boundary(text, range.start) {
        range.start
    } else {
        next_boundary(text, range.start)
    };
    while b <= range.end {
        out.push(b);
        if b >= text.len() {
            break;
        }
        b = grapheme_end(text, b);
    }
    out
}

/// The glyph clusters of `run`: (first byte, left x, right x), merged per cluster, in the order
/// first met. A glyph joins the first entry whose first byte is its cluster (a cluster outside
/// the run's range is held to it when first met).
fn glyph_clusters(layout: &Layout, run: &Run) -> Vec<(usize, f32, f32)> {
    let range = run.range();
    let mut clusters: Vec<(usize, f32, f32)> = Vec::new();
    // Clusters come in order (rising, or falling in a right-to-left run) and a glyph usually
    // starts a cluster no entry has, or continues the last one: the search for an earlier entry
    // (a table of where each first byte was first met) is made only when neither holds.
    let (mut lowest, mut highest) = (usize::MAX, 0usize);
    let mut entry_of: Option<HashMap<usize, usize>> = None;
    let mut last: Option<(usize, usize)> = None;
    for (pen, g) in layout.pens(run) {
        let cluster = g.text_offset();
        // A justified space's stretch belongs to it: a click there is on the space.
        let step = g.advance + g.extra;
        let (l, r) = (pen.min(pen + step), pen.max(pen + step));
        let found = match last {
            Some((raw, k)) if raw == cluster && clusters[k].0 == cluster => Some(k),
            _ if clusters.is_empty() || cluster > highest || cluster < lowest => None,
            _ => entry_of
                .get_or_insert_with(|| {
                    let mut map = HashMap::new();
                    for (k, c) in clusters.iter().enumerate() {
                        map.entry(c.0).or_insert(k);
                    }
                    map
                })
                .get(&cluster)
                .copied(),
        };
        let k = match found {
            Some(k) => {
                let c = &mut clusters[k];
                c.1 = c.1.min(l);
                c.2 = c.2.max(r);
                k
            }
            None => {
                let key = cluster.clamp(range.start, range.end);
                (lowest, highest) = (lowest.min(key), highest.max(key));
                if let Some(map) = entry_of.as_mut() {
                    map.entry(key).or_insert(clusters.len());
                }
                clusters.push((key, l, r));
                clusters.len() - 1
            }
        };
        last = Some((cluster, k));
    }
    clusters
}

/// Appends the cells of `run`, left to right: cut at `cuts`, then parts of one grapheme (cut by
/// a run or glyph-cluster edge inside it) joined, `bounds` being the real grapheme boundaries.
fn run_cells(layout: &Layout, run: &Run, cuts: &[usize], bounds: &[usize], out: &mut Vec<Cell>) {
    let range = run.range();
    let rtl = run.level() % 2 == 1;
    let mut clusters = glyph_clusters(layout, run);
    if clusters.is_empty() {
        return;
    }
    clusters.sort_by_key(|c| c.0);
    clusters[0].0 = range.start;
    let first = out.len();
    // Clusters rise: the cuts inside each are found by walking forward through `cuts`.
    let mut cut = cuts.partition_point(|&b| b <= clusters[0].0);
    for (k, &(start, left, right)) in clusters.iter().enumerate() {
        let end = clusters.get(k + 1).map_or(range.end, |c| c.0);
        if end <= start {
            continue;
        }
        // The graphemes (or parts of one) inside this glyph cluster share its width evenly.
        while cut < cuts.len() && cuts[cut] <= start {
            cut += 1;
        }
        let mut upto = cut;
        while upto < cuts.len() && cuts[upto] < end {
            upto += 1;
        }
        let inner = &cuts[cut..upto];
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
    // Cells come in text order here: whether a cell's end is a boundary is found by walking
    // forward through `bounds` (ends only grow).
    let mut bound = 0;
    let is_bound = |bound: &mut usize, at: usize| {
        while *bound < bounds.len() && bounds[*bound] < at {
            *bound += 1;
        }
        bounds.get(*bound) == Some(&at)
    };
    for read in first + 1..out.len() {
        let (cur, next) = (out[write], out[read]);
        if !is_bound(&mut bound, cur.end) && next.start == cur.end {
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
