//! Positioning: each visual run of a line turned into glyphs with x (the line's own, from 0 at
//! its left end) and a y offset from the baseline.
//!
//! A run that is only part of an item takes its glyphs from the item's shaped glyphs when both
//! cut points are safe to break; otherwise (the shaper flagged the glyph at the cut unsafe to
//! break, or the cut falls inside a cluster) that part is reshaped on its own, as HarfBuzz's
//! documentation prescribes. Tabs take the width to their stops, letter and word spacing go after
//! each cluster, a soft hyphen a line ends at is drawn as its hyphen, and a cut line's ellipsis
//! is placed as a run of its own.

use std::ops::Range;
use std::sync::Arc;

use super::boxes::{place_box, BoxExtent};
use super::reorder::{LineRun, VisualLine};
use super::result::{Glyph, Layout, Run};
use crate::font::Font;
use crate::paragraph::segments::SoftHyphen;
use crate::paragraph::Paragraph;
use crate::shape::{ShapeRequest, ShapedGlyph, Shaper};
use crate::text::TextRange;

/// Positioning's buffers, kept in the context so that reflow allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct PlaceScratch {
    /// A run reshaped on its own.
    glyphs: Vec<ShapedGlyph>,
    /// Each tab of the current line: (offset, width to its stop).
    tabs: Vec<(usize, f32)>,
}

/// What placing a line's runs gives: where the pen ended, how much of that is whitespace hanging
/// at the line's end, the largest ascent, descent and line gap of the faces drawn, and the largest
/// font size with glyphs on the line (0 when none).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PlacedLine {
    pub pen: f32,
    pub hang: f32,
    pub ascent: f32,
    pub descent: f32,
    pub gap: f32,
    pub largest_size: f32,
    /// What the line's inline boxes ask of its height.
    pub boxes: BoxExtent,
}

impl PlacedLine {
    fn grow(&mut self, (ascent, descent, gap): (f32, f32, f32)) {
        self.ascent = self.ascent.max(ascent);
        self.descent = self.descent.max(descent);
        self.gap = self.gap.max(gap);
    }
}

/// Appends the glyphs and runs of the line `range` (its runs in visual order in `line`) to `out`,
/// from x = 0. `hyphen`: the hyphen its soft hyphen shows; `ellipsis`: the ellipsis shaped for
/// the layout (placed for an ellipsis run).
#[allow(clippy::too_many_arguments)]
pub(crate) fn place_line(
    para: &Paragraph,
    shaper: &mut Shaper,
    scratch: &mut PlaceScratch,
    line: &VisualLine<'_>,
    range: Range<usize>,
    hyphen: Option<SoftHyphen>,
    ellipsis: &[ShapedGlyph],
    out: &mut Layout,
) -> PlacedLine {
    line_tabs(para, range, &mut scratch.tabs);
    let mut placed = PlacedLine::default();
    let mut pen = 0.0f32;
    let mut hang = 0.0f32;
    for lr in line.runs {
        // A cut line's ellipsis: shaped once per layout, every glyph at the cut.
        if lr.ellipsis {
            let request = para.ellipsis_request();
            placed.grow(place_run(out, para, &request, lr, ellipsis, &mut pen, None, &[]));
            placed.largest_size = placed.largest_size.max(request.size);
            continue;
        }
        let item = &para.items[lr.item];
        if item.inline_box.is_some() {
            place_box(para, lr, &mut pen, &mut placed.boxes, out);
            continue;
        }
        let request = para.request(item, lr.range.clone(), lr.level);
        if let (true, Some(h)) = (lr.hyphen, hyphen) {
            // The soft hyphen a line ends at, drawn as the hyphen measured for it.
            let request = ShapeRequest {
                font: &para.fonts[h.font],
                size: h.size,
                ..request
            };
            let glyph = ShapedGlyph {
                id: h.glyph,
                unsafe_to_break: false,
                cluster: h.pos as u32,
                advance: h.advance,
                dx: 0.0,
                dy: 0.0,
            };
            placed.grow(place_run(out, para, &request, lr, &[glyph], &mut pen, None, &[]));
            continue;
        }
        // Rule L1 can turn part of an item into a run of the other direction: reshape it,
        // unless it is plain spaces (the usual case: a wrapped line's trailing space), whose
        // glyphs are the same either way round, one per space.
        let same_direction = lr.level % 2 == item.level % 2;
        let exact = para.slice_is_exact(item, &lr.range);
        // Where the glyphs are the paragraph's own, from this index of its glyphs.
        let mut from_paragraph = None;
        let glyphs: &[ShapedGlyph] = if same_direction && exact {
            let (first, slice) = item_slice(para, lr.item, &lr.range);
            from_paragraph = Some(first);
            slice
        } else if exact && para.text[lr.range.clone()].bytes().all(|b| b == b' ') {
            scratch.glyphs.clear();
            scratch
                .glyphs
                .extend(item_slice(para, lr.item, &lr.range).1.iter().rev());
            &scratch.glyphs
        } else {
            scratch.glyphs.clear();
            shaper.shape(&request, &mut scratch.glyphs);
            &scratch.glyphs
        };
        let hanging = Some((line.hang_start, &mut hang));
        if let Some(first) = from_paragraph.filter(|_| !para.glyph_paints.is_empty()) {
            note_char_paints(para, first, glyphs.len(), out);
        }
        placed.grow(place_run(
            out,
            para,
            &request,
            lr,
            glyphs,
            &mut pen,
            hanging,
            &scratch.tabs,
        ));
        if !glyphs.is_empty() {
            placed.largest_size = placed.largest_size.max(request.size);
        }
    }
    placed.pen = pen;
    placed.hang = hang;
    placed
}

