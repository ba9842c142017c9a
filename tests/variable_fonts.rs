//! Variable fonts and synthesis (issue 26): a style's weight and slant and its axis settings reach
//! the shaper, the outlines and the run; shaping at each location equals HarfBuzz's
//! (`tests/data/hb_variations.txt`, from hb-shape by `tools/make_hb_variations.sh`); faces the
//! stack lacks are synthesised.

use shrift::{
    FontBook, LayoutContext, LayoutOptions, Paragraph, Run, ShapingBackend, SpanStyle, Synthesis, TextStyle,
    Variation,
};

const INTER: &str = "tests/fonts/InterVariable-Latin.ttf";
/// Inter's units per em: laid out at this size, a glyph's advance in px is its advance in units.
const UPEM: f32 = 2816.0;

fn book() -> FontBook {
    let mut book = FontBook::new();
    book.load_file(INTER, 0).unwrap();
    // Regular faces only: bold and italic must be synthesised.
    book.load_file("fonts/NotoSansHebrew-Regular.ttf", 0).unwrap();
    book.load_file("fonts/NotoSans-Regular.ttf", 0).unwrap();
    book
}

/// HarfBuzz's glyph: id, cluster, advance, and (x bearing, width) where extents were printed.
type HbGlyph = (u16, u32, f32, Option<(f32, f32)>);

/// A golden row: the variations, the text, and HarfBuzz's glyphs (id, cluster, advance, and the
/// ink extents x bearing and width where hb-shape printed them).
struct Row {
    variations: Vec<Variation>,
    text: String,
    glyphs: Vec<HbGlyph>,
}

fn golden() -> Vec<Row> {
    let data = std::fs::read_to_string("tests/data/hb_variations.txt").unwrap();
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split('\t');
            let variations = Variation::parse_list(parts.next().unwrap()).unwrap();
            let text = parts.next().unwrap().to_string();
            let hb = parts.next().unwrap().trim_matches(['[', ']']);
            let glyphs = hb
                .split('|')
                .map(|g| {
                    // 97=0+608<272,2048,64,-2048>
                    let (main, ext) = g.split_once('<').map_or((g, None), |(m, e)| (m, Some(e)));
                    let (id, rest) = main.split_once('=').unwrap();
                    let (cluster, adv) = rest.split_once('+').unwrap();
                    let ext = ext.map(|e| {
                        let v: Vec<f32> = e
                            .trim_end_matches('>')
                            .split(',')
                            .map(|n| n.parse().unwrap())
                            .collect();
                        (v[0], v[2])
                    });
                    (
                        id.parse().unwrap(),
                        cluster.parse().unwrap(),
                        adv.parse().unwrap(),
                        ext,
                    )
                })
                .collect();
            Row {
                variations,
                text,
                glyphs,
            }
        })
        .collect()
}

fn style_of(variations: &[Variation]) -> TextStyle {
    variations
        .iter()
        .fold(TextStyle::new("Inter").size(UPEM), |s, v| s.variation(*v))
}

/// (id, cluster, advance) of every glyph of `text` laid out unwrapped with `style`.
fn shaped(
    cx: &mut LayoutContext,
    book: &FontBook,
    text: &str,
    style: TextStyle,
) -> (Vec<(u16, u32, f32)>, Vec<Run>) {
    let para = Paragraph::new(text, style, book, cx).unwrap();
    let layout = para.layout(cx, &LayoutOptions::no_wrap()).unwrap();
    let runs: Vec<Run> = layout.all_runs().to_vec();
    let glyphs = runs
        .iter()
        .flat_map(|r| {
            layout
                .glyphs(r)
                .iter()
                .map(|g| (g.id, g.cluster, g.advance))
                .collect::<Vec<_>>()
        })
        .collect();
    (glyphs, runs)
}

fn same(got: &[(u16, u32, f32)], want: &[HbGlyph]) -> bool {
    got.len() == want.len()
        && got
            .iter()
            .zip(want)
            .all(|(g, w)| g.0 == w.0 && g.1 == w.1 && (g.2 - w.2).abs() < 0.01)
}

