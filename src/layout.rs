//! The result of laying out: lines of runs of positioned glyphs, and the options that produce it.
//!
//! A [`Layout`] keeps its lines, runs and glyphs in three flat vectors so that laying out again
//! into the same `Layout` reuses every allocation.

use std::ops::Range;
use std::sync::Arc;

use crate::decoration::Decoration;
use crate::error::Error;
use crate::font::Font;
use crate::limits::MAX_WIDTH;
use crate::text::{Direction, TextRange};

/// Where a line's content sits between the edges of the layout width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Alignment {
    /// The paragraph's start edge: left for left-to-right, right for right-to-left paragraphs.
    #[default]
    Start,
    /// The paragraph's end edge.
    End,
    /// Centred.
    Center,
    /// The left edge whatever the direction.
    Left,
    /// The right edge whatever the direction.
    Right,
    /// Both edges (CSS `text-align: justify`): a line's slack goes to its inter-word spaces
    /// (U+0020, UAX #14 class SP; not no-break spaces, not the spaces hanging at its end), in
    /// equal shares, after reordering, so mixed-direction lines stretch where they should. The
    /// paragraph's last line, a line ending at a hard break and a line without such a space stay
    /// at the start edge. The stretch is each space glyph's [`Glyph::extra`].
    Justify,
}

/// How tall each line is.
///
/// ```
/// use shrift::{LayoutOptions, LineHeight};
/// // CSS `line-height: 1.3`: 1.3 times the font size.
/// let options = LayoutOptions::new(300.0).line_height_mode(LineHeight::FontSize(1.3));
/// assert_eq!(options.line_height_mode_value(), LineHeight::FontSize(1.3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LineHeight {
    /// A factor of the natural height (ascent + descent + line gap) of the tallest face on the
    /// line: lines holding different faces differ in height. The default, factor 1.
    Natural(f32),
    /// A factor of the largest font size on the line (CSS `line-height: <number>`).
    FontSize(f32),
    /// An absolute height in pixels (CSS `line-height: <length>`). Baselines sit where the
    /// paragraph's first face puts them, so they are evenly spaced.
    Px(f32),
    /// Every line as tall as the natural height of the paragraph's first face (its base style's
    /// first face at its size) times the factor, whatever faces a line holds: a uniform pitch,
    /// so that a column keeps a baseline grid (baselines placed as for [`LineHeight::Px`]).
    Uniform(f32),
}

impl LineHeight {
    fn value(self) -> f32 {
        match self {
            LineHeight::Natural(v) | LineHeight::FontSize(v) | LineHeight::Px(v) | LineHeight::Uniform(v) => {
                v
            }
        }
    }
}

/// What to do with a word wider than the line (CSS `overflow-wrap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OverflowWrap {
    /// Break it between grapheme clusters (CSS `anywhere`). The default: no line is wider than
    /// the layout width unless it holds a single grapheme cluster that is.
    #[default]
    Anywhere,
    /// Break it between grapheme clusters too (CSS `break-word`); the two differ in CSS only in
    /// the min-content width, which [`Paragraph::min_content_width`](crate::Paragraph) always
    /// measures without such breaks.
    BreakWord,
    /// Let it overflow the line (CSS `normal`, browsers' default).
    Normal,
}

/// Where a line too wide for the layout is cut when it is truncated with an ellipsis
/// ([`LayoutOptions::truncate`]). Cuts fall in logical (reading) order; the ellipsis takes the
/// paragraph's direction, so "start" is the right end of a right-to-left line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Truncate {
    /// Keep the line's start, end it with the ellipsis (CSS `text-overflow: ellipsis`).
    #[default]
    End,
    /// Keep the line's end, begin it with the ellipsis (a path whose file name matters).
    Start,
    /// Keep both ends, the ellipsis between them (file names, URLs).
    Middle,
}

/// Where a truncated line may be cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TruncateAt {
    /// Between any two grapheme clusters (the default): as much text as fits.
    #[default]
    Grapheme,
    /// At UAX #14 line-break opportunities (between words), or between grapheme clusters where
    /// not even one word fits.
    Word,
}

