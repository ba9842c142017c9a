//! Editing a paragraph in place: an edit's text re-analysed, itemised and shaped over a short
//! window around it, and the window's tables spliced into the paragraph's, instead of building
//! the whole paragraph again. What comes out is what a fresh build of the new text gives
//! (`tests/incremental.rs` holds the two equal over random edit scripts); where that cannot be
//! shown from the text around the edit, `Paragraph::edit_in_place` says no and the caller
//! builds the paragraph afresh.
//!
//! In: the paragraph, the new text, the range the edit replaced, the spans of the new text, a
//! font book and the shaper. Out: the paragraph brought up to date and the window re-analysed,
//! or `None`.
//!
//! # The window, and why each stage is local to it
//!
//! The window runs from an *anchor* before the edit to one after it. An anchor is a position
//! between `letter SPACE` and a `letter`, each letter Latin (ASCII) or Hebrew (UAX #14 classes
//! AL and HL; bidi classes L and R), all three chars outside the edit. The window's new text is
//! analysed together with the letter after it (its right context); everything outside the
//! window keeps its old tables, shifted by the change in length. Where no anchor follows the
//! edit the window runs to the paragraph's end (typing at the end), which every stage sees as
//! the text's end in both builds. The stages, in order:
//!
//! - **Bidi** (UAX #9): the window must be plain text at the paragraph level
//!   ([`BidiLevels::is_plain_at`]: outside every embedding and isolate, which the text around
//!   sees as neutrals) and the window free of brackets, separators and boundary
//!   neutrals. Rules W1–W7 look back only to the last strong char and N1–N2 resolve a neutral
//!   between the strong chars around it; the window starts with a strong letter and is followed
//!   by one, so no rule reaches across its ends, and sos/eos never decide. N0 (paired brackets)
//!   can reach across: a pair around the window takes the embedding direction when a strong char
//!   of that direction is inside it; where the paragraph has brackets, the window's first
//!   letter is required to be of that direction, so every pair around the window resolves as before, and pairs beside it see the
//!   strong letters at its ends first. The paragraph level comes from the first strong char,
//!   which stands before the window.
//! - **Scripts**: Common chars take the script before them, a closing bracket its opener's; the
//!   window starts with a letter of a real script and holds no bracket, so no resolution crosses
//!   its ends (the letter after it resets the script again).
//! - **Line breaks** (UAX #14): every rule that looks back over more than one char (`OP SP*`,
//!   `QU SP*`, `CL SP*`, `B2 SP*`, `ZW SP*`, `X CM*`, numbers, regional indicators, `HL (HY|BA)`,
//!   aksaras) stops at an AL or HL letter, and the longest look-ahead of any rule (two chars)
//!   from inside the window ends at the letter after it, which the window's analysis includes.
//!   The break at each anchor (LB18, after spaces) is the same either side of the edit.
//! - **Faces and items**: a letter's face is chosen by coverage alone (only spaces and
//!   punctuation keep the face before them), so the window is itemised alone. Its first item
//!   must continue the item the window starts inside (same level, script, face, style), its
//!   last the item it ends inside; the items between are the window's own (a Latin word typed
//!   into Yiddish, a full stop from the Latin face): `splice.rs` joins and places them.
//! - **Shaping**: the two items the window's ends lie inside must have been shaped by the word
//!   path (`shape/words.rs`): their glyphs are their words shaped apart, every word boundary
//!   shown safe by HarfBuzz's unsafe-to-concat flag. Both anchors are word boundaries; the
//!   window's first and last items are shaped the same way with their joined ends required
//!   safe, so each joined item is again its words joined, every boundary safe: what shaping it
//!   whole gives. The items between are shaped as a build shapes them.
//! - **Styles**: the spans must resolve to the paragraph's styles, with no style change inside
//!   the window. Paragraphs with tabs, letter or word spacing, automatic hyphenation, soft
//!   hyphens, inline boxes or paints apart from their clusters are built afresh.
//!
//! Cost: the window's analysis and shaping (a few words, from the word cache), plus moving the
//! per-byte and per-glyph tables after the window and shifting their offsets: O(n) memory moves
//! of simple values, no analysis.

use std::ops::Range;

use unicode_bidi::BidiClass;

