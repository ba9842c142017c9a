//! Char classes every stage asks about, each defined once: what hangs at a line's end, what
//! forces a break, what the shaper hides, what letter and word spacing skip; and the one
//! trailing-whitespace trim.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData};

/// The bidi classes of the ASCII chars, from unicode-bidi's data, looked up once: the binary
/// search per char was a tenth of building an English paragraph.
pub(crate) fn ascii_bidi_classes() -> &'static [BidiClass; 128] {
    static ASCII: std::sync::OnceLock<[BidiClass; 128]> = std::sync::OnceLock::new();
    ASCII.get_or_init(|| std::array::from_fn(|i| HardcodedBidiData.bidi_class(char::from(i as u8))))
}

/// The bidi class of `c` (unicode-bidi's Unicode 16 data), ASCII from the table.
#[inline]
pub(crate) fn bidi_class(c: char) -> BidiClass {
    if c.is_ascii() {
        ascii_bidi_classes()[c as usize]
    } else {
        HardcodedBidiData.bidi_class(c)
    }
}

/// Whether rule L1 counts a char of this class as trailing whitespace: whitespace, isolate
/// controls, and the chars rule X9 removes (which L1 treats like the whitespace around them).
pub(crate) fn is_l1_trailing(class: BidiClass) -> bool {
    use BidiClass::*;
    matches!(
        class,
        WS | FSI | LRI | RLI | PDI | BN | LRE | RLE | LRO | RLO | PDF
    )
}

/// Whether `c` hangs at the end of a line: rule L1 resets it to the paragraph level there
/// (whitespace, segment and paragraph separators, isolate controls, and the chars rule X9
/// removes), so it is laid out past the line's edge and does not count toward the fit. The one
/// definition line breaking, positioning and editing share. A no-break space (U+00A0, U+202F:
/// class CS) does not hang.
#[inline]
pub(crate) fn hangs(c: char) -> bool {
    let class = bidi_class(c);
    is_l1_trailing(class) || matches!(class, BidiClass::S | BidiClass::B)
}

/// Where the whitespace hanging at the end of `range` of `text` starts (`range.end` when none
/// hangs, `range.start` when all of it does): the one trailing-whitespace trim of line breaking,
/// truncation, segments and editing.
#[inline]
pub(crate) fn hanging_start(text: &str, range: Range<usize>) -> usize {
    range.start + text[range].trim_end_matches(hangs).len()
}

/// Whether letter spacing skips `c`: format and bidi controls (class BN and the explicit
/// embedding and isolate controls), tabs and paragraph separators (S, B). They are not
/// typographic character units (CSS Text 3, §8.2); a tab's width is its stop's.
pub(crate) fn takes_no_spacing(c: char) -> bool {
    use BidiClass::*;
    matches!(
        bidi_class(c),
        BN | LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI | S | B
    )
}

/// The word separators CSS `word-spacing` applies to (CSS Text 3, §8.1).
pub(crate) fn is_word_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{A0}' | '\u{1361}' | '\u{10100}' | '\u{10101}' | '\u{1039F}' | '\u{1091F}'
    )
}

/// Whether a char forces a line break (UAX #14 classes BK, CR, LF, NL). Such chars end a line
/// and are never shaped: no font has a glyph for them and nothing should be drawn.
pub(crate) fn is_hard_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether a line's text ends with a mandatory break (UAX #14 classes BK, CR, LF, NL).
pub(crate) fn ends_with_hard_break(line: &str) -> bool {
    line.chars().next_back().is_some_and(is_hard_break)
}

/// Default-ignorable chars the shaper hides (bidi controls, ZWJ, ZWNJ, variation selectors, ...):
/// they do not count when asking whether a face covers a cluster.
pub(crate) fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}
