//! Per-line bidi reordering, after line breaking: UAX #9 rule L1 on the line's own end, then rule
//! L2 (reverse by level) over the line's runs.
//!
//! Reordering the whole paragraph before breaking is the classic mistake: the whitespace at the end
//! of each wrapped line must go back to the paragraph level, which depends on where the line ends.
//! The cost is proportional to the line, never to the paragraph.

use std::ops::Range;

use super::truncate::Cut;
use crate::paragraph::segments::SoftHyphen;
use crate::paragraph::Paragraph;

/// A piece of one item on one line, at one resolved level.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LineRun {
    /// Index of the item in the paragraph.
    pub item: usize,
    pub range: Range<usize>,
    pub level: u8,
    /// The run is the soft hyphen a line ends at, drawn as a hyphen.
    pub hyphen: bool,
    /// The run is a truncated line's ellipsis (its range is empty; `item` means nothing).
    pub ellipsis: bool,
}

/// Reordering's output and tables, kept in the context so that reflow allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct ReorderScratch {
    /// The current line's runs in visual order (the output).
    runs: Vec<LineRun>,
    /// The same runs in logical order, while rule L2 reorders them.
    logical: Vec<LineRun>,
    /// Rule L2's visual order of a line's runs.
    order: Vec<usize>,
    /// Rule L1's reset ranges of the line.
    reset: Vec<Range<usize>>,
    /// A cut line's first piece, while the second is reordered.
    pieces: Vec<LineRun>,
}

/// What a line shows at its end besides its text: nothing, the hyphen of the soft hyphen it ends
/// with, or the hyphen of an automatic hyphenation point (a run of its own, empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EndHyphen {
    None,
    Soft,
    Auto,
}

/// A line's runs in visual order, left to right, and where the whitespace hanging at its end
/// starts (rule L1's reset range at the very end of the line; the line's shown end when nothing
/// hangs).
#[derive(Debug)]
pub(crate) struct VisualLine<'s> {
    pub runs: &'s [LineRun],
    pub hang_start: usize,
}

