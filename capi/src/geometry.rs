//! Editing geometry on a layout: hit testing, carets, selection rectangles, cursor movement.
//! Each query is O(log n) in the line's length (shrift's per-line index).

use shrift::{Affinity, Cursor, Movement};

use crate::error::{guard, Failure, ShriftStatus};
use crate::handle::{handle, out_ref};
use crate::read::ShriftLayout;

/// Which side of an offset a cursor clings to: one of the `SHRIFT_AFFINITY_*` values.
pub type ShriftAffinity = u32;
/// To the text after the offset (the usual cursor).
pub const SHRIFT_AFFINITY_DOWNSTREAM: ShriftAffinity = 0;
/// To the text before it (the end of a wrapped line, say).
pub const SHRIFT_AFFINITY_UPSTREAM: ShriftAffinity = 1;

/// A cursor: a byte offset into the text and its affinity.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ShriftCursor {
    /// Byte offset (clamped onto a grapheme boundary by the functions that take it).
    pub offset: usize,
    /// One of `SHRIFT_AFFINITY_*`.
    pub affinity: ShriftAffinity,
}

/// A caret bar.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ShriftCaret {
    /// The bar's x.
    pub x: f32,
    /// Its top (the line box's top).
    pub top: f32,
    /// Its height (the line box's height).
    pub height: f32,
}

/// The carets of a cursor: the strong one, and a weak one where the cursor stands between text
/// of two directions.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ShriftCarets {
    /// The strong caret: where text of the line's direction would be typed.
    pub primary: ShriftCaret,
    /// The weak caret (valid when `has_secondary` is 1).
    pub secondary: ShriftCaret,
    /// 1 when the cursor has a weak caret elsewhere than the strong one.
    pub has_secondary: u8,
    /// The index of the cursor's line.
    pub line: usize,
}

/// A selection rectangle on one line.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ShriftRect {
    /// The index of the line.
    pub line: usize,
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// A cursor movement: one of the `SHRIFT_MOVE_*` values.
pub type ShriftMovement = u32;
/// One grapheme to the left on screen.
pub const SHRIFT_MOVE_LEFT: ShriftMovement = 0;
/// One grapheme to the right on screen.
pub const SHRIFT_MOVE_RIGHT: ShriftMovement = 1;
/// One word to the left on screen.
pub const SHRIFT_MOVE_WORD_LEFT: ShriftMovement = 2;
/// One word to the right on screen.
pub const SHRIFT_MOVE_WORD_RIGHT: ShriftMovement = 3;
/// One grapheme back in the text.
pub const SHRIFT_MOVE_BACKWARD: ShriftMovement = 4;
/// One grapheme forward in the text.
pub const SHRIFT_MOVE_FORWARD: ShriftMovement = 5;
/// One word back in the text.
pub const SHRIFT_MOVE_WORD_BACKWARD: ShriftMovement = 6;
/// One word forward in the text.
pub const SHRIFT_MOVE_WORD_FORWARD: ShriftMovement = 7;
/// To the start of the line (in the text).
pub const SHRIFT_MOVE_LINE_START: ShriftMovement = 8;
/// To the end of the line.
pub const SHRIFT_MOVE_LINE_END: ShriftMovement = 9;
/// One line up, keeping the goal x.
pub const SHRIFT_MOVE_UP: ShriftMovement = 10;
/// One line down, keeping the goal x.
pub const SHRIFT_MOVE_DOWN: ShriftMovement = 11;
/// To the start of the text.
pub const SHRIFT_MOVE_TEXT_START: ShriftMovement = 12;
/// To the end of the text.
pub const SHRIFT_MOVE_TEXT_END: ShriftMovement = 13;

/// shrift's movement for a C one.
pub(crate) fn movement_of(movement: ShriftMovement) -> Result<Movement, Failure> {
    Ok(match movement {
        SHRIFT_MOVE_LEFT => Movement::Left,
        SHRIFT_MOVE_RIGHT => Movement::Right,
        SHRIFT_MOVE_WORD_LEFT => Movement::WordLeft,
        SHRIFT_MOVE_WORD_RIGHT => Movement::WordRight,
        SHRIFT_MOVE_BACKWARD => Movement::Backward,
        SHRIFT_MOVE_FORWARD => Movement::Forward,
        SHRIFT_MOVE_WORD_BACKWARD => Movement::WordBackward,
        SHRIFT_MOVE_WORD_FORWARD => Movement::WordForward,
        SHRIFT_MOVE_LINE_START => Movement::LineStart,
        SHRIFT_MOVE_LINE_END => Movement::LineEnd,
        SHRIFT_MOVE_UP => Movement::Up,
        SHRIFT_MOVE_DOWN => Movement::Down,
        SHRIFT_MOVE_TEXT_START => Movement::TextStart,
        SHRIFT_MOVE_TEXT_END => Movement::TextEnd,
        other => return Err(Failure::argument(format!("unknown movement {other}"))),
    })
}

