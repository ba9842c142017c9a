//! The editor from C: text that changes, laid out again where it changed, with a selection,
//! undo and redo. Its paragraphs are read with the layout functions: copy one into a layout
//! handle with [`shrift_editor_block_layout`].

use std::ffi::c_char;

use shrift::{Editor, Selection};

use crate::error::{guard, Failure, ShriftStatus};
use crate::fonts::{ShriftContext, ShriftFontBook};
use crate::geometry::{c_carets, movement_of, ShriftCarets, ShriftMovement};
use crate::handle::{
    give, handle, handle_kind, handle_mut, in_ref, out_handle, out_ref, release, text, Handle,
};
use crate::layout::{layout_options, ShriftLayoutOptions};
use crate::paragraph::{direction, inline_box, text_style, ShriftDirection, ShriftInlineBox, ShriftStyle};
use crate::read::ShriftLayout;

/// An editor. Opaque.
#[repr(C)]
pub struct ShriftEditor {
    magic: u64,
    editor: Editor,
}
handle_kind!(ShriftEditor, 0x5348_5246_4544_4954, "ShriftEditor");

/// An editor of the `len` bytes of UTF-8 `text` (paragraphs separated by `\n`) in `style`, laid
/// out with `options`, the caret at the start, in `*out`. Free it with [`shrift_editor_free`].
///
/// # Safety
///
/// `book`, `cx` NULL or live handles; `text` NULL or `len` readable bytes; `style` and `options`
/// NULL or readable; `out` NULL or a writable `ShriftEditor*`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn shrift_editor_new(
    book: *const ShriftFontBook,
    cx: *mut ShriftContext,
    text_ptr: *const c_char,
    len: usize,
    style: *const ShriftStyle,
    dir: ShriftDirection,
    options: *const ShriftLayoutOptions,
    out: *mut *mut ShriftEditor,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for each pointer.
        let (out, book, cx, text, style, options) = unsafe {
            (
                out_handle(out)?,
                handle(book)?,
                handle_mut(cx)?,
                text(text_ptr, len, "text")?,
                in_ref(style, "style")?,
                in_ref(options, "options")?,
            )
        };
        // SAFETY: the style's strings, by the contract.
        let style = unsafe { text_style(style) }?;
        let options = layout_options(options)?;
        let editor = Editor::with_direction(text, style, direction(dir)?, &book.book, &mut cx.cx, options)?;
        give(
            out,
            ShriftEditor {
                magic: ShriftEditor::MAGIC,
                editor,
            },
        );
        Ok(())
    })
}

/// Runs an edit on a live editor with a live context.
///
/// # Safety
///
/// `ed`, `cx` NULL or live handles.
unsafe fn edit(
    ed: *mut ShriftEditor,
    cx: *mut ShriftContext,
    body: impl FnOnce(&mut Editor, &mut shrift::LayoutContext) -> Result<(), Failure>,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: forwarded contract.
        let (ed, cx) = unsafe { (handle_mut(ed)?, handle_mut(cx)?) };
        body(&mut ed.editor, &mut cx.cx)
    })
}

/// Types the `len` bytes of UTF-8 `text` over the selection (at the caret when nothing is
/// selected).
///
/// # Safety
///
/// `ed`, `cx` NULL or live handles; `text` NULL or `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_insert(
    ed: *mut ShriftEditor,
    cx: *mut ShriftContext,
    text_ptr: *const c_char,
    len: usize,
) -> ShriftStatus {
    // SAFETY: forwarded contract for `ed`, `cx`; the text's below.
    unsafe {
        edit(ed, cx, |e, cx| {
            // SAFETY: the header's contract for `text`.
            let t = text(text_ptr, len, "text")?;
            e.insert(cx, t)?;
            Ok(())
        })
    }
}

/// Puts an inline box over the selection (as a U+FFFC of the text; its `offset` is ignored).
///
/// # Safety
///
/// `ed`, `cx` NULL or live handles; `inline` NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_insert_box(
    ed: *mut ShriftEditor,
    cx: *mut ShriftContext,
    inline: *const ShriftInlineBox,
) -> ShriftStatus {
    // SAFETY: forwarded contract for `ed`, `cx`; the box's below.
    unsafe {
        edit(ed, cx, |e, cx| {
            // SAFETY: the header's contract for `inline`.
            let b = inline_box(in_ref(inline, "inline")?)?;
            e.insert_box(cx, b)?;
            Ok(())
        })
    }
}

/// Backspace (`forward` 0) or Delete (`forward` 1): the selection, or the cluster (Backspace:
/// the last char of the cluster, as GTK does) before or after the caret.
///
/// # Safety
///
/// `ed`, `cx` NULL or live handles.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_erase(
    ed: *mut ShriftEditor,
    cx: *mut ShriftContext,
    forward: u8,
) -> ShriftStatus {
    // SAFETY: forwarded contract.
    unsafe {
        edit(ed, cx, |e, cx| {
            if forward != 0 {
                e.delete(cx)?;
            } else {
                e.backspace(cx)?;
            }
            Ok(())
        })
    }
}

/// Undoes (`redo` 0) or redoes (`redo` 1) a group of edits; `*done` (may be NULL) is 1 when
/// there was one.
///
/// # Safety
///
/// `ed`, `cx` NULL or live handles; `done` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_undo(
    ed: *mut ShriftEditor,
    cx: *mut ShriftContext,
    redo: u8,
    done: *mut u8,
) -> ShriftStatus {
    // SAFETY: forwarded contract.
    unsafe {
        edit(ed, cx, |e, cx| {
            let result = if redo != 0 { e.redo(cx)? } else { e.undo(cx)? };
            if !done.is_null() {
                // SAFETY: non-NULL, so writable by the contract.
                *out_ref(done, "done")? = u8::from(result.is_some());
            }
            Ok(())
        })
    }
}