/// The glyphs of an item whose clusters lie in `range`, left to right.
///
/// Each end is searched from where it would be if the item's glyphs were spread evenly over its
/// text (one glyph a byte in Latin, one every two bytes in Hebrew letters: close either way),
/// outward by doubling steps, then by halves: a few probes in one or two cache lines, where a
/// binary search over a long item's glyphs touches a line a step (a tenth of a reflow's time).
#[inline]
fn item_slice<'p>(para: &'p Paragraph, item: usize, range: &Range<usize>) -> (usize, &'p [ShapedGlyph]) {
    let it = &para.items[item];
    let glyphs = &para.glyphs[it.glyphs.clone()];
    let (n, len) = (glyphs.len(), it.range.len().max(1));
    let guess = |p: usize| (p.saturating_sub(it.range.start) * n / len).min(n);
    // Clusters rise left to right in a left-to-right item and fall in a right-to-left one.
    let (from, to) = if it.level.is_multiple_of(2) {
        (
            partition_point_near(glyphs, guess(range.start), |g| g.text_offset() < range.start),
            partition_point_near(glyphs, guess(range.end), |g| g.text_offset() < range.end),
        )
    } else {
        (
            partition_point_near(glyphs, n - guess(range.end), |g| g.text_offset() >= range.end),
            partition_point_near(glyphs, n - guess(range.start), |g| g.text_offset() >= range.start),
        )
    };
    (
        it.glyphs.start + from,
        glyphs.get(from..to.max(from)).unwrap_or(&[]),
    )
}

/// `v.partition_point(pred)` (`pred` true on a prefix of `v`, false after), found by galloping
/// from `guess` (at most `v.len()`): O(log d) probes for an answer `d` away from the guess.
fn partition_point_near<T>(v: &[T], guess: usize, pred: impl Fn(&T) -> bool) -> usize {
    // The answer lies in lo..=hi.
    let (mut lo, mut hi);
    if guess < v.len() && pred(&v[guess]) {
        // At or past guess + 1: step right until pred fails.
        let mut step = 1;
        lo = guess + 1;
        loop {
            let probe = guess + step;
            if probe >= v.len() {
                hi = v.len();
                break;
            }
            if !pred(&v[probe]) {
                hi = probe;
                break;
            }
            lo = probe + 1;
            step *= 2;
        }
    } else {
        // At or before guess: step left until pred holds.
        let mut step = 1;
        hi = guess.min(v.len());
        loop {
            if step > hi {
                lo = 0;
                break;
            }
            let probe = hi - step;
            if pred(&v[probe]) {
                lo = probe + 1;
                break;
            }
            hi = probe;
            step *= 2;
        }
    }
    lo + v[lo..hi].partition_point(pred)
}

