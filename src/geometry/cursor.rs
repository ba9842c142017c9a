//! Cursors: an offset on a grapheme boundary with its affinity, and which line it is on.

use crate::layout::Layout;
use crate::text::chars::ends_with_hard_break;
use crate::text::graphemes::clamp_to_grapheme;

/// Which side a cursor clings to where one offset has two visual positions.
///
/// At a soft line wrap the offset is both the end of one line and the start of the next:
/// [`Affinity::Downstream`] (the default) puts the cursor at the start of the next line,
/// [`Affinity::Upstream`] at the end of the line before. Hit testing returns `Upstream` only for
/// a click at the end of a line that wraps with no whitespace to hang (a long word broken
/// between clusters), the one place where the end of a line is a wrap offset. Elsewhere the
/// affinity changes nothing: at a direction boundary both positions are drawn (see
/// [`Layout::carets`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Affinity {
    /// Clings to the text before the offset.
    Upstream,
    /// Clings to the text after the offset.
    #[default]
    Downstream,
}

/// A position in a paragraph's text: a byte offset on a grapheme cluster boundary plus an
/// [`Affinity`].
///
/// ```
/// use shrift::{Affinity, Cursor};
/// let c = Cursor::new(4);
/// assert_eq!(c.affinity, Affinity::Downstream);
/// assert_eq!(Cursor::upstream(4).affinity, Affinity::Upstream);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Cursor {
    /// Byte offset into the text, on a grapheme cluster boundary once clamped.
    pub offset: usize,
    /// Which side the cursor clings to.
    pub affinity: Affinity,
}

impl Cursor {
    /// A cursor at `offset` clinging to the text after it.
    pub fn new(offset: usize) -> Cursor {
        Cursor {
            offset,
            affinity: Affinity::Downstream,
        }
    }

    /// A cursor at `offset` clinging to the text before it.
    pub fn upstream(offset: usize) -> Cursor {
        Cursor {
            offset,
            affinity: Affinity::Upstream,
        }
    }
}

impl Layout {
    /// `offset` moved onto a grapheme cluster boundary of the text: past the end to the end,
    /// inside a char or a cluster to the nearest boundary, the earlier one when both are as near.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// // "אָב": alef + qamats (4 bytes) then bet.
    /// let para = Paragraph::new("אָב", TextStyle::new("Noto Sans Hebrew"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(100.0))?;
    /// assert_eq!(layout.clamp_offset(1), 0); // inside alef: the nearer boundary
    /// assert_eq!(layout.clamp_offset(3), 4); // inside qamats: nearer to the cluster's end
    /// assert_eq!(layout.clamp_offset(99), 6);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn clamp_offset(&self, offset: usize) -> usize {
        clamp_to_grapheme(&self.text, offset)
    }

    /// The index of the line a cursor is on. An offset at a soft wrap is on the next line, or on
    /// the line before with [`Affinity::Upstream`]; the end of the text is on the last line.
    ///
    /// ```
    /// # #[cfg(feature = "bundled-fonts")] {
    /// use shrift::{Cursor, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
    /// let book = FontBook::with_bundled_fonts();
    /// let mut cx = LayoutContext::new();
    /// let para = Paragraph::new("abcdefghijklmnop", TextStyle::new("Noto Sans"), &book, &mut cx)?;
    /// let layout = para.layout(&mut cx, &LayoutOptions::new(40.0))?; // breaks inside the word
    /// let wrap = layout.lines()[0].range().end;
    /// assert_eq!(layout.line_of(Cursor::new(wrap)), 1);
    /// assert_eq!(layout.line_of(Cursor::upstream(wrap)), 0);
    /// # }
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn line_of(&self, cursor: Cursor) -> usize {
        let offset = self.clamp_offset(cursor.offset);
        let lines = self.lines();
        let k = lines
            .partition_point(|l| l.range.end <= offset)
            .min(lines.len().saturating_sub(1));
        if cursor.affinity == Affinity::Upstream && k > 0 && lines[k].range.start == offset {
            let before = &lines[k - 1];
            if !ends_with_hard_break(&self.text[before.range.clone()]) {
                return k - 1;
            }
        }
        k
    }
}
