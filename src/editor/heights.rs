//! The heights of an editor's blocks when only those near its viewport are laid out: each
//! block's height (its laid-out height, or an estimate), and a Fenwick tree over them so that a
//! block's top, the total and the block at a given y are each O(log n) in the number of blocks.
//! A document of 100,000 paragraphs then answers "which block is at y" without a walk, and a
//! block whose height changes moves every block below it in O(log n), not O(n). With them, the
//! viewport's place ([`View`]): what an editor with a viewport keeps beside its blocks.

/// Block heights and their running sums.
#[derive(Debug, Clone, Default)]
pub(super) struct Heights {
    /// Each block's height, in pixels.
    heights: Vec<f32>,
    /// The Fenwick tree: `tree[i - 1]` sums the `i & -i` heights ending at block `i - 1`. Kept
    /// in f64: a sum over 100,000 blocks in f32 would drift by whole pixels.
    tree: Vec<f64>,
}

impl Heights {
    /// The sums of `heights`, built in O(n).
    pub fn new(heights: Vec<f32>) -> Heights {
        let mut tree: Vec<f64> = heights.iter().map(|&h| f64::from(h)).collect();
        for i in 1..=tree.len() {
            let parent = i + (i & i.wrapping_neg());
            if parent <= tree.len() {
                tree[parent - 1] += tree[i - 1];
            }
        }
        Heights { heights, tree }
    }

    /// Block `k`'s height (0 past the end).
    pub fn get(&self, k: usize) -> f32 {
        self.heights.get(k).copied().unwrap_or(0.0)
    }

    /// Sets block `k`'s height (nothing past the end).
    pub fn set(&mut self, k: usize, height: f32) {
        let Some(old) = self.heights.get_mut(k) else {
            return;
        };
        let delta = f64::from(height) - f64::from(*old);
        *old = height;
        let mut i = k + 1;
        while i <= self.tree.len() {
            self.tree[i - 1] += delta;
            i += i & i.wrapping_neg();
        }
    }

    /// The top of block `k`: the heights of the blocks before it (the total for `k` past the
    /// end).
    pub fn top(&self, k: usize) -> f64 {
        let mut i = k.min(self.tree.len());
        let mut sum = 0.0;
        while i > 0 {
            sum += self.tree[i - 1];
            i -= i & i.wrapping_neg();
        }
        sum
    }

    /// The sum of every height.
    pub fn total(&self) -> f64 {
        self.top(self.tree.len())
    }

    /// The block at `y`: the last whose top is at or above it (block 0 above the first, the
    /// last below the end; 0 for no blocks). A descent of the tree, O(log n).
    pub fn find(&self, y: f64) -> usize {
        let n = self.tree.len();
        if n == 0 {
            return 0;
        }
        // The largest prefix of blocks whose sum stays at or below y, walked down from the
        // highest power of two.
        let (mut pos, mut rest) = (0usize, y);
        let mut step = n.next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next <= n && self.tree[next - 1] <= rest {
                pos = next;
                rest -= self.tree[next - 1];
            }
            step /= 2;
        }
        // `pos` blocks end at or above y: y is in block `pos` (or past the end).
        pos.min(n - 1)
    }

    /// Replaces the heights of blocks `range` by `new` (rebuilt in O(n) when the count
    /// changes, else set one by one).
    pub fn splice(&mut self, range: std::ops::Range<usize>, new: impl ExactSizeIterator<Item = f32>) {
        if new.len() == range.len() {
            for (k, h) in range.zip(new) {
                self.set(k, h);
            }
        } else {
            let mut heights = std::mem::take(&mut self.heights);
            heights.splice(range, new);
            *self = Heights::new(heights);
        }
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

    /// The tree's sums and searches equal a plain walk over the heights, after sets and
    /// splices (hand-checkable: small integers, exact in f32 and f64).
    #[test]
    fn sums_and_search_equal_a_walk() {
        let mut plain: Vec<f32> = (0..37).map(|k| ((k * 7) % 5 + 1) as f32).collect();
        let mut tree = Heights::new(plain.clone());
        let check = |plain: &[f32], tree: &Heights| {
            let mut top = 0.0f64;
            for (k, &h) in plain.iter().enumerate() {
                assert_eq!(tree.top(k), top, "top of {k}");
                // Every y inside block k finds k.
                for y in [top, top + f64::from(h) / 2.0] {
                    assert_eq!(tree.find(y), k, "y = {y}");
                }
                top += f64::from(h);
            }
            assert_eq!(tree.total(), top);
            assert_eq!(tree.find(top + 5.0), plain.len() - 1);
            assert_eq!(tree.find(-3.0), 0);
        };
        check(&plain, &tree);
        tree.set(10, 9.0);
        plain[10] = 9.0;
        check(&plain, &tree);
        tree.splice(3..6, [2.0, 2.0].into_iter());
        plain.splice(3..6, [2.0, 2.0]);
        check(&plain, &tree);
        tree.splice(0..1, [4.0].into_iter());
        plain[0] = 4.0;
        check(&plain, &tree);
        assert_eq!(Heights::new(Vec::new()).find(3.0), 0);
    }
}
