//! Colour glyphs and pixels (issue 26): emoji sequences fall back to the colour face whole, the
//! raster helper draws bitmap emoji as Pango does (`tests/data/pango_thumbs_48px.png`, from
//! `tools/make_pango_emoji.sh`), `COLR` layers and gradients in the colours the font's palette
//! gives (`tests/fonts/ColrTest.ttf`, built by `tools/make_colr_font.py`, whose docstring says
//! what each glyph holds), and synthetic bold and oblique measured on the bitmap.

use shrift::raster::tiny_skia::Pixmap;
use shrift::raster::Raster;
use shrift::{ColorGlyph, ColorPaint, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, TextStyle};

fn book() -> FontBook {
    let mut book = FontBook::new();
    book.load_file("fonts/NotoSans-Regular.ttf", 0).unwrap();
    book.load_file("fonts/NotoSansHebrew-Regular.ttf", 0).unwrap();
    book.load_file("tests/fonts/EmojiSubset.ttf", 0).unwrap();
    book.load_file("tests/fonts/ColrTest.ttf", 0).unwrap();
    book
}

fn lay(book: &FontBook, text: &str, style: TextStyle) -> Layout {
    let mut cx = LayoutContext::new();
    let para = Paragraph::new(text, style, book, &mut cx).unwrap();
    para.layout(&mut cx, &LayoutOptions::no_wrap()).unwrap()
}

/// Emoji sequences are one grapheme each and go to the colour face whole: one glyph per sequence,
/// the glyphs hb-shape gives for them in the face (`hb-shape tests/fonts/EmojiSubset.ttf
/// "👍🏽 👨‍👩‍👧 🇮🇱 1️⃣ ❤️"`: gid 23, 36, 19, 18, 4), each a colour glyph; the spaces stay in
/// the text face.
#[test]
fn emoji_sequences_fall_back_whole_to_the_colour_face() {
    let book = book();
    let text = "ok 👍🏽 👨‍👩‍👧 🇮🇱 1️⃣ ❤️";
    let layout = lay(&book, text, TextStyle::new("Noto Sans").size(24.0));
    let mut emoji = Vec::new();
    for run in layout.all_runs() {
        let colour = run.font().family() == "Noto Color Emoji";
        assert_eq!(run.has_color_glyphs(), colour);
        for g in layout.glyphs(run) {
            if colour && !text[g.text_offset()..].starts_with(' ') {
                assert!(run.font().is_color_glyph(g.id), "glyph {}", g.id);
                emoji.push(g.id);
            } else {
                assert!(!run.font().is_color_glyph(g.id));
            }
        }
    }
    assert_eq!(emoji, vec![23, 36, 19, 18, 4]);
}

/// The ink of an image: its bounding box and the mean colour of pixels that are not white.
fn ink(
    width: u32,
    height: u32,
    rgba: impl Fn(u32, u32) -> [u8; 4],
) -> ((u32, u32, u32, u32), [f32; 3], usize) {
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    let mut sum = [0f32; 3];
    let mut n = 0;
    for y in 0..height {
        for x in 0..width {
            let [r, g, b, _] = rgba(x, y);
            if r < 240 || g < 240 || b < 240 {
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x + 1), y1.max(y + 1));
                sum = [
                    sum[0] + f32::from(r),
                    sum[1] + f32::from(g),
                    sum[2] + f32::from(b),
                ];
                n += 1;
            }
        }
    }
    let mean = sum.map(|s| s / n.max(1) as f32);
    ((x0, y0, x1, y1), mean, n)
}

fn pixmap_rgba(p: &Pixmap) -> impl Fn(u32, u32) -> [u8; 4] + '_ {
    move |x, y| {
        let c = p.pixel(x, y).unwrap().demultiply();
        [c.red(), c.green(), c.blue(), c.alpha()]
    }
}

