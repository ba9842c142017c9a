//! Accessibility (feature `accesskit`): a layout's text as AccessKit text-run nodes, and text
//! offsets to AccessKit text positions and back, so that screen readers read, navigate and
//! select shrift's text through any AccessKit platform adapter.
//!
//! AccessKit's text model (the `accesskit` crate's `Node` docs, and `accesskit_consumer`, which
//! the adapters navigate with): the text of a text field or document is the concatenation of
//! its `TextRun` children's values, in text order; a run lists its *characters* (what a user
//! steps over: here grapheme clusters) by byte length, with each one's position and width
//! along the run's direction measured from the run's bounds (from the right edge for a
//! right-to-left run), and the characters where words start. Runs on one visual line are
//! chained by `next_on_line` / `previous_on_line`; a line ends where the chain does, and a
//! paragraph where such a line's text ends in a newline.
//!
//! So a run must be one direction and visually contiguous: each node here is a piece of one
//! shaping run (one bidi level, one style and face) on one line, in text order, at most 255
//! characters (word starts are `u8` indices). Costs: building is O(n log n) in the text (the
//! line cells of the editing index, built once per layout); a position conversion is
//! O(log nodes + log characters).

use accesskit::{Node, NodeId, Rect, Role, TextDirection, TextPosition, TextSelection, TreeUpdate};

use super::cells::LineCells;
use super::cursor::{Affinity, Cursor};
use crate::document::DocumentLayout;
use crate::layout::{Layout, Run};

/// The most characters one node holds: AccessKit's word starts are `u8` character indices.
const MAX_CHARACTERS: usize = 255;

/// The text-run nodes built from a layout (or a document's blocks) and the map between their
/// AccessKit positions and byte offsets of the text. Keep it from one build to the next event:
/// it converts the selection both ways for the tree it built.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use accesskit::{Node, NodeId, Role, TreeId, TreeUpdate};
/// use shrift::{AccessText, Cursor, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let mut cx = LayoutContext::new();
/// let para = Paragraph::new("שלום world", TextStyle::new("Noto Sans Hebrew, Noto Sans"), &book, &mut cx)?;
/// let layout = para.layout(&mut cx, &LayoutOptions::new(300.0))?;
/// let mut update = TreeUpdate { nodes: vec![], tree: None, tree_id: TreeId::ROOT, focus: NodeId(1) };
/// let mut field = Node::new(Role::TextInput);
/// let mut access = AccessText::new(NodeId(100)); // the runs take ids 100, 101, ...
/// access.build(&layout, (0.0, 0.0), &mut update, &mut field);
/// assert_eq!(update.nodes.len(), 2); // "שלום " (right to left) and "world"
/// let pos = access.to_position(Cursor::new(9)).unwrap(); // in "world"
/// assert_eq!((pos.node, pos.character_index), (NodeId(101), 0));
/// assert_eq!(access.from_position(&pos), Some(9));
/// # }
/// # Ok::<(), shrift::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AccessText {
    id_base: u64,
    nodes: Vec<NodeMap>,
}

/// One node's place in the text: the byte offset where each of its characters starts, then
/// where the last ends (offsets into the whole text the tree was built from).
#[derive(Debug, Clone)]
struct NodeMap {
    bounds: Vec<usize>,
}

impl NodeMap {
    fn start(&self) -> usize {
        self.bounds[0]
    }

    fn end(&self) -> usize {
        self.bounds[self.bounds.len() - 1]
    }

    fn characters(&self) -> usize {
        self.bounds.len() - 1
    }
}

/// A character of a line: its bytes and its x extent (none for a char without glyphs, such as
/// a hard break: it then stands at the caret's x, zero wide).
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    left: f32,
    right: f32,
    inked: bool,
}

impl AccessText {
    /// A map whose nodes will take the ids `id_base`, `id_base + 1`, ... (keep that range free
    /// for them in your tree).
    pub fn new(id_base: NodeId) -> AccessText {
        AccessText {
            id_base: id_base.0,
            nodes: Vec::new(),
        }
    }

    /// The number of text-run nodes the last build made.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Builds `layout`'s text-run nodes into `update` (in text order) and adds them as children
    /// of `parent` (a `TextInput`, `MultilineTextInput`, `Document` or `Label` node of yours),
    /// their bounds offset by `origin` (where the layout's (0, 0) is in `parent`'s coordinates).
    /// Offsets are the layout's text's. Forgets the previous build.
    pub fn build(&mut self, layout: &Layout, origin: (f64, f64), update: &mut TreeUpdate, parent: &mut Node) {
        self.nodes.clear();
        self.add_layout(layout, 0, origin, update, parent);
    }

    /// Like [`AccessText::build`] for every block of a document, in order: offsets are into the
    /// blocks' texts one after the other (an [`Editor`](crate::Editor)'s text).
    pub fn build_document(
        &mut self,
        layout: &DocumentLayout,
        origin: (f64, f64),
        update: &mut TreeUpdate,
        parent: &mut Node,
    ) {
        self.build_blocks(layout, 0, origin, update, parent);
    }

