//! The editor model: the text, its spans and paragraphs, their layout, the selection and the
//! preedit; and bringing the layout up to date after an edit.

use std::ops::Range;

use super::heights::View;
use super::history::History;
use super::selection::Selection;
use crate::context::LayoutContext;
use crate::document::DocumentLayout;
use crate::error::Error;
use crate::font::FontBook;
use crate::geometry::{Affinity, Cursor, DocumentCursor};
use crate::layout::{Layout, LayoutOptions};
use crate::paragraph::edit::ParagraphEdit;
use crate::paragraph::Paragraph;
use crate::style::{InlineBox, SpanStyle, TextStyle};
use crate::text::graphemes::clamp_to_grapheme;
use crate::text::BaseDirection;

/// What an edit changed.
#[derive(Debug, Clone, PartialEq)]
pub struct EditResult {
    /// The byte range of the text before the edit that was replaced (empty for an insertion).
    pub replaced: Range<usize>,
    /// The byte range of the text after the edit that replaced it (empty for a deletion).
    pub inserted: Range<usize>,
    /// The blocks (paragraphs) laid out again, as indices into the new layout's blocks.
    pub blocks: Range<usize>,
    /// The vertical stretch to repaint, top to bottom: the rebuilt blocks, and everything below
    /// them when their height changed.
    pub repaint: (f32, f32),
    /// The text that was at `replaced` before the edit (empty for an insertion or a style
    /// change): what an undo puts back.
    pub removed: String,
}

/// One paragraph of the editor's text: where it starts and its built paragraph (`None` for a
/// block an editor with a viewport has not laid out: its text and an estimated height are all
/// it keeps, `viewport.rs`). Boxed: a block never shown costs a start and a pointer.
#[derive(Debug, Clone)]
pub(super) struct EditBlock {
    pub start: usize,
    pub paragraph: Option<Box<Paragraph>>,
}

/// Text being edited: paragraphs, their shaping and their layout, a selection and an input
/// method's preedit. See the module notes for what an edit rebuilds.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{Editor, FontBook, LayoutContext, LayoutOptions, Movement, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let mut cx = LayoutContext::new();
/// let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
/// let mut editor = Editor::new("שלום\nworld", style, &book, &mut cx, LayoutOptions::new(300.0))?;
/// editor.move_caret(Movement::TextEnd, false);
/// let change = editor.insert(&mut cx, "!")?;
/// assert_eq!(editor.text(), "שלום\nworld!");
/// assert_eq!(change.blocks, 1..2); // only the second paragraph was laid out again
/// editor.backspace(&mut cx)?;
/// assert_eq!(editor.text(), "שלום\nworld");
/// # }
/// # Ok::<(), shrift::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Editor {
    pub(super) book: FontBook,
    pub(super) base: TextStyle,
    pub(super) direction: BaseDirection,
    pub(super) options: LayoutOptions,
    pub(super) text: String,
    /// Style spans over `text`, kept as the text changes; later spans win.
    pub(super) spans: Vec<(Range<usize>, SpanStyle)>,
    pub(super) blocks: Vec<EditBlock>,
    pub(super) layout: DocumentLayout,
    /// With a viewport ([`Editor::set_viewport`]): the blocks' heights and where the viewport
    /// stands; only the blocks near it are laid out. `None`: every block is.
    pub(super) view: Option<View>,
    pub(super) selection: Selection,
    /// Where Up and Down aim, kept across a run of vertical moves.
    pub(super) goal_x: Option<f32>,
    /// The input method's uncommitted text: (its range in the shown text, the caret in it).
    pub(super) preedit: Option<(Range<usize>, usize)>,
    /// Undo and redo.
    pub(super) history: History,
    /// The inline boxes: the offsets of their U+FFFC in `text`, ascending.
    pub(super) boxes: Vec<(usize, InlineBox)>,
}

impl Editor {
    /// An editor of `text` in `style`, laid out with `options`, the caret at the start. Turns
    /// the context's word cache on ([`LayoutContext::set_word_cache`]): an editor reshapes the
    /// words an edit changes, not whole paragraphs.
    ///
    /// # Errors
    ///
    /// As [`Paragraph::new`] and [`Paragraph::layout`]: a bad style, no face of the stack in
    /// `book`, bad options.
    pub fn new(
        text: &str,
        style: TextStyle,
        book: &FontBook,
        cx: &mut LayoutContext,
        options: LayoutOptions,
    ) -> Result<Editor, Error> {
        Editor::with_direction(text, style, BaseDirection::Auto, book, cx, options)
    }

