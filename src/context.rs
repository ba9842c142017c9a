//! The context: the reusable state of every stage (the shaper with its plans, parsed faces and
//! shape cache; paragraph building's tables; each layout stage's buffers), and the two calls
//! that run the pipeline with it: building a [`Paragraph`] and laying it out.
//!
//! The stages never see a context: each takes its own scratch, handed to it from here, so no
//! stage reads another's buffers and no import runs back up the pipeline.

use crate::error::Error;
use crate::font::FontBook;
use crate::layout::{layout_paragraph, Layout, LayoutOptions, LayoutScratch};
use crate::paragraph::edit::ParagraphEdit;
use crate::paragraph::{BuildScratch, Paragraph, ParagraphBuilder};
use crate::shape::{ShapeCacheStats, Shaper, ShapingBackend};
use crate::style::TextStyle;

/// Reusable state for building and laying out paragraphs: shape plans, the shaper's buffer and
/// scratch space. Keep one per thread and pass it to every call; it makes repeated work cheap.
#[derive(Default)]
pub struct LayoutContext {
    shaper: Shaper,
    /// Paragraph building's tables.
    build: BuildScratch,
    /// Every layout stage's buffers.
    layout: LayoutScratch,
}

impl LayoutContext {
    /// A fresh context, with the default shaping backend ([`ShapingBackend::from_env`]).
    pub fn new() -> LayoutContext {
        LayoutContext::default()
    }

    /// A fresh context that shapes with `backend`.
    ///
    /// ```
    /// use shrift::{LayoutContext, ShapingBackend};
    /// let cx = LayoutContext::with_backend(ShapingBackend::Rustybuzz);
    /// assert_eq!(cx.backend(), ShapingBackend::Rustybuzz);
    /// ```
    pub fn with_backend(backend: ShapingBackend) -> LayoutContext {
        LayoutContext {
            shaper: Shaper::new(backend),
            build: BuildScratch::default(),
            layout: LayoutScratch::default(),
        }
    }

    /// The shaping backend in use.
    pub fn backend(&self) -> ShapingBackend {
        self.shaper.backend()
    }

    /// Hits, misses, entries and bytes of the shape cache this context keeps: the shaper's
    /// answers (in font units, any size) for every item it shaped, reused glyph for glyph when
    /// the same text, context, face and settings come again (a paragraph rebuilt, a repeated
    /// label).
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
    /// Paragraph::new("אַ ביסל text", style.clone(), &book, &mut cx)?;
    /// let calls = cx.shaper_calls();
    /// Paragraph::new("אַ ביסל text", style.size(30.0), &book, &mut cx)?; // another size: same answers
    /// assert_eq!(cx.shaper_calls(), calls);
    /// assert!(cx.shape_cache_stats().hits >= 1);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn shape_cache_stats(&self) -> ShapeCacheStats {
        self.shaper.cache.stats()
    }

    /// Sets the shape cache's byte budget (default [`DEFAULT_SHAPE_CACHE_BYTES`](crate::DEFAULT_SHAPE_CACHE_BYTES), 4 MiB); past it
    /// the least recently used entries go (the cache's storage stays within about twice the
    /// budget). 0 turns the cache off and frees its storage.
    pub fn set_shape_cache_budget(&mut self, bytes: usize) {
        self.shaper.cache.set_budget(bytes);
    }

    /// Turns the word cache on or off (default off). With it on, an item the cache does not
    /// have is shaped as its words (each with the spaces after it), each word taken from the
    /// cache or shaped alone, wherever HarfBuzz's unsafe-to-concat flags show that this gives
    /// exactly what shaping the whole item gives (else the item is shaped whole); words of
    /// Latin, Greek, Cyrillic, Armenian, Georgian and Hebrew script and of Common chars only.
    ///
    /// It pays where the same words come back in items the cache does not have: a paragraph
    /// being edited (a keystroke reshapes one word, not the paragraph), a long document. It
    /// costs where they do not: the first layout of a text shapes many small pieces instead of
    /// a few long ones (the article cold: about 1.15x the time with rustybuzz, 1.8x with
    /// HarfRust, in `benches/peers`), hence off by default.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// cx.set_word_cache(true);
    /// let style = TextStyle::new("Noto Serif");
    /// Paragraph::new("the cat sat", style.clone(), &book, &mut cx)?;
    /// let calls = cx.shaper_calls();
    /// // "the " and "sat" are in the cache: only "dog " is shaped.
    /// Paragraph::new("the dog sat", style, &book, &mut cx)?;
    /// assert_eq!(cx.shaper_calls(), calls + 1);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn set_word_cache(&mut self, on: bool) {
        self.shaper.words = on;
    }

    /// Whether the word cache is on ([`LayoutContext::set_word_cache`]).
    pub fn word_cache(&self) -> bool {
        self.shaper.words
    }

    /// Empties the shape cache (plans and parsed faces stay): the next paragraphs are shaped
    /// afresh. The cache keeps its storage for what comes next (turn it off with
    /// [`set_shape_cache_budget(0)`](Self::set_shape_cache_budget) to free that).
    pub fn clear_shape_cache(&mut self) {
        self.shaper.cache.clear();
    }

    /// Switches the shaping backend (paragraphs built before keep the glyphs they were built
    /// with; a layout reshapes parts with the new one).
    pub fn set_backend(&mut self, backend: ShapingBackend) {
        self.shaper.set_backend(backend);
    }

    /// Bytes of text this context has run through the text analysis (bidi levels, scripts,
    /// line-break opportunities) while building and editing paragraphs. An edit that the
    /// paragraph takes in place analyses only a window of a few words around it, whatever the
    /// paragraph's length: this counter shows it (a deterministic measure, for tests and
    /// profiling, not a timer).
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{Editor, FontBook, LayoutContext, LayoutOptions, Selection, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let text = "word ".repeat(2000);
    /// let mut editor = Editor::new(&text, TextStyle::new("Noto Sans"), &book, &mut cx, LayoutOptions::new(400.0))?;
    /// let before = cx.analysed_bytes();
    /// editor.set_selection(Selection::caret(5002));
    /// editor.insert(&mut cx, "s")?;
    /// assert!(cx.analysed_bytes() - before < 100); // not the paragraph's 10,000 bytes
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn analysed_bytes(&self) -> u64 {
        self.build.analysed
    }

    /// Edits `para` in place, if it can take `edit` exactly (`paragraph/edit.rs`): the range of
    /// the new text whose tables changed.
    pub(crate) fn edit_paragraph(
        &mut self,
        para: &mut Paragraph,
        book: &FontBook,
        edit: &ParagraphEdit<'_>,
    ) -> Option<std::ops::Range<usize>> {
        para.edit_in_place(book, &mut self.shaper, &mut self.build, edit)
    }

    /// Brings `out` (the layout of `para` before an edit in place, made with `options`) up to
    /// date, re-breaking only the lines around `changed` (`layout/relayout.rs`); false where it
    /// must be laid out whole.
    pub(crate) fn relayout_edit(
        &mut self,
        para: &Paragraph,
        options: &LayoutOptions,
        out: &mut Layout,
        changed: std::ops::Range<usize>,
        delta: isize,
    ) -> bool {
        crate::layout::relayout::relayout_after_edit(
            para,
            &mut self.shaper,
            &mut self.layout,
            options,
            out,
            changed,
            delta,
        )
    }

    /// How many times the shaper has been called through this context. Useful to check that a
    /// re-layout at a new width did not reshape.
    pub fn shaper_calls(&self) -> u64 {
        self.shaper.calls()
    }
}

