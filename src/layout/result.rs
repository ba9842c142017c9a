//! The result of laying out: lines of runs of positioned glyphs, and the decorations drawn with
//! them.
//!
//! A [`Layout`] keeps its lines, runs and glyphs in three flat vectors so that laying out again
//! into the same `Layout` reuses every allocation.

use std::ops::Range;
use std::sync::Arc;

use crate::font::Font;
use crate::text::{Direction, TextRange};

/// A glyph placed on a line: 24 bytes, so that a renderer walks a dense array.
///
/// The shaper's offsets are not stored: a glyph's pen position (where the shaper's pen stood
/// before it) comes from [`Layout::pens`], its x offset is `x` minus that pen, and its y offset
/// (positive up, as in HarfBuzz) is the line's [`baseline`](Line::baseline) minus `y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Glyph id in the run's font.
    pub id: u16,
    /// Byte offset of the first char of the glyph's cluster in the paragraph's text (`u32`, as
    /// in HarfBuzz: a text is at most [`MAX_TEXT_LEN`](crate::MAX_TEXT_LEN) bytes).
    pub cluster: u32,
    /// Where the glyph's origin is drawn: its pen position plus the shaper's x offset.
    pub x: f32,
    /// Where the glyph's origin is drawn: the line's baseline minus the shaper's y offset (y
    /// grows downward).
    pub y: f32,
    /// The shaper's advance: how far its pen moves after this glyph.
    pub advance: f32,
    /// What the layout adds after the glyph, beyond `advance` (the stretch a justified line
    /// gives an inter-word space): the pen moves by `advance + extra`.
    pub extra: f32,
}

impl Glyph {
    /// The byte offset of the glyph's cluster, as a `usize` to index the text with.
    pub fn text_offset(&self) -> usize {
        self.cluster as usize
    }
}

/// A run: glyphs of one face, size, level, script and language on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub(crate) font: Font,
    pub(crate) language: Option<Arc<str>>,
    pub(crate) glyphs: Range<usize>,
    pub(crate) range: TextRange,
    pub(crate) size: f32,
    pub(crate) x: f32,
    pub(crate) width: f32,
    pub(crate) paint: u32,
    /// Index of the run's merged style in the paragraph's styles (each style covers some of
    /// the text, so there are at most `MAX_TEXT_LEN` + 1 of them: the index fits a u32).
    pub(crate) style: u32,
    pub(crate) script: unicode_script::Script,
    pub(crate) level: u8,
    /// The run is an inline box (its one glyph a stand-in): a flag, not an index, so that a run
    /// stays 72 bytes; its box is found by its offset.
    pub(crate) inline_box: bool,
    /// The run is the ellipsis of a truncated line, not text of the paragraph.
    pub(crate) ellipsis: bool,
}

impl Run {
    /// Whether the run is the ellipsis a truncated line shows ([`LayoutOptions::max_lines`](crate::LayoutOptions::max_lines),
    /// [`LayoutOptions::truncate`](crate::LayoutOptions::truncate)) rather than text: its glyphs shape the paragraph's ellipsis
    /// string, its range is empty, at the start of the elided text, and every glyph's cluster is
    /// that offset.
    pub fn is_ellipsis(&self) -> bool {
        self.ellipsis
    }

    /// Whether the run is a hyphen the layout added where a line ends at an automatic
    /// hyphenation point ([`Hyphens::Auto`](crate::Hyphens::Auto)): not text of the paragraph
    /// (its range is empty, at the line's end, and its glyph's cluster is that offset). A hyphen
    /// shown for a soft hyphen (U+00AD) is text: its run holds the soft hyphen.
    pub fn is_added_hyphen(&self) -> bool {
        self.range().is_empty() && !self.ellipsis && !self.inline_box
    }

    /// Whether the run is an inline box (the caller's object standing for a U+FFFC) rather than
    /// text: its one glyph is a stand-in not to be drawn; [`Layout::inline_box_of`] gives the
    /// box.
    pub fn is_inline_box(&self) -> bool {
        self.inline_box
    }

    /// The paint id of the run's style ([`TextStyle::paint`](crate::TextStyle::paint),
    /// [`SpanStyle::paint`](crate::SpanStyle::paint)): runs are cut where it changes.
    pub fn paint(&self) -> u32 {
        self.paint
    }