    /// Like [`Editor::new`] with a base direction for every paragraph (a right-to-left text
    /// field: [`BaseDirection::Rtl`]).
    ///
    /// # Errors
    ///
    /// As [`Editor::new`].
    pub fn with_direction(
        text: &str,
        style: TextStyle,
        direction: BaseDirection,
        book: &FontBook,
        cx: &mut LayoutContext,
        options: LayoutOptions,
    ) -> Result<Editor, Error> {
        options.validate()?;
        cx.set_word_cache(true);
        let mut editor = Editor::empty(text, style, direction, book, options);
        let whole = 0..text.len();
        editor.rebuild(cx, whole.clone(), whole)?;
        Ok(editor)
    }

    /// An editor of `text` with no blocks and no layout yet.
    pub(super) fn empty(
        text: &str,
        style: TextStyle,
        direction: BaseDirection,
        book: &FontBook,
        options: LayoutOptions,
    ) -> Editor {
        Editor {
            book: book.clone(),
            base: style,
            direction,
            options,
            text: text.to_string(),
            spans: Vec::new(),
            blocks: Vec::new(),
            layout: DocumentLayout::default(),
            view: None,
            selection: Selection::default(),
            goal_x: None,
            preedit: None,
            history: History::default(),
            boxes: Vec::new(),
        }
    }

    /// The text (with an active preedit: the text as shown, the preedit in it).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The layout: one block per paragraph, in document coordinates. Hit test, draw carets and
    /// selections with its methods ([`DocumentLayout::hit_test`] and the rest) or the editor's.
    pub fn layout(&self) -> &DocumentLayout {
        &self.layout
    }

    /// The selection.
    pub fn selection(&self) -> Selection {
        self.selection
    }

    /// The style spans as they stand after the edits so far.
    pub fn spans(&self) -> &[(Range<usize>, SpanStyle)] {
        &self.spans
    }

    /// The inline boxes in the text ([`Editor::insert_box`]), with the offsets of their U+FFFC,
    /// in text order.
    pub fn inline_boxes(&self) -> &[(usize, InlineBox)] {
        &self.boxes
    }

    /// The layout options.
    pub fn options(&self) -> &LayoutOptions {
        &self.options
    }

    /// The byte range of paragraph `block` in the text (its `\n` included).
    pub fn block_range(&self, block: usize) -> Range<usize> {
        let start = self.blocks.get(block).map_or(self.text.len(), |b| b.start);
        let end = self.blocks.get(block + 1).map_or(self.text.len(), |b| b.start);
        start..end
    }

    /// The block (paragraph) holding `offset`: the last one starting at or before it.
    pub fn block_of(&self, offset: usize) -> usize {
        self.blocks
            .partition_point(|b| b.start <= offset)
            .saturating_sub(1)
    }

    /// An offset of the text as a cursor in the layout's blocks.
    pub fn document_cursor(&self, offset: usize, affinity: Affinity) -> DocumentCursor {
        let block = self.block_of(offset);
        let start = self.blocks.get(block).map_or(0, |b| b.start);
        DocumentCursor {
            block,
            cursor: Cursor {
                offset: offset - start,
                affinity,
            },
        }
    }

    /// A cursor in the layout's blocks as an offset of the text: a block index past the last is
    /// the last block, an offset past the block's end is its end, and an offset inside a
    /// grapheme cluster is the nearer cluster boundary.
    pub fn offset_of(&self, at: DocumentCursor) -> usize {
        let range = self.block_range(at.block.min(self.blocks.len().saturating_sub(1)));
        let offset = range.start.saturating_add(at.cursor.offset).min(range.end);
        clamp_to_grapheme(&self.text, offset)
    }

    /// Lays the text out at new options (a new width): every block again, nothing reshaped
    /// but where a line breaks at a point the shaper marked unsafe.
    ///
    /// # Errors
    ///
    /// As [`Paragraph::layout`]; the editor keeps its old options and layout.
    pub fn set_options(
        &mut self,
        cx: &mut LayoutContext,
        options: LayoutOptions,
    ) -> Result<EditResult, Error> {
        options.validate()?;
        self.options = options;
        self.relayout(cx, 0..self.blocks.len())?;
        Ok(EditResult {
            replaced: 0..0,
            inserted: 0..0,
            blocks: 0..self.blocks.len(),
            repaint: (0.0, self.layout.height()),
            removed: String::new(),
        })
    }

