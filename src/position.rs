//! Positioning: turns each line's visually ordered runs into glyphs with x and y, aligns the line,
//! and stacks lines by their faces' metrics.
//!
//! A run that is only part of an item takes its glyphs from the item's shaped glyphs when both cut
//! points are safe to break; otherwise (rustybuzz flagged the glyph at the cut unsafe to break, or
//! the cut falls inside a cluster) that part is reshaped on its own, as HarfBuzz's documentation
//! prescribes.

use crate::layout::{
    Alignment, Glyph, Layout, LayoutOptions, Line, LineBreaking, LineHeight, Run, TextWrap, Truncate,
};
use crate::line_break::{break_lines, break_lines_optimal, Measure};
use crate::paragraph::{LayoutContext, Paragraph, Scratch};
use crate::reorder::{reorder_line, LineRun};
use crate::shape::{ShapeRequest, ShapedGlyph, Shaper};
use crate::text::chars::ends_with_hard_break;
use crate::text::TextRange;
use crate::truncate::{cut_line, reorder_cut};

/// The glyphs of an item whose clusters lie in `range`, left to right.
fn item_slice<'p>(para: &'p Paragraph, item: usize, range: &std::ops::Range<usize>) -> &'p [ShapedGlyph] {
    let it = &para.items[item];
    let glyphs = &para.glyphs[it.glyphs.clone()];
    // Clusters rise left to right in a left-to-right item and fall in a right-to-left one.
    let (from, to) = if it.level.is_multiple_of(2) {
        (
            glyphs.partition_point(|g| g.text_offset() < range.start),
            glyphs.partition_point(|g| g.text_offset() < range.end),
        )
    } else {
        (
            glyphs.partition_point(|g| g.text_offset() >= range.end),
            glyphs.partition_point(|g| g.text_offset() >= range.start),
        )
    };
    glyphs.get(from..to.max(from)).unwrap_or(&[])
}

