//! Line breaking: first fit at UAX #14 opportunities on the shaped advances (here), or the breaks
//! of a whole paragraph chosen together ([`optimal`]).
//!
//! Trailing whitespace hangs past the edge and does not count toward the fit (as in CSS); a word
//! wider than the line is broken between grapheme clusters, or overflows with
//! [`OverflowWrap::Normal`]; a mandatory break always ends a line.
//! Works on the paragraph's precomputed segments, so a layout at a new width costs one pass over
//! the segments, not over the text.

use std::ops::Range;

use crate::layout::OverflowWrap;
use crate::text::chars::{ends_with_hard_break, hanging_start, hangs};
use crate::text::graphemes;

use crate::paragraph::{Paragraph, Scratch};
use crate::shape::{ShapedGlyph, Shaper};

mod optimal;
pub(crate) use optimal::{break_lines_optimal, OptimalScratch};

/// Slack for float summation: a line that overshoots by less than this still fits.
const FIT_EPSILON: f32 = 1e-3;

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
    break_lines_from(para, shaper, width, overflow, 0, lines);
}

/// Like [`break_lines`] for the text from `from` (a segment's start) on, appending to `lines`.
fn break_lines_from(
    para: &Paragraph,
    shaper: &mut Shaper,
    width: f32,
    overflow: OverflowWrap,
    from: usize,
    lines: &mut Vec<Range<usize>>,
) {
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
            lines.push(start..segs[end].range().start);
            start = segs[end].range().start;
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
            lines.push(start..seg.range().end);
            start = seg.range().end;
            line_width = 0.0;
            empty = true;
            first = k;
        }
    }
    if start < para.text.len() || lines.is_empty() {
        lines.push(start..para.text.len());
    }
}

/// First fit at `width` for [`TextWrap::Pretty`]: where the last line is one piece (between two
/// break opportunities) and there are two lines or more, the last two lines are broken again,
/// narrower a step of 1/64 of the width at a time down to 60 %, until the last line has two
/// pieces or more in two lines; the lines before them stay as first fit made them. None such:
/// first fit.
pub(crate) fn break_lines_pretty(
    para: &Paragraph,
    shaper: &mut Shaper,
    width: f32,
    overflow: OverflowWrap,
    lines: &mut Vec<Range<usize>>,
    tail: &mut Vec<Range<usize>>,
) {
    break_lines(para, shaper, width, overflow, lines);
    // Segments are in text order: those from `start` on are a suffix.
    let pieces_from =
        |start: usize| para.segments.len() - para.segments.partition_point(|s| s.range().start < start);
    let n = lines.len();
    if n < 2 || !width.is_finite() || pieces_from(lines[n - 1].start) >= 2 {
        return;
    }
    // The last two lines must be one stretch of text without a hard break between them.
    let from = lines[n - 2].start;
    if ends_with_hard_break(&para.text[lines[n - 2].clone()]) {
        return;
    }
    let step = width / 64.0;
    let mut w = width - step;
    while w >= width * 0.6 {
        tail.clear();
        break_lines_from(para, shaper, w, overflow, from, tail);
        if tail.len() > 2 {
            return;
        }
        if tail.len() == 2 && pieces_from(tail[1].start) >= 2 {
            lines.truncate(n - 2);
            lines.append(tail);
            return;
        }
        w -= step;
    }
}

