//! Glyph outlines, scaled and placed, so that a renderer can draw a layout without parsing fonts.

use super::face::Font;
use super::variation::Synthesis;

/// One step of a glyph outline, in layout pixels (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathSegment {
    /// Starts a contour at (x, y).
    MoveTo(f32, f32),
    /// A straight line to (x, y).
    LineTo(f32, f32),
    /// A quadratic Bézier curve through control point (x1, y1) to (x, y).
    QuadTo(f32, f32, f32, f32),
    /// A cubic Bézier curve through (x1, y1) and (x2, y2) to (x, y).
    CubicTo(f32, f32, f32, f32, f32, f32),
    /// Closes the contour.
    Close,
}

/// The ink box of an outline, in layout pixels: `x0 <= x1`, `y0 <= y1`, y down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InkBox {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

/// Turns glyphs into outlines; parses each face once and keeps it for the outliner's life.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{FontBook, LayoutContext, LayoutOptions, Outliner, Paragraph, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let mut cx = LayoutContext::new();
/// let para = Paragraph::new("אַ", TextStyle::new("Noto Serif Hebrew"), &book, &mut cx).unwrap();
/// let layout = para.layout(&mut cx, &LayoutOptions::new(100.0)).unwrap();
/// let mut outliner = Outliner::new();
/// let mut path = Vec::new();
/// for run in layout.all_runs() {
///     for g in layout.glyphs(run) {
///         path.clear();
///         if let Some(ink) = outliner.outline(run.font(), g.id, run.size(), g.x, g.y, &mut path) {
///             assert!(ink.x0 < ink.x1 && !path.is_empty());
///         }
///     }
/// }
/// # }
/// ```
#[derive(Default)]
pub struct Outliner<'f> {
    faces: Vec<(&'f Font, Option<ttf_parser::Face<'f>>)>,
}

impl std::fmt::Debug for Outliner<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outliner")
            .field("faces", &self.faces.len())
            .finish()
    }
}

/// Collects an outline in font units through a transform (font units, y up, to layout pixels,
/// y down); `color.rs` draws `COLR` layers with it too.
pub(super) struct Sink<'o>(
    pub(super) &'o mut Vec<PathSegment>,
    pub(super) ttf_parser::Transform,
);

impl Sink<'_> {
    pub(super) fn p(&self, x: f32, y: f32) -> (f32, f32) {
        let t = self.1;
        (t.a * x + t.c * y + t.e, t.b * x + t.d * y + t.f)
    }
}

