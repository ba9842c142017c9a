//! Shaping: the one module that talks to rustybuzz, so that the shaper can be swapped.
//!
//! Each item is shaped by one call, with the whole paragraph as pre- and post-context (as
//! HarfBuzz's `hb_buffer_add_utf8` with an item offset does). Shape plans are cached per face,
//! direction, script, language and features; the Unicode buffer is reused between calls.

use std::ops::Range;
use std::sync::Arc;

use rustybuzz::ttf_parser::Tag;
use unicode_script::Script;

use crate::analysis::Direction;
use crate::error::Error;
use crate::font::Font;
use crate::style::Feature;

/// A glyph as the shaper returned it, scaled to pixels, before positioning on a line.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct ShapedGlyph {
    /// Glyph id in the font.
    pub id: u16,
    /// Byte offset of the first char of the glyph's cluster in the text.
    pub cluster: usize,
    /// HarfBuzz's x_advance, in pixels.
    pub advance: f32,
    /// HarfBuzz's x_offset, in pixels.
    pub dx: f32,
    /// HarfBuzz's y_offset, in pixels, positive up.
    pub dy: f32,
    /// Breaking the text at this glyph's cluster would change the shaping of either side.
    pub unsafe_to_break: bool,
}

/// How to shape a run with [`shape_run`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunOptions<'a> {
    /// Left to right or right to left.
    pub direction: Direction,
    /// ISO 15924 script tag, such as `"Hebr"`.
    pub script: &'a str,
    /// BCP 47 language tag, such as `"yi"`.
    pub language: Option<&'a str>,
    /// OpenType feature settings.
    pub features: &'a [Feature],
    /// Pixels per em.
    pub size: f32,
}

/// Shapes `range` of `text` as one run with `font`, the rest of `text` serving as context: the
/// same shaping the layout does for each item, for callers that itemise themselves or measure.
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{shape_run, Direction, FontBook, RunOptions};
/// let book = FontBook::with_bundled_fonts();
/// let font = book.find("Noto Serif Hebrew", 400, false).unwrap();
/// let options = RunOptions { direction: Direction::Rtl, script: "Hebr", language: Some("yi"), features: &[], size: 16.0 };
/// let text = "ייִדיש";
/// let glyphs = shape_run(font, text, 0..text.len(), &options).unwrap();
/// // Right to left: the last letter (shin, at byte 10) comes first.
/// assert_eq!(glyphs.first().unwrap().cluster, 10);
/// # }
/// ```
///
/// # Errors
///
/// [`Error::InvalidRange`] for a range off the text's char boundaries, [`Error::InvalidScript`]
/// for an unknown script tag, [`Error::InvalidLanguage`] for a bad language tag and
/// [`Error::InvalidFontSize`] for a bad size.
pub fn shape_run(
    font: &Font,
    text: &str,
    range: Range<usize>,
    options: &RunOptions<'_>,
) -> Result<Vec<ShapedGlyph>, Error> {
    crate::error::check_range(text, &range)?;
    let script = Script::from_short_name(options.script)
        .ok_or_else(|| Error::InvalidScript(options.script.to_string()))?;
    crate::style::check_size(options.size)?;
    if let Some(l) = options.language {
        crate::style::check_language(l)?;
    }
    let language: Option<Arc<str>> = options.language.map(Arc::from);
    let mut out = Vec::new();
    let mut faces = FaceCache::new();
    Shaper::default().shape(
        &mut faces,
        &ShapeRequest {
            text,
            range,
            font,
            size: options.size,
            rtl: options.direction == Direction::Rtl,
            script,
            language: language.as_ref(),
            features: options.features,
        },
        &mut out,
    );
    Ok(out)
}

/// What to shape: a range of the paragraph with everything that selects the shaping rules.
pub(crate) struct ShapeRequest<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub font: &'a Font,
    pub size: f32,
    pub rtl: bool,
    pub script: Script,
    pub language: Option<&'a Arc<str>>,
    pub features: &'a [Feature],
}

struct CachedPlan {
    font: u64,
    rtl: bool,
    script: Script,
    language: Option<Arc<str>>,
    features: Vec<Feature>,
    plan: rustybuzz::ShapePlan,
}

