//! The word path of the shape cache: an item shaped as its words (each with the spaces after it),
//! each word from the cache or shaped alone, wherever that gives exactly what shaping the whole
//! item gives.
//!
//! Exactness comes from HarfBuzz's unsafe-to-concat flag (`PRODUCE_UNSAFE_TO_CONCAT`): a lookup
//! that reads across a position (kerning against the space, a ligature or contextual rule across
//! it, a legacy `kern` table, which flags everything) flags glyphs at it, whether it then matches
//! or not. HarfBuzz marks the whole range the lookup read, so the glyphs of a word's own first
//! and last clusters are flagged by lookups that stay inside the word (a kerning pair "th" flags
//! the "t"); to learn about the ends alone, a word is shaped between two sentinels
//! ([`SENTINEL`](super::input::SENTINEL), a `.notdef` no lookup starts at): a sentinel is flagged only
//! by a lookup that reached it from the word, i.e. one that reads across that end. Where neither
//! sentinel of a word is flagged (the item's own ends need no check: the item's shaping has the
//! same ends), the word's glyphs are what the item's shaping has for it, and the item is the
//! words' glyphs joined; else the item is shaped whole. Two things the flag does not cover are
//! excluded up front:
//!
//! - the pre- and post-context, which HarfBuzz reads only for joining scripts (Arabic, Syriac,
//!   N'Ko, Mongolian, ...) and which a word shaped alone lacks; and the reversal HarfBuzz makes
//!   for a script shaped against its native direction: only items of scripts whose shapers read
//!   no context, in their own direction, take the word path (Latin, Greek, Cyrillic, Armenian,
//!   Georgian left to right; Hebrew right to left; Common either way);
//! - a word starting with a mark, a joiner or another format char, which HarfBuzz would attach
//!   to the space before it: words start only where a space is followed by a letter, digit,
//!   punctuation or symbol.
//!
//! The property test in `tests/shape_cache.rs` holds the path to item shaping glyph for glyph,
//! and the oracle holds every dump (made with the cache on) to HarfBuzz.

use std::ops::Range;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_script::Script;

use super::cache::ShapeCache;
use super::engines::Engines;
use super::request::{RawGlyph, ShapeRequest, ShapingBackend};

/// Whether items of `script` shaped in this direction may take the word path: the script's
/// shaper reads no pre- or post-context, and the direction is the script's own.
fn context_free(script: Script, rtl: bool) -> bool {
    match script {
        Script::Latin | Script::Greek | Script::Cyrillic | Script::Armenian | Script::Georgian => !rtl,
        Script::Hebrew => rtl,
        Script::Common | Script::Inherited => true,
        _ => false,
    }
}

/// Whether a word may start with `c`: a letter, digit, punctuation or symbol (not a modifier
/// symbol, which may attach to what is before it).
fn starts_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c != ' '
            && matches!(
                c.general_category(),
                GeneralCategory::UppercaseLetter
                    | GeneralCategory::LowercaseLetter
                    | GeneralCategory::TitlecaseLetter
                    | GeneralCategory::OtherLetter
                    | GeneralCategory::DecimalNumber
                    | GeneralCategory::LetterNumber
                    | GeneralCategory::OtherNumber
                    | GeneralCategory::ConnectorPunctuation
                    | GeneralCategory::DashPunctuation
                    | GeneralCategory::OpenPunctuation
                    | GeneralCategory::ClosePunctuation
                    | GeneralCategory::InitialPunctuation
                    | GeneralCategory::FinalPunctuation
                    | GeneralCategory::OtherPunctuation
                    | GeneralCategory::MathSymbol
                    | GeneralCategory::CurrencySymbol
                    | GeneralCategory::OtherSymbol
            ))
}

/// The words of `item` (each with the spaces after it) as byte ranges, into `out`.
fn split_words(item: &str, out: &mut Vec<(Range<usize>, Range<usize>)>) {
    out.clear();
    let bytes = item.as_bytes();
    let mut start = 0;
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i - 1] == b' ' && bytes[i] != b' ' {
            let next = if bytes[i].is_ascii() {
                bytes[i] as char
            } else {
                item[i..].chars().next().unwrap_or(' ')
            };
            if starts_word(next) {
                out.push((start..i, 0..0));
                start = i;
            }
        }
        i += 1;
    }
    out.push((start..item.len(), 0..0));
}

/// Unwraps the glyphs of a word of `len` bytes shaped between sentinels: appends the word's own
/// glyphs (clusters made relative to the word) to `out` and returns whether its start and its
/// end may meet other text: each sentinel is one glyph, not unsafe to concat. `None` when the
/// sentinels did not come out as one glyph each (a lookup joined one to the word).
fn unwrap_word(glyphs: &[RawGlyph], len: usize, out: &mut Vec<RawGlyph>) -> Option<(bool, bool)> {
    let last = u32::try_from(len).ok()?.checked_add(1)?;
    let (mut lead, mut trail) = (None, None);
    for g in glyphs {
        if g.cluster == 0 {
            lead = if lead.is_none() {
                Some(!g.unsafe_to_concat)
            } else {
                return None;
            };
        } else if g.cluster == last {
            trail = if trail.is_none() {
                Some(!g.unsafe_to_concat)
            } else {
                return None;
            };
        } else {
            out.push(RawGlyph {
                cluster: g.cluster - 1,
                ..*g
            });
        }
    }
    Some((lead?, trail?))
}

