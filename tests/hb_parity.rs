//! Shaping parity with HarfBuzz: every corpus line and the Yiddish cases, five faces, languages
//! `yi` and `he`, compared glyph for glyph with `hb-shape` (tests/data/hb_shape.txt, made by
//! tools/hb_fixtures.py; see there to regenerate).

#![cfg(feature = "bundled-fonts")]

use shrift::{shape_run, Direction, Font, RunOptions};

struct Record {
    font: String,
    language: String,
    direction: Direction,
    script: String,
    text: String,
    expected: String,
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\\u") {
        out.push_str(&rest[..i]);
        let code = u32::from_str_radix(&rest[i + 2..i + 6], 16).unwrap();
        out.push(char::from_u32(code).unwrap());
        rest = &rest[i + 6..];
    }
    out.push_str(rest);
    out
}

fn records() -> Vec<Record> {
    include_str!("data/hb_shape.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Record {
                font: f[0].to_string(),
                language: f[1].to_string(),
                direction: if f[2] == "rtl" {
                    Direction::Rtl
                } else {
                    Direction::Ltr
                },
                script: f[3].to_string(),
                text: unescape(f[4]),
                expected: f[5].to_string(),
            }
        })
        .collect()
}

fn font(name: &str) -> Font {
    let path = if name.starts_with("Noto") {
        format!("fonts/{name}")
    } else {
        format!("tests/fonts/{name}")
    };
    Font::from_file(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")), 0).unwrap()
}

/// The shaper's offsets of a run's glyphs, read back from where the layout draws them: x against
/// the glyph's pen, y against its line's baseline (positive up, as in hb-shape).
fn offsets<'a>(
    layout: &'a shrift::Layout,
    run: &'a shrift::Run,
) -> impl Iterator<Item = (&'a shrift::Glyph, f32, f32)> + 'a {
    let on_line = |l: &&shrift::Line| layout.runs(l).iter().any(|r| std::ptr::eq(r, run));
    let baseline = layout.lines().iter().find(on_line).map_or(0.0, |l| l.baseline());
    layout
        .pens(run)
        .map(move |(pen, g)| (g, g.x - pen, baseline - g.y))
}

/// shrift's shaping of a record, in hb-shape's `[gid=cluster@dx,dy+advance|…]` form (font units).
fn shrift_shape(r: &Record, font: &Font) -> String {
    let options = RunOptions {
        direction: r.direction,
        script: &r.script,
        language: Some(&r.language),
        features: &[],
        size: f32::from(font.units_per_em()),
    };
    let glyphs = shape_run(font, &r.text, 0..r.text.len(), &options).unwrap();
    let items: Vec<String> = glyphs
        .iter()
        .map(|g| {
            let mut s = format!("{}={}", g.id, g.text_offset());
            if g.dx != 0.0 || g.dy != 0.0 {
                s.push_str(&format!("@{},{}", g.dx.round() as i32, g.dy.round() as i32));
            }
            s.push_str(&format!("+{}", g.advance.round() as i32));
            s
        })
        .collect();
    format!("[{}]", items.join("|"))
}

/// Checks every fixture that `pick` selects; returns how many were checked.
fn check_fixtures(what: &str, pick: impl Fn(&Record) -> bool) -> usize {
    let picked: Vec<Record> = records().into_iter().filter(|r| pick(r)).collect();
    let mut fonts: Vec<(String, Font)> = Vec::new();
    let mut failed = Vec::new();
    for r in &picked {
        if !fonts.iter().any(|(n, _)| *n == r.font) {
            fonts.push((r.font.clone(), font(&r.font)));
        }
        let f = &fonts.iter().find(|(n, _)| *n == r.font).unwrap().1;
        let got = shrift_shape(r, f);
        if got != r.expected {
            failed.push(format!(
                "{} {} {:?}\n  hb-shape {}\n  shrift   {}",
                r.font, r.language, r.text, r.expected, got
            ));
        }
    }
    println!(
        "{what}: {} passed, {} failed",
        picked.len() - failed.len(),
        failed.len()
    );
    assert!(failed.is_empty(), "{}", failed[..failed.len().min(8)].join("\n"));
    picked.len()
}

#[test]
fn every_fixture_matches_hb_shape() {
    let n = check_fixtures("hb-shape parity", |_| true);
    assert!(n >= 470, "the fixtures were read ({n})");
}

#[test]
fn precomposed_presentation_forms_shape_like_harfbuzz() {
    let n = check_fixtures("presentation forms", |r| {
        r.text.chars().any(|c| ('\u{FB1D}'..='\u{FB4F}').contains(&c))
    });
    assert!(n >= 20, "{n}");
}

#[test]
fn digraphs_tsvey_vovn_vov_yud_tsvey_yudn_and_pasekh_tsvey_yudn_shape_like_harfbuzz() {
    let n = check_fixtures("digraphs", |r| r.text.contains(['װ', 'ױ', 'ײ', '\u{FB1F}']));
    assert!(n >= 60, "{n}");
}

#[test]
fn rustybuzz_compose_bug_yod_patah_stays_apart_and_tsvey_yudn_patah_composes() {
    // tests/fonts/ComposeTest.ttf has no GPOS and a U+FB1F glyph: rustybuzz 0.20 alone turns
    // yod + patah into U+FB1F and leaves U+05F2 + patah apart; HarfBuzz does the opposite.
    let n = check_fixtures("compose", |r| {
        r.font == "ComposeTest.ttf"
            && (r.text.contains("\u{05D9}\u{05B7}") || r.text.contains("\u{05F2}\u{05B7}"))
    });
    assert!(n >= 8, "{n}");
}

#[test]
fn marks_in_non_canonical_order_shape_like_harfbuzz() {
    // Bet, dagesh, patah (canonical order) and bet, patah, dagesh (typed the other way).
    let n = check_fixtures("mark order", |r| {
        r.text == "\u{05D1}\u{05B7}\u{05BC}" || r.text == "\u{05D1}\u{05BC}\u{05B7}"
    });
    assert!(n >= 2 * 2 * 6, "{n}"); // both orders, two languages, six faces
}

#[test]
fn maqaf_geresh_gershayim_low_high_quotes_and_brackets_shape_like_harfbuzz() {
    let n = check_fixtures("punctuation", |r| {
        r.text.contains(['־', '׳', '״', '„', '“', '(', '[', '{', '<'])
    });
    assert!(n >= 60, "{n}");
}

#[test]
fn yiddish_language_tag_applies_the_fonts_jii_lookups() {
    // hb-shape with Frank Ruehl CLM: "יִ" gives glyph 210 under yi but 211 under he, and
    // "ייִדיש" under yi ligates the double yod with its hiriq, under he it does not.
    let frank = font("FrankRuehlCLM-Medium.ttf");
    let shape = |text: &str, lang: &str| {
        let r = Record {
            font: String::new(),
            language: lang.into(),
            direction: Direction::Rtl,
            script: "Hebr".into(),
            text: text.into(),
            expected: String::new(),
        };
        shrift_shape(&r, &frank)
    };
    assert_eq!(shape("יִ", "yi"), "[210=0+328]");
    assert_eq!(shape("יִ", "he"), "[211=0+328]");
    assert_ne!(shape("ייִדיש", "yi"), shape("ייִדיש", "he"));
    check_fixtures("JII", |r| {
        r.font == "FrankRuehlCLM-Medium.ttf" && r.text.contains("ייִ")
    });
}

#[test]
fn brackets_are_mirrored_in_rtl_runs() {
    // Bidi mirroring via the shaper: in a right-to-left run "(" is drawn with the glyph of ")"
    // and the other way round. Glyph ids come from the font's cmap, read with ttf-parser.
    let serif = Font::from_file(
        format!("{}/fonts/NotoSerif-Regular.ttf", env!("CARGO_MANIFEST_DIR")),
        0,
    )
    .unwrap();
    let face = ttf_parser::Face::parse(serif.data(), 0).unwrap();
    let gid = |c: char| face.glyph_index(c).unwrap().0;
    let rtl = RunOptions {
        direction: Direction::Rtl,
        script: "Hebr",
        language: Some("yi"),
        features: &[],
        size: 1000.0,
    };
    let glyphs = shape_run(&serif, "(ab)", 0..4, &rtl).unwrap();
    // Visual order, left to right: the closing bracket (logically last) is drawn as "(".
    assert_eq!((glyphs[0].id, glyphs[0].text_offset()), (gid('('), 3));
    assert_eq!((glyphs[3].id, glyphs[3].text_offset()), (gid(')'), 0));
    let ltr = shape_run(
        &serif,
        "(ab)",
        0..4,
        &RunOptions {
            direction: Direction::Ltr,
            ..rtl
        },
    )
    .unwrap();
    assert_eq!((ltr[0].id, ltr[3].id), (gid('('), gid(')')));
}

#[test]
fn compose_workaround_holds_inside_a_paragraph_after_other_items() {
    // The same yod + patah as the fixture ("[5=0@300,0+0|4=0+300]" from hb-shape with
    // ComposeTest.ttf), laid out after a Latin item in another face.
    let mut book = shrift::FontBook::with_bundled_fonts();
    book.add(font("ComposeTest.ttf"));
    let mut cx = shrift::LayoutContext::new();
    let text = "ab \u{05D9}\u{05B7}";
    let style = shrift::TextStyle::new("Noto Serif, Compose Test").size(1000.0);
    let para = shrift::Paragraph::new(text, style, &book, &mut cx).unwrap();
    let layout = para.layout(&mut cx, &shrift::LayoutOptions::no_wrap()).unwrap();
    let run = layout
        .all_runs()
        .iter()
        .find(|r| r.font().name() == "ComposeTest.ttf")
        .unwrap();
    let got: Vec<(u16, usize, i32, i32)> = offsets(&layout, run)
        .map(|(g, dx, _)| (g.id, g.text_offset(), dx.round() as i32, g.advance.round() as i32))
        .collect();
    assert_eq!(got, vec![(5, 3, 300, 0), (4, 3, 0, 300)]);
}

#[test]
fn every_item_of_the_corpus_matches_hb_shape() {
    // tests/data/hb_items.txt (tools/hb_item_fixtures.py): hb-shape on each item shrift cuts the
    // corpus into, five faces, yi and he, with the paragraph as context. Here the same paragraphs
    // are laid out on one line each and every run compared glyph for glyph.
    let mut book = shrift::FontBook::with_bundled_fonts();
    book.load_dir(format!("{}/tests/fonts", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    // One face per stack, its .notdef where it lacks a char, as the fixtures were made: no
    // fallback to the book's other faces.
    book.set_fallback(false);
    let mut cx = shrift::LayoutContext::new();
    let families = [
        ("NotoSansHebrew-Regular.ttf", "Noto Sans Hebrew"),
        ("NotoSerifHebrew-Regular.ttf", "Noto Serif Hebrew"),
        ("DejaVuSans.ttf", "DejaVu Sans"),
        ("SILEOT.ttf", "Ezra SIL"),
        ("FrankRuehlCLM-Medium.ttf", "Frank Ruehl CLM"),
    ];
    let (mut checked, mut failed) = (0, Vec::new());
    let mut current: Option<(String, String, String)> = None;
    let mut layouts: Vec<shrift::Layout> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    for row in include_str!("data/hb_items.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let f: Vec<&str> = row.split('\t').collect();
        let key = (f[0].to_string(), f[1].to_string(), f[2].to_string());
        if current.as_ref() != Some(&key) {
            let family = families.iter().find(|(file, _)| *file == f[0]).unwrap().1;
            let upem = f32::from(font(f[0]).units_per_em());
            let style = shrift::TextStyle::new(family).language(f[1]).size(upem);
            let corpus = if f[2] == "article.txt" {
                include_str!("data/article.txt")
            } else {
                include_str!("data/mixed.txt")
            };
            texts = corpus.split_inclusive('\n').collect();
            layouts = texts
                .iter()
                .map(|t| {
                    let para = shrift::Paragraph::new(t, style.clone(), &book, &mut cx).unwrap();
                    para.layout(&mut cx, &shrift::LayoutOptions::no_wrap()).unwrap()
                })
                .collect();
            current = Some(key);
        }
        let (pi, start, end): (usize, usize, usize) = (
            f[3].parse().unwrap(),
            f[4].parse().unwrap(),
            f[5].parse().unwrap(),
        );
        let layout = &layouts[pi];
        let Some(run) = layout.all_runs().iter().find(|r| r.range() == (start..end)) else {
            failed.push(format!(
                "{} {} {} p{pi}: no run {start}..{end}; regenerate tests/data/hb_items.txt",
                f[0], f[1], f[2]
            ));
            continue;
        };
        assert_eq!(run.direction() == Direction::Rtl, f[6] == "rtl");
        assert_eq!(run.script(), f[7]);
        let items: Vec<String> = offsets(layout, run)
            .map(|(g, dx, dy)| {
                let mut s = format!("{}={}", g.id, g.text_offset() - start);
                let (dx, dy) = (dx.round() as i32, dy.round() as i32);
                if dx != 0 || dy != 0 {
                    s.push_str(&format!("@{dx},{dy}"));
                }
                s + &format!("+{}", g.advance.round() as i32)
            })
            .collect();
        let got = format!("[{}]", items.join("|"));
        if got != f[8] {
            failed.push(format!(
                "{} {} {} p{pi} {:?}\n  hb-shape {}\n  shrift   {}",
                f[0],
                f[1],
                f[2],
                &texts[pi][start..end],
                f[8],
                got
            ));
        }
        checked += 1;
    }
    println!(
        "hb-shape item parity: {} passed, {} failed",
        checked - failed.len(),
        failed.len()
    );
    assert!(checked >= 500, "{checked} items");
    assert!(failed.is_empty(), "{}", failed[..failed.len().min(6)].join("\n"));
}
