//! Inline boxes: an object of the caller's (an icon, an image, a widget) that a line holds like a
//! character: a width, a height, a baseline and how it aligns with the text around it.

use crate::error::Error;
use crate::limits::MAX_WIDTH;

/// How an inline box sits on its line (CSS `vertical-align`, Flutter's `PlaceholderAlignment`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BoxAlign {
    /// Its baseline on the line's baseline (CSS `baseline`; the default). A box without a
    /// baseline of its own has it at its bottom edge, as a CSS inline-block without text.
    #[default]
    Baseline,
    /// Its middle at the line's baseline plus half the x-height of the paragraph's base face
    /// (CSS `middle`).
    Middle,
    /// Its top at the top of the line's content (CSS `top`): a box taller than the line's text
    /// makes the line deeper.
    Top,
    /// Its bottom at the bottom of the line's content (CSS `bottom`): a box taller than the
    /// line's text makes the line taller above.
    Bottom,
}

/// A box of the caller's, laid out inside a line as one object character: it stands for a
/// U+FFFC OBJECT REPLACEMENT CHARACTER of the paragraph's text (placed with
/// [`ParagraphBuilder::inline_box`](crate::ParagraphBuilder::inline_box)), takes part in bidi
/// and line breaking as that character does (UAX #9 class ON, UAX #14 class CB: a break
/// opportunity before and after it), moves the pen by its width, and raises the line to fit it.
/// The layout reports where it went ([`Layout::inline_boxes`](crate::Layout::inline_boxes)),
/// with the `id` given here, for the caller to draw.
///
/// ```
/// use shrift::{BoxAlign, InlineBox};
/// let icon = InlineBox::new(7, 16.0, 16.0).align(BoxAlign::Middle);
/// assert_eq!((icon.id(), icon.width(), icon.height()), (7, 16.0, 16.0));
/// assert_eq!(icon.get_baseline(), 16.0); // no baseline given: the bottom edge
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InlineBox {
    id: u64,
    width: f32,
    height: f32,
    baseline: Option<f32>,
    align: BoxAlign,
}

impl InlineBox {
    /// A box `width` by `height` pixels with the caller's `id`, its baseline at its bottom,
    /// aligned on the line's baseline.
    pub fn new(id: u64, width: f32, height: f32) -> InlineBox {
        InlineBox {
            id,
            width,
            height,
            baseline: None,
            align: BoxAlign::Baseline,
        }
    }

    /// Sets the box's baseline: its distance down from the box's top (0 to the height).
    pub fn baseline(mut self, from_top: f32) -> InlineBox {
        self.baseline = Some(from_top);
        self
    }

    /// Sets how the box aligns on its line.
    pub fn align(mut self, align: BoxAlign) -> InlineBox {
        self.align = align;
        self
    }

    /// The caller's id.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The width in pixels.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// The height in pixels.
    pub fn height(&self) -> f32 {
        self.height
    }

    /// The baseline's distance down from the top (the height when none was set).
    pub fn get_baseline(&self) -> f32 {
        self.baseline.unwrap_or(self.height)
    }

    /// How the box aligns.
    pub fn get_align(&self) -> BoxAlign {
        self.align
    }

    /// Checks the box placed at `offset` of `text`: a U+FFFC there, a width and height finite, not
    /// negative and at most [`MAX_WIDTH`], a baseline within the height.
    pub(crate) fn validate(&self, text: &str, offset: usize) -> Result<(), Error> {
        let bad = |reason: &'static str| Err(Error::InvalidInlineBox { offset, reason });
        if !text.get(offset..).is_some_and(|t| t.starts_with('\u{FFFC}')) {
            return bad("no U+FFFC object replacement character at the offset");
        }
        let size_ok = |v: f32| v.is_finite() && (0.0..=MAX_WIDTH).contains(&v);
        if !size_ok(self.width) || !size_ok(self.height) {
            return bad("width and height must be finite, not negative and at most 262144 px");
        }
        if !self.get_baseline().is_finite() || !(0.0..=self.height).contains(&self.get_baseline()) {
            return bad("the baseline must be within the box's height");
        }
        Ok(())
    }

    /// How far the box reaches above and below the baseline when aligned on it by
    /// [`BoxAlign::Baseline`] or [`BoxAlign::Middle`] (`x_height`: the paragraph's base face's).
    pub(crate) fn extent(&self, x_height: f32) -> (f32, f32) {
        match self.align {
            BoxAlign::Middle => {
                let above = self.height / 2.0 + x_height / 2.0;
                (above, self.height - above)
            }
            _ => (self.get_baseline(), self.height - self.get_baseline()),
        }
    }
}
