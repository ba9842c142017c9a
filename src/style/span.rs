//! Style spans that set some properties and leave the rest to what is under them, merged the way
//! CSS cascades: a paragraph's base style, then every span over a stretch of text in the order
//! the spans were given, each overriding only what it sets.

use std::ops::Range;
use std::sync::Arc;

use super::feature::Feature;
use super::hyphens::Hyphens;
use super::text_style::{
    check_language, check_size, check_spacing, check_stretch, check_variations, TextStyle,
};
use crate::error::Error;
use crate::font::{FontStack, Variation};

/// Some properties of a [`TextStyle`]: what a span sets over the text under it. Everything left
/// unset is inherited (from the spans given before it, then from the base style).
///
/// A [`TextStyle`] converts into a `SpanStyle` that sets every property, so a span given as a
/// whole `TextStyle` replaces what is under it.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, SpanStyle, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let mut cx = LayoutContext::new();
/// let text = "bold, bold and big, big";
/// // Bold over 0..19, 20 px over 6..23: 6..19 is bold and 20 px.
/// let para = Paragraph::builder(text, TextStyle::new("Noto Sans"))
///     .span(0..19, SpanStyle::new().weight(700).paint(1))
///     .span(6..23, SpanStyle::new().size(20.0).paint(2))
///     .build(&book, &mut cx)?;
/// let layout = para.layout(&mut cx, &LayoutOptions::new(400.0))?;
/// let both = layout.all_runs().iter().find(|r| r.range().contains(&10)).unwrap();
/// assert_eq!((both.font().weight(), both.size(), both.paint()), (700, 20.0, 2));
/// # }
/// # Ok::<(), shrift::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpanStyle {
    stack: Option<FontStack>,
    size: Option<f32>,
    weight: Option<u16>,
    italic: Option<bool>,
    language: Option<Arc<str>>,
    /// Feature settings added to those under the span; a tag set again takes the new value.
    features: Vec<Feature>,
    paint: Option<u32>,
    underline: Option<bool>,
    hyphens: Option<Hyphens>,
    strikethrough: Option<bool>,
    letter_spacing: Option<f32>,
    word_spacing: Option<f32>,
    /// Variation settings added to those under the span; a tag set again takes the new value.
    variations: Vec<Variation>,
    stretch: Option<f32>,
    optical_sizing: Option<bool>,
    synthesis: Option<bool>,
}

impl SpanStyle {
    /// A span style that sets nothing.
    pub fn new() -> SpanStyle {
        SpanStyle::default()
    }

    /// Sets the font stack.
    pub fn stack(mut self, stack: impl Into<FontStack>) -> SpanStyle {
        self.stack = Some(stack.into());
        self
    }

    /// Sets the size in pixels per em.
    pub fn size(mut self, size: f32) -> SpanStyle {
        self.size = Some(size);
        self
    }

    /// Sets the weight (1 to 1000).
    pub fn weight(mut self, weight: u16) -> SpanStyle {
        self.weight = Some(weight);
        self
    }

    /// Sets italic or upright.
    pub fn italic(mut self, italic: bool) -> SpanStyle {
        self.italic = Some(italic);
        self
    }

    /// Sets the BCP 47 language tag.
    pub fn language(mut self, tag: &str) -> SpanStyle {
        self.language = Some(tag.into());
        self
    }

    /// Adds an OpenType feature setting (a tag already set under the span takes this value).
    pub fn feature(mut self, feature: Feature) -> SpanStyle {
        self.features.push(feature);
        self
    }

    /// Sets the paint: an id of the caller's (a colour, a brush, a link) that the runs of the
    /// text carry ([`Run::paint`](crate::Run::paint)), so a renderer colours runs without
    /// mapping byte ranges back. It does not change the layout.
    pub fn paint(mut self, paint: u32) -> SpanStyle {
        self.paint = Some(paint);
        self
    }

    /// Sets or clears the underline (see [`TextStyle::underline`]).
    pub fn underline(mut self, on: bool) -> SpanStyle {
        self.underline = Some(on);
        self
    }

    /// Sets or clears the strikethrough (see [`TextStyle::strikethrough`]).
    pub fn strikethrough(mut self, on: bool) -> SpanStyle {
        self.strikethrough = Some(on);
        self
    }

