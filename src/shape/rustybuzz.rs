//! The rustybuzz backend (the default): rustybuzz 0.20, with the workaround for its Hebrew
//! compose bug (see `push_adjusted` in `input.rs`).

use rustybuzz::ttf_parser::Tag;
use unicode_script::Script;

use super::input::{needs_adjusting, push_adjusted, MAX_PLANS};
use super::request::{RawGlyph, ShapeRequest};

struct CachedPlan {
    font: u64,
    rtl: bool,
    script: Script,
    language: Option<std::sync::Arc<str>>,
    features: Vec<crate::style::Feature>,
    plan: rustybuzz::ShapePlan,
}

/// A rustybuzz face over bytes it shares: the bytes and the face parsed from them, kept together
/// so that the context can keep the parsed face as long as it likes (self_cell builds the
/// self-referential pair without unsafe code of ours).
mod owned {
    self_cell::self_cell!(
        pub(super) struct OwnedFace {
            owner: std::sync::Arc<[u8]>,
            #[covariant]
            dependent: Face,
        }
    );

    pub(super) type Face<'a> = rustybuzz::Face<'a>;
}

/// A parsed face: over the bundled fonts' 'static bytes, or over shared bytes it holds.
enum RbFace {
    Static(Box<rustybuzz::Face<'static>>),
    Owned(owned::OwnedFace),
}

impl RbFace {
    fn face(&self) -> &rustybuzz::Face<'_> {
        match self {
            RbFace::Static(f) => f,
            RbFace::Owned(f) => f.borrow_dependent(),
        }
    }
}

/// Faces kept per context; past this many the cache starts over (with the plans made for them).
const MAX_FACES: usize = 64;

/// rustybuzz's state: plans, the Unicode buffer, and the faces, each parsed once per context
/// (a face's layout tables are too costly to parse per item or per paragraph).
#[derive(Default)]
pub(crate) struct RustybuzzShaper {
    plans: Vec<CachedPlan>,
    buffer: Option<rustybuzz::UnicodeBuffer>,
    faces: Vec<(u64, RbFace)>,
}

fn rb_script(script: Script) -> Option<rustybuzz::Script> {
    rustybuzz::Script::from_iso15924_tag(Tag::from_bytes_lossy(script.short_name().as_bytes()))
}

impl RustybuzzShaper {
    /// Shapes the request, appending glyphs to `out`; returns the face's space glyph (which the
    /// compose workaround's hidden CGJs become).
    /// The index of the parsed face of `font` in `self.faces`, parsing it on first use.
    fn face_index(&mut self, font: &crate::font::Font) -> Option<usize> {
        let uid = font.uid();
        if let Some(i) = self.faces.iter().position(|(u, _)| *u == uid) {
            return Some(i);
        }
        // Font::new checked that rustybuzz accepts these bytes. A variable instance's face is
        // set to its location once, here (rustybuzz applies it to advances, GSUB/GPOS variations
        // and feature variations).
        let variations: Vec<rustybuzz::Variation> = font
            .variations()
            .iter()
            .map(|v| rustybuzz::Variation {
                tag: Tag::from_bytes(&v.tag()),
                value: v.value(),
            })
            .collect();
        let face = match font.static_data() {
            Some(bytes) => {
                let mut face = rustybuzz::Face::from_slice(bytes, font.index())?;
                face.set_variations(&variations);
                RbFace::Static(Box::new(face))
            }
            None => {
                let index = font.index();
                let owned = owned::OwnedFace::try_new(font.shared_data()?, |bytes| {
                    let mut face = rustybuzz::Face::from_slice(bytes, index).ok_or(())?;
                    face.set_variations(&variations);
                    Ok::<_, ()>(face)
                })
                .ok()?;
                RbFace::Owned(owned)
            }
        };
        if self.faces.len() >= MAX_FACES {
            self.faces.clear();
            self.plans.clear();
        }
        self.faces.push((uid, face));
        Some(self.faces.len() - 1)
    }

    /// Shapes the request, appending glyphs to `out`; returns the face's space glyph (which the
    /// compose workaround's hidden CGJs become).
    pub fn shape(
        &mut self,
        req: &ShapeRequest<'_>,
        joined: &mut Vec<usize>,
        out: &mut Vec<RawGlyph>,
        word: bool,
    ) -> Option<u16> {
        let f = self.face_index(req.font)?;
        let face = self.faces[f].1.face();
        let item = req.text.get(req.range.clone())?;
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
        // widen that space afterwards.
        let compose_fix = req.font.needs_hebrew_compose_fix();
        if word || needs_adjusting(item, compose_fix) {
            push_adjusted(item, compose_fix, word, joined, |c, cluster| {
                buffer.add(c, cluster)
            });
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
        buffer.set_flags(if word {
            rustybuzz::BufferFlags::PRODUCE_UNSAFE_TO_CONCAT
        } else {
            rustybuzz::BufferFlags::empty()
        });
        let glyphs = rustybuzz::shape_with_plan(face, &self.plans[plan_index].plan, buffer);
        out.extend(
            glyphs
                .glyph_infos()
                .iter()
                .zip(glyphs.glyph_positions())
                .map(|(info, pos)| RawGlyph {
                    id: u16::try_from(info.glyph_id).unwrap_or(0),
                    cluster: info.cluster,
                    x_advance: pos.x_advance,
                    x_offset: pos.x_offset,
                    y_offset: pos.y_offset,
                    unsafe_to_break: info.unsafe_to_break(),
                    unsafe_to_concat: word && unsafe_to_concat(info),
                }),
        );
        let space = if joined.is_empty() {
            None
        } else {
            face.glyph_index(' ').map(|g| g.0)
        };
        self.buffer = Some(glyphs.clear());
        space
    }
}
/// HarfBuzz's `HB_GLYPH_FLAG_UNSAFE_TO_CONCAT` of a glyph. rustybuzz 0.20 computes it but has
/// no accessor; its `GlyphInfo` is `#[repr(C)]` and `Pod` (glyph id, mask, cluster, two
/// variables), so the mask is read as the second of five `u32`s, without `unsafe`. The crate is
/// pinned and unmaintained, so the layout will not move; `tests/shape_cache.rs` checks the flag
/// where HarfBuzz sets it.
fn unsafe_to_concat(info: &rustybuzz::GlyphInfo) -> bool {
    const UNSAFE_TO_CONCAT: u32 = 0x2;
    let words: [u32; 5] = bytemuck::cast(*info);
    words[1] & UNSAFE_TO_CONCAT != 0
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
