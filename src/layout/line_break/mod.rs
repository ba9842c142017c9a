//! Line breaking: where each line of a paragraph ends, at UAX #14 opportunities on the shaped
//! advances.
//!
//! In: a [`Paragraph`] (its segments, advances and soft hyphens), the width and the options.
//! Out: each line's byte range. Trailing whitespace hangs past the edge and does not count toward
//! the fit (as in CSS); a word wider than the line is broken between grapheme clusters, or
//! overflows with [`OverflowWrap::Normal`]; a mandatory break always ends a line. Works on the
//! paragraph's precomputed segments, so a layout at a new width costs one pass over the
//! segments, not over the text.
//!
//! | file | what |
//! |---|---|
//! | `mod.rs` | which breaker the options ask for |
//! | `first_fit.rs` | first fit, and a word too wide broken between clusters |
//! | `wrap.rs` | CSS `text-wrap: pretty` and `balance` on top of first fit |
//! | `optimal.rs` | Knuth and Plass's total fit |
//!
//! [`OverflowWrap::Normal`]: crate::OverflowWrap::Normal

use std::ops::Range;

use crate::layout::options::{LayoutOptions, LineBreaking, TextWrap};
use crate::paragraph::Paragraph;
use crate::shape::Shaper;

mod first_fit;
mod optimal;
mod wrap;

pub(crate) use first_fit::{break_lines, break_lines_from};
use optimal::{break_lines_optimal, OptimalScratch};
use wrap::{break_lines_pretty, wrap_width};

/// Line breaking's tables, kept in the context so that reflow allocates nothing once warm.
#[derive(Debug, Default)]
pub(crate) struct BreakScratch {
    /// The last lines broken again ([`TextWrap::Pretty`]).
    tail: Vec<Range<usize>>,
    /// The tables of optimal line breaking.
    optimal: OptimalScratch,
}

/// Writes the byte range of each line of `para` into `lines` (cleared first), broken at `max`
/// (infinite: only at hard breaks) as `options` ask: first fit, optimal, balanced or pretty.
/// Every byte of the text is in exactly one range; there is always at least one line.
pub(crate) fn break_paragraph(
    para: &Paragraph,
    shaper: &mut Shaper,
    options: &LayoutOptions,
    max: f32,
    scratch: &mut BreakScratch,
    lines: &mut Vec<Range<usize>>,
) {
    let wraps = max.is_finite();
    let overflow = options.get_overflow_wrap();
    let mode = options.get_text_wrap();
    let optimal = wraps && options.get_breaking() == LineBreaking::Optimal;
    if optimal
        && mode != TextWrap::Balance
        && break_lines_optimal(
            para,
            shaper,
            max,
            overflow,
            mode == TextWrap::Pretty,
            &mut scratch.optimal,
            lines,
        )
    {
        // Chosen together; a `false` (a line reshaped too wide) falls through to first fit.
    } else if mode == TextWrap::Pretty && wraps {
        break_lines_pretty(para, shaper, max, overflow, lines, &mut scratch.tail);
    } else {
        let max = if mode == TextWrap::Balance && wraps {
            wrap_width(para, shaper, max, overflow, lines)
        } else {
            max
        };
        break_lines(para, shaper, max, overflow, lines);
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
        // UAX #14 LB4/LB5: a break after each; then the empty last line after the final break
        // (Pango gives "a\n\n" three lines, the last empty at offset 3).
        assert_eq!(lines("a\n\n", 1000.0), vec!["a\n", "\n", ""]);
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_between_graphemes() {
        // Width 0: one grapheme cluster a line; a vowel point never leaves its letter.
        assert_eq!(lines("פֿאַר", 0.0), vec!["פֿ", "אַ", "ר"]);
    }
}