impl ReorderScratch {
    /// The runs of the line `line` in visual order.
    ///
    /// A line that ends at a soft hyphen shown as a hyphen (`hyphen`) keeps that soft hyphen at
    /// its word's level, out of rule L1's reset, and in a run of its own: the hyphen then stands
    /// at the word's end (the right end of an English word in a right-to-left line), not at the
    /// line's. A line ending at an automatic hyphenation point gets an empty run at its end, at
    /// the level of the text before it, for the hyphen.
    pub fn line(
        &mut self,
        para: &Paragraph,
        line: Range<usize>,
        hyphen: Option<&SoftHyphen>,
    ) -> VisualLine<'_> {
        let end = match hyphen {
            None => EndHyphen::None,
            Some(h) if h.auto => EndHyphen::Auto,
            Some(_) => EndHyphen::Soft,
        };
        self.reorder(para, line.clone(), end);
        VisualLine {
            hang_start: self.hang_start(line.end),
            runs: &self.runs,
        }
    }

    /// The runs of a cut line in visual order: each piece reordered on its own and the ellipsis
    /// between them in the paragraph's direction.
    pub fn cut(&mut self, para: &Paragraph, cut: &Cut) -> VisualLine<'_> {
        let level = para.paragraph_level_at(cut.a.start.min(cut.b.start));
        self.pieces.clear();
        if !cut.a.is_empty() {
            self.reorder(para, cut.a.clone(), EndHyphen::None);
            std::mem::swap(&mut self.pieces, &mut self.runs);
        }
        self.runs.clear();
        if !cut.b.is_empty() {
            self.reorder(para, cut.b.clone(), EndHyphen::None);
        }
        let shown_end = if cut.b.is_empty() { cut.a.end } else { cut.b.end };
        let hang_start = if cut.a.is_empty() && cut.b.is_empty() {
            shown_end
        } else {
            self.hang_start(shown_end)
        };
        let ellipsis = LineRun {
            item: 0,
            range: cut.a.end..cut.a.end,
            level,
            hyphen: false,
            ellipsis: true,
        };
        // `runs` holds B, `pieces` A: join them as A … B, or B … A right to left.
        if level % 2 == 1 {
            self.runs.push(ellipsis);
            self.runs.append(&mut self.pieces);
        } else {
            self.pieces.push(ellipsis);
            self.pieces.append(&mut self.runs);
            std::mem::swap(&mut self.pieces, &mut self.runs);
        }
        VisualLine {
            runs: &self.runs,
            hang_start,
        }
    }

    /// Where the whitespace hanging at `end`, the end of the text last reordered, starts.
    fn hang_start(&self, end: usize) -> usize {
        match self.reset.last() {
            Some(r) if r.end == end => r.start,
            _ => end,
        }
    }

    /// Fills `self.runs` with the runs of `line` in visual order (see [`Self::line`]).
    fn reorder(&mut self, para: &Paragraph, line: Range<usize>, end: EndHyphen) {
        let hyphen = end == EndHyphen::Soft;
        let para_level = para.paragraph_level_at(line.start);
        para.bidi.l1_reset_ranges(line.clone(), &mut self.reset);
        let shy = line.end.saturating_sub('\u{AD}'.len_utf8());
        if hyphen {
            if let Some(last) = self.reset.last_mut().filter(|r| r.end == line.end) {
                last.end = shy;
                if last.start >= last.end {
                    self.reset.pop();
                }
            }
        }
        let runs = &mut self.runs;
        runs.clear();

        let first = para.items.partition_point(|it| it.range.end <= line.start);
        for (index, item) in para.items.iter().enumerate().skip(first) {
            if item.range.start >= line.end {
                break;
            }
            let piece = item.range.start.max(line.start)..item.range.end.min(line.end);
            // Cut the piece where L1 resets levels; the reset parts take the paragraph level. Where
            // that is the item's own level nothing changes and the piece stays whole.
            let mut pos = piece.start;
            let resets = if item.level == para_level {
                &[][..]
            } else {
                &self.reset[..]
            };
            for reset in resets {
                if reset.end <= pos || reset.start >= piece.end {
                    continue;
                }
                if reset.start > pos {
                    runs.push(LineRun {
                        item: index,
                        range: pos..reset.start,
                        level: item.level,
                        hyphen: false,
                        ellipsis: false,
                    });
                }
                let end = reset.end.min(piece.end);
                runs.push(LineRun {
                    item: index,
                    range: reset.start.max(pos)..end,
                    level: para_level,
                    hyphen: false,
                    ellipsis: false,
                });
                pos = end;
            }
            if pos < piece.end {
                runs.push(LineRun {
                    item: index,
                    range: pos..piece.end,
                    level: item.level,
                    hyphen: false,
                    ellipsis: false,
                });
            }
        }
        if hyphen {
            // The soft hyphen ends the logically last run: cut it off into a run of its own.
            if let Some(last) = runs
                .last_mut()
                .filter(|r| r.range.end == line.end && r.range.start <= shy)
            {
                if last.range.start == shy {
                    last.hyphen = true;
                } else {
                    let (item, level) = (last.item, last.level);
                    last.range.end = shy;
                    runs.push(LineRun {
                        item,
                        range: shy..line.end,
                        level,
                        hyphen: true,
                        ellipsis: false,
                    });
                }
            }
        }
        if end == EndHyphen::Auto {
            // The runs are in text order: the last one ends the line (mid-word).
            if let Some(last) = runs.last().filter(|r| r.range.end == line.end) {
                let run = LineRun {
                    item: last.item,
                    range: line.end..line.end,
                    level: last.level,
                    hyphen: true,
                    ellipsis: false,
                };
                runs.push(run);
            }
        }

        // Rule L2 over the runs' levels, on reused buffers.
        if runs.len() > 1 && runs.iter().any(|r| r.level % 2 == 1) {
            self.order.clear();
            self.order.extend(0..runs.len());
            reverse_by_levels(&mut self.order, |i| runs[i].level);
            // Swap the logical runs into the spare vector and rebuild in visual order: both keep
            // their allocations from line to line.
            std::mem::swap(runs, &mut self.logical);
            runs.clear();
            runs.extend(self.order.iter().filter_map(|&i| self.logical.get(i).cloned()));
        }
    }
}

