//! Editing geometry across the blocks of a [`DocumentLayout`]: which block, then the block's own
//! answer (each block's layout is already in document coordinates).

use super::cursor::Cursor;
use super::hit::Carets;
use super::movement::Movement;
use super::selection::SelectionRect;
use crate::document::DocumentLayout;
use crate::text::Direction;

/// A cursor in a document: a block index and a cursor in that block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DocumentCursor {
    /// The block's index.
    pub block: usize,
    /// The cursor in the block.
    pub cursor: Cursor,
}

impl DocumentLayout {
    /// The cursor nearest to `(x, y)`: the block whose lines span `y` (in the space between two
    /// blocks, the nearer one; above the first or below the last, that one; only the laid-out
    /// blocks count, [`DocumentLayout::blocks`]), then
    /// [`Layout::hit_test`](crate::Layout::hit_test) in it. An empty document gives block 0,
    /// offset 0.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{Block, Document, DocumentCursor, FontBook, LayoutContext, Movement, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
    /// let mut doc = Document::new();
    /// doc.push(Block::new(Paragraph::new("כּותרת", style.clone(), &book, &mut cx)?).space_after(10.0));
    /// doc.push(Block::new(Paragraph::new("Body text.", style, &book, &mut cx)?));
    /// let laid = doc.layout(&mut cx, 300.0)?;
    /// let second = &laid.blocks()[1].lines()[0];
    /// let at = laid.hit_test(0.0, second.top() + 1.0);
    /// assert_eq!(at.block, 1);
    /// // Up from the body's first line goes into the headline.
    /// let up = laid.move_cursor(at, Movement::Up, &mut None);
    /// assert_eq!(up.block, 0);
    /// assert_eq!(laid.selection_rects(DocumentCursor::default(), at).len(), 1);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn hit_test(&self, x: f32, y: f32) -> DocumentCursor {
        let y = if y.is_nan() { 0.0 } else { y };
        let blocks = self.blocks();
        // Blocks are stacked downwards: bisect for the first whose bottom is below y; the
        // nearest block is it or the one above (a gap between them: the nearer one, the upper
        // on a tie). A block without lines (a layout left empty by an error) is skipped.
        let k = blocks.partition_point(|b| b.lines().last().is_none_or(|l| l.top() + l.height() <= y));
        let above = (0..k).rev().find(|&i| !blocks[i].lines().is_empty());
        let below = (k..blocks.len()).find(|&i| !blocks[i].lines().is_empty());
        let distance = |i: usize| {
            let lines = blocks[i].lines();
            let (first, last) = (&lines[0], &lines[lines.len() - 1]);
            let (top, bottom) = (first.top(), last.top() + last.height());
            if y < top {
                top - y
            } else {
                (y - bottom).max(0.0)
            }
        };
        let block = match (above, below) {
            (Some(a), Some(b)) if distance(b) < distance(a) => b,
            (Some(a), _) => a,
            (None, Some(b)) => b,
            (None, None) => 0,
        };
        let cursor = blocks.get(block).map_or(Cursor::new(0), |b| b.hit_test(x, y));
        DocumentCursor {
            block: self.first + block,
            cursor,
        }
    }

    /// The carets of a document cursor ([`Layout::carets`](crate::Layout::carets) of its
    /// block); `None` for a block that is not laid out (an index past the end).
    pub fn carets(&self, at: DocumentCursor) -> Option<Carets> {
        self.block(at.block).map(|b| b.carets(at.cursor))
    }

    /// The highlight of the text from `from` to `to` (either order) across blocks, as
    /// (block, rectangle) pairs top to bottom, over the laid-out blocks. Block indices past the
    /// end are clamped.
    pub fn selection_rects(&self, from: DocumentCursor, to: DocumentCursor) -> Vec<(usize, SelectionRect)> {
        let (a, b) = if (from.block, from.cursor.offset) <= (to.block, to.cursor.offset) {
            (from, to)
        } else {
            (to, from)
        };
        let mut out = Vec::new();
        let last = (self.first + self.blocks().len()).saturating_sub(1);
        let mut rects = Vec::new();
        for k in a.block.max(self.first).min(last)..=b.block.min(last) {
            let Some(layout) = self.block(k) else {
                break;
            };
            let start = if k == a.block { a.cursor.offset } else { 0 };
            let end = if k == b.block {
                b.cursor.offset
            } else {
                layout.text().len()
            };
            rects.clear();
            layout.selection_rects_into(start..end, false, &mut rects);
            out.extend(rects.iter().map(|r| (k, *r)));
        }
        out
    }

    /// Where `movement` takes a document cursor: within its block as
    /// [`Layout::move_cursor`](crate::Layout::move_cursor), and on into the block before or after
    /// where the block has nowhere left to go (up from the first line, down from the last,
    /// forward from the end, back from the start, and the visual moves in the block's reading
    /// direction). Text start and end are the document's (of its laid-out blocks); a cursor in
    /// a block that is not laid out stays where it is.
    pub fn move_cursor(
        &self,
        at: DocumentCursor,
        movement: Movement,
        goal_x: &mut Option<f32>,
    ) -> DocumentCursor {
        let blocks = self.blocks();
        let Some(layout) = self.block(at.block) else {
            return at;
        };
        let first = self.first;
        let here = |cursor| DocumentCursor {
            block: at.block,
            cursor,
        };
        match movement {
            Movement::TextStart => {
                *goal_x = None;
                return DocumentCursor {
                    block: first,
                    cursor: Cursor::new(0),
                };
            }
            Movement::TextEnd => {
                *goal_x = None;
                let block = (first + blocks.len()).saturating_sub(1);
                let len = blocks.last().map_or(0, |b| b.text().len());
                return DocumentCursor {
                    block,
                    cursor: Cursor::new(len),
                };
            }
            _ => {}
        }
        let line = layout.line_of(at.cursor);
        let n_lines = layout.lines().len();
        let keep_goal = *goal_x;
        let moved = layout.move_cursor(at.cursor, movement, goal_x);
        let ltr = layout.direction() == Direction::Ltr;
        // Whether the move asked to leave the block, and which way.
        let leave = match movement {
            Movement::Up if line == 0 => Some(false),
            Movement::Down if line + 1 == n_lines => Some(true),
            Movement::Forward | Movement::WordForward if moved == at.cursor => Some(true),
            Movement::Backward | Movement::WordBackward if moved == at.cursor => Some(false),
            Movement::Right | Movement::WordRight if moved == at.cursor => Some(ltr),
            Movement::Left | Movement::WordLeft if moved == at.cursor => Some(!ltr),
            _ => None,
        };
        let target = match leave {
            Some(true) if at.block + 1 < first + blocks.len() => at.block + 1,
            Some(false) if at.block > first => at.block - 1,
            _ => return here(moved),
        };
        let next = &blocks[target - first];
        let forward = target > at.block;
        let cursor = match movement {
            Movement::Up | Movement::Down => {
                let goal = keep_goal.or(*goal_x).unwrap_or(0.0);
                *goal_x = Some(goal);
                let k = if forward {
                    0
                } else {
                    next.lines().len().saturating_sub(1)
                };
                match next.lines().get(k) {
                    Some(l) => next.hit_test(goal, l.top() + l.height() / 2.0),
                    None => Cursor::new(0),
                }
            }
            _ if forward => Cursor::new(0),
            _ => Cursor::new(next.text().len()),
        };
        DocumentCursor {
            block: target,
            cursor,
        }
    }
}

