//! The installed fonts (feature `system-fonts`): fontdb scans the system's font folders (on
//! Linux those fontconfig's configuration names) and reads each face's names and style; the
//! book keeps only those and the file, and reads a face when a stack or the fallback first
//! needs it.

use super::book::FontBook;

impl FontBook {
    /// A book of the installed faces (see [`FontBook::load_system_fonts`]).
    ///
    /// ```no_run
    /// use shrift::{FontBook, LayoutContext, Paragraph, TextStyle};
    /// let book = FontBook::system();
    /// let mut cx = LayoutContext::new();
    /// // A generic family: the installed serif faces, a Hebrew one among them.
    /// let para = Paragraph::new("שלום, world", TextStyle::new("serif"), &book, &mut cx)?;
    /// assert!(para.missing_glyphs().is_empty());
    /// # Ok::<(), shrift::Error>(())
    /// ```
    pub fn system() -> FontBook {
        let mut book = FontBook::new();
        book.load_system_fonts();
        book
    }

    /// Adds every installed face, known by family, weight, slant and file: its bytes are read
    /// when a stack or the fallback first asks for it. Returns how many faces were found
    /// (faces in memory only, which a scan cannot produce, are skipped).
    pub fn load_system_fonts(&mut self) -> usize {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut found = 0;
        for face in db.faces() {
            let path = match &face.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path.clone(),
                fontdb::Source::Binary(_) => continue,
            };
            let Some((family, _)) = face.families.first() else {
                continue;
            };
            self.add_lazy_face(
                path,
                face.index,
                family,
                face.weight.0,
                face.style != fontdb::Style::Normal,
                face.stretch != fontdb::Stretch::Normal,
            );
            found += 1;
        }
        found
    }
}
