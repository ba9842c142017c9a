//! The shape cache gives exactly what shaping gives: for random text, styles and widths, layouts
//! made with a warm cache (the same and other texts laid out before, other sizes) equal layouts
//! made with the cache off, glyph for glyph. And it stays within its budget.

#![cfg(feature = "bundled-fonts")]

use std::sync::OnceLock;

use proptest::prelude::*;

#[path = "common/proptest_config.rs"]
mod proptest_config;
use shrift::{BaseDirection, FontBook, Layout, LayoutContext, LayoutOptions, Paragraph, TextStyle};

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| {
        // ContextTest kerns "x" before "space A" only: a lookup across a space, which the word
        // path must leave to item shaping.
        let mut book = FontBook::with_bundled_fonts();
        let path = format!("{}/tests/fonts/ContextTest.ttf", env!("CARGO_MANIFEST_DIR"));
        book.add(shrift::Font::from_file(path, 0).unwrap());
        book
    })
}

const PIECES: &[&str] = &[
    "א",
    "ב",
    "ײַ",
    "פֿ",
    "אָ",
    "ייִ",
    "\u{05B7}",
    "\u{05D9}\u{05B7}",
    "a",
    "f",
    "fi",
    "ffl",
    "W",
    "AV",
    "To",
    "0",
    "12",
    " ",
    " ",
    "  ",
    ".",
    ",",
    "(",
    ")",
    "„",
    "“",
    "-",
    "־",
    "\u{2067}",
    "\u{2069}",
    "\u{200D}",
    "\t",
    "\n",
    "The ",
    "ייִדיש ",
    "1897 ",
    "\u{AD}",
    "x A",
    "aa x ",
    "A",
];

fn config() -> ProptestConfig {
    proptest_config::config(200, 20261127, None)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..50).prop_map(|v| v.concat())
}

fn layout(cx: &mut LayoutContext, text: &str, style: &TextStyle, dir: BaseDirection, width: f32) -> Layout {
    let para = Paragraph::builder(text, style.clone())
        .direction(dir)
        .build(book(), cx)
        .unwrap();
    para.layout(cx, &LayoutOptions::new(width)).unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn cached_layouts_equal_uncached_ones(
        texts in prop::collection::vec(text(), 1..4),
        stack in 0usize..3,
        words in any::<bool>(),
        size in prop::sample::select(vec![11.0f32, 16.0, 32.0]),
        dir in prop::sample::select(vec![BaseDirection::Auto, BaseDirection::Ltr, BaseDirection::Rtl]),
        width in 20.0f32..400.0,
    ) {
        let stack = ["Noto Sans Hebrew, Noto Sans", "Noto Serif, Noto Serif Hebrew", "Context Test, Noto Sans Hebrew"][stack];
        let style = TextStyle::new(stack).size(size);
        let mut warm = LayoutContext::new();
        warm.set_word_cache(words);
        // Warm the cache with every text at another size, and the first text at this one.
        for t in &texts {
            layout(&mut warm, t, &style.clone().size(size + 5.0), dir, width);
        }
        layout(&mut warm, &texts[0], &style, dir, width);
        let mut cold = LayoutContext::new();
        cold.set_shape_cache_budget(0);
        for t in &texts {
            let a = layout(&mut warm, t, &style, dir, width);
            let b = layout(&mut cold, t, &style, dir, width);
            prop_assert_eq!(a.all_glyphs(), b.all_glyphs(), "{:?}", t);
            prop_assert_eq!(a.lines(), b.lines());
        }
        // Something was shaped (text not only line breaks) and so answered from the cache.
        if texts.iter().any(|t| t.chars().any(|c| c != '\n')) {
            prop_assert!(warm.shape_cache_stats().hits > 0);
        }
        prop_assert_eq!(cold.shape_cache_stats().entries, 0);
    }
}

