//! Automatic hyphenation (CSS `hyphens: auto`): the points where words of the text may break,
//! found with Liang's patterns (the `hypher` crate: TeX's pattern files, compiled in) or a
//! caller's [`Hyphenator`], and added to the paragraph's break opportunities; and the soft-hyphen
//! breaks that `hyphens: none` takes away.
//!
//! A point is a break opportunity like any other, whose line end shows a hyphen (a
//! [`SoftHyphen`](super::segments::SoftHyphen) record marked `auto`: measured once, shaped in the
//! face of the letter before it). Both breakers see it; optimal breaking charges TeX's
//! `\hyphenpenalty` for it.

use unicode_script::{Script, UnicodeScript};
use unicode_segmentation::UnicodeSegmentation;

use super::styles::style_run_at;
use crate::style::{HyphenationLimits, Hyphenator, Hyphens, TextStyle};
use crate::text::graphemes::is_grapheme_boundary;
use crate::text::BreakOpportunity;

/// What hyphenating a paragraph needs besides its text and styles.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HyphenationSettings<'a> {
    pub limits: HyphenationLimits,
    pub hyphenator: Option<&'a dyn Hyphenator>,
}

/// The hyphenation points of `text` (ascending byte offsets) in its `hyphens: auto` stretches,
/// merged into `breaks` (kept sorted); and the breaks after soft hyphens in `hyphens: none`
/// stretches removed. Returns the points.
pub(crate) fn hyphenate(
    text: &str,
    style_runs: &[(usize, usize)],
    styles: &[TextStyle],
    settings: HyphenationSettings<'_>,
    breaks: &mut Vec<BreakOpportunity>,
) -> Vec<usize> {
    let mode_at = |pos: usize| styles[style_run_at(style_runs, text.len(), pos).1].hyphens_mode();
    if styles.iter().any(|s| s.hyphens_mode() == Hyphens::None) {
        breaks.retain(|b| {
            b.mandatory
                || !text[..b.pos].ends_with('\u{AD}')
                || mode_at(b.pos - '\u{AD}'.len_utf8()) != Hyphens::None
        });
    }
    if !styles.iter().any(|s| s.hyphens_mode() == Hyphens::Auto) {
        return Vec::new();
    }
    let mut points = Vec::new();
    let mut word_points = Vec::new();
    for (start, word) in text.split_word_bound_indices() {
        // Letters only (a word with a soft hyphen is hyphenated by hand: CSS Text 4 §5.4).
        if !word.chars().any(char::is_alphabetic)
            || word.contains('\u{AD}')
            || mode_at(start) != Hyphens::Auto
        {
            continue;
        }
        let style = &styles[style_run_at(style_runs, text.len(), start).1];
        let Some(language) = word_language(style, word) else {
            continue;
        };
        word_points.clear();
        word_breaks(word, &language, settings, &mut word_points);
        let chars = word.chars().count();
        if chars < settings.limits.word {
            continue;
        }
        for &p in &word_points {
            let (before, after) = (word[..p].chars().count(), word[p..].chars().count());
            let pos = start + p;
            // On a grapheme boundary (a point never parts a letter from its marks), within the
            // limits, in the same style (a span boundary inside a word: the start's style rules).
            if p > 0
                && p < word.len()
                && word.is_char_boundary(p)
                && before >= settings.limits.before
                && after >= settings.limits.after
                && is_grapheme_boundary(text, pos)
                && mode_at(pos) == Hyphens::Auto
            {
                points.push(pos);
            }
        }
    }
    points.sort_unstable();
    points.dedup();
    // Into the break opportunities, where there is none already.
    let mut merged = Vec::with_capacity(breaks.len() + points.len());
    let mut k = 0;
    points.retain(|&p| {
        while k < breaks.len() && breaks[k].pos < p {
            merged.push(breaks[k]);
            k += 1;
        }
        if breaks.get(k).is_some_and(|b| b.pos == p) {
            return false;
        }
        merged.push(BreakOpportunity {
            pos: p,
            mandatory: false,
        });
        true
    });
    merged.extend_from_slice(&breaks[k..]);
    *breaks = merged;
    points
}

/// The language a word is hyphenated in: its style's tag, or `yi` for a Hebrew-script word (as
/// for shaping), lowercase.
fn word_language(style: &TextStyle, word: &str) -> Option<String> {
    match style.language_tag() {
        Some(tag) => Some(tag.to_ascii_lowercase()),
        None => word
            .chars()
            .find(|c| c.is_alphabetic())
            .filter(|c| c.script() == Script::Hebrew)
            .map(|_| crate::style::DEFAULT_HEBREW_LANGUAGE.to_string()),
    }
}

/// The points of one word: the caller's hyphenator if it takes the language, else the patterns
/// of the language's first subtag, if `hypher` has them.
fn word_breaks(word: &str, language: &str, settings: HyphenationSettings<'_>, out: &mut Vec<usize>) {
    if let Some(h) = settings.hyphenator {
        if h.hyphenate(word, language, out) {
            return;
        }
        out.clear();
    }
    let primary = language.split(['-', '_']).next().unwrap_or_default().as_bytes();
    let Some(lang) = <[u8; 2]>::try_from(primary).ok().and_then(hypher::Lang::from_iso) else {
        return;
    };
    // hypher counts the limits in chars, as TeX does; its lowest bound is 1.
    let (before, after) = (settings.limits.before.max(1), settings.limits.after.max(1));
    let mut at = 0;
    let mut syllables = hypher::hyphenate_bounded(word, lang, before, after).peekable();
    while let Some(s) = syllables.next() {
        at += s.len();
        if syllables.peek().is_some() {
            out.push(at);
        }
    }
}
