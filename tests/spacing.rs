//! Letter and word spacing (CSS `letter-spacing`, `word-spacing`; CSS Text 3 §8).
//!
//! Widths from HarfBuzz (uharfbuzz 0.57, hb_shape, upem 1000), the bundled faces at 10 px:
//! Noto Serif "office" with liga, clig, dlig, hlig off: o 577, f 369, f 369, i 320, c 492, e 535;
//! with ligatures on, "ffi" is one glyph (id 2132, 1002 units) in cluster 1. "ab cd": a 563,
//! b 614, space 260, c 492, d 614. Noto Sans "a" 561, space 260, no kerning between them.
//! The spacing goes after every cluster (CSS Text 3 §8.2: "after each typographic character
//! unit"), so a cluster's glyph `extra` is the spacing and the pen moves by advance + extra.

#![cfg(feature = "bundled-fonts")]

use shrift::{Error, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, SpanStyle, TextStyle};

fn lay(text: &str, style: TextStyle, spans: &[(std::ops::Range<usize>, SpanStyle)], width: f32) -> Layout {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let mut builder = Paragraph::builder(text, style);
    for (range, span) in spans {
        builder = builder.span(range.clone(), span.clone());
    }
    let p = builder.build(&book, &mut cx).unwrap();
    p.layout(&mut cx, &LayoutOptions::new(width)).unwrap()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.01
}

/// (glyph id, cluster, x, extra) of every glyph, left to right.
fn glyphs(layout: &Layout) -> Vec<(u16, usize, f32, f32)> {
    let pens = layout.all_runs().iter().flat_map(|r| layout.pens(r));
    pens.map(|(pen, g)| (g.id, g.text_offset(), pen, g.extra))
        .collect()
}

#[test]
fn letter_spacing_follows_every_cluster_and_turns_ligatures_off() {
    let serif = TextStyle::new("Noto Serif").size(10.0);
    // Without spacing: the ffi ligature.
    let plain = glyphs(&lay("office", serif.clone(), &[], 500.0));
    assert_eq!(plain.iter().map(|g| g.0).collect::<Vec<_>>(), [82, 2132, 70, 72]);
    // With 2 px: six glyphs; pens 0, 5.77 + 2, ..., each glyph's extra 2.
    let spaced = glyphs(&lay("office", serif.letter_spacing(2.0), &[], 500.0));
    let advances = [5.77, 3.69, 3.69, 3.2, 4.92, 5.35];
    assert_eq!(spaced.len(), 6);
    let mut pen = 0.0;
    for (k, g) in spaced.iter().enumerate() {
        assert_eq!(g.1, k);
        assert!(close(g.2, pen), "glyph {k} at {} not {pen}", g.2);
        assert!(close(g.3, 2.0));
        pen += advances[k] + 2.0;
    }
}

#[test]
fn negative_letter_spacing_pulls_clusters_together_but_never_moves_the_pen_back() {
    // CSS allows negative spacing within implementation limits (CSS Text 3 §8.2); shrift's limit
    // (`TextStyle::letter_spacing`'s docs): a cluster's spacing never takes back more than its
    // own advance. -1 px: every glyph's extra is -1. -5 px: each extra is -5 held to the
    // cluster's advance (HarfBuzz's, in the header): o 5.77 → -5, f 3.69 → -3.69, ...
    let serif = TextStyle::new("Noto Serif").size(10.0);
    let advances = [5.77, 3.69, 3.69, 3.2, 4.92, 5.35];
    for (spacing, extras) in [(-1.0, [-1.0; 6]), (-5.0, [-5.0, -3.69, -3.69, -3.2, -4.92, -5.0])] {
        let spaced = glyphs(&lay("office", serif.clone().letter_spacing(spacing), &[], 500.0));
        assert_eq!(spaced.len(), 6);
        let mut pen = 0.0;
        for (k, g) in spaced.iter().enumerate() {
            assert!(close(g.2, pen), "{spacing}: glyph {k} at {} not {pen}", g.2);
            assert!(
                close(g.3, extras[k]),
                "{spacing}: glyph {k} extra {} not {}",
                g.3,
                extras[k]
            );
            pen += advances[k] + extras[k];
        }
    }
}

#[test]
fn a_style_that_sets_ligatures_itself_keeps_them_under_letter_spacing() {
    let serif = TextStyle::new("Noto Serif")
        .size(10.0)
        .feature("liga=1".parse().unwrap())
        .letter_spacing(2.0);
    let g = glyphs(&lay("office", serif, &[], 500.0));
    assert!(g.iter().any(|g| g.0 == 2132), "{g:?}");
}

