/* fuzz_loaders.c — libFuzzer over everything that reads a file a person wrote. One source,
 * three targets, picked when compiling (`make fuzz` builds and runs each):
 *
 *   -DFUZZ_CONFIG  the input is a config file: inih, the schema, the loader, the dump and
 *                  the theme's contrast check.
 *   -DFUZZ_BUNDLE  the first byte picks one of the bundle's files (screens.ini … support.ini)
 *                  and the rest replaces it in the default bundle (read once from
 *                  $ATTUNE_FUZZ_BUNDLE, default assets/content/en). All files go through the
 *                  loaders and the validator; a bundle that passes is then laid out, every
 *                  screen and page, at two sizes (the view must hold whatever the
 *                  validator lets through).
 *   -DFUZZ_SCRIPT  the input is a headless script: the parser.
 *
 * tests/fuzz/run.sh builds each seed corpus; crashes found are kept in tests/fuzz/regress/
 * and replayed by `make test`. */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/bundle.h"
#include "../../app/view/check.h"
#include "../../app/core/config.h"
#include "../../app/core/flow.h"
#include "../../app/drive/script.h"
#include "../../app/view/view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink(void)
{
    static FILE *out;
    if (!out)
        out = fopen("/dev/null", "w");
    return out;
}

#if defined(FUZZ_CONFIG)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diags diags = { 0 };
    Config config;
    config_defaults(&config);
    config_load_text(&config, "config.ini", (const char *)data, size, &diags);
    config_dump(&config, sink());
    CheckReport theme;
    check_report_clear(&theme);
    check_theme(&config, &theme);
    config_free(&config);
    diag_print(&diags, sink());
    diag_free(&diags);
    return 0;
}

#elif defined(FUZZ_BUNDLE)

enum { FILES = 8 };
static char *defaults[FILES];
static size_t default_len[FILES];

/* Each default file, read once. */
static void read_defaults(void)
{
    const char *dir = getenv("ATTUNE_FUZZ_BUNDLE");
    if (!dir)
        dir = "assets/content/en";
    for (int i = 0; i < FILES; i++) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s", dir, bundle_file_name(i));
        FILE *f = fopen(path, "rb");
        if (!f) {
            fprintf(stderr, "fuzz_bundle: cannot read %s (run from the project root or set "
                    "ATTUNE_FUZZ_BUNDLE)\n", path);
            exit(2);
        }
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        defaults[i] = malloc((size_t)n + 1);
        default_len[i] = fread(defaults[i], 1, (size_t)n, f);
        fclose(f);
    }
}

/* 8 px a byte, like a wide monospaced font; line heights as at 800x480. */
static int fake_width(void *ctx, FontRole font, const char *text, int len)
{
    (void)ctx;
    (void)text;
    return len * (font == FONT_TITLE ? 14 : 8);
}

/* Every screen and every page of it, laid out and checked. */
static void lay_out_all(const Bundle *bundle, int width, int height)
{
    static Config config;
    static View view;
    static DrawList list;
    static Flow flow;
    static Kiosk kiosk;
    config_defaults(&config);
    Measure m = { fake_width, NULL, { 0 }, { 0 }, NULL };
    for (int r = 0; r < FONT_ROLE_COUNT; r++) {
        m.size[r] = 18 + 2 * r;
        m.line_height[r] = 24 + 2 * r;
    }
    memset(&view, 0, sizeof(view));
    CheckLimits limits;
    check_limits_default(&limits, &config, width, height);
    CheckReport report;
    long now = 1000;
    kiosk_init(&kiosk, &config);
    flow_init(&flow, bundle, &config, &kiosk, now);
    for (int s = 0; s < SCREEN_COUNT; s++) {
        int variants = s == SCREEN_GUIDANCE ? STYLE_COUNT + 1 : s == SCREEN_STAFF ? STAFF_PAGE_COUNT : 1;
        for (int v = 0; v < variants; v++) {
            flow_show(&flow, (Screen)s, now, now);
            flow_set_style(&flow, (Style)v);
            flow_show_staff(&flow, (StaffPage)v, 0, false, 0);
            if (s == SCREEN_QUESTION || s == SCREEN_RESULT) {
                QuizSession session;
                quiz_session_start(&session, &bundle->quiz);
                for (int i = 0; s == SCREEN_RESULT && i < bundle->quiz.item_count; i++)
                    quiz_session_answer(&session, 1 + (i * 7 + v) % bundle->quiz.points);
                flow_set_quiz(&flow, &session);
            }
            view_layout(&view, &flow, &m, width, height, now, &list);
            check_report_clear(&report);
            check_screen(&list, &m, &limits, &report);
            int pages = flow.page_count;
            for (int p = 1; p < pages && p < VIEW_MAX_PAGES; p++) {
                flow_set_page(&flow, p);
                view_layout(&view, &flow, &m, width, height, now, &list);
                check_report_clear(&report);
                check_screen(&list, &m, &limits, &report);
            }
        }
    }
    flow_reset(&flow, now);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!defaults[0])
        read_defaults();
    if (size < 1)
        return 0;
    int pick = data[0] % FILES;
    Diags diags = { 0 };
    Bundle bundle = { 0 };
    bool ok = true;
    for (int i = 0; i < FILES; i++) {
        const char *text = i == pick ? (const char *)data + 1 : defaults[i];
        size_t len = i == pick ? size - 1 : default_len[i];
        ok = bundle_load_text(&bundle, bundle_file_name(i), text, len, &diags) && ok;
    }
    bundle_dump(&bundle, sink());
    if (ok) {
        lay_out_all(&bundle, 800, 480);
        lay_out_all(&bundle, 720, 1280);
    }
    bundle_free(&bundle);
    diag_print(&diags, sink());
    diag_free(&diags);
    return 0;
}

#elif defined(FUZZ_SCRIPT)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diags diags = { 0 };
    Script script;
    script_parse(&script, "fuzz.txt", (const char *)data, size, &diags);
    for (int i = 0; i < script.count; i++)
        fputs(script.cmds[i].text, sink());
    script_free(&script);
    diag_print(&diags, sink());
    diag_free(&diags);
    return 0;
}

#else
#error "define FUZZ_CONFIG, FUZZ_BUNDLE or FUZZ_SCRIPT"
#endif
