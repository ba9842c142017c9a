//! The width-independent result: a [`Paragraph`] is analysed, itemised and shaped once, then laid
//! out at any number of widths without reshaping (but where a line breaks at a glyph the shaper
//! marked unsafe to break).

use std::ops::Range;

use crate::error::{check_range, Error};
use crate::font::Font;
use crate::font::FontBook;
use crate::itemize::{itemize, slices_need_reshaping, Item};
use crate::layout::{Layout, LayoutOptions};
use crate::shape::{ShapeCacheStats, ShapeRequest, ShapedGlyph, Shaper, ShapingBackend};
use crate::style::span::resolve_styles;
use crate::style::tabs::ResolvedTabs;
use crate::style::{SpanStyle, TabStops, TextStyle, DEFAULT_HEBREW_LANGUAGE};
use crate::text::analysis::ScriptRun;
use crate::text::chars::{hanging_start, is_word_separator, takes_no_spacing};
use crate::text::BreakOpportunity;
use crate::text::{Analysis, BaseDirection, BidiLevels, Direction, TextRange};

/// Reusable state for building and laying out paragraphs: shape plans, the shaper's buffer and
/// scratch space. Keep one per thread and pass it to every call; it makes repeated work cheap.
#[derive(Default)]
pub struct LayoutContext {
    pub(crate) shaper: Shaper,
    pub(crate) scratch: Scratch,
    pub(crate) build: BuildBuffers,
}

/// Tables paragraph building needs and the paragraph does not keep, reused from one paragraph to
/// the next (a cold article built in one context then allocates only what its paragraphs keep).
#[derive(Default)]
pub(crate) struct BuildBuffers {
    /// Each style's faces, as indexes into the paragraph's faces (entries past the paragraph's
    /// style count are spares).
    stacks: Vec<Vec<usize>>,
    scripts: Vec<ScriptRun>,
    breaks: Vec<BreakOpportunity>,
}

/// Buffers reused by every layout so that re-layout does not allocate once warm.
#[derive(Default)]
pub(crate) struct Scratch {
    pub line_ranges: Vec<Range<usize>>,
    pub line_runs: Vec<crate::reorder::LineRun>,
    pub logical_runs: Vec<crate::reorder::LineRun>,
    /// Rule L2's visual order of a line's runs.
    pub order: Vec<usize>,
    pub reset: Vec<Range<usize>>,
    pub glyphs: Vec<ShapedGlyph>,
    /// A cut line's first piece, while the second is reordered.
    pub piece_runs: Vec<crate::reorder::LineRun>,
    /// The cut lines of a truncated layout: (line index, cut).
    pub cuts: Vec<(usize, crate::truncate::Cut)>,
    /// Candidate cut offsets of one line.
    pub stops: Vec<usize>,
    /// The last lines broken again ([`TextWrap::Pretty`](crate::TextWrap::Pretty)).
    pub tail_ranges: Vec<Range<usize>>,
    /// The ellipsis, shaped for the current layout.
    pub ellipsis: Vec<ShapedGlyph>,
    /// The tables of optimal line breaking.
    pub optimal: crate::line_break::OptimalScratch,
    /// Each tab of the current line: (offset, width to its stop).
    pub tab_widths: Vec<(usize, f32)>,
}

impl LayoutContext {
    /// A fresh context, with the default shaping backend ([`ShapingBackend::from_env`]).
    pub fn new() -> LayoutContext {
        LayoutContext::default()
    }

    /// A fresh context that shapes with `backend`.
    ///
    /// ```
    /// use shrift::{LayoutContext, ShapingBackend};
    /// let cx = LayoutContext::with_backend(ShapingBackend::Rustybuzz);
    /// assert_eq!(cx.backend(), ShapingBackend::Rustybuzz);
    /// ```
    pub fn with_backend(backend: ShapingBackend) -> LayoutContext {
        LayoutContext {
            shaper: Shaper::new(backend),
            scratch: Scratch::default(),
            build: BuildBuffers::default(),
        }
    }

    /// The shaping backend in use.
    pub fn backend(&self) -> ShapingBackend {
        self.shaper.backend()
    }

