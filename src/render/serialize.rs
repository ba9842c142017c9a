//! Layouts for other processes (feature `serde`): a [`Layout`] serialises as one paragraph of the
//! layout dump (`../shared/DESIGN.md`, "The layout dump"), so a renderer in another process, or
//! the oracle, reads what a renderer in this one draws.
//!
//! A paragraph: `range`, `direction`, `width`, `height`, `lines`, `elided` where truncation
//! left text out, `decorations` where there are any (each `kind` "underline" or
//! "strikethrough", `line`, `x`, `y` (top), `width`, `thickness`, `paint`), and `boxes` where
//! there are inline boxes (each `id`, `range` (its U+FFFC), `line`, `x`, `y` (top), `width`,
//! `height`; a box is not among its line's `runs`). A line: `range`, `top`, `height`, `baseline`, `ascent`, `descent`, `x`, `width`,
//! `runs` (the text's runs, left to right) and, on a truncated line, `ellipsis` (its ellipsis
//! runs, each with the `text` it shapes: not text of the paragraph, so not among `runs`). A run:
//! `range`, `font` (the face's name: its file name for faces loaded from files), `font_family`,
//! `font_index`, `size`, `direction`, `level`, `script`, `language`, `paint`, `style`,
//! `variations` (an object of axis tag to value, where the run's face is a variable instance off
//! its default: what HarfBuzz must shape with), `synthesis` (`{"bold", "oblique"}`, where
//! anything is synthesised), `glyphs`.
//! A glyph: `id`, `cluster`, `x`, `y`, `advance`, `extra` (where not 0), `dx`, `dy`, `paint`
//! (where not its run's: a point painted apart from its letter). Byte offsets are the paragraph's;
//! [`AtOffset`] shifts them for a paragraph inside a longer text.

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use crate::layout::{Decoration, DecorationKind, Glyph, Layout, Line, PlacedBox, Run};

/// A layout whose byte offsets are shifted by `offset`: a paragraph that starts at `offset` of a
/// longer text (the dump's paragraphs, all offsets into the whole file).
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{AtOffset, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let mut cx = LayoutContext::new();
/// let para = Paragraph::new("שלום", TextStyle::new("Noto Sans Hebrew"), &book, &mut cx)?;
/// let layout = para.layout(&mut cx, &LayoutOptions::new(200.0))?;
/// let json = serde_json::to_value(AtOffset(&layout, 10)).unwrap();
/// assert_eq!(json["range"], serde_json::json!([10, 18]));
/// assert_eq!(json["direction"], "rtl");
/// assert_eq!(json["lines"][0]["runs"][0]["font"], "NotoSansHebrew-Regular.ttf");
/// # }
/// # Ok::<(), shrift::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AtOffset<'a>(pub &'a Layout, pub usize);

impl Serialize for Layout {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        AtOffset(self, 0).serialize(s)
    }
}

/// A byte range as `[start, end]`, shifted.
fn range(r: &std::ops::Range<usize>, offset: usize) -> [usize; 2] {
    [r.start + offset, r.end + offset]
}

impl Serialize for AtOffset<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let AtOffset(layout, offset) = *self;
        let mut st = s.serialize_struct("Paragraph", 8)?;
        st.serialize_field("range", &[offset, offset + layout.text().len()])?;
        st.serialize_field("direction", layout.direction().as_str())?;
        st.serialize_field("width", &layout.width())?;
        st.serialize_field("height", &layout.height())?;
        st.serialize_field("lines", &Lines(layout, offset))?;
        if layout.is_truncated() {
            let elided: Vec<[usize; 2]> = layout.elided().iter().map(|r| range(r, offset)).collect();
            st.serialize_field("elided", &elided)?;
        } else {
            st.skip_field("elided")?;
        }
        if layout.decorations().is_empty() {
            st.skip_field("decorations")?;
        } else {
            st.serialize_field("decorations", &Decorations(layout))?;
        }
        if layout.inline_boxes().is_empty() {
            st.skip_field("boxes")?;
        } else {
            st.serialize_field("boxes", &Boxes(layout, offset))?;
        }
        st.end()
    }
}

/// The inline boxes, offsets shifted.
struct Boxes<'a>(&'a Layout, usize);

impl Serialize for Boxes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Boxes(layout, offset) = *self;
        let mut seq = s.serialize_seq(Some(layout.inline_boxes().len()))?;
        for b in layout.inline_boxes() {
            seq.serialize_element(&BoxOut(b, offset))?;
        }
        seq.end()
    }
}

