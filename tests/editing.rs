//! Editing geometry on short texts with expectations worked out by hand (the rule is cited at
//! each case), and the document-level wrappers.

#![cfg(feature = "bundled-fonts")]

use shrift::{
    backspace_range, delete_range, words, Affinity, Block, Cursor, Direction, Document, DocumentCursor,
    FontBook, Layout, LayoutContext, LayoutOptions, Movement, Paragraph, TextStyle,
};

fn lay(text: &str, width: f32) -> Layout {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let para = Paragraph::new(
        text,
        TextStyle::new("Noto Sans, Noto Sans Hebrew"),
        &book,
        &mut cx,
    )
    .unwrap();
    para.layout(&mut cx, &LayoutOptions::new(width)).unwrap()
}

#[test]
fn backspace_removes_the_last_point_of_a_yiddish_letter() {
    // Pango's backspace_deletes_character is set after Hebrew base letters (only Latin, Greek
    // and Cyrillic clusters go whole), Chromium's backspace state machine removes one code point
    // outside emoji sequences: so after a pointed letter only the point goes.
    let pe = "\u{05E4}\u{05BC}"; // פּ decomposed
    assert_eq!(backspace_range(pe, pe.len()), 2..4);
    let alef = "\u{05D0}\u{05B8}"; // אָ
    assert_eq!(backspace_range(alef, alef.len()), 2..4);
    let tsvey = "\u{05F2}\u{05B7}"; // ײַ: tsvey yudn + patah
    assert_eq!(backspace_range(tsvey, tsvey.len()), 2..4);
    // Precomposed presentation forms are one char: they go whole.
    assert_eq!(backspace_range("\u{FB1F}", 3), 0..3);
    assert_eq!(backspace_range("\u{FB2F}", 3), 0..3);
    assert_eq!(backspace_range("\u{FB44}", 3), 0..3); // פּ
                                                      // Latin with a combining accent, an emoji ZWJ sequence, CR LF: the whole cluster.
    assert_eq!(backspace_range("e\u{301}", 3), 0..3);
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    assert_eq!(backspace_range(family, family.len()), 0..family.len());
    assert_eq!(backspace_range("a\r\n", 3), 1..3);
    // Nothing before the start; an offset inside a cluster is clamped first.
    assert_eq!(backspace_range(alef, 0), 0..0);
    assert_eq!(backspace_range(alef, 3), 2..4);
}

#[test]
fn delete_removes_a_whole_cluster() {
    // GTK and Chromium delete forward by grapheme cluster (UAX #29).
    let text = "\u{05E4}\u{05BC}\u{05D0}\u{05B8}";
    assert_eq!(delete_range(text, 0), 0..4);
    assert_eq!(delete_range(text, 4), 4..8);
    assert_eq!(delete_range(text, 8), 8..8);
    assert_eq!(delete_range(text, 99), 8..8);
}

