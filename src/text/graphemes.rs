//! Grapheme clusters (UAX #29, unicode-segmentation): the unit of font fallback, of breaking an
//! over-long word, of caret movement and of every offset editing hands back.

/// Extended grapheme clusters (UAX #29, unicode-segmentation) as (byte offset, cluster): the unit
/// of font fallback, of breaking an over-long word, and of caret movement.
///
/// ```
/// let clusters: Vec<&str> = shrift::graphemes("פֿאַר").map(|(_, g)| g).collect();
/// assert_eq!(clusters, ["פֿ", "אַ", "ר"]);
/// ```
pub fn graphemes(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    Graphemes { text, pos: 0 }
}

/// UAX #29 grapheme clusters with a shortcut for ASCII: between two ASCII chars there is always
/// a boundary (no ASCII char is Extend, SpacingMark, ZWJ, Prepend or Regional_Indicator; the only
/// pair rule is GB3, CR × LF), so such a cluster is one byte and unicode-segmentation is asked only
/// where a non-ASCII char is involved. `tests/conformance_breaks.rs` runs GraphemeBreakTest 17
/// through this, and a property compares it with unicode-segmentation on random text.
struct Graphemes<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Iterator for Graphemes<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        let start = self.pos;
        if start >= self.text.len() {
            return None;
        }
        let end = grapheme_end(self.text, start);
        self.pos = end;
        Some((start, &self.text[start..end]))
    }
}

/// The end of the grapheme cluster that starts at byte `start` (< `text.len()`, a boundary).
pub(crate) fn grapheme_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[start];
    let next = bytes.get(start + 1).copied();
    if b.is_ascii() && b != b'\r' && next.is_none_or(|n| n.is_ascii()) {
        start + 1
    } else {
        let mut cursor = unicode_segmentation::GraphemeCursor::new(start, text.len(), true);
        cursor.next_boundary(text, 0).ok().flatten().unwrap_or(text.len())
    }
}

/// The grapheme boundary nearest to `offset` (the earlier one on a tie).
pub(crate) fn clamp_to_grapheme(text: &str, offset: usize) -> usize {
    use unicode_segmentation::GraphemeCursor;
    if offset >= text.len() {
        return text.len();
    }
    let mut start = offset;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut cursor = GraphemeCursor::new(start, text.len(), true);
    if start == offset && cursor.is_boundary(text, 0).unwrap_or(true) {
        return offset;
    }
    let mut back = GraphemeCursor::new(start, text.len(), true);
    let prev = match back.is_boundary(text, 0) {
        Ok(true) => start,
        _ => back.prev_boundary(text, 0).ok().flatten().unwrap_or(0),
    };
    let next = cursor.next_boundary(text, 0).ok().flatten().unwrap_or(text.len());
    if offset - prev <= next - offset {
        prev
    } else {
        next
    }
}

/// Whether `offset` (a char boundary) is a grapheme boundary of `text`.
pub(crate) fn is_grapheme_boundary(text: &str, offset: usize) -> bool {
    let mut c = unicode_segmentation::GraphemeCursor::new(offset, text.len(), true);
    c.is_boundary(text, 0).unwrap_or(true)
}

/// The grapheme boundary after `offset` (a char boundary), or the text's end.
pub(crate) fn next_boundary(text: &str, offset: usize) -> usize {
    let mut c = unicode_segmentation::GraphemeCursor::new(offset, text.len(), true);
    c.next_boundary(text, 0).ok().flatten().unwrap_or(text.len())
}

/// The grapheme boundary before `offset` (a char boundary), or 0.
pub(crate) fn prev_boundary(text: &str, offset: usize) -> usize {
    let mut c = unicode_segmentation::GraphemeCursor::new(offset, text.len(), true);
    c.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_shortcut_agrees_with_unicode_segmentation() {
        use unicode_segmentation::UnicodeSegmentation;
        // Every sequence of up to 4 pieces mixing ASCII (CR and LF included) with marks, ZWJ,
        // Hebrew, emoji and a regional indicator.
        let pieces = [
            "a",
            " ",
            "\r",
            "\n",
            "\u{301}",
            "\u{200D}",
            "א",
            "\u{5B7}",
            "👍",
            "\u{1F1E6}",
            "1",
            "\u{FE0F}",
        ];
        let mut text = String::new();
        for n in 0..=4u32 {
            for code in 0..(pieces.len() as u32).pow(n) {
                text.clear();
                let mut c = code;
                for _ in 0..n {
                    text.push_str(pieces[(c % pieces.len() as u32) as usize]);
                    c /= pieces.len() as u32;
                }
                let ours: Vec<(usize, &str)> = graphemes(&text).collect();
                let theirs: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
                assert_eq!(ours, theirs, "{text:?}");
            }
        }
    }
}
