//! Integration tests on the corpus, with expectations from independent sources: the Unicode
//! Bidirectional Algorithm worked by hand, font coverage read off the fonts with hb-shape, Pango
//! (see line_breaks_vs_pango.rs) and the pixels of the rendered glyphs.

#![cfg(feature = "bundled-fonts")]

use std::ops::Range;

use shrift::{BaseDirection, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph};

#[path = "common/visual.rs"]
mod visual;
use visual::visual_clusters;

#[path = "common/article.rs"]
mod article;
#[path = "common/raster.rs"]
mod raster;

const MIXED: &str = include_str!("data/mixed.txt");

fn line_of(text: &str, n: usize) -> &str {
    text.lines().nth(n).expect("corpus line")
}

fn range_of(text: &str, part: &str) -> Range<usize> {
    let start = text.find(part).expect("part of text");
    start..start + part.len()
}

/// Cluster starts of `range` (the char offsets here: the test texts have no multi-char clusters
/// but for marks, which are skipped), ascending or descending.
fn clusters(text: &str, range: Range<usize>, rtl: bool) -> Vec<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut v: Vec<usize> = text[range.clone()]
        .grapheme_indices(true)
        .map(|(i, _)| range.start + i)
        .collect();
    if rtl {
        v.reverse();
    }
    v
}

#[test]
fn headline_faces_per_char() {
    // Read off the fonts (hb-shape --font-file NotoSansHebrew-Bold.ttf gives glyph 0 for ' and .):
    // Noto Sans Hebrew Bold has every letter and the space but not the apostrophe or the full
    // stop, which must come from the next face of the stack, Noto Sans Bold.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = line_of(article::ARTICLE, 0);
    let para = Paragraph::new(text, article::headline_style(), &book, &mut cx).unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    let mut seen = 0;
    for run in layout.all_runs() {
        for g in layout.glyphs(run) {
            assert_ne!(g.id, 0, ".notdef in the headline at byte {}", g.text_offset());
        }
        for (off, c) in text[run.range()].char_indices() {
            let want = if c == '\'' || c == '.' {
                "NotoSans-Bold.ttf"
            } else {
                "NotoSansHebrew-Bold.ttf"
            };
            assert_eq!(
                run.font().name(),
                want,
                "char {c:?} at byte {}",
                run.range().start + off
            );
            seen += 1;
        }
    }
    assert_eq!(
        seen,
        text.chars().count(),
        "every char of the headline is in a run"
    );
}

#[test]
fn headline_reads_right_to_left() {
    // UAX #9 by hand: the headline has only Hebrew letters and neutrals between them, so every
    // char resolves to level 1 and rule L2 reverses each line as a whole; the full stop, last in
    // logical order, is drawn leftmost and the first letter rightmost.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = line_of(article::ARTICLE, 0);
    let para = Paragraph::new(text, article::headline_style(), &book, &mut cx).unwrap();
    assert_eq!(para.direction(), shrift::Direction::Rtl);
    for width in [2000.0, 600.0, 300.0] {
        let layout = para.layout(&mut cx, &LayoutOptions::new(width)).unwrap();
        for (i, line) in layout.lines().iter().enumerate() {
            assert_eq!(
                visual_clusters(&layout, i),
                clusters(text, line.range(), true),
                "line {i} at {width}"
            );
            // Start-aligned in a right-to-left paragraph: flush right.
            assert!(
                (line.x() + line.width() - width).abs() < 0.01,
                "line {i} at {width} not flush right"
            );
        }
        let first = layout.lines().first().unwrap();
        let glyphs = layout.glyphs(layout.runs(first).last().unwrap());
        assert_eq!(glyphs.last().unwrap().cluster, 0, "first letter rightmost");
    }
}

#[test]
fn latin_with_embedded_yiddish_in_visual_order() {
    // UAX #9 by hand for "Hashd al-Sha'bi (חשד אַל־שאַבי) is ...", an LTR paragraph: the Hebrew
    // words and the maqaf between them are level 1 and reversed; the brackets resolve by N0 to the
    // embedding direction (the L before the opener) and stay at level 0 in place.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = line_of(MIXED, 6);
    let para = Paragraph::new(text, article::body_style(), &book, &mut cx).unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(2000.0)).unwrap();
    assert_eq!(layout.lines().len(), 1);
    let hebrew = range_of(text, "חשד אַל־שאַבי");
    let mut expected = clusters(text, 0..hebrew.start, false);
    expected.extend(clusters(text, hebrew.clone(), true));
    expected.extend(clusters(text, hebrew.end..text.len(), false));
    assert_eq!(visual_clusters(&layout, 0), expected);
}

