//! A layout read back as plain C data: lines, runs, glyphs, faces and decorations as arrays
//! that stay valid until the layout is freed or laid out again.
//!
//! The arrays are filled once per layout (O(glyphs)), into vectors the handle keeps, so that
//! laying out again into the same handle reuses their memory; face names and languages are
//! kept as C strings across layouts for the same reason.

use std::ffi::{c_char, CString};

use shrift::{DecorationKind, Direction, Font, Layout};

use crate::error::{guard, ShriftStatus};
use crate::handle::{handle, handle_kind, out_ref};
use crate::paragraph::{ShriftDirection, SHRIFT_DIRECTION_LTR, SHRIFT_DIRECTION_RTL};

/// A laid-out paragraph. Opaque; read it with the `shrift_layout_*` functions.
#[repr(C)]
pub struct ShriftLayout {
    magic: u64,
    pub(crate) layout: Layout,
    lines: Vec<ShriftLine>,
    runs: Vec<ShriftRun>,
    glyphs: Vec<ShriftGlyph>,
    faces: Vec<ShriftFace>,
    decorations: Vec<ShriftDecoration>,
    boxes: Vec<ShriftBox>,
    /// The C strings of every face and language seen, kept across layouts.
    names: Vec<FaceNames>,
    languages: Vec<CString>,
}
handle_kind!(ShriftLayout, 0x5348_5246_4c41_594f, "ShriftLayout");

/// A face's C strings, and the face itself so that its bytes outlive the layout's runs.
struct FaceNames {
    font: Font,
    name: CString,
    family: CString,
    /// The instance's axis values, which `ShriftFace::variations` points into.
    variations: Vec<ShriftVariation>,
}

/// A layout's totals.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ShriftLayoutInfo {
    /// The layout's width: the wrap width, or the widest line's without wrapping.
    pub width: f32,
    /// The layout's height: the bottom of its last line.
    pub height: f32,
    /// The paragraph's resolved direction: `SHRIFT_DIRECTION_LTR` or `SHRIFT_DIRECTION_RTL`.
    pub direction: ShriftDirection,
    /// The paragraph text's length in bytes.
    pub text_len: usize,
    /// How many lines ([`shrift_layout_lines`]).
    pub line_count: usize,
    /// How many runs, all lines together.
    pub run_count: usize,
    /// How many glyphs, all runs together.
    pub glyph_count: usize,
    /// How many faces the runs use.
    pub face_count: usize,
    /// How many decorations.
    pub decoration_count: usize,
    /// How many inline boxes.
    pub box_count: usize,
    /// 1 when text was cut (`max_lines` or truncation) and an ellipsis shown, else 0.
    pub truncated: u8,
}

/// A line: a byte range of the text, its box and its runs.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ShriftLine {
    /// First byte of the line's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Top of the line box (y grows downward).
    pub top: f32,
    /// Height of the line box.
    pub height: f32,
    /// The baseline's y.
    pub baseline: f32,
    /// Ascent above the baseline.
    pub ascent: f32,
    /// Descent below it (positive).
    pub descent: f32,
    /// x of the line's left edge (after alignment).
    pub x: f32,
    /// Width of the line's content.
    pub width: f32,
    /// The line's direction: `SHRIFT_DIRECTION_LTR` or `SHRIFT_DIRECTION_RTL`.
    pub direction: ShriftDirection,
    /// Index of the line's first run in [`shrift_layout_runs`]'s array.
    pub first_run: usize,
    /// How many runs the line has (left to right).
    pub run_count: usize,
}

