//! Undo and redo: the editor's edits kept in groups, as text editors group them.
//!
//! Each group holds its text changes in order (where, what was removed, what was inserted), the
//! spans and the selection before and after it. Undo replays a group's changes backwards and
//! puts its spans and selection back; redo replays them forwards. What is laid out again is
//! only the stretch the changes and the restored spans touch (the text outside it is the same
//! before and after).
//!
//! Grouping: typed text joins the group before it while the caret stays where the last typing
//! left it, until a word ends (a space or a newline typed after a word starts a group);
//! deletions join deletions the same way; anything else (a replacement of a selection, a
//! paste, a style change, a committed preedit) is a group of its own; a caret move or click,
//! a change of kind (typing after deleting) and [`Editor::break_undo_group`] start a new one.
//! A preedit is not recorded while it is composed: once committed, the composition is one
//! group (what it replaced, the text committed); cancelled, nothing.

use std::ops::Range;

use super::history::{Boxes, Change, EditKind, Group, PreeditStart};
use super::model::{EditResult, Editor};
use super::selection::Selection;
use crate::context::LayoutContext;
use crate::error::Error;
use crate::style::SpanStyle;

/// The spans before and after a replayed change.
type SpansPair<'a> = (&'a [(Range<usize>, SpanStyle)], &'a [(Range<usize>, SpanStyle)]);

impl Editor {
    /// Undoes the last group of edits: the text, the spans and the selection as they were
    /// before it. `None` when there is nothing to undo. A preedit being composed is cancelled
    /// first.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{Editor, FontBook, LayoutContext, LayoutOptions, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let mut editor = Editor::new("", TextStyle::new("Noto Sans"), &book, &mut cx, LayoutOptions::new(300.0))?;
    /// for c in ["h", "i", " ", "y", "o", "u"] {
    ///     editor.insert(&mut cx, c)?;
    /// }
    /// editor.undo(&mut cx)?; // the word typed last, with the space before it
    /// assert_eq!(editor.text(), "hi");
    /// editor.undo(&mut cx)?;
    /// assert_eq!(editor.text(), "");
    /// editor.redo(&mut cx)?;
    /// assert_eq!(editor.text(), "hi");
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The layout errors of [`Editor::new`] (the text is then restored but its layout may be
    /// stale).
    pub fn undo(&mut self, cx: &mut LayoutContext) -> Result<Option<EditResult>, Error> {
        self.step(cx, false)
    }

    /// Redoes the last group undone. `None` when there is nothing to redo (any edit after an
    /// undo clears what could be redone).
    ///
    /// # Errors
    ///
    /// As [`Editor::undo`].
    pub fn redo(&mut self, cx: &mut LayoutContext) -> Result<Option<EditResult>, Error> {
        self.step(cx, true)
    }

    /// Undoes (`forward` false: the last group's changes backwards, to the spans and selection
    /// before it) or redoes (forwards, to those after it) one group, moving it to the other
    /// stack.
    fn step(&mut self, cx: &mut LayoutContext, forward: bool) -> Result<Option<EditResult>, Error> {
        self.cancel_preedit(cx)?;
        let popped = if forward {
            self.history.redo.pop()
        } else {
            self.history.undo.pop_back()
        };
        let Some(group) = popped else {
            return Ok(None);
        };
        let result = if forward {
            let changes: Vec<(usize, &str, &str)> = group
                .changes
                .iter()
                .map(|c| (c.at, c.removed.as_str(), c.inserted.as_str()))
                .collect();
            self.replay(
                cx,
                &changes,
                (&group.spans_before, &group.spans_after),
                &group.boxes_after,
                group.selection_after,
            )
        } else {
            let changes: Vec<(usize, &str, &str)> = group
                .changes
                .iter()
                .rev()
                .map(|c| (c.at, c.inserted.as_str(), c.removed.as_str()))
                .collect();
            self.replay(
                cx,
                &changes,
                (&group.spans_after, &group.spans_before),
                &group.boxes_before,
                group.selection_before,
            )
        };
        if forward {
            self.history.undo.push_back(group);
        } else {
            self.history.redo.push(group);
        }
        self.history.broken = true;
        result.map(Some)
    }

    /// Whether there is a group to undo.
    pub fn can_undo(&self) -> bool {
        !self.history.undo.is_empty()
    }

    /// Whether there is a group to redo.
    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }

    /// Ends the current undo group: the next edit starts a new one (a toolkit calls this on a
    /// pause in typing, on focus loss, or wherever its platform says a group ends).
    pub fn break_undo_group(&mut self) {
        self.history.broken = true;
    }

    /// Keeps at most `groups` groups of undo history (default 1,000; the oldest go first; 0
    /// keeps none).
    pub fn set_undo_limit(&mut self, groups: usize) {
        self.history.limit = groups;
        let excess = self.history.undo.len().saturating_sub(groups);
        self.history.undo.drain(..excess);
        self.history.redo.truncate(groups);
    }

