//! Inline boxes: against headless Chromium (the same paragraphs with each U+FFFC an
//! `inline-block` span: same line breaks, box lines and x to 0.1 px, and on first lines the same
//! y for every vertical alignment), then by hand: bidi places a box inside a Yiddish phrase, the
//! line grows to the font-table heights, intrinsic widths count the box, editing geometry treats
//! it as one grapheme, justification does not stretch it, bad boxes are errors.

#![cfg(feature = "bundled-fonts")]

#[path = "common/proptest_config.rs"]
mod proptest_config;

use proptest::prelude::*;
use shrift::{
    BoxAlign, Cursor, Error, FontBook, InlineBox, Layout, LayoutContext, LayoutOptions, Movement, Paragraph,
    TextStyle,
};

const BOXES: &str = include_str!("data/boxes.txt");
const OBJ: char = '\u{FFFC}';

fn body() -> TextStyle {
    TextStyle::new("Noto Serif, Noto Serif Hebrew")
}

/// `text` with a box of `template`'s size and alignment on each U+FFFC, ids 0, 1, ... in text
/// order.
fn paragraph(text: &str, template: InlineBox, cx: &mut LayoutContext) -> Paragraph {
    let book = FontBook::with_bundled_fonts();
    let mut builder = Paragraph::builder(text, body());
    for (id, (offset, _)) in text.match_indices(OBJ).enumerate() {
        let b = InlineBox::new(id as u64, template.width(), template.height())
            .baseline(template.get_baseline())
            .align(template.get_align());
        builder = builder.inline_box(offset, b);
    }
    builder.build(&book, cx).expect("paragraph")
}

fn template(spec: &str) -> InlineBox {
    let (size, align) = spec.split_once(':').expect("WxH:ALIGN");
    let (w, h) = size.split_once('x').expect("WxH");
    let align = match align {
        "baseline" => BoxAlign::Baseline,
        "middle" => BoxAlign::Middle,
        "top" => BoxAlign::Top,
        _ => BoxAlign::Bottom,
    };
    InlineBox::new(0, w.parse().unwrap(), h.parse().unwrap()).align(align)
}

#[test]
fn boxes_break_and_sit_where_chromium_puts_inline_blocks() {
    let mut cx = LayoutContext::new();
    let (mut rows, mut boxes) = (0, 0);
    for row in include_str!("data/chromium_boxes.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let f: Vec<&str> = row.split('\t').collect();
        let width: f32 = f[0].parse().unwrap();
        let text = BOXES.lines().nth(f[2].parse().unwrap()).unwrap();
        let para = paragraph(text, template(f[1]), &mut cx);
        let layout = para.layout(&mut cx, &LayoutOptions::new(width)).unwrap();
        let ends: Vec<usize> = layout.lines().iter().map(|l| l.range().end).collect();
        let expected: Vec<usize> = f[3].split(',').map(|e| e.parse().unwrap()).collect();
        assert_eq!(
            ends, expected,
            "line ends of paragraph {} at {width} with {}",
            f[2], f[1]
        );
        let placed = layout.inline_boxes();
        let chromium: Vec<&str> = f[4].split(' ').filter(|s| !s.is_empty()).collect();
        assert_eq!(placed.len(), chromium.len());
        for (b, c) in placed.iter().zip(chromium) {
            let c: Vec<&str> = c.split('/').collect();
            let (offset, line, x, y): (usize, usize, f32, f32) = (
                c[0].parse().unwrap(),
                c[1].parse().unwrap(),
                c[2].parse().unwrap(),
                c[3].parse().unwrap(),
            );
            let at = format!("box at {offset} of paragraph {} at {width} with {}", f[2], f[1]);
            assert_eq!((b.offset, b.line), (offset, line), "{at}");
            // Chromium places in 1/64 px LayoutUnits, snapped per text fragment.
            assert!((b.x - x).abs() <= 0.1, "{at}: x {} against {x}", b.x);
            // Chromium rounds each line's ascent and descent to whole pixels: first lines only.
            if line == 0 {
                assert!((b.y - y).abs() <= 0.75, "{at}: y {} against {y}", b.y);
            }
            assert_eq!(
                (b.id as usize, b.width, b.height),
                (
                    text[..offset].matches(OBJ).count(),
                    template(f[1]).width(),
                    template(f[1]).height()
                )
            );
            boxes += 1;
        }
        rows += 1;
    }
    assert_eq!(rows, 144);
    assert!(boxes > 400, "{boxes}");
}

