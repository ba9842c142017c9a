//! Text styles: what a paragraph's text is drawn with, and the checks every style value passes.

use std::sync::Arc;

use super::feature::Feature;
use super::hyphens::Hyphens;
use crate::error::Error;
use crate::font::{Font, FontStack, Synthesis, Variation};
use crate::limits::MAX_FONT_SIZE;

/// The language Hebrew-script text is tagged with when its style names none: this library is
/// built for Yiddish, and the tag selects fonts' `JII` (Yiddish) OpenType rules.
pub const DEFAULT_HEBREW_LANGUAGE: &str = "yi";

/// How a span of text looks: font stack, size, weight, style, language and OpenType features.
///
/// Built with chained setters; checked when a paragraph is built.
///
/// ```
/// use shrift::{Feature, TextStyle};
/// let headline = TextStyle::new("Noto Sans Hebrew, Noto Sans")
///     .size(32.0)
///     .weight(700)
///     .language("yi")
///     .feature("kern=1".parse::<Feature>().unwrap());
/// assert_eq!(headline.font_size(), 32.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TextStyle {
    stack: FontStack,
    size: f32,
    weight: u16,
    italic: bool,
    language: Option<Arc<str>>,
    features: Vec<Feature>,
    paint: u32,
    underline: bool,
    strikethrough: bool,
    letter_spacing: f32,
    word_spacing: f32,
    hyphens: Hyphens,
    variations: Vec<Variation>,
    stretch: f32,
    optical_sizing: bool,
    synthesis: bool,
}

impl TextStyle {
    /// A 16 px, weight 400, upright style with the given font stack (see [`FontStack::new`]).
    pub fn new(stack: impl Into<FontStack>) -> TextStyle {
        TextStyle {
            stack: stack.into(),
            size: 16.0,
            weight: 400,
            italic: false,
            language: None,
            features: Vec::new(),
            paint: 0,
            underline: false,
            strikethrough: false,
            letter_spacing: 0.0,
            word_spacing: 0.0,
            hyphens: Hyphens::Manual,
            variations: Vec::new(),
            stretch: 100.0,
            optical_sizing: true,
            synthesis: true,
        }
    }

    /// Sets the font size in pixels per em.
    pub fn size(mut self, size: f32) -> TextStyle {
        self.size = size;
        self
    }

    /// Sets the weight (400 regular, 700 bold); the nearest face of each family is used.
    pub fn weight(mut self, weight: u16) -> TextStyle {
        self.weight = weight;
        self
    }

    /// Asks for italic faces.
    pub fn italic(mut self, italic: bool) -> TextStyle {
        self.italic = italic;
        self
    }

    /// Sets the BCP 47 language tag (`"yi"`, `"he"`, `"en"`) given to the shaper for every run of
    /// the span. Without one, Hebrew-script runs are tagged [`DEFAULT_HEBREW_LANGUAGE`] and
    /// other runs are untagged.
    pub fn language(mut self, tag: &str) -> TextStyle {
        self.language = Some(tag.into());
        self
    }

    /// Adds an OpenType feature setting.
    pub fn feature(mut self, feature: Feature) -> TextStyle {
        self.features.push(feature);
        self
    }

    /// Sets a variation axis value (CSS `font-variation-settings`), replacing the setting of the
    /// same tag. It overrides what weight, width, slant and optical sizing set on that axis;
    /// faces without the axis ignore it.
    pub fn variation(mut self, variation: Variation) -> TextStyle {
        self.variations.retain(|v| v.tag() != variation.tag());
        self.variations.push(variation);
        self
    }

    /// Sets the width as a percentage of normal (CSS `font-stretch`, 50 to 200; default 100):
    /// the `wdth` axis of a variable face.
    pub fn stretch(mut self, percent: f32) -> TextStyle {
        self.stretch = percent;
        self
    }

    /// Sets automatic optical sizing (CSS `font-optical-sizing`; on by default, as in CSS): a
    /// variable face's `opsz` axis follows the size in px, as Chromium and Firefox set it.
    pub fn optical_sizing(mut self, auto: bool) -> TextStyle {
        self.optical_sizing = auto;
        self
    }

    /// Allows synthetic bold and oblique (CSS `font-synthesis`; on by default) where the stack
    /// has no face with the weight or slant asked for. See [`TextStyle::font_instance`].
    pub fn synthesis(mut self, allowed: bool) -> TextStyle {
        self.synthesis = allowed;
        self
    }

    /// The variation settings.
    pub fn variations(&self) -> &[Variation] {
        &self.variations
    }

    /// The width percentage (`font-stretch`).
    pub fn font_stretch(&self) -> f32 {
        self.stretch
    }

    /// Whether `opsz` follows the size.
    pub fn is_optical_sizing(&self) -> bool {
        self.optical_sizing
    }