#[test]
fn wrapped_rtl_line_puts_its_trailing_space_at_the_paragraph_level() {
    // An RTL paragraph whose first line ends "... Zionist ": by UAX #9 the space between the
    // Hebrew word and "Zionist" is level 1, "Zionist" level 2, and rule L1 sends the line's
    // trailing space back to level 1, so after L2 the line reads, left to right: trailing space,
    // "Zionist", space, the Hebrew word. Reordering the paragraph before breaking would put the
    // trailing space between "Zionist" and "agents" instead.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = "אַ Zionist agents ב";
    let para = Paragraph::new(text, article::body_style(), &book, &mut cx).unwrap();
    let whole = para.layout(&mut cx, &LayoutOptions::new(2000.0)).unwrap();
    // Width of "אַ Zionist" plus a little: "agents" no longer fits.
    let zionist_end = range_of(text, "Zionist").end;
    let w: f32 = whole
        .all_glyphs()
        .iter()
        .filter(|g| g.text_offset() < zionist_end)
        .map(|g| g.advance)
        .sum();
    let layout = para.layout(&mut cx, &LayoutOptions::new(w + 2.0)).unwrap();
    assert_eq!(layout.lines()[0].range(), 0..zionist_end + 1);
    let mut expected = vec![zionist_end];
    expected.extend(clusters(text, range_of(text, "Zionist"), false));
    expected.push(range_of(text, " Zionist").start);
    expected.push(0);
    assert_eq!(visual_clusters(&layout, 0), expected);
}

/// Draws each grapheme cluster of a one-line layout on its own, in logical order, placed by the
/// origin of its base glyph (the one with the largest advance), so that kerning, which moves
/// whole clusters, does not count.
fn cluster_pictures(text: &str, layout: &Layout) -> Vec<Vec<u8>> {
    use unicode_segmentation::UnicodeSegmentation;
    let starts: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    let cluster_of = |byte: usize| starts.partition_point(|&s| s <= byte) - 1;
    let mut pictures = vec![tiny_skia::Pixmap::new(160, 160).unwrap(); starts.len()];
    let baseline = layout.lines()[0].baseline();
    for run in layout.all_runs() {
        let glyphs = layout.glyphs(run);
        for g in glyphs {
            let k = cluster_of(g.text_offset());
            let base = glyphs
                .iter()
                .filter(|h| cluster_of(h.text_offset()) == k)
                .fold(g, |best, h| if h.advance > best.advance { h } else { best });
            let (x, y) = (48.0 + g.x - base.x, 100.0 + g.y - baseline);
            raster::draw_glyph(&mut pictures[k], run.font(), run.size(), g.id, x, y);
        }
    }
    pictures.iter().map(raster::alpha).collect()
}

