//! The undo history's data: groups of text changes with the spans and selection around them
//! (`undo.rs` records and replays them).

use std::collections::VecDeque;
use std::ops::Range;

use super::selection::Selection;
use crate::style::{InlineBox, SpanStyle};

/// The inline boxes of the text: the offsets of their U+FFFC, ascending.
pub(super) type Boxes = Vec<(usize, InlineBox)>;

/// One text change: at `at`, `removed` was replaced by `inserted`.
#[derive(Debug, Clone)]
pub(super) struct Change {
    pub at: usize,
    pub removed: String,
    pub inserted: String,
}

/// What started a group, for deciding whether the next edit joins it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EditKind {
    /// Text typed at the caret.
    Typing,
    /// Backspace, Delete, or a word deletion at the caret.
    Deleting,
    /// Anything else: always a group of its own.
    Other,
}

/// Edits undone or redone together.
#[derive(Debug, Clone)]
pub(super) struct Group {
    pub kind: EditKind,
    pub changes: Vec<Change>,
    pub spans_before: Vec<(Range<usize>, SpanStyle)>,
    pub spans_after: Vec<(Range<usize>, SpanStyle)>,
    /// The inline boxes before and after (they change only with their U+FFFC).
    pub boxes_before: Boxes,
    pub boxes_after: Boxes,
    pub selection_before: Selection,
    pub selection_after: Selection,
    /// Whether a typing group's last insertion ended a word (the next one starts a group).
    pub closed: bool,
}

/// The text, spans and selection before a preedit started: its composition becomes one group
/// when committed.
#[derive(Debug, Clone)]
pub(super) struct PreeditStart {
    pub at: usize,
    pub removed: String,
    pub spans: Vec<(Range<usize>, SpanStyle)>,
    pub boxes: Boxes,
    pub selection: Selection,
}

/// The undo and redo stacks.
#[derive(Debug, Clone)]
pub(super) struct History {
    /// Oldest first; a deque, so that dropping the oldest group at the limit is O(1).
    pub undo: VecDeque<Group>,
    pub redo: Vec<Group>,
    /// At most this many groups are kept; the oldest go first.
    pub limit: usize,
    /// The next edit starts a group (set by `Editor::break_undo_group`).
    pub broken: bool,
    pub preedit: Option<PreeditStart>,
}

impl Default for History {
    fn default() -> History {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: 1000,
            broken: false,
            preedit: None,
        }
    }
}
