//! The shape cache: what the shaper returned for a request, kept in font units (so any size
//! reuses it) in the [`LayoutContext`](crate::LayoutContext), shared by every paragraph and
//! document laid out with it.
//!
//! An entry is keyed by everything the shaper's output depends on: the backend, the face, the
//! direction, script, language and features, the text shaped, and the context around it as far as
//! HarfBuzz reads it (five chars on each side, `HB_BUFFER_CONTEXT_LENGTH`). So a hit gives exactly
//! what shaping would give, glyph for glyph (a property test holds it to that). Entries are whole
//! items (a paragraph built again, a label repeated, a reshaped piece of a line); bounded by a
//! byte budget, the least recently used go first.
//!
//! The entries' texts and glyphs live in two arenas, so that an insert costs no allocation once
//! the arenas have grown (clearing the cache keeps their room: a context that builds cold
//! articles over and over allocates nothing here). What eviction leaves unused is reclaimed by
//! copying the live entries into fresh arenas once it outweighs them.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use unicode_script::Script;

use super::request::{RawGlyph, ShapeRequest, ShapingBackend};
use crate::style::Feature;

/// How many chars of context on each side the shaper reads.
const CONTEXT_CHARS: usize = 5;

/// The default byte budget of a context's shape cache.
pub const DEFAULT_SHAPE_CACHE_BYTES: usize = 4 << 20;

/// Hits, misses and size of a context's shape cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShapeCacheStats {
    /// Requests answered from the cache.
    pub hits: u64,
    /// Requests the shaper had to answer (and the cache then kept, budget allowing).
    pub misses: u64,
    /// Entries held.
    pub entries: usize,
    /// Bytes held (text, context and glyphs of the entries, plus a fixed overhead each).
    pub bytes: usize,
}

struct Entry {
    backend: ShapingBackend,
    /// The glyphs carry unsafe-to-concat flags (a word of the word path).
    concat: bool,
    /// The glyphs are the item's words shaped apart and joined, every word boundary shown safe
    /// (the word path): an edit may splice new words in between (`paragraph/edit.rs`).
    by_words: bool,
    font: u64,
    rtl: bool,
    script: Script,
    language: Option<Arc<str>>,
    features: Box<[Feature]>,
    /// The pre-context, the text and the post-context, one after the other, in the text arena.
    text: Range<usize>,
    pre: usize,
    post: usize,
    /// The glyphs, in the glyph arena.
    glyphs: Range<usize>,
    last_used: u64,
}

impl Entry {
    fn bytes(&self) -> usize {
        Entry::size(self.text.len(), self.features.len(), self.glyphs.len())
    }

    /// What an entry counts against the budget: itself, its text with context, its features and
    /// its glyphs.
    fn size(text: usize, features: usize, glyphs: usize) -> usize {
        std::mem::size_of::<Entry>()
            + text
            + features * std::mem::size_of::<Feature>()
            + glyphs * std::mem::size_of::<RawGlyph>()
    }

    /// The arena bytes the entry holds.
    fn arena_bytes(&self) -> usize {
        self.text.len() + self.glyphs.len() * std::mem::size_of::<RawGlyph>()
    }
}

/// The pieces of a request the key is made of: (pre-context, text, post-context).
fn pieces<'a>(req: &ShapeRequest<'a>) -> (&'a str, &'a str, &'a str) {
    let before = &req.text[..req.range.start];
    let pre_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after = &req.text[req.range.end..];
    let post_end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    (
        &before[pre_start..],
        &req.text[req.range.clone()],
        &after[..post_end],
    )
}

pub(crate) struct ShapeCache {
    /// One entry per key hash: a different request with the same hash (rare) replaces it.
    map: HashMap<u64, Entry, foldhash::fast::FixedState>,
    /// Every entry's pre-context, text and post-context.
    text: String,
    /// Every entry's glyphs.
    glyphs: Vec<RawGlyph>,
    /// Arena bytes no entry uses any more (evicted or replaced entries).
    dead: usize,
    budget: usize,
    bytes: usize,
    entries: usize,
    clock: u64,
    pub hits: u64,
    pub misses: u64,
}

impl Default for ShapeCache {
    fn default() -> ShapeCache {
        ShapeCache {
            map: HashMap::default(),
            text: String::new(),
            glyphs: Vec::new(),
            dead: 0,
            budget: DEFAULT_SHAPE_CACHE_BYTES,
            bytes: 0,
            entries: 0,
            clock: 0,
            hits: 0,
            misses: 0,
        }
    }
}