    /// Like [`AccessText::build_document`] with the first laid-out block starting at byte
    /// `offset` of the text (an editor with a viewport lays out only the blocks near it).
    pub(crate) fn build_blocks(
        &mut self,
        layout: &DocumentLayout,
        mut offset: usize,
        origin: (f64, f64),
        update: &mut TreeUpdate,
        parent: &mut Node,
    ) {
        self.nodes.clear();
        for block in layout.blocks() {
            self.add_layout(block, offset, origin, update, parent);
            offset += block.text().len();
        }
    }

    /// The AccessKit position of the byte offset `cursor.offset` (inside a character: that
    /// character's start). Where two nodes meet, the position starts the later one, or with
    /// [`Affinity::Upstream`] ends the earlier one (the end of a wrapped line). Past the text's
    /// end: its end. `None` before any build.
    pub fn to_position(&self, cursor: Cursor) -> Option<TextPosition> {
        let k = self
            .nodes
            .partition_point(|n| n.start() <= cursor.offset)
            .saturating_sub(1);
        let node = self.nodes.get(k)?;
        let upstream = cursor.affinity == Affinity::Upstream && cursor.offset == node.start();
        if upstream && k > 0 && self.nodes[k - 1].end() == cursor.offset {
            return Some(self.position(k - 1, self.nodes[k - 1].characters()));
        }
        let index = match node.bounds.binary_search(&cursor.offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        Some(self.position(k, index.min(node.characters())))
    }

    /// The byte offset of an AccessKit position in the nodes this map built; `None` for another
    /// node or an index past the node's characters.
    pub fn from_position(&self, position: &TextPosition) -> Option<usize> {
        let k = usize::try_from(position.node.0.checked_sub(self.id_base)?).ok()?;
        self.nodes.get(k)?.bounds.get(position.character_index).copied()
    }

    /// The AccessKit selection from `anchor` to `focus` (the caret's end, with its affinity).
    pub fn to_selection(&self, anchor: usize, focus: Cursor) -> Option<TextSelection> {
        Some(TextSelection {
            anchor: self.to_position(Cursor::new(anchor))?,
            focus: self.to_position(focus)?,
        })
    }

    /// The byte offsets (anchor, focus) of an AccessKit selection in these nodes.
    pub fn from_selection(&self, selection: &TextSelection) -> Option<(usize, usize)> {
        Some((
            self.from_position(&selection.anchor)?,
            self.from_position(&selection.focus)?,
        ))
    }

    fn position(&self, k: usize, character_index: usize) -> TextPosition {
        TextPosition {
            node: self.id(k),
            character_index,
        }
    }

    fn id(&self, k: usize) -> NodeId {
        NodeId(self.id_base.wrapping_add(k as u64))
    }

    /// Adds the nodes of one layout whose text starts at `offset` of the whole.
    fn add_layout(
        &mut self,
        layout: &Layout,
        offset: usize,
        origin: (f64, f64),
        update: &mut TreeUpdate,
        parent: &mut Node,
    ) {
        let mut pieces = Vec::new();
        let mut runs: Vec<&Run> = Vec::new();
        for k in 0..layout.lines().len() {
            let cells = layout.line_cells(k);
            line_pieces(cells, &mut pieces);
            runs.clear();
            runs.extend(
                layout
                    .runs(&layout.lines()[k])
                    .iter()
                    .filter(|r| !r.is_ellipsis() && !r.is_added_hyphen()),
            );
            runs.sort_by_key(|r| r.range().start);
            let line = &layout.lines()[k];
            let y = (
                origin.1 + f64::from(line.top()),
                origin.1 + f64::from(line.top() + line.height()),
            );
            let first = self.nodes.len();
            // Pieces of one run, at most MAX_CHARACTERS, make a node; a piece in no run (a hard
            // break) goes with the one before it.
            let mut from = 0;
            while from < pieces.len() || (from == 0 && pieces.is_empty()) {
                let run = run_at(&runs, pieces.get(from).map_or(line.range.start, |p| p.start));
                let mut to = from + 1;
                while to < pieces.len() && to - from < MAX_CHARACTERS {
                    let next = run_at(&runs, pieces[to].start);
                    if next.is_some() && !same_run(next, run) {
                        break;
                    }
                    to += 1;
                }
                let to = to.min(pieces.len());
                let rtl = run.map_or(cells.rtl, |r| r.level % 2 == 1);
                let node = self.node(
                    layout,
                    &pieces[from..to],
                    run,
                    (rtl, line.range.start),
                    offset,
                    (origin.0, y),
                );
                update.nodes.push((self.id(self.nodes.len() - 1), node));
                from = to.max(from + 1);
            }
            // Chain the line's nodes in text order.
            let last = self.nodes.len();
            let pushed = update.nodes.len();
            for j in first..last {
                let (id, node) = &mut update.nodes[pushed - (last - j)];
                debug_assert_eq!(*id, self.id(j));
                if j > first {
                    node.set_previous_on_line(self.id(j - 1));
                }
                if j + 1 < last {
                    node.set_next_on_line(self.id(j + 1));
                }
                parent.push_child(*id);
            }
        }
    }

    /// The node of `pieces` (of one run, one direction), recorded in the map.
    fn node(
        &mut self,
        layout: &Layout,
        pieces: &[Piece],
        run: Option<&Run>,
        (rtl, empty_at): (bool, usize),
        offset: usize,
        (x, (y0, y1)): (f64, (f64, f64)),
    ) -> Node {
        let text = layout.text();
        let mut node = Node::new(Role::TextRun);
        node.set_text_direction(if rtl {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        });
        // Pieces without ink stand at the caret's x; the node's extent is its pieces'.
        let placed: Vec<(f32, f32)> = pieces
            .iter()
            .map(|p| {
                if p.inked {
                    (p.left, p.right)
                } else {
                    let x = layout.carets(Cursor::new(p.start)).primary.x;
                    (x, x)
                }
            })
            .collect();
        let (left, right) = match (pieces.first(), pieces.last()) {
            (Some(_), Some(_)) => placed
                .iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(l, r), &(a, b)| {
                    (l.min(a), r.max(b))
                }),
            // An empty line (after a final newline): the caret's place.
            _ => {
                let x = layout.carets(Cursor::new(empty_at)).primary.x;
                (x, x)
            }
        };
        node.set_bounds(Rect {
            x0: x + f64::from(left),
            y0,
            x1: x + f64::from(right),
            y1,
        });
        let start = pieces.first().map_or(empty_at, |p| p.start);
        let end = pieces.last().map_or(start, |p| p.end);
        node.set_value(&text[start..end]);
        node.set_character_lengths(
            pieces
                .iter()
                .map(|p| u8::try_from(p.end - p.start).unwrap_or(u8::MAX))
                .collect::<Vec<u8>>(),
        );
        let along = |&(a, b): &(f32, f32)| if rtl { right - b } else { a - left };
        node.set_character_positions(placed.iter().map(along).collect::<Vec<f32>>());
        node.set_character_widths(placed.iter().map(|&(a, b)| b - a).collect::<Vec<f32>>());
        let words = &layout.word_index().words;
        let word_starts: Vec<u8> = pieces
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let k = words.partition_point(|w| w.start < p.start);
                words.get(k).is_some_and(|w| w.start == p.start)
            })
            .map(|(i, _)| i as u8)
            .collect();
        node.set_word_starts(word_starts);
        if let Some(run) = run {
            node.set_font_size(run.size());
            node.set_font_family(run.font().family());
            node.set_font_weight(f32::from(run.font().weight()));
            if run.font().is_italic() {
                node.set_italic();
            }
            if let Some(language) = run.language() {
                node.set_language(language);
            }
        }
        let mut bounds: Vec<usize> = pieces.iter().map(|p| p.start + offset).collect();
        bounds.push(end + offset);
        self.nodes.push(NodeMap { bounds });
        node
    }
}

