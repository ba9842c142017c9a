//! Bad input gives a documented `Err`, never a panic.

#[cfg(feature = "bundled-fonts")]
use shrift::{BaseDirection, Block, Document, FontStack, LayoutContext, LayoutOptions, Paragraph, TextStyle};
use shrift::{Error, Font, FontBook};

#[cfg(feature = "bundled-fonts")]
fn body() -> TextStyle {
    TextStyle::new("Noto Serif, Noto Serif Hebrew")
}

#[test]
fn garbage_font_bytes_are_an_error() {
    for bytes in [Vec::new(), b"not a font at all".to_vec(), vec![0u8; 4096], {
        // A real header over a truncated table directory.
        let mut b = include_bytes!("../fonts/NotoSansHebrew-Regular.ttf")[..40].to_vec();
        b.extend_from_slice(&[0xFF; 16]);
        b
    }] {
        let err = Font::from_bytes(bytes, 0, "bad.ttf").unwrap_err();
        assert!(
            matches!(err, Error::FontParse { ref name, .. } if name == "bad.ttf"),
            "{err:?}"
        );
    }
}

#[test]
fn collection_index_out_of_range_is_an_error() {
    let bytes = include_bytes!("../fonts/NotoSansHebrew-Regular.ttf").to_vec();
    assert!(Font::from_bytes(bytes.clone(), 0, "ok.ttf").is_ok());
    assert!(matches!(
        Font::from_bytes(bytes, 3, "ok.ttf"),
        Err(Error::FontParse { .. })
    ));
}

#[test]
fn ttc_faces_load_by_index_and_an_index_past_the_end_is_an_error() {
    // tests/fonts/NotoSansHebrew.ttc: the Regular and Bold faces in one collection (fontTools).
    let path = format!("{}/tests/fonts/NotoSansHebrew.ttc", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(Font::from_file(&path, 0).unwrap().weight(), 400);
    assert_eq!(Font::from_file(&path, 1).unwrap().weight(), 700);
    assert!(matches!(Font::from_file(&path, 2), Err(Error::FontParse { .. })));
    // load_dir takes every face of every font file: one per .ttf here, two in the .ttc.
    let dir = format!("{}/tests/fonts", env!("CARGO_MANIFEST_DIR"));
    let ttf = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "ttf"))
        .count();
    let mut book = FontBook::new();
    assert_eq!(book.load_dir(&dir).unwrap(), ttf + 2);
}

#[test]
fn missing_font_file_is_an_io_error() {
    let err = Font::from_file("/nonexistent/font.ttf", 0).unwrap_err();
    assert!(matches!(err, Error::FontIo { .. }), "{err:?}");
}

#[test]
#[cfg(feature = "bundled-fonts")]
fn empty_stack_and_unknown_families_are_errors() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let err = Paragraph::new("abc", TextStyle::new(""), &book, &mut cx).unwrap_err();
    assert_eq!(err, Error::EmptyStack);
    let err = Paragraph::new("abc", TextStyle::new("No Such Face, Nor This"), &book, &mut cx).unwrap_err();
    assert!(matches!(err, Error::NoFontInStack { .. }), "{err:?}");
    // An empty book knows no family.
    let err = Paragraph::new("abc", body(), &FontBook::new(), &mut cx).unwrap_err();
    assert!(matches!(err, Error::NoFontInStack { .. }), "{err:?}");
    assert!(FontBook::new()
        .resolve(&FontStack::new(" , "), 400, false)
        .is_err());
}

