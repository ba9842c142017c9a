//! Layout options: the width, and everything that changes how lines are broken, cut, aligned
//! and stacked. Options that change breaking or positioning live here, not in new entry points.

use crate::error::Error;
use crate::limits::{MAX_LINE_HEIGHT_FACTOR, MAX_WIDTH};

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
    /// at the start edge. The stretch is each space glyph's [`Glyph::extra`](crate::Glyph::extra).
    Justify,
}

/// How tall each line is. Heights in pixels are at most [`MAX_WIDTH`],
/// factors at most [`MAX_LINE_HEIGHT_FACTOR`], neither negative
/// ([`Error::InvalidLineHeight`] when laying out).
///
/// ```
/// use shrift::{LayoutOptions, LineHeight};
/// // CSS `line-height: 1.3`: 1.3 times the font size.
/// let options = LayoutOptions::new(300.0).line_height_mode(LineHeight::FontSize(1.3));
/// assert_eq!(options.get_line_height(), LineHeight::FontSize(1.3));
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
    /// found by bisection, and placed in the full width (alignment unchanged). A paragraph of
    /// more than 6 lines wraps as with [`TextWrap::Wrap`], as in Chromium (CSS Text 4 lets a
    /// browser limit balancing to a few lines).
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
/// Each setting has a setter of its name and a getter `get_` and that name
/// ([`LayoutOptions::align`] and [`LayoutOptions::get_align`]), as std's `Command` does where the
/// builder's setters take the plain names.
///
/// ```
/// use shrift::{Alignment, LayoutOptions};
/// let options = LayoutOptions::new(420.0).align(Alignment::Center).line_height(1.2);
/// assert_eq!(options.get_width(), 420.0);
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
    final_line: bool,
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
            final_line: true,
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
    /// [`Layout::elided`](crate::Layout::elided) tells what was left out. Lines wrap at the width (a
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

    /// Sets where a truncated line may be cut (default [`TruncateAt::Grapheme`]).
    pub fn truncate_at(mut self, at: TruncateAt) -> LayoutOptions {
        self.truncate_at = at;
        self
    }

    /// The width lines are broken at (0 for [`LayoutOptions::no_wrap`]).
    pub fn get_width(&self) -> f32 {
        self.width
    }

    /// Whether lines wrap at the width (false for [`LayoutOptions::no_wrap`]).
    pub fn get_wrap(&self) -> bool {
        self.wrap
    }

    /// The alignment ([`LayoutOptions::align`]).
    pub fn get_align(&self) -> Alignment {
        self.align
    }

    /// How tall lines are ([`LayoutOptions::line_height`], [`LayoutOptions::line_height_mode`]).
    pub fn get_line_height(&self) -> LineHeight {
        self.line_height
    }

    /// What happens to a word wider than the line ([`LayoutOptions::overflow_wrap`]).
    pub fn get_overflow_wrap(&self) -> OverflowWrap {
        self.overflow_wrap
    }

    /// Whether a text ending at a hard break (`"ab\n"`) gets an empty last line after it, where
    /// the caret after the break stands and a click below the text lands (default: yes, as in
    /// Pango and a browser's textarea). [`Document`](crate::Document) and
    /// [`Editor`](crate::Editor) turn it off for their blocks, whose final `\n` only separates
    /// them from the next block; turn it off too when stacking paragraphs yourself.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{Cursor, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let para = Paragraph::new("ab\n", TextStyle::new("Noto Sans"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(300.0))?;
    /// assert_eq!(layout.lines().len(), 2);
    /// assert_eq!(layout.line_of(Cursor::new(3)), 1);
    /// let block = para.layout(&mut cx, &LayoutOptions::new(300.0).final_line(false))?;
    /// assert_eq!(block.lines().len(), 1);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn final_line(mut self, on: bool) -> LayoutOptions {
        self.final_line = on;
        self
    }

    /// Whether a final hard break gets an empty line ([`LayoutOptions::final_line`]).
    pub fn get_final_line(&self) -> bool {
        self.final_line
    }

    /// The line limit of [`LayoutOptions::max_lines`], if any.
    pub fn get_max_lines(&self) -> Option<usize> {
        self.max_lines
    }

    /// The truncation mode of [`LayoutOptions::truncate`], if any.
    pub fn get_truncate(&self) -> Option<Truncate> {
        self.truncate
    }

    /// Where truncated lines may be cut ([`LayoutOptions::truncate_at`]).
    pub fn get_truncate_at(&self) -> TruncateAt {
        self.truncate_at
    }

    /// How lines are chosen ([`LayoutOptions::text_wrap`]).
    pub fn get_text_wrap(&self) -> TextWrap {
        self.text_wrap
    }

    /// How line breaks are chosen ([`LayoutOptions::breaking`]).
    pub fn get_breaking(&self) -> LineBreaking {
        self.breaking
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
        let (h, max) = match self.line_height {
            LineHeight::Px(px) => (px, MAX_WIDTH),
            other => (other.value(), MAX_LINE_HEIGHT_FACTOR),
        };
        if !(0.0..=max).contains(&h) {
            return Err(Error::InvalidLineHeight(h));
        }
        Ok(())
    }

    /// Old name of [`LayoutOptions::get_width`].
    #[deprecated(since = "0.2.0", note = "use get_width")]
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Old name of [`LayoutOptions::get_wrap`].
    #[deprecated(since = "0.2.0", note = "use get_wrap")]
    pub fn wraps(&self) -> bool {
        self.wrap
    }

    /// Old name of [`LayoutOptions::get_align`].
    #[deprecated(since = "0.2.0", note = "use get_align")]
    pub fn alignment(&self) -> Alignment {
        self.align
    }

    /// The line-height factor of [`LineHeight::Natural`] (1 for the other modes).
    #[deprecated(since = "0.2.0", note = "use get_line_height")]
    pub fn line_height_factor(&self) -> f32 {
        match self.line_height {
            LineHeight::Natural(f) => f,
            _ => 1.0,
        }
    }

    /// Old name of [`LayoutOptions::get_line_height`].
    #[deprecated(since = "0.2.0", note = "use get_line_height")]
    pub fn line_height_mode_value(&self) -> LineHeight {
        self.line_height
    }

    /// Old name of [`LayoutOptions::get_overflow_wrap`].
    #[deprecated(since = "0.2.0", note = "use get_overflow_wrap")]
    pub fn overflow_wrap_mode(&self) -> OverflowWrap {
        self.overflow_wrap
    }

    /// Old name of [`LayoutOptions::get_max_lines`].
    #[deprecated(since = "0.2.0", note = "use get_max_lines")]
    pub fn max_lines_value(&self) -> Option<usize> {
        self.max_lines
    }

    /// Old name of [`LayoutOptions::get_truncate`].
    #[deprecated(since = "0.2.0", note = "use get_truncate")]
    pub fn truncation(&self) -> Option<Truncate> {
        self.truncate
    }

    /// Old name of [`LayoutOptions::get_truncate_at`].
    #[deprecated(since = "0.2.0", note = "use get_truncate_at")]
    pub fn truncation_at(&self) -> TruncateAt {
        self.truncate_at
    }

    /// Old name of [`LayoutOptions::get_text_wrap`].
    #[deprecated(since = "0.2.0", note = "use get_text_wrap")]
    pub fn text_wrap_mode(&self) -> TextWrap {
        self.text_wrap
    }

    /// Old name of [`LayoutOptions::get_breaking`].
    #[deprecated(since = "0.2.0", note = "use get_breaking")]
    pub fn breaking_mode(&self) -> LineBreaking {
        self.breaking
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The getters' old names stay, deprecated, and answer as the new ones do.
    #[test]
    #[allow(deprecated)]
    fn the_old_getter_names_answer_as_the_new_ones() {
        let o = LayoutOptions::new(120.0)
            .align(Alignment::Center)
            .line_height(1.5)
            .overflow_wrap(OverflowWrap::Normal)
            .max_lines(3)
            .truncate(Truncate::Middle)
            .truncate_at(TruncateAt::Word)
            .text_wrap(TextWrap::Pretty)
            .breaking(LineBreaking::Optimal);
        assert_eq!((o.width(), o.get_width()), (120.0, 120.0));
        assert_eq!((o.wraps(), o.get_wrap()), (true, true));
        assert!(!LayoutOptions::no_wrap().get_wrap());
        assert_eq!(o.alignment(), Alignment::Center);
        assert_eq!(o.get_align(), Alignment::Center);
        assert_eq!(o.line_height_factor(), 1.5);
        assert_eq!(o.line_height_mode_value(), LineHeight::Natural(1.5));
        assert_eq!(o.get_line_height(), LineHeight::Natural(1.5));
        assert_eq!(o.overflow_wrap_mode(), OverflowWrap::Normal);
        assert_eq!(o.get_overflow_wrap(), OverflowWrap::Normal);
        assert_eq!((o.max_lines_value(), o.get_max_lines()), (Some(3), Some(3)));
        assert_eq!(o.truncation(), Some(Truncate::Middle));
        assert_eq!(o.get_truncate(), Some(Truncate::Middle));
        assert_eq!(o.truncation_at(), TruncateAt::Word);
        assert_eq!(o.get_truncate_at(), TruncateAt::Word);
        assert_eq!(o.text_wrap_mode(), TextWrap::Pretty);
        assert_eq!(o.get_text_wrap(), TextWrap::Pretty);
        assert_eq!(o.breaking_mode(), LineBreaking::Optimal);
        assert_eq!(o.get_breaking(), LineBreaking::Optimal);
    }
}
