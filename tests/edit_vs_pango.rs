//! Editing geometry against Pango 1.50: carets, hits, arrow-key walks and selections of
//! `../shared/tools/pango/tests/bidi.txt` (the oracle's own goldens) and of the corpus
//! (`tests/data/pango/`, made by `tools/pango_edit_goldens.sh`), compared by
//! `../shared/tools/pango/edit_compare.py` (standard-library Python; no Pango needed here):
//! exact mode with DejaVu Sans (the same font file on both sides), order mode with the Noto stack.
//!
//! Every failure the comparator reports must be one of three known differences, each checked
//! here against the data rather than waved through:
//!
//! 1. **Line breaks UAX #14 allows since Unicode 15.1 and Pango 1.50 does not make**: between ־
//!    and a following Hebrew letter (LB21a, `HL (HY | BA) × [^HL]`), and between a quotation
//!    and a following bracket or quotation (LB15a/LB15b replaced 15.0's `QU SP* × OP`). The
//!    first line end that differs must be such a break (the comparator then skips the lines
//!    that differ).
//! 2. **The end of a line that wraps with nothing to hang** (after "al-"): shrift's hit test
//!    gives the wrap offset with upstream affinity, so the caret stays after the hyphen; Pango,
//!    which has no affinity, gives the offset before the hyphen.
//! 3. **Ties among offsets drawn at one x** (both sides of a zero-width isolate control): an
//!    arrow-key walk may stop at either; Pango picks 20 at 200 px and 23 at 400 px for the same
//!    LRI. Each differing stop must have the same strong caret (line and x) as Pango's.

#![cfg(feature = "bundled-fonts")]

#[path = "../examples/common/edit_json.rs"]
mod edit_json;
#[path = "../examples/common/setup.rs"]
mod setup;

use std::path::{Path, PathBuf};
use std::process::Command;

use edit_json::{edit_json, Settings};
use serde_json::Value;

const PANGO: &str = "../shared/tools/pango";

struct Case {
    reference: PathBuf,
    text: PathBuf,
    dejavu: bool,
    width: f32,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for width in [200.0f32, 400.0] {
        for dejavu in [true, false] {
            let stack = if dejavu { "dejavu" } else { "noto" };
            out.push(Case {
                reference: format!("{PANGO}/tests/golden/bidi_{stack}_w{width}.json").into(),
                text: format!("{PANGO}/tests/bidi.txt").into(),
                dejavu,
                width,
            });
            for file in ["article", "mixed"] {
                out.push(Case {
                    reference: format!("tests/data/pango/{file}_{stack}_w{width}.json.gz").into(),
                    text: format!("tests/data/{file}.txt").into(),
                    dejavu,
                    width,
                });
            }
        }
    }
    out
}

/// The reference as a plain JSON file (gunzipped into `dir` when needed).
fn plain(reference: &Path, dir: &Path) -> PathBuf {
    if reference.extension().is_some_and(|e| e == "gz") {
        let out = dir.join("ref.json");
        let data = Command::new("gzip")
            .arg("-dc")
            .arg(reference)
            .output()
            .expect("gzip runs");
        assert!(data.status.success(), "gzip -dc {}", reference.display());
        std::fs::write(&out, data.stdout).unwrap();
        out
    } else {
        reference.to_path_buf()
    }
}

fn para(doc: &Value, index: usize) -> &Value {
    &doc["paragraphs"][index]
}

