//! Reading a layout back in visual order, for tests.

use shrift::Layout;

/// Cluster offsets of a line's glyphs, left to right, each cluster once.
pub fn visual_clusters(layout: &Layout, line: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for run in layout.runs(&layout.lines()[line]) {
        for g in layout.glyphs(run) {
            if out.last() != Some(&g.text_offset()) {
                out.push(g.text_offset());
            }
        }
    }
    out
}
