//! Hyphenation settings: CSS `hyphens` per style, the limits on where a word may break, and the
//! trait a caller implements to hyphenate a language the built-in patterns do not cover.

/// Whether words may break inside at a line end with a hyphen shown (CSS `hyphens`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Hyphens {
    /// Never, not even at a soft hyphen (U+00AD).
    None,
    /// Only at soft hyphens (U+00AD) in the text (the default, as in CSS).
    #[default]
    Manual,
    /// At soft hyphens and at the points hyphenation patterns find in words of the run's
    /// language: Liang's patterns from TeX's set for the languages the `hypher` crate covers
    /// (English, German, French, Russian and about thirty more, chosen by the language tag's
    /// first subtag), or a [`Hyphenator`] given to the paragraph. A run without a language tag,
    /// or in a language without patterns, is not hyphenated (as in browsers).
    Auto,
}

/// Where a word may break with [`Hyphens::Auto`]: words of at least `word` chars, with at least
/// `before` chars before the break and `after` after it (TeX's `\lefthyphenmin` 2 and
/// `\righthyphenmin` 3; words of 5 chars or more, as CSS `hyphenate-limit-chars: auto` in
/// browsers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HyphenationLimits {
    /// The shortest word hyphenated, in chars.
    pub word: usize,
    /// The fewest chars before a break.
    pub before: usize,
    /// The fewest chars after a break.
    pub after: usize,
}

impl Default for HyphenationLimits {
    fn default() -> HyphenationLimits {
        HyphenationLimits {
            word: 5,
            before: 2,
            after: 3,
        }
    }
}

/// Hyphenation points for a language shrift has no patterns for (Yiddish, say), or instead of
/// the built-in ones: given to a paragraph with
/// [`ParagraphBuilder::hyphenator`](crate::ParagraphBuilder::hyphenator).
///
/// ```
/// use shrift::Hyphenator;
/// /// Breaks Yiddish words after every "ע" (an illustration, not a rule of Yiddish).
/// #[derive(Debug)]
/// struct AfterAyin;
/// impl Hyphenator for AfterAyin {
///     fn hyphenate(&self, word: &str, language: &str, points: &mut Vec<usize>) -> bool {
///         if language != "yi" {
///             return false;
///         }
///         points.extend(word.match_indices('ע').map(|(i, c)| i + c.len()));
///         true
///     }
/// }
/// let mut points = Vec::new();
/// assert!(AfterAyin.hyphenate("שרײַבער", "yi", &mut points));
/// assert_eq!(points, [12]); // after the ע of שרײַבע|ר
/// ```
pub trait Hyphenator: Send + Sync + std::fmt::Debug {
    /// Pushes onto `points` the byte offsets inside `word` (a UAX #29 word of letters) where it
    /// may break, for a run tagged `language`; returns whether it handles that language (if not,
    /// the built-in patterns are asked). Points outside the word, off char boundaries, or
    /// closer to its ends than the [`HyphenationLimits`] allow are dropped.
    fn hyphenate(&self, word: &str, language: &str, points: &mut Vec<usize>) -> bool;
}
