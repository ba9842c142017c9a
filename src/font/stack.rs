//! Font stacks: family names to try, in order.

use std::sync::Arc;

/// An ordered list of family names to try, first to last, for each grapheme cluster.
///
/// Cloning one is cheap (the names are shared): a style, and so a stack, is cloned for every
/// paragraph built with it.
///
/// ```
/// let stack = shrift::FontStack::new("Noto Serif, Noto Serif Hebrew");
/// assert_eq!(stack.families(), ["Noto Serif", "Noto Serif Hebrew"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FontStack(Arc<[String]>);

impl FontStack {
    /// A stack from a comma-separated list of family names (spaces around names are ignored).
    pub fn new(families: &str) -> FontStack {
        FontStack(
            families
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(str::to_string)
                .collect::<Vec<String>>()
                .into(),
        )
    }

    /// A stack from a list of family names.
    pub fn from_families<S: AsRef<str>>(families: &[S]) -> FontStack {
        FontStack(
            families
                .iter()
                .map(|f| f.as_ref().to_string())
                .collect::<Vec<String>>()
                .into(),
        )
    }

    /// The family names in order.
    pub fn families(&self) -> &[String] {
        &self.0
    }
}

impl From<&str> for FontStack {
    fn from(families: &str) -> FontStack {
        FontStack::new(families)
    }
}
