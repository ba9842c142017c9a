//! Shaping: the one module that talks to a shaper, with one file per backend: rustybuzz
//! (`rustybuzz.rs`, the default) and HarfRust (`harfrust.rs`, feature `harfrust`).
//!
//! In: a [`ShapeRequest`] (a range of the paragraph, its face, size, direction, script, language,
//! features). Out: [`ShapedGlyph`]s, left to right. Each item is shaped by one call, with the
//! whole paragraph as pre- and post-context (as HarfBuzz's `hb_buffer_add_utf8` with an item
//! offset does). Shape plans are cached per face, direction, script, language and features; the
//! Unicode buffer is reused between calls. What both backends share (tabs, the Hebrew compose
//! workaround, scaling) is here.

use std::ops::Range;
use std::sync::Arc;

use unicode_script::Script;

use crate::error::Error;
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

/// How to shape a run with [`shape_run`].
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

/// Shapes `range` of `text` as one run with `font`, the rest of `text` serving as context: the
/// same shaping the layout does for each item, for callers that itemise themselves or measure.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{shape_run, Direction, FontBook, RunOptions};
/// let book = FontBook::with_bundled_fonts();
/// let font = book.find("Noto Serif Hebrew", 400, false).unwrap();
/// let options = RunOptions { direction: Direction::Rtl, script: "Hebr", language: Some("yi"), features: &[], size: 16.0 };
/// let text = "ייִדיש";
/// let glyphs = shape_run(font, text, 0..text.len(), &options).unwrap();
/// // Right to left: the last letter (shin, at byte 10) comes first.
/// assert_eq!(glyphs.first().unwrap().cluster, 10);
/// # }
/// ```
///
/// # Errors
///
/// [`Error::InvalidRange`] for a range off the text's char boundaries, [`Error::InvalidScript`]
/// for an unknown script tag, [`Error::InvalidLanguage`] for a bad language tag and
/// [`Error::InvalidFontSize`] for a bad size, [`Error::TextTooLong`] for a text over
/// [`MAX_TEXT_LEN`](crate::MAX_TEXT_LEN) bytes.
pub fn shape_run(
    font: &Font,
    text: &str,
    range: Range<usize>,
    options: &RunOptions<'_>,
) -> Result<Vec<ShapedGlyph>, Error> {
    crate::error::check_text_len(text)?;
    crate::error::check_range(text, &range)?;
    let script = Script::from_short_name(options.script)
        .ok_or_else(|| Error::InvalidScript(options.script.to_string()))?;
    crate::style::check_size(options.size)?;
    if let Some(l) = options.language {
        crate::style::check_language(l)?;
    }
    let language: Option<Arc<str>> = options.language.map(Arc::from);
    let mut out = Vec::new();
    Shaper::new(ShapingBackend::from_env()).shape(
        &ShapeRequest {
            text,
            range,
            font,
            size: options.size,
            rtl: options.direction == Direction::Rtl,
            script,
            language: language.as_ref(),
            features: options.features,
        },
        &mut out,
    );
    Ok(out)
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

mod cache;
#[cfg(feature = "harfrust")]
mod harfrust;
mod rustybuzz;
mod words;

pub use cache::{ShapeCacheStats, DEFAULT_SHAPE_CACHE_BYTES};

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
/// rustybuzz is the default: the crate is specified with it, and every shaping test holds it to
/// HarfBuzz. HarfRust (the HarfBuzz project's Rust port, the successor the RUSTSEC advisory on
/// rustybuzz names) comes with the `harfrust` feature and passes the same tests. The
/// `SHRIFT_SHAPER` environment variable (`rustybuzz` or `harfrust`) changes the default of new
/// contexts, so that a whole test suite can run on the other backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ShapingBackend {
    /// rustybuzz 0.20 (the default).
    #[default]
    Rustybuzz,
    /// HarfRust (feature `harfrust`).
    #[cfg(feature = "harfrust")]
    Harfrust,
}

