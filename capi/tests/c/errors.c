/* The C ABI's error paths, from C: NULL pointers, bad UTF-8, NaN and out-of-range numbers,
 * unknown enum values, spans off the text, missing fonts, handles of the wrong kind, double
 * frees; and that a failed call leaves its out pointer NULL and a message behind. Also a few
 * answers a C caller relies on, with their expected values worked by hand (cited below).
 * Built by capi/examples/build.sh; run by tools/capi_check.sh (under valgrind there too).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "shrift.h"

static int passed, failed;

#define EXPECT(cond)                                                        \
    do {                                                                    \
        if (cond) {                                                         \
            passed++;                                                       \
        } else {                                                            \
            failed++;                                                       \
            fprintf(stderr, "errors.c:%d: failed: %s\n", __LINE__, #cond); \
        }                                                                   \
    } while (0)

/* The call failed with `status` and left a message. */
#define EXPECT_ERR(call, status)                                  \
    do {                                                          \
        ShriftStatus got_ = (call);                               \
        EXPECT(got_ == (status));                                 \
        EXPECT(got_ == SHRIFT_STATUS_OK || *shrift_last_error()); \
    } while (0)

static const char HEBREW[] = "\xd7\x90\xd7\x91\xd7\x92"; /* אבג: three letters, 6 bytes */

