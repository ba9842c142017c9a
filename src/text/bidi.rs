//! Bidi levels of a paragraph (UAX #9 via unicode-bidi) and the per-line rules L1 and L2.
//!
//! Levels are resolved once for the whole paragraph; each line is then reordered on its own, after
//! line breaking. The layout uses the same rule-L1 code as the public char-level API here, which
//! the conformance tests drive with Unicode's BidiTest.txt and BidiCharacterTest.txt.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiDataSource, BidiInfo, HardcodedBidiData, Level};

use super::chars::{ascii_bidi_classes, bidi_class, is_l1_trailing};
use super::direction::{BaseDirection, Direction};
use crate::error::{check_range, Error};

/// Resolved embedding levels of a text and what rule L1 needs to reset them per line.
///
/// ```
/// use shrift::{BaseDirection, BidiLevels};
/// let text = "אב cd";
/// let bidi = BidiLevels::new(text, BaseDirection::Auto);
/// assert_eq!(bidi.base_level(), 1);
/// // Left to right: "c", "d", the space, "ב", "א" (byte offsets of each char).
/// assert_eq!(bidi.visual_order(text, 0..text.len()).unwrap(), vec![5, 6, 4, 2, 0]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BidiLevels {
    base_level: u8,
    /// Each bidi paragraph (more than one only if the text holds paragraph separators).
    paragraphs: Vec<(Range<usize>, u8)>,
    /// Resolved level of each byte (unicode-bidi's per-byte form, kept as numbers).
    levels: Vec<u8>,
    /// Original bidi class of each byte.
    classes: Vec<BidiClass>,
    /// The segment and paragraph separators (classes S and B), in order.
    separators: Vec<Range<usize>>,
    /// The byte offsets of the explicit embedding, override and isolate controls, in order.
    explicit: Vec<usize>,
    /// How many paired brackets (BD14, BD15) the text holds: rule N0 reads across any distance
    /// between them.
    brackets: usize,
}

/// A paired bracket (BD14, BD15): what rule N0 pairs, across any distance.
pub(crate) fn is_bracket(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '(' | ')' | '[' | ']' | '{' | '}')
    } else {
        HardcodedBidiData.bidi_matched_opening_bracket(c).is_some()
    }
}

/// How many paired brackets `text` holds.
fn count_brackets(text: &str) -> usize {
    text.chars().filter(|&c| is_bracket(c)).count()
}

/// An explicit embedding, override or isolate control (rules X2–X8).
fn is_explicit(c: BidiClass) -> bool {
    use BidiClass::*;
    matches!(c, LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI)
}

/// unicode-bidi's own (Unicode 16) data with the ASCII shortcut of [`bidi_class`].
struct AsciiFirst;

impl BidiDataSource for AsciiFirst {
    fn bidi_class(&self, c: char) -> BidiClass {
        bidi_class(c)
    }
}

impl BidiLevels {
    /// Resolves the levels of `text` with the given base direction (UAX #9 P1–I2).
    pub fn new(text: &str, direction: BaseDirection) -> BidiLevels {
        if direction != BaseDirection::Rtl {
            if let Some(levels) = BidiLevels::all_left_to_right(text) {
                return levels;
            }
        }
        BidiLevels::resolve(text, direction)
    }

