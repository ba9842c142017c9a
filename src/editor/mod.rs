//! An editor model: text that changes, laid out again where it changed.
//!
//! In: the text (paragraphs separated by `\n`), a base style and spans, a font book, layout
//! options. Out: a [`DocumentLayout`](crate::DocumentLayout) (one block per paragraph, each paragraph's `\n` ending its
//! block) kept up to date, a [`Selection`], and for every edit an [`EditResult`] saying what
//! changed. Built on the editing geometry (`geometry/`): hit testing, carets, selection rectangles
//! and movement are the [`DocumentLayout`](crate::DocumentLayout)'s.
//!
//! An edit rebuilds only the paragraphs it touches: paragraphs before it keep their shaping and
//! their lines, paragraphs after it too (moved down or up if the edited ones changed height).
//! An edit inside one paragraph is taken in place where that is exact (`paragraph/edit.rs`): a
//! window of a few words around it is analysed, itemised and shaped again and spliced in, and
//! only the lines it changed are broken and laid again (`layout/relayout.rs`), so a keystroke
//! in a long paragraph costs a few words' work plus moving the tables after it. Elsewhere the
//! paragraph is built again, the words it did not change coming from the context's word cache
//! ([`LayoutContext::set_word_cache`](crate::LayoutContext::set_word_cache), which [`Editor::new`] turns on).
//!
//! | file | what |
//! |---|---|
//! | `model.rs` | the model: text, spans, blocks, incremental rebuild |
//! | `commands.rs` | insertion, deletion, selection, movement, styles, preedit |
//! | `selection.rs` | [`Selection`]: anchor, focus, affinity |
//! | `history.rs` | the undo history's data: groups of changes, spans and selections |
//! | `undo.rs` | undo and redo: edits recorded in groups, replayed backwards and forwards |
//! | `viewport.rs` | a viewport: only the blocks near it laid out, the others' heights estimated |
//! | `heights.rs` | the blocks' heights in chunks with their running sums: a block's top, the block at a y |
//! | `offscreen.rs` | movement through blocks not laid out, by their text |
//! | `access.rs` | (feature `accesskit`) the editor for screen readers: text runs, selection, actions |

#[cfg(feature = "accesskit")]
mod access;
mod commands;
mod heights;
mod history;
mod model;
mod offscreen;
mod selection;
mod undo;
mod viewport;

pub use model::{EditResult, Editor};
pub use selection::Selection;
pub use viewport::Viewport;
