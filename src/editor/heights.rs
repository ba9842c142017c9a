//! The heights of an editor's blocks when only those near its viewport are laid out: each
//! block's height (its laid-out height, or an estimate), kept in chunks with their running sums
//! so that a block's top, the total and the block at a given y are found by a binary search
//! over the chunks and a walk inside one. A document of 100,000 paragraphs then answers "which
//! block is at y" without a walk over the document, and an edit that adds or removes a block
//! (Enter, joining two paragraphs) changes one chunk and the chunks' sums: O(√n), where a
//! Fenwick tree over the blocks (this file's first design) had to be built again, O(n), a third
//! of an Enter's time at 10 MB. With them, the viewport's place ([`View`]): what an editor with a
//! viewport keeps beside its blocks.

/// Blocks a chunk holds when built; a chunk grows to twice that before it is split. Small
/// enough that a walk inside one is a few hundred additions, large enough that the per-chunk
/// tables of 100,000 blocks are a few hundred entries.
const CHUNK: usize = 512;

/// Block heights and their running sums.
#[derive(Debug, Clone, Default)]
pub(super) struct Heights {
    /// The heights, in pixels, in chunks of at most `2 * chunk` blocks, none empty.
    chunks: Vec<Vec<f32>>,
    /// Per chunk, the sum of its heights (f64, from zero, in order).
    sums: Vec<f64>,
    /// Per chunk, the number of blocks before it.
    firsts: Vec<usize>,
    /// Per chunk, the sum of the heights before it, and after the last the total: summed in
    /// f64 (a sum over 100,000 blocks in f32 would drift by whole pixels), each chunk's own sum
    /// from zero, so that a block's top is the same whichever way it is reached.
    tops: Vec<f64>,
    /// The chunk size built with ([`CHUNK`]; smaller in the tests).
    chunk: usize,
}

/// The heights of `h` summed in f64 from zero, in order.
fn sum(h: &[f32]) -> f64 {
    h.iter().fold(0.0, |acc, &x| acc + f64::from(x))
}

impl Heights {
    /// The sums of `heights`, built in O(n).
    pub fn new(heights: Vec<f32>) -> Heights {
        Heights::chunked(heights, CHUNK)
    }

    /// [`Heights::new`] in chunks of `chunk` blocks.
    fn chunked(heights: Vec<f32>, chunk: usize) -> Heights {
        let chunks: Vec<Vec<f32>> = heights.chunks(chunk).map(<[f32]>::to_vec).collect();
        let mut out = Heights {
            sums: chunks.iter().map(|c| sum(c)).collect(),
            chunks,
            firsts: Vec::new(),
            tops: Vec::new(),
            chunk,
        };
        out.refresh(0);
        out
    }

    /// Recomputes the chunks' firsts and tops from chunk `from` on, from their sums: O(chunks).
    fn refresh(&mut self, from: usize) {
        let from = from.min(self.chunks.len());
        self.firsts.truncate(from);
        self.tops.truncate(from);
        let (mut first, mut top) = match from {
            0 => (0, 0.0),
            _ => (
                self.firsts[from - 1] + self.chunks[from - 1].len(),
                self.tops[from - 1] + self.sums[from - 1],
            ),
        };
        for (c, s) in self.chunks[from..].iter().zip(&self.sums[from..]) {
            self.firsts.push(first);
            self.tops.push(top);
            first += c.len();
            top += s;
        }
        self.tops.push(top);
    }

    /// The number of blocks.
    fn len(&self) -> usize {
        self.firsts
            .last()
            .map_or(0, |f| f + self.chunks[self.chunks.len() - 1].len())
    }

    /// The chunk holding block `k` and its index there (`None` past the end).
    fn locate(&self, k: usize) -> Option<(usize, usize)> {
        if k >= self.len() {
            return None;
        }
        let c = self.firsts.partition_point(|&f| f <= k) - 1;
        Some((c, k - self.firsts[c]))
    }

    /// Block `k`'s height (0 past the end).
    pub fn get(&self, k: usize) -> f32 {
        self.locate(k).map_or(0.0, |(c, i)| self.chunks[c][i])
    }

