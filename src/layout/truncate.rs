//! Truncation: where a line too long for its box is cut, and the order of its pieces around the
//! ellipsis.
//!
//! Cuts are chosen in logical order on shaped widths, measured the way positioning will lay the
//! pieces out (a piece cut at a point the shaper marked unsafe is reshaped, so it is measured
//! reshaped). The ellipsis takes the paragraph's base level; by rule L2 a char at the base level
//! splits every higher-level stretch, so the visual line is the pieces reordered each on its own,
//! with the ellipsis between them in the base direction: A … B left to right, B … A right to
//! left. That is why an RTL paragraph's ellipsis lands at the line's left end even when the cut
//! falls inside an English phrase.

use std::ops::Range;

use super::measure::{Measure, FIT_EPSILON};
use super::options::{LayoutOptions, Truncate, TruncateAt};
use crate::paragraph::Paragraph;
use crate::shape::{ShapedGlyph, Shaper};
use crate::text::chars::{hanging_start, hangs};
use crate::text::graphemes;
use crate::text::graphemes::{is_grapheme_boundary, next_boundary, prev_boundary};

/// A line shown in two pieces with the ellipsis between them: `a` from the line's start, `b` to
/// its end; either may be empty. The text between `a.end` and `b.start` is elided.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cut {
    pub a: Range<usize>,
    pub b: Range<usize>,
}

impl Cut {
    pub fn elided(&self) -> Range<usize> {
        self.a.end..self.b.start
    }
}

/// Where the kept text of `range` ends: before the whitespace that hangs, and on to the end of
/// the grapheme cluster that whitespace begins inside (a ZWJ or ZWNJ after the last letter
/// hangs by rule L1 but is part of the letter's cluster, and stays with it, with no advance).
fn kept_end(para: &Paragraph, range: Range<usize>) -> usize {
    let end = hanging_start(&para.text, range.clone());
    if end == range.end || is_grapheme_boundary(&para.text, end) {
        end
    } else {
        next_boundary(&para.text, end).min(range.end)
    }
}

/// Where the kept text of `range` starts: after the whitespace that would stand between the
/// ellipsis and the kept text, and back to the start of the grapheme cluster that whitespace
/// ends inside (a space with a combining mark on it stays whole).
fn kept_start(para: &Paragraph, range: Range<usize>) -> usize {
    let start = range.end - para.text[range.clone()].trim_start_matches(hangs).len();
    if start == range.start || is_grapheme_boundary(&para.text, start) {
        start
    } else {
        prev_boundary(&para.text, start).max(range.start)
    }
}

/// The offsets a piece of `range` may end or start at: grapheme boundaries, or with
/// [`TruncateAt::Word`] the line-break opportunities inside it (graphemes again where there are
/// none). Ascending, without the range's ends.
fn candidates(para: &Paragraph, range: &Range<usize>, at: TruncateAt, out: &mut Vec<usize>) {
    out.clear();
    if at == TruncateAt::Word {
        let segs = &para.segments;
        let first = segs.partition_point(|s| s.range().end <= range.start);
        out.extend(
            segs[first..]
                .iter()
                .map(|s| s.range().end)
                .take_while(|&e| e < range.end)
                .filter(|&e| e > range.start),
        );
        if !out.is_empty() {
            return;
        }
    }
    out.extend(
        graphemes(&para.text[range.clone()])
            .map(|(off, _)| range.start + off)
            .filter(|&p| p > range.start),
    );
}

/// The cut of `line` that keeps as much as fits in `width` with an ellipsis `ellipsis` wide, or
/// `None` when the whole line fits as it is. `clamp` marks the last line kept by `max_lines`:
/// the text goes on after it, so it always gets the ellipsis (cut at its end), even when it fits.
#[allow(clippy::too_many_arguments)]
pub(crate) fn cut_line(
    para: &Paragraph,
    measure: &mut Measure<'_>,
    line: Range<usize>,
    width: f32,
    ellipsis: f32,
    mode: Truncate,
    at: TruncateAt,
    clamp: bool,
    stops: &mut Vec<usize>,
) -> Option<Cut> {
    let body = line.start..kept_end(para, line.clone());
    let fits = |m: &mut Measure<'_>, r: Range<usize>, room: f32| r.is_empty() || m.width(r) <= room;
    if clamp {
        // The line's own end (its hanging whitespace dropped) when it fits with the ellipsis.
        let rest = body.end..para.text.len();
        if fits(measure, body.clone(), width - ellipsis) {
            return Some(Cut {
                a: body,
                b: rest.end..rest.end,
            });
        }
        let end = last_fitting_end(para, measure, &body, width - ellipsis, at, stops);
        return Some(Cut {
            a: line.start..end,
            b: para.text.len()..para.text.len(),
        });
    }
    if fits(measure, body.clone(), width) {
        return None;
    }
    let tail = body.end..line.end;
    let room = width - ellipsis;
    Some(match mode {
        Truncate::End => Cut {
            a: line.start..last_fitting_end(para, measure, &body, room, at, stops),
            b: tail,
        },
        Truncate::Start => Cut {
            a: line.start..line.start,
            b: first_fitting_start(para, measure, &body, room, at, stops)..line.end,
        },
        Truncate::Middle => {
            // Half the room to the start, the rest (with what the start left) to the end.
            let a_end = last_fitting_end(para, measure, &body, room / 2.0, at, stops);
            let used = measure.width(line.start..a_end);
            let from = a_end..body.end;
            let b_start = first_fitting_start(para, measure, &from, room - used, at, stops);
            Cut {
                a: line.start..a_end,
                b: b_start..line.end,
            }
        }
    })
}