/// The C carets of shrift's.
pub(crate) fn c_carets(carets: shrift::Carets) -> ShriftCarets {
    let bar = |c: shrift::Caret| ShriftCaret {
        x: c.x,
        top: c.top,
        height: c.height,
    };
    ShriftCarets {
        primary: bar(carets.primary),
        secondary: carets.secondary.map(bar).unwrap_or_default(),
        has_secondary: u8::from(carets.secondary.is_some()),
        line: carets.line,
    }
}

fn cursor(c: &ShriftCursor) -> Result<Cursor, Failure> {
    let affinity = match c.affinity {
        SHRIFT_AFFINITY_DOWNSTREAM => Affinity::Downstream,
        SHRIFT_AFFINITY_UPSTREAM => Affinity::Upstream,
        other => return Err(Failure::argument(format!("unknown affinity {other}"))),
    };
    Ok(Cursor {
        offset: c.offset,
        affinity,
    })
}

fn c_cursor(c: Cursor) -> ShriftCursor {
    ShriftCursor {
        offset: c.offset,
        affinity: match c.affinity {
            Affinity::Downstream => SHRIFT_AFFINITY_DOWNSTREAM,
            Affinity::Upstream => SHRIFT_AFFINITY_UPSTREAM,
        },
    }
}

/// The cursor nearest the point (`x`, `y`) of the layout (a point outside it goes to the
/// nearest line and its nearest edge; NaN counts as 0), in `*out`.
///
/// # Safety
///
/// `layout` NULL or a live layout; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_hit_test(
    layout: *const ShriftLayout,
    x: f32,
    y: f32,
    out: *mut ShriftCursor,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (l, out) = unsafe { (handle(layout)?, out_ref(out, "out")?) };
        *out = c_cursor(l.layout.hit_test(x, y));
        Ok(())
    })
}

/// The carets of the cursor `at`, in `*out`.
///
/// # Safety
///
/// `layout` NULL or a live layout; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_carets(
    layout: *const ShriftLayout,
    at: ShriftCursor,
    out: *mut ShriftCarets,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (l, out) = unsafe { (handle(layout)?, out_ref(out, "out")?) };
        *out = c_carets(l.layout.carets(cursor(&at)?));
        Ok(())
    })
}

/// The rectangles that highlight the bytes `start..end` (either order; clamped to grapheme
/// boundaries), line by line, left to right. Writes up to `capacity` of them to `rects` and
/// their total number to `*count`: call with `capacity` 0 (and `rects` NULL) to learn the size.
///
/// # Safety
///
/// `layout` NULL or a live layout; `rects` NULL or `capacity` writable rects; `count` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_selection_rects(
    layout: *const ShriftLayout,
    start: usize,
    end: usize,
    rects: *mut ShriftRect,
    capacity: usize,
    count: *mut usize,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (l, count) = unsafe { (handle(layout)?, out_ref(count, "count")?) };
        let all = l.layout.selection_rects(start.min(end)..start.max(end));
        *count = all.len();
        let n = all.len().min(capacity);
        if n == 0 {
            return Ok(());
        }
        if rects.is_null() {
            return Err(Failure::null("rects"));
        }
        if !rects.is_aligned() {
            return Err(Failure::argument("rects is not aligned"));
        }
        // SAFETY: non-NULL, aligned, and by the contract `capacity` >= n writable rects.
        let out = unsafe { std::slice::from_raw_parts_mut(rects, n) };
        for (o, r) in out.iter_mut().zip(&all) {
            *o = ShriftRect {
                line: r.line,
                x: r.x,
                y: r.y,
                width: r.width,
                height: r.height,
            };
        }
        Ok(())
    })
}

/// Moves the cursor `from` by `movement`, in `*out`. `goal_x` (may be NULL) keeps the x that Up
/// and Down aim for across a run of vertical moves: start it at NaN; other movements reset it to
/// NaN.
///
/// # Safety
///
/// `layout` NULL or a live layout; `goal_x` NULL or a readable and writable float; `out` NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_move_cursor(
    layout: *const ShriftLayout,
    from: ShriftCursor,
    movement: ShriftMovement,
    goal_x: *mut f32,
    out: *mut ShriftCursor,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (l, out) = unsafe { (handle(layout)?, out_ref(out, "out")?) };
        let movement = movement_of(movement)?;
        let from = cursor(&from)?;
        let mut goal = if goal_x.is_null() {
            None
        } else {
            // SAFETY: non-NULL, so a readable and writable float by the contract.
            let g = *unsafe { out_ref(goal_x, "goal_x") }?;
            (!g.is_nan()).then_some(g)
        };
        *out = c_cursor(l.layout.move_cursor(from, movement, &mut goal));
        if !goal_x.is_null() {
            // SAFETY: as above.
            *unsafe { out_ref(goal_x, "goal_x") }? = goal.unwrap_or(f32::NAN);
        }
        Ok(())
    })
}
