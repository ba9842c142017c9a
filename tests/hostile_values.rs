//! Every accepted value gives a sane layout (issue 28): each case here failed before its fix.
//! Expected values come from the text itself (byte offsets, grapheme boundaries by
//! unicode-segmentation) and from the rule each case states.

#![cfg(feature = "bundled-fonts")]

use shrift::{
    DocumentCursor, Editor, FontBook, LayoutContext, LayoutOptions, Paragraph, Selection, TextStyle,
};
use unicode_segmentation::UnicodeSegmentation;

fn book() -> FontBook {
    FontBook::with_bundled_fonts()
}

fn style() -> TextStyle {
    TextStyle::new("Noto Sans Hebrew, Noto Sans")
}

/// Whether `offset` is a grapheme boundary of `text` (unicode-segmentation, not shrift).
fn on_boundary(text: &str, offset: usize) -> bool {
    offset == text.len() || text.grapheme_indices(true).any(|(i, _)| i == offset)
}

/// Row 1: a triple click (paragraph) and a line selection on "a\r\nb" select "a", not "a\r":
/// CR LF is one grapheme cluster (UAX #29 GB3) and one hard break (UAX #14 LB5).
#[test]
fn selections_stop_before_a_crlf() {
    let book = book();
    let mut cx = LayoutContext::new();
    let mut editor = Editor::new("a\r\nb", style(), &book, &mut cx, LayoutOptions::new(200.0)).unwrap();
    editor.select_paragraph_at(1.0, 1.0);
    assert_eq!(editor.selection().range(), 0..1);
    editor.select_line_at(1.0, 1.0);
    assert_eq!(editor.selection().range(), 0..1);
    // Typing over it keeps the CR LF whole.
    editor.insert(&mut cx, "x").unwrap();
    assert_eq!(editor.text(), "x\r\nb");
    // A lone CR ends a line too.
    let mut editor = Editor::new("a\rb", style(), &book, &mut cx, LayoutOptions::new(200.0)).unwrap();
    editor.select_line_at(1.0, 1.0);
    assert_eq!(editor.selection().range(), 0..1);
}

/// Row 1, the fuzz input the issue gives: an insert of "a\r\n" then a triple click must leave the
/// selection on cluster boundaries.
#[test]
fn the_editor_script_input_of_the_issue_keeps_boundaries() {
    let book = book();
    let mut cx = LayoutContext::new();
    let mut editor = Editor::new("", style(), &book, &mut cx, LayoutOptions::new(200.0)).unwrap();
    editor.insert(&mut cx, "a\r\n").unwrap();
    editor.select_paragraph_at(0.0, 0.0);
    let sel = editor.selection();
    assert!(
        on_boundary(editor.text(), sel.anchor) && on_boundary(editor.text(), sel.focus),
        "{sel:?}"
    );
}

/// Row 2: an offset past a block's end gives the block's end (no overflow), and an offset inside
/// a cluster gives a cluster boundary.
#[test]
fn document_cursors_past_the_end_or_inside_a_cluster_are_clamped() {
    let book = book();
    let mut cx = LayoutContext::new();
    let text = "אַ\nb";
    let editor = Editor::new(text, style(), &book, &mut cx, LayoutOptions::new(200.0)).unwrap();
    let at = |block, offset| DocumentCursor {
        block,
        cursor: shrift::Cursor::new(offset),
    };
    assert_eq!(editor.offset_of(at(1, usize::MAX)), text.len());
    assert_eq!(editor.offset_of(at(0, usize::MAX)), 5); // the end of block 0's text, its "\n" in it
    assert_eq!(editor.offset_of(at(usize::MAX, 3)), text.len());
    // Inside alef + patah (bytes 0..4): the nearer boundary.
    assert_eq!(editor.offset_of(at(0, 1)), 0);
    assert!(on_boundary(text, editor.offset_of(at(0, 3))));
    let mut editor = editor;
    editor.set_selection(Selection::caret(usize::MAX));
    assert_eq!(editor.selection().focus, text.len());
}

/// Row 3: what truncation leaves out starts and ends on grapheme boundaries, also where a ZWJ or
/// ZWNJ (which rule L1 lets hang) follows the last letter kept.
#[test]
fn elided_text_starts_and_ends_on_cluster_boundaries() {
    let book = book();
    let mut cx = LayoutContext::new();
    let cases: [(&str, LayoutOptions); 4] = [
        ("a\u{200d}\nb", LayoutOptions::new(200.0).max_lines(1)),
        ("a\u{200c}\nb", LayoutOptions::new(200.0).max_lines(1)),
        (
            "abc\u{200d} defghijkl",
            LayoutOptions::new(40.0).truncate(shrift::Truncate::End),
        ),
        (
            "abc\u{200c} defghijkl",
            LayoutOptions::new(40.0).truncate(shrift::Truncate::End),
        ),
    ];
    for (text, options) in cases {
        let para = Paragraph::new(text, style(), &book, &mut cx).unwrap();
        let layout = para.layout(&mut cx, &options).unwrap();
        assert!(!layout.elided().is_empty(), "{text:?}");
        for r in layout.elided() {
            assert!(
                on_boundary(text, r.start) && on_boundary(text, r.end),
                "{text:?}: {r:?}"
            );
        }
    }
}