#[test]
fn letter_spacing_on_a_span_leaves_the_rest_alone() {
    // "office office": the span's word is spaced and unligated; the first keeps its ffi.
    let serif = TextStyle::new("Noto Serif").size(10.0);
    let layout = lay(
        "office office",
        serif,
        &[(7..13, SpanStyle::new().letter_spacing(1.5))],
        500.0,
    );
    let g = glyphs(&layout);
    let ids: Vec<u16> = g.iter().map(|g| g.0).collect();
    assert_eq!(&ids[..4], [82, 2132, 70, 72]);
    assert_eq!(&ids[ids.len() - 6..], [82, 73, 73, 76, 70, 72]);
    assert!(g.iter().filter(|g| g.1 < 7).all(|g| g.3 == 0.0));
    assert!(g.iter().filter(|g| g.1 >= 7).all(|g| close(g.3, 1.5)));
}

#[test]
fn word_spacing_widens_the_spaces() {
    // "ab cd", 5 px word spacing: c starts at 5.63 + 6.14 + 2.6 + 5 = 19.37.
    let serif = TextStyle::new("Noto Serif").size(10.0).word_spacing(5.0);
    let g = glyphs(&lay("ab cd", serif, &[], 500.0));
    let c = g.iter().find(|g| g.1 == 3).unwrap();
    assert!(close(c.2, 19.37), "{}", c.2);
    let space = g.iter().find(|g| g.1 == 2).unwrap();
    assert!(close(space.3, 5.0));
    assert!(g.iter().filter(|g| g.1 != 2).all(|g| g.3 == 0.0));
}

#[test]
fn line_breaking_sees_the_spacing() {
    // Noto Sans 10 px, "aaaa aaaa": 47.48 px unspaced, one line at 70 px. With 3 px letter
    // spacing each word is 4 × (5.61 + 3) = 34.44 px and the space 2.6 + 3: 74.48 > 70, two lines.
    let sans = TextStyle::new("Noto Sans").size(10.0);
    assert_eq!(lay("aaaa aaaa", sans.clone(), &[], 70.0).lines().len(), 1);
    let spaced = lay("aaaa aaaa", sans.clone().letter_spacing(3.0), &[], 70.0);
    assert_eq!(spaced.lines().len(), 2);
    assert!(
        close(spaced.lines()[0].width(), 34.44),
        "{}",
        spaced.lines()[0].width()
    );
    // And the intrinsic widths.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let p = Paragraph::new("aaaa aaaa", sans.letter_spacing(3.0), &book, &mut cx).unwrap();
    assert!(close(p.max_content_width(), 74.48), "{}", p.max_content_width());
    assert!(close(p.min_content_width(), 34.44));
}

#[test]
fn right_to_left_text_spaces_every_letter_too() {
    // Each of the four letters of "שלום" gets the spacing: the line is the unspaced width plus
    // 4 × 2 px.
    let hebrew = TextStyle::new("Noto Sans Hebrew").size(10.0);
    let plain = lay("שלום", hebrew.clone(), &[], 500.0).lines()[0].width();
    let spaced = lay("שלום", hebrew.letter_spacing(2.0), &[], 500.0);
    assert!(close(spaced.lines()[0].width(), plain + 8.0));
    assert!(spaced.all_glyphs().iter().all(|g| close(g.extra, 2.0)));
}

#[test]
fn a_cluster_of_several_glyphs_takes_the_spacing_once_after_its_last() {
    // "ייִדיש" in Noto Serif Hebrew: the hiriq is a glyph of its own in its yod's cluster (as
    // tests/point_paints.rs reads from the face's cmap), so 6 chars make 5 clusters of 6 glyphs.
    // The spacing goes after each cluster (CSS Text 3 §8.2: "after each typographic character
    // unit"), to the right of its last glyph placed: one glyph of each cluster carries it, the
    // others nothing, and the line is 5 × 2 px wider.
    let hebrew = TextStyle::new("Noto Serif Hebrew").size(10.0);
    let text = "ייִדיש";
    let plain = lay(text, hebrew.clone(), &[], 500.0);
    let spaced = lay(text, hebrew.letter_spacing(2.0), &[], 500.0);
    let glyphs = spaced.all_glyphs();
    assert_eq!(glyphs.len(), 6);
    assert!(close(spaced.lines()[0].width(), plain.lines()[0].width() + 10.0));
    for cluster in [0, 2, 6, 8, 10] {
        let extras: Vec<f32> = glyphs
            .iter()
            .filter(|g| g.text_offset() == cluster)
            .map(|g| g.extra)
            .collect();
        let (last, others) = extras.split_last().unwrap();
        assert!(
            close(*last, 2.0) && others.iter().all(|&e| e == 0.0),
            "{cluster}: {extras:?}"
        );
        assert_eq!(extras.len(), if cluster == 2 { 2 } else { 1 });
    }
}

