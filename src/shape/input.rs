//! What both backends share: how an item's text is fed to the shaper (tabs as spaces, the Hebrew
//! compose workaround, the word path's sentinels), what is taken out of its answer again, and
//! the scaling of font units to pixels.

use super::request::{RawGlyph, ShapeRequest, ShapedGlyph};

/// Plans are few (faces × directions × scripts × languages × feature sets); past this many the
/// cache is cleared rather than grown, so hostile style churn cannot exhaust memory.
pub(super) const MAX_PLANS: usize = 256;

/// A tab is shaped as a space this many spaces wide: the paragraph's width-independent advance
/// of a tab. Where it falls on its line decides its real width (`tabs.rs`): line breaking,
/// intrinsic widths and positioning put it at its stop.
pub(super) const TAB_SPACES: f32 = 4.0;

/// Appends `glyphs` scaled to the request's size, clusters made paragraph offsets.
#[inline]
pub(super) fn push_scaled(req: &ShapeRequest<'_>, glyphs: &[RawGlyph], out: &mut Vec<ShapedGlyph>) {
    let scale = req.font.scale(req.size);
    out.extend(glyphs.iter().map(|g| ShapedGlyph {
        id: g.id,
        // Texts are checked to be at most u32::MAX bytes long (`check_text_len`).
        cluster: req.range.start as u32 + g.cluster,
        advance: g.x_advance as f32 * scale,
        dx: g.x_offset as f32 * scale,
        dy: g.y_offset as f32 * scale,
        unsafe_to_break: g.unsafe_to_break,
    }));
}

/// Feeds `item` char by char (cluster = byte offset) to `push`, with tabs as spaces and, when
/// `compose_fix` is set, the Hebrew compositions of HarfBuzz rather than rustybuzz 0.20's.
///
/// rustybuzz 0.20's Hebrew shaper, for a font without GPOS mark positioning, composes yod +
/// patah (U+05D9 U+05B7) into U+FB1F YIDDISH YOD YOD PATAH, a different letter, and leaves
/// U+05F2 U+05B7 apart; its table names U+05D9 where HarfBuzz's names U+05F2. Here U+05F2 U+05B7
/// is composed up front, as HarfBuzz does, and a CGJ (U+034F, a starter that blocks composition
/// and is hidden by the shaper) keeps yod and patah apart; `joined` gets the yods' offsets so
/// that the CGJ's glyph can be dropped after shaping.
pub(super) fn push_adjusted(
    item: &str,
    compose_fix: bool,
    sentinels: bool,
    joined: &mut Vec<usize>,
    mut push: impl FnMut(char, u32),
) {
    // With sentinels every cluster moves up one, past the leading sentinel's 0.
    let shift = u32::from(sentinels);
    if sentinels {
        push(SENTINEL, 0);
    }
    let mut chars = item.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let cluster = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(shift);
        let before_patah = compose_fix && chars.peek().is_some_and(|&(_, n)| n == '\u{05B7}');
        match c {
            '\t' => push(' ', cluster),
            '\u{05F2}' if before_patah => {
                push('\u{FB1F}', cluster);
                chars.next();
            }
            '\u{05D9}' if before_patah => {
                push(c, cluster);
                let patah = chars.peek().map_or(i, |&(j, _)| j);
                push(
                    '\u{034F}',
                    u32::try_from(patah).unwrap_or(u32::MAX).saturating_add(shift),
                );
                joined.push(i + shift as usize);
            }
            _ => push(c, cluster),
        }
    }
    if sentinels {
        push(
            SENTINEL,
            u32::try_from(item.len()).unwrap_or(u32::MAX).saturating_add(1),
        );
    }
}

/// What the word path puts before and after a word it shapes alone (see `words.rs`): a
/// private-use char of plane 16, which no font covers, so `.notdef`, a base glyph no lookup
/// starts at. A lookup that reads across either end of the word flags its glyph unsafe to
/// concat.
pub(crate) const SENTINEL: char = '\u{10FFFD}';

/// Whether an item must go through [`push_adjusted`] rather than be pushed as it is.
pub(super) fn needs_adjusting(item: &str, compose_fix: bool) -> bool {
    item.contains('\t') || (compose_fix && item.contains('\u{05B7}'))
}

/// Drops the hidden CGJ glyphs `push_adjusted` caused: zero-advance `space` glyphs in the
/// clusters of the yods it kept apart from their patah.
pub(super) fn drop_joiners(
    space: Option<u16>,
    joined: &mut Vec<usize>,
    glyphs: &mut Vec<RawGlyph>,
    first: usize,
) {
    if joined.is_empty() {
        return;
    }
    let mut k = 0;
    glyphs.retain(|g| {
        k += 1;
        if k <= first {
            return true;
        }
        if Some(g.id) != space || g.x_advance != 0 {
            return true;
        }
        match joined.iter().position(|&c| c == g.cluster as usize) {
            Some(j) => {
                joined.swap_remove(j);
                false
            }
            None => true,
        }
    });
}

/// A tab is shaped as a space; it advances [`TAB_SPACES`] spaces.
#[inline]
pub(super) fn widen_tabs(req: &ShapeRequest<'_>, first: usize, out: &mut [ShapedGlyph]) {
    if !req.text[req.range.clone()].contains('\t') {
        return;
    }
    let bytes = req.text.as_bytes();
    for g in &mut out[first..] {
        if bytes.get(g.cluster as usize) == Some(&b'\t') {
            g.advance *= TAB_SPACES;
        }
    }
}
