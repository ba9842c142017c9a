//! Colour glyphs: `COLR` layers (version 0, and version 1 as far as ttf-parser reads it) as
//! filled paths with their paints, and bitmap glyphs (`CBDT`, `sbix`) as PNG data with where to
//! draw it, so that a renderer draws emoji without reading font tables itself.

use ttf_parser::colr::{ClipBox, CompositeMode, Paint, Painter};
use ttf_parser::{GlyphId, RgbaColor, Transform};

use super::face::Font;
use super::outline::{PathSegment, Sink};

/// A colour glyph, ready to draw: see [`Font::color_glyph`].
#[derive(Debug, Clone, PartialEq)]
pub enum ColorGlyph {
    /// `COLR` layers, bottom first.
    Layers(Vec<ColorLayer>),
    /// A bitmap (`CBDT` or `sbix` strike), scaled to the size asked for.
    Bitmap(GlyphBitmap),
}

/// One layer of a `COLR` glyph: `path` filled with `paint`, inside every path of `clips`.
#[derive(Debug, Clone, PartialEq)]
pub struct ColorLayer {
    /// The shape to fill, in output pixels (y down).
    pub path: Vec<PathSegment>,
    /// Further clip shapes (a `COLR` v1 clip box or an enclosing glyph), in output pixels; the
    /// fill shows only where it is inside all of them.
    pub clips: Vec<Vec<PathSegment>>,
    /// What to fill with.
    pub paint: ColorPaint,
}

/// A `COLR` paint. Gradient geometry is in font units, with `transform` (a, b, c, d, e, f as in
/// SVG's `matrix()`) taking it to output pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum ColorPaint {
    /// A flat colour, RGBA.
    Solid([u8; 4]),
    /// A linear gradient from `start` (offset 0) to `end` (offset 1); `COLR`'s rotation point
    /// is already folded in (the gradient runs perpendicular to its line, per the spec).
    Linear {
        /// Where offset 0 is.
        start: (f32, f32),
        /// Where offset 1 is.
        end: (f32, f32),
        /// The colour stops, sorted by offset.
        stops: Vec<(f32, [u8; 4])>,
        /// Beyond the ends: 0 pad, 1 repeat, 2 reflect.
        extend: u8,
        /// Font units to output pixels.
        transform: [f32; 6],
    },
    /// A radial gradient between two circles.
    Radial {
        /// Centre of the start circle.
        c0: (f32, f32),
        /// Radius of the start circle.
        r0: f32,
        /// Centre of the end circle.
        c1: (f32, f32),
        /// Radius of the end circle.
        r1: f32,
        /// The colour stops, sorted by offset.
        stops: Vec<(f32, [u8; 4])>,
        /// Beyond the ends: 0 pad, 1 repeat, 2 reflect.
        extend: u8,
        /// Font units to output pixels.
        transform: [f32; 6],
    },
    /// A sweep (conic) gradient around `center`, angles in degrees counter-clockwise.
    Sweep {
        /// The centre.
        center: (f32, f32),
        /// Where offset 0 is.
        start_angle: f32,
        /// Where offset 1 is.
        end_angle: f32,
        /// The colour stops, sorted by offset.
        stops: Vec<(f32, [u8; 4])>,
        /// Font units to output pixels.
        transform: [f32; 6],
    },
}

/// A bitmap glyph: a PNG image and the rectangle it covers, in output pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphBitmap {
    /// The PNG file as the font holds it.
    pub png: Vec<u8>,
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width of the drawn rectangle (the image scaled from its strike's size).
    pub width: f32,
    /// Height of the drawn rectangle.
    pub height: f32,
}

