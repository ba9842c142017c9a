//! Building a paragraph: the width-independent stages in order.
//!
//! In: a [`ParagraphBuilder`] (text, base style, spans, direction, fallback, ellipsis, tab
//! stops), a font book and the shaper. Out: a [`Paragraph`]. The steps: check the input; merge
//! the spans into one style per stretch of text; resolve each style's stack to faces; analyse
//! the text (`text/`); itemise it, with faces from the rest of the book for clusters no stack
//! covers; shape each item; then the per-byte advances and flags, the segments, soft hyphens,
//! ellipsis and tab stops that line breaking reads.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use super::hyphenate::{hyphenate, HyphenationSettings};
use super::itemize::{itemize, shape_request, slices_need_reshaping, Item};
use super::paints::char_paints;
use super::result::Paragraph;
use super::segments::{segments, soft_hyphens, Ellipsis, CLUSTER_START, UNSAFE_TO_BREAK};
use super::styles::{clamp_spacing, spacing_after};
use crate::error::{check_range, check_text_len, Error};
use crate::font::{Font, FontBook};
use crate::shape::{ShapedGlyph, Shaper};
use crate::style::span::resolve_styles;
use crate::style::{HyphenationLimits, Hyphenator, InlineBox, SpanStyle, TabStops, TextStyle};
use crate::text::analysis::ScriptRun;
use crate::text::{Analysis, BaseDirection, BreakOpportunity};

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
    ellipsis: Option<Arc<str>>,
    tab_stops: TabStops,
    boxes: Vec<(usize, InlineBox)>,
    hyphenator: Option<Arc<dyn Hyphenator>>,
    limits: HyphenationLimits,
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