    /// The index of the run's style (the base style merged with the spans over the run) in
    /// [`Paragraph::styles`](crate::Paragraph::styles): which span or spans it came from.
    pub fn style_index(&self) -> usize {
        self.style as usize
    }

    /// The run's byte range in the paragraph's text.
    pub fn range(&self) -> Range<usize> {
        self.range.get()
    }

    /// The face the glyphs are from, as drawn: a variable face's instance, with its synthesis.
    pub fn font(&self) -> &Font {
        &self.font
    }

    /// The axis values to draw the run's face at (empty: its default instance), as
    /// [`Font::variations`].
    pub fn variations(&self) -> &[crate::font::Variation] {
        self.font.variations()
    }

    /// The bold and oblique a renderer fakes for the run ([`Font::synthesis`]).
    pub fn synthesis(&self) -> crate::font::Synthesis {
        self.font.synthesis()
    }

    /// Whether the run's face has colour glyphs: if so, [`Font::is_color_glyph`] tells which
    /// glyphs a renderer draws in colour (an RGBA atlas page) rather than as a mask.
    pub fn has_color_glyphs(&self) -> bool {
        self.font.has_color_glyphs()
    }

    /// The font size in pixels per em.
    pub fn size(&self) -> f32 {
        self.size
    }

    /// The resolved bidi level (after rule L1).
    pub fn level(&self) -> u8 {
        self.level
    }

    /// The run's direction: odd levels are right to left.
    pub fn direction(&self) -> Direction {
        Direction::from_level(self.level)
    }

    /// The ISO 15924 script tag, such as `"Hebr"` or `"Latn"`.
    pub fn script(&self) -> &'static str {
        self.script.short_name()
    }

    /// The language tag the run was shaped with, if any.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// Left edge of the run (pen position of its first glyph).
    pub fn x(&self) -> f32 {
        self.x
    }

    /// Sum of the run's advances.
    pub fn width(&self) -> f32 {
        self.width
    }
}

/// A line: its runs in visual order, with its metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub(crate) range: Range<usize>,
    pub(crate) top: f32,
    pub(crate) height: f32,
    pub(crate) baseline: f32,
    pub(crate) ascent: f32,
    pub(crate) descent: f32,
    pub(crate) x: f32,
    pub(crate) width: f32,
    /// The level of the bidi paragraph the line belongs to (0 or 1).
    pub(crate) level: u8,
    pub(crate) runs: Range<usize>,
}

impl Line {
    /// The line's byte range, including its trailing whitespace and the separator ending it.
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }

    /// Top of the line box.
    pub fn top(&self) -> f32 {
        self.top
    }

    /// Height of the line box.
    pub fn height(&self) -> f32 {
        self.height
    }

    /// The baseline's y.
    pub fn baseline(&self) -> f32 {
        self.baseline
    }

    /// The largest ascent of the line's faces.
    pub fn ascent(&self) -> f32 {
        self.ascent
    }

    /// The largest descent of the line's faces.
    pub fn descent(&self) -> f32 {
        self.descent
    }

    /// Left edge of the line's content (without hanging whitespace).
    pub fn x(&self) -> f32 {
        self.x
    }

    /// Width of the line's content, without the whitespace that hangs at its end.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// The line's direction: that of the bidi paragraph it belongs to. Its start edge is the left
    /// one for left-to-right lines and the right one for right-to-left lines.
    pub fn direction(&self) -> Direction {
        Direction::from_level(self.level)
    }
}

/// Lines of positioned glyph runs: the result of laying out a paragraph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// The paragraph's text (shared, not copied): hit testing and movement need its graphemes.
    pub(crate) text: Arc<str>,
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) direction: Option<Direction>,
    pub(crate) lines: Vec<Line>,
    pub(crate) runs: Vec<Run>,
    pub(crate) glyphs: Vec<Glyph>,
    /// Clusters drawn with `.notdef`, in the order met.
    pub(crate) missing: Vec<usize>,
    /// Byte ranges left out by truncation, ascending.
    pub(crate) elided: Vec<Range<usize>>,
    /// The string the ellipsis runs shape, when there are any.
    pub(crate) ellipsis: Option<Arc<str>>,
    /// Underline and strikethrough rectangles, line after line.
    pub(crate) decorations: Vec<Decoration>,
    /// The inline boxes, line after line, each line's left to right.
    pub(crate) boxes: Vec<PlacedBox>,
    /// Glyphs painted apart from their run (a point painted apart from its letter): (index into
    /// `glyphs`, paint), ascending.
    pub(crate) paints: Vec<(u32, u32)>,
    /// What readers above the layout (the editing geometry's index) build from it on first use.
    pub(crate) readers: ReaderSlot,
    /// The runs of the last layout, kept by [`Layout::clear`] for the next one to reuse.
    pub(crate) spare: SpareRuns,
}

