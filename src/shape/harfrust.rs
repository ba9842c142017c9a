//! The HarfRust backend (feature `harfrust`): the HarfBuzz project's Rust port.
//!
//! HarfRust's font (read-fonts' `Font`) owns its bytes (shared, not copied) and caches its layout
//! tables itself, so a face is parsed once per context whatever its bytes are; plans and the
//! buffer are reused like rustybuzz's. HarfRust 0.15 has rustybuzz's Hebrew compose bug too
//! (yod + patah composed into U+FB1F, U+05F2 + patah left apart, in a face without GPOS mark
//! positioning: `tests/hb_parity.rs` shows it with a test font made for it, against hb-shape), so
//! the same workaround applies.

use std::sync::Arc;

use harfrust::font::{Blob, Font as HrFont};
use harfrust::{Buffer, Direction, Feature, Language, Script, ShapeOptions, ShapePlan, ShaperFont, Tag};

use super::input::{needs_adjusting, push_adjusted, MAX_PLANS};
use super::request::{RawGlyph, ShapeRequest};

struct CachedPlan {
    font: u64,
    rtl: bool,
    script: unicode_script::Script,
    language: Option<Arc<str>>,
    features: Vec<crate::style::Feature>,
    hr_features: Vec<Feature>,
    plan: ShapePlan,
}

/// HarfRust's state: the faces (by font uid), plans and the buffer.
#[derive(Default)]
pub(crate) struct HarfrustShaper {
    fonts: Vec<(u64, HrFont)>,
    plans: Vec<CachedPlan>,
    buffer: Option<Buffer>,
}

/// Faces kept per context; past this many the cache starts over.
const MAX_FONTS: usize = 64;

impl HarfrustShaper {
    fn font(&mut self, font: &crate::font::Font) -> Option<usize> {
        if let Some(i) = self.fonts.iter().position(|(uid, _)| *uid == font.uid()) {
            return Some(i);
        }
        let blob = match font.static_data() {
            Some(bytes) => Blob::from(bytes),
            None => {
                let shared: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(font.shared_data()?);
                Blob::from(shared)
            }
        };
        let mut hr = HrFont::new(blob, font.index())?;
        if !font.variations().is_empty() {
            // A variable instance: HarfRust shapes (advances, GSUB/GPOS variations, feature
            // variations) at the font's location.
            let location = font.variations().iter().map(|v| (Tag::new(&v.tag()), v.value()));
            hr = hr.instance_builder().variations(location).build();
        }
        if self.fonts.len() >= MAX_FONTS {
            self.fonts.clear();
            self.plans.clear();
        }
        self.fonts.push((font.uid(), hr));
        Some(self.fonts.len() - 1)
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
        let item = req.text.get(req.range.clone())?;
        let f = self.font(req.font)?;
        let direction = if req.rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        };
        let script = Script::from_iso15924_tag(Tag::new_checked(req.script.short_name().as_bytes()).ok()?);
        let language = req.language.and_then(|l| l.parse::<Language>().ok());
        let plan_index = self.plan(f, req, direction, script, language.as_ref());
        let font = &self.fonts[f].1;
        let shaper_font = ShaperFont::new(font);

        let mut buffer = self.buffer.take().unwrap_or_default();
        buffer.clear();
        buffer.set_pre_context(&req.text[..req.range.start]);
        let compose_fix = req.font.needs_hebrew_compose_fix();
        if word || needs_adjusting(item, compose_fix) {
            push_adjusted(item, compose_fix, word, joined, |c, cluster| {
                buffer.push(c as u32, cluster)
            });
        } else {
            buffer.push_str(item);
        }
        buffer.set_post_context(&req.text[req.range.end..]);
        buffer.set_direction(direction);
        buffer.set_script(script);
        buffer.set_language(language);
        buffer.set_flags(if word {
            harfrust::BufferFlags::PRODUCE_UNSAFE_TO_CONCAT
        } else {
            harfrust::BufferFlags::empty()
        });
        let cached = &self.plans[plan_index];
        let options = ShapeOptions::new()
            .plan(Some(&cached.plan))
            .features(&cached.hr_features);
        if harfrust::shape(&shaper_font, &mut buffer, options).is_ok() {
            out.extend(
                buffer
                    .glyph_infos()
                    .iter()
                    .zip(buffer.glyph_positions())
                    .map(|(info, pos)| RawGlyph {
                        id: u16::try_from(info.glyph_id).unwrap_or(0),
                        cluster: info.cluster,
                        x_advance: pos.x_advance,
                        x_offset: pos.x_offset,
                        y_offset: pos.y_offset,
                        unsafe_to_break: info.unsafe_to_break(),
                        unsafe_to_concat: word && info.unsafe_to_concat(),
                    }),
            );
        }
        buffer.clear();
        self.buffer = Some(buffer);
        if joined.is_empty() {
            None
        } else {
            shaper_font
                .nominal_glyph(' ' as u32)
                .and_then(|g| u16::try_from(g.to_u32()).ok())
        }
    }

    /// The cached plan for a request, compiled on first use.
    fn plan(
        &mut self,
        f: usize,
        req: &ShapeRequest<'_>,
        direction: Direction,
        script: Option<Script>,
        language: Option<&Language>,
    ) -> usize {
        let uid = req.font.uid();
        let found = self.plans.iter().position(|p| {
            p.font == uid
                && p.rtl == req.rtl
                && p.script == req.script
                && p.language.as_deref() == req.language.map(|l| &**l)
                && p.features == req.features
        });
        if let Some(i) = found {
            return i;
        }
        if self.plans.len() >= MAX_PLANS {
            self.plans.clear();
        }
        let hr_features: Vec<Feature> = req
            .features
            .iter()
            .map(|f| Feature::new(Tag::new(&f.tag()), f.value(), ..))
            .collect();
        let plan = ShapePlan::new(&self.fonts[f].1, direction, script, language, &hr_features);
        self.plans.push(CachedPlan {
            font: uid,
            rtl: req.rtl,
            script: req.script,
            language: req.language.cloned(),
            features: req.features.to_vec(),
            hr_features,
            plan,
        });
        self.plans.len() - 1
    }
}
