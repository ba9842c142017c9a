//! Paragraphs: a text with its base style and spans, analysed and shaped once for any width.

use std::ffi::c_char;

use shrift::{BaseDirection, BoxAlign, Hyphens, InlineBox, Paragraph, SpanStyle, TextStyle};

use crate::error::{guard, Failure, ShriftStatus};
use crate::fonts::{ShriftContext, ShriftFontBook};
use crate::handle::{
    c_str, give, handle, handle_kind, handle_mut, in_ref, opt_c_str, out_handle, out_ref, release, slice,
    text, Handle,
};

/// A paragraph: text analysed (bidi, scripts, breaks) and shaped, ready to be laid out at any
/// width. Opaque.
#[repr(C)]
pub struct ShriftParagraph {
    magic: u64,
    pub(crate) para: Paragraph,
}
handle_kind!(ShriftParagraph, 0x5348_5246_5041_5241, "ShriftParagraph");

/// A paragraph's base direction: one of the `SHRIFT_DIRECTION_*` values.
pub type ShriftDirection = u32;
/// From the first strong character (UAX #9 P2, P3); left to right if there is none.
pub const SHRIFT_DIRECTION_AUTO: ShriftDirection = 0;
/// Left to right.
pub const SHRIFT_DIRECTION_LTR: ShriftDirection = 1;
/// Right to left.
pub const SHRIFT_DIRECTION_RTL: ShriftDirection = 2;

/// Where words may break with a hyphen (CSS `hyphens`): one of the `SHRIFT_HYPHENS_*` values.
pub type ShriftHyphens = u32;
/// Only at soft hyphens (U+00AD) in the text (the default).
pub const SHRIFT_HYPHENS_MANUAL: ShriftHyphens = 0;
/// Never, not even at soft hyphens.
pub const SHRIFT_HYPHENS_NONE: ShriftHyphens = 1;
/// At soft hyphens and where the language's hyphenation patterns allow (the style's language tag
/// chooses them; a run without one is not hyphenated).
pub const SHRIFT_HYPHENS_AUTO: ShriftHyphens = 2;

fn hyphens(h: ShriftHyphens) -> Result<Hyphens, Failure> {
    match h {
        SHRIFT_HYPHENS_MANUAL => Ok(Hyphens::Manual),
        SHRIFT_HYPHENS_NONE => Ok(Hyphens::None),
        SHRIFT_HYPHENS_AUTO => Ok(Hyphens::Auto),
        other => Err(Failure::argument(format!("unknown hyphens mode {other}"))),
    }
}

/// A paragraph's base style. Fill it with [`shrift_style_default`], then change what you need.
/// Strings are borrowed for the call only.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ShriftStyle {
    /// The font stack: family names separated by commas, first choice first (UTF-8,
    /// NUL-terminated; not NULL).
    pub stack: *const c_char,
    /// Font size in pixels (> 0, at most 10,000).
    pub size: f32,
    /// Weight, 1 to 1000 (400 regular, 700 bold).
    pub weight: u16,
    /// Italic when not 0.
    pub italic: u8,
    /// Underlined when not 0.
    pub underline: u8,
    /// Struck through when not 0.
    pub strikethrough: u8,
    /// A BCP 47 language tag for shaping (NUL-terminated), or NULL: Hebrew-script text is then
    /// tagged `yi`, other text untagged.
    pub language: *const c_char,
    /// The caller's paint id, reported on each run (a colour index, say).
    pub paint: u32,
    /// Extra space after each grapheme, in pixels (CSS `letter-spacing`).
    pub letter_spacing: f32,
    /// Extra space after each word separator, in pixels (CSS `word-spacing`).
    pub word_spacing: f32,
    /// One of `SHRIFT_HYPHENS_*`.
    pub hyphens: ShriftHyphens,
    /// Variation axis settings, `tag=value` separated by commas (`"wght=650,wdth=90"`, CSS
    /// `font-variation-settings`; UTF-8, NUL-terminated), or NULL. Variable faces also take the
    /// weight (`wght`) and italic (`ital`, else `slnt`) from the fields above; these win.
    pub variations: *const c_char,
}