/// Pushes `item` char by char with cluster = byte offset, with tabs as spaces and, when
/// `compose_fix` is set, the Hebrew compositions of HarfBuzz rather than rustybuzz 0.20's.
///
/// rustybuzz 0.20's Hebrew shaper, for a font without GPOS mark positioning, composes yod +
/// patah (U+05D9 U+05B7) into U+FB1F YIDDISH YOD YOD PATAH, a different letter, and leaves
/// U+05F2 U+05B7 apart; its table names U+05D9 where HarfBuzz's names U+05F2. Here U+05F2 U+05B7
/// is composed up front, as HarfBuzz does, and a CGJ (U+034F, a starter that blocks composition
/// and is hidden by the shaper) keeps yod and patah apart; `joined` gets the yods' offsets so
/// that the CGJ's glyph can be dropped after shaping.
fn push_adjusted(
    buffer: &mut rustybuzz::UnicodeBuffer,
    item: &str,
    compose_fix: bool,
    joined: &mut Vec<usize>,
) {
    let mut chars = item.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let cluster = u32::try_from(i).unwrap_or(u32::MAX);
        let before_patah = compose_fix && chars.peek().is_some_and(|&(_, n)| n == '\u{05B7}');
        match c {
            '\t' => buffer.add(' ', cluster),
            '\u{05F2}' if before_patah => {
                buffer.add('\u{FB1F}', cluster);
                chars.next();
            }
            '\u{05D9}' if before_patah => {
                buffer.add(c, cluster);
                let patah = chars.peek().map_or(i, |&(j, _)| j);
                buffer.add('\u{034F}', u32::try_from(patah).unwrap_or(u32::MAX));
                joined.push(i);
            }
            _ => buffer.add(c, cluster),
        }
    }
}

/// Plans are few (faces × directions × scripts × languages × feature sets); past this many the
/// cache is cleared rather than grown, so hostile style churn cannot exhaust memory.
const MAX_PLANS: usize = 256;

/// A tab advances as far as this many spaces of its face. (Tab stops, which depend on where the
/// tab falls on its line, are not implemented.)
pub(crate) const TAB_SPACES: f32 = 4.0;

/// Reusable shaping state: the plan cache and the Unicode buffer.
#[derive(Default)]
pub(crate) struct Shaper {
    plans: Vec<CachedPlan>,
    buffer: Option<rustybuzz::UnicodeBuffer>,
    /// rustybuzz faces of fonts whose bytes are 'static (the bundled faces), parsed once.
    static_faces: Vec<(u64, rustybuzz::Face<'static>)>,
    /// Offsets of yods kept apart from their patah in the current call (see `push_adjusted`).
    joined: Vec<usize>,
    /// How many shaper calls were made (tests use it to prove that re-layout does not reshape).
    pub calls: u64,
}

/// rustybuzz faces parsed from [`Font`]s for the length of one task (building a paragraph,
/// laying out a document): parsing a face's layout tables is too costly to do per item.
pub(crate) struct FaceCache<'f> {
    faces: Vec<(u64, rustybuzz::Face<'f>)>,
}

impl<'f> FaceCache<'f> {
    pub fn new() -> FaceCache<'f> {
        FaceCache { faces: Vec::new() }
    }

    fn get(&mut self, font: &'f Font) -> Option<&rustybuzz::Face<'f>> {
        let i = match self.faces.iter().position(|(uid, _)| *uid == font.uid()) {
            Some(i) => i,
            None => {
                // Font::new checked that rustybuzz accepts these bytes.
                let face = rustybuzz::Face::from_slice(font.data(), font.index())?;
                self.faces.push((font.uid(), face));
                self.faces.len() - 1
            }
        };
        self.faces.get(i).map(|f| &f.1)
    }
}

/// Scripts written right to left, whose runs the shaper reverses when asked to shape them left to
/// right (HarfBuzz's `hb_script_get_horizontal_direction`).
pub(crate) fn is_natively_rtl(script: Script) -> bool {
    use Script::*;
    matches!(
        script,
        Arabic
            | Hebrew
            | Syriac
            | Thaana
            | Nko
            | Samaritan
            | Mandaic
            | Adlam
            | Hanifi_Rohingya
            | Yezidi
            | Cypriot
            | Kharoshthi
            | Phoenician
            | Lydian
            | Avestan
            | Imperial_Aramaic
            | Inscriptional_Pahlavi
            | Inscriptional_Parthian
            | Old_South_Arabian
            | Old_North_Arabian
            | Old_Turkic
            | Meroitic_Cursive
            | Meroitic_Hieroglyphs
            | Nabataean
            | Palmyrene
            | Psalter_Pahlavi
            | Manichaean
            | Mende_Kikakui
            | Old_Hungarian
            | Hatran
            | Old_Sogdian
            | Sogdian
            | Elymaic
            | Chorasmian
            | Old_Uyghur
    )
}

fn rb_script(script: Script) -> Option<rustybuzz::Script> {
    rustybuzz::Script::from_iso15924_tag(Tag::from_bytes_lossy(script.short_name().as_bytes()))
}

impl Shaper {
    /// Shapes `req.range` of `req.text`, appending the glyphs to `out` left to right.
    pub fn shape<'f>(
        &mut self,
        faces: &mut FaceCache<'f>,
        req: &ShapeRequest<'f>,
        out: &mut Vec<ShapedGlyph>,
    ) {
        // Faces over 'static bytes (the bundled fonts) are parsed once per context; others once
        // per task, through `faces`.
        let face = match req.font.static_data() {
            Some(bytes) => {
                let uid = req.font.uid();
                let i = match self.static_faces.iter().position(|(u, _)| *u == uid) {
                    Some(i) => i,
                    None => {
                        let Some(face) = rustybuzz::Face::from_slice(bytes, req.font.index()) else {
                            return;
                        };
                        self.static_faces.push((uid, face));
                        self.static_faces.len() - 1
                    }
                };
                &self.static_faces[i].1
            }
            None => match faces.get(req.font) {
                Some(face) => face,
                None => return,
            },
        };
        let Some(item) = req.text.get(req.range.clone()) else {
            return;
        };
        if item.is_empty() {
            return;
        }
        self.calls += 1;
        let direction = if req.rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        };
        let script = rb_script(req.script);
        let plan_index = plan(&mut self.plans, face, req, direction, script);