    /// Whether synthetic bold and oblique are allowed.
    pub fn allows_synthesis(&self) -> bool {
        self.synthesis
    }

    /// The instance of `face` this style draws with (the face a stack resolved for it):
    ///
    /// - on a variable face, `wght` takes the style's weight, `wdth` its stretch, `ital` 1 or
    ///   else `slnt` -14 (CSS's 14° oblique, clamped to the axis) when italic is asked of an
    ///   upright face, `opsz` the size in px with optical sizing on; then the style's own
    ///   [`variations`](TextStyle::variation) override;
    /// - with synthesis allowed, a synthetic bold when the style asks for weight 600 or more of
    ///   an instance below 600, and a synthetic oblique when it asks for italic of an upright
    ///   instance (Blink's rules: `FontDescription::SyntheticBold/Italic`).
    ///
    /// Paragraphs call this for every face of a style's stack and fallback; a renderer reads the
    /// result from [`Run::font`](crate::Run::font).
    pub fn font_instance(&self, face: &Font) -> Font {
        let mut settings: Vec<Variation> = Vec::new();
        if face.is_variable() {
            let has = |tag: &[u8; 4]| face.variation_axes().iter().any(|a| a.tag == *tag);
            settings.push(Variation::new(*b"wght", f32::from(self.weight)));
            settings.push(Variation::new(*b"wdth", self.stretch));
            if self.italic && !face.is_italic() {
                if has(b"ital") {
                    settings.push(Variation::new(*b"ital", 1.0));
                } else {
                    settings.push(Variation::new(*b"slnt", -14.0));
                }
            }
            if self.optical_sizing {
                settings.push(Variation::new(*b"opsz", self.size));
            }
            settings.extend_from_slice(&self.variations);
        }
        let at = face.instance(&settings, Synthesis::default());
        let synthesis = Synthesis {
            bold: self.synthesis && self.weight >= 600 && at.weight() < 600,
            oblique: self.synthesis && self.italic && !at.is_italic(),
        };
        if synthesis.any() {
            face.instance(&settings, synthesis)
        } else {
            at
        }
    }

    /// The font stack.
    pub fn stack(&self) -> &FontStack {
        &self.stack
    }

    /// The font size in pixels per em.
    pub fn font_size(&self) -> f32 {
        self.size
    }

    /// The weight asked for.
    pub fn font_weight(&self) -> u16 {
        self.weight
    }

    /// Whether italic faces are asked for.
    pub fn is_italic(&self) -> bool {
        self.italic
    }

