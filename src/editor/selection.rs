//! The selection: an anchor and a focus (the caret), with the focus's affinity.

use std::ops::Range;

use crate::geometry::Affinity;

/// A selection: where it started (`anchor`) and where it was extended to (`focus`, the caret),
/// both offsets into [`Editor::text`](crate::Editor::text). Collapsed (anchor = focus) it is a caret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Selection {
    /// The end that stays put when the selection is extended.
    pub anchor: usize,
    /// The end that moves: where the caret is drawn.
    pub focus: usize,
    /// Which line the focus belongs to where it sits at a soft wrap ([`Affinity`]).
    pub affinity: Affinity,
}

impl Selection {
    /// A caret at `offset`.
    pub fn caret(offset: usize) -> Selection {
        Selection {
            anchor: offset,
            focus: offset,
            affinity: Affinity::Downstream,
        }
    }

    /// The selected bytes, in order.
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.focus)..self.anchor.max(self.focus)
    }

    /// Whether nothing is selected.
    pub fn is_collapsed(&self) -> bool {
        self.anchor == self.focus
    }
}
