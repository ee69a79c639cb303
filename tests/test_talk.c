/* test_talk.c — presenter mode with no display: a facilitator's clicker (PageDown, PageUp,
 * B, H) walking the talk on the real default bundle, driven by keys at explicit clock
 * values (ms). The view's part is played by setting each part's page count as it would.
 *
 * Each test checks what a facilitator would notice: forward from the welcome screen or
 * home opens the talk's first part; at a part's last page forward opens the next part's
 * first page, at a first page back opens the previous part's last page; the talk's end
 * is the welcome screen, from where back returns; without presenter mode the clicker
 * stays inside a deck as before; the chrome is hidden while presenting until H; B blanks
 * and a key unblanks without turning a page; the bundle's [talk] sections say the parts
 * and --check names one it does not know at its line. Run from the project root. */
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
#include "flow_fixture.h"

static int load_fixture(void **state)
{
    return flow_fixture_load(state, 4);
}

/* --- helpers ------------------------------------------------------------------------------ */

/* The pages the view would lay out for each part's screen (any will do: the flow keeps what
 * the view says). */
static int pages_of(Screen screen)
{
    switch (screen) {
    case SCREEN_CHEMISTRY: return 3;
    case SCREEN_SAMPLE_MAP: return 6;
    case SCREEN_PARTNERS: return 2;
    default: return 1;
    }
}

static Kiosk kiosk;

static void start(Flow *f, Config *config, const Fixture *fx, bool presenter, long *now)
{
    *config = fx->config;
    config->presenter = presenter;
    config->idle_reset = false; /* the workshop's */
    kiosk_init(&kiosk, config);
    *now = 1000;
    flow_init(f, &fx->bundle, config, &kiosk, *now);
}

/* A clicker key, then the view's frame: the screen's pages counted. */
static void click(Flow *f, FlowKey key, long *now)
{
    *now += 700;
    flow_key(f, key, NULL, *now);
    flow_set_page_count(f, pages_of(f->screen));
}

static void expect_at(const Flow *f, Screen screen, int part, int page, const char *when)
{
    if (f->screen != screen || f->talk_part != part || f->page != page)
        fail_msg("%s: expected %s, part %d, page %d; got %s, part %d, page %d", when, screen_id(screen),
                 part, page + 1, screen_id(f->screen), f->talk_part, f->page + 1);
}

/* --- walking the talk --------------------------------------------------------------------- */

static void the_clicker_walks_the_talk_from_welcome_to_its_end_and_back(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    Config config;
    long t;
    start(&f, &config, fx, true, &t);
    const TalkPart *parts;
    int n = bundle_talk(f.bundle, &parts);
    assert_int_equal(n, 5); /* chemistry, the four styles, the sample map, for partners, calm */
    click(&f, KEY_NEXT_PAGE, &t);
    expect_at(&f, SCREEN_CHEMISTRY, 0, 0, "forward on the welcome screen");
    /* forward, through every page of every part */
    for (int p = 0; p < n; p++) {
        Screen s = flow_talk_screen(parts[p]);
        for (int page = 0; page < pages_of(s); page++) {
            expect_at(&f, s, p, page, "walking forward");
            assert_true(flow_chrome_hidden(&f));
            click(&f, KEY_NEXT_PAGE, &t);
        }
    }
    assert_int_equal(f.screen, SCREEN_ATTRACT); /* the talk's end: the welcome screen */
    assert_int_equal(f.talk_part, n);
    /* back, through every page again, from each part's last */
    for (int p = n - 1; p >= 0; p--) {
        Screen s = flow_talk_screen(parts[p]);
        click(&f, KEY_PREV_PAGE, &t);
        for (int page = pages_of(s) - 1; page > 0; page--) {
            expect_at(&f, s, p, page, "walking back");
            click(&f, KEY_PREV_PAGE, &t);
        }
        expect_at(&f, s, p, 0, "walking back to a part's first page");
    }
    click(&f, KEY_PREV_PAGE, &t);
    assert_int_equal(f.screen, SCREEN_ATTRACT); /* back before the start: the welcome screen */
    assert_int_equal(f.talk_part, -1);
    click(&f, KEY_PREV_PAGE, &t);
    assert_int_equal(f.screen, SCREEN_ATTRACT); /* and no further */
}

static void back_onto_the_calm_minute_shows_its_grounding(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    Config config;
    long t;
    start(&f, &config, fx, true, &t);
    const Calm *c = &f.bundle->calm;
    long breaths = (long)(c->inhale + c->hold + c->exhale) * 1000 * c->breaths;
    for (int i = 0; i < 3 + 1 + 6 + 2 + 1 + 1; i++) /* to the talk's end */
        click(&f, KEY_NEXT_PAGE, &t);
    assert_int_equal(f.screen, SCREEN_ATTRACT);
    click(&f, KEY_PREV_PAGE, &t);
    assert_int_equal(f.screen, SCREEN_CALM);
    assert_true(t - f.entered >= breaths); /* the breaths done: the grounding shows */
}

static void forward_on_home_opens_the_talk(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    Config config;
    long t;
    start(&f, &config, fx, true, &t);
    flow_action(&f, ACT_BEGIN, 0, t += 700);
    flow_action(&f, ACT_START, 0, t += 700);
    assert_int_equal(f.screen, SCREEN_HOME);
    click(&f, KEY_NEXT_PAGE, &t);
    expect_at(&f, SCREEN_CHEMISTRY, 0, 0, "forward on home");
}

