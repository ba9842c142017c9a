//! The font book: faces looked up by family, weight and style; generic families; faces found on
//! the system and loaded on first use; and fallback beyond a stack.
//!
//! A book holds loaded faces ([`Font`]s) and, after [`FontBook::load_system_fonts`] (feature
//! `system-fonts`), faces it knows only by name, style and file, read when a stack or the
//! fallback first asks for them. A stack's family may be a generic family (`serif`,
//! `sans-serif`, `monospace`, `system-ui`, `emoji`), which stands for a configurable list of
//! families ([`FontBook::set_generic_family`]); the defaults name a Hebrew face after the Latin
//! ones, so a "serif" stack sets Yiddish too. When no face of a stack has a grapheme cluster, the
//! book is searched for one that does ([`FontBook::set_fallback`]), preferring a face named for
//! the cluster's script and the style's weight and slant.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use unicode_script::{Script, UnicodeScript};

use super::face::{coverage_of, faces_in_file, ranges_hold, Font, FontData};
use super::stack::FontStack;
use crate::error::Error;

/// A face the book knows by name and style, loaded on first use.
#[derive(Debug, Clone)]
struct LazyFace {
    family: String,
    weight: u16,
    italic: bool,
    /// Not of normal width (condensed, expanded): matched after the faces of normal width.
    stretched: bool,
    path: PathBuf,
    index: u32,
    /// The face, once read (`None`: it could not be read or parsed).
    font: OnceLock<Option<Font>>,
    /// The code points it maps, read without keeping the face (fallback searches).
    coverage: OnceLock<Vec<(u32, u32)>>,
}

impl LazyFace {
    fn font(&self) -> Option<&Font> {
        self.font
            .get_or_init(|| Font::from_file(&self.path, self.index).ok())
            .as_ref()
    }

    fn covers(&self, c: char) -> bool {
        if let Some(Some(font)) = self.font.get() {
            return font.covers(c);
        }
        let coverage = self.coverage.get_or_init(|| {
            std::fs::read(&self.path)
                .ok()
                .and_then(|data| coverage_of(&data, self.index))
                .unwrap_or_default()
        });
        ranges_hold(coverage, c)
    }
}

/// The generic families and the families each stands for, in order, by default.
fn default_generics() -> Vec<(String, Vec<String>)> {
    let list = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // A Hebrew face right after each Latin one: a face such as DejaVu Sans has Hebrew letters
    // too, but the Noto and Culmus faces are designed for them (and set Yiddish points well).
    let serif = list(&[
        "Noto Serif",
        "Noto Serif Hebrew",
        "DejaVu Serif",
        "Frank Ruehl CLM",
        "Liberation Serif",
        "David CLM",
        "FreeSerif",
        "Ezra SIL",
    ]);
    let sans = list(&[
        "Noto Sans",
        "Noto Sans Hebrew",
        "DejaVu Sans",
        "Nachlieli CLM",
        "Liberation Sans",
        "Simple CLM",
        "FreeSans",
    ]);
    let mono = list(&[
        "Noto Sans Mono",
        "Miriam Mono CLM",
        "DejaVu Sans Mono",
        "Liberation Mono",
        "FreeMono",
        "Noto Sans Hebrew",
    ]);
    vec![
        ("serif".into(), serif),
        ("sans-serif".into(), sans.clone()),
        ("system-ui".into(), sans),
        ("monospace".into(), mono),
        ("emoji".into(), list(&["Noto Color Emoji", "Noto Emoji"])),
    ]
}

/// A collection of faces, looked up by family, weight and style.
///
/// `Send + Sync`: load once, share between threads (faces found on the system are read on
/// first use, once, whichever thread asks).
#[derive(Debug, Clone)]
pub struct FontBook {
    fonts: Vec<Font>,
    lazy: Vec<LazyFace>,
    generics: Vec<(String, Vec<String>)>,
    fallback: bool,
}

impl Default for FontBook {
    fn default() -> FontBook {
        FontBook {
            fonts: Vec::new(),
            lazy: Vec::new(),
            generics: default_generics(),
            fallback: true,
        }
    }
}

