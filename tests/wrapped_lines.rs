//! Wrapped lines in visual order: every line of the corpus, wrapped at 150 and 300 px with an
//! automatic and a right-to-left base direction, must show its clusters in the order the JDK's
//! java.text.Bidi gives for that line alone (createLineBidi applies rule L1 per line; rule L2 is
//! applied here to the JDK's levels). Data: tests/data/jdk_line_levels.tsv, made by
//! tools/jdk_line_levels.py.

#![cfg(feature = "bundled-fonts")]

use shrift::{BaseDirection, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};

#[path = "common/visual.rs"]
mod visual;
use visual::visual_clusters;

/// Chars rule X9 removes: they have no place in the visual order (as in the oracle).
fn removed_by_x9(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Rule L2: from the highest level down to the lowest odd one, reverse every run at or above it.
fn l2(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&hi) = levels.iter().max() else {
        return order;
    };
    let lo = levels.iter().copied().min().unwrap_or(0) | 1;
    for level in (lo..=hi).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let j = (i..order.len())
                    .find(|&j| levels[order[j]] < level)
                    .unwrap_or(order.len());
                order[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
    }
    order
}

#[test]
fn wrapped_lines_follow_the_jdk_line_by_line() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    let data = include_str!("data/jdk_line_levels.tsv");
    let (mut lines_checked, mut wrapped) = (0, 0);
    for row in data.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = row.split('\t').collect();
        let corpus = if f[0] == "article.txt" {
            include_str!("data/article.txt")
        } else {
            include_str!("data/mixed.txt")
        };
        let width: f32 = f[1].parse().unwrap();
        let dir = if f[2] == "rtl" {
            BaseDirection::Rtl
        } else {
            BaseDirection::Auto
        };
        let text = corpus.split_inclusive('\n').nth(f[3].parse().unwrap()).unwrap();
        let ranges: Vec<(usize, usize)> = f[4]
            .split(',')
            .map(|r| {
                let (s, e) = r.split_once('-').unwrap();
                (s.parse().unwrap(), e.parse().unwrap())
            })
            .collect();
        let levels: Vec<Vec<u8>> = f[5]
            .split('|')
            .map(|l| l.split_whitespace().map(|x| x.parse().unwrap()).collect())
            .collect();

        let para = Paragraph::builder(text, style.clone())
            .direction(dir)
            .build(&book, &mut cx)
            .unwrap();
        let layout = para.layout(&mut cx, &LayoutOptions::new(width)).unwrap();
        let mut got: Vec<(usize, usize)> = layout
            .lines()
            .iter()
            .map(|l| (l.range().start, l.range().end))
            .collect();
        // The JDK's lines hold text; shrift's last, after the paragraph's final `\n`, is the
        // empty line where the caret after the break stands (tests/final_line.rs).
        if text.ends_with('\n') {
            assert_eq!(got.pop(), Some((text.len(), text.len())));
        }
        assert_eq!(
            got, ranges,
            "{} at {width} ({}): the lines moved; regenerate with tools/jdk_line_levels.py",
            f[0], f[2]
        );
        wrapped += usize::from(ranges.len() > 1);

        for (li, (&(s, e), lv)) in ranges.iter().zip(&levels).enumerate() {
            let chars: Vec<(usize, char)> = text[s..e].char_indices().map(|(i, c)| (s + i, c)).collect();
            assert_eq!(chars.len(), lv.len());
            // Each char belongs to the cluster of the glyph run holding it; trailing whitespace
            // and hard breaks may have no glyph.
            let runs = layout.runs(&layout.lines()[li]);
            let cluster_of = |pos: usize| {
                runs.iter().find(|r| r.range().contains(&pos)).and_then(|r| {
                    layout
                        .glyphs(r)
                        .iter()
                        .map(shrift::Glyph::text_offset)
                        .filter(|&c| c <= pos)
                        .max()
                })
            };
            let mut expected: Vec<usize> = Vec::new();
            for k in l2(lv) {
                let (pos, c) = chars[k];
                if removed_by_x9(c) {
                    continue;
                }
                match cluster_of(pos) {
                    Some(cl) if expected.last() != Some(&cl) => expected.push(cl),
                    Some(_) => {}
                    None => assert!(c.is_whitespace(), "{c:?} at {pos} has no glyph"),
                }
            }
            let mut got = visual_clusters(&layout, li);
            got.retain(|&c| !text[c..].chars().next().is_some_and(removed_by_x9));
            assert_eq!(
                got,
                expected,
                "{} p{} line {li} at {width} ({}): {:?}",
                f[0],
                f[3],
                f[2],
                &text[s..e]
            );
            lines_checked += 1;
        }
    }
    println!("wrapped lines vs JDK: {lines_checked} passed, 0 failed ({wrapped} paragraphs wrapped)");
    assert!(
        lines_checked > 500 && wrapped > 40,
        "{lines_checked} lines, {wrapped} wrapped paragraphs"
    );
}
