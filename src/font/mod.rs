//! Fonts: faces, the font book, font stacks, and glyph outlines. The one place that reads font
//! tables with ttf-parser (the shapers parse faces for themselves, in `shape/`): a second parser
//! would replace what is here.
//!
//! In: font bytes (files, `include_bytes!`, the bundled faces, the system's folders). Out:
//! [`Font`] handles with their metrics and coverage, a [`FontBook`] that resolves a
//! [`FontStack`] to faces and finds a face for a cluster no stack covers, and glyph outlines.
//!
//! | file | what |
//! |---|---|
//! | `face.rs` | [`Font`]: a face's bytes, names, style, vertical and decoration metrics, coverage |
//! | `stack.rs` | [`FontStack`]: family names in order |
//! | `book.rs` | [`FontBook`]: faces by family, weight and slant; generic families; fallback beyond a stack |
//! | `bundled.rs` | the eight Noto faces of feature `bundled-fonts` |
//! | `system.rs` | the installed faces (feature `system-fonts`) |
//! | `variation.rs` | axis settings ([`Variation`]), a face's axes, [`Synthesis`] (fake bold and oblique) |
//! | `color.rs` | colour glyphs: `COLR` layers and bitmaps ([`ColorGlyph`]) |
//! | `embolden.rs` | synthetic bold on an outline (points moved outward) |
//! | `outline.rs` | glyph outlines scaled and placed ([`Outliner`], [`PathSegment`]), with variations and synthesis applied |
//!
//! Which face each grapheme of a paragraph takes (fallback per cluster) is decided when the
//! paragraph is itemised (`paragraph/itemize.rs`), from the faces the book resolves here.

pub(crate) mod book;
#[cfg(feature = "bundled-fonts")]
pub(crate) mod bundled;
pub(crate) mod color;
mod embolden;
pub(crate) mod face;
pub(crate) mod outline;
pub(crate) mod stack;
#[cfg(feature = "system-fonts")]
pub(crate) mod system;
pub(crate) mod variation;

pub use book::FontBook;
pub use color::{ColorGlyph, ColorLayer, ColorPaint, GlyphBitmap};
pub use face::{DecorationMetrics, Font, FontMetrics};
pub use outline::{InkBox, Outliner, PathSegment};
pub use stack::FontStack;
pub use variation::{Synthesis, Variation, VariationAxis};