/// A run: glyphs of one face, size, level, script and language on one line.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ShriftRun {
    /// First byte of the run's text (an ellipsis run: an empty range at the cut).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Index of the run's face in [`shrift_layout_faces`]'s array.
    pub face: usize,
    /// Font size in pixels.
    pub size: f32,
    /// x of the run's left edge.
    pub x: f32,
    /// The run's width.
    pub width: f32,
    /// The bidi embedding level (even: left to right, odd: right to left).
    pub level: u8,
    /// 1 when the run is an ellipsis, not text of the paragraph (its glyphs shape
    /// [`shrift_layout_ellipsis_text`]).
    pub is_ellipsis: u8,
    /// 1 when the run is an inline box: its one glyph is a stand-in, not to be drawn (draw the
    /// object at its [`ShriftBox`]).
    pub is_inline_box: u8,
    /// 1 when the run is a hyphen the layout added at an automatic hyphenation point (its range
    /// is empty, at the line's end: not text of the paragraph); its char is `added_text`.
    pub is_added_hyphen: u8,
    /// For an added hyphen, the char it shapes ("‐" U+2010, or "-" in a face without it,
    /// NUL-terminated, static); else NULL.
    pub added_text: *const c_char,
    /// The run's direction: `SHRIFT_DIRECTION_LTR` or `SHRIFT_DIRECTION_RTL`.
    pub direction: ShriftDirection,
    /// The ISO 15924 script tag ("Hebr", "Latn", "Zyyy"), NUL-terminated.
    pub script: [c_char; 5],
    /// The BCP 47 language tag the run was shaped with (NUL-terminated), or NULL.
    pub language: *const c_char,
    /// The caller's paint id from the run's style.
    pub paint: u32,
    /// Index of the run's style among the paragraph's merged styles.
    pub style: u32,
    /// Index of the run's first glyph in [`shrift_layout_glyphs`]'s array.
    pub first_glyph: usize,
    /// How many glyphs the run has (left to right).
    pub glyph_count: usize,
}

/// A positioned glyph.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ShriftGlyph {
    /// Glyph id in the run's face.
    pub id: u32,
    /// Byte offset of the first char of the glyph's cluster in the text.
    pub cluster: u32,
    /// x where the glyph's origin is drawn.
    pub x: f32,
    /// y where the glyph's origin is drawn (the baseline minus the shaper's y offset).
    pub y: f32,
    /// The shaper's advance.
    pub advance: f32,
    /// What the layout adds after the glyph (justification, spacing, a tab's stop): the pen
    /// moves by `advance + extra`.
    pub extra: f32,
    /// The shaper's x offset (x minus the pen position).
    pub dx: f32,
    /// The shaper's y offset, positive up (the baseline minus y).
    pub dy: f32,
    /// The glyph's paint: its run's, but for a point or mark spanned with another paint inside
    /// its letter's cluster.
    pub paint: u32,
}

/// A face the runs use: what a renderer needs to draw its glyphs.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ShriftFace {
    /// An id unique to this loaded face in the process (a glyph cache's key).
    pub id: u64,
    /// The face's name: its file name for faces loaded from files (NUL-terminated).
    pub name: *const c_char,
    /// Its family name (NUL-terminated).
    pub family: *const c_char,
    /// Its index in a font collection (0 for a single font file).
    pub index: u32,
    /// Its weight (400 regular, 700 bold).
    pub weight: u16,
    /// 1 for an italic face.
    pub italic: u8,
    /// Font units per em.
    pub units_per_em: u16,
    /// The font file's bytes (give them with `index` to FreeType or HarfBuzz).
    pub data: *const u8,
    /// Their length.
    pub data_len: usize,
    /// The axis values to draw a variable face at (give them to FreeType's
    /// `FT_Set_Var_Design_Coordinates` or HarfBuzz's `hb_font_set_variations`), sorted by tag;
    /// NULL with a count of 0 for a face's default instance. The same face at two locations is
    /// two faces of the array (two ids).
    pub variations: *const ShriftVariation,
    /// How many axis values `variations` holds.
    pub variation_count: usize,
    /// 1 when the renderer is to embolden the glyphs (a synthetic bold: the stack has no face as
    /// heavy as the style asks). Advances already are the face's.
    pub synthetic_bold: u8,
    /// 1 when the renderer is to slant the glyphs (a synthetic oblique: x moves right by a
    /// quarter of the height above the baseline).
    pub synthetic_oblique: u8,
}

/// An axis value of a variable face's instance.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ShriftVariation {
    /// The axis tag ("wght", "wdth", "slnt", "ital", "opsz", ...), NUL-terminated.
    pub tag: [c_char; 5],
    /// The value, in the axis's user units.
    pub value: f32,
}

