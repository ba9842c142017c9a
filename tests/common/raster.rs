//! A minimal rasteriser for tests: fills every glyph outline of a layout with tiny-skia, black on
//! transparent, anti-aliased. Independent of shrift's own code but for the positions it draws.

use shrift::Layout;
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Transform};

struct Outline {
    pb: PathBuilder,
    x: f32,
    y: f32,
    scale: f32,
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.pb.move_to(self.x + x * self.scale, self.y - y * self.scale);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.pb.line_to(self.x + x * self.scale, self.y - y * self.scale);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let s = self.scale;
        self.pb
            .quad_to(self.x + x1 * s, self.y - y1 * s, self.x + x * s, self.y - y * s);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let s = self.scale;
        self.pb.cubic_to(
            self.x + x1 * s,
            self.y - y1 * s,
            self.x + x2 * s,
            self.y - y2 * s,
            self.x + x * s,
            self.y - y * s,
        );
    }
    fn close(&mut self) {
        self.pb.close();
    }
}

/// Fills glyph `id` of `font` at `size` px with its origin at (`x`, `y`).
pub fn draw_glyph(pixmap: &mut Pixmap, font: &shrift::Font, size: f32, id: u16, x: f32, y: f32) {
    let mut paint = Paint::default();
    paint.set_color_rgba8(0, 0, 0, 255);
    paint.anti_alias = true;
    let face = ttf_parser::Face::parse(font.data(), font.index()).expect("face parses");
    let scale = size / f32::from(face.units_per_em());
    let mut o = Outline {
        pb: PathBuilder::new(),
        x,
        y,
        scale,
    };
    if face.outline_glyph(ttf_parser::GlyphId(id), &mut o).is_some() {
        if let Some(path) = o.pb.finish() {
            pixmap.fill_path(&path, &paint, FillRule::Winding, Transform::identity(), None);
        }
    }
}

/// Draws `layout` into a new `width` x `height` pixmap.
#[allow(dead_code)]
pub fn rasterize(layout: &Layout, width: u32, height: u32) -> Pixmap {
    let mut pixmap = Pixmap::new(width, height).expect("non-zero size");
    for run in layout.all_runs() {
        for g in layout.glyphs(run) {
            draw_glyph(&mut pixmap, run.font(), run.size(), g.id, g.x, g.y);
        }
    }
    pixmap
}

/// Alpha of every pixel.
pub fn alpha(p: &Pixmap) -> Vec<u8> {
    p.pixels().iter().map(|c| c.alpha()).collect()
}