    /// The language tag, if one was set.
    pub fn language_tag(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The OpenType feature settings.
    pub fn features(&self) -> &[Feature] {
        &self.features
    }

    /// Sets the paint: an id of the caller's (a colour, a brush, a link; default 0) that runs
    /// in this style carry ([`Run::paint`](crate::Run::paint)). It does not change the layout:
    /// text that differs only in paint is shaped together.
    pub fn paint(mut self, paint: u32) -> TextStyle {
        self.paint = paint;
        self
    }

    /// The paint id.
    pub fn paint_id(&self) -> u32 {
        self.paint
    }

    /// Underlines the text: the layout gives the rectangles ([`Layout::decorations`]), at the
    /// position and thickness the face's `post` table gives (see
    /// [`Font::decoration_metrics`]). Like paint, it does not change shaping.
    ///
    /// [`Layout::decorations`]: crate::Layout::decorations
    /// [`Font::decoration_metrics`]: crate::Font::decoration_metrics
    pub fn underline(mut self, on: bool) -> TextStyle {
        self.underline = on;
        self
    }

    /// Strikes the text through, at the position and thickness of the face's `OS/2` table.
    pub fn strikethrough(mut self, on: bool) -> TextStyle {
        self.strikethrough = on;
        self
    }

    /// Whether the text is underlined.
    pub fn is_underlined(&self) -> bool {
        self.underline
    }

    /// Whether the text is struck through.
    pub fn is_struck_through(&self) -> bool {
        self.strikethrough
    }

    /// Sets letter spacing in px (CSS `letter-spacing`): added after every glyph cluster (a
    /// grapheme, or a required ligature of several), so the line breaker sees it. Non-zero
    /// spacing turns the optional ligatures off (`liga`, `clig`, `dlig`, `hlig` = 0, unless the
    /// style sets those features itself), as browsers do. Negative values tighten, but never so
    /// far that a cluster's advance with its spacing goes below zero (CSS leaves negative
    /// spacing's limits to the implementation): clusters may overlap completely, the pen never
    /// moves back. At most [`MAX_FONT_SIZE`] either way
    /// ([`Error::InvalidLetterSpacing`] when the paragraph is built).
    pub fn letter_spacing(mut self, px: f32) -> TextStyle {
        self.letter_spacing = px;
        self
    }

    /// Sets word spacing in px (CSS `word-spacing`): added to every word separator (U+0020,
    /// U+00A0 and the other separators CSS Text 3 lists). Held as letter spacing is.
    pub fn word_spacing(mut self, px: f32) -> TextStyle {
        self.word_spacing = px;
        self
    }

    /// Sets where words may break with a hyphen (CSS `hyphens`; [`Hyphens::Manual`] by
    /// default: at soft hyphens only).
    pub fn hyphens(mut self, hyphens: Hyphens) -> TextStyle {
        self.hyphens = hyphens;
        self
    }

    /// Where words may break with a hyphen.
    pub fn hyphens_mode(&self) -> Hyphens {
        self.hyphens
    }

    /// The letter spacing in px.
    pub fn letter_spacing_px(&self) -> f32 {
        self.letter_spacing
    }

    /// The word spacing in px.
    pub fn word_spacing_px(&self) -> f32 {
        self.word_spacing
    }

    /// Whether two styles shape alike: equal but for paint, decorations and word spacing (letter
    /// spacing turns ligatures off, so it shapes differently).
    pub(crate) fn shapes_like(&self, other: &TextStyle) -> bool {
        self.stack == other.stack
            && self.size == other.size
            && self.weight == other.weight
            && self.italic == other.italic
            && self.language == other.language
            && self.features == other.features
            && self.letter_spacing == other.letter_spacing
            && self.variations == other.variations
            && self.stretch == other.stretch
            && self.optical_sizing == other.optical_sizing
            && self.synthesis == other.synthesis
    }

    /// The style as shaped: with letter spacing, the optional ligatures off (where the style
    /// does not set them).
    pub(crate) fn effective(mut self) -> TextStyle {
        if self.letter_spacing != 0.0 {
            for tag in [*b"liga", *b"clig", *b"dlig", *b"hlig"] {
                if !self.features.iter().any(|f| f.tag() == tag) {
                    self.features.push(Feature::new(tag, 0));
                }
            }
        }
        self
    }

    pub(crate) fn with_stack(mut self, stack: FontStack) -> TextStyle {
        self.stack = stack;
        self
    }

    pub(crate) fn with_language(mut self, language: Option<Arc<str>>) -> TextStyle {
        self.language = language;
        self
    }

    /// Sets a feature, replacing the setting of the same tag.
    pub(crate) fn set_feature(mut self, feature: Feature) -> TextStyle {
        self.features.retain(|f| f.tag() != feature.tag());
        self.features.push(feature);
        self
    }

    pub(crate) fn language_arc(&self) -> Option<&Arc<str>> {
        self.language.as_ref()
    }

    /// Checks every field; the paragraph builder calls this.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check_size(self.size)?;
        if !(1..=1000).contains(&self.weight) {
            return Err(Error::InvalidWeight(self.weight));
        }
        if self.stack.families().is_empty() {
            return Err(Error::EmptyStack);
        }
        if let Some(tag) = &self.language {
            check_language(tag)?;
        }
        check_spacing(self.letter_spacing)?;
        check_spacing(self.word_spacing)?;
        check_stretch(self.stretch)?;
        check_variations(&self.variations)?;
        Ok(())
    }
}

/// A stretch is a finite percentage from 50 to 200 (CSS `font-stretch`'s range).
pub(crate) fn check_stretch(percent: f32) -> Result<(), Error> {
    if (50.0..=200.0).contains(&percent) {
        Ok(())
    } else {
        Err(Error::InvalidFontStretch(percent))
    }
}

/// Variation values must be finite (a face clamps them to its axes).
pub(crate) fn check_variations(variations: &[Variation]) -> Result<(), Error> {
    match variations.iter().find(|v| !v.value().is_finite()) {
        Some(v) => Err(Error::InvalidVariation(format!("{}={}", v.tag_str(), v.value()))),
        None => Ok(()),
    }
}

/// Letter and word spacing must be finite and at most [`MAX_FONT_SIZE`] either way.
pub(crate) fn check_spacing(px: f32) -> Result<(), Error> {
    if px.is_finite() && px.abs() <= MAX_FONT_SIZE {
        Ok(())
    } else {
        Err(Error::InvalidLetterSpacing(px))
    }
}

/// A font size must be finite, positive and at most [`MAX_FONT_SIZE`].
pub(crate) fn check_size(size: f32) -> Result<(), Error> {
    if size.is_finite() && size > 0.0 && size <= MAX_FONT_SIZE {
        Ok(())
    } else {
        Err(Error::InvalidFontSize { size })
    }
}

/// A language tag is 1 to 35 ASCII letters, digits and hyphens, not starting with a hyphen.
pub(crate) fn check_language(tag: &str) -> Result<(), Error> {
    let ok = !tag.is_empty()
        && tag.len() <= 35
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !tag.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidLanguage(tag.to_string()))
    }
}
