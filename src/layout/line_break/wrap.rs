//! The wrap modes on top of first fit (CSS `text-wrap`): `pretty` breaks a paragraph's last two
//! lines again where the last would hold one word; `balance` breaks at the narrowest width that
//! keeps the number of lines.

use std::ops::Range;

use super::first_fit::{break_lines, break_lines_from};
use crate::layout::options::OverflowWrap;
use crate::paragraph::Paragraph;
use crate::shape::Shaper;
use crate::text::chars::ends_with_hard_break;

/// First fit at `width` for [`TextWrap::Pretty`](crate::TextWrap::Pretty): where the last line is one piece (between two
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
    // A width of 0 (or so small that a 64th of it is 0) has no narrower width to try: a step of
    // 0 would never end the loop.
    if n < 2 || !(width.is_finite() && width / 64.0 > 0.0) || pieces_from(lines[n - 1].start) >= 2 {
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
        break_lines_from(para, shaper, w, overflow, from, tail, &mut |_| false);
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

/// At most this many lines are balanced; a longer paragraph wraps as usual. CSS Text 4 lets a
/// browser set such a limit (recommending at most 10) for the cost of balancing; Chromium's is 6
/// (measured with tools/chromium/lines.mjs --wrap balance: every 5- and 6-line paragraph of the
/// corpus balanced, every one of 7 lines or more broken as with `wrap`).
const MAX_BALANCED_LINES: usize = 6;

/// The width to break at for [`TextWrap::Balance`](crate::TextWrap::Balance) (first fit at that width gives the lines):
/// the narrowest width (to 1/4096 of the full one, by bisection) that gives as many lines as
/// `width`; `width` for one line or more than [`MAX_BALANCED_LINES`]. Each try is a first fit on
/// the paragraph's segments (no reshaping but at unsafe cuts), into `lines`.
pub(crate) fn wrap_width(
    para: &Paragraph,
    shaper: &mut Shaper,
    width: f32,
    overflow: OverflowWrap,
    lines: &mut Vec<Range<usize>>,
) -> f32 {
    let mut lines_at = |w: f32, shaper: &mut Shaper| {
        break_lines(para, shaper, w, overflow, lines);
        lines.len()
    };
    let lines = lines_at(width, shaper);
    if !(2..=MAX_BALANCED_LINES).contains(&lines) || !width.is_finite() {
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