/// The thumbs-up emoji drawn by the raster helper and by Pango (cairo, from the same CBDT
/// bitmap, scaled to 48 px): ink boxes the same size within 2 px, mean ink colours within 12
/// of 255 per channel, and, with the boxes' corners aligned, a mean per-pixel difference under
/// 16 (the two scale the 136 px bitmap with different filters).
#[test]
fn a_bitmap_emoji_looks_as_pango_draws_it() {
    let book = book();
    let layout = lay(&book, "👍", TextStyle::new("Noto Color Emoji").size(48.0));
    let ours = Raster::new().render_layout(&layout, 0.0, [255; 4]).unwrap();
    let pango = Pixmap::load_png("tests/data/pango_thumbs_48px.png").unwrap();
    let (a, mean_a, n_a) = ink(ours.width(), ours.height(), pixmap_rgba(&ours));
    let (b, mean_b, n_b) = ink(pango.width(), pango.height(), pixmap_rgba(&pango));
    assert!(n_a > 1000 && n_b > 1000, "{n_a} {n_b}");
    let (wa, ha, wb, hb) = (a.2 - a.0, a.3 - a.1, b.2 - b.0, b.3 - b.1);
    assert!(
        wa.abs_diff(wb) <= 2 && ha.abs_diff(hb) <= 2,
        "ours {a:?}, Pango {b:?}"
    );
    for c in 0..3 {
        assert!(
            (mean_a[c] - mean_b[c]).abs() < 12.0,
            "mean colours {mean_a:?} {mean_b:?}"
        );
    }
    // The thumb is yellow: red and green high, blue low.
    assert!(
        mean_a[0] > 180.0 && mean_a[1] > 130.0 && mean_a[2] < 110.0,
        "{mean_a:?}"
    );
    let (oa, ob) = (pixmap_rgba(&ours), pixmap_rgba(&pango));
    let mut diff = 0.0;
    let mut count = 0.0;
    for y in 0..ha.min(hb) {
        for x in 0..wa.min(wb) {
            let (p, q) = (oa(a.0 + x, a.1 + y), ob(b.0 + x, b.1 + y));
            diff += (0..3).map(|c| f32::from(p[c].abs_diff(q[c]))).sum::<f32>() / 3.0;
            count += 1.0;
        }
    }
    assert!(diff / count < 16.0, "mean difference {}", diff / count);
}

/// `COLR` v0: "A" is a red square (x 100..500 units) under a green triangle (300..700); at
/// 100 px (0.1 px a unit) the square's left part is red, the triangle's right part green.
/// Palette 1 turns them blue and yellow. `COLR` v1: "B" runs from red at x 100 to blue at x 500.
#[test]
fn colr_layers_and_gradients_take_the_palette_colours() {
    let book = book();
    let layout = lay(&book, "A", TextStyle::new("Colr Test").size(100.0));
    let baseline = layout.lines()[0].baseline();
    let at = |p: &Pixmap, x: f32, units_up: f32| {
        let c = p
            .pixel(x as u32, (baseline - units_up * 0.1) as u32)
            .unwrap()
            .demultiply();
        [c.red(), c.green(), c.blue()]
    };
    let p0 = Raster::new().render_layout(&layout, 0.0, [255; 4]).unwrap();
    assert_eq!(at(&p0, 15.0, 100.0), [255, 0, 0]);
    assert_eq!(at(&p0, 55.0, 50.0), [0, 255, 0]);
    assert_eq!(at(&p0, 5.0, 100.0), [255, 255, 255]);
    let p1 = Raster::new()
        .color_palette(1)
        .render_layout(&layout, 0.0, [255; 4])
        .unwrap();
    assert_eq!(at(&p1, 15.0, 100.0), [0, 0, 255]);
    assert_eq!(at(&p1, 55.0, 50.0), [255, 255, 0]);

    let layout = lay(&book, "B", TextStyle::new("Colr Test").size(100.0));
    let run = &layout.all_runs()[0];
    let g = layout.glyphs(run)[0];
    let Some(ColorGlyph::Layers(layers)) =
        run.font()
            .color_glyph(g.id, 100.0, g.x, g.y, 1.0, 0, [0, 0, 0, 255])
    else {
        panic!("B is a COLR glyph");
    };
    assert_eq!(layers.len(), 1);
    assert!(
        matches!(&layers[0].paint, ColorPaint::Linear { start, end, .. } if *start == (100.0, 0.0) && *end == (500.0, 0.0))
    );
    let p = Raster::new().render_layout(&layout, 0.0, [255; 4]).unwrap();
    let (left, mid, right) = (at(&p, 11.0, 200.0), at(&p, 30.0, 200.0), at(&p, 49.0, 200.0));
    assert!(left[0] > 230 && left[2] < 25, "{left:?}");
    assert!(right[2] > 230 && right[0] < 25, "{right:?}");
    assert!(
        (100..160).contains(&mid[0]) && (100..160).contains(&mid[2]),
        "{mid:?}"
    );
    // "C" is no colour glyph: drawn as an outline in the run's paint.
    let layout = lay(&book, "C", TextStyle::new("Colr Test").size(100.0).paint(1));
    let g = layout.glyphs(&layout.all_runs()[0])[0];
    assert!(!layout.all_runs()[0].font().is_color_glyph(g.id));
    let p = Raster::new()
        .palette(&[[0, 0, 0, 255], [10, 20, 200, 255]])
        .render_layout(&layout, 0.0, [255; 4])
        .unwrap();
    assert_eq!(at(&p, 30.0, 200.0), [10, 20, 200]);
}