/// Tables paragraph building needs and the paragraph does not keep, reused from one paragraph to
/// the next (a cold article built in one context then allocates only what its paragraphs keep).
#[derive(Default)]
pub(crate) struct BuildScratch {
    /// Each style's faces, as indexes into the paragraph's faces (entries past the paragraph's
    /// style count are spares).
    stacks: Vec<Vec<usize>>,
    scripts: Vec<ScriptRun>,
    pub(super) breaks: Vec<BreakOpportunity>,
    /// Bytes of text run through the analysis (bidi, scripts, line breaks) so far: what an edit
    /// in place saves shows here ([`LayoutContext::analysed_bytes`](crate::LayoutContext::analysed_bytes)).
    pub(crate) analysed: u64,
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
            boxes: Vec::new(),
            hyphenator: None,
            limits: HyphenationLimits::default(),
        }
    }
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
    /// ([`LayoutOptions::max_lines`](crate::LayoutOptions::max_lines),
    /// [`LayoutOptions::truncate`](crate::LayoutOptions::truncate)); default "…" (U+2026). It is
    /// shaped in the base style, from the first face of its stack that has all its chars (three
    /// full stops where none has), in the paragraph's direction. An empty string cuts the text
    /// without a mark. An ellipsis wider than the layout is itself cut to the clusters that fit
    /// (as CSS clips it): it never widens a line ([`Layout::ellipsis_text`](crate::Layout::ellipsis_text)
    /// says what is shown).
    pub fn ellipsis(mut self, ellipsis: &str) -> ParagraphBuilder<'t> {
        self.ellipsis = Some(ellipsis.into());
        self
    }

    /// Sets where tabs stop (default: every 8 spaces of the base style's first face).
    pub fn tab_stops(mut self, stops: TabStops) -> ParagraphBuilder<'t> {
        self.tab_stops = stops;
        self
    }

    /// Hyphenates the words of [`Hyphens::Auto`](crate::Hyphens::Auto) stretches with
    /// `hyphenator` for the languages it takes (the built-in patterns for the others).
    pub fn hyphenator(mut self, hyphenator: Arc<dyn Hyphenator>) -> ParagraphBuilder<'t> {
        self.hyphenator = Some(hyphenator);
        self
    }

    /// Sets where words may break with [`Hyphens::Auto`](crate::Hyphens::Auto) (default: words
    /// of 5 chars or more, 2 before a break and 3 after, as TeX).
    pub fn hyphenation_limits(mut self, limits: HyphenationLimits) -> ParagraphBuilder<'t> {
        self.limits = limits;
        self
    }

    /// Places `inline` at byte `offset`, where the text has a U+FFFC OBJECT REPLACEMENT
    /// CHARACTER that the box stands for (see [`InlineBox`]). Checked when building: an offset
    /// without a U+FFFC, a second box on one, a bad size or baseline is an
    /// [`Error::InvalidInlineBox`].
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, InlineBox, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let text = "שלום \u{FFFC} עולם"; // a box between two Yiddish words
    /// let para = Paragraph::builder(text, TextStyle::new("Noto Sans Hebrew"))
    ///     .inline_box(9, InlineBox::new(1, 30.0, 20.0))
    ///     .build(&book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(300.0))?;
    /// let b = &layout.inline_boxes()[0];
    /// assert_eq!((b.id, b.width, b.height), (1, 30.0, 20.0));
    /// // Right to left: the box stands left of the first word, right of the second.
    /// let first_word = layout.selection_rects(0..8)[0];
    /// assert!(b.x + b.width <= first_word.x + 0.01);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn inline_box(mut self, offset: usize, inline: InlineBox) -> ParagraphBuilder<'t> {
        self.boxes.push((offset, inline));
        self
    }

    /// Checks what was given: the text's and the ellipsis's length, the styles, the tab stops,
    /// the spans' ranges, the boxes.
    fn check(&self) -> Result<(), Error> {
        check_text_len(self.text)?;
        if let Some(e) = &self.ellipsis {
            check_text_len(e)?;
        }
        self.base.validate()?;
        self.tab_stops.validate()?;
        for (range, span) in &self.spans {
            check_range(self.text, range)?;
            span.validate()?;
        }
        for (offset, b) in &self.boxes {
            b.validate(self.text, *offset)?;
        }
        Ok(())
    }

    /// The width-independent stages, with `shaper` and reused `scratch` tables
    /// ([`ParagraphBuilder::build`] with a context's).
    pub(crate) fn build_with(
        self,
        book: &FontBook,
        shaper: &mut Shaper,
        scratch: &mut BuildScratch,
    ) -> Result<Paragraph, Error> {
        self.check()?;
        let text = self.text;
        let mut boxes = self.boxes;
        boxes.sort_by_key(|b| b.0);
        if let Some(w) = boxes.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(Error::InvalidInlineBox {
                offset: w[0].0,
                reason: "two boxes on one U+FFFC",
            });
        }
        // Every distinct merged style (0: the base), and the style of each stretch of text.
        let mut styles = Vec::new();
        let style_runs = resolve_styles(self.base, &self.spans, text.len(), &mut styles);
        let runs = shaping_runs(&styles, &style_runs);
        // Faces of every style's stack, deduplicated across styles.
        let mut fonts: Vec<Font> = Vec::new();
        let mut stack_buffers = std::mem::take(&mut scratch.stacks);
        if stack_buffers.len() < styles.len() {
            stack_buffers.resize_with(styles.len(), Vec::new);
        }
        let stacks = &mut stack_buffers[..styles.len()];
        resolve_stacks(book, &styles, &mut fonts, stacks)?;

        scratch.analysed += text.len() as u64;
        let mut analysis = Analysis::reusing(
            text,
            self.direction,
            std::mem::take(&mut scratch.scripts),
            std::mem::take(&mut scratch.breaks),
        );
        let settings = HyphenationSettings {
            limits: self.limits,
            hyphenator: self.hyphenator.as_deref(),
        };
        let points = hyphenate(text, &style_runs, &styles, settings, &mut analysis.breaks);
        let per_char = self.fallback == Fallback::PerChar;
        let mut items = itemize_with_fallback(
            book, text, &analysis, &runs, &styles, stacks, &mut fonts, per_char, &boxes,
        );
        let glyphs = shape_items(shaper, text, &fonts, &styles, &boxes, &mut items);
        let glyph_paints = char_paints(text, &items, &glyphs, &fonts, &styles, &style_runs);
        let (advance_at, flags, spacing) = byte_tables(text, &glyphs, &styles, &style_runs);
        let segments = segments(text, &analysis.breaks, &advance_at);
        let decorated = styles.iter().any(|s| s.is_underlined() || s.is_struck_through());
        // A box's glyph is a stand-in, not a missing one.
        let mut missing: Vec<usize> = glyphs
            .iter()
            .filter(|g| g.id == 0 && boxes.binary_search_by_key(&g.text_offset(), |b| b.0).is_err())
            .map(|g| g.text_offset())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let primary_font: Vec<usize> = stacks.iter().map(|s| s.first().copied().unwrap_or(0)).collect();
        let hyphens = soft_hyphens(text, &points, &items, stacks, &fonts, &styles);
        let ellipsis = Ellipsis::new(self.ellipsis, &stacks[0], &fonts);
        let Analysis {
            bidi,
            scripts,
            breaks,
        } = analysis;
        scratch.stacks = stack_buffers;
        scratch.scripts = scripts;
        scratch.breaks = breaks;
        // Tab stops, resolved against the base face's space (only for text with tabs).
        let tabs = text.contains('\t').then(|| {
            let size = styles[0].font_size();
            let space = fonts[primary_font[0]]
                .char_glyph(' ', size)
                .map_or(size / 4.0, |g| g.1);
            self.tab_stops.resolve(space)
        });
        Ok(Paragraph {
            text: Arc::from(text),
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
            boxes,
            glyph_paints,
            per_char,
        })
    }
}