impl ShapeCache {
    fn hash(backend: ShapingBackend, req: &ShapeRequest<'_>, concat: bool) -> u64 {
        let (pre, text, post) = pieces(req);
        // A fixed seed: colliding keys (crafted or not) only replace each other's entries.
        let mut h = foldhash::fast::FixedState::default().build_hasher();
        (
            backend,
            concat,
            req.font.uid(),
            req.rtl,
            req.script,
            req.language.map(|l| &**l),
            req.features,
        )
            .hash(&mut h);
        (pre, text, post).hash(&mut h);
        h.finish()
    }

    fn matches(
        e: &Entry,
        arena: &str,
        backend: ShapingBackend,
        req: &ShapeRequest<'_>,
        concat: bool,
    ) -> bool {
        let (pre, text, post) = pieces(req);
        let held = &arena[e.text.clone()];
        e.backend == backend
            && e.concat == concat
            && e.font == req.font.uid()
            && e.rtl == req.rtl
            && e.script == req.script
            && e.language.as_deref() == req.language.map(|l| &**l)
            && *e.features == *req.features
            && e.pre == pre.len()
            && e.post == post.len()
            && held.len() == pre.len() + text.len() + post.len()
            && held.starts_with(pre)
            && held[pre.len()..].starts_with(text)
            && held.ends_with(post)
    }

    /// Whether the cache keeps anything (its budget is not 0).
    pub fn enabled(&self) -> bool {
        self.budget > 0
    }

    /// The glyphs cached for `req` (shaped with unsafe-to-concat flags if `concat`), if any
    /// (counted as a hit or a miss), and whether they came by the word path.
    pub fn get(
        &mut self,
        backend: ShapingBackend,
        req: &ShapeRequest<'_>,
        concat: bool,
    ) -> Option<(&[RawGlyph], bool)> {
        if self.budget == 0 {
            return None;
        }
        self.clock += 1;
        let clock = self.clock;
        let key = Self::hash(backend, req, concat);
        let arena = &self.text;
        let found = self
            .map
            .get_mut(&key)
            .filter(|e| Self::matches(e, arena, backend, req, concat));
        match found {
            Some(e) => {
                self.hits += 1;
                e.last_used = clock;
                Some((&self.glyphs[e.glyphs.clone()], e.by_words))
            }
            None => {
                self.misses += 1;
                None
            }
        }
    }

    /// Keeps `glyphs` as the answer to `req` (`by_words`: they came by the word path),
    /// evicting the least recently used entries past the budget.
    pub fn insert(
        &mut self,
        backend: ShapingBackend,
        req: &ShapeRequest<'_>,
        glyphs: &[RawGlyph],
        concat: bool,
        by_words: bool,
    ) {
        if self.budget == 0 {
            return;
        }
        let (pre, text, post) = pieces(req);
        let size = Entry::size(
            pre.len() + text.len() + post.len(),
            req.features.len(),
            glyphs.len(),
        );
        if size > self.budget {
            return;
        }
        let text_start = self.text.len();
        self.text.push_str(pre);
        self.text.push_str(text);
        self.text.push_str(post);
        let glyph_start = self.glyphs.len();
        self.glyphs.extend_from_slice(glyphs);
        let entry = Entry {
            backend,
            concat,
            by_words,
            font: req.font.uid(),
            rtl: req.rtl,
            script: req.script,
            language: req.language.cloned(),
            features: req.features.into(),
            text: text_start..self.text.len(),
            pre: pre.len(),
            post: post.len(),
            glyphs: glyph_start..self.glyphs.len(),
            last_used: self.clock,
        };
        self.bytes += size;
        self.entries += 1;
        if let Some(old) = self.map.insert(Self::hash(backend, req, concat), entry) {
            self.bytes -= old.bytes();
            self.entries -= 1;
            self.dead += old.arena_bytes();
        }
        if self.bytes > self.budget {
            self.evict(self.budget / 4 * 3);
        }
        self.compact_if_wasteful();
    }

