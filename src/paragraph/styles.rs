//! The merged style of each stretch of a paragraph's text, asked by position: the one style
//! lookup of building, line breaking, positioning and decorating.

use std::ops::Range;

use crate::style::TextStyle;
use crate::text::chars::{is_word_separator, takes_no_spacing};

/// The stretch of one merged style holding `pos` and its index into the styles, in
/// `style_runs` ((start, style) ascending from 0) of a text `len` bytes long.
#[inline]
pub(crate) fn style_run_at(style_runs: &[(usize, usize)], len: usize, pos: usize) -> (Range<usize>, usize) {
    let k = style_runs.partition_point(|&(start, _)| start <= pos);
    let (start, style) = style_runs.get(k.wrapping_sub(1)).copied().unwrap_or((0, 0));
    let end = style_runs.get(k).map_or(len, |r| r.0);
    (start..end, style)
}

/// `spacing` after a cluster `advance` px wide, held so that the cluster's advance with it is
/// not below zero. CSS lets letter and word spacing be negative with "implementation-dependent
/// limits" (CSS Text 3, §8.2): this is shrift's limit. Clusters may overlap completely but the pen
/// never moves back, so a line is never narrower than nothing, glyphs stay in reading order, and
/// carets, hit testing and selections (which read pen positions) keep working.
#[inline]
pub(crate) fn clamp_spacing(spacing: f32, advance: f32) -> f32 {
    if spacing < 0.0 {
        spacing.max(-advance.max(0.0))
    } else {
        spacing
    }
}

/// Letter spacing, plus word spacing for a word separator, of the style at `pos` (a cluster's
/// first byte); 0 for the chars letter spacing skips.
pub(crate) fn spacing_after(
    text: &str,
    styles: &[TextStyle],
    style_runs: &[(usize, usize)],
    pos: usize,
) -> f32 {
    let Some(c) = text.get(pos..).and_then(|t| t.chars().next()) else {
        return 0.0;
    };
    if takes_no_spacing(c) {
        return 0.0;
    }
    let style = &styles[style_run_at(style_runs, text.len(), pos).1];
    let word = if is_word_separator(c) {
        style.word_spacing_px()
    } else {
        0.0
    };
    style.letter_spacing_px() + word
}