        let mut buffer = self.buffer.take().unwrap_or_default();
        buffer.set_pre_context(&req.text[..req.range.start]);
        // No font draws a tab: shape it as a space (same cluster, one byte for one byte) and
        // widen that space below.
        let has_tabs = item.contains('\t');
        let compose_fix = req.font.needs_hebrew_compose_fix() && item.contains('\u{05B7}');
        self.joined.clear();
        if has_tabs || compose_fix {
            push_adjusted(&mut buffer, item, compose_fix, &mut self.joined);
        } else {
            buffer.push_str(item);
        }
        buffer.set_post_context(&req.text[req.range.end..]);
        buffer.set_direction(direction);
        if let Some(s) = script {
            buffer.set_script(s);
        }
        if let Some(lang) = req.language.and_then(|l| l.parse::<rustybuzz::Language>().ok()) {
            buffer.set_language(lang);
        }
        let glyphs = rustybuzz::shape_with_plan(face, &self.plans[plan_index].plan, buffer);
        let scale = req.font.scale(req.size);
        let first = out.len();
        out.extend(
            glyphs
                .glyph_infos()
                .iter()
                .zip(glyphs.glyph_positions())
                .map(|(info, pos)| ShapedGlyph {
                    id: u16::try_from(info.glyph_id).unwrap_or(0),
                    cluster: req.range.start + info.cluster as usize,
                    advance: pos.x_advance as f32 * scale,
                    dx: pos.x_offset as f32 * scale,
                    dy: pos.y_offset as f32 * scale,
                    unsafe_to_break: info.unsafe_to_break(),
                }),
        );
        if !self.joined.is_empty() {
            // Drop the hidden CGJ glyphs push_adjusted caused: zero-advance space glyphs in the
            // clusters of the yods it kept apart from their patah.
            let space = face.glyph_index(' ').map(|g| g.0);
            let mut joined = std::mem::take(&mut self.joined);
            // Only this call's glyphs (from `first` on) are candidates.
            let mut index = 0;
            out.retain(|g| {
                let mine = index >= first;
                index += 1;
                if !mine || Some(g.id) != space || g.advance != 0.0 {
                    return true;
                }
                match joined.iter().position(|&c| req.range.start + c == g.cluster) {
                    Some(j) => {
                        joined.swap_remove(j);
                        false
                    }
                    None => true,
                }
            });
            self.joined = joined;
        }
        if has_tabs {
            let bytes = req.text.as_bytes();
            for g in &mut out[first..] {
                if bytes.get(g.cluster) == Some(&b'\t') {
                    g.advance *= TAB_SPACES;
                }
            }
        }
        self.buffer = Some(glyphs.clear());
    }
}

/// The cached plan for a request, compiled on first use.
fn plan(
    plans: &mut Vec<CachedPlan>,
    face: &rustybuzz::Face<'_>,
    req: &ShapeRequest<'_>,
    direction: rustybuzz::Direction,
    script: Option<rustybuzz::Script>,
) -> usize {
    let uid = req.font.uid();
    let found = plans.iter().position(|p| {
        p.font == uid
            && p.rtl == req.rtl
            && p.script == req.script
            && p.language.as_deref() == req.language.map(|l| &**l)
            && p.features == req.features
    });
    if let Some(i) = found {
        return i;
    }
    if plans.len() >= MAX_PLANS {
        plans.clear();
    }
    let language = req.language.and_then(|l| l.parse::<rustybuzz::Language>().ok());
    let features: Vec<rustybuzz::Feature> = req
        .features
        .iter()
        .map(|f| rustybuzz::Feature::new(Tag::from_bytes(&f.tag()), f.value(), ..))
        .collect();
    let plan = rustybuzz::ShapePlan::new(face, direction, script, language.as_ref(), &features);
    plans.push(CachedPlan {
        font: uid,
        rtl: req.rtl,
        script: req.script,
        language: req.language.cloned(),
        features: req.features.to_vec(),
        plan,
    });
    plans.len() - 1
}
