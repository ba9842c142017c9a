//! Laying a paragraph out again after an edit in place (`paragraph/edit.rs`): only the lines the
//! edit can have changed are broken and laid again, and the rest of the old layout is kept,
//! moved along the text and down the page.
//!
//! In: the edited paragraph, the layout it had before the edit (same options), the range of the
//! new text whose tables changed and the change in length. Out: the layout brought up to date,
//! or `false` where the options or the paragraph need the whole layout again.
//!
//! Why it is exact, for first fit (the only breaker taken here): a line's end depends only on
//! where it starts and on the segments from there, and nothing else is carried from line to
//! line (the count of hyphenated lines in a row is not: paragraphs with hyphens are laid out
//! whole). The edit changed segments only inside `changed`, so the lines before the one holding
//! `changed.start` are as they were but the one just before it, which may now take the edited
//! line's first word: breaking starts there. It stops at the first new line start past
//! `changed.end` that is also an old line start (moved by the change in length): from there the
//! old lines are what breaking would give. Each line is then laid (reordered, placed, aligned)
//! on its own, so the kept lines' glyphs only move by the change in length and height.
//!
//! Cost: the lines re-broken and laid (usually one or two), plus moving and shifting the
//! glyphs, runs and lines after them: no shaping, no allocation once the scratch is warm.

use std::ops::Range;

use super::line_break::break_lines_from;
use super::options::{LayoutOptions, LineBreaking, TextWrap};
use super::result::{Layout, ReaderSlot};
use super::{lay_line, LayoutScratch, LineToLay};
use crate::paragraph::Paragraph;
use crate::shape::Shaper;
use crate::text::chars::ends_with_hard_break;
use crate::text::splice::splice_adjusted;

/// Whether `out` (laid out with `options` before the edit) can be brought up to date line by
/// line: first fit at a width, nothing cut, hyphenated, decorated, boxed or missing.
fn can_relayout(para: &Paragraph, options: &LayoutOptions, out: &Layout) -> bool {
    options.get_wrap()
        && options.get_breaking() == LineBreaking::FirstFit
        && options.get_text_wrap() == TextWrap::Wrap
        && options.get_truncate().is_none()
        && options.get_max_lines().is_none()
        && !(options.get_final_line()
            && (ends_with_hard_break(&para.text) || ends_with_hard_break(&out.text)))
        && para.hyphens.is_empty()
        && !para.decorated
        && para.boxes.is_empty()
        && para.missing.is_empty()
        && out.missing.is_empty()
        && out.decorations.is_empty()
        && out.boxes.is_empty()
        && out.paints.is_empty()
        && out.elided.is_empty()
        && out.ellipsis.is_none()
        && !out.lines.is_empty()
        && out.width == options.get_width()
}

/// Brings `out` up to date after an edit in place of `para` that changed the tables of the new
/// text's range `changed` and its length by `delta` (see the module notes); false, with `out`
/// untouched, where the whole layout must be made again.
pub(crate) fn relayout_after_edit(
    para: &Paragraph,
    shaper: &mut Shaper,
    scratch: &mut LayoutScratch,
    options: &LayoutOptions,
    out: &mut Layout,
    changed: Range<usize>,
    delta: isize,
) -> bool {
    if !can_relayout(para, options, out) || out.text.len() as isize + delta != para.text.len() as isize {
        return false;
    }
    let width = options.get_width();
    // The line holding the change's start, then the one before it, back to a segment's start.
    let mut l0 = out
        .lines
        .partition_point(|l| l.range.end <= changed.start)
        .min(out.lines.len() - 1);
    l0 = l0.saturating_sub(1);
    let starts_segment = |pos: usize| {
        let k = para.segments.partition_point(|s| s.range().start < pos);
        para.segments.get(k).is_some_and(|s| s.range().start == pos)
    };
    while l0 > 0 && !starts_segment(out.lines[l0].range.start) {
        l0 -= 1;
    }
    let from = out.lines[l0].range.start;
    // Break until a new line starts where an old one did, past the change.
    let old_lines = &out.lines;
    let mut sync = old_lines.len();
    let lines = &mut scratch.lines;
    lines.clear();
    let mut until = |start: usize| {
        if start < changed.end {
            return false;
        }
        let old = (start as isize - delta) as usize;
        let k = old_lines.partition_point(|l| l.range.start < old);
        if old_lines.get(k).is_some_and(|l| l.range.start == old) && k > l0 {
            sync = k;
            return true;
        }
        false
    };
    let synced = break_lines_from(
        para,
        shaper,
        width,
        options.get_overflow_wrap(),
        from,
        lines,
        &mut until,
    );
    if !synced {
        sync = out.lines.len();
    }
    // Lay the new lines into the scratch layout, from the old first line's top.
    let LayoutScratch {
        lines,
        reorder,
        place,
        relaid,
        ..
    } = scratch;
    relaid.clear();
    relaid.text = para.text.clone();
    relaid.width = width;
    let mut y = out.lines[l0].top;
    let n = lines.len();
    for (i, range) in lines.iter().enumerate() {
        let line = LineToLay {
            range: range.clone(),
            cut: None,
            last: !synced && i + 1 == n,
            top: y,
        };
        y += lay_line(para, shaper, reorder, place, &[], options, width, &line, relaid);
    }
    splice_lines(out, relaid, l0..sync, y, delta);
    out.text = para.text.clone();
    true
}

/// Puts the lines of `relaid` (ending at `bottom`) in place of `out`'s lines `old`, and moves
/// the lines after them along the text by `delta` bytes and down by the change in height.
fn splice_lines(out: &mut Layout, relaid: &mut Layout, old: Range<usize>, bottom: f32, delta: isize) {
    let runs_at = |out: &Layout, line: usize| out.lines.get(line).map_or(out.runs.len(), |l| l.runs.start);
    let glyphs_at = |out: &Layout, run: usize| out.runs.get(run).map_or(out.glyphs.len(), |r| r.glyphs.start);
    let (r0, r1) = (runs_at(out, old.start), runs_at(out, old.end));
    let (g0, g1) = (glyphs_at(out, r0), glyphs_at(out, r1));
    let old_bottom = match out.lines.get(old.end) {
        Some(l) => l.top,
        None => out.lines.last().map_or(0.0, |l| l.top + l.height),
    };
    let dy = bottom - old_bottom;
    let run_delta = relaid.runs.len() as isize - (r1 - r0) as isize;
    let glyph_delta = relaid.glyphs.len() as isize - (g1 - g0) as isize;
    let moved =
        |r: &Range<usize>, by: isize| (r.start as isize + by) as usize..(r.end as isize + by) as usize;
    for line in &mut out.lines[old.end..] {
        line.range = moved(&line.range, delta);
        line.runs = moved(&line.runs, run_delta);
        line.top += dy;
        line.baseline += dy;
    }
    for run in &mut out.runs[r1..] {
        run.glyphs = moved(&run.glyphs, glyph_delta);
        run.range.shift(delta);
    }
    for line in &mut relaid.lines {
        line.runs = moved(&line.runs, r0 as isize);
    }
    for run in &mut relaid.runs {
        run.glyphs = moved(&run.glyphs, g0 as isize);
    }
    splice_adjusted(&mut out.glyphs, g0..g1, &relaid.glyphs, |g| {
        g.cluster = (g.cluster as isize + delta) as u32;
        g.y += dy;
    });
    relaid.glyphs.clear();
    out.runs.splice(r0..r1, relaid.runs.drain(..));
    out.lines.splice(old, relaid.lines.drain(..));
    out.height += dy;
    out.readers = ReaderSlot::default();
}
