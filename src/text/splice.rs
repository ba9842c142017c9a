//! Splicing a table after an edit: one range replaced, every element after it moved and
//! adjusted in the same pass (offsets shifted by the change in length, y by the change in
//! height). An edit in a long paragraph moves its per-glyph tables once this way instead of a
//! move and then a second pass over the same memory (`paragraph/edit.rs`, `layout/relayout.rs`).

use std::ops::Range;

/// Replaces `range` of `v` by `new`, passing each element after it through `adjust` as it
/// moves to its new place. `range` must lie within `v`.
pub(crate) fn splice_adjusted<T: Copy>(
    v: &mut Vec<T>,
    range: Range<usize>,
    new: &[T],
    mut adjust: impl FnMut(&mut T),
) {
    let len = v.len();
    let (start, end) = (range.start, range.end);
    if new.len() >= end - start {
        let grow = new.len() - (end - start);
        if let Some(&filler) = new.first() {
            v.resize(len + grow, filler);
        }
        // Back to front, so that nothing is overwritten before it moved.
        for i in (end..len).rev() {
            let mut x = v[i];
            adjust(&mut x);
            v[i + grow] = x;
        }
    } else {
        let shrink = (end - start) - new.len();
        for i in end..len {
            let mut x = v[i];
            adjust(&mut x);
            v[i - shrink] = x;
        }
        v.truncate(len - shrink);
    }
    v[start..start + new.len()].copy_from_slice(new);
}

#[cfg(test)]
mod tests {
    use super::splice_adjusted;

    /// Against `Vec::splice` and a second pass: growing, shrinking, at the ends, empty.
    #[test]
    fn equals_a_splice_then_a_pass() {
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
