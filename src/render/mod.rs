//! Output for renderers: a layout as an SVG document (feature `svg`), drawn into pixels
//! (feature `raster`), or serialised in the
//! layout dump's shape for a renderer in another process (feature `serde`). Glyph outlines come
//! from `font/outline.rs`, where the font tables are read.
//!
//! In: a [`Layout`](crate::Layout) or [`DocumentLayout`](crate::DocumentLayout). Out: SVG text,
//! pixels (feature `raster`), or `serde::Serialize`.
//!
//! | file | what |
//! |---|---|
//! | `svg.rs` | `layout_to_svg`, `document_to_svg`, `SvgOptions` |
//! | `svg_color.rs` | colour glyphs in SVG: `COLR` layers, gradients and clips; bitmaps as `<image>` |
//! | `raster.rs` | feature `raster`: [`Raster`](crate::raster::Raster) draws layouts into tiny-skia pixmaps |
//! | `serialize.rs` | `Serialize` for `Layout`, `AtOffset` |

#[cfg(feature = "raster")]
pub mod raster;
#[cfg(feature = "serde")]
mod serialize;
#[cfg(feature = "svg")]
mod svg;
#[cfg(feature = "svg")]
mod svg_color;

#[cfg(feature = "serde")]
pub use serialize::AtOffset;
#[cfg(feature = "svg")]
pub use svg::{document_to_svg, layout_to_svg, SvgOptions};