/// The x extent of the text `range` on its line (one rectangle).
fn extent(layout: &Layout, range: std::ops::Range<usize>) -> (f32, f32) {
    let rects = layout.selection_rects(range);
    let left = rects.iter().map(|r| r.x).fold(f32::INFINITY, f32::min);
    let right = rects
        .iter()
        .map(|r| r.x + r.width)
        .fold(f32::NEG_INFINITY, f32::max);
    (left, right)
}

#[test]
fn a_box_in_a_yiddish_phrase_stands_in_its_visual_place() {
    // UAX #9: the U+FFFC (class ON) between two Hebrew-script words resolves to their level
    // (N1): in a left-to-right English paragraph the phrase "דאָס ￼ בוך" reads right to left,
    // so the box stands left of דאָס and right of בוך.
    let mut cx = LayoutContext::new();
    let text = "He wrote דאָס \u{FFFC} בוך last year.";
    let para = paragraph(text, InlineBox::new(0, 30.0, 20.0), &mut cx);
    let layout = para.layout(&mut cx, &LayoutOptions::new(600.0)).unwrap();
    let b = layout.inline_boxes()[0];
    let das = text.find("דאָס").unwrap();
    let buch = text.find("בוך").unwrap();
    let (das_left, _) = extent(&layout, das..das + "דאָס".len());
    let (_, buch_right) = extent(&layout, buch..buch + "בוך".len());
    assert!(
        b.x + b.width <= das_left + 0.01,
        "box {:?} should be left of דאָס at {das_left}",
        b
    );
    assert!(
        b.x >= buch_right - 0.01 + 4.0,
        "box {:?} should be right of בוך and its space",
        b
    );
    let run = layout.all_runs().iter().find(|r| r.is_inline_box()).unwrap();
    assert_eq!(run.level(), 1);
    assert_eq!(layout.inline_box_of(run), Some(&b));
}

/// Noto Serif's hhea ascender and descender at 16 px, read from the font file.
fn noto_serif_metrics() -> (f32, f32) {
    let data = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fonts/NotoSerif-Regular.ttf"
    ))
    .unwrap();
    let face = ttf_parser::Face::parse(&data, 0).unwrap();
    let scale = 16.0 / f32::from(face.units_per_em());
    (
        f32::from(face.ascender()) * scale,
        -f32::from(face.descender()) * scale,
    )
}

#[test]
fn a_line_grows_to_fit_its_boxes() {
    let (ascent, descent) = noto_serif_metrics();
    let mut cx = LayoutContext::new();
    let line = |b: InlineBox, cx: &mut LayoutContext| {
        let para = paragraph("ab \u{FFFC} cd", b, cx);
        let layout = para.layout(cx, &LayoutOptions::new(300.0)).unwrap();
        let l = layout.lines()[0].clone();
        (l.height(), l.baseline(), layout.inline_boxes()[0])
    };
    // A small box changes nothing: the line is the font's (CSS's strut).
    let (h, _, _) = line(InlineBox::new(0, 10.0, 5.0), &mut cx);
    assert!((h - (ascent + descent)).abs() < 1e-3, "{h}");
    // A 40 px box on the baseline: 40 above it, the font's descent below.
    let (h, base, b) = line(InlineBox::new(0, 10.0, 40.0), &mut cx);
    assert!((h - (40.0 + descent)).abs() < 1e-3 && (base - 40.0).abs() < 1e-3 && b.y.abs() < 1e-3);
    // Its own baseline 30 px down: 30 above, 10 below (more than the font's descent).
    let (h, base, b) = line(InlineBox::new(0, 10.0, 40.0).baseline(30.0), &mut cx);
    assert!((h - 40.0).abs() < 1e-3 && (base - 30.0).abs() < 1e-3 && b.y.abs() < 1e-3);
    // Top: the box hangs from the line's top; the line deepens below the baseline.
    let (h, base, b) = line(InlineBox::new(0, 10.0, 40.0).align(BoxAlign::Top), &mut cx);
    assert!(
        (h - 40.0).abs() < 1e-3 && (base - ascent).abs() < 1e-3 && b.y.abs() < 1e-3,
        "{h} {base} {b:?}"
    );
    // Bottom: it stands on the line's bottom; the line grows above.
    let (h, base, b) = line(InlineBox::new(0, 10.0, 40.0).align(BoxAlign::Bottom), &mut cx);
    assert!((h - 40.0).abs() < 1e-3 && (base - (40.0 - descent)).abs() < 1e-3 && b.y.abs() < 1e-3);
}

