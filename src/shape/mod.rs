//! Shaping: the one module that talks to a shaper, with one file per backend: HarfRust
//! (`harfrust.rs`, feature `harfrust`, on by default: the default backend) and rustybuzz
//! (`rustybuzz.rs`, always built; the default without the feature).
//!
//! In: a [`ShapeRequest`] (a range of the paragraph, its face, size, direction, script, language,
//! features). Out: [`ShapedGlyph`]s, left to right. Each item is shaped by one call, with the
//! whole paragraph as pre- and post-context (as HarfBuzz's `hb_buffer_add_utf8` with an item
//! offset does). Shape plans are cached per face, direction, script, language and features; the
//! Unicode buffer is reused between calls.
//!
//! | file | what |
//! |---|---|
//! | `mod.rs` | [`Shaper`]: the shape cache first, then the word path or the backend; [`shape_run`] |
//! | `request.rs` | the hand-offs: [`ShapeRequest`], [`ShapedGlyph`], `RawGlyph`, [`ShapingBackend`] |
//! | `input.rs` | what both backends share: tabs, the Hebrew compose workaround, sentinels, scaling |
//! | `engines.rs` | the backend asked for, behind one call |
//! | `rustybuzz.rs`, `harfrust.rs` | one file per backend |
//! | `cache.rs` | the shape cache (font units, any size) |
//! | `words.rs` | the word path: an item as its cached words, where that is exact |

use std::ops::Range;
use std::sync::Arc;

use unicode_script::Script;

use crate::error::Error;
use crate::font::Font;
use crate::text::Direction;

mod cache;
mod engines;
#[cfg(feature = "harfrust")]
mod harfrust;
pub(crate) mod input;
pub(crate) mod request;
mod rustybuzz;
mod words;

use cache::ShapeCache;
use engines::Engines;
use input::{push_scaled, widen_tabs};
use request::RawGlyph;
use words::WordPath;

pub use cache::{ShapeCacheStats, DEFAULT_SHAPE_CACHE_BYTES};
pub(crate) use request::ShapeRequest;
pub use request::{RunOptions, ShapedGlyph, ShapingBackend};

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
    crate::style::text_style::check_size(options.size)?;
    if let Some(l) = options.language {
        crate::style::text_style::check_language(l)?;
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

/// Reusable shaping state: the backend in use and each backend's state, the shape cache, and
/// the word path.
pub(crate) struct Shaper {
    backend: ShapingBackend,
    engines: Engines,
    /// The current call's glyphs before scaling.
    raw: Vec<RawGlyph>,
    word_path: WordPath,
    pub cache: ShapeCache,
    /// Whether items may be shaped word by word through the cache (`words.rs`).
    pub words: bool,
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
            engines: Engines::default(),
            raw: Vec::new(),
            word_path: WordPath::default(),
            cache: ShapeCache::default(),
            words: false,
        }
    }

    pub fn backend(&self) -> ShapingBackend {
        self.backend
    }

    pub fn set_backend(&mut self, backend: ShapingBackend) {
        self.backend = backend;
    }

    /// How many shaper calls were made (tests use it to prove that re-layout does not reshape);
    /// answers from the shape cache are not calls.
    pub fn calls(&self) -> u64 {
        self.engines.calls
    }

    /// Shapes `req.range` of `req.text`, appending the glyphs to `out` left to right: from the
    /// shape cache when it has the answer, else from the backend (and then into the cache).
    /// Returns whether the glyphs are the item's words shaped apart and joined, every word
    /// boundary shown safe (the word path of `words.rs`): then new words may be spliced in
    /// between words of it without reshaping the rest ([`Shaper::shape_interior`]).
    pub fn shape(&mut self, req: &ShapeRequest<'_>, out: &mut Vec<ShapedGlyph>) -> bool {
        let Some(item) = req.text.get(req.range.clone()) else {
            return false;
        };
        if item.is_empty() {
            return false;
        }
        let first = out.len();
        if let Some((glyphs, by_words)) = self.cache.get(self.backend, req, false) {
            push_scaled(req, glyphs, out);
            widen_tabs(req, first, out);
            return by_words;
        }
        self.raw.clear();
        let by_words = self.words
            && self.word_path.shape(
                &mut self.engines,
                &mut self.cache,
                self.backend,
                req,
                &mut self.raw,
                (false, false),
            );
        if !by_words {
            self.raw.clear();
            self.engines.shape(self.backend, req, false, &mut self.raw);
        }
        self.cache.insert(self.backend, req, &self.raw, false, by_words);
        push_scaled(req, &self.raw, out);
        widen_tabs(req, first, out);
        by_words
    }

    /// Shapes `req.range` as words that will stand among other words of a longer item shaped
    /// by the word path (after them if `joined.0`, before them if `joined.1`): appends the
    /// glyphs (left to right) to `out` and returns true only when every word boundary, the
    /// joined ends included, is shown safe, so that the longer item with these words spliced in
    /// is, glyph for glyph, what shaping it whole gives. False (and `out` as it was) where that
    /// cannot be shown: the caller shapes the item whole.
    pub fn shape_interior(
        &mut self,
        req: &ShapeRequest<'_>,
        joined: (bool, bool),
        out: &mut Vec<ShapedGlyph>,
    ) -> bool {
        self.raw.clear();
        let exact = self.words
            && req.text.get(req.range.clone()).is_some_and(|t| !t.is_empty())
            && self.word_path.shape(
                &mut self.engines,
                &mut self.cache,
                self.backend,
                req,
                &mut self.raw,
                joined,
            );
        if exact {
            push_scaled(req, &self.raw, out);
        }
        exact
    }
}