    /// The paragraph ranges of the text: after each `\n`, and an empty last paragraph after a
    /// final `\n` (or for an empty text), where a caret can stand.
    pub(super) fn paragraph_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1))
    }

    /// Replaces `old` (a range of the text before the edit) by the text now at `new`, and brings
    /// the blocks and the layout up to date: blocks wholly before or after the change are kept,
    /// the others rebuilt. Returns the blocks rebuilt and the stretch to repaint.
    pub(super) fn rebuild(
        &mut self,
        cx: &mut LayoutContext,
        old: Range<usize>,
        new: Range<usize>,
    ) -> Result<EditResult, Error> {
        let delta = new.len() as isize - old.len() as isize;
        let old_height = self.layout.height();
        let n = self.blocks.len();
        // Old blocks wholly before the change: they end with a `\n` at or before its start.
        // (The blocks' starts rise: a bisection, not a walk over a long document's blocks.)
        let keep_before = self.blocks.get(1..).map_or(0, |after_first| {
            after_first.partition_point(|b| b.start <= old.start)
        });
        // Old blocks wholly after it: they start at or after its end, still after a `\n`.
        let bytes = self.text.as_bytes();
        let first_after = (keep_before..n)
            .find(|&k| {
                let start = self.blocks[k].start;
                let moved = start as isize + delta;
                start >= old.end && (moved == 0 || bytes.get(moved as usize - 1) == Some(&b'\n'))
            })
            .unwrap_or(n);
        let region_start = self.blocks.get(keep_before).map_or(0, |b| b.start);
        let region_end = match self.blocks.get(first_after) {
            Some(b) => (b.start as isize + delta) as usize,
            None => self.text.len(),
        };
        // One paragraph before and after (no `\n` added or removed: the old region is one
        // block, and none came in): edited in place where that is exact (`paragraph/edit.rs`),
        // its layout then brought up to date.
        if first_after == keep_before + 1 && !self.text[new.clone()].contains('\n') {
            if let Some(result) = self.edit_block(cx, keep_before, region_start..region_end, &old, &new)? {
                return Ok(result);
            }
        }
        let region = &self.text[region_start..region_end];
        let starts: Vec<usize> = Editor::paragraph_starts(region)
            .map(|s| region_start + s)
            .filter(|&s| s < region_end || (s == region_end && first_after == n))
            .collect();
        if let Some(view) = self.view.take() {
            let replaced = keep_before..first_after;
            return self.rebuild_lazy(cx, view, replaced, &starts, old, new);
        }
        let mut rebuilt = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(region_end);
            rebuilt.push(EditBlock {
                start,
                paragraph: Some(Box::new(self.build_paragraph(cx, start..end)?)),
            });
        }
        let n_new = rebuilt.len();
        // The blocks after the change keep their place in the vector (spliced in place: a
        // keystroke that keeps the number of paragraphs moves none of them) and their starts
        // move by the change in length.
        if delta != 0 {
            for b in &mut self.blocks[first_after..] {
                b.start = (b.start as isize + delta) as usize;
            }
        }
        self.blocks.splice(keep_before..first_after, rebuilt);
        // Layouts: the kept ones move, the rebuilt ones are laid out.
        let layouts = &mut self.layout.blocks;
        let end = first_after.min(layouts.len());
        layouts.splice(keep_before.min(end)..end, (0..n_new).map(|_| Layout::default()));
        let blocks = keep_before..keep_before + n_new;
        self.relayout(cx, blocks.clone())?;
        Ok(self.edit_result(old, new, blocks, old_height))
    }

    /// Edits block `k` (now `range` of the text) in place for the edit of `old` by `new`, if
    /// the paragraph can take it ([`Paragraph::edit_in_place`]); `None` where it must be built
    /// again.
    fn edit_block(
        &mut self,
        cx: &mut LayoutContext,
        k: usize,
        range: Range<usize>,
        old: &Range<usize>,
        new: &Range<usize>,
    ) -> Result<Option<EditResult>, Error> {
        // A block an editor with a viewport has not laid out is built when it comes into view.
        let Some(local) = self.laid_index(k) else {
            return Ok(None);
        };
        let start = range.start;
        let spans = self.block_spans(range.clone());
        let edit = ParagraphEdit {
            text: &self.text[range],
            old: old.start - start..old.end - start,
            inserted: new.len(),
            base: &self.base,
            spans: &spans,
        };
        let old_height = self.layout.height();
        let Some(paragraph) = self.blocks[k].paragraph.as_deref_mut() else {
            return Ok(None);
        };
        let Some(changed) = cx.edit_paragraph(paragraph, &self.book, &edit) else {
            return Ok(None);
        };
        let delta = new.len() as isize - old.len() as isize;
        if delta != 0 {
            for b in &mut self.blocks[k + 1..] {
                b.start = (b.start as isize + delta) as usize;
            }
        }
        // Only the lines the edit changed are laid again, where the options allow; the blocks
        // below then move with the block's new height.
        let options = self.options.final_line(false);
        let Some(paragraph) = self.blocks[k].paragraph.as_deref() else {
            return Ok(None);
        };
        if cx.relayout_edit(
            paragraph,
            &options,
            &mut self.layout.blocks[local],
            changed,
            delta,
        ) {
            self.block_laid(k);
            self.relayout(cx, k + 1..k + 1)?;
        } else {
            self.relayout(cx, k..k + 1)?;
        }
        Ok(Some(self.edit_result(
            old.clone(),
            new.clone(),
            k..k + 1,
            old_height,
        )))
    }

    /// What an edit of `old` by `new` changed, once `blocks` are laid out again: the stretch to
    /// repaint is the blocks, and everything below them when the text's height changed from
    /// `old_height`.
    pub(super) fn edit_result(
        &self,
        old: Range<usize>,
        new: Range<usize>,
        blocks: Range<usize>,
        old_height: f32,
    ) -> EditResult {
        let top = self.block_top(blocks.start);
        let bottom = if self.layout.height() != old_height {
            self.layout.height().max(old_height)
        } else {
            self.block_top(blocks.end)
        };
        EditResult {
            replaced: old,
            inserted: new,
            blocks,
            repaint: (top, bottom),
            removed: String::new(),
        }
    }

    /// The spans over `range` of the text, clipped to it and made relative to its start.
    pub(super) fn block_spans(&self, range: Range<usize>) -> Vec<(Range<usize>, SpanStyle)> {
        self.spans
            .iter()
            .filter_map(|(span, style)| {
                let (s, e) = (span.start.max(range.start), span.end.min(range.end));
                (s < e).then(|| (s - range.start..e - range.start, style.clone()))
            })
            .collect()
    }

    /// The y of block `k`'s top (the layout's height past the last block).
    pub(super) fn block_top(&self, k: usize) -> f32 {
        if let Some(view) = &self.view {
            return view.heights.top(k) as f32;
        }
        match self.layout.blocks.get(k).and_then(|l| l.lines().first()) {
            Some(line) => line.top(),
            None => self.layout.height(),
        }
    }

    /// Lays out the blocks in `range` again and stacks every block from the first of them down.
    fn relayout(&mut self, cx: &mut LayoutContext, range: Range<usize>) -> Result<(), Error> {
        if self.view.is_some() {
            return self.relayout_lazy(cx, range);
        }
        let mut y = if range.start == 0 {
            0.0
        } else {
            let before = &self.layout.blocks[range.start - 1];
            before.lines().last().map_or(0.0, |l| l.top() + l.height())
        };
        for k in range.start..self.blocks.len() {
            if range.contains(&k) {
                let layout = &mut self.layout.blocks[k];
                // A block's `\n` separates it from the next; the empty block after a final
                // `\n` is the line where the caret after it stands.
                let options = self.options.final_line(false);
                if let Some(paragraph) = &self.blocks[k].paragraph {
                    paragraph.layout_into(cx, &options, layout)?;
                }
                layout.translate_y(y);
            } else {
                let layout = &mut self.layout.blocks[k];
                let top = layout.lines().first().map_or(y, |l| l.top());
                if top == y {
                    // Stacked as before from here down: nothing below moves, and the height
                    // is what it was.
                    self.layout.width = self.options.get_width();
                    return Ok(());
                }
                layout.translate_y(y - top);
            }
            let layout = &self.layout.blocks[k];
            y = layout.lines().last().map_or(y, |l| l.top() + l.height());
        }
        self.layout.height = y;
        self.layout.width = self.options.get_width();
        Ok(())
    }

    /// Builds the paragraph of `range`, with the spans that fall in it.
    pub(super) fn build_paragraph(
        &self,
        cx: &mut LayoutContext,
        range: Range<usize>,
    ) -> Result<Paragraph, Error> {
        let mut builder =
            Paragraph::builder(&self.text[range.clone()], self.base.clone()).direction(self.direction);
        for (span, style) in self.block_spans(range.clone()) {
            builder = builder.span(span, style);
        }
        let first = self.boxes.partition_point(|b| b.0 < range.start);
        for &(offset, b) in self.boxes[first..].iter().take_while(|b| b.0 < range.end) {
            builder = builder.inline_box(offset - range.start, b);
        }
        builder.build(&self.book, cx)
    }
}