    /// The levels of text without a right-to-left char, Arabic number or explicit control, in a
    /// paragraph that is not forced right to left: every level 0, with no rule to run. Rules
    /// P2–P3 give each paragraph level 0 (no strong R or AL), W7 turns every European number
    /// into L (the start of sequence is L), and I1 raises nothing at level 0 but R, AN and EN:
    /// unicode-bidi would reach the same levels after all its passes (a test compares the two).
    /// `None` for any other text.
    fn all_left_to_right(text: &str) -> Option<BidiLevels> {
        use BidiClass::*;
        let ascii = ascii_bidi_classes();
        let bytes = text.as_bytes();
        let mut classes = Vec::with_capacity(text.len());
        let mut paragraphs = Vec::new();
        let mut separators = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // ASCII, byte by byte (no ASCII char is R, AL, AN or an explicit control); any
            // other char through unicode-bidi's table.
            let (class, end) = match bytes[i] {
                b if b.is_ascii() => (ascii[usize::from(b)], i + 1),
                _ => {
                    let c = text[i..].chars().next()?;
                    let class = HardcodedBidiData.bidi_class(c);
                    if matches!(
                        class,
                        R | AL | AN | LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI
                    ) {
                        return None;
                    }
                    (class, i + c.len_utf8())
                }
            };
            classes.resize(end, class);
            if matches!(class, S | B) {
                separators.push(i..end);
                // P1: a paragraph separator ends its paragraph (CR and LF each, as
                // unicode-bidi does).
                if class == B {
                    paragraphs.push((start..end, 0));
                    start = end;
                }
            }
            i = end;
        }
        if start < text.len() {
            paragraphs.push((start..text.len(), 0));
        }
        Some(BidiLevels {
            base_level: 0,
            paragraphs,
            levels: vec![0; text.len()],
            classes,
            separators,
            explicit: Vec::new(),
            brackets: count_brackets(text),
        })
    }

    /// The levels by unicode-bidi (rules P1–I2).
    fn resolve(text: &str, direction: BaseDirection) -> BidiLevels {
        let default_level = match direction {
            BaseDirection::Auto => None,
            BaseDirection::Ltr => Some(Level::ltr()),
            BaseDirection::Rtl => Some(Level::rtl()),
        };
        let info = BidiInfo::new_with_data_source(&AsciiFirst, text, default_level);
        let paragraphs: Vec<(Range<usize>, u8)> = info
            .paragraphs
            .iter()
            .map(|p| (p.range.clone(), p.level.number()))
            .collect();
        let base_level = match (paragraphs.first(), default_level) {
            (Some(p), _) => p.1,
            (None, Some(l)) => l.number(),
            (None, None) => 0,
        };
        let BidiInfo {
            levels,
            original_classes,
            ..
        } = info;
        // Segment and paragraph separators, found once so that rule L1 costs each line only its
        // own separators and trailing whitespace, not a scan of the line.
        let separators = text
            .char_indices()
            .filter(|&(i, _)| matches!(original_classes.get(i), Some(BidiClass::S | BidiClass::B)))
            .map(|(i, c)| i..i + c.len_utf8())
            .collect();
        let explicit = text
            .char_indices()
            .map(|(i, _)| i)
            .filter(|&i| original_classes.get(i).is_some_and(|&c| is_explicit(c)))
            .collect();
        BidiLevels {
            base_level,
            paragraphs,
            levels: levels.into_iter().map(|l| l.number()).collect(),
            classes: original_classes,
            separators,
            explicit,
            brackets: count_brackets(text),
        }
    }

    /// Whether byte `pos` is in plain text at the paragraph's level: one bidi paragraph, no
    /// segment or paragraph separator (but one ending the text), and `pos` outside every embedding, override and isolate
    /// (each control before it matched by its closer, as rules X1–X8 match them). Then a
    /// stretch around `pos` between two strong chars, free of controls, is resolved as it would
    /// be alone (`paragraph/edit.rs`): an isolate is a neutral to the text around it, and
    /// nothing inside one reads outside it.
    pub(crate) fn is_plain_at(&self, pos: usize) -> bool {
        use BidiClass::*;
        // No separator but a paragraph's own at its very end (an editor's block ends with its
        // `\n`): that one ends the one bidi paragraph, as the text's end would.
        let len = self.levels.len();
        let separators_ok = match self.separators.as_slice() {
            [] => true,
            [last] => last.end == len && self.classes.get(last.start) == Some(&B),
            _ => false,
        };
        if !separators_ok || self.paragraphs.len() > 1 {
            return false;
        }
        // The open controls: true for an isolate, false for an embedding or override.
        let mut open: Vec<bool> = Vec::new();
        for &at in self.explicit.iter().take_while(|&&at| at < pos) {
            match self.classes[at] {
                LRI | RLI | FSI => open.push(true),
                LRE | RLE | LRO | RLO => open.push(false),
                // X6a: a PDI closes its isolate and whatever opened inside it.
                PDI => {
                    if let Some(k) = open.iter().rposition(|&isolate| isolate) {
                        open.truncate(k);
                    }
                }
                // X7: a PDF closes an embedding opened inside the current isolate.
                _ => {
                    if open.last() == Some(&false) {
                        open.pop();
                    }
                }
            }
        }
        open.is_empty()
    }

    /// Whether the text holds a paired bracket.
    pub(crate) fn has_brackets(&self) -> bool {
        self.brackets > 0
    }

    /// Replaces the levels and classes of the bytes `old` by those of the first `len` bytes of
    /// `window` (levels resolved for the text that replaces them), for a window of plain
    /// text ([`BidiLevels::is_plain_at`]) without controls that is `total` bytes long after the change.
    pub(crate) fn splice(&mut self, old: Range<usize>, window: &BidiLevels, len: usize, total: usize) {
        let delta = total as isize - self.levels.len() as isize;
        for at in &mut self.explicit {
            if *at >= old.end {
                *at = (*at as isize + delta) as usize;
            }
        }
        // Separators: the window's (a paragraph separator ending it) in place of the old ones.
        let s0 = self.separators.partition_point(|r| r.start < old.start);
        let s1 = self.separators.partition_point(|r| r.start < old.end);
        let at = old.start;
        let inside = window.separators.iter().filter(|r| r.end <= len);
        let new: Vec<Range<usize>> = inside.map(|r| r.start + at..r.end + at).collect();
        self.separators.splice(s0..s1, new.iter().cloned());
        let moved = |p: usize| (p as isize + delta) as usize;
        for r in &mut self.separators[s0 + new.len()..] {
            *r = moved(r.start)..moved(r.end);
        }
        self.levels
            .splice(old.clone(), window.levels[..len].iter().copied());
        self.classes.splice(old, window.classes[..len].iter().copied());
        if let Some(p) = self.paragraphs.first_mut() {
            p.0.end = total;
        }
    }

    /// The level of the first (usually only) paragraph: 0 left to right, 1 right to left.
    pub fn base_level(&self) -> u8 {
        self.base_level
    }

    /// The direction of the first paragraph.
    pub fn direction(&self) -> Direction {
        Direction::from_level(self.base_level)
    }

    /// The level of the bidi paragraph holding byte `pos`.
    pub fn paragraph_level_at(&self, pos: usize) -> u8 {
        let i = self.paragraphs.partition_point(|(r, _)| r.end <= pos);
        self.paragraphs
            .get(i)
            .filter(|(r, _)| r.contains(&pos))
            .map_or(self.base_level, |p| p.1)
    }

    /// The resolved level of the char at byte `pos`, before any line's rule L1.
    pub fn level_at(&self, pos: usize) -> Option<u8> {
        self.levels.get(pos).copied()
    }

    /// Whether the char at byte `pos` is one that rule X9 removes (embedding and override controls,
    /// boundary neutrals): UAX #9 gives it no level and leaves it out of the visual order.
    pub fn removed_by_x9(&self, pos: usize) -> bool {
        use BidiClass::*;
        matches!(self.classes.get(pos), Some(BN | LRE | RLE | LRO | RLO | PDF))
    }

    /// The level of every char of `line` after rule L1 (which resets the line's trailing
    /// whitespace, and separators with the whitespace before them, to the paragraph level), as
    /// (byte offset, level).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRange`] when `line` is not a range of char boundaries of `text`, or `text`
    /// is not the text the levels were resolved for.
    pub fn line_levels(&self, text: &str, line: Range<usize>) -> Result<Vec<(usize, u8)>, Error> {
        self.check(text, &line)?;
        let mut resets = Vec::new();
        self.l1_reset_ranges(line.clone(), &mut resets);
        let para_level = self.paragraph_level_at(line.start);
        let mut r = resets.iter().peekable();
        Ok(text[line.clone()]
            .char_indices()
            .map(|(off, _)| {
                let pos = line.start + off;
                while r.peek().is_some_and(|x| x.end <= pos) {
                    r.next();
                }
                let reset = r.peek().is_some_and(|x| x.contains(&pos));
                (pos, if reset { para_level } else { self.levels[pos] })
            })
            .collect())
    }

    /// The chars of `line` in visual order, left to right, as byte offsets (rules L1 and L2), the
    /// chars rule X9 removes left out.
    ///
    /// # Errors
    ///
    /// As [`BidiLevels::line_levels`].
    pub fn visual_order(&self, text: &str, line: Range<usize>) -> Result<Vec<usize>, Error> {
        let chars: Vec<(usize, u8)> = self
            .line_levels(text, line)?
            .into_iter()
            .filter(|&(pos, _)| !self.removed_by_x9(pos))
            .collect();
        let levels: Vec<Level> = chars
            .iter()
            .map(|&(_, l)| Level::new(l).unwrap_or(Level::ltr()))
            .collect();
        Ok(BidiInfo::reorder_visual(&levels)
            .into_iter()
            .filter_map(|i| chars.get(i).map(|c| c.0))
            .collect())
    }

    fn check(&self, text: &str, line: &Range<usize>) -> Result<(), Error> {
        check_range(text, line)?;
        if text.len() != self.levels.len() {
            return Err(Error::range(line, self.levels.len()));
        }
        Ok(())
    }

    /// The ranges of `line` that rule L1 resets to the paragraph level: each segment or paragraph
    /// separator with the whitespace and isolate controls before it, and the whitespace and
    /// isolate controls at the end of the line. `line` must be valid for `text`.
    pub(crate) fn l1_reset_ranges(&self, line: Range<usize>, out: &mut Vec<Range<usize>>) {
        out.clear();
        // The start of the run of whitespace-like chars that ends at `end` (classes are per byte,
        // and every byte of a char has its class, so stepping back bytewise stays on chars).
        let run_start = |end: usize| {
            let mut start = end;
            while start > line.start && self.classes.get(start - 1).is_some_and(|&c| is_l1_trailing(c)) {
                start -= 1;
            }
            start
        };
        let first = self.separators.partition_point(|s| s.start < line.start);
        for sep in self.separators[first..].iter().take_while(|s| s.end <= line.end) {
            push_merged(out, run_start(sep.start)..sep.end);
        }
        let trailing = run_start(line.end);
        if trailing < line.end {
            push_merged(out, trailing..line.end);
        }
    }
}