/// The paints of the paragraph's glyphs `first..first + n` that differ from their cluster's
/// (`paints.rs`), as paints of the layout's glyphs about to be placed from them (in the same
/// order, from the layout's next glyph on). Reshaped glyphs keep their cluster's paint.
fn note_char_paints(para: &Paragraph, first: usize, n: usize, out: &mut Layout) {
    let at = out.glyphs.len();
    let k = para.glyph_paints.partition_point(|p| (p.0 as usize) < first);
    for &(g, paint) in para.glyph_paints[k..]
        .iter()
        .take_while(|p| (p.0 as usize) < first + n)
    {
        out.paints.push(((at + g as usize - first) as u32, paint));
    }
}

/// Appends the run of `glyphs` at `pen` (moved past them) and returns its face's ascent,
/// descent and line gap (zeros for no glyphs: nothing is pushed). The run is cut where the
/// paragraph's merged style changes inside it (a change of paint alone, which does not split
/// items); a glyph cluster across such a change takes the style of its first char. An ellipsis
/// run's glyphs all take the cut's offset as cluster, and the base style. `hang`: where the
/// hanging whitespace starts, and the advance of the glyphs past it. `tabs`: the line's tabs and
/// their widths (a tab glyph's advance is its width: the layout's, not the shaper's).
#[allow(clippy::too_many_arguments)]
fn place_run(
    out: &mut Layout,
    para: &Paragraph,
    request: &ShapeRequest<'_>,
    lr: &LineRun,
    glyphs: &[ShapedGlyph],
    pen: &mut f32,
    hang: Option<(usize, &mut f32)>,
    tabs: &[(usize, f32)],
) -> (f32, f32, f32) {
    if glyphs.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    // One style over the whole run (the usual case): one run, its range the line run's; no
    // pass over the glyphs to find pieces.
    let single = lr.ellipsis || para.style_run_at(lr.range.start).0.end >= lr.range.end;
    let (lo, hi) = if single {
        (0, usize::MAX)
    } else {
        glyphs.iter().fold((usize::MAX, 0), |(lo, hi), g| {
            (lo.min(g.text_offset()), hi.max(g.text_offset()))
        })
    };
    let run = RunPieces {
        para,
        request,
        lr,
        single,
        lo,
        hi,
    };
    let piece = Piece {
        first: out.glyphs.len(),
        x: *pen,
        style: run.style_of(lr.range.start),
    };
    // The rare cases, decided once per run: spacing, and tabs on this line.
    let spaced = para.spacing && !lr.ellipsis;
    let tabs = if lr.ellipsis { &[][..] } else { tabs };
    let piece = if single && !spaced && tabs.is_empty() && !lr.ellipsis {
        place_plain(out, glyphs, pen, hang);
        piece
    } else {
        place_general(&run, out, glyphs, pen, hang, tabs, spaced, piece)
    };
    run.push(out, piece, *pen);
    let m = request.font.metrics(request.size);
    (m.ascent, m.descent, m.line_gap)
}

/// The usual run (one style, no spacing, no tab, not an ellipsis): each glyph as shaped, pen
/// after pen, in one pass that reserves once, noting the hanging advance (added one by one, as
/// the general path does) and whether a glyph is missing.
fn place_plain(out: &mut Layout, glyphs: &[ShapedGlyph], pen: &mut f32, hang: Option<(usize, &mut f32)>) {
    let mut x = *pen;
    let from = hang.as_ref().map_or(usize::MAX, |h| h.0);
    let mut past = hang.as_ref().map_or(0.0, |h| *h.1);
    let mut missing = false;
    // Slots first, then a plain loop over them: the pen, the hanging advance and the missing
    // flag stay in registers. (Extending with a mapping closure kept them in memory across
    // the closure's calls: a store and a reload on the pen's dependency chain, glyph after
    // glyph, a third of a reflow's time.)
    let first = out.glyphs.len();
    out.glyphs.resize(first + glyphs.len(), BLANK);
    for (slot, g) in out.glyphs[first..].iter_mut().zip(glyphs) {
        *slot = place(g, g.cluster, x, g.advance, 0.0);
        x += g.advance;
        if g.text_offset() >= from {
            past += g.advance;
        }
        missing |= g.id == 0;
    }
    if let Some((_, advance_past)) = hang {
        *advance_past = past;
    }
    if missing {
        for g in glyphs.iter().filter(|g| g.id == 0) {
            note_missing(out, g.text_offset());
        }
    }
    *pen = x;
}

