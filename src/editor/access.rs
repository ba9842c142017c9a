//! The editor for screen readers (feature `accesskit`): its text as AccessKit text runs with
//! the selection, and AccessKit's set-selection action applied to it.

use accesskit::{Action, ActionData, ActionRequest, Node, TreeUpdate};

use super::model::Editor;
use super::selection::Selection;
use crate::geometry::{AccessText, Affinity, Cursor};

impl Editor {
    /// Builds the editor's text-run nodes into `update` as children of `node` (the text field's
    /// own node, a `MultilineTextInput` say, which the caller pushes into `update`), with their
    /// bounds offset by `origin`, and sets `node`'s text selection to the editor's. With a
    /// viewport ([`Editor::open`]) the nodes hold the laid-out paragraphs only: a caret outside
    /// them sets no selection, and a selection reaching outside them is shown up to their edge.
    /// `access`
    /// keeps the map between the nodes and the text: pass it to
    /// [`Editor::handle_access_action`] until the next build.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use accesskit::{Node, NodeId, Role, TreeId, TreeUpdate};
    /// use shrift::{AccessText, Editor, FontBook, LayoutContext, LayoutOptions, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
    /// let editor = Editor::new("שלום\nworld", style, &book, &mut cx, LayoutOptions::new(300.0))?;
    /// let mut update = TreeUpdate { nodes: vec![], tree: None, tree_id: TreeId::ROOT, focus: NodeId(1) };
    /// let mut field = Node::new(Role::MultilineTextInput);
    /// let mut access = AccessText::new(NodeId(10));
    /// editor.build_access(&mut access, (0.0, 0.0), &mut update, &mut field);
    /// assert_eq!(field.children(), &[NodeId(10), NodeId(11)]);
    /// assert!(field.text_selection().is_some());
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn build_access(
        &self,
        access: &mut AccessText,
        origin: (f64, f64),
        update: &mut TreeUpdate,
        node: &mut Node,
    ) {
        // With a viewport only the blocks near it are laid out: their nodes carry the text's
        // offsets from the first of them on.
        let start = self.block_range(self.layout.first_block()).start;
        access.build_blocks(&self.layout, start, origin, update, node);
        // The selection as far as the nodes hold it: none where the caret lies outside them (a
        // position there would put it at the nearest laid-out character, which it is not); an
        // anchor outside them is cut to their edge.
        let built = start..start + self.layout.blocks().iter().map(|b| b.text().len()).sum::<usize>();
        if !(built.start..=built.end).contains(&self.selection.focus) {
            return;
        }
        let focus = Cursor {
            offset: self.selection.focus,
            affinity: self.selection.affinity,
        };
        let anchor = self.selection.anchor.clamp(built.start, built.end);
        if let Some(selection) = access.to_selection(anchor, focus) {
            node.set_text_selection(selection);
        }
    }

    /// Applies an AccessKit action request meant for the editor's node: `SetTextSelection`
    /// (a screen reader moving the caret or selecting) sets the selection, its ends converted
    /// with `access` (from the last [`Editor::build_access`]) and moved onto grapheme
    /// boundaries. Returns whether the request was one the editor handles and was applied.
    pub fn handle_access_action(&mut self, access: &AccessText, request: &ActionRequest) -> bool {
        let (Action::SetTextSelection, Some(ActionData::SetTextSelection(selection))) =
            (request.action, &request.data)
        else {
            return false;
        };
        let Some((anchor, focus)) = access.from_selection(selection) else {
            return false;
        };
        // A position at the end of a node that ends a wrapped line is the line's end: upstream.
        let affinity = if access
            .to_position(Cursor::new(focus))
            .is_some_and(|p| p != selection.focus)
        {
            Affinity::Upstream
        } else {
            Affinity::Downstream
        };
        self.set_selection(Selection {
            anchor,
            focus,
            affinity,
        });
        true
    }
}
