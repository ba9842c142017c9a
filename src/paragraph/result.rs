//! The width-independent result: a [`Paragraph`] is analysed, itemised and shaped once, then laid
//! out at any number of widths without reshaping (but where a line breaks at a glyph the shaper
//! marked unsafe to break). What the layout stages ask of it is answered here.

use std::ops::Range;
use std::sync::Arc;

use super::itemize::{shape_request, Item};
use super::segments::{Ellipsis, Segment, SoftHyphen, CLUSTER_START, UNSAFE_TO_BREAK};
use super::styles::{clamp_spacing, spacing_after, style_run_at};
use crate::font::Font;
use crate::limits::MAX_WIDTH;
use crate::shape::{ShapeRequest, ShapedGlyph};
use crate::style::tabs::ResolvedTabs;
use crate::style::{InlineBox, TextStyle};
use crate::text::chars::hanging_start;
use crate::text::{BidiLevels, Direction};

/// A paragraph analysed, itemised and shaped: everything about its layout that does not depend on
/// the width. Lay it out with [`Paragraph::layout`] at as many widths as needed.
#[derive(Clone)]
pub struct Paragraph {
    /// Shared with every [`Layout`](crate::Layout) made from the paragraph (editing geometry reads it).
    pub(crate) text: Arc<str>,
    /// Levels and classes; rule L1 needs the classes per line.
    pub(crate) bidi: BidiLevels,
    pub(crate) fonts: Vec<Font>,
    pub(crate) styles: Vec<TextStyle>,
    /// First face of each style's stack: metrics for lines without glyphs.
    pub(crate) primary_font: Vec<usize>,
    pub(crate) items: Vec<Item>,
    /// Glyphs of every item, item after item; each item's glyphs left to right.
    pub(crate) glyphs: Vec<ShapedGlyph>,
    /// Sum of the advances of the glyphs whose cluster starts at each byte.
    pub(crate) advance_at: Vec<f32>,
    /// [`CLUSTER_START`] and [`UNSAFE_TO_BREAK`] bits of each byte.
    pub(crate) flags: Vec<u8>,
    pub(crate) segments: Vec<Segment>,
    /// Clusters shaped to `.notdef`, ascending.
    pub(crate) missing: Vec<usize>,
    /// The hyphen of each soft hyphen, by position.
    pub(crate) hyphens: Vec<SoftHyphen>,
    pub(crate) ellipsis: Ellipsis,
    /// The merged style of each stretch of text: (start, index into `styles`). Items follow
    /// the styles that shape differently; runs are cut where only the paint changes.
    pub(crate) style_runs: Vec<(usize, usize)>,
    /// Whether any style has letter or word spacing.
    pub(crate) spacing: bool,
    /// Whether any style is underlined or struck through.
    pub(crate) decorated: bool,
    /// The tab stops, when the text has tabs.
    pub(crate) tabs: Option<ResolvedTabs>,
    /// The inline boxes and the offsets of their U+FFFC, ascending (what [`Item::inline_box`]
    /// indexes).
    pub(crate) boxes: Vec<(usize, InlineBox)>,
    /// Glyphs painted apart from their cluster's first char (index into `glyphs`, paint),
    /// ascending: see `paints.rs`.
    pub(crate) glyph_paints: Vec<(u32, u32)>,
    /// Faces were chosen per char ([`Fallback::PerChar`](crate::Fallback::PerChar)).
    pub(crate) per_char: bool,
}

impl std::fmt::Debug for Paragraph {
    /// A summary: the per-byte tables of a long paragraph would drown everything else.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paragraph")
            .field("text", &self.text)
            .field("direction", &self.direction())
            .field("fonts", &self.fonts)
            .field("items", &self.items.len())
            .field("glyphs", &self.glyphs.len())
            .finish_non_exhaustive()
    }
}

impl Paragraph {
    /// The paragraph's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The resolved base direction (of the first bidi paragraph when the text holds several).
    pub fn direction(&self) -> Direction {
        self.bidi.direction()
    }

    /// The resolved base embedding level (0 or 1).
    pub fn base_level(&self) -> u8 {
        self.bidi.base_level()
    }

    /// The paragraph's bidi levels, for char-level questions (levels after rule L1, visual order of
    /// a line's chars).
    pub fn bidi(&self) -> &BidiLevels {
        &self.bidi
    }

    /// The coverage report: byte offsets of the clusters that no face of their stack covers and
    /// that were shaped to `.notdef` (glyph 0), ascending. Empty when every char has a glyph.
    pub fn missing_glyphs(&self) -> &[usize] {
        &self.missing
    }

