//! Splicing an edit's window into a paragraph (`edit.rs` decides that it may): the window's
//! segments, advances, flags, missing glyphs and levels in place of the old ones, and its items
//! and glyphs among the old items', everything after the window moved along the text.
//!
//! The window lies from inside item `k0` to inside item `k1` (the same item, or one that ends
//! the text with it). Its first item continues `k0` and its last continues `k1`: they are
//! joined to the old items' parts outside the window (`left`: `k0`'s text before the window;
//! `right`: `k1`'s after it); the items between are the window's own. An item's glyphs are left
//! to right, so in a right-to-left item the glyphs of `right` come first and those of `left`
//! last: a left-to-right item keeps its outer part in place in the glyph store, a right-to-left
//! one has it copied next to the window's glyphs.

use std::ops::Range;
use std::sync::Arc;

use super::builder::add_glyph_bytes;
use super::itemize::{slices_need_reshaping, Item};
use super::result::Paragraph;
use super::segments::segments;
use crate::shape::ShapedGlyph;
use crate::text::splice::splice_adjusted;
use crate::text::{BidiLevels, BreakOpportunity};

/// What an edit's window brings: its items (ranges in the new text, glyph ranges into
/// `glyphs`), their glyphs, its break opportunities (relative to the window) and its levels.
pub(super) struct Window<'w> {
    pub range: Range<usize>,
    pub items: &'w [Item],
    pub glyphs: &'w [ShapedGlyph],
    pub breaks: &'w [BreakOpportunity],
    pub bidi: &'w BidiLevels,
}

/// Where the glyphs change: the old glyphs `old` are replaced by `new` (built here), and the
/// items `k0..=k1` by `items`.
struct GlyphPlan {
    old: Range<usize>,
    new: Vec<ShapedGlyph>,
    items: Vec<Item>,
}

/// `v`'s index range moved by `by`.
fn moved(r: &Range<usize>, by: isize) -> Range<usize> {
    (r.start as isize + by) as usize..(r.end as isize + by) as usize
}

impl Paragraph {
    /// Puts `window` in place of the old text `old` (`a..b`, from inside item `k0` to inside
    /// item `k1`) in every table and takes `text` as the paragraph's text; false, with nothing
    /// changed, where the old tables are not cut where the window needs them.
    pub(super) fn splice_window(
        &mut self,
        text: &str,
        old: Range<usize>,
        (k0, k1): (usize, usize),
        window: &Window<'_>,
    ) -> bool {
        let (a, b) = (old.start, old.end);
        let delta = text.len() as isize - self.text.len() as isize;
        // Segments: the old ones must be cut at both ends of the window.
        let s0 = self.segments.partition_point(|s| s.range().start < a);
        let s1 = self.segments.partition_point(|s| s.range().start < b);
        if self.segments.get(s0).map(|s| s.range().start) != Some(a)
            || self.segments.get(s1).is_some_and(|s| s.range().start != b)
        {
            return false;
        }
        let Some(plan) = self.glyph_plan(old.clone(), (k0, k1), window, delta) else {
            return false;
        };
        let len = window.range.len();
        let mut advance_at = vec![0.0f32; len];
        let mut flags = vec![0u8; len];
        add_glyph_bytes(window.glyphs, a, &mut advance_at, &mut flags);
        let mut new_segments = segments(&text[window.range.clone()], window.breaks, &advance_at);
        for s in &mut new_segments {
            s.shift(a as isize);
        }
        let shift = |p: usize| (p as isize + delta) as usize;
        splice_adjusted(&mut self.segments, s0..s1, &new_segments, |s| s.shift(delta));
        self.advance_at.splice(a..b, advance_at);
        self.flags.splice(a..b, flags);
        // The glyphs after the window's text move by the change in length (those the plan
        // copied are moved already).
        let after = |g: &mut ShapedGlyph| {
            if g.text_offset() >= b {
                g.cluster = shift(g.text_offset()) as u32;
            }
        };
        let glyph_delta = plan.new.len() as isize - plan.old.len() as isize;
        // Before the window in the glyph vector, only a right-to-left first item (its glyphs
        // in visual order) holds text after the window: a left-to-right one's are in text
        // order, all before it, and the pass over them (half a long paragraph's glyphs) is
        // skipped. (A left-to-right item of a right-to-left script is shaped reversed and back:
        // kept in the pass, whatever its order.)
        let item = &self.items[k0];
        if item.level % 2 == 1 || slices_need_reshaping(item) {
            let first_item_glyph = self.items[k0].glyphs.start;
            self.glyphs[first_item_glyph..plan.old.start]
                .iter_mut()
                .for_each(after);
        }
        splice_adjusted(&mut self.glyphs, plan.old, &plan.new, after);
        let n_new = plan.items.len();
        self.items.splice(k0..=k1, plan.items);
        for it in &mut self.items[k0 + n_new..] {
            it.range = moved(&it.range, delta);
            it.glyphs = moved(&it.glyphs, glyph_delta);
        }
        // Missing glyphs: the window's own, the ones after it moved.
        let m0 = self.missing.partition_point(|&m| m < a);
        let m1 = self.missing.partition_point(|&m| m < b);
        let mut missing: Vec<usize> = window
            .glyphs
            .iter()
            .filter(|g| g.id == 0)
            .map(|g| g.text_offset())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        splice_adjusted(&mut self.missing, m0..m1, &missing, |m| *m = shift(*m));
        self.bidi.splice(a..b, window.bidi, len, text.len());
        self.text = Arc::from(text);
        true
    }

