//! Tab stops (`TabStops`, `ParagraphBuilder::tab_stops`).
//!
//! Widths from HarfBuzz (uharfbuzz 0.57, hb_shape, 16 px): Noto Serif "Item" 35.184, "Qty"
//! 26.544, "Bagels" 48.816, "12" 17.888, "YIVO Institute" 106.528, space 4.16 (so the default
//! interval, 8 spaces, is 33.28 px and a stop nearer than half a space, 2.08 px, is skipped);
//! Noto Serif Hebrew "שלום" 34.208, "עולם" 30.16. The stops are worked by hand from those, as CSS
//! Text 3 §4.2 (`tab-size`) and a word processor's left stops place them.

#![cfg(feature = "bundled-fonts")]

use shrift::{
    BaseDirection, Error, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, TabStops, TextStyle,
};

fn lay(text: &str, style: TextStyle, stops: TabStops, dir: BaseDirection, width: f32) -> Layout {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let p = Paragraph::builder(text, style)
        .tab_stops(stops)
        .direction(dir)
        .build(&book, &mut cx)
        .unwrap();
    p.layout(&mut cx, &LayoutOptions::new(width)).unwrap()
}

fn serif() -> TextStyle {
    TextStyle::new("Noto Serif, Noto Serif Hebrew")
}

/// The pen x where the glyph of the char at `cluster` starts.
fn pen_at(layout: &Layout, cluster: usize) -> f32 {
    pens(layout).find(|(_, g)| g.text_offset() == cluster).unwrap().0
}

/// Every glyph with its pen position, run after run.
fn pens(layout: &Layout) -> impl Iterator<Item = (f32, &shrift::Glyph)> {
    layout.all_runs().iter().flat_map(|r| layout.pens(r))
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.01
}

#[test]
fn default_stops_line_columns_up_every_eight_spaces() {
    // "Item" ends at 35.184 (past 33.28): "Qty" at 66.56; it ends at 93.104: "Price" at 99.84.
    // "Bagels" ends at 48.816: "12" at 66.56; it ends at 84.448: "4.50" at 99.84.
    let text = "Item\tQty\tPrice\nBagels\t12\t4.50";
    let layout = lay(text, serif(), TabStops::new(), BaseDirection::Auto, 400.0);
    assert_eq!(layout.lines().len(), 2);
    assert!(close(pen_at(&layout, 5), 66.56));
    assert!(close(pen_at(&layout, 9), 99.84));
    let second = text.find("12").unwrap();
    assert!(close(pen_at(&layout, second), 66.56));
    assert!(close(pen_at(&layout, second + 3), 99.84));
    // The tab glyph's advance is the distance to its stop.
    let tab = layout.all_glyphs().iter().find(|g| g.cluster == 4).unwrap();
    assert!(close(tab.advance + tab.extra, 66.56 - 35.184));
}

#[test]
fn a_stop_nearer_than_half_a_space_is_skipped() {
    // Every 36 px: "Item" ends at 35.184, 0.816 px before the stop: the tab goes to 72.
    let layout = lay(
        "Item\tQty",
        serif(),
        TabStops::every(36.0),
        BaseDirection::Auto,
        400.0,
    );
    assert!(close(pen_at(&layout, 5), 72.0));
}

#[test]
fn explicit_stops_come_first_then_the_interval() {
    // Stops at 120 and 50 (given out of order), then every 100: "YIVO Institute" ends at
    // 106.528 -> 120; "12" ends at 137.888 -> 200; "Qty" ends at 226.544 -> 300.
    let text = "YIVO Institute\t12\tQty\tx";
    let stops = TabStops::every(100.0).stop(120.0).stop(50.0);
    let layout = lay(text, serif(), stops, BaseDirection::Auto, 600.0);
    assert!(close(pen_at(&layout, 15), 120.0));
    assert!(close(pen_at(&layout, 18), 200.0));
    assert!(close(pen_at(&layout, 22), 300.0));
}

#[test]
fn in_a_right_to_left_paragraph_stops_count_from_the_right_edge() {
    // "שלום" (34.208) from the right edge of a 300 px line: the tab takes the pen to 66.56 from
    // it, so "עולם" (30.16) starts there and its left edge is at 300 - 66.56 - 30.16.
    let text = "שלום\tעולם";
    let layout = lay(text, serif(), TabStops::new(), BaseDirection::Rtl, 300.0);
    let second = text.find('ע').unwrap();
    let left = pens(&layout)
        .filter(|(_, g)| g.text_offset() >= second)
        .map(|(pen, _)| pen)
        .fold(f32::INFINITY, f32::min);
    assert!(close(left, 300.0 - 66.56 - 30.16), "{left}");
    // And the first word sits at the right edge.
    let first_right = pens(&layout)
        .filter(|(_, g)| g.cluster < 8)
        .map(|(pen, g)| pen + g.advance)
        .fold(0.0f32, f32::max);
    assert!(close(first_right, 300.0));
}

#[test]
fn line_breaking_measures_tabs_at_their_stops() {
    // "Item\tQty" is 66.56 + 26.544 = 93.104 px with the default stops: one line at 100 px.
    // With stops every 90 px it is 116.544: "Qty" goes to the next line.
    let one = lay("Item\tQty", serif(), TabStops::new(), BaseDirection::Auto, 100.0);
    assert_eq!(one.lines().len(), 1);
    let two = lay(
        "Item\tQty",
        serif(),
        TabStops::every(90.0),
        BaseDirection::Auto,
        100.0,
    );
    assert_eq!(two.lines().len(), 2);
    // On the second line the tab hangs at the first line's end; "Qty" starts at 0.
    assert!(close(pen_at(&two, 5), 0.0));
    // The intrinsic width counts the tab at its stop.
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let p = Paragraph::builder("Item\tQty", serif())
        .tab_stops(TabStops::every(90.0))
        .build(&book, &mut cx)
        .unwrap();
    assert!(close(p.max_content_width(), 116.544), "{}", p.max_content_width());
}

#[test]
fn bad_tab_stops_are_errors() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    for stops in [
        TabStops::every(0.0),
        TabStops::every(f32::NAN),
        TabStops::new().stop(-1.0),
    ] {
        let result = Paragraph::builder("a\tb", serif())
            .tab_stops(stops)
            .build(&book, &mut cx);
        assert!(matches!(result, Err(Error::InvalidTabStops(_))));
    }
}

/// A ZWJ after a tab is shaped into the tab's cluster (two glyphs, one cluster): the cluster is
/// as wide as the tab, once. Found by tests/edit_properties.rs: the tab's width went to both
/// glyphs, and the line overflowed its box. Noto Serif: "a" 9.008 px (hmtx 563 at 16 px), so
/// the tab stops at the first default stop, 33.28 (more than half a space away), where "b"
/// starts.
#[test]
fn a_tab_cluster_of_two_glyphs_is_one_tab_wide() {
    for text in ["a\t\u{200d}b", "a\t\u{200c}b"] {
        let l = lay(text, serif(), TabStops::new(), BaseDirection::Ltr, 300.0);
        let b = text.len() - 1;
        assert!(close(pen_at(&l, b), 33.28), "{text:?}: b at {}", pen_at(&l, b));
        let line = &l.lines()[0];
        assert!(close(
            line.width(),
            33.28 + pens(&l).find(|(_, g)| g.text_offset() == b).unwrap().1.advance
        ));
    }
}
