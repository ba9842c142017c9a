//! A face: its bytes, and what layout needs to know of it without parsing the font again.
//!
//! A [`Font`] is a cheap, shareable handle (an `Arc`) on a face's bytes plus what layout needs to
//! know without parsing the font again: family, weight, style, vertical metrics and the set of
//! chars the face maps. Everything that can go wrong with font bytes goes wrong here, at load
//! time, as an [`Error`]; later stages never see an unparsable face.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};

use super::variation::{normalize, Synthesis, Variation, VariationAxis};
use crate::error::Error;

/// The bytes of a face: borrowed for the program's life (embedded fonts) or shared.
#[derive(Clone)]
pub(crate) enum FontData {
    Static(&'static [u8]),
    Shared(Arc<[u8]>),
}

impl FontData {
    fn bytes(&self) -> &[u8] {
        match self {
            FontData::Static(b) => b,
            FontData::Shared(b) => b,
        }
    }
}

/// A loaded font face: a cheap-to-clone handle, `Send + Sync`.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// let book = shrift::FontBook::with_bundled_fonts();
/// let font = &book.fonts()[0];
/// assert!(!font.family().is_empty());
/// # }
/// ```
#[derive(Clone)]
pub struct Font(Arc<FontInner>);

struct FontInner {
    uid: u64,
    data: FontData,
    index: u32,
    name: String,
    family: String,
    weight: u16,
    italic: bool,
    units_per_em: u16,
    /// Vertical and decoration metrics, at this instance's location for a variable face.
    m: UnitMetrics,
    /// Sorted, disjoint, inclusive ranges of the code points the face maps to a glyph (shared by
    /// a face's instances).
    coverage: Arc<[(u32, u32)]>,
    /// Bit `c` set when the face covers ASCII char `c`: the common question, without a search.
    ascii: u128,
    /// The face triggers rustybuzz 0.20's Hebrew compose bug (see shape.rs).
    hebrew_compose_fix: bool,
    /// The face's variation axes (`fvar`), empty for a static face.
    axes: Arc<[VariationAxis]>,
    /// This instance's axis values, sorted by tag (empty: the default instance).
    variations: Box<[Variation]>,
    /// What a renderer fakes for this instance.
    synthesis: Synthesis,
    /// The face has colour glyph tables (`COLR`, `CBDT`, `sbix` or `SVG `).
    color: bool,
    /// Instances made of this face (default instance only), so that asking twice for the same
    /// location gives the same `Font` (and id): shape caches and glyph atlases keep hitting.
    instances: Mutex<Vec<Font>>,
    /// For an instance, the face it was made of (weak: the face keeps its instances).
    base: Option<Weak<FontInner>>,
}

/// Metrics in font units, read at an instance's location.
#[derive(Clone, Copy)]
struct UnitMetrics {
    ascender: i16,
    descender: i16,
    line_gap: i16,
    /// `post` underline (position of the stroke's top, thickness), when the table has one.
    underline: Option<(i16, i16)>,
    /// `OS/2` strikeout (position of the stroke's top, thickness), when the table has one.
    strikeout: Option<(i16, i16)>,
    /// `OS/2` x-height, when given.
    x_height: Option<i16>,
}

impl UnitMetrics {
    /// ttf-parser applies `MVAR` to these when the face has a location.
    fn read(face: &ttf_parser::Face<'_>) -> UnitMetrics {
        UnitMetrics {
            ascender: face.ascender(),
            descender: face.descender(),
            line_gap: face.line_gap(),
            underline: face.underline_metrics().map(|m| (m.position, m.thickness)),
            strikeout: face.strikeout_metrics().map(|m| (m.position, m.thickness)),
            x_height: face.x_height(),
        }
    }
}

/// Instances kept per face; past this many a new location gets a `Font` that is not kept.
const MAX_INSTANCES: usize = 64;

/// Where a face draws its underline and strikethrough at a size, in pixels: each stroke's top as
/// a distance above the baseline (negative below it), and its thickness. See
/// [`Font::decoration_metrics`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecorationMetrics {
    /// Top of the underline above the baseline (negative: below).
    pub underline_position: f32,
    /// Thickness of the underline.
    pub underline_thickness: f32,
    /// Top of the strikethrough above the baseline.
    pub strikethrough_position: f32,
    /// Thickness of the strikethrough.
    pub strikethrough_thickness: f32,
}

