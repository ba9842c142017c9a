//! Properties of every layout, on random mixes of Hebrew letters and points, Latin, digits,
//! spaces, punctuation, bidi controls and line breaks, at random widths (proptest).

#![cfg(feature = "bundled-fonts")]

use std::sync::OnceLock;

use proptest::prelude::*;

#[path = "common/proptest_config.rs"]
mod proptest_config;
use shrift::{BaseDirection, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, TextStyle};

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(FontBook::with_bundled_fonts)
}

const PIECES: &[&str] = &[
    "א", "ב", "ש", "ײ", "װ", "פֿ", "אַ", "ייִ", "\u{05B7}", "\u{05BC}", "a", "b", "W", "fi", "ff", "0", "1",
    "9", " ", " ", " ", "  ", ".", ",", "'", "\"", "(", ")", "„", "“", "-", "־", "%", "\u{202B}", "\u{202A}",
    "\u{202D}", "\u{202E}", "12:30", "3,500", "]", "\u{202C}", "\u{2066}", "\u{2067}", "\u{2069}",
    "\u{200F}", "\u{200D}", "\t", "\n",
];

/// Failing cases found so far are kept in tests/properties.proptest-regressions and rerun first.
fn config(cases: u32, seed: u64) -> ProptestConfig {
    proptest_config::config(cases, seed, Some("tests/properties.proptest-regressions"))
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

fn direction() -> impl Strategy<Value = BaseDirection> {
    prop::sample::select(vec![BaseDirection::Auto, BaseDirection::Ltr, BaseDirection::Rtl])
}

fn is_hard_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Bidi controls and joiners: no advance, no ink.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

fn check(text: &str, layout: &Layout, width: f32) -> Result<(), TestCaseError> {
    let mut pos = 0;
    for line in layout.lines() {
        let r = line.range();
        prop_assert_eq!(r.start, pos, "lines tile the text");
        pos = r.end;
        // The runs, put back in logical order, tile the line but for the hard breaks.
        let mut runs: Vec<_> = layout.runs(line).iter().map(|run| run.range()).collect();
        runs.sort_by_key(|x| x.start);
        let mut p = r.start;
        for x in &runs {
            while p < x.start {
                let c = text[p..].chars().next().unwrap();
                prop_assert!(is_hard_break(c), "byte {} is in no run", p);
                p += c.len_utf8();
            }
            prop_assert_eq!(x.start, p, "runs overlap");
            p = x.end;
        }
        prop_assert!(
            text[p..r.end].chars().all(is_hard_break),
            "the line's end is in no run"
        );
        // Every glyph's cluster is a char boundary inside its run; runs follow each other, each
        // starting where the last one's pen stopped (check_runs_reshape_identically checks each
        // glyph's place against its pen).
        let mut pen: Option<f32> = None;
        for run in layout.runs(line) {
            if let Some(p) = pen {
                prop_assert!((run.x() - p).abs() < 0.01, "pen jumps from {} to {}", p, run.x());
            }
            for (x, g) in layout.pens(run) {
                prop_assert!(
                    run.range().contains(&g.text_offset()) && text.is_char_boundary(g.text_offset())
                );
                pen = Some(x + g.advance);
            }
        }
        // Too wide only if the line holds a single grapheme cluster (plus what hangs: UAX #9
        // rule L1's trailing whitespace, separators, isolate controls and X9-removed chars).
        if line.width() > width + 0.01 {
            let body = text[r.clone()].trim_end_matches(|c: char| {
                c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}')
                    || is_hard_break(c)
                    || is_invisible(c)
            });
            let visible = shrift::graphemes(body)
                .filter(|(_, g)| !g.chars().all(is_invisible))
                .count();
            prop_assert!(
                visible <= 1,
                "line {:?} is {} px wide at {}",
                &text[r],
                line.width(),
                width
            );
        }
    }
    prop_assert_eq!(pos, text.len(), "every byte is in a line");
    Ok(())
}

