//! Measuring a stretch of a line as positioning will lay it out: the paragraph's advances where
//! its ends are safe cuts, the text reshaped where they are not, tabs at their stops. Line
//! breaking and truncation measure with it.

use std::ops::Range;

use crate::paragraph::Paragraph;
use crate::shape::{ShapedGlyph, Shaper};
use crate::text::chars::hanging_start;

/// Slack for float summation: a line that overshoots by less than this still fits.
pub(crate) const FIT_EPSILON: f32 = 1e-3;

/// Measures lines the way positioning will lay them out: parts of items cut at unsafe points are
/// reshaped.
pub(crate) struct Measure<'p> {
    para: &'p Paragraph,
    shaper: &'p mut Shaper,
    glyphs: Vec<ShapedGlyph>,
}

impl<'p> Measure<'p> {
    pub fn new(para: &'p Paragraph, shaper: &'p mut Shaper) -> Measure<'p> {
        Measure {
            para,
            shaper,
            glyphs: Vec::new(),
        }
    }

    /// Whether the line `start..end` is cut inside an item at a point where the shaper's
    /// glyphs are unsafe to break, so that positioning will reshape it.
    fn risky(&self, start: usize, end: usize) -> bool {
        let para = self.para;
        let cut_unsafely = |pos: usize| {
            let i = para.items.partition_point(|it| it.range.end <= pos);
            para.items
                .get(i)
                .is_some_and(|it| it.range.start < pos && (it.whole_only || !para.safe_to_cut(pos)))
        };
        cut_unsafely(start) || cut_unsafely(end)
    }

    /// Whether the line `start..end` is cut at a point where it is reshaped (see [`Self::risky`])
    /// and then comes out wider than `max`: its text up to the hanging whitespace, and the
    /// hyphen of a soft hyphen it ends at.
    pub fn reshaped_line_wider(&mut self, start: usize, end: usize, max: f32) -> bool {
        let para = self.para;
        // Trimmed only where needed: most lines are cut at safe points and never measured.
        let body = || hanging_start(&para.text, start..end);
        // A line ending at a soft hyphen is drawn up to it (then the hyphen): cut there.
        let (cut, hyphen) = match para.hyphen_at_line_end(end) {
            Some(h) => (body(), h.advance),
            None => (end, 0.0),
        };
        self.risky(start, cut) && self.width(start..body()) + hyphen > max
    }

    /// The advance of `range` (one line's worth of text, from the line's start) as it would be
    /// drawn: each tab to its stop, the text between as [`Self::width_between_tabs`] measures it.
    pub fn width(&mut self, range: Range<usize>) -> f32 {
        let para = self.para;
        match &para.tabs {
            Some(tabs) if para.text.as_bytes()[range.clone()].contains(&b'\t') => {
                let advance = |x: f32, between: Range<usize>| x + self.width_between_tabs(between);
                para.walk_tabs(tabs, range, 0.0, advance, |_, _, _| {})
            }
            _ => self.width_between_tabs(range),
        }
    }

    /// The advance of `range` without tabs: the paragraph's advances where the cuts are safe,
    /// reshaped where not.
    fn width_between_tabs(&mut self, range: Range<usize>) -> f32 {
        let para = self.para;
        let first = para.items.partition_point(|it| it.range.end <= range.start);
        let mut width = 0.0;
        for item in para.items[first..]
            .iter()
            .take_while(|it| it.range.start < range.end)
        {
            let piece = item.range.start.max(range.start)..item.range.end.min(range.end);
            let safe = para.slice_is_exact(item, &piece);
            if safe {
                width += para.advance_at[piece].iter().sum::<f32>();
            } else {
                self.glyphs.clear();
                self.shaper
                    .shape(&para.request(item, piece, item.level), &mut self.glyphs);
                width += self.glyphs.iter().map(|g| g.advance).sum::<f32>();
                if para.spacing {
                    // One spacing per cluster, as positioning adds it (held by the cluster's
                    // advance: the glyphs of a cluster are adjacent).
                    for (k, g) in self.glyphs.iter().enumerate() {
                        if k == 0 || self.glyphs[k - 1].cluster != g.cluster {
                            let advance: f32 = self.glyphs[k..]
                                .iter()
                                .take_while(|n| n.cluster == g.cluster)
                                .map(|n| n.advance)
                                .sum();
                            width += para.spacing_after(g.text_offset(), advance);
                        }
                    }
                }
            }
        }
        width
    }
}
