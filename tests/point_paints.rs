//! Paint per character inside a grapheme cluster (issue 25): Yiddish points and dageshes spanned
//! with their own paint are drawn in it, their letters in theirs, and shaping is not changed.
//! Which glyph is which char is read from the face with ttf-parser (the cmap's nominal glyphs),
//! not from shrift. On one line and wrapped (where a line's glyphs start inside an item's).

#![cfg(feature = "bundled-fonts")]

use shrift::{FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, SpanStyle, TextStyle};

const TEXT: &str = "דער ייִדישער װיסנשאַפֿטלעכער אינסטיטוט, אַ בּוך פֿון שׁלום־עליכם";

fn is_point(c: char) -> bool {
    ('\u{0591}'..='\u{05C7}').contains(&c) && !matches!(c, '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05C6}')
}

fn layout(paint_points: bool) -> Layout {
    layout_at(paint_points, 600.0)
}

/// The text laid out at `width`: one line at 600 px; wrapped narrower, a line's glyphs start
/// inside an item's (a right-to-left item's first line is the end of its glyphs).
fn layout_at(paint_points: bool, width: f32) -> Layout {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let mut builder = Paragraph::builder(TEXT, TextStyle::new("Noto Serif Hebrew").paint(3));
    if paint_points {
        for (i, c) in TEXT.char_indices().filter(|&(_, c)| is_point(c)) {
            builder = builder.span(i..i + c.len_utf8(), SpanStyle::new().paint(9));
        }
    }
    let para = builder.build(&book, &mut cx).unwrap();
    para.layout(&mut cx, &LayoutOptions::new(width)).unwrap()
}

#[test]
fn points_take_their_paint_and_letters_keep_theirs() {
    let data = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fonts/NotoSerifHebrew-Regular.ttf"
    ))
    .unwrap();
    let face = ttf_parser::Face::parse(&data, 0).unwrap();
    let glyph = |c: char| face.glyph_index(c).map(|g| g.0);
    let point_glyphs: Vec<u16> = TEXT.chars().filter(|&c| is_point(c)).filter_map(glyph).collect();
    let letter_glyphs: Vec<u16> = TEXT
        .chars()
        .filter(|c| c.is_alphabetic() && !is_point(*c))
        .filter_map(glyph)
        .collect();
    for width in [600.0, 250.0, 120.0] {
        let painted = layout_at(true, width);
        assert_eq!(painted.lines().len() > 1, width < 600.0);
        check_paints(&painted, &point_glyphs, &letter_glyphs);
    }
}

/// Every point glyph of the Hebrew face is painted 9, every other glyph 3, and all of the text's
/// points are there.
fn check_paints(painted: &Layout, point_glyphs: &[u16], letter_glyphs: &[u16]) {
    let (mut points, mut letters) = (0, 0);
    // (Punctuation the Hebrew face lacks falls back to another face, whose glyph ids are not these.)
    for run in painted
        .all_runs()
        .iter()
        .filter(|r| r.font().family() == "Noto Serif Hebrew")
    {
        for (g, paint) in painted.glyphs(run).iter().zip(painted.glyph_paints(run)) {
            if paint == 9 {
                assert!(point_glyphs.contains(&g.id), "glyph {} painted as a point", g.id);
                points += 1;
            } else {
                assert_eq!(paint, 3);
                assert!(
                    !point_glyphs.contains(&g.id),
                    "point glyph {} in its letter's paint",
                    g.id
                );
                letters += u32::from(letter_glyphs.contains(&g.id));
            }
        }
    }
    // The text's 9 points and dageshes (hiriq, patah twice, rafe twice, dagesh, shin dot, and
    // those of ײַ and אַ): every one is a glyph of its own in Noto Serif Hebrew.
    assert_eq!(points, TEXT.chars().filter(|&c| is_point(c)).count());
    assert!(letters > 40);
}

#[test]
fn painting_points_changes_no_glyph() {
    let (plain, painted) = (layout(false), layout(true));
    let glyphs = |l: &Layout| {
        l.all_glyphs()
            .iter()
            .map(|g| (g.id, g.cluster, g.x, g.y))
            .collect::<Vec<_>>()
    };
    assert_eq!(glyphs(&plain), glyphs(&painted));
    assert!(plain
        .all_runs()
        .iter()
        .all(|r| plain.glyph_paints(r).all(|p| p == 3)));
}

#[cfg(feature = "serde")]
#[test]
fn the_dump_shows_each_glyphs_paint() {
    let json = serde_json::to_value(layout(true)).unwrap();
    let glyphs: Vec<&serde_json::Value> = json["lines"][0]["runs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["glyphs"].as_array().unwrap())
        .collect();
    let painted = glyphs.iter().filter(|g| g["paint"] == 9).count();
    assert_eq!(painted, TEXT.chars().filter(|&c| is_point(c)).count());
    assert!(glyphs.iter().all(|g| g.get("paint").is_none() || g["paint"] == 9));
}