/// The width to break at for [`TextWrap::Balance`] (first fit at that width gives the lines):
/// the narrowest width (to 1/4096 of the full one, by bisection) that gives as many lines as
/// `width`; `width` for one line. Each try is a first fit on the paragraph's segments (no
/// reshaping but at unsafe cuts), into `scratch.line_ranges`.
pub(crate) fn wrap_width(
    para: &Paragraph,
    shaper: &mut Shaper,
    width: f32,
    overflow: OverflowWrap,
    scratch: &mut Scratch,
) -> f32 {
    let mut lines_at = |w: f32, shaper: &mut Shaper| {
        break_lines(para, shaper, w, overflow, &mut scratch.line_ranges);
        scratch.line_ranges.len()
    };
    let lines = lines_at(width, shaper);
    if lines < 2 || !width.is_finite() {
        return width;
    }
    // Fewer lines never come from a narrower width: bisect for the narrowest with as many lines
    // as at `width`.
    let (mut lo, mut hi) = (0.0f32, width);
    for _ in 0..12 {
        let mid = (lo + hi) / 2.0;
        if lines_at(mid, shaper) <= lines {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// Breaks a segment too wide for a line of its own between grapheme clusters, pushing every full
/// line; returns the advance of the part left on the last, still open, line (which starts at
/// `*start`).
///
/// Cuts inside a word are usually unsafe to break (kerning, marks), and the two sides are reshaped
/// when positioned; so the width of a line ending at such a cut is measured by reshaping, and the
/// cut moves back a cluster while the reshaped line does not fit.
fn split_long_segment(
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
    let hyphen = para.hyphen_at_line_end(range.end).map_or(0.0, |h| h.advance);
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
        if clusters.len() > 1 {
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

/// Measures lines the way positioning will lay them out: parts of items cut at unsafe points are
/// reshaped.
pub(crate) struct Measure<'p> {
    para: &'p Paragraph,
    shaper: &'p mut Shaper,
    glyphs: Vec<ShapedGlyph>,
}

impl<'p> Measure<'p> {
    pub fn new(para: &'p Paragraph, shaper: &'p mut Shaper) -> Measure<'p> {
        Measure {
            para,
            shaper,
            glyphs: Vec::new(),
        }
    }

    /// Whether the line `start..end` is cut inside an item at a point where the shaper's
    /// glyphs are unsafe to break, so that positioning will reshape it.
    fn risky(&self, start: usize, end: usize) -> bool {
        let para = self.para;
        let cut_unsafely = |pos: usize| {
            let i = para.items.partition_point(|it| it.range.end <= pos);
            para.items
                .get(i)
                .is_some_and(|it| it.range.start < pos && (it.whole_only || !para.safe_to_cut(pos)))
        };
        cut_unsafely(start) || cut_unsafely(end)
    }

    /// Whether the line `start..end` is cut at a point where it is reshaped (see [`Self::risky`])
    /// and then comes out wider than `max`: its text up to the hanging whitespace, and the
    /// hyphen of a soft hyphen it ends at.
    fn reshaped_line_wider(&mut self, start: usize, end: usize, max: f32) -> bool {
        let para = self.para;
        let body = hanging_start(&para.text, start..end);
        // A line ending at a soft hyphen is drawn up to it (then the hyphen): cut there.
        let (cut, hyphen) = match para.hyphen_at_line_end(end) {
            Some(h) => (body, h.advance),
            None => (end, 0.0),
        };
        self.risky(start, cut) && self.width(start..body) + hyphen > max
    }

    /// The advance of `range` (one line's worth of text, from the line's start) as it would be
    /// drawn: each tab to its stop, the text between as [`Self::width_between_tabs`] measures it.
    pub fn width(&mut self, range: Range<usize>) -> f32 {
        let para = self.para;
        if para.tabs.is_none() || !para.text.as_bytes()[range.clone()].contains(&b'\t') {
            return self.width_between_tabs(range);
        }
        let (mut x, mut from) = (0.0f32, range.start);
        for pos in range.clone() {
            if para.text.as_bytes()[pos] == b'\t' {
                x += self.width_between_tabs(from..pos);
                x = para.next_tab_stop(x);
                from = pos + 1;
            }
        }
        x + self.width_between_tabs(from..range.end)
    }

    /// The advance of `range` without tabs: the paragraph's advances where the cuts are safe,
    /// reshaped where not.
    fn width_between_tabs(&mut self, range: Range<usize>) -> f32 {
        let para = self.para;
        let first = para.items.partition_point(|it| it.range.end <= range.start);
        let mut width = 0.0;
        for item in para.items[first..]
            .iter()
            .take_while(|it| it.range.start < range.end)
        {
            let piece = item.range.start.max(range.start)..item.range.end.min(range.end);
            let safe = para.slice_is_exact(item, &piece);
            if safe {
                width += para.advance_at[piece].iter().sum::<f32>();
            } else {
                self.glyphs.clear();
                self.shaper
                    .shape(&para.request(item, piece, item.level), &mut self.glyphs);
                width += self.glyphs.iter().map(|g| g.advance).sum::<f32>();
                if para.spacing {
                    // One spacing per cluster, as positioning adds it.
                    let mut last = usize::MAX;
                    for g in &self.glyphs {
                        if g.text_offset() != last {
                            width += para.spacing_after(g.text_offset());
                            last = g.text_offset();
                        }
                    }
                }
            }
        }
        width
    }
}

#[cfg(all(test, feature = "bundled-fonts"))]
mod tests {
    use crate::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};

    fn lines(text: &str, width: f32) -> Vec<String> {
        let book = FontBook::with_bundled_fonts();
        let mut cx = LayoutContext::new();
        let para = Paragraph::new(
            text,
            TextStyle::new("Noto Sans Hebrew, Noto Sans"),
            &book,
            &mut cx,
        )
        .unwrap();
        let layout = para.layout(&mut cx, &LayoutOptions::new(width)).unwrap();
        layout
            .lines()
            .iter()
            .map(|l| text[l.range()].to_string())
            .collect()
    }

    #[test]
    fn trailing_spaces_hang_and_stay_on_their_line() {
        // Any width that fits "aaaa" fits "aaaa" plus its spaces: they hang past the edge.
        let one = lines("aaaa", 1000.0);
        assert_eq!(one.len(), 1);
        let w = {
            let book = FontBook::with_bundled_fonts();
            let mut cx = LayoutContext::new();
            let p = Paragraph::new("aaaa", TextStyle::new("Noto Sans"), &book, &mut cx).unwrap();
            p.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap().lines()[0].width()
        };
        assert_eq!(lines("aaaa     bb", w), vec!["aaaa     ", "bb"]);
    }

    #[test]
    fn mandatory_breaks_end_lines_and_stay_on_them() {
        assert_eq!(
            lines("a\nb\u{2029}c\r\nd", 1000.0),
            vec!["a\n", "b\u{2029}", "c\r\n", "d"]
        );
        assert_eq!(lines("a\n\n", 1000.0), vec!["a\n", "\n"]);
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_between_graphemes() {
        // Width 0: one grapheme cluster a line; a vowel point never leaves its letter.
        assert_eq!(lines("פֿאַר", 0.0), vec!["פֿ", "אַ", "ר"]);
    }
}