/// Every line and every run within `0..=width` (1e-3 px of float slack), but a line holding one
/// grapheme cluster of text (the crate's promise: no line is wider than the layout unless it
/// holds a single cluster that is).
fn within_the_box(layout: &shrift::Layout, width: f32) -> Result<(), String> {
    for (k, line) in layout.lines().iter().enumerate() {
        let text = layout.text()[line.range()].trim_end();
        if text.graphemes(true).count() <= 1 {
            continue;
        }
        if line.width() > width + 1e-3 || line.x() < -1e-3 {
            return Err(format!(
                "line {k}: x {} width {} in a box of {width}",
                line.x(),
                line.width()
            ));
        }
        for run in layout.runs(line) {
            if run.x() < -1e-3 || run.x() + run.width() > width + 1e-3 {
                return Err(format!(
                    "line {k}: a run at {} wide {} in {width}",
                    run.x(),
                    run.width()
                ));
            }
        }
    }
    Ok(())
}

/// Row 4: an ellipsis wider than the box is itself cut to the clusters that fit (CSS clips it);
/// it never widens the line. Both directions, every truncation.
#[test]
fn an_ellipsis_wider_than_the_box_is_cut() {
    let book = book();
    let mut cx = LayoutContext::new();
    let long = "…".repeat(3413); // 10 KB
    for text in ["one two three four five six seven", "אײן צװײ דרײַ פֿיר פֿינף זעקס"] {
        for (ellipsis, width) in [(long.as_str(), 100.0), ("…", 5.0), ("…", 0.0), ("......", 12.0)] {
            let para = Paragraph::builder(text, style())
                .ellipsis(ellipsis)
                .build(&book, &mut cx)
                .unwrap();
            for options in [
                LayoutOptions::new(width).max_lines(2),
                LayoutOptions::new(width).max_lines(1),
                LayoutOptions::new(width).truncate(shrift::Truncate::End),
                LayoutOptions::new(width).truncate(shrift::Truncate::Start),
                LayoutOptions::new(width).truncate(shrift::Truncate::Middle),
            ] {
                let layout = para.layout(&mut cx, &options).unwrap();
                let at = format!("{text:?} ellipsis of {} bytes at {width} px", ellipsis.len());
                within_the_box(&layout, width).unwrap_or_else(|e| panic!("{at}: {e}"));
                // What is shown of the ellipsis is a prefix of it in reading order.
                for run in layout.all_runs().iter().filter(|r| r.is_ellipsis()) {
                    assert!(layout.glyphs(run).len() <= ellipsis.chars().count(), "{at}");
                }
            }
        }
    }
}

/// Row 5: tab stops and intervals past `MAX_WIDTH` (where f32 stops keeping 1/64 px) are an
/// error; a tab never takes the pen past `MAX_WIDTH`; a tab stop past the box hangs, and the
/// text before it stays in the box.
#[test]
fn tab_stops_beyond_max_width_are_errors_and_tabs_stay_in_the_box() {
    use shrift::{Alignment, Error, TabStops, MAX_WIDTH};
    let book = book();
    let mut cx = LayoutContext::new();
    for stops in [
        TabStops::new().stop(1e30),
        TabStops::new().stop(f32::MAX),
        TabStops::every(f32::MAX),
        TabStops::every(MAX_WIDTH * 2.0),
    ] {
        let built = Paragraph::builder("a\tb", style())
            .tab_stops(stops)
            .build(&book, &mut cx);
        assert!(matches!(built, Err(Error::InvalidTabStops(_))), "{built:?}");
    }
    let para = Paragraph::builder("a\tb\tc\td", style())
        .tab_stops(TabStops::every(MAX_WIDTH))
        .build(&book, &mut cx)
        .unwrap();
    let layout = para.layout(&mut cx, &LayoutOptions::no_wrap()).unwrap();
    for g in layout.all_glyphs() {
        assert!(g.x.is_finite() && g.x <= MAX_WIDTH + 100.0, "{g:?}");
    }
    // A stop past a 300 px box, right-aligned: "a" stays inside the box.
    let para = Paragraph::builder("a\tb", style())
        .tab_stops(TabStops::new().stop(1000.0))
        .build(&book, &mut cx)
        .unwrap();
    let layout = para
        .layout(&mut cx, &LayoutOptions::new(300.0).align(Alignment::Right))
        .unwrap();
    within_the_box(&layout, 300.0).unwrap();
    let a = layout.all_glyphs().iter().find(|g| g.cluster == 0).unwrap();
    assert!(
        a.x < 300.0 && layout.lines()[0].width() > 0.0,
        "{a:?} {:?}",
        layout.lines()[0]
    );
}

