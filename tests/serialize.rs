//! A `Layout` serialised (feature `serde`) in the layout dump's shape (`../shared/DESIGN.md`):
//! the fields the oracle reads, with the values the layout's own accessors give, offsets shifted
//! by `AtOffset`. (That the shape is the contract is checked by the oracle itself:
//! `tools/oracle_check.sh` reads dumps the `dump` example writes with this serialisation.)

#![cfg(all(feature = "serde", feature = "bundled-fonts"))]

use shrift::{AtOffset, FontBook, LayoutContext, LayoutOptions, Paragraph, SpanStyle, TextStyle};

#[test]
fn a_layout_serialises_as_a_dump_paragraph() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text = "דער „פֿאָרווערטס“ (The Forward) איז געגרינדעט געוואָרן אין 1897";
    let para = Paragraph::builder(text, TextStyle::new("Noto Serif, Noto Serif Hebrew"))
        .span(0..6, SpanStyle::new().paint(5))
        .build(&book, &mut cx)
        .unwrap();
    let layout = para
        .layout(&mut cx, &LayoutOptions::new(200.0).max_lines(2))
        .unwrap();
    let v = serde_json::to_value(AtOffset(&layout, 100)).unwrap();
    assert_eq!(v["range"], serde_json::json!([100, 100 + text.len()]));
    assert_eq!(v["direction"], "rtl");
    let lines = v["lines"].as_array().unwrap();
    assert_eq!(lines.len(), layout.lines().len());
    for (line, lv) in layout.lines().iter().zip(lines) {
        let r = line.range();
        assert_eq!(lv["range"], serde_json::json!([r.start + 100, r.end + 100]));
        assert_eq!(lv["baseline"].as_f64().unwrap() as f32, line.baseline());
        let runs: Vec<_> = layout.runs(line).iter().filter(|r| !r.is_ellipsis()).collect();
        let rv = lv["runs"].as_array().unwrap();
        assert_eq!(rv.len(), runs.len());
        for (run, rv) in runs.iter().zip(rv) {
            assert_eq!(rv["font"], run.font().name());
            assert_eq!(rv["level"], run.level());
            assert_eq!(rv["script"], run.script());
            assert_eq!(rv["paint"], run.paint());
            let glyphs = rv["glyphs"].as_array().unwrap();
            for (g, gv) in layout.glyphs(run).iter().zip(glyphs) {
                assert_eq!(gv["id"], g.id);
                assert_eq!(gv["cluster"], g.text_offset() + 100);
                assert_eq!(gv["x"].as_f64().unwrap() as f32, g.x);
            }
        }
    }
    // The clamped last line's ellipsis: apart from the runs, with the string it shapes.
    let last = lines.last().unwrap();
    assert_eq!(last["ellipsis"][0]["text"], "…");
    assert_eq!(v["elided"][0][1], 100 + text.len());
    // A run's paint: the span over "דער " (bytes 0..6 are its three letters).
    assert!(lines
        .iter()
        .flat_map(|l| l["runs"].as_array().unwrap())
        .any(|r| r["paint"] == 5));
}
