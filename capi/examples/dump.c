/* The layout dump of ../shared/DESIGN.md ("The layout dump"), written through shrift's C ABI:
 *
 *     capi/examples/dump [--width PX] [--size PX] [--stack "A,B"] [--fonts DIR] [--boxes WxH]
 *         [--language TAG] [--hyphens none|manual|auto] [--align start|justify]
 *         [--breaking first-fit|optimal] [--variations wght=650,...] [--italic] FILE
 *
 * Lays FILE out (UTF-8, one paragraph per line) with the bundled faces (plus the font files of
 * DIR) and prints the same JSON as `cargo run --release --example dump` with the same flags, so
 * that ../shared/tools/oracle.py checks the C path as it checks the Rust one and
 * tools/capi_compare.py compares the two. Paragraphs are stacked as shrift's Document stacks
 * its blocks: each starts where the one before ends, and a paragraph's final newline ends it
 * without an empty line after it. `--boxes WxH` puts an inline box of that size on every U+FFFC
 * (ids 0, 1, ... per paragraph), listed under the paragraph's "boxes" as the Rust dump lists them.
 * Build with capi/examples/build.sh.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shrift.h"

/* Prints the failed call and shrift's message, and leaves. */
static void check(ShriftStatus status, const char *what) {
    if (status != SHRIFT_STATUS_OK) {
        fprintf(stderr, "dump: %s: status %d: %s\n", what, (int)status, shrift_last_error());
        exit(1);
    }
}

/* A JSON string of the `len` bytes at `s` (UTF-8 passes through; quotes, backslashes and
 * control characters are escaped). */
