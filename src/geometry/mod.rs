//! Editing geometry: what a UI or an editor needs on top of a [`Layout`](crate::Layout): a point
//! to a text offset (hit testing), an offset to a caret (split carets at direction boundaries), a
//! range to highlight rectangles, and an arrow key to the next position.
//!
//! In: a [`Layout`](crate::Layout) (its text, lines, runs and glyphs; nothing here reaches back
//! into shaping), or a [`DocumentLayout`](crate::DocumentLayout). Out: [`Cursor`]s, [`Carets`],
//! [`SelectionRect`]s.
//!
//! | file | what |
//! |---|---|
//! | `cursor.rs` | [`Cursor`], [`Affinity`]; offsets clamped onto clusters; the line a cursor is on |
//! | `cells.rs` | each line's grapheme clusters in visual order with their x extents (ligatures divided) |
//! | `index.rs` | the cells of each line and the words of the text, built once per layout on first use |
//! | `hit.rs` | hit testing and carets |
//! | `selection.rs` | selection rectangles |
//! | `movement.rs` | cursor movement |
//! | `words.rs` | word boundaries, and what Backspace and Delete remove |
//! | `blocks.rs` | the same across the blocks of a [`DocumentLayout`](crate::DocumentLayout) |
//! | `access.rs` | (feature `accesskit`) the text as AccessKit text runs; offsets to AccessKit positions and back |
//!
//! Every offset handed in is clamped first ([`Layout::clamp_offset`](crate::Layout::clamp_offset)):
//! past the end to the end, inside a char or a grapheme cluster to the nearest cluster boundary
//! (the earlier one on a tie).

#[cfg(feature = "accesskit")]
mod access;
mod blocks;
mod cells;
mod cursor;
mod hit;
mod index;
#[cfg(all(test, feature = "bundled-fonts"))]
mod index_tests;
mod movement;
// The linear reference is only used by the property test, which needs the bundled faces.
#[cfg(all(test, feature = "bundled-fonts"))]
mod reference;
mod selection;
mod words;

#[cfg(feature = "accesskit")]
pub use access::AccessText;
pub use blocks::DocumentCursor;
pub use cursor::{Affinity, Cursor};
pub use hit::{Caret, Carets};
pub use movement::Movement;
pub use selection::SelectionRect;
pub use words::{backspace_range, delete_range, word_boundaries, words};
