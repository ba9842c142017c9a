//! The editing index of a layout: what every query would otherwise read again from the glyphs,
//! built once per layout on first use and kept with it (dropped when the layout is laid out
//! again), so that a query costs O(log n) in the line's length.
//!
//! - each line's cells ([`LineCells`]), built when a query first reaches the line: O(line) once;
//! - the words of the whole text (UAX #29), built when a word query first asks: O(text) once.
//!
//! The layout keeps the index in a slot it does not know the type of (the layout stage sits
//! below the editing geometry); this file is the slot's only writer.

use std::ops::Range;
use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;

use super::cells::LineCells;
use crate::layout::Layout;

/// The index of one layout.
pub(crate) struct EditIndex {
    lines: Box<[OnceLock<LineCells>]>,
    words: OnceLock<WordIndex>,
}

/// The UAX #29 word segmentation of a layout's text.
pub(crate) struct WordIndex {
    /// The segments holding a letter or digit (what [`words`](crate::words) gives), ascending.
    pub words: Vec<Range<usize>>,
    /// Where every word-boundary segment starts, ascending (0 first; the text's end not included).
    pub segments: Vec<usize>,
}

impl Layout {
    /// The layout's index, made empty on first use.
    fn edit_index(&self) -> &EditIndex {
        let slot = self.readers.get_or_init(|| {
            Box::new(EditIndex {
                lines: (0..self.lines().len()).map(|_| OnceLock::new()).collect(),
                words: OnceLock::new(),
            })
        });
        match slot.downcast_ref::<EditIndex>() {
            Some(index) => index,
            // The slot holds an EditIndex only: this file is its one writer.
            None => unreachable!("the layout's reader slot holds an EditIndex"),
        }
    }

    /// Line `k` read for editing (built on first use).
    pub(crate) fn line_cells(&self, k: usize) -> &LineCells {
        self.edit_index().lines[k].get_or_init(|| LineCells::new(self, k))
    }

    /// The words of the text (built on first use).
    pub(crate) fn word_index(&self) -> &WordIndex {
        self.edit_index().words.get_or_init(|| {
            let text = self.text();
            let mut words = Vec::new();
            let mut segments = Vec::new();
            for (i, w) in text.split_word_bound_indices() {
                segments.push(i);
                if w.chars().any(char::is_alphanumeric) {
                    words.push(i..i + w.len());
                }
            }
            WordIndex { words, segments }
        })
    }
}

impl WordIndex {
    /// The word-boundary segment holding `offset`, or at the text's end the last one (`len`: the
    /// text's length); `offset..offset` when there is none.
    pub fn segment_at(&self, offset: usize, len: usize) -> Range<usize> {
        let k = self.segments.partition_point(|&s| s <= offset);
        match k.checked_sub(1) {
            Some(k) => {
                let end = self.segments.get(k + 1).copied().unwrap_or(len);
                if offset < end || (end == len && offset == len) {
                    self.segments[k]..end
                } else {
                    offset..offset
                }
            }
            None => offset..offset,
        }
    }
}