/// Where an inline box went: draw the caller's object in this rectangle.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ShriftBox {
    /// The id given with the box.
    pub id: u64,
    /// The byte offset of its U+FFFC.
    pub offset: usize,
    /// The index of its line.
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

/// An underline or strike-through to draw: a rectangle filled with `paint`.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct ShriftDecoration {
    /// 0: underline, 1: strike-through.
    pub kind: u32,
    /// The index of its line.
    pub line: usize,
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Thickness.
    pub thickness: f32,
    /// The caller's paint id.
    pub paint: u32,
}

fn direction(d: Direction) -> ShriftDirection {
    match d {
        Direction::Ltr => SHRIFT_DIRECTION_LTR,
        Direction::Rtl => SHRIFT_DIRECTION_RTL,
    }
}

/// A C string of `s`, cut at a NUL (names come from font files).
fn c_string(s: &str) -> CString {
    CString::new(s.split('\0').next().unwrap_or_default()).unwrap_or_default()
}

impl ShriftLayout {
    pub(crate) fn new(magic: u64) -> ShriftLayout {
        ShriftLayout {
            magic,
            layout: Layout::default(),
            lines: Vec::new(),
            runs: Vec::new(),
            glyphs: Vec::new(),
            faces: Vec::new(),
            decorations: Vec::new(),
            boxes: Vec::new(),
            names: Vec::new(),
            languages: Vec::new(),
        }
    }

    /// The Rust layout, leaving an empty one (to lay out into, reusing its memory).
    pub(crate) fn take_layout(&mut self) -> Layout {
        std::mem::take(&mut self.layout)
    }

    /// Keeps `layout` and fills the C arrays from it.
    pub(crate) fn fill(&mut self, layout: Layout) {
        self.layout = layout;
        self.lines.clear();
        self.runs.clear();
        self.glyphs.clear();
        self.faces.clear();
        self.decorations.clear();
        self.boxes.clear();
        let layout = &self.layout;
        for line in layout.lines() {
            let first_run = self.runs.len();
            for run in layout.runs(line) {
                let first_glyph = self.glyphs.len();
                for ((pen, g), paint) in layout.pens(run).zip(layout.glyph_paints(run)) {
                    self.glyphs.push(ShriftGlyph {
                        id: u32::from(g.id),
                        cluster: g.cluster,
                        x: g.x,
                        y: g.y,
                        advance: g.advance,
                        extra: g.extra,
                        dx: g.x - pen,
                        dy: line.baseline() - g.y,
                        paint,
                    });
                }
                let face = face_index(&mut self.names, &mut self.faces, run.font());
                let language = language(&mut self.languages, run.language());
                let mut script = [0 as c_char; 5];
                for (c, b) in script.iter_mut().zip(run.script().bytes().take(4)) {
                    *c = b as c_char;
                }
                let range = run.range();
                self.runs.push(ShriftRun {
                    start: range.start,
                    end: range.end,
                    face,
                    size: run.size(),
                    x: run.x(),
                    width: run.width(),
                    level: run.level(),
                    is_ellipsis: u8::from(run.is_ellipsis()),
                    is_inline_box: u8::from(run.is_inline_box()),
                    is_added_hyphen: u8::from(run.is_added_hyphen()),
                    added_text: if !run.is_added_hyphen() {
                        std::ptr::null()
                    } else if run.font().covers('\u{2010}') {
                        c"\u{2010}".as_ptr()
                    } else {
                        c"-".as_ptr()
                    },
                    direction: direction(run.direction()),
                    script,
                    language,
                    paint: run.paint(),
                    style: u32::try_from(run.style_index()).unwrap_or(u32::MAX),
                    first_glyph,
                    glyph_count: self.glyphs.len() - first_glyph,
                });
            }
            let range = line.range();
            self.lines.push(ShriftLine {
                start: range.start,
                end: range.end,
                top: line.top(),
                height: line.height(),
                baseline: line.baseline(),
                ascent: line.ascent(),
                descent: line.descent(),
                x: line.x(),
                width: line.width(),
                direction: direction(line.direction()),
                first_run,
                run_count: self.runs.len() - first_run,
            });
        }
        self.decorations
            .extend(layout.decorations().iter().map(|d| ShriftDecoration {
                kind: match d.kind() {
                    DecorationKind::Underline => 0,
                    DecorationKind::Strikethrough => 1,
                },
                line: d.line(),
                x: d.x(),
                y: d.y(),
                width: d.width(),
                thickness: d.thickness(),
                paint: d.paint(),
            }));
        self.boxes.extend(layout.inline_boxes().iter().map(|b| ShriftBox {
            id: b.id,
            offset: b.offset,
            line: b.line,
            x: b.x,
            y: b.y,
            width: b.width,
            height: b.height,
        }));
    }
}