    /// Hits, misses, entries and bytes of the shape cache this context keeps: the shaper's
    /// answers (in font units, any size) for every item it shaped, reused glyph for glyph when
    /// the same text, context, face and settings come again (a paragraph rebuilt, a repeated
    /// label).
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let style = TextStyle::new("Noto Sans Hebrew, Noto Sans");
    /// Paragraph::new("אַ ביסל text", style.clone(), &book, &mut cx)?;
    /// let calls = cx.shaper_calls();
    /// Paragraph::new("אַ ביסל text", style.size(30.0), &book, &mut cx)?; // another size: same answers
    /// assert_eq!(cx.shaper_calls(), calls);
    /// assert!(cx.shape_cache_stats().hits >= 1);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn shape_cache_stats(&self) -> ShapeCacheStats {
        self.shaper.cache.stats()
    }

    /// Sets the shape cache's byte budget (default [`DEFAULT_SHAPE_CACHE_BYTES`](crate::DEFAULT_SHAPE_CACHE_BYTES), 4 MiB); past it
    /// the least recently used entries go (the cache's storage stays within about twice the
    /// budget). 0 turns the cache off and frees its storage.
    pub fn set_shape_cache_budget(&mut self, bytes: usize) {
        self.shaper.cache.set_budget(bytes);
    }

    /// Turns the word cache on or off (default off). With it on, an item the cache does not
    /// have is shaped as its words (each with the spaces after it), each word taken from the
    /// cache or shaped alone, wherever HarfBuzz's unsafe-to-concat flags show that this gives
    /// exactly what shaping the whole item gives (else the item is shaped whole); words of
    /// Latin, Greek, Cyrillic, Armenian, Georgian and Hebrew script and of Common chars only.
    ///
    /// It pays where the same words come back in items the cache does not have: a paragraph
    /// being edited (a keystroke reshapes one word, not the paragraph), a long document. It
    /// costs where they do not: the first layout of a text shapes many small pieces instead of
    /// a few long ones (the article cold: about 1.15x the time with rustybuzz, 1.8x with
    /// HarfRust, in `benches/peers`), hence off by default.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// cx.set_word_cache(true);
    /// let style = TextStyle::new("Noto Serif");
    /// Paragraph::new("the cat sat", style.clone(), &book, &mut cx)?;
    /// let calls = cx.shaper_calls();
    /// // "the " and "sat" are in the cache: only "dog " is shaped.
    /// Paragraph::new("the dog sat", style, &book, &mut cx)?;
    /// assert_eq!(cx.shaper_calls(), calls + 1);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn set_word_cache(&mut self, on: bool) {
        self.shaper.words = on;
    }

    /// Whether the word cache is on ([`LayoutContext::set_word_cache`]).
    pub fn word_cache(&self) -> bool {
        self.shaper.words
    }

    /// Empties the shape cache (plans and parsed faces stay): the next paragraphs are shaped
    /// afresh. The cache keeps its storage for what comes next (turn it off with
    /// [`set_shape_cache_budget(0)`](Self::set_shape_cache_budget) to free that).
    pub fn clear_shape_cache(&mut self) {
        self.shaper.cache.clear();
    }

    /// Switches the shaping backend (paragraphs built before keep the glyphs they were built
    /// with; a layout reshapes parts with the new one).
    pub fn set_backend(&mut self, backend: ShapingBackend) {
        self.shaper.set_backend(backend);
    }

    /// How many times the shaper has been called through this context. Useful to check that a
    /// re-layout at a new width did not reshape.
    pub fn shaper_calls(&self) -> u64 {
        self.shaper.calls()
    }
}

impl std::fmt::Debug for LayoutContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LayoutContext")
            .field("shaper_calls", &self.shaper.calls())
            .finish_non_exhaustive()
    }
}

/// Bit set in [`Paragraph`]'s per-byte flags where a glyph cluster starts.
pub(crate) const CLUSTER_START: u8 = 1;
/// Bit set where the glyph starting a cluster is unsafe to break at.
pub(crate) const UNSAFE_TO_BREAK: u8 = 2;

/// The stretch between two break opportunities: a word and the spaces after it.
#[derive(Debug, Clone, PartialEq)]
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
}

/// The hyphen shown where a line breaks at a soft hyphen (U+00AD): UAX #14 class BA, and the
/// Unicode Standard (§23.2) says a hyphen appears at the break. It is U+2010 HYPHEN, or U+002D
/// where the face lacks it, from the face of the soft hyphen's item, or from the first face of its
/// stack that has one: what Pango 1.50 draws (its shaper inserts U+2010 or '-' whatever the
/// script; checked for Yiddish words with Noto Serif Hebrew) and what CSS `hyphenate-character:
/// auto` gives in Chromium. Measured once per paragraph so that reflow does not shape it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SoftHyphen {
    /// Byte offset of the U+00AD.
    pub pos: usize,
    /// Index of the face into the paragraph's faces.
    pub font: usize,
    pub size: f32,
    pub glyph: u16,
    pub advance: f32,
}