/// Runs kept from a layout for the next one laid into the same [`Layout`]: a run taken from
/// here keeps its font and language where the new run has the same ones, which saves the two
/// reference counts a run's clone and drop would change (atomic operations: several per cent
/// of a reflow). Last run first, so that a reflow's runs meet their predecessors in order. A
/// clone starts empty; two layouts compare equal whatever they keep.
#[derive(Default)]
pub(crate) struct SpareRuns(pub(crate) Vec<Run>);

impl Clone for SpareRuns {
    fn clone(&self) -> SpareRuns {
        SpareRuns::default()
    }
}

impl PartialEq for SpareRuns {
    fn eq(&self, _: &SpareRuns) -> bool {
        true
    }
}

impl std::fmt::Debug for SpareRuns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SpareRuns({})", self.0.len())
    }
}

/// A slot for tables that readers of a [`Layout`] build from it on first use and keep with it
/// (the editing geometry's index: cells, caret stops, words). The layout does not know their
/// type (its stage sits below theirs). Emptied when the layout is laid out again; a clone starts
/// empty; two layouts compare equal whatever their slots hold.
#[derive(Default)]
pub(crate) struct ReaderSlot(std::sync::OnceLock<Box<dyn std::any::Any + Send + Sync>>);

impl ReaderSlot {
    /// What the slot holds, made by `init` on first use.
    pub fn get_or_init(
        &self,
        init: impl FnOnce() -> Box<dyn std::any::Any + Send + Sync>,
    ) -> &(dyn std::any::Any + Send + Sync) {
        self.0.get_or_init(init).as_ref()
    }
}

impl Clone for ReaderSlot {
    fn clone(&self) -> ReaderSlot {
        ReaderSlot::default()
    }
}

impl PartialEq for ReaderSlot {
    fn eq(&self, _: &ReaderSlot) -> bool {
        true
    }
}

impl std::fmt::Debug for ReaderSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "ReaderSlot(built)"
        } else {
            "ReaderSlot(empty)"
        })
    }
}

impl Layout {
    /// The width the layout was made for.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Total height of the lines.
    pub fn height(&self) -> f32 {
        self.height
    }

    /// The paragraph's resolved base direction.
    pub fn direction(&self) -> Direction {
        self.direction.unwrap_or(Direction::Ltr)
    }

    /// The lines, top to bottom.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The runs of a line, left to right.
    pub fn runs(&self, line: &Line) -> &[Run] {
        self.runs.get(line.runs.clone()).unwrap_or(&[])
    }

    /// The glyphs of a run, left to right.
    pub fn glyphs(&self, run: &Run) -> &[Glyph] {
        self.glyphs.get(run.glyphs.clone()).unwrap_or(&[])
    }

