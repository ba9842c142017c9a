//! Unicode's line-break and grapheme-break conformance files through shrift's own APIs:
//! `line_break_opportunities` (what line breaking uses) and `graphemes` (what font fallback,
//! over-long words and carets use).

use std::collections::BTreeSet;

/// Parses a `÷ 0061 × 0308 ÷` case: the text and the byte offsets marked ÷ (not counting 0).
fn parse(line: &str) -> Option<(String, BTreeSet<usize>)> {
    let case = line.split('#').next()?.trim();
    if case.is_empty() {
        return None;
    }
    let (mut text, mut breaks) = (String::new(), BTreeSet::new());
    for token in case.split_whitespace() {
        match token {
            "÷" => {
                if !text.is_empty() {
                    breaks.insert(text.len());
                }
            }
            "×" => {}
            hex => text.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?),
        }
    }
    Some((text, breaks))
}

#[test]
fn line_break_test_txt() {
    let data = include_str!("data/unicode/LineBreakTest.txt");
    let (mut passed, mut exceptions, mut failed) = (0usize, 0usize, Vec::new());
    for line in data.lines() {
        let Some((text, expected)) = parse(line) else {
            continue;
        };
        let got: BTreeSet<usize> = shrift::line_break_opportunities(&text)
            .iter()
            .map(|b| b.pos)
            .collect();
        if got == expected {
            passed += 1;
            continue;
        }
        // Known exception: rule LB21a as Unicode 15.1 changed it (a hyphen or BA after a Hebrew
        // letter no longer glues to a following Hebrew letter). This file is 15.0, which says
        // "no break" there; shrift follows 15.1 on purpose.
        let extra: Vec<usize> = got.difference(&expected).copied().collect();
        if expected.is_subset(&got) && extra.iter().all(|&p| lb21a_15_1_break(&text, p)) {
            exceptions += 1;
        } else {
            failed.push(format!("{line}\n  got breaks at {got:?}"));
        }
    }
    println!(
        "LineBreakTest: {passed} passed, {} failed ({exceptions} LB21a exceptions, Unicode 15.1 rule)",
        failed.len()
    );
    assert!(passed > 7000, "the file was read");
    assert!(exceptions > 0, "the LB21a cases are in the file");
    assert!(
        failed.is_empty(),
        "{} failures:\n{}",
        failed.len(),
        failed[..failed.len().min(10)].join("\n")
    );
}

/// Whether `p` is a break that only Unicode 15.1's LB21a allows: `HL CM* (HY | BA) CM* ÷ HL`.
fn lb21a_15_1_break(text: &str, p: usize) -> bool {
    use unicode_linebreak::{break_property, BreakClass as C};
    let class = |c: char| break_property(c as u32);
    let mut before = text[..p].chars().rev().filter(|&c| class(c) != C::CombiningMark);
    let glue = before.next().map(class);
    let letter = before.next().map(class);
    let next = text[p..].chars().next().map(class);
    matches!(glue, Some(C::Hyphen | C::After))
        && letter == Some(C::HebrewLetter)
        && next == Some(C::HebrewLetter)
}

#[test]
fn grapheme_break_test_txt() {
    let data = include_str!("data/unicode/GraphemeBreakTest.txt");
    // Known exception, a data version: U+2701 UPPER BLADE SCISSORS was Extended_Pictographic in
    // Unicode 15.0 (so GB11 joins it across a ZWJ) but is not in unicode-segmentation 1.13's
    // Unicode 17 data (its range starts at U+2702).
    const EXCEPTIONS: [&str; 1] = ["÷ 2701 × 200D × 2701 ÷"];
    let (mut passed, mut exceptions, mut failed) = (0usize, 0usize, Vec::new());
    for line in data.lines() {
        let Some((text, expected)) = parse(line) else {
            continue;
        };
        let got: BTreeSet<usize> = shrift::graphemes(&text).map(|(i, g)| i + g.len()).collect();
        if got == expected {
            passed += 1;
        } else if EXCEPTIONS.iter().any(|e| line.starts_with(e)) {
            exceptions += 1;
        } else {
            failed.push(format!("{line}\n  got {got:?}"));
        }
    }
    println!(
        "GraphemeBreakTest: {passed} passed, {} failed ({exceptions} exception: U+2701 left Extended_Pictographic after 15.0)",
        failed.len()
    );
    assert_eq!(exceptions, EXCEPTIONS.len(), "each exception still occurs");
    assert_eq!(passed + exceptions + failed.len(), 602, "every case was read");
    assert!(
        failed.is_empty(),
        "{} failures:\n{}",
        failed.len(),
        failed[..failed.len().min(10)].join("\n")
    );
}

#[test]
fn yiddish_compounds_break_at_the_maqaf_in_a_narrow_column() {
    // Unicode 15.1 LB21a, the case the issue names: אינטערנעץ־באַגרענעצונגען may break after
    // its maqaf; a hyphen-minus between Hebrew letters likewise; but not between a Latin letter
    // and a hyphen (LB21a is about Hebrew letters only).
    let compound = "אינטערנעץ־באַגרענעצונגען";
    let after_maqaf = compound.find('־').unwrap() + '־'.len_utf8();
    let got: Vec<usize> = shrift::line_break_opportunities(compound)
        .iter()
        .map(|b| b.pos)
        .collect();
    assert_eq!(got, vec![after_maqaf, compound.len()]);
    let hy = "ניו-יאָרק";
    assert_eq!(
        shrift::line_break_opportunities(hy)[0].pos,
        hy.find('-').unwrap() + 1
    );
}
