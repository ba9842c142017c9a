//! Decorations: the underline and strikethrough rectangles of a laid-out line.
//!
//! In: a positioned line (its runs and glyphs, its baseline) and the styles of the paragraph.
//! Out: one rectangle per stretch of the line whose runs share a decoration, a paint and a
//! stroke (position and thickness). A decoration's stroke comes from the first face of its
//! style's stack at the style's size ([`Font::decoration_metrics`]), so an underline keeps one
//! height across a Yiddish word and an English one set in different faces of the same style (CSS
//! draws a decorating box's line from its first available font in the same way). Whitespace
//! hanging at the line's end is not decorated; justified and spaced gaps between words are.
//!
//! [`Font::decoration_metrics`]: crate::Font::decoration_metrics

use super::result::{Decoration, DecorationKind, Layout};
use crate::paragraph::Paragraph;

/// Appends the decorations of the line `line` (index), whose runs start at `first_run` and whose
/// whitespace from `hang_start` on hangs, at `baseline`.
pub(crate) fn decorate_line(
    para: &Paragraph,
    out: &mut Layout,
    line: usize,
    first_run: usize,
    hang_start: usize,
    baseline: f32,
) {
    if !para.decorated {
        return;
    }
    let first_decoration = out.decorations.len();
    for r in first_run..out.runs.len() {
        let run = &out.runs[r];
        let style = &para.styles[run.style_index()];
        // CSS draws no text decoration across an atomic inline (an inline box).
        if (!style.is_underlined() && !style.is_struck_through()) || run.inline_box {
            continue;
        }
        // The run's ink extent, hanging whitespace left out (an ellipsis never hangs).
        let (mut left, mut right) = (f32::INFINITY, f32::NEG_INFINITY);
        for (pen, g) in out.pens(run) {
            if run.ellipsis || g.text_offset() < hang_start {
                left = left.min(pen);
                right = right.max(pen + g.advance + g.extra);
            }
        }
        if left >= right {
            continue;
        }
        let metrics = para.fonts[para.primary_font[run.style_index()]].decoration_metrics(style.font_size());
        let paint = run.paint;
        let strokes = [
            (
                style.is_underlined(),
                DecorationKind::Underline,
                metrics.underline_position,
                metrics.underline_thickness,
            ),
            (
                style.is_struck_through(),
                DecorationKind::Strikethrough,
                metrics.strikethrough_position,
                metrics.strikethrough_thickness,
            ),
        ];
        for (on, kind, position, thickness) in strokes {
            if !on {
                continue;
            }
            let y = baseline - position;
            // Runs come left to right: one that continues the same stroke extends it.
            let same = out.decorations[first_decoration..].iter_mut().rev().find(|d| {
                d.kind == kind
                    && d.paint == paint
                    && (d.y - y).abs() < 1e-3
                    && (d.thickness - thickness).abs() < 1e-3
            });
            match same {
                Some(d) if (d.x + d.width - left).abs() < 0.01 => d.width = right - d.x,
                _ => out.decorations.push(Decoration {
                    kind,
                    line,
                    x: left,
                    y,
                    width: right - left,
                    thickness,
                    paint,
                }),
            }
        }
    }
}
