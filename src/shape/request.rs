//! What shaping is asked and what it gives back: the hand-offs between the shaper and the
//! stages around it.

use std::ops::Range;
use std::sync::Arc;

use unicode_script::Script;

use crate::font::Font;
use crate::style::Feature;
use crate::text::Direction;

/// A glyph as the shaper returned it, scaled to pixels, before positioning on a line.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct ShapedGlyph {
    /// Glyph id in the font.
    pub id: u16,
    /// Breaking the text at this glyph's cluster would change the shaping of either side.
    pub unsafe_to_break: bool,
    /// Byte offset of the first char of the glyph's cluster in the text (texts are at most
    /// [`MAX_TEXT_LEN`](crate::MAX_TEXT_LEN) bytes).
    pub cluster: u32,
    /// HarfBuzz's x_advance, in pixels.
    pub advance: f32,
    /// HarfBuzz's x_offset, in pixels.
    pub dx: f32,
    /// HarfBuzz's y_offset, in pixels, positive up.
    pub dy: f32,
}

impl ShapedGlyph {
    /// The byte offset of the glyph's cluster, as a `usize` to index the text with.
    pub fn text_offset(&self) -> usize {
        self.cluster as usize
    }
}

/// How to shape a run with [`shape_run`](crate::shape_run).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunOptions<'a> {
    /// Left to right or right to left.
    pub direction: Direction,
    /// ISO 15924 script tag, such as `"Hebr"`.
    pub script: &'a str,
    /// BCP 47 language tag, such as `"yi"`.
    pub language: Option<&'a str>,
    /// OpenType feature settings.
    pub features: &'a [Feature],
    /// Pixels per em.
    pub size: f32,
}

/// What to shape: a range of the paragraph with everything that selects the shaping rules.
pub(crate) struct ShapeRequest<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub font: &'a Font,
    pub size: f32,
    pub rtl: bool,
    pub script: Script,
    pub language: Option<&'a Arc<str>>,
    pub features: &'a [Feature],
}

/// A glyph as a backend returns it: font units, cluster relative to the shaped range. What the
/// shape cache keeps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RawGlyph {
    pub id: u16,
    pub cluster: u32,
    pub x_advance: i32,
    pub x_offset: i32,
    pub y_offset: i32,
    pub unsafe_to_break: bool,
    /// HarfBuzz's unsafe-to-concat flag (only when asked for: the word path).
    pub unsafe_to_concat: bool,
}

/// Which shaper a [`LayoutContext`](crate::LayoutContext) uses.
///
/// HarfRust (the HarfBuzz project's Rust port, the maintained successor the RUSTSEC-2026-0206
/// advisory on rustybuzz names) is the default when the `harfrust` feature is on, as it is by
/// default: it shapes the article about three times as fast as rustybuzz. rustybuzz 0.20 is
/// always built and stays supported (the default without the feature); both pass the same
/// tests against HarfBuzz. The `SHRIFT_SHAPER` environment variable (`rustybuzz` or
/// `harfrust`) changes the default of new contexts, so that a whole test suite can run on the
/// other backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShapingBackend {
    /// rustybuzz 0.20 (the default without the `harfrust` feature).
    Rustybuzz,
    /// HarfRust (feature `harfrust`, on by default; the default backend when compiled in).
    #[cfg(feature = "harfrust")]
    Harfrust,
}

impl Default for ShapingBackend {
    /// HarfRust when compiled in, else rustybuzz.
    fn default() -> ShapingBackend {
        #[cfg(feature = "harfrust")]
        return ShapingBackend::Harfrust;
        #[cfg(not(feature = "harfrust"))]
        return ShapingBackend::Rustybuzz;
    }
}

impl ShapingBackend {
    /// The default backend ([`ShapingBackend::default`]), or what `SHRIFT_SHAPER` names when it
    /// names a backend compiled in.
    pub fn from_env() -> ShapingBackend {
        match std::env::var("SHRIFT_SHAPER").as_deref() {
            Ok("rustybuzz") => ShapingBackend::Rustybuzz,
            #[cfg(feature = "harfrust")]
            Ok("harfrust") => ShapingBackend::Harfrust,
            _ => ShapingBackend::default(),
        }
    }
}

/// Scripts written right to left, whose runs the shaper reverses when asked to shape them left to
/// right (HarfBuzz's `hb_script_get_horizontal_direction`).
pub(crate) fn is_natively_rtl(script: Script) -> bool {
    use Script::*;
    matches!(
        script,
        Arabic
            | Hebrew
            | Syriac
            | Thaana
            | Nko
            | Samaritan
            | Mandaic
            | Adlam
            | Hanifi_Rohingya
            | Yezidi
            | Cypriot
            | Kharoshthi
            | Phoenician
            | Lydian
            | Avestan
            | Imperial_Aramaic
            | Inscriptional_Pahlavi
            | Inscriptional_Parthian
            | Old_South_Arabian
            | Old_North_Arabian
            | Old_Turkic
            | Meroitic_Cursive
            | Meroitic_Hieroglyphs
            | Nabataean
            | Palmyrene
            | Psalter_Pahlavi
            | Manichaean
            | Mende_Kikakui
            | Old_Hungarian
            | Hatran
            | Old_Sogdian
            | Sogdian
            | Elymaic
            | Chorasmian
            | Old_Uyghur
    )
}

#[cfg(test)]
mod tests {
    use super::ShapingBackend;

    /// HarfRust is the default when compiled in (issue 24); `SHRIFT_SHAPER` picks either.
    #[test]
    fn harfrust_is_the_default_when_compiled_in() {
        #[cfg(feature = "harfrust")]
        assert_eq!(ShapingBackend::default(), ShapingBackend::Harfrust);
        #[cfg(not(feature = "harfrust"))]
        assert_eq!(ShapingBackend::default(), ShapingBackend::Rustybuzz);
        let named = std::env::var("SHRIFT_SHAPER");
        let env = ShapingBackend::from_env();
        match named.as_deref() {
            Ok("rustybuzz") => assert_eq!(env, ShapingBackend::Rustybuzz),
            #[cfg(feature = "harfrust")]
            Ok("harfrust") => assert_eq!(env, ShapingBackend::Harfrust),
            _ => assert_eq!(env, ShapingBackend::default()),
        }
    }
}