#[test]
fn widths_count_the_box_and_justification_leaves_it_alone() {
    let mut cx = LayoutContext::new();
    let with = paragraph("word \u{FFFC} word", InlineBox::new(0, 37.5, 10.0), &mut cx);
    let without = paragraph("word \u{FFFC} word", InlineBox::new(0, 0.0, 10.0), &mut cx);
    assert!((with.max_content_width() - without.max_content_width() - 37.5).abs() < 1e-3);
    // The box is a break opportunity on both sides (UAX #14 CB), so alone it is the widest
    // unbreakable piece when wider than the words.
    let wide = paragraph("a \u{FFFC} b", InlineBox::new(0, 120.0, 10.0), &mut cx);
    assert!((wide.min_content_width() - 120.0).abs() < 1e-3);
    // Justified, the spaces take the slack, the box keeps its width.
    let text = "one two \u{FFFC} three four five six seven eight nine ten eleven";
    let para = paragraph(text, InlineBox::new(0, 25.0, 10.0), &mut cx);
    let layout = para
        .layout(
            &mut cx,
            &LayoutOptions::new(200.0).align(shrift::Alignment::Justify),
        )
        .unwrap();
    let run = layout.all_runs().iter().find(|r| r.is_inline_box()).unwrap();
    assert_eq!(run.width(), 25.0);
    assert_eq!(layout.glyphs(run)[0].extra, 0.0);
    assert!((layout.lines()[0].width() - 200.0).abs() < 0.01);
}

#[test]
fn editing_treats_a_box_as_one_grapheme() {
    let mut cx = LayoutContext::new();
    let text = "ab\u{FFFC}cd";
    let para = paragraph(text, InlineBox::new(0, 40.0, 20.0), &mut cx);
    let layout = para.layout(&mut cx, &LayoutOptions::new(300.0)).unwrap();
    let b = layout.inline_boxes()[0];
    let mut goal = None;
    assert_eq!(
        layout
            .move_cursor(Cursor::new(2), Movement::Forward, &mut goal)
            .offset,
        5
    );
    assert_eq!(
        layout
            .move_cursor(Cursor::new(5), Movement::Right, &mut goal)
            .offset,
        6
    );
    // A click left of the box's middle is before it, right of it after it.
    let y = b.y + b.height / 2.0;
    assert_eq!(layout.hit_test(b.x + 0.3 * b.width, y).offset, 2);
    assert_eq!(layout.hit_test(b.x + 0.7 * b.width, y).offset, 5);
    // Its caret positions are its edges; its selection is its rectangle.
    assert!((layout.carets(Cursor::new(2)).primary.x - b.x).abs() < 1e-3);
    assert!((layout.carets(Cursor::new(5)).primary.x - (b.x + b.width)).abs() < 1e-3);
    let rect = layout.selection_rects(2..5)[0];
    assert!((rect.x - b.x).abs() < 1e-3 && (rect.width - b.width).abs() < 1e-3);
}

