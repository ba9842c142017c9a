//! The layout dump's JSON (DESIGN.md's contract), shared by the dump and batch examples: the
//! width, the base direction asked for, the whole text, and each paragraph's `Layout` (shrift's
//! `serde` feature) with its offsets into the whole text.

use shrift::{AtOffset, DocumentLayout};

/// The dump's top level.
struct Dump<'a> {
    width: f32,
    dir: &'a str,
    text: &'a str,
    paragraphs: Vec<AtOffset<'a>>,
}

impl serde::Serialize for Dump<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Dump", 4)?;
        st.serialize_field("width", &self.width)?;
        st.serialize_field("dir", self.dir)?;
        st.serialize_field("text", self.text)?;
        st.serialize_field("paragraphs", &self.paragraphs)?;
        st.end()
    }
}

/// The dump of `laid`, whose blocks start at `starts` in `text`, with a final newline.
pub fn dump_json(laid: &DocumentLayout, dir: &str, text: &str, starts: &[usize]) -> Result<String, String> {
    let paragraphs: Vec<AtOffset<'_>> = laid
        .blocks()
        .iter()
        .zip(starts)
        .map(|(layout, &start)| AtOffset(layout, start))
        .collect();
    let dump = Dump {
        width: laid.width(),
        dir,
        text,
        paragraphs,
    };
    let mut json = serde_json::to_string(&dump).map_err(|e| e.to_string())?;
    json.push('\n');
    Ok(json)
}
