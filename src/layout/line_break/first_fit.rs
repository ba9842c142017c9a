//! First fit: each line takes as many segments as fit, on the paragraph's advances (reshaped
//! where a line is cut at a glyph the shaper marked unsafe); a word wider than the line is
//! broken between grapheme clusters.

use std::ops::Range;

use crate::layout::measure::{Measure, FIT_EPSILON};
use crate::layout::options::OverflowWrap;
use crate::paragraph::Paragraph;
use crate::shape::Shaper;
use crate::text::chars::{hanging_start, hangs};
use crate::text::graphemes;

/// At most this many lines in a row end with a hyphen (a soft hyphen's or an automatic one's).
pub(super) const MAX_HYPHENATED_IN_A_ROW: usize = 2;

/// Writes the byte range of each line of `para` at `width` into `lines` (cleared first). Every byte
/// of the text is in exactly one range; there is always at least one line.
pub(crate) fn break_lines(
    para: &Paragraph,
    shaper: &mut Shaper,
    width: f32,
    overflow: OverflowWrap,
    lines: &mut Vec<Range<usize>>,
) {
    lines.clear();
    break_lines_from(para, shaper, width, overflow, 0, lines, &mut |_| false);
}

/// Like [`break_lines`] for the text from `from` (a segment's start) on, appending to `lines`,
/// until a line would start where `until` says to stop: returns true there (that line not
/// pushed), false at the text's end. First fit carries nothing from one line to the next but
/// where the line starts and how many lines in a row ended hyphenated, so a caller that knows
/// the lines from a stop on (an edit's re-breaking, `layout/relayout.rs`) need not go further.
pub(crate) fn break_lines_from(
    para: &Paragraph,
    shaper: &mut Shaper,
    width: f32,
    overflow: OverflowWrap,
    from: usize,
    lines: &mut Vec<Range<usize>>,
    until: &mut dyn FnMut(usize) -> bool,
) -> bool {
    let mut measure = Measure::new(para, shaper);
    let max = width + FIT_EPSILON;
    let segs = &para.segments;
    let mut start = from;
    let mut k = segs.partition_point(|s| s.range().start < from);
    // Index of the first segment that began on the current line.
    let mut first = k;
    // Advance of the line so far, including the whitespace after its last segment.
    let mut line_width = 0.0f32;
    let mut empty = true;
    // Lines in a row ending with a hyphen (CSS `hyphenate-limit-lines`, TeX's practice).
    let mut hyphenated = 0;
    let ends_hyphenated = |pos: usize| para.hyphen_at_line_end(pos).is_some();
    while k < segs.len() {
        let seg = &segs[k];
        // A line ending after this segment at a soft hyphen shows a hyphen, which must fit too.
        // (Counted whether or not the line ends here: a segment that fits only without its
        // hyphen is left for the next line, which at worst breaks one segment early.)
        let hyphen = para
            .hyphen_at_line_end(seg.range().end)
            .map_or(0.0, |h| h.advance);
        // Its advance and body (before the whitespace that hangs) where it would start: tabs
        // go to their stops.
        let (advance, body) = para.segment_extent(seg, line_width);
        if !empty && line_width + body + hyphen > max {
            // The widths so far are the paragraph's; a line that starts or ends at a cut the
            // shaper marked unsafe is reshaped there and may come out wider: measure it, and
            // end it a segment earlier while it does not fit.
            let mut end = k;
            while end > first + 1 && measure.reshaped_line_wider(start, segs[end].range().start, max) {
                end -= 1;
            }
            // No third hyphenated line in a row: end the line at an earlier break that shows no
            // hyphen, where there is one.
            if hyphenated >= MAX_HYPHENATED_IN_A_ROW {
                let mut e = end;
                while e > first + 1 && ends_hyphenated(segs[e].range().start) {
                    e -= 1;
                }
                if !ends_hyphenated(segs[e].range().start) {
                    end = e;
                }
            }
            hyphenated = if ends_hyphenated(segs[end].range().start) {
                hyphenated + 1
            } else {
                0
            };
            lines.push(start..segs[end].range().start);
            start = segs[end].range().start;
            if until(start) {
                return true;
            }
            line_width = 0.0;
            empty = true;
            first = end;
            k = end;
            continue;
        }
        // One segment alone: too wide by the paragraph's advances, or once reshaped at its cuts.
        let too_wide = |measure: &mut Measure<'_>| {
            body + hyphen > max || measure.reshaped_line_wider(seg.range().start, seg.range().end, max)
        };
        if empty && overflow != OverflowWrap::Normal && too_wide(&mut measure) {
            line_width = split_long_segment(para, &mut measure, seg.range(), max, &mut start, lines);
        } else {
            line_width += advance;
        }
        empty = false;
        k += 1;
        if seg.mandatory {
            hyphenated = 0;
            lines.push(start..seg.range().end);
            start = seg.range().end;
            if until(start) {
                return true;
            }
            line_width = 0.0;
            empty = true;
            first = k;
        }
    }
    if start < para.text.len() || lines.is_empty() {
        lines.push(start..para.text.len());
    }
    false
}