/// A span sets the style of the bytes `start..end` (UTF-8 offsets on char boundaries): the
/// fields whose `SHRIFT_SPAN_*` bit is in `set`, over the base style and earlier spans (later
/// spans win where they overlap, as in CSS). A zeroed span sets nothing.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ShriftSpan {
    /// First byte of the span.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Which fields below apply: `SHRIFT_SPAN_*` bits or'ed together.
    pub set: u32,
    /// As in [`ShriftStyle`].
    pub stack: *const c_char,
    /// As in [`ShriftStyle`].
    pub size: f32,
    /// As in [`ShriftStyle`].
    pub weight: u16,
    /// As in [`ShriftStyle`].
    pub italic: u8,
    /// As in [`ShriftStyle`].
    pub underline: u8,
    /// As in [`ShriftStyle`].
    pub strikethrough: u8,
    /// As in [`ShriftStyle`] (not NULL when its bit is set).
    pub language: *const c_char,
    /// As in [`ShriftStyle`].
    pub paint: u32,
    /// As in [`ShriftStyle`].
    pub letter_spacing: f32,
    /// As in [`ShriftStyle`].
    pub word_spacing: f32,
    /// As in [`ShriftStyle`].
    pub hyphens: ShriftHyphens,
}

/// How an inline box sits on its line: one of the `SHRIFT_BOX_ALIGN_*` values (CSS
/// `vertical-align`).
pub type ShriftBoxAlign = u32;
/// Its baseline on the line's baseline.
pub const SHRIFT_BOX_ALIGN_BASELINE: ShriftBoxAlign = 0;
/// Its middle at the baseline plus half the base face's x-height.
pub const SHRIFT_BOX_ALIGN_MIDDLE: ShriftBoxAlign = 1;
/// Its top at the top of the line's content.
pub const SHRIFT_BOX_ALIGN_TOP: ShriftBoxAlign = 2;
/// Its bottom at the bottom of the line's content.
pub const SHRIFT_BOX_ALIGN_BOTTOM: ShriftBoxAlign = 3;

/// An inline box of the caller's (an icon, an image, a widget) standing for the U+FFFC at byte
/// `offset` of the paragraph's text: laid out like that character, `width` wide, the line raised
/// to fit its `height`. Read where it went with `shrift_layout_boxes`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ShriftInlineBox {
    /// The byte offset of its U+FFFC (EF BF BC) in the text.
    pub offset: usize,
    /// The caller's id, reported back.
    pub id: u64,
    /// Width in pixels (0 to 262,144).
    pub width: f32,
    /// Height in pixels (0 to 262,144).
    pub height: f32,
    /// The box's baseline, down from its top (0 to `height`); NaN: its bottom edge.
    pub baseline: f32,
    /// One of `SHRIFT_BOX_ALIGN_*`.
    pub align: ShriftBoxAlign,
}

pub(crate) fn inline_box(b: &ShriftInlineBox) -> Result<InlineBox, Failure> {
    let align = match b.align {
        SHRIFT_BOX_ALIGN_BASELINE => BoxAlign::Baseline,
        SHRIFT_BOX_ALIGN_MIDDLE => BoxAlign::Middle,
        SHRIFT_BOX_ALIGN_TOP => BoxAlign::Top,
        SHRIFT_BOX_ALIGN_BOTTOM => BoxAlign::Bottom,
        other => return Err(Failure::argument(format!("unknown box alignment {other}"))),
    };
    let mut out = InlineBox::new(b.id, b.width, b.height).align(align);
    if !b.baseline.is_nan() {
        out = out.baseline(b.baseline);
    }
    Ok(out)
}

/// [`ShriftSpan::stack`] applies.
pub const SHRIFT_SPAN_STACK: u32 = 1;
/// [`ShriftSpan::size`] applies.
pub const SHRIFT_SPAN_SIZE: u32 = 1 << 1;
/// [`ShriftSpan::weight`] applies.
pub const SHRIFT_SPAN_WEIGHT: u32 = 1 << 2;
/// [`ShriftSpan::italic`] applies.
pub const SHRIFT_SPAN_ITALIC: u32 = 1 << 3;
/// [`ShriftSpan::language`] applies.
pub const SHRIFT_SPAN_LANGUAGE: u32 = 1 << 4;
/// [`ShriftSpan::paint`] applies.
pub const SHRIFT_SPAN_PAINT: u32 = 1 << 5;
/// [`ShriftSpan::underline`] applies.
pub const SHRIFT_SPAN_UNDERLINE: u32 = 1 << 6;
/// [`ShriftSpan::strikethrough`] applies.
pub const SHRIFT_SPAN_STRIKETHROUGH: u32 = 1 << 7;
/// [`ShriftSpan::letter_spacing`] applies.
pub const SHRIFT_SPAN_LETTER_SPACING: u32 = 1 << 8;
/// [`ShriftSpan::word_spacing`] applies.
pub const SHRIFT_SPAN_WORD_SPACING: u32 = 1 << 9;
/// [`ShriftSpan::hyphens`] applies.
pub const SHRIFT_SPAN_HYPHENS: u32 = 1 << 10;
const SPAN_ALL: u32 = (1 << 11) - 1;

