//! The font book (which faces there are) and the layout context (the shaper and its caches).

use std::ffi::c_char;

use shrift::{Font, FontBook, LayoutContext};

use crate::error::{guard, Failure, ShriftStatus};
use crate::handle::{
    c_str, give, handle, handle_kind, handle_mut, out_handle, out_ref, release, slice, Handle,
};

/// A font book: the faces paragraphs are laid out with. Opaque.
#[repr(C)]
pub struct ShriftFontBook {
    magic: u64,
    pub(crate) book: FontBook,
}
handle_kind!(ShriftFontBook, 0x5348_5246_424f_4f4b, "ShriftFontBook");

/// A layout context: the shaper, its shape cache and the scratch space layout reuses. One per
/// thread. Opaque.
#[repr(C)]
pub struct ShriftContext {
    magic: u64,
    pub(crate) cx: LayoutContext,
}
handle_kind!(ShriftContext, 0x5348_5246_4354_5854, "ShriftContext");

/// Creates a font book in `*out`: with the eight bundled Noto faces when `bundled` is not 0
/// (`SHRIFT_STATUS_INVALID_ARGUMENT` if the library was built without them), else empty.
/// Free it with [`shrift_font_book_free`].
///
/// # Safety
///
/// `out` is NULL or a writable `ShriftFontBook*`.
#[no_mangle]
pub unsafe extern "C" fn shrift_font_book_new(bundled: u8, out: *mut *mut ShriftFontBook) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for `out`.
        let out = unsafe { out_handle(out) }?;
        let book = if bundled != 0 {
            bundled_book()?
        } else {
            FontBook::new()
        };
        give(
            out,
            ShriftFontBook {
                magic: ShriftFontBook::MAGIC,
                book,
            },
        );
        Ok(())
    })
}

#[cfg(feature = "bundled-fonts")]
fn bundled_book() -> Result<FontBook, Failure> {
    Ok(FontBook::with_bundled_fonts())
}

#[cfg(not(feature = "bundled-fonts"))]
fn bundled_book() -> Result<FontBook, Failure> {
    Err(Failure::argument(
        "this library was built without the bundled fonts",
    ))
}

/// Loads face `index` (0 unless the file is a collection) of the font file at `path` (UTF-8,
/// NUL-terminated) into `book`.
///
/// # Safety
///
/// `book` is NULL or a live font book; `path` NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn shrift_font_book_load_file(
    book: *mut ShriftFontBook,
    path: *const c_char,
    index: u32,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for `book` and `path`.
        let (book, path) = unsafe { (handle_mut(book)?, c_str(path, "path")?) };
        book.book.load_file(path, index)?;
        Ok(())
    })
}

/// Loads every font file (.ttf, .otf, .ttc; every face of a collection) of the folder `path`
/// into `book`, and writes how many faces were loaded to `*loaded` (which may be NULL).
///
/// # Safety
///
/// `book` NULL or a live font book; `path` NULL or NUL-terminated; `loaded` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_font_book_load_dir(
    book: *mut ShriftFontBook,
    path: *const c_char,
    loaded: *mut usize,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for `book` and `path`.
        let (book, path) = unsafe { (handle_mut(book)?, c_str(path, "path")?) };
        let n = book.book.load_dir(path)?;
        if !loaded.is_null() {
            // SAFETY: non-NULL, so writable by the contract.
            *unsafe { out_ref(loaded, "loaded") }? = n;
        }
        Ok(())
    })
}

/// Adds face `index` of the font in the `len` bytes at `data` to `book` under `name` (the name
/// runs report, usually a file name; UTF-8, NUL-terminated). The bytes are copied: the caller
/// may free them on return.
///
/// # Safety
///
/// `book` NULL or a live font book; `data` NULL or `len` readable bytes; `name` NULL or
/// NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn shrift_font_book_add_bytes(
    book: *mut ShriftFontBook,
    data: *const u8,
    len: usize,
    index: u32,
    name: *const c_char,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for each pointer.
        let (book, data, name) =
            unsafe { (handle_mut(book)?, slice(data, len, "data")?, c_str(name, "name")?) };
        let font = Font::from_bytes(data.to_vec(), index, name)?;
        book.book.add(font);
        Ok(())
    })
}

/// Adds the installed fonts to `book` (read on first use), writing how many faces were found to
/// `*loaded` (may be NULL). `SHRIFT_STATUS_INVALID_ARGUMENT` if the library was built without
/// its `system-fonts` feature.
///
/// # Safety
///
/// `book` NULL or a live font book; `loaded` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_font_book_load_system(
    book: *mut ShriftFontBook,
    loaded: *mut usize,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for `book`.
        let book = unsafe { handle_mut(book) }?;
        let n = load_system(&mut book.book)?;
        if !loaded.is_null() {
            // SAFETY: non-NULL, so writable by the contract.
            *unsafe { out_ref(loaded, "loaded") }? = n;
        }
        Ok(())
    })
}

#[cfg(feature = "system-fonts")]
fn load_system(book: &mut FontBook) -> Result<usize, Failure> {
    Ok(book.load_system_fonts())
}

#[cfg(not(feature = "system-fonts"))]
fn load_system(_: &mut FontBook) -> Result<usize, Failure> {
    Err(Failure::argument("this library was built without system-fonts"))
}

/// The number of faces in `book`, in `*count`.
///
/// # Safety
///
/// `book` NULL or a live font book; `count` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_font_book_face_count(
    book: *const ShriftFontBook,
    count: *mut usize,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for both pointers.
        let (book, count) = unsafe { (handle(book)?, out_ref(count, "count")?) };
        *count = book.book.face_count();
        Ok(())
    })
}

/// Frees the font book `*book` and sets `*book` to NULL. Paragraphs made with it stay valid.
/// NULL, or a pointer to NULL, does nothing.
///
/// # Safety
///
/// `book` NULL or a pointer to NULL or to a live font book.
#[no_mangle]
pub unsafe extern "C" fn shrift_font_book_free(book: *mut *mut ShriftFontBook) {
    // A panic cannot happen in a drop of these types; guard anyway so none could unwind into C.
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe { release(book) };
        Ok(())
    });
}

/// Creates a layout context in `*out` (the default shaper: HarfRust; `SHRIFT_SHAPER=rustybuzz`
/// in the environment chooses the other). Free it with [`shrift_context_free`].
///
/// # Safety
///
/// `out` NULL or a writable `ShriftContext*`.
#[no_mangle]
pub unsafe extern "C" fn shrift_context_new(out: *mut *mut ShriftContext) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for `out`.
        let out = unsafe { out_handle(out) }?;
        give(
            out,
            ShriftContext {
                magic: ShriftContext::MAGIC,
                cx: LayoutContext::new(),
            },
        );
        Ok(())
    })
}

/// Frees the context `*cx` and sets `*cx` to NULL; NULL does nothing.
///
/// # Safety
///
/// `cx` NULL or a pointer to NULL or to a live context.
#[no_mangle]
pub unsafe extern "C" fn shrift_context_free(cx: *mut *mut ShriftContext) {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe { release(cx) };
        Ok(())
    });
}
