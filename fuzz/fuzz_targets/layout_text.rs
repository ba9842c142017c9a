//! Arbitrary text, style spans, direction and width through the whole layout.
//!
//! Input: 4 bytes of width (f32 bits), 1 byte of direction, 1 byte of span count, then per span
//! 2+2 bytes of range and 1 byte of style, then the text (UTF-8, lossily).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shrift::{BaseDirection, FontBook, LayoutContext, LayoutOptions, Paragraph, TextStyle};
use std::sync::OnceLock;

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(FontBook::with_bundled_fonts)
}

fn style(k: u8) -> TextStyle {
    let stack = if k & 1 == 0 { "Noto Serif, Noto Serif Hebrew" } else { "Noto Sans Hebrew, Noto Sans" };
    let mut s = TextStyle::new(stack).size([16.0, 32.0, 0.5, 300.0][(k >> 1 & 3) as usize]);
    if k & 8 != 0 {
        s = s.weight(700);
    }
    if k & 16 != 0 {
        s = s.language(if k & 32 != 0 { "he" } else { "en" });
    }
    if k & 64 != 0 {
        s = s.feature("-liga".parse().unwrap());
    }
    s
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let width = f32::from_bits(u32::from_le_bytes([data[0], data[1], data[2], data[3]]));
    let dir = [BaseDirection::Auto, BaseDirection::Ltr, BaseDirection::Rtl][(data[4] % 3) as usize];
    let spans = (data[5] % 8) as usize;
    let mut rest = &data[6..];
    let mut raw_spans = Vec::new();
    for _ in 0..spans {
        if rest.len() < 5 {
            break;
        }
        let a = u16::from_le_bytes([rest[0], rest[1]]) as usize;
        let b = u16::from_le_bytes([rest[2], rest[3]]) as usize;
        raw_spans.push((a..b, rest[4]));
        rest = &rest[5..];
    }
    let text = String::from_utf8_lossy(rest);
    let mut cx = LayoutContext::new();
    let mut builder = Paragraph::builder(&text, style(0)).direction(dir);
    for (r, k) in raw_spans {
        builder = builder.span(r, style(k));
    }
    let Ok(para) = builder.build(book(), &mut cx) else { return };
    if let Ok(layout) = para.layout(&mut cx, &LayoutOptions::new(width)) {
        // Every byte is in exactly one line.
        let mut pos = 0;
        for line in layout.lines() {
            assert_eq!(line.range().start, pos);
            pos = line.range().end;
        }
        assert_eq!(pos, text.len());
    }
});
