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

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Arc;

use unicode_script::Script;

use super::{RawGlyph, ShapeRequest, ShapingBackend};
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
    font: u64,
    rtl: bool,
    script: Script,
    language: Option<Arc<str>>,
    features: Box<[Feature]>,
    /// The pre-context, the text and the post-context, one after the other.
    text: Box<str>,
    pre: usize,
    post: usize,
    glyphs: Box<[RawGlyph]>,
    last_used: u64,
}

impl Entry {
    fn bytes(&self) -> usize {
        std::mem::size_of::<Entry>()
            + self.text.len()
            + self.features.len() * std::mem::size_of::<Feature>()
            + self.glyphs.len() * std::mem::size_of::<RawGlyph>()
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

    fn matches(e: &Entry, backend: ShapingBackend, req: &ShapeRequest<'_>, concat: bool) -> bool {
        let (pre, text, post) = pieces(req);
        e.backend == backend
            && e.concat == concat
            && e.font == req.font.uid()
            && e.rtl == req.rtl
            && e.script == req.script
            && e.language.as_deref() == req.language.map(|l| &**l)
            && *e.features == *req.features
            && e.pre == pre.len()
            && e.post == post.len()
            && e.text.len() == pre.len() + text.len() + post.len()
            && e.text.starts_with(pre)
            && e.text[pre.len()..].starts_with(text)
            && e.text.ends_with(post)
    }

    /// Whether the cache keeps anything (its budget is not 0).
    pub fn enabled(&self) -> bool {
        self.budget > 0
    }

    /// The glyphs cached for `req` (shaped with unsafe-to-concat flags if `concat`), if any
    /// (counted as a hit or a miss).
    pub fn get(
        &mut self,
        backend: ShapingBackend,
        req: &ShapeRequest<'_>,
        concat: bool,
    ) -> Option<&[RawGlyph]> {
        if self.budget == 0 {
            return None;
        }
        self.clock += 1;
        let clock = self.clock;
        let key = Self::hash(backend, req, concat);
        let found = self
            .map
            .get_mut(&key)
            .filter(|e| Self::matches(e, backend, req, concat));
        match found {
            Some(e) => {
                self.hits += 1;
                e.last_used = clock;
                Some(&e.glyphs)
            }
            None => {
                self.misses += 1;
                None
            }
        }
    }

    /// Keeps `glyphs` as the answer to `req`, evicting the least recently used entries past the
    /// budget.
    pub fn insert(
        &mut self,
        backend: ShapingBackend,
        req: &ShapeRequest<'_>,
        glyphs: &[RawGlyph],
        concat: bool,
    ) {
        if self.budget == 0 {
            return;
        }
        let (pre, text, post) = pieces(req);
        let entry = Entry {
            backend,
            concat,
            font: req.font.uid(),
            rtl: req.rtl,
            script: req.script,
            language: req.language.cloned(),
            features: req.features.into(),
            text: [pre, text, post].concat().into_boxed_str(),
            pre: pre.len(),
            post: post.len(),
            glyphs: glyphs.into(),
            last_used: self.clock,
        };
        let size = entry.bytes();
        if size > self.budget {
            return;
        }
        self.bytes += size;
        self.entries += 1;
        if let Some(old) = self.map.insert(Self::hash(backend, req, concat), entry) {
            self.bytes -= old.bytes();
            self.entries -= 1;
        }
        if self.bytes > self.budget {
            self.evict(self.budget / 4 * 3);
        }
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
        let (mut bytes, mut entries) = (0, 0);
        self.map.retain(|_, e| {
            let keep = e.last_used >= cut;
            if keep {
                bytes += e.bytes();
                entries += 1;
            }
            keep
        });
        self.bytes = bytes;
        self.entries = entries;
    }

    /// Drops every entry (the counters stay).
    pub fn clear(&mut self) {
        self.map.clear();
        self.bytes = 0;
        self.entries = 0;
    }

    pub fn set_budget(&mut self, bytes: usize) {
        self.budget = bytes;
        if self.bytes > bytes {
            self.evict(bytes);
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