impl Font {
    /// Whether glyph `glyph` is a colour glyph: `COLR` layers, a bitmap or an SVG document. A
    /// GPU atlas stores such glyphs in an RGBA page and the rest as coverage masks.
    pub fn is_color_glyph(&self, glyph: u16) -> bool {
        if !self.has_color_glyphs() {
            return false;
        }
        let Some(face) = self.parse() else {
            return false;
        };
        let g = GlyphId(glyph);
        face.is_color_glyph(g)
            || face.glyph_raster_image(g, u16::MAX).is_some()
            || face.glyph_svg_image(g).is_some()
    }

    /// Glyph `glyph` in colour at `size` px per em, its origin at (`x`, `y`), times
    /// `device_scale`: `COLR` layers with palette `palette` (`CPAL`; 0 is the default) and
    /// `foreground` (RGBA) for layers that ask for the text colour, or the bitmap of the strike
    /// nearest the size. `None` for a glyph that is not a colour glyph (draw its outline), and
    /// for `SVG ` glyphs, which shrift does not draw.
    ///
    /// `COLR` v1 paints come as they are; composite modes other than source-over are drawn as
    /// source-over (shrift's raster helper draws sweep gradients as their middle colour).
    #[allow(clippy::too_many_arguments)]
    pub fn color_glyph(
        &self,
        glyph: u16,
        size: f32,
        x: f32,
        y: f32,
        device_scale: f32,
        palette: u16,
        foreground: [u8; 4],
    ) -> Option<ColorGlyph> {
        if !self.has_color_glyphs() {
            return None;
        }
        let face = self.parse()?;
        let g = GlyphId(glyph);
        let scale = self.scale(size) * device_scale;
        let (ox, oy) = (x * device_scale, y * device_scale);
        if face.is_color_glyph(g) {
            let mut painter = Flatten {
                face: &face,
                transforms: vec![Transform::new(scale, 0.0, 0.0, -scale, ox, oy)],
                outline: Vec::new(),
                clips: Vec::new(),
                layers: Vec::new(),
                palette,
            };
            let [red, green, blue, alpha] = foreground;
            face.paint_color_glyph(g, palette, RgbaColor::new(red, green, blue, alpha), &mut painter)?;
            return Some(ColorGlyph::Layers(painter.layers));
        }
        let ppem = (size * device_scale).round().clamp(1.0, f32::from(u16::MAX)) as u16;
        let image = face.glyph_raster_image(g, ppem)?;
        if image.format != ttf_parser::RasterImageFormat::PNG || image.pixels_per_em == 0 {
            return None;
        }
        let k = size * device_scale / f32::from(image.pixels_per_em);
        Some(ColorGlyph::Bitmap(GlyphBitmap {
            png: image.data.to_vec(),
            x: ox + f32::from(image.x) * k,
            y: oy - (f32::from(image.y) + f32::from(image.height)) * k,
            width: f32::from(image.width) * k,
            height: f32::from(image.height) * k,
        }))
    }
}

/// A painter that flattens ttf-parser's paint calls into layers.
struct Flatten<'f, 'a> {
    face: &'f ttf_parser::Face<'a>,
    /// Font units to output pixels, innermost last.
    transforms: Vec<Transform>,
    /// The last glyph outlined, in output pixels.
    outline: Vec<PathSegment>,
    clips: Vec<Vec<PathSegment>>,
    layers: Vec<ColorLayer>,
    palette: u16,
}

impl Flatten<'_, '_> {
    fn transform(&self) -> Transform {
        self.transforms.last().copied().unwrap_or_default()
    }

    fn matrix(&self) -> [f32; 6] {
        let t = self.transform();
        [t.a, t.b, t.c, t.d, t.e, t.f]
    }

    fn stops(&self, stops: impl Iterator<Item = ttf_parser::colr::ColorStop>) -> Vec<(f32, [u8; 4])> {
        let mut out: Vec<(f32, [u8; 4])> = stops
            .map(|s| {
                (
                    s.stop_offset,
                    [s.color.red, s.color.green, s.color.blue, s.color.alpha],
                )
            })
            .collect();
        out.sort_by(|a, b| a.0.total_cmp(&b.0));
        out
    }
}

