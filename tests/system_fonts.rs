//! The system's fonts (feature `system-fonts`): found by name and style, read on first use,
//! generic families and fallback beyond a stack giving glyphs for what the article's faces lack.
//! Where Debian's fonts-noto-core is not installed the tests skip, saying so; but not under CI
//! (the `CI` variable set), where a missing font fails them unless `SHRIFT_SKIP_SYSTEM_FONTS`
//! says why they may skip (`.ci/run` installs the fonts, and sets it only if it cannot).
//! Built only with the feature (`required-features` in Cargo.toml), so that a run without it
//! shows no test binary rather than one of zero tests.

#![cfg(feature = "system-fonts")]

use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};

fn book_with_noto() -> Option<FontBook> {
    let book = FontBook::system();
    let has = |f: &str| book.families().iter().any(|g| g.eq_ignore_ascii_case(f));
    if !(has("Noto Serif") && has("Noto Serif Hebrew") && has("Noto Sans")) {
        let found = book.face_count();
        match std::env::var("SHRIFT_SKIP_SYSTEM_FONTS") {
            Ok(why) => println!("skipped: fonts-noto-core is not installed ({found} faces found): {why}"),
            Err(_) if std::env::var_os("CI").is_some() => panic!(
                "fonts-noto-core is not installed ({found} faces found) and this is CI: install \
                 it, or set SHRIFT_SKIP_SYSTEM_FONTS to the reason these tests may skip"
            ),
            Err(_) => println!("skipped: fonts-noto-core is not installed ({found} faces found)"),
        }
        return None;
    }
    Some(book)
}

#[test]
fn faces_are_read_on_first_use() {
    let Some(book) = book_with_noto() else { return };
    // Nothing read by the scan: faces are known by name and style only.
    assert!(book.fonts().is_empty());
    assert!(book.face_count() > 10);
    let bold = book.find("Noto Serif", 700, false).expect("Noto Serif Bold");
    assert_eq!((bold.family(), bold.weight()), ("Noto Serif", 700));
}

#[test]
fn generic_families_set_yiddish_and_english() {
    let Some(book) = book_with_noto() else { return };
    let mut cx = LayoutContext::new();
    let para = Paragraph::new("ייִדיש and English", TextStyle::new("serif"), &book, &mut cx).unwrap();
    assert!(para.missing_glyphs().is_empty());
    let layout = para.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    let families: Vec<&str> = layout.all_runs().iter().map(|r| r.font().family()).collect();
    // The default "serif" list: Noto Serif, then Noto Serif Hebrew for the Hebrew letters.
    assert!(families.contains(&"Noto Serif Hebrew"), "{families:?}");
    assert!(families.contains(&"Noto Serif"), "{families:?}");
}

#[test]
fn the_qa_text_has_a_glyph_for_every_char() {
    let Some(book) = book_with_noto() else { return };
    let mut cx = LayoutContext::new();
    // The bundled faces lack U+2212 − U+2192 → U+2264 ≤ U+2265 ≥; fonts-noto-core's symbol and
    // math faces (or DejaVu's) have them. Emoji need an emoji face (fonts-noto-color-emoji).
    let mut qa = String::from("מינוס − פֿײַל → ≤ 3 ≥ 1, and a check ✓");
    let emoji = book.families().iter().any(|f| f.contains("Emoji"));
    if emoji {
        qa.push_str(" 😀🇮🇱");
    } else {
        println!("no emoji face installed: emoji left out of the check");
    }
    for stack in [
        "Noto Serif, Noto Serif Hebrew",
        "serif",
        "sans-serif",
        "monospace",
    ] {
        let para = Paragraph::new(&qa, TextStyle::new(stack), &book, &mut cx).unwrap();
        assert!(
            para.missing_glyphs().is_empty(),
            "{stack}: missing at {:?}",
            para.missing_glyphs()
        );
    }
}
