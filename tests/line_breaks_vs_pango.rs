//! Line breaks of the corpus checked against Pango.
//!
//! Expected line starts come from `tests/data/pango_lines.tsv`, written by
//! `tools/pango_lines.py` (pango-view 1.50 serializing its layout of the same text with the same
//! faces); see that script to regenerate.

#![cfg(feature = "bundled-fonts")]

use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};

struct Case {
    file: String,
    stack: String,
    size: f32,
    weight: u16,
    width: f32,
    paragraph: usize,
    starts: Vec<usize>,
}

fn cases() -> Vec<Case> {
    let tsv = include_str!("data/pango_lines.tsv");
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Case {
                file: f[0].to_string(),
                stack: f[1].to_string(),
                size: f[2].parse().unwrap(),
                weight: f[3].parse().unwrap(),
                width: f[4].parse().unwrap(),
                paragraph: f[5].parse().unwrap(),
                starts: f[6].split(',').map(|x| x.parse().unwrap()).collect(),
            }
        })
        .collect()
}

fn corpus(file: &str) -> &'static str {
    match file {
        "article.txt" => include_str!("data/article.txt"),
        "mixed.txt" => include_str!("data/mixed.txt"),
        other => panic!("unknown corpus file {other}"),
    }
}

#[test]
fn line_starts_match_pango() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let mut mismatches = Vec::new();
    let all = cases();
    assert!(all.len() > 50, "the golden file lost its cases");
    for case in &all {
        let text = corpus(&case.file).split('\n').nth(case.paragraph).unwrap();
        let style = TextStyle::new(case.stack.as_str())
            .size(case.size)
            .weight(case.weight);
        let para = Paragraph::new(text, style, &book, &mut cx).unwrap();
        let layout = para.layout(&mut cx, &LayoutOptions::new(case.width)).unwrap();
        let starts: Vec<usize> = layout.lines().iter().map(|l| l.range().start).collect();
        if starts != case.starts {
            mismatches.push(format!(
                "{} p{} {} {}px w{}: pango {:?} shrift {:?}",
                case.file, case.paragraph, case.stack, case.size, case.width, case.starts, starts
            ));
        }
    }
    println!(
        "pango line breaks: {} passed, {} failed",
        all.len() - mismatches.len(),
        mismatches.len()
    );
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