/// How lines are chosen (CSS `text-wrap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TextWrap {
    /// First fit: each line takes as much as fits (the default).
    #[default]
    Wrap,
    /// As many lines as first fit, as even in length as can be (CSS `text-wrap: balance`, for
    /// headlines): the lines are broken at the narrowest width that still gives that many,
    /// found by bisection, and placed in the full width (alignment unchanged).
    Balance,
    /// First fit, but a paragraph does not end on a line of one word: where it would, its last
    /// two lines are broken again a little narrower (down to 60 % of the width) until the last
    /// has two words or more, still in two lines; the lines before stay as first fit made them
    /// (CSS `text-wrap: pretty`'s main rule).
    Pretty,
}

/// How the breaks of a paragraph's lines are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LineBreaking {
    /// Line by line: each line takes as much as fits (browsers, Pango; the default).
    #[default]
    FirstFit,
    /// All the breaks of a paragraph together, so that its lines are as evenly full as can be
    /// (Knuth and Plass's total fit, as in TeX): fewer very loose lines and rivers in justified
    /// text, a less ragged edge otherwise. Lines never come out wider than the width (a piece
    /// wider than the width alone is broken as first fit breaks it). Demerits grow with the cube
    /// of how far a line's spaces must stretch, for a break at a soft hyphen, and for a decent
    /// line beside a very loose one (TeX's plain-format constants). With
    /// [`TextWrap::Pretty`], a block's last line of one word costs as much as the loosest line,
    /// so the breaks above move to avoid it; [`TextWrap::Balance`] breaks first fit at the
    /// balanced width. A chosen line that is reshaped wider than the width at an unsafe cut (a
    /// rare kerning case) makes that paragraph fall back to first fit.
    Optimal,
}

/// Width, alignment, line height and wrapping for one layout.
///
/// ```
/// use shrift::{Alignment, LayoutOptions};
/// let options = LayoutOptions::new(420.0).align(Alignment::Center).line_height(1.2);
/// assert_eq!(options.width(), 420.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    width: f32,
    wrap: bool,
    align: Alignment,
    line_height: LineHeight,
    overflow_wrap: OverflowWrap,
    max_lines: Option<usize>,
    truncate: Option<Truncate>,
    truncate_at: TruncateAt,
    text_wrap: TextWrap,
    breaking: LineBreaking,
}

impl LayoutOptions {
    /// Options for lines at most `width` pixels wide, start-aligned, natural line height.
    pub fn new(width: f32) -> LayoutOptions {
        LayoutOptions {
            width,
            wrap: true,
            align: Alignment::Start,
            line_height: LineHeight::Natural(1.0),
            overflow_wrap: OverflowWrap::Anywhere,
            max_lines: None,
            truncate: None,
            truncate_at: TruncateAt::Grapheme,
            text_wrap: TextWrap::Wrap,
            breaking: LineBreaking::FirstFit,
        }
    }

    /// Options for a layout without a width: lines end only at hard breaks (CSS `white-space:
    /// nowrap`). The layout is as wide as its widest line, and alignment is within that width.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let para = Paragraph::new("a long line\nand a second", TextStyle::new("Noto Sans"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::no_wrap())?;
    /// assert_eq!(layout.lines().len(), 2);
    /// assert_eq!(layout.width(), para.max_content_width());
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn no_wrap() -> LayoutOptions {
        LayoutOptions {
            wrap: false,
            ..LayoutOptions::new(0.0)
        }
    }

    /// Sets the alignment.
    pub fn align(mut self, align: Alignment) -> LayoutOptions {
        self.align = align;
        self
    }

    /// Sets the line height as a factor of the faces' natural line height (ascent + descent +
    /// line gap of the tallest face on the line): [`LineHeight::Natural`].
    pub fn line_height(mut self, factor: f32) -> LayoutOptions {
        self.line_height = LineHeight::Natural(factor);
        self
    }

    /// Sets how tall lines are.
    pub fn line_height_mode(mut self, mode: LineHeight) -> LayoutOptions {
        self.line_height = mode;
        self
    }

    /// Sets what happens to a word wider than the line.
    pub fn overflow_wrap(mut self, mode: OverflowWrap) -> LayoutOptions {
        self.overflow_wrap = mode;
        self
    }