/// Any other run: glyph by glyph, with letter and word spacing (`spaced`), tabs at their stops,
/// the ellipsis's clusters, and a new piece wherever the style changes. Returns the piece the
/// last glyph is in (not yet pushed).
#[allow(clippy::too_many_arguments)]
fn place_general(
    run: &RunPieces<'_>,
    out: &mut Layout,
    glyphs: &[ShapedGlyph],
    pen: &mut f32,
    mut hang: Option<(usize, &mut f32)>,
    tabs: &[(usize, f32)],
    spaced: bool,
    mut piece: Piece,
) -> Piece {
    let (para, lr) = (run.para, run.lr);
    // The advance of the current cluster's glyphs so far (spacing is held by it).
    let mut cluster_advance = 0.0f32;
    // The tab cluster whose width is already placed.
    let mut tab_placed: Option<usize> = None;
    for (k, g) in glyphs.iter().enumerate() {
        let cluster = if lr.ellipsis {
            lr.range.start
        } else {
            g.text_offset()
        };
        // A tab's cluster is as wide as the tab (a ZWJ or a mark shaped into it adds nothing):
        // its width goes to the cluster's first glyph placed, the others get none.
        let advance = match tabs.binary_search_by_key(&cluster, |t| t.0) {
            Ok(_) if tab_placed == Some(cluster) => 0.0,
            Ok(k) => {
                tab_placed = Some(cluster);
                tabs[k].1
            }
            _ => g.advance,
        };
        cluster_advance += advance;
        // Letter and word spacing go after a cluster's last glyph (to its right).
        let last_of_cluster = glyphs.get(k + 1).is_none_or(|n| n.cluster != g.cluster);
        let extra = if spaced && last_of_cluster {
            para.spacing_after(cluster, cluster_advance)
        } else {
            0.0
        };
        if last_of_cluster {
            cluster_advance = 0.0;
        }
        if !run.single {
            let style = run.style_of(cluster);
            if style != piece.style && out.glyphs.len() > piece.first {
                run.push(out, piece, *pen);
                piece = Piece {
                    first: out.glyphs.len(),
                    x: *pen,
                    style,
                };
            }
            piece.style = style;
        }
        // A paragraph's text is at most u32::MAX bytes (`check_text_len`).
        out.glyphs.push(place(g, cluster as u32, *pen, advance, extra));
        if g.id == 0 {
            note_missing(out, cluster);
        }
        if let Some((from, advance_past)) = hang.as_mut() {
            if cluster >= *from {
                **advance_past += advance + extra;
            }
        }
        *pen += advance + extra;
    }
    piece
}

/// Where a piece of a run (one style) began: its first glyph, its pen, its style.
#[derive(Debug, Clone, Copy)]
struct Piece {
    first: usize,
    x: f32,
    style: usize,
}

/// What every piece of a run being placed shares: the run, its request, whether it has one
/// style, and the lowest and highest clusters of its glyphs (when it has several).
struct RunPieces<'a> {
    para: &'a Paragraph,
    request: &'a ShapeRequest<'a>,
    lr: &'a LineRun,
    single: bool,
    lo: usize,
    hi: usize,
}

impl RunPieces<'_> {
    /// The style of the glyph at `cluster` (an ellipsis's: the base style).
    fn style_of(&self, cluster: usize) -> usize {
        if self.lr.ellipsis {
            0
        } else {
            self.para.style_index_at(cluster)
        }
    }

    /// Pushes the run of `piece`, from its first glyph to the last one placed, ending at
    /// `end_pen`.
    fn push(&self, out: &mut Layout, piece: Piece, end_pen: f32) {
        let (para, lr) = (self.para, self.lr);
        let (lo, hi) = if self.single {
            (0, usize::MAX)
        } else {
            let clusters = out.glyphs[piece.first..].iter().map(Glyph::text_offset);
            clusters.fold((usize::MAX, 0), |(lo, hi), c| (lo.min(c), hi.max(c)))
        };
        // The piece's text: its style's stretch, within the run, and out to the run's ends for
        // the pieces holding its first and last clusters (chars without glyphs stay in).
        let start = if lo <= self.lo {
            lr.range.start
        } else {
            para.style_run_at(lo).0.start.max(lr.range.start)
        };
        let end = if hi >= self.hi {
            lr.range.end
        } else {
            para.style_run_at(hi).0.end.min(lr.range.end)
        }
        .max(start);
        let (font, language) = reused_font(out, self.request.font, self.request.language);
        out.runs.push(Run {
            range: TextRange::new(if lr.ellipsis { lr.range.clone() } else { start..end }),
            font,
            size: self.request.size,
            level: lr.level,
            script: self.request.script,
            language,
            glyphs: piece.first..out.glyphs.len(),
            x: piece.x,
            width: end_pen - piece.x,
            ellipsis: lr.ellipsis,
            inline_box: false,
            // At most one style per byte of text (see `Run::style`).
            style: piece.style as u32,
            paint: para.styles[piece.style].paint_id(),
        });
    }
}