use super::builder::{resolve_stacks, BuildScratch};
use super::itemize::{itemize, shape_request, slices_need_reshaping, Item};
use super::result::Paragraph;
use super::segments::CLUSTER_START;
use super::splice::Window;
use crate::font::{Font, FontBook};
use crate::shape::{ShapedGlyph, Shaper};
use crate::style::span::resolve_styles;
use crate::style::{Hyphens, SpanStyle, TextStyle};
use crate::text::analysis::script_runs;
use crate::text::bidi::is_bracket;
use crate::text::breaks::break_opportunities_into;
use crate::text::chars::{bidi_class, is_hard_break};
use crate::text::{Analysis, BaseDirection, BidiLevels, BreakOpportunity};

/// How far from the edit an anchor is looked for, each way, before giving up (a window this
/// long is still cheap; a text without anchors is rebuilt).
const MAX_REACH: usize = 1024;

/// An edit of a paragraph's text, as [`Paragraph::edit_in_place`] takes it.
pub(crate) struct ParagraphEdit<'a> {
    /// The paragraph's whole text after the edit.
    pub text: &'a str,
    /// The byte range of the old text the edit replaced.
    pub old: Range<usize>,
    /// The length of the text that replaced it.
    pub inserted: usize,
    /// The base style the paragraph was built with.
    pub base: &'a TextStyle,
    /// The spans over the new text (offsets in the paragraph).
    pub spans: &'a [(Range<usize>, SpanStyle)],
}

/// A letter anchors a window: Latin (ASCII) or Hebrew (UAX #14 AL or HL; bidi L or R).
fn is_anchor_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{5D0}'..='\u{5EA}').contains(&c) || ('\u{5F0}'..='\u{5F2}').contains(&c)
}

/// Whether `p` is an anchor of `text`: `letter SPACE | letter`.
fn is_anchor(text: &str, p: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..p), text.get(p..)) else {
        return false;
    };
    let mut back = before.chars().rev();
    back.next() == Some(' ')
        && back.next().is_some_and(is_anchor_letter)
        && after.chars().next().is_some_and(is_anchor_letter)
}

/// The window around `old` (a range of `text`): the last anchor whose letter ends at or before
/// `old.start`, and the first whose `letter SPACE` starts at or after `old.end`, or the text's
/// end (typing at the end of a paragraph: nothing after the window to keep).
fn window(text: &str, old: &Range<usize>) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let lowest = old.start.saturating_sub(MAX_REACH);
    let mut a = None;
    let mut i = old.start;
    while i > lowest {
        i -= 1;
        // A space at i - 1: a candidate anchor at i, whose letter must end before the edit.
        if i >= 1 && bytes[i - 1] == b' ' && is_anchor(text, i) {
            let letter = text[i..].chars().next().map_or(0, char::len_utf8);
            if i + letter <= old.start {
                a = Some(i);
                break;
            }
        }
    }
    let highest = (old.end + MAX_REACH).min(text.len());
    let mut b = None;
    let mut j = old.end;
    while j < highest {
        // A space at j: a candidate anchor at j + 1, whose letter before the space must start
        // at or after the edit's end.
        if bytes[j] == b' ' && is_anchor(text, j + 1) {
            let letter = text[..j].chars().next_back().map_or(0, char::len_utf8);
            if j - letter >= old.end {
                b = Some(j + 1);
                break;
            }
        }
        j += 1;
    }
    if j == text.len() {
        b = b.or(Some(j));
    }
    Some((a?, b?))
}

/// Whether a window may hold `c`: nothing that reaches across the window's ends or that the
/// in-place path does not handle (see the module notes).
fn plain_char(c: char) -> bool {
    use BidiClass::*;
    !is_hard_break(c)
        && !matches!(c, '\t' | '\u{AD}' | '\u{FFFC}')
        && !is_bracket(c)
        && !matches!(
            bidi_class(c),
            B | S | BN | LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI
        )
}

