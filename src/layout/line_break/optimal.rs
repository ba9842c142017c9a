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

use super::first_fit::{split_long_segment, MAX_HYPHENATED_IN_A_ROW};
use crate::layout::measure::{Measure, FIT_EPSILON};
use crate::layout::options::OverflowWrap;
use crate::paragraph::segments::Segment;
use crate::paragraph::Paragraph;
use crate::shape::Shaper;

/// TeX's `\linepenalty`: every line costs this much badness, so fewer lines are preferred.
const LINE_PENALTY: f64 = 10.0;
/// TeX's `\hyphenpenalty`: a break at a soft hyphen.
const HYPHEN_PENALTY: f64 = 50.0;
/// TeX's `\doublehyphendemerits`: two hyphenated lines in a row.
const DOUBLE_HYPHEN_DEMERITS: f64 = 10_000.0;
/// TeX's `\finalhyphendemerits`: the last full line of a block (before its last line)
/// hyphenated.
const FINAL_HYPHEN_DEMERITS: f64 = 5_000.0;
/// A hyphenated line after [`MAX_HYPHENATED_IN_A_ROW`] of them, where the paragraph cannot be
/// broken without one: almost what a line wider than the width costs.
const EXCESS_HYPHEN_DEMERITS: f64 = 0.99 * (LINE_PENALTY + MAX_BADNESS) * (LINE_PENALTY + MAX_BADNESS);
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

/// How many starts are weighed for a line ending at a candidate break, besides the line of one
/// segment: those of the fullest lines that fit. TeX keeps its active breakpoints in check with
/// its tolerance (a line looser than `\tolerance` is not considered); here the looser lines
/// past the fullest 128 are not, so the cost is linear in the text at any width (at 300 px a line
/// holds about 10 segments, so nothing changes there). A paragraph with tabs whose lines could
/// hold more is broken first fit.
const MAX_CANDIDATES: usize = 128;

/// Tightness classes (TeX's decent, loose, very loose; nothing is tight without shrinking).
const CLASSES: usize = 3;
/// How many hyphenated lines in a row a break can end (0 to [`MAX_HYPHENATED_IN_A_ROW`]): a
/// node's state is its class and this count, so that a third hyphen in a row is not chosen
/// (where the paragraph cannot be broken without one, it costs [`EXCESS_HYPHEN_DEMERITS`]).
const RUNS: usize = MAX_HYPHENATED_IN_A_ROW + 1;
/// A node's states: (class, hyphenated lines in a row) as `class * runs + run`, where `runs` is
/// [`RUNS`] for a paragraph with hyphens and 1 for one without (whose nodes then take no more
/// room or time than classes alone).
const STATES: usize = CLASSES * RUNS;

/// The best way found to end a line at one candidate break in one tightness class.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    demerits: f64,
    /// The break before the line (a segment index) and its state there.
    prev: u32,
    prev_state: u8,
}

const UNREACHED: Node = Node {
    demerits: f64::INFINITY,
    prev: 0,
    prev_state: 0,
};

impl OptimalScratch {
    /// The states of break `j`.
    fn states(&self, j: usize) -> &[Node] {
        &self.nodes[j * self.stride..(j + 1) * self.stride]
    }
}

