//! Hit testing (a point to a cursor) and carets (a cursor to where it is drawn).

use super::cells::{LineCells, EPS};
use super::cursor::{Affinity, Cursor};
use crate::layout::Layout;

/// Where a caret is drawn: a vertical bar at `x` from `top` down `height` pixels.
///
/// The height is the line box's (top and height of the [`Line`](crate::Line)), so that carets on
/// one line line up whatever face the text beside them is in, and a caret on an empty line has a
/// height too. (Pango takes the height of the font at the offset instead; only x is compared
/// with it.)
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Caret {
    /// The bar's x.
    pub x: f32,
    /// Top of the bar (the line box's top).
    pub top: f32,
    /// Height of the bar (the line box's height).
    pub height: f32,
}

/// The carets of a cursor: the primary (strong) one, and a secondary (weak) one where the cursor
/// sits between text of two directions and so has two visual positions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Carets {
    /// The strong caret: where typed text of the line's direction appears.
    pub primary: Caret,
    /// The weak caret, where text of the other direction would appear; `None` where it is at the
    /// same place as the primary one.
    pub secondary: Option<Caret>,
    /// The index of the line the cursor is on.
    pub line: usize,
}

impl Layout {
    /// The carets of `cursor` (its offset clamped to a cluster boundary first).
    ///
    /// Pango's rule, which Chromium and GTK editors follow too: the **strong** caret is at the
    /// trailing edge of the grapheme before the offset if that grapheme's direction is the
    /// line's, else at the leading edge of the grapheme after it; the **weak** caret is at the
    /// other of the two. At a line's start the "grapheme before" counts as having the line's
    /// direction and its trailing edge is the line's start edge; at a line's end the "grapheme
    /// after" likewise has the line's direction and its leading edge is the line's end edge. So
    /// the carets split exactly where the levels on the two sides differ. A caret in whitespace
    /// that hangs past the box edge is drawn at the edge (x is kept within `0..=width`).
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{Cursor, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let text = "אבג abc";
    /// let para = Paragraph::new(text, TextStyle::new("Noto Sans Hebrew, Noto Sans"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(300.0))?;
    /// // Before "abc" (offset 7): Hebrew before it, Latin after it, in a right-to-left line.
    /// let carets = layout.carets(Cursor::new(7));
    /// let weak = carets.secondary.expect("a split caret at a direction boundary");
    /// assert!(weak.x < carets.primary.x); // "abc" stands left of the Hebrew word
    /// // Inside "abc" there is one caret.
    /// assert!(layout.carets(Cursor::new(8)).secondary.is_none());
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn carets(&self, cursor: Cursor) -> Carets {
        if self.lines().is_empty() {
            let caret = Caret {
                x: 0.0,
                top: 0.0,
                height: 0.0,
            };
            return Carets {
                primary: caret,
                secondary: None,
                line: 0,
            };
        }
        let offset = self.clamp_offset(cursor.offset);
        let line = self.line_cells(self.line_of(Cursor { offset, ..cursor }));
        let (strong, weak) = strong_weak(line, offset);
        let metrics = &self.lines()[line.index];
        let bar = |x: f32| Caret {
            x: x.clamp(0.0, self.width().max(0.0)),
            top: metrics.top(),
            height: metrics.height(),
        };
        let primary = bar(strong);
        let secondary = bar(weak);
        Carets {
            primary,
            secondary: ((primary.x - secondary.x).abs() > EPS).then_some(secondary),
            line: line.index,
        }
    }

    /// The cursor nearest to the point `(x, y)`, in the layout's coordinates.
    ///
    /// - `y` picks the line: above the first line counts as the first, below the last as the
    ///   last.
    /// - Inside a grapheme cluster, the nearer of its two visual edges: the left half of a
    ///   Hebrew letter gives the offset after it, the left half of a Latin letter the offset
    ///   before it. A glyph standing for several clusters (a ligature) is divided evenly.
    /// - Beside the line on its start side (left of a left-to-right line), the line's start; on
    ///   its end side, the offset before the whitespace hanging at its end (or before its hard
    ///   break; the end of the text on the last line), as Pango and Chromium do. Where that
    ///   offset is a soft wrap (a word broken between clusters), the cursor is
    ///   [`Affinity::Upstream`] so that it stays on this line.
    /// - A NaN coordinate counts as 0; infinite ones are beside or beyond the lines as above.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let para = Paragraph::new("שלום", TextStyle::new("Noto Sans Hebrew"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(200.0))?;
    /// let line = &layout.lines()[0];
    /// // Right of a right-to-left line is its start; left of it is its end.
    /// assert_eq!(layout.hit_test(line.x() + line.width() + 5.0, 5.0).offset, 0);
    /// assert_eq!(layout.hit_test(line.x() - 5.0, 5.0).offset, 8);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn hit_test(&self, x: f32, y: f32) -> Cursor {
        let (x, y) = (if x.is_nan() { 0.0 } else { x }, if y.is_nan() { 0.0 } else { y });
        let lines = self.lines();
        if lines.is_empty() {
            return Cursor::new(0);
        }
        // Line bottoms rise top to bottom: the first line whose bottom is below y (and, should
        // rounding have made a bottom dip, any before it that is too).
        let below = |l: &crate::layout::Line| y < l.top() + l.height();
        let mut k = lines.partition_point(|l| !below(l));
        while k > 0 && below(&lines[k - 1]) {
            k -= 1;
        }
        let k = k.min(lines.len() - 1);
        hit_line(self.line_cells(k), x)
    }
}

