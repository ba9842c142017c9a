//! Documents larger than a screen: an editor with a viewport lays out only the blocks near it.
//!
//! [`Editor::open`] (or [`Editor::set_viewport`] on an editor made with [`Editor::new`]) keeps,
//! for each paragraph, its start and a height (`heights.rs`): the laid-out height of the blocks
//! in the *window* (the viewport and half a viewport above and below it, laid out and kept in
//! the [`DocumentLayout`](crate::DocumentLayout), whose [`first_block`](crate::DocumentLayout::first_block)
//! says where they start) and an estimate for the others (their length at the average advance
//! and line height learned from the laid-out ones). Opening 10 MB then costs a scan for `\n`
//! and a screen of layout; a paragraph never shown costs 16 bytes beside its text.
//!
//! Where the viewport stands is kept as an *anchor*: a block and the distance from its top to
//! the viewport's top. When estimates above it are replaced by laid-out heights (scrolling up
//! into text not yet shown), the anchor block's top moves and the viewport with it: what is on
//! screen stays where it is (CSS calls this scroll anchoring). The viewport's `top` is then
//! derived, and [`Editor::viewport`] says where it went.
//!
//! Hit testing, carets and selection rectangles are the laid-out blocks' (the viewport is
//! always laid out); movement crosses into blocks not laid out by their text (graphemes, words,
//! paragraph starts), and Page Up/Down ([`Editor::page`]) and [`Editor::scroll_to_caret`] move
//! the viewport and lay out what comes into it.

use std::ops::Range;

use super::heights::{Anchor, Estimate, Heights, View};
use super::model::{EditBlock, EditResult, Editor};
use crate::context::LayoutContext;
use crate::error::Error;
use crate::font::FontBook;
use crate::geometry::{Cursor, DocumentCursor};
use crate::layout::{Layout, LayoutOptions};
use crate::limits::MAX_WIDTH;
use crate::style::TextStyle;
use crate::text::BaseDirection;

/// The part of an editor's text to show: a vertical stretch of the document, in pixels from the
/// top of its first block. Only the blocks near it are laid out ([`Editor::set_viewport`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// The document y at the viewport's top edge.
    pub top: f32,
    /// The viewport's height.
    pub height: f32,
}

impl Viewport {
    /// The stretch from `top` down `height` pixels.
    pub fn new(top: f32, height: f32) -> Viewport {
        Viewport { top, height }
    }

    /// The viewport's bottom edge.
    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }

    /// [`Error::InvalidViewport`] for a top that is not finite or a height that is negative,
    /// not finite or above [`MAX_WIDTH`].
    fn validate(&self) -> Result<(), Error> {
        let good =
            self.top.is_finite() && self.height.is_finite() && (0.0..=MAX_WIDTH).contains(&self.height);
        if good {
            Ok(())
        } else {
            Err(Error::InvalidViewport {
                top: self.top,
                height: self.height,
            })
        }
    }
}

/// Blocks laid out at most per call beyond the viewport's, when an edit brings in many
/// paragraphs inside the window (a paste): more than this and the window is laid out afresh
/// around the viewport.
const MAX_LAID_PER_EDIT: usize = 64;

/// Rounds of laying out and re-placing the viewport before it is taken as settled: each round
/// replaces estimates by real heights, which moves the blocks the viewport covers; real heights
/// shorter than the estimates may bring in more blocks, and so on. A few rounds settle it for
/// any estimate within a factor of the truth.
const FILL_ROUNDS: usize = 8;

