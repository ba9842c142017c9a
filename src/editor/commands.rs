//! What an editor does: insert and delete at the selection, move and extend the selection, style
//! ranges, and an input method's preedit.

use std::ops::Range;

use super::history::EditKind;
use super::model::{EditResult, Editor};
use super::selection::Selection;
use crate::context::LayoutContext;
use crate::error::{check_range, Error};
use crate::geometry::{backspace_range, delete_range, Affinity, Carets, Movement, SelectionRect};
use crate::style::{InlineBox, SpanStyle};
use crate::text::chars::is_hard_break;
use crate::text::graphemes::clamp_to_grapheme;
use crate::text::Direction;

impl Editor {
    /// Replaces `range` of the text with `text` and lays out again what changed; the caret goes
    /// after the new text. Style spans move with the text: one that the insertion falls inside
    /// (or at the end of) grows with it. A preedit in progress is committed first.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRange`] for a range off the text or off its char boundaries; the layout
    /// errors of [`Editor::new`] (the text is then changed but its layout may be stale).
    pub fn replace(
        &mut self,
        cx: &mut LayoutContext,
        range: Range<usize>,
        text: &str,
    ) -> Result<EditResult, Error> {
        self.edit(cx, range, text, EditKind::Other)
    }

    /// Puts an inline box (an icon, an image, a widget of the caller's: see [`InlineBox`]) over
    /// the selection, as a U+FFFC that it stands for; the caret goes after it. Deleting its
    /// U+FFFC deletes the box; undo and redo bring it back and take it away.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInlineBox`] for a bad size or baseline (the text is left as it was); the
    /// layout errors of [`Editor::replace`].
    pub fn insert_box(&mut self, cx: &mut LayoutContext, inline: InlineBox) -> Result<EditResult, Error> {
        inline.validate("\u{FFFC}", 0)?;
        let range = self.selection.range();
        check_range(&self.text, &range)?;
        self.commit_preedit();
        self.record(EditKind::Other, &range, "\u{FFFC}");
        let result = self.splice(cx, range, "\u{FFFC}", Some(inline));
        self.finish_record();
        result
    }

    /// An edit of `kind`, recorded for undo: a preedit in progress is committed first.
    fn edit(
        &mut self,
        cx: &mut LayoutContext,
        range: Range<usize>,
        text: &str,
        kind: EditKind,
    ) -> Result<EditResult, Error> {
        check_range(&self.text, &range)?;
        self.commit_preedit();
        self.record(kind, &range, text);
        let result = self.splice(cx, range, text, None);
        self.finish_record();
        result
    }

    /// The text change under every edit: text, spans, boxes (those in `range` go; `inline`, if
    /// any, stands on the new text's start), blocks, layout, caret.
    fn splice(
        &mut self,
        cx: &mut LayoutContext,
        range: Range<usize>,
        text: &str,
        inline: Option<InlineBox>,
    ) -> Result<EditResult, Error> {
        let removed = self.text[range.clone()].to_string();
        self.text.replace_range(range.clone(), text);
        shift_spans(&mut self.spans, &range, text.len());
        shift_boxes(&mut self.boxes, &range, text.len());
        if let Some(b) = inline {
            let k = self.boxes.partition_point(|x| x.0 < range.start);
            self.boxes.insert(k, (range.start, b));
        }
        let new = range.start..range.start + text.len();
        // After the new text; on a cluster boundary (a base typed before a combining mark
        // forms one cluster with it).
        self.selection = Selection::caret(clamp_to_grapheme(&self.text, new.end));
        self.goal_x = None;
        let mut result = self.rebuild(cx, range, new)?;
        result.removed = removed;
        Ok(result)
    }

    /// Types `text` over the selection (at the caret when nothing is selected).
    ///
    /// # Errors
    ///
    /// As [`Editor::replace`].
    pub fn insert(&mut self, cx: &mut LayoutContext, text: &str) -> Result<EditResult, Error> {
        let range = self.selection.range();
        self.edit(cx, range, text, EditKind::Typing)
    }

    /// Backspace: the selection, or what [`backspace_range`] gives before the caret (the last
    /// point of a Yiddish cluster, a whole Latin or emoji cluster; the `\n` before a paragraph,
    /// joining it to the one before). `None` when there is nothing to delete.
    ///
    /// # Errors
    ///
    /// As [`Editor::replace`].
    pub fn backspace(&mut self, cx: &mut LayoutContext) -> Result<Option<EditResult>, Error> {
        let range = match self.selection.is_collapsed() {
            true => backspace_range(&self.text, self.selection.focus),
            false => self.selection.range(),
        };
        self.delete_nonempty(cx, range)
    }

