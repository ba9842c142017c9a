//! Laying a paragraph out: the options as a C struct, and the layout handle made or refilled.

use shrift::{Alignment, Layout, LayoutOptions, LineBreaking, LineHeight, Truncate};

use crate::error::{guard, Failure, ShriftStatus};
use crate::fonts::ShriftContext;
use crate::handle::{give, handle, handle_mut, in_ref, out_handle, out_ref, release, Handle};
use crate::paragraph::ShriftParagraph;
use crate::read::ShriftLayout;

/// How lines align in the width: one of the `SHRIFT_ALIGN_*` values.
pub type ShriftAlign = u32;
/// At the paragraph's start edge (left in left-to-right text, right in right-to-left).
pub const SHRIFT_ALIGN_START: ShriftAlign = 0;
/// At its end edge.
pub const SHRIFT_ALIGN_END: ShriftAlign = 1;
/// Centred.
pub const SHRIFT_ALIGN_CENTER: ShriftAlign = 2;
/// At the left edge whatever the direction.
pub const SHRIFT_ALIGN_LEFT: ShriftAlign = 3;
/// At the right edge whatever the direction.
pub const SHRIFT_ALIGN_RIGHT: ShriftAlign = 4;
/// Both edges: spaces stretched on every line but a paragraph's last (CSS `text-align:
/// justify`).
pub const SHRIFT_ALIGN_JUSTIFY: ShriftAlign = 5;

/// How tall a line is: one of the `SHRIFT_LINE_HEIGHT_*` values, with
/// [`ShriftLayoutOptions::line_height_value`].
pub type ShriftLineHeight = u32;
/// The fonts' ascent + descent + line gap, times the value (1.0: as the fonts say).
pub const SHRIFT_LINE_HEIGHT_NATURAL: ShriftLineHeight = 0;
/// The largest font size on the line times the value (CSS `line-height: 1.5`).
pub const SHRIFT_LINE_HEIGHT_FONT_SIZE: ShriftLineHeight = 1;
/// The value in pixels for every line.
pub const SHRIFT_LINE_HEIGHT_PX: ShriftLineHeight = 2;
/// The same height for every line: the tallest line's natural height times the value.
pub const SHRIFT_LINE_HEIGHT_UNIFORM: ShriftLineHeight = 3;

/// Whether and where lines wider than the width are cut: one of the `SHRIFT_TRUNCATE_*`
/// values.
pub type ShriftTruncate = u32;
/// No truncation: lines wrap.
pub const SHRIFT_TRUNCATE_NONE: ShriftTruncate = 0;
/// No wrapping; a line too wide is cut at its end with an ellipsis.
pub const SHRIFT_TRUNCATE_END: ShriftTruncate = 1;
/// Cut at its start.
pub const SHRIFT_TRUNCATE_START: ShriftTruncate = 2;
/// Cut in the middle.
pub const SHRIFT_TRUNCATE_MIDDLE: ShriftTruncate = 3;

/// How to lay a paragraph out. Fill it with [`shrift_layout_options_default`], then change what
/// you need.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ShriftLayoutOptions {
    /// The width lines wrap at, in pixels (0 to 1,000,000; not NaN). Ignored when `wrap` is 0.
    pub width: f32,
    /// Lines wrap at the width when not 0; when 0, lines end only at hard breaks and the layout
    /// is as wide as its widest line.
    pub wrap: u8,
    /// When not 0 (the default), a text ending in a hard break has an empty last line after it,
    /// where the caret after the break stands (as in Pango and text areas).
    pub final_line: u8,
    /// Knuth–Plass optimal line breaking (fewer loose lines) when not 0; first fit when 0.
    pub optimal_breaking: u8,
    /// One of `SHRIFT_ALIGN_*`.
    pub align: ShriftAlign,
    /// One of `SHRIFT_LINE_HEIGHT_*`.
    pub line_height: ShriftLineHeight,
    /// The line height mode's factor or pixels (> 0).
    pub line_height_value: f32,
    /// At most this many lines, the last one ending in an ellipsis where text was cut (CSS
    /// `line-clamp`); 0: no limit.
    pub max_lines: u32,
    /// One of `SHRIFT_TRUNCATE_*` (ignored when `max_lines` is set).
    pub truncate: ShriftTruncate,
}

/// Fills `*options` with the defaults for lines at most `width` pixels wide: wrapping, a final
/// empty line after a final break, first-fit breaking, start-aligned, natural line height 1.0,
/// no line limit, no truncation.
///
/// # Safety
///
/// `options` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_options_default(
    options: *mut ShriftLayoutOptions,
    width: f32,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for `options`.
        let options = unsafe { out_ref(options, "options") }?;
        *options = ShriftLayoutOptions {
            width,
            wrap: 1,
            final_line: 1,
            optimal_breaking: 0,
            align: SHRIFT_ALIGN_START,
            line_height: SHRIFT_LINE_HEIGHT_NATURAL,
            line_height_value: 1.0,
            max_lines: 0,
            truncate: SHRIFT_TRUNCATE_NONE,
        };
        Ok(())
    })
}

