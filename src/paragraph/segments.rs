//! What line breaking measures, prepared once per paragraph: each byte's advance and flags,
//! the segments between break opportunities (a word and the spaces after it), the hyphen each
//! soft hyphen shows at a line's end, and the ellipsis a truncated line shows.

use std::ops::Range;
use std::sync::Arc;

use super::itemize::Item;
use crate::font::Font;
use crate::style::TextStyle;
use crate::text::chars::hanging_start;
use crate::text::{BreakOpportunity, TextRange};

/// Bit set in [`Paragraph`](crate::Paragraph)'s per-byte flags where a glyph cluster starts.
pub(crate) const CLUSTER_START: u8 = 1;
/// Bit set where the glyph starting a cluster is unsafe to break at.
pub(crate) const UNSAFE_TO_BREAK: u8 = 2;

/// The stretch between two break opportunities: a word and the spaces after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Segment {
    /// Its byte range: a paragraph keeps one segment per word, and 20 bytes rather than 32
    /// each is 2 % of a cold layout's heap.
    range: TextRange,
    /// Advance of everything in the segment.
    pub width: f32,
    /// Advance of the whitespace it ends with, which may hang past a line's edge.
    pub hang: f32,
    /// A line must end after this segment.
    pub mandatory: bool,
    /// It holds a tab (in its trailing whitespace: a break follows every tab), whose advance
    /// depends on where the segment starts.
    pub tabs: bool,
}

impl Segment {
    /// Its byte range in the paragraph's text.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.range.get()
    }

    /// Moves it `by` bytes along the text (an edit before it changed the text's length).
    pub fn shift(&mut self, by: isize) {
        self.range.shift(by);
    }
}

/// The hyphen shown where a line breaks at a soft hyphen (U+00AD): UAX #14 class BA, and the
/// Unicode Standard (§23.2) says a hyphen appears at the break. It is U+2010 HYPHEN, or U+002D
/// where the face lacks it, from the face of the soft hyphen's item, or from the first face of its
/// stack that has one: what Pango 1.50 draws (its shaper inserts U+2010 or '-' whatever the
/// script; checked for Yiddish words with Noto Serif Hebrew) and what CSS `hyphenate-character:
/// auto` gives in Chromium. Measured once per paragraph so that reflow does not shape it.
/// (A break at an automatic hyphenation point shows the same hyphen, from the face of the letter
/// before it: `auto` records.)
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SoftHyphen {
    /// Byte offset of the U+00AD; of the break itself for an automatic point.
    pub pos: usize,
    /// Index of the face into the paragraph's faces.
    pub font: usize,
    pub size: f32,
    pub glyph: u16,
    pub advance: f32,
    /// A hyphenation point (no U+00AD in the text: the hyphen is added after the line's text).
    pub auto: bool,
}

impl SoftHyphen {
    /// Where a line showing this hyphen ends.
    pub fn end(&self) -> usize {
        if self.auto {
            self.pos
        } else {
            self.pos + '\u{AD}'.len_utf8()
        }
    }
}

/// The hyphen each soft hyphen of `text` (but in `hyphens: none` stretches) and each automatic
/// hyphenation point of `points` would show at a line end (see [`SoftHyphen`]), ordered by where
/// their lines end.
pub(crate) fn soft_hyphens(
    text: &str,
    points: &[usize],
    items: &[Item],
    stacks: &[Vec<usize>],
    fonts: &[Font],
    styles: &[TextStyle],
) -> Vec<SoftHyphen> {
    let mut out = Vec::new();
    let shy = text.match_indices('\u{AD}').map(|(pos, _)| (pos, pos, false));
    // An automatic point's hyphen comes from the face of the char before it.
    let auto = points
        .iter()
        .map(|&p| (p, text[..p].char_indices().next_back().map_or(0, |c| c.0), true));
    for (pos, at, is_auto) in shy.chain(auto) {
        let Some(item) = items.iter().find(|it| it.range.contains(&at)) else {
            continue;
        };
        if !is_auto && styles[item.style].hyphens_mode() == crate::style::Hyphens::None {
            continue;
        }
        let size = styles[item.style].font_size();
        let faces = std::iter::once(item.font).chain(stacks[item.style].iter().copied());
        let found = faces
            .filter_map(|f| fonts.get(f).map(|font| (f, font)))
            .find_map(|(f, font)| {
                ['\u{2010}', '-']
                    .iter()
                    .find_map(|&c| font.char_glyph(c, size))
                    .map(|(glyph, advance)| SoftHyphen {
                        pos,
                        font: f,
                        size,
                        glyph,
                        advance,
                        auto: is_auto,
                    })
            });
        out.extend(found);
    }
    out.sort_by_key(SoftHyphen::end);
    out
}

/// The segments of `text`: one per break opportunity, with its advance and what hangs.
pub(crate) fn segments(text: &str, breaks: &[BreakOpportunity], advance_at: &[f32]) -> Vec<Segment> {
    let mut out = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for b in breaks {
        if b.pos <= start {
            continue;
        }
        let range = start..b.pos;
        let width: f32 = advance_at[range.clone()].iter().sum();
        let hang: f32 = advance_at[hanging_start(text, range.clone())..b.pos].iter().sum();
        let tabs = text.as_bytes()[range.clone()].contains(&b'\t');
        out.push(Segment {
            range: TextRange::new(range),
            width,
            hang,
            mandatory: b.mandatory,
            tabs,
        });
        start = b.pos;
    }
    out
}

/// The string a truncated line shows, and the face it is shaped with (see
/// [`ParagraphBuilder::ellipsis`](crate::ParagraphBuilder::ellipsis)). Shaped only when a layout truncates, through the shape cache.
#[derive(Debug, Clone)]
pub(crate) struct Ellipsis {
    pub text: Arc<str>,
    /// Index of the face into the paragraph's faces.
    pub font: usize,
}

impl Ellipsis {
    pub fn new(asked: Option<Arc<str>>, stack: &[usize], fonts: &[Font]) -> Ellipsis {
        static DEFAULT: std::sync::OnceLock<Arc<str>> = std::sync::OnceLock::new();
        static STOPS: std::sync::OnceLock<Arc<str>> = std::sync::OnceLock::new();
        let text = asked.unwrap_or_else(|| DEFAULT.get_or_init(|| "\u{2026}".into()).clone());
        // The faces' coverage tables, not their cmaps: this runs for every paragraph built.
        let covers = |t: &str, f: usize| t.chars().all(|c| fonts[f].covers(c));
        let first = stack.first().copied().unwrap_or(0);
        if let Some(&f) = stack.iter().find(|&&f| covers(&text, f)) {
            return Ellipsis { text, font: f };
        }
        let stops = STOPS.get_or_init(|| "...".into()).clone();
        match stack.iter().find(|&&f| covers(&stops, f)) {
            Some(&f) => Ellipsis { text: stops, font: f },
            None => Ellipsis { text, font: first },
        }
    }
}