/// The tables of one optimal break, kept in the context so that reflow allocates nothing once
/// warm.
#[derive(Debug, Default)]
pub(crate) struct OptimalScratch {
    /// Sum of the segments' widths before each index.
    width: Vec<f64>,
    /// Sum of the stretchable space before each index.
    stretch: Vec<f64>,
    /// Each break's states, `stride` a break (see [`STATES`]).
    nodes: Vec<Node>,
    stride: usize,
    /// The chosen breaks (segment indices), last first.
    breaks: Vec<u32>,
    /// How many (start, end) lines the last paragraph weighed: at most MAX_CANDIDATES + 1 per
    /// end, whatever the width (a test holds the cost linear with it).
    weighed: u64,
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
    // No hyphen on a block's last full line and at most MAX_HYPHENATED_IN_A_ROW in a row, where
    // the paragraph can be broken so; else the last-line rule gives way (TeX's demerits), then
    // the limit (a column of nothing but soft hyphens: a third costs EXCESS_HYPHEN_DEMERITS).
    for strict in [Strict::Both, Strict::InARow, Strict::Neither] {
        let runs = if para.hyphens.is_empty() { 1 } else { RUNS };
        scratch.stride = CLASSES * runs;
        scratch.nodes.clear();
        scratch.nodes.resize((n + 1) * scratch.stride, UNREACHED);
        scratch.nodes[0].demerits = 0.0;
        scratch.weighed = 0;

        // The first segment of the current block (after the last mandatory break): a line never
        // holds a mandatory break but at its end.
        let mut block_start = 0;
        for j in 1..=n {
            let last_seg = &segs[j - 1];
            let hyphen = para.hyphen_at_line_end(last_seg.range().end);
            let end = LineEnd {
                j,
                ends_block: j == n || last_seg.mandatory,
                hyphen: hyphen.is_some(),
                strict,
            };
            let mut best = [UNREACHED; STATES];
            if para.tabs.is_some() {
                // Tabs: each segment's advance depends on where the line starts, so a line's width is
                // walked; the starts are weighed nearest first, as many as fit. A paragraph whose
                // lines could hold more than MAX_CANDIDATES segments goes to first fit.
                let natural = |i: usize| {
                    let mut pen = 0.0f32;
                    for seg in &segs[i..j - 1] {
                        pen += para.segment_advance(seg, pen);
                    }
                    let hyphen = hyphen.map_or(0.0, |h| h.advance);
                    f64::from(pen + para.segment_extent(last_seg, pen).1 + hyphen)
                };
                if j - 1 - block_start > MAX_CANDIDATES && natural(j - 1 - MAX_CANDIDATES) <= max {
                    return false;
                }
                for i in (block_start..j).rev() {
                    let natural = natural(i);
                    if natural > max && i + 1 < j {
                        break;
                    }
                    weigh(scratch, segs, pretty, max, &end, i, natural, &mut best);
                }
            } else {
                let end_width = f64::from(hyphen.map_or(0.0, |h| h.advance) - last_seg.hang);
                let wj = scratch.width[j];
                // The starts whose line fits (the narrower the further on), from the fullest: the
                // line of one segment always, then at most MAX_CANDIDATES of the fullest.
                let fits_from = block_start
                    + scratch.width[block_start..j - 1].partition_point(|&w| wj - w + end_width > max);
                let natural = wj - scratch.width[j - 1] + end_width;
                weigh(scratch, segs, pretty, max, &end, j - 1, natural, &mut best);
                let upto = (j - 1).min(fits_from + MAX_CANDIDATES);
                for i in (fits_from..upto).rev() {
                    let natural = wj - scratch.width[i] + end_width;
                    weigh(scratch, segs, pretty, max, &end, i, natural, &mut best);
                }
            }
            let stride = scratch.stride;
            scratch.nodes[j * stride..(j + 1) * stride].copy_from_slice(&best[..stride]);
            if last_seg.mandatory {
                block_start = j;
            }
        }

        if scratch.states(n).iter().any(|node| node.demerits.is_finite()) {
            break;
        }
    }

    // Walk the chosen breaks back from the end.
    scratch.breaks.clear();
    let (mut j, mut state) = (n, best_state(scratch.states(n)));
    while j > 0 {
        scratch.breaks.push(j as u32);
        let node = scratch.states(j)[state];
        (j, state) = (node.prev as usize, usize::from(node.prev_state));
    }
    push_lines(para, shaper, width, overflow, &scratch.breaks, lines)
}

/// The end of the lines being weighed: after segment `j - 1`; whether that ends a block (the
/// paragraph, or a mandatory break) and whether the line ends at a soft hyphen.
struct LineEnd {
    j: usize,
    ends_block: bool,
    hyphen: bool,
    /// Which hyphen rules are strict in this pass.
    strict: Strict,
}

/// Which of the hyphen rules a pass of optimal breaking keeps strictly (lines that break them are
/// not weighed) rather than as demerits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strict {
    /// No third hyphenated line in a row, no hyphen on a block's last full line.
    Both,
    /// No third hyphenated line in a row.
    InARow,
    /// Neither: both cost demerits.
    Neither,
}