/// Rows of an image where a vertical stem is, as the mean x of its ink per row band.
fn ink_centre_x(p: &Pixmap, rows: std::ops::Range<u32>) -> f32 {
    let (mut sum, mut n) = (0.0, 0.0);
    for y in rows {
        for x in 0..p.width() {
            let c = p.pixel(x, y).unwrap().demultiply();
            let ink = 255.0 - f32::from(c.red());
            sum += ink * x as f32;
            n += ink;
        }
    }
    sum / n
}

/// Synthesis on the bitmap: "l" (a vertical stem) in a regular-only book. Synthetic bold widens
/// the stem by Skia's embolden width at 64 px (64/32 = 2 px: 1 px each side, within 0.4 px);
/// the synthetic oblique moves the ink right by a quarter of the height it rises (Chromium's
/// skew), measured between the stem's top and bottom bands.
#[test]
fn synthetic_bold_and_oblique_on_the_bitmap() {
    let book = book();
    let draw = |style: TextStyle| {
        let layout = lay(&book, "l", style);
        (
            Raster::new().render_layout(&layout, 10.0, [255; 4]).unwrap(),
            layout.lines()[0].baseline() + 10.0,
        )
    };
    let base = TextStyle::new("Noto Sans").size(64.0);
    let stem_width = |p: &Pixmap, y: u32| -> f32 {
        (0..p.width())
            .map(|x| 1.0 - f32::from(p.pixel(x, y).unwrap().demultiply().red()) / 255.0)
            .sum()
    };
    let (regular, baseline) = draw(base.clone());
    let (bold, _) = draw(base.clone().weight(700));
    let y = (baseline - 20.0) as u32;
    let grown = stem_width(&bold, y) - stem_width(&regular, y);
    assert!((grown - 2.0).abs() < 0.4, "the stem grew by {grown} px");
    let (oblique, baseline) = draw(base.italic(true));
    let (low, high) = ((baseline - 12.0) as u32, (baseline - 40.0) as u32);
    let shift = ink_centre_x(&oblique, high..high + 4) - ink_centre_x(&oblique, low..low + 4);
    let rise = (low - high) as f32;
    assert!((shift - 0.25 * rise).abs() < 0.5, "shift {shift} over {rise}");
    let upright = ink_centre_x(&regular, high..high + 4) - ink_centre_x(&regular, low..low + 4);
    assert!(upright.abs() < 0.3, "{upright}");
}

/// Colour glyphs in SVG: the `COLR` layers as paths filled red and green, the v1 gradient as a
/// linear gradient from red to blue, the emoji as an `<image>` holding the font's PNG (the PNG
/// signature, base64 "iVBORw0KGgo"); the document parses as XML.
#[test]
fn svg_draws_colour_glyphs() {
    let book = book();
    let layout = lay(&book, "AB", TextStyle::new("Colr Test").size(100.0));
    let svg = shrift::layout_to_svg(&layout, &shrift::SvgOptions::new());
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let fills: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path"))
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert!(
        fills.contains(&"rgba(255,0,0,1)") && fills.contains(&"rgba(0,255,0,1)"),
        "{fills:?}"
    );
    let gradient = doc
        .descendants()
        .find(|n| n.has_tag_name("linearGradient"))
        .expect("B's gradient");
    let stops: Vec<&str> = gradient
        .children()
        .filter_map(|n| n.attribute("stop-color"))
        .collect();
    assert_eq!(stops, ["rgba(255,0,0,1)", "rgba(0,0,255,1)"]);
    assert!(fills
        .iter()
        .any(|f| *f == format!("url(#{})", gradient.attribute("id").unwrap())));
    let layout = lay(&book, "👍", TextStyle::new("Noto Color Emoji").size(48.0));
    let svg = shrift::layout_to_svg(&layout, &shrift::SvgOptions::new());
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let image = doc
        .descendants()
        .find(|n| n.has_tag_name("image"))
        .expect("the emoji's bitmap");
    assert!(image
        .attribute("href")
        .unwrap()
        .starts_with("data:image/png;base64,iVBORw0KGgo"));
    let size: f32 = image.attribute("width").unwrap().parse().unwrap();
    assert!(size > 40.0 && size < 70.0, "{size}");
}
