//! Itemising: font fallback per grapheme cluster, then cutting the text into items, the maximal
//! ranges of one bidi level, script, face and style. Each item is shaped by one shaper call,
//! with the request [`shape_request`] makes of it.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use unicode_script::{Script, UnicodeScript};

use crate::font::Font;
use crate::shape::ShapeRequest;
use crate::style::{InlineBox, TextStyle, DEFAULT_HEBREW_LANGUAGE};
use crate::text::chars::{is_default_ignorable, is_hard_break};
use crate::text::graphemes::grapheme_end;
use crate::text::Analysis;

/// A range of text that is shaped as a whole: one level, script, face and style.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub range: Range<usize>,
    pub level: u8,
    pub script: Script,
    /// Index into the paragraph's faces.
    pub font: usize,
    /// Index into the paragraph's styles.
    pub style: usize,
    /// The item's glyphs in the paragraph's glyph store, filled in by shaping.
    pub glyphs: Range<usize>,
    /// Only the whole item keeps its glyphs; any part of it must be reshaped (see
    /// [`slices_need_reshaping`]).
    pub whole_only: bool,
    /// Its glyphs are its words shaped apart and joined, every word boundary shown safe
    /// (`shape/words.rs`): an edit inside it may splice new words in (`edit.rs`).
    pub by_words: bool,
    /// The inline box the item is (an index into the paragraph's boxes): its U+FFFC alone, not
    /// shaped.
    pub inline_box: Option<u32>,
}

/// Whether the glyphs of a left-to-right item in a natively right-to-left script (Hebrew digits,
/// a space between Hebrew words in a left-to-right paragraph, an overridden Hebrew word) can be
/// cut without reshaping: they cannot. The shaper reverses such a buffer around the shaping, with
/// decisions that depend on the whole buffer (digits and no letters: no reversal at all; marks
/// after a space merge into the cluster before), so a part shaped alone can differ in glyph order
/// and clusters from the same part of the whole, whatever the safe-to-break flags say.
pub(crate) fn slices_need_reshaping(item: &Item) -> bool {
    item.level.is_multiple_of(2) && crate::shape::request::is_natively_rtl(item.script)
}

/// Spaces and punctuation: chars that keep the face of the cluster before them.
fn is_space_or_punct(c: char) -> bool {
    if c.is_ascii() {
        // Every ASCII char but letters and digits is Common.
        return !c.is_ascii_alphanumeric();
    }
    !c.is_alphanumeric() && matches!(c.script(), Script::Common | Script::Inherited)
}

/// The face for one grapheme cluster: see the crate docs on fallback. `None` when no face of the
/// stack has the cluster's visible chars (it is then drawn with the stack's first face's
/// `.notdef`, unless the font book has a face for it).
fn choose_font(cluster: &str, stack: &[usize], fonts: &[Font], previous: Option<usize>) -> Option<usize> {
    // Most clusters are one char: the same decision without building char iterators.
    let mut chars = cluster.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if is_default_ignorable(c) {
            return Some(previous.unwrap_or(stack[0]));
        }
        if let Some(prev) = previous.filter(|&p| is_space_or_punct(c) && fonts[p].covers(c)) {
            return Some(prev);
        }
        return stack.iter().copied().find(|&f| fonts[f].covers(c));
    }
    let significant = || cluster.chars().filter(|&c| !is_default_ignorable(c));
    if significant().next().is_none() {
        // Only invisible controls: they are hidden whatever the face, so do not start a new item.
        return Some(previous.unwrap_or(stack[0]));
    }
    let covers = |f: usize| significant().all(|c| fonts[f].covers(c));
    if let Some(prev) = previous {
        if significant().all(is_space_or_punct) && covers(prev) {
            return Some(prev);
        }
    }
    stack.iter().copied().find(|&f| covers(f))
}

/// The face for a cluster no face of the stack covers whole: the one that has its base, so the
/// cluster stays together, else the stack's first (`.notdef`).
fn partial_font(cluster: &str, stack: &[usize], fonts: &[Font]) -> usize {
    let first = cluster.chars().find(|&c| !is_default_ignorable(c));
    stack
        .iter()
        .copied()
        .find(|&f| first.is_some_and(|c| fonts[f].covers(c)))
        .unwrap_or(stack[0])
}

/// A char's face in [`Fallback::PerChar`](crate::Fallback::PerChar) mode: the first of the stack
/// that covers it (CSS font matching); invisible controls stay with the face before them.
fn choose_font_per_char(c: char, stack: &[usize], fonts: &[Font], previous: Option<usize>) -> Option<usize> {
    if is_default_ignorable(c) {
        return Some(previous.unwrap_or(stack[0]));
    }
    stack.iter().copied().find(|&f| fonts[f].covers(c))
}