/// The stretches items follow: the styles that shape differently (a change of paint alone does
/// not split items; browsers shape across a colour change too), each as (start, the first style
/// that shapes like it). One style: the style runs themselves.
fn shaping_runs<'r>(styles: &[TextStyle], style_runs: &'r [(usize, usize)]) -> Cow<'r, [(usize, usize)]> {
    if styles.len() == 1 {
        return Cow::Borrowed(style_runs);
    }
    let shaping: Vec<usize> = (0..styles.len())
        .map(|i| (0..i).find(|&j| styles[j].shapes_like(&styles[i])).unwrap_or(i))
        .collect();
    let mut runs: Vec<(usize, usize)> = Vec::with_capacity(style_runs.len());
    for &(start, style) in style_runs {
        if runs.last().map(|r| r.1) != Some(shaping[style]) {
            runs.push((start, shaping[style]));
        }
    }
    Cow::Owned(runs)
}

/// Each style's stack as faces of the book, into `stacks` (indexes into `fonts`, which gains
/// every face met, once).
pub(super) fn resolve_stacks(
    book: &FontBook,
    styles: &[TextStyle],
    fonts: &mut Vec<Font>,
    stacks: &mut [Vec<usize>],
) -> Result<(), Error> {
    for (style, stack) in styles.iter().zip(stacks.iter_mut()) {
        stack.clear();
        book.resolve_each(style.stack(), style.font_weight(), style.is_italic(), |f| {
            // The face as this style draws it: its variable instance and synthesis.
            let index = font_index(fonts, &style.font_instance(f));
            if !stack.contains(&index) {
                stack.push(index);
            }
        })?;
    }
    Ok(())
}