    /// The glyphs of a run, left to right, each with its pen position: where the shaper's pen
    /// stood before the glyph. The pen starts at the run's [`x`](Run::x) and moves by each
    /// glyph's `advance + extra`; the glyph's x offset is `glyph.x - pen`. Editors put carets and
    /// renderers put decorations at pens, not at the offset origins.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let style = TextStyle::new("Noto Sans").size(16.0);
    /// let p = Paragraph::new("Hello", style, &book, &mut cx).unwrap();
    /// let layout = p.layout(&mut cx, &LayoutOptions::new(200.0)).unwrap();
    /// let run = &layout.all_runs()[0];
    /// let pens: Vec<f32> = layout.pens(run).map(|(pen, _)| pen).collect();
    /// assert_eq!(pens[0], run.x());
    /// assert!(pens.windows(2).all(|w| w[0] < w[1]));
    /// # }
    /// ```
    pub fn pens<'a>(&'a self, run: &Run) -> impl Iterator<Item = (f32, &'a Glyph)> + 'a {
        let mut pen = run.x;
        self.glyphs(run).iter().map(move |g| {
            let at = pen;
            pen += g.advance + g.extra;
            (at, g)
        })
    }

    /// Every run of every line, line after line.
    pub fn all_runs(&self) -> &[Run] {
        &self.runs
    }

    /// Every glyph, run after run.
    pub fn all_glyphs(&self) -> &[Glyph] {
        &self.glyphs
    }

    /// The coverage report: byte offsets of the clusters drawn with `.notdef` (glyph 0) because no
    /// face of their stack covers them, line by line in visual order. Empty when every char has
    /// a glyph. [`Paragraph::missing_glyphs`](crate::Paragraph::missing_glyphs) gives the same
    /// clusters in text order without laying out.
    pub fn missing_glyphs(&self) -> &[usize] {
        &self.missing
    }

    /// The text the layout was made from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte ranges of the text that truncation left out ([`LayoutOptions::max_lines`](crate::LayoutOptions::max_lines),
    /// [`LayoutOptions::truncate`](crate::LayoutOptions::truncate)), ascending; an ellipsis stands for each. Empty when all the
    /// text is shown.
    pub fn elided(&self) -> &[Range<usize>] {
        &self.elided
    }

    /// The string the ellipsis runs ([`Run::is_ellipsis`]) shape, when the layout has any.
    pub fn ellipsis_text(&self) -> Option<&str> {
        self.ellipsis.as_deref()
    }

    /// Whether truncation left any text out.
    pub fn is_truncated(&self) -> bool {
        !self.elided.is_empty()
    }

    /// The text from the first byte shown to the last: with [`LayoutOptions::max_lines`](crate::LayoutOptions::max_lines), the
    /// prefix of the text that is shown; without truncation, the whole text.
    pub fn visible_range(&self) -> Range<usize> {
        let start = self.lines.first().map_or(0, |l| l.range.start);
        let end = self.lines.last().map_or(0, |l| l.range.end);
        start..end
    }

    /// The underline and strikethrough rectangles ([`TextStyle::underline`],
    /// [`TextStyle::strikethrough`]), line after line, each line's left to right: one per
    /// stretch of a line whose runs share the decoration, paint and stroke. Draw them with the
    /// paint, under or over the glyphs as the renderer prefers.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{DecorationKind, FontBook, LayoutContext, LayoutOptions, Paragraph, SpanStyle, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let para = Paragraph::builder("see the YIVO site", TextStyle::new("Noto Sans"))
    ///     .span(8..17, SpanStyle::new().underline(true))
    ///     .build(&book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(400.0))?;
    /// let d = &layout.decorations()[0];
    /// assert_eq!(d.kind(), DecorationKind::Underline);
    /// assert!(d.y() > layout.lines()[0].baseline()); // below the baseline
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    ///
    /// [`TextStyle::underline`]: crate::TextStyle::underline
    /// [`TextStyle::strikethrough`]: crate::TextStyle::strikethrough
    pub fn decorations(&self) -> &[Decoration] {
        &self.decorations
    }

    /// The inline boxes ([`InlineBox`](crate::InlineBox)) where they went, in text order. Each
    /// box is also a run of its line ([`Run::is_inline_box`]) with one stand-in glyph that is not
    /// to be drawn: draw the caller's object in the box instead.
    pub fn inline_boxes(&self) -> &[PlacedBox] {
        &self.boxes
    }

    /// The paint of each glyph of `run`: the run's ([`Run::paint`]), but for a glyph that comes
    /// from a char whose style has another paint inside the same grapheme cluster (a vowel point
    /// or dagesh spanned apart from its letter: shaping is the cluster's, the paint the char's).
    /// A mark the face merged into its letter's glyph (a precomposed form) has none of its own.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, SpanStyle, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let text = "אַ"; // alef (2 bytes), patah (2 bytes): one cluster
    /// let para = Paragraph::builder(text, TextStyle::new("Noto Serif Hebrew"))
    ///     .span(2..4, SpanStyle::new().paint(7))
    ///     .build(&book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(100.0))?;
    /// let run = &layout.all_runs()[0];
    /// let paints: Vec<u32> = layout.glyph_paints(run).collect();
    /// assert_eq!(run.paint(), 0);
    /// assert!(paints.contains(&0) && paints.contains(&7)); // the alef's and the patah's
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn glyph_paints<'a>(&'a self, run: &Run) -> impl Iterator<Item = u32> + 'a {
        let range = run.glyphs.clone();
        let k = self.paints.partition_point(|p| (p.0 as usize) < range.start);
        let mut overrides = self.paints[k..].iter().peekable();
        let paint = run.paint;
        range.map(move |g| match overrides.peek() {
            Some(&&(i, p)) if i as usize == g => {
                overrides.next();
                p
            }
            _ => paint,
        })
    }

    /// The placed box of a run that is an inline box ([`Run::is_inline_box`]); `None` for any
    /// other run.
    pub fn inline_box_of(&self, run: &Run) -> Option<&PlacedBox> {
        if !run.inline_box {
            return None;
        }
        let k = self.boxes.partition_point(|b| b.offset < run.range().start);
        self.boxes.get(k).filter(|b| b.offset == run.range().start)
    }

    pub(crate) fn clear(&mut self) {
        self.width = 0.0;
        self.height = 0.0;
        self.direction = None;
        self.lines.clear();
        // Last layout's leftovers dropped, this layout's runs kept for the next.
        self.spare.0.clear();
        self.spare.0.extend(self.runs.drain(..).rev());
        self.glyphs.clear();
        self.missing.clear();
        self.elided.clear();
        self.ellipsis = None;
        self.decorations.clear();
        self.boxes.clear();
        self.paints.clear();
        self.readers = ReaderSlot::default();
    }

    /// Moves everything down by `dy` (stacking blocks in a document).
    pub(crate) fn translate_y(&mut self, dy: f32) {
        for line in &mut self.lines {
            line.top += dy;
            line.baseline += dy;
        }
        for g in &mut self.glyphs {
            g.y += dy;
        }
        for d in &mut self.decorations {
            d.y += dy;
        }
        for b in &mut self.boxes {
            b.y += dy;
        }
    }
}