#[test]
fn bad_spacing_is_an_error() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    for bad in [f32::NAN, f32::INFINITY, 1e6] {
        let style = TextStyle::new("Noto Sans").letter_spacing(bad);
        assert!(matches!(
            Paragraph::new("a", style, &book, &mut cx),
            Err(Error::InvalidLetterSpacing(_))
        ));
        let span = Paragraph::builder("ab", TextStyle::new("Noto Sans"))
            .span(0..1, SpanStyle::new().word_spacing(bad))
            .build(&book, &mut cx);
        assert!(matches!(span, Err(Error::InvalidLetterSpacing(_))));
    }
}

#[path = "common/proptest_config.rs"]
mod proptest_config;

use proptest::prelude::*;

proptest! {
    #![proptest_config(proptest_config::config(200, 0x5bac, None))]

    /// Any text with tabs, spacing (negative too), decorations on spans, at any width, justified
    /// or not, first fit or optimal: no panic; lines tile the text; pens follow advance + extra;
    /// a reused layout equals a fresh one; every decoration lies on its line.
    #[test]
    fn spacing_tabs_and_decorations_lay_out_any_text(
        text in proptest_config::mixed_text(&["\t", "co\u{AD}op", "ﬁ office"], &[" ", "\t", "", "\u{A0}", "\n"], 1..30),
        letter in -3.0f32..6.0,
        word in -2.0f32..8.0,
        width in 0.0f32..400.0,
        justify in any::<bool>(),
        optimal in any::<bool>(),
        cut in 0usize..200,
    ) {
        let book = FontBook::with_bundled_fonts();
        let mut cx = LayoutContext::new();
        let mut span_end = cut.min(text.len());
        while !text.is_char_boundary(span_end) {
            span_end -= 1;
        }
        let para = Paragraph::builder(&text, TextStyle::new("Noto Sans Hebrew, Noto Sans").word_spacing(word))
            .span(0..span_end, SpanStyle::new().letter_spacing(letter).underline(true))
            .span(span_end..text.len(), SpanStyle::new().strikethrough(true))
            .tab_stops(shrift::TabStops::every(37.0).stop(11.0))
            .build(&book, &mut cx)
            .unwrap();
        let mut options = LayoutOptions::new(width);
        if justify {
            options = options.align(shrift::Alignment::Justify);
        }
        if optimal {
            options = options.breaking(shrift::LineBreaking::Optimal);
        }
        let layout = para.layout(&mut cx, &options).unwrap();
        let mut at = 0;
        for (k, line) in layout.lines().iter().enumerate() {
            prop_assert_eq!(line.range().start, at);
            at = line.range().end;
            let mut pen: Option<f32> = None;
            for run in layout.runs(line) {
                // Runs follow each other: each starts where the last one's pen stopped.
                if let Some(p) = pen {
                    prop_assert!((run.x() - p).abs() < 0.01, "pen jumps from {} to {}", p, run.x());
                }
                for (x, g) in layout.pens(run) {
                    // Spacing, tabs and justification move pens, never offsets from them: Noto
                    // Sans positions no basic Latin letter off its pen (its GPOS pair and single
                    // adjustments are ValueFormat 4, XAdvance only, read with fontTools; its
                    // mark lookups move marks, which basic Latin has none of).
                    if run.direction() == shrift::Direction::Ltr && text.as_bytes()[g.text_offset()].is_ascii() {
                        prop_assert!((g.x - x).abs() < 0.01, "{:?} drawn {} off its pen", g, g.x - x);
                    }
                    pen = Some(x + g.advance + g.extra);
                }
            }
            for d in layout.decorations().iter().filter(|d| d.line() == k) {
                prop_assert!(d.y() >= line.top() - 1.0 && d.y() <= line.top() + line.height() + 1.0);
                prop_assert!(d.width() > 0.0 && d.thickness() > 0.0);
            }
        }
        prop_assert_eq!(at, text.len());
        let mut reused = shrift::Layout::default();
        para.layout_into(&mut cx, &LayoutOptions::new(width * 0.5 + 3.0), &mut reused).unwrap();
        para.layout_into(&mut cx, &options, &mut reused).unwrap();
        prop_assert_eq!(&reused, &layout);
    }
}
