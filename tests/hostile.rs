//! Hostile and huge input: never a panic, never a lost byte.

#![cfg(feature = "bundled-fonts")]

use shrift::{BaseDirection, Font, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, TextStyle};

fn body() -> TextStyle {
    TextStyle::new("Noto Serif, Noto Serif Hebrew")
}

/// Lays `text` out at a few widths and directions; checks that the lines tile the text.
fn check_lays_out(text: &str, style: &TextStyle, book: &FontBook, cx: &mut LayoutContext) -> Layout {
    let mut last = Layout::default();
    for dir in [BaseDirection::Auto, BaseDirection::Rtl] {
        let para = Paragraph::builder(text, style.clone())
            .direction(dir)
            .build(book, cx)
            .unwrap();
        // A width past shrift::MAX_WIDTH is an error (f32 could not place glyphs 1/64 px
        // apart); no wrap is the way to ask for no width at all.
        assert!(para.layout(cx, &LayoutOptions::new(1e30)).is_err());
        let options = [0.0, 1e-3, 80.0, shrift::MAX_WIDTH]
            .map(LayoutOptions::new)
            .into_iter()
            .chain([LayoutOptions::no_wrap()]);
        for options in options {
            let layout = para.layout(cx, &options).unwrap();
            let mut pos = 0;
            for line in layout.lines() {
                assert_eq!(line.range().start, pos, "lines tile the text");
                pos = line.range().end;
                for run in layout.runs(line) {
                    for g in layout.glyphs(run) {
                        assert!(g.x.is_finite() && g.y.is_finite());
                    }
                }
            }
            assert_eq!(pos, text.len(), "every byte is in a line");
            last = layout;
        }
    }
    last
}

#[test]
fn hostile_texts_lay_out() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let mut texts: Vec<String> = vec![
        String::new(),
        "\u{05B7}".into(), // a lone mark at the start
        "\u{05B7}\u{05B8} abc".into(),
        format!("ב{}", "\u{05B7}".repeat(10_000)), // 10,000 marks on one letter
        "a\u{200D}b\u{200C}c\u{FE0F}d\u{E0100}".into(),
        "\0\u{1}\u{7}\u{1B}[0m\u{7F}".into(),
        "a\r\nb\rc\u{2028}d\u{2029}e\u{85}f\u{B}g\u{C}h".into(),
        "a\tb\t\tc".into(),
        "\u{378}\u{EFFFF}\u{10FFFF}\u{E000}".into(), // unassigned and private use
        "\u{2069}\u{202C}\u{2069} unpaired closers \u{2066}\u{2067}\u{2068} unpaired openers".into(),
    ];
    // Every explicit control nested far past the 125-level limit, in every mix.
    for opener in [
        '\u{202A}', '\u{202B}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    ] {
        let closer = if opener >= '\u{2066}' {
            '\u{2069}'
        } else {
            '\u{202C}'
        };
        let mut s = String::new();
        for i in 0..200 {
            s.push(opener);
            s.push_str(if i % 2 == 0 { "א " } else { "b " });
        }
        for _ in 0..200 {
            s.push(closer);
            s.push_str(" 1");
        }
        texts.push(s);
    }
    let mixed: String = [
        "\u{202B}", "\u{2066}", "\u{202D}", "\u{2067}", "\u{202E}", "\u{2068}",
    ]
    .concat();
    texts.push(mixed.repeat(60) + "שלום world" + &"\u{2069}\u{202C}".repeat(90));
    for text in &texts {
        check_lays_out(text, &body(), &book, &mut cx);
    }
}

#[test]
fn a_megabyte_paragraph_without_spaces_lays_out() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let word = "אינטערנעץבאַגרענעצונגעןinternet";
    let text = word.repeat(1 << 20 >> 5);
    assert!(text.len() >= 1 << 20);
    let para = Paragraph::new(&text, body(), &book, &mut cx).unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    assert_eq!(layout.lines().last().unwrap().range().end, text.len());
    assert!(layout.lines().len() > 1000);
    for line in layout.lines() {
        assert!(line.width() <= 600.0 + 0.01, "a line of {} px", line.width());
    }
}

#[test]
fn tabs_have_a_defined_advance_and_no_missing_glyph() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let para = Paragraph::new("a\tb", body(), &book, &mut cx).unwrap();
    assert!(para.missing_glyphs().is_empty());
    let layout = para.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    let space = Paragraph::new("a b", body(), &book, &mut cx).unwrap();
    let space = space.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    // The default tab stop: eight spaces of the face (tests/tab_stops.rs has the rest).
    let space_advance = space.all_glyphs()[1].advance;
    let b_pen = layout.pens(&layout.all_runs()[0]).nth(2).unwrap().0;
    assert!((b_pen - 8.0 * space_advance).abs() < 1e-3);
    let a_and_tab = |l: &Layout| l.all_glyphs()[0].advance + l.all_glyphs()[1].advance;
    assert!((a_and_tab(&layout) - 8.0 * space_advance).abs() < 1e-3);
}

#[test]
fn uncovered_chars_are_reported() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    // U+0E01 (Thai) and U+0E02 are in none of the bundled faces (hb-shape gives glyph 0); NUL is
    // mapped by Noto Serif (HarfBuzz, through uharfbuzz, gives glyph 1), so it is not missing.
    let para = Paragraph::new("a\u{0E01}b\0\u{0E02}", body(), &book, &mut cx).unwrap();
    assert_eq!(para.missing_glyphs(), &[1, 6]);
    let layout = para.layout(&mut cx, &LayoutOptions::new(1000.0)).unwrap();
    assert_eq!(layout.missing_glyphs(), &[1, 6]);
}

/// Bytes of a bundled face with the table directory entry `tag` renamed, so the table is gone.
fn without_table(data: &[u8], tag: &[u8; 4]) -> Vec<u8> {
    let mut out = data.to_vec();
    let num_tables = u16::from_be_bytes([data[4], data[5]]) as usize;
    for i in 0..num_tables {
        let at = 12 + 16 * i;
        if &out[at..at + 4] == tag {
            out[at..at + 4].copy_from_slice(b"zzzz");
        }
    }
    out
}

#[test]
fn broken_fonts_give_an_error_or_lay_out() {
    let good: &[u8] = include_bytes!("../fonts/NotoSansHebrew-Regular.ttf");
    let mut variants: Vec<Vec<u8>> = Vec::new();
    for tag in [
        b"cmap", b"hmtx", b"hhea", b"head", b"maxp", b"GSUB", b"GPOS", b"GDEF", b"glyf", b"loca", b"name",
        b"OS/2",
    ] {
        variants.push(without_table(good, tag));
    }
    for cut in (0..good.len()).step_by(997) {
        variants.push(good[..cut].to_vec());
    }
    // Deterministic pseudo-random corruption of the tables (a valid header over garbage).
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..200 {
        let mut v = good.to_vec();
        for _ in 0..64 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = 12 + (seed as usize) % (v.len() - 12);
            v[at] = (seed >> 32) as u8;
        }
        variants.push(v);
    }
    let mut loaded = 0;
    for bytes in variants {
        let Ok(font) = Font::from_bytes(bytes, 0, "broken.ttf") else {
            continue;
        };
        loaded += 1;
        let mut book = FontBook::new();
        let family = font.family().to_string();
        book.add(font);
        let mut cx = LayoutContext::new();
        let style = TextStyle::new(family.as_str());
        check_lays_out("פֿאַר די ייִדן a 12 (x)", &style, &book, &mut cx);
    }
    assert!(loaded > 10, "some broken fonts still load ({loaded})");
}