/// Builds a [`Paragraph`]: text, a base style, optional style spans and a base direction.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{BaseDirection, FontBook, LayoutContext, Paragraph, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let mut cx = LayoutContext::new();
/// let body = TextStyle::new("Noto Serif, Noto Serif Hebrew");
/// let para = Paragraph::builder("Hello ייִדיש", body.clone())
///     .span(0..5, body.weight(700))
///     .direction(BaseDirection::Ltr)
///     .build(&book, &mut cx)
///     .unwrap();
/// assert_eq!(para.text(), "Hello ייִדיש");
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct ParagraphBuilder<'t> {
    text: &'t str,
    base: TextStyle,
    spans: Vec<(Range<usize>, SpanStyle)>,
    direction: BaseDirection,
    fallback: Fallback,
    ellipsis: Option<std::sync::Arc<str>>,
    tab_stops: TabStops,
}

/// How a style's stack supplies faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Fallback {
    /// Per grapheme cluster, from the first face that covers the whole cluster, so a point never
    /// leaves its letter; spaces and punctuation keep the face before them when it covers them
    /// (one design of „ “ and ₪ inside a Yiddish run). The default.
    #[default]
    Grapheme,
    /// Per char, each from the first face of the stack that covers it: CSS font matching, what
    /// browsers do. For output that must break lines where a browser does; a point whose letter
    /// comes from another face is shaped apart from it.
    PerChar,
}