static void null_pointers(void) {
    ShriftFontBook *book = NULL;
    ShriftContext *cx = NULL;
    EXPECT_ERR(shrift_font_book_new(1, NULL), SHRIFT_STATUS_NULL_POINTER);
    EXPECT_ERR(shrift_context_new(NULL), SHRIFT_STATUS_NULL_POINTER);
    EXPECT_ERR(shrift_font_book_face_count(NULL, NULL), SHRIFT_STATUS_NULL_POINTER);
    EXPECT_ERR(shrift_font_book_load_file(NULL, "x.ttf", 0), SHRIFT_STATUS_NULL_POINTER);
    EXPECT_ERR(shrift_style_default(NULL), SHRIFT_STATUS_NULL_POINTER);
    EXPECT_ERR(shrift_layout_options_default(NULL, 100.0f), SHRIFT_STATUS_NULL_POINTER);
    EXPECT_ERR(shrift_layout_info(NULL, NULL), SHRIFT_STATUS_NULL_POINTER);

    EXPECT(shrift_font_book_new(1, &book) == SHRIFT_STATUS_OK);
    EXPECT(shrift_context_new(&cx) == SHRIFT_STATUS_OK);
    ShriftStyle style;
    shrift_style_default(&style);
    /* A failed _new sets its out pointer to NULL, whatever it held. */
    ShriftParagraph *para = (ShriftParagraph *)&style;
    EXPECT_ERR(shrift_paragraph_new(NULL, cx, "a", 1, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_NULL_POINTER);
    EXPECT(para == NULL);
    EXPECT_ERR(shrift_paragraph_new(book, cx, NULL, 3, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_NULL_POINTER);
    /* NULL text of length 0 is the empty text. */
    EXPECT(shrift_paragraph_new(book, cx, NULL, 0, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para) ==
           SHRIFT_STATUS_OK);
    shrift_paragraph_free(&para);
    style.stack = NULL;
    EXPECT_ERR(shrift_paragraph_new(book, cx, "a", 1, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_NULL_POINTER);
    shrift_context_free(&cx);
    shrift_font_book_free(&book);
}

static void bad_text_and_values(ShriftFontBook *book, ShriftContext *cx) {
    ShriftStyle style;
    shrift_style_default(&style);
    ShriftParagraph *para = NULL;
    /* A lone continuation byte and a truncated sequence are not UTF-8. */
    EXPECT_ERR(shrift_paragraph_new(book, cx, "a\x80", 2, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_UTF8);
    EXPECT_ERR(shrift_paragraph_new(book, cx, HEBREW, 5, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_UTF8);
    EXPECT(para == NULL);
    /* Bad numbers and enum values. */
    EXPECT_ERR(shrift_paragraph_new(book, cx, "a", 1, &style, NULL, 0, 7, &para), SHRIFT_STATUS_INVALID_ARGUMENT);
    style.hyphens = 3;
    EXPECT_ERR(shrift_paragraph_new(book, cx, "a", 1, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_ARGUMENT);
    style.hyphens = SHRIFT_HYPHENS_AUTO;
    style.size = NAN;
    EXPECT_ERR(shrift_paragraph_new(book, cx, "a", 1, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_ARGUMENT);
    style.size = 16.0f;
    style.weight = 0;
    EXPECT_ERR(shrift_paragraph_new(book, cx, "a", 1, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_ARGUMENT);
    style.weight = 400;
    /* No face of the stack in the book. */
    style.stack = "No Such Family";
    EXPECT_ERR(shrift_paragraph_new(book, cx, "a", 1, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_FONT);
    shrift_style_default(&style);

    /* Spans: past the end, inside a two-byte letter, unknown bits. */
    ShriftSpan span;
    memset(&span, 0, sizeof span);
    span.set = SHRIFT_SPAN_WEIGHT;
    span.weight = 700;
    span.start = 0;
    span.end = 7;
    EXPECT_ERR(shrift_paragraph_new(book, cx, HEBREW, 6, &style, &span, 1, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_RANGE);
    span.end = 3;
    EXPECT_ERR(shrift_paragraph_new(book, cx, HEBREW, 6, &style, &span, 1, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_RANGE);
    span.end = 4;
    span.set = 1u << 20;
    EXPECT_ERR(shrift_paragraph_new(book, cx, HEBREW, 6, &style, &span, 1, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_ARGUMENT);
    span.set = SHRIFT_SPAN_LANGUAGE; /* language NULL with its bit set */
    EXPECT_ERR(shrift_paragraph_new(book, cx, HEBREW, 6, &style, &span, 1, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_NULL_POINTER);
    /* A span is fine on char boundaries, and NULL spans with a count are not. */
    span.set = SHRIFT_SPAN_WEIGHT;
    EXPECT_ERR(shrift_paragraph_new(book, cx, HEBREW, 6, &style, NULL, 1, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_NULL_POINTER);
    EXPECT(shrift_paragraph_new(book, cx, HEBREW, 6, &style, &span, 1, SHRIFT_DIRECTION_AUTO, &para) ==
           SHRIFT_STATUS_OK);

    /* Layout options: NaN, negative and too large widths, unknown modes. */
    ShriftLayoutOptions options;
    ShriftLayout *layout = NULL;
    float bad_widths[] = {NAN, -1.0f, INFINITY, 2e6f};
    for (size_t i = 0; i < sizeof bad_widths / sizeof bad_widths[0]; i++) {
        shrift_layout_options_default(&options, bad_widths[i]);
        EXPECT_ERR(shrift_paragraph_layout(para, cx, &options, &layout), SHRIFT_STATUS_INVALID_ARGUMENT);
        EXPECT(layout == NULL);
    }
    shrift_layout_options_default(&options, 100.0f);
    options.align = 42;
    EXPECT_ERR(shrift_paragraph_layout(para, cx, &options, &layout), SHRIFT_STATUS_INVALID_ARGUMENT);
    shrift_layout_options_default(&options, 100.0f);
    options.line_height_value = -1.0f;
    EXPECT_ERR(shrift_paragraph_layout(para, cx, &options, &layout), SHRIFT_STATUS_INVALID_ARGUMENT);
    shrift_layout_options_default(&options, 100.0f);
    options.truncate = 9;
    EXPECT_ERR(shrift_paragraph_layout(para, cx, &options, &layout), SHRIFT_STATUS_INVALID_ARGUMENT);

    /* A failed relayout leaves the layout empty, not stale. */
    shrift_layout_options_default(&options, 100.0f);
    EXPECT(shrift_paragraph_layout(para, cx, &options, &layout) == SHRIFT_STATUS_OK);
    ShriftLayoutInfo info;
    shrift_layout_info(layout, &info);
    EXPECT(info.line_count == 1 && info.glyph_count == 3);
    options.width = NAN;
    EXPECT_ERR(shrift_paragraph_layout_into(para, cx, &options, layout), SHRIFT_STATUS_INVALID_ARGUMENT);
    shrift_layout_info(layout, &info);
    EXPECT(info.line_count == 0 && info.glyph_count == 0);

    /* Geometry: unknown movement and affinity values. */
    ShriftCursor at = {0, SHRIFT_AFFINITY_DOWNSTREAM}, moved;
    EXPECT_ERR(shrift_layout_move_cursor(layout, at, 99, NULL, &moved), SHRIFT_STATUS_INVALID_ARGUMENT);
    at.affinity = 5;
    ShriftCarets carets;
    EXPECT_ERR(shrift_layout_carets(layout, at, &carets), SHRIFT_STATUS_INVALID_ARGUMENT);
    shrift_layout_free(&layout);
    shrift_paragraph_free(&para);
}

static void fonts(ShriftFontBook *book) {
    size_t before, after;
    shrift_font_book_face_count(book, &before);
    EXPECT_ERR(shrift_font_book_load_file(book, "/no/such/font.ttf", 0), SHRIFT_STATUS_FONT);
    EXPECT_ERR(shrift_font_book_load_dir(book, "/no/such/dir", NULL), SHRIFT_STATUS_FONT);
    static const unsigned char junk[] = "this is not a font file";
    EXPECT_ERR(shrift_font_book_add_bytes(book, junk, sizeof junk, 0, "junk.ttf"), SHRIFT_STATUS_FONT);
    EXPECT_ERR(shrift_font_book_add_bytes(book, junk, sizeof junk, 0, "\xff.ttf"), SHRIFT_STATUS_INVALID_UTF8);
    EXPECT_ERR(shrift_font_book_add_bytes(book, NULL, 10, 0, "x.ttf"), SHRIFT_STATUS_NULL_POINTER);
    shrift_font_book_face_count(book, &after);
    EXPECT(before == after);
    /* The bundled book holds the eight Noto faces (fonts/ in the repository). */
    EXPECT(before == 8);
}

static void handles(ShriftFontBook *book, ShriftContext *cx) {
    /* A handle of another kind is refused, not misread. */
    ShriftLayoutInfo info;
    EXPECT_ERR(shrift_layout_info((const ShriftLayout *)cx, &info), SHRIFT_STATUS_INVALID_HANDLE);
    size_t n;
    EXPECT_ERR(shrift_font_book_face_count((const ShriftFontBook *)cx, &n), SHRIFT_STATUS_INVALID_HANDLE);
    ShriftContext *not_cx = (ShriftContext *)book;
    ShriftStyle style;
    shrift_style_default(&style);
    ShriftParagraph *para = NULL;
    EXPECT_ERR(shrift_paragraph_new(book, not_cx, "a", 1, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_HANDLE);

    /* Free sets the handle to NULL: a second free is harmless, and a use is a NULL error rather
     * than a use after free. */
    EXPECT(shrift_paragraph_new(book, cx, "ab", 2, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para) ==
           SHRIFT_STATUS_OK);
    shrift_paragraph_free(&para);
    EXPECT(para == NULL);
    shrift_paragraph_free(&para);
    shrift_paragraph_free(NULL);
    float w;
    EXPECT_ERR(shrift_paragraph_max_content_width(para, &w), SHRIFT_STATUS_NULL_POINTER);
}

static void boxes(ShriftFontBook *book, ShriftContext *cx) {
    ShriftStyle style;
    shrift_style_default(&style);
    /* "a" U+FFFC "b": the box's U+FFFC is bytes 1..4. */
    static const char text[] = "a\xef\xbf\xbc" "b";
    ShriftInlineBox box = {.offset = 1, .id = 77, .width = 20.0f, .height = 10.0f, .baseline = NAN,
                           .align = SHRIFT_BOX_ALIGN_BASELINE};
    ShriftParagraph *para = NULL;
    ShriftLayout *layout = NULL;
    ShriftLayoutOptions options;
    shrift_layout_options_default(&options, 200.0f);
    EXPECT(shrift_paragraph_new_with_boxes(book, cx, text, 5, &style, NULL, 0, &box, 1, SHRIFT_DIRECTION_AUTO,
                                           &para) == SHRIFT_STATUS_OK);
    EXPECT(shrift_paragraph_layout(para, cx, &options, &layout) == SHRIFT_STATUS_OK);
    const ShriftBox *placed;
    size_t n;
    EXPECT(shrift_layout_boxes(layout, &placed, &n) == SHRIFT_STATUS_OK && n == 1);
    EXPECT(placed[0].id == 77 && placed[0].offset == 1 && placed[0].width == 20.0f && placed[0].height == 10.0f);
    /* Baseline-aligned, bottom on the baseline: its top is 10 px above it. */
    const ShriftLine *lines;
    shrift_layout_lines(layout, &lines, &n);
    EXPECT(fabsf(placed[0].y + 10.0f - lines[0].baseline) < 1e-3f);
    shrift_layout_free(&layout);
    shrift_paragraph_free(&para);
    /* Off the U+FFFC, an unknown alignment, a NaN width, a NULL array with a count. */
    box.offset = 0;
    EXPECT_ERR(shrift_paragraph_new_with_boxes(book, cx, text, 5, &style, NULL, 0, &box, 1, SHRIFT_DIRECTION_AUTO,
                                               &para),
               SHRIFT_STATUS_INVALID_ARGUMENT);
    box.offset = 1;
    box.align = 9;
    EXPECT_ERR(shrift_paragraph_new_with_boxes(book, cx, text, 5, &style, NULL, 0, &box, 1, SHRIFT_DIRECTION_AUTO,
                                               &para),
               SHRIFT_STATUS_INVALID_ARGUMENT);
    box.align = SHRIFT_BOX_ALIGN_TOP;
    box.width = NAN;
    EXPECT_ERR(shrift_paragraph_new_with_boxes(book, cx, text, 5, &style, NULL, 0, &box, 1, SHRIFT_DIRECTION_AUTO,
                                               &para),
               SHRIFT_STATUS_INVALID_ARGUMENT);
    EXPECT_ERR(shrift_paragraph_new_with_boxes(book, cx, text, 5, &style, NULL, 0, NULL, 1, SHRIFT_DIRECTION_AUTO,
                                               &para),
               SHRIFT_STATUS_NULL_POINTER);
    EXPECT(para == NULL);
}

/* Axis settings and synthesis: a bad setting is an error; italic asked of the bundled faces,
   which have no italic, comes back as a synthetic oblique on the run's face; the bundled faces
   are static, so no axis value reaches a face. */
static void variations(ShriftFontBook *book, ShriftContext *cx) {
    ShriftStyle style;
    shrift_style_default(&style);
    static const char text[] = "abc";
    ShriftParagraph *para = NULL;
    ShriftLayout *layout = NULL;
    ShriftLayoutOptions options;
    shrift_layout_options_default(&options, 200.0f);
    style.variations = "wght";
    EXPECT_ERR(shrift_paragraph_new(book, cx, text, 3, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_ARGUMENT);
    style.variations = "wght=nan";
    EXPECT_ERR(shrift_paragraph_new(book, cx, text, 3, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_ARGUMENT);
    style.variations = "\xff=1";
    EXPECT_ERR(shrift_paragraph_new(book, cx, text, 3, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para),
               SHRIFT_STATUS_INVALID_UTF8);
    EXPECT(para == NULL);
    style.variations = "wght=650";
    style.italic = 1;
    EXPECT(shrift_paragraph_new(book, cx, text, 3, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para) ==
           SHRIFT_STATUS_OK);
    EXPECT(shrift_paragraph_layout(para, cx, &options, &layout) == SHRIFT_STATUS_OK);
    const ShriftFace *faces;
    size_t n;
    EXPECT(shrift_layout_faces(layout, &faces, &n) == SHRIFT_STATUS_OK && n == 1);
    EXPECT(faces[0].synthetic_oblique == 1 && faces[0].synthetic_bold == 0);
    EXPECT(faces[0].variation_count == 0 && faces[0].variations == NULL);
    shrift_layout_free(&layout);
    shrift_paragraph_free(&para);
}

/* The editor: typing, Backspace, undo and redo, movement, a box, its blocks read as layouts. */
static void editor(ShriftFontBook *book, ShriftContext *cx) {
    ShriftStyle style;
    shrift_style_default(&style);
    ShriftLayoutOptions options;
    shrift_layout_options_default(&options, 300.0f);
    ShriftEditor *ed = NULL;
    EXPECT_ERR(shrift_editor_new(book, cx, "ab", 2, &style, SHRIFT_DIRECTION_AUTO, NULL, &ed),
               SHRIFT_STATUS_NULL_POINTER);
    EXPECT(ed == NULL);
    EXPECT(shrift_editor_new(book, cx, "ab\ncd", 5, &style, SHRIFT_DIRECTION_AUTO, &options, &ed) ==
           SHRIFT_STATUS_OK);
    const char *text;
    size_t len, anchor, focus, blocks;
    /* The caret starts at 0; to the end of the text, type " ef". */
    EXPECT(shrift_editor_move(ed, SHRIFT_MOVE_TEXT_END, 0) == SHRIFT_STATUS_OK);
    EXPECT(shrift_editor_insert(ed, cx, " ef", 3) == SHRIFT_STATUS_OK);
    shrift_editor_text(ed, &text, &len);
    EXPECT(len == 8 && !memcmp(text, "ab\ncd ef", 8));
    /* Backspace takes the f; undo brings it back (and the typing group: the space started it). */
    EXPECT(shrift_editor_erase(ed, cx, 0) == SHRIFT_STATUS_OK);
    shrift_editor_text(ed, &text, &len);
    EXPECT(len == 7);
    uint8_t done = 0;
    EXPECT(shrift_editor_undo(ed, cx, 0, &done) == SHRIFT_STATUS_OK && done == 1);
    shrift_editor_text(ed, &text, &len);
    EXPECT(len == 8 && !memcmp(text, "ab\ncd ef", 8));
    /* Shift+Left twice from the end selects "ef". */
    shrift_editor_move(ed, SHRIFT_MOVE_LEFT, 1);
    shrift_editor_move(ed, SHRIFT_MOVE_LEFT, 1);
    ShriftCarets carets;
    EXPECT(shrift_editor_selection(ed, &anchor, &focus, &carets) == SHRIFT_STATUS_OK);
    EXPECT(anchor == 8 && focus == 6);
    EXPECT(shrift_editor_move(ed, 77, 0) == SHRIFT_STATUS_INVALID_ARGUMENT);
    /* A box over the selection: "ef" becomes a U+FFFC (3 bytes). */
    ShriftInlineBox box = {.id = 5, .width = 12.0f, .height = 8.0f, .baseline = NAN, .align = SHRIFT_BOX_ALIGN_BASELINE};
    EXPECT(shrift_editor_insert_box(ed, cx, &box) == SHRIFT_STATUS_OK);
    shrift_editor_text(ed, &text, &len);
    EXPECT(len == 9 && !memcmp(text + 6, "\xef\xbf\xbc", 3));
    /* Two blocks; the second ("cd " and the box) starts at 3 and holds the box. */
    EXPECT(shrift_editor_block_count(ed, &blocks) == SHRIFT_STATUS_OK && blocks == 2);
    ShriftLayout *layout = NULL;
    EXPECT(shrift_editor_layout_new(&layout) == SHRIFT_STATUS_OK);
    size_t start = 0;
    EXPECT(shrift_editor_block_layout(ed, 1, layout, &start) == SHRIFT_STATUS_OK && start == 3);
    ShriftLayoutInfo info;
    shrift_layout_info(layout, &info);
    EXPECT(info.box_count == 1 && info.line_count == 1);
    EXPECT_ERR(shrift_editor_block_layout(ed, 2, layout, &start), SHRIFT_STATUS_INVALID_RANGE);
    /* Undo the box: "ef" is back. */
    EXPECT(shrift_editor_undo(ed, cx, 0, &done) == SHRIFT_STATUS_OK && done == 1);
    shrift_editor_text(ed, &text, &len);
    EXPECT(len == 8);
    shrift_layout_free(&layout);
    shrift_editor_free(&ed);
    EXPECT(ed == NULL);
    EXPECT_ERR(shrift_editor_erase(ed, cx, 1), SHRIFT_STATUS_NULL_POINTER);
}

/* Answers worked by hand. */
static void answers(ShriftContext *cx) {
    ShriftFontBook *book = NULL;
    shrift_font_book_new(1, &book);
    ShriftStyle style;
    shrift_style_default(&style);
    ShriftParagraph *para = NULL;
    ShriftLayout *layout = NULL;
    ShriftLayoutOptions options;
    shrift_layout_options_default(&options, 300.0f);
    EXPECT(shrift_paragraph_new(book, cx, HEBREW, 6, &style, NULL, 0, SHRIFT_DIRECTION_AUTO, &para) ==
           SHRIFT_STATUS_OK);
    /* The book may go first: the paragraph keeps its faces. */
    shrift_font_book_free(&book);
    EXPECT(shrift_paragraph_layout(para, cx, &options, &layout) == SHRIFT_STATUS_OK);
    shrift_paragraph_free(&para);

    ShriftLayoutInfo info;
    const ShriftLine *lines;
    const ShriftRun *runs;
    const ShriftGlyph *glyphs;
    const ShriftFace *faces;
    size_t n_lines, n_runs, n_glyphs, n_faces;
    shrift_layout_info(layout, &info);
    shrift_layout_lines(layout, &lines, &n_lines);
    shrift_layout_runs(layout, &runs, &n_runs);
    shrift_layout_glyphs(layout, &glyphs, &n_glyphs);
    shrift_layout_faces(layout, &faces, &n_faces);
    /* UAX #9 P2/P3: the first strong letter is R, so the paragraph is right to left, level 1;
     * one line, one run in Noto Serif Hebrew (Noto Serif has no Hebrew letters), three glyphs
     * whose clusters run 4, 2, 0 left to right (visual order of a right-to-left run). */
    EXPECT(info.direction == SHRIFT_DIRECTION_RTL);
    EXPECT(n_lines == 1 && n_runs == 1 && n_glyphs == 3 && n_faces == 1);
    EXPECT(runs[0].level == 1 && !strcmp(runs[0].script, "Hebr"));
    EXPECT(runs[0].language && !strcmp(runs[0].language, "yi"));
    EXPECT(!strcmp(faces[runs[0].face].family, "Noto Serif Hebrew"));
    EXPECT(faces[0].data != NULL && faces[0].data_len > 1000 && !memcmp(faces[0].data, "\0\1\0\0", 4));
    EXPECT(glyphs[0].cluster == 4 && glyphs[1].cluster == 2 && glyphs[2].cluster == 0);
    /* Start alignment of a right-to-left line: flush right, so the line ends at the width. */
    EXPECT(fabsf(lines[0].x + lines[0].width - 300.0f) < 1e-3f);

    /* Hit testing: right of the line is before the first letter (offset 0), left of it after
     * the last (offset 6). Carets: offset 0's strong caret at the right edge. */
    ShriftCursor hit;
    EXPECT(shrift_layout_hit_test(layout, 299.0f, 5.0f, &hit) == SHRIFT_STATUS_OK && hit.offset == 0);
    EXPECT(shrift_layout_hit_test(layout, lines[0].x - 10.0f, 5.0f, &hit) == SHRIFT_STATUS_OK && hit.offset == 6);
    ShriftCarets carets;
    ShriftCursor at = {0, SHRIFT_AFFINITY_DOWNSTREAM};
    EXPECT(shrift_layout_carets(layout, at, &carets) == SHRIFT_STATUS_OK);
    EXPECT(fabsf(carets.primary.x - 300.0f) < 1e-3f && !carets.has_secondary);
    /* Left in right-to-left text goes forward: offset 0 to 2 (one letter of two bytes). */
    float goal = NAN;
    ShriftCursor moved;
    EXPECT(shrift_layout_move_cursor(layout, at, SHRIFT_MOVE_LEFT, &goal, &moved) == SHRIFT_STATUS_OK);
    EXPECT(moved.offset == 2);
    /* The whole text selected: one rectangle, the line's box; asked for its size first. */
    size_t count = 99;
    EXPECT(shrift_layout_selection_rects(layout, 6, 0, NULL, 0, &count) == SHRIFT_STATUS_OK && count == 1);
    ShriftRect rect;
    EXPECT(shrift_layout_selection_rects(layout, 0, 6, &rect, 1, &count) == SHRIFT_STATUS_OK);
    EXPECT(fabsf(rect.x - lines[0].x) < 1e-3f && fabsf(rect.width - lines[0].width) < 1e-3f);
    EXPECT_ERR(shrift_layout_selection_rects(layout, 0, 6, NULL, 1, &count), SHRIFT_STATUS_NULL_POINTER);
    shrift_layout_free(&layout);
}

int main(void) {
    null_pointers();
    ShriftFontBook *book = NULL;
    ShriftContext *cx = NULL;
    if (shrift_font_book_new(1, &book) != SHRIFT_STATUS_OK || shrift_context_new(&cx) != SHRIFT_STATUS_OK) {
        fprintf(stderr, "errors.c: setup failed: %s\n", shrift_last_error());
        return 1;
    }
    bad_text_and_values(book, cx);
    fonts(book);
    handles(book, cx);
    boxes(book, cx);
    variations(book, cx);
    editor(book, cx);
    answers(cx);
    shrift_context_free(&cx);
    shrift_font_book_free(&book);
    printf("capi errors.c: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
