//! Arbitrary font bytes, then a fixed mixed text laid out with them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shrift::{Font, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};

fuzz_target!(|data: &[u8]| {
    let Ok(font) = Font::from_bytes(data.to_vec(), 0, "fuzz.ttf") else { return };
    let family = font.family().to_string();
    let mut book = FontBook::new();
    book.add(font);
    let mut cx = LayoutContext::new();
    let text = "פֿאַר די ייִדן, דער „פֿאָרווערטס“ (The Forward) 1897 fi ffl\tx";
    let Ok(para) = Paragraph::new(text, TextStyle::new(family.as_str()), &book, &mut cx) else { return };
    for width in [0.0, 50.0, 1000.0] {
        let _ = para.layout(&mut cx, &LayoutOptions::new(width));
    }
});
