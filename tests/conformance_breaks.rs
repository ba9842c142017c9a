//! Unicode 17's line-, grapheme- and word-break conformance files through shrift's own APIs:
//! `line_break_opportunities` (what line breaking uses), `graphemes` (what font fallback,
//! over-long words and carets use) and `word_boundaries` (what word movement uses).

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

/// Runs every case of a conformance file through `breaks`, printing and returning the counts.
fn run(name: &str, data: &str, breaks: impl Fn(&str) -> BTreeSet<usize>) -> (usize, Vec<String>) {
    let (mut passed, mut failed) = (0usize, Vec::new());
    for line in data.lines() {
        let Some((text, expected)) = parse(line) else {
            continue;
        };
        let got = breaks(&text);
        if got == expected {
            passed += 1;
        } else {
            failed.push(format!("{line}\n  got {got:?}"));
        }
    }
    println!("{name}: {passed} passed, {} failed", failed.len());
    (passed, failed)
}

fn check(passed: usize, failed: &[String], cases: usize) {
    assert_eq!(passed + failed.len(), cases, "every case was read");
    assert!(
        failed.is_empty(),
        "{} failures:\n{}",
        failed.len(),
        failed[..failed.len().min(10)].join("\n")
    );
}

#[test]
fn line_break_test_17() {
    // Unicode 17's LineBreakTest, every case, no exceptions.
    let (passed, failed) = run(
        "LineBreakTest 17",
        include_str!("data/unicode/LineBreakTest_17.txt"),
        |text| {
            shrift::line_break_opportunities(text)
                .iter()
                .map(|b| b.pos)
                .collect()
        },
    );
    check(passed, &failed, 19338);
}

#[test]
fn grapheme_break_test_17() {
    let (passed, failed) = run(
        "GraphemeBreakTest 17",
        include_str!("data/unicode/GraphemeBreakTest_17.txt"),
        |text| shrift::graphemes(text).map(|(i, g)| i + g.len()).collect(),
    );
    check(passed, &failed, 766);
}

#[test]
fn word_break_test_17() {
    // The word boundaries of the editing geometry (Ctrl+arrows, double clicks).
    let (passed, failed) = run(
        "WordBreakTest 17",
        include_str!("data/unicode/WordBreakTest_17.txt"),
        |text| {
            shrift::word_boundaries(text)
                .into_iter()
                .filter(|&b| b > 0)
                .collect()
        },
    );
    check(passed, &failed, 1944);
}

#[test]
fn adjacent_quotations_may_break_between_them() {
    // UAX #14 since 15.1 (LB15a/LB15b replaced 15.0's `QU SP* × OP`): between „…“ and a
    // following „…“ the line may break before the second „ (Chromium breaks there too), never
    // after it.
    let text = "„פֿאָרװערטס“ „טאָג“";
    let second = text.rfind('„').unwrap();
    let got: Vec<usize> = shrift::line_break_opportunities(text)
        .iter()
        .map(|b| b.pos)
        .collect();
    assert_eq!(got, vec![second, text.len()]);
}

#[test]
fn yiddish_compounds_break_at_the_maqaf_in_a_narrow_column() {
    // LB21a (since Unicode 15.1), the case the issue names: אינטערנעץ־באַגרענעצונגען may break after
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