fn lines_of(p: &Value) -> Vec<(usize, usize)> {
    p["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["start"].as_u64().unwrap() as usize,
                l["end"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

/// Whether `offset` ends a line of `p` that wraps with no whitespace before the wrap.
fn bare_wrap(p: &Value, offset: usize) -> bool {
    let text = p["text"].as_str().unwrap();
    let lines = lines_of(p);
    lines[..lines.len() - 1]
        .iter()
        .any(|&(_, end)| end == offset && !text[..end].ends_with(char::is_whitespace))
}

fn numbers(s: &str) -> Vec<usize> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap())
        .collect()
}

/// (paragraph index, rest of the line) of a failure line "  pN ...".
fn split_para(line: &str) -> (usize, &str) {
    let rest = line.trim_start().strip_prefix('p').unwrap();
    let (n, rest) = rest.split_once(' ').unwrap();
    (n.parse().unwrap(), rest)
}

/// The caret (line, strong x) of `offset` in a paragraph of the dump.
fn strong(p: &Value, offset: usize) -> (u64, f64) {
    let c = p["carets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["offset"].as_u64() == Some(offset as u64))
        .unwrap();
    (c["line"].as_u64().unwrap(), c["strong"]["x"].as_f64().unwrap())
}

/// Explains one failure line of a category, or says why it cannot.
fn explain(category: &str, line: &str, reference: &Value, test: &Value) -> Result<&'static str, String> {
    let (pi, rest) = split_para(line);
    let (r, t) = (para(reference, pi), para(test, pi));
    let text = t["text"].as_str().unwrap();
    match category {
        "lines" => {
            let (ref_lines, test_lines) = (lines_of(r), lines_of(t));
            let first = test_lines
                .iter()
                .zip(&ref_lines)
                .find(|(a, b)| a.1 != b.1)
                .map(|(a, _)| a.1)
                .ok_or("no differing line end")?;
            let next = text[first..].chars().next();
            let after_maqaf = text[..first].ends_with('\u{5BE}')
                && next.is_some_and(|c| ('\u{5D0}'..='\u{5F2}').contains(&c));
            // 15.0's `QU SP* × OP` (LB15), which 15.1 replaced by LB15a/LB15b: a closing quote,
            // spaces, then an opening bracket or quote.
            let after_quote = text[..first]
                .trim_end_matches(' ')
                .ends_with(['”', '“', '"', '\'', '’', '»', '«'])
                && text[..first].ends_with(' ')
                && next.is_some_and(|c| matches!(c, '(' | '[' | '{' | '„' | '“' | '«' | '‚'));
            if after_maqaf {
                Ok("maqaf break")
            } else if after_quote {
                Ok("break between quotations")
            } else {
                Err(format!(
                    "first differing break at {first} is no break UAX #14 15.1 added"
                ))
            }
        }
        "hits" if rest.contains(" sweep") => {
            let (ref_part, test_part) = rest.split_once(" | TEST ").ok_or("unparsed")?;
            let ref_window = numbers(ref_part.split_once("REF ").ok_or("unparsed")?.1);
            let test_window = numbers(test_part.split_once("  (").map_or(test_part, |p| p.0));
            let extra = *test_window.last().ok_or("empty window")?;
            let ok = test_window[..test_window.len() - 1].ends_with(&ref_window) && bare_wrap(t, extra);
            ok.then_some("bare wrap")
                .ok_or(format!("sweep difference not at a bare wrap: {line}"))
        }
        "hits" => {
            let (_, values) = rest.split_once(": REF ").ok_or("unparsed")?;
            let v = numbers(values);
            let (ref_offset, test_offset) = (v[0], v[1]);
            let before = shrift::graphemes(&text[..test_offset])
                .last()
                .map_or(0, |(i, _)| i);
            (bare_wrap(t, test_offset) && ref_offset == before)
                .then_some("bare wrap")
                .ok_or(format!("hit difference not at a bare wrap: {line}"))
        }
        "visual_moves" => {
            let walk = rest.split_whitespace().next().ok_or("unparsed")?;
            let offsets = |p: &Value| numbers(&p["visual_moves"]["gtk"][walk]["offsets"].to_string());
            let (a, b) = (offsets(r), offsets(t));
            if a.len() != b.len() {
                return Err(format!("walk lengths differ: {line}"));
            }
            for (&x, &y) in a.iter().zip(&b).filter(|(x, y)| x != y) {
                let (sx, sy) = (strong(t, x), strong(t, y));
                if sx.0 != sy.0 || (sx.1 - sy.1).abs() > 0.05 {
                    return Err(format!("walk stops {x} and {y} are not at one place: {line}"));
                }
            }
            Ok("tie at one x")
        }
        _ => Err(format!("no known difference in category {category}: {line}")),
    }
}

#[test]
fn editing_geometry_matches_pango() {
    let compare = format!("{PANGO}/edit_compare.py");
    assert!(
        Path::new(&compare).exists(),
        "{compare} not found: the shared tools must sit beside the repository"
    );
    let dir = std::env::temp_dir().join(format!("shrift-edit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (mut passed, mut known, mut unexplained) = (0usize, 0usize, Vec::new());
    for case in cases() {
        let reference_path = plain(&case.reference, &dir);
        let reference: Value =
            serde_json::from_str(&std::fs::read_to_string(&reference_path).unwrap()).unwrap();
        let settings = Settings {
            stack: if case.dejavu {
                "DejaVu Sans"
            } else {
                "Noto Serif,Noto Serif Hebrew"
            }
            .into(),
            size: 16.0,
            weight: 400,
            width: case.width,
            dir: "auto".into(),
            fonts: case.dejavu.then(|| "tests/fonts".into()),
        };
        let text = std::fs::read_to_string(&case.text).unwrap();
        let test = edit_json(&text, &settings).unwrap();
        let test_path = dir.join("test.json");
        std::fs::write(&test_path, serde_json::to_string(&test).unwrap()).unwrap();
        let mode = if case.dejavu { "exact" } else { "order" };
        let out = Command::new("python3")
            .arg(&compare)
            .arg(&reference_path)
            .arg(&test_path)
            .args(["--mode", mode, "--verbose", "--max-failures", "100000"])
            .output()
            .expect("python3 runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let total = stdout
            .lines()
            .find_map(|l| l.strip_prefix("edit-compare: "))
            .unwrap_or_else(|| {
                panic!(
                    "no summary from edit_compare: {stdout}{}",
                    String::from_utf8_lossy(&out.stderr)
                )
            });
        let counts = numbers(total);
        passed += counts[0];
        let mut category = None;
        let mut explained = std::collections::BTreeMap::new();
        for line in stdout.lines() {
            if let Some(head) = line.strip_prefix("-- ") {
                category = (!head.starts_with("REF")).then(|| head.split(':').next().unwrap().to_string());
            } else if let (Some(cat), true) = (&category, line.starts_with("  p")) {
                match explain(cat, line, &reference, &test) {
                    Ok(why) => *explained.entry(why).or_insert(0) += 1,
                    Err(e) => unexplained.push(format!("{}: {e}", case.reference.display())),
                }
            }
        }
        let n: usize = explained.values().sum();
        assert_eq!(n, counts[1], "every failure listed: {}", case.reference.display());
        known += n;
        println!(
            "{} ({mode}): {total}; known differences {explained:?}",
            case.reference.display()
        );
    }
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "edit vs Pango: {passed} passed, {known} known differences, {} failed",
        unexplained.len()
    );
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
    assert!(passed > 50_000, "the comparisons ran ({passed} items)");
}
