//! SVG output (feature `svg`): a layout as an SVG document, one `<path>` per inked glyph (a
//! synthetic bold or oblique applied by the outlines; colour glyphs in their colours, by
//! `svg_color.rs`) and a `<rect>` per underline or strikethrough, with optional overlays (line
//! boxes, baselines, runs tinted by direction). The document is written as text.

use std::fmt::Write as _;

use crate::document::DocumentLayout;
use crate::font::{Outliner, PathSegment};
use crate::layout::{DecorationKind, Layout};
use crate::text::Direction;

/// What to draw besides the glyphs, and at what scale.
///
/// ```
/// let options = shrift::SvgOptions::new().scale(2.0).line_boxes(true);
/// assert_eq!(options.scale_factor(), 2.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SvgOptions {
    scale: f32,
    padding: f32,
    line_boxes: bool,
    baselines: bool,
    tint_runs: bool,
}

impl Default for SvgOptions {
    fn default() -> SvgOptions {
        SvgOptions::new()
    }
}

impl SvgOptions {
    /// Scale 1, 8 px padding, no overlays.
    pub fn new() -> SvgOptions {
        SvgOptions {
            scale: 1.0,
            padding: 8.0,
            line_boxes: false,
            baselines: false,
            tint_runs: false,
        }
    }

    /// Multiplies every coordinate (and the document size) by `scale`.
    pub fn scale(mut self, scale: f32) -> SvgOptions {
        self.scale = scale;
        self
    }

    /// Blank margin around the layout, in layout pixels.
    pub fn padding(mut self, px: f32) -> SvgOptions {
        self.padding = px;
        self
    }

    /// Outlines each line box.
    pub fn line_boxes(mut self, on: bool) -> SvgOptions {
        self.line_boxes = on;
        self
    }

    /// Draws each baseline.
    pub fn baselines(mut self, on: bool) -> SvgOptions {
        self.baselines = on;
        self
    }

    /// Tints each run's box: blue for left-to-right runs, red for right-to-left runs.
    pub fn tint_runs(mut self, on: bool) -> SvgOptions {
        self.tint_runs = on;
        self
    }

    /// The scale factor.
    pub fn scale_factor(&self) -> f32 {
        self.scale
    }
}

/// One laid-out paragraph as an SVG document.
pub fn layout_to_svg(layout: &Layout, options: &SvgOptions) -> String {
    layouts_to_svg(
        std::slice::from_ref(layout),
        layout.width(),
        layout.height(),
        options,
    )
}

/// A laid-out document (every block) as an SVG document.
pub fn document_to_svg(doc: &DocumentLayout, options: &SvgOptions) -> String {
    layouts_to_svg(doc.blocks(), doc.width(), doc.height(), options)
}

fn num(out: &mut String, v: f32) {
    // Two decimals are a hundredth of a pixel: finer than any screen, and a short file.
    let r = (v * 100.0).round() / 100.0;
    let _ = write!(out, "{}", if r == 0.0 { 0.0 } else { r });
}