impl<'t> ParagraphBuilder<'t> {
    /// Styles the byte range `range` with `style`: the properties it sets, over the base style
    /// and the spans given before it (a [`SpanStyle`], or a whole [`TextStyle`], which sets
    /// every property). Where spans overlap their properties combine, later spans winning a
    /// property both set, as CSS cascades.
    pub fn span(mut self, range: Range<usize>, style: impl Into<SpanStyle>) -> ParagraphBuilder<'t> {
        self.spans.push((range, style.into()));
        self
    }

    /// Sets the base direction (default [`BaseDirection::Auto`]).
    pub fn direction(mut self, direction: BaseDirection) -> ParagraphBuilder<'t> {
        self.direction = direction;
        self
    }

    /// Sets how faces are chosen from the stacks (default [`Fallback::Grapheme`]).
    pub fn fallback(mut self, fallback: Fallback) -> ParagraphBuilder<'t> {
        self.fallback = fallback;
        self
    }

    /// Sets the string a truncated line shows where text is left out
    /// ([`LayoutOptions::max_lines`], [`LayoutOptions::truncate`]); default "…" (U+2026). It is
    /// shaped in the base style, from the first face of its stack that has all its chars (three
    /// full stops where none has), in the paragraph's direction. An empty string cuts the text
    /// without a mark.
    pub fn ellipsis(mut self, ellipsis: &str) -> ParagraphBuilder<'t> {
        self.ellipsis = Some(ellipsis.into());
        self
    }

    /// Sets where tabs stop (default: every 8 spaces of the base style's first face).
    pub fn tab_stops(mut self, stops: TabStops) -> ParagraphBuilder<'t> {
        self.tab_stops = stops;
        self
    }

    /// Analyses, itemises and shapes the paragraph.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRange`] for a span off the text or off a char boundary; the style errors of
    /// [`TextStyle`] (size, weight, language, an empty stack); [`Error::NoFontInStack`] when no
    /// family of a style's stack is in `book`; [`Error::TextTooLong`] for a text (or ellipsis)
    /// over [`MAX_TEXT_LEN`](crate::MAX_TEXT_LEN) bytes.
    pub fn build(self, book: &FontBook, cx: &mut LayoutContext) -> Result<Paragraph, Error> {
        let text = self.text;
        crate::error::check_text_len(text)?;
        if let Some(e) = &self.ellipsis {
            crate::error::check_text_len(e)?;
        }
        self.base.validate()?;
        self.tab_stops.validate()?;
        for (range, span) in &self.spans {
            check_range(text, range)?;
            span.validate()?;
        }
        // Every distinct merged style (0: the base), and the style of each stretch of text.
        let mut styles = Vec::new();
        let style_runs = resolve_styles(self.base, &self.spans, text.len(), &mut styles);
        // Items follow the styles that shape differently: a change of paint alone does not
        // split them (browsers shape across a colour change too). One style: the same runs.
        let runs: std::borrow::Cow<'_, [(usize, usize)]> = if styles.len() == 1 {
            std::borrow::Cow::Borrowed(&style_runs)
        } else {
            let shaping: Vec<usize> = (0..styles.len())
                .map(|i| (0..i).find(|&j| styles[j].shapes_like(&styles[i])).unwrap_or(i))
                .collect();
            let mut runs: Vec<(usize, usize)> = Vec::with_capacity(style_runs.len());
            for &(start, style) in &style_runs {
                if runs.last().map(|r| r.1) != Some(shaping[style]) {
                    runs.push((start, shaping[style]));
                }
            }
            std::borrow::Cow::Owned(runs)
        };
        // Faces of every style's stack, deduplicated across styles.
        let mut fonts: Vec<Font> = Vec::new();
        let mut stack_buffers = std::mem::take(&mut cx.build.stacks);
        if stack_buffers.len() < styles.len() {
            stack_buffers.resize_with(styles.len(), Vec::new);
        }
        let stacks = &mut stack_buffers[..styles.len()];
        for (style, stack) in styles.iter().zip(stacks.iter_mut()) {
            stack.clear();
            book.resolve_each(style.stack(), style.font_weight(), style.is_italic(), |f| {
                let index = font_index(&mut fonts, f);
                if !stack.contains(&index) {
                    stack.push(index);
                }
            })?;
        }

        let analysis = Analysis::reusing(
            text,
            self.direction,
            std::mem::take(&mut cx.build.scripts),
            std::mem::take(&mut cx.build.breaks),
        );
        let per_char = self.fallback == Fallback::PerChar;
        let mut uncovered = Vec::new();
        let mut items = itemize(text, &analysis, &runs, stacks, &fonts, per_char, &mut uncovered);
        // Clusters no face of their stack has: faces from the rest of the book join the stack
        // (rare: the common case pays only the empty check).
        if book.fallback() && !uncovered.is_empty() {
            let mut added = false;
            for (range, style) in uncovered {
                let s = &styles[style];
                let like = fonts[stacks[style][0]].family().to_string();
                let Some(font) = book.fallback_font(&text[range], &like, s.font_weight(), s.is_italic())
                else {
                    continue;
                };
                let index = font_index(&mut fonts, &font);
                if !stacks[style].contains(&index) {
                    stacks[style].push(index);
                    added = true;
                }
            }
            if added {
                items = itemize(text, &analysis, &runs, stacks, &fonts, per_char, &mut Vec::new());
            }
        }

        let mut glyphs = Vec::with_capacity(text.len());
        for item in items.iter_mut() {
            let start = glyphs.len();
            let request = shape_request(text, &fonts, &styles, item, item.range.clone(), item.level);
            cx.shaper.shape(&request, &mut glyphs);
            item.glyphs = start..glyphs.len();
            item.whole_only = slices_need_reshaping(item);
        }

        let mut advance_at = vec![0.0f32; text.len()];
        let mut flags = vec![0u8; text.len()];
        for g in &glyphs {
            if let (Some(a), Some(f)) = (
                advance_at.get_mut(g.text_offset()),
                flags.get_mut(g.text_offset()),
            ) {
                *a += g.advance;
                *f |= CLUSTER_START;
                if g.unsafe_to_break {
                    *f |= UNSAFE_TO_BREAK;
                }
            }
        }
        // Letter and word spacing belong to the cluster they follow: the line breaker sees them.
        let spacing = styles
            .iter()
            .any(|s| s.letter_spacing_px() != 0.0 || s.word_spacing_px() != 0.0);
        if spacing {
            for (pos, a) in advance_at.iter_mut().enumerate() {
                if flags[pos] & CLUSTER_START != 0 {
                    *a += spacing_after(text, &styles, &style_runs, pos);
                }
            }
        }
        let segments = segments(text, &analysis.breaks, &advance_at);
        let decorated = styles.iter().any(|s| s.is_underlined() || s.is_struck_through());
        let mut missing: Vec<usize> = glyphs
            .iter()
            .filter(|g| g.id == 0)
            .map(|g| g.text_offset())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let primary_font: Vec<usize> = stacks.iter().map(|s| s.first().copied().unwrap_or(0)).collect();
        let hyphens = soft_hyphens(text, &items, stacks, &fonts, &styles);
        let ellipsis = Ellipsis::new(self.ellipsis, &stacks[0], &fonts);
        let Analysis {
            bidi,
            scripts,
            breaks,
        } = analysis;
        cx.build = BuildBuffers {
            stacks: stack_buffers,
            scripts,
            breaks,
        };
        // Tab stops, resolved against the base face's space (only for text with tabs).
        let tabs = text.contains('\t').then(|| {
            let size = styles[0].font_size();
            let space = fonts[primary_font[0]]
                .char_glyph(' ', size)
                .map_or(size / 4.0, |g| g.1);
            self.tab_stops.resolve(space)
        });
        Ok(Paragraph {
            text: std::sync::Arc::from(text),
            bidi,
            fonts,
            styles,
            primary_font,
            items,
            glyphs,
            advance_at,
            flags,
            segments,
            missing,
            hyphens,
            ellipsis,
            style_runs,
            spacing,
            decorated,
            tabs,
        })
    }
}