/// Vertical metrics of a face at a size, in pixels (ascent and descent both positive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FontMetrics {
    /// Distance from the baseline up to the top of the line box.
    pub ascent: f32,
    /// Distance from the baseline down to the bottom of the line box.
    pub descent: f32,
    /// The face's recommended gap between lines.
    pub line_gap: f32,
}

static NEXT_UID: AtomicU64 = AtomicU64::new(1);

impl Font {
    /// Loads face `index` of the font (or collection) in `data`; `name` is how the font is reported
    /// in layouts and errors, usually its file name.
    ///
    /// # Errors
    ///
    /// [`Error::FontParse`] when ttf-parser cannot read the face (truncated or random bytes, a
    /// collection index out of range, missing required tables).
    pub fn from_bytes(data: Vec<u8>, index: u32, name: &str) -> Result<Font, Error> {
        Font::new(FontData::Shared(data.into()), index, name)
    }

    /// Like [`Font::from_bytes`] for bytes that live as long as the program, such as
    /// `include_bytes!`: nothing is copied.
    ///
    /// # Errors
    ///
    /// As [`Font::from_bytes`].
    pub fn from_static(data: &'static [u8], index: u32, name: &str) -> Result<Font, Error> {
        Font::new(FontData::Static(data), index, name)
    }

