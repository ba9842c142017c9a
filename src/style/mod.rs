//! Styles: how text is to look, before any face is chosen or any glyph shaped.
//!
//! In: what the caller sets. Out: checked [`TextStyle`]s, [`SpanStyle`]s merged over a base
//! style into one style per stretch of text (CSS's cascade, `span.rs`), and a paragraph's
//! [`TabStops`] resolved against its base face.
//!
//! | file | what |
//! |---|---|
//! | `text_style.rs` | [`TextStyle`]: stack, size, weight, slant, language, features, paint, decorations, spacing; the value checks |
//! | `feature.rs` | [`Feature`]: an OpenType feature setting |
//! | `span.rs` | [`SpanStyle`], and the merging of spans over the base style |
//! | `tabs.rs` | [`TabStops`], and where a tab takes the pen |
//! | `hyphens.rs` | [`Hyphens`] (CSS `hyphens`), [`HyphenationLimits`], the [`Hyphenator`] trait |
//! | `inline_box.rs` | [`InlineBox`], [`BoxAlign`]: the caller's objects inside lines |

pub(crate) mod feature;
pub(crate) mod hyphens;
pub(crate) mod inline_box;
pub(crate) mod span;
pub(crate) mod tabs;
pub(crate) mod text_style;

pub use feature::Feature;
pub use hyphens::{HyphenationLimits, Hyphenator, Hyphens};
pub use inline_box::{BoxAlign, InlineBox};
pub use span::SpanStyle;
pub use tabs::TabStops;
pub use text_style::{TextStyle, DEFAULT_HEBREW_LANGUAGE};