/// Cuts `text` into items.
///
/// `style_runs` gives the style of each stretch of text as (start, style), ascending from 0;
/// `stacks[style]` lists indexes into `fonts` in fallback order (never empty). The clusters no
/// face of their stack covers go into `uncovered` as (byte range, style), for the font book to
/// find faces for.
///
/// The units faces are chosen for are grapheme clusters (single chars in per-char mode). Where
/// the current item can simply grow by plain ASCII chars (one-byte clusters its face is chosen
/// for, at its level, in its script and style), a tight loop takes them without the general
/// decision: most of an English paragraph. Each inline box (`boxes`, sorted by offset) is an item
/// of its own.
#[allow(clippy::too_many_arguments)]
pub(crate) fn itemize(
    text: &str,
    analysis: &Analysis,
    style_runs: &[(usize, usize)],
    stacks: &[Vec<usize>],
    fonts: &[Font],
    per_char: bool,
    boxes: &[(usize, InlineBox)],
    uncovered: &mut Vec<(Range<usize>, usize)>,
) -> Vec<Item> {
    itemize_with(
        text, analysis, style_runs, stacks, fonts, per_char, true, boxes, uncovered,
    )
}

/// [`itemize`], with or without the ASCII shortcut (the tests compare the two).
#[allow(clippy::too_many_arguments)]
fn itemize_with(
    text: &str,
    analysis: &Analysis,
    style_runs: &[(usize, usize)],
    stacks: &[Vec<usize>],
    fonts: &[Font],
    per_char: bool,
    shortcut: bool,
    boxes: &[(usize, InlineBox)],
    uncovered: &mut Vec<(Range<usize>, usize)>,
) -> Vec<Item> {
    let mut next_box = 0;
    let bytes = text.as_bytes();
    let mut items: Vec<Item> = Vec::with_capacity(8);
    let mut scripts = analysis.scripts.iter().peekable();
    // (style, font) of the last shaped cluster.
    let mut previous: Option<(usize, usize)> = None;
    // The style run holding the current unit (units come in text order).
    let mut run = 0;
    let mut start = 0;
    while start < text.len() {
        if shortcut && !per_char {
            if let (Some(it), Some((style, font))) = (items.last_mut(), previous) {
                if it.range.end == start && it.font == font && it.style == style {
                    let style_end = style_runs.get(run + 1).map_or(text.len(), |r| r.0);
                    let script_end = scripts.peek().map_or(text.len(), |r| r.range.end);
                    let end = ascii_stretch(
                        bytes,
                        start,
                        style_end.min(script_end),
                        it.level,
                        analysis,
                        &stacks[style],
                        fonts,
                        font,
                    );
                    if end > start {
                        it.range.end = end;
                        start = end;
                        continue;
                    }
                }
            }
        }
        let end = if per_char {
            start + text[start..].chars().next().map_or(1, char::len_utf8)
        } else {
            grapheme_end(text, start)
        };
        let cluster = &text[start..end];
        let first = cluster.chars().next().unwrap_or(' ');
        if is_hard_break(first) {
            previous = None;
            start = end;
            continue;
        }
        // A style change inside a cluster would tear a mark from its letter: the cluster's first
        // byte decides.
        while style_runs.get(run + 1).is_some_and(|r| r.0 <= start) {
            run += 1;
        }
        let style = style_runs.get(run).map_or(0, |r| r.1);
        let prev_font = previous.filter(|p| p.0 == style).map(|p| p.1);
        let is_box = boxes.get(next_box).is_some_and(|b| b.0 == start);
        let chosen = match (is_box, per_char) {
            (true, _) => Some(stacks[style][0]),
            (false, true) => choose_font_per_char(first, &stacks[style], fonts, prev_font),
            (false, false) => choose_font(cluster, &stacks[style], fonts, prev_font),
        };
        let font = chosen.unwrap_or_else(|| {
            uncovered.push((start..end, style));
            partial_font(cluster, &stacks[style], fonts)
        });
        previous = Some((style, font));
        // The cluster's first char decides its script and level too: a Hebrew point on a Latin
        // letter (script Hebrew) or any mark must not start an item of its own.
        while scripts.peek().is_some_and(|r| r.range.end <= start) {
            scripts.next();
        }
        let script = scripts.peek().map_or(Script::Common, |r| r.script);
        let level = analysis
            .bidi
            .level_at(start)
            .unwrap_or(analysis.bidi.base_level());
        if is_box {
            // The box's U+FFFC alone (the rest of a cluster it starts goes on as text), and
            // nothing after it joins it.
            let end = start + '\u{FFFC}'.len_utf8();
            items.push(box_item(start..end, (level, script, font, style), next_box));
            next_box += 1;
            previous = None;
            start = end;
            continue;
        }
        match items.last_mut() {
            Some(it)
                if it.range.end == start
                    && it.inline_box.is_none()
                    && it.level == level
                    && it.script == script
                    && it.font == font
                    && it.style == style =>
            {
                it.range.end = end
            }
            _ => items.push(Item {
                inline_box: None,
                ..box_item(start..end, (level, script, font, style), 0)
            }),
        }
        start = end;
    }
    items
}

