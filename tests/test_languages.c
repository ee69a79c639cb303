/* test_languages.c — a kiosk offering several languages (tests/languages/: English and two
 * copies of it that name themselves Español and العربية): the choice on attract and home,
 * each language named in itself, in the same place on both, never mid-quiz; choosing
 * switches the words at once; every way back to attract returns to the default. Run from
 * the project root. */
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

enum { LANGS = 3, STEP = 1000 };
static const char *const codes[LANGS] = { "en", "es", "ar" };

static int fake_width(void *ctx, FontRole font, const char *text, int len)
{
    (void)ctx;
    (void)font;
    (void)text;
    return 8 * len;
}

typedef struct Fixture {
    Bundle bundles[LANGS];
    Config config;
    Kiosk kiosk;
    Flow flow;
    View view;
    DrawList list;
    Measure measure;
    long now;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    Diags diags = { 0 };
    if (!f)
        return -1;
    for (int i = 0; i < LANGS; i++) {
        char dir[64];
        snprintf(dir, sizeof(dir), "tests/languages/%s", codes[i]);
        if (!bundle_load(&f->bundles[i], dir, &diags))
            return -1;
    }
    diag_free(&diags);
    config_defaults(&f->config);
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
    for (int i = 0; i < LANGS; i++)
        bundle_free(&f->bundles[i]);
    config_free(&f->config);
    free(f);
    return 0;
}

/* A fresh kiosk offering `count` of the languages, English the default, at attract. */
static Flow *start(Fixture *f, int count)
{
    kiosk_init(&f->kiosk, &f->config);
    for (int i = 0; i < count; i++)
        kiosk_add_language(&f->kiosk, &f->bundles[i], codes[i], i == 0);
    f->now = 1000;
    flow_init(&f->flow, &f->bundles[0], &f->config, &f->kiosk, f->now);
    return &f->flow;
}

static void act(Fixture *f, Action action, int arg)
{
    f->now += STEP;
    flow_action(&f->flow, action, arg, f->now);
}

static void layout(Fixture *f, int w, int h)
{
    view_layout(&f->view, &f->flow, &f->measure, w, h, f->now, &f->list);
}

/* The target choosing language `i`, or NULL. */
static const Target *language_target(const Fixture *f, int i)
{
    for (int t = 0; t < f->list.target_count; t++)
        if (f->list.targets[t].action == ACT_LANGUAGE && f->list.targets[t].arg == i)
            return &f->list.targets[t];
    return NULL;
}

static int language_targets(const Fixture *f)
{
    int n = 0;
    for (int t = 0; t < f->list.target_count; t++)
        n += f->list.targets[t].action == ACT_LANGUAGE;
    return n;
}

/* Whether a text command shows exactly `words`. */
static bool shows(const Fixture *f, const char *words)
{
    for (int i = 0; i < f->list.count; i++) {
        const DrawCmd *c = &f->list.cmds[i];
        if (c->kind == DRAW_TEXT && c->text && c->len == (int)strlen(words) && memcmp(c->text, words, (size_t)c->len) == 0)
            return true;
    }
    return false;
}

/* Each language is named in itself, on attract and home, at the same place on both. */
static void attract_and_home_name_each_language_in_itself_in_one_place(void **state)
{
    Fixture *f = *state;
    start(f, LANGS);
    layout(f, 800, 480);
    assert_int_equal(language_targets(f), LANGS);
    assert_true(shows(f, "English") && shows(f, "Español") && shows(f, "العربية"));
    Rect on_attract[LANGS];
    for (int i = 0; i < LANGS; i++)
        on_attract[i] = language_target(f, i)->rect;
    /* touching a language must not begin: it is on top of attract's touch-to-begin */
    const Target *hit = draw_hit(&f->list, on_attract[1].x + 2, on_attract[1].y + 2);
    assert_int_equal(hit->action, ACT_LANGUAGE);
    act(f, ACT_BEGIN, 0);
    act(f, ACT_START, 0);
    layout(f, 800, 480);
    assert_int_equal(f->flow.screen, SCREEN_HOME);
    for (int i = 0; i < LANGS; i++) {
        Rect r = language_target(f, i)->rect;
        assert_true(r.x == on_attract[i].x && r.y == on_attract[i].y && r.w == on_attract[i].w);
    }
    assert_true(on_attract[0].x < on_attract[1].x && on_attract[1].x < on_attract[2].x);
}

/* Choosing Español on attract: the screen is in it at once, so is the next; quick exit
 * and the idle timeout return to English. */