    /// Copies the live entries' texts and glyphs into fresh arenas when the arenas hold more dead
    /// bytes than live ones (so that they stay within twice the budget).
    fn compact_if_wasteful(&mut self) {
        let total = self.text.len() + std::mem::size_of_val(self.glyphs.as_slice());
        if self.dead <= total - self.dead.min(total) {
            return;
        }
        let live = total - self.dead;
        let mut text = String::with_capacity(live.min(self.text.len()));
        let mut glyphs =
            Vec::with_capacity(self.glyphs.len().min(live / std::mem::size_of::<RawGlyph>() + 1));
        for e in self.map.values_mut() {
            let start = text.len();
            text.push_str(&self.text[e.text.clone()]);
            e.text = start..text.len();
            let start = glyphs.len();
            glyphs.extend_from_slice(&self.glyphs[e.glyphs.clone()]);
            e.glyphs = start..glyphs.len();
        }
        self.text = text;
        self.glyphs = glyphs;
        self.dead = 0;
    }

    /// Drops the least recently used entries until at most `target` bytes are held.
    fn evict(&mut self, target: usize) {
        // Drop from the oldest until under the target: find the age cut-off by walking sizes.
        let mut sizes: Vec<(u64, usize)> = self.map.values().map(|e| (e.last_used, e.bytes())).collect();
        sizes.sort_unstable();
        let mut held = self.bytes;
        let mut cut = 0;
        for (age, size) in sizes {
            if held <= target {
                break;
            }
            held -= size;
            cut = age + 1;
        }
        let (mut bytes, mut entries, mut dead) = (0, 0, 0);
        self.map.retain(|_, e| {
            let keep = e.last_used >= cut;
            if keep {
                bytes += e.bytes();
                entries += 1;
            } else {
                dead += e.arena_bytes();
            }
            keep
        });
        self.bytes = bytes;
        self.entries = entries;
        self.dead += dead;
    }

    /// Drops every entry (the counters stay; the arenas keep their room).
    pub fn clear(&mut self) {
        self.map.clear();
        self.text.clear();
        self.glyphs.clear();
        self.dead = 0;
        self.bytes = 0;
        self.entries = 0;
    }

    pub fn set_budget(&mut self, bytes: usize) {
        self.budget = bytes;
        if bytes == 0 {
            // Off: give the memory back.
            self.clear();
            self.map = HashMap::default();
            self.text = String::new();
            self.glyphs = Vec::new();
        } else if self.bytes > bytes {
            self.evict(bytes);
            self.compact_if_wasteful();
        }
    }

    pub fn stats(&self) -> ShapeCacheStats {
        ShapeCacheStats {
            hits: self.hits,
            misses: self.misses,
            entries: self.entries,
            bytes: self.bytes,
        }
    }
}

// The test needs a face: the bundled ones.
#[cfg(all(test, feature = "bundled-fonts"))]
mod tests {
    use super::*;

    fn glyphs(n: usize) -> Vec<RawGlyph> {
        (0..n)
            .map(|i| RawGlyph {
                id: i as u16,
                cluster: i as u32,
                x_advance: 500,
                x_offset: 0,
                y_offset: 0,
                unsafe_to_break: false,
                unsafe_to_concat: false,
            })
            .collect()
    }

    fn request<'a>(text: &'a str, font: &'a crate::Font) -> ShapeRequest<'a> {
        ShapeRequest {
            text,
            range: 0..text.len(),
            font,
            size: 16.0,
            rtl: false,
            script: Script::Latin,
            language: None,
            features: &[],
        }
    }

    #[test]
    fn the_arenas_stay_within_twice_the_budget_and_keep_every_live_entry() {
        let book = crate::FontBook::with_bundled_fonts();
        let font = book.find("Noto Sans", 400, false).unwrap().clone();
        let mut cache = ShapeCache::default();
        cache.set_budget(4000);
        let texts: Vec<String> = (0..400).map(|i| format!("word{i} ")).collect();
        for (i, text) in texts.iter().enumerate() {
            let req = request(text, &font);
            cache.insert(ShapingBackend::Rustybuzz, &req, &glyphs(1 + i % 9), false, false);
            let arena = cache.text.len() + std::mem::size_of_val(cache.glyphs.as_slice());
            let live: usize = cache.map.values().map(Entry::arena_bytes).sum();
            assert_eq!(arena - cache.dead, live);
            assert!(arena <= 2 * 4000, "{arena}");
        }
        // The last entry is live and answers with its own glyphs and text.
        let text = &texts[399];
        let req = request(text, &font);
        assert_eq!(
            cache.get(ShapingBackend::Rustybuzz, &req, false),
            Some((&glyphs(1 + 399 % 9)[..], false))
        );
        // Every live entry's text is its own (a compaction moved them consistently).
        for e in cache.map.values() {
            let held = &cache.text[e.text.clone()];
            assert!(held.starts_with("word") && held.ends_with(' '), "{held:?}");
        }
    }
}
