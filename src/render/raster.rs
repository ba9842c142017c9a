//! Pixels (feature `raster`): a [`Layout`] or [`DocumentLayout`] drawn into a tiny-skia
//! [`Pixmap`] with each run's paint from a palette, decorations, colour glyphs
//! (`COLR` layers and bitmaps), synthetic bold and oblique, selection rectangles and carets.
//! tiny-skia is re-exported ([`raster::tiny_skia`](crate::raster::tiny_skia)) so that callers use
//! the version shrift draws with.

pub use tiny_skia;

use tiny_skia::{FillRule, Mask, Paint, Path, PathBuilder, Pixmap, Rect, Shader, Transform};

use crate::document::DocumentLayout;
use crate::font::{ColorGlyph, ColorLayer, ColorPaint, Font, GlyphBitmap, Outliner, PathSegment};
use crate::geometry::{Carets, SelectionRect};
use crate::layout::{Layout, Run};

/// How to draw layouts into pixmaps: the scale, where the layout's origin goes, the colours.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::raster::{tiny_skia::Pixmap, Raster};
/// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let mut cx = LayoutContext::new();
/// let para = Paragraph::new("שלום world", TextStyle::new("Noto Sans Hebrew, Noto Sans"), &book, &mut cx)?;
/// let layout = para.layout(&mut cx, &LayoutOptions::new(200.0))?;
/// let raster = Raster::new().scale(2.0).palette(&[[0x20, 0x20, 0x80, 0xff]]);
/// let pixmap = raster.render_layout(&layout, 4.0, [255; 4]).expect("a size tiny-skia takes");
/// assert!(pixmap.pixels().iter().any(|p| p.blue() > p.red()));
/// # }
/// # Ok::<(), shrift::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Raster {
    scale: f32,
    offset: (f32, f32),
    palette: Vec<[u8; 4]>,
    color_palette: u16,
    selection: [u8; 4],
    caret: [u8; 4],
    weak_caret: [u8; 4],
    caret_width: f32,
    box_placeholders: bool,
}

impl Default for Raster {
    fn default() -> Raster {
        Raster::new()
    }
}

impl Raster {
    /// Scale 1, origin at the pixmap's corner, paint 0 (and every paint) black, selections
    /// light blue, carets 1 px wide (the strong one black, a weak one grey), no inline box
    /// placeholders.
    pub fn new() -> Raster {
        Raster {
            scale: 1.0,
            offset: (0.0, 0.0),
            palette: vec![[0, 0, 0, 255]],
            color_palette: 0,
            selection: [0xb4, 0xd5, 0xfe, 0xff],
            caret: [0, 0, 0, 255],
            weak_caret: [0x80, 0x80, 0x80, 255],
            caret_width: 1.0,
            box_placeholders: false,
        }
    }

    /// Device pixels per layout pixel (2 on a HiDPI screen). Outlines are scaled, not the
    /// drawn pixels, so text stays sharp.
    pub fn scale(mut self, scale: f32) -> Raster {
        self.scale = scale;
        self
    }

    /// Where the layout's (0, 0) is drawn, in layout pixels from the pixmap's corner.
    pub fn offset(mut self, x: f32, y: f32) -> Raster {
        self.offset = (x, y);
        self
    }

    /// The colour (RGBA) of each paint id: paint `p` is drawn in `palette[p % len]` (an empty
    /// palette: black).
    pub fn palette(mut self, palette: &[[u8; 4]]) -> Raster {
        self.palette = palette.to_vec();
        self
    }

    /// The `CPAL` palette colour glyphs are drawn with (0, the font's default, unless set).
    pub fn color_palette(mut self, index: u16) -> Raster {
        self.color_palette = index;
        self
    }

    /// The colour of selection rectangles.
    pub fn selection_color(mut self, rgba: [u8; 4]) -> Raster {
        self.selection = rgba;
        self
    }

    /// The colour and width (layout pixels) of carets.
    pub fn caret(mut self, rgba: [u8; 4], width: f32) -> Raster {
        self.caret = rgba;
        self.caret_width = width;
        self
    }

    /// The colour of a split cursor's weak (secondary) caret.
    pub fn weak_caret(mut self, rgba: [u8; 4]) -> Raster {
        self.weak_caret = rgba;
        self
    }

    /// Draws a light placeholder with an outline where each inline box goes (their stand-in
    /// glyphs are never drawn; the caller draws its objects there).
    pub fn box_placeholders(mut self, on: bool) -> Raster {
        self.box_placeholders = on;
        self
    }

    fn transform(&self) -> Transform {
        Transform::from_scale(self.scale, self.scale).pre_translate(self.offset.0, self.offset.1)
    }

    fn paint_color(&self, paint: u32) -> [u8; 4] {
        match self.palette.len() {
            0 => [0, 0, 0, 255],
            n => self.palette[paint as usize % n],
        }
    }

