//! Unicode's bidi conformance suites through shrift's own bidi analysis and per-line reordering
//! (`BidiLevels`, the code the layout uses): every case of BidiTest.txt (each paragraph direction of
//! its bitset: auto, LTR and RTL) and BidiCharacterTest.txt, levels and visual order.

use shrift::{BaseDirection, BidiLevels};

/// A char of each bidi class, for BidiTest.txt's class sequences.
fn char_of(class: &str) -> char {
    match class {
        "L" => 'a',
        "R" => '\u{05D0}',
        "AL" => '\u{0627}',
        "EN" => '0',
        "ES" => '+',
        "ET" => '$',
        "AN" => '\u{0660}',
        "CS" => ',',
        "NSM" => '\u{0300}',
        "BN" => '\u{00AD}',
        "B" => '\u{2029}',
        "S" => '\t',
        "WS" => ' ',
        "ON" => '!',
        "LRE" => '\u{202A}',
        "LRO" => '\u{202D}',
        "RLE" => '\u{202B}',
        "RLO" => '\u{202E}',
        "PDF" => '\u{202C}',
        "LRI" => '\u{2066}',
        "RLI" => '\u{2067}',
        "FSI" => '\u{2068}',
        "PDI" => '\u{2069}',
        other => panic!("unknown bidi class {other}"),
    }
}

/// Checks one case; `None` if it passes, else what differed.
fn check(
    text: &str,
    dir: BaseDirection,
    para_level: Option<u8>,
    levels: &[&str],
    order: &[usize],
) -> Option<String> {
    let bidi = BidiLevels::new(text, dir);
    if let Some(p) = para_level {
        if bidi.base_level() != p {
            return Some(format!("paragraph level {} not {p}", bidi.base_level()));
        }
    }
    let got = bidi.line_levels(text, 0..text.len()).ok()?;
    let got: Vec<String> = got
        .iter()
        .map(|&(pos, l)| {
            if bidi.removed_by_x9(pos) {
                "x".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    if got != levels {
        return Some(format!("levels {got:?}"));
    }
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let visual: Vec<usize> = bidi
        .visual_order(text, 0..text.len())
        .ok()?
        .into_iter()
        .map(|b| starts.binary_search(&b).unwrap_or(usize::MAX))
        .collect();
    if visual != order {
        return Some(format!("order {visual:?}"));
    }
    None
}

#[test]
fn bidi_test_txt() {
    let data = include_str!("data/unicode/BidiTest.txt");
    let (mut levels, mut order): (Vec<&str>, Vec<usize>) = (Vec::new(), Vec::new());
    let (mut passed, mut failed) = (0usize, Vec::new());
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(l) = line.strip_prefix("@Levels:") {
            levels = l.split_whitespace().collect();
            continue;
        }
        if let Some(r) = line.strip_prefix("@Reorder:") {
            order = r.split_whitespace().map(|x| x.parse().unwrap()).collect();
            continue;
        }
        if line.starts_with('@') {
            continue;
        }
        let (input, bits) = line.split_once(';').unwrap();
        let bits = u8::from_str_radix(bits.trim(), 16).unwrap();
        let text: String = input.split_whitespace().map(char_of).collect();
        for (bit, dir) in [
            (1, BaseDirection::Auto),
            (2, BaseDirection::Ltr),
            (4, BaseDirection::Rtl),
        ] {
            if bits & bit == 0 {
                continue;
            }
            match check(&text, dir, None, &levels, &order) {
                None => passed += 1,
                Some(why) => failed.push(format!("{input} ({dir:?}): {why}")),
            }
        }
    }
    println!("BidiTest: {passed} passed, {} failed", failed.len());
    assert!(passed > 770_000, "the file was read ({passed} cases)");
    assert!(
        failed.is_empty(),
        "{} failures, first: {:#?}",
        failed.len(),
        &failed[..failed.len().min(10)]
    );
}

#[test]
fn bidi_character_test_txt() {
    let data = include_str!("data/unicode/BidiCharacterTest.txt");
    let (mut passed, mut failed) = (0usize, Vec::new());
    for line in data.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(';').collect();
        let text: String = f[0]
            .split_whitespace()
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
            .collect();
        let dir = match f[1] {
            "0" => BaseDirection::Ltr,
            "1" => BaseDirection::Rtl,
            _ => BaseDirection::Auto,
        };
        let para_level: u8 = f[2].parse().unwrap();
        let levels: Vec<&str> = f[3].split_whitespace().collect();
        let order: Vec<usize> = f[4].split_whitespace().map(|x| x.parse().unwrap()).collect();
        match check(&text, dir, Some(para_level), &levels, &order) {
            None => passed += 1,
            Some(why) => failed.push(format!("{}: {why}", f[0])),
        }
    }
    println!("BidiCharacterTest: {passed} passed, {} failed", failed.len());
    assert_eq!(passed + failed.len(), 91_707, "every case was read");
    assert!(
        failed.is_empty(),
        "{} failures, first: {:#?}",
        failed.len(),
        &failed[..failed.len().min(10)]
    );
}