#[test]
fn bad_boxes_are_errors() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let build = |text: &str, offset: usize, b: InlineBox, cx: &mut LayoutContext| {
        Paragraph::builder(text, body())
            .inline_box(offset, b)
            .build(&book, cx)
    };
    let ok = InlineBox::new(0, 10.0, 10.0);
    let is_box_error = |r: Result<Paragraph, Error>| matches!(r, Err(Error::InvalidInlineBox { .. }));
    assert!(is_box_error(build("abc", 1, ok, &mut cx)), "no U+FFFC there");
    assert!(
        is_box_error(build("a\u{FFFC}", 2, ok, &mut cx)),
        "inside the U+FFFC"
    );
    assert!(is_box_error(build("a\u{FFFC}", 9, ok, &mut cx)), "past the end");
    assert!(is_box_error(build(
        "\u{FFFC}",
        0,
        InlineBox::new(0, f32::NAN, 1.0),
        &mut cx
    )));
    assert!(is_box_error(build(
        "\u{FFFC}",
        0,
        InlineBox::new(0, -1.0, 1.0),
        &mut cx
    )));
    assert!(is_box_error(build(
        "\u{FFFC}",
        0,
        InlineBox::new(0, 1.0, 1e9),
        &mut cx
    )));
    assert!(is_box_error(build(
        "\u{FFFC}",
        0,
        InlineBox::new(0, 1.0, 5.0).baseline(6.0),
        &mut cx
    )));
    let twice = Paragraph::builder("\u{FFFC}", body())
        .inline_box(0, ok)
        .inline_box(0, ok)
        .build(&book, &mut cx);
    assert!(is_box_error(twice));
    // A U+FFFC without a box is text (the font's glyph for it), not a box.
    let plain = Paragraph::new("a\u{FFFC}b", body(), &book, &mut cx).unwrap();
    assert!(plain
        .layout(&mut cx, &LayoutOptions::new(100.0))
        .unwrap()
        .inline_boxes()
        .is_empty());
}

#[test]
fn a_truncated_line_keeps_boxes_that_fit_and_drops_the_rest() {
    let mut cx = LayoutContext::new();
    let text = "\u{FFFC} first \u{FFFC} second \u{FFFC} third \u{FFFC} fourth";
    let para = paragraph(text, InlineBox::new(0, 30.0, 12.0), &mut cx);
    let layout = para
        .layout(
            &mut cx,
            &LayoutOptions::new(150.0).truncate(shrift::Truncate::End),
        )
        .unwrap();
    assert_eq!(layout.lines().len(), 1);
    assert!(layout.lines()[0].width() <= 150.0 + 1e-3);
    let elided = layout.elided().to_vec();
    let kept: Vec<usize> = layout.inline_boxes().iter().map(|b| b.offset).collect();
    let expected: Vec<usize> = text
        .match_indices(OBJ)
        .map(|(i, _)| i)
        .filter(|i| !elided.iter().any(|r| r.contains(i)))
        .collect();
    assert_eq!(kept, expected);
    assert!(kept.len() < 4);
}

#[test]
fn the_editor_inserts_deletes_and_restores_boxes() {
    use shrift::{Editor, Selection};
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let mut e = Editor::new("שלום עולם", body(), &book, &mut cx, LayoutOptions::new(300.0)).unwrap();
    // Between the words: after "שלום " (9 bytes).
    e.set_selection(Selection {
        anchor: 9,
        focus: 9,
        affinity: Default::default(),
    });
    e.insert_box(&mut cx, InlineBox::new(42, 24.0, 18.0)).unwrap();
    assert_eq!(e.text(), "שלום \u{FFFC}עולם");
    assert_eq!(e.selection().focus, 12);
    let placed = |e: &Editor| e.layout().blocks()[0].inline_boxes().to_vec();
    assert_eq!(placed(&e).len(), 1);
    assert_eq!((placed(&e)[0].id, placed(&e)[0].offset), (42, 9));
    // Typing before it moves it.
    e.set_selection(Selection::caret(0));
    e.insert(&mut cx, "אַ ").unwrap();
    assert_eq!(e.inline_boxes()[0].0, 9 + "אַ ".len());
    // Backspace after it takes it away, with its U+FFFC; undo puts both back.
    let at = e.inline_boxes()[0].0 + '\u{FFFC}'.len_utf8();
    e.set_selection(Selection::caret(at));
    e.backspace(&mut cx).unwrap();
    assert!(e.inline_boxes().is_empty() && placed(&e).is_empty());
    assert!(!e.text().contains('\u{FFFC}'));
    e.undo(&mut cx).unwrap();
    assert_eq!(e.inline_boxes().len(), 1);
    assert_eq!(placed(&e)[0].id, 42);
    // A bad box is refused and changes nothing.
    let before = e.text().to_string();
    assert!(e.insert_box(&mut cx, InlineBox::new(1, f32::NAN, 1.0)).is_err());
    assert_eq!(e.text(), before);
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "word", "שלום", "אָ", " ", " ", "\u{FFFC}", "\u{FFFC}", "(", "1925", "\u{5B7}", "-", "\t", "\u{200F}",
        "ab",
    ])
}

