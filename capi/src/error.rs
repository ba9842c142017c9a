//! Status codes, the calling thread's last error message, and the guard every entry point runs
//! its body in (no panic unwinds into C).

use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What a call did: `SHRIFT_STATUS_OK`, or why it failed (the message from
/// [`shrift_last_error`] says more).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShriftStatus {
    /// Success.
    Ok = 0,
    /// A pointer that must not be NULL was NULL (a handle, an out pointer, a string).
    NullPointer = 1,
    /// A handle that is not a live handle of the expected kind (freed, or of another kind).
    InvalidHandle = 2,
    /// Text, a path or a name that is not UTF-8.
    InvalidUtf8 = 3,
    /// A value out of its domain: a NaN, negative or too large width or size, an unknown enum
    /// value, a bad weight, language or option.
    InvalidArgument = 4,
    /// A byte range outside the text or not on a char boundary (a span).
    InvalidRange = 5,
    /// A font could not be read or parsed, or no face of a stack is in the book.
    Font = 6,
    /// A text longer than a paragraph can hold (4 GiB).
    TooLong = 7,
    /// An internal error (a panic, caught at the boundary). The handles the call was given may be
    /// left inconsistent: free them.
    Panic = 8,
}

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

/// The message of the last failed call on this thread (UTF-8, NUL-terminated), or "" if none
/// failed yet. Valid until the next failing shrift call on this thread; a successful call leaves
/// it alone. Never NULL.
#[no_mangle]
pub extern "C" fn shrift_last_error() -> *const c_char {
    LAST_ERROR.with(|m| m.borrow().as_ptr())
}

/// Why a call failed: the status to return and the message to keep.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: ShriftStatus,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(status: ShriftStatus, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    pub(crate) fn null(what: &str) -> Failure {
        Failure::new(ShriftStatus::NullPointer, format!("{what} is NULL"))
    }

    pub(crate) fn argument(message: impl Into<String>) -> Failure {
        Failure::new(ShriftStatus::InvalidArgument, message)
    }
}

impl From<shrift::Error> for Failure {
    fn from(e: shrift::Error) -> Failure {
        use shrift::Error as E;
        let status = match &e {
            E::FontParse { .. } | E::FontIo { .. } | E::EmptyStack | E::NoFontInStack { .. } => {
                ShriftStatus::Font
            }
            E::InvalidRange { .. } => ShriftStatus::InvalidRange,
            E::TextTooLong(_) => ShriftStatus::TooLong,
            _ => ShriftStatus::InvalidArgument,
        };
        Failure::new(status, e.to_string())
    }
}

fn set_message(message: &str) {
    // A message holding a NUL (a font's name could) is cut there rather than lost.
    let cut = message.split('\0').next().unwrap_or_default();
    let c = CString::new(cut).unwrap_or_default();
    LAST_ERROR.with(|m| *m.borrow_mut() = c);
}

/// Runs an entry point's body: its error becomes a status and this thread's message, and a panic
/// is caught here instead of unwinding into C (undefined behaviour).
pub(crate) fn guard(body: impl FnOnce() -> Result<(), Failure>) -> ShriftStatus {
    // AssertUnwindSafe: after a panic the handles the call touched may be half-updated; the
    // Panic status tells the caller to free them, so no broken invariant is observed later.
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => ShriftStatus::Ok,
        Ok(Err(failure)) => {
            set_message(&failure.message);
            failure.status
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            set_message(&format!("internal error (panic): {what}"));
            ShriftStatus::Panic
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message() -> String {
        let ptr = shrift_last_error();
        // SAFETY: shrift_last_error returns a live NUL-terminated string.
        let s = unsafe { std::ffi::CStr::from_ptr(ptr) };
        s.to_string_lossy().into_owned()
    }

    #[test]
    fn a_panic_becomes_a_status_and_a_message() {
        let status = guard(|| panic!("planted"));
        assert_eq!(status, ShriftStatus::Panic);
        assert_eq!(message(), "internal error (panic): planted");
    }

    #[test]
    fn an_error_keeps_its_message_and_success_leaves_it() {
        let status = guard(|| Err(shrift::Error::InvalidWidth(f32::NAN).into()));
        assert_eq!(status, ShriftStatus::InvalidArgument);
        let kept = message();
        assert!(kept.contains("NaN"), "{kept}");
        assert_eq!(guard(|| Ok(())), ShriftStatus::Ok);
        assert_eq!(message(), kept);
        // A message with a NUL is cut there, not dropped.
        guard(|| Err(Failure::argument("before\0after")));
        assert_eq!(message(), "before");
    }
}