    /// Sets letter spacing in px (see [`TextStyle::letter_spacing`]).
    pub fn letter_spacing(mut self, px: f32) -> SpanStyle {
        self.letter_spacing = Some(px);
        self
    }

    /// Sets word spacing in px (see [`TextStyle::word_spacing`]).
    pub fn word_spacing(mut self, px: f32) -> SpanStyle {
        self.word_spacing = Some(px);
        self
    }

    /// Sets where words may break with a hyphen (see [`TextStyle::hyphens`]).
    pub fn hyphens(mut self, hyphens: Hyphens) -> SpanStyle {
        self.hyphens = Some(hyphens);
        self
    }

    /// Sets a variation axis value (see [`TextStyle::variation`]; a tag already set under the
    /// span takes this value).
    pub fn variation(mut self, variation: Variation) -> SpanStyle {
        self.variations.push(variation);
        self
    }

    /// Sets the width percentage (see [`TextStyle::stretch`]).
    pub fn stretch(mut self, percent: f32) -> SpanStyle {
        self.stretch = Some(percent);
        self
    }

    /// Sets automatic optical sizing (see [`TextStyle::optical_sizing`]).
    pub fn optical_sizing(mut self, auto: bool) -> SpanStyle {
        self.optical_sizing = Some(auto);
        self
    }

    /// Allows or forbids synthetic bold and oblique (see [`TextStyle::synthesis`]).
    pub fn synthesis(mut self, allowed: bool) -> SpanStyle {
        self.synthesis = Some(allowed);
        self
    }

    /// `under` with this span's properties over it.
    pub fn apply(&self, under: &TextStyle) -> TextStyle {
        let mut out = under.clone();
        if let Some(stack) = &self.stack {
            out = out.with_stack(stack.clone());
        }
        if let Some(size) = self.size {
            out = out.size(size);
        }
        if let Some(weight) = self.weight {
            out = out.weight(weight);
        }
        if let Some(italic) = self.italic {
            out = out.italic(italic);
        }
        if let Some(language) = &self.language {
            out = out.with_language(Some(language.clone()));
        }
        for f in &self.features {
            out = out.set_feature(*f);
        }
        if let Some(paint) = self.paint {
            out = out.paint(paint);
        }
        if let Some(on) = self.underline {
            out = out.underline(on);
        }
        if let Some(on) = self.strikethrough {
            out = out.strikethrough(on);
        }
        if let Some(px) = self.letter_spacing {
            out = out.letter_spacing(px);
        }
        if let Some(px) = self.word_spacing {
            out = out.word_spacing(px);
        }
        if let Some(h) = self.hyphens {
            out = out.hyphens(h);
        }
        for v in &self.variations {
            out = out.variation(*v);
        }
        if let Some(percent) = self.stretch {
            out = out.stretch(percent);
        }
        if let Some(auto) = self.optical_sizing {
            out = out.optical_sizing(auto);
        }
        if let Some(allowed) = self.synthesis {
            out = out.synthesis(allowed);
        }
        out
    }

    /// Checks the properties it sets (as [`TextStyle`] checks its own).
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if let Some(size) = self.size {
            check_size(size)?;
        }
        if let Some(weight) = self.weight.filter(|w| !(1..=1000).contains(w)) {
            return Err(Error::InvalidWeight(weight));
        }
        if self.stack.as_ref().is_some_and(|s| s.families().is_empty()) {
            return Err(Error::EmptyStack);
        }
        if let Some(tag) = &self.language {
            check_language(tag)?;
        }
        for px in [self.letter_spacing, self.word_spacing].into_iter().flatten() {
            check_spacing(px)?;
        }
        if let Some(percent) = self.stretch {
            check_stretch(percent)?;
        }
        check_variations(&self.variations)?;
        Ok(())
    }
}

impl From<TextStyle> for SpanStyle {
    /// Every property of the style: a span that replaces what is under it.
    fn from(style: TextStyle) -> SpanStyle {
        SpanStyle {
            stack: Some(style.stack().clone()),
            size: Some(style.font_size()),
            weight: Some(style.font_weight()),
            italic: Some(style.is_italic()),
            language: style.language_arc().cloned(),
            features: style.features().to_vec(),
            paint: Some(style.paint_id()),
            underline: Some(style.is_underlined()),
            strikethrough: Some(style.is_struck_through()),
            letter_spacing: Some(style.letter_spacing_px()),
            word_spacing: Some(style.word_spacing_px()),
            hyphens: Some(style.hyphens_mode()),
            variations: style.variations().to_vec(),
            stretch: Some(style.font_stretch()),
            optical_sizing: Some(style.is_optical_sizing()),
            synthesis: Some(style.allows_synthesis()),
        }
    }
}