    /// Keeps at most `n` lines (CSS `line-clamp`): when the text needs more, the last kept line
    /// is cut where it and the paragraph's ellipsis
    /// ([`ParagraphBuilder::ellipsis`](crate::ParagraphBuilder::ellipsis), "…" by default) fit
    /// the width, and the ellipsis ends it. The ellipsis takes the paragraph's direction: it
    /// stands at the left end of a right-to-left line, whatever script the cut falls in.
    /// [`Layout::elided`] tells what was left out. Lines wrap at the width (a
    /// [`LayoutOptions::no_wrap`] layout stays unwrapped); any [`LayoutOptions::truncate`] mode
    /// is ignored, the cut is at the end. `n` = 0 is an [`Error::InvalidMaxLines`] when laying
    /// out.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let text = "one two three four five six seven eight nine ten";
    /// let para = Paragraph::new(text, TextStyle::new("Noto Sans"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(80.0).max_lines(2))?;
    /// assert_eq!(layout.lines().len(), 2);
    /// let last = &layout.lines()[1];
    /// assert!(layout.runs(last).last().unwrap().is_ellipsis());
    /// // What is shown is a prefix of the text; the rest is elided.
    /// assert_eq!(layout.elided(), &[layout.visible_range().end..text.len()]);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn max_lines(mut self, n: usize) -> LayoutOptions {
        self.max_lines = Some(n);
        self
    }

    /// Truncates instead of wrapping: lines end only at hard breaks, and each line wider than
    /// the width is cut at its end, start or middle with the paragraph's ellipsis in the cut
    /// (CSS `white-space: nowrap; text-overflow: ellipsis`, and the start and middle forms that
    /// file managers use). The width must be valid as for wrapping.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle, Truncate};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let name = "/home/reyzl/documents/a-very-long-file-name.txt";
    /// let para = Paragraph::new(name, TextStyle::new("Noto Sans"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(150.0).truncate(Truncate::Middle))?;
    /// assert_eq!(layout.lines().len(), 1);
    /// assert!(layout.lines()[0].width() <= 150.0);
    /// let hidden = &layout.elided()[0];
    /// assert!(hidden.start > 0 && hidden.end < name.len());
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn truncate(mut self, mode: Truncate) -> LayoutOptions {
        self.truncate = Some(mode);
        self
    }

    /// Sets how lines are chosen (default [`TextWrap::Wrap`], first fit).
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle, TextWrap};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let para = Paragraph::new("a headline of a few words here", TextStyle::new("Noto Sans").size(24.0), &book, &mut cx)?;
    /// let first_fit = para.layout(&mut cx, &LayoutOptions::new(300.0))?;
    /// let balanced = para.layout(&mut cx, &LayoutOptions::new(300.0).text_wrap(TextWrap::Balance))?;
    /// assert_eq!(first_fit.lines().len(), balanced.lines().len());
    /// let spread = |l: &shrift::Layout| {
    ///     let w: Vec<f32> = l.lines().iter().map(|l| l.width()).collect();
    ///     w.iter().cloned().fold(0.0, f32::max) - w.iter().cloned().fold(f32::INFINITY, f32::min)
    /// };
    /// assert!(spread(&balanced) <= spread(&first_fit));
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn text_wrap(mut self, wrap: TextWrap) -> LayoutOptions {
        self.text_wrap = wrap;
        self
    }

    /// How lines are chosen.
    pub fn text_wrap_mode(&self) -> TextWrap {
        self.text_wrap
    }

    /// Sets how line breaks are chosen (default [`LineBreaking::FirstFit`]).
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{Alignment, FontBook, LayoutContext, LayoutOptions, LineBreaking, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let text = "aaa bb cc ddddd";
    /// let para = Paragraph::new(text, TextStyle::new("Noto Sans"), &book, &mut cx)?;
    /// let width = para.max_content_width() * 0.6;
    /// let options = LayoutOptions::new(width).align(Alignment::Justify);
    /// let optimal = para.layout(&mut cx, &options.breaking(LineBreaking::Optimal))?;
    /// assert!(optimal.lines().iter().all(|l| l.width() <= width + 1e-3));
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn breaking(mut self, breaking: LineBreaking) -> LayoutOptions {
        self.breaking = breaking;
        self
    }

    /// How line breaks are chosen.
    pub fn breaking_mode(&self) -> LineBreaking {
        self.breaking
    }

    /// Sets where a truncated line may be cut (default [`TruncateAt::Grapheme`]).
    pub fn truncate_at(mut self, at: TruncateAt) -> LayoutOptions {
        self.truncate_at = at;
        self
    }

    /// The line limit of [`LayoutOptions::max_lines`], if any.
    pub fn max_lines_value(&self) -> Option<usize> {
        self.max_lines
    }

    /// The truncation mode of [`LayoutOptions::truncate`], if any.
    pub fn truncation(&self) -> Option<Truncate> {
        self.truncate
    }

    /// Where truncated lines may be cut.
    pub fn truncation_at(&self) -> TruncateAt {
        self.truncate_at
    }

    /// The width lines are broken at (0 for [`LayoutOptions::no_wrap`]).
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Whether lines wrap at the width.
    pub fn wraps(&self) -> bool {
        self.wrap
    }

    /// The alignment.
    pub fn alignment(&self) -> Alignment {
        self.align
    }

    /// The line-height factor of [`LineHeight::Natural`] (1 for the other modes).
    pub fn line_height_factor(&self) -> f32 {
        match self.line_height {
            LineHeight::Natural(f) => f,
            _ => 1.0,
        }
    }

    /// The line-height mode.
    pub fn line_height_mode_value(&self) -> LineHeight {
        self.line_height
    }

    /// The overflow-wrap mode.
    pub fn overflow_wrap_mode(&self) -> OverflowWrap {
        self.overflow_wrap
    }

    /// These options wrapping at `width` (for a no-wrap document: every block at the widest
    /// block's max-content width, so that alignment is within one column).
    pub(crate) fn wrapping_at(self, width: f32) -> LayoutOptions {
        LayoutOptions {
            width,
            wrap: true,
            ..self
        }
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        if self.wrap && !(self.width.is_finite() && (0.0..=MAX_WIDTH).contains(&self.width)) {
            return Err(Error::InvalidWidth(self.width));
        }
        if self.max_lines == Some(0) {
            return Err(Error::InvalidMaxLines);
        }
        if self.truncate.is_some() && !(self.width.is_finite() && (0.0..=MAX_WIDTH).contains(&self.width)) {
            return Err(Error::InvalidWidth(self.width));
        }
        let h = self.line_height.value();
        if !(h.is_finite() && h >= 0.0) {
            return Err(Error::InvalidLineHeight(h));
        }
        Ok(())
    }
}

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
    /// The run is the ellipsis of a truncated line, not text of the paragraph.
    pub(crate) ellipsis: bool,
}