impl Paragraph {
    /// Brings the paragraph up to date with `edit` by re-analysing a window around it (see the
    /// module notes) and returns the window (the range of the new text whose tables changed),
    /// or returns `None`, having changed nothing, where the window cannot be shown
    /// to give what a fresh build gives: the caller then builds the paragraph again. The
    /// paragraph must have been built with `edit.base`, the same direction, fallback, ellipsis
    /// and tab stops, and no hyphenator (the editor's paragraphs). `scratch` counts the bytes
    /// analysed.
    pub(crate) fn edit_in_place(
        &mut self,
        book: &FontBook,
        shaper: &mut Shaper,
        scratch: &mut BuildScratch,
        edit: &ParagraphEdit<'_>,
    ) -> Option<Range<usize>> {
        let old_len = self.text.len();
        let new_len = edit.text.len();
        if !shaper.words
            || self.tabs.is_some()
            || self.spacing
            || !self.hyphens.is_empty()
            || !self.boxes.is_empty()
            || !self.glyph_paints.is_empty()
            || edit.old.end > old_len
            || new_len + edit.old.len() != old_len + edit.inserted
            || self.styles.iter().any(|s| s.hyphens_mode() == Hyphens::Auto)
        {
            return None;
        }
        let (a, b) = window(&self.text, &edit.old)?;
        if !self.bidi.is_plain_at(a) {
            return None;
        }
        let b_new = b + new_len - old_len;
        let window = edit.text.get(a..b_new)?;
        // A window reaching the text's end may end with the paragraph's own `\n`.
        let body = if b_new == new_len {
            window.strip_suffix('\n').unwrap_or(window)
        } else {
            window
        };
        if !body.chars().all(plain_char) || self.text[a..b].chars().any(is_bracket) {
            return None;
        }
        let (k0, k1) = self.items_around(a, b)?;
        // The window with the letter after it: its right context.
        let next = edit.text[b_new..].chars().next().map_or(0, char::len_utf8);
        let context = &edit.text[a..b_new + next];
        scratch.analysed += context.len() as u64;
        let analysis = self.window_analysis(context, window.len())?;
        let style_runs = self.styles_after(edit, a, b)?;
        let style = self.items[k0].style;
        let stacks = self.stacks_of(book, style)?;
        let mut uncovered = Vec::new();
        let mut items = itemize(
            window,
            &analysis,
            &[(0, style)],
            &stacks,
            &self.fonts,
            self.per_char,
            &[],
            &mut uncovered,
        );
        // The window's first item continues `k0`, its last continues `k1`.
        let like = |w: &Item, k: usize| {
            let it = &self.items[k];
            w.level == it.level && w.script == it.script && w.font == it.font && w.style == it.style
        };
        let m = items.len().checked_sub(1)?;
        if !uncovered.is_empty() || !like(&items[0], k0) || !like(&items[m], k1) || (m == 0 && k0 != k1) {
            return None;
        }
        let at_end = b_new == edit.text.len();
        let glyphs = self.shape_window(shaper, edit.text, a, &mut items, at_end)?;
        let mut breaks = std::mem::take(&mut scratch.breaks);
        break_opportunities_into(context, &mut breaks);
        if at_end {
            // The text's own end: its mandatory break is the window's.
            breaks.retain(|o| o.pos > 0);
        } else {
            breaks.retain(|o| o.pos > 0 && o.pos < window.len());
            breaks.push(BreakOpportunity {
                pos: window.len(),
                mandatory: false,
            });
        }
        let spliced = self.splice_window(
            edit.text,
            a..b,
            (k0, k1),
            &Window {
                range: a..b_new,
                items: &items,
                glyphs: &glyphs,
                breaks: &breaks,
                bidi: &analysis.bidi,
            },
        );
        scratch.breaks = breaks;
        if !spliced {
            return None;
        }
        self.style_runs = style_runs;
        Some(a..b_new)
    }

    /// Shapes the window's items (their ranges made absolute, at `a` in `text`), noting each
    /// one's glyphs in the returned store: the first is joined to the words of the item before
    /// the window, the last to those of the item after it (unless it ends the text), so they
    /// must be shown safe to join; the others are shaped as a build shapes them. `None` where a
    /// joined end is not safe.
    fn shape_window(
        &self,
        shaper: &mut Shaper,
        text: &str,
        a: usize,
        items: &mut [Item],
        at_end: bool,
    ) -> Option<Vec<ShapedGlyph>> {
        let m = items.len() - 1;
        let mut glyphs = Vec::new();
        for (j, it) in items.iter_mut().enumerate() {
            it.range = a + it.range.start..a + it.range.end;
            let request = shape_request(text, &self.fonts, &self.styles, it, it.range.clone(), it.level);
            let joined = (j == 0, j == m && !at_end);
            let start = glyphs.len();
            it.by_words = if joined.0 || joined.1 {
                if !shaper.shape_interior(&request, joined, &mut glyphs) {
                    return None;
                }
                true
            } else {
                shaper.shape(&request, &mut glyphs)
            };
            it.glyphs = start..glyphs.len();
            it.whole_only = slices_need_reshaping(it);
        }
        Some(glyphs)
    }