/// The index of `font` in this layout's `faces`, adding it (and its C strings, once per handle).
fn face_index(names: &mut Vec<FaceNames>, faces: &mut Vec<ShriftFace>, font: &Font) -> usize {
    if let Some(i) = faces.iter().position(|f| f.id == font.id()) {
        return i;
    }
    let k = match names.iter().position(|n| n.font.id() == font.id()) {
        Some(k) => k,
        None => {
            let variations = font
                .variations()
                .iter()
                .map(|v| {
                    let t = v.tag();
                    ShriftVariation {
                        tag: [t[0] as c_char, t[1] as c_char, t[2] as c_char, t[3] as c_char, 0],
                        value: v.value(),
                    }
                })
                .collect();
            names.push(FaceNames {
                font: font.clone(),
                name: c_string(font.name()),
                family: c_string(font.family()),
                variations,
            });
            names.len() - 1
        }
    };
    let n = &names[k];
    let data = n.font.data();
    faces.push(ShriftFace {
        id: font.id(),
        name: n.name.as_ptr(),
        family: n.family.as_ptr(),
        index: font.index(),
        weight: font.weight(),
        italic: u8::from(font.is_italic()),
        units_per_em: font.units_per_em(),
        data: data.as_ptr(),
        data_len: data.len(),
        variations: if n.variations.is_empty() {
            std::ptr::null()
        } else {
            n.variations.as_ptr()
        },
        variation_count: n.variations.len(),
        synthetic_bold: u8::from(font.synthesis().bold),
        synthetic_oblique: u8::from(font.synthesis().oblique),
    });
    faces.len() - 1
}

/// The kept C string of a run's language.
fn language(languages: &mut Vec<CString>, tag: Option<&str>) -> *const c_char {
    let Some(tag) = tag else {
        return std::ptr::null();
    };
    let k = match languages.iter().position(|l| l.as_bytes() == tag.as_bytes()) {
        Some(k) => k,
        None => {
            languages.push(c_string(tag));
            languages.len() - 1
        }
    };
    languages[k].as_ptr()
}

/// Writes the totals of `layout` to `*info`.
///
/// # Safety
///
/// `layout` NULL or a live layout; `info` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_info(
    layout: *const ShriftLayout,
    info: *mut ShriftLayoutInfo,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (l, info) = unsafe { (handle(layout)?, out_ref(info, "info")?) };
        *info = ShriftLayoutInfo {
            width: l.layout.width(),
            height: l.layout.height(),
            direction: direction(l.layout.direction()),
            text_len: l.layout.text().len(),
            line_count: l.lines.len(),
            run_count: l.runs.len(),
            glyph_count: l.glyphs.len(),
            face_count: l.faces.len(),
            decoration_count: l.decorations.len(),
            box_count: l.boxes.len(),
            truncated: u8::from(l.layout.is_truncated()),
        };
        Ok(())
    })
}

/// Writes one of a layout's arrays: its first element's address and its length.
///
/// # Safety
///
/// `layout` NULL or a live layout; `ptr` and `len` NULL or writable.
unsafe fn array<T>(
    layout: *const ShriftLayout,
    ptr: *mut *const T,
    len: *mut usize,
    pick: fn(&ShriftLayout) -> &[T],
) -> ShriftStatus {
    guard(|| {
        // SAFETY: forwarded contract.
        let (l, ptr, len) = unsafe { (handle(layout)?, out_ref(ptr, "ptr")?, out_ref(len, "len")?) };
        let items = pick(l);
        *ptr = items.as_ptr();
        *len = items.len();
        Ok(())
    })
}