/// Breaks a segment too wide for a line of its own between grapheme clusters, pushing every full
/// line; returns the advance of the part left on the last, still open, line (which starts at
/// `*start`).
///
/// Cuts inside a word are usually unsafe to break (kerning, marks), and the two sides are reshaped
/// when positioned; so the width of a line ending at such a cut is measured by reshaping, and the
/// cut moves back a cluster while the reshaped line does not fit.
pub(super) fn split_long_segment(
    para: &Paragraph,
    measure: &mut Measure<'_>,
    range: Range<usize>,
    max: f32,
    start: &mut usize,
    lines: &mut Vec<Range<usize>>,
) -> f32 {
    let base = range.start;
    // A line ending with the segment's last cluster shows the hyphen of a soft hyphen there: it
    // counts as part of that cluster.
    let shown_hyphen = para.hyphen_at_line_end(range.end);
    let hyphen = shown_hyphen.map_or(0.0, |h| h.advance);
    // (start, advance, hangs) of each grapheme cluster; rare, so a fresh vector is fine.
    let mut clusters: Vec<(usize, f32, bool)> = graphemes(&para.text[range.clone()])
        .map(|(off, g)| {
            let pos = base + off;
            let advance: f32 = para.advance_at[pos..pos + g.len()].iter().sum();
            (pos, advance, g.chars().all(hangs))
        })
        .collect();
    if hyphen > 0.0 {
        // The soft hyphen (a cluster of its own, invisible, and hanging) goes with the grapheme
        // before it, and the hyphen it shows counts (it does not hang): no line of a lone hyphen.
        // (An automatic hyphenation point has no char of its own: the hyphen goes with the last
        // grapheme.)
        if clusters.len() > 1 && shown_hyphen.is_some_and(|h| !h.auto) {
            let shy = clusters.pop().map_or(0.0, |c| c.1);
            if let Some(last) = clusters.last_mut() {
                last.1 += shy;
            }
        }
        if let Some(last) = clusters.last_mut() {
            last.1 += hyphen;
            last.2 = false;
        }
    }
    let bound = |k: usize| clusters.get(k).map_or(range.end, |c| c.0);
    let n = clusters.len();
    let mut i = 0;
    while i < n {
        // First guess from the paragraph's advances.
        let mut width = clusters[i].1;
        let mut j = i + 1;
        while j < n && (clusters[j].2 || width + clusters[j].1 <= max) {
            width += clusters[j].1;
            j += 1;
        }
        // Then the width the line will really have (its cuts are reshaped), backing off a
        // cluster at a time; the hanging whitespace at its end does not count.
        loop {
            let kept = (i + 1..j)
                .rev()
                .find(|&k| !clusters[k].2)
                .map_or(i + 1, |k| k + 1);
            let shown = if kept == n { hyphen } else { 0.0 };
            // Up to what hangs: a soft hyphen the line ends at is drawn as its hyphen, so the
            // text before it is what positioning shapes.
            let body = bound(i)..hanging_start(&para.text, bound(i)..bound(kept).min(range.end));
            if kept <= i + 1 || measure.width(body) + shown <= max {
                break;
            }
            j = kept - 1;
        }
        if j == n {
            *start = bound(i);
            return measure.width(bound(i)..range.end);
        }
        lines.push(bound(i)..bound(j));
        i = j;
    }
    *start = range.end;
    0.0
}
