//! The one error type of the crate.
//!
//! Errors happen only at the API's edges: loading fonts, naming ranges, styles and widths. Laying
//! out text that passed those checks is infallible for any `&str`.

use std::ops::Range;

use crate::limits::{MAX_FONT_SIZE, MAX_TEXT_LEN};

/// Everything that can go wrong when calling shrift.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not a font ttf-parser can read (truncated, not a font, a bad table
    /// directory, or a collection index out of range).
    #[error("font data could not be parsed ({name}): {reason}")]
    FontParse {
        /// The name the font was loaded under (usually its file name).
        name: String,
        /// ttf-parser's reason.
        reason: String,
    },
    /// A font file could not be read.
    #[error("could not read font file {path}: {reason}")]
    FontIo {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
    /// A font stack named no family at all.
    #[error("the font stack is empty")]
    EmptyStack,
    /// None of the families of a font stack is in the font book.
    #[error("no family of the font stack [{stack}] is in the font book")]
    NoFontInStack {
        /// The stack's families, comma-separated.
        stack: String,
    },
    /// A byte range is out of the text or not on char boundaries.
    #[error("range {start}..{end} is not a range of char boundaries in a text of {len} bytes")]
    InvalidRange {
        /// Start of the range as given.
        start: usize,
        /// End of the range as given.
        end: usize,
        /// Length of the text in bytes.
        len: usize,
    },
    /// A layout width that is negative, NaN, infinite or wider than [`MAX_WIDTH`](crate::MAX_WIDTH)
    /// (f32 positions could not keep 1/64 px). For no width at all, use
    /// [`LayoutOptions::no_wrap`](crate::LayoutOptions::no_wrap).
    #[error("layout width must be finite, not negative and at most 262144 px, got {0}")]
    InvalidWidth(f32),
    /// A font size that is zero, negative, NaN, infinite or absurdly large.
    #[error("font size must be finite, positive and at most {max}, got {size}", max = MAX_FONT_SIZE)]
    InvalidFontSize {
        /// The size as given.
        size: f32,
    },
    /// A space between blocks that is negative, NaN, infinite or over
    /// [`MAX_WIDTH`](crate::MAX_WIDTH).
    #[error("space after a block must be finite, not negative and at most 262144 px, got {0}")]
    InvalidSpacing(f32),
    /// Letter or word spacing that is NaN, infinite or larger in size than
    /// [`MAX_FONT_SIZE`] (negative spacing is allowed, as in CSS).
    #[error("letter and word spacing must be finite and at most 100000 px either way, got {0}")]
    InvalidLetterSpacing(f32),
    /// A tab interval that is not positive, or a tab stop that is negative, or either NaN or
    /// over [`MAX_WIDTH`](crate::MAX_WIDTH) ([`TabStops`](crate::TabStops)).
    #[error("tab stops must be at most 262144 px and not negative (an interval positive), got {0}")]
    InvalidTabStops(f32),
    /// A line height that is negative or NaN, a height in pixels over
    /// [`MAX_WIDTH`](crate::MAX_WIDTH), or a factor over
    /// [`MAX_LINE_HEIGHT_FACTOR`](crate::MAX_LINE_HEIGHT_FACTOR).
    #[error("line height must not be negative, at most 262144 px or a factor of at most 100, got {0}")]
    InvalidLineHeight(f32),
    /// [`LayoutOptions::max_lines`](crate::LayoutOptions::max_lines) of 0: a layout has at least
    /// one line.
    #[error("max lines must be at least 1")]
    InvalidMaxLines,
    /// A font weight outside 1..=1000.
    #[error("font weight must be in 1..=1000, got {0}")]
    InvalidWeight(u16),
    /// A language tag that is empty or not ASCII letters, digits and hyphens.
    #[error("invalid language tag {0:?}")]
    InvalidLanguage(String),
    /// A script tag that is not an ISO 15924 code unicode-script knows.
    #[error("unknown ISO 15924 script tag {0:?}")]
    InvalidScript(String),
    /// An OpenType feature setting that does not parse (see [`Feature`](crate::Feature)).
    #[error("invalid OpenType feature {0:?}")]
    InvalidFeature(String),
    /// A variation setting that does not parse (`tag=value` with a tag of one to four printable
    /// ASCII chars and a finite number), or a non-finite value.
    #[error("bad font variation setting {0:?}: expected tag=value, such as wght=650")]
    InvalidVariation(String),
    /// A font stretch outside CSS's 50 % to 200 %, or not a number
    /// ([`TextStyle::stretch`](crate::TextStyle::stretch)).
    #[error("font stretch {0}% is outside 50% to 200%")]
    InvalidFontStretch(f32),
    /// An inline box that does not stand on a U+FFFC of the text, stands on one another box
    /// already has, or has a bad size or baseline ([`InlineBox`](crate::InlineBox)).
    #[error("inline box at byte {offset}: {reason}")]
    InvalidInlineBox {
        /// The box's offset as given.
        offset: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// A viewport whose top is not finite or whose height is negative, not finite or above
    /// [`MAX_WIDTH`](crate::MAX_WIDTH) ([`Viewport`](crate::Viewport)).
    #[error(
        "viewport at {top} px, {height} px tall: the top must be finite, the height from 0 to 262,144 px"
    )]
    InvalidViewport {
        /// The viewport's top as given.
        top: f32,
        /// The viewport's height as given.
        height: f32,
    },
    /// A text longer than [`MAX_TEXT_LEN`] bytes: glyph clusters are `u32`
    /// byte offsets, as in HarfBuzz.
    #[error("text of {0} bytes is longer than the 4 GiB a paragraph can hold")]
    TextTooLong(usize),
}

/// Checks that `text` fits [`MAX_TEXT_LEN`].
pub(crate) fn check_text_len(text: &str) -> Result<(), Error> {
    if text.len() > MAX_TEXT_LEN {
        Err(Error::TextTooLong(text.len()))
    } else {
        Ok(())
    }
}

impl Error {
    pub(crate) fn range(range: &Range<usize>, len: usize) -> Self {
        Error::InvalidRange {
            start: range.start,
            end: range.end,
            len,
        }
    }
}

/// Checks that `range` is a range of char boundaries of `text`.
pub(crate) fn check_range(text: &str, range: &Range<usize>) -> Result<(), Error> {
    if range.start <= range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
    {
        Ok(())
    } else {
        Err(Error::range(range, text.len()))
    }
}