fn push_merged(out: &mut Vec<Range<usize>>, r: Range<usize>) {
    match out.last_mut() {
        Some(last) if last.end == r.start => last.end = r.end,
        _ => out.push(r),
    }
}

#[cfg(test)]
mod tests {
    use super::BidiLevels;
    use crate::text::direction::BaseDirection;

    #[test]
    fn the_left_to_right_shortcut_resolves_what_unicode_bidi_resolves() {
        // Every ASCII char (the shortcut takes them byte by byte, as never R, AL, AN or a control).
        let ascii: String = (0u8..128).map(char::from).collect();
        let texts = [
            ascii.as_str(),
            "",
            "plain ASCII, with 1,234.5 numbers and \"quotes\".",
            "“curly” quotes — dashes… and ½ ¾ ₪",
            "a\nb\r\nc\rd\u{2029}e\u{85}f\u{1c}g\n",
            "\n\n",
            "\r\n\r\n\r",
            "tab\there\u{b}vt\u{1f}us",
            "marks é e\u{301} \u{200d}\u{200b}\u{ad} controls",
            "1925 2026 +5 -3 $4 #2 50%",
        ];
        for text in texts {
            for dir in [BaseDirection::Auto, BaseDirection::Ltr] {
                let fast = BidiLevels::all_left_to_right(text).expect("no RTL in the text");
                let slow = BidiLevels::resolve(text, dir);
                assert_eq!(fast.base_level, slow.base_level, "{text:?}");
                assert_eq!(fast.paragraphs, slow.paragraphs, "{text:?}");
                assert_eq!(fast.levels, slow.levels, "{text:?}");
                assert_eq!(fast.classes, slow.classes, "{text:?}");
                assert_eq!(fast.separators, slow.separators, "{text:?}");
            }
        }
        for text in ["שלום", "a \u{2067}b\u{2069}", "١٢٣", "x\u{202B}y"] {
            assert!(BidiLevels::all_left_to_right(text).is_none(), "{text:?}");
        }
    }
}