/// Fills `*style` with the defaults: the stack "Noto Serif, Noto Serif Hebrew" (the bundled
/// faces), 16 px, weight 400, upright, no decoration, default language, paint 0, no spacing.
///
/// # Safety
///
/// `style` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_style_default(style: *mut ShriftStyle) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for `style`.
        let style = unsafe { out_ref(style, "style") }?;
        *style = ShriftStyle {
            stack: c"Noto Serif, Noto Serif Hebrew".as_ptr(),
            size: 16.0,
            weight: 400,
            italic: 0,
            underline: 0,
            strikethrough: 0,
            language: std::ptr::null(),
            paint: 0,
            letter_spacing: 0.0,
            word_spacing: 0.0,
            hyphens: SHRIFT_HYPHENS_MANUAL,
            variations: std::ptr::null(),
        };
        Ok(())
    })
}

/// The shrift style of a C one.
///
/// # Safety
///
/// The style's strings are NULL or NUL-terminated.
pub(crate) unsafe fn text_style(s: &ShriftStyle) -> Result<TextStyle, Failure> {
    // SAFETY: forwarded contract.
    let (stack, language, variations) = unsafe {
        (
            c_str(s.stack, "style.stack")?,
            opt_c_str(s.language, "style.language")?,
            opt_c_str(s.variations, "style.variations")?,
        )
    };
    let mut style = TextStyle::new(stack)
        .size(s.size)
        .weight(s.weight)
        .italic(s.italic != 0)
        .underline(s.underline != 0)
        .strikethrough(s.strikethrough != 0)
        .paint(s.paint)
        .letter_spacing(s.letter_spacing)
        .word_spacing(s.word_spacing)
        .hyphens(hyphens(s.hyphens)?);
    if let Some(tag) = language {
        style = style.language(tag);
    }
    for v in shrift::Variation::parse_list(variations.unwrap_or(""))? {
        style = style.variation(v);
    }
    Ok(style)
}

/// The shrift span style of a C span.
///
/// # Safety
///
/// The strings whose bits are set are NULL or NUL-terminated.
unsafe fn span_style(s: &ShriftSpan) -> Result<SpanStyle, Failure> {
    if s.set & !SPAN_ALL != 0 {
        return Err(Failure::argument(format!(
            "span.set has unknown bits {:#x}",
            s.set & !SPAN_ALL
        )));
    }
    let has = |bit: u32| s.set & bit != 0;
    let mut style = SpanStyle::new();
    if has(SHRIFT_SPAN_STACK) {
        // SAFETY: forwarded contract.
        style = style.stack(unsafe { c_str(s.stack, "span.stack") }?);
    }
    if has(SHRIFT_SPAN_LANGUAGE) {
        // SAFETY: forwarded contract.
        style = style.language(unsafe { c_str(s.language, "span.language") }?);
    }
    if has(SHRIFT_SPAN_SIZE) {
        style = style.size(s.size);
    }
    if has(SHRIFT_SPAN_WEIGHT) {
        style = style.weight(s.weight);
    }
    if has(SHRIFT_SPAN_ITALIC) {
        style = style.italic(s.italic != 0);
    }
    if has(SHRIFT_SPAN_PAINT) {
        style = style.paint(s.paint);
    }
    if has(SHRIFT_SPAN_UNDERLINE) {
        style = style.underline(s.underline != 0);
    }
    if has(SHRIFT_SPAN_STRIKETHROUGH) {
        style = style.strikethrough(s.strikethrough != 0);
    }
    if has(SHRIFT_SPAN_LETTER_SPACING) {
        style = style.letter_spacing(s.letter_spacing);
    }
    if has(SHRIFT_SPAN_WORD_SPACING) {
        style = style.word_spacing(s.word_spacing);
    }
    if has(SHRIFT_SPAN_HYPHENS) {
        style = style.hyphens(hyphens(s.hyphens)?);
    }
    Ok(style)
}

pub(crate) fn direction(d: ShriftDirection) -> Result<BaseDirection, Failure> {
    match d {
        SHRIFT_DIRECTION_AUTO => Ok(BaseDirection::Auto),
        SHRIFT_DIRECTION_LTR => Ok(BaseDirection::Ltr),
        SHRIFT_DIRECTION_RTL => Ok(BaseDirection::Rtl),
        other => Err(Failure::argument(format!("unknown direction {other}"))),
    }
}

