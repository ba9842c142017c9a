//! Every accepted value gives a sane layout (issue 28): random text (CR LF, ZWJ sequences,
//! points, bidi controls, tabs, soft hyphens, paragraph separators) with random spacing, tab
//! stops, ellipses, decorations, and every layout option at random values, extremes included.
//! A value shrift turns away must be one of the documented errors; every layout it accepts must
//! keep the invariants of `common/invariants.rs`. The `layout_options` fuzz target runs the same
//! check on arbitrary bytes.

#![cfg(feature = "bundled-fonts")]

#[path = "common/invariants.rs"]
mod invariants;
#[path = "common/proptest_config.rs"]
mod proptest_config;

use proptest::prelude::*;
use shrift::{
    Alignment, Error, FontBook, LayoutContext, LayoutOptions, LineBreaking, LineHeight, OverflowWrap,
    Paragraph, TabStops, TextStyle, TextWrap, Truncate, TruncateAt,
};

fn text() -> impl Strategy<Value = String> {
    proptest_config::mixed_text(
        &[
            "a\r\nb",
            "e\u{301}",
            "👍🏽",
            "👨\u{200d}👩\u{200d}👧",
            "x\u{200d}",
            "y\u{200c}",
            "\u{2067}שלום\u{2069}",
            "\u{202b}abc\u{202c}",
            "co\u{ad}op",
            "\u{2029}",
            "\t",
            "בּ\u{5bc}",
        ],
        &[" ", " ", "\t", "\n", "\r\n", "", "\u{a0}", "  "],
        0..24,
    )
}

/// A number from the ordinary and the extreme: what a style or option might be given.
fn number() -> impl Strategy<Value = f32> {
    prop_oneof![
        4 => -50.0f32..400.0,
        1 => Just(0.0f32),
        1 => Just(f32::MAX),
        1 => Just(-f32::MAX),
        1 => Just(f32::NAN),
        1 => Just(f32::INFINITY),
        1 => Just(shrift::MAX_WIDTH),
        1 => Just(1e30f32),
        1 => Just(-1e5f32),
        1 => Just(1e-6f32),
    ]
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    let align = prop::sample::select(vec![
        Alignment::Start,
        Alignment::End,
        Alignment::Center,
        Alignment::Left,
        Alignment::Right,
        Alignment::Justify,
    ]);
    let height = (0..4u8, number()).prop_map(|(k, v)| match k {
        0 => LineHeight::Natural(v),
        1 => LineHeight::FontSize(v),
        2 => LineHeight::Px(v),
        _ => LineHeight::Uniform(v),
    });
    let wrap = prop::sample::select(vec![
        OverflowWrap::Anywhere,
        OverflowWrap::BreakWord,
        OverflowWrap::Normal,
    ]);
    let truncate = prop::option::of(prop::sample::select(vec![
        Truncate::End,
        Truncate::Start,
        Truncate::Middle,
    ]));
    let at = prop::sample::select(vec![TruncateAt::Grapheme, TruncateAt::Word]);
    let text_wrap = prop::sample::select(vec![TextWrap::Wrap, TextWrap::Balance, TextWrap::Pretty]);
    let breaking = prop::sample::select(vec![LineBreaking::FirstFit, LineBreaking::Optimal]);
    (
        prop_oneof![4 => 0.0f32..500.0, 1 => number()],
        any::<bool>(),
        align,
        height,
        wrap,
        prop::option::of(0usize..4),
        truncate,
        at,
        (text_wrap, breaking),
    )
        .prop_map(
            |(width, no_wrap, align, height, wrap, max_lines, truncate, at, (text_wrap, breaking))| {
                let mut o = if no_wrap {
                    LayoutOptions::no_wrap()
                } else {
                    LayoutOptions::new(width)
                };
                o = o
                    .align(align)
                    .line_height_mode(height)
                    .overflow_wrap(wrap)
                    .truncate_at(at)
                    .text_wrap(text_wrap)
                    .breaking(breaking);
                if let Some(n) = max_lines {
                    o = o.max_lines(n);
                }
                if let Some(t) = truncate {
                    o = o.truncate(t);
                }
                o
            },
        )
}

/// Paragraph settings: letter and word spacing, tab stops, an ellipsis, decorations, size.
#[derive(Debug, Clone)]
struct Settings {
    letter: f32,
    word: f32,
    tabs: (f32, f32),
    ellipsis: Option<String>,
    decorated: bool,
    size: f32,
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        prop_oneof![3 => Just(0.0f32), 2 => -20.0f32..20.0, 1 => number()],
        prop_oneof![3 => Just(0.0f32), 2 => -20.0f32..20.0, 1 => number()],
        (number(), number()),
        prop::option::of(prop_oneof![
            Just(String::new()),
            Just("…".repeat(300)),
            Just("...".into()),
            "[א-ת…]{1,6}"
        ]),
        any::<bool>(),
        prop_oneof![4 => Just(16.0f32), 1 => 0.5f32..200.0],
    )
        .prop_map(|(letter, word, tabs, ellipsis, decorated, size)| Settings {
            letter,
            word,
            tabs,
            ellipsis,
            decorated,
            size,
        })
}

proptest! {
    #![proptest_config(proptest_config::config(300, 0x28_0ba1, None))]

    #[test]
    fn every_accepted_value_gives_a_sane_layout(text in text(), s in settings(), options in options()) {
        let book = FontBook::with_bundled_fonts();
        let mut cx = LayoutContext::new();
        let mut style = TextStyle::new("Noto Sans, Noto Sans Hebrew")
            .size(s.size)
            .letter_spacing(s.letter)
            .word_spacing(s.word);
        if s.decorated {
            style = style.underline(true).strikethrough(true);
        }
        let mut builder = Paragraph::builder(&text, style)
            .tab_stops(TabStops::every(s.tabs.0).stop(s.tabs.1));
        if let Some(e) = &s.ellipsis {
            builder = builder.ellipsis(e);
        }
        let para = match builder.build(&book, &mut cx) {
            Ok(p) => p,
            Err(e) => {
                // Only the value errors the style and the tab stops document.
                prop_assert!(
                    matches!(e, Error::InvalidLetterSpacing(_) | Error::InvalidTabStops(_) | Error::InvalidFontSize { .. }),
                    "{e:?}"
                );
                return Ok(());
            }
        };
        let layout = match para.layout(&mut cx, &options) {
            Ok(l) => l,
            Err(e) => {
                prop_assert!(
                    matches!(e, Error::InvalidWidth(_) | Error::InvalidLineHeight(_) | Error::InvalidMaxLines),
                    "{e:?}"
                );
                return Ok(());
            }
        };
        if let Err(broken) = invariants::check(&text, &layout, &options) {
            prop_assert!(false, "{broken}\n{text:?}\n{s:?}\n{options:?}");
        }
    }
}