/// `font` and `language` for a new run: those of the next spare run where they are the same
/// (no reference count changed), clones otherwise.
fn reused_font(out: &mut Layout, font: &Font, language: Option<&Arc<str>>) -> (Font, Option<Arc<str>>) {
    let Some(spare) = out.spare.0.pop() else {
        return (font.clone(), language.cloned());
    };
    let f = if spare.font == *font {
        spare.font
    } else {
        font.clone()
    };
    let l = match (spare.language, language) {
        (Some(old), Some(new)) if Arc::ptr_eq(&old, new) => Some(old),
        _ => language.cloned(),
    };
    (f, l)
}

/// What a glyph slot holds until it is placed (overwritten at once).
const BLANK: Glyph = Glyph {
    id: 0,
    cluster: 0,
    x: 0.0,
    y: 0.0,
    advance: 0.0,
    extra: 0.0,
};

/// The shaped glyph `g` placed with its pen at `pen`, as cluster `cluster` (an ellipsis's glyphs
/// take the cut's offset), with the advance and extra the layout gives it.
#[inline]
fn place(g: &ShapedGlyph, cluster: u32, pen: f32, advance: f32, extra: f32) -> Glyph {
    Glyph {
        id: g.id,
        cluster,
        x: pen + g.dx,
        y: -g.dy,
        advance,
        extra,
    }
}

/// Notes a missing glyph's cluster (once for a cluster of several).
fn note_missing(out: &mut Layout, cluster: usize) {
    if out.missing.last() != Some(&cluster) {
        out.missing.push(cluster);
    }
}

/// Writes the width of each tab of the line `range` into `tabs` (cleared first): the distance
/// from where the line's text before it ends (in logical order, from the line's start) to its
/// stop.
fn line_tabs(para: &Paragraph, range: Range<usize>, tabs: &mut Vec<(usize, f32)>) {
    tabs.clear();
    let Some(stops) = &para.tabs else {
        return;
    };
    if !para.text.as_bytes()[range.clone()].contains(&b'\t') {
        return;
    }
    let advance = |mut x: f32, between: Range<usize>| {
        for pos in between {
            x += para.advance_at[pos];
        }
        x
    };
    para.walk_tabs(stops, range, 0.0, advance, |pos, x, stop| {
        tabs.push((pos, stop - x))
    });
}

#[cfg(test)]
mod tests {
    use super::partition_point_near;

    /// The gallop finds what the standard library's binary search finds, from every guess, on
    /// sorted tables with runs of equal values (clusters of several glyphs), empty and short
    /// ones included, for thresholds below, inside and above the values.
    #[test]
    fn galloping_equals_partition_point() {
        let mut tables: Vec<Vec<u32>> = vec![vec![], vec![5], vec![1, 1, 1]];
        let mut seed = 7u32;
        for len in [2usize, 3, 17, 64, 200] {
            let mut v = Vec::with_capacity(len);
            let mut x = 0;
            for _ in 0..len {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                x += (seed >> 16) % 3; // steps of 0, 1 or 2
                v.push(x);
            }
            tables.push(v);
        }
        for v in &tables {
            let top = v.last().copied().unwrap_or(0) + 2;
            for threshold in 0..=top {
                let expected = v.partition_point(|&x| x < threshold);
                for guess in 0..=v.len() {
                    assert_eq!(
                        partition_point_near(v, guess, |&x| x < threshold),
                        expected,
                        "{v:?} < {threshold} from {guess}"
                    );
                }
            }
        }
    }
}