static void choosing_switches_at_once_and_every_reset_returns_to_the_default(void **state)
{
    Fixture *f = *state;
    Flow *flow = start(f, LANGS);
    act(f, ACT_LANGUAGE, 1);
    assert_int_equal(flow->screen, SCREEN_ATTRACT);
    assert_int_equal(flow->language, 1);
    assert_ptr_equal(flow->bundle, &f->bundles[1]);
    layout(f, 800, 480);
    assert_true(shows(f, "Toca para empezar"));
    assert_false(shows(f, "Touch to begin"));
    act(f, ACT_BEGIN, 0);
    act(f, ACT_START, 0);
    layout(f, 800, 480);
    assert_true(shows(f, "Bienvenida"));
    act(f, ACT_QUICK_EXIT, 0);
    assert_int_equal(flow->language, 0);
    assert_ptr_equal(flow->bundle, &f->bundles[0]);
    /* العربية on home, then the person walks away */
    act(f, ACT_BEGIN, 0);
    act(f, ACT_START, 0);
    act(f, ACT_LANGUAGE, 2);
    assert_ptr_equal(flow->bundle, &f->bundles[2]);
    flow_tick(flow, f->now + (long)f->config.idle_timeout * 1000 + 1);
    flow_tick(flow, f->now + (long)(f->config.idle_timeout + f->config.idle_warning) * 1000 + 2);
    assert_int_equal(flow->screen, SCREEN_ATTRACT);
    assert_ptr_equal(flow->bundle, &f->bundles[0]);
}

/* A language chosen on attract and left there: Escape (quick exit) or the idle timeout
 * returns it to the default, though attract has no session to reset. */
static void a_language_left_on_attract_returns_to_the_default(void **state)
{
    Fixture *f = *state;
    Flow *flow = start(f, LANGS);
    act(f, ACT_LANGUAGE, 1);
    assert_int_equal(flow->language, 1);
    f->now += STEP;
    flow_key(flow, KEY_QUICK_EXIT, NULL, f->now);
    assert_int_equal(flow->language, 0);
    assert_ptr_equal(flow->bundle, &f->bundles[0]);
    act(f, ACT_LANGUAGE, 2);
    long timeout = (long)f->config.idle_timeout * 1000;
    assert_int_equal(flow_next_timer(flow, f->now), timeout);
    flow_tick(flow, f->now + timeout - 1);
    assert_int_equal(flow->language, 2);
    flow_tick(flow, f->now + timeout);
    assert_int_equal(flow->language, 0);
    assert_int_equal(flow->screen, SCREEN_ATTRACT);
    assert_int_equal(flow_next_timer(flow, f->now + timeout), -1); /* nothing more to wait for */
}

/* Mid-quiz there is no choice, and a stray ACT_LANGUAGE changes nothing; nor on consent. */
static void mid_quiz_the_language_is_not_offered(void **state)
{
    Fixture *f = *state;
    Flow *flow = start(f, LANGS);
    act(f, ACT_BEGIN, 0);
    layout(f, 800, 480);
    assert_int_equal(language_targets(f), 0); /* consent */
    act(f, ACT_LANGUAGE, 1);
    assert_int_equal(flow->language, 0);
    act(f, ACT_START, 0);
    act(f, ACT_OPEN, SCREEN_QUESTION);
    act(f, ACT_ANSWER, 1);
    layout(f, 800, 480);
    assert_int_equal(flow->screen, SCREEN_QUESTION);
    assert_int_equal(language_targets(f), 0);
    act(f, ACT_LANGUAGE, 1);
    assert_int_equal(flow->language, 0);
    assert_int_equal(flow->quiz.current, 1); /* the answer stays */
    act(f, ACT_LANGUAGE, 7); /* out of range, anywhere: nothing */
    assert_int_equal(flow->language, 0);
}

/* One language (a config with `language` only): no choice, the screens as they were. */
static void one_language_shows_no_choice(void **state)
{
    Fixture *f = *state;
    start(f, 1);
    layout(f, 800, 480);
    assert_int_equal(language_targets(f), 0);
    const Target *begin = draw_hit(&f->list, 5, 475);
    assert_true(begin && begin->action == ACT_BEGIN && begin->rect.h == 480);
    start(f, 0);
    layout(f, 800, 480);
    assert_int_equal(language_targets(f), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(attract_and_home_name_each_language_in_itself_in_one_place),
        cmocka_unit_test(choosing_switches_at_once_and_every_reset_returns_to_the_default),
        cmocka_unit_test(a_language_left_on_attract_returns_to_the_default),
        cmocka_unit_test(mid_quiz_the_language_is_not_offered),
        cmocka_unit_test(one_language_shows_no_choice),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