static void without_presenter_mode_the_clicker_stays_inside_a_deck(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    Config config;
    long t;
    start(&f, &config, fx, false, &t);
    click(&f, KEY_NEXT_PAGE, &t);
    assert_int_equal(f.screen, SCREEN_ATTRACT);
    flow_action(&f, ACT_BEGIN, 0, t += 700);
    flow_action(&f, ACT_START, 0, t += 700);
    flow_action(&f, ACT_OPEN, SCREEN_CHEMISTRY, t += 700);
    flow_set_page_count(&f, 3);
    for (int i = 0; i < 5; i++)
        click(&f, KEY_NEXT_PAGE, &t);
    expect_at(&f, SCREEN_CHEMISTRY, -1, 2, "a deck's last page, without presenter mode");
    assert_false(flow_chrome_hidden(&f));
}

static void a_deck_opened_from_home_is_not_the_talk(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    Config config;
    long t;
    start(&f, &config, fx, true, &t);
    flow_action(&f, ACT_BEGIN, 0, t += 700);
    flow_action(&f, ACT_START, 0, t += 700);
    flow_action(&f, ACT_OPEN, SCREEN_PARTNERS, t += 700);
    flow_set_page_count(&f, 2);
    assert_false(flow_presenting(&f));
    assert_false(flow_chrome_hidden(&f)); /* a patron's own reading keeps Back and Quick exit */
    for (int i = 0; i < 3; i++)
        click(&f, KEY_NEXT_PAGE, &t);
    expect_at(&f, SCREEN_PARTNERS, -1, 1, "a deck opened from home");
}

/* --- the chrome, the blank ------------------------------------------------------------------- */

static void h_shows_the_chrome_while_presenting_and_hides_it_again(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    Config config;
    long t;
    start(&f, &config, fx, true, &t);
    flow_toggle_chrome(&f, t += 700);
    assert_false(f.chrome_shown); /* not presenting: H does nothing */
    click(&f, KEY_NEXT_PAGE, &t);
    assert_true(flow_chrome_hidden(&f));
    flow_toggle_chrome(&f, t += 700);
    assert_false(flow_chrome_hidden(&f));
    click(&f, KEY_NEXT_PAGE, &t);
    assert_false(flow_chrome_hidden(&f)); /* shown stays shown across pages */
    flow_toggle_chrome(&f, t += 700);
    assert_true(flow_chrome_hidden(&f));
    flow_action(&f, ACT_QUICK_EXIT, 0, t += 700); /* a quick exit, had it been shown */
    assert_int_equal(f.screen, SCREEN_ATTRACT);
    assert_false(flow_presenting(&f));
}

static void b_blanks_and_the_next_key_only_unblanks(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    Config config;
    long t;
    start(&f, &config, fx, true, &t);
    click(&f, KEY_NEXT_PAGE, &t);
    flow_toggle_blank(&f, t += 700);
    assert_true(f.blank);
    click(&f, KEY_NEXT_PAGE, &t);
    assert_false(f.blank);
    expect_at(&f, SCREEN_CHEMISTRY, 0, 0, "the key that unblanks"); /* no page turned */
    flow_toggle_blank(&f, t += 700);
    flow_toggle_blank(&f, t += 700);
    assert_false(f.blank);
    click(&f, KEY_NEXT_PAGE, &t);
    expect_at(&f, SCREEN_CHEMISTRY, 0, 1, "forward after B twice");
}

/* --- the bundle's talk ------------------------------------------------------------------------ */

static void the_bundle_says_the_parts_and_names_one_it_does_not_know(void **state)
{
    (void)state;
    static const char text[] = "[talk]\n\nsections = calm, stiles ,styles\n";
    Bundle b = { 0 };
    Diags diags = { 0 };
    bundle_load_text(&b, "screens.ini", text, sizeof(text) - 1, &diags);
    const TalkPart *parts;
    assert_int_equal(bundle_talk(&b, &parts), 2);
    assert_int_equal(parts[0], TALK_CALM);
    assert_int_equal(parts[1], TALK_STYLES);
    bool named = false;
    for (int i = 0; i < diags.count; i++)
        if (diags.items[i].line == 3 && strstr(diags.items[i].message, "'stiles'"))
            named = true;
    assert_true(named);
    diag_free(&diags);
    bundle_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_clicker_walks_the_talk_from_welcome_to_its_end_and_back),
        cmocka_unit_test(back_onto_the_calm_minute_shows_its_grounding),
        cmocka_unit_test(forward_on_home_opens_the_talk),
        cmocka_unit_test(without_presenter_mode_the_clicker_stays_inside_a_deck),
        cmocka_unit_test(a_deck_opened_from_home_is_not_the_talk),
        cmocka_unit_test(h_shows_the_chrome_while_presenting_and_hides_it_again),
        cmocka_unit_test(b_blanks_and_the_next_key_only_unblanks),
        cmocka_unit_test(the_bundle_says_the_parts_and_names_one_it_does_not_know),
    };
    return cmocka_run_group_tests_name("talk", tests, load_fixture, flow_fixture_free);
}
