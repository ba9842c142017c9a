//! The font book: folders read recursively, generic families, faces read on first use, fallback
//! beyond a stack. Expected faces by hand from the files in `fonts/` and `tests/fonts/` (their
//! family names as `fc-scan` prints them).

#![cfg(feature = "bundled-fonts")]

use shrift::{FontBook, FontStack, LayoutContext, LayoutOptions, Paragraph, TextStyle};

#[test]
fn load_dir_reads_the_folders_below() {
    let mut book = FontBook::new();
    // tests/ holds no font file itself; tests/fonts/ holds .ttf files of one face each and
    // NotoSansHebrew.ttc of two (the published package leaves Frank Ruehl CLM out: counted
    // from the folder).
    let fonts = format!("{}/tests/fonts", env!("CARGO_MANIFEST_DIR"));
    let files: Vec<String> = std::fs::read_dir(&fonts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let expected = files.iter().filter(|f| f.ends_with(".ttf")).count()
        + 2 * files.iter().filter(|f| f.ends_with(".ttc")).count();
    let n = book
        .load_dir(format!("{}/tests", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    assert_eq!(n, expected);
    assert!(book.find("DejaVu Sans", 400, false).is_some());
    assert!(book.load_dir("/no/such/folder").is_err());
}

#[test]
fn generic_families_stand_for_lists() {
    let mut book = FontBook::with_bundled_fonts();
    let families = |book: &FontBook, stack: &str| {
        book.resolve(&FontStack::new(stack), 400, false)
            .unwrap()
            .iter()
            .map(|f| f.family().to_string())
            .collect::<Vec<_>>()
    };
    // Of the default lists, the bundled faces have Noto Sans and Noto Sans Hebrew, in that order.
    assert_eq!(families(&book, "sans-serif"), ["Noto Sans", "Noto Sans Hebrew"]);
    assert_eq!(families(&book, "serif"), ["Noto Serif", "Noto Serif Hebrew"]);
    // A family after a generic one still joins; a list can be changed.
    book.set_generic_family("serif", &["Noto Serif Hebrew", "Noto Serif"]);
    assert_eq!(
        families(&book, "serif, Noto Sans"),
        ["Noto Serif Hebrew", "Noto Serif", "Noto Sans"]
    );
    // The bundled faces have no monospaced one: of the "monospace" list only its Hebrew face.
    assert_eq!(families(&book, "monospace"), ["Noto Sans Hebrew"]);
    assert!(book.resolve(&FontStack::new("cursive"), 400, false).is_err());
}

#[test]
fn a_face_added_by_name_is_read_when_first_asked_for() {
    let mut book = FontBook::new();
    let path = format!("{}/tests/fonts/DejaVuSans.ttf", env!("CARGO_MANIFEST_DIR"));
    book.add_lazy(&path, 0, "DejaVu Sans", 400, false);
    book.add_lazy("/no/such/file.ttf", 0, "DejaVu Sans", 700, false);
    assert_eq!((book.fonts().len(), book.face_count()), (0, 2));
    assert_eq!(book.families(), ["DejaVu Sans"]);
    // The bold one cannot be read: the regular one stands in.
    let font = book.find("DejaVu Sans", 700, false).unwrap();
    assert_eq!(font.weight(), 400);
}

#[test]
fn what_no_face_of_the_stack_has_comes_from_the_rest_of_the_book() {
    let mut book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    // Noto Sans has no Hebrew letters; of the book's other faces, Noto Sans Hebrew and Noto
    // Serif Hebrew have them, and the one of the stack's kind (sans) is taken.
    let text = "Shalom שלום";
    let para = Paragraph::new(text, TextStyle::new("Noto Sans"), &book, &mut cx).unwrap();
    assert!(para.missing_glyphs().is_empty());
    let layout = para.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    let hebrew = layout.all_runs().iter().find(|r| r.range().contains(&7)).unwrap();
    assert_eq!(hebrew.font().family(), "Noto Sans Hebrew");
    // Serif asks for serif.
    let para = Paragraph::new(text, TextStyle::new("Noto Serif").weight(700), &book, &mut cx).unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    let hebrew = layout.all_runs().iter().find(|r| r.range().contains(&7)).unwrap();
    assert_eq!(
        (hebrew.font().family(), hebrew.font().weight()),
        ("Noto Serif Hebrew", 700)
    );
    // Without fallback: the stack's .notdef, reported.
    book.set_fallback(false);
    let para = Paragraph::new(text, TextStyle::new("Noto Sans"), &book, &mut cx).unwrap();
    assert_eq!(para.missing_glyphs(), &[7, 9, 11, 13]);
    // The layout reports them as it draws them, left to right: the Hebrew word's last letter
    // first. Narrower, each word on a line of its own: the same, and nothing for the Latin line.
    let layout = para.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    assert_eq!(layout.missing_glyphs(), &[13, 11, 9, 7]);
    assert!(layout
        .all_glyphs()
        .iter()
        .filter(|g| g.cluster >= 7)
        .all(|g| g.id == 0));
    let layout = para.layout(&mut cx, &LayoutOptions::new(60.0)).unwrap();
    assert_eq!(
        (layout.lines().len(), layout.missing_glyphs()),
        (2, &[13, 11, 9, 7][..])
    );
    // Letter spacing places glyph by glyph (another path): the same report.
    let spaced = Paragraph::new(
        text,
        TextStyle::new("Noto Sans").letter_spacing(1.0),
        &book,
        &mut cx,
    )
    .unwrap();
    let layout = spaced.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    assert_eq!(layout.missing_glyphs(), &[13, 11, 9, 7]);
    let layout = Paragraph::new("Shalom", TextStyle::new("Noto Sans"), &book, &mut cx)
        .unwrap()
        .layout(&mut cx, &LayoutOptions::new(600.0))
        .unwrap();
    assert!(layout.missing_glyphs().is_empty());
}
