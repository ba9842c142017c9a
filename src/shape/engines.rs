//! The backends behind one call: the request goes to the backend asked for, and what the shared
//! input steps added (the CGJs of the Hebrew compose workaround) is taken out of its answer.

#[cfg(feature = "harfrust")]
use super::harfrust::HarfrustShaper;
use super::input::drop_joiners;
use super::request::{RawGlyph, ShapeRequest, ShapingBackend};
use super::rustybuzz::RustybuzzShaper;

/// Each backend's state (plans, buffers, parsed faces), and how many calls were made.
#[derive(Default)]
pub(super) struct Engines {
    rustybuzz: RustybuzzShaper,
    #[cfg(feature = "harfrust")]
    harfrust: HarfrustShaper,
    /// Offsets of yods kept apart from their patah in the current call (see `push_adjusted`).
    joined: Vec<usize>,
    /// How many shaper calls were made (tests use it to prove that re-layout does not reshape);
    /// answers from the shape cache are not calls.
    pub calls: u64,
}

impl Engines {
    /// Shapes `req` with `backend`, appending to `raw`; with `word`, between two
    /// [`SENTINEL`](super::input::SENTINEL)s and with unsafe-to-concat flags (the word path).
    pub fn shape(
        &mut self,
        backend: ShapingBackend,
        req: &ShapeRequest<'_>,
        word: bool,
        raw: &mut Vec<RawGlyph>,
    ) {
        self.calls += 1;
        self.joined.clear();
        let first = raw.len();
        let space = match backend {
            ShapingBackend::Rustybuzz => self.rustybuzz.shape(req, &mut self.joined, raw, word),
            #[cfg(feature = "harfrust")]
            ShapingBackend::Harfrust => self.harfrust.shape(req, &mut self.joined, raw, word),
        };
        drop_joiners(space, &mut self.joined, raw, first);
    }
}
