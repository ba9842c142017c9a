//! Layout: a [`Paragraph`] at a width, into lines of positioned glyph runs. Everything here is
//! width-dependent and cheap to repeat: nothing is reshaped but where a line is cut at a glyph
//! the shaper marked unsafe to break, and a warm context allocates nothing.
//!
//! In: a [`Paragraph`], [`LayoutOptions`], the shaper and the context's [`LayoutScratch`]. Out:
//! a [`Layout`]. The stages, in order (this file runs them):
//!
//! | file | stage | hands on |
//! |---|---|---|
//! | `line_break/` | where each line ends: first fit, optimal, balanced, pretty | line ranges |
//! | `truncate.rs` | lines dropped and cut for an ellipsis | `Cut`s |
//! | `reorder.rs` | each line's runs in visual order (UAX #9 L1, L2) | a `VisualLine` |
//! | `place.rs` | glyphs at x along the line: tabs, spacing, hyphens, the ellipsis | a `PlacedLine` |
//! | `justify.rs` | a justified line's slack into its spaces | |
//! | `metrics.rs` | the line's height and baseline | a `LineBox` |
//! | `decorate.rs` | underline and strikethrough rectangles | [`Decoration`]s |
//! | `boxes.rs` | inline boxes placed as runs, lines raised for them, their rectangles | [`PlacedBox`]es |
//! | `relayout.rs` | after an edit in place: only the lines it changed broken and laid again | |
//!
//! with `measure.rs` (a stretch of a line measured as it will be drawn) used by breaking and
//! truncation, `options.rs` ([`LayoutOptions`]) and `result.rs` ([`Layout`], [`Line`], [`Run`],
//! [`Glyph`]).

use std::ops::Range;
use std::sync::Arc;

pub(crate) mod boxes;
pub(crate) mod decorate;
pub(crate) mod justify;
pub(crate) mod line_break;
pub(crate) mod measure;
pub(crate) mod metrics;
pub(crate) mod options;
pub(crate) mod place;
pub(crate) mod relayout;
pub(crate) mod reorder;
pub(crate) mod result;
pub(crate) mod truncate;

pub use options::{
    Alignment, LayoutOptions, LineBreaking, LineHeight, OverflowWrap, TextWrap, Truncate, TruncateAt,
};
pub use result::{Decoration, DecorationKind, Glyph, Layout, Line, PlacedBox, Run};

use boxes::report_boxes;
use decorate::decorate_line;
use justify::justify;
use line_break::{break_paragraph, BreakScratch};
use metrics::{empty_line_metrics, line_box};
use place::{place_line, PlaceScratch};
use reorder::ReorderScratch;
use truncate::{truncate, Cut, TruncateScratch};

use crate::paragraph::Paragraph;
use crate::shape::{ShapedGlyph, Shaper};
use crate::text::chars::ends_with_hard_break;

/// Every layout stage's buffers, kept in the context so that a warm reflow allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct LayoutScratch {
    /// The byte range of each line.
    lines: Vec<Range<usize>>,
    breaking: BreakScratch,
    truncate: TruncateScratch,
    reorder: ReorderScratch,
    place: PlaceScratch,
    /// The lines an edit re-breaks, laid here before they go into the layout (`relayout.rs`).
    relaid: Layout,
}

/// Lays `para` out with `options` into `out` (cleared, options checked, by the caller).
pub(crate) fn layout_paragraph(
    para: &Paragraph,
    shaper: &mut Shaper,
    scratch: &mut LayoutScratch,
    options: &LayoutOptions,
    out: &mut Layout,
) {
    // Reflow into the same layout keeps the same text: skip the reference count's atomics.
    if !Arc::ptr_eq(&out.text, &para.text) {
        out.text = para.text.clone();
    }
    // Without wrapping, the layout is as wide as its widest line (hanging whitespace left out).
    let width = if options.get_wrap() {
        options.get_width()
    } else {
        para.natural_width()
    };
    out.width = width;
    out.direction = Some(para.direction());
    // Truncation without a line limit cuts instead of wrapping.
    let wraps = options.get_wrap() && (options.get_truncate().is_none() || options.get_max_lines().is_some());
    let max = if wraps { width } else { f32::INFINITY };
    let LayoutScratch {
        lines,
        breaking,
        truncate: cuts,
        reorder,
        place,
        ..
    } = scratch;
    break_paragraph(para, shaper, options, max, breaking, lines);
    truncate(para, shaper, cuts, options, width, lines);
    // A text ending at a hard break has an empty last line, where the caret after the break
    // stands (as in Pango and a browser's textarea); not when a line limit is reached.
    if options.get_final_line()
        && ends_with_hard_break(&para.text)
        && options.get_max_lines().is_none_or(|max| lines.len() < max)
    {
        lines.push(para.text.len()..para.text.len());
    }
    out.elided.extend(
        cuts.cuts
            .iter()
            .map(|(_, c)| c.elided())
            .filter(|r| !r.is_empty()),
    );
    if !cuts.cuts.is_empty() {
        let full = &para.ellipsis.text;
        out.ellipsis = Some(match full.get(..cuts.ellipsis_shown) {
            Some(shown) if shown.len() < full.len() => Arc::from(shown),
            _ => full.clone(),
        });
    }
    // A fresh layout grows once, not by doubling glyph by glyph (a reused one has the room).
    out.glyphs.reserve(para.glyphs.len() + 8);
    out.runs.reserve(para.items.len() + 2 * lines.len());
    out.lines.reserve(lines.len());
    let mut y = 0.0f32;
    let mut next_cut = 0;
    for (index, range) in lines.iter().enumerate() {
        // A cut line shows its pieces around the ellipsis.
        let cut = match cuts.cuts.get(next_cut) {
            Some((i, c)) if *i == index => {
                next_cut += 1;
                Some(c)
            }
            _ => None,
        };
        let line = LineToLay {
            range: range.clone(),
            cut,
            last: index + 1 == lines.len(),
            top: y,
        };
        y += lay_line(
            para,
            shaper,
            reorder,
            place,
            &cuts.ellipsis,
            options,
            width,
            &line,
            out,
        );
    }
    out.height = y;
}