proptest! {
    #![proptest_config(config(400, 20261127))]

    #[test]
    fn layouts_tile_the_text_fit_the_width_and_follow_advances(
        text in text(), dir in direction(), width in 0.0f32..400.0, other in 0.0f32..400.0,
        sans in any::<bool>(), size in prop::sample::select(vec![8.0f32, 16.0, 32.0]), span in (0usize..200, 0usize..40),
    ) {
        let mut cx = LayoutContext::new();
        let stack = if sans { "Noto Sans Hebrew, Noto Sans" } else { "Noto Serif, Noto Serif Hebrew" };
        let style = TextStyle::new(stack).size(size);
        // A bold, larger span somewhere (snapped to char boundaries).
        let mut a = span.0.min(text.len());
        while !text.is_char_boundary(a) { a -= 1; }
        let mut b = (a + span.1).min(text.len());
        while !text.is_char_boundary(b) { b -= 1; }
        let bold = style.clone().weight(700).size(size * 1.5);
        let para = Paragraph::builder(&text, style).span(a..b, bold).direction(dir).build(book(), &mut cx).unwrap();
        let layout = para.layout(&mut cx, &LayoutOptions::new(width)).unwrap();
        check(&text, &layout, width)?;
        // A re-layout at another width and back equals a fresh layout.
        let mut reused = Layout::default();
        para.layout_into(&mut cx, &LayoutOptions::new(other), &mut reused).unwrap();
        check(&text, &reused, other)?;
        para.layout_into(&mut cx, &LayoutOptions::new(width), &mut reused).unwrap();
        prop_assert_eq!(&reused, &layout);
    }
}

/// Every run's glyphs equal a fresh shaping of the run alone (the paragraph as context): the
/// glyphs reused from an item's shaping are exactly what shaping the piece would give, and each
/// is drawn off its pen and its line's baseline by the shaper's offsets.
fn check_runs_reshape_identically(text: &str, layout: &Layout) -> Result<(), TestCaseError> {
    let runs = layout
        .lines()
        .iter()
        .flat_map(|l| layout.runs(l).iter().map(move |r| (l, r)));
    for (line, run) in runs {
        let options = shrift::RunOptions {
            direction: run.direction(),
            script: run.script(),
            language: run.language(),
            features: &[],
            size: run.size(),
        };
        let fresh = shrift::shape_run(run.font(), text, run.range(), &options).unwrap();
        // A tab's advance is the layout's (its stop; DESIGN.md's dump contract), not the
        // shaper's: compared by glyph and cluster only.
        let advance = |cluster: usize, advance: f32| {
            if text.as_bytes()[cluster] == b'\t' {
                0.0
            } else {
                advance
            }
        };
        let got: Vec<_> = layout
            .glyphs(run)
            .iter()
            .map(|g| (g.id, g.text_offset(), advance(g.text_offset(), g.advance)))
            .collect();
        let want: Vec<_> = fresh
            .iter()
            .map(|g| (g.id, g.text_offset(), advance(g.text_offset(), g.advance)))
            .collect();
        prop_assert_eq!(got, want, "run {:?} {:?}", run.range(), &text[run.range()]);
        for ((pen, g), f) in layout.pens(run).zip(&fresh) {
            let (dx, dy) = (g.x - pen, line.baseline() - g.y);
            prop_assert!(
                (dx - f.dx).abs() < 1e-3 && (dy - f.dy).abs() < 1e-3,
                "{:?} drawn at offsets ({}, {}), shaped with ({}, {})",
                g,
                dx,
                dy,
                f.dx,
                f.dy
            );
        }
    }
    Ok(())
}

#[test]
fn runs_of_the_stress_text_reshape_identically() {
    // tests/data/stress.txt: bidi controls, digits in Hebrew runs, ZWJ, marks, at many widths.
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    for text in include_str!("data/stress.txt").split_inclusive('\n') {
        for dir in [BaseDirection::Auto, BaseDirection::Ltr, BaseDirection::Rtl] {
            let para = Paragraph::builder(text, style.clone())
                .direction(dir)
                .build(book(), &mut cx)
                .unwrap();
            for width in [0.0, 30.0, 60.0, 150.0, 300.0] {
                let layout = para.layout(&mut cx, &LayoutOptions::new(width)).unwrap();
                check_runs_reshape_identically(text, &layout).unwrap();
            }
        }
    }
}

proptest! {
    #![proptest_config(config(300, 20261128))]

    #[test]
    fn reused_glyphs_equal_a_fresh_shaping_of_each_run(text in text(), dir in direction(), width in 0.0f32..300.0) {
        let mut cx = LayoutContext::new();
        let para = Paragraph::builder(&text, TextStyle::new("Noto Serif, Noto Serif Hebrew")).direction(dir).build(book(), &mut cx).unwrap();
        let layout = para.layout(&mut cx, &LayoutOptions::new(width)).unwrap();
        check_runs_reshape_identically(&text, &layout)?;
    }
}
