//! Splicing a table after an edit: one range replaced, every element after it moved and
//! adjusted (offsets shifted by the change in length, y by the change in height), for the
//! per-glyph and per-segment tables of an edit in a long paragraph (`paragraph/splice.rs`,
//! `layout/relayout.rs`).

use std::ops::Range;

/// Elements moved and then adjusted at a time: small enough to stay in the first-level cache
/// between the two, large enough for the move to run at full speed.
const BLOCK: usize = 1024;

/// Replaces `range` of `v` by `new` and passes each element after it through `adjust` at its
/// new place. `range` must lie within `v`. The tail is moved block by block, each block
/// adjusted while it is still in cache: one trip through memory for a long table, and both the
/// move and the pass run unchecked (a fused loop of indexed moves measured slower, a whole move
/// then a whole pass slower on tables larger than the cache).
pub(crate) fn splice_adjusted<T: Copy>(
    v: &mut Vec<T>,
    range: Range<usize>,
    new: &[T],
    mut adjust: impl FnMut(&mut T),
) {
    let len = v.len();
    let (start, end) = (range.start, range.end);
    let new_end = start + new.len();
    if new_end <= end {
        // Moving left: front to back.
        let by = end - new_end;
        let mut i = end;
        while i < len {
            let j = (i + BLOCK).min(len);
            v.copy_within(i..j, i - by);
            v[i - by..j - by].iter_mut().for_each(&mut adjust);
            i = j;
        }
        v.truncate(len - by);
    } else {
        // Moving right: back to front, into room made at the end.
        let by = new_end - end;
        v.resize(len + by, new[0]);
        let mut j = len;
        while j > end {
            let i = j.saturating_sub(BLOCK).max(end);
            v.copy_within(i..j, i + by);
            v[i + by..j + by].iter_mut().for_each(&mut adjust);
            j = i;
        }
    }
    v[start..new_end].copy_from_slice(new);
}

#[cfg(test)]
mod tests {
    use super::splice_adjusted;

    /// Against `Vec::splice` and a second pass: growing, shrinking, at the ends, empty, on a
    /// short table and on one of several blocks.
    #[test]
    fn equals_a_splice_then_a_pass() {
        let long: Vec<u32> = (0..5000).collect();
        for (range, new) in [
            (10..12, vec![1; 700]),
            (10..3000, vec![9]),
            (2500..2500, vec![3; 1500]),
        ] {
            let mut expected = long.clone();
            let tail = expected.len() - range.end;
            expected.splice(range.clone(), new.iter().copied());
            let n = expected.len();
            expected[n - tail..].iter_mut().for_each(|x| *x += 7);
            let mut got = long.clone();
            splice_adjusted(&mut got, range, &new, |x| *x += 7);
            assert_eq!(got, expected);
        }
        let base: Vec<u32> = (0..20).collect();
        for (range, new) in [
            (3..5, vec![100, 101, 102, 103]),
            (3..9, vec![100]),
            (0..0, vec![7]),
            (20..20, vec![8, 9]),
            (5..5, vec![]),
            (0..20, vec![]),
            (4..6, vec![1, 2]),
        ] {
            let mut expected = base.clone();
            let tail = expected.len() - range.end;
            expected.splice(range.clone(), new.iter().copied());
            let n = expected.len();
            for x in &mut expected[n - tail..] {
                *x += 1000;
            }
            let mut got = base.clone();
            splice_adjusted(&mut got, range.clone(), &new, |x| *x += 1000);
            assert_eq!(got, expected, "{range:?} {new:?}");
        }
    }
}
