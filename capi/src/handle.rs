//! The caller's pointers, checked once at the boundary: handles (NULL, wrong kind, freed through
//! the same variable), out pointers, text with a length, NUL-terminated strings and arrays.
//!
//! The soundness argument is the header's contract: a non-NULL pointer the caller passes points
//! to what its type says (a handle this library made and has not freed, a `len`-byte buffer, a
//! NUL-terminated string, a writable struct), properly aligned, not used from another thread
//! during the call. Everything these functions can check (NULL, the handle's kind tag, alignment,
//! UTF-8) they check; what C cannot tell us (a dangling pointer) is the caller's side.

use std::ffi::{c_char, CStr};

use crate::error::Failure;

/// A handle type: a `#[repr(C)]` struct whose first field is a tag saying which kind it is, so
/// that a handle of another kind (or a stray pointer) is refused instead of misread.
pub(crate) trait Handle: Sized {
    /// The tag of a live handle of this kind.
    const MAGIC: u64;
    /// The kind's name, for messages.
    const NAME: &'static str;
    /// The handle's tag.
    fn magic(&self) -> u64;
    /// Overwrites the tag as the handle is freed.
    fn clear_magic(&mut self);
}

/// The handle `p` points to.
///
/// # Safety
///
/// `p` is NULL or points to a handle this library created (the header's contract).
pub(crate) unsafe fn handle<'a, H: Handle>(p: *const H) -> Result<&'a H, Failure> {
    if p.is_null() {
        return Err(Failure::null(H::NAME));
    }
    if !p.is_aligned() {
        return Err(bad_handle::<H>());
    }
    // SAFETY: non-NULL and aligned, and by the contract it points to a live H.
    let h = unsafe { &*p };
    if h.magic() != H::MAGIC {
        return Err(bad_handle::<H>());
    }
    Ok(h)
}

/// The handle `p` points to, for changing.
///
/// # Safety
///
/// As [`handle`], and no other reference to it is in use during the call.
pub(crate) unsafe fn handle_mut<'a, H: Handle>(p: *mut H) -> Result<&'a mut H, Failure> {
    // SAFETY: forwarded contract; the checks are the same.
    unsafe { handle(p) }?;
    // SAFETY: checked above; the caller does not use the handle elsewhere during the call.
    Ok(unsafe { &mut *p })
}

fn bad_handle<H: Handle>() -> Failure {
    Failure::new(
        crate::ShriftStatus::InvalidHandle,
        format!("not a live {} handle", H::NAME),
    )
}

/// Sets `*out` to NULL (so that it is NULL on every failure) and returns it for writing.
///
/// # Safety
///
/// `out` is NULL or points to a writable `H*`.
pub(crate) unsafe fn out_handle<'a, H>(out: *mut *mut H) -> Result<&'a mut *mut H, Failure> {
    // SAFETY: forwarded contract.
    let out = unsafe { out_ref(out, "out") }?;
    *out = std::ptr::null_mut();
    Ok(out)
}

/// Moves `value` to the heap as a handle the caller owns.
pub(crate) fn give<H>(out: &mut *mut H, value: H) {
    *out = Box::into_raw(Box::new(value));
}

/// Frees the handle `*p` and sets `*p` to NULL; NULL (either) does nothing.
///
/// # Safety
///
/// `p` is NULL or points to a `H*` that is NULL or a handle this library created.
pub(crate) unsafe fn release<H: Handle>(p: *mut *mut H) {
    if p.is_null() || !p.is_aligned() {
        return;
    }
    // SAFETY: non-NULL, aligned, and by the contract a readable and writable `H*`.
    let slot = unsafe { &mut *p };
    // SAFETY: forwarded contract: `*slot` is NULL or a live handle.
    if unsafe { handle_mut(*slot) }.is_err() {
        return;
    }
    // SAFETY: the check above found a live H, which `give` made with Box::into_raw; the caller
    // gives up its pointer by calling free, and the slot is cleared below so it cannot reuse it.
    let mut boxed = unsafe { Box::from_raw(*slot) };
    boxed.clear_magic();
    drop(boxed);
    *slot = std::ptr::null_mut();
}