pub(crate) fn layout_paragraph(
    para: &Paragraph,
    cx: &mut LayoutContext,
    options: &LayoutOptions,
    out: &mut Layout,
) {
    let LayoutContext { shaper, scratch, .. } = cx;
    // Reflow into the same layout keeps the same text: skip the reference count's atomics.
    if !std::sync::Arc::ptr_eq(&out.text, &para.text) {
        out.text = para.text.clone();
    }
    // Without wrapping, the layout is as wide as its widest line (hanging whitespace left out).
    let width = if options.wraps() {
        options.width()
    } else {
        para.max_content_width()
    };
    out.width = width;
    out.direction = Some(para.direction());
    // Truncation without a line limit cuts instead of wrapping.
    let wraps = options.wraps() && (options.truncation().is_none() || options.max_lines_value().is_some());
    let max = if wraps { width } else { f32::INFINITY };
    let overflow = options.overflow_wrap_mode();
    let mode = options.text_wrap_mode();
    let optimal = wraps && max.is_finite() && options.breaking_mode() == LineBreaking::Optimal;
    if optimal
        && mode != TextWrap::Balance
        && break_lines_optimal(
            para,
            shaper,
            max,
            overflow,
            mode == TextWrap::Pretty,
            &mut scratch.optimal,
            &mut scratch.line_ranges,
        )
    {
        // Chosen together; a `false` (a line reshaped too wide) falls through to first fit.
    } else if mode == TextWrap::Pretty && wraps {
        let mut tail = std::mem::take(&mut scratch.tail_ranges);
        crate::line_break::break_lines_pretty(
            para,
            shaper,
            max,
            overflow,
            &mut scratch.line_ranges,
            &mut tail,
        );
        scratch.tail_ranges = tail;
    } else {
        let max = if mode == TextWrap::Balance && wraps {
            crate::line_break::wrap_width(para, shaper, max, overflow, scratch)
        } else {
            max
        };
        break_lines(para, shaper, max, overflow, &mut scratch.line_ranges);
    }
    let mut line_ranges = std::mem::take(&mut scratch.line_ranges);
    scratch.cuts.clear();
    if options.max_lines_value().is_some() || options.truncation().is_some() {
        truncate(para, shaper, scratch, options, width, &mut line_ranges);
        out.elided.extend(
            scratch
                .cuts
                .iter()
                .map(|(_, c)| c.elided())
                .filter(|r| !r.is_empty()),
        );
        if !scratch.cuts.is_empty() {
            out.ellipsis = Some(para.ellipsis.text.clone());
        }
    }
    // A fresh layout grows once, not by doubling glyph by glyph (a reused one has the room).
    out.glyphs.reserve(para.glyphs.len() + 8);
    out.runs.reserve(para.items.len() + 2 * line_ranges.len());
    out.lines.reserve(line_ranges.len());
    let mut y = 0.0f32;
    let mut next_cut = 0;

    for (index, line_range) in line_ranges.iter().enumerate() {
        // A cut line shows its pieces around the ellipsis; its logical end is its last piece's.
        let cut = match scratch.cuts.get(next_cut) {
            Some((i, c)) if *i == index => {
                next_cut += 1;
                Some(c.clone())
            }
            _ => None,
        };
        let (hyphen, shown_end) = match &cut {
            Some(c) => {
                reorder_cut(para, c, scratch);
                (None, if c.b.is_empty() { c.a.end } else { c.b.end })
            }
            None => {
                let hyphen = para.hyphen_at_line_end(line_range.end).copied();
                reorder_line(para, line_range.clone(), hyphen.is_some(), scratch);
                (hyphen, line_range.end)
            }
        };
        let rtl = para.paragraph_level_at(line_range.start) % 2 == 1;
        // Rule L1's reset range at the very end of the line is the whitespace that hangs.
        let hang_start = match scratch.reset.last() {
            Some(r) if r.end == shown_end => r.start,
            _ => shown_end,
        };
        line_tabs(para, line_range.clone(), &mut scratch.tab_widths);
        let first_run = out.runs.len();
        let first_glyph = out.glyphs.len();
        let (mut pen, mut hang) = (0.0f32, 0.0f32);
        let (mut ascent, mut descent, mut gap) = (0.0f32, 0.0f32, 0.0f32);
        let mut largest_size = 0.0f32;

        for lr in &scratch.line_runs {
            // A cut line's ellipsis: shaped once per layout, every glyph at the cut.
            if lr.ellipsis {
                let request = para.ellipsis_request();
                let (a, d, g) = place_run(out, para, &request, lr, &scratch.ellipsis, &mut pen, None, &[]);
                (ascent, descent, gap) = (ascent.max(a), descent.max(d), gap.max(g));
                largest_size = largest_size.max(request.size);
                continue;
            }
            let item = &para.items[lr.item];
            let request = para.request(item, lr.range.clone(), lr.level);
            if let (true, Some(h)) = (lr.hyphen, hyphen) {
                // The soft hyphen a line ends at, drawn as the hyphen measured for it.
                let font = &para.fonts[h.font];
                out.glyphs.push(Glyph {
                    id: h.glyph,
                    cluster: h.pos as u32,
                    x: pen,
                    y: 0.0,
                    advance: h.advance,
                    extra: 0.0,
                });
                out.runs.push(Run {
                    range: TextRange::new(lr.range.clone()),
                    font: font.clone(),
                    size: h.size,
                    level: lr.level,
                    script: request.script,
                    language: request.language.cloned(),
                    glyphs: out.glyphs.len() - 1..out.glyphs.len(),
                    x: pen,
                    width: h.advance,
                    ellipsis: false,
                    style: para.style_index_at(h.pos) as u32,
                    paint: para.styles[para.style_index_at(h.pos)].paint_id(),
                });
                let m = font.metrics(h.size);
                ascent = ascent.max(m.ascent);
                descent = descent.max(m.descent);
                gap = gap.max(m.line_gap);
                pen += h.advance;
                continue;
            }
            // Rule L1 can turn part of an item into a run of the other direction: reshape it,
            // unless it is plain spaces (the usual case: a wrapped line's trailing space), whose
            // glyphs are the same either way round, one per space.
            let same_direction = lr.level % 2 == item.level % 2;
            let exact = para.slice_is_exact(item, &lr.range);
            let glyphs: &[ShapedGlyph] = if same_direction && exact {
                item_slice(para, lr.item, &lr.range)
            } else if exact && para.text[lr.range.clone()].bytes().all(|b| b == b' ') {
                scratch.glyphs.clear();
                scratch
                    .glyphs
                    .extend(item_slice(para, lr.item, &lr.range).iter().rev());
                &scratch.glyphs
            } else {
                scratch.glyphs.clear();
                shaper.shape(&request, &mut scratch.glyphs);
                &scratch.glyphs
            };
            let (a, d, g) = place_run(
                out,
                para,
                &request,
                lr,
                glyphs,
                &mut pen,
                Some((hang_start, &mut hang)),
                &scratch.tab_widths,
            );
            (ascent, descent, gap) = (ascent.max(a), descent.max(d), gap.max(g));
            if !glyphs.is_empty() {
                largest_size = largest_size.max(request.size);
            }
        }
        if out.runs.len() == first_run {
            // A line with nothing to draw (an empty paragraph, a blank line) still has a height.
            let m = empty_line_metrics(para, line_range.start);
            (ascent, descent, gap) = (m.ascent, m.descent, m.line_gap);
        }

        let mut content = pen - hang;
        // A justified line (not the last, not ending at a hard break, not cut) takes its slack
        // into its spaces; the others stay at the start edge.
        let last = index + 1 == line_ranges.len();
        if options.alignment() == Alignment::Justify
            && !last
            && cut.is_none()
            && !ends_with_hard_break(&para.text[line_range.clone()])
        {
            content += justify(para, out, first_run, first_glyph, hang_start, width - content);
        }
        let free = width - content;
        let x = match (options.alignment(), rtl) {
            (Alignment::Left, _)
            | (Alignment::Start | Alignment::Justify, false)
            | (Alignment::End, true) => 0.0,
            (Alignment::Right, _)
            | (Alignment::Start | Alignment::Justify, true)
            | (Alignment::End, false) => free,
            (Alignment::Center, _) => free / 2.0,
        };
        // Hanging whitespace sits at the line's end: the left side of a right-to-left line.
        let shift = if rtl { x - hang } else { x };
        let natural = ascent + descent + gap;
        let height = match options.line_height_mode_value() {
            LineHeight::Natural(f) => natural * f,
            LineHeight::FontSize(f) => {
                let size = if largest_size > 0.0 {
                    largest_size
                } else {
                    empty_line_size(para, line_range.start)
                };
                size * f
            }
            LineHeight::Px(px) => px,
            LineHeight::Uniform(f) => {
                let m = para.fonts[para.primary_font[0]].metrics(para.styles[0].font_size());
                (m.ascent + m.descent + m.line_gap) * f
            }
        };
        // A fixed pitch keeps a baseline grid: the baseline sits where the paragraph's first face
        // puts it (CSS's strut), whatever faces the line holds.
        let (a, d) = match options.line_height_mode_value() {
            LineHeight::Px(_) | LineHeight::Uniform(_) => {
                let m = para.fonts[para.primary_font[0]].metrics(para.styles[0].font_size());
                (m.ascent, m.descent)
            }
            _ => (ascent, descent),
        };
        let baseline = y + (height - (a + d)) / 2.0 + a;
        for g in &mut out.glyphs[first_glyph..] {
            g.x += shift;
            g.y += baseline;
        }
        for r in &mut out.runs[first_run..] {
            r.x += shift;
        }
        crate::decoration::decorate_line(para, out, out.lines.len(), first_run, hang_start, baseline);
        out.lines.push(Line {
            range: line_range.clone(),
            top: y,
            height,
            baseline,
            ascent,
            descent,
            x,
            width: content,
            level: para.paragraph_level_at(line_range.start),
            runs: first_run..out.runs.len(),
        });
        y += height;
    }
    out.height = y;
    scratch.line_ranges = line_ranges;
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
    mut hang: Option<(usize, &mut f32)>,
    tabs: &[(usize, f32)],
) -> (f32, f32, f32) {
    if glyphs.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let style_of = |cluster: usize| {
        if lr.ellipsis {
            0
        } else {
            para.style_index_at(cluster)
        }
    };
    // One style over the whole run (the usual case): one run, its range the line run's; no
    // pass over the glyphs to find pieces.
    let single = lr.ellipsis || para.style_end(lr.range.start) >= lr.range.end;
    let (run_lo, run_hi) = if single {
        (0, usize::MAX)
    } else {
        glyphs.iter().fold((usize::MAX, 0), |(lo, hi), g| {
            (lo.min(g.text_offset()), hi.max(g.text_offset()))
        })
    };
    // Where the current piece (one style) began: its first glyph, pen and style.
    let mut piece = (out.glyphs.len(), *pen, style_of(lr.range.start));
    let push_run = |out: &mut Layout, piece: (usize, f32, usize), end_pen: f32| {
        let (first, x, style) = piece;
        let (lo, hi) = if single {
            (0, usize::MAX)
        } else {
            let clusters = out.glyphs[first..].iter().map(Glyph::text_offset);
            clusters.fold((usize::MAX, 0), |(lo, hi), c| (lo.min(c), hi.max(c)))
        };
        // The piece's text: its style's stretch, within the run, and out to the run's ends for
        // the pieces holding its first and last clusters (chars without glyphs stay in).
        let start = if lo <= run_lo {
            lr.range.start
        } else {
            para.style_start(lo).max(lr.range.start)
        };
        let end = if hi >= run_hi {
            lr.range.end
        } else {
            para.style_end(hi).min(lr.range.end)
        }
        .max(start);
        out.runs.push(Run {
            range: TextRange::new(if lr.ellipsis { lr.range.clone() } else { start..end }),
            font: request.font.clone(),
            size: request.size,
            level: lr.level,
            script: request.script,
            language: request.language.cloned(),
            glyphs: first..out.glyphs.len(),
            x,
            width: end_pen - x,
            ellipsis: lr.ellipsis,
            // At most one style per byte of text (see `Run::style`).
            style: style as u32,
            paint: para.styles[style].paint_id(),
        });
    };
    // The rare cases, decided once per run: spacing, and tabs on this line.
    let spaced = para.spacing && !lr.ellipsis;
    let tabs = if lr.ellipsis { &[][..] } else { tabs };
    let tabbed = !tabs.is_empty();
    if single && !spaced && !tabbed && !lr.ellipsis {
        // The usual run (one style, no spacing, no tab, not an ellipsis): each glyph as shaped,
        // pen after pen, in one pass that reserves once, noting the hanging advance (added one
        // by one, as the general path does) and whether a glyph is missing.
        let mut x = *pen;
        let from = hang.as_ref().map_or(usize::MAX, |h| h.0);
        let mut past = hang.as_ref().map_or(0.0, |h| *h.1);
        let mut missing = false;
        out.glyphs.extend(glyphs.iter().map(|g| {
            let placed = place(g, g.cluster, x, g.advance, 0.0);
            x += g.advance;
            if g.text_offset() >= from {
                past += g.advance;
            }
            missing |= g.id == 0;
            placed
        }));
        if let Some((_, advance_past)) = hang {
            *advance_past = past;
        }
        if missing {
            for g in glyphs.iter().filter(|g| g.id == 0) {
                note_missing(out, g.text_offset());
            }
        }
        *pen = x;
        push_run(out, piece, *pen);
        let m = request.font.metrics(request.size);
        return (m.ascent, m.descent, m.line_gap);
    }
    for (k, g) in glyphs.iter().enumerate() {
        let cluster = if lr.ellipsis {
            lr.range.start
        } else {
            g.text_offset()
        };
        // Letter and word spacing go after a cluster's last glyph (to its right).
        let extra = if spaced && glyphs.get(k + 1).is_none_or(|n| n.cluster != g.cluster) {
            para.spacing_after(cluster)
        } else {
            0.0
        };
        if !single {
            let style = style_of(cluster);
            if style != piece.2 && out.glyphs.len() > piece.0 {
                push_run(out, piece, *pen);
                piece = (out.glyphs.len(), *pen, style);
            }
            piece.2 = style;
        }
        let advance = match tabs.binary_search_by_key(&cluster, |t| t.0) {
            Ok(k) if tabbed => tabs[k].1,
            _ => g.advance,
        };
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
    push_run(out, piece, *pen);
    let m = request.font.metrics(request.size);
    (m.ascent, m.descent, m.line_gap)
}

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

/// Gives `slack` px to the inter-word spaces of the line whose runs and glyphs start at
/// `first_run` and `first_glyph` (U+0020 glyphs before the hanging whitespace at `hang_start`,
/// each its own cluster), in equal shares, moving everything after each to the right. Returns
/// the width added: `slack`, or 0 where there is no such space or no slack.
fn justify(
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

/// Writes the width of each tab of the line `range` into `tabs` (cleared first): the distance
/// from where the line's text before it ends (in logical order, from the line's start) to its
/// stop.
fn line_tabs(para: &Paragraph, range: std::ops::Range<usize>, tabs: &mut Vec<(usize, f32)>) {
    tabs.clear();
    if para.tabs.is_none() || !para.text.as_bytes()[range.clone()].contains(&b'\t') {
        return;
    }
    let mut x = 0.0f32;
    for pos in range {
        if para.text.as_bytes()[pos] == b'\t' {
            let stop = para.next_tab_stop(x);
            tabs.push((pos, stop - x));
            x = stop;
        } else {
            x += para.advance_at[pos];
        }
    }
}

/// Cuts the lines that truncation shortens (recording each in `scratch.cuts`): with a line limit,
/// drops the lines past it and cuts the last kept one; else cuts every line wider than `width`.
fn truncate(
    para: &Paragraph,
    shaper: &mut Shaper,
    scratch: &mut Scratch,
    options: &LayoutOptions,
    width: f32,
    lines: &mut Vec<std::ops::Range<usize>>,
) {
    let limit = options.max_lines_value();
    if limit.is_some_and(|n| lines.len() <= n) {
        return;
    }
    scratch.ellipsis.clear();
    shaper.shape(&para.ellipsis_request(), &mut scratch.ellipsis);
    let ellipsis: f32 = scratch.ellipsis.iter().map(|g| g.advance).sum();
    let mode = options.truncation().unwrap_or_default();
    let at = options.truncation_at();
    let mut measure = Measure::new(para, shaper);
    if let Some(n) = limit {
        lines.truncate(n);
        let last = n - 1;
        let line = lines[last].clone();
        if let Some(cut) = cut_line(
            para,
            &mut measure,
            line,
            width,
            ellipsis,
            Truncate::End,
            at,
            true,
            &mut scratch.stops,
        ) {
            lines[last] = cut.a.clone();
            scratch.cuts.push((last, cut));
        }
        return;
    }
    for (index, line) in lines.iter().enumerate() {
        if let Some(cut) = cut_line(
            para,
            &mut measure,
            line.clone(),
            width,
            ellipsis,
            mode,
            at,
            false,
            &mut scratch.stops,
        ) {
            scratch.cuts.push((index, cut));
        }
    }
}

/// The font size of the style at `pos` (for a line with nothing to draw).
fn empty_line_size(para: &Paragraph, pos: usize) -> f32 {
    let style = para
        .items
        .partition_point(|it| it.range.start <= pos)
        .checked_sub(1)
        .map_or(0, |i| para.items[i].style);
    para.styles[style].font_size()
}

fn empty_line_metrics(para: &Paragraph, pos: usize) -> crate::font::FontMetrics {
    let style = para
        .items
        .partition_point(|it| it.range.start <= pos)
        .checked_sub(1)
        .map_or(0, |i| para.items[i].style);
    let size = para.styles[style].font_size();
    para.fonts[para.primary_font[style]].metrics(size)
}
