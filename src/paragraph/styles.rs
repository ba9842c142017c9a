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