fn align() -> impl Strategy<Value = BoxAlign> {
    prop::sample::select(vec![
        BoxAlign::Baseline,
        BoxAlign::Middle,
        BoxAlign::Top,
        BoxAlign::Bottom,
    ])
}

proptest! {
    #![proptest_config(proptest_config::config(300, 0x1b0c_5eed, None))]

    /// Any text with boxes of any size and alignment, at any width, wrapped, justified, broken
    /// optimally or truncated: every box not cut away is reported once with its id and size, on
    /// the line holding its U+FFFC, inside that line box vertically and inside its content
    /// horizontally (but a box wider than the width, alone on its line); the geometry answers.
    #[test]
    fn boxes_stay_in_their_lines(
        pieces in prop::collection::vec(piece(), 1..24),
        sizes in prop::collection::vec((0.0f32..80.0, 0.0f32..60.0, align()), 12),
        width in 20.0f32..400.0,
        mode in 0u8..4,
    ) {
        let text: String = pieces.concat();
        let book = FontBook::with_bundled_fonts();
        let mut cx = LayoutContext::new();
        let mut builder = Paragraph::builder(&text, body());
        let offsets: Vec<usize> = text.match_indices(OBJ).map(|(i, _)| i).collect();
        for (k, &o) in offsets.iter().enumerate() {
            let (w, h, a) = sizes[k % sizes.len()];
            builder = builder.inline_box(o, InlineBox::new(k as u64, w, h).align(a));
        }
        let para = builder.build(&book, &mut cx).unwrap();
        let options = match mode {
            0 => LayoutOptions::new(width),
            1 => LayoutOptions::new(width).align(shrift::Alignment::Justify),
            2 => LayoutOptions::new(width).breaking(shrift::LineBreaking::Optimal),
            _ => LayoutOptions::new(width).truncate(shrift::Truncate::End),
        };
        let layout = para.layout(&mut cx, &options).unwrap();
        let elided = layout.elided().to_vec();
        let shown: Vec<usize> = offsets.iter().copied().filter(|o| !elided.iter().any(|r| r.contains(o))).collect();
        let placed: Vec<usize> = layout.inline_boxes().iter().map(|b| b.offset).collect();
        prop_assert_eq!(&placed, &shown);
        for b in layout.inline_boxes() {
            let k = offsets.iter().position(|&o| o == b.offset).unwrap();
            let (w, h, _) = sizes[k % sizes.len()];
            prop_assert_eq!((b.id, b.width, b.height), (k as u64, w, h));
            let line = &layout.lines()[b.line];
            prop_assert!(line.range().contains(&b.offset));
            prop_assert!(b.y >= line.top() - 1e-3 && b.y + b.height <= line.top() + line.height() + 1e-3,
                "{:?} outside line {:?}..{:?}", b, line.top(), line.top() + line.height());
            let alone = w > width;
            prop_assert!(alone || (b.x >= -1e-3 && b.x + b.width <= layout.width() + 1e-2), "{:?} at width {}", b, width);
            let _ = layout.carets(Cursor::new(b.offset));
            let _ = layout.hit_test(b.x + b.width / 2.0, b.y + b.height / 2.0);
        }
    }
}