impl Editor {
    /// An editor of `text` that lays out only the paragraphs near `viewport`: a document of any
    /// length opens at the cost of a screen of layout (see [`Editor::set_viewport`]). Otherwise
    /// as [`Editor::with_direction`].
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{BaseDirection, Editor, FontBook, LayoutContext, LayoutOptions, Movement, TextStyle, Viewport};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let text = "שלום, world.\n".repeat(10_000);
    /// let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
    /// let options = LayoutOptions::new(400.0);
    /// let screen = Viewport::new(0.0, 600.0);
    /// let mut editor = Editor::open(&text, style, BaseDirection::Auto, &book, &mut cx, options, screen)?;
    /// // A screen's worth of the 10,001 paragraphs is laid out (and half a screen below it).
    /// assert!(editor.layout().laid_blocks().len() < 60);
    /// // Ctrl+End, then scroll to show the caret: the end of the text is laid out.
    /// editor.move_caret(Movement::TextEnd, false);
    /// let shown = editor.scroll_to_caret(&mut cx)?.unwrap();
    /// assert!(shown.top > 100_000.0 && editor.carets().is_some());
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Editor::new`]; [`Error::InvalidViewport`] for a bad viewport.
    pub fn open(
        text: &str,
        style: TextStyle,
        direction: BaseDirection,
        book: &FontBook,
        cx: &mut LayoutContext,
        options: LayoutOptions,
        viewport: Viewport,
    ) -> Result<Editor, Error> {
        options.validate()?;
        viewport.validate()?;
        cx.set_word_cache(true);
        let mut editor = Editor::empty(text, style, direction, book, options);
        editor.blocks = Editor::paragraph_starts(text)
            .map(|start| EditBlock {
                start,
                paragraph: None,
            })
            .collect();
        let estimate = Estimate::guess(editor.base.font_size());
        let heights = (0..editor.blocks.len())
            .map(|k| editor.estimated_height(&estimate, k))
            .collect();
        editor.view = Some(View {
            anchor: Anchor {
                block: 0,
                offset: 0.0,
            },
            height: viewport.height,
            heights: Heights::new(heights),
            estimate,
        });
        editor.set_viewport(cx, viewport)?;
        // The first screen taught the estimate: the blocks not laid out are estimated again
        // with it, and the viewport laid out over what that moved.
        editor.learn_estimate();
        editor.fill(cx)?;
        Ok(editor)
    }

    /// The viewport, where it stands now (moved with its anchor when estimated heights above it
    /// were replaced); `None` for an editor laying out every block.
    pub fn viewport(&self) -> Option<Viewport> {
        let view = self.view.as_ref()?;
        Some(Viewport {
            top: self.anchored_top(view) as f32,
            height: view.height,
        })
    }

    /// Shows `viewport`: lays out the blocks it covers (and half a viewport above and below),
    /// lets go of the layouts of the others, and returns the viewport as it stands after (its
    /// top kept in the document, and moved with the text it shows when heights above were
    /// estimates). An editor made with [`Editor::new`] lays out only near its viewport from
    /// then on.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidViewport`] for a bad viewport (nothing changes); the layout errors of
    /// [`Editor::new`].
    pub fn set_viewport(&mut self, cx: &mut LayoutContext, viewport: Viewport) -> Result<Viewport, Error> {
        viewport.validate()?;
        if self.view.is_none() {
            // Every block is laid out: their heights are real.
            let heights = (0..self.blocks.len())
                .map(|k| self.laid_height(k).unwrap_or(0.0))
                .collect();
            self.view = Some(View {
                anchor: Anchor {
                    block: 0,
                    offset: 0.0,
                },
                height: viewport.height,
                heights: Heights::new(heights),
                estimate: Estimate::guess(self.base.font_size()),
            });
            self.learn_estimate();
        }
        if let Some(view) = &mut self.view {
            view.height = viewport.height;
            let bottom = (view.heights.total() - f64::from(viewport.height)).max(0.0);
            view.anchor = anchor_at(&view.heights, f64::from(viewport.top).clamp(0.0, bottom));
        }
        self.fill(cx)?;
        Ok(self.viewport().unwrap_or(viewport))
    }

    /// Moves the viewport the least that shows the caret's line whole (nothing when it does);
    /// `None` for an editor without a viewport.
    ///
    /// # Errors
    ///
    /// The layout errors of [`Editor::new`].
    pub fn scroll_to_caret(&mut self, cx: &mut LayoutContext) -> Result<Option<Viewport>, Error> {
        let Some(viewport) = self.viewport() else {
            return Ok(None);
        };
        let (top, bottom) = match self.caret_line() {
            Some(line) => line,
            None => {
                // The caret's block is not laid out: bring its top into view, then its line.
                let block = self.block_of(self.selection.focus);
                let top = self.block_top(block);
                self.set_viewport(cx, Viewport::new(top, viewport.height))?;
                self.caret_line().unwrap_or((top, top))
            }
        };
        let viewport = self.viewport().unwrap_or(viewport);
        let to = if top < viewport.top {
            top
        } else if bottom > viewport.bottom() {
            (bottom - viewport.height).min(top)
        } else {
            return Ok(Some(viewport));
        };
        self.set_viewport(cx, Viewport::new(to, viewport.height))
            .map(Some)
    }

    /// Page Down (`down`) or Page Up: the viewport moves by its height less a line, and the
    /// caret goes to the same place on screen (the nearest caret position to it); at the top
    /// or bottom of the document, to the text's start or end. With `extend` (Shift) the
    /// selection's anchor stays. `None` (and nothing moves) for an editor without a viewport.
    ///
    /// # Errors
    ///
    /// The layout errors of [`Editor::new`].
    pub fn page(
        &mut self,
        cx: &mut LayoutContext,
        down: bool,
        extend: bool,
    ) -> Result<Option<Viewport>, Error> {
        let Some(before) = self.viewport() else {
            return Ok(None);
        };
        let (caret_x, caret_y) = match self.carets() {
            Some(c) => (c.primary.x, c.primary.top + c.primary.height / 2.0),
            None => (0.0, before.top),
        };
        let screen_y = (caret_y - before.top).clamp(0.0, before.height);
        let step = (before.height - self.estimate_line()).max(before.height / 2.0);
        let to = if down {
            before.top + step
        } else {
            before.top - step
        };
        let after = self.set_viewport(cx, Viewport::new(to, before.height))?;
        let anchor = self.selection.anchor;
        let stuck = (after.top - before.top).abs() < step / 2.0;
        if stuck && down {
            self.move_caret(crate::geometry::Movement::TextEnd, extend);
        } else if stuck {
            self.move_caret(crate::geometry::Movement::TextStart, extend);
        } else {
            self.click(caret_x, after.top + screen_y, extend);
        }
        if extend {
            self.selection.anchor = anchor;
        }
        Ok(Some(after))
    }

    /// The estimated height of block `k` (its text's length at the estimate's averages).
    /// Counted in chars, not bytes: a Hebrew letter takes two bytes of UTF-8 and a Latin one
    /// one, for about the same advance.
    fn estimated_height(&self, estimate: &Estimate, k: usize) -> f32 {
        let width = self.options.get_wrap().then(|| self.options.get_width());
        estimate.height(self.text[self.block_range(k)].chars().count(), width)
    }

    /// A line's height by the estimate (a font size's worth without a viewport).
    fn estimate_line(&self) -> f32 {
        self.view
            .as_ref()
            .map_or(self.base.font_size(), |v| v.estimate.line_height)
    }

    /// Learns the estimate from the laid-out blocks and estimates the others again with it.
    fn learn_estimate(&mut self) {
        let laid: Vec<(usize, usize, f32)> = self
            .layout
            .laid_blocks()
            .zip(self.layout.blocks())
            .map(|(k, l)| {
                let chars = self.text[self.block_range(k)].chars().count();
                (chars, l.lines().len(), block_height(l))
            })
            .collect();
        let width = self.options.get_wrap().then(|| self.options.get_width());
        let Some(mut view) = self.view.take() else {
            return;
        };
        view.estimate.learn(laid.into_iter(), width);
        let window = self.layout.laid_blocks();
        let heights: Vec<f32> = (0..self.blocks.len())
            .map(|k| match window.contains(&k) {
                true => view.heights.get(k),
                false => self.estimated_height(&view.estimate, k),
            })
            .collect();
        view.heights = Heights::new(heights);
        self.view = Some(view);
    }

    /// The top and bottom of the caret's line, if its block is laid out.
    fn caret_line(&self) -> Option<(f32, f32)> {
        let at = self.document_cursor(self.selection.focus, self.selection.affinity);
        let layout = self.layout.block(at.block)?;
        let line = layout.lines().get(layout.line_of(at.cursor))?;
        Some((line.top(), line.top() + line.height()))
    }

    /// The viewport's top as its anchor puts it, kept in the document.
    fn anchored_top(&self, view: &View) -> f64 {
        let top = view.heights.top(view.anchor.block) + view.anchor.offset;
        top.clamp(0.0, (view.heights.total() - f64::from(view.height)).max(0.0))
    }

    /// Lays out the blocks the viewport and its margins cover, lets go of the others', until
    /// the viewport (moved with its anchor as estimates are replaced) stops moving; then stacks
    /// the laid-out blocks at their tops and anchors the viewport again at its top block.
    pub(super) fn fill(&mut self, cx: &mut LayoutContext) -> Result<(), Error> {
        for _ in 0..FILL_ROUNDS {
            let Some(view) = &self.view else {
                return Ok(());
            };
            let top = self.anchored_top(view);
            let margin = f64::from(view.height) / 2.0;
            let first = view.heights.find(top - margin);
            let last = view.heights.find(top + f64::from(view.height) + margin);
            if !self.cover(cx, first..last + 1)? {
                break;
            }
        }
        if let Some(view) = &self.view {
            let top = self.anchored_top(view);
            if let Some(view) = &mut self.view {
                view.anchor = anchor_at(&view.heights, top);
            }
        }
        self.stack_window();
        Ok(())
    }

    /// Makes `want` the laid-out window: lays out the blocks of it not laid out, lets go of the
    /// others. Whether anything changed.
    fn cover(&mut self, cx: &mut LayoutContext, want: Range<usize>) -> Result<bool, Error> {
        let have = self.layout.laid_blocks();
        if have == want {
            return Ok(false);
        }
        if have.end <= want.start || want.end <= have.start || have.is_empty() {
            self.evict(have);
            self.layout.blocks.clear();
            self.layout.first = want.start;
            let laid = self.lay_blocks(cx, want)?;
            self.layout.blocks = laid;
            return Ok(true);
        }
        // Overlapping: drop the ends outside `want`, lay out what `want` adds at each end.
        if have.end > want.end {
            self.evict(want.end..have.end);
            self.layout.blocks.truncate(want.end - have.start);
        }
        if have.start < want.start {
            self.evict(have.start..want.start);
            self.layout.blocks.drain(..want.start - have.start);
            self.layout.first = want.start;
        }
        let above = self.lay_blocks(cx, want.start..have.start.max(want.start))?;
        self.layout.first = want.start;
        self.layout.blocks.splice(0..0, above);
        let below = self.lay_blocks(cx, have.end.max(want.start)..want.end)?;
        self.layout.blocks.extend(below);
        Ok(true)
    }

    /// Lets go of the paragraphs of `range` (their layouts are dropped by the caller).
    fn evict(&mut self, range: Range<usize>) {
        for b in &mut self.blocks[range] {
            b.paragraph = None;
        }
    }

    /// Builds (where not built) and lays out the blocks of `range`, their heights then real.
    fn lay_blocks(&mut self, cx: &mut LayoutContext, range: Range<usize>) -> Result<Vec<Layout>, Error> {
        let mut laid = Vec::with_capacity(range.len());
        for k in range {
            let mut layout = Layout::default();
            self.lay_block(cx, k, &mut layout)?;
            laid.push(layout);
        }
        Ok(laid)
    }

    /// Builds block `k`'s paragraph if it is not and lays it out into `layout` (at y = 0),
    /// setting its height.
    fn lay_block(&mut self, cx: &mut LayoutContext, k: usize, layout: &mut Layout) -> Result<(), Error> {
        if self.blocks[k].paragraph.is_none() {
            let paragraph = self.build_paragraph(cx, self.block_range(k))?;
            self.blocks[k].paragraph = Some(Box::new(paragraph));
        }
        let options = self.options.final_line(false);
        if let Some(paragraph) = &self.blocks[k].paragraph {
            paragraph.layout_into(cx, &options, layout)?;
        }
        if let Some(view) = &mut self.view {
            view.heights.set(k, block_height(layout));
        }
        Ok(())
    }

    /// Moves each laid-out block to its top and sets the layout's height and width.
    fn stack_window(&mut self) {
        let Some(view) = &self.view else {
            return;
        };
        let first = self.layout.first;
        for (j, layout) in self.layout.blocks.iter_mut().enumerate() {
            let top = view.heights.top(first + j) as f32;
            let now = layout.lines().first().map_or(top, |l| l.top());
            if now != top {
                layout.translate_y(top - now);
            }
        }
        self.layout.height = view.heights.total() as f32;
        self.layout.width = self.options.get_width();
    }

    /// Block `k`'s index in the layout's blocks, if it is laid out (and its paragraph built).
    pub(super) fn laid_index(&self, k: usize) -> Option<usize> {
        let local = k.checked_sub(self.layout.first)?;
        (local < self.layout.blocks.len() && self.blocks.get(k)?.paragraph.is_some()).then_some(local)
    }

    /// Block `k`'s laid-out height, if it is laid out.
    fn laid_height(&self, k: usize) -> Option<f32> {
        self.layout.block(k).map(block_height)
    }

    /// After block `k`'s layout changed in place: its height is the new one.
    pub(super) fn block_laid(&mut self, k: usize) {
        if let Some(h) = self.laid_height(k) {
            if let Some(view) = &mut self.view {
                view.heights.set(k, h);
            }
        }
    }

    /// With a viewport: lays out the blocks of `range` that are in the window again (the
    /// others estimated again), then the viewport over what moved.
    pub(super) fn relayout_lazy(&mut self, cx: &mut LayoutContext, range: Range<usize>) -> Result<(), Error> {
        for k in range {
            if let Some(local) = self.laid_index(k) {
                let mut layout = std::mem::take(&mut self.layout.blocks[local]);
                let laid = self.lay_block(cx, k, &mut layout);
                self.layout.blocks[local] = layout;
                laid?;
            } else if let Some(view) = &self.view {
                let h = self.estimated_height(&view.estimate, k);
                if let Some(view) = &mut self.view {
                    view.heights.set(k, h);
                }
            }
        }
        self.fill(cx)
    }

    /// With a viewport (`view`, taken out of the editor): the blocks `replaced` (old indices) become blocks starting at `starts`
    /// (the text already edited: `old` of the text before replaced by `new`). New blocks inside the
    /// window are laid out (a few; a paste of many lays the window out afresh), the others
    /// estimated; the anchor and the window move with the blocks before them.
    pub(super) fn rebuild_lazy(
        &mut self,
        cx: &mut LayoutContext,
        mut view: View,
        replaced: Range<usize>,
        starts: &[usize],
        old: Range<usize>,
        new: Range<usize>,
    ) -> Result<EditResult, Error> {
        let old_height = self.layout.height();
        let delta = new.len() as isize - old.len() as isize;
        let n_new = starts.len();
        let shift = |k: usize| (k as isize + n_new as isize - replaced.len() as isize) as usize;
        if delta != 0 {
            for b in &mut self.blocks[replaced.end..] {
                b.start = (b.start as isize + delta) as usize;
            }
        }
        // The window (old indices `have`): before the edit it moves with the blocks; after it,
        // it stays; across it, the new blocks are laid out in it, or (a paste of many) it is
        // let go and laid out afresh around the viewport.
        let have = self.layout.laid_blocks();
        // (An insertion of blocks, `replaced` empty, is across when strictly inside.)
        let across = replaced.start < have.end && replaced.end > have.start;
        if across && n_new > MAX_LAID_PER_EDIT {
            self.evict(have.clone());
            self.layout.blocks.clear();
        }
        let fresh = starts.iter().map(|&start| EditBlock {
            start,
            paragraph: None,
        });
        self.blocks.splice(replaced.clone(), fresh);
        // (Taken out of the editor while the blocks are spliced, put back before any is laid out.)
        let estimates: Vec<f32> = (replaced.start..replaced.start + n_new)
            .map(|k| self.estimated_height(&view.estimate, k))
            .collect();
        view.heights.splice(replaced.clone(), estimates.into_iter());
        if view.anchor.block >= replaced.end {
            view.anchor.block = shift(view.anchor.block);
        } else if view.anchor.block >= replaced.start {
            view.anchor.block = replaced.start.min(self.blocks.len().saturating_sub(1));
        }
        self.view = Some(view);
        let added = replaced.start..replaced.start + n_new;
        if !across && replaced.end <= have.start {
            self.layout.first = shift(have.start);
        } else if across && n_new <= MAX_LAID_PER_EDIT {
            let laid = self.lay_blocks(cx, added.clone())?;
            let from = replaced.start.max(have.start) - have.start;
            let to = replaced.end.min(have.end) - have.start;
            self.layout.blocks.splice(from..to, laid);
            self.layout.first = have.start.min(replaced.start);
        } else if across {
            self.layout.first = replaced.start;
        }
        self.fill(cx)?;
        Ok(self.edit_result(old, new, added, old_height))
    }

    /// The cursor at `(x, y)`: the layout's hit test where `y` falls in the laid-out blocks,
    /// else the start of the (not laid-out) block at `y`.
    pub(super) fn hit(&self, x: f32, y: f32) -> DocumentCursor {
        if let Some(view) = &self.view {
            let window = self.layout.laid_blocks();
            let (top, bottom) = (self.block_top(window.start), self.block_top(window.end));
            if window.is_empty() || y < top || y >= bottom {
                return DocumentCursor {
                    block: view.heights.find(f64::from(y)),
                    cursor: Cursor::new(0),
                };
            }
        }
        self.layout.hit_test(x, y)
    }
}

/// The anchor for a viewport whose top is at `top`: the block there.
fn anchor_at(heights: &Heights, top: f64) -> Anchor {
    let block = heights.find(top);
    Anchor {
        block,
        offset: top - heights.top(block),
    }
}

/// A laid-out block's height (laid out at y = 0 or moved: its lines' extent).
fn block_height(layout: &Layout) -> f32 {
    match (layout.lines().first(), layout.lines().last()) {
        (Some(first), Some(last)) => last.top() + last.height() - first.top(),
        _ => 0.0,
    }
}