    /// Reads and loads face `index` of a font file; the font's name is the file name.
    ///
    /// # Errors
    ///
    /// [`Error::FontIo`] when the file cannot be read, else as [`Font::from_bytes`].
    pub fn from_file(path: impl AsRef<std::path::Path>, index: u32) -> Result<Font, Error> {
        let path = path.as_ref();
        let data = std::fs::read(path).map_err(|e| Error::FontIo {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        Font::from_bytes(data, index, &name)
    }

    pub(crate) fn new(data: FontData, index: u32, name: &str) -> Result<Font, Error> {
        let face = ttf_parser::Face::parse(data.bytes(), index).map_err(|e| Error::FontParse {
            name: name.to_string(),
            reason: e.to_string(),
        })?;
        // rustybuzz parses the same bytes again when shaping; it must accept what we accept.
        if rustybuzz::Face::from_slice(data.bytes(), index).is_none() {
            return Err(Error::FontParse {
                name: name.to_string(),
                reason: "rejected by the shaper".to_string(),
            });
        }
        let family = family_name(&face).unwrap_or_else(|| name.to_string());
        let coverage = coverage(&face);
        // rustybuzz's Hebrew shaper composes presentation forms only without GPOS mark
        // positioning, and then gets U+FB1F wrong; shape.rs works around it for such faces.
        let has_mark_feature = face.tables().gpos.is_some_and(|gpos| {
            gpos.features
                .into_iter()
                .any(|f| f.tag == ttf_parser::Tag::from_bytes(b"mark"))
        });
        let hebrew_compose_fix = !has_mark_feature && face.glyph_index('\u{FB1F}').is_some();
        let tables = face.tables();
        let inner = FontInner {
            uid: NEXT_UID.fetch_add(1, Ordering::Relaxed),
            index,
            name: name.to_string(),
            family,
            weight: face.weight().to_number().clamp(1, 1000),
            italic: face.is_italic() || face.is_oblique(),
            units_per_em: face.units_per_em(),
            m: UnitMetrics::read(&face),
            ascii: (0..128u32)
                .filter(|&c| ranges_hold(&coverage, char::from(c as u8)))
                .fold(0u128, |bits, c| bits | 1 << c),
            coverage: coverage.into(),
            hebrew_compose_fix,
            axes: face
                .variation_axes()
                .into_iter()
                .map(|a| VariationAxis {
                    tag: a.tag.to_bytes(),
                    min: a.min_value,
                    default: a.def_value,
                    max: a.max_value,
                    hidden: a.hidden,
                })
                .collect(),
            variations: Box::new([]),
            synthesis: Synthesis::default(),
            color: tables.colr.is_some()
                || tables.cbdt.is_some()
                || tables.sbix.is_some()
                || tables.svg.is_some(),
            instances: Mutex::new(Vec::new()),
            base: None,
            data,
        };
        Ok(Font(Arc::new(inner)))
    }

    /// This face at a location of its variation axes, drawn with `synthesis`: a `Font` of its
    /// own (its own [`id`](Font::id)) whose shaping, advances, metrics and outlines are those of
    /// the location. Settings are clamped to each axis's range; settings of axes the face does
    /// not have are dropped (a static face takes none). Asking again for the same location and
    /// synthesis gives the same `Font`; the face itself when nothing is left to set.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, Synthesis, Variation};
    /// let book = FontBook::with_bundled_fonts();
    /// let noto = book.find("Noto Sans", 400, false).unwrap();
    /// // The bundled faces are static: a weight axis setting changes nothing.
    /// assert_eq!(&noto.instance(&[Variation::new(*b"wght", 650.0)], Synthesis::default()), noto);
    /// let fake_bold = noto.instance(&[], Synthesis { bold: true, oblique: false });
    /// assert!(fake_bold != *noto && fake_bold.synthesis().bold);
    /// # }
    /// ```
    pub fn instance(&self, settings: &[Variation], synthesis: Synthesis) -> Font {
        // Locations are absolute: an instance's instance is its face's.
        if let Some(face) = self.0.base.as_ref().and_then(Weak::upgrade) {
            return Font(face).instance(settings, synthesis);
        }
        let base = &self.0;
        let variations = normalize(&base.axes, settings);
        if variations.is_empty() && !synthesis.any() {
            return self.clone();
        }
        let Ok(mut instances) = base.instances.lock() else {
            return self.derive(variations, synthesis);
        };
        if let Some(found) = instances
            .iter()
            .find(|f| *f.0.variations == *variations && f.0.synthesis == synthesis)
        {
            return found.clone();
        }
        let font = self.derive(variations, synthesis);
        if instances.len() < MAX_INSTANCES {
            instances.push(font.clone());
        }
        font
    }

    /// A new `Font` for the location and synthesis, sharing this face's bytes and coverage.
    fn derive(&self, variations: Vec<Variation>, synthesis: Synthesis) -> Font {
        let b = &self.0;
        let mut weight = b.weight;
        let mut italic = b.italic;
        let mut m = b.m;
        if let Ok(mut face) = ttf_parser::Face::parse(b.data.bytes(), b.index) {
            for v in &variations {
                face.set_variation(ttf_parser::Tag::from_bytes(&v.tag()), v.value());
                match &v.tag() {
                    b"wght" => weight = v.value().round().clamp(1.0, 1000.0) as u16,
                    b"ital" => italic |= v.value() >= 0.5,
                    b"slnt" => italic |= v.value() != 0.0,
                    _ => {}
                }
            }
            m = UnitMetrics::read(&face);
        }
        let inner = FontInner {
            uid: NEXT_UID.fetch_add(1, Ordering::Relaxed),
            data: b.data.clone(),
            index: b.index,
            name: b.name.clone(),
            family: b.family.clone(),
            weight,
            italic,
            units_per_em: b.units_per_em,
            m,
            coverage: b.coverage.clone(),
            ascii: b.ascii,
            hebrew_compose_fix: b.hebrew_compose_fix,
            axes: b.axes.clone(),
            variations: variations.into(),
            synthesis,
            color: b.color,
            instances: Mutex::new(Vec::new()),
            base: Some(Arc::downgrade(&self.0)),
        };
        Font(Arc::new(inner))
    }

    /// The face's variation axes (its `fvar` table); empty for a static face.
    pub fn variation_axes(&self) -> &[VariationAxis] {
        &self.0.axes
    }

    /// Whether the face has variation axes.
    pub fn is_variable(&self) -> bool {
        !self.0.axes.is_empty()
    }

    /// This instance's axis values, sorted by tag, each within its axis; empty for the default
    /// instance. The shaper and the outlines use these; a renderer draws with them.
    pub fn variations(&self) -> &[Variation] {
        &self.0.variations
    }

    /// What a renderer fakes for this instance (bold, oblique): see [`Synthesis`].
    pub fn synthesis(&self) -> Synthesis {
        self.0.synthesis
    }

    /// Whether the face has colour glyph tables (`COLR`, `CBDT`, `sbix` or `SVG `): some of its
    /// glyphs may be colour glyphs ([`Font::is_color_glyph`]).
    pub fn has_color_glyphs(&self) -> bool {
        self.0.color
    }

    /// The face parsed by ttf-parser, at this instance's location.
    pub(crate) fn parse(&self) -> Option<ttf_parser::Face<'_>> {
        let mut face = ttf_parser::Face::parse(self.data(), self.index()).ok()?;
        for v in self.variations() {
            face.set_variation(ttf_parser::Tag::from_bytes(&v.tag()), v.value());
        }
        Some(face)
    }

    /// The name the font was loaded under (for files, the file name).
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The family name from the font's `name` table (typographic family when present).
    pub fn family(&self) -> &str {
        &self.0.family
    }

    /// The weight class from `OS/2` (400 regular, 700 bold).
    pub fn weight(&self) -> u16 {
        self.0.weight
    }

    /// Whether the face is italic or oblique.
    pub fn is_italic(&self) -> bool {
        self.0.italic
    }

    /// The face's bytes (the whole file for a collection).
    pub fn data(&self) -> &[u8] {
        self.0.data.bytes()
    }

    /// The bytes when they live for the whole program (bundled or `from_static` fonts).
    pub(crate) fn static_data(&self) -> Option<&'static [u8]> {
        match self.0.data {
            FontData::Static(b) => Some(b),
            FontData::Shared(_) => None,
        }
    }

