//! The C ABI called from Rust as a C caller would: the arrays a layout hands out describe the
//! same lines, runs and glyphs as shrift's own `Layout` for the same paragraph and options (the
//! C side adds nothing and drops nothing), and laying out again into the same handle gives what
//! a new layout gives.
#![cfg(feature = "bundled-fonts")]

use std::ptr;

use shrift_capi::*;

struct Handles {
    book: *mut ShriftFontBook,
    cx: *mut ShriftContext,
    para: *mut ShriftParagraph,
}

const ARTICLE: &str = include_str!("../../tests/data/article.txt");

fn paragraph(text: &str) -> Handles {
    let mut h = Handles {
        book: ptr::null_mut(),
        cx: ptr::null_mut(),
        para: ptr::null_mut(),
    };
    // SAFETY (test): out pointers to locals; the style's strings are static.
    unsafe {
        assert_eq!(shrift_font_book_new(1, &mut h.book), ShriftStatus::Ok);
        assert_eq!(shrift_context_new(&mut h.cx), ShriftStatus::Ok);
        let mut style = std::mem::zeroed::<ShriftStyle>();
        assert_eq!(shrift_style_default(&mut style), ShriftStatus::Ok);
        let status = shrift_paragraph_new(
            h.book,
            h.cx,
            text.as_ptr().cast(),
            text.len(),
            &style,
            ptr::null(),
            0,
            SHRIFT_DIRECTION_AUTO,
            &mut h.para,
        );
        assert_eq!(status, ShriftStatus::Ok);
    }
    h
}

/// Everything a C caller reads back, as Rust values.
fn read(layout: *const ShriftLayout) -> (Vec<ShriftLine>, Vec<ShriftRun>, Vec<ShriftGlyph>) {
    // SAFETY (test): a live layout; the arrays are copied before it changes.
    unsafe {
        let (mut lines, mut runs, mut glyphs) = (ptr::null(), ptr::null(), ptr::null());
        let (mut nl, mut nr, mut ng) = (0, 0, 0);
        assert_eq!(shrift_layout_lines(layout, &mut lines, &mut nl), ShriftStatus::Ok);
        assert_eq!(shrift_layout_runs(layout, &mut runs, &mut nr), ShriftStatus::Ok);
        assert_eq!(
            shrift_layout_glyphs(layout, &mut glyphs, &mut ng),
            ShriftStatus::Ok
        );
        (
            std::slice::from_raw_parts(lines, nl).to_vec(),
            std::slice::from_raw_parts(runs, nr).to_vec(),
            std::slice::from_raw_parts(glyphs, ng).to_vec(),
        )
    }
}

#[test]
fn the_c_arrays_are_the_rust_layout() {
    let text = ARTICLE.lines().nth(2).expect("a body paragraph");
    let h = paragraph(text);
    // The same paragraph through the Rust API.
    let book = shrift::FontBook::with_bundled_fonts();
    let mut cx = shrift::LayoutContext::new();
    let para = shrift::Paragraph::new(
        text,
        shrift::TextStyle::new("Noto Serif, Noto Serif Hebrew"),
        &book,
        &mut cx,
    )
    .expect("paragraph");
    for width in [120.0f32, 300.0, 600.0] {
        let rust = para
            .layout(&mut cx, &shrift::LayoutOptions::new(width))
            .expect("layout");
        let mut layout = ptr::null_mut();
        // SAFETY (test): live handles, options on the stack.
        unsafe {
            let mut options = std::mem::zeroed::<ShriftLayoutOptions>();
            shrift_layout_options_default(&mut options, width);
            assert_eq!(
                shrift_paragraph_layout(h.para, h.cx, &options, &mut layout),
                ShriftStatus::Ok
            );
        }
        let (lines, runs, glyphs) = read(layout);
        assert_eq!(lines.len(), rust.lines().len());
        assert_eq!(runs.len(), rust.all_runs().len());
        assert_eq!(glyphs.len(), rust.all_glyphs().len());
        for (c, r) in lines.iter().zip(rust.lines()) {
            assert_eq!((c.start, c.end), (r.range().start, r.range().end));
            assert_eq!((c.x, c.width, c.baseline), (r.x(), r.width(), r.baseline()));
            let c_runs = &runs[c.first_run..c.first_run + c.run_count];
            for (cr, rr) in c_runs.iter().zip(rust.runs(r)) {
                assert_eq!(
                    (cr.start, cr.end, cr.level),
                    (rr.range().start, rr.range().end, rr.level())
                );
                let c_glyphs = &glyphs[cr.first_glyph..cr.first_glyph + cr.glyph_count];
                let r_glyphs = rust.glyphs(rr);
                assert_eq!(c_glyphs.len(), r_glyphs.len());
                for (cg, rg) in c_glyphs.iter().zip(r_glyphs) {
                    assert_eq!(
                        (cg.id, cg.cluster, cg.x, cg.y),
                        (u32::from(rg.id), rg.cluster, rg.x, rg.y)
                    );
                }
            }
        }
        // SAFETY (test): the layout is live and freed once.
        unsafe { shrift_layout_free(&mut layout) };
        assert!(layout.is_null());
    }
    free(h);
}

#[test]
fn laying_out_again_into_a_handle_equals_a_new_layout() {
    let h = paragraph(ARTICLE.lines().next().expect("the headline"));
    let layout_at = |width: f32, into: Option<*mut ShriftLayout>| {
        // SAFETY (test): live handles.
        unsafe {
            let mut options = std::mem::zeroed::<ShriftLayoutOptions>();
            shrift_layout_options_default(&mut options, width);
            match into {
                Some(l) => {
                    assert_eq!(
                        shrift_paragraph_layout_into(h.para, h.cx, &options, l),
                        ShriftStatus::Ok
                    );
                    l
                }
                None => {
                    let mut l = ptr::null_mut();
                    assert_eq!(
                        shrift_paragraph_layout(h.para, h.cx, &options, &mut l),
                        ShriftStatus::Ok
                    );
                    l
                }
            }
        }
    };
    let mut reused = layout_at(500.0, None);
    for width in [90.0f32, 200.0, 700.0] {
        layout_at(width, Some(reused));
        let mut fresh = layout_at(width, None);
        let (a, b) = (read(reused), read(fresh));
        assert_eq!(a.0.len(), b.0.len());
        assert_eq!(a.2.len(), b.2.len());
        for (x, y) in a.2.iter().zip(&b.2) {
            assert_eq!((x.id, x.cluster, x.x, x.y), (y.id, y.cluster, y.x, y.y));
        }
        // SAFETY (test): freed once.
        unsafe { shrift_layout_free(&mut fresh) };
    }
    // SAFETY (test): freed once.
    unsafe { shrift_layout_free(&mut reused) };
    free(h);
}

fn free(mut h: Handles) {
    // SAFETY (test): each handle freed once; free nulls it, so a second call is a no-op.
    unsafe {
        shrift_paragraph_free(&mut h.para);
        shrift_paragraph_free(&mut h.para);
        shrift_context_free(&mut h.cx);
        shrift_font_book_free(&mut h.book);
    }
    assert!(h.para.is_null() && h.cx.is_null() && h.book.is_null());
}