    /// Delete: the selection, or the grapheme cluster after the caret ([`delete_range`]; the
    /// `\n` at a paragraph's end, joining the next one to it). `None` when there is nothing to
    /// delete.
    ///
    /// # Errors
    ///
    /// As [`Editor::replace`].
    pub fn delete(&mut self, cx: &mut LayoutContext) -> Result<Option<EditResult>, Error> {
        let range = match self.selection.is_collapsed() {
            true => delete_range(&self.text, self.selection.focus),
            false => self.selection.range(),
        };
        self.delete_nonempty(cx, range)
    }

    /// Deletes from the caret to where a word movement takes it (Ctrl+Backspace with
    /// [`Movement::WordBackward`], Ctrl+Delete with [`Movement::WordForward`]); the selection
    /// when there is one. `None` when there is nothing to delete.
    ///
    /// # Errors
    ///
    /// As [`Editor::replace`].
    pub fn delete_to(
        &mut self,
        cx: &mut LayoutContext,
        movement: Movement,
    ) -> Result<Option<EditResult>, Error> {
        let range = if self.selection.is_collapsed() {
            let to = self.moved(movement);
            let at = self.selection.focus;
            at.min(to)..at.max(to)
        } else {
            self.selection.range()
        };
        self.delete_nonempty(cx, range)
    }

    fn delete_nonempty(
        &mut self,
        cx: &mut LayoutContext,
        range: Range<usize>,
    ) -> Result<Option<EditResult>, Error> {
        if range.is_empty() {
            return Ok(None);
        }
        self.edit(cx, range, "", EditKind::Deleting).map(Some)
    }

    /// Styles `range` with `style`: a span over the others, setting the properties it sets
    /// (a [`SpanStyle`], or a whole [`TextStyle`](crate::TextStyle)), and lays out the paragraphs it touches again.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRange`] for a range off the text or its char boundaries; the style
    /// errors of [`TextStyle`](crate::TextStyle) and [`Error::NoFontInStack`] (the span is then not kept).
    pub fn set_style(
        &mut self,
        cx: &mut LayoutContext,
        range: Range<usize>,
        style: impl Into<SpanStyle>,
    ) -> Result<EditResult, Error> {
        check_range(&self.text, &range)?;
        let style = style.into();
        style.validate()?;
        // Its stack must resolve as merged over the base (the span may set only a weight).
        let merged = style.apply(&self.base);
        self.book
            .resolve(merged.stack(), merged.font_weight(), merged.is_italic())?;
        // A preedit being composed is committed first (its group before the style's).
        self.commit_preedit();
        let spans_before = self.spans.clone();
        self.spans.push((range.clone(), style));
        // The same text, rebuilt over the paragraphs the range touches.
        let first = self.block_of(range.start);
        let last = self.block_of(range.end.saturating_sub(1).max(range.start));
        let whole = self.block_range(first).start..self.block_range(last).end;
        match self.rebuild(cx, whole.clone(), whole) {
            Ok(mut result) => {
                result.replaced = range.clone();
                result.inserted = range;
                self.record_style(spans_before);
                Ok(result)
            }
            Err(e) => {
                self.spans.pop();
                Err(e)
            }
        }
    }

    /// Sets the selection, each end moved to the nearest grapheme cluster boundary.
    pub fn set_selection(&mut self, selection: Selection) {
        self.selection = Selection {
            anchor: clamp_to_grapheme(&self.text, selection.anchor),
            focus: clamp_to_grapheme(&self.text, selection.focus),
            affinity: selection.affinity,
        };
        self.goal_x = None;
    }

    /// A click at `(x, y)`: the caret there, or with `extend` (Shift+click, a drag) the
    /// selection extended to there.
    pub fn click(&mut self, x: f32, y: f32, extend: bool) {
        let hit = self.hit(x, y);
        let offset = self.offset_of(hit);
        self.selection = Selection {
            anchor: if extend { self.selection.anchor } else { offset },
            focus: offset,
            affinity: hit.cursor.affinity,
        };
        self.goal_x = None;
    }

    /// A double click: selects the word (or the run of spaces or punctuation) at `(x, y)`.
    pub fn select_word_at(&mut self, x: f32, y: f32) {
        let hit = self.hit(x, y);
        let start = self.block_range(hit.block).start;
        // A block not laid out (a click past the laid-out blocks): the caret at its start.
        let Some(layout) = self.layout.block(hit.block) else {
            return self.select(start..start);
        };
        // The click gives the nearest caret position, which is between the word clicked and
        // the next one when the click is on a word's last half: take the word whose highlight
        // holds the point.
        let after = layout.word_at(hit.cursor.offset);
        let before = layout.word_at(
            hit.cursor
                .offset
                .saturating_sub(1)
                .min(after.start.saturating_sub(1)),
        );
        let holds = |w: &Range<usize>| {
            layout
                .selection_rects(w.clone())
                .iter()
                .any(|r| (r.x..=r.x + r.width).contains(&x) && (r.y..=r.y + r.height).contains(&y))
        };
        let word = if !holds(&after) && hit.cursor.offset > 0 && holds(&before) {
            before
        } else {
            after
        };
        self.select(start + word.start..start + word.end);
    }

