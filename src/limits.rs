//! The limits of what shrift accepts, in one place: each is checked where a value comes in
//! (building a paragraph, laying out) and turned away as an [`Error`](crate::Error).

/// The longest text, in bytes, that a paragraph or [`shape_run`](crate::shape_run) takes: glyph
/// clusters ([`Glyph::cluster`](crate::Glyph::cluster)) are `u32` byte offsets, as HarfBuzz's
/// are, which keeps a glyph small.
pub const MAX_TEXT_LEN: usize = u32::MAX as usize;

/// The largest font size accepted, in pixels per em. Beyond it glyph coordinates lose all useful
/// precision in `f32`.
pub const MAX_FONT_SIZE: f32 = 100_000.0;

/// The widest layout width, and the largest length in pixels shrift takes anywhere (a tab stop
/// or interval, a line height, the space after a block): f32 positions keep 1/64 px up to
/// 2^24 / 64 = 262,144 px. A wider layout would place glyphs at positions f32 cannot tell apart
/// (at 1e9 px every glyph of a right-to-left run lands on x = 999999936).
pub const MAX_WIDTH: f32 = 262_144.0;

/// The largest line-height factor ([`LineHeight`](crate::LineHeight)'s `Natural`, `FontSize`
/// and `Uniform`): at [`MAX_FONT_SIZE`] a line 100 times a face's natural height (about 1.4 em)
/// is 1.4e7 px, still below 2^24, where f32 stops holding every whole pixel.
pub const MAX_LINE_HEIGHT_FACTOR: f32 = 100.0;