/// Letter spacing, plus word spacing for a word separator, of the style at `pos` (a cluster's
/// first byte); 0 for the chars letter spacing skips.
fn spacing_after(text: &str, styles: &[TextStyle], style_runs: &[(usize, usize)], pos: usize) -> f32 {
    let Some(c) = text.get(pos..).and_then(|t| t.chars().next()) else {
        return 0.0;
    };
    if takes_no_spacing(c) {
        return 0.0;
    }
    let i = style_runs.partition_point(|&(start, _)| start <= pos);
    let style = &styles[style_runs.get(i.wrapping_sub(1)).map_or(0, |r| r.1)];
    let word = if is_word_separator(c) {
        style.word_spacing_px()
    } else {
        0.0
    };
    style.letter_spacing_px() + word
}

/// The index of `font` in the paragraph's faces, added at the end if it is not there yet.
fn font_index(fonts: &mut Vec<Font>, font: &Font) -> usize {
    match fonts.iter().position(|f| f == font) {
        Some(i) => i,
        None => {
            fonts.push(font.clone());
            fonts.len() - 1
        }
    }
}

/// The hyphen each soft hyphen of `text` would show at a line end (see [`SoftHyphen`]).
fn soft_hyphens(
    text: &str,
    items: &[Item],
    stacks: &[Vec<usize>],
    fonts: &[Font],
    styles: &[TextStyle],
) -> Vec<SoftHyphen> {
    let mut out = Vec::new();
    for (pos, _) in text.match_indices('\u{AD}') {
        let Some(item) = items.iter().find(|it| it.range.contains(&pos)) else {
            continue;
        };
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
                    })
            });
        out.extend(found);
    }
    out
}

/// The language a run is tagged with: its style's, or by default `yi` for Hebrew script.
fn item_language<'s>(style: &'s TextStyle, item: &Item) -> Option<&'s std::sync::Arc<str>> {
    static HEBREW_DEFAULT: std::sync::OnceLock<std::sync::Arc<str>> = std::sync::OnceLock::new();
    match style.language_arc() {
        Some(l) => Some(l),
        None if item.script == unicode_script::Script::Hebrew => {
            Some(HEBREW_DEFAULT.get_or_init(|| DEFAULT_HEBREW_LANGUAGE.into()))
        }
        None => None,
    }
}