    /// A triple click: selects the paragraph at `(x, y)`, without the hard break ending it (its
    /// `\n`, or a CR LF: one cluster).
    pub fn select_paragraph_at(&mut self, x: f32, y: f32) {
        let hit = self.hit(x, y);
        let range = self.block_range(hit.block);
        self.select(range.start..without_hard_break(&self.text, range));
    }

    /// Selects the visual line at `(x, y)` (as some editors do on a triple click).
    pub fn select_line_at(&mut self, x: f32, y: f32) {
        let hit = self.hit(x, y);
        let start = self.block_range(hit.block).start;
        let Some(layout) = self.layout.block(hit.block) else {
            return self.select(start..start);
        };
        let line = layout.lines()[layout.line_of(hit.cursor)].range();
        let end = without_hard_break(layout.text(), line.clone());
        self.select(start + line.start..start + end);
    }

    /// Selects all the text.
    pub fn select_all(&mut self) {
        self.select(0..self.text.len());
    }

    fn select(&mut self, range: Range<usize>) {
        self.selection = Selection {
            anchor: range.start,
            focus: range.end,
            affinity: Affinity::Upstream,
        };
        self.goal_x = None;
    }

    /// Moves the caret as `movement` says (every movement of [`Movement`], across paragraphs);
    /// with `extend` (Shift) the selection's focus moves and its anchor stays. Without
    /// `extend`, a selection collapses: Left and Right to its visual side's end, the logical
    /// moves to its start or end, the others move from its focus.
    pub fn move_caret(&mut self, movement: Movement, extend: bool) {
        if !extend && !self.selection.is_collapsed() {
            let range = self.selection.range();
            let block = self.block_of(self.selection.focus);
            let rtl = match self.layout.block(block) {
                Some(layout) => layout.direction() == Direction::Rtl,
                None => self.block_is_rtl(self.block_range(block)),
            };
            let to = match movement {
                Movement::Left => Some(if rtl { range.end } else { range.start }),
                Movement::Right => Some(if rtl { range.start } else { range.end }),
                Movement::Backward => Some(range.start),
                Movement::Forward => Some(range.end),
                _ => None,
            };
            if let Some(to) = to {
                self.selection = Selection::caret(to);
                self.goal_x = None;
                return;
            }
        }
        let at = self.document_cursor(self.selection.focus, self.selection.affinity);
        let mut goal = self.goal_x;
        let moved = self.move_document(at, movement, &mut goal);
        self.goal_x = goal;
        let focus = self.offset_of(moved);
        self.selection = Selection {
            anchor: if extend { self.selection.anchor } else { focus },
            focus,
            affinity: moved.cursor.affinity,
        };
    }

    /// Where `movement` would take the caret.
    fn moved(&self, movement: Movement) -> usize {
        let at = self.document_cursor(self.selection.focus, self.selection.affinity);
        self.offset_of(self.move_document(at, movement, &mut None))
    }

    /// The selected text.
    pub fn selected_text(&self) -> &str {
        &self.text[self.selection.range()]
    }

    /// The carets at the selection's focus (split where directions meet).
    pub fn carets(&self) -> Option<Carets> {
        let at = self.document_cursor(self.selection.focus, self.selection.affinity);
        self.layout.carets(at)
    }

    /// The selection's highlight, as (block, rectangle) pairs top to bottom.
    pub fn selection_rects(&self) -> Vec<(usize, SelectionRect)> {
        let anchor = self.document_cursor(self.selection.anchor, Affinity::Downstream);
        let focus = self.document_cursor(self.selection.focus, self.selection.affinity);
        self.layout.selection_rects(anchor, focus)
    }

    /// Shows an input method's uncommitted text (`text`, its caret at byte `caret` of it) at the
    /// caret, in place of the selection or of the preedit before: laid out as text, not yet
    /// committed. [`Editor::preedit_range`] tells what to underline; [`Editor::commit_preedit`]
    /// keeps it, [`Editor::cancel_preedit`] takes it away. An empty `text` is a cancel.
    ///
    /// # Errors
    ///
    /// As [`Editor::replace`]; a `caret` off `text`'s char boundaries is put at its end.
    pub fn set_preedit(
        &mut self,
        cx: &mut LayoutContext,
        text: &str,
        caret: usize,
    ) -> Result<EditResult, Error> {
        let range = match self.preedit.take() {
            Some((range, _)) => range,
            None => self.selection.range(),
        };
        self.record_preedit_start(&range);
        let result = self.splice(cx, range.clone(), text, None)?;
        let caret = if text.is_char_boundary(caret) {
            caret
        } else {
            text.len()
        };
        if !text.is_empty() {
            self.preedit = Some((range.start..range.start + text.len(), caret));
        } else {
            self.record_preedit_end(None);
        }
        self.selection = Selection::caret(clamp_to_grapheme(&self.text, range.start + caret));
        Ok(result)
    }

