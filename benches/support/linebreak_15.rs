//! The line breaker shrift had before Unicode 17 (`src/breaks.rs` at commit f97bc77, unchanged but
//! for visibility and the doctest): unicode-linebreak 0.1.5 (Unicode 15.0) plus a correction pass.
//! `benches/breaks.rs` times it beside the current one, so that "no slower than before" is a ratio
//! measured in one run rather than numbers from two sessions.
//!
//! Its original notes follow.
//!
//! unicode-linebreak 0.1.5 claims Unicode 15.0 but implements a few rules from older versions as
//! plain pairs; Unicode's own LineBreakTest.txt (15.0) shows where. On top of the crate, this module
//! applies, in one pass over the text:
//!
//! - LB25 as rewritten in Unicode 15.0: `CL × PO`, `IS × NU` and friends hold only in a number
//!   (`NU (NU | SY | IS)* …`), and `(PR | PO) × OP` only when a digit follows;
//! - LB30: `(AL | HL | NU) × OP` only for an opening bracket that is not East Asian;
//! - LB30b: an unassigned Extended_Pictographic code point glues to a following emoji modifier;
//! - LB21a as Unicode 15.1 changed it: `HL (HY | [BA - $EastAsian]) × [^HL]`, so a hyphen or
//!   maqaf after a Hebrew letter no longer glues to a following Hebrew letter, and a Yiddish
//!   compound such as אינטערנעץ־באַגרענעצונגען may break after its maqaf.

use unicode_linebreak::{break_property, BreakClass as C};

/// A UAX #14 line-break opportunity: a line may end before `pos`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreakOpportunity {
    /// Byte offset the next line would start at.
    pub pos: usize,
    /// The line must end here (after a hard line break or paragraph separator).
    pub mandatory: bool,
}

/// UAX #14 break opportunities of `text`, in order; the last is always the text's end (see the
/// module notes for the rules on top of unicode-linebreak).
///
pub fn line_break_opportunities(text: &str) -> Vec<BreakOpportunity> {
    break_opportunities(text)
}

pub fn break_opportunities(text: &str) -> Vec<BreakOpportunity> {
    let mut out: Vec<BreakOpportunity> = unicode_linebreak::linebreaks(text)
        .map(|(pos, kind)| BreakOpportunity {
            pos,
            mandatory: kind == unicode_linebreak::BreakOpportunity::Mandatory,
        })
        .collect();
    let (add, remove) = corrections(text);
    if !add.is_empty() || !remove.is_empty() {
        out.retain(|b| b.mandatory || !remove.contains(&b.pos));
        out.extend(add.into_iter().map(|pos| BreakOpportunity {
            pos,
            mandatory: false,
        }));
        out.sort_by_key(|b| b.pos);
        out.dedup_by_key(|b| b.pos);
    }
    out
}

/// A unit of rule LB9: a char with the combining marks and joiners after it.
#[derive(Clone, Copy)]
struct Unit {
    start: usize,
    class: C,
    first: char,
    /// The unit ends with a zero-width joiner: rule LB8a forbids a break after it.
    joined: bool,
}

/// Resolves the classes rule LB1 leaves to the implementation, as the UAX #14 tests do.
fn resolved(c: char) -> C {
    match break_property(c as u32) {
        C::Ambiguous | C::Surrogate | C::Unknown | C::ComplexContext => C::Alphabetic,
        C::ConditionalJapaneseStarter => C::NonStarter,
        k => k,
    }
}

/// Break positions to add to and remove from unicode-linebreak's (see the module notes).
fn corrections(text: &str) -> (Vec<usize>, Vec<usize>) {
    // Units by rules LB9 and LB10.
    let mut units: Vec<Unit> = Vec::new();
    for (i, c) in text.char_indices() {
        let k = resolved(c);
        let absorbs = |u: &Unit| {
            !matches!(
                u.class,
                C::Mandatory | C::CarriageReturn | C::LineFeed | C::NextLine | C::Space | C::ZeroWidthSpace
            )
        };
        if matches!(k, C::CombiningMark | C::ZeroWidthJoiner) {
            let joined = k == C::ZeroWidthJoiner;
            match units.last_mut() {
                Some(u) if absorbs(u) => u.joined = joined,
                _ => units.push(Unit {
                    start: i,
                    class: C::Alphabetic,
                    first: c,
                    joined,
                }),
            }
            continue;
        }
        units.push(Unit {
            start: i,
            class: k,
            first: c,
            joined: false,
        });
    }
    // In a number: the units before `k` (exclusive) are `NU (NU | SY | IS)*`.
    let number_before = |k: usize| {
        let mut j = k;
        while j > 0 {
            j -= 1;
            match units[j].class {
                C::Numeric => return true,
                C::Symbol | C::InfixSeparator => continue,
                _ => return false,
            }
        }
        false
    };
    let (mut add, mut remove) = (Vec::new(), Vec::new());
    for k in 1..units.len() {
        let (prev, cur) = (units[k - 1], units[k]);
        let next = units.get(k + 1).map(|u| u.class);
        if prev.joined {
            continue;
        }
        match (prev.class, cur.class) {
            // LB30: only a non-East-Asian opening bracket glues to a letter or digit before it.
            (C::Alphabetic | C::HebrewLetter | C::Numeric, C::OpenPunctuation)
                if is_east_asian(cur.first) =>
            {
                add.push(cur.start)
            }
            // LB25: (PR | PO) × OP only before a digit.
            (C::Prefix | C::Postfix, C::OpenPunctuation) if next != Some(C::Numeric) => add.push(cur.start),
            // LB25: (CL | CP) × (PO | PR) only after a number.
            (C::ClosePunctuation | C::CloseParenthesis, C::Postfix | C::Prefix) if !number_before(k - 1) => {
                add.push(cur.start)
            }
            // LB25: (SY | IS) × NU only inside a number.
            (C::Symbol | C::InfixSeparator, C::Numeric) if !number_before(k - 1) => add.push(cur.start),
            // LB30b: an unassigned Extended_Pictographic code point × EM.
            (_, C::EmojiModifier) if is_unassigned_pictographic(prev.first) => remove.push(cur.start),
            // LB21a (Unicode 15.1): HL (HY | BA) may break before HL.
            (C::Hyphen | C::After, C::HebrewLetter)
                if k >= 2 && units[k - 2].class == C::HebrewLetter && !is_east_asian(prev.first) =>
            {
                add.push(cur.start)
            }
            _ => {}
        }
    }
    (add, remove)
}

/// East Asian Width F, W or H, roughly: the CJK and Hangul blocks, the CJK compatibility and
/// small forms, the fullwidth forms and the angle brackets U+2329/U+232A.
fn is_east_asian(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2329..=0x232A | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF | 0xFE10..=0xFE19 | 0xFE30..=0xFE6F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD)
}

/// Unassigned code points of the Extended_Pictographic blocks (U+1F000–U+1FAFF, U+1FC00–U+1FFFD).
/// LineBreak.txt defaults them to ID, so the script (Unknown for unassigned code points) tells.
fn is_unassigned_pictographic(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x1FC00..=0x1FFFD) && c.script() == Script::Unknown
}
