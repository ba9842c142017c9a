//! Cursor movement: visual and logical, by cluster and by word, line ends, up and down, text
//! ends; and the word at an offset (a double click).

use std::ops::Range;

use super::cells::{LineCells, EPS};
use super::cursor::{Affinity, Cursor};
use super::hit::{caret_edges, end_cursor, hit_line, strong_weak};
use crate::layout::Layout;
use crate::text::graphemes::{next_boundary, prev_boundary};
use crate::text::Direction;

/// A cursor movement: what an arrow key (with or without Ctrl), Home, End and their kin do.
///
/// Visual movements go the way the key points on screen whatever the text's direction; logical
/// ones follow the text's order. Word movements use UAX #29 word boundaries ([`words`](crate::words)): inside
/// a Yiddish word a geresh ׳ (U+05F3, a letter for UAX #29) and a gershayim ״ between letters
/// (U+05F4, MidLetter) do not end the word; a maqaf ־ (U+05BE) does, so each half of
/// "ניו־יאָרק" is a word of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Movement {
    /// One caret position left on screen (Left arrow).
    Left,
    /// One caret position right on screen (Right arrow).
    Right,
    /// To the left edge of the next word to the left on screen (Ctrl+Left).
    WordLeft,
    /// To the right edge of the next word to the right on screen (Ctrl+Right).
    WordRight,
    /// One grapheme cluster back in the text.
    Backward,
    /// One grapheme cluster on in the text.
    Forward,
    /// To the start of the word before (or holding) the cursor, in text order.
    WordBackward,
    /// To the end of the word after (or holding) the cursor, in text order.
    WordForward,
    /// To the start of the visual line (Home): its logical start, at its right edge when it is
    /// right to left.
    LineStart,
    /// To the end of the visual line (End): before the whitespace hanging at a soft wrap or the
    /// hard break ending it.
    LineEnd,
    /// One line up, keeping the goal x.
    Up,
    /// One line down, keeping the goal x.
    Down,
    /// To the start of the text.
    TextStart,
    /// To the end of the text.
    TextEnd,
}