#[test]
fn yiddish_word_boundaries() {
    // UAX #29: maqaf U+05BE is WB class Other, so it ends a word; geresh U+05F3 is ALetter
    // (inside the word); gershayim U+05F4 is MidLetter, kept between two letters by WB6/WB7.
    let text = "ניו־יאָרק ר׳ ת״ת";
    let got: Vec<&str> = words(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(got, ["ניו", "יאָרק", "ר׳", "ת״ת"]);
}

#[test]
fn hebrew_halves_and_line_sides() {
    // One RTL line "אב": א is the right glyph. Its left half gives the offset after it (2),
    // its right half the offset before (0); right of the line is the start, left the end.
    let l = lay("אב", 300.0);
    let runs = l.runs(&l.lines()[0]);
    let glyphs = l.glyphs(&runs[0]);
    assert_eq!(glyphs.len(), 2);
    let alef = glyphs.iter().find(|g| g.cluster == 0).unwrap();
    let y = 5.0;
    for (share, offset) in [(0.25, 2), (0.4, 2), (0.6, 0), (0.75, 0)] {
        assert_eq!(
            l.hit_test(alef.x + alef.advance * share, y).offset,
            offset,
            "{share}"
        );
    }
    assert_eq!(l.hit_test(1000.0, y).offset, 0);
    assert_eq!(l.hit_test(-1000.0, y).offset, 4);
    // Non-finite points: NaN counts as 0, infinities as far beside.
    assert_eq!(l.hit_test(f32::INFINITY, f32::NAN).offset, 0);
    assert_eq!(l.hit_test(f32::NEG_INFINITY, f32::INFINITY).offset, 4);
    assert_eq!(l.hit_test(f32::NAN, f32::NEG_INFINITY), l.hit_test(0.0, 0.0));
}

#[test]
fn a_hit_takes_the_nearer_edge_of_the_cluster() {
    // Pango (pango_layout_xy_to_index) and Chromium: a point in a cluster's left half of a
    // left-to-right run is the offset before it, in its right half the offset after. By hand:
    // "a" of Noto Sans advances 561 of 1000 units (hmtx), 8.976 px at 16 px, so the midpoint
    // of "a" in "ab" is 4.488 px from the line's left edge; "b" (615 units: 9.84 px) spans
    // 8.976 to 18.816, midpoint 13.896 (HarfBuzz shapes "ab" with exactly these advances, no
    // kerning).
    let l = lay("ab", 300.0);
    let y = 5.0;
    let cases = [
        (0.5, 0),
        (4.40, 0),
        (4.58, 1),
        (8.5, 1),
        (13.80, 1),
        (13.99, 2),
        (18.7, 2),
    ];
    for (x, offset) in cases {
        assert_eq!(l.hit_test(x, y).offset, offset, "x = {x}");
    }
}

#[test]
fn line_start_rule_for_a_right_to_left_line_starting_in_english() {
    // Pango's line-start rule: at a line start the grapheme before counts as having the line's
    // direction, so the strong caret is the line's start edge (the right edge of a right-aligned
    // RTL line: the box width) and the weak one the leading (left) edge of "Forward".
    let text = "אבגדהוזחטיכלמנסעפצקרשת Forward אב";
    let l = lay(text, 200.0);
    let k = l
        .lines()
        .iter()
        .position(|line| text[line.range()].starts_with("Forward"))
        .unwrap();
    let line = &l.lines()[k];
    assert_eq!(line.direction(), Direction::Rtl);
    let run = l
        .runs(line)
        .iter()
        .find(|r| text[r.range()].starts_with("Forward"))
        .unwrap();
    let c = l.carets(Cursor::new(line.range().start));
    assert_eq!(c.line, k);
    assert!((c.primary.x - 200.0).abs() < 1e-3, "{c:?}");
    let weak = c.secondary.expect("split");
    assert!((weak.x - run.x()).abs() < 1e-3, "{weak:?} vs run at {}", run.x());
    // Heights are the line box's.
    assert_eq!((c.primary.top, c.primary.height), (line.top(), line.height()));
}

#[test]
fn affinity_at_a_wrap_picks_the_line() {
    // A word too long for the line is broken between clusters with nothing to hang: the wrap
    // offset is the end of one line (upstream) and the start of the next (downstream).
    let l = lay("abcdefghijklmnopqrstuvwxyz", 60.0);
    assert!(l.lines().len() > 1);
    let wrap = l.lines()[0].range().end;
    assert_eq!(l.line_of(Cursor::new(wrap)), 1);
    assert_eq!(l.line_of(Cursor::upstream(wrap)), 0);
    let line0 = &l.lines()[0];
    // Right of line 0 is its end: the wrap offset, upstream, drawn at the line's right end.
    let hit = l.hit_test(1000.0, line0.top() + 1.0);
    assert_eq!(
        hit,
        Cursor {
            offset: wrap,
            affinity: Affinity::Upstream
        }
    );
    let c = l.carets(hit);
    assert_eq!(c.line, 0);
    assert!((c.primary.x - (line0.x() + line0.width())).abs() < 1e-3);
    // End on line 0 gives the same; Home on line 1 the downstream wrap offset.
    let mut goal = None;
    assert_eq!(l.move_cursor(Cursor::new(1), Movement::LineEnd, &mut goal), hit);
    assert_eq!(
        l.move_cursor(Cursor::new(wrap + 1), Movement::LineStart, &mut goal),
        Cursor::new(wrap)
    );
}

#[test]
fn end_before_the_space_that_hangs() {
    // Soft wrap after "hello ": End stops before the space (Pango and Chromium), Home of the
    // next line is after it.
    let l = lay("hello world again", 50.0);
    let line0 = l.lines()[0].range();
    assert_eq!(&l.text()[line0.clone()], "hello ");
    let mut goal = None;
    assert_eq!(
        l.move_cursor(Cursor::new(2), Movement::LineEnd, &mut goal),
        Cursor::new(5)
    );
    assert_eq!(
        l.move_cursor(Cursor::new(8), Movement::LineStart, &mut goal),
        Cursor::new(6)
    );
    // Selecting "hello world" highlights "hello" and "world", not the hanging space.
    let rects = l.selection_rects(0..11);
    assert_eq!(rects.len(), 2);
    assert!(rects.iter().all(|r| r.x + r.width <= 50.0 + 1e-3));
}

#[test]
fn logical_and_word_movement() {
    let text = "אַ גוטן The Forward";
    let l = lay(text, 400.0);
    let mut goal = None;
    // Forward and Backward go by cluster: אַ is 4 bytes.
    assert_eq!(
        l.move_cursor(Cursor::new(0), Movement::Forward, &mut goal).offset,
        4
    );
    assert_eq!(
        l.move_cursor(Cursor::new(4), Movement::Backward, &mut goal)
            .offset,
        0
    );
    // Word forward stops at the end of the next word; word backward at the start of the
    // previous one.
    assert_eq!(
        l.move_cursor(Cursor::new(0), Movement::WordForward, &mut goal)
            .offset,
        4
    );
    assert_eq!(
        l.move_cursor(Cursor::new(4), Movement::WordForward, &mut goal)
            .offset,
        13
    ); // אַ (4 bytes), space, גוטן (8)
    let the = text.find("The").unwrap();
    assert_eq!(
        l.move_cursor(Cursor::new(the + 2), Movement::WordBackward, &mut goal)
            .offset,
        the
    );
    assert_eq!(
        l.move_cursor(Cursor::new(text.len()), Movement::TextStart, &mut goal)
            .offset,
        0
    );
    assert_eq!(l.word_at(the + 1), the..the + 3);
}

#[test]
fn ctrl_arrows_move_the_way_they_point() {
    // RTL line "אַ גוטן The Forward": visually "The Forward" stands left of the Hebrew. Ctrl+Left
    // from the start (right end) goes to the left edge of the first Hebrew word (the offset
    // after it), then of the second, then of... every step strictly left on screen.
    let text = "אַ גוטן The Forward";
    let l = lay(text, 400.0);
    let mut goal = None;
    let mut c = Cursor::new(0);
    let mut xs = vec![l.carets(c).primary.x];
    for _ in 0..10 {
        let next = l.move_cursor(c, Movement::WordLeft, &mut goal);
        if next == c {
            break;
        }
        c = next;
        xs.push(l.carets(c).primary.x);
    }
    assert!(xs.windows(2).all(|w| w[1] < w[0]), "{xs:?}");
    assert_eq!(
        c.offset,
        text.find("Forward").map(|i| i + 7).unwrap().min(text.len())
    );
    assert_eq!(
        l.move_cursor(Cursor::new(0), Movement::WordLeft, &mut goal)
            .offset,
        4
    );
}

#[test]
fn documents_hit_and_move_across_blocks() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let style = TextStyle::new("Noto Sans, Noto Sans Hebrew");
    let mut doc = Document::new();
    for t in ["first block", "שני בלאָק"] {
        let para = Paragraph::new(t, style.clone(), &book, &mut cx).unwrap();
        doc.push(Block::new(para).space_after(20.0));
    }
    let laid = doc.layout(&mut cx, 300.0).unwrap();
    let second = &laid.blocks()[1].lines()[0];
    let hit = laid.hit_test(1000.0, second.top() + 2.0);
    assert_eq!(
        hit,
        DocumentCursor {
            block: 1,
            cursor: Cursor::new(0)
        }
    );
    assert_eq!(laid.hit_test(0.0, -50.0).block, 0);
    assert_eq!(laid.hit_test(0.0, 1e6).block, 1);
    let mut goal = None;
    let down = laid.move_cursor(DocumentCursor::default(), Movement::Down, &mut goal);
    assert_eq!(down.block, 1);
    let fwd = laid.move_cursor(
        DocumentCursor {
            block: 0,
            cursor: Cursor::new(11),
        },
        Movement::Forward,
        &mut goal,
    );
    assert_eq!(
        fwd,
        DocumentCursor {
            block: 1,
            cursor: Cursor::new(0)
        }
    );
    let rects = laid.selection_rects(
        DocumentCursor {
            block: 0,
            cursor: Cursor::new(6),
        },
        DocumentCursor {
            block: 1,
            cursor: Cursor::new(6),
        },
    );
    assert_eq!(rects.iter().map(|r| r.0).collect::<Vec<_>>(), vec![0, 1]);
    assert!(laid
        .carets(DocumentCursor {
            block: 5,
            cursor: Cursor::new(0)
        })
        .is_none());
}
