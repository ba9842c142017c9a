//! Variable fonts and synthesis: axis settings ([`Variation`]), a face's axes
//! ([`VariationAxis`]), and the bold and oblique a renderer fakes when a stack has no such face
//! ([`Synthesis`]).
//!
//! A variable face at a location, or a face drawn with synthesis, is a [`Font`] of its own
//! ([`Font::instance`]): its own id, so that shape caches and a renderer's glyph atlas keep its
//! glyphs apart from the default instance's, with the metrics and outlines of that location.
//!
//! [`Font`]: super::Font
//! [`Font::instance`]: super::Font::instance

use std::str::FromStr;

use crate::error::Error;

/// An axis setting: a four-byte tag (`wght`, `wdth`, `slnt`, `ital`, `opsz`, or a font's own
/// axis) and a value in the axis's user units (CSS `font-variation-settings`).
///
/// ```
/// let v: shrift::Variation = "wght=650".parse().unwrap();
/// assert_eq!((v.tag(), v.value()), (*b"wght", 650.0));
/// assert!("wght".parse::<shrift::Variation>().is_err());
/// let list = shrift::Variation::parse_list("wght=650, wdth=90").unwrap();
/// assert_eq!(list.len(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Variation {
    tag: [u8; 4],
    value: f32,
}

impl Variation {
    /// A setting from its tag and value.
    pub fn new(tag: [u8; 4], value: f32) -> Variation {
        Variation { tag, value }
    }

    /// The axis tag.
    pub fn tag(&self) -> [u8; 4] {
        self.tag
    }

    /// The value, in the axis's user units (`wght` 100 to 900, `wdth` a percentage, `slnt`
    /// degrees counter-clockwise, `opsz` points).
    pub fn value(&self) -> f32 {
        self.value
    }

    /// The tag as text (`"wght"`).
    pub fn tag_str(&self) -> &str {
        std::str::from_utf8(&self.tag).unwrap_or("????")
    }

    /// Parses a comma-separated list (`"wght=650,wdth=90"`, the dump's `--variations`); an empty
    /// string is an empty list.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidVariation`] for an item that does not parse.
    pub fn parse_list(s: &str) -> Result<Vec<Variation>, Error> {
        s.split(',')
            .filter(|item| !item.trim().is_empty())
            .map(str::parse)
            .collect()
    }
}

impl FromStr for Variation {
    type Err = Error;

    /// Parses `tag=value` (HarfBuzz's `--variations` syntax, one item): a tag of one to four
    /// printable ASCII chars (padded with spaces) and a finite number.
    fn from_str(s: &str) -> Result<Variation, Error> {
        let bad = || Error::InvalidVariation(s.to_string());
        let (name, value) = s.trim().split_once('=').ok_or_else(bad)?;
        let name = name.trim();
        let value: f32 = value.trim().parse().map_err(|_| bad())?;
        if !value.is_finite()
            || name.is_empty()
            || name.len() > 4
            || !name.bytes().all(|b| b.is_ascii_graphic())
        {
            return Err(bad());
        }
        let mut tag = [b' '; 4];
        tag[..name.len()].copy_from_slice(name.as_bytes());
        Ok(Variation { tag, value })
    }
}

/// One axis of a variable face (its `fvar` record).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VariationAxis {
    /// The axis tag.
    pub tag: [u8; 4],
    /// The smallest value.
    pub min: f32,
    /// The value of the default instance.
    pub default: f32,
    /// The largest value.
    pub max: f32,
    /// The font asks that the axis not be offered to users.
    pub hidden: bool,
}

/// What a renderer fakes for a run because its stack has no face with the weight or slant the
/// style asks for (CSS `font-synthesis`). Layout does not change: as in Chromium (Skia), a
/// synthetic bold keeps the face's advances, and the oblique is a skew about the baseline.
/// shrift's own outlines ([`Font::glyph_outline`](super::Font::glyph_outline),
/// [`Outliner`](super::Outliner)), SVG and raster output apply it; other renderers read it from
/// [`Run::synthesis`](crate::Run::synthesis).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Synthesis {
    /// Strokes are thickened ([`Synthesis::embolden`] says by how much).
    pub bold: bool,
    /// Glyphs are slanted by [`Synthesis::SKEW`].
    pub oblique: bool,
}

impl Synthesis {
    /// The slant of a synthetic oblique: x moves right by a quarter of the height above the
    /// baseline (about 14°, CSS's default oblique angle): the skew Chromium gives Skia for a
    /// synthetic italic (`setSkewX(-SK_Scalar1 / 4)`, x-skew in Skia's y-down space).
    pub const SKEW: f32 = 0.25;