static void json_string(const char *s, size_t len) {
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            putchar('\\');
            putchar(c);
        } else if (c < 0x20) {
            printf("\\u%04x", c);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

/* A float as JSON: nine significant digits read back as the same float. */
static void json_float(float f) { printf("%.9g", (double)f); }

static const char *direction_name(ShriftDirection d) { return d == SHRIFT_DIRECTION_RTL ? "rtl" : "ltr"; }

/* Reads the whole file into a buffer the caller frees; its length in *len. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "dump: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            char *bigger = realloc(buf, cap);
            if (!bigger) free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "dump: out of memory\n");
        exit(1);
    }
    *len = n;
    return buf;
}

/* One run of a line as the dump writes it: offsets shifted by `start`, y by `dy`. */
static void dump_run(const ShriftRun *run, const ShriftFace *faces, const ShriftGlyph *glyphs, size_t start,
                     float dy, const char *ellipsis, size_t ellipsis_len) {
    const ShriftFace *face = &faces[run->face];
    printf("{\"range\":[%zu,%zu],\"font\":", run->start + start, run->end + start);
    json_string(face->name, strlen(face->name));
    printf(",\"font_family\":");
    json_string(face->family, strlen(face->family));
    printf(",\"font_index\":%u,\"size\":", face->index);
    json_float(run->size);
    printf(",\"direction\":\"%s\",\"level\":%u,\"script\":", direction_name(run->direction), run->level);
    json_string(run->script, strlen(run->script));
    printf(",\"language\":");
    if (run->language) {
        json_string(run->language, strlen(run->language));
    } else {
        printf("null");
    }
    printf(",\"paint\":%u,\"style\":%u", run->paint, run->style);
    /* A variable face's location and the synthesis, as the Rust dump writes them. */
    for (size_t v = 0; v < face->variation_count; v++) {
        printf(v ? "," : ",\"variations\":{");
        json_string(face->variations[v].tag, strlen(face->variations[v].tag));
        printf(":");
        json_float(face->variations[v].value);
    }
    if (face->variation_count) printf("}");
    if (face->synthetic_bold || face->synthetic_oblique) {
        printf(",\"synthesis\":{\"bold\":%s,\"oblique\":%s}", face->synthetic_bold ? "true" : "false",
               face->synthetic_oblique ? "true" : "false");
    }
    if (run->is_ellipsis) {
        printf(",\"text\":");
        json_string(ellipsis, ellipsis_len);
    } else if (run->is_added_hyphen) {
        printf(",\"text\":");
        json_string(run->added_text, strlen(run->added_text));
    }
    printf(",\"glyphs\":[");
    for (size_t g = 0; g < run->glyph_count; g++) {
        const ShriftGlyph *gl = &glyphs[run->first_glyph + g];
        printf("%s{\"id\":%u,\"cluster\":%zu,\"x\":", g ? "," : "", gl->id, (size_t)gl->cluster + start);
        json_float(gl->x);
        printf(",\"y\":");
        json_float(gl->y + dy);
        printf(",\"advance\":");
        json_float(gl->advance);
        if (gl->extra != 0.0f) {
            printf(",\"extra\":");
            json_float(gl->extra);
        }
        printf(",\"dx\":");
        json_float(gl->dx);
        printf(",\"dy\":");
        json_float(gl->dy);
        if (gl->paint != run->paint) printf(",\"paint\":%u", gl->paint);
        putchar('}');
    }
    printf("]}");
}

/* One paragraph's layout, starting at byte `start` of the file and at `dy` down the page. */
static void dump_layout(const ShriftLayout *layout, size_t start, float dy) {
    ShriftLayoutInfo info;
    const ShriftLine *lines;
    const ShriftRun *runs;
    const ShriftGlyph *glyphs;
    const ShriftFace *faces;
    const char *ellipsis;
    size_t n_lines, n_runs, n_glyphs, n_faces, ellipsis_len;
    check(shrift_layout_info(layout, &info), "shrift_layout_info");
    check(shrift_layout_lines(layout, &lines, &n_lines), "shrift_layout_lines");
    check(shrift_layout_runs(layout, &runs, &n_runs), "shrift_layout_runs");
    check(shrift_layout_glyphs(layout, &glyphs, &n_glyphs), "shrift_layout_glyphs");
    check(shrift_layout_faces(layout, &faces, &n_faces), "shrift_layout_faces");
    check(shrift_layout_ellipsis_text(layout, &ellipsis, &ellipsis_len), "shrift_layout_ellipsis_text");
    printf("{\"range\":[%zu,%zu],\"direction\":\"%s\",\"width\":", start, start + info.text_len,
           direction_name(info.direction));
    json_float(info.width);
    printf(",\"height\":");
    json_float(info.height);
    printf(",\"lines\":[");
    for (size_t l = 0; l < n_lines; l++) {
        const ShriftLine *line = &lines[l];
        printf("%s{\"range\":[%zu,%zu],\"top\":", l ? "," : "", line->start + start, line->end + start);
        json_float(line->top + dy);
        printf(",\"height\":");
        json_float(line->height);
        printf(",\"baseline\":");
        json_float(line->baseline + dy);
        printf(",\"ascent\":");
        json_float(line->ascent);
        printf(",\"descent\":");
        json_float(line->descent);
        printf(",\"x\":");
        json_float(line->x);
        printf(",\"width\":");
        json_float(line->width);
        /* An added hyphen under "hyphen" (as the Rust dump writes it). */
        for (size_t r = 0, any = 0; r < line->run_count; r++) {
            const ShriftRun *run = &runs[line->first_run + r];
            if (!run->is_added_hyphen) continue;
            printf(any ? "," : ",\"hyphen\":[");
            any = 1;
            dump_run(run, faces, glyphs, start, dy, ellipsis, ellipsis_len);
            putchar(']'); /* a line ends with one hyphen at most */
            break;
        }
        /* The text's runs under "runs", an ellipsis under "ellipsis" (the dump contract). */
        for (int pass = 0; pass < 2; pass++) {
            int any = 0;
            for (size_t r = 0; r < line->run_count; r++) {
                const ShriftRun *run = &runs[line->first_run + r];
                /* Boxes are listed under the paragraph's "boxes", an added hyphen under the
                 * line's "hyphen", not as runs. */
                if (run->is_ellipsis != pass || run->is_inline_box || run->is_added_hyphen) continue;
                if (!any) printf(pass ? ",\"ellipsis\":[" : ",\"runs\":[");
                if (any) putchar(',');
                any = 1;
                dump_run(run, faces, glyphs, start, dy, ellipsis, ellipsis_len);
            }
            if (any) {
                putchar(']');
            } else if (pass == 0) {
                printf(",\"runs\":[]");
            }
        }
        putchar('}');
    }
    putchar(']');
    const ShriftBox *boxes;
    size_t n_boxes;
    check(shrift_layout_boxes(layout, &boxes, &n_boxes), "shrift_layout_boxes");
    if (n_boxes) {
        printf(",\"boxes\":[");
        for (size_t b = 0; b < n_boxes; b++) {
            const ShriftBox *bx = &boxes[b];
            printf("%s{\"id\":%llu,\"range\":[%zu,%zu],\"line\":%zu,\"x\":", b ? "," : "",
                   (unsigned long long)bx->id, bx->offset + start, bx->offset + start + 3, bx->line);
            json_float(bx->x);
            printf(",\"y\":");
            json_float(bx->y + dy);
            printf(",\"width\":");
            json_float(bx->width);
            printf(",\"height\":");
            json_float(bx->height);
            putchar('}');
        }
        putchar(']');
    }
    putchar('}');
}

int main(int argc, char **argv) {
    float width = 600.0f, size = 16.0f, box_w = -1.0f, box_h = -1.0f;
    const char *stack = "Noto Serif,Noto Serif Hebrew", *fonts = NULL, *file = NULL, *language = NULL;
    const char *variations = NULL;
    int italic = 0;
    ShriftHyphens hyphens = SHRIFT_HYPHENS_MANUAL;
    ShriftAlign align = SHRIFT_ALIGN_START;
    int optimal = 0;
    for (int i = 1; i < argc; i++) {
        int has_value = i + 1 < argc;
        if (!strcmp(argv[i], "--width") && has_value) {
            width = strtof(argv[++i], NULL);
        } else if (!strcmp(argv[i], "--size") && has_value) {
            size = strtof(argv[++i], NULL);
        } else if (!strcmp(argv[i], "--stack") && has_value) {
            stack = argv[++i];
        } else if (!strcmp(argv[i], "--fonts") && has_value) {
            fonts = argv[++i];
        } else if (!strcmp(argv[i], "--variations") && has_value) {
            variations = argv[++i];
        } else if (!strcmp(argv[i], "--italic")) {
            italic = 1;
        } else if (!strcmp(argv[i], "--language") && has_value) {
            language = argv[++i];
        } else if (!strcmp(argv[i], "--hyphens") && has_value) {
            const char *h = argv[++i];
            hyphens = !strcmp(h, "auto") ? SHRIFT_HYPHENS_AUTO : !strcmp(h, "none") ? SHRIFT_HYPHENS_NONE
                                                                                     : SHRIFT_HYPHENS_MANUAL;
        } else if (!strcmp(argv[i], "--align") && has_value) {
            align = !strcmp(argv[++i], "justify") ? SHRIFT_ALIGN_JUSTIFY : SHRIFT_ALIGN_START;
        } else if (!strcmp(argv[i], "--breaking") && has_value) {
            optimal = !strcmp(argv[++i], "optimal");
        } else if (!strcmp(argv[i], "--boxes") && has_value) {
            if (sscanf(argv[++i], "%fx%f", &box_w, &box_h) != 2) {
                fprintf(stderr, "dump: --boxes wants WxH\n");
                return 2;
            }
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            fprintf(stderr, "dump: unknown option or missing value: %s\n", argv[i]);
            return 2;
        } else {
            file = argv[i];
        }
    }
    if (!file) {
        fprintf(stderr, "usage: dump [--width PX] [--size PX] [--stack \"A,B\"] [--fonts DIR] [--boxes WxH] FILE\n");
        return 2;
    }
    if (shrift_abi_version() != SHRIFT_ABI_VERSION) {
        fprintf(stderr, "dump: library ABI %u, header %u\n", shrift_abi_version(), SHRIFT_ABI_VERSION);
        return 1;
    }

    size_t len;
    char *text = read_file(file, &len);
    ShriftFontBook *book = NULL;
    ShriftContext *cx = NULL;
    check(shrift_font_book_new(1, &book), "shrift_font_book_new");
    if (fonts) check(shrift_font_book_load_dir(book, fonts, NULL), "shrift_font_book_load_dir");
    check(shrift_context_new(&cx), "shrift_context_new");
    ShriftStyle style;
    check(shrift_style_default(&style), "shrift_style_default");
    style.stack = stack;
    style.size = size;
    style.language = language;
    style.hyphens = hyphens;
    style.variations = variations;
    style.italic = (uint8_t)italic;
    ShriftLayoutOptions options;
    check(shrift_layout_options_default(&options, width), "shrift_layout_options_default");
    /* A paragraph's final newline ends it: no empty line after it (as Document's blocks). */
    options.final_line = 0;
    options.align = align;
    options.optimal_breaking = (uint8_t)optimal;

    printf("{\"width\":");
    json_float(width);
    printf(",\"dir\":\"auto\",\"text\":");
    json_string(text, len);
    printf(",\"paragraphs\":[");
    float y = 0.0f;
    size_t start = 0;
    while (start < len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        ShriftParagraph *para = NULL;
        ShriftLayout *layout = NULL;
        /* A box on every U+FFFC (EF BF BC) of the paragraph with --boxes. */
        ShriftInlineBox *boxes = NULL;
        size_t n_boxes = 0;
        for (size_t k = start; box_w >= 0.0f && k + 2 < end; k++) {
            if ((unsigned char)text[k] != 0xEF || (unsigned char)text[k + 1] != 0xBF ||
                (unsigned char)text[k + 2] != 0xBC)
                continue;
            ShriftInlineBox *more = realloc(boxes, (n_boxes + 1) * sizeof *boxes);
            if (!more) {
                fprintf(stderr, "dump: out of memory\n");
                return 1;
            }
            boxes = more;
            boxes[n_boxes] = (ShriftInlineBox){.offset = k - start, .id = n_boxes, .width = box_w,
                                               .height = box_h, .baseline = NAN, .align = SHRIFT_BOX_ALIGN_BASELINE};
            n_boxes++;
        }
        check(shrift_paragraph_new_with_boxes(book, cx, text + start, end - start, &style, NULL, 0, boxes, n_boxes,
                                              SHRIFT_DIRECTION_AUTO, &para),
              "shrift_paragraph_new_with_boxes");
        free(boxes);
        check(shrift_paragraph_layout(para, cx, &options, &layout), "shrift_paragraph_layout");
        if (start) putchar(',');
        dump_layout(layout, start, y);
        ShriftLayoutInfo info;
        check(shrift_layout_info(layout, &info), "shrift_layout_info");
        y += info.height;
        shrift_layout_free(&layout);
        shrift_paragraph_free(&para);
        start = end;
    }
    printf("]}\n");
    shrift_context_free(&cx);
    shrift_font_book_free(&book);
    free(text);
    return 0;
}
