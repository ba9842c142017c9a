//! # shrift
//!
//! Lays out right-to-left and bidirectional text: Yiddish (Hebrew script), Latin, and any mix of
//! the two in one paragraph. Give it text, fonts and a width; get back lines of positioned glyph
//! runs (which glyph of which face goes where) for a renderer to draw.
//!
//! ```
//! # #[cfg(feature = "bundled-fonts")] {
//! use shrift::{Direction, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
//!
//! let book = FontBook::with_bundled_fonts();
//! let mut cx = LayoutContext::new();
//! let style = TextStyle::new("Noto Serif, Noto Serif Hebrew").size(16.0);
//! let para = Paragraph::new("דער „פֿאָרווערטס“ (The Forward) איז געגרינדעט געוואָרן אין 1897.", style, &book, &mut cx)?;
//! assert_eq!(para.direction(), Direction::Rtl);
//!
//! let layout = para.layout(&mut cx, &LayoutOptions::new(200.0))?;
//! for line in layout.lines() {
//!     for run in layout.runs(line) {
//!         for glyph in layout.glyphs(run) {
//!             // draw glyph.id of run.font() at (glyph.x, glyph.y), run.size() pixels per em
//!             assert!(glyph.x >= -1.0 && glyph.x <= 201.0);
//!         }
//!     }
//! }
//! // Re-layout at another width reuses the shaping.
//! let calls = cx.shaper_calls();
//! let narrow = para.layout(&mut cx, &LayoutOptions::new(120.0))?;
//! assert!(narrow.lines().len() >= layout.lines().len());
//! assert!(cx.shaper_calls() - calls <= narrow.lines().len() as u64 * 2);
//! # }
//! # Ok::<(), shrift::Error>(())
//! ```
//!
//! ## The pipeline
//!
//! A folder per stage, in pipeline order, each with a `mod.rs` whose header says what comes in
//! and what goes out; a named type at every hand-off; no module imports one that imports it back
//! (`tests/house.rs` checks this on the source).
//!
//! | stage | folder | hands on |
//! |---|---|---|
//! | shared vocabulary; bidi levels (UAX #9), line-break opportunities (UAX #14), scripts | `text/` | [`BidiLevels`], [`BreakOpportunity`]s, `Analysis` |
//! | faces, stacks, the font book, glyph outlines (the only reader of font tables) | `font/` | [`Font`], [`FontBook`], [`PathSegment`]s |
//! | styles, spans merged as CSS cascades, tab stops | `style/` | [`TextStyle`], [`SpanStyle`], [`TabStops`] |
//! | shaping (rustybuzz, or HarfRust with feature `harfrust`), the shape cache | `shape/` | [`ShapedGlyph`]s ([`shape_run`]) |
//! | itemising with fallback per grapheme, shaping, what line breaking measures | `paragraph/` | [`Paragraph`] |
//! | line breaking, truncation, reordering (L1, L2), positioning, justification, line metrics, decorations | `layout/` | [`Layout`] |
//! | the reusable state of every stage, and the calls that run them | `context.rs` | [`LayoutContext`] |
//! | blocks in a column | `document.rs` | [`DocumentLayout`] |
//! | editing geometry: hit testing, carets, selections, movement | `geometry/` | [`Cursor`], [`Carets`], [`SelectionRect`] |
//! | an editor model: edits laid out again where they change | `editor/` | [`Editor`], [`EditResult`] |
//! | SVG (feature `svg`), serialisation in the dump's shape (feature `serde`) | `render/` | a `String`; `serde::Serialize` for [`Layout`] |
//!
//! `error.rs` holds the one error type and `limits.rs` the limits every value is checked against.
//!
//! ## Font fallback
//!
//! Each grapheme cluster gets the first face of its style's stack that covers every char of the
//! cluster, so a vowel point is never shaped apart from its letter. Spaces and punctuation keep
//! the face of the cluster before them when it covers them. Invisible controls (bidi controls,
//! ZWJ, variation selectors) do not count toward coverage. A cluster no face of the stack has
//! takes a face from the rest of the [`FontBook`] (named for its script, of the stack's kind,
//! nearest in weight and slant) unless the book's fallback is off; stacks may name generic
//! families (`serif`, `sans-serif`, ...).
//!
//! ## Guarantees
//!
//! - Every byte of a paragraph is in exactly one line; a line's range includes its trailing
//!   whitespace and the separator that ends it. Runs never cover hard line breaks. A paragraph
//!   ending at a hard break has an empty last line after it, where the caret after the break
//!   stands ([`LayoutOptions::final_line`]).
//! - Runs of a line are in visual order, left to right, each reordered by rules L1 and L2 for that
//!   line alone; glyphs of a run are left to right.
//! - Each run's glyphs are what shaping that run alone (the paragraph as context) gives: reused
//!   from the paragraph's shaping where that is exact, reshaped where it is not.
//! - No line is wider than the layout width unless it holds a single grapheme cluster that is.
//! - Layout never panics and never fails for any text; only bad fonts, ranges, sizes, widths and
//!   tags are errors ([`Error`]).
//!
//! ## Units
//!
//! Text positions are byte offsets into the paragraph's text. Coordinates are `f32` pixels, y
//! grows downward from the layout's top-left; a glyph's `x, y` is where its origin is drawn.

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]
// Nothing the caller hands in may panic the library: no unwrap or expect outside tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

#[cfg(feature = "rayon")]
pub mod batch;
mod context;
mod document;
mod editor;
mod error;
mod font;
mod geometry;
mod layout;
mod limits;
mod paragraph;
mod render;
mod shape;
mod style;
mod text;

pub use context::LayoutContext;
pub use document::{Block, Document, DocumentLayout};
pub use editor::{EditResult, Editor, Selection, Viewport};
pub use error::Error;
pub use font::{
    ColorGlyph, ColorLayer, ColorPaint, DecorationMetrics, Font, FontBook, FontMetrics, FontStack,
    GlyphBitmap, InkBox, Outliner, PathSegment, Synthesis, Variation, VariationAxis,
};
#[cfg(feature = "accesskit")]
pub use geometry::AccessText;
pub use geometry::{
    backspace_range, delete_range, word_boundaries, words, Affinity, Caret, Carets, Cursor, DocumentCursor,
    Movement, SelectionRect,
};
pub use layout::{
    Alignment, Decoration, DecorationKind, Glyph, Layout, LayoutOptions, Line, LineBreaking, LineHeight,
    OverflowWrap, PlacedBox, Run, TextWrap, Truncate, TruncateAt,
};
pub use limits::{MAX_FONT_SIZE, MAX_LINE_HEIGHT_FACTOR, MAX_TEXT_LEN, MAX_WIDTH};
pub use paragraph::{Fallback, Paragraph, ParagraphBuilder};
#[cfg(feature = "raster")]
pub use render::raster;
#[cfg(feature = "serde")]
pub use render::AtOffset;
#[cfg(feature = "svg")]
pub use render::{document_to_svg, layout_to_svg, SvgOptions};
pub use shape::{
    shape_run, RunOptions, ShapeCacheStats, ShapedGlyph, ShapingBackend, DEFAULT_SHAPE_CACHE_BYTES,
};
pub use style::{
    BoxAlign, Feature, HyphenationLimits, Hyphenator, Hyphens, InlineBox, SpanStyle, TabStops, TextStyle,
    DEFAULT_HEBREW_LANGUAGE,
};
pub use text::{graphemes, line_break_opportunities, BaseDirection, BidiLevels, BreakOpportunity, Direction};

/// The README's code, compiled and run as a doctest so that it cannot rot.
#[cfg(all(doctest, feature = "bundled-fonts"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