/// The item of an inline box: its U+FFFC at `range`, with the level, script, face and style of
/// the place it stands, and the index of its box.
fn box_item(
    range: Range<usize>,
    (level, script, font, style): (u8, Script, usize, usize),
    index: usize,
) -> Item {
    Item {
        range,
        level,
        script,
        font,
        style,
        glyphs: 0..0,
        whole_only: false,
        by_words: false,
        inline_box: Some(index as u32),
    }
}

/// The end of the stretch from `start` (before `limit`) of one-byte ASCII clusters that the
/// general path would add to an item of `font` at `level`: printable (no control, so no hard
/// break) and followed by ASCII (so no mark joins them), at that level, and given `font` by
/// [`choose_font`]'s rules (a space or punctuation the previous face covers keeps it; any other
/// char takes the first face of the stack that covers it).
#[allow(clippy::too_many_arguments)]
fn ascii_stretch(
    bytes: &[u8],
    start: usize,
    limit: usize,
    level: u8,
    analysis: &Analysis,
    stack: &[usize],
    fonts: &[Font],
    font: usize,
) -> usize {
    let mut pos = start;
    while pos < limit {
        let b = bytes[pos];
        if !(0x20..0x7f).contains(&b) || bytes.get(pos + 1).is_some_and(|n| !n.is_ascii()) {
            break;
        }
        if analysis.bidi.level_at(pos) != Some(level) {
            break;
        }
        let c = char::from(b);
        let keeps = is_space_or_punct(c) && fonts[font].covers(c);
        if !keeps && stack.iter().copied().find(|&f| fonts[f].covers(c)) != Some(font) {
            break;
        }
        pos += 1;
    }
    pos
}

/// What the shaper needs for `range` of an item: its face, size, script, language and features,
/// and the direction of `level`.
pub(crate) fn shape_request<'a>(
    text: &'a str,
    fonts: &'a [Font],
    styles: &'a [TextStyle],
    item: &'a Item,
    range: Range<usize>,
    level: u8,
) -> ShapeRequest<'a> {
    let style = &styles[item.style];
    ShapeRequest {
        text,
        range,
        font: &fonts[item.font],
        size: style.font_size(),
        rtl: level % 2 == 1,
        script: item.script,
        language: item_language(style, item),
        features: style.features(),
    }
}

/// The language a run is tagged with: its style's, or by default `yi` for Hebrew script.
fn item_language<'s>(style: &'s TextStyle, item: &Item) -> Option<&'s Arc<str>> {
    static HEBREW_DEFAULT: OnceLock<Arc<str>> = OnceLock::new();
    match style.language_arc() {
        Some(l) => Some(l),
        None if item.script == Script::Hebrew => {
            Some(HEBREW_DEFAULT.get_or_init(|| DEFAULT_HEBREW_LANGUAGE.into()))
        }
        None => None,
    }
}

#[cfg(all(test, feature = "bundled-fonts"))]
mod tests {
    use super::*;
    use crate::font::FontBook;
    use crate::font::FontStack;
    use crate::text::BaseDirection;

    /// Items of `text` in one style: (text, face name, level, script).
    fn items(text: &str, stack: &str) -> Vec<(String, String, u8, &'static str)> {
        let book = FontBook::with_bundled_fonts();
        let fonts = book.resolve(&FontStack::new(stack), 400, false).unwrap();
        let stack: Vec<usize> = (0..fonts.len()).collect();
        let analysis = Analysis::new(text, BaseDirection::Auto);
        itemize(
            text,
            &analysis,
            &[(0, 0)],
            &[stack],
            &fonts,
            false,
            &[],
            &mut Vec::new(),
        )
        .into_iter()
        .map(|it| {
            (
                text[it.range].to_string(),
                fonts[it.font].name().to_string(),
                it.level,
                it.script.short_name(),
            )
        })
        .collect()
    }