/// Builds a paragraph of the `len` bytes of UTF-8 `text` (not NUL-terminated; NULs are text; a
/// `\n` is a hard line break) in `style`, with `span_count` spans, in `*out`. Errors: NULL
/// pointers, text that is not UTF-8, a span off the text or off a char boundary, a bad size,
/// weight, spacing or language, no face of a stack in `book`. Free it with
/// [`shrift_paragraph_free`].
///
/// # Safety
///
/// `book`, `cx` NULL or live handles; `text` NULL or `len` readable bytes; `style` NULL or a
/// readable style whose strings are NUL-terminated; `spans` NULL or `span_count` readable spans;
/// `out` NULL or a writable `ShriftParagraph*`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn shrift_paragraph_new(
    book: *const ShriftFontBook,
    cx: *mut ShriftContext,
    text_ptr: *const c_char,
    len: usize,
    style: *const ShriftStyle,
    spans: *const ShriftSpan,
    span_count: usize,
    dir: ShriftDirection,
    out: *mut *mut ShriftParagraph,
) -> ShriftStatus {
    // SAFETY: forwarded contract; no boxes.
    unsafe {
        shrift_paragraph_new_with_boxes(
            book,
            cx,
            text_ptr,
            len,
            style,
            spans,
            span_count,
            std::ptr::null(),
            0,
            dir,
            out,
        )
    }
}

/// [`shrift_paragraph_new`] with `box_count` inline boxes, each on a U+FFFC of the text
/// (`SHRIFT_STATUS_INVALID_ARGUMENT` for a box off a U+FFFC, two on one, a bad size, baseline
/// or alignment).
///
/// # Safety
///
/// As [`shrift_paragraph_new`]; `boxes` NULL or `box_count` readable boxes.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn shrift_paragraph_new_with_boxes(
    book: *const ShriftFontBook,
    cx: *mut ShriftContext,
    text_ptr: *const c_char,
    len: usize,
    style: *const ShriftStyle,
    spans: *const ShriftSpan,
    span_count: usize,
    boxes: *const ShriftInlineBox,
    box_count: usize,
    dir: ShriftDirection,
    out: *mut *mut ShriftParagraph,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract for `boxes`.
        let boxes = unsafe { slice(boxes, box_count, "boxes") }?;
        // SAFETY: the header's contract for each pointer.
        let (out, book, cx, text, style, spans) = unsafe {
            (
                out_handle(out)?,
                handle(book)?,
                handle_mut(cx)?,
                text(text_ptr, len, "text")?,
                in_ref(style, "style")?,
                slice(spans, span_count, "spans")?,
            )
        };
        // SAFETY: the style's and spans' strings, by the contract.
        let mut builder = Paragraph::builder(text, unsafe { text_style(style) }?).direction(direction(dir)?);
        for span in spans {
            // SAFETY: as above.
            builder = builder.span(span.start..span.end, unsafe { span_style(span) }?);
        }
        for b in boxes {
            builder = builder.inline_box(b.offset, inline_box(b)?);
        }
        let para = builder.build(&book.book, &mut cx.cx)?;
        give(
            out,
            ShriftParagraph {
                magic: ShriftParagraph::MAGIC,
                para,
            },
        );
        Ok(())
    })
}

/// The paragraph's min-content width (its widest unbreakable piece) in `*width`.
///
/// # Safety
///
/// `para` NULL or a live paragraph; `width` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_paragraph_min_content_width(
    para: *const ShriftParagraph,
    width: *mut f32,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (para, width) = unsafe { (handle(para)?, out_ref(width, "width")?) };
        *width = para.para.min_content_width();
        Ok(())
    })
}

/// The paragraph's max-content width (its widest line without wrapping, at most 1,000,000) in
/// `*width`.
///
/// # Safety
///
/// `para` NULL or a live paragraph; `width` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_paragraph_max_content_width(
    para: *const ShriftParagraph,
    width: *mut f32,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (para, width) = unsafe { (handle(para)?, out_ref(width, "width")?) };
        *width = para.para.max_content_width();
        Ok(())
    })
}

/// Frees the paragraph `*para` and sets `*para` to NULL; NULL does nothing. Its layouts stay
/// valid.
///
/// # Safety
///
/// `para` NULL or a pointer to NULL or to a live paragraph.
#[no_mangle]
pub unsafe extern "C" fn shrift_paragraph_free(para: *mut *mut ShriftParagraph) {
    guard(|| {
        // SAFETY: forwarded contract.
        unsafe { release(para) };
        Ok(())
    });
}