fn backends() -> Vec<ShapingBackend> {
    #[allow(unused_mut)]
    let mut all = vec![ShapingBackend::Rustybuzz];
    #[cfg(feature = "harfrust")]
    all.push(ShapingBackend::Harfrust);
    all
}

/// Every location of the golden file shapes as in HarfBuzz with HarfRust; rustybuzz at the
/// default location and along slnt (see the next test for wght).
#[test]
fn shaping_at_each_location_is_harfbuzzs() {
    let book = book();
    for backend in backends() {
        let mut cx = LayoutContext::with_backend(backend);
        for row in golden().iter().filter(|r| !r.text.starts_with("extents")) {
            let (got, runs) = shaped(&mut cx, &book, &row.text, style_of(&row.variations));
            let off_default_weight = row
                .variations
                .iter()
                .any(|v| v.tag() == *b"wght" && v.value() != 400.0);
            if backend == ShapingBackend::Rustybuzz && off_default_weight {
                continue;
            }
            assert!(
                same(&got, &row.glyphs),
                "{backend:?} {:?} {:?}:\n{got:?}\n{:?}",
                row.variations,
                row.text,
                row.glyphs
            );
            // The run says where it was shaped (default axis values left out).
            let mut want: Vec<Variation> = row
                .variations
                .iter()
                .copied()
                .filter(|v| !(v.tag() == *b"wght" && v.value() == 400.0))
                .collect();
            want.sort_by_key(|v| v.tag());
            assert_eq!(runs[0].variations(), &want[..], "{:?}", row.variations);
        }
    }
}

/// rustybuzz 0.20 loses kerning at a location off the default: Inter's "ra" at wght 650 keeps
/// the r's 1134-unit advance where HarfBuzz kerns it to 1098 (hb-shape, golden file). HarfRust
/// is right; this test notices when a rustybuzz update fixes it.
#[test]
fn rustybuzz_loses_kerning_off_the_default_location() {
    let book = book();
    let row = golden()
        .into_iter()
        .find(|r| r.text == "typography, weights" && r.variations == [Variation::new(*b"wght", 650.0)])
        .unwrap();
    let mut cx = LayoutContext::with_backend(ShapingBackend::Rustybuzz);
    let (got, _) = shaped(&mut cx, &book, &row.text, style_of(&row.variations));
    assert_eq!((row.glyphs[5].0, row.glyphs[5].2), (111, 1098.0));
    assert_eq!((got[5].0, got[5].2), (111, 1134.0));
    // The variation does reach rustybuzz: the other glyphs have the wght 650 advances.
    let rest = |v: &[(u16, u32, f32)]| {
        v.iter()
            .enumerate()
            .filter(|(i, _)| ![5, 8, 9, 10, 12].contains(i))
            .map(|(_, g)| g.2)
            .collect::<Vec<_>>()
    };
    let want: Vec<(u16, u32, f32)> = row.glyphs.iter().map(|g| (g.0, g.1, g.2)).collect();
    assert_eq!(rest(&got), rest(&want));
}

/// The outline at a location is the location's: ink bearings and widths of "l" and "o" equal
/// HarfBuzz's extents (to a unit) at every location.
#[test]
fn outlines_follow_the_location() {
    let book = book();
    let mut cx = LayoutContext::new();
    for row in golden().iter().filter(|r| r.text == "extents lo") {
        let para = Paragraph::new("lo", style_of(&row.variations), &book, &mut cx).unwrap();
        let layout = para.layout(&mut cx, &LayoutOptions::no_wrap()).unwrap();
        let run = &layout.all_runs()[0];
        for (g, want) in layout.glyphs(run).iter().zip(&row.glyphs) {
            let (bearing, width) = want.3.unwrap();
            let mut path = Vec::new();
            let ink = run
                .font()
                .glyph_outline(g.id, UPEM, 0.0, 0.0, 1.0, &mut path)
                .unwrap();
            assert!(
                (ink.x0 - bearing).abs() <= 1.0,
                "{:?} glyph {}: x0 {} vs {bearing}",
                row.variations,
                g.id,
                ink.x0
            );
            assert!(
                (ink.x1 - ink.x0 - width).abs() <= 1.0,
                "{:?} glyph {}: width {} vs {width}",
                row.variations,
                g.id,
                ink.x1 - ink.x0
            );
        }
    }
}