struct BoxOut<'a>(&'a PlacedBox, usize);

impl Serialize for BoxOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let BoxOut(b, offset) = *self;
        let mut st = s.serialize_struct("Box", 7)?;
        st.serialize_field("id", &b.id)?;
        st.serialize_field(
            "range",
            &[b.offset + offset, b.offset + offset + '\u{FFFC}'.len_utf8()],
        )?;
        st.serialize_field("line", &b.line)?;
        st.serialize_field("x", &b.x)?;
        st.serialize_field("y", &b.y)?;
        st.serialize_field("width", &b.width)?;
        st.serialize_field("height", &b.height)?;
        st.end()
    }
}

struct Decorations<'a>(&'a Layout);

impl Serialize for Decorations<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.decorations().len()))?;
        for d in self.0.decorations() {
            seq.serialize_element(&DecorationOut(d))?;
        }
        seq.end()
    }
}

struct DecorationOut<'a>(&'a Decoration);

impl Serialize for DecorationOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut st = s.serialize_struct("Decoration", 7)?;
        let kind = match d.kind() {
            DecorationKind::Underline => "underline",
            DecorationKind::Strikethrough => "strikethrough",
        };
        st.serialize_field("kind", kind)?;
        st.serialize_field("line", &d.line())?;
        st.serialize_field("x", &d.x())?;
        st.serialize_field("y", &d.y())?;
        st.serialize_field("width", &d.width())?;
        st.serialize_field("thickness", &d.thickness())?;
        st.serialize_field("paint", &d.paint())?;
        st.end()
    }
}

struct Lines<'a>(&'a Layout, usize);

impl Serialize for Lines<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.lines().len()))?;
        for line in self.0.lines() {
            seq.serialize_element(&LineAt(self.0, line, self.1))?;
        }
        seq.end()
    }
}

struct LineAt<'a>(&'a Layout, &'a Line, usize);

impl Serialize for LineAt<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let LineAt(layout, line, offset) = *self;
        let runs = layout.runs(line);
        let mut st = s.serialize_struct("Line", 10)?;
        st.serialize_field("range", &range(&line.range(), offset))?;
        st.serialize_field("top", &line.top())?;
        st.serialize_field("height", &line.height())?;
        st.serialize_field("baseline", &line.baseline())?;
        st.serialize_field("ascent", &line.ascent())?;
        st.serialize_field("descent", &line.descent())?;
        st.serialize_field("x", &line.x())?;
        st.serialize_field("width", &line.width())?;
        st.serialize_field("runs", &Runs(layout, line, offset, false))?;
        // A hyphen added at an automatic hyphenation point is not text of the paragraph: under
        // "hyphen" (with the "text" it shapes), as an ellipsis is under "ellipsis".
        if runs.iter().any(Run::is_added_hyphen) {
            st.serialize_field("hyphen", &Hyphens(layout, line, offset))?;
        } else {
            st.skip_field("hyphen")?;
        }
        if runs.iter().any(Run::is_ellipsis) {
            st.serialize_field("ellipsis", &Runs(layout, line, offset, true))?;
        } else {
            st.skip_field("ellipsis")?;
        }
        st.end()
    }
}

/// The runs of a line that are (or are not) ellipses.
struct Runs<'a>(&'a Layout, &'a Line, usize, bool);

impl Serialize for Runs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Runs(layout, line, offset, ellipsis) = *self;
        let mut seq = s.serialize_seq(None)?;
        // Inline boxes are listed under the paragraph's "boxes", added hyphens under the line's
        // "hyphen": neither is a run of text.
        let runs = layout
            .runs(line)
            .iter()
            .filter(|r| !r.is_inline_box() && !r.is_added_hyphen());
        for run in runs.filter(|r| r.is_ellipsis() == ellipsis) {
            seq.serialize_element(&RunAt(layout, run, offset, line.baseline()))?;
        }
        seq.end()
    }
}

/// The added hyphens of a line (one at most).
struct Hyphens<'a>(&'a Layout, &'a Line, usize);

impl Serialize for Hyphens<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Hyphens(layout, line, offset) = *self;
        let mut seq = s.serialize_seq(None)?;
        for run in layout.runs(line).iter().filter(|r| r.is_added_hyphen()) {
            seq.serialize_element(&RunAt(layout, run, offset, line.baseline()))?;
        }
        seq.end()
    }
}