/// UAX #9 rule L2 on `order` (indices in logical order on entry, in visual order on return):
/// from the highest level down to the lowest odd level, every maximal stretch at that level or
/// higher is reversed.
fn reverse_by_levels(order: &mut [usize], level: impl Fn(usize) -> u8) {
    let (Some(highest), Some(lowest_odd)) = (
        order.iter().map(|&i| level(i)).max(),
        order.iter().map(|&i| level(i) | 1).min(),
    ) else {
        return;
    };
    let mut at = highest;
    while at >= lowest_odd {
        let mut k = 0;
        while k < order.len() {
            if level(order[k]) < at {
                k += 1;
                continue;
            }
            let start = k;
            while k < order.len() && level(order[k]) >= at {
                k += 1;
            }
            order[start..k].reverse();
        }
        if at == 0 {
            break;
        }
        at -= 1;
    }
}

#[cfg(all(test, feature = "bundled-fonts"))]
mod tests {
    use crate::{BaseDirection, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};

    /// Runs of the first line at `width`, left to right: (text, level).
    fn runs(text: &str, dir: BaseDirection) -> Vec<(String, u8)> {
        let book = FontBook::with_bundled_fonts();
        let mut cx = LayoutContext::new();
        let para = Paragraph::builder(text, TextStyle::new("Noto Sans, Noto Sans Hebrew"))
            .direction(dir)
            .build(&book, &mut cx)
            .unwrap();
        let layout = para.layout(&mut cx, &LayoutOptions::new(10_000.0)).unwrap();
        let line = &layout.lines()[0];
        layout
            .runs(line)
            .iter()
            .map(|r| (text[r.range()].to_string(), r.level()))
            .collect()
    }

    #[test]
    fn l1_resets_trailing_whitespace_after_an_embedded_run() {
        // UAX #9 by hand, RTL paragraph "אב cd  ": the space between R and L takes the embedding
        // direction (level 1, with the Hebrew word), "cd" is level 2, and the trailing spaces,
        // which follow L text, are reset by L1 to level 1. Left to right: spaces, "cd", "אב ".
        assert_eq!(
            runs("אב cd  ", BaseDirection::Rtl),
            vec![("  ".into(), 1), ("cd".into(), 2), ("אב ".into(), 1)]
        );
    }

    #[test]
    fn l1_resets_whitespace_before_a_tab() {
        // LTR paragraph "אב \tגד": by N1 the space and the tab (between R and R) are level 1;
        // L1 sends the tab (a segment separator) and the whitespace before it back to level 0.
        let got = runs("אב \tגד", BaseDirection::Ltr);
        let levels: Vec<(&str, u8)> = got.iter().map(|(t, l)| (t.as_str(), *l)).collect();
        assert_eq!(levels, vec![("אב", 1), (" ", 0), ("\t", 0), ("גד", 1)]);
    }
}

#[cfg(test)]
mod l2_tests {
    use unicode_bidi::{BidiInfo, Level};

    #[test]
    fn rule_l2_agrees_with_unicode_bidi() {
        // Every sequence of up to 6 runs with levels 0..=4: the in-place rule L2 must give
        // unicode-bidi's `reorder_visual` order (an independent implementation of the rule).
        let mut levels = Vec::new();
        for n in 1..=6u32 {
            for code in 0..5u32.pow(n) {
                levels.clear();
                let mut c = code;
                for _ in 0..n {
                    levels.push((c % 5) as u8);
                    c /= 5;
                }
                let mut order: Vec<usize> = (0..levels.len()).collect();
                super::reverse_by_levels(&mut order, |i| levels[i]);
                let reference: Vec<Level> = levels.iter().map(|&l| Level::new(l).unwrap()).collect();
                assert_eq!(order, BidiInfo::reorder_visual(&reference), "levels {levels:?}");
            }
        }
    }
}
