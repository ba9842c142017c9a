//! The paragraph: everything about a text's layout that does not depend on the width, built
//! once and laid out at any number of widths.
//!
//! In: text, a base style, spans, a base direction, a font book, the shaper. Out: a
//! [`Paragraph`]: bidi levels, faces, items and their shaped glyphs, each byte's advance and
//! flags, the segments between break opportunities, soft hyphens, the ellipsis, tab stops.
//!
//! | file | what |
//! |---|---|
//! | `builder.rs` | [`ParagraphBuilder`]: the build, step by step |
//! | `edit.rs` | an edit re-analysed over a window around it and spliced in, where that is exact |
//! | `styles.rs` | the merged style at a position (the one style lookup), spacing after a cluster |
//! | `itemize.rs` | font fallback per grapheme cluster, items, and each item's shaping request |
//! | `hyphenate.rs` | hyphenation points (CSS `hyphens: auto`) added to the break opportunities |
//! | `paints.rs` | paint per character inside a grapheme cluster (a point apart from its letter) |
//! | `splice.rs` | an edit's window put into the paragraph's tables, the rest moved |
//! | `segments.rs` | per-byte flags, segments, soft hyphens' hyphens, the ellipsis |
//! | `result.rs` | [`Paragraph`], and what the layout stages ask of it |

pub(crate) mod builder;
pub(crate) mod edit;
pub(crate) mod hyphenate;
pub(crate) mod itemize;
pub(crate) mod paints;
pub(crate) mod result;
pub(crate) mod segments;
pub(crate) mod splice;
pub(crate) mod styles;

pub(crate) use builder::BuildScratch;
pub use builder::{Fallback, ParagraphBuilder};
pub use result::Paragraph;
