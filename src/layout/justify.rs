//! Justification: a line's slack given to its inter-word spaces, after positioning (so that a
//! mixed-direction line stretches where it is drawn).

use super::result::{Glyph, Layout};
use crate::paragraph::Paragraph;

/// Gives `slack` px to the inter-word spaces of the line whose runs and glyphs start at
/// `first_run` and `first_glyph` (U+0020 glyphs before the hanging whitespace at `hang_start`,
/// each its own cluster), in equal shares, moving everything after each to the right. Returns
/// the width added: `slack`, or 0 where there is no such space or no slack.
pub(crate) fn justify(
    para: &Paragraph,
    out: &mut Layout,
    first_run: usize,
    first_glyph: usize,
    hang_start: usize,
    slack: f32,
) -> f32 {
    let text = para.text.as_bytes();
    let spaces = (first_glyph..out.glyphs.len())
        .filter(|&k| stretches(&out.glyphs, first_glyph, k, text, hang_start))
        .count();
    if spaces == 0 || slack <= 0.0 || !slack.is_finite() {
        return 0.0;
    }
    let share = slack / spaces as f32;
    // Left to right: each glyph moves by the shares of the spaces before it (no buffer: reflow
    // allocates nothing).
    let mut shift = 0.0f32;
    let mut run = first_run;
    let mut run_shift = 0.0f32;
    for index in first_glyph..out.glyphs.len() {
        let stretch = stretches(&out.glyphs, first_glyph, index, text, hang_start);
        // Runs: each starts where its first glyph moved to, and grows by its own spaces.
        while run < out.runs.len() && out.runs[run].glyphs.end <= index {
            out.runs[run].width += shift - run_shift;
            run += 1;
        }
        if run < out.runs.len() && out.runs[run].glyphs.start == index {
            out.runs[run].x += shift;
            run_shift = shift;
        }
        let g = &mut out.glyphs[index];
        g.x += shift;
        if stretch {
            g.extra += share;
            shift += share;
        }
    }
    while run < out.runs.len() {
        out.runs[run].width += shift - run_shift;
        run_shift = shift;
        run += 1;
    }
    slack
}

/// Whether glyph `k` (of a line whose glyphs start at `first`) is an inter-word space that a
/// justified line stretches: a U+0020 before the hanging whitespace at `hang_start`, one glyph
/// for its cluster alone (not part of a ligature or a cluster with a mark).
fn stretches(glyphs: &[Glyph], first: usize, k: usize, text: &[u8], hang_start: usize) -> bool {
    let g = &glyphs[k];
    g.text_offset() < hang_start
        && text.get(g.text_offset()) == Some(&b' ')
        && glyphs.get(k + 1).is_none_or(|n| n.cluster != g.cluster)
        && (k == first || glyphs[k - 1].cluster != g.cluster)
}