    /// A pixmap just big enough for `layout` with `padding` layout pixels around it, filled with
    /// `background`, the layout drawn in it. `None` when tiny-skia cannot make a pixmap that size
    /// (zero or over its limits).
    pub fn render_layout(&self, layout: &Layout, padding: f32, background: [u8; 4]) -> Option<Pixmap> {
        let mut pixmap = self.blank(layout.width(), layout.height(), padding, background)?;
        self.clone()
            .offset(padding, padding)
            .draw_layout(&mut pixmap, layout);
        Some(pixmap)
    }

    /// [`Raster::render_layout`] for a document: every block.
    pub fn render_document(&self, doc: &DocumentLayout, padding: f32, background: [u8; 4]) -> Option<Pixmap> {
        let mut pixmap = self.blank(doc.width(), doc.height(), padding, background)?;
        self.clone()
            .offset(padding, padding)
            .draw_document(&mut pixmap, doc);
        Some(pixmap)
    }

    fn blank(&self, width: f32, height: f32, padding: f32, background: [u8; 4]) -> Option<Pixmap> {
        let size = |v: f32| ((v + 2.0 * padding) * self.scale).ceil();
        let (w, h) = (size(width), size(height));
        if !(w >= 1.0 && h >= 1.0 && w < 65_536.0 && h < 65_536.0) {
            return None;
        }
        let mut pixmap = Pixmap::new(w as u32, h as u32)?;
        let [r, g, b, a] = background;
        pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, a));
        Some(pixmap)
    }

    /// Draws every block of `doc`.
    pub fn draw_document(&self, pixmap: &mut Pixmap, doc: &DocumentLayout) {
        for block in doc.blocks() {
            self.draw_layout(pixmap, block);
        }
    }

    /// Draws `layout`'s glyphs (outlines in their run's paint, colour glyphs in their colours)
    /// and decorations.
    pub fn draw_layout(&self, pixmap: &mut Pixmap, layout: &Layout) {
        let transform = self.transform();
        for d in layout.decorations() {
            if let Some(rect) = Rect::from_xywh(d.x(), d.y(), d.width(), d.thickness()) {
                pixmap.fill_rect(rect, &solid(self.paint_color(d.paint())), transform, None);
            }
        }
        if self.box_placeholders {
            for b in layout.inline_boxes() {
                if let Some(rect) = Rect::from_xywh(b.x, b.y, b.width, b.height) {
                    pixmap.fill_rect(rect, &solid([0xdd, 0xdd, 0xf4, 0xff]), transform, None);
                    let stroke = tiny_skia::Stroke {
                        width: 1.0,
                        ..Default::default()
                    };
                    let edge = solid([0x55, 0x55, 0x99, 0xff]);
                    pixmap.stroke_path(&PathBuilder::from_rect(rect), &edge, &stroke, transform, None);
                }
            }
        }
        let mut outliner = Outliner::new();
        let mut segments = Vec::new();
        for run in layout.all_runs().iter().filter(|r| !r.is_inline_box()) {
            for (g, paint_id) in layout.glyphs(run).iter().zip(layout.glyph_paints(run)) {
                let color = self.paint_color(paint_id);
                if run.has_color_glyphs() && self.draw_color_glyph(pixmap, run, g.id, (g.x, g.y), color) {
                    continue;
                }
                segments.clear();
                if outliner
                    .outline(run.font(), g.id, run.size(), g.x, g.y, &mut segments)
                    .is_none()
                {
                    continue;
                }
                if let Some(path) = to_path(&segments) {
                    pixmap.fill_path(&path, &solid(color), FillRule::Winding, transform, None);
                }
            }
        }
    }

    /// Draws a colour glyph; false when the glyph has no colour form (draw its outline).
    fn draw_color_glyph(
        &self,
        pixmap: &mut Pixmap,
        run: &Run,
        glyph: u16,
        at: (f32, f32),
        fg: [u8; 4],
    ) -> bool {
        let font: &Font = run.font();
        // Device pixels throughout: bitmaps are picked at the device size.
        let (x, y) = (at.0 + self.offset.0, at.1 + self.offset.1);
        let Some(color) = font.color_glyph(glyph, run.size(), x, y, self.scale, self.color_palette, fg)
        else {
            return false;
        };
        match color {
            ColorGlyph::Bitmap(bitmap) => draw_bitmap(pixmap, &bitmap),
            ColorGlyph::Layers(layers) => {
                for layer in &layers {
                    draw_layer(pixmap, layer);
                }
            }
        }
        true
    }

    /// Fills selection rectangles (draw them before the text, so the text stays on top).
    pub fn draw_selection(&self, pixmap: &mut Pixmap, rects: &[SelectionRect]) {
        let paint = solid(self.selection);
        for r in rects {
            if let Some(rect) = Rect::from_xywh(r.x, r.y, r.width, r.height) {
                pixmap.fill_rect(rect, &paint, self.transform(), None);
            }
        }
    }

    /// Draws a cursor's carets, each the height of its line: the weak one (where the cursor
    /// splits between two directions) in the weak caret's colour, then the strong one over it.
    pub fn draw_carets(&self, pixmap: &mut Pixmap, carets: &Carets) {
        let w = self.caret_width;
        let bars = carets
            .secondary
            .map(|s| (s, self.weak_caret))
            .into_iter()
            .chain([(carets.primary, self.caret)]);
        for (c, rgba) in bars {
            if let Some(rect) = Rect::from_xywh(c.x - w / 2.0, c.top, w, c.height) {
                pixmap.fill_rect(rect, &solid(rgba), self.transform(), None);
            }
        }
    }
}