/// Weighs the line from segment `i` to `end`, `natural` px wide, against the best ways found to
/// end a line there (`best`, one per tightness class), from each way of reaching `i`.
#[allow(clippy::too_many_arguments)]
#[inline]
fn weigh(
    scratch: &mut OptimalScratch,
    segs: &[Segment],
    pretty: bool,
    max: f64,
    end: &LineEnd,
    i: usize,
    natural: f64,
    best: &mut [Node; STATES],
) {
    scratch.weighed += 1;
    if !scratch.states(i).iter().any(|node| node.demerits.is_finite()) {
        return;
    }
    let j = end.j;
    let stretch = scratch.stretch[j - 1] - scratch.stretch[i];
    let (badness, class) = if natural > max {
        // One piece wider than the line: it overflows or is split, whatever we do.
        (MAX_BADNESS, 0)
    } else if end.ends_block {
        // The last line of a block is set at its natural width (TeX's \parfillskip).
        (0.0, 0)
    } else {
        badness(max - natural, stretch)
    };
    let mut demerits = (LINE_PENALTY + badness).powi(2);
    if end.hyphen {
        demerits += HYPHEN_PENALTY * HYPHEN_PENALTY;
    }

    let starts_block = i == 0 || segs[i - 1].mandatory;
    if pretty && end.ends_block && !starts_block && i + 1 == j {
        demerits += ORPHAN_DEMERITS;
    }
    // (c, run) by nested loops, not by dividing the state: this loop runs for every candidate.
    let runs = scratch.stride / CLASSES;
    let from = scratch.states(i);
    for (c, run) in (0..CLASSES).flat_map(|c| (0..runs).map(move |run| (c, run))) {
        let s = c * runs + run;
        let node = &from[s];
        // The hyphenated lines in a row this line makes: at most MAX_HYPHENATED_IN_A_ROW.
        if !node.demerits.is_finite() {
            continue;
        }
        let mut total = node.demerits + demerits;
        let run_here = if end.hyphen { run + 1 } else { 0 };
        if run_here >= RUNS {
            if end.strict != Strict::Neither {
                continue;
            }
            total += EXCESS_HYPHEN_DEMERITS;
        }
        let run_here = run_here.min(runs - 1);
        if class.abs_diff(c) > 1 {
            total += ADJACENT_DEMERITS;
        }
        // TeX's demerits for two hyphens in a row, and for a hyphen on a block's last full line.
        if end.hyphen && run > 0 {
            total += DOUBLE_HYPHEN_DEMERITS;
        }
        // No hyphen on a block's last full line where that can be helped (CSS `hyphenate-limit-last:
        // always`); else TeX's \finalhyphendemerits.
        if end.ends_block && run > 0 {
            if end.strict == Strict::Both {
                continue;
            }
            total += FINAL_HYPHEN_DEMERITS;
        }
        let state = class * runs + run_here;
        if total < best[state].demerits {
            best[state] = Node {
                demerits: total,
                prev: i as u32,
                prev_state: s as u8,
            };
        }
    }
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

/// The state with the least total demerits at the paragraph's end.
fn best_state(nodes: &[Node]) -> usize {
    (0..nodes.len())
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

#[cfg(all(test, feature = "bundled-fonts"))]
mod tests {
    use super::*;
    use crate::{FontBook, LayoutContext, Paragraph, TextStyle, MAX_WIDTH};

    /// The lines weighed per candidate break stay bounded whatever the width: at MAX_WIDTH every
    /// start of a 5,000-word paragraph fits one line, and weighing them all made the breaking
    /// quadratic (issue 28: 4.6 s for 200 KB).
    #[test]
    fn the_work_per_candidate_break_is_bounded_at_any_width() {
        let book = FontBook::with_bundled_fonts();
        let mut cx = LayoutContext::new();
        let text = "word ".repeat(5000);
        let para = Paragraph::new(&text, TextStyle::new("Noto Sans"), &book, &mut cx).unwrap();
        let (mut shaper, mut scratch, mut lines) = (Shaper::default(), OptimalScratch::default(), Vec::new());
        let n = para.segments.len() as u64;
        for width in [400.0, MAX_WIDTH] {
            let done = break_lines_optimal(
                &para,
                &mut shaper,
                width,
                OverflowWrap::Anywhere,
                false,
                &mut scratch,
                &mut lines,
            );
            assert!(done);
            assert!(
                scratch.weighed <= n * (MAX_CANDIDATES as u64 + 1),
                "{} lines weighed for {n} breaks",
                scratch.weighed
            );
            // The lines tile the text and fit.
            assert_eq!(lines.first().map(|l| l.start), Some(0));
            assert_eq!(lines.last().map(|l| l.end), Some(text.len()));
            assert!(lines.windows(2).all(|w| w[0].end == w[1].start));
            for l in &lines {
                let body = crate::text::chars::hanging_start(&text, l.clone());
                let w: f32 = para.advance_at[l.start..body].iter().sum();
                assert!(w <= width + 1e-3, "{w} > {width}");
            }
        }
    }
}
