//! Today's linear editing geometry, kept as the reference the indexed one is held to (issue 22):
//! every line read afresh for every query, cells and stops found by scanning. The property test in
//! `geometry/index_tests.rs` asks both the same questions on random layouts and wants the same
//! answers, exactly. Test code only.

mod cells;
mod hit;
mod movement;
mod selection;

use crate::layout::Layout;

/// A layout asked through the linear reference.
pub(crate) struct Linear<'a>(pub &'a Layout);

impl std::ops::Deref for Linear<'_> {
    type Target = Layout;

    fn deref(&self) -> &Layout {
        self.0
    }
}