/// The layout's lines, top to bottom: `*lines` points to `*count` of them.
///
/// # Safety
///
/// `layout` NULL or a live layout; `lines`, `count` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_lines(
    layout: *const ShriftLayout,
    lines: *mut *const ShriftLine,
    count: *mut usize,
) -> ShriftStatus {
    // SAFETY: forwarded contract.
    unsafe { array(layout, lines, count, |l| &l.lines) }
}

/// The layout's runs, line after line, each line's left to right.
///
/// # Safety
///
/// As [`shrift_layout_lines`].
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_runs(
    layout: *const ShriftLayout,
    runs: *mut *const ShriftRun,
    count: *mut usize,
) -> ShriftStatus {
    // SAFETY: forwarded contract.
    unsafe { array(layout, runs, count, |l| &l.runs) }
}

/// The layout's glyphs, run after run, each run's left to right.
///
/// # Safety
///
/// As [`shrift_layout_lines`].
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_glyphs(
    layout: *const ShriftLayout,
    glyphs: *mut *const ShriftGlyph,
    count: *mut usize,
) -> ShriftStatus {
    // SAFETY: forwarded contract.
    unsafe { array(layout, glyphs, count, |l| &l.glyphs) }
}

/// The faces the layout's runs use (a run's `face` indexes this array).
///
/// # Safety
///
/// As [`shrift_layout_lines`].
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_faces(
    layout: *const ShriftLayout,
    faces: *mut *const ShriftFace,
    count: *mut usize,
) -> ShriftStatus {
    // SAFETY: forwarded contract.
    unsafe { array(layout, faces, count, |l| &l.faces) }
}

/// The layout's underlines and strike-throughs.
///
/// # Safety
///
/// As [`shrift_layout_lines`].
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_decorations(
    layout: *const ShriftLayout,
    decorations: *mut *const ShriftDecoration,
    count: *mut usize,
) -> ShriftStatus {
    // SAFETY: forwarded contract.
    unsafe { array(layout, decorations, count, |l| &l.decorations) }
}

/// The layout's inline boxes, in text order.
///
/// # Safety
///
/// As [`shrift_layout_lines`].
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_boxes(
    layout: *const ShriftLayout,
    boxes: *mut *const ShriftBox,
    count: *mut usize,
) -> ShriftStatus {
    // SAFETY: forwarded contract.
    unsafe { array(layout, boxes, count, |l| &l.boxes) }
}

/// The paragraph's text (UTF-8, `*len` bytes, not NUL-terminated): what the byte offsets
/// index.
///
/// # Safety
///
/// As [`shrift_layout_lines`].
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_text(
    layout: *const ShriftLayout,
    text: *mut *const c_char,
    len: *mut usize,
) -> ShriftStatus {
    // SAFETY: forwarded contract; the text's bytes are read as C chars.
    unsafe {
        array(layout, text.cast::<*const u8>(), len, |l| {
            l.layout.text().as_bytes()
        })
    }
}

/// The ellipsis text the layout's ellipsis runs shape (UTF-8, `*len` bytes), or NULL and 0 when
/// nothing was cut.
///
/// # Safety
///
/// As [`shrift_layout_lines`].
#[no_mangle]
pub unsafe extern "C" fn shrift_layout_ellipsis_text(
    layout: *const ShriftLayout,
    text: *mut *const c_char,
    len: *mut usize,
) -> ShriftStatus {
    guard(|| {
        // SAFETY: the header's contract.
        let (l, text, len) = unsafe { (handle(layout)?, out_ref(text, "text")?, out_ref(len, "len")?) };
        match l.layout.ellipsis_text() {
            Some(s) => {
                *text = s.as_ptr().cast();
                *len = s.len();
            }
            None => {
                *text = std::ptr::null();
                *len = 0;
            }
        }
        Ok(())
    })
}