impl ShapingBackend {
    /// The default backend: rustybuzz, or what `SHRIFT_SHAPER` names when it names a backend
    /// compiled in.
    pub fn from_env() -> ShapingBackend {
        match std::env::var("SHRIFT_SHAPER").as_deref() {
            #[cfg(feature = "harfrust")]
            Ok("harfrust") => ShapingBackend::Harfrust,
            _ => ShapingBackend::Rustybuzz,
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

/// Plans are few (faces × directions × scripts × languages × feature sets); past this many the
/// cache is cleared rather than grown, so hostile style churn cannot exhaust memory.
const MAX_PLANS: usize = 256;

/// A tab is shaped as a space this many spaces wide: the paragraph's width-independent advance
/// of a tab. Where it falls on its line decides its real width (`tabs.rs`): line breaking,
/// intrinsic widths and positioning put it at its stop.
pub(crate) const TAB_SPACES: f32 = 4.0;

/// Reusable shaping state of both backends, and the backend in use.
pub(crate) struct Shaper {
    backend: ShapingBackend,
    rustybuzz: rustybuzz::RustybuzzShaper,
    #[cfg(feature = "harfrust")]
    harfrust: harfrust::HarfrustShaper,
    /// Offsets of yods kept apart from their patah in the current call (see `push_adjusted`).
    joined: Vec<usize>,
    /// The current call's glyphs before scaling.
    raw: Vec<RawGlyph>,
    /// The word path's words (text range in the item, glyph range in `unit_glyphs`) and their
    /// glyphs (see `words.rs`).
    units: Vec<(Range<usize>, Range<usize>)>,
    unit_glyphs: Vec<RawGlyph>,
    pub cache: cache::ShapeCache,
    /// Whether items may be shaped word by word through the cache (`words.rs`).
    pub words: bool,
    /// How many shaper calls were made (tests use it to prove that re-layout does not reshape);
    /// answers from the shape cache are not calls.
    pub calls: u64,
}

impl Default for Shaper {
    fn default() -> Shaper {
        Shaper::new(ShapingBackend::from_env())
    }
}

impl Shaper {
    pub fn new(backend: ShapingBackend) -> Shaper {
        Shaper {
            backend,
            rustybuzz: Default::default(),
            #[cfg(feature = "harfrust")]
            harfrust: Default::default(),
            joined: Vec::new(),
            raw: Vec::new(),
            units: Vec::new(),
            unit_glyphs: Vec::new(),
            cache: cache::ShapeCache::default(),
            words: false,
            calls: 0,
        }
    }

    pub fn backend(&self) -> ShapingBackend {
        self.backend
    }

    pub fn set_backend(&mut self, backend: ShapingBackend) {
        self.backend = backend;
    }

    /// Shapes `req.range` of `req.text`, appending the glyphs to `out` left to right: from the
    /// shape cache when it has the answer, else from the backend (and then into the cache).
    pub fn shape(&mut self, req: &ShapeRequest<'_>, out: &mut Vec<ShapedGlyph>) {
        let Some(item) = req.text.get(req.range.clone()) else {
            return;
        };
        if item.is_empty() {
            return;
        }
        let first = out.len();
        if let Some(glyphs) = self.cache.get(self.backend, req, false) {
            push_scaled(req, glyphs, out);
            widen_tabs(req, first, out);
            return;
        }
        self.raw.clear();
        if !(self.words && self.shape_by_words(req)) {
            self.raw.clear();
            self.shape_raw(req, false);
        }
        self.cache.insert(self.backend, req, &self.raw, false);
        push_scaled(req, &self.raw, out);
        widen_tabs(req, first, out);
    }

    /// Shapes `req` with the backend, appending to `self.raw`; with `word`, between two
    /// [`SENTINEL`]s and with unsafe-to-concat flags (the word path).
    fn shape_raw(&mut self, req: &ShapeRequest<'_>, word: bool) {
        self.calls += 1;
        self.joined.clear();
        let first = self.raw.len();
        let space = match self.backend {
            ShapingBackend::Rustybuzz => self.rustybuzz.shape(req, &mut self.joined, &mut self.raw, word),
            #[cfg(feature = "harfrust")]
            ShapingBackend::Harfrust => self.harfrust.shape(req, &mut self.joined, &mut self.raw, word),
        };
        drop_joiners(space, &mut self.joined, &mut self.raw, first);
    }
}

/// Appends `glyphs` scaled to the request's size, clusters made paragraph offsets.
fn push_scaled(req: &ShapeRequest<'_>, glyphs: &[RawGlyph], out: &mut Vec<ShapedGlyph>) {
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
fn push_adjusted(
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
fn needs_adjusting(item: &str, compose_fix: bool) -> bool {
    item.contains('\t') || (compose_fix && item.contains('\u{05B7}'))
}

/// Drops the hidden CGJ glyphs `push_adjusted` caused: zero-advance `space` glyphs in the
/// clusters of the yods it kept apart from their patah.
fn drop_joiners(space: Option<u16>, joined: &mut Vec<usize>, glyphs: &mut Vec<RawGlyph>, first: usize) {
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
fn widen_tabs(req: &ShapeRequest<'_>, first: usize, out: &mut [ShapedGlyph]) {
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
