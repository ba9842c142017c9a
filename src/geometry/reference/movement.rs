//! The linear reference (see `mod.rs`).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::cells::LineCells;
use super::hit::{caret_edges, end_cursor, hit_line, strong_weak, EPS};
use super::Linear;
use crate::geometry::cursor::{Affinity, Cursor};
use crate::geometry::movement::Movement;
use crate::geometry::words::word_ranges;
use crate::layout::Layout;
use crate::text::graphemes::{next_boundary, prev_boundary};
use crate::text::Direction;

impl Linear<'_> {
    pub(crate) fn move_cursor(&self, cursor: Cursor, movement: Movement, goal_x: &mut Option<f32>) -> Cursor {
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
            Movement::WordForward => Cursor::new(
                word_ranges(text)
                    .find(|w| w.end > offset)
                    .map_or(text.len(), |w| w.end),
            ),
            Movement::WordBackward => Cursor::new(
                word_ranges(text)
                    .take_while(|w| w.start < offset)
                    .last()
                    .map_or(0, |w| w.start),
            ),
            Movement::LineStart => Cursor::new(LineCells::new(self, self.line_of(cursor)).first),
            Movement::LineEnd => end_cursor(&LineCells::new(self, self.line_of(cursor))),
            Movement::Up | Movement::Down => {
                let k = self.line_of(cursor);
                let line = LineCells::new(self, k);
                let goal = goal_x.unwrap_or_else(|| self.clamp_x(strong_weak(&line, offset).0));
                *goal_x = Some(goal);
                let target = if movement == Movement::Up {
                    k.checked_sub(1)
                } else {
                    Some(k + 1).filter(|&t| t < self.lines().len())
                };
                match target {
                    Some(t) => hit_line(&LineCells::new(self, t), goal),
                    None if movement == Movement::Up => Cursor::new(0),
                    None => Cursor::new(text.len()),
                }
            }
            Movement::TextStart => Cursor::new(0),
            Movement::TextEnd => Cursor::new(text.len()),
        }
    }
    pub(crate) fn word_at(&self, offset: usize) -> Range<usize> {
        let offset = self.clamp_offset(offset);
        let text = self.text();
        let mut segs = text.split_word_bound_indices().map(|(i, w)| i..i + w.len());
        segs.find(|r| r.contains(&offset) || r.end == text.len() && offset == text.len())
            .unwrap_or(offset..offset)
    }

    fn clamp_x(&self, x: f32) -> f32 {
        x.clamp(0.0, self.width().max(0.0))
    }
    fn stops(&self, line: &LineCells, toward_end: bool) -> Vec<(f32, Cursor)> {
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
        // dedup_by keeps the first of equal neighbours: order ties so that it is the one wanted.
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
    }
    fn visual(&self, cursor: Cursor, right: bool, by_word: bool) -> Cursor {
        let k = self.line_of(cursor);
        let line = LineCells::new(self, k);
        let x = self.clamp_x(strong_weak(&line, cursor.offset).0);
        let stops = self.stops(&line, right != line.rtl);
        let ahead = |sx: f32| if right { sx > x + EPS } else { sx < x - EPS };
        let mut candidates: Vec<&(f32, Cursor)> = stops.iter().filter(|s| ahead(s.0)).collect();
        if !right {
            candidates.reverse();
        }
        if by_word {
            let edges = word_edges(self, &line, right);
            if let Some(s) = candidates
                .iter()
                .find(|s| edges.iter().any(|&e| (e - s.0).abs() <= EPS))
            {
                return s.1;
            }
            // No word edge ahead on this line: its far end, then the next line.
            if let Some(s) = candidates.last() {
                return s.1;
            }
        } else if let Some(s) = candidates.first() {
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
                let next = LineCells::new(self, t);
                let stops = self.stops(&next, right != next.rtl);
                let entry = if right { stops.first() } else { stops.last() };
                entry.map_or(cursor, |s| s.1)
            }
            None => cursor,
        }
    }
}
fn word_edges(layout: &Layout, line: &LineCells, right: bool) -> Vec<f32> {
    // The words that reach into the line, ascending (segmented from the text's start, so that a
    // word running in from the line before is the same word).
    // The words of the whole text (a word running on past the line's end is still that word:
    // segmenting only up to the line's end split "don't" when a line ended after "don'").
    let words: Vec<Range<usize>> = word_ranges(layout.text())
        .filter(|w| w.end > line.range.start)
        .collect();
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