fn segments(text: &str, breaks: &[BreakOpportunity], advance_at: &[f32]) -> Vec<Segment> {
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

/// A paragraph analysed, itemised and shaped: everything about its layout that does not depend on
/// the width. Lay it out with [`Paragraph::layout`] at as many widths as needed.
#[derive(Clone)]
pub struct Paragraph {
    /// Shared with every [`Layout`] made from the paragraph (editing geometry reads it).
    pub(crate) text: std::sync::Arc<str>,
    /// Levels and classes; rule L1 needs the classes per line.
    pub(crate) bidi: BidiLevels,
    pub(crate) fonts: Vec<Font>,
    pub(crate) styles: Vec<TextStyle>,
    /// First face of each style's stack: metrics for lines without glyphs.
    pub(crate) primary_font: Vec<usize>,
    pub(crate) items: Vec<Item>,
    /// Glyphs of every item, item after item; each item's glyphs left to right.
    pub(crate) glyphs: Vec<ShapedGlyph>,
    /// Sum of the advances of the glyphs whose cluster starts at each byte.
    pub(crate) advance_at: Vec<f32>,
    /// [`CLUSTER_START`] and [`UNSAFE_TO_BREAK`] bits of each byte.
    pub(crate) flags: Vec<u8>,
    pub(crate) segments: Vec<Segment>,
    /// Clusters shaped to `.notdef`, ascending.
    pub(crate) missing: Vec<usize>,
    /// The hyphen of each soft hyphen, by position.
    pub(crate) hyphens: Vec<SoftHyphen>,
    pub(crate) ellipsis: Ellipsis,
    /// The merged style of each stretch of text: (start, index into `styles`). Items follow
    /// the styles that shape differently; runs are cut where only the paint changes.
    pub(crate) style_runs: Vec<(usize, usize)>,
    /// Whether any style has letter or word spacing.
    pub(crate) spacing: bool,
    /// Whether any style is underlined or struck through.
    pub(crate) decorated: bool,
    /// The tab stops, when the text has tabs.
    pub(crate) tabs: Option<ResolvedTabs>,
}

/// The string a truncated line shows, and the face it is shaped with (see
/// [`ParagraphBuilder::ellipsis`]). Shaped only when a layout truncates, through the shape cache.
#[derive(Debug, Clone)]
pub(crate) struct Ellipsis {
    pub text: std::sync::Arc<str>,
    /// Index of the face into the paragraph's faces.
    pub font: usize,
}

impl Ellipsis {
    fn new(asked: Option<std::sync::Arc<str>>, stack: &[usize], fonts: &[Font]) -> Ellipsis {
        static DEFAULT: std::sync::OnceLock<std::sync::Arc<str>> = std::sync::OnceLock::new();
        static STOPS: std::sync::OnceLock<std::sync::Arc<str>> = std::sync::OnceLock::new();
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

impl std::fmt::Debug for Paragraph {
    /// A summary: the per-byte tables of a long paragraph would drown everything else.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paragraph")
            .field("text", &self.text)
            .field("direction", &self.direction())
            .field("fonts", &self.fonts)
            .field("items", &self.items.len())
            .field("glyphs", &self.glyphs.len())
            .finish_non_exhaustive()
    }
}

impl Paragraph {
    /// Starts building a paragraph of `text` in `style`.
    pub fn builder(text: &str, style: TextStyle) -> ParagraphBuilder<'_> {
        ParagraphBuilder {
            text,
            base: style,
            spans: Vec::new(),
            direction: BaseDirection::Auto,
            fallback: Fallback::Grapheme,
            ellipsis: None,
            tab_stops: TabStops::new(),
        }
    }

    /// Builds a paragraph of `text` in one style with an automatic base direction.
    ///
    /// # Errors
    ///
    /// As [`ParagraphBuilder::build`].
    pub fn new(
        text: &str,
        style: TextStyle,
        book: &FontBook,
        cx: &mut LayoutContext,
    ) -> Result<Paragraph, Error> {
        Paragraph::builder(text, style).build(book, cx)
    }

    /// The paragraph's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The resolved base direction (of the first bidi paragraph when the text holds several).
    pub fn direction(&self) -> Direction {
        self.bidi.direction()
    }

    /// The resolved base embedding level (0 or 1).
    pub fn base_level(&self) -> u8 {
        self.bidi.base_level()
    }

    /// The paragraph's bidi levels, for char-level questions (levels after rule L1, visual order of
    /// a line's chars).
    pub fn bidi(&self) -> &BidiLevels {
        &self.bidi
    }

    /// The coverage report: byte offsets of the clusters that no face of their stack covers and
    /// that were shaped to `.notdef` (glyph 0), ascending. Empty when every char has a glyph.
    pub fn missing_glyphs(&self) -> &[usize] {
        &self.missing
    }

    /// The faces the paragraph's styles resolved to.
    pub fn fonts(&self) -> &[Font] {
        &self.fonts
    }

    /// Lays the paragraph out at `options.width`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidWidth`] or [`Error::InvalidLineHeight`] for a bad option.
    pub fn layout(&self, cx: &mut LayoutContext, options: &LayoutOptions) -> Result<Layout, Error> {
        let mut layout = Layout::default();
        self.layout_into(cx, options, &mut layout)?;
        Ok(layout)
    }

    /// Like [`Paragraph::layout`], but reuses the allocations of `out`.
    ///
    /// # Errors
    ///
    /// As [`Paragraph::layout`]; `out` is left empty on error.
    pub fn layout_into(
        &self,
        cx: &mut LayoutContext,
        options: &LayoutOptions,
        out: &mut Layout,
    ) -> Result<(), Error> {
        out.clear();
        options.validate()?;
        crate::position::layout_paragraph(self, cx, options, out);
        Ok(())
    }

    /// The width of the widest piece of text that no line may break inside (CSS min-content): the
    /// widest stretch between two UAX #14 break opportunities, without the whitespace hanging at
    /// its end. A box at least this wide never needs to break a word between clusters.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let para = Paragraph::new("אַ ביסל text", TextStyle::new("Noto Sans, Noto Sans Hebrew"), &book, &mut cx)?;
    /// let (min, max) = (para.min_content_width(), para.max_content_width());
    /// assert!(min <= max);
    /// // At max-content no line wraps; at min-content every word still fits whole.
    /// assert_eq!(para.layout(&mut cx, &LayoutOptions::new(max))?.lines().len(), 1);
    /// assert_eq!(para.layout(&mut cx, &LayoutOptions::new(min))?.lines().len(), 3);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn min_content_width(&self) -> f32 {
        let widest = self
            .segments
            .iter()
            .map(|s| {
                self.segment_extent(s, 0.0).1
                    + self.hyphen_at_line_end(s.range().end).map_or(0.0, |h| h.advance)
            })
            .fold(0.0, f32::max);
        // A hyphen can make a piece wider than the whole text on one line, which then fits.
        widest.min(self.max_content_width())
    }

    /// The width of the widest line when lines end only at hard breaks (CSS max-content): what
    /// [`LayoutOptions::no_wrap`] lays out at. Whitespace hanging at a line's end is left out.
    pub fn max_content_width(&self) -> f32 {
        let (mut widest, mut line) = (0.0f32, 0.0f32);
        for s in &self.segments {
            let (advance, body) = self.segment_extent(s, line);
            widest = widest.max(line + body);
            line = if s.mandatory { 0.0 } else { line + advance };
        }
        widest
    }

    /// The hyphen shown when a line ends at `end`, if the line ends with a soft hyphen (and the
    /// line is not the paragraph's last: the end of the text is no break).
    #[inline]
    pub(crate) fn hyphen_at_line_end(&self, end: usize) -> Option<&SoftHyphen> {
        // Asked for every segment on reflow: most paragraphs have no soft hyphen at all.
        if self.hyphens.is_empty()
            || end >= self.text.len()
            || end < 2
            || !self.text[..end].ends_with('\u{AD}')
        {
            return None;
        }
        let k = self.hyphens.partition_point(|h| h.pos < end - 2);
        self.hyphens.get(k).filter(|h| h.pos == end - 2)
    }

    /// The shaping request for the ellipsis: the base style's size, language and features, the
    /// paragraph's direction, no script (Common) and no context.
    pub(crate) fn ellipsis_request(&self) -> ShapeRequest<'_> {
        let style = &self.styles[0];
        ShapeRequest {
            text: &self.ellipsis.text,
            range: 0..self.ellipsis.text.len(),
            font: &self.fonts[self.ellipsis.font],
            size: style.font_size(),
            rtl: self.direction() == Direction::Rtl,
            script: unicode_script::Script::Common,
            language: style.language_arc(),
            features: style.features(),
        }
    }

    /// The styles of the paragraph's text after merging the spans over the base style, each
    /// once: index 0 is the base style; [`Run::style_index`](crate::Run::style_index) points
    /// here.
    pub fn styles(&self) -> &[TextStyle] {
        &self.styles
    }

    /// The index into [`Paragraph::styles`] of the style at byte `pos`.
    pub fn style_index_at(&self, pos: usize) -> usize {
        let k = self.style_runs.partition_point(|&(start, _)| start <= pos);
        self.style_runs.get(k.wrapping_sub(1)).map_or(0, |r| r.1)
    }

    /// Where the stretch of one merged style holding `pos` starts.
    pub(crate) fn style_start(&self, pos: usize) -> usize {
        let k = self.style_runs.partition_point(|&(start, _)| start <= pos);
        self.style_runs.get(k.wrapping_sub(1)).map_or(0, |r| r.0)
    }

    /// Where the stretch of one merged style holding `pos` ends.
    pub(crate) fn style_end(&self, pos: usize) -> usize {
        let k = self.style_runs.partition_point(|&(start, _)| start <= pos);
        self.style_runs.get(k).map_or(self.text.len(), |r| r.0)
    }

    /// The string truncated lines show where text is left out: the one given to
    /// [`ParagraphBuilder::ellipsis`] ("…" by default), or "..." where no face of the base
    /// style's stack has all its chars.
    pub fn ellipsis(&self) -> &str {
        &self.ellipsis.text
    }

    /// The level of the bidi paragraph holding byte `pos`.
    /// The advance of `seg` when it starts `pen` px from its line's start: its tabs go to their
    /// stops. Without tabs, its width.
    pub(crate) fn segment_advance(&self, seg: &Segment, pen: f32) -> f32 {
        self.segment_extent(seg, pen).0
    }

    /// The advance of `seg` starting `pen` px from its line's start, and of its body (up to the
    /// whitespace that hangs), its tabs at their stops. A tab is usually in the hanging
    /// whitespace, but a mark after it (UAX #14 LB9) keeps it in the body.
    #[inline]
    pub(crate) fn segment_extent(&self, seg: &Segment, pen: f32) -> (f32, f32) {
        // Asked for every segment on reflow: the usual segment (no tab) is its stored widths.
        match self.tabs.as_ref().filter(|_| seg.tabs) {
            None => (seg.width, seg.width - seg.hang),
            Some(tabs) => self.tabbed_segment_extent(seg, tabs, pen),
        }
    }

    /// [`Self::segment_extent`] of a segment with tabs, each to its stop.
    fn tabbed_segment_extent(&self, seg: &Segment, tabs: &ResolvedTabs, pen: f32) -> (f32, f32) {
        let body_end = hanging_start(&self.text, seg.range());
        let (mut x, mut body) = (pen, pen);
        for pos in seg.range() {
            if pos == body_end {
                body = x;
            }
            if self.text.as_bytes()[pos] == b'\t' {
                x = tabs.next_stop(x);
            } else {
                x += self.advance_at[pos];
            }
        }
        if body_end == seg.range().end {
            body = x;
        }
        (x - pen, body - pen)
    }

    /// Where a tab at `pen` px from its line's start takes the pen.
    pub(crate) fn next_tab_stop(&self, pen: f32) -> f32 {
        self.tabs.as_ref().map_or(pen, |t| t.next_stop(pen))
    }

    /// The letter and word spacing after the cluster starting at `pos` (see
    /// [`TextStyle::letter_spacing`]), in px.
    pub(crate) fn spacing_after(&self, pos: usize) -> f32 {
        if self.spacing {
            spacing_after(&self.text, &self.styles, &self.style_runs, pos)
        } else {
            0.0
        }
    }

    pub(crate) fn paragraph_level_at(&self, pos: usize) -> u8 {
        self.bidi.paragraph_level_at(pos)
    }

    /// Whether the text may be cut at `pos` inside an item without reshaping either side.
    pub(crate) fn safe_to_cut(&self, pos: usize) -> bool {
        self.flags
            .get(pos)
            .is_some_and(|&f| f & CLUSTER_START != 0 && f & UNSAFE_TO_BREAK == 0)
    }

    /// Whether the item's own glyphs for `range` are what shaping `range` alone would give:
    /// each end is the item's or a cut the shaper marked safe to break.
    pub(crate) fn slice_is_exact(&self, item: &Item, range: &Range<usize>) -> bool {
        if *range == item.range {
            return true;
        }
        !item.whole_only
            && (range.start == item.range.start || self.safe_to_cut(range.start))
            && (range.end == item.range.end || self.safe_to_cut(range.end))
    }

    /// The shaping request for part of an item, in the direction of `level` (rule L1 may have
    /// moved the part to another level than the item's).
    pub(crate) fn request<'a>(&'a self, item: &'a Item, range: Range<usize>, level: u8) -> ShapeRequest<'a> {
        shape_request(&self.text, &self.fonts, &self.styles, item, range, level)
    }
}

/// What the shaper needs for `range` of an item: its face, size, script, language and features,
/// and the direction of `level`.
fn shape_request<'a>(
    text: &'a str,
    fonts: &'a [Font],
    styles: &'a [TextStyle],
    item: &'a Item,
    range: Range<usize>,
    level: u8,
) -> ShapeRequest<'a> {
    let style = &styles[item.style];
    ShapeRequest {
        text,
        range,
        font: &fonts[item.font],
        size: style.font_size(),
        rtl: level % 2 == 1,
        script: item.script,
        language: item_language(style, item),
        features: style.features(),
    }
}