/// A style's weight, italic and stretch go to the axes the face has; the same location is the
/// same `Font` (one id for shape caches and glyph atlases) in every paragraph.
#[test]
fn style_maps_onto_the_axes() {
    let book = book();
    let mut cx = LayoutContext::new();
    let run_of = |cx: &mut LayoutContext, style: TextStyle| shaped(cx, &book, "Wave", style).1.remove(0);
    let w650 = run_of(&mut cx, TextStyle::new("Inter").weight(650));
    assert_eq!(w650.variations(), &[Variation::new(*b"wght", 650.0)]);
    assert_eq!(
        (w650.font().weight(), w650.synthesis()),
        (650, Synthesis::default())
    );
    let again = run_of(&mut cx, TextStyle::new("Inter").size(30.0).weight(650));
    assert_eq!(again.font().id(), w650.font().id());
    // The default location is the face itself.
    let regular = run_of(&mut cx, TextStyle::new("Inter"));
    assert!(regular.variations().is_empty() && regular.font().id() != w650.font().id());
    assert_eq!(regular.font(), book.find("Inter", 400, false).unwrap());
    // Italic on a face with slnt only: CSS's 14° oblique clamped to Inter's -10, no synthesis.
    let italic = run_of(&mut cx, TextStyle::new("Inter").weight(700).italic(true));
    assert_eq!(
        italic.variations(),
        &[Variation::new(*b"slnt", -10.0), Variation::new(*b"wght", 700.0)]
    );
    assert!(italic.font().is_italic() && !italic.synthesis().any());
    // Axis settings override the weight; out-of-range values are clamped, unknown axes dropped.
    let set = run_of(
        &mut cx,
        TextStyle::new("Inter")
            .weight(300)
            .variation(Variation::new(*b"wght", 2000.0))
            .variation(Variation::new(*b"wdth", 80.0)),
    );
    assert_eq!(set.variations(), &[Variation::new(*b"wght", 900.0)]);
    // Spans set axes too.
    let para = Paragraph::builder("Wave Wave", TextStyle::new("Inter"))
        .span(5..9, SpanStyle::new().variation(Variation::new(*b"wght", 800.0)))
        .build(&book, &mut cx)
        .unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::no_wrap()).unwrap();
    let last = layout.all_runs().iter().find(|r| r.range().contains(&6)).unwrap();
    assert_eq!(last.variations(), &[Variation::new(*b"wght", 800.0)]);
    // Bad values are errors, not panics.
    let nan = TextStyle::new("Inter").variation(Variation::new(*b"wght", f32::NAN));
    assert!(matches!(
        Paragraph::new("x", nan, &book, &mut cx),
        Err(shrift::Error::InvalidVariation(_))
    ));
    let wide = TextStyle::new("Inter").stretch(300.0);
    assert!(matches!(
        Paragraph::new("x", wide, &book, &mut cx),
        Err(shrift::Error::InvalidFontStretch(_))
    ));
}

/// Heavier instances are wider: the same word at wght 100, 400 and 900 measures as HarfBuzz
/// says (the sums of the golden advances), so line breaking sees the location.
#[test]
fn line_widths_follow_the_weight() {
    let book = book();
    let mut cx = LayoutContext::new();
    let mut widths = Vec::new();
    for row in golden().iter().filter(|r| {
        r.text == "Hamburgefonstiv" && r.variations.len() == 1 && r.variations[0].tag() == *b"wght"
    }) {
        let para = Paragraph::new(&row.text, style_of(&row.variations).size(28.16), &book, &mut cx).unwrap();
        let layout = para.layout(&mut cx, &LayoutOptions::no_wrap()).unwrap();
        let want: f32 = row.glyphs.iter().map(|g| g.2).sum::<f32>() / 100.0;
        assert!(
            (layout.lines()[0].width() - want).abs() < 0.01,
            "{:?}",
            row.variations
        );
        widths.push(want);
    }
    assert!(widths.windows(2).all(|w| w[0] < w[1]), "{widths:?}");
}