    /// Sets block `k`'s height (nothing past the end).
    pub fn set(&mut self, k: usize, height: f32) {
        if let Some((c, i)) = self.locate(k) {
            self.chunks[c][i] = height;
            self.sums[c] = sum(&self.chunks[c]);
            self.refresh(c);
        }
    }

    /// The top of block `k`: the heights of the blocks before it (the total for `k` past the
    /// end).
    pub fn top(&self, k: usize) -> f64 {
        match self.locate(k) {
            Some((c, i)) => self.tops[c] + sum(&self.chunks[c][..i]),
            None => self.total(),
        }
    }

    /// The sum of every height.
    pub fn total(&self) -> f64 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The block at `y`: the last whose top is at or above it (block 0 above the first, the
    /// last below the end; 0 for no blocks). A binary search over the chunks, then a walk in
    /// one.
    pub fn find(&self, y: f64) -> usize {
        let n = self.len();
        if n == 0 {
            return 0;
        }
        // The last chunk whose top is at or above y (the first if none is).
        let c = self.tops[..self.chunks.len()]
            .partition_point(|&t| t <= y)
            .saturating_sub(1);
        // The blocks of that chunk whose ends are at or above y.
        let (mut pos, mut partial) = (self.firsts[c], 0.0f64);
        for &h in &self.chunks[c] {
            let next = partial + f64::from(h);
            if self.tops[c] + next > y {
                break;
            }
            partial = next;
            pos += 1;
        }
        pos.min(n - 1)
    }

    /// Replaces the heights of blocks `range` by `new`: in place where the count stays, inside
    /// one chunk (split where it grows past twice the chunk size, dropped where emptied) where
    /// the range lies in one, else built again.
    pub fn splice(&mut self, range: std::ops::Range<usize>, new: impl ExactSizeIterator<Item = f32>) {
        if new.len() == range.len() {
            if let Some((c, _)) = self.locate(range.start) {
                let mut last = c;
                for (k, h) in range.zip(new) {
                    if let Some((d, i)) = self.locate(k) {
                        self.chunks[d][i] = h;
                        last = d;
                    }
                }
                for d in c..=last {
                    self.sums[d] = sum(&self.chunks[d]);
                }
                self.refresh(c);
            }
            return;
        }
        let n = self.len();
        // The chunk the range lies in: the one holding its start (or, at the end, the last).
        let at = match self.locate(range.start) {
            Some(found) => Some(found),
            None if range.start == n && n > 0 => {
                let c = self.chunks.len() - 1;
                Some((c, self.chunks[c].len()))
            }
            None => None,
        };
        let within = at.filter(|&(c, i)| i + range.len() <= self.chunks[c].len());
        let Some((c, i)) = within else {
            let mut heights: Vec<f32> = self.chunks.concat();
            heights.splice(range, new);
            *self = Heights::chunked(heights, self.chunk);
            return;
        };
        let chunk = &mut self.chunks[c];
        chunk.splice(i..i + range.len(), new);
        if chunk.is_empty() {
            self.chunks.remove(c);
            self.sums.remove(c);
        } else if chunk.len() > 2 * self.chunk {
            let pieces: Vec<Vec<f32>> = chunk.chunks(self.chunk).map(<[f32]>::to_vec).collect();
            let sums: Vec<f64> = pieces.iter().map(|p| sum(p)).collect();
            self.chunks.splice(c..=c, pieces);
            self.sums.splice(c..=c, sums);
        } else {
            self.sums[c] = sum(chunk);
        }
        self.refresh(c);
    }
}

/// How tall a block that is not laid out is taken to be: its chars at an average advance per
/// char, wrapped at the width, lines of an average height. Both averages are learned from the
/// blocks laid out first (a guess from the font size before any).
#[derive(Debug, Clone, Copy)]
pub(super) struct Estimate {
    /// The average height of a line.
    pub line_height: f32,
    /// The average advance per char of text.
    pub advance_per_char: f32,
}

impl Estimate {
    /// A first guess for text at `size` px: lines 1.3 size tall (the usual ascent + descent +
    /// gap of a text face), half an em per char.
    pub fn guess(size: f32) -> Estimate {
        Estimate {
            line_height: size * 1.3,
            advance_per_char: size * 0.5,
        }
    }