/// The struct `p` points to, for writing a result into.
///
/// # Safety
///
/// `p` is NULL or points to a writable `T`.
pub(crate) unsafe fn out_ref<'a, T>(p: *mut T, what: &str) -> Result<&'a mut T, Failure> {
    if p.is_null() {
        return Err(Failure::null(what));
    }
    if !p.is_aligned() {
        return Err(Failure::argument(format!("{what} is not aligned")));
    }
    // SAFETY: non-NULL, aligned, writable by the contract.
    Ok(unsafe { &mut *p })
}

/// The struct `p` points to, for reading.
///
/// # Safety
///
/// `p` is NULL or points to a readable, initialised `T`.
pub(crate) unsafe fn in_ref<'a, T>(p: *const T, what: &str) -> Result<&'a T, Failure> {
    if p.is_null() {
        return Err(Failure::null(what));
    }
    if !p.is_aligned() {
        return Err(Failure::argument(format!("{what} is not aligned")));
    }
    // SAFETY: non-NULL, aligned, readable by the contract.
    Ok(unsafe { &*p })
}

/// `len` elements from `ptr` (NULL allowed when `len` is 0).
///
/// # Safety
///
/// `ptr` is NULL or points to `len` readable, initialised `T`s.
pub(crate) unsafe fn slice<'a, T>(ptr: *const T, len: usize, what: &str) -> Result<&'a [T], Failure> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(Failure::null(what));
    }
    if !ptr.is_aligned() {
        return Err(Failure::argument(format!("{what} is not aligned")));
    }
    if len
        .checked_mul(std::mem::size_of::<T>())
        .is_none_or(|n| n > isize::MAX as usize)
    {
        return Err(Failure::argument(format!("{what}: length {len} is too large")));
    }
    // SAFETY: non-NULL, aligned, the size fits isize, and by the contract `len` readable Ts.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// `len` bytes of UTF-8 text from `ptr` (NULL allowed when `len` is 0; NULs are text).
///
/// # Safety
///
/// As [`slice()`] for bytes.
pub(crate) unsafe fn text<'a>(ptr: *const c_char, len: usize, what: &str) -> Result<&'a str, Failure> {
    // SAFETY: forwarded contract.
    let bytes = unsafe { slice(ptr.cast::<u8>(), len, what) }?;
    std::str::from_utf8(bytes)
        .map_err(|e| Failure::new(crate::ShriftStatus::InvalidUtf8, format!("{what}: {e}")))
}

/// A NUL-terminated UTF-8 string.
///
/// # Safety
///
/// `ptr` is NULL or points to a NUL-terminated string that stays unchanged during the call.
pub(crate) unsafe fn c_str<'a>(ptr: *const c_char, what: &str) -> Result<&'a str, Failure> {
    if ptr.is_null() {
        return Err(Failure::null(what));
    }
    // SAFETY: non-NULL and NUL-terminated by the contract.
    let s = unsafe { CStr::from_ptr(ptr) };
    s.to_str()
        .map_err(|e| Failure::new(crate::ShriftStatus::InvalidUtf8, format!("{what}: {e}")))
}

/// A NUL-terminated UTF-8 string, or `None` for NULL.
///
/// # Safety
///
/// As [`c_str`].
pub(crate) unsafe fn opt_c_str<'a>(ptr: *const c_char, what: &str) -> Result<Option<&'a str>, Failure> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded contract.
    unsafe { c_str(ptr, what) }.map(Some)
}

/// Declares a handle type's tag and name.
macro_rules! handle_kind {
    ($ty:ty, $magic:expr, $name:expr) => {
        impl $crate::handle::Handle for $ty {
            const MAGIC: u64 = $magic;
            const NAME: &'static str = $name;
            fn magic(&self) -> u64 {
                self.magic
            }
            fn clear_magic(&mut self) {
                self.magic = 0;
            }
        }
    };
}
pub(crate) use handle_kind;
