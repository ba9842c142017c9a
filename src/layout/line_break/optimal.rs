//! Optimal line breaking: the breaks of a paragraph chosen together (Knuth and Plass, "Breaking
//! paragraphs into lines", Software—Practice and Experience 11, 1981; TeX's total-fit algorithm).
//!
//! Every UAX #14 opportunity (a segment end) is a candidate; a line's cost, its *demerits*, grows
//! with how much its spaces must stretch to fill the width, and the breaks with the least total
//! are found by dynamic programming over the segments. Spaces only stretch here (a justified line
//! never squeezes its spaces), so a line must fit at its natural width: optimal breaking never
//! makes a line wider than first fit would allow. Works on the paragraph's segment widths, so a
//! layout at a new width reshapes nothing; its tables live in the context's scratch.
//!
//! The constants are TeX's plain-format defaults (The TeXbook, ch. 14 and appendix B):
//! `\linepenalty=10`, `\hyphenpenalty=50`, `\adjdemerits=10000`, badness `100 r³`, and an
//! interword space that stretches by half its width at badness 100 (Computer Modern's 3.33 pt
//! space stretches 1.67 pt). One departure: TeX caps badness at 10 000 and rejects lines past its
//! tolerance, with a last "emergency" pass that takes them all as equally bad; in a narrow column
//! most lines are past any tolerance, and equally bad lines let the algorithm pile the whole
//! paragraph's slack into one line of two words. Here badness is not capped, so a looser line
//! always costs more.

use std::ops::Range;

use super::first_fit::split_long_segment;
use crate::layout::measure::{Measure, FIT_EPSILON};
use crate::layout::options::OverflowWrap;
use crate::paragraph::segments::Segment;
use crate::paragraph::Paragraph;
use crate::shape::Shaper;

/// TeX's `\linepenalty`: every line costs this much badness, so fewer lines are preferred.
const LINE_PENALTY: f64 = 10.0;
/// TeX's `\hyphenpenalty`: a break at a soft hyphen.
const HYPHEN_PENALTY: f64 = 50.0;
/// TeX's `\adjdemerits`: two neighbouring lines whose tightness classes are not adjacent (a
/// decent line beside a very loose one).
const ADJACENT_DEMERITS: f64 = 10_000.0;
/// The badness of a line of one piece wider than the width (TeX's "infinitely bad").
const MAX_BADNESS: f64 = 10_000.0;
/// The stretch assumed for a line without a space to stretch, in px: such a line stays at its
/// natural width, and its slack counts as if one space of 2 px could take it.
const MIN_STRETCH: f64 = 1.0;
/// What a space may stretch at badness 100, as a share of its width.
const STRETCH: f64 = 0.5;
/// [`TextWrap::Pretty`](crate::TextWrap::Pretty) with optimal breaking: a last line of one piece
/// costs as much as a line at TeX's badness cap (r = 4.6), so it is avoided wherever the lines
/// above can take it without becoming that loose.
const ORPHAN_DEMERITS: f64 = (LINE_PENALTY + MAX_BADNESS) * (LINE_PENALTY + MAX_BADNESS);

/// Tightness classes (TeX's decent, loose, very loose; nothing is tight without shrinking).
const CLASSES: usize = 3;

/// The best way found to end a line at one candidate break in one tightness class.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    demerits: f64,
    /// The break before the line (a segment index) and that line's class.
    prev: u32,
    prev_class: u8,
}

const UNREACHED: Node = Node {
    demerits: f64::INFINITY,
    prev: 0,
    prev_class: 0,
};

/// The tables of one optimal break, kept in the context so that reflow allocates nothing once
/// warm.
#[derive(Debug, Default)]
pub(crate) struct OptimalScratch {
    /// Sum of the segments' widths before each index.
    width: Vec<f64>,
    /// Sum of the stretchable space before each index.
    stretch: Vec<f64>,
    nodes: Vec<[Node; CLASSES]>,
    /// The chosen breaks (segment indices), last first.
    breaks: Vec<u32>,
}