    /// The faces the paragraph's styles resolved to.
    pub fn fonts(&self) -> &[Font] {
        &self.fonts
    }

    /// The width of the widest piece of text that no line may break inside (CSS min-content): the
    /// widest stretch between two UAX #14 break opportunities, without the whitespace hanging at
    /// its end. A box at least this wide never needs to break a word between clusters.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let para = Paragraph::new("אַ ביסל text", TextStyle::new("Noto Sans, Noto Sans Hebrew"), &book, &mut cx)?;
    /// let (min, max) = (para.min_content_width(), para.max_content_width());
    /// assert!(min <= max);
    /// // At max-content no line wraps; at min-content every word still fits whole.
    /// assert_eq!(para.layout(&mut cx, &LayoutOptions::new(max))?.lines().len(), 1);
    /// assert_eq!(para.layout(&mut cx, &LayoutOptions::new(min))?.lines().len(), 3);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn min_content_width(&self) -> f32 {
        let widest = self
            .segments
            .iter()
            .map(|s| {
                self.segment_extent(s, 0.0).1
                    + self.hyphen_at_line_end(s.range().end).map_or(0.0, |h| h.advance)
            })
            .fold(0.0, f32::max);
        // A hyphen can make a piece wider than the whole text on one line, which then fits.
        widest.min(self.max_content_width())
    }

    /// The width of the widest line when lines end only at hard breaks (CSS max-content): what
    /// [`LayoutOptions::no_wrap`](crate::LayoutOptions::no_wrap) lays out at. Whitespace hanging at a line's end is left out.
    ///
    /// At most [`MAX_WIDTH`], so that `LayoutOptions::new(max_content_width())`
    /// is always accepted; a longer line (a pasted megabyte) still lays out unwrapped at its full
    /// width with `no_wrap`.
    pub fn max_content_width(&self) -> f32 {
        self.natural_width().min(MAX_WIDTH)
    }

    /// [`Paragraph::max_content_width`] without the clamp: the width of an unwrapped layout.
    pub(crate) fn natural_width(&self) -> f32 {
        let (mut widest, mut line) = (0.0f32, 0.0f32);
        for s in &self.segments {
            let (advance, body) = self.segment_extent(s, line);
            widest = widest.max(line + body);
            line = if s.mandatory { 0.0 } else { line + advance };
        }
        widest
    }

    /// The hyphen shown when a line ends at `end`, if the line ends with a soft hyphen (and the
    /// line is not the paragraph's last: the end of the text is no break).
    #[inline]
    pub(crate) fn hyphen_at_line_end(&self, end: usize) -> Option<&SoftHyphen> {
        // Asked for every segment on reflow: most paragraphs have no soft hyphen at all.
        if self.hyphens.is_empty() || end >= self.text.len() {
            return None;
        }
        let k = self.hyphens.partition_point(|h| h.end() < end);
        self.hyphens.get(k).filter(|h| h.end() == end)
    }

    /// The shaping request for the ellipsis: the base style's size, language and features, the
    /// paragraph's direction, no script (Common) and no context.
    pub(crate) fn ellipsis_request(&self) -> ShapeRequest<'_> {
        let style = &self.styles[0];
        ShapeRequest {
            text: &self.ellipsis.text,
            range: 0..self.ellipsis.text.len(),
            font: &self.fonts[self.ellipsis.font],
            size: style.font_size(),
            rtl: self.direction() == Direction::Rtl,
            script: unicode_script::Script::Common,
            language: style.language_arc(),
            features: style.features(),
        }
    }

    /// The styles of the paragraph's text after merging the spans over the base style, each
    /// once: index 0 is the base style; [`Run::style_index`](crate::Run::style_index) points
    /// here.
    pub fn styles(&self) -> &[TextStyle] {
        &self.styles
    }

    /// The index into [`Paragraph::styles`] of the style at byte `pos`.
    pub fn style_index_at(&self, pos: usize) -> usize {
        self.style_run_at(pos).1
    }

    /// The stretch of one merged style holding `pos`, and the style's index.
    #[inline]
    pub(crate) fn style_run_at(&self, pos: usize) -> (Range<usize>, usize) {
        style_run_at(&self.style_runs, self.text.len(), pos)
    }

    /// The index of the style a line with nothing to draw takes its face and size from: that of
    /// the item holding or before `pos`.
    pub(crate) fn empty_line_style(&self, pos: usize) -> usize {
        self.items
            .partition_point(|it| it.range.start <= pos)
            .checked_sub(1)
            .map_or(0, |i| self.items[i].style)
    }

    /// The string truncated lines show where text is left out: the one given to
    /// [`ParagraphBuilder::ellipsis`](crate::ParagraphBuilder::ellipsis) ("…" by default), or "..." where no face of the base
    /// style's stack has all its chars.
    pub fn ellipsis(&self) -> &str {
        &self.ellipsis.text
    }

    /// The advance of `seg` when it starts `pen` px from its line's start: its tabs go to their
    /// stops. Without tabs, its width.
    pub(crate) fn segment_advance(&self, seg: &Segment, pen: f32) -> f32 {
        self.segment_extent(seg, pen).0
    }

    /// The advance of `seg` starting `pen` px from its line's start, and of its body (up to the
    /// whitespace that hangs), its tabs at their stops. A tab is usually in the hanging
    /// whitespace, but a mark after it (UAX #14 LB9) keeps it in the body.
    #[inline]
    pub(crate) fn segment_extent(&self, seg: &Segment, pen: f32) -> (f32, f32) {
        // Asked for every segment on reflow: the usual segment (no tab) is its stored widths.
        match self.tabs.as_ref().filter(|_| seg.tabs) {
            None => (seg.width, seg.width - seg.hang),
            Some(tabs) => self.tabbed_segment_extent(seg, tabs, pen),
        }
    }

    /// [`Self::segment_extent`] of a segment with tabs, each to its stop.
    fn tabbed_segment_extent(&self, seg: &Segment, tabs: &ResolvedTabs, pen: f32) -> (f32, f32) {
        let range = seg.range();
        let body_end = hanging_start(&self.text, range.clone());
        let advance = |mut x: f32, between: Range<usize>| {
            for pos in between {
                x += self.advance_at[pos];
            }
            x
        };
        let body = self.walk_tabs(tabs, range.start..body_end, pen, advance, |_, _, _| {});
        let end = self.walk_tabs(tabs, body_end..range.end, body, advance, |_, _, _| {});
        (end - pen, body - pen)
    }

    /// The one tab walk: from `pen` px past the line's start, the pen across `range`, the text
    /// between tabs moved over by `advance(pen, text range)` (the paragraph's advances, or the
    /// text reshaped), each tab to its stop; `at_tab(offset, pen before it, stop)` hears of each
    /// tab. Returns the pen after `range`.
    pub(crate) fn walk_tabs(
        &self,
        tabs: &ResolvedTabs,
        range: Range<usize>,
        pen: f32,
        mut advance: impl FnMut(f32, Range<usize>) -> f32,
        mut at_tab: impl FnMut(usize, f32, f32),
    ) -> f32 {
        let bytes = self.text.as_bytes();
        let (mut x, mut from) = (pen, range.start);
        for pos in range.clone() {
            if bytes[pos] == b'\t' {
                x = advance(x, from..pos);
                let stop = tabs.next_stop(x);
                at_tab(pos, x, stop);
                x = stop;
                from = pos + 1;
            }
        }
        advance(x, from..range.end)
    }

    /// The letter and word spacing after the cluster starting at `pos` (see
    /// [`TextStyle::letter_spacing`]), in px.
    /// Held so that the cluster's advance, `advance` px, with it is not below zero
    /// ([`clamp_spacing`]).
    pub(crate) fn spacing_after(&self, pos: usize, advance: f32) -> f32 {
        if self.spacing {
            clamp_spacing(
                spacing_after(&self.text, &self.styles, &self.style_runs, pos),
                advance,
            )
        } else {
            0.0
        }
    }

    /// The level of the bidi paragraph holding byte `pos`.
    pub(crate) fn paragraph_level_at(&self, pos: usize) -> u8 {
        self.bidi.paragraph_level_at(pos)
    }

    /// Whether the text may be cut at `pos` inside an item without reshaping either side.
    pub(crate) fn safe_to_cut(&self, pos: usize) -> bool {
        self.flags
            .get(pos)
            .is_some_and(|&f| f & CLUSTER_START != 0 && f & UNSAFE_TO_BREAK == 0)
    }

    /// Whether the item's own glyphs for `range` are what shaping `range` alone would give:
    /// each end is the item's or a cut the shaper marked safe to break.
    pub(crate) fn slice_is_exact(&self, item: &Item, range: &Range<usize>) -> bool {
        if *range == item.range {
            return true;
        }
        !item.whole_only
            && (range.start == item.range.start || self.safe_to_cut(range.start))
            && (range.end == item.range.end || self.safe_to_cut(range.end))
    }

    /// The shaping request for part of an item, in the direction of `level` (rule L1 may have
    /// moved the part to another level than the item's).
    pub(crate) fn request<'a>(&'a self, item: &'a Item, range: Range<usize>, level: u8) -> ShapeRequest<'a> {
        shape_request(&self.text, &self.fonts, &self.styles, item, range, level)
    }
}