#[test]
fn precomposed_and_decomposed_yivo_lines_draw_the_same_letters() {
    // mixed.txt lines 1 and 2 are the same words, the second in presentation forms (U+FB2E etc.),
    // the first decomposed (NFD-equal, checked with Python's unicodedata). Kerning differs between
    // them (HarfBuzz gives the same), so the lines are compared cluster by cluster: each cluster
    // drawn alone must look the same. A copy of the first line with one vowel point removed must
    // not.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let decomposed = line_of(MIXED, 0);
    let precomposed = line_of(MIXED, 1);
    assert!(precomposed
        .chars()
        .any(|c| ('\u{FB1D}'..='\u{FB4F}').contains(&c)));
    let draw = |text: &str, cx: &mut LayoutContext| {
        // Large enough for a patah to be more than a few pixels.
        let para = Paragraph::new(text, article::body_style().size(64.0), &book, cx).unwrap();
        let layout = para.layout(cx, &LayoutOptions::new(5000.0)).unwrap();
        assert_eq!(layout.lines().len(), 1);
        cluster_pictures(text, &layout)
    };
    // Pixels whose coverage differs by more than a third, as a share of the cluster's ink.
    let share = |x: &[u8], y: &[u8]| {
        let d = x.iter().zip(y).filter(|(p, q)| p.abs_diff(**q) > 96).count();
        d as f32 / x.iter().filter(|&&p| p > 0).count().max(1) as f32
    };
    let a = draw(decomposed, &mut cx);
    let b = draw(precomposed, &mut cx);
    assert_eq!(a.len(), b.len(), "same number of clusters");
    for (k, (x, y)) in a.iter().zip(&b).enumerate() {
        let d = share(x, y);
        assert!(d <= 0.01, "cluster {k}: {:.1} % of its ink differs", d * 100.0);
    }
    // The control: drop the first patah (U+05B7); its cluster must look different.
    let missing = decomposed.replacen('\u{05B7}', "", 1);
    let c = draw(&missing, &mut cx);
    let worst = a.iter().zip(&c).map(|(x, y)| share(x, y)).fold(0.0, f32::max);
    assert!(
        worst > 0.03,
        "a missing vowel point must show ({:.1} %)",
        worst * 100.0
    );
}

#[test]
fn relayout_at_another_width_does_not_reshape_and_matches_a_fresh_layout() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let doc = article::article_document(&book, &mut cx).unwrap();
    let fresh600 = doc.layout(&mut cx, 600.0).unwrap();
    let calls = cx.shaper_calls();
    let _ = doc.layout(&mut cx, 420.0).unwrap();
    let again600 = doc.layout(&mut cx, 600.0).unwrap();
    assert_eq!(again600, fresh600);
    // The article breaks only at spaces, where Noto's glyphs are safe to break: no reshaping.
    assert_eq!(cx.shaper_calls(), calls, "re-layout reshaped");
    // A different context gives the same result: nothing leaks between layouts.
    let mut cx2 = LayoutContext::new();
    let doc2 = article::article_document(&book, &mut cx2).unwrap();
    assert_eq!(doc2.layout(&mut cx2, 600.0).unwrap(), fresh600);
}

#[test]
fn every_byte_is_in_exactly_one_line() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    for text in MIXED
        .split_inclusive('\n')
        .chain(article::ARTICLE.split_inclusive('\n'))
    {
        for dir in [BaseDirection::Auto, BaseDirection::Ltr, BaseDirection::Rtl] {
            let para = Paragraph::builder(text, article::body_style())
                .direction(dir)
                .build(&book, &mut cx)
                .unwrap();
            for width in [0.0, 37.0, 150.0, 420.0] {
                let layout = para.layout(&mut cx, &LayoutOptions::new(width)).unwrap();
                let mut pos = 0;
                for (k, line) in layout.lines().iter().enumerate() {
                    assert_eq!(line.range().start, pos, "lines are contiguous");
                    // The one empty line: the last, after a final break (Pango has it too).
                    let after_break = k + 1 == layout.lines().len() && text.ends_with('\n');
                    assert!(
                        line.range().end > pos || after_break,
                        "no empty line in a non-empty text"
                    );
                    for run in layout.runs(line) {
                        assert!(
                            run.range().start >= line.range().start && run.range().end <= line.range().end
                        );
                    }
                    pos = line.range().end;
                }
                assert_eq!(pos, text.len(), "the lines cover the text");
            }
        }
    }
}

#[test]
fn body_line_counts_at_600_and_420() {
    // Pango's counts for the six body paragraphs (tests/data/pango_lines.tsv, pango-view 1.50 with
    // the same faces): 5 6 7 5 5 5 lines at 600 px and 7 8 10 8 7 7 at 420 px.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let doc = article::article_document(&book, &mut cx).unwrap();
    for (width, expected) in [(600.0, [5, 6, 7, 5, 5, 5]), (420.0, [7, 8, 10, 8, 7, 7])] {
        let laid = doc.layout(&mut cx, width).unwrap();
        let counts: Vec<usize> = laid.blocks()[1..7].iter().map(|b| b.lines().len()).collect();
        assert_eq!(counts, expected, "at {width} px");
    }
}