/// A face of the book, loaded or not.
enum Face<'b> {
    Loaded(&'b Font),
    Lazy(&'b LazyFace),
}

impl Face<'_> {
    fn family(&self) -> &str {
        match self {
            Face::Loaded(f) => f.family(),
            Face::Lazy(l) => &l.family,
        }
    }

    fn weight(&self) -> u16 {
        match self {
            Face::Loaded(f) => f.weight(),
            Face::Lazy(l) => l.weight,
        }
    }

    fn italic(&self) -> bool {
        match self {
            Face::Loaded(f) => f.is_italic(),
            Face::Lazy(l) => l.italic,
        }
    }

    fn covers(&self, c: char) -> bool {
        match self {
            Face::Loaded(f) => f.covers(c),
            Face::Lazy(l) => l.covers(c),
        }
    }

    fn stretched(&self) -> bool {
        matches!(self, Face::Lazy(l) if l.stretched)
    }

    fn font(&self) -> Option<&Font> {
        match self {
            Face::Loaded(f) => Some(f),
            Face::Lazy(l) => l.font(),
        }
    }
}

/// CSS font matching's order within a family: the slant first, then the nearest weight (the
/// heavier of two equally near ones above 500, else the lighter).
fn style_distance(weight: u16, italic: bool, want_weight: u16, want_italic: bool) -> (u32, u32, u32) {
    let style_miss = u32::from(italic != want_italic);
    let distance = u32::from(weight.abs_diff(want_weight));
    let wrong_side = u32::from(if want_weight > 500 {
        weight < want_weight
    } else {
        weight > want_weight
    });
    (style_miss, distance, wrong_side)
}

impl FontBook {
    /// An empty book (with the default generic families and fallback on).
    pub fn new() -> FontBook {
        FontBook::default()
    }

    /// A book holding the eight bundled Noto faces: Noto Sans, Noto Sans Hebrew, Noto Serif and
    /// Noto Serif Hebrew, each Regular and Bold.
    #[cfg(feature = "bundled-fonts")]
    pub fn with_bundled_fonts() -> FontBook {
        let mut book = FontBook::new();
        for (name, data) in super::bundled::FONTS {
            match Font::from_static(data, 0, name) {
                Ok(font) => book.add(font),
                // The bundled files are fixed and tested; a failure here is a packaging bug.
                Err(e) => debug_assert!(false, "bundled font {name} does not load: {e}"),
            }
        }
        book
    }

    /// Adds a loaded face.
    pub fn add(&mut self, font: Font) {
        self.fonts.push(font);
    }

    /// Adds a face known by name and style, read from `path` on first use (what
    /// [`FontBook::load_system_fonts`] does for every installed face).
    pub fn add_lazy(
        &mut self,
        path: impl Into<PathBuf>,
        index: u32,
        family: &str,
        weight: u16,
        italic: bool,
    ) {
        self.add_lazy_face(path.into(), index, family, weight, italic, false);
    }

    pub(crate) fn add_lazy_face(
        &mut self,
        path: PathBuf,
        index: u32,
        family: &str,
        weight: u16,
        italic: bool,
        stretched: bool,
    ) {
        self.lazy.push(LazyFace {
            family: family.to_string(),
            weight: weight.clamp(1, 1000),
            italic,
            stretched,
            path,
            index,
            font: OnceLock::new(),
            coverage: OnceLock::new(),
        });
    }

    /// Loads and adds face `index` of a font file; returns the new handle.
    ///
    /// # Errors
    ///
    /// As [`Font::from_file`].
    pub fn load_file(&mut self, path: impl AsRef<Path>, index: u32) -> Result<Font, Error> {
        let font = Font::from_file(path, index)?;
        self.add(font.clone());
        Ok(font)
    }

