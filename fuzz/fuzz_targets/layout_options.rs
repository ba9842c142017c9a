//! Every option value through the layout (issue 28): spacing, tab stops, line heights, ellipses,
//! truncation modes, wrap and breaking modes, alignment, at any f32 (NaN, infinities and extremes
//! included), on arbitrary text. A value shrift turns away must be a documented error; every
//! layout it accepts must keep the invariants of `tests/common/invariants.rs` (finite
//! coordinates, lines within the box but single clusters, hits, carets, selections and elided
//! text on grapheme boundaries, by unicode-segmentation).
//!
//! Input: 4 f32s (width, letter spacing, word spacing, line-height value), 2 f32s (tab interval,
//! tab stop), then 6 bytes: flags (no wrap, decorations, ellipsis kind, hyphens auto or none,
//! inline boxes on every U+FFFC sized by the spacing values, a paint span on every mark),
//! alignment, line-height mode, overflow wrap and the face (Noto, Inter's variable face at the
//! line-height value's wght or the letter spacing's slnt, or synthetic bold italic), max lines,
//! truncation / wrap / breaking; then the text (UTF-8, lossily). Emoji fall back to a colour face.
#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use shrift::{
    Alignment, BoxAlign, Error, FontBook, Hyphens, InlineBox, LayoutContext, LayoutOptions, LineBreaking, LineHeight,
    OverflowWrap, Paragraph, SpanStyle, TabStops, TextStyle, TextWrap, Truncate, TruncateAt, Variation,
};
use std::sync::OnceLock;

/// The bundled faces, a variable face (Inter, wght and slnt) and colour emoji (CBDT).
fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let mut book = FontBook::with_bundled_fonts();
        for (bytes, name) in [
            (&include_bytes!("../../tests/fonts/InterVariable-Latin.ttf")[..], "InterVariable-Latin.ttf"),
            (&include_bytes!("../../tests/fonts/EmojiSubset.ttf")[..], "EmojiSubset.ttf"),
        ] {
            book.add(shrift::Font::from_static(bytes, 0, name).expect("a test font"));
        }
        book
    })
}

/// A combining mark (Hebrew points and accents, and the general combining blocks): enough to
/// put spans inside grapheme clusters.
fn unicode_properties_is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}')
}

fn f(data: &[u8], k: usize) -> f32 {
    f32::from_bits(u32::from_le_bytes([data[4 * k], data[4 * k + 1], data[4 * k + 2], data[4 * k + 3]]))
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 30 {
        return;
    }
    let (width, letter, word, height, interval, stop) = (f(data, 0), f(data, 1), f(data, 2), f(data, 3), f(data, 4), f(data, 5));
    let b = &data[24..30];
    let text = String::from_utf8_lossy(&data[30..]);
    // The face and its instance: a variable face at any wght (NaN and infinities included), or
    // bold italic on faces without italics (synthesis).
    let mut style = match b[3] >> 2 & 3 {
        1 => TextStyle::new("Inter, Noto Sans Hebrew").variation(Variation::new(*b"wght", height)),
        2 => TextStyle::new("Noto Sans, Noto Sans Hebrew").weight(700).italic(true),
        3 => TextStyle::new("Inter, Noto Sans Hebrew").italic(true).variation(Variation::new(*b"slnt", letter)),
        _ => TextStyle::new("Noto Sans, Noto Sans Hebrew"),
    };
    style = style.letter_spacing(letter).word_spacing(word);
    if b[0] & 2 != 0 {
        style = style.underline(true).strikethrough(true);
    }
    match b[0] >> 4 & 3 {
        1 => style = style.hyphens(Hyphens::Auto).language("en"),
        2 => style = style.hyphens(Hyphens::None),
        3 => style = style.hyphens(Hyphens::Auto).language("de"),
        _ => {}
    }
    let mut builder = Paragraph::builder(&text, style).tab_stops(TabStops::every(interval).stop(stop));
    if b[0] & 64 != 0 {
        let align = [BoxAlign::Baseline, BoxAlign::Middle, BoxAlign::Top, BoxAlign::Bottom][b[1] as usize % 4];
        for (k, (offset, _)) in text.match_indices('\u{FFFC}').enumerate() {
            builder = builder.inline_box(offset, InlineBox::new(k as u64, letter, word).align(align));
        }
    }
    if b[0] & 128 != 0 {
        for (offset, c) in text.char_indices().filter(|&(i, _)| i > 0) {
            if unicode_properties_is_mark(c) {
                builder = builder.span(offset..offset + c.len_utf8(), SpanStyle::new().paint(1));
            }
        }
    }
    let long = "…".repeat(300);
    match b[0] >> 2 & 3 {
        1 => builder = builder.ellipsis(""),
        2 => builder = builder.ellipsis(&long),
        3 => builder = builder.ellipsis("ע..."),
        _ => {}
    }
    let mut cx = LayoutContext::new();
    let para = match builder.build(book(), &mut cx) {
        Ok(p) => p,
        Err(e) => {
            assert!(
                matches!(
                    e,
                    Error::InvalidLetterSpacing(_)
                        | Error::InvalidTabStops(_)
                        | Error::InvalidInlineBox { .. }
                        | Error::InvalidVariation(_)
                ),
                "{e:?}"
            );
            return;
        }
    };
    let mut options = if b[0] & 1 != 0 { LayoutOptions::no_wrap() } else { LayoutOptions::new(width) };
    let aligns = [Alignment::Start, Alignment::End, Alignment::Center, Alignment::Left, Alignment::Right, Alignment::Justify];
    let modes = [LineHeight::Natural(height), LineHeight::FontSize(height), LineHeight::Px(height), LineHeight::Uniform(height)];
    options = options
        .align(aligns[b[1] as usize % 6])
        .line_height_mode(modes[b[2] as usize % 4])
        .overflow_wrap([OverflowWrap::Anywhere, OverflowWrap::BreakWord, OverflowWrap::Normal][b[3] as usize % 3])
        .truncate_at(if b[5] & 16 != 0 { TruncateAt::Word } else { TruncateAt::Grapheme })
        .text_wrap([TextWrap::Wrap, TextWrap::Balance, TextWrap::Pretty][(b[5] >> 2 & 3) as usize % 3])
        .breaking(if b[5] & 32 != 0 { LineBreaking::Optimal } else { LineBreaking::FirstFit });
    if b[4] != 0 {
        options = options.max_lines(b[4] as usize % 5);
    }
    match b[5] & 3 {
        1 => options = options.truncate(Truncate::End),
        2 => options = options.truncate(Truncate::Start),
        3 => options = options.truncate(Truncate::Middle),
        _ => {}
    }
    match para.layout(&mut cx, &options) {
        Ok(layout) => {
            if let Err(broken) = invariants::check(&text, &layout, &options) {
                panic!("{broken}\n{text:?}\n{options:?}");
            }
        }
        Err(e) => assert!(
            matches!(e, Error::InvalidWidth(_) | Error::InvalidLineHeight(_) | Error::InvalidMaxLines),
            "{e:?}"
        ),
    }
});