impl Run {
    /// Whether the run is the ellipsis a truncated line shows ([`LayoutOptions::max_lines`],
    /// [`LayoutOptions::truncate`]) rather than text: its glyphs shape the paragraph's ellipsis
    /// string, its range is empty, at the start of the elided text, and every glyph's cluster is
    /// that offset.
    pub fn is_ellipsis(&self) -> bool {
        self.ellipsis
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

    /// The face the glyphs are from.
    pub fn font(&self) -> &Font {
        &self.font
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

    /// The byte ranges of the text that truncation left out ([`LayoutOptions::max_lines`],
    /// [`LayoutOptions::truncate`]), ascending; an ellipsis stands for each. Empty when all the
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

    /// The text from the first byte shown to the last: with [`LayoutOptions::max_lines`], the
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

    pub(crate) fn clear(&mut self) {
        self.width = 0.0;
        self.height = 0.0;
        self.direction = None;
        self.lines.clear();
        self.runs.clear();
        self.glyphs.clear();
        self.missing.clear();
        self.elided.clear();
        self.ellipsis = None;
        self.decorations.clear();
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
        assert_eq!(size_of::<crate::paragraph::Segment>(), 20);
        assert_eq!(size_of::<TextRange>(), 8);
        assert!(size_of::<Run>() <= 72, "{}", size_of::<Run>());
    }
}