/// A run's axis values as a JSON object (`{"wght": 650.0}`).
struct Variations<'a>(&'a [crate::font::Variation]);

impl Serialize for Variations<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for v in self.0 {
            map.serialize_entry(v.tag_str(), &v.value())?;
        }
        map.end()
    }
}

/// A run's synthesis (`{"bold": true, "oblique": false}`).
struct SynthesisOut(crate::font::Synthesis);

impl Serialize for SynthesisOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Synthesis", 2)?;
        st.serialize_field("bold", &self.0.bold)?;
        st.serialize_field("oblique", &self.0.oblique)?;
        st.end()
    }
}

/// A run, its offset in the document's text and its line's baseline.
struct RunAt<'a>(&'a Layout, &'a Run, usize, f32);

impl Serialize for RunAt<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let RunAt(layout, run, offset, baseline) = *self;
        let mut st = s.serialize_struct("Run", 16)?;
        st.serialize_field("range", &range(&run.range(), offset))?;
        st.serialize_field("font", run.font().name())?;
        st.serialize_field("font_family", run.font().family())?;
        st.serialize_field("font_index", &run.font().index())?;
        st.serialize_field("size", &run.size())?;
        st.serialize_field("direction", run.direction().as_str())?;
        st.serialize_field("level", &run.level())?;
        st.serialize_field("script", run.script())?;
        st.serialize_field("language", &run.language())?;
        st.serialize_field("paint", &run.paint())?;
        st.serialize_field("style", &run.style_index())?;
        if run.variations().is_empty() {
            st.skip_field("variations")?;
        } else {
            st.serialize_field("variations", &Variations(run.variations()))?;
        }
        let synthesis = run.synthesis();
        if synthesis.any() {
            st.serialize_field("synthesis", &SynthesisOut(synthesis))?;
        } else {
            st.skip_field("synthesis")?;
        }
        if run.is_ellipsis() {
            st.serialize_field("text", &layout.ellipsis_text())?;
        } else if run.is_added_hyphen() {
            // The hyphen's char: U+2010, or '-' in a face without it (see `SoftHyphen`).
            let text = if run.font().covers('\u{2010}') {
                "\u{2010}"
            } else {
                "-"
            };
            st.serialize_field("text", text)?;
        } else {
            st.skip_field("text")?;
        }
        st.serialize_field("glyphs", &Glyphs(layout, run, offset, baseline))?;
        st.end()
    }
}

/// A run's glyphs, with what [`GlyphAt`] needs.
struct Glyphs<'a>(&'a Layout, &'a Run, usize, f32);

impl Serialize for Glyphs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Glyphs(layout, run, offset, baseline) = *self;
        let mut seq = s.serialize_seq(Some(layout.glyphs(run).len()))?;
        for ((pen, g), paint) in layout.pens(run).zip(layout.glyph_paints(run)) {
            // A glyph painted apart from its run (a point apart from its letter) says so.
            let paint = (paint != run.paint()).then_some(paint);
            seq.serialize_element(&GlyphAt(g, offset, pen, baseline, paint))?;
        }
        seq.end()
    }
}

/// A glyph, its paragraph's offset in the document's text, its pen position and its line's
/// baseline: the dump's `dx` and `dy` (the shaper's offsets) are where the glyph is drawn
/// against its pen and the baseline; and its paint where it is not its run's.
struct GlyphAt<'a>(&'a Glyph, usize, f32, f32, Option<u32>);

impl Serialize for GlyphAt<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let GlyphAt(g, offset, pen, baseline, paint) = *self;
        let mut st = s.serialize_struct("Glyph", 8)?;
        st.serialize_field("id", &g.id)?;
        st.serialize_field("cluster", &(g.text_offset() + offset))?;
        st.serialize_field("x", &g.x)?;
        st.serialize_field("y", &g.y)?;
        st.serialize_field("advance", &g.advance)?;
        // The dump contract's optional "extra": what the layout adds after the glyph.
        if g.extra != 0.0 {
            st.serialize_field("extra", &g.extra)?;
        } else {
            st.skip_field("extra")?;
        }
        st.serialize_field("dx", &(g.x - pen))?;
        st.serialize_field("dy", &(baseline - g.y))?;
        match paint {
            Some(p) => st.serialize_field("paint", &p)?,
            None => st.skip_field("paint")?,
        }
        st.end()
    }
}