    /// Whether anything is synthesised.
    pub fn any(&self) -> bool {
        self.bold || self.oblique
    }

    /// How far a synthetic bold grows each outline, in total across a stroke, at `size` px per em
    /// (0 when not bold): Skia's fake bold, which Chromium uses, strokes the outline with a width
    /// of `size` × a ratio going from 1/24 at 9 px to 1/32 at 36 px (constant beyond), so each
    /// side of a stroke grows by half of this.
    pub fn embolden(&self, size: f32) -> f32 {
        if !self.bold {
            return 0.0;
        }
        let t = ((size - 9.0) / (36.0 - 9.0)).clamp(0.0, 1.0);
        let ratio = 1.0 / 24.0 + t * (1.0 / 32.0 - 1.0 / 24.0);
        size * ratio
    }
}

/// Axis values sorted by tag, each clamped to its axis; settings of axes the face does not have
/// and values that are not numbers are dropped, and of a tag given twice the last one counts (as
/// in CSS and HarfBuzz). Axes left at their default are left out, so that every way of asking
/// for the default location gives the default instance.
pub(crate) fn normalize(axes: &[VariationAxis], settings: &[Variation]) -> Vec<Variation> {
    let mut out: Vec<Variation> = Vec::with_capacity(settings.len());
    for s in settings.iter().filter(|s| s.value.is_finite()) {
        let Some(axis) = axes.iter().find(|a| a.tag == s.tag) else {
            continue;
        };
        let v = Variation::new(s.tag, s.value.clamp(axis.min, axis.max));
        match out.iter_mut().find(|o| o.tag == s.tag) {
            Some(o) => *o = v,
            None => out.push(v),
        }
    }
    out.retain(|v| axes.iter().any(|a| a.tag == v.tag && a.default != v.value));
    out.sort_by_key(|v| v.tag);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn axis(tag: &[u8; 4], min: f32, default: f32, max: f32) -> VariationAxis {
        VariationAxis {
            tag: *tag,
            min,
            default,
            max,
            hidden: false,
        }
    }

    #[test]
    fn settings_are_clamped_sorted_and_the_last_of_a_tag_wins() {
        let axes = [axis(b"wght", 100.0, 400.0, 900.0), axis(b"slnt", -10.0, 0.0, 0.0)];
        let got = normalize(
            &axes,
            &[
                Variation::new(*b"wght", 1000.0),
                Variation::new(*b"wdth", 75.0),
                Variation::new(*b"slnt", -20.0),
                Variation::new(*b"wght", 650.0),
            ],
        );
        assert_eq!(
            got,
            vec![Variation::new(*b"slnt", -10.0), Variation::new(*b"wght", 650.0)]
        );
        // The default location, however asked: nothing to set.
        let default = [
            Variation::new(*b"wght", 400.0),
            Variation::new(*b"slnt", 5.0),
            Variation::new(*b"wght", f32::NAN),
        ];
        assert!(normalize(&axes, &default).is_empty());
    }

    #[test]
    fn parsing_takes_hb_syntax_and_rejects_the_rest() {
        assert_eq!("wdth = 87.5".parse::<Variation>().unwrap().value(), 87.5);
        assert_eq!("XHGT=1".parse::<Variation>().unwrap().tag(), *b"XHGT");
        assert_eq!("ab=1".parse::<Variation>().unwrap().tag(), *b"ab  ");
        for bad in ["wght", "=1", "toolong=1", "wght=x", "wght=inf", "wght=NaN"] {
            assert!(bad.parse::<Variation>().is_err(), "{bad}");
        }
        assert!(Variation::parse_list("").unwrap().is_empty());
    }

    /// Skia's SkScalerContext: kStdFakeBoldInterpKeys {9, 36} → values {1/24, 1/32}.
    #[test]
    fn synthetic_bold_follows_skias_table() {
        let bold = Synthesis {
            bold: true,
            oblique: false,
        };
        assert!((bold.embolden(9.0) - 9.0 / 24.0).abs() < 1e-6);
        assert!((bold.embolden(36.0) - 36.0 / 32.0).abs() < 1e-6);
        assert!((bold.embolden(72.0) - 72.0 / 32.0).abs() < 1e-6);
        assert!((bold.embolden(4.0) - 4.0 / 24.0).abs() < 1e-6);
        // Half way from 9 to 36 px, half way between the ratios.
        let mid = 22.5 * (1.0 / 24.0 + 1.0 / 32.0) / 2.0;
        assert!((bold.embolden(22.5) - mid).abs() < 1e-6);
        assert_eq!(Synthesis::default().embolden(20.0), 0.0);
    }
}
