//! Analysis: everything about a paragraph's text that does not depend on fonts or width.
//!
//! Bidi embedding levels (UAX #9, `bidi.rs`), script runs (unicode-script, with Common and
//! Inherited chars resolved to their neighbours) and line-break opportunities (UAX #14,
//! `breaks.rs`). Computed once per paragraph; the result is an `Analysis`.

use std::ops::Range;

use unicode_bidi::{BidiDataSource, HardcodedBidiData};
use unicode_script::{Script, UnicodeScript};

use super::bidi::BidiLevels;
use super::breaks::BreakOpportunity;
use super::direction::BaseDirection;

/// A maximal range of chars in one script, Common and Inherited chars resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScriptRun {
    pub range: Range<usize>,
    pub script: Script,
}

/// The width- and font-independent facts about a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Analysis {
    pub bidi: BidiLevels,
    pub scripts: Vec<ScriptRun>,
    pub breaks: Vec<BreakOpportunity>,
}

impl Analysis {
    #[cfg(test)]
    pub fn new(text: &str, direction: BaseDirection) -> Analysis {
        Analysis::reusing(text, direction, Vec::new(), Vec::new())
    }

    /// The analysis, its script runs and breaks written into the given vectors (cleared first):
    /// paragraph building hands back the ones of the paragraph before, so that these two
    /// tables, which the paragraph does not keep, cost no allocation.
    pub fn reusing(
        text: &str,
        direction: BaseDirection,
        mut scripts: Vec<ScriptRun>,
        mut breaks: Vec<BreakOpportunity>,
    ) -> Analysis {
        script_runs(text, &mut scripts);
        super::breaks::break_opportunities_into(text, &mut breaks);
        Analysis {
            bidi: BidiLevels::new(text, direction),
            scripts,
            breaks,
        }
    }
}

/// Script runs with Common and Inherited chars resolved: a mark takes the script of its base, a
/// closing bracket takes the script of its opener, other Common chars take the script before them
/// (or, at the start of the text, the first real script after them).
pub(crate) fn script_runs(text: &str, runs: &mut Vec<ScriptRun>) {
    runs.clear();
    // Open brackets: (opening char, script at the opener or None while still unresolved).
    let mut brackets: Vec<(char, Option<Script>)> = Vec::new();
    let mut current: Option<Script> = None;
    let mut run_start = 0;
    for (i, c) in text.char_indices() {
        let own = if c.is_ascii_alphabetic() {
            Script::Latin
        } else if c.is_ascii() {
            Script::Common
        } else {
            c.script()
        };
        let resolved = match own {
            Script::Common | Script::Inherited | Script::Unknown => {
                // Of ASCII, only ( ) [ ] { } are brackets: skip the table search for the rest.
                let bracket = if c.is_ascii() && !matches!(c, '(' | ')' | '[' | ']' | '{' | '}') {
                    None
                } else {
                    HardcodedBidiData.bidi_matched_opening_bracket(c)
                };
                match bracket {
                    Some(b) if b.is_open => {
                        // Deep nesting is legal text; cap the stack so hostile input stays linear.
                        if brackets.len() < 64 {
                            brackets.push((b.opening, current));
                        }
                        current
                    }
                    Some(b) => match brackets.iter().rposition(|&(open, _)| open == b.opening) {
                        Some(k) => {
                            let s = brackets[k].1;
                            brackets.truncate(k);
                            s.or(current)
                        }
                        None => current,
                    },
                    None => current,
                }
            }
            real => Some(real),
        };
        if let Some(s) = resolved {
            if current.is_none() {
                // The first real script also resolves the Common chars before it.
                for b in brackets.iter_mut() {
                    b.1.get_or_insert(s);
                }
                current = Some(s);
            } else if current != Some(s) {
                runs.push(ScriptRun {
                    range: run_start..i,
                    script: current.unwrap_or(Script::Common),
                });
                run_start = i;
                current = Some(s);
            }
        }
    }
    if !text.is_empty() {
        runs.push(ScriptRun {
            range: run_start..text.len(),
            script: current.unwrap_or(Script::Common),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scripts(text: &str) -> Vec<(&str, &'static str)> {
        // A used vector, to show that it is cleared.
        let mut runs = vec![ScriptRun {
            range: 0..1,
            script: Script::Arabic,
        }];
        script_runs(text, &mut runs);
        runs.into_iter()
            .map(|r| (&text[r.range], r.script.short_name()))
            .collect()
    }

    #[test]
    fn leading_common_takes_the_first_real_script() {
        assert_eq!(scripts("„שלום"), vec![("„שלום", "Hebr")]);
    }

    #[test]
    fn marks_and_spaces_stay_with_the_script_before() {
        assert_eq!(scripts("אַ ב text"), vec![("אַ ב ", "Hebr"), ("text", "Latn")]);
    }

    #[test]
    fn closing_bracket_takes_the_script_of_its_opener() {
        // "(" follows a Hebrew word, so it and its partner ")" are Hebrew though ")" follows Latin.
        assert_eq!(
            scripts("חשד (Hashd) אַל"),
            vec![("חשד (", "Hebr"), ("Hashd", "Latn"), (") אַל", "Hebr")]
        );
    }

    #[test]
    fn all_common_text_is_one_common_run() {
        assert_eq!(scripts("12:30"), vec![("12:30", "Zyyy")]);
    }

    #[test]
    fn rtl_paragraph_from_first_strong_char() {
        let a = Analysis::new("2026 ייִדיש text", BaseDirection::Auto);
        assert_eq!(a.bidi.base_level(), 1);
        let a = Analysis::new("text ייִדיש", BaseDirection::Auto);
        assert_eq!(a.bidi.base_level(), 0);
        let a = Analysis::new("text", BaseDirection::Rtl);
        assert_eq!(a.bidi.base_level(), 1);
    }
}
