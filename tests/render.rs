//! Pictures: what is drawn is what was laid out. Glyph boxes and ink are read with ttf-parser
//! directly (tests/common/raster.rs), independently of shrift's outline code, which draws the
//! images under test (shrift's raster helper, which the render example draws with).

#![cfg(all(feature = "bundled-fonts", feature = "raster"))]

use shrift::raster::tiny_skia::Pixmap;
use shrift::raster::Raster;
use shrift::{DocumentLayout, FontBook, Layout, LayoutContext, SvgOptions};

#[path = "common/article.rs"]
mod article;
#[path = "common/raster.rs"]
mod raster;

const PAD: f32 = 8.0;

/// `layouts` drawn black on white in a `width` x `height` column with `PAD` around it.
fn render(layouts: &[Layout], width: f32, height: f32) -> Pixmap {
    let mut pixmap = Pixmap::new(
        (width + 2.0 * PAD).ceil() as u32,
        (height + 2.0 * PAD).ceil() as u32,
    )
    .unwrap();
    pixmap.fill(shrift::raster::tiny_skia::Color::WHITE);
    let raster = Raster::new().offset(PAD, PAD);
    for layout in layouts {
        raster.draw_layout(&mut pixmap, layout);
    }
    pixmap
}

fn article_at(width: f32) -> DocumentLayout {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let doc = article::article_document(&book, &mut cx).unwrap();
    doc.layout(&mut cx, width).unwrap()
}

/// The glyph's ink box from ttf-parser, in layout pixels (x0, y0, x1, y1), if it has ink.
fn ink_box(run: &shrift::Run, g: &shrift::Glyph) -> Option<(f32, f32, f32, f32)> {
    let face = ttf_parser::Face::parse(run.font().data(), run.font().index()).unwrap();
    let b = face.glyph_bounding_box(ttf_parser::GlyphId(g.id))?;
    let s = run.size() / f32::from(face.units_per_em());
    Some((
        g.x + f32::from(b.x_min) * s,
        g.y - f32::from(b.y_max) * s,
        g.x + f32::from(b.x_max) * s,
        g.y - f32::from(b.y_min) * s,
    ))
}

fn ink_at(p: &tiny_skia::Pixmap, x: u32, y: u32) -> bool {
    p.pixel(x, y).is_some_and(|c| c.red() < 128)
}

#[test]
fn each_glyph_puts_ink_inside_its_box_and_each_box_gets_ink() {
    let laid = article_at(600.0);
    let pixmap = render(laid.blocks(), laid.width(), laid.height());
    let mut inked = 0;
    for layout in laid.blocks() {
        for run in layout.all_runs() {
            for g in layout.glyphs(run) {
                let Some((x0, y0, x1, y1)) = ink_box(run, g) else {
                    continue;
                };
                if x1 - x0 < 1.0 || y1 - y0 < 1.0 {
                    continue; // thinner than a pixel: anti-aliasing may leave it pale
                }
                inked += 1;
                let (px0, py0) = ((x0 + PAD).floor() as u32, (y0 + PAD).floor() as u32);
                let (px1, py1) = ((x1 + PAD).ceil() as u32, (y1 + PAD).ceil() as u32);
                let found = (py0..py1).any(|y| (px0..px1).any(|x| ink_at(&pixmap, x, y)));
                assert!(found, "no ink in the box of glyph {} at byte {}", g.id, g.cluster);
            }
        }
    }
    assert!(inked > 2000, "{inked} glyphs checked");
    // And no ink outside every box: the union of the boxes (grown by a pixel) holds all ink.
    let mut allowed = vec![false; (pixmap.width() * pixmap.height()) as usize];
    for layout in laid.blocks() {
        for run in layout.all_runs() {
            for g in layout.glyphs(run) {
                let Some((x0, y0, x1, y1)) = ink_box(run, g) else {
                    continue;
                };
                for y in (y0 + PAD - 1.0).floor().max(0.0) as u32
                    ..((y1 + PAD + 1.0).ceil() as u32).min(pixmap.height())
                {
                    for x in (x0 + PAD - 1.0).floor().max(0.0) as u32
                        ..((x1 + PAD + 1.0).ceil() as u32).min(pixmap.width())
                    {
                        allowed[(y * pixmap.width() + x) as usize] = true;
                    }
                }
            }
        }
    }
    for y in 0..pixmap.height() {
        for x in 0..pixmap.width() {
            assert!(
                !ink_at(&pixmap, x, y) || allowed[(y * pixmap.width() + x) as usize],
                "stray ink at {x},{y}"
            );
        }
    }
}