/// The largest stop `e` in `body` such that `body.start..e` (its hanging whitespace dropped)
/// fits `room`; `body.start` when none does.
fn last_fitting_end(
    para: &Paragraph,
    measure: &mut Measure<'_>,
    body: &Range<usize>,
    room: f32,
    at: TruncateAt,
    stops: &mut Vec<usize>,
) -> usize {
    candidates(para, body, at, stops);
    let end_at = |stop: usize| kept_end(para, body.start..stop);
    // Widths grow with the end: the stops that fit come first.
    let fitting = stops.partition_point(|&stop| measure.width(body.start..end_at(stop)) <= room);
    fitting.checked_sub(1).map_or(body.start, |k| end_at(stops[k]))
}

/// The smallest stop `s` in `body` such that `s..body.end` (whitespace at its start dropped)
/// fits `room`; `body.end` when none does.
fn first_fitting_start(
    para: &Paragraph,
    measure: &mut Measure<'_>,
    body: &Range<usize>,
    room: f32,
    at: TruncateAt,
    stops: &mut Vec<usize>,
) -> usize {
    candidates(para, body, at, stops);
    let start_at = |stop: usize| kept_start(para, stop..body.end);
    // Widths shrink as the start moves on: the stops that fit come last.
    let too_wide = stops.partition_point(|&stop| measure.width(start_at(stop)..body.end) > room);
    stops.get(too_wide).map_or(body.end, |&stop| start_at(stop))
}

/// Truncation's output and tables, kept in the context: the cut lines of the current layout and
/// the ellipsis shaped for it (positioning reads both), and each line's candidate cuts.
#[derive(Debug, Default)]
pub(crate) struct TruncateScratch {
    /// The cut lines: (line index, cut), ascending.
    pub cuts: Vec<(usize, Cut)>,
    /// The ellipsis, shaped for the current layout (cut to the clusters that fit the width).
    pub ellipsis: Vec<ShapedGlyph>,
    /// How many bytes of the ellipsis string those glyphs show.
    pub ellipsis_shown: usize,
    /// Candidate cut offsets of one line.
    stops: Vec<usize>,
}

/// Cuts the shaped ellipsis `glyphs` (of a string `len` bytes long) to the clusters that fit
/// `width`, in reading order, as CSS clips an ellipsis wider than its box; returns how many bytes
/// of the string the kept glyphs show. Rare, so the table it builds may allocate.
fn fit_ellipsis(glyphs: &mut Vec<ShapedGlyph>, len: usize, width: f32) -> usize {
    let total: f32 = glyphs.iter().map(|g| g.advance).sum();
    if total <= width + FIT_EPSILON {
        return len;
    }
    // Each cluster's advance, in reading order (a cluster's glyphs are adjacent).
    let mut clusters: Vec<(u32, f32)> = Vec::new();
    for g in glyphs.iter() {
        match clusters.last_mut() {
            Some(c) if c.0 == g.cluster => c.1 += g.advance,
            _ => clusters.push((g.cluster, g.advance)),
        }
    }
    clusters.sort_by_key(|c| c.0);
    let mut shown = 0.0f32;
    let cut = clusters
        .iter()
        .find(|c| {
            shown += c.1;
            shown > width + FIT_EPSILON
        })
        .map_or(len, |c| c.0 as usize);
    glyphs.retain(|g| (g.cluster as usize) < cut);
    cut
}

/// Cuts the lines that truncation shortens, if the options truncate (recording each in
/// `scratch.cuts`, cleared first, and
/// shaping the ellipsis into `scratch.ellipsis` when a line may be cut): with a line limit, drops
/// the lines past it and cuts the last kept one; else cuts every line wider than `width`.
pub(crate) fn truncate(
    para: &Paragraph,
    shaper: &mut Shaper,
    scratch: &mut TruncateScratch,
    options: &LayoutOptions,
    width: f32,
    lines: &mut Vec<Range<usize>>,
) {
    scratch.cuts.clear();
    let limit = options.get_max_lines();
    let asked = limit.is_some() || options.get_truncate().is_some();
    if !asked || limit.is_some_and(|n| lines.len() <= n) {
        return;
    }
    scratch.ellipsis.clear();
    shaper.shape(&para.ellipsis_request(), &mut scratch.ellipsis);
    scratch.ellipsis_shown = fit_ellipsis(&mut scratch.ellipsis, para.ellipsis.text.len(), width);
    let ellipsis: f32 = scratch.ellipsis.iter().map(|g| g.advance).sum();
    let mode = options.get_truncate().unwrap_or_default();
    let at = options.get_truncate_at();
    let mut measure = Measure::new(para, shaper);
    if let Some(n) = limit {
        lines.truncate(n);
        let last = n - 1;
        let line = lines[last].clone();
        if let Some(cut) = cut_line(
            para,
            &mut measure,
            line,
            width,
            ellipsis,
            Truncate::End,
            at,
            true,
            &mut scratch.stops,
        ) {
            lines[last] = cut.a.clone();
            scratch.cuts.push((last, cut));
        }
        return;
    }
    for (index, line) in lines.iter().enumerate() {
        if let Some(cut) = cut_line(
            para,
            &mut measure,
            line.clone(),
            width,
            ellipsis,
            mode,
            at,
            false,
            &mut scratch.stops,
        ) {
            scratch.cuts.push((index, cut));
        }
    }
}