/// One line to lay: its range, its cut if truncation cut it, whether it is the paragraph's
/// last, and its top.
struct LineToLay<'c> {
    range: Range<usize>,
    cut: Option<&'c Cut>,
    last: bool,
    top: f32,
}

/// Reorders, places, justifies, aligns and stacks one line (appending its glyphs, runs,
/// decorations and [`Line`] to `out`); returns its height.
#[allow(clippy::too_many_arguments)]
fn lay_line(
    para: &Paragraph,
    shaper: &mut Shaper,
    reorder: &mut ReorderScratch,
    place: &mut PlaceScratch,
    ellipsis: &[ShapedGlyph],
    options: &LayoutOptions,
    width: f32,
    line: &LineToLay<'_>,
    out: &mut Layout,
) -> f32 {
    let range = line.range.clone();
    let (visual, hyphen) = match line.cut {
        Some(c) => (reorder.cut(para, c), None),
        None => {
            let hyphen = para.hyphen_at_line_end(range.end).copied();
            (reorder.line(para, range.clone(), hyphen.as_ref()), hyphen)
        }
    };
    let hang_start = visual.hang_start;
    // The empty line after a final break is in the direction of the paragraph before it (as
    // Pango's auto direction: a paragraph without strong chars follows the one before).
    let level = para.paragraph_level_at(range.start.min(para.text.len().saturating_sub(1)));
    let rtl = level % 2 == 1;
    let (first_run, first_glyph) = (out.runs.len(), out.glyphs.len());
    let mut placed = place_line(para, shaper, place, &visual, range.clone(), hyphen, ellipsis, out);
    if out.runs.len() == first_run {
        // A line with nothing to draw (an empty paragraph, a blank line) still has a height.
        let m = empty_line_metrics(para, range.start);
        (placed.ascent, placed.descent, placed.gap) = (m.ascent, m.descent, m.line_gap);
    } else if placed.boxes.any {
        // A line holding boxes keeps at least its text's height (CSS's strut: a line box starts
        // with the paragraph's font), then grows to fit them.
        let m = empty_line_metrics(para, range.start);
        placed.ascent = placed.ascent.max(m.ascent);
        placed.descent = placed.descent.max(m.descent);
        placed.gap = placed.gap.max(m.line_gap);
        placed.boxes.apply(&mut placed.ascent, &mut placed.descent);
    }
    // Never below 0: with whitespace hanging far past the box (a tab to a far stop) the
    // difference of two large pens can round below the small width between them.
    let mut content = (placed.pen - placed.hang).max(0.0);
    // A justified line (not the last, not ending at a hard break, not cut) takes its slack
    // into its spaces; the others stay at the start edge.
    if options.get_align() == Alignment::Justify
        && !line.last
        && line.cut.is_none()
        && !ends_with_hard_break(&para.text[range.clone()])
    {
        content += justify(para, out, first_run, first_glyph, hang_start, width - content);
    }
    let x = aligned_x(options.get_align(), rtl, width - content);
    // Hanging whitespace sits at the line's end: the left side of a right-to-left line.
    let shift = if rtl { x - placed.hang } else { x };
    let lb = line_box(para, options.get_line_height(), &placed, range.start, line.top);
    for g in &mut out.glyphs[first_glyph..] {
        g.x += shift;
        g.y += lb.baseline;
    }
    for r in &mut out.runs[first_run..] {
        r.x += shift;
    }
    decorate_line(para, out, out.lines.len(), first_run, hang_start, lb.baseline);
    if placed.boxes.any {
        let metrics = (lb.baseline, placed.ascent, placed.descent);
        report_boxes(para, out, out.lines.len(), first_run, metrics);
    }
    out.lines.push(Line {
        range,
        top: line.top,
        height: lb.height,
        baseline: lb.baseline,
        ascent: placed.ascent,
        descent: placed.descent,
        x,
        width: content,
        level,
        runs: first_run..out.runs.len(),
    });
    lb.height
}

/// The x of a line's content `free` px narrower than the layout, aligned as asked.
fn aligned_x(alignment: Alignment, rtl: bool, free: f32) -> f32 {
    match (alignment, rtl) {
        (Alignment::Left, _) | (Alignment::Start | Alignment::Justify, false) | (Alignment::End, true) => 0.0,
        (Alignment::Right, _) | (Alignment::Start | Alignment::Justify, true) | (Alignment::End, false) => {
            free
        }
        (Alignment::Center, _) => free / 2.0,
    }
}
