//! Text: what is known about a paragraph's text before fonts and widths, and the small
//! vocabulary every later stage shares.
//!
//! In: a `&str` and a base direction. Out: an [`Analysis`] (bidi levels, script runs,
//! line-break opportunities), computed once per paragraph; and the shared words: [`Direction`],
//! [`BaseDirection`], [`TextRange`], grapheme clusters, and the char classes of `chars.rs`.
//!
//! | file | what |
//! |---|---|
//! | `direction.rs` | [`BaseDirection`], [`Direction`] |
//! | `range.rs` | [`TextRange`], a byte range in two `u32`s |
//! | `chars.rs` | char classes (what hangs, what breaks, what the shaper hides), the one trailing-whitespace trim |
//! | `graphemes.rs` | grapheme clusters (UAX #29) and offsets clamped onto them |
//! | `bidi.rs` | bidi levels (UAX #9) and rules L1 and L2 for a line: [`BidiLevels`] |
//! | `breaks.rs` | line-break opportunities (UAX #14 of Unicode 17): [`BreakOpportunity`] |
//! | `analysis.rs` | all of the above for one paragraph, with script runs: [`Analysis`] |
//! | `splice.rs` | a table's range replaced and the rest moved and adjusted in one pass (edits) |
//!
//! Nothing here imports another stage (but `error.rs`): every stage may import from here.

pub(crate) mod analysis;
pub(crate) mod bidi;
pub(crate) mod breaks;
pub(crate) mod chars;
pub(crate) mod direction;
pub(crate) mod graphemes;
pub(crate) mod range;
pub(crate) mod splice;

pub(crate) use analysis::Analysis;
pub use bidi::BidiLevels;
pub use breaks::{line_break_opportunities, BreakOpportunity};
pub use direction::{BaseDirection, Direction};
pub use graphemes::graphemes;
pub(crate) use range::TextRange;