    /// The preedit's range in the text (to underline), if one is shown.
    pub fn preedit_range(&self) -> Option<Range<usize>> {
        self.preedit.as_ref().map(|(r, _)| r.clone())
    }

    /// Keeps the preedit as text; the caret goes after it.
    pub fn commit_preedit(&mut self) {
        if let Some((range, _)) = self.preedit.take() {
            // On a cluster boundary: a preedit ending in CR before an LF, or a base before a
            // mark, ends inside a cluster.
            self.selection = Selection::caret(clamp_to_grapheme(&self.text, range.end));
            self.record_preedit_end(Some(range));
        }
    }

    /// Takes the preedit away, as if it had never been shown. `None` when none was.
    ///
    /// # Errors
    ///
    /// As [`Editor::replace`].
    pub fn cancel_preedit(&mut self, cx: &mut LayoutContext) -> Result<Option<EditResult>, Error> {
        match self.preedit.take() {
            Some((range, _)) => {
                let result = self.splice(cx, range, "", None);
                self.record_preedit_end(None);
                result.map(Some)
            }
            None => Ok(None),
        }
    }
}

/// The end of `range` of `text` before the hard break that ends it, if one does (a line or a
/// paragraph ends with at most one: LF, CR, CR LF, NEL, LS, PS, VT or FF).
pub(super) fn without_hard_break(text: &str, range: Range<usize>) -> usize {
    let line = &text[range.clone()];
    let end = line.strip_suffix("\r\n").map_or_else(
        || line.strip_suffix(is_hard_break).map_or(line.len(), str::len),
        str::len,
    );
    range.start + end
}

/// Moves spans over an edit that replaced `range` with `inserted` bytes: ends after it shift, a
/// span the edit falls inside or ends at grows over the new text, spans left empty go.
/// The boxes after replacing `range` by `inserted` bytes: those on its U+FFFCs go, those after
/// it move.
fn shift_boxes(boxes: &mut Vec<(usize, InlineBox)>, range: &Range<usize>, inserted: usize) {
    boxes.retain(|b| !range.contains(&b.0));
    for b in boxes.iter_mut().filter(|b| b.0 >= range.end) {
        b.0 = b.0 - range.len() + inserted;
    }
}

fn shift_spans(spans: &mut Vec<(Range<usize>, SpanStyle)>, range: &Range<usize>, inserted: usize) {
    let new_end = range.start + inserted;
    let after = |p: usize| p - range.len() + inserted;
    for (span, _) in spans.iter_mut() {
        // A start before the edit stays; at or in it, after the new text (what is typed at a
        // span's start, or over it, takes the style before).
        let start = if span.start < range.start {
            span.start
        } else if span.start >= range.end {
            after(span.start)
        } else {
            new_end
        };
        // An end before the edit stays, but at the edit's start it grows over the new text
        // (typing at a span's end continues it), as inside it; after it, it moves.
        let end = if span.end < range.start || (span.end == range.start && span.start >= range.start) {
            span.end
        } else if span.end >= range.end && span.end > range.start {
            after(span.end)
        } else {
            new_end
        };
        *span = start..end.max(start);
    }
    spans.retain(|(span, _)| !span.is_empty());
}

#[cfg(test)]
mod tests {
    use super::shift_spans;
    use crate::style::SpanStyle;

    fn shifted(
        span: std::ops::Range<usize>,
        edit: std::ops::Range<usize>,
        inserted: usize,
    ) -> Option<std::ops::Range<usize>> {
        let mut spans = vec![(span, SpanStyle::new().weight(700))];
        shift_spans(&mut spans, &edit, inserted);
        spans.pop().map(|s| s.0)
    }

    #[test]
    fn spans_move_with_the_text() {
        // Typing inside a span, or at its end, grows it; before it, moves it.
        assert_eq!(shifted(2..6, 4..4, 3), Some(2..9));
        assert_eq!(shifted(2..6, 6..6, 3), Some(2..9));
        assert_eq!(shifted(2..6, 2..2, 3), Some(5..9));
        assert_eq!(shifted(2..6, 0..1, 0), Some(1..5));
        // Deleting part of it shrinks it; deleting all of it drops it.
        assert_eq!(shifted(2..6, 3..5, 0), Some(2..4));
        assert_eq!(shifted(2..6, 1..7, 0), None);
        // Replacing across its start: what is typed takes the style before.
        assert_eq!(shifted(2..6, 1..3, 2), Some(3..6));
    }
}