/// shrift's options for C ones; shrift checks the numbers when laying out.
pub(crate) fn layout_options(o: &ShriftLayoutOptions) -> Result<LayoutOptions, Failure> {
    let mut options = if o.wrap != 0 {
        LayoutOptions::new(o.width)
    } else {
        LayoutOptions::no_wrap()
    };
    let align = match o.align {
        SHRIFT_ALIGN_START => Alignment::Start,
        SHRIFT_ALIGN_END => Alignment::End,
        SHRIFT_ALIGN_CENTER => Alignment::Center,
        SHRIFT_ALIGN_LEFT => Alignment::Left,
        SHRIFT_ALIGN_RIGHT => Alignment::Right,
        SHRIFT_ALIGN_JUSTIFY => Alignment::Justify,
        other => return Err(Failure::argument(format!("unknown align {other}"))),
    };
    let v = o.line_height_value;
    let line_height = match o.line_height {
        SHRIFT_LINE_HEIGHT_NATURAL => LineHeight::Natural(v),
        SHRIFT_LINE_HEIGHT_FONT_SIZE => LineHeight::FontSize(v),
        SHRIFT_LINE_HEIGHT_PX => LineHeight::Px(v),
        SHRIFT_LINE_HEIGHT_UNIFORM => LineHeight::Uniform(v),
        other => return Err(Failure::argument(format!("unknown line height mode {other}"))),
    };
    options = options
        .align(align)
        .line_height_mode(line_height)
        .final_line(o.final_line != 0);
    if o.optimal_breaking != 0 {
        options = options.breaking(LineBreaking::Optimal);
    }
    match o.truncate {
        SHRIFT_TRUNCATE_NONE => {}
        SHRIFT_TRUNCATE_END => options = options.truncate(Truncate::End),
        SHRIFT_TRUNCATE_START => options = options.truncate(Truncate::Start),
        SHRIFT_TRUNCATE_MIDDLE => options = options.truncate(Truncate::Middle),
        other => return Err(Failure::argument(format!("unknown truncate mode {other}"))),
    }
    if o.max_lines != 0 {
        options = options.max_lines(o.max_lines as usize);
    }
    Ok(options)
}

/// Lays `para` out with `options` into a new layout in `*out` (y = 0 at the top of the first
/// line). Errors: NULL pointers, a NaN, negative or too large width, a bad line height or enum
/// value. Free it with [`shrift_layout_free`].
///
/// # Safety
///
/// `para`, `cx` NULL or live handles; `options` NULL or readable; `out` NULL or a writable
/// `ShriftLayout*`.
#[no_mangle]
pub unsafe extern "C" fn shrift_paragraph_layout(
    para: *const ShriftParagraph,
    cx: *mut ShriftContext,
    options: *const ShriftLayoutOptions,
    out: *mut *mut ShriftLayout,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for each pointer.
        let (out, para, cx, options) = unsafe {
            (
                out_handle(out)?,
                handle(para)?,
                handle_mut(cx)?,
                in_ref(options, "options")?,
            )
        };
        let mut layout = Layout::default();
        para.para
            .layout_into(&mut cx.cx, &layout_options(options)?, &mut layout)?;
        let mut handle = ShriftLayout::new(ShriftLayout::MAGIC);
        handle.fill(layout);
        give(out, handle);
        Ok(())
    })
}

/// Lays `para` out again into `layout` (another width, say), reusing its memory: the arrays
/// and strings read from `layout` before are invalid afterwards. On failure `layout` is left
/// empty (no lines).
///
/// # Safety
///
/// `para`, `cx`, `layout` NULL or live handles; `options` NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn shrift_paragraph_layout_into(
    para: *const ShriftParagraph,
    cx: *mut ShriftContext,
    options: *const ShriftLayoutOptions,
    layout: *mut ShriftLayout,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for each pointer.
        let (para, cx, options, layout) = unsafe {
            (
                handle(para)?,
                handle_mut(cx)?,
                in_ref(options, "options")?,
                handle_mut(layout)?,
            )
        };
        let options = layout_options(options)?;
        let mut laid = layout.take_layout();
        // On error shrift leaves `laid` empty: the C arrays are refilled either way, so they
        // always describe the layout the handle holds.
        let result = para.para.layout_into(&mut cx.cx, &options, &mut laid);
        layout.fill(laid);
        Ok(result?)
    })
}

/// Frees the layout `*layout` (and every array read from it) and sets `*layout` to NULL; NULL
/// does nothing.
///
/// # Safety
///
/// `layout` NULL or a pointer to NULL or to a live layout.
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_free(layout: *mut *mut ShriftLayout) {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe { release(layout) };
        Ok(())
    });
}
