//! What happens at a line's end: the hyphen of a soft hyphen, no-break spaces that must fit,
//! quotations that may now break apart. Expectations from the fonts' tables read directly, from
//! Pango's drawing of the same text, and from UAX #14 and UAX #9 by hand.

#![cfg(feature = "bundled-fonts")]

use shrift::{FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, TextStyle};

const SERIF: &[u8] = include_bytes!("../fonts/NotoSerif-Regular.ttf");
const SERIF_HEBREW: &[u8] = include_bytes!("../fonts/NotoSerifHebrew-Regular.ttf");

fn lay(text: &str, stack: &str, width: f32) -> Layout {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let para = Paragraph::new(text, TextStyle::new(stack), &book, &mut cx).unwrap();
    para.layout(&mut cx, &LayoutOptions::new(width)).unwrap()
}

/// The hyphen a face shows (U+2010, else '-') and its advance at 16 px, from its cmap and hmtx.
fn hyphen_of(font: &[u8]) -> (u16, f32) {
    let face = ttf_parser::Face::parse(font, 0).unwrap();
    let glyph = face
        .glyph_index('\u{2010}')
        .or_else(|| face.glyph_index('-'))
        .unwrap();
    let advance = f32::from(face.glyph_hor_advance(glyph).unwrap()) * 16.0 / f32::from(face.units_per_em());
    (glyph.0, advance)
}

fn line_texts(layout: &Layout) -> Vec<&str> {
    layout.lines().iter().map(|l| &layout.text()[l.range()]).collect()
}

#[test]
fn a_soft_hyphen_that_ends_a_line_shows_a_hyphen() {
    // Pango 1.50 at 100 px, Noto Serif 16 px: "internation-" / "al" (UAX #14: SHY is BA, a
    // break after it; the Unicode Standard §23.2: a hyphen is shown there).
    let text = "in\u{ad}ter\u{ad}na\u{ad}tion\u{ad}al";
    let layout = lay(text, "Noto Serif, Noto Serif Hebrew", 100.0);
    assert_eq!(line_texts(&layout), ["in\u{ad}ter\u{ad}na\u{ad}tion\u{ad}", "al"]);
    let (hyphen, advance) = hyphen_of(SERIF);
    let line = &layout.lines()[0];
    let glyphs: Vec<_> = layout.runs(line).iter().flat_map(|r| layout.glyphs(r)).collect();
    let last = glyphs.last().unwrap();
    assert_eq!(
        (last.id, last.text_offset()),
        (hyphen, text.rfind('\u{ad}').unwrap())
    );
    assert!((last.advance - advance).abs() < 1e-3);
    // The hyphen is counted in the line's width, which fits.
    assert!((line.width() - (last.x + last.advance)).abs() < 1e-3 && line.width() <= 100.0);
    // No hyphen anywhere when no line breaks at a soft hyphen.
    let wide = lay(text, "Noto Serif, Noto Serif Hebrew", 1000.0);
    assert!(wide.all_glyphs().iter().all(|g| g.id != hyphen));
    // Nor at the end of the text.
    let end = lay("abc\u{ad}", "Noto Serif", 1000.0);
    assert!(end.all_glyphs().iter().all(|g| g.id != hyphen));
}

#[test]
fn a_yiddish_soft_hyphen_shows_the_hyphen_at_the_word_s_left_end() {
    // Pango 1.50 draws '-' at the left end of a right-to-left line broken inside a Yiddish word
    // (checked by rendering with Noto Serif Hebrew); the face has the hyphen itself.
    let text = "אינטער\u{ad}נאַציאָנאַל\u{ad}ער";
    let layout = lay(text, "Noto Serif Hebrew, Noto Serif", 80.0);
    assert_eq!(line_texts(&layout)[0], "אינטער\u{ad}");
    let (hyphen, _) = hyphen_of(SERIF_HEBREW);
    let line = &layout.lines()[0];
    let first_run = &layout.runs(line)[0];
    let leftmost = layout.glyphs(first_run)[0];
    assert_eq!(
        (leftmost.id, leftmost.text_offset()),
        (hyphen, text.find('\u{ad}').unwrap())
    );
    assert_eq!(first_run.font().name(), "NotoSerifHebrew-Regular.ttf");
    assert!(line.width() <= 80.0);
}

#[test]
fn the_hyphen_stays_beside_an_english_word_ending_a_right_to_left_line() {
    // UAX #9 L1 would send a line-final soft hyphen to the paragraph level (the line's far left
    // here); the hyphen belongs to "abc" (level 2) and stands at its right end.
    let text = "טעקסט abc\u{ad}def ghi";
    let layout = lay(text, "Noto Serif Hebrew, Noto Serif", 90.0);
    assert_eq!(line_texts(&layout)[0], "טעקסט abc\u{ad}");
    let line = &layout.lines()[0];
    let glyphs: Vec<_> = layout.runs(line).iter().flat_map(|r| layout.glyphs(r)).collect();
    let c = glyphs
        .iter()
        .position(|g| g.text_offset() == text.find('c').unwrap())
        .unwrap();
    let next = glyphs[c + 1];
    assert_eq!(next.id, hyphen_of(SERIF).0);
    assert!(
        (next.x - (glyphs[c].x + glyphs[c].advance)).abs() < 1e-3,
        "right after the c"
    );
}

#[test]
fn no_break_spaces_count_in_the_fit() {
    // U+00A0 and U+202F are bidi class CS: rule L1 does not reset them, so they do not hang and
    // a line holding them must fit whole.
    for (text, width) in [
        ("א Dr.\u{a0}Schwartz\u{a0}—\u{a0}100", 120.0),
        ("שלום עולם\u{a0}", 70.0),
        ("12\u{202f}500 שלום\u{202f}", 60.0),
    ] {
        for stack in ["Noto Serif, Noto Serif Hebrew", "Noto Sans Hebrew, Noto Sans"] {
            let layout = lay(text, stack, width);
            for line in layout.lines() {
                let content: f32 = layout.runs(line).iter().map(|r| r.width()).sum();
                let hangs: f32 = layout
                    .runs(line)
                    .iter()
                    .filter(|r| layout.text()[r.range()].chars().all(|c| c == ' '))
                    .map(|r| r.width())
                    .sum();
                assert!(
                    content - hangs <= width + 1e-3,
                    "{text:?} {stack}: {:?} is {content} px",
                    &text[line.range()]
                );
                for g in layout.runs(line).iter().flat_map(|r| layout.glyphs(r)) {
                    assert!(g.x >= -1e-3, "{text:?}: a glyph at x {}", g.x);
                }
            }
        }
    }
}

#[test]
fn adjacent_quotations_break_before_the_second() {
    // LB15a/LB15b (Unicode 15.1 on): „…“ „…“ at 100 px breaks before the second „, which starts
    // the second line (Chromium breaks there too); 15.0 left an opening „ at the line's end.
    let text = "„פֿאָרװערטס“ „טאָג“";
    let layout = lay(text, "Noto Serif, Noto Serif Hebrew", 100.0);
    assert_eq!(line_texts(&layout), ["„פֿאָרװערטס“ ", "„טאָג“"]);
}