#[test]
#[cfg(feature = "bundled-fonts")]
fn spans_out_of_range_or_off_char_boundaries_are_errors() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = "אַ b"; // א is bytes 0..2, the patah 2..4
    #[allow(clippy::reversed_empty_ranges)] // a reversed range is one of the bad inputs
    let bad = [0..99, 1..3, 3..2, 6..7];
    for range in bad {
        let err = Paragraph::builder(text, body())
            .span(range.clone(), body().weight(700))
            .build(&book, &mut cx)
            .unwrap_err();
        assert_eq!(
            err,
            Error::InvalidRange {
                start: range.start,
                end: range.end,
                len: text.len()
            },
            "{range:?}"
        );
    }
    assert!(Paragraph::builder(text, body())
        .span(0..4, body().weight(700))
        .build(&book, &mut cx)
        .is_ok());
}

#[test]
#[cfg(feature = "bundled-fonts")]
fn bad_widths_and_line_heights_are_errors() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let para = Paragraph::new("some text", body(), &book, &mut cx).unwrap();
    for w in [f32::NAN, -1.0, f32::INFINITY, f32::NEG_INFINITY] {
        let err = para.layout(&mut cx, &LayoutOptions::new(w)).unwrap_err();
        assert!(matches!(err, Error::InvalidWidth(_)), "{w}: {err:?}");
    }
    let err = para
        .layout(&mut cx, &LayoutOptions::new(100.0).line_height(f32::NAN))
        .unwrap_err();
    assert!(matches!(err, Error::InvalidLineHeight(_)));
    let mut doc = Document::new();
    doc.push(Block::new(para.clone()));
    assert!(matches!(
        doc.layout(&mut cx, f32::NAN),
        Err(Error::InvalidWidth(_))
    ));
    assert!(matches!(
        Document::new().layout(&mut cx, -1.0),
        Err(Error::InvalidWidth(_))
    ));
    let mut spaced = Document::new();
    spaced.push(Block::new(para.clone()).space_after(-2.0));
    assert_eq!(
        spaced.layout(&mut cx, 100.0).unwrap_err(),
        Error::InvalidSpacing(-2.0)
    );
    let mut tall = Document::new();
    tall.push(Block::new(para.clone()).line_height(f32::INFINITY));
    assert!(matches!(
        tall.layout(&mut cx, 100.0),
        Err(Error::InvalidLineHeight(_))
    ));
    // Width 0 is legal: one grapheme cluster a line.
    let layout = para.layout(&mut cx, &LayoutOptions::new(0.0)).unwrap();
    assert_eq!(layout.lines().len(), "sometext".len());
}

#[test]
#[cfg(feature = "bundled-fonts")]
fn bad_style_values_are_errors() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    for size in [0.0, -3.0, f32::NAN, f32::INFINITY, 1e9] {
        let err = Paragraph::new("x", body().size(size), &book, &mut cx).unwrap_err();
        assert!(matches!(err, Error::InvalidFontSize { .. }), "{size}: {err:?}");
    }
    for weight in [0, 1001] {
        assert_eq!(
            Paragraph::new("x", body().weight(weight), &book, &mut cx).unwrap_err(),
            Error::InvalidWeight(weight)
        );
    }
    for tag in ["", "y i", "-yi", "ייִדיש"] {
        let err = Paragraph::new("x", body().language(tag), &book, &mut cx).unwrap_err();
        assert!(matches!(err, Error::InvalidLanguage(_)), "{tag:?}: {err:?}");
    }
    for f in ["", "toolong", "liga=x", "+"] {
        assert!(
            matches!(f.parse::<shrift::Feature>(), Err(Error::InvalidFeature(_))),
            "{f:?}"
        );
    }
}

#[test]
#[cfg(feature = "bundled-fonts")]
fn empty_text_lays_out_as_one_empty_line() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let para = Paragraph::builder("", body())
        .direction(BaseDirection::Rtl)
        .build(&book, &mut cx)
        .unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(100.0)).unwrap();
    assert_eq!(layout.lines().len(), 1);
    assert_eq!(layout.lines()[0].range(), 0..0);
    assert!(
        layout.lines()[0].height() > 0.0,
        "an empty line still has the face's height"
    );
    assert!(layout.all_glyphs().is_empty());
}
