//! Synthetic bold on an outline: every point moved outward so that each edge moves by the same
//! distance, the way FreeType's `FT_Outline_EmboldenXY` does (each point, on or off the curve,
//! along the bisector of its two edges' normals, by the distance over the cosine of half the
//! turn). Holes shrink and outer contours grow whichever way the font winds them: the outward
//! side is read from the glyph's total signed area.

/// A sharp corner's point moves at most this many times the distance (FreeType's miter limit
/// works the same way), so a spike does not shoot off.
const MITER_LIMIT: f32 = 4.0;

/// Moves every edge of the closed contours (every point of the outline, control points
/// included, in order) outward by `d` pixels.
pub(super) fn embolden(contours: &mut [Vec<(f32, f32)>], d: f32) {
    let area: f32 = contours.iter().map(|c| signed_area(c)).sum();
    let side = if area >= 0.0 { 1.0 } else { -1.0 };
    for c in contours.iter_mut() {
        *c = offset(c, d * side);
    }
}

/// Twice the signed area of a closed polygon (shoelace).
fn signed_area(points: &[(f32, f32)]) -> f32 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum()
}

/// Each point of a closed contour moved by `d` along its edges' outward normals (the normal
/// (dy, -dx) of an edge is outward for a contour of positive area).
fn offset(points: &[(f32, f32)], d: f32) -> Vec<(f32, f32)> {
    let n = points.len();
    let normal = |i: usize, step: isize| -> Option<(f32, f32)> {
        // The nearest distinct neighbour that way (a contour often repeats its first point).
        let p = points[i];
        (1..n).find_map(|k| {
            let j = (i as isize + step * k as isize).rem_euclid(n as isize) as usize;
            let q = points[j];
            let (dx, dy) = if step > 0 {
                (q.0 - p.0, q.1 - p.1)
            } else {
                (p.0 - q.0, p.1 - q.1)
            };
            let len = (dx * dx + dy * dy).sqrt();
            (len > 1e-6).then(|| (dy / len, -dx / len))
        })
    };
    (0..n)
        .map(|i| {
            let p = points[i];
            let (Some(a), Some(b)) = (normal(i, -1), normal(i, 1)) else {
                return p;
            };
            let (bx, by) = (a.0 + b.0, a.1 + b.1);
            let cos = 1.0 + a.0 * b.0 + a.1 * b.1; // 1 + cos(turn) = 2 cos²(turn / 2)
            let k = if cos > 2.0 / (MITER_LIMIT * MITER_LIMIT) {
                d / cos
            } else {
                d * MITER_LIMIT / 2.0_f32.sqrt() / bx.hypot(by).max(1e-6)
            };
            (p.0 + bx * k, p.1 + by * k)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(clockwise: bool, at: f32, side: f32) -> Vec<(f32, f32)> {
        let mut pts = vec![
            (at, at),
            (at + side, at),
            (at + side, at + side),
            (at, at + side),
            (at, at),
        ];
        if clockwise {
            pts.reverse();
        }
        pts
    }

    /// A 10 px square grown by 1 px is the square from -1 to 11, whichever way it winds (the
    /// repeated first point moves with it).
    #[test]
    fn a_square_grows_by_the_distance_on_every_side_either_winding() {
        for clockwise in [false, true] {
            let mut contours = vec![square(clockwise, 0.0, 10.0)];
            embolden(&mut contours, 1.0);
            for &(x, y) in &contours[0] {
                assert!(
                    (x + 1.0).abs() < 1e-4 || (x - 11.0).abs() < 1e-4,
                    "{x} {clockwise}"
                );
                assert!(
                    (y + 1.0).abs() < 1e-4 || (y - 11.0).abs() < 1e-4,
                    "{y} {clockwise}"
                );
            }
        }
    }

    /// A hole (wound against the outer contour) shrinks: the ring's stroke gets thicker.
    #[test]
    fn a_hole_shrinks() {
        let mut contours = vec![square(false, 0.0, 10.0), square(true, 2.0, 6.0)];
        embolden(&mut contours, 0.5);
        // The hole went from 2..8 to 2.5..7.5.
        let ok = |v: f32| (v - 2.5).abs() < 1e-4 || (v - 7.5).abs() < 1e-4;
        assert!(
            contours[1].iter().all(|&(x, y)| ok(x) && ok(y)),
            "{:?}",
            contours[1]
        );
    }
}