/// Moves the caret by `movement`, extending the selection when `extend` is not 0 (Shift).
///
/// # Safety
///
/// `ed` NULL or a live editor.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_move(
    ed: *mut ShriftEditor,
    movement: ShriftMovement,
    extend: u8,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let ed = unsafe { handle_mut(ed) }?;
        ed.editor.move_caret(movement_of(movement)?, extend != 0);
        Ok(())
    })
}

/// A click at (`x`, `y`) in the editor's coordinates: the caret there, or with `extend` (a
/// Shift-click, a drag) the selection extended to there.
///
/// # Safety
///
/// `ed` NULL or a live editor.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_click(
    ed: *mut ShriftEditor,
    x: f32,
    y: f32,
    extend: u8,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let ed = unsafe { handle_mut(ed) }?;
        ed.editor.click(x, y, extend != 0);
        Ok(())
    })
}

/// Sets the selection from `anchor` to `focus` (byte offsets, moved onto grapheme boundaries).
///
/// # Safety
///
/// `ed` NULL or a live editor.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_set_selection(
    ed: *mut ShriftEditor,
    anchor: usize,
    focus: usize,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let ed = unsafe { handle_mut(ed) }?;
        ed.editor.set_selection(Selection {
            anchor,
            focus,
            affinity: Default::default(),
        });
        Ok(())
    })
}

/// The selection's anchor and focus (byte offsets) in `*anchor` and `*focus`, and the caret's
/// bars in `*carets` (may be NULL) in the editor's coordinates.
///
/// # Safety
///
/// `ed` NULL or a live editor; `anchor`, `focus` NULL or writable; `carets` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_selection(
    ed: *const ShriftEditor,
    anchor: *mut usize,
    focus: *mut usize,
    carets: *mut ShriftCarets,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (ed, anchor, focus) =
            unsafe { (handle(ed)?, out_ref(anchor, "anchor")?, out_ref(focus, "focus")?) };
        let sel = ed.editor.selection();
        (*anchor, *focus) = (sel.anchor, sel.focus);
        if !carets.is_null() {
            // SAFETY: non-NULL, so writable by the contract.
            let carets = unsafe { out_ref(carets, "carets") }?;
            *carets = ed.editor.carets().map(c_carets).unwrap_or_default();
        }
        Ok(())
    })
}

/// The editor's text (UTF-8, `*len` bytes, not NUL-terminated; valid until the next edit).
///
/// # Safety
///
/// `ed` NULL or a live editor; `text`, `len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_text(
    ed: *const ShriftEditor,
    text_out: *mut *const c_char,
    len: *mut usize,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (ed, text_out, len) = unsafe { (handle(ed)?, out_ref(text_out, "text")?, out_ref(len, "len")?) };
        let t = ed.editor.text();
        (*text_out, *len) = (t.as_ptr().cast(), t.len());
        Ok(())
    })
}

/// The number of blocks (paragraphs) of the editor's layout, in `*count`.
///
/// # Safety
///
/// `ed` NULL or a live editor; `count` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_block_count(
    ed: *const ShriftEditor,
    count: *mut usize,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (ed, count) = unsafe { (handle(ed)?, out_ref(count, "count")?) };
        *count = ed.editor.layout().blocks().len();
        Ok(())
    })
}

/// Copies block `block` of the editor's layout (in the editor's coordinates; its offsets are the
/// block's own, `*start` is where it starts in the text) into the layout handle `into` (made with
/// [`shrift_editor_layout_new`] or a paragraph's), to read with the `shrift_layout_*` functions.
/// `SHRIFT_STATUS_INVALID_RANGE` past the last block.
///
/// # Safety
///
/// `ed`, `into` NULL or live handles; `start` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_block_layout(
    ed: *const ShriftEditor,
    block: usize,
    into: *mut ShriftLayout,
    start: *mut usize,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (ed, into, start) = unsafe { (handle(ed)?, handle_mut(into)?, out_ref(start, "start")?) };
        let blocks = ed.editor.layout().blocks();
        let Some(layout) = blocks.get(block) else {
            return Err(Failure::new(
                ShriftStatus::InvalidRange,
                format!("block {block} of {}", blocks.len()),
            ));
        };
        *start = ed.editor.block_range(block).start;
        into.fill(layout.clone());
        Ok(())
    })
}

/// An empty layout handle in `*out`, to copy an editor's blocks into. Free it with
/// [`shrift_layout_free`](crate::shrift_layout_free).
///
/// # Safety
///
/// `out` NULL or a writable `ShriftLayout*`.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_layout_new(out: *mut *mut ShriftLayout) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let out = unsafe { out_handle(out) }?;
        give(out, ShriftLayout::new(ShriftLayout::MAGIC));
        Ok(())
    })
}

/// Frees the editor `*ed` and sets `*ed` to NULL; NULL does nothing.
///
/// # Safety
///
/// `ed` NULL or a pointer to NULL or to a live editor.
#[no_mangle]
pub unsafe extern "C" fn shrift_editor_free(ed: *mut *mut ShriftEditor) {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe { release(ed) };
        Ok(())
    });
}