/// The items of `text`; where clusters are covered by no face of their stack, faces from the
/// rest of the book join the stacks and the text is itemised again (rare: the common case pays
/// only the empty check).
#[allow(clippy::too_many_arguments)]
fn itemize_with_fallback(
    book: &FontBook,
    text: &str,
    analysis: &Analysis,
    runs: &[(usize, usize)],
    styles: &[TextStyle],
    stacks: &mut [Vec<usize>],
    fonts: &mut Vec<Font>,
    per_char: bool,
    boxes: &[(usize, InlineBox)],
) -> Vec<Item> {
    let mut uncovered = Vec::new();
    let items = itemize(
        text,
        analysis,
        runs,
        stacks,
        fonts,
        per_char,
        boxes,
        &mut uncovered,
    );
    if !book.fallback() || uncovered.is_empty() {
        return items;
    }
    let mut added = false;
    for (range, style) in uncovered {
        let s = &styles[style];
        let like = fonts[stacks[style][0]].family().to_string();
        let Some(font) = book.fallback_font(&text[range], &like, s.font_weight(), s.is_italic()) else {
            continue;
        };
        let index = font_index(fonts, &s.font_instance(&font));
        if !stacks[style].contains(&index) {
            stacks[style].push(index);
            added = true;
        }
    }
    if !added {
        return items;
    }
    itemize(
        text,
        analysis,
        runs,
        stacks,
        fonts,
        per_char,
        boxes,
        &mut Vec::new(),
    )
}

/// Shapes every item (one shaper call each, or an answer of the shape cache), noting each item's
/// glyphs and whether parts of it must be reshaped. An inline box's item is not shaped: one
/// stand-in glyph (id 0, never drawn) as wide as the box.
fn shape_items(
    shaper: &mut Shaper,
    text: &str,
    fonts: &[Font],
    styles: &[TextStyle],
    boxes: &[(usize, InlineBox)],
    items: &mut [Item],
) -> Vec<ShapedGlyph> {
    let mut glyphs = Vec::with_capacity(text.len());
    for item in items.iter_mut() {
        let start = glyphs.len();
        if let Some(b) = item.inline_box {
            glyphs.push(ShapedGlyph {
                id: 0,
                unsafe_to_break: false,
                cluster: item.range.start as u32,
                advance: boxes[b as usize].1.width(),
                dx: 0.0,
                dy: 0.0,
            });
            item.glyphs = start..glyphs.len();
            continue;
        }
        let request = shape_request(text, fonts, styles, item, item.range.clone(), item.level);
        item.by_words = shaper.shape(&request, &mut glyphs);
        item.glyphs = start..glyphs.len();
        item.whole_only = slices_need_reshaping(item);
    }
    glyphs
}

/// Each byte's advance (the glyphs whose cluster starts there, plus the letter and word spacing
/// after it, so that line breaking sees the spacing) and flags ([`CLUSTER_START`],
/// [`UNSAFE_TO_BREAK`]); and whether any style has spacing.
fn byte_tables(
    text: &str,
    glyphs: &[ShapedGlyph],
    styles: &[TextStyle],
    style_runs: &[(usize, usize)],
) -> (Vec<f32>, Vec<u8>, bool) {
    let mut advance_at = vec![0.0f32; text.len()];
    let mut flags = vec![0u8; text.len()];
    add_glyph_bytes(glyphs, 0, &mut advance_at, &mut flags);
    let spacing = styles
        .iter()
        .any(|s| s.letter_spacing_px() != 0.0 || s.word_spacing_px() != 0.0);
    if spacing {
        for (pos, a) in advance_at.iter_mut().enumerate() {
            if flags[pos] & CLUSTER_START != 0 {
                *a += clamp_spacing(spacing_after(text, styles, style_runs, pos), *a);
            }
        }
    }
    (advance_at, flags, spacing)
}

/// Adds each glyph's advance to the byte its cluster starts at (less `base`) and marks the
/// byte's flags ([`CLUSTER_START`], [`UNSAFE_TO_BREAK`]).
pub(super) fn add_glyph_bytes(glyphs: &[ShapedGlyph], base: usize, advance_at: &mut [f32], flags: &mut [u8]) {
    for g in glyphs {
        let at = g.text_offset().wrapping_sub(base);
        if let (Some(a), Some(f)) = (advance_at.get_mut(at), flags.get_mut(at)) {
            *a += g.advance;
            *f |= CLUSTER_START;
            if g.unsafe_to_break {
                *f |= UNSAFE_TO_BREAK;
            }
        }
    }
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
