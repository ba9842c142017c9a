//! Colour glyphs in SVG (feature `svg`): `COLR` layers as filled paths (gradients as SVG
//! gradients, clips as clip paths), bitmap glyphs as `<image>` elements holding their PNG.

use std::fmt::Write as _;

use base64::Engine as _;

use crate::font::{ColorGlyph, ColorLayer, ColorPaint, PathSegment};

/// Writes a colour glyph into `out` (definitions it needs are numbered from `*ids`).
pub(super) fn write_color_glyph(
    out: &mut String,
    glyph: &ColorGlyph,
    ids: &mut usize,
    path_data: fn(&mut String, &[PathSegment]),
    num: fn(&mut String, f32),
) {
    match glyph {
        ColorGlyph::Bitmap(b) => {
            out.push_str("<image class=\"color-glyph\" x=\"");
            num(out, b.x);
            out.push_str("\" y=\"");
            num(out, b.y);
            out.push_str("\" width=\"");
            num(out, b.width);
            out.push_str("\" height=\"");
            num(out, b.height);
            out.push_str("\" preserveAspectRatio=\"none\" href=\"data:image/png;base64,");
            out.push_str(&base64::engine::general_purpose::STANDARD.encode(&b.png));
            out.push_str("\"/>\n");
        }
        ColorGlyph::Layers(layers) => {
            out.push_str("<g class=\"color-glyph\">\n");
            for layer in layers {
                write_layer(out, layer, ids, path_data, num);
            }
            out.push_str("</g>\n");
        }
    }
}

fn write_layer(
    out: &mut String,
    layer: &ColorLayer,
    ids: &mut usize,
    path_data: fn(&mut String, &[PathSegment]),
    num: fn(&mut String, f32),
) {
    // Each outer clip becomes a group clipped to it, the fill innermost.
    let mut open = 0;
    for clip in &layer.clips {
        *ids += 1;
        let _ = write!(out, "<clipPath id=\"shrift-clip{ids}\"><path d=\"");
        path_data(out, clip);
        let _ = writeln!(out, "\"/></clipPath><g clip-path=\"url(#shrift-clip{ids})\">");
        open += 1;
    }
    let fill = match &layer.paint {
        ColorPaint::Solid(c) => rgba(*c),
        ColorPaint::Linear {
            start,
            end,
            stops,
            extend,
            transform,
        } => {
            *ids += 1;
            let _ = write!(
                out,
                "<linearGradient id=\"shrift-grad{ids}\" gradientUnits=\"userSpaceOnUse\" x1=\""
            );
            num(out, start.0);
            out.push_str("\" y1=\"");
            num(out, start.1);
            out.push_str("\" x2=\"");
            num(out, end.0);
            out.push_str("\" y2=\"");
            num(out, end.1);
            gradient_tail(out, stops, *extend, transform, "linearGradient");
            format!("url(#shrift-grad{ids})")
        }
        ColorPaint::Radial {
            c0,
            r0,
            c1,
            r1,
            stops,
            extend,
            transform,
        } => {
            *ids += 1;
            let _ = write!(
                out,
                "<radialGradient id=\"shrift-grad{ids}\" gradientUnits=\"userSpaceOnUse\" fx=\""
            );
            num(out, c0.0);
            out.push_str("\" fy=\"");
            num(out, c0.1);
            out.push_str("\" fr=\"");
            num(out, *r0);
            out.push_str("\" cx=\"");
            num(out, c1.0);
            out.push_str("\" cy=\"");
            num(out, c1.1);
            out.push_str("\" r=\"");
            num(out, *r1);
            gradient_tail(out, stops, *extend, transform, "radialGradient");
            format!("url(#shrift-grad{ids})")
        }
        // SVG has no sweep gradient: its middle colour.
        ColorPaint::Sweep { stops, .. } => stops.get(stops.len() / 2).map_or("none".into(), |s| rgba(s.1)),
    };
    let _ = write!(out, "<path fill=\"{fill}\" d=\"");
    path_data(out, &layer.path);
    out.push_str("\"/>\n");
    for _ in 0..open {
        out.push_str("</g>\n");
    }
}

/// A gradient's spread, transform and stops, and its end tag.
fn gradient_tail(out: &mut String, stops: &[(f32, [u8; 4])], extend: u8, m: &[f32; 6], tag: &str) {
    let spread = ["pad", "repeat", "reflect"][usize::from(extend.min(2))];
    let _ = write!(
        out,
        "\" spreadMethod=\"{spread}\" gradientTransform=\"matrix({} {} {} {} {} {})\">",
        m[0], m[1], m[2], m[3], m[4], m[5]
    );
    for &(offset, c) in stops {
        let _ = write!(out, "<stop offset=\"{offset}\" stop-color=\"{}\"/>", rgba(c));
    }
    let _ = writeln!(out, "</{tag}>");
}

fn rgba(c: [u8; 4]) -> String {
    format!("rgba({},{},{},{})", c[0], c[1], c[2], f32::from(c[3]) / 255.0)
}
