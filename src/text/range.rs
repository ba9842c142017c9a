//! A compact byte range.

use std::ops::Range;

/// A byte range of a text kept as two `u32`s (a text is at most
/// [`MAX_TEXT_LEN`](crate::MAX_TEXT_LEN) bytes, checked when a paragraph is built): layouts and
/// paragraphs keep one per run and per word, and half-size ranges keep them small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TextRange {
    start: u32,
    end: u32,
}

impl TextRange {
    /// `range`, whose ends are offsets in a text of at most `MAX_TEXT_LEN` bytes.
    #[inline]
    pub fn new(range: Range<usize>) -> TextRange {
        TextRange {
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    /// The range as `usize` offsets.
    #[inline]
    pub fn get(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Moves the range `by` bytes along the text (an edit before it changed the text's length).
    #[inline]
    pub fn shift(&mut self, by: isize) {
        self.start = (self.start as isize + by) as u32;
        self.end = (self.end as isize + by) as u32;
    }
}