    /// The items holding the window's two ends, `a` with text of it before `a` and `b` with
    /// text of it from `b` on (at the text's end: the last item, whose end the window takes), if both were shaped by the word path
    /// and glyph clusters start at both ends.
    fn items_around(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let len = self.text.len();
        let k0 = self.items.partition_point(|it| it.range.end <= a);
        let k1 = if b == len {
            self.items.len().checked_sub(1)?
        } else {
            self.items.partition_point(|it| it.range.end <= b)
        };
        let (first, last) = (self.items.get(k0)?, self.items.get(k1)?);
        let starts = |p: usize| p == len || self.flags.get(p).is_some_and(|f| f & CLUSTER_START != 0);
        let usable = |it: &Item| it.by_words && !it.whole_only && it.inline_box.is_none();
        // At the text's end nothing of the last item is kept after the window.
        let last_ok = (last.range.start < b && usable(last)) || b == len;
        (first.range.start < a && usable(first) && last_ok && starts(a) && starts(b)).then_some((k0, k1))
    }

    /// The window's bidi levels and script runs (of `context`, the window and the letter after
    /// it, `len` bytes of window), if the window's first letter has the paragraph's embedding
    /// direction or the paragraph has no brackets (see the module notes on rule N0).
    fn window_analysis(&self, context: &str, len: usize) -> Option<Analysis> {
        let rtl = self.bidi.base_level() == 1;
        let first = context.chars().next().map(bidi_class)?;
        let embedding = if rtl {
            matches!(first, BidiClass::R | BidiClass::AL)
        } else {
            first == BidiClass::L
        };
        if !embedding && self.bidi.has_brackets() {
            return None;
        }
        let direction = if rtl {
            BaseDirection::Rtl
        } else {
            BaseDirection::Ltr
        };
        let mut scripts = Vec::new();
        script_runs(&context[..len], &mut scripts);
        Some(Analysis {
            bidi: BidiLevels::new(context, direction),
            scripts,
            breaks: Vec::new(),
        })
    }

    /// The style runs of the new text, if its spans resolve to the paragraph's styles, the same
    /// style runs around the window (shifted past it) and no style change inside it.
    fn styles_after(&self, edit: &ParagraphEdit<'_>, a: usize, b: usize) -> Option<Vec<(usize, usize)>> {
        let delta = edit.text.len() as isize - self.text.len() as isize;
        let mut styles = Vec::new();
        let runs = resolve_styles(edit.base.clone(), edit.spans, edit.text.len(), &mut styles);
        if styles != self.styles || runs.len() != self.style_runs.len() {
            return None;
        }
        let same = self
            .style_runs
            .iter()
            .zip(&runs)
            .all(|(&(s, style), &(n, new_style))| {
                let moved = if s >= b { (s as isize + delta) as usize } else { s };
                (s <= a || s >= b) && moved == n && style == new_style
            });
        same.then_some(runs)
    }

    /// The faces of style `style`'s stack as indexes into the paragraph's faces (every other
    /// style's stack empty), if the paragraph has them all.
    fn stacks_of(&self, book: &FontBook, style: usize) -> Option<Vec<Vec<usize>>> {
        let mut fonts: Vec<Font> = Vec::new();
        let mut stack = [Vec::new()];
        resolve_stacks(
            book,
            std::slice::from_ref(&self.styles[style]),
            &mut fonts,
            &mut stack,
        )
        .ok()?;
        let mine: Option<Vec<usize>> = stack[0]
            .iter()
            .map(|&i| self.fonts.iter().position(|f| *f == fonts[i]))
            .collect();
        let mut stacks = vec![Vec::new(); self.styles.len()];
        stacks[style] = mine?;
        Some(stacks)
    }
}
