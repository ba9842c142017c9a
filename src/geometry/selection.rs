//! Selection geometry: a logical byte range to highlight rectangles, line by line in visual order.

use std::ops::Range;

use super::cells::EPS;
use crate::layout::Layout;

/// A rectangle to highlight: part of a selection on one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectionRect {
    /// The index of the line.
    pub line: usize,
    /// Left edge.
    pub x: f32,
    /// Top (the line box's top).
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height (the line box's height).
    pub height: f32,
}

impl Layout {
    /// The rectangles that highlight the text in `range`: per line, top to bottom, the visual
    /// pieces of the range left to right, touching pieces merged. A range that crosses a
    /// direction boundary is visually discontiguous, so one line can hold several rectangles.
    /// Both ends are clamped to cluster boundaries first ([`Layout::clamp_offset`]); a reversed
    /// range is taken the right way round. Whitespace hanging at the end of a wrapped line is not
    /// highlighted, and no rectangle leaves the layout's box.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let text = "אבג abc דה";
    /// let para = Paragraph::new(text, TextStyle::new("Noto Sans Hebrew, Noto Sans"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(300.0))?;
    /// // "ג ab": "c" stands between the start of "abc" and the end of the Hebrew word.
    /// let rects = layout.selection_rects(4..9);
    /// assert_eq!(rects.len(), 2);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn selection_rects(&self, range: Range<usize>) -> Vec<SelectionRect> {
        let mut out = Vec::new();
        self.selection_rects_into(range, false, &mut out);
        out
    }

    /// Like [`Layout::selection_rects`], appending to `out`. With `extend` set, a line the
    /// selection continues past is highlighted up to the box edge on its end side, and a line
    /// the selection comes from an earlier line into up to the box edge on its start side (what
    /// GTK paints; left out by default).
    pub fn selection_rects_into(&self, range: Range<usize>, extend: bool, out: &mut Vec<SelectionRect>) {
        let (a, b) = (self.clamp_offset(range.start), self.clamp_offset(range.end));
        let (a, b) = (a.min(b), a.max(b));
        if a == b {
            return;
        }
        let box_right = self.width().max(0.0);
        // The lines the range reaches into: from the first ending after `a`, while they start
        // before `b` (line ranges rise).
        let lines = self.lines();
        let from = lines.partition_point(|l| l.range.end <= a);
        for (k, l) in lines.iter().enumerate().skip(from) {
            if l.range.start >= b {
                break;
            }
            if l.range.end <= a {
                continue;
            }
            let line = self.line_cells(k);
            let first = out.len();
            let mut push = |left: f32, right: f32| {
                let (left, right) = (left.clamp(0.0, box_right), right.clamp(0.0, box_right));
                if right - left <= EPS {
                    return;
                }
                match out[first..]
                    .iter_mut()
                    .find(|r| left <= r.x + r.width + EPS && right + EPS >= r.x)
                {
                    Some(r) => {
                        let (l0, r0) = (r.x.min(left), (r.x + r.width).max(right));
                        r.x = l0;
                        r.width = r0 - l0;
                    }
                    None => out.push(SelectionRect {
                        line: k,
                        x: left,
                        y: l.top(),
                        width: right - left,
                        height: l.height(),
                    }),
                }
            };
            // Whitespace hanging at a soft wrap is not highlighted (it is outside the line's
            // content, and often past the box edge): as in Pango, where it has no width.
            let content_end = if line.soft_wrap { line.end } else { line.range.end };
            for c in line.cells_in(a, b.min(content_end)) {
                push(c.left, c.right);
            }
            if extend {
                if b > line.range.end {
                    if line.rtl {
                        push(0.0, line.left);
                    } else {
                        push(line.right, box_right);
                    }
                }
                if a < line.range.start {
                    if line.rtl {
                        push(line.right, box_right);
                    } else {
                        push(0.0, line.left);
                    }
                }
            }
            // Merging can make two earlier rectangles touch: merge again, then sort left to right.
            let rects = &mut out[first..];
            rects.sort_by(|p, q| p.x.total_cmp(&q.x));
            let mut merged: Vec<SelectionRect> = Vec::with_capacity(rects.len());
            for r in rects.iter() {
                match merged.last_mut() {
                    Some(m) if r.x <= m.x + m.width + EPS => {
                        let right = (m.x + m.width).max(r.x + r.width);
                        m.width = right - m.x;
                    }
                    _ => merged.push(*r),
                }
            }
            out.truncate(first);
            out.extend(merged);
        }
    }
}