    /// The bytes when they are shared (fonts from files or bytes), for a shaper that keeps its
    /// own handle on them.
    #[cfg_attr(not(feature = "harfrust"), allow(dead_code))]
    pub(crate) fn shared_data(&self) -> Option<Arc<[u8]>> {
        match &self.0.data {
            FontData::Static(_) => None,
            FontData::Shared(b) => Some(b.clone()),
        }
    }

    /// The face's index in its file (0 unless a collection).
    pub fn index(&self) -> u32 {
        self.0.index
    }

    /// Font design units per em.
    pub fn units_per_em(&self) -> u16 {
        self.0.units_per_em
    }

    /// Whether the face maps `c` to a glyph.
    pub fn covers(&self, c: char) -> bool {
        if c.is_ascii() {
            self.0.ascii >> (c as u32) & 1 == 1
        } else {
            ranges_hold(&self.0.coverage, c)
        }
    }

    /// Vertical metrics at `size` pixels per em.
    pub fn metrics(&self, size: f32) -> FontMetrics {
        let scale = self.scale(size);
        FontMetrics {
            ascent: f32::from(self.0.m.ascender) * scale,
            descent: -f32::from(self.0.m.descender) * scale,
            line_gap: f32::from(self.0.m.line_gap) * scale,
        }
    }

    /// The x-height at `size` px (`OS/2` `sxHeight`, else half an em): where CSS's `middle`
    /// alignment puts an inline box's middle above the baseline, doubled.
    pub(crate) fn x_height(&self, size: f32) -> f32 {
        let em = f32::from(self.units_per_em());
        let x = self.0.m.x_height.filter(|&x| x > 0).map_or(em / 2.0, f32::from);
        x * self.scale(size)
    }

    /// The face's underline and strikethrough at `size` px: the underline from the `post` table
    /// (`underlinePosition`, the stroke's top per the OpenType spec, and `underlineThickness`),
    /// the strikethrough from `OS/2` (`yStrikeoutPosition`, `yStrikeoutSize`).
    ///
    /// Fallbacks, for a table missing or a thickness of 0: thickness 1/20 em (the other stroke's
    /// thickness where only one is missing); underline top 1/10 em below the baseline;
    /// strikethrough centred on half the x-height (`OS/2` `sxHeight`, else 1/2 em).
    pub fn decoration_metrics(&self, size: f32) -> DecorationMetrics {
        let scale = self.scale(size);
        let em = f32::from(self.0.units_per_em.max(1));
        let thick = |m: Option<(i16, i16)>| m.map(|m| m.1).filter(|&t| t > 0).map(f32::from);
        let (under_t, strike_t) = (thick(self.0.m.underline), thick(self.0.m.strikeout));
        let default_t = em / 20.0;
        let underline_thickness = under_t.or(strike_t).unwrap_or(default_t);
        let strikethrough_thickness = strike_t.or(under_t).unwrap_or(default_t);
        let underline_position = match self.0.m.underline {
            Some((p, t)) if t > 0 => f32::from(p),
            _ => -em / 10.0,
        };
        let strikethrough_position = match self.0.m.strikeout {
            Some((p, t)) if t > 0 => f32::from(p),
            _ => {
                let x_height = self.0.m.x_height.filter(|&x| x > 0).map_or(em / 2.0, f32::from);
                x_height / 2.0 + strikethrough_thickness / 2.0
            }
        };
        DecorationMetrics {
            underline_position: underline_position * scale,
            underline_thickness: underline_thickness * scale,
            strikethrough_position: strikethrough_position * scale,
            strikethrough_thickness: strikethrough_thickness * scale,
        }
    }