#[cfg(all(test, feature = "bundled-fonts"))]
mod tests {
    use crate::{Block, Document, FontBook, LayoutContext, Paragraph, TextStyle};

    /// The bisection finds the block the old scan found (the nearest, the upper on a tie) at
    /// every y from above the first block to below the last, across gaps between blocks.
    #[test]
    fn hit_test_bisects_to_the_nearest_block() {
        let book = FontBook::with_bundled_fonts();
        let mut cx = LayoutContext::new();
        let mut doc = Document::new();
        for (k, text) in ["א ב ג ד ה", "one two three four", "", "ו ז", "x"]
            .iter()
            .enumerate()
        {
            let para = Paragraph::new(
                text,
                TextStyle::new("Noto Sans, Noto Sans Hebrew"),
                &book,
                &mut cx,
            )
            .unwrap();
            doc.push(Block::new(para).space_after(k as f32 * 7.0));
        }
        let laid = doc.layout(&mut cx, 60.0).unwrap();
        let scan = |y: f32| {
            let mut best = (0, f32::INFINITY);
            for (i, b) in laid.blocks().iter().enumerate() {
                let (first, last) = (&b.lines()[0], b.lines().last().unwrap());
                let (top, bottom) = (first.top(), last.top() + last.height());
                let d = if y < top { top - y } else { (y - bottom).max(0.0) };
                if d < best.1 {
                    best = (i, d);
                }
            }
            best.0
        };
        let mut y = -30.0;
        while y < laid.height() + 30.0 {
            assert_eq!(laid.hit_test(20.0, y).block, scan(y), "y = {y}");
            y += 0.25;
        }
    }
}
