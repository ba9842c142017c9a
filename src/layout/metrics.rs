//! Line metrics: how tall a line is and where its baseline sits, from the faces it holds and the
//! line-height mode.

use super::options::LineHeight;
use super::place::PlacedLine;
use crate::font::FontMetrics;
use crate::paragraph::Paragraph;

/// A line's box: its height and its baseline's y.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineBox {
    pub height: f32,
    pub baseline: f32,
}

/// The metrics of a line with nothing to draw (an empty paragraph, a blank line) at `pos`: the
/// first face of its style at the style's size.
pub(crate) fn empty_line_metrics(para: &Paragraph, pos: usize) -> FontMetrics {
    let style = para.empty_line_style(pos);
    para.fonts[para.primary_font[style]].metrics(para.styles[style].font_size())
}

/// The box of the line starting at `start` whose top is at `top`, holding what `placed` says
/// (its metrics those of an empty line where it drew nothing), in line-height `mode`.
pub(crate) fn line_box(
    para: &Paragraph,
    mode: LineHeight,
    placed: &PlacedLine,
    start: usize,
    top: f32,
) -> LineBox {
    let (ascent, descent, gap) = (placed.ascent, placed.descent, placed.gap);
    // The paragraph's first face at the base size: CSS's strut, for the fixed pitches.
    let strut = || para.fonts[para.primary_font[0]].metrics(para.styles[0].font_size());
    let (height, a, d) = match mode {
        LineHeight::Natural(f) => ((ascent + descent + gap) * f, ascent, descent),
        LineHeight::FontSize(f) => {
            let size = if placed.largest_size > 0.0 {
                placed.largest_size
            } else {
                para.styles[para.empty_line_style(start)].font_size()
            };
            (size * f, ascent, descent)
        }
        // A fixed pitch keeps a baseline grid: the baseline sits where the paragraph's first
        // face puts it, whatever faces the line holds.
        LineHeight::Px(px) => {
            let m = strut();
            (px, m.ascent, m.descent)
        }
        LineHeight::Uniform(f) => {
            let m = strut();
            ((m.ascent + m.descent + m.line_gap) * f, m.ascent, m.descent)
        }
    };
    LineBox {
        height,
        baseline: top + (height - (a + d)) / 2.0 + a,
    }
}