    /// Loads and adds every face of every `.ttf`, `.otf`, `.ttc` and `.otc` file in `dir` and
    /// the folders below it; returns how many faces were added. Files that are not fonts are
    /// skipped.
    ///
    /// # Errors
    ///
    /// [`Error::FontIo`] when `dir` cannot be read (folders below it that cannot be read are
    /// skipped).
    pub fn load_dir(&mut self, dir: impl AsRef<Path>) -> Result<usize, Error> {
        let dir = dir.as_ref();
        let mut paths = Vec::new();
        font_files(dir, &mut paths, 0).map_err(|e| Error::FontIo {
            path: dir.display().to_string(),
            reason: e.to_string(),
        })?;
        paths.sort();
        let mut added = 0;
        for path in paths {
            let Ok(data) = std::fs::read(&path) else { continue };
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let count = faces_in_file(&data);
            let data: Arc<[u8]> = data.into();
            for index in 0..count {
                if let Ok(font) = Font::new(FontData::Shared(data.clone()), index, &name) {
                    self.add(font);
                    added += 1;
                }
            }
        }
        Ok(added)
    }

    /// The faces added (loaded) so far, in order; faces found on the system are not among them
    /// ([`FontBook::face_count`] counts them too).
    pub fn fonts(&self) -> &[Font] {
        &self.fonts
    }

    /// How many faces the book knows, loaded or not.
    pub fn face_count(&self) -> usize {
        self.fonts.len() + self.lazy.len()
    }