    /// The estimated height of a paragraph of `chars` chars wrapped at `width` (`None`: not
    /// wrapped, one line).
    pub fn height(&self, chars: usize, width: Option<f32>) -> f32 {
        let lines = match width {
            Some(w) if w > 0.0 => (chars as f32 * self.advance_per_char / w).ceil().max(1.0),
            _ => 1.0,
        };
        lines * self.line_height
    }

    /// Averages learned from laid-out blocks: their `(chars, lines, height)` at `width`. Keeps
    /// the guess where they hold no text.
    pub fn learn(&mut self, laid: impl Iterator<Item = (usize, usize, f32)>, width: Option<f32>) {
        let (mut lines, mut height) = (0usize, 0.0f64);
        let (mut wrapped_chars, mut wrapped_lines, mut wrapped) = (0usize, 0usize, 0usize);
        for (b, l, h) in laid {
            lines += l;
            height += f64::from(h);
            // Only paragraphs that wrapped say how many chars fill a line.
            if l > 1 {
                wrapped_chars += b;
                wrapped_lines += l;
                wrapped += 1;
            }
        }
        if lines > 0 && height > 0.0 {
            self.line_height = (height / lines as f64) as f32;
        }
        if let Some(w) = width {
            if wrapped_chars > 0 {
                // A wrapped paragraph's last line is half full on average (and `height` rounds
                // a paragraph's lines up: half a line on average, the same half).
                let full = wrapped_lines as f32 - 0.5 * wrapped as f32;
                self.advance_per_char = full * w / wrapped_chars as f32;
            }
        }
    }
}

/// Where the viewport stands: its top is `offset` pixels below block `block`'s top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Anchor {
    /// The block the viewport's top is in.
    pub block: usize,
    /// How far below the block's top the viewport's top is.
    pub offset: f64,
}

/// An editor's viewport and the heights of its blocks (see `viewport.rs`).
#[derive(Debug, Clone)]
pub(super) struct View {
    /// Where the viewport's top stands.
    pub anchor: Anchor,
    /// The viewport's height.
    pub height: f32,
    /// Every block's height, real or estimated.
    pub heights: Heights,
    /// How the heights of blocks not laid out are estimated.
    pub estimate: Estimate,
}

#[cfg(test)]
mod tests {
    use super::{Estimate, Heights};

    /// The estimate's model worked by hand: two laid-out paragraphs, 100 chars in 5 lines
    /// (110 px) and 10 chars in 1 line (22 px), at 200 px. Line height: 132 px / 6 lines = 22.
    /// Advance per char: only the wrapped one counts, its 5 lines less half a last line over
    /// 100 chars at 200 px = 4.5 * 200 / 100 = 9. Then 45 chars take 45 * 9 / 200 = 2.025
    /// lines, 3 whole ones: 66 px; unwrapped, or at width 0 (a word a line, not a division by
    /// zero), one line.
    #[test]
    fn the_estimate_learns_as_its_docs_say() {
        let mut e = Estimate::guess(16.0);
        assert_eq!((e.line_height, e.advance_per_char), (16.0 * 1.3, 8.0));
        e.learn([(100, 5, 110.0), (10, 1, 22.0)].into_iter(), Some(200.0));
        assert_eq!((e.line_height, e.advance_per_char), (22.0, 9.0));
        assert_eq!(e.height(45, Some(200.0)), 66.0);
        assert_eq!(e.height(45, None), 22.0);
        assert_eq!(e.height(45, Some(0.0)), 22.0);
        assert_eq!(e.height(0, Some(200.0)), 22.0);
        // Nothing laid out: the guess stays.
        let mut g = Estimate::guess(10.0);
        g.learn(std::iter::empty(), Some(100.0));
        assert_eq!((g.line_height, g.advance_per_char), (13.0, 5.0));
    }

