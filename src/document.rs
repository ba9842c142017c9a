//! Documents: blocks (paragraphs) stacked in one column at one width, such as a headline over body
//! paragraphs, each block with its own styles, base direction and alignment.

use crate::context::LayoutContext;
use crate::error::Error;
use crate::layout::{Alignment, Layout, LayoutOptions, LineHeight};
use crate::limits::MAX_WIDTH;
use crate::paragraph::Paragraph;

/// A paragraph placed in a document, with the space left after it.
#[derive(Debug, Clone)]
pub struct Block {
    paragraph: Paragraph,
    space_after: f32,
    align: Option<Alignment>,
    line_height: Option<LineHeight>,
}

impl Block {
    /// A block of `paragraph`, aligned and spaced as the layout options say, no space after.
    pub fn new(paragraph: Paragraph) -> Block {
        Block {
            paragraph,
            space_after: 0.0,
            align: None,
            line_height: None,
        }
    }

    /// Sets the space left below the block, in pixels: finite, not negative, at most
    /// [`MAX_WIDTH`] ([`Error::InvalidSpacing`] when the document is laid out).
    pub fn space_after(mut self, px: f32) -> Block {
        self.space_after = px;
        self
    }

    /// Sets the block's alignment (else the layout options' alignment applies).
    pub fn align(mut self, align: Alignment) -> Block {
        self.align = Some(align);
        self
    }

    /// Sets the block's line-height factor ([`LineHeight::Natural`]).
    pub fn line_height(mut self, factor: f32) -> Block {
        self.line_height = Some(LineHeight::Natural(factor));
        self
    }

    /// Sets how tall the block's lines are (by default, what the document is laid out with).
    pub fn line_height_mode(mut self, mode: LineHeight) -> Block {
        self.line_height = Some(mode);
        self
    }

    /// The block's paragraph.
    pub fn paragraph(&self) -> &Paragraph {
        &self.paragraph
    }
}

/// Blocks stacked top to bottom in one column.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{Block, Document, FontBook, LayoutContext, Paragraph, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let mut cx = LayoutContext::new();
/// let headline = TextStyle::new("Noto Sans Hebrew, Noto Sans").size(32.0).weight(700);
/// let body = TextStyle::new("Noto Serif, Noto Serif Hebrew");
/// let mut doc = Document::new();
/// doc.push(Block::new(Paragraph::new("אַ קעפּל", headline, &book, &mut cx).unwrap()).space_after(12.0));
/// doc.push(Block::new(Paragraph::new("Some body text.", body, &book, &mut cx).unwrap()));
/// let laid = doc.layout(&mut cx, 600.0).unwrap();
/// assert_eq!(laid.blocks().len(), 2);
/// assert!(laid.blocks()[1].lines()[0].top() > laid.blocks()[0].lines()[0].top());
/// # }
/// ```
#[derive(Debug, Clone, Default)]
pub struct Document {
    blocks: Vec<Block>,
}

impl Document {
    /// An empty document.
    pub fn new() -> Document {
        Document::default()
    }

    /// Appends a block.
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// The blocks, top to bottom.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Lays every block out at `width`, one below the other.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidWidth`] for a negative, NaN or infinite width; [`Error::InvalidLineHeight`]
    /// or [`Error::InvalidSpacing`] for a bad block setting.
    pub fn layout(&self, cx: &mut LayoutContext, width: f32) -> Result<DocumentLayout, Error> {
        let mut out = DocumentLayout::default();
        self.layout_into(cx, width, &mut out)?;
        Ok(out)
    }

    /// Like [`Document::layout`], reusing the allocations of `out`.
    ///
    /// # Errors
    ///
    /// As [`Document::layout`].
    pub fn layout_into(
        &self,
        cx: &mut LayoutContext,
        width: f32,
        out: &mut DocumentLayout,
    ) -> Result<(), Error> {
        self.layout_with(cx, &LayoutOptions::new(width), out)
    }