    /// Applies `changes` (at, text there now, text to put there), sets the spans from `from` to
    /// `to`, the boxes to `to_boxes` (which differ only where the changes are) and the selection
    /// to `selection`, and lays out again the stretch they touch.
    fn replay(
        &mut self,
        cx: &mut LayoutContext,
        changes: &[(usize, &str, &str)],
        (from_spans, to_spans): SpansPair<'_>,
        to_boxes: &Boxes,
        selection: Selection,
    ) -> Result<EditResult, Error> {
        // The stretch that changes: bytes before `lo` and the last `tail` bytes are the same
        // before and after (each change lies inside; so do the spans that differ).
        let old_len = self.text.len();
        let (mut lo, mut tail, mut len) = (old_len, old_len, old_len);
        for &(at, now, then) in changes {
            lo = lo.min(at);
            tail = tail.min(len - (at + now.len()));
            len = len - now.len() + then.len();
        }
        let new_len = len;
        for (spans, others, len) in [(from_spans, to_spans, old_len), (to_spans, from_spans, new_len)] {
            for (range, style) in spans {
                if !others.iter().any(|(r, s)| r == range && s == style) {
                    lo = lo.min(range.start);
                    tail = tail.min(len - range.end.min(len));
                }
            }
        }
        let lo = lo.min(old_len - tail).min(new_len - tail);
        let old = lo..old_len - tail;
        let removed = self.text[old.clone()].to_string();
        for &(at, now, then) in changes {
            self.text.replace_range(at..at + now.len(), then);
        }
        self.spans = to_spans.to_vec();
        self.boxes = to_boxes.clone();
        self.preedit = None;
        let mut result = self.rebuild(cx, old, lo..new_len - tail)?;
        result.removed = removed;
        self.set_selection(selection);
        Ok(result)
    }

    /// Records a text change made by an edit of `kind` (called before the change, with the
    /// text, spans and selection as they are then): joined to the open group or in a new one.
    pub(super) fn record(&mut self, kind: EditKind, range: &Range<usize>, inserted: &str) {
        if self.history.preedit.is_some() {
            return;
        }
        let change = Change {
            at: range.start,
            removed: self.text[range.clone()].to_string(),
            inserted: inserted.to_string(),
        };
        self.history.redo.clear();
        let selection = self.selection;
        let joins = !self.history.broken
            && kind != EditKind::Other
            && self.history.undo.back().is_some_and(|g| {
                g.kind == kind && !g.closed && g.selection_after == selection && selection.is_collapsed()
            });
        let ends_word = |text: &str| text.chars().next().is_some_and(|c| c.is_whitespace());
        if let Some(group) = self.history.undo.back_mut().filter(|_| joins) {
            // Typing a space after a word ends the word's group: the space starts the next.
            let previous_ended_word = group.changes.last().is_some_and(|c| ends_word(&c.inserted));
            if kind == EditKind::Typing && ends_word(inserted) && !previous_ended_word {
                group.closed = true;
            } else {
                group.changes.push(change);
                return;
            }
        }
        self.push_group(Group {
            kind,
            changes: vec![change],
            spans_before: self.spans.clone(),
            spans_after: Vec::new(),
            boxes_before: self.boxes.clone(),
            boxes_after: Vec::new(),
            selection_before: selection,
            selection_after: selection,
            closed: false,
        });
    }

    /// Records a style change (its spans before and after are all it changes).
    pub(super) fn record_style(&mut self, spans_before: Vec<(Range<usize>, SpanStyle)>) {
        self.history.redo.clear();
        let selection = self.selection;
        self.push_group(Group {
            kind: EditKind::Other,
            changes: Vec::new(),
            spans_before,
            spans_after: Vec::new(),
            boxes_before: self.boxes.clone(),
            boxes_after: Vec::new(),
            selection_before: selection,
            selection_after: selection,
            closed: true,
        });
        self.finish_record();
    }

    /// After an edit recorded: the open group's spans and selection after it.
    pub(super) fn finish_record(&mut self) {
        if self.history.preedit.is_some() {
            return;
        }
        let (spans, selection) = (self.spans.clone(), self.selection);
        let boxes = self.boxes.clone();
        if let Some(group) = self.history.undo.back_mut() {
            group.spans_after = spans;
            group.boxes_after = boxes;
            group.selection_after = selection;
        }
        self.history.broken = false;
    }

    /// A preedit starts replacing `range`: its composition is recorded when committed.
    pub(super) fn record_preedit_start(&mut self, range: &Range<usize>) {
        if self.history.preedit.is_none() {
            self.history.preedit = Some(PreeditStart {
                at: range.start,
                removed: self.text[range.clone()].to_string(),
                spans: self.spans.clone(),
                boxes: self.boxes.clone(),
                selection: self.selection,
            });
        }
    }

    /// The preedit ends: committed (`Some` with the range of the committed text), its
    /// composition becomes one group; cancelled (`None`), only the deletion of what it replaced.
    pub(super) fn record_preedit_end(&mut self, committed: Option<Range<usize>>) {
        let Some(start) = self.history.preedit.take() else {
            return;
        };
        // Cancelled, the composition leaves what it replaced deleted (a selection typed over):
        // recorded as that deletion, or not at all when it replaced nothing.
        let inserted = match committed {
            Some(range) => self.text[range].to_string(),
            None if start.removed.is_empty() => return,
            None => String::new(),
        };
        self.history.redo.clear();
        self.push_group(Group {
            kind: EditKind::Other,
            changes: vec![Change {
                at: start.at,
                removed: start.removed,
                inserted,
            }],
            spans_before: start.spans,
            spans_after: Vec::new(),
            boxes_before: start.boxes,
            boxes_after: Vec::new(),
            selection_before: start.selection,
            selection_after: start.selection,
            closed: true,
        });
        self.finish_record();
    }

    fn push_group(&mut self, group: Group) {
        if self.history.limit == 0 {
            return;
        }
        if self.history.undo.len() == self.history.limit {
            self.history.undo.pop_front();
        }
        self.history.undo.push_back(group);
    }
}
