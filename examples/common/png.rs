//! Rasterising layouts with tiny-skia (a dev-dependency): black on white, anti-aliased, at a scale
//! factor. Shared by the render and article examples.

use shrift::{Layout, Outliner, PathSegment};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Transform};

#[allow(dead_code)] // each example includes this file and uses part of it
/// Draws `layouts` (blocks of one column `width` x `height` layout pixels) with `padding` around,
/// `scale` device pixels per layout pixel.
pub fn render(layouts: &[Layout], width: f32, height: f32, padding: f32, scale: f32) -> Option<Pixmap> {
    let w = ((width + 2.0 * padding) * scale).ceil() as u32;
    let h = ((height + 2.0 * padding) * scale).ceil() as u32;
    let mut pixmap = Pixmap::new(w.max(1), h.max(1))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let transform = Transform::from_scale(scale, scale).pre_translate(padding, padding);
    for layout in layouts {
        draw_layout(&mut pixmap, layout, transform);
    }
    Some(pixmap)
}

/// The colours paint ids are drawn in: 0 black, 1 dark red, 2 blue, 3 green.
const PALETTE: [[u8; 3]; 4] = [
    [0, 0, 0],
    [0xb0, 0x10, 0x10],
    [0x10, 0x40, 0xc0],
    [0x10, 0x80, 0x30],
];

/// Draws the glyphs and decorations (underlines, strikethroughs) of `layout` in black onto
/// `pixmap`, layout pixels mapped by `transform`.
#[allow(dead_code)] // each example includes this file and uses part of it
pub fn draw_layout(pixmap: &mut Pixmap, layout: &Layout, transform: Transform) {
    let mut paint = Paint::default();
    paint.set_color_rgba8(0, 0, 0, 255);
    paint.anti_alias = true;
    for d in layout.decorations() {
        if let Some(rect) = tiny_skia::Rect::from_xywh(d.x(), d.y(), d.width(), d.thickness()) {
            pixmap.fill_rect(rect, &paint, transform, None);
        }
    }
    // Inline boxes: a light placeholder with an outline where the caller's object goes (their
    // stand-in glyphs are not drawn).
    for b in layout.inline_boxes() {
        if let Some(rect) = tiny_skia::Rect::from_xywh(b.x, b.y, b.width, b.height) {
            let mut fill = Paint::default();
            fill.set_color_rgba8(0xdd, 0xdd, 0xf4, 255);
            pixmap.fill_rect(rect, &fill, transform, None);
            let mut edge = Paint::default();
            edge.set_color_rgba8(0x55, 0x55, 0x99, 255);
            let stroke = tiny_skia::Stroke {
                width: 1.0,
                ..Default::default()
            };
            pixmap.stroke_path(&PathBuilder::from_rect(rect), &edge, &stroke, transform, None);
        }
    }
    let mut outliner = Outliner::new();
    let mut segments = Vec::new();
    for run in layout.all_runs().iter().filter(|r| !r.is_inline_box()) {
        for (g, paint_id) in layout.glyphs(run).iter().zip(layout.glyph_paints(run)) {
            // Paint 0 black, others from a small palette (a point painted apart: dark red).
            let [r, gr, b] = PALETTE[paint_id as usize % PALETTE.len()];
            paint.set_color_rgba8(r, gr, b, 255);
            segments.clear();
            if outliner
                .outline(run.font(), g.id, run.size(), g.x, g.y, &mut segments)
                .is_none()
            {
                continue;
            }
            let mut pb = PathBuilder::new();
            for s in &segments {
                match *s {
                    PathSegment::MoveTo(x, y) => pb.move_to(x, y),
                    PathSegment::LineTo(x, y) => pb.line_to(x, y),
                    PathSegment::QuadTo(a, b, x, y) => pb.quad_to(a, b, x, y),
                    PathSegment::CubicTo(a, b, c, d, x, y) => pb.cubic_to(a, b, c, d, x, y),
                    PathSegment::Close => pb.close(),
                }
            }
            if let Some(path) = pb.finish() {
                pixmap.fill_path(&path, &paint, FillRule::Winding, transform, None);
            }
        }
    }
}