    /// Lays every block out with `options` (width or no wrap, line height, overflow wrap), one
    /// below the other; each block's own alignment and line height (where set) win over the
    /// options'. Reuses the allocations of `out`.
    ///
    /// # Errors
    ///
    /// As [`Document::layout`].
    pub fn layout_with(
        &self,
        cx: &mut LayoutContext,
        options: &LayoutOptions,
        out: &mut DocumentLayout,
    ) -> Result<(), Error> {
        out.blocks.resize_with(self.blocks.len(), Layout::default);
        let column = self.column_options(options)?;
        for (block, layout) in self.blocks.iter().zip(&mut out.blocks) {
            block
                .paragraph
                .layout_into(cx, &block.options(&column)?, layout)?;
        }
        self.stack(&column, out);
        Ok(())
    }

    /// The options of the column every block is laid out in (checked): without wrapping, the
    /// widest block's max-content width, so that no line wraps and each block aligns within
    /// the one column.
    pub(crate) fn column_options(&self, options: &LayoutOptions) -> Result<LayoutOptions, Error> {
        // Checked here too so that an empty document rejects a bad width like any other.
        options.validate()?;
        let mut options = *options;
        if !options.get_wrap() {
            let widest = self
                .blocks
                .iter()
                .map(|b| b.paragraph.natural_width())
                .fold(0.0, f32::max);
            if widest <= MAX_WIDTH {
                options = options.wrapping_at(widest);
            }
        }
        Ok(options)
    }

    /// Moves each laid-out block below the one before (its space after it between them), and
    /// sets the document's width and height.
    pub(crate) fn stack(&self, column: &LayoutOptions, out: &mut DocumentLayout) {
        let mut y = 0.0f32;
        let mut widest = 0.0f32;
        for (block, layout) in self.blocks.iter().zip(&mut out.blocks) {
            layout.translate_y(y);
            y += layout.height() + block.space_after;
            widest = widest.max(layout.width());
        }
        out.height = y;
        out.width = if column.get_wrap() {
            column.get_width()
        } else {
            widest
        };
    }
}

impl Block {
    /// The options this block is laid out with in `column`: its own alignment and line height
    /// where set. [`Error::InvalidSpacing`] for a bad space after it.
    pub(crate) fn options(&self, column: &LayoutOptions) -> Result<LayoutOptions, Error> {
        if !(0.0..=MAX_WIDTH).contains(&self.space_after) {
            return Err(Error::InvalidSpacing(self.space_after));
        }
        // A block's final `\n` ends the block: no empty line after it (an empty block is one).
        let mut options = column.final_line(false);
        if let Some(align) = self.align {
            options = options.align(align);
        }
        if let Some(mode) = self.line_height {
            options = options.line_height_mode(mode);
        }
        Ok(options)
    }
}

/// The laid-out blocks of a [`Document`], in document coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentLayout {
    pub(crate) blocks: Vec<Layout>,
    /// The document index of `blocks[0]`: 0 but for an [`Editor`](crate::Editor) with a
    /// viewport, which lays out only the blocks near it.
    pub(crate) first: usize,
    pub(crate) width: f32,
    pub(crate) height: f32,
}

impl DocumentLayout {
    /// One layout per block, already moved to its place in the column. For a [`Document`]
    /// every block; for an [`Editor`](crate::Editor) with a viewport
    /// ([`Editor::set_viewport`](crate::Editor::set_viewport)) the blocks laid out near it,
    /// the first of them block [`DocumentLayout::first_block`] of the text.
    pub fn blocks(&self) -> &[Layout] {
        &self.blocks
    }

    /// The index in the document of the first block of [`DocumentLayout::blocks`]: 0 but in
    /// an [`Editor`](crate::Editor) with a viewport, where the blocks above it are not laid out.
    pub fn first_block(&self) -> usize {
        self.first
    }

    /// The layout of block `k` of the document (a [`DocumentCursor`](crate::DocumentCursor)'s
    /// `block`), if it is laid out.
    pub fn block(&self, k: usize) -> Option<&Layout> {
        self.blocks.get(k.checked_sub(self.first)?)
    }

    /// The document indices of the laid-out blocks.
    pub fn laid_blocks(&self) -> std::ops::Range<usize> {
        self.first..self.first + self.blocks.len()
    }

    /// The column width.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Total height including the space after the last block.
    pub fn height(&self) -> f32 {
        self.height
    }
}