/// Where an inline box went: the caller's id, the offset of its U+FFFC, its line and its
/// rectangle in layout pixels (y down, as glyph positions). Draw the object there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedBox {
    /// The id given with the [`InlineBox`](crate::InlineBox).
    pub id: u64,
    /// The byte offset of the box's U+FFFC in the paragraph's text.
    pub offset: usize,
    /// The index of its line.
    pub line: usize,
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// What a decoration line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecorationKind {
    /// Below the baseline (CSS `text-decoration-line: underline`).
    Underline,
    /// Through the middle of the lowercase letters (`line-through`).
    Strikethrough,
}

/// A decoration's rectangle, in layout pixels (y down, like glyph positions): fill it with the
/// run's paint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decoration {
    pub(crate) kind: DecorationKind,
    pub(crate) line: usize,
    pub(crate) x: f32,
    pub(crate) y: f32,
    pub(crate) width: f32,
    pub(crate) thickness: f32,
    pub(crate) paint: u32,
}

impl Decoration {
    /// Underline or strikethrough.
    pub fn kind(&self) -> DecorationKind {
        self.kind
    }

    /// The index of the line it belongs to.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Left edge.
    pub fn x(&self) -> f32 {
        self.x
    }

    /// Top edge (the baseline minus the stroke's position above it).
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Width.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Height: the stroke's thickness.
    pub fn thickness(&self) -> f32 {
        self.thickness
    }

    /// The paint of the runs it decorates ([`Run::paint`](crate::Run::paint)).
    pub fn paint(&self) -> u32 {
        self.paint
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a layout and a paragraph keep per glyph, word and run: a cold article's heap is
    /// mostly these (the peers bench counts it against parley's). A field added or widened
    /// shows up here first. (Sizes of a 64-bit target.)
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn per_glyph_word_and_run_records_stay_small() {
        use std::mem::size_of;
        assert_eq!(size_of::<Glyph>(), 24);
        assert_eq!(size_of::<crate::shape::ShapedGlyph>(), 20);
        assert_eq!(size_of::<crate::paragraph::segments::Segment>(), 20);
        assert_eq!(size_of::<TextRange>(), 8);
        assert!(size_of::<Run>() <= 72, "{}", size_of::<Run>());
    }
}