impl std::fmt::Debug for LayoutContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LayoutContext")
            .field("shaper_calls", &self.shaper.calls())
            .finish_non_exhaustive()
    }
}

impl ParagraphBuilder<'_> {
    /// Analyses, itemises and shapes the paragraph.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRange`] for a span off the text or off a char boundary; the style errors of
    /// [`TextStyle`] (size, weight, language, an empty stack); [`Error::NoFontInStack`] when no
    /// family of a style's stack is in `book`; [`Error::TextTooLong`] for a text (or ellipsis)
    /// over [`MAX_TEXT_LEN`](crate::MAX_TEXT_LEN) bytes.
    pub fn build(self, book: &FontBook, cx: &mut LayoutContext) -> Result<Paragraph, Error> {
        self.build_with(book, &mut cx.shaper, &mut cx.build)
    }
}

impl Paragraph {
    /// Builds a paragraph of `text` in one style with an automatic base direction.
    ///
    /// # Errors
    ///
    /// As [`ParagraphBuilder::build`].
    pub fn new(
        text: &str,
        style: TextStyle,
        book: &FontBook,
        cx: &mut LayoutContext,
    ) -> Result<Paragraph, Error> {
        Paragraph::builder(text, style).build(book, cx)
    }

    /// Lays the paragraph out at `options.width`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidWidth`] or [`Error::InvalidLineHeight`] for a bad option.
    pub fn layout(&self, cx: &mut LayoutContext, options: &LayoutOptions) -> Result<Layout, Error> {
        let mut layout = Layout::default();
        self.layout_into(cx, options, &mut layout)?;
        Ok(layout)
    }

    /// Like [`Paragraph::layout`], but reuses the allocations of `out`.
    ///
    /// # Errors
    ///
    /// As [`Paragraph::layout`]; `out` is left empty on error.
    pub fn layout_into(
        &self,
        cx: &mut LayoutContext,
        options: &LayoutOptions,
        out: &mut Layout,
    ) -> Result<(), Error> {
        out.clear();
        options.validate()?;
        layout_paragraph(self, &mut cx.shaper, &mut cx.layout, options, out);
        Ok(())
    }
}