/// Synthesis where the stack has no such face: bold asked of a regular-only Hebrew face is a
/// synthetic bold, italic a synthetic oblique; the advances stay the regular face's (Chromium's
/// rule: Skia's fake bold does not widen advances).
#[test]
fn missing_faces_are_synthesised_without_changing_advances() {
    let book = book();
    let mut cx = LayoutContext::new();
    let text = "שלום וועלט";
    let base = TextStyle::new("Noto Sans Hebrew").size(20.0);
    let (regular, runs) = shaped(&mut cx, &book, text, base.clone());
    assert!(!runs[0].synthesis().any());
    let (bold, runs) = shaped(&mut cx, &book, text, base.clone().weight(700).italic(true));
    assert_eq!(
        runs[0].synthesis(),
        Synthesis {
            bold: true,
            oblique: true
        }
    );
    assert_eq!(regular, bold);
    // Weight 500 is not bold enough to fake (Blink: 600 and up); synthesis can be turned off.
    let (_, runs) = shaped(&mut cx, &book, text, base.clone().weight(500));
    assert!(!runs[0].synthesis().bold);
    let (_, runs) = shaped(&mut cx, &book, text, base.clone().weight(700).synthesis(false));
    assert!(!runs[0].synthesis().any());
    // A face with a real bold is not faked.
    let mut with_bold = book;
    with_bold.load_file("fonts/NotoSansHebrew-Bold.ttf", 0).unwrap();
    let (_, runs) = shaped(&mut cx, &with_bold, text, base.weight(700));
    assert!(!runs[0].synthesis().any() && runs[0].font().weight() == 700);
}

/// Automatic optical sizing (CSS `font-optical-sizing: auto`, on by default): `opsz` follows the
/// size in px. `tests/fonts/OpszTest.ttf` (`tools/make_opsz_font.py`) has opsz 8..14..72 and an
/// advance of 800 units at 14, +200 at 72, -100 at 8, linear between (no avar); hb-shape
/// --variations=opsz=N gives 700, 750, 800, 900, 1000 units at 8, 11, 14, 43, 72, as the font
/// says. Off, the default instance (800) at every size.
#[test]
fn optical_size_follows_the_font_size() {
    let mut book = FontBook::new();
    book.load_file("tests/fonts/OpszTest.ttf", 0).unwrap();
    let mut cx = LayoutContext::new();
    for (size, units) in [
        (11.0, 750.0),
        (14.0, 800.0),
        (43.0, 900.0),
        (72.0, 1000.0),
        (100.0, 1000.0),
        (4.0, 700.0),
    ] {
        let (auto, runs) = shaped(&mut cx, &book, "ab", TextStyle::new("Opsz Test").size(size));
        let want = units * size / 1000.0;
        assert!(
            auto.iter().all(|g| (g.2 - want).abs() < 1e-3),
            "size {size}: {auto:?}, want {want}"
        );
        let opsz = runs[0].variations().first().map(|v| (v.tag(), v.value()));
        if size == 14.0 {
            assert_eq!(opsz, None);
        } else {
            assert_eq!(opsz, Some((*b"opsz", size.clamp(8.0, 72.0))));
        }
        let (off, runs) = shaped(
            &mut cx,
            &book,
            "ab",
            TextStyle::new("Opsz Test").size(size).optical_sizing(false),
        );
        assert!(
            off.iter().all(|g| (g.2 - 0.8 * size).abs() < 1e-3),
            "size {size} without opsz: {off:?}"
        );
        assert!(runs[0].variations().is_empty());
    }
}