/// Transform `t` applied after `inner`: the matrix product t × inner.
fn concat(t: Transform, inner: Transform) -> Transform {
    Transform::new(
        t.a * inner.a + t.c * inner.b,
        t.b * inner.a + t.d * inner.b,
        t.a * inner.c + t.c * inner.d,
        t.b * inner.c + t.d * inner.d,
        t.a * inner.e + t.c * inner.f + t.e,
        t.b * inner.e + t.d * inner.f + t.f,
    )
}

impl<'a> Painter<'a> for Flatten<'_, 'a> {
    fn outline_glyph(&mut self, glyph_id: GlyphId) {
        self.outline.clear();
        let t = self.transform();
        let mut sink = Sink(&mut self.outline, t);
        if self.face.outline_glyph(glyph_id, &mut sink).is_none() {
            self.outline.clear();
        }
    }

    fn paint(&mut self, paint: Paint<'a>) {
        let coords = self.face.variation_coordinates();
        let transform = self.matrix();
        let paint = match paint {
            Paint::Solid(c) => ColorPaint::Solid([c.red, c.green, c.blue, c.alpha]),
            Paint::LinearGradient(g) => {
                // The spec's rotation point: the gradient line runs from p0 to p0 + the part of
                // p0→p1 perpendicular to p0→p2.
                let (dx, dy) = (g.y2 - g.y0, -(g.x2 - g.x0));
                let len2 = dx * dx + dy * dy;
                let end = if len2 > 0.0 {
                    let k = ((g.x1 - g.x0) * dx + (g.y1 - g.y0) * dy) / len2;
                    (g.x0 + dx * k, g.y0 + dy * k)
                } else {
                    (g.x1, g.y1)
                };
                ColorPaint::Linear {
                    start: (g.x0, g.y0),
                    end,
                    stops: self.stops(g.stops(self.palette, coords)),
                    extend: g.extend as u8,
                    transform,
                }
            }
            Paint::RadialGradient(g) => ColorPaint::Radial {
                c0: (g.x0, g.y0),
                r0: g.r0,
                c1: (g.x1, g.y1),
                r1: g.r1,
                stops: self.stops(g.stops(self.palette, coords)),
                extend: g.extend as u8,
                transform,
            },
            Paint::SweepGradient(g) => ColorPaint::Sweep {
                center: (g.center_x, g.center_y),
                start_angle: g.start_angle,
                end_angle: g.end_angle,
                stops: self.stops(g.stops(self.palette, coords)),
                transform,
            },
        };
        // A COLR v0 layer fills the glyph just outlined; in v1 the paint fills the clips.
        let (path, clips) = match self.clips.split_last() {
            Some((inner, outer)) => (inner.clone(), outer.to_vec()),
            None => (self.outline.clone(), Vec::new()),
        };
        self.layers.push(ColorLayer { path, clips, paint });
    }

    fn push_clip(&mut self) {
        self.clips.push(self.outline.clone());
    }

    fn push_clip_box(&mut self, clipbox: ClipBox) {
        let t = self.transform();
        let mut path = Vec::new();
        let mut sink = Sink(&mut path, t);
        use ttf_parser::OutlineBuilder;
        sink.move_to(clipbox.x_min, clipbox.y_min);
        sink.line_to(clipbox.x_max, clipbox.y_min);
        sink.line_to(clipbox.x_max, clipbox.y_max);
        sink.line_to(clipbox.x_min, clipbox.y_max);
        sink.close();
        self.clips.push(path);
    }

    fn pop_clip(&mut self) {
        self.clips.pop();
    }

    fn push_layer(&mut self, _mode: CompositeMode) {}

    fn pop_layer(&mut self) {}

    fn push_transform(&mut self, transform: Transform) {
        let t = concat(self.transform(), transform);
        self.transforms.push(t);
    }

    fn pop_transform(&mut self) {
        if self.transforms.len() > 1 {
            self.transforms.pop();
        }
    }
}