impl Layout {
    /// Where `movement` takes `cursor`. Every movement ends: it moves at most to the next caret
    /// position on its line or onto the next line, and returns the cursor unchanged (but for
    /// clamping) when there is nowhere to go.
    ///
    /// Visual movement visits every caret position of a line once, x strictly monotone, then
    /// goes on to the next line in that direction (the line after in a left-to-right layout when
    /// moving right, the line before in a right-to-left one), landing at its near visual end.
    /// Positions drawn at the same x (whitespace hanging past the box edge) count once.
    ///
    /// `goal_x` carries the x that [`Movement::Up`] and [`Movement::Down`] keep: pass the same
    /// `Option` to consecutive calls; every other movement resets it to `None`. Moving up from the
    /// first line goes to the start of the text, down from the last to its end.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{Cursor, FontBook, LayoutContext, LayoutOptions, Movement, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let para = Paragraph::new("אב", TextStyle::new("Noto Sans Hebrew"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(200.0))?;
    /// let mut goal = None;
    /// // Left in right-to-left text goes forward in the text.
    /// let c = layout.move_cursor(Cursor::new(0), Movement::Left, &mut goal);
    /// assert_eq!(c.offset, 2);
    /// assert_eq!(layout.move_cursor(c, Movement::Right, &mut goal).offset, 0);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn move_cursor(&self, cursor: Cursor, movement: Movement, goal_x: &mut Option<f32>) -> Cursor {
        let text = self.text();
        let offset = self.clamp_offset(cursor.offset);
        let cursor = Cursor { offset, ..cursor };
        if !matches!(movement, Movement::Up | Movement::Down) {
            *goal_x = None;
        }
        if self.lines().is_empty() {
            return cursor;
        }
        match movement {
            Movement::Left => self.visual(cursor, false, false),
            Movement::Right => self.visual(cursor, true, false),
            Movement::WordLeft => self.visual(cursor, false, true),
            Movement::WordRight => self.visual(cursor, true, true),
            Movement::Forward => Cursor::new(next_boundary(text, offset)),
            Movement::Backward => Cursor::new(prev_boundary(text, offset)),
            Movement::WordForward => {
                // The first word ending after the offset.
                let words = &self.word_index().words;
                let k = words.partition_point(|w| w.end <= offset);
                Cursor::new(words.get(k).map_or(text.len(), |w| w.end))
            }
            Movement::WordBackward => {
                // The last word starting before the offset.
                let words = &self.word_index().words;
                let k = words.partition_point(|w| w.start < offset);
                Cursor::new(k.checked_sub(1).map_or(0, |k| words[k].start))
            }
            Movement::LineStart => Cursor::new(self.line_cells(self.line_of(cursor)).first),
            Movement::LineEnd => end_cursor(self.line_cells(self.line_of(cursor))),
            Movement::Up | Movement::Down => {
                let k = self.line_of(cursor);
                let line = self.line_cells(k);
                let goal = goal_x.unwrap_or_else(|| self.clamp_x(strong_weak(line, offset).0));
                *goal_x = Some(goal);
                let target = if movement == Movement::Up {
                    k.checked_sub(1)
                } else {
                    Some(k + 1).filter(|&t| t < self.lines().len())
                };
                match target {
                    Some(t) => hit_line(self.line_cells(t), goal),
                    None if movement == Movement::Up => Cursor::new(0),
                    None => Cursor::new(text.len()),
                }
            }
            Movement::TextStart => Cursor::new(0),
            Movement::TextEnd => Cursor::new(text.len()),
        }
    }

    /// The word (UAX #29, letters and digits) holding or touching `offset`, for a double click;
    /// between two words, or in a run of spaces or punctuation, that run.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let text = "אַ ביסל text";
    /// let para = Paragraph::new(text, TextStyle::new("Noto Sans Hebrew, Noto Sans"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(300.0))?;
    /// assert_eq!(&text[layout.word_at(7)], "ביסל");
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn word_at(&self, offset: usize) -> Range<usize> {
        let offset = self.clamp_offset(offset);
        self.word_index().segment_at(offset, self.text().len())
    }

    fn clamp_x(&self, x: f32) -> f32 {
        x.clamp(0.0, self.width().max(0.0))
    }

    /// The caret stops of a line left to right for moving right (or left): (x, cursor), one per
    /// distinct x, built once per line and layout. Where several offsets share an x (around
    /// zero-width chars such as bidi isolates' LRI and PDI), the stop is one whose strong caret is
    /// the edge of a visible grapheme; among several such (or none), the last when moving toward
    /// the line's end and the first toward its start. This is the choice Pango's arrow keys make
    /// on the corpus's isolates.
    fn stops<'l>(&self, line: &'l LineCells, right: bool) -> &'l [(f32, Cursor)] {
        line.stops[usize::from(right)].get_or_init(|| {
            let toward_end = right != line.rtl;
            let mut stops: Vec<(f32, Cursor, bool)> = line
                .offsets()
                .map(|o| {
                    let affinity = if o == line.range.end && line.soft_wrap {
                        Affinity::Upstream
                    } else {
                        Affinity::Downstream
                    };
                    let (x, _, visible) = caret_edges(line, o);
                    (self.clamp_x(x), Cursor { offset: o, affinity }, visible)
                })
                .collect();
            // dedup_by keeps the first of equal neighbours: order ties so that it is the one
            // wanted.
            stops.sort_by(|a, b| {
                let by_offset = a.1.offset.cmp(&b.1.offset);
                a.0.total_cmp(&b.0).then(b.2.cmp(&a.2)).then(if toward_end {
                    by_offset.reverse()
                } else {
                    by_offset
                })
            });
            stops.dedup_by(|b, a| (b.0 - a.0).abs() <= EPS);
            stops.into_iter().map(|(x, c, _)| (x, c)).collect()
        })
    }

    /// Of the stops for moving right (or left), those at an edge of a word's visual piece.
    fn word_stops<'l>(&self, line: &'l LineCells, right: bool) -> &'l [(f32, Cursor)] {
        line.word_stops[usize::from(right)].get_or_init(|| {
            let mut edges = word_edges(self, line, right);
            edges.sort_by(f32::total_cmp);
            let at_edge = |x: f32| {
                let k = edges.partition_point(|&e| e < x - EPS);
                edges[k.saturating_sub(1)..(k + 2).min(edges.len())]
                    .iter()
                    .any(|&e| (e - x).abs() <= EPS)
            };
            self.stops(line, right)
                .iter()
                .filter(|s| at_edge(s.0))
                .copied()
                .collect()
        })
    }

    /// One visual step right (or left), by caret position or by word edge.
    fn visual(&self, cursor: Cursor, right: bool, by_word: bool) -> Cursor {
        let k = self.line_of(cursor);
        let line = self.line_cells(k);
        let x = self.clamp_x(strong_weak(line, cursor.offset).0);
        let stops = self.stops(line, right);
        // The stops ahead, nearest first: past x by more than EPS (stops are more than EPS apart,
        // ascending).
        let ahead = |list: &[(f32, Cursor)]| -> Option<(f32, Cursor)> {
            if right {
                list.get(list.partition_point(|s| s.0 <= x + EPS)).copied()
            } else {
                let q = list.partition_point(|s| s.0 < x - EPS);
                q.checked_sub(1).map(|q| list[q])
            }
        };
        let nearest = ahead(stops);
        if by_word {
            if let Some(s) = ahead(self.word_stops(line, right)) {
                return s.1;
            }
            // No word edge ahead on this line: its far end, then the next line.
            if nearest.is_some() {
                let far = if right { stops.last() } else { stops.first() };
                if let Some(s) = far {
                    return s.1;
                }
            }
        } else if let Some(s) = nearest {
            return s.1;
        }
        let forward = right == (self.direction() == Direction::Ltr);
        let next = if forward {
            Some(k + 1).filter(|&t| t < self.lines().len())
        } else {
            k.checked_sub(1)
        };
        match next {
            Some(t) => {
                let next = self.line_cells(t);
                let stops = self.stops(next, right);
                let entry = if right { stops.first() } else { stops.last() };
                entry.map_or(cursor, |s| s.1)
            }
            None => cursor,
        }
    }
}

/// The x of the right (or left) edges of the visual pieces of words on `line`.
fn word_edges(layout: &Layout, line: &LineCells, right: bool) -> Vec<f32> {
    // The words of the whole text, so that a word running in from the line before or on to the
    // line after is the same word.
    let words = &layout.word_index().words;
    let in_word = |start: usize| {
        let k = words.partition_point(|w| w.end <= start);
        words.get(k).is_some_and(|w| w.start <= start)
    };
    let flags: Vec<bool> = line.cells.iter().map(|c| in_word(c.start)).collect();
    let mut edges = Vec::new();
    for (i, c) in line.cells.iter().enumerate() {
        if !flags[i] {
            continue;
        }
        let neighbour = if right { i + 1 } else { i.wrapping_sub(1) };
        let joined = flags.get(neighbour).copied().unwrap_or(false) && {
            let n = &line.cells[neighbour];
            if right {
                (n.left - c.right).abs() <= EPS
            } else {
                (c.left - n.right).abs() <= EPS
            }
        };
        if !joined {
            edges.push(if right { c.right } else { c.left });
        }
    }
    edges
}
