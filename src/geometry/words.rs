//! Words (UAX #29) and deletion units: what word movement, double clicks, Backspace and Delete
//! take.

use std::ops::Range;

use unicode_script::{Script, UnicodeScript};
use unicode_segmentation::UnicodeSegmentation;

use crate::text::graphemes::{clamp_to_grapheme, next_boundary, prev_boundary};

/// The words of `text`: UAX #29 word segments (unicode-segmentation) holding a letter or digit,
/// in text order.
///
/// ```
/// let text = "ניו־יאָרק, 1897!";
/// let words: Vec<&str> = shrift::words(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(words, ["ניו", "יאָרק", "1897"]);
/// ```
pub fn words(text: &str) -> Vec<Range<usize>> {
    word_ranges(text).collect()
}

/// [`words`] as they come, for the movements that stop at the first that will do.
pub(super) fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| i..i + w.len())
}

/// Every UAX #29 word boundary of `text`, ascending, 0 and the end included (empty text: `[0]`).
///
/// ```
/// assert_eq!(shrift::word_boundaries("ר׳ ab"), vec![0, 4, 5, 7]);
/// ```
pub fn word_boundaries(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
    out.push(text.len());
    out.dedup();
    out
}

/// What Backspace removes before `offset` (clamped to a cluster boundary): the last char of the
/// grapheme cluster before it, or the whole cluster when that is a Latin, Greek or Cyrillic
/// letter with its marks, an emoji sequence, or CR LF. Empty at the start of the text.
///
/// So Backspace after a pointed Yiddish letter takes off the point that was typed last and
/// leaves the letter: after אָ (alef, qamats) it leaves א, after ײַ (U+05F2 U+05B7) it leaves ײ;
/// a precomposed presentation form (U+FB2F אָ) is one char and goes whole. This is GTK's
/// behaviour through Pango (`PangoLogAttr.backspace_deletes_character` is set on every cluster
/// boundary except after Latin, Cyrillic and Greek base chars) and Chromium's (its backspace
/// state machine removes one code point except in emoji, keycap, variation and flag
/// sequences); both delete a whole cluster forward ([`delete_range`]).
///
/// ```
/// let text = "פֿאָ";
/// assert_eq!(shrift::backspace_range(text, text.len()), 6..8); // the qamats only
/// assert_eq!(shrift::backspace_range("e\u{301}", 3), 0..3); // é: the whole cluster
/// ```
pub fn backspace_range(text: &str, offset: usize) -> Range<usize> {
    let offset = clamp_to_grapheme(text, offset);
    let start = prev_boundary(text, offset);
    let cluster = &text[start..offset];
    let mut chars = cluster.chars();
    let Some(first) = chars.next() else {
        return offset..offset;
    };
    let whole = cluster == "\r\n"
        || matches!(first.script(), Script::Latin | Script::Greek | Script::Cyrillic)
        || cluster.chars().any(|c| {
            matches!(
                c,
                '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}'
            ) || ('\u{1F000}'..='\u{1FAFF}').contains(&c)
        });
    if whole {
        return start..offset;
    }
    let last = cluster.chars().next_back().map_or(0, char::len_utf8);
    offset - last..offset
}

/// What Delete removes after `offset` (clamped to a cluster boundary): the whole grapheme
/// cluster after it, as GTK and Chromium do. Empty at the end of the text.
///
/// ```
/// assert_eq!(shrift::delete_range("אָב", 0), 0..4);
/// ```
pub fn delete_range(text: &str, offset: usize) -> Range<usize> {
    let offset = clamp_to_grapheme(text, offset);
    offset..next_boundary(text, offset)
}
