//! Inline boxes on their lines: a box's item placed as a run of one stand-in glyph as wide as
//! the box, the line raised to fit it, and its rectangle reported once the line's baseline and
//! x are known.

use super::reorder::LineRun;
use super::result::{Glyph, Layout, PlacedBox, Run};
use crate::paragraph::Paragraph;
use crate::style::{BoxAlign, InlineBox};
use crate::text::TextRange;

/// What boxes ask of their line's height: the ascent and descent of those aligned on the
/// baseline or the middle, and the tallest aligned to the top and to the bottom.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BoxExtent {
    pub ascent: f32,
    pub descent: f32,
    pub top: f32,
    pub bottom: f32,
    pub any: bool,
}

impl BoxExtent {
    /// The line's ascent and descent grown for its boxes: a box aligned to the top (bottom) that
    /// is taller than the content reaches further down (up).
    pub fn apply(&self, ascent: &mut f32, descent: &mut f32) {
        *ascent = ascent.max(self.ascent);
        *descent = descent.max(self.descent);
        if self.top > *ascent + *descent {
            *descent = self.top - *ascent;
        }
        if self.bottom > *ascent + *descent {
            *ascent = self.bottom - *descent;
        }
    }
}

/// The x-height of the paragraph's base face: what [`BoxAlign::Middle`] centres on.
fn base_x_height(para: &Paragraph) -> f32 {
    para.fonts[para.primary_font[0]].x_height(para.styles[0].font_size())
}

/// Places the box of the line run `lr` (its item a box) at `pen` as a run of one glyph, moving
/// the pen past it, and notes what it asks of the line's height in `extent`.
pub(crate) fn place_box(
    para: &Paragraph,
    lr: &LineRun,
    pen: &mut f32,
    extent: &mut BoxExtent,
    out: &mut Layout,
) {
    let item = &para.items[lr.item];
    let Some(index) = item.inline_box else {
        return;
    };
    let b: &InlineBox = &para.boxes[index as usize].1;
    let style = &para.styles[item.style];
    let first = out.glyphs.len();
    out.glyphs.push(Glyph {
        id: 0,
        cluster: item.range.start as u32,
        x: *pen,
        y: 0.0,
        advance: b.width(),
        extra: 0.0,
    });
    out.runs.push(Run {
        range: TextRange::new(item.range.clone()),
        font: para.fonts[item.font].clone(),
        size: style.font_size(),
        level: lr.level,
        script: item.script,
        language: None,
        glyphs: first..out.glyphs.len(),
        x: *pen,
        width: b.width(),
        ellipsis: false,
        inline_box: true,
        style: item.style as u32,
        paint: style.paint_id(),
    });
    *pen += b.width();
    extent.any = true;
    match b.get_align() {
        BoxAlign::Top => extent.top = extent.top.max(b.height()),
        BoxAlign::Bottom => extent.bottom = extent.bottom.max(b.height()),
        BoxAlign::Baseline | BoxAlign::Middle => {
            let (above, below) = b.extent(base_x_height(para));
            extent.ascent = extent.ascent.max(above);
            extent.descent = extent.descent.max(below);
        }
    }
}

/// Reports the boxes of line `line` (its runs from `first_run`, placed and aligned): each box
/// run's rectangle, from the line's `baseline`, `ascent` and `descent`.
pub(crate) fn report_boxes(
    para: &Paragraph,
    out: &mut Layout,
    line: usize,
    first_run: usize,
    (baseline, ascent, descent): (f32, f32, f32),
) {
    let x_height = base_x_height(para);
    let first_box = out.boxes.len();
    for k in first_run..out.runs.len() {
        let run = &out.runs[k];
        if !run.inline_box {
            continue;
        }
        let start = run.range().start;
        let Ok(index) = para.boxes.binary_search_by_key(&start, |b| b.0) else {
            continue;
        };
        let (offset, b) = &para.boxes[index];
        let y = match b.get_align() {
            BoxAlign::Top => baseline - ascent,
            BoxAlign::Bottom => baseline + descent - b.height(),
            BoxAlign::Baseline | BoxAlign::Middle => baseline - b.extent(x_height).0,
        };
        out.boxes.push(PlacedBox {
            id: b.id(),
            offset: *offset,
            line,
            x: out.runs[k].x,
            y,
            width: b.width(),
            height: b.height(),
        });
    }
    // In text order (a right-to-left line's runs come right to left), so that a run's box is
    // found by its offset.
    out.boxes[first_box..].sort_by_key(|b| b.offset);
}