/// Writes the lines of `para` at `width` chosen together into `lines` (cleared first); `pretty`
/// adds [`ORPHAN_DEMERITS`] for a block's last line of one piece. Returns false, leaving `lines`
/// for first fit to fill, where a chosen line cut at a point the shaper marked unsafe comes out
/// wider than `width` when reshaped (the segment widths were the item's).
pub(crate) fn break_lines_optimal(
    para: &Paragraph,
    shaper: &mut Shaper,
    width: f32,
    overflow: OverflowWrap,
    pretty: bool,
    scratch: &mut OptimalScratch,
    lines: &mut Vec<Range<usize>>,
) -> bool {
    lines.clear();
    let segs = &para.segments[..];
    let n = segs.len();
    if n == 0 {
        lines.push(0..para.text.len());
        return true;
    }
    let max = f64::from(width + FIT_EPSILON);
    let text = para.text.as_bytes();
    scratch.width.clear();
    scratch.stretch.clear();
    let (mut w, mut s) = (0.0f64, 0.0f64);
    for seg in segs {
        scratch.width.push(w);
        scratch.stretch.push(s);
        w += f64::from(seg.width);
        // A segment ending in U+0020 has a space a justified line stretches (when not last).
        if text.get(seg.range().end.wrapping_sub(1)) == Some(&b' ') {
            s += f64::from(seg.hang) * STRETCH;
        }
    }
    scratch.width.push(w);
    scratch.stretch.push(s);
    scratch.nodes.clear();
    scratch.nodes.resize(n + 1, [UNREACHED; CLASSES]);
    scratch.nodes[0][0].demerits = 0.0;

    for j in 1..=n {
        let last_seg = &segs[j - 1];
        let ends_block = j == n || last_seg.mandatory;
        let hyphen = para.hyphen_at_line_end(last_seg.range().end);
        let end_width = f64::from(hyphen.map_or(0.0, |h| h.advance) - last_seg.hang);
        let mut best = [UNREACHED; CLASSES];
        for i in (0..j).rev() {
            let natural = if para.tabs.is_some() {
                // Tabs: each segment's advance depends on where the line starts.
                let mut pen = 0.0f32;
                for seg in &segs[i..j - 1] {
                    pen += para.segment_advance(seg, pen);
                }
                let hyphen = hyphen.map_or(0.0, |h| h.advance);
                f64::from(pen + para.segment_extent(last_seg, pen).1 + hyphen)
            } else {
                scratch.width[j] - scratch.width[i] + end_width
            };
            if natural > max && i + 1 < j {
                break;
            }
            if scratch.nodes[i].iter().any(|node| node.demerits.is_finite()) {
                let stretch = scratch.stretch[j - 1] - scratch.stretch[i];
                let (badness, class) = if natural > max {
                    // One piece wider than the line: it overflows or is split, whatever we do.
                    (MAX_BADNESS, 0)
                } else if ends_block {
                    // The last line of a block is set at its natural width (TeX's \parfillskip).
                    (0.0, 0)
                } else {
                    badness(max - natural, stretch)
                };
                let mut demerits = (LINE_PENALTY + badness).powi(2);
                if hyphen.is_some() {
                    demerits += HYPHEN_PENALTY * HYPHEN_PENALTY;
                }
                let starts_block = i == 0 || segs[i - 1].mandatory;
                if pretty && ends_block && !starts_block && i + 1 == j {
                    demerits += ORPHAN_DEMERITS;
                }
                for (c, node) in scratch.nodes[i].iter().enumerate() {
                    let mut total = node.demerits + demerits;
                    if class.abs_diff(c) > 1 {
                        total += ADJACENT_DEMERITS;
                    }
                    if total < best[class].demerits {
                        best[class] = Node {
                            demerits: total,
                            prev: i as u32,
                            prev_class: c as u8,
                        };
                    }
                }
            }
            // A line never holds a mandatory break but at its end.
            if i > 0 && segs[i - 1].mandatory {
                break;
            }
        }
        scratch.nodes[j] = best;
    }

    // Walk the chosen breaks back from the end.
    scratch.breaks.clear();
    let (mut j, mut class) = (n, best_class(&scratch.nodes[n]));
    while j > 0 {
        scratch.breaks.push(j as u32);
        let node = scratch.nodes[j][class];
        (j, class) = (node.prev as usize, usize::from(node.prev_class));
    }
    push_lines(para, shaper, width, overflow, &scratch.breaks, lines)
}

/// TeX's badness of a line `slack` px short of the width with `stretch` px of stretch at badness
/// 100, and its tightness class.
fn badness(slack: f64, stretch: f64) -> (f64, usize) {
    if slack <= 0.0 {
        return (0.0, 0);
    }
    let r = slack / stretch.max(MIN_STRETCH);
    let class = if r > 1.0 {
        2
    } else if r > 0.5 {
        1
    } else {
        0
    };
    (100.0 * r * r * r, class)
}

/// The class with the least total demerits at the paragraph's end.
fn best_class(nodes: &[Node; CLASSES]) -> usize {
    (0..CLASSES)
        .min_by(|&a, &b| nodes[a].demerits.total_cmp(&nodes[b].demerits))
        .unwrap_or(0)
}

/// Pushes the lines ending at `breaks` (segment indices, last first). A line of one piece wider
/// than the width is broken between graphemes as first fit does (unless overflow is
/// [`OverflowWrap::Normal`]). Returns false where a line cut at an unsafe point reshapes wider
/// than the width.
fn push_lines(
    para: &Paragraph,
    shaper: &mut Shaper,
    width: f32,
    overflow: OverflowWrap,
    breaks: &[u32],
    lines: &mut Vec<Range<usize>>,
) -> bool {
    let segs = &para.segments;
    let max = width + FIT_EPSILON;
    let mut measure = Measure::new(para, shaper);
    let mut i = 0usize;
    for &j in breaks.iter().rev() {
        let j = j as usize;
        let start = if i == 0 { 0 } else { segs[i].range().start };
        let end = if j == segs.len() {
            para.text.len()
        } else {
            segs[j].range().start
        };
        let seg: &Segment = &segs[j - 1];
        let hyphen = para
            .hyphen_at_line_end(seg.range().end)
            .map_or(0.0, |h| h.advance);
        let alone_too_wide = |measure: &mut Measure<'_>| {
            para.segment_extent(seg, 0.0).1 + hyphen > max || measure.reshaped_line_wider(start, end, max)
        };
        if i + 1 == j && overflow != OverflowWrap::Normal && alone_too_wide(&mut measure) {
            let mut from = start;
            split_long_segment(para, &mut measure, start..seg.range().end, max, &mut from, lines);
            lines.push(from..end);
        } else {
            if i + 1 < j && measure.reshaped_line_wider(start, end, max) {
                return false;
            }
            lines.push(start..end);
        }
        i = j;
    }
    true
}