fn layouts_to_svg(layouts: &[Layout], width: f32, height: f32, o: &SvgOptions) -> String {
    let s = if o.scale.is_finite() && o.scale > 0.0 {
        o.scale
    } else {
        1.0
    };
    let pad = if o.padding.is_finite() {
        o.padding.max(0.0)
    } else {
        0.0
    };
    let mut out = String::new();
    let (w, h) = ((width + 2.0 * pad) * s, (height + 2.0 * pad) * s);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    num(&mut out, w);
    out.push_str("\" height=\"");
    num(&mut out, h);
    out.push_str("\" viewBox=\"0 0 ");
    num(&mut out, w);
    out.push(' ');
    num(&mut out, h);
    out.push_str("\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    // Layout pixels to SVG units: shift by the padding, then scale.
    let _ = writeln!(out, "<g transform=\"scale({s}) translate({pad} {pad})\">");

    for layout in layouts {
        for line in layout.lines() {
            if o.tint_runs {
                for run in layout.runs(line) {
                    let fill = match run.direction() {
                        Direction::Ltr => "#dce8ff",
                        Direction::Rtl => "#ffdede",
                    };
                    rect(
                        &mut out,
                        run.x(),
                        line.top(),
                        run.width(),
                        line.height(),
                        &format!("fill=\"{fill}\""),
                    );
                }
            }
            if o.line_boxes {
                let attrs = "fill=\"none\" stroke=\"#7a7\" stroke-width=\"0.5\"";
                rect(&mut out, 0.0, line.top(), layout.width(), line.height(), attrs);
            }
            if o.baselines {
                out.push_str("<path fill=\"none\" stroke=\"#c66\" stroke-width=\"0.5\" d=\"M0 ");
                num(&mut out, line.baseline());
                out.push_str(" H");
                num(&mut out, layout.width());
                out.push_str("\"/>\n");
            }
        }
    }

    out.push_str("<g fill=\"black\">\n");
    // Underlines and strikethroughs, under the glyphs' paths.
    for layout in layouts {
        for d in layout.decorations() {
            let class = match d.kind() {
                DecorationKind::Underline => "class=\"underline\"",
                DecorationKind::Strikethrough => "class=\"strikethrough\"",
            };
            rect(&mut out, d.x(), d.y(), d.width(), d.thickness(), class);
        }
    }
    // Inline boxes: a placeholder the caller's object would fill (their stand-in glyphs are
    // not drawn).
    for layout in layouts {
        for b in layout.inline_boxes() {
            let attrs = format!(
                "class=\"inline-box\" data-id=\"{}\" fill=\"#eef\" stroke=\"#66a\" stroke-width=\"0.5\"",
                b.id
            );
            rect(&mut out, b.x, b.y, b.width, b.height, &attrs);
        }
    }
    let mut outliner = Outliner::new();
    let mut path = Vec::new();
    let mut ids = 0;
    for layout in layouts {
        for run in layout.all_runs().iter().filter(|r| !r.is_inline_box()) {
            for (g, paint) in layout.glyphs(run).iter().zip(layout.glyph_paints(run)) {
                // A colour glyph in its own colours (text-colour layers in black).
                if run.has_color_glyphs() {
                    let color = run
                        .font()
                        .color_glyph(g.id, run.size(), g.x, g.y, 1.0, 0, [0, 0, 0, 255]);
                    if let Some(color) = color {
                        super::svg_color::write_color_glyph(&mut out, &color, &mut ids, path_data, num);
                        continue;
                    }
                }
                path.clear();
                if outliner
                    .outline(run.font(), g.id, run.size(), g.x, g.y, &mut path)
                    .is_none()
                    || path.is_empty()
                {
                    continue;
                }
                // A paint id other than 0 (a run's, or a point's painted apart) is left to the
                // page's style sheet: `path[data-paint="1"] { fill: ... }`.
                if paint == 0 {
                    out.push_str("<path class=\"glyph\" d=\"");
                } else {
                    let _ = write!(out, "<path class=\"glyph\" data-paint=\"{paint}\" d=\"");
                }
                path_data(&mut out, &path);
                out.push_str("\"/>\n");
            }
        }
    }
    out.push_str("</g>\n</g>\n</svg>\n");
    out
}

fn rect(out: &mut String, x: f32, y: f32, w: f32, h: f32, attrs: &str) {
    out.push_str("<rect x=\"");
    num(out, x);
    out.push_str("\" y=\"");
    num(out, y);
    out.push_str("\" width=\"");
    num(out, w.max(0.0));
    out.push_str("\" height=\"");
    num(out, h.max(0.0));
    let _ = writeln!(out, "\" {attrs}/>");
}

fn path_data(out: &mut String, path: &[PathSegment]) {
    let points = |out: &mut String, cmd: char, pts: &[f32]| {
        out.push(cmd);
        for (i, v) in pts.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            num(out, *v);
        }
    };
    for seg in path {
        match *seg {
            PathSegment::MoveTo(x, y) => points(out, 'M', &[x, y]),
            PathSegment::LineTo(x, y) => points(out, 'L', &[x, y]),
            PathSegment::QuadTo(a, b, x, y) => points(out, 'Q', &[a, b, x, y]),
            PathSegment::CubicTo(a, b, c, d, x, y) => points(out, 'C', &[a, b, c, d, x, y]),
            PathSegment::Close => points(out, 'Z', &[]),
        }
    }
}
