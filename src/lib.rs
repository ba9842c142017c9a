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
//! One file per stage, a named type at every hand-off:
//!
//! | stage | file | result |
//! |---|---|---|
//! | bidi levels (UAX #9), rules L1 and L2 for a line | `bidi.rs` | [`BidiLevels`] |
//! | line-break opportunities (UAX #14) | `breaks.rs` | [`BreakOpportunity`]s |
//! | scripts, graphemes; all of the above | `analysis.rs` | `Analysis` |
//! | the font book: families, generic families, system faces, fallback beyond stacks | `book.rs` | [`FontBook`] |
//! | font fallback per grapheme, items | `itemize.rs` | `Item`s |
//! | shaping (rustybuzz, or HarfRust with feature `harfrust`) | `shape/` | [`ShapedGlyph`]s ([`shape_run`]) |
//! | all of the above, once per paragraph | `paragraph.rs` | [`Paragraph`] |
//! | tab stops | `tabs.rs` | [`TabStops`] |
//! | line breaking: first fit, optimal (Knuth–Plass), balanced, pretty | `line_break/` | line ranges |
//! | per-line reordering (UAX #9 L1, L2) | `reorder.rs` | `LineRun`s in visual order |
//! | truncation: cuts and the ellipsis's place | `truncate.rs` | `Cut`s |
//! | positioning, alignment, justification, spacing, line metrics | `position.rs` | [`Layout`] |
//! | underline and strikethrough rectangles | `decoration.rs` | [`Decoration`]s |
//! | blocks in a column | `document.rs` | [`DocumentLayout`] |
//! | editing geometry: hit testing, carets, selections, movement | `edit/` | [`Cursor`], [`Carets`], [`SelectionRect`] |
//! | an editor model: edits laid out again where they change | `editor/` | [`Editor`], [`EditResult`] |
//! | glyph outlines for renderers | `outline.rs` | [`PathSegment`]s |
//! | SVG (feature `svg`) | `svg.rs` | a `String` |
//! | serialisation in the dump's shape (feature `serde`) | `serialize.rs` | `serde::Serialize` for [`Layout`] |
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
//!   whitespace and the separator that ends it. Runs never cover hard line breaks.
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
pub use editor::{EditResult, Editor, Selection};
pub use error::Error;
pub use font::{DecorationMetrics, Font, FontBook, FontMetrics, FontStack, InkBox, Outliner, PathSegment};
pub use geometry::{
    backspace_range, delete_range, word_boundaries, words, Affinity, Caret, Carets, Cursor, DocumentCursor,
    Movement, SelectionRect,
};
pub use layout::{
    Alignment, Decoration, DecorationKind, Glyph, Layout, LayoutOptions, Line, LineBreaking, LineHeight,
    OverflowWrap, Run, TextWrap, Truncate, TruncateAt,
};
pub use limits::{MAX_FONT_SIZE, MAX_TEXT_LEN, MAX_WIDTH};
pub use paragraph::{Fallback, Paragraph, ParagraphBuilder};
#[cfg(feature = "serde")]
pub use render::AtOffset;
#[cfg(feature = "svg")]
pub use render::{document_to_svg, layout_to_svg, SvgOptions};
pub use shape::{
    shape_run, RunOptions, ShapeCacheStats, ShapedGlyph, ShapingBackend, DEFAULT_SHAPE_CACHE_BYTES,
};
pub use style::{Feature, SpanStyle, TabStops, TextStyle, DEFAULT_HEBREW_LANGUAGE};
pub use text::{graphemes, line_break_opportunities, BaseDirection, BidiLevels, BreakOpportunity, Direction};

/// The README's code, compiled and run as a doctest so that it cannot rot.
#[cfg(all(doctest, feature = "bundled-fonts"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