impl ttf_parser::OutlineBuilder for Sink<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.0.push(PathSegment::MoveTo(x, y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.0.push(PathSegment::LineTo(x, y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let ((x1, y1), (x, y)) = (self.p(x1, y1), self.p(x, y));
        self.0.push(PathSegment::QuadTo(x1, y1, x, y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let ((x1, y1), (x2, y2), (x, y)) = (self.p(x1, y1), self.p(x2, y2), self.p(x, y));
        self.0.push(PathSegment::CubicTo(x1, y1, x2, y2, x, y));
    }
    fn close(&mut self) {
        self.0.push(PathSegment::Close);
    }
}

impl<'f> Outliner<'f> {
    /// An outliner with no face parsed yet.
    pub fn new() -> Outliner<'f> {
        Outliner { faces: Vec::new() }
    }

    /// Appends the outline of glyph `glyph` of `font` at `size` px per em, its origin at
    /// (`x`, `y`), to `out`; returns its ink box, or `None` for a glyph without ink (a space)
    /// or an id the font does not have. A variable instance's outline is that of its location;
    /// a synthetic bold is thickened and a synthetic oblique slanted ([`Font::synthesis`]).
    pub fn outline(
        &mut self,
        font: &'f Font,
        glyph: u16,
        size: f32,
        x: f32,
        y: f32,
        out: &mut Vec<PathSegment>,
    ) -> Option<InkBox> {
        let i = match self.faces.iter().position(|(f, _)| *f == font) {
            Some(i) => i,
            None => {
                // Font::new parsed these bytes once already; a face that no longer parses has no ink.
                self.faces.push((font, font.parse()));
                self.faces.len() - 1
            }
        };
        let face = self.faces.get(i)?.1.as_ref()?;
        let synthesis = (font.synthesis(), font.synthesis().embolden(size));
        outline_into(face, font.scale(size), glyph, x, y, synthesis, out)
    }
}

/// Appends the outline of `glyph` to `out`, font units times `scale` with the origin at (x, y),
/// y down, with the synthesis applied (the embolden width in output pixels); its ink box.
fn outline_into(
    face: &ttf_parser::Face<'_>,
    scale: f32,
    glyph: u16,
    x: f32,
    y: f32,
    (synthesis, embolden): (Synthesis, f32),
    out: &mut Vec<PathSegment>,
) -> Option<InkBox> {
    let mut sink = Sink(out, ttf_parser::Transform::new(scale, 0.0, 0.0, -scale, x, y));
    let start = sink.0.len();
    let bbox = face.outline_glyph(ttf_parser::GlyphId(glyph), &mut sink);
    let Some(bbox) = bbox else {
        sink.0.truncate(start);
        return None;
    };
    let (x0, y1) = sink.p(f32::from(bbox.x_min), f32::from(bbox.y_min));
    let (x1, y0) = sink.p(f32::from(bbox.x_max), f32::from(bbox.y_max));
    if !synthesis.any() {
        return Some(InkBox { x0, y0, x1, y1 });
    }
    let path = &mut out[start..];
    if embolden > 0.0 {
        embolden_path(path, embolden / 2.0);
    }
    if synthesis.oblique {
        for seg in path.iter_mut() {
            map_points(seg, |px, py| (px + Synthesis::SKEW * (y - py), py));
        }
    }
    Some(points_box(path))
}

/// Synthetic bold: every edge of the outline moved outward by `d` (`embolden.rs`).
fn embolden_path(path: &mut [PathSegment], d: f32) {
    let mut contours: Vec<Vec<(f32, f32)>> = Vec::new();
    for seg in path.iter_mut() {
        if matches!(seg, PathSegment::MoveTo(..)) {
            contours.push(Vec::new());
        }
        if let Some(c) = contours.last_mut() {
            map_points(seg, |x, y| {
                c.push((x, y));
                (x, y)
            });
        }
    }
    super::embolden::embolden(&mut contours, d);
    let mut moved = contours.iter().flatten();
    for seg in path.iter_mut() {
        map_points(seg, |x, y| moved.next().copied().unwrap_or((x, y)));
    }
}

/// Applies `f` to every point of a segment (end and control points).
fn map_points(seg: &mut PathSegment, mut f: impl FnMut(f32, f32) -> (f32, f32)) {
    let mut m = |x: &mut f32, y: &mut f32| (*x, *y) = f(*x, *y);
    match seg {
        PathSegment::MoveTo(x, y) | PathSegment::LineTo(x, y) => m(x, y),
        PathSegment::QuadTo(x1, y1, x, y) => {
            m(x1, y1);
            m(x, y);
        }
        PathSegment::CubicTo(x1, y1, x2, y2, x, y) => {
            m(x1, y1);
            m(x2, y2);
            m(x, y);
        }
        PathSegment::Close => {}
    }
}

/// The box of every point of a path (control points included: it holds the ink).
fn points_box(path: &mut [PathSegment]) -> InkBox {
    let mut b = InkBox {
        x0: f32::INFINITY,
        y0: f32::INFINITY,
        x1: f32::NEG_INFINITY,
        y1: f32::NEG_INFINITY,
    };
    for seg in path.iter_mut() {
        map_points(seg, |x, y| {
            (b.x0, b.y0, b.x1, b.y1) = (b.x0.min(x), b.y0.min(y), b.x1.max(x), b.y1.max(y));
            (x, y)
        });
    }
    b
}

impl Font {
    /// The outline of glyph `glyph` at `size` px per em at this instance's location, with its
    /// synthesis applied, its origin at (`x`, `y`), everything
    /// multiplied by `device_scale` (device pixels per layout pixel: 2 on a HiDPI screen),
    /// appended to `out`; its ink box, or `None` for a glyph without ink or an unknown id.
    ///
    /// Unlike [`Outliner`] this borrows nothing beyond the call, so a long-lived glyph cache can
    /// call it with a `Font` it keeps (a cheap clone): each call reads the face's table directory
    /// again (microseconds), which a cache that rasterises each glyph once does not notice.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// let book = shrift::FontBook::with_bundled_fonts();
    /// let font = book.find("Noto Serif Hebrew", 400, false).unwrap().clone();
    /// let glyph = 10; // any glyph id of the face with ink
    /// let mut at_1x = Vec::new();
    /// let mut at_2x = Vec::new();
    /// let ink1 = font.glyph_outline(glyph, 16.0, 5.0, 20.0, 1.0, &mut at_1x);
    /// let ink2 = font.glyph_outline(glyph, 16.0, 5.0, 20.0, 2.0, &mut at_2x);
    /// if let (Some(a), Some(b)) = (ink1, ink2) {
    ///     assert!((b.x1 - 2.0 * a.x1).abs() < 1e-3);
    /// }
    /// # }
    /// ```
    pub fn glyph_outline(
        &self,
        glyph: u16,
        size: f32,
        x: f32,
        y: f32,
        device_scale: f32,
        out: &mut Vec<PathSegment>,
    ) -> Option<InkBox> {
        let face = self.parse()?;
        let synthesis = (self.synthesis(), self.synthesis().embolden(size) * device_scale);
        outline_into(
            &face,
            self.scale(size) * device_scale,
            glyph,
            x * device_scale,
            y * device_scale,
            synthesis,
            out,
        )
    }
}