/// The word path's buffers: the words of the item being shaped (text range in the item, glyph
/// range in `glyphs`) and their glyphs.
#[derive(Default)]
pub(super) struct WordPath {
    units: Vec<(Range<usize>, Range<usize>)>,
    glyphs: Vec<RawGlyph>,
}

impl WordPath {
    /// Shapes `req` word by word into `raw` (left to right, clusters relative to the item;
    /// `raw` is also the buffer each word is shaped in) and returns true, or returns false where
    /// the word path does not apply or cannot show that it is exact (`raw` is then to be cleared
    /// and the item shaped whole). `joined`: whether the range's start and its end will meet
    /// other words (an edit's new words spliced into an item), so that they must be safe too;
    /// then one word is enough.
    pub fn shape<'f>(
        &mut self,
        engines: &mut Engines,
        cache: &mut ShapeCache,
        backend: ShapingBackend,
        req: &ShapeRequest<'f>,
        raw: &mut Vec<RawGlyph>,
        joined: (bool, bool),
    ) -> bool {
        if !cache.enabled() || !context_free(req.script, req.rtl) {
            return false;
        }
        let item: &'f str = &req.text[req.range.clone()];
        if item.contains('\t') {
            return false;
        }
        let mut words = std::mem::take(&mut self.units);
        split_words(item, &mut words);
        let exact = (joined.0 || joined.1 || words.len() >= 2)
            && self.shape_words(engines, cache, backend, req, item, &mut words, raw, joined);
        if exact {
            // Left to right: the words in order, or in reverse order in a right-to-left item
            // (each word's glyphs are already left to right).
            raw.clear();
            if req.rtl {
                for (_, glyphs) in words.iter().rev() {
                    raw.extend_from_slice(&self.glyphs[glyphs.clone()]);
                }
            } else {
                raw.extend_from_slice(&self.glyphs);
            }
        }
        self.units = words;
        exact
    }

    /// Shapes each word of `words` (or takes it from the cache) into `self.glyphs`, noting
    /// its glyph range; false as soon as a word cannot be joined to its neighbours.
    #[allow(clippy::too_many_arguments)]
    fn shape_words<'f>(
        &mut self,
        engines: &mut Engines,
        cache: &mut ShapeCache,
        backend: ShapingBackend,
        req: &ShapeRequest<'f>,
        item: &'f str,
        words: &mut [(Range<usize>, Range<usize>)],
        raw: &mut Vec<RawGlyph>,
        joined: (bool, bool),
    ) -> bool {
        self.glyphs.clear();
        let last = words.len() - 1;
        for (k, (range, glyphs)) in words.iter_mut().enumerate() {
            let text = &item[range.clone()];
            let word = ShapeRequest {
                text,
                range: 0..text.len(),
                ..*req
            };
            let start = self.glyphs.len();
            let unwrapped = match cache.get(backend, &word, true) {
                Some((cached, _)) => unwrap_word(cached, text.len(), &mut self.glyphs),
                None => {
                    raw.clear();
                    engines.shape(backend, &word, true, raw);
                    cache.insert(backend, &word, raw, true, false);
                    unwrap_word(raw, text.len(), &mut self.glyphs)
                }
            };
            let Some((start_safe, end_safe)) = unwrapped else {
                return false;
            };
            if ((k > 0 || joined.0) && !start_safe) || ((k < last || joined.1) && !end_safe) {
                return false;
            }
            let offset = u32::try_from(range.start).unwrap_or(u32::MAX);
            for g in &mut self.glyphs[start..] {
                g.cluster += offset;
            }
            *glyphs = start..self.glyphs.len();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::split_words;

    #[test]
    fn words_end_after_their_spaces_and_never_before_a_mark() {
        let mut out = Vec::new();
        let words = |text: &str, out: &mut Vec<_>| {
            split_words(text, out);
            out.iter()
                .map(|(r, _): &(std::ops::Range<usize>, _)| text[r.clone()].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(words("one two  three", &mut out), ["one ", "two  ", "three"]);
        assert_eq!(words(" lead", &mut out), [" ", "lead"]);
        // A mark after a space stays with it (HarfBuzz attaches it there).
        assert_eq!(words("a \u{5B7}b c", &mut out), ["a \u{5B7}b ", "c"]);
        assert_eq!(words("a \u{200D}b", &mut out), ["a \u{200D}b"]);
        assert_eq!(words("שלום עולם", &mut out), ["שלום ", "עולם"]);
    }
}