/// The style of each stretch of text as (start, index into `styles`), from `base` (index 0) and
/// `spans` merged in order; equal merged styles share an index. A sweep over the span ends with
/// the set of open spans, so n spans cost O(n log n) plus the merging of each stretch. Each
/// merged style is stored as shaped ([`TextStyle::effective`]: letter spacing's ligatures off).
pub(crate) fn resolve_styles(
    base: TextStyle,
    spans: &[(Range<usize>, SpanStyle)],
    len: usize,
    styles: &mut Vec<TextStyle>,
) -> Vec<(usize, usize)> {
    styles.clear();
    if spans.is_empty() {
        // The usual paragraph: one style, nothing to merge (and no clone of the base).
        styles.push(base.effective());
        return vec![(0, 0)];
    }
    // Spans merge over the style as given; what they give is then made effective.
    styles.push(base.clone().effective());
    let base = &base;
    let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(spans.len() * 2);
    for (i, (r, _)) in spans.iter().enumerate().filter(|(_, (r, _))| !r.is_empty()) {
        events.push((r.start, true, i));
        events.push((r.end, false, i));
    }
    events.sort_unstable();
    let mut open = std::collections::BTreeSet::new();
    let mut runs: Vec<(usize, usize)> = vec![(0, 0)];
    let mut k = 0;
    while k < events.len() {
        let pos = events[k].0;
        while k < events.len() && events[k].0 == pos {
            let (_, starts, i) = events[k];
            if starts {
                open.insert(i);
            } else {
                open.remove(&i);
            }
            k += 1;
        }
        if pos >= len {
            continue;
        }
        // The spans open here, in the order given, over the base.
        let merged = open
            .iter()
            .fold(base.clone(), |style, &i| spans[i].1.apply(&style))
            .effective();
        let index = match styles.iter().position(|s| *s == merged) {
            Some(i) => i,
            None => {
                styles.push(merged);
                styles.len() - 1
            }
        };
        if runs.last().is_some_and(|r| r.1 != index) {
            if runs.last().is_some_and(|r| r.0 == pos) {
                runs.pop();
            }
            if runs.last().map(|r| r.1) != Some(index) {
                runs.push((pos, index));
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::{resolve_styles, SpanStyle};
    use crate::style::text_style::TextStyle;

    #[test]
    fn overlapping_spans_combine() {
        // Bold over 0..21 and 20 px over 11..31, over 40 bytes; by hand: 0..11 bold, 11..21
        // bold and 20 px, 21..31 20 px, 31..40 the base.
        let base = TextStyle::new("Noto Sans");
        let spans = vec![
            (0..21, SpanStyle::new().weight(700)),
            (11..31, SpanStyle::new().size(20.0)),
        ];
        let mut styles = Vec::new();
        let runs = resolve_styles(base.clone(), &spans, 40, &mut styles);
        let got: Vec<(usize, u16, f32)> = runs
            .iter()
            .map(|&(start, i)| (start, styles[i].font_weight(), styles[i].font_size()))
            .collect();
        assert_eq!(
            got,
            vec![(0, 700, 16.0), (11, 700, 20.0), (21, 400, 20.0), (31, 400, 16.0)]
        );
        // A later span wins where both set the same property; a whole TextStyle replaces.
        let spans = vec![
            (0..10, SpanStyle::new().weight(700)),
            (5..10, SpanStyle::from(base.clone().weight(300))),
        ];
        let runs = resolve_styles(base.clone(), &spans, 10, &mut styles);
        let got: Vec<(usize, u16)> = runs.iter().map(|&(s, i)| (s, styles[i].font_weight())).collect();
        assert_eq!(got, vec![(0, 700), (5, 300)]);
        // Empty spans and none at all: the base throughout.
        assert_eq!(
            resolve_styles(base, &[(3..3, SpanStyle::new().weight(700))], 5, &mut styles),
            vec![(0, 0)]
        );
    }
}
