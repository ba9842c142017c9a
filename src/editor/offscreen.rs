//! Movement where there is no layout: an editor with a viewport (`viewport.rs`) lays out only
//! the blocks near it, and a caret may stand in, or move into, a block that is not laid out
//! (after Ctrl+End, a click on the scroll bar's far end, a selection extended past the
//! window). There the caret moves by the text alone: graphemes and words as
//! `unicode-segmentation` finds them, left and right by the paragraph's base direction (its
//! first strong character's, UAX #9 P2–P3, where it is not given), line moves by whole
//! paragraphs. Once the block comes into view ([`Editor::scroll_to_caret`]) the moves are the
//! layout's again.

use unicode_segmentation::UnicodeSegmentation;

use super::commands::without_hard_break;
use super::model::Editor;
use crate::geometry::{Affinity, DocumentCursor, Movement};
use crate::text::chars::bidi_class;
use crate::text::graphemes::{next_boundary, prev_boundary};
use crate::text::BaseDirection;

impl Editor {
    /// Where `movement` takes `at`: the layout's move where its block is laid out and the move
    /// stays in the laid-out blocks, else a move by the text (see the module notes).
    pub(super) fn move_document(
        &self,
        at: DocumentCursor,
        movement: Movement,
        goal_x: &mut Option<f32>,
    ) -> DocumentCursor {
        if self.view.is_none() {
            return self.layout.move_cursor(at, movement, goal_x);
        }
        let end = match movement {
            Movement::TextStart => Some(0),
            Movement::TextEnd => Some(self.text.len()),
            _ => None,
        };
        if let Some(offset) = end {
            *goal_x = None;
            return self.document_cursor(offset, Affinity::Downstream);
        }
        if self.layout.block(at.block).is_some() {
            let moved = self.layout.move_cursor(at, movement, goal_x);
            // Not moving at all from a laid-out block means the move would leave the laid-out
            // blocks (or the text, where the text's move stays put too); Home and End never
            // leave their line.
            if moved != at || matches!(movement, Movement::LineStart | Movement::LineEnd) {
                return moved;
            }
        }
        *goal_x = None;
        let offset = self.move_by_text(self.offset_of(at), movement);
        self.document_cursor(offset, Affinity::Downstream)
    }

    /// Where `movement` takes `offset` by the text alone.
    fn move_by_text(&self, offset: usize, movement: Movement) -> usize {
        let block = self.block_of(offset);
        let range = self.block_range(block);
        let rtl = self.block_is_rtl(range.clone());
        let text = &self.text;
        match movement {
            Movement::Forward => next_boundary(text, offset),
            Movement::Backward => prev_boundary(text, offset),
            Movement::Left | Movement::Right => {
                if (movement == Movement::Right) != rtl {
                    next_boundary(text, offset)
                } else {
                    prev_boundary(text, offset)
                }
            }
            Movement::WordForward => self.word_forward(offset),
            Movement::WordBackward => self.word_backward(offset),
            Movement::WordLeft | Movement::WordRight => {
                if (movement == Movement::WordRight) != rtl {
                    self.word_forward(offset)
                } else {
                    self.word_backward(offset)
                }
            }
            Movement::LineStart => range.start,
            Movement::LineEnd => without_hard_break(text, range),
            Movement::Up => match block {
                0 => 0,
                _ => self.block_range(block - 1).start,
            },
            Movement::Down => match block + 1 < self.blocks.len() {
                true => self.block_range(block + 1).start,
                false => text.len(),
            },
            Movement::TextStart => 0,
            Movement::TextEnd => text.len(),
        }
    }

    /// Whether the paragraph of `range` reads right to left: its base direction, or its first
    /// strong character's (UAX #9 P2–P3; left to right with none).
    pub(super) fn block_is_rtl(&self, range: std::ops::Range<usize>) -> bool {
        use unicode_bidi::BidiClass::{AL, L, R};
        match self.direction {
            BaseDirection::Rtl => true,
            BaseDirection::Ltr => false,
            BaseDirection::Auto => self.text[range]
                .chars()
                .map(bidi_class)
                .find(|c| matches!(c, L | R | AL))
                .is_some_and(|c| c != L),
        }
    }

    /// The end of the first word ending after `offset` in its paragraph (the paragraph's end,
    /// before its break, if none; the next paragraph's start from there).
    fn word_forward(&self, offset: usize) -> usize {
        let range = self.block_range(self.block_of(offset));
        let end = without_hard_break(&self.text, range.clone());
        if offset >= end {
            return range.end;
        }
        let start = range.start;
        self.text[start..end]
            .split_word_bound_indices()
            .map(|(i, w)| (start + i, w))
            .find(|&(i, w)| i + w.len() > offset && is_word(w))
            .map_or(end, |(i, w)| i + w.len())
    }

    /// The start of the last word starting before `offset` in its paragraph (the paragraph's
    /// start if none; the previous paragraph's end from there).
    fn word_backward(&self, offset: usize) -> usize {
        let block = self.block_of(offset);
        let range = self.block_range(block);
        if offset <= range.start {
            return match block {
                0 => 0,
                _ => without_hard_break(&self.text, self.block_range(block - 1)),
            };
        }
        let start = range.start;
        let end = without_hard_break(&self.text, range);
        self.text[start..end]
            .split_word_bound_indices()
            .map(|(i, w)| (start + i, w))
            .rfind(|&(i, w)| i < offset && is_word(w))
            .map_or(start, |(i, _)| i)
    }
}

/// Whether a word-boundary segment is a word (holds a letter or digit), not spaces or
/// punctuation.
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}