/// The run (of those of a line, sorted by start) whose text holds `offset`.
fn run_at<'a>(runs: &[&'a Run], offset: usize) -> Option<&'a Run> {
    let k = runs
        .partition_point(|r| r.range().start <= offset)
        .checked_sub(1)?;
    let run = runs[k];
    (offset < run.range().end).then_some(run)
}

fn same_run(a: Option<&Run>, b: Option<&Run>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => std::ptr::eq(a, b),
        _ => false,
    }
}

/// The characters of a line in text order: its grapheme clusters (cut at the line's ends where
/// a cluster straddles a wrap), each with the x extent of the cells it covers.
fn line_pieces(cells: &LineCells, out: &mut Vec<Piece>) {
    out.clear();
    let range = cells.range.clone();
    let mut cuts: Vec<usize> = Vec::with_capacity(cells.bounds.len() + 2);
    cuts.push(range.start);
    cuts.extend(
        cells
            .bounds
            .iter()
            .copied()
            .filter(|&b| range.start < b && b < range.end),
    );
    if range.end > range.start {
        cuts.push(range.end);
    }
    out.extend(cuts.windows(2).map(|w| Piece {
        start: w[0],
        end: w[1],
        left: f32::INFINITY,
        right: f32::NEG_INFINITY,
        inked: false,
    }));
    // A character's extent is its visible cells'; one with none (a joiner, a bidi control)
    // stands where its first cell does, zero wide. (A zero-width cell can sit apart from the
    // rest of its cluster: a joiner after a mark in an override.)
    for visible in [true, false] {
        for cell in cells.cells.iter().filter(|c| c.visible() == visible) {
            let mut k = cuts.partition_point(|&c| c <= cell.start).saturating_sub(1);
            while k < out.len() && out[k].start < cell.end {
                let p = &mut out[k];
                if p.end > cell.start && (visible || !p.inked) {
                    let x = if visible {
                        (cell.left, cell.right)
                    } else {
                        (cell.left, cell.left)
                    };
                    p.left = p.left.min(x.0);
                    p.right = p.right.max(x.1);
                    p.inked = true;
                }
                k += 1;
            }
        }
    }
}
