//! Line breaking: first-fit at UAX #14 opportunities on the shaped advances.
//!
//! Trailing whitespace hangs past the edge and does not count toward the fit (as in CSS); a word
//! wider than the line is broken between grapheme clusters, or overflows with
//! [`OverflowWrap::Normal`]; a mandatory break always ends a line.
//! Works on the paragraph's precomputed segments, so a layout at a new width costs one pass over
//! the segments, not over the text.

use std::ops::Range;

use crate::analysis::graphemes;
use crate::layout::OverflowWrap;

use crate::paragraph::Paragraph;
use crate::shape::{FaceCache, ShapedGlyph, Shaper};

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
    let mut measure = Measure::new(para, shaper);
    let max = width + FIT_EPSILON;
    let segs = &para.segments;
    let mut start = 0;
    // Index of the first segment that began on the current line.
    let mut first = 0;
    // Advance of the line so far, including the whitespace after its last segment.
    let mut line_width = 0.0f32;
    let mut empty = true;
    let mut k = 0;
    while k < segs.len() {
        let seg = &segs[k];
        // A line ending after this segment at a soft hyphen shows a hyphen, which must fit too.
        // (Counted whether or not the line ends here: a segment that fits only without its
        // hyphen is left for the next line, which at worst breaks one segment early.)
        let hyphen = para.hyphen_at_line_end(seg.range.end).map_or(0.0, |h| h.advance);
        if !empty && line_width + seg.width - seg.hang + hyphen > max {
            // The widths so far are the paragraph's; a line that starts or ends at a cut the
            // shaper marked unsafe is reshaped there and may come out wider: measure it, and
            // end it a segment earlier while it does not fit.
            let mut end = k;
            while end > first + 1
                && measure.risky(start, segs[end].range.start)
                && measure.width(start..body_end(para, segs[end].range.start)) > max
            {
                end -= 1;
            }
            lines.push(start..segs[end].range.start);
            start = segs[end].range.start;
            line_width = 0.0;
            empty = true;
            first = end;
            k = end;
            continue;
        }
        if empty && seg.width - seg.hang + hyphen > max && overflow != OverflowWrap::Normal {
            line_width = split_long_segment(para, &mut measure, seg.range.clone(), max, &mut start, lines);
        } else {
            line_width += seg.width;
        }
        empty = false;
        k += 1;
        if seg.mandatory {
            lines.push(start..seg.range.end);
            start = seg.range.end;
            line_width = 0.0;
            empty = true;
            first = k;
        }
    }
    if start < para.text.len() || lines.is_empty() {
        lines.push(start..para.text.len());
    }
}

/// Where a line ending at `end` stops counting: before the whitespace that hangs.
fn body_end(para: &Paragraph, end: usize) -> usize {
    para.text[..end].trim_end_matches(crate::bidi::hangs).len()
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
    // (start, advance, hangs) of each grapheme cluster; rare, so a fresh vector is fine.
    let clusters: Vec<(usize, f32, bool)> = graphemes(&para.text[range.clone()])
        .map(|(off, g)| {
            let pos = base + off;
            let advance: f32 = para.advance_at[pos..pos + g.len()].iter().sum();
            (pos, advance, g.chars().all(crate::bidi::hangs))
        })
        .collect();
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
            let body_end = (i + 1..j)
                .rev()
                .find(|&k| !clusters[k].2)
                .map_or(i + 1, |k| k + 1);
            if body_end <= i + 1 || measure.width(bound(i)..bound(body_end)) <= max {
                break;
            }
            j = body_end - 1;
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
    faces: FaceCache<'p>,
    glyphs: Vec<ShapedGlyph>,
}

impl<'p> Measure<'p> {
    pub fn new(para: &'p Paragraph, shaper: &'p mut Shaper) -> Measure<'p> {
        Measure {
            para,
            shaper,
            faces: FaceCache::new(),
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

    /// The advance of `range` (one line's worth of text) as it would be drawn.
    pub fn width(&mut self, range: Range<usize>) -> f32 {
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
                self.shaper.shape(
                    &mut self.faces,
                    &para.request(item, piece, item.level),
                    &mut self.glyphs,
                );
                width += self.glyphs.iter().map(|g| g.advance).sum::<f32>();
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
