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
//!   punctuation keep the face before them), so the window is itemised alone; the edit is taken
//!   only when the window comes out as one item like the item it lies strictly inside.
//! - **Shaping**: that item must have been shaped by the word path (`shape/words.rs`): its
//!   glyphs are its words shaped apart, every word boundary shown safe by HarfBuzz's
//!   unsafe-to-concat flag. Both anchors are word boundaries; the window's words are shaped the
//!   same way with both of its own ends required safe, so the new item is again its words
//!   joined, every boundary safe: what shaping it whole gives.
//! - **Styles**: the spans must resolve to the paragraph's styles, with no style change inside
//!   the window. Paragraphs with tabs, letter or word spacing, automatic hyphenation, soft
//!   hyphens, inline boxes or paints apart from their clusters are built afresh.
//!
//! Cost: the window's analysis and shaping (a few words, from the word cache), plus moving the
//! per-byte and per-glyph tables after the window and shifting their offsets: O(n) memory moves
//! of simple values, no analysis.

use std::ops::Range;
use std::sync::Arc;

use unicode_bidi::BidiClass;

use super::builder::{add_glyph_bytes, resolve_stacks, BuildScratch};
use super::itemize::{itemize, shape_request, Item};
use super::result::Paragraph;
use super::segments::{segments, CLUSTER_START};
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
        if !window.chars().all(plain_char) || self.text[a..b].chars().any(is_bracket) {
            return None;
        }
        let k = self.item_around(a, b)?;
        // The window with the letter after it: its right context.
        let next = edit.text[b_new..].chars().next().map_or(0, char::len_utf8);
        let context = &edit.text[a..b_new + next];
        scratch.analysed += context.len() as u64;
        let analysis = self.window_analysis(context, window.len(), &self.items[k])?;
        let style_runs = self.styles_after(edit, a, b)?;
        let stacks = self.stacks_of(book, self.items[k].style)?;
        let mut uncovered = Vec::new();
        let runs = [(0, self.items[k].style)];
        let items = itemize(
            window,
            &analysis,
            &runs,
            &stacks,
            &self.fonts,
            self.per_char,
            &[],
            &mut uncovered,
        );
        let item = &self.items[k];
        let like = |w: &Item| {
            w.level == item.level && w.script == item.script && w.font == item.font && w.style == item.style
        };
        if !uncovered.is_empty() || items.len() != 1 || !like(&items[0]) {
            return None;
        }
        // The window's words, every boundary (its ends too) safe to join.
        let whole = Item {
            range: a..b_new,
            ..item.clone()
        };
        let request = shape_request(edit.text, &self.fonts, &self.styles, &whole, a..b_new, item.level);
        let mut glyphs = Vec::new();
        // Joined to the item's words before it, and after it unless it ends the paragraph.
        let at_end = b_new == edit.text.len();
        if !shaper.shape_interior(&request, (true, !at_end), &mut glyphs) {
            return None;
        }
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
        let spliced = self.splice(edit.text, a..b, k, &glyphs, &breaks, &analysis.bidi);
        scratch.breaks = breaks;
        if !spliced {
            return None;
        }
        self.style_runs = style_runs;
        Some(a..b_new)
    }

    /// The item that holds `a..b` with room before it and after it (or that ends the text with
    /// it), if it was shaped by the word path and has glyph clusters starting at both ends.
    fn item_around(&self, a: usize, b: usize) -> Option<usize> {
        let k = self.items.partition_point(|it| it.range.end <= a);
        let it = self.items.get(k)?;
        let len = self.text.len();
        let starts = |p: usize| p == len || self.flags.get(p).is_some_and(|f| f & CLUSTER_START != 0);
        (it.range.start < a
            && (b < it.range.end || b == len && it.range.end == len)
            && it.by_words
            && !it.whole_only
            && it.inline_box.is_none()
            && starts(a)
            && starts(b))
        .then_some(k)
    }

    /// The window's bidi levels and script runs (of `context`, the window and the letter after
    /// it), if every char of the window is at the item's level and in its script, and the
    /// window's first letter has the paragraph's embedding direction (see the module notes on
    /// rule N0).
    fn window_analysis(&self, context: &str, len: usize, item: &Item) -> Option<Analysis> {
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
        let bidi = BidiLevels::new(context, direction);
        if (0..len).any(|i| bidi.level_at(i) != Some(item.level)) {
            return None;
        }
        let mut scripts = Vec::new();
        script_runs(&context[..len], &mut scripts);
        if scripts.len() != 1 || scripts[0].script != item.script {
            return None;
        }
        Some(Analysis {
            bidi,
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

    /// Puts the window's tables in place of the old ones over `old` (item `k`'s glyphs,
    /// advances and flags, segments, missing glyphs, levels) and shifts everything after it.
    fn splice(
        &mut self,
        text: &str,
        old: Range<usize>,
        k: usize,
        glyphs: &[ShapedGlyph],
        breaks: &[BreakOpportunity],
        bidi: &BidiLevels,
    ) -> bool {
        let (a, b) = (old.start, old.end);
        let len = text.len() + old.len() - self.text.len();
        let shift = |p: usize| p + text.len() - self.text.len();
        let window = &text[a..a + len];
        // Segments: the old ones must end at both anchors.
        let s0 = self.segments.partition_point(|s| s.range().start < a);
        let s1 = self.segments.partition_point(|s| s.range().start < b);
        if self.segments.get(s0).map(|s| s.range().start) != Some(a)
            || self.segments.get(s1).is_some_and(|s| s.range().start != b)
        {
            return false;
        }
        // The item's glyphs of the window: contiguous, in either direction.
        let item = &self.items[k];
        let rtl = item.level % 2 == 1;
        let own = &self.glyphs[item.glyphs.clone()];
        let inside = |g: &ShapedGlyph| (a..b).contains(&g.text_offset());
        let (from, to) = if rtl {
            (
                own.partition_point(|g| g.text_offset() >= b),
                own.partition_point(|g| g.text_offset() >= a),
            )
        } else {
            (
                own.partition_point(|g| g.text_offset() < a),
                own.partition_point(|g| g.text_offset() < b),
            )
        };
        if !own[from..to].iter().all(inside) {
            return false;
        }
        let g0 = item.glyphs.start;
        let (from, to) = (g0 + from, g0 + to);
        // Advances and flags of the window's bytes.
        let mut advance_at = vec![0.0f32; len];
        let mut flags = vec![0u8; len];
        add_glyph_bytes(glyphs, a, &mut advance_at, &mut flags);
        let mut new_segments = segments(window, breaks, &advance_at);
        for s in &mut new_segments {
            s.shift(a as isize);
        }
        let tail = self.segments.len() - s1;
        self.segments.splice(s0..s1, new_segments);
        let delta = text.len() as isize - self.text.len() as isize;
        let n = self.segments.len();
        for s in &mut self.segments[n - tail..] {
            s.shift(delta);
        }
        self.advance_at.splice(a..b, advance_at);
        self.flags.splice(a..b, flags);
        self.glyphs.splice(from..to, glyphs.iter().copied());
        let new_to = from + glyphs.len();
        let glyph_delta = glyphs.len() as isize - (to - from) as isize;
        for (i, g) in self.glyphs.iter_mut().enumerate().skip(g0) {
            if !(from..new_to).contains(&i) && g.text_offset() >= b {
                g.cluster = shift(g.text_offset()) as u32;
            }
        }
        let moved = |r: &mut Range<usize>, by: isize| {
            *r = (r.start as isize + by) as usize..(r.end as isize + by) as usize;
        };
        self.items[k].range.end = shift(self.items[k].range.end);
        self.items[k].glyphs.end = (self.items[k].glyphs.end as isize + glyph_delta) as usize;
        for it in &mut self.items[k + 1..] {
            moved(&mut it.range, delta);
            moved(&mut it.glyphs, glyph_delta);
        }
        // Missing glyphs: the window's own, the ones after it moved.
        let m0 = self.missing.partition_point(|&m| m < a);
        let m1 = self.missing.partition_point(|&m| m < b);
        let mut missing: Vec<usize> = glyphs
            .iter()
            .filter(|g| g.id == 0)
            .map(|g| g.text_offset())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let tail = self.missing.len() - m1;
        self.missing.splice(m0..m1, missing);
        let n = self.missing.len();
        for m in &mut self.missing[n - tail..] {
            *m = shift(*m);
        }
        self.bidi.splice(a..b, bidi, len, text.len());
        self.text = Arc::from(text);
        true
    }
}
