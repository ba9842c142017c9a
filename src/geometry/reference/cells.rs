//! The linear reference (see `mod.rs`).

use std::ops::Range;

use crate::layout::{Layout, Line};
use crate::text::chars::{ends_with_hard_break, hanging_start, is_hard_break};
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cell {
    pub start: usize,
    pub end: usize,
    pub left: f32,
    pub right: f32,
    pub rtl: bool,
}

impl Cell {
    pub(crate) fn leading(&self) -> f32 {
        if self.rtl {
            self.right
        } else {
            self.left
        }
    }
    pub(crate) fn trailing(&self) -> f32 {
        if self.rtl {
            self.left
        } else {
            self.right
        }
    }
    pub(crate) fn left_offset(&self) -> usize {
        if self.rtl {
            self.end
        } else {
            self.start
        }
    }
    pub(crate) fn right_offset(&self) -> usize {
        if self.rtl {
            self.start
        } else {
            self.end
        }
    }
}
#[derive(Debug, Clone)]
pub(crate) struct LineCells {
    pub index: usize,
    pub range: Range<usize>,
    pub rtl: bool,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub height: f32,
    pub first: usize,
    pub end: usize,
    pub soft_wrap: bool,
    pub cells: Vec<Cell>,
    pub bounds: Vec<usize>,
}

impl LineCells {
    pub(crate) fn new(layout: &Layout, index: usize) -> LineCells {
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
        LineCells {
            index,
            first: bounds.first().copied().unwrap_or(range.start).min(end),
            range,
            rtl: line.level % 2 == 1,
            left,
            right,
            top: line.top(),
            height: line.height(),
            end,
            soft_wrap: !hard && !last,
            cells,
            bounds,
        }
    }
    pub(crate) fn start_edge(&self) -> f32 {
        if self.rtl {
            self.right
        } else {
            self.left
        }
    }
    pub(crate) fn end_edge(&self) -> f32 {
        if self.rtl {
            self.left
        } else {
            self.right
        }
    }
    pub(crate) fn cell_before(&self, offset: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.start < offset && offset <= c.end)
    }
    pub(crate) fn cell_after(&self, offset: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.start <= offset && offset < c.end)
    }
    pub(crate) fn offsets(&self) -> impl Iterator<Item = usize> + '_ {
        let stop = if self.soft_wrap && self.end < self.range.end {
            self.range.end - 1
        } else {
            self.end
        };
        self.bounds.iter().copied().filter(move |&b| b <= stop)
    }
}
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
fn run_cells(
    layout: &Layout,
    run: &crate::layout::Run,
    cuts: &[usize],
    bounds: &[usize],
    out: &mut Vec<Cell>,
) {
    let range = run.range();
    let rtl = run.level() % 2 == 1;
    // Glyph clusters: (first byte, left x, right x), merged per cluster, in logical order.
    let mut clusters: Vec<(usize, f32, f32)> = Vec::new();
    for (pen, g) in layout.pens(run) {
        let cluster = g.text_offset();
        // A justified space's stretch belongs to it: a click there is on the space.
        let step = g.advance + g.extra;
        let (l, r) = (pen.min(pen + step), pen.max(pen + step));
        match clusters.iter_mut().find(|c| c.0 == cluster) {
            Some(c) => {
                c.1 = c.1.min(l);
                c.2 = c.2.max(r);
            }
            None => clusters.push((cluster.clamp(range.start, range.end), l, r)),
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
        let cuts: Vec<usize> = std::iter::once(start)
            .chain(cuts.iter().copied().filter(|&b| b > start && b < end))
            .chain(std::iter::once(end))
            .collect();
        let n = (cuts.len() - 1) as f32;
        let w = (right - left) / n;
        for (j, pair) in cuts.windows(2).enumerate() {
            let j = j as f32;
            let (l, r) = if rtl {
                (right - (j + 1.0) * w, right - j * w)
            } else {
                (left + j * w, left + (j + 1.0) * w)
            };
            out.push(Cell {
                start: pair[0],
                end: pair[1],
                left: l,
                right: r,
                rtl,
            });
        }
    }
    // Parts of one grapheme (a cluster boundary inside it) become one cell.
    let mut k = first;
    while k + 1 < out.len() {
        if bounds.binary_search(&out[k].end).is_err() && out[k + 1].start == out[k].end {
            let next = out.remove(k + 1);
            out[k].end = next.end;
            out[k].left = out[k].left.min(next.left);
            out[k].right = out[k].right.max(next.right);
        } else {
            k += 1;
        }
    }
    if rtl {
        out[first..].reverse();
    }
}
