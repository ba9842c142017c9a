//! The linear reference (see `mod.rs`).

use std::ops::Range;

use super::cells::LineCells;
use super::hit::EPS;
use super::Linear;
use crate::geometry::selection::SelectionRect;

impl Linear<'_> {
    pub(crate) fn selection_rects_into(
        &self,
        range: Range<usize>,
        extend: bool,
        out: &mut Vec<SelectionRect>,
    ) {
        let (a, b) = (self.clamp_offset(range.start), self.clamp_offset(range.end));
        let (a, b) = (a.min(b), a.max(b));
        if a == b {
            return;
        }
        let box_right = self.width().max(0.0);
        for (k, l) in self.lines().iter().enumerate() {
            if l.range.end <= a || l.range.start >= b {
                continue;
            }
            let line = LineCells::new(self, k);
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
                        y: line.top,
                        width: right - left,
                        height: line.height,
                    }),
                }
            };
            // Whitespace hanging at a soft wrap is not highlighted (it is outside the line's
            // content, and often past the box edge): as in Pango, where it has no width.
            let content_end = if line.soft_wrap { line.end } else { line.range.end };
            for c in line
                .cells
                .iter()
                .filter(|c| c.start < b.min(content_end) && c.end > a)
            {
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