/// The strong and weak caret x of `offset` on `line`, by Pango's rule (see [`Layout::carets`]).
pub(crate) fn strong_weak(line: &LineCells, offset: usize) -> (f32, f32) {
    let (strong, weak, _) = caret_edges(line, offset);
    (strong, weak)
}

/// The strong and weak caret x of `offset`, and whether the strong one is the edge of a visible
/// grapheme (not of a zero-width one such as a bidi control, nor a line edge).
pub(crate) fn caret_edges(line: &LineCells, offset: usize) -> (f32, f32, bool) {
    let before = (offset > line.first).then(|| line.cell_before(offset)).flatten();
    let (rtl1, x1, seen1) = match before {
        Some(c) => (c.rtl, c.trailing(), c.visible()),
        None => (line.rtl, line.start_edge(), false),
    };
    let after = (offset < line.range.end)
        .then(|| line.cell_after(offset))
        .flatten();
    let (x2, seen2) = match after {
        Some(c) => (c.leading(), c.visible()),
        None => (line.end_edge(), false),
    };
    if rtl1 == line.rtl {
        (x1, x2, seen1)
    } else {
        (x2, x1, seen2)
    }
}

/// The cursor a point at `x` on `line` hits.
pub(crate) fn hit_line(line: &LineCells, x: f32) -> Cursor {
    let start = Cursor::new(line.first);
    let end = end_cursor(line);
    let (at_left, at_right) = if line.rtl { (end, start) } else { (start, end) };
    if x < line.left - EPS || line.cells.is_empty() {
        return at_left;
    }
    if x > line.right + EPS {
        return at_right;
    }
    let (edge, offset) = if (x - line.left).abs() <= EPS {
        (line.left, at_left)
    } else if (x - line.right).abs() <= EPS {
        (line.right, at_right)
    } else {
        // The cell under x; failing that (a gap, zero-width cells), the nearest.
        let Some(cell) = line.cell_at(x) else {
            return at_left;
        };
        if x < (cell.left + cell.right) / 2.0 {
            (cell.left, as_cursor(line, cell.left_offset()))
        } else {
            (cell.right, as_cursor(line, cell.right_offset()))
        }
    };
    let mut best = offset;
    // Exactly on an edge that several offsets have a caret at (two graphemes' shared edge, the
    // line's start or end), take the one whose strong caret is there, so that clicking where a
    // caret is drawn gives that caret's cursor back.
    if (x - edge).abs() <= EPS {
        let mut candidates: Vec<Cursor> = line
            .cells_near(edge)
            .iter()
            .flat_map(|c| {
                let right = ((c.right - edge).abs() <= EPS).then(|| c.right_offset());
                let left = ((c.left - edge).abs() <= EPS).then(|| c.left_offset());
                right.into_iter().chain(left)
            })
            .filter(|&o| line.is_offset(o))
            .map(|o| as_cursor(line, o))
            .collect();
        candidates.extend([start, end]);
        let miss = |c: &Cursor| (strong_weak(line, c.offset).0 - edge).abs();
        let own = miss(&best);
        if let Some(c) = candidates
            .into_iter()
            .filter(|c| miss(c) + EPS < own)
            .min_by(|a, b| miss(a).total_cmp(&miss(b)))
        {
            best = c;
        }
    }
    best
}

/// The cursor for an offset of `line`: the nearest cursor position (a cell edge can fall inside
/// a cluster whose chars have different levels), the line's End cursor at or past its end.
fn as_cursor(line: &LineCells, offset: usize) -> Cursor {
    let offset = match line.bounds.binary_search(&offset) {
        Ok(_) => offset,
        Err(k) => {
            let before = line.bounds.get(k.wrapping_sub(1)).copied();
            let after = line.bounds.get(k).copied();
            match (before, after) {
                (Some(b), Some(a)) if a - offset < offset - b => a,
                (Some(b), _) => b,
                (None, a) => a.unwrap_or(line.first),
            }
        }
    };
    if offset >= line.end && offset > line.first {
        end_cursor(line)
    } else {
        Cursor::new(offset.max(line.first))
    }
}

/// The cursor End goes to on `line` (see [`LineCells::end`]), upstream where it is a soft wrap.
pub(crate) fn end_cursor(line: &LineCells) -> Cursor {
    if line.soft_wrap && line.end == line.range.end {
        Cursor {
            offset: line.end,
            affinity: Affinity::Upstream,
        }
    } else {
        Cursor::new(line.end)
    }
}