#[test]
fn words_are_shared_between_items() {
    // Word cache: an item is shaped as its words (each with its spaces), each kept in the cache.
    let mut cx = LayoutContext::new();
    cx.set_word_cache(true);
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    Paragraph::new("the cat sat", style.clone(), book(), &mut cx).unwrap();
    // By hand: three words, three shaper calls.
    assert_eq!(cx.shaper_calls(), 3);
    // "the " and "sat" come from the cache: one call, for "dog ".
    Paragraph::new("the dog sat", style.clone(), book(), &mut cx).unwrap();
    assert_eq!(cx.shaper_calls(), 4);
    // Yiddish too (Hebrew script shapers read no context).
    Paragraph::new("דער הונט", style.clone(), book(), &mut cx).unwrap();
    Paragraph::new("דער קאַץ", style, book(), &mut cx).unwrap();
    assert_eq!(cx.shaper_calls(), 4 + 2 + 1);
}

#[test]
fn a_lookup_across_a_space_leaves_the_word_path() {
    // hb-shape (see tests/unsafe_breaks.rs): in "aa x A" the x is kerned to 200 units, "aa x "
    // alone gives it 500. Shaped alone, "x " ends unsafe to concat (the kern looked past its
    // end), so the item is shaped whole: "aa " and "x " by the word path, then the item.
    let mut cx = LayoutContext::new();
    cx.set_word_cache(true);
    let style = TextStyle::new("Context Test").size(1000.0);
    let para = Paragraph::new("aa x A", style, book(), &mut cx).unwrap();
    assert_eq!(cx.shaper_calls(), 3);
    let layout = para.layout(&mut cx, &LayoutOptions::new(5000.0)).unwrap();
    let x = layout.all_glyphs().iter().find(|g| g.cluster == 3).unwrap();
    assert_eq!(x.advance, 200.0);
}

#[test]
fn entries_moved_by_eviction_give_what_shaping_gives() {
    // A budget of a few entries over a small vocabulary: entries are evicted, their arena space
    // reclaimed by moving the live ones, and the moved ones hit later. Every layout must equal
    // one made with the cache off.
    let mut cached = LayoutContext::new();
    cached.set_shape_cache_budget(6000);
    cached.set_word_cache(true);
    let mut plain = LayoutContext::new();
    plain.set_shape_cache_budget(0);
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    let words = ["the", "quick", "דער", "טעקסט", "brown", "פֿאַר", "fox", "jumps"];
    for i in 0..300usize {
        let text: Vec<&str> = (0..1 + i % 5)
            .map(|k| words[(i * 7 + k * 3) % words.len()])
            .collect();
        let text = text.join(" ");
        let a = layout(&mut cached, &text, &style, BaseDirection::Auto, 300.0);
        let b = layout(&mut plain, &text, &style, BaseDirection::Auto, 300.0);
        assert_eq!(a.all_glyphs(), b.all_glyphs(), "{text:?}");
        assert!(cached.shape_cache_stats().bytes <= 6000);
    }
    let stats = cached.shape_cache_stats();
    assert!(stats.hits > 100 && stats.misses > 100, "{stats:?}");
}

#[test]
fn the_cache_stays_within_its_budget() {
    let mut cx = LayoutContext::new();
    cx.set_shape_cache_budget(4096);
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    for i in 0..200 {
        let text = format!("paragraph number {i} with some words, דער טעקסט {i}");
        Paragraph::new(&text, style.clone(), book(), &mut cx).unwrap();
        let stats = cx.shape_cache_stats();
        assert!(stats.bytes <= 4096, "{stats:?}");
    }
    let stats = cx.shape_cache_stats();
    assert!(stats.entries > 0 && stats.misses >= 200, "{stats:?}");
    // A rebuild of a recent paragraph hits.
    let hits = stats.hits;
    Paragraph::new(
        "paragraph number 199 with some words, דער טעקסט 199",
        style,
        book(),
        &mut cx,
    )
    .unwrap();
    assert!(cx.shape_cache_stats().hits > hits);
}