    /// Sums and searches against a plain walk over the heights (small integers and halves:
    /// exact in f32 and f64, so any order of summing gives the same).
    fn check(plain: &[f32], h: &Heights) {
        let mut top = 0.0f64;
        for (k, &x) in plain.iter().enumerate() {
            assert_eq!(h.get(k), x, "height of {k}");
            assert_eq!(h.top(k), top, "top of {k}");
            // Every y inside block k finds k (a zero-height block is found by no y: the last
            // of the blocks sharing its top is).
            if x > 0.0 {
                for y in [top, top + f64::from(x) / 2.0] {
                    assert_eq!(h.find(y), k, "y = {y}");
                }
            }
            top += f64::from(x);
        }
        assert_eq!(h.total(), top);
        assert_eq!(h.top(plain.len()), top);
        assert_eq!(h.get(plain.len()), 0.0);
        assert_eq!(h.find(top + 5.0), plain.len().saturating_sub(1));
        assert_eq!(h.find(-3.0), 0);
    }

    /// Worked by hand on 37 blocks, in one chunk and in chunks of 3.
    #[test]
    fn sums_and_search_equal_a_walk() {
        for chunk in [super::CHUNK, 3] {
            let mut plain: Vec<f32> = (0..37).map(|k| ((k * 7) % 5 + 1) as f32).collect();
            let mut h = Heights::chunked(plain.clone(), chunk);
            check(&plain, &h);
            h.set(10, 9.0);
            plain[10] = 9.0;
            check(&plain, &h);
            h.splice(3..6, [2.0, 2.0].into_iter());
            plain.splice(3..6, [2.0, 2.0]);
            check(&plain, &h);
            h.splice(0..1, [4.0].into_iter());
            plain[0] = 4.0;
            check(&plain, &h);
        }
        assert_eq!(Heights::new(Vec::new()).find(3.0), 0);
    }

    /// The chunks stay bounded as blocks are added one by one (split past twice the size), and
    /// an edit inside one chunk or at the end rewrites that chunk alone (a rebuild would cut the
    /// heights into even chunks again): what keeps an Enter O(√n).
    #[test]
    fn an_edit_rewrites_one_chunk_and_chunks_stay_bounded() {
        let lens = |h: &Heights| h.chunks.iter().map(Vec::len).collect::<Vec<_>>();
        let mut h = Heights::chunked(vec![1.0; 10], 4);
        assert_eq!(lens(&h), [4, 4, 2]);
        h.splice(2..3, [1.0, 1.0].into_iter());
        assert_eq!(lens(&h), [5, 4, 2]);
        h.splice(11..11, [1.0].into_iter());
        assert_eq!(lens(&h), [5, 4, 3]);
        for _ in 0..100 {
            h.splice(1..1, [2.0].into_iter());
        }
        assert!(lens(&h).iter().all(|&l| (1..=8).contains(&l)), "{:?}", lens(&h));
        assert_eq!(h.total(), 12.0 + 200.0);
    }

    /// Random sets and splices (growing a chunk past its split, emptying chunks, across chunk
    /// ends, at the end, of nothing) in chunks of 4: each state against the plain walk.
    #[test]
    fn random_edits_equal_a_walk() {
        let mut seed = 12345u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n.max(1)
        };
        for _ in 0..40 {
            let len = next(30);
            let mut plain: Vec<f32> = (0..len).map(|_| next(6) as f32 / 2.0).collect();
            let mut h = Heights::chunked(plain.clone(), 4);
            check(&plain, &h);
            for _ in 0..60 {
                if next(3) == 0 && !plain.is_empty() {
                    let (k, x) = (next(plain.len()), next(9) as f32);
                    h.set(k, x);
                    plain[k] = x;
                } else {
                    let a = next(plain.len() + 1);
                    let b = a + next((plain.len() - a + 1).min(6));
                    let new: Vec<f32> = (0..next(11)).map(|_| next(8) as f32 / 2.0).collect();
                    h.splice(a..b, new.iter().copied());
                    plain.splice(a..b, new);
                }
                check(&plain, &h);
            }
        }
    }
}
