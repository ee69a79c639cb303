/* test_view.c — what the view keeps of a session once it ended: after view_forget and the
 * next screen (attract) laid out, nothing of the result that was on screen is left in the
 * view or the draw list: no pointer to its words, no rectangle of the map's dot, even past
 * what attract fills. The real default bundle and config, a fake measure (8 px a byte);
 * run from the project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/bundle.h"
#include "../app/core/config.h"
#include "../app/core/flow.h"
#include "../app/view/view.h"

static int fake_width(void *ctx, FontRole font, const char *text, int len)
{
    (void)ctx;
    (void)font;
    (void)text;
    return 8 * len;
}

typedef struct Fixture {
    Bundle bundle;
    Config config;
    Kiosk kiosk;
    Flow flow;
    View view;
    DrawList list;
    Measure measure;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    Diags diags = { 0 };
    if (!f || !bundle_load(&f->bundle, "assets/content/en", &diags))
        return -1;
    diag_free(&diags);
    config_defaults(&f->config);
    kiosk_init(&f->kiosk, &f->config);
    flow_init(&f->flow, &f->bundle, &f->config, &f->kiosk, 0);
    f->measure = (Measure){ fake_width, NULL, { 0 }, { 0 }, NULL };
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        f->measure.line_height[i] = 20;
        f->measure.size[i] = 16;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    flow_close(&f->flow);
    bundle_free(&f->bundle);
    config_free(&f->config);
    free(f);
    return 0;
}

/* Whether the `n` bytes at `what` are anywhere in the `size` bytes at `where`. */
static bool holds(const void *where, size_t size, const void *what, size_t n)
{
    const unsigned char *p = where;
    for (size_t i = 0; i + n <= size; i++)
        if (memcmp(p + i, what, n) == 0)
            return true;
    return false;
}

static void a_result_is_forgotten_at_attract(void **state)
{
    Fixture *f = *state;
    QuizSession s;
    quiz_session_start(&s, &f->bundle.quiz);
    for (int i = 0; i < f->bundle.quiz.item_count; i++)
        quiz_session_answer(&s, i % 4 == 0 || i % 4 == 3 ? f->bundle.quiz.points : 1); /* as someone anxious */
    assert_true(s.scored);
    flow_set_quiz(&f->flow, &s);
    flow_show(&f->flow, SCREEN_RESULT, 0, 0);
    view_layout(&f->view, &f->flow, &f->measure, 800, 480, 0, &f->list);

    /* the result as laid out: the style's words on screen (by where they are in the
     * bundle: a line of them starts anywhere in them) and the map's dot */
    const StyleInfo *info = &f->bundle.styles[s.score.style];
    const char *texts[] = { info->sounds, info->summary }, *words = NULL;
    Rect dot = { 0 };
    for (int i = 0; i < f->list.count; i++) {
        const DrawCmd *c = &f->list.cmds[i];
        if (c->kind == DRAW_CIRCLE && c->rect.w > dot.w)
            dot = c->rect; /* the dot's ring, the largest circle */
        for (int t = 0; t < 2 && c->kind == DRAW_TEXT; t++)
            if (texts[t] && c->text >= texts[t] && c->text < texts[t] + strlen(texts[t]))
                words = texts[t];
    }
    assert_non_null(words);
    assert_true(dot.w > 0);
    assert_true(holds(&f->view, sizeof(f->view), &words, sizeof(words)));

    /* the session ends; attract is laid out in the same view and list */
    flow_reset(&f->flow, 1000);
    view_forget(&f->view, &f->list);
    view_layout(&f->view, &f->flow, &f->measure, 800, 480, 1000, &f->list);
    assert_int_equal(f->flow.screen, SCREEN_ATTRACT);
    for (int i = 0; i < f->list.count; i++) /* attract has no such circle itself */
        assert_false(f->list.cmds[i].kind == DRAW_CIRCLE && memcmp(&f->list.cmds[i].rect, &dot, sizeof(dot)) == 0);
    assert_false(holds(&f->list, sizeof(f->list), &dot, sizeof(dot)));
    for (size_t k = 0; k < strlen(words); k++) {
        const char *at = words + k;
        assert_false(holds(&f->list, sizeof(f->list), &at, sizeof(at)));
        assert_false(holds(&f->view, sizeof(f->view), &at, sizeof(at)));
    }
    quiz_session_wipe(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_result_is_forgotten_at_attract),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