fn solid(rgba: [u8; 4]) -> Paint<'static> {
    let mut paint = Paint::default();
    let [r, g, b, a] = rgba;
    paint.set_color_rgba8(r, g, b, a);
    paint.anti_alias = true;
    paint
}

/// A tiny-skia path of shrift's segments (`None` for an empty one).
fn to_path(segments: &[PathSegment]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    for s in segments {
        match *s {
            PathSegment::MoveTo(x, y) => pb.move_to(x, y),
            PathSegment::LineTo(x, y) => pb.line_to(x, y),
            PathSegment::QuadTo(a, b, x, y) => pb.quad_to(a, b, x, y),
            PathSegment::CubicTo(a, b, c, d, x, y) => pb.cubic_to(a, b, c, d, x, y),
            PathSegment::Close => pb.close(),
        }
    }
    pb.finish()
}

fn draw_bitmap(pixmap: &mut Pixmap, bitmap: &GlyphBitmap) {
    let Ok(image) = Pixmap::decode_png(&bitmap.png) else {
        return;
    };
    let sx = bitmap.width / image.width() as f32;
    let sy = bitmap.height / image.height() as f32;
    let paint = tiny_skia::PixmapPaint {
        quality: tiny_skia::FilterQuality::Bicubic,
        ..Default::default()
    };
    let t = Transform::from_row(sx, 0.0, 0.0, sy, bitmap.x, bitmap.y);
    pixmap.draw_pixmap(0, 0, image.as_ref(), &paint, t, None);
}

fn draw_layer(pixmap: &mut Pixmap, layer: &ColorLayer) {
    let Some(path) = to_path(&layer.path) else {
        return;
    };
    let mut mask: Option<Mask> = None;
    for clip in &layer.clips {
        let Some(clip) = to_path(clip) else {
            return;
        };
        match mask.as_mut() {
            Some(m) => m.intersect_path(&clip, FillRule::Winding, true, Transform::identity()),
            None => {
                let Some(mut m) = Mask::new(pixmap.width(), pixmap.height()) else {
                    return;
                };
                m.fill_path(&clip, FillRule::Winding, true, Transform::identity());
                mask = Some(m);
            }
        }
    }
    let Some(shader) = shader(&layer.paint) else {
        return;
    };
    let paint = Paint {
        shader,
        anti_alias: true,
        ..Default::default()
    };
    pixmap.fill_path(
        &path,
        &paint,
        FillRule::Winding,
        Transform::identity(),
        mask.as_ref(),
    );
}

/// tiny-skia's shader for a `COLR` paint. Its radial gradient starts from a point, so a start
/// circle's radius is dropped; a sweep gradient is drawn as the colour at its middle stop.
fn shader(paint: &ColorPaint) -> Option<Shader<'static>> {
    let color = |c: [u8; 4]| tiny_skia::Color::from_rgba8(c[0], c[1], c[2], c[3]);
    let stops = |s: &[(f32, [u8; 4])]| -> Vec<tiny_skia::GradientStop> {
        s.iter()
            .map(|&(o, c)| tiny_skia::GradientStop::new(o, color(c)))
            .collect()
    };
    let mode = |e: u8| match e {
        1 => tiny_skia::SpreadMode::Repeat,
        2 => tiny_skia::SpreadMode::Reflect,
        _ => tiny_skia::SpreadMode::Pad,
    };
    let matrix = |m: &[f32; 6]| Transform::from_row(m[0], m[1], m[2], m[3], m[4], m[5]);
    match paint {
        ColorPaint::Solid(c) => Some(Shader::SolidColor(color(*c))),
        ColorPaint::Linear {
            start,
            end,
            stops: s,
            extend,
            transform,
        } => tiny_skia::LinearGradient::new(
            tiny_skia::Point::from_xy(start.0, start.1),
            tiny_skia::Point::from_xy(end.0, end.1),
            stops(s),
            mode(*extend),
            matrix(transform),
        ),
        ColorPaint::Radial {
            c0,
            c1,
            r1,
            stops: s,
            extend,
            transform,
            ..
        } => tiny_skia::RadialGradient::new(
            tiny_skia::Point::from_xy(c0.0, c0.1),
            tiny_skia::Point::from_xy(c1.0, c1.1),
            *r1,
            stops(s),
            mode(*extend),
            matrix(transform),
        ),
        ColorPaint::Sweep { stops: s, .. } => s.get(s.len() / 2).map(|&(_, c)| Shader::SolidColor(color(c))),
    }
}