    /// The glyphs and items that replace the old ones (see the module notes), or `None` where
    /// an old item's glyphs are not cut at the window's ends.
    fn glyph_plan(
        &self,
        old: Range<usize>,
        (k0, k1): (usize, usize),
        window: &Window<'_>,
        delta: isize,
    ) -> Option<GlyphPlan> {
        let (a, b) = (old.start, old.end);
        let (first, last) = (&self.items[k0], &self.items[k1]);
        let pieces = window.items;
        let m = pieces.len().checked_sub(1)?;
        let own = |it: &Item| &window.glyphs[it.glyphs.clone()];
        // Where in an item's glyphs its text before `p` ends: the glyphs are in text order
        // (left to right) or in reverse (right to left).
        let cut = |it: &Item, p: usize| {
            let g = &self.glyphs[it.glyphs.clone()];
            it.glyphs.start
                + if it.level % 2 == 1 {
                    g.partition_point(|x| x.text_offset() >= p)
                } else {
                    g.partition_point(|x| x.text_offset() < p)
                }
        };
        let (at_a, at_b) = (cut(first, a), cut(last, b));
        let inside = |r: Range<usize>| self.glyphs[r].iter().all(|g| (a..b).contains(&g.text_offset()));
        let moved_glyph = |g: &ShapedGlyph| ShapedGlyph {
            cluster: (g.cluster as isize + delta) as u32,
            ..*g
        };
        if m == 0 {
            // One item around the window: its window glyphs replaced where they stand.
            let old = if first.level % 2 == 1 {
                at_b..at_a
            } else {
                at_a..at_b
            };
            if k0 != k1 || !inside(old.clone()) {
                return None;
            }
            let grow = pieces[0].glyphs.len() as isize - old.len() as isize;
            let mut item = first.clone();
            item.range.end = (item.range.end as isize + delta) as usize;
            item.glyphs.end = (item.glyphs.end as isize + grow) as usize;
            return Some(GlyphPlan {
                new: own(&pieces[0]).to_vec(),
                old,
                items: vec![item],
            });
        }
        let same = k0 == k1;
        let mut new = Vec::with_capacity(window.glyphs.len());
        let mut items = Vec::with_capacity(m + 1);
        // The first item: `left` and the window's first item.
        let start = if first.level % 2 == 1 {
            if !inside(if same { at_b } else { first.glyphs.start }..at_a) {
                return None;
            }
            new.extend_from_slice(own(&pieces[0]));
            new.extend_from_slice(&self.glyphs[at_a..first.glyphs.end]);
            first.glyphs.start
        } else {
            if !same && !inside(at_a..first.glyphs.end) {
                return None;
            }
            new.extend_from_slice(own(&pieces[0]));
            at_a
        };
        items.push(Item {
            range: first.range.start..pieces[0].range.end,
            glyphs: first.glyphs.start..start + new.len(),
            by_words: true,
            ..first.clone()
        });
        // The window's own items.
        for it in &pieces[1..m] {
            let at = start + new.len();
            new.extend_from_slice(own(it));
            items.push(Item {
                glyphs: at..start + new.len(),
                ..it.clone()
            });
        }
        // The last item: the window's last item and `right`.
        let at = start + new.len();
        // (At the text's end the last item may stop before the paragraph's `\n`.)
        let right_empty = last.range.end <= b;
        let (end, kept_after) = if last.level % 2 == 1 {
            if !inside(at_b..if same { at_a } else { last.glyphs.end }) {
                return None;
            }
            new.extend(self.glyphs[last.glyphs.start..at_b].iter().map(moved_glyph));
            new.extend_from_slice(own(&pieces[m]));
            (last.glyphs.end, 0)
        } else {
            if !inside(if same { at_a } else { last.glyphs.start }..at_b) {
                return None;
            }
            new.extend_from_slice(own(&pieces[m]));
            (at_b, last.glyphs.end - at_b)
        };
        items.push(Item {
            range: pieces[m].range.start..(last.range.end as isize + delta) as usize,
            glyphs: at..start + new.len() + kept_after,
            by_words: !right_empty || pieces[m].by_words,
            ..last.clone()
        });
        Some(GlyphPlan {
            old: start..end,
            new,
            items,
        })
    }
}
