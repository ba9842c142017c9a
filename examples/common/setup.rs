//! What the dump and render examples share: the base direction from `--dir` and the font book (the bundled
//! faces, where compiled in, plus every font file of `--fonts DIR`).

use shrift::{BaseDirection, FontBook};

/// `auto`, `ltr` or `rtl`.
#[allow(dead_code)] // the dumps read --dir; render includes this file for the font book only
pub fn direction(dir: &str) -> Result<BaseDirection, String> {
    match dir {
        "auto" => Ok(BaseDirection::Auto),
        "ltr" => Ok(BaseDirection::Ltr),
        "rtl" => Ok(BaseDirection::Rtl),
        other => Err(format!("--dir must be auto, ltr or rtl, not {other}")),
    }
}

/// The bundled faces (without the `bundled-fonts` feature, none) and those of `fonts`.
pub fn book(fonts: Option<&str>) -> Result<FontBook, String> {
    #[cfg(feature = "bundled-fonts")]
    let mut book = FontBook::with_bundled_fonts();
    #[cfg(not(feature = "bundled-fonts"))]
    let mut book = FontBook::new();
    if let Some(dir) = fonts {
        book.load_dir(dir).map_err(|e| e.to_string())?;
    }
    Ok(book)
}
