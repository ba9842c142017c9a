//! Paint per character inside a grapheme cluster: a point or a dagesh painted apart from its
//! letter (a teaching text's vowels in a second colour). Shaping is not changed: a cluster's
//! glyphs are told apart by reading which glyph each of its marks produced, its nominal glyph in
//! the face (the first glyph of the cluster with that id, not yet taken); a mark the face turned
//! into something else (a precomposed letter, a contextual variant) keeps its letter's paint.

use super::itemize::Item;
use super::styles::style_run_at;
use crate::font::Font;
use crate::shape::ShapedGlyph;
use crate::style::TextStyle;
use crate::text::graphemes::{grapheme_end, is_grapheme_boundary, prev_boundary};

/// For each glyph whose char has another paint than its cluster's first char: (its index in the
/// paragraph's glyphs, that paint), ascending. Empty unless a change of style falls inside a
/// grapheme cluster.
pub(crate) fn char_paints(
    text: &str,
    items: &[Item],
    glyphs: &[ShapedGlyph],
    fonts: &[Font],
    styles: &[TextStyle],
    style_runs: &[(usize, usize)],
) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let paint_at = |pos: usize| styles[style_run_at(style_runs, text.len(), pos).1].paint_id();
    let mut last_cluster = usize::MAX;
    for &(boundary, _) in style_runs.iter().skip(1) {
        if boundary >= text.len() || is_grapheme_boundary(text, boundary) {
            continue;
        }
        let start = prev_boundary(text, boundary);
        if start == last_cluster {
            continue;
        }
        last_cluster = start;
        let end = grapheme_end(text, start);
        let Some(item) = items
            .iter()
            .find(|it| it.range.contains(&start) && it.inline_box.is_none())
        else {
            continue;
        };
        let (font, size) = (&fonts[item.font], styles[item.style].font_size());
        let base = paint_at(start);
        let cluster: Vec<usize> = item
            .glyphs
            .clone()
            .filter(|&g| glyphs[g].text_offset() == start)
            .collect();
        let mut taken = vec![false; cluster.len()];
        for (o, c) in text[start..end].char_indices().skip(1) {
            let Some((id, _)) = font.char_glyph(c, size) else {
                continue;
            };
            let Some(k) = (0..cluster.len()).find(|&k| !taken[k] && glyphs[cluster[k]].id == id) else {
                continue;
            };
            taken[k] = true;
            let paint = paint_at(start + o);
            if paint != base {
                out.push((cluster[k] as u32, paint));
            }
        }
    }
    out.sort_unstable();
    out
}