    #[test]
    fn marks_stay_with_their_letter_and_spaces_with_the_face_before() {
        // Noto Serif lacks Hebrew; Noto Serif Hebrew has letters, points and the space. The space
        // between R and L in an LTR paragraph is level 0 (UAX #9 N1/N2), so it is an item of its
        // own, but keeps the Hebrew face and script.
        let got = items("ab פֿאַר cd", "Noto Serif, Noto Serif Hebrew");
        assert_eq!(
            got,
            vec![
                ("ab ".into(), "NotoSerif-Regular.ttf".into(), 0, "Latn"),
                ("פֿאַר".into(), "NotoSerifHebrew-Regular.ttf".into(), 1, "Hebr"),
                (" ".into(), "NotoSerifHebrew-Regular.ttf".into(), 0, "Hebr"),
                ("cd".into(), "NotoSerif-Regular.ttf".into(), 0, "Latn"),
            ]
        );
    }

    #[test]
    fn punctuation_the_face_lacks_falls_back_to_the_next_face() {
        // Noto Sans Hebrew has no full stop or digits (hb-shape gives glyph 0 for them). The digits
        // are level 2 in this RTL paragraph and the stop level 1, hence two items.
        let got = items("שלום 2026.", "Noto Sans Hebrew, Noto Sans");
        let faces: Vec<(&str, &str)> = got.iter().map(|(t, f, ..)| (t.as_str(), f.as_str())).collect();
        assert_eq!(
            faces,
            vec![
                ("שלום ", "NotoSansHebrew-Regular.ttf"),
                ("2026", "NotoSans-Regular.ttf"),
                (".", "NotoSans-Regular.ttf")
            ]
        );
    }

    #[test]
    fn the_ascii_shortcut_itemizes_as_the_general_path_does() {
        let book = FontBook::with_bundled_fonts();
        let mut fonts = Vec::new();
        let mut stacks = Vec::new();
        for stack in [
            "Noto Sans Hebrew, Noto Sans",
            "Noto Serif, Noto Serif Hebrew",
            "Noto Sans",
        ] {
            let resolved = book.resolve(&FontStack::new(stack), 400, false).unwrap();
            let first = fonts.len();
            fonts.extend(resolved);
            stacks.push((first..fonts.len()).collect::<Vec<usize>>());
        }
        let texts = [
            "plain English, with “quotes” and 1925.",
            "ab פֿאַר cd (YIVO) ייִדיש\nnext\r\nline e\u{301}x",
            "שלום 2026. world! a\u{5b7}b \u{2067}x\u{2069} y",
            "  lead and trail  \t tab",
        ];
        let corpus = include_str!("../../tests/data/article.txt").lines();
        let mixed = include_str!("../../tests/data/mixed.txt").lines();
        let mut rng = 0x9e37_79b9_u32;
        for text in texts.into_iter().chain(corpus).chain(mixed) {
            let analysis = Analysis::new(text, BaseDirection::Auto);
            // Style runs cut at chosen char boundaries, through the three stacks.
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            for _ in 0..20 {
                let mut runs = vec![(0, 0)];
                for &i in &cuts[1..] {
                    rng ^= rng << 13;
                    rng ^= rng >> 17;
                    rng ^= rng << 5;
                    if rng.is_multiple_of(7) {
                        runs.push((i, (rng / 7 % 3) as usize));
                    }
                }
                let fast = itemize_with(
                    text,
                    &analysis,
                    &runs,
                    &stacks,
                    &fonts,
                    false,
                    true,
                    &[],
                    &mut Vec::new(),
                );
                let slow = itemize_with(
                    text,
                    &analysis,
                    &runs,
                    &stacks,
                    &fonts,
                    false,
                    false,
                    &[],
                    &mut Vec::new(),
                );
                assert_eq!(fast, slow, "{text:?} {runs:?}");
            }
        }
    }

    #[test]
    fn hard_breaks_are_not_shaped() {
        let got = items("a\nb\r\n", "Noto Serif");
        let texts: Vec<&str> = got.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(texts, vec!["a", "b"]);
    }

    #[test]
    fn invisible_controls_do_not_start_a_new_face() {
        // U+2066 (LRI) is covered by Noto Serif only, but is hidden whatever the face: it stays
        // with the Hebrew face before it rather than splitting the run by face.
        let got = items("אב \u{2066}", "Noto Serif, Noto Serif Hebrew");
        assert!(
            got.iter().all(|(_, f, ..)| f == "NotoSerifHebrew-Regular.ttf"),
            "{got:?}"
        );
    }
}
