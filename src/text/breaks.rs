//! Line-break opportunities (UAX #14 of Unicode 17): ICU4X's `icu_segmenter`.
//!
//! The segmenter's Unicode 17 rules and data (`LineSegmenter::new_17_for_non_complex_scripts`)
//! pass every case of LineBreakTest 17 but for the ones rule LB1 leaves to the implementation:
//! chars of class SA (Thai, Lao, Myanmar, Khmer, Tai scripts, Ahom), which a dictionary breaks in
//! real text and which the conformance file resolves to AL, or to CM where they are marks. This
//! module does that resolution for the marks (letters already behave as AL without a
//! dictionary), so that shrift's breaks are the plain UAX #14 ones for every script.
//!
//! Among the rules Unicode 15.1 to 17 changed, the ones that matter for Yiddish: LB21a (a maqaf
//! or hyphen after a Hebrew letter no longer glues to a following Hebrew letter, so a compound
//! such as אינטערנעץ־באַגרענעצונגען may break after its maqaf), and LB15a/LB15b (an opening „
//! before a quotation is no longer kept with the closing “ of a quotation before it).

use std::borrow::Cow;

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};

/// A UAX #14 line-break opportunity: a line may end before `pos`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreakOpportunity {
    /// Byte offset the next line would start at.
    pub pos: usize,
    /// The line must end here (after a hard line break or paragraph separator, and at the end of
    /// the text).
    pub mandatory: bool,
}

/// UAX #14 (Unicode 17) break opportunities of `text`, in order; the last is always the text's
/// end. There is none at 0.
///
/// ```
/// let text = "אַ ביסל text";
/// let breaks = shrift::line_break_opportunities(text);
/// let positions: Vec<usize> = breaks.iter().map(|b| b.pos).collect();
/// assert_eq!(positions, vec![5, 14, 18]);
/// // The maqaf (U+05BE) between two Hebrew words is a break opportunity (LB21a since 15.1).
/// let compound = "מאַסן־אַרעסטן";
/// let maqaf_end = compound.find('־').unwrap() + '־'.len_utf8();
/// assert!(shrift::line_break_opportunities(compound).iter().any(|b| b.pos == maqaf_end));
/// ```
pub fn line_break_opportunities(text: &str) -> Vec<BreakOpportunity> {
    break_opportunities(text)
}

/// The Unicode 17 line segmenter, with the default (strict, normal) options of CSS `line-break:
/// auto` and `word-break: normal`.
const SEGMENTER: LineSegmenterBorrowed<'static> =
    LineSegmenter::new_17_for_non_complex_scripts(LineBreakOptions::default());

pub(crate) fn break_opportunities(text: &str) -> Vec<BreakOpportunity> {
    let mut out = Vec::new();
    break_opportunities_into(text, &mut out);
    out
}

/// [`break_opportunities`] into `out` (cleared first), which paragraph building reuses.
pub(crate) fn break_opportunities_into(text: &str, out: &mut Vec<BreakOpportunity>) {
    out.clear();
    out.reserve(text.len() / 5 + 1);
    if text.is_ascii() {
        // ASCII is Latin-1, whose iterator skips UTF-8 decoding (about 7 % faster on the
        // corpus's English paragraphs); it has no SA char to resolve.
        collect(text, SEGMENTER.segment_latin1(text.as_bytes()), out);
    } else {
        let resolved = resolve_complex_marks(text);
        collect(text, SEGMENTER.segment_str(&resolved), out);
    }
    if out.last().map(|b| b.pos) != Some(text.len()) && !text.is_empty() {
        out.push(BreakOpportunity {
            pos: text.len(),
            mandatory: true,
        });
    }
}

/// Pushes the segmenter's boundaries of `text` (but 0) onto `out`, each marked mandatory or not.
fn collect(text: &str, boundaries: impl Iterator<Item = usize>, out: &mut Vec<BreakOpportunity>) {
    let bytes = text.as_bytes();
    for pos in boundaries {
        if pos == 0 {
            continue;
        }
        // The char before the break decides whether it is mandatory: BK, CR, LF or NL.
        let mandatory = pos == text.len()
            || match bytes[pos - 1] {
                b'\n' | 0x0B | 0x0C => true,
                b'\r' => bytes.get(pos) != Some(&b'\n'),
                // U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9).
                0x85 => pos >= 2 && bytes[pos - 2] == 0xC2,
                0xA8 | 0xA9 => pos >= 3 && bytes[pos - 3] == 0xE2 && bytes[pos - 2] == 0x80,
                _ => false,
            };
        out.push(BreakOpportunity { pos, mandatory });
    }
}

/// Rule LB1 for the marks of class SA: `text` with each Mn or Mc char of the SA scripts replaced
/// by a combining mark of class CM and the same UTF-8 length (so offsets stay put). Borrowed
/// unchanged (the usual case) when there is none.
fn resolve_complex_marks(text: &str) -> Cow<'_, str> {
    let is_complex_mark = |c: char| {
        // Every SA script lies in these ranges; the check keeps Latin and Hebrew text cheap.
        matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x1950..=0x1AAF
            | 0xA9E0..=0xAADF | 0x11700..=0x1174F)
            && matches!(
                c.general_category(),
                GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark
            )
            && matches!(
                c.script(),
                Script::Thai
                    | Script::Lao
                    | Script::Myanmar
                    | Script::Khmer
                    | Script::Tai_Le
                    | Script::New_Tai_Lue
                    | Script::Tai_Tham
                    | Script::Tai_Viet
                    | Script::Ahom
            )
    };
    // Every SA char's UTF-8 starts with one of these bytes; Latin and Hebrew text has none of
    // them, and the byte scan is much cheaper than decoding chars.
    if !text.bytes().any(|b| matches!(b, 0xE0 | 0xE1 | 0xEA | 0xF0)) || !text.chars().any(is_complex_mark) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match (is_complex_mark(c), c.len_utf8()) {
                // U+20D0 COMBINING LEFT HARPOON ABOVE and U+1D167 MUSICAL SYMBOL COMBINING
                // TREMOLO-1: class CM, 3 and 4 bytes like the marks they stand for.
                (true, 3) => '\u{20D0}',
                (true, _) => '\u{1D167}',
                (false, _) => c,
            })
            .collect(),
    )
}