    /// The distinct family names, loaded or not, in the order first seen.
    pub fn families(&self) -> Vec<&str> {
        let names = self
            .fonts
            .iter()
            .map(Font::family)
            .chain(self.lazy.iter().map(|l| l.family.as_str()));
        let mut out: Vec<&str> = Vec::new();
        for family in names {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(family)) {
                out.push(family);
            }
        }
        out
    }

    /// Every face: the loaded ones, then those known by name.
    fn faces(&self) -> impl Iterator<Item = Face<'_>> {
        self.fonts
            .iter()
            .map(Face::Loaded)
            .chain(self.lazy.iter().map(Face::Lazy))
    }

    /// The face of `family` (ASCII case-insensitive) closest to `weight` and `italic`: the style
    /// first, then the nearest weight (the heavier of two equally near ones when `weight` is above
    /// 500, else the lighter), as CSS font matching does. A face known only by name is read now;
    /// one that cannot be read is passed over.
    pub fn find(&self, family: &str, weight: u16, italic: bool) -> Option<&Font> {
        let key = |f: &Face<'_>| {
            (
                f.stretched(),
                style_distance(f.weight(), f.italic(), weight, italic),
            )
        };
        let matching = || self.faces().filter(|f| f.family().eq_ignore_ascii_case(family));
        // The best face, without collecting (this runs for every family of every paragraph).
        match matching().min_by_key(key)? {
            Face::Loaded(font) => Some(font),
            Face::Lazy(l) => l.font().or_else(|| {
                // It cannot be read: the next best that can.
                let mut rest: Vec<Face<'_>> = matching().collect();
                rest.sort_by_key(key);
                rest.into_iter().find_map(|f| match f {
                    Face::Loaded(font) => Some(font),
                    Face::Lazy(l) => l.font(),
                })
            }),
        }
    }

    /// Sets the families a generic family (`serif`, `sans-serif`, `monospace`, `system-ui`,
    /// `emoji`, or a name of your own) stands for in stacks, in order. Every family of the list
    /// that the book has joins the stack, so a list can name a Latin and a Hebrew face.
    pub fn set_generic_family(&mut self, generic: &str, families: &[&str]) {
        let families = families.iter().map(|s| s.to_string()).collect();
        match self
            .generics
            .iter_mut()
            .find(|(g, _)| g.eq_ignore_ascii_case(generic))
        {
            Some(entry) => entry.1 = families,
            None => self.generics.push((generic.to_string(), families)),
        }
    }

    /// The families a generic family stands for, if it is one.
    pub fn generic_family(&self, generic: &str) -> Option<&[String]> {
        self.generics
            .iter()
            .find(|(g, _)| g.eq_ignore_ascii_case(generic))
            .map(|(_, f)| f.as_slice())
    }

    /// Turns the fallback beyond stacks on or off (default on): when no face of a style's stack
    /// has a grapheme cluster, the face the book finds for it ([`FontBook::fallback_font`])
    /// draws it instead of the stack's `.notdef`.
    pub fn set_fallback(&mut self, on: bool) {
        self.fallback = on;
    }

    /// Whether the fallback beyond stacks is on.
    pub fn fallback(&self) -> bool {
        self.fallback
    }

    /// The faces of a stack, in order, one per family found (every family of a generic
    /// family's list that the book has); families not in the book are skipped.
    ///
    /// # Errors
    ///
    /// [`Error::EmptyStack`] for a stack without families, [`Error::NoFontInStack`] when none of
    /// its families is in the book.
    pub fn resolve(&self, stack: &FontStack, weight: u16, italic: bool) -> Result<Vec<Font>, Error> {
        let mut fonts: Vec<Font> = Vec::new();
        self.resolve_each(stack, weight, italic, |font| {
            if !fonts.contains(font) {
                fonts.push(font.clone());
            }
        })?;
        Ok(fonts)
    }

    /// [`resolve`](Self::resolve) without the list: calls `found` with each face in order (a face
    /// may come twice; the caller deduplicates). Paragraph building calls this for every
    /// paragraph, so it allocates nothing.
    pub(crate) fn resolve_each(
        &self,
        stack: &FontStack,
        weight: u16,
        italic: bool,
        mut found: impl FnMut(&Font),
    ) -> Result<(), Error> {
        if stack.families().is_empty() {
            return Err(Error::EmptyStack);
        }
        let mut any = false;
        for family in stack.families() {
            // A generic family's list, or the family itself.
            let names = self
                .generic_family(family)
                .unwrap_or(std::slice::from_ref(family));
            for name in names {
                if let Some(font) = self.find(name, weight, italic) {
                    any = true;
                    found(font);
                }
            }
        }
        if !any {
            return Err(Error::NoFontInStack {
                stack: stack.families().join(", "),
            });
        }
        Ok(())
    }

    /// A face for a grapheme cluster no face of a stack has: among the book's faces that map
    /// every visible char of `cluster`, the one named for its script (a Noto face is named for
    /// the script it covers: "Noto Sans Hebrew"; emoji: a face named "Emoji"), then one of the
    /// same kind as `like` (the family the stack starts with: serif, sans or mono, by name), then
    /// the nearest in slant and weight, then the first added. `None` when no face has it; faces
    /// known only by name are searched by their character maps, read once each.
    pub fn fallback_font(&self, cluster: &str, like: &str, weight: u16, italic: bool) -> Option<Font> {
        let chars: Vec<char> = cluster
            .chars()
            .filter(|&c| !crate::text::chars::is_default_ignorable(c) && !c.is_whitespace())
            .collect();
        let first = *chars.first()?;
        let hint = script_hint(first);
        let kind = family_kind(like);
        type Key = (u32, bool, (bool, (u32, u32, u32)), usize);
        let mut best: Option<(Key, Face<'_>)> = None;
        for (order, face) in self.faces().enumerate() {
            if !chars.iter().all(|&c| face.covers(c)) {
                continue;
            }
            let named = hint.is_some_and(|h| face.family().contains(h));
            let key = (
                u32::from(!named),
                family_kind(face.family()) != kind,
                (
                    face.stretched(),
                    style_distance(face.weight(), face.italic(), weight, italic),
                ),
                order,
            );
            if best.as_ref().is_none_or(|(k, _)| key < *k) {
                best = Some((key, face));
            }
        }
        best.and_then(|(_, face)| face.font().cloned())
    }
}

/// What a family name says of its design: monospaced, sans serif, serif, or (0) something else
/// (a script style such as Rashi, emoji, symbols).
fn family_kind(family: &str) -> u8 {
    if family.contains("Mono") {
        3
    } else if family.contains("Sans") {
        2
    } else if family.contains("Serif") {
        1
    } else {
        0
    }
}

/// The word a face covering `c` is likely to have in its family name: the script's name, or
/// "Emoji" for pictographs.
fn script_hint(c: char) -> Option<&'static str> {
    if matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF) {
        return Some("Emoji");
    }
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown | Script::Latin => None,
        s => Some(s.full_name()),
    }
}

/// Font files in `dir` and below (at most 16 levels, for symlinked loops), into `out`.
fn font_files(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        if path.is_dir() {
            if depth < 16 {
                // A folder that cannot be read is skipped, as a file that is not a font is.
                let _ = font_files(&path, out, depth + 1);
            }
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc" | "otc"))
        {
            out.push(path);
        }
    }
    Ok(())
}