    /// Pixels per font unit at `size` pixels per em.
    pub(crate) fn scale(&self, size: f32) -> f32 {
        size / f32::from(self.0.units_per_em.max(1))
    }

    /// The glyph `c` maps to in the cmap and its horizontal advance at `size` pixels per em, for
    /// a glyph the layout adds itself (the hyphen shown at a soft hyphen). `None` when the face
    /// does not cover `c`.
    pub(crate) fn char_glyph(&self, c: char, size: f32) -> Option<(u16, f32)> {
        if !self.covers(c) {
            return None;
        }
        let face = self.parse()?;
        let glyph = face.glyph_index(c)?;
        let advance = face.glyph_hor_advance(glyph)?;
        Some((glyph.0, f32::from(advance) * self.scale(size)))
    }

    /// Whether shaping must work around rustybuzz 0.20's Hebrew compose bug for this face.
    pub(crate) fn needs_hebrew_compose_fix(&self) -> bool {
        self.0.hebrew_compose_fix
    }

    /// A number unique to this loaded face for the life of the process (cache key).
    pub(crate) fn uid(&self) -> u64 {
        self.0.uid
    }

    /// An id for this loaded face, the same for all its clones and unique among the faces loaded
    /// in this process (not across processes: use [`Font::name`] and [`Font::index`] there). A
    /// renderer keys its glyph cache with it (or with the `Font`, which is `Eq` and `Hash` by it).
    pub fn id(&self) -> u64 {
        self.0.uid
    }
}

impl fmt::Debug for Font {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Font")
            .field("name", &self.0.name)
            .field("family", &self.0.family)
            .field("weight", &self.0.weight)
            .field("italic", &self.0.italic)
            .field("variations", &self.0.variations)
            .field("synthesis", &self.0.synthesis)
            .finish()
    }
}

impl PartialEq for Font {
    fn eq(&self, other: &Font) -> bool {
        self.0.uid == other.0.uid
    }
}

impl Eq for Font {}

impl std::hash::Hash for Font {
    /// By [`Font::id`]: clones of a face hash alike, other faces apart.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.uid.hash(state);
    }
}

fn family_name(face: &ttf_parser::Face<'_>) -> Option<String> {
    use ttf_parser::name_id;
    let names = face.names();
    // The typographic family groups more than four styles under one name; prefer it.
    for id in [name_id::TYPOGRAPHIC_FAMILY, name_id::FAMILY] {
        let found = names
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string());
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The code points face `index` of `data` maps, as [`Font::covers`] reads them, without keeping
/// the face: the font book's fallback search over faces it has not loaded.
pub(crate) fn coverage_of(data: &[u8], index: u32) -> Option<Vec<(u32, u32)>> {
    ttf_parser::Face::parse(data, index)
        .ok()
        .map(|face| coverage(&face))
}

/// Whether sorted, disjoint, inclusive code point ranges hold `c`.
pub(crate) fn ranges_hold(ranges: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    ranges.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// How many faces a font file holds (1 for a file that is not a collection).
pub(crate) fn faces_in_file(data: &[u8]) -> u32 {
    ttf_parser::fonts_in_collection(data).unwrap_or(1)
}

fn coverage(face: &ttf_parser::Face<'_>) -> Vec<(u32, u32)> {
    let mut cps = Vec::new();
    if let Some(cmap) = face.tables().cmap {
        for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            sub.codepoints(|cp| cps.push(cp));
        }
    }
    cps.sort_unstable();
    cps.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for cp in cps {
        // Only what the face really maps counts (a subtable may list code points of glyph 0).
        let mapped = char::from_u32(cp)
            .and_then(|c| face.glyph_index(c))
            .is_some_and(|g| g.0 != 0);
        if !mapped {
            continue;
        }
        match ranges.last_mut() {
            Some(last) if last.1 + 1 == cp => last.1 = cp,
            _ => ranges.push((cp, cp)),
        }
    }
    ranges
}