/// Row 6: line heights whose boxes f32 cannot place are errors: a height in px past `MAX_WIDTH`,
/// a factor past 100 (at `MAX_FONT_SIZE` a line of 100 times a face's natural height is still an
/// exact f32); and what is accepted gives finite coordinates.
#[test]
fn line_heights_past_the_limits_are_errors() {
    use shrift::{Error, LineHeight, MAX_WIDTH};
    let book = book();
    let mut cx = LayoutContext::new();
    let para = Paragraph::new("one\ntwo", style(), &book, &mut cx).unwrap();
    for mode in [
        LineHeight::Px(f32::MAX),
        LineHeight::Px(MAX_WIDTH * 2.0),
        LineHeight::Natural(f32::MAX),
        LineHeight::FontSize(f32::MAX),
        LineHeight::Uniform(f32::MAX),
        LineHeight::Natural(101.0),
    ] {
        let laid = para.layout(&mut cx, &LayoutOptions::new(100.0).line_height_mode(mode));
        assert!(
            matches!(laid, Err(Error::InvalidLineHeight(_))),
            "{mode:?}: {laid:?}"
        );
    }
    for mode in [
        LineHeight::Px(MAX_WIDTH),
        LineHeight::Natural(100.0),
        LineHeight::FontSize(100.0),
        LineHeight::Uniform(100.0),
    ] {
        let big = Paragraph::new("one\ntwo", style().size(shrift::MAX_FONT_SIZE), &book, &mut cx).unwrap();
        let layout = big
            .layout(&mut cx, &LayoutOptions::new(100.0).line_height_mode(mode))
            .unwrap();
        assert!(layout.height().is_finite());
        for g in layout.all_glyphs() {
            assert!(g.x.is_finite() && g.y.is_finite(), "{mode:?}");
        }
    }
    // The space after a block likewise.
    let mut doc = shrift::Document::new();
    doc.push(shrift::Block::new(para.clone()).space_after(f32::MAX));
    doc.push(shrift::Block::new(para));
    assert!(matches!(
        doc.layout(&mut cx, 100.0),
        Err(Error::InvalidSpacing(_))
    ));
}

/// Row 7: letter spacing may be negative (CSS), but never so that a cluster's advance goes below
/// zero: the pen never moves back, so lines have a width of at least 0, glyphs stay in reading
/// order, and carets and selections keep working.
#[test]
fn negative_spacing_never_moves_the_pen_back() {
    use shrift::{Alignment, Cursor};
    let book = book();
    let mut cx = LayoutContext::new();
    for (text, spacing) in [("abc def", -50.0), ("אבג דהו", -50.0), ("abc def", -1e5)] {
        let para = Paragraph::new(
            text,
            style().letter_spacing(spacing).word_spacing(spacing),
            &book,
            &mut cx,
        )
        .unwrap();
        assert!(para.max_content_width() >= 0.0);
        for align in [Alignment::Start, Alignment::Right, Alignment::Center] {
            let layout = para
                .layout(&mut cx, &LayoutOptions::new(100.0).align(align))
                .unwrap();
            for line in layout.lines() {
                assert!(
                    line.width() >= 0.0 && line.x() >= 0.0 && line.x() <= 100.0,
                    "{line:?}"
                );
                for run in layout.runs(line) {
                    let pens: Vec<f32> = layout.pens(run).map(|(p, _)| p).collect();
                    assert!(pens.windows(2).all(|w| w[0] <= w[1]), "{text:?}: {pens:?}");
                }
            }
            within_the_box(&layout, 100.0).unwrap();
            // Carets stay in the box and selections are not negative.
            for (i, _) in text.char_indices() {
                let c = layout.carets(Cursor::new(i)).primary;
                assert!((0.0..=100.0).contains(&c.x));
            }
            assert!(layout
                .selection_rects(0..text.len())
                .iter()
                .all(|r| r.width >= 0.0));
        }
    }
}

/// Found by the `layout_options` fuzz target: `TextWrap::Pretty` at width 0 looped for ever
/// (its narrower widths went down in steps of width / 64 = 0).
#[test]
fn pretty_wrapping_at_width_zero_ends() {
    let book = book();
    let mut cx = LayoutContext::new();
    let para = Paragraph::new("a headline of a few words", style(), &book, &mut cx).unwrap();
    let layout = para
        .layout(
            &mut cx,
            &LayoutOptions::new(0.0).text_wrap(shrift::TextWrap::Pretty),
        )
        .unwrap();
    // One grapheme cluster a line, as first fit gives at width 0.
    let first_fit = para.layout(&mut cx, &LayoutOptions::new(0.0)).unwrap();
    assert_eq!(layout.lines(), first_fit.lines());
    // The smallest subnormal width: a 64th of it is 0 too.
    let tiny = LayoutOptions::new(f32::from_bits(1)).text_wrap(shrift::TextWrap::Pretty);
    assert_eq!(
        para.layout(&mut cx, &tiny).unwrap().lines().len(),
        first_fit.lines().len()
    );
}