#[test]
fn ink_of_each_line_lies_inside_the_line_box() {
    let laid = article_at(420.0);
    for layout in laid.blocks() {
        for line in layout.lines() {
            // Draw the line alone with the independent rasteriser.
            let mut pixmap = tiny_skia::Pixmap::new(440, (laid.height() + 20.0) as u32).unwrap();
            for run in layout.runs(line) {
                for g in layout.glyphs(run) {
                    raster::draw_glyph(&mut pixmap, run.font(), run.size(), g.id, g.x + 10.0, g.y);
                }
            }
            let alpha = raster::alpha(&pixmap);
            for (i, a) in alpha.iter().enumerate() {
                if *a < 128 {
                    continue;
                }
                let (x, y) = ((i % 440) as f32 - 10.0, (i / 440) as f32);
                assert!(
                    y >= line.top() - 1.0 && y <= line.top() + line.height() + 1.0,
                    "ink at y {y} outside the line box"
                );
                assert!((-1.0..=421.0).contains(&x), "ink at x {x} outside the column");
            }
        }
    }
}

#[test]
fn the_rtl_headline_is_flush_right() {
    let laid = article_at(600.0);
    let headline: &Layout = &laid.blocks()[0];
    let pixmap = render(std::slice::from_ref(headline), 600.0, headline.height());
    for line in headline.lines() {
        let rows = (line.top() + PAD) as u32..(line.top() + line.height() + PAD) as u32;
        let right = (0..pixmap.width())
            .rev()
            .find(|&x| rows.clone().any(|y| ink_at(&pixmap, x, y)))
            .unwrap();
        let right = right as f32 + 1.0 - PAD;
        // The first letter's right side bearing is all that may separate its ink from the edge.
        assert!(
            (right - 600.0).abs() <= 2.5,
            "headline line ink ends at {right}, not at 600"
        );
    }
}

#[test]
fn svg_parses_and_holds_one_path_per_inked_glyph() {
    let laid = article_at(600.0);
    let svg = shrift::document_to_svg(
        &laid,
        &SvgOptions::new().line_boxes(true).baselines(true).tint_runs(true),
    );
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let paths = doc
        .descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("class") == Some("glyph"))
        .count();
    let inked: usize = laid
        .blocks()
        .iter()
        .map(|l| {
            l.all_runs()
                .iter()
                .map(|r| l.glyphs(r).iter().filter(|g| ink_box(r, g).is_some()).count())
                .sum::<usize>()
        })
        .sum();
    assert_eq!(paths, inked);
    let lines: usize = laid.blocks().iter().map(|l| l.lines().len()).sum();
    let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
    assert!(rects > lines, "line boxes and run tints are drawn");
    assert_eq!(
        doc.root_element().attribute("width"),
        Some(&*format!("{}", 600.0 + 2.0 * PAD))
    );
}

#[test]
fn owned_outlines_equal_the_outliner_s_and_scale_for_hidpi() {
    // Font::glyph_outline (no borrow) gives the Outliner's path for every glyph of the article,
    // and at device scale 2 every coordinate doubled; its ink box is the one read directly from
    // the glyph's bbox (ink_box above, ttf-parser).
    let laid = article_at(600.0);
    let mut outliner = shrift::Outliner::new();
    let (mut a, mut b, mut c) = (Vec::new(), Vec::new(), Vec::new());
    let mut checked = 0;
    for layout in laid.blocks() {
        for run in layout.all_runs() {
            for g in layout.glyphs(run) {
                a.clear();
                b.clear();
                c.clear();
                let ink = outliner.outline(run.font(), g.id, run.size(), g.x, g.y, &mut a);
                let owned = run.font().glyph_outline(g.id, run.size(), g.x, g.y, 1.0, &mut b);
                assert_eq!(ink, owned);
                assert_eq!(a, b);
                let hidpi = run.font().glyph_outline(g.id, run.size(), g.x, g.y, 2.0, &mut c);
                if let (Some(i), Some(h)) = (owned, hidpi) {
                    assert!((h.x0 - 2.0 * i.x0).abs() < 1e-2 && (h.y1 - 2.0 * i.y1).abs() < 1e-2);
                    let direct = ink_box(run, g).expect("a bbox");
                    assert!((i.x0 - direct.0).abs() < 1e-3 && (i.x1 - direct.2).abs() < 1e-3);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100);
}
