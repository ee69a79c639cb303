/* test_flow.c — the screen flow with no display: the real default bundle and the default
 * config, driven by actions, keys, swipes and ticks at explicit clock values (ms).
 *
 * Each test checks what a person would notice: the screen showing, the question on screen
 * (flow->quiz.current), the page of a deck, the still-there overlay, and whether their
 * answers are kept or wiped (every byte of the QuizSession). The view normally sets
 * the page count (flow_set_page_count); here the tests set it themselves. Run from the project root.
 *
 * Start with the helpers (act, go_to, expect_wiped_attract), then read the tests in the
 * order main() lists them: screens, the quiz, the tap-burst guard, quick exit, idle,
 * pages, keys. */
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
#include "../app/view/draw.h"
#include "../app/core/flow.h"
#include "flow_fixture.h"

/* --- the fixture: loaded once for the whole group, never changed by a test --------------- */

static int load_fixture(void **state)
{
    return flow_fixture_load(state, 4); /* config_defaults(): idle reset on, 90 s, 20 s warning */
}

/* --- helpers ---------------------------------------------------------------------------- */

enum { STEP_MS = 1000 }; /* a calm pace between two touches: past the tap-burst guard */

/* A touch on a target, one step after the last event. */
static void act(Flow *f, Action action, int arg, long *now)
{
    *now += STEP_MS;
    flow_action(f, action, arg, *now);
}

static void press(Flow *f, FlowKey key, const DrawList *list, long *now)
{
    *now += STEP_MS;
    Presses targets = { .count = 0 };
    if (list)
        draw_presses(list, &targets);
    flow_key(f, key, &targets, *now);
}

static void swipe(Flow *f, int dir, long *now)
{
    *now += STEP_MS;
    flow_swipe(f, dir, *now);
}

/* The answer that says "anxious" to this item: anxiety high, avoidance low. */
static int anxious_answer(const Quiz *quiz, const QuizItem *item)
{
    bool high = item->dimension == DIM_ANXIETY;
    return high != item->reverse ? quiz->points : 1;
}

/* Answers the current item (anxiously) and returns the answer given. */
static int answer_one(Flow *f, long *now)
{
    const Quiz *quiz = &f->bundle->quiz;
    int answer = anxious_answer(quiz, &quiz->items[f->quiz.current]);
    act(f, ACT_ANSWER, answer, now);
    return answer;
}

static void answer_rest(Flow *f, long *now)
{
    while (f->screen == SCREEN_QUESTION && f->quiz.current < f->bundle->quiz.item_count)
        answer_one(f, now);
}

static bool session_is_wiped(const QuizSession *session)
{
    const unsigned char *bytes = (const unsigned char *)session;
    for (size_t i = 0; i < sizeof(*session); i++)
        if (bytes[i] != 0)
            return false;
    return true;
}

static int answers_given(const QuizSession *session)
{
    int n = 0;
    for (int i = 0; i < QUIZ_MAX_ITEMS; i++)
        n += session->answers[i] != 0;
    return n;
}

/* A session on a fresh kiosk (one at a time: each test starts its own). */
static void start(Flow *f, const Config *config, const Fixture *fx, long *now)
{
    static Kiosk kiosk;
    kiosk_init(&kiosk, config);
    *now = 1000;
    flow_init(f, &fx->bundle, config, &kiosk, *now);
}

/* From attract through consent to the home menu. */
static void to_home(Flow *f, long *now)
{
    act(f, ACT_BEGIN, 0, now);
    act(f, ACT_START, 0, now);
    assert_int_equal(f->screen, SCREEN_HOME);
}

static void to_result(Flow *f, long *now)
{
    to_home(f, now);
    act(f, ACT_OPEN, SCREEN_QUESTION, now);
    answer_rest(f, now);
    assert_int_equal(f->screen, SCREEN_RESULT);
}

/* What the view would do for a deck of three pages. */
static void deck_of_three(Flow *f)
{
    flow_set_page_count(f, 3);
}

/* --- every place a person can be, for the quick-exit tests ------------------------------ */

typedef enum Place {
    AT_ATTRACT, AT_CONSENT, AT_HOME, AT_QUESTION, AT_RESULT, AT_RESULT_PAGE_2, AT_STYLES_LIST,
    AT_STYLE_FROM_LIST, AT_STYLE_FROM_RESULT, AT_CHEMISTRY, AT_CHEMISTRY_FROM_RESULT,
    AT_PARTNERS, AT_CALM, AT_SUPPORT, AT_STILL_THERE, AT_CONFIRM, PLACE_COUNT
} Place;

static const char *const place_names[PLACE_COUNT] = {
    "attract", "consent", "home", "question 4", "result", "result page 2", "the styles list",
    "a style from the list", "a style from the result", "chemistry", "chemistry from the result",
    "partners", "calm", "support", "the still-there overlay", "the question \"Start over?\"",
};

/* Walks to `place` as a person would, leaving answers behind where the place has them
 * and a deck on its second page, so that a wipe and a reset have something to undo. */
static void go_to(Flow *f, Place place, long *now)
{
    if (place == AT_ATTRACT)
        return;
    act(f, ACT_BEGIN, 0, now);
    if (place == AT_CONSENT) {
        deck_of_three(f);
        act(f, ACT_NEXT, 0, now);
        return;
    }
    act(f, ACT_START, 0, now);
    switch (place) {
    case AT_QUESTION:
    case AT_STILL_THERE:
        act(f, ACT_OPEN, SCREEN_QUESTION, now);
        for (int i = 0; i < 3; i++)
            answer_one(f, now);
        if (place == AT_STILL_THERE) {
            *now += (long)f->config->idle_timeout * 1000;
            flow_tick(f, *now);
            assert_true(f->idle);
        }
        break;
    case AT_RESULT:
    case AT_CONFIRM:
    case AT_RESULT_PAGE_2:
    case AT_STYLE_FROM_RESULT:
    case AT_CHEMISTRY_FROM_RESULT:
        act(f, ACT_OPEN, SCREEN_QUESTION, now);
        answer_rest(f, now);
        if (place == AT_STYLE_FROM_RESULT)
            act(f, ACT_GUIDANCE, STYLE_ANXIOUS, now);
        else if (place == AT_CHEMISTRY_FROM_RESULT)
            act(f, ACT_CHEMISTRY, 0, now);
        if (place == AT_CONFIRM) {
            act(f, ACT_RESTART, 0, now);
            assert_true(f->confirm);
        } else if (place != AT_RESULT) {
            deck_of_three(f);
            act(f, ACT_NEXT, 0, now);
        }
        break;
    case AT_STYLES_LIST:
    case AT_STYLE_FROM_LIST:
        act(f, ACT_OPEN, SCREEN_GUIDANCE, now);
        if (place == AT_STYLE_FROM_LIST) {
            act(f, ACT_GUIDANCE, STYLE_AVOIDANT, now);
            deck_of_three(f);
            act(f, ACT_NEXT, 0, now);
        }
        break;
    case AT_CHEMISTRY:
    case AT_PARTNERS:
    case AT_SUPPORT:
        act(f, ACT_OPEN, place == AT_CHEMISTRY ? SCREEN_CHEMISTRY
                       : place == AT_PARTNERS ? SCREEN_PARTNERS : SCREEN_SUPPORT, now);
        deck_of_three(f);
        act(f, ACT_NEXT, 0, now);
        break;
    case AT_CALM:
        act(f, ACT_OPEN, SCREEN_CALM, now);
        break;
    default:
        break;
    }
}

/* The state every way out leaves behind: attract, at once, with nothing kept. */
static void expect_wiped_attract(const Flow *f, const char *how, Place from)
{
    const char *where = place_names[from];
    if (f->screen != SCREEN_ATTRACT)
        fail_msg("%s from %s: the screen is %s, not attract", how, where, screen_id(f->screen));
    if (!session_is_wiped(&f->quiz))
        fail_msg("%s from %s: the session still holds something (%d answers)", how, where,
                 answers_given(&f->quiz));
    if (f->transition)
        fail_msg("%s from %s: attract fades in instead of appearing at once", how, where);
    if (f->idle)
        fail_msg("%s from %s: the still-there overlay is still up", how, where);
    if (f->style != STYLE_COUNT || f->page != 0)
        fail_msg("%s from %s: style %d, page %d are left over", how, where, (int)f->style, f->page);
}

typedef void (*QuickExit)(Flow *f, long *now);

static void tap_quick_exit(Flow *f, long *now)
{
    act(f, ACT_QUICK_EXIT, 0, now);
}

static void press_escape(Flow *f, long *now)
{
    press(f, KEY_QUICK_EXIT, NULL, now);
}

static void press_shift_three_times(Flow *f, long *now)
{
    *now += STEP_MS;
    flow_key(f, KEY_SHIFT, NULL, *now);
    flow_key(f, KEY_SHIFT, NULL, *now + 700);
    flow_key(f, KEY_SHIFT, NULL, *now + 1400);
    *now += 1400;
}

/* Quick exit by `how` from every place; then Back, the previous-page key and a swipe back
 * must find nothing to go back to. */
static void quick_exit_from_everywhere(const Fixture *fx, QuickExit quick_exit, const char *how)
{
    for (Place place = 0; place < PLACE_COUNT; place++) {
        Flow f;
        long t;
        start(&f, &fx->config, fx, &t);
        go_to(&f, place, &t);
        bool had_answers = answers_given(&f.quiz) > 0;
        if ((place == AT_QUESTION || place == AT_RESULT || place == AT_STILL_THERE) && !had_answers)
            fail_msg("%s: the walk there left no answers to wipe", place_names[place]);
        int resets = f.resets;
        quick_exit(&f, &t);
        expect_wiped_attract(&f, how, place);
        if (f.resets != resets + (place != AT_ATTRACT))
            fail_msg("%s from %s: %d resets counted, expected %d", how, place_names[place], f.resets - resets,
                     place != AT_ATTRACT);
        act(&f, ACT_BACK, 0, &t);
        press(&f, KEY_PREV_PAGE, NULL, &t);
        swipe(&f, -1, &t);
        expect_wiped_attract(&f, "Back after a quick exit", place);
    }
}

/* --- screens ---------------------------------------------------------------------------- */

static void a_new_flow_shows_attract_with_nothing_kept(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    assert_int_equal(f.screen, SCREEN_ATTRACT);
    assert_false(f.idle);
    assert_false(f.transition);
    assert_true(session_is_wiped(&f.quiz));
    assert_int_equal(f.style, STYLE_COUNT);
    assert_int_equal(f.resets, 0);
}

/* A kiosk whose content is broken: every way back leads to "Back soon", which no touch,
 * key or timeout leaves; staff reach their menu by the corner, and the problems stay for
 * them; once the content is good again, the next way back is to attract. */
static void broken_content_shows_the_unavailable_screen_until_reloaded(void **state)
{
    const Fixture *fx = *state;
    Config config = fx->config;
    config.staff_pin = "2468";
    Flow f;
    long t;
    start(&f, &config, fx, &t);
    flow_set_unavailable(&f, true, t);
    kiosk_set_staff_text(f.kiosk, "errors", "quiz.ini:21: the problem");
    assert_int_equal(f.screen, SCREEN_UNAVAILABLE);
    act(&f, ACT_BEGIN, 0, &t);
    act(&f, ACT_QUICK_EXIT, 0, &t);
    press(&f, KEY_ACTIVATE, NULL, &t);
    assert_int_equal(f.screen, SCREEN_UNAVAILABLE);
    assert_int_equal(flow_next_timer(&f, t), -1); /* no idle timeout: nothing to clear */
    flow_tick(&f, t + 3600 * 1000L);
    assert_int_equal(f.screen, SCREEN_UNAVAILABLE);
    flow_long_press(&f, t);
    assert_int_equal(f.screen, SCREEN_STAFF);
    assert_string_equal(f.kiosk->staff_detail, "quiz.ini:21: the problem");
    for (const char *d = "2468"; *d; d++)
        act(&f, ACT_PIN_DIGIT, *d - '0', &t);
    act(&f, ACT_PIN_OK, 0, &t);
    assert_int_equal(f.staff_page, STAFF_MENU);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_UNAVAILABLE);
    /* reloaded from the staff menu: staff stay there, and leaving goes to attract */
    flow_long_press(&f, t);
    flow_set_unavailable(&f, false, t);
    assert_int_equal(f.screen, SCREEN_STAFF);
    act(&f, ACT_HOME, 0, &t);
    assert_int_equal(f.screen, SCREEN_ATTRACT);
    assert_string_equal(f.kiosk->staff_detail, "");
}

/* What belongs to the kiosk (the tally, broken content and its problems, the brightness)
 * is kept when a new session starts on it: nothing is saved and put back around it. */
static void a_new_session_keeps_the_kiosk_as_it_is(void **state)
{
    const Fixture *fx = *state;
    Config config = fx->config;
    config.tally = true;
    config.tally_file = "tally.ini"; /* never written here: the app saves it */
    Kiosk kiosk;
    kiosk_init(&kiosk, &config);
    assert_true(kiosk.tally_on);
    Flow f;
    long t = 1000;
    flow_init(&f, &fx->bundle, &config, &kiosk, t);
    to_home(&f, &t);
    assert_int_equal(kiosk.tally.sessions, 1);
    assert_true(kiosk.tally_unsaved); /* saved on the hour (kiosk.h) */
    flow_set_unavailable(&f, true, t);
    kiosk_set_staff_text(&kiosk, "errors", "quiz.ini:3: the problem");
    kiosk.brightness = 40;
    flow_init(&f, &fx->bundle, &config, &kiosk, t + 1000);
    assert_int_equal(f.screen, SCREEN_UNAVAILABLE);
    assert_int_equal(f.resets, 0);
    assert_int_equal(kiosk.tally.sessions, 1);
    assert_string_equal(kiosk.staff_detail, "quiz.ini:3: the problem");
    assert_int_equal(kiosk.brightness, 40);
    config.tally_file = ""; /* enabled, but nowhere to keep it: off */
    kiosk_init(&kiosk, &config);
    assert_false(kiosk.tally_on);
}

/* Counting never saves at once: the save falls due on the next hour of the app's clock,
 * the same hour whenever within it the person finished, so the file's time says nothing
 * of them; only a staff reset asks for a save now. */
static void the_tally_is_saved_on_the_hour_not_after_an_answer(void **state)
{
    const Fixture *fx = *state;
    Config config = fx->config;
    config.tally = true;
    config.tally_file = "tally.ini"; /* never written here: the app saves it */
    config.staff_pin = "2468";
    long due[2];
    for (int run = 0; run < 2; run++) {
        Kiosk kiosk;
        kiosk_init(&kiosk, &config);
        Flow f;
        long t = 1000 + run * 1234567; /* two people, at different times in the first hour */
        flow_init(&f, &fx->bundle, &config, &kiosk, t);
        assert_int_equal(kiosk_tally_save_in(&kiosk, t), -1); /* nothing counted */
        to_result(&f, &t);
        assert_int_equal(kiosk.tally.completed, 1);
        assert_false(flow_take_wants(&f) & FLOW_WANTS_TALLY_SAVE);
        due[run] = t + kiosk_tally_save_in(&kiosk, t);
        assert_true(kiosk_tally_save_in(&kiosk, t) > 0);
        kiosk_tally_saved(&kiosk);
        assert_int_equal(kiosk_tally_save_in(&kiosk, t), -1);
        /* a reset from the staff menu is saved now */
        flow_long_press(&f, t);
        for (const char *d = "2468"; *d; d++)
            act(&f, ACT_PIN_DIGIT, *d - '0', &t);
        act(&f, ACT_PIN_OK, 0, &t);
        act(&f, ACT_STAFF_TALLY_RESET, 0, &t);
        assert_true(flow_take_wants(&f) & FLOW_WANTS_TALLY_SAVE);
    }
    assert_int_equal(due[0], KIOSK_TALLY_SAVE_MS);
    assert_int_equal(due[1], KIOSK_TALLY_SAVE_MS);
}

/* Five wrong PINs lock the pad for a minute, the next five for two, then four… up to an
 * hour; each change asks the app to keep it; the right PIN ends the escalation. The lock is
 * the kiosk's: a new session (flow_init) does not end it. */
static void the_pin_lock_escalates_and_outlives_the_session(void **state)
{
    const Fixture *fx = *state;
    Config config = fx->config;
    config.staff_pin = "2468";
    Kiosk kiosk;
    kiosk_init(&kiosk, &config);
    Flow f;
    long t = 1000;
    flow_init(&f, &fx->bundle, &config, &kiosk, t);
    flow_long_press(&f, t);
    static const long minutes[] = { 1, 2, 4, 8, 16, 32, 60, 60 };
    for (int lock = 0; lock < 8; lock++) {
        for (int wrong = 0; wrong < PINLOCK_TRIES; wrong++) {
            assert_false(pinlock_locked(&kiosk.pin_lock, t + STEP_MS));
            for (const char *d = "1357"; *d; d++)
                act(&f, ACT_PIN_DIGIT, *d - '0', &t);
            act(&f, ACT_PIN_OK, 0, &t);
            assert_true(flow_take_wants(&f) & FLOW_WANTS_PIN_LOCK_SAVE);
        }
        assert_int_equal(kiosk.pin_lock.locks, lock + 1);
        assert_int_equal(kiosk.pin_lock.until - t, minutes[lock] * 60000);
        /* a new session: still locked, digits refused */
        flow_init(&f, &fx->bundle, &config, &kiosk, t);
        flow_long_press(&f, t);
        act(&f, ACT_PIN_DIGIT, 2, &t);
        assert_int_equal(f.pin_length, 0);
        t = kiosk.pin_lock.until;
    }
    for (const char *d = "2468"; *d; d++)
        act(&f, ACT_PIN_DIGIT, *d - '0', &t);
    act(&f, ACT_PIN_OK, 0, &t);
    assert_int_equal(f.staff_page, STAFF_MENU);
    assert_true(flow_take_wants(&f) & FLOW_WANTS_PIN_LOCK_SAVE);
    assert_int_equal(kiosk.pin_lock.locks, 0);
    assert_int_equal(kiosk.pin_lock.failures, 0);
}

static void touching_attract_opens_the_consent_screen(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    act(&f, ACT_BEGIN, 0, &t);
    assert_int_equal(f.screen, SCREEN_CONSENT);
    assert_true(f.transition);
    assert_int_equal(f.screen_since, t);
    assert_int_equal(f.page, 0);
}

static void start_on_the_consent_screen_opens_home(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    act(&f, ACT_BEGIN, 0, &t);
    act(&f, ACT_START, 0, &t);
    assert_int_equal(f.screen, SCREEN_HOME);
    assert_int_equal(f.resets, 0);
}

static void not_now_on_the_consent_screen_returns_to_attract_and_counts_a_reset(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    act(&f, ACT_BEGIN, 0, &t);
    act(&f, ACT_DECLINE, 0, &t);
    expect_wiped_attract(&f, "Not now", AT_CONSENT);
    assert_int_equal(f.resets, 1);
}

static void home_opens_the_reflection_with_an_empty_session(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_ptr_equal(f.quiz.quiz, &fx->bundle.quiz);
    assert_int_equal(f.quiz.current, 0);
    assert_int_equal(answers_given(&f.quiz), 0);
    assert_false(quiz_session_done(&f.quiz));
}

static void home_opens_the_list_of_four_styles_and_back_returns_home(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_GUIDANCE, &t);
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_int_equal(f.style, STYLE_COUNT);
    assert_int_equal(f.page, 0);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_HOME);
}

static void home_opens_chemistry_partners_calm_and_support_and_back_returns_home(void **state)
{
    const Fixture *fx = *state;
    const Screen decks[] = { SCREEN_CHEMISTRY, SCREEN_PARTNERS, SCREEN_CALM, SCREEN_SUPPORT };
    for (size_t i = 0; i < sizeof(decks) / sizeof(decks[0]); i++) {
        Flow f;
        long t;
        start(&f, &fx->config, fx, &t);
        to_home(&f, &t);
        act(&f, ACT_OPEN, decks[i], &t);
        assert_string_equal(screen_id(f.screen), screen_id(decks[i]));
        assert_int_equal(f.page, 0);
        act(&f, ACT_BACK, 0, &t);
        assert_string_equal(screen_id(f.screen), "home");
    }
}

static void home_cannot_open_the_result_attract_or_staff_directly(void **state)
{
    const Fixture *fx = *state;
    const Screen refused[] = { SCREEN_RESULT, SCREEN_ATTRACT, SCREEN_CONSENT, SCREEN_STAFF, SCREEN_COUNT };
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        act(&f, ACT_OPEN, refused[i], &t);
        assert_int_equal(f.screen, SCREEN_HOME);
    }
}

static void a_style_chosen_from_the_list_goes_back_to_the_list_then_home(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_GUIDANCE, &t);
    act(&f, ACT_GUIDANCE, STYLE_DISORGANIZED, &t);
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_int_equal(f.style, STYLE_DISORGANIZED);
    assert_int_equal(f.page, 0);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_int_equal(f.style, STYLE_COUNT); /* the list of four again */
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_HOME);
}

static void the_result_opens_guidance_for_a_style_and_back_returns_to_the_result(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    Style mine = f.quiz.score.style;
    act(&f, ACT_GUIDANCE, (int)mine, &t);
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_int_equal(f.style, mine);
    assert_int_equal(f.page, 0);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_true(quiz_session_done(&f.quiz)); /* the answers are still there */
    assert_int_equal(f.quiz.score.style, mine);
}

static void the_result_opens_the_chemistry_and_back_returns_to_the_result(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    act(&f, ACT_CHEMISTRY, 0, &t);
    assert_int_equal(f.screen, SCREEN_CHEMISTRY);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_true(quiz_session_done(&f.quiz));
}

/* A deck's last page shows Home. Opened from the home menu it goes home; opened from the
 * result it goes back to the result, so the answers are not lost on the way. */
static void home_on_a_deck_goes_home_and_a_finished_result_is_wiped(void **state)
{
    const Fixture *fx = *state;
    const Screen decks[] = { SCREEN_CHEMISTRY, SCREEN_PARTNERS, SCREEN_SUPPORT, SCREEN_GUIDANCE };
    for (size_t i = 0; i < sizeof(decks) / sizeof(decks[0]); i++) {
        Flow f;
        long t;
        start(&f, &fx->config, fx, &t);
        to_home(&f, &t);
        act(&f, ACT_OPEN, decks[i], &t);
        if (decks[i] == SCREEN_GUIDANCE)
            act(&f, ACT_GUIDANCE, STYLE_SECURE, &t);
        deck_of_three(&f);
        act(&f, ACT_NEXT, 0, &t);
        act(&f, ACT_NEXT, 0, &t);
        act(&f, ACT_HOME, 0, &t);
        assert_string_equal(screen_id(f.screen), "home");
        assert_int_equal(f.page, 0);
    }
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    act(&f, ACT_GUIDANCE, STYLE_ANXIOUS, &t);
    act(&f, ACT_BACK, 0, &t); /* Back from the first page: the result again */
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_true(quiz_session_done(&f.quiz));
    act(&f, ACT_CHEMISTRY, 0, &t);
    act(&f, ACT_HOME, 0, &t); /* Home: the person is asked, then the answers go */
    assert_true(f.confirm);
    assert_int_equal(f.screen, SCREEN_CHEMISTRY);
    assert_true(quiz_session_done(&f.quiz));
    act(&f, ACT_CLEAR, 0, &t);
    assert_false(f.confirm);
    assert_int_equal(f.screen, SCREEN_HOME);
    assert_false(quiz_session_done(&f.quiz));
    const unsigned char *bytes = (const unsigned char *)&f.quiz;
    for (size_t i = 0; i < sizeof(f.quiz); i++)
        assert_int_equal(bytes[i], 0);
}

static void calm_once_more_restarts_the_exercise_and_home_leaves_it(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_CALM, &t);
    assert_int_equal(f.screen, SCREEN_CALM);
    long opened = f.screen_since;
    t += 60000; /* the breathing is over, the grounding shows */
    flow_action(&f, ACT_CALM_AGAIN, 0, t);
    assert_int_equal(f.screen, SCREEN_CALM);
    assert_int_equal(f.screen_since, t); /* the animation starts from the first breath */
    assert_true(f.screen_since > opened);
    act(&f, ACT_HOME, 0, &t);
    assert_int_equal(f.screen, SCREEN_HOME);
}

static void an_unknown_style_is_ignored(void **state)
{
    /* the view indexes bundle->styles[flow->style]: a style past the four must never be set */
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_GUIDANCE, &t);
    act(&f, ACT_GUIDANCE, STYLE_COUNT + 3, &t);
    assert_int_equal(f.style, STYLE_COUNT);
    act(&f, ACT_GUIDANCE, -1, &t);
    assert_int_equal(f.style, STYLE_COUNT);
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    act(&f, ACT_GUIDANCE, 7, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_int_equal(f.style, STYLE_COUNT);
}

/* --- the quiz --------------------------------------------------------------------------- */

static void answering_every_item_reaches_the_result_with_the_style_they_point_to(void **state)
{
    const Fixture *fx = *state;
    const Quiz *quiz = &fx->bundle.quiz;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    for (int i = 0; i < quiz->item_count; i++) {
        assert_int_equal(f.screen, SCREEN_QUESTION);
        assert_int_equal(f.quiz.current, i);
        int given = answer_one(&f, &t);
        assert_int_equal(f.quiz.answers[i], given);
    }
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_true(quiz_session_done(&f.quiz));
    assert_string_equal(quiz_style_id(f.quiz.score.style), "anxious");
    assert_int_equal(f.quiz.score.hundredths[DIM_ANXIETY], quiz->points * 100);
    assert_int_equal(f.quiz.score.hundredths[DIM_AVOIDANCE], 100);
    assert_int_equal(f.page, 0);
}

static void back_on_a_question_returns_to_the_previous_one_with_its_answer(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    act(&f, ACT_ANSWER, 2, &t);
    act(&f, ACT_ANSWER, 5, &t);
    act(&f, ACT_ANSWER, 6, &t);
    assert_int_equal(f.quiz.current, 3);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(f.quiz.current, 2);
    assert_int_equal(f.quiz.answers[2], 6); /* shown as chosen, to keep or change */
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.quiz.current, 1);
    assert_int_equal(f.quiz.answers[1], 5);
    act(&f, ACT_ANSWER, 3, &t); /* changed */
    assert_int_equal(f.quiz.current, 2);
    assert_int_equal(f.quiz.answers[1], 3);
    assert_int_equal(f.quiz.answers[2], 6);
}

static void back_on_the_first_question_goes_home_and_forgets_the_answers(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    act(&f, ACT_ANSWER, 4, &t);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.quiz.current, 0);
    assert_int_equal(f.quiz.answers[0], 4);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_HOME);
    assert_true(session_is_wiped(&f.quiz));
}

static void back_on_the_result_returns_to_the_last_question_with_its_answer(void **state)
{
    const Fixture *fx = *state;
    int last = fx->bundle.quiz.item_count - 1;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    int kept = f.quiz.answers[last];
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(f.quiz.current, last);
    assert_int_equal(f.quiz.answers[last], kept);
    assert_int_equal(answers_given(&f.quiz), last + 1);
    assert_false(quiz_session_done(&f.quiz));
    /* answering it again shows the result again, at once (no tap-burst wait) */
    flow_action(&f, ACT_ANSWER, kept, t + 10);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_true(quiz_session_done(&f.quiz));
}

static void start_over_on_the_result_wipes_the_answers(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    act(&f, ACT_RESTART, 0, &t);
    assert_true(f.confirm); /* "Start over? Your answers will be cleared" */
    assert_int_equal(f.screen, SCREEN_RESULT);
    act(&f, ACT_CLEAR, 0, &t);
    assert_int_equal(f.screen, SCREEN_HOME);
    assert_true(session_is_wiped(&f.quiz));
    assert_int_equal(f.resets, 1);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    assert_int_equal(f.quiz.current, 0);
    assert_int_equal(answers_given(&f.quiz), 0);
}

/* --- the tap-burst guard ---------------------------------------------------------------- */

static void two_answers_100_ms_apart_move_on_one_question(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    t += STEP_MS;
    flow_action(&f, ACT_ANSWER, 5, t);
    flow_action(&f, ACT_ANSWER, 5, t + 100);
    assert_int_equal(f.quiz.current, 1);
    assert_int_equal(f.quiz.answers[0], 5);
    assert_int_equal(f.quiz.answers[1], 0);
}

static void two_answers_300_ms_apart_move_on_two_questions(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    t += STEP_MS;
    flow_action(&f, ACT_ANSWER, 5, t);
    flow_action(&f, ACT_ANSWER, 6, t + FLOW_ANSWER_GUARD_MS);
    assert_int_equal(f.quiz.current, 2);
    assert_int_equal(f.quiz.answers[1], 6);
    flow_action(&f, ACT_ANSWER, 7, t + FLOW_ANSWER_GUARD_MS + 400);
    assert_int_equal(f.quiz.current, 3);
}

/* Skipping: each skip moves on one statement, a second within the guard is a tap burst. */
static void a_skip_moves_on_and_a_second_within_300_ms_does_not(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    t += STEP_MS;
    flow_action(&f, ACT_SKIP, 0, t);
    flow_action(&f, ACT_SKIP, 0, t + 100);
    flow_action(&f, ACT_ANSWER, 5, t + 200);
    assert_int_equal(f.quiz.current, 1);
    assert_int_equal(f.quiz.answers[0], QUIZ_SKIPPED);
    assert_int_equal(f.quiz.answers[1], 0);
    flow_action(&f, ACT_SKIP, 0, t + FLOW_ANSWER_GUARD_MS);
    assert_int_equal(f.quiz.current, 2);
}

/* Every statement skipped: the result has no style, is not counted, and is wiped. */
static void skipping_everything_gives_a_result_with_no_style(void **state)
{
    const Fixture *fx = *state;
    Config config = fx->config;
    config.tally = true;
    config.tally_file = "tally.ini"; /* never written here */
    Flow f;
    long t;
    start(&f, &config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    while (f.screen == SCREEN_QUESTION)
        act(&f, ACT_SKIP, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_true(f.quiz.scored);
    assert_int_equal(f.quiz.score.style, STYLE_COUNT);
    assert_true(f.kiosk->tally_on);
    assert_int_equal(f.kiosk->tally.completed, 0);
    act(&f, ACT_GUIDANCE, STYLE_COUNT, &t); /* the four styles, from the result */
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_int_equal(f.style, STYLE_COUNT);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    /* a style chosen from that list, then Back twice: the list, then the result */
    act(&f, ACT_GUIDANCE, STYLE_COUNT, &t);
    act(&f, ACT_GUIDANCE, STYLE_AVOIDANT, &t);
    assert_int_equal(f.style, STYLE_AVOIDANT);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.style, STYLE_COUNT);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    act(&f, ACT_RESTART, 0, &t); /* asks first */
    act(&f, ACT_CLEAR, 0, &t);
    assert_true(session_is_wiped(&f.quiz));
}

/* --- quick exit ------------------------------------------------------------------------- */

static void the_quick_exit_button_wipes_and_shows_attract_from_every_screen(void **state)
{
    quick_exit_from_everywhere(*state, tap_quick_exit, "the Quick exit button");
}

static void escape_wipes_and_shows_attract_from_every_screen(void **state)
{
    quick_exit_from_everywhere(*state, press_escape, "Escape");
}

static void three_shift_presses_within_1_5_s_wipe_and_show_attract_from_every_screen(void **state)
{
    quick_exit_from_everywhere(*state, press_shift_three_times, "three Shift presses");
}

static void two_shift_presses_then_a_pause_then_one_more_do_not_quick_exit(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    go_to(&f, AT_QUESTION, &t);
    int current = f.quiz.current;
    t += STEP_MS;
    flow_key(&f, KEY_SHIFT, NULL, t);
    flow_key(&f, KEY_SHIFT, NULL, t + 200);
    flow_key(&f, KEY_SHIFT, NULL, t + 2200);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(f.quiz.current, current);
    assert_int_equal(answers_given(&f.quiz), current);
    /* the third press started a new count: two more soon after do exit */
    flow_key(&f, KEY_SHIFT, NULL, t + 2500);
    flow_key(&f, KEY_SHIFT, NULL, t + 2800);
    expect_wiped_attract(&f, "three Shift presses after a pause", AT_QUESTION);
}

static void a_key_between_shift_presses_breaks_the_count(void **state)
{
    /* Shift+Tab is a Shift press then Tab: moving the focus backwards never quick-exits */
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    go_to(&f, AT_QUESTION, &t);
    t += STEP_MS;
    for (int i = 0; i < 3; i++) {
        flow_key(&f, KEY_SHIFT, NULL, t + 100 * i);
        flow_key(&f, KEY_FOCUS_PREV, NULL, t + 100 * i + 50);
    }
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(answers_given(&f.quiz), 3);
}

static void any_three_shift_presses_within_1_5_s_quick_exit(void **state)
{
    /* The count must slide: a stray Shift a second earlier must not swallow the exit.
     * Presses at 0 ms (stray), 1000, 1600 and 1800: the last three are 800 ms apart. */
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    go_to(&f, AT_QUESTION, &t);
    t += STEP_MS;
    flow_key(&f, KEY_SHIFT, NULL, t);
    flow_key(&f, KEY_SHIFT, NULL, t + 1000);
    flow_key(&f, KEY_SHIFT, NULL, t + 1600);
    flow_key(&f, KEY_SHIFT, NULL, t + 1800);
    expect_wiped_attract(&f, "presses at +1000, +1600, +1800 ms", AT_QUESTION);
}

static void quick_exit_on_attract_changes_nothing(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    unsigned changes = f.changes;
    act(&f, ACT_QUICK_EXIT, 0, &t);
    assert_int_equal(f.screen, SCREEN_ATTRACT);
    assert_int_equal(f.resets, 0);
    assert_int_equal(f.changes, changes);
}

/* --- idle: the still-there overlay and the reset ---------------------------------------- */

/* idle_timeout 60 s, idle_warning 10 s; `reset` as the profile sets it. */
static Config idle_config(const Fixture *fx, bool reset)
{
    Config c = fx->config; /* a shallow copy: never freed */
    c.idle_reset = reset;
    c.idle_timeout = 60;
    c.idle_warning = 10;
    return c;
}

enum { T_MS = 60000, W_MS = 10000 };

/* A person on question 4 who touched last at the returned time. */
static long idle_on_a_question(Flow *f, const Config *c, const Fixture *fx)
{
    long t;
    start(f, c, fx, &t);
    go_to(f, AT_QUESTION, &t);
    assert_int_equal(f->last_input, t);
    return t;
}

static void the_idle_timer_reports_the_time_left_and_nothing_happens_before_it(void **state)
{
    const Fixture *fx = *state;
    Config c = idle_config(fx, true);
    Flow f;
    long last = idle_on_a_question(&f, &c, fx);
    assert_int_equal(flow_next_timer(&f, last), T_MS);
    assert_int_equal(flow_next_timer(&f, last + 20000), T_MS - 20000);
    flow_tick(&f, last + 20000);
    flow_tick(&f, last + T_MS - 1);
    assert_false(f.idle);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(answers_given(&f.quiz), 3);
    assert_int_equal(flow_next_timer(&f, last + T_MS - 1), 1);
}

static void at_the_timeout_the_still_there_overlay_counts_down(void **state)
{
    const Fixture *fx = *state;
    Config c = idle_config(fx, true);
    Flow f;
    long last = idle_on_a_question(&f, &c, fx);
    long due = last + T_MS;
    flow_tick(&f, due);
    assert_true(f.idle);
    assert_int_equal(f.screen, SCREEN_QUESTION);      /* under the overlay */
    assert_int_equal(answers_given(&f.quiz), 3);       /* not yet wiped */
    assert_int_equal(flow_idle_seconds(&f, due), 10);
    assert_int_equal(flow_idle_seconds(&f, due + 1), 10);
    assert_int_equal(flow_idle_seconds(&f, due + 1000), 9);
    assert_int_equal(flow_idle_seconds(&f, due + 9500), 1);
    assert_int_equal(flow_next_timer(&f, due), W_MS);
    assert_int_equal(flow_next_timer(&f, due + 4000), W_MS - 4000);
    flow_tick(&f, due + W_MS - 1);
    assert_true(f.idle);
    assert_int_equal(f.screen, SCREEN_QUESTION);
}

static void a_touch_on_the_overlay_keeps_the_answers_and_does_nothing_else(void **state)
{
    const Fixture *fx = *state;
    Config c = idle_config(fx, true);
    Flow f;
    long due = idle_on_a_question(&f, &c, fx) + T_MS;
    flow_tick(&f, due);
    assert_true(f.idle);
    /* a touch that lands on an answer button only closes the overlay */
    flow_action(&f, ACT_ANSWER, 5, due + 3000);
    assert_false(f.idle);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(f.quiz.current, 3);
    assert_int_equal(answers_given(&f.quiz), 3);
    /* the timeout starts again from that touch */
    assert_int_equal(flow_next_timer(&f, due + 3000), T_MS);
    flow_tick(&f, due + W_MS);
    assert_false(f.idle);
    assert_int_equal(answers_given(&f.quiz), 3);
    /* and the next touch does what it says */
    flow_action(&f, ACT_ANSWER, 5, due + 4000);
    assert_int_equal(f.quiz.current, 4);
}

static void any_input_closes_the_overlay_without_acting(void **state)
{
    const Fixture *fx = *state;
    Config c = idle_config(fx, true);
    for (int way = 0; way < 5; way++) {
        Flow f;
        long due = idle_on_a_question(&f, &c, fx) + T_MS;
        flow_tick(&f, due);
        assert_true(f.idle);
        long now = due + 2000;
        switch (way) {
        case 0: assert_true(flow_input(&f, now)); break;          /* a touch on nothing */
        case 1: flow_action(&f, ACT_STAY, 0, now); break;         /* "I'm still here" */
        case 2: flow_action(&f, ACT_BACK, 0, now); break;         /* Back under the overlay */
        case 3: flow_key(&f, KEY_DIGIT_1 + 4, NULL, now); break;   /* 5 on the keyboard */
        case 4: flow_swipe(&f, -1, now); break;
        }
        assert_false(f.idle);
        assert_int_equal(f.screen, SCREEN_QUESTION);
        assert_int_equal(f.quiz.current, 3);
        assert_int_equal(answers_given(&f.quiz), 3);
        assert_false(flow_input(&f, now + 10)); /* closed: the next touch counts */
    }
}

static void when_the_countdown_ends_the_answers_are_wiped_and_attract_returns(void **state)
{
    const Fixture *fx = *state;
    Config c = idle_config(fx, true);
    Flow f;
    long due = idle_on_a_question(&f, &c, fx) + T_MS;
    flow_tick(&f, due);
    flow_tick(&f, due + W_MS);
    expect_wiped_attract(&f, "the idle reset", AT_STILL_THERE);
    assert_int_equal(f.resets, 1);
    assert_int_equal(flow_next_timer(&f, due + W_MS), -1);
}

static void a_finished_result_is_wiped_by_the_idle_reset_too(void **state)
{
    const Fixture *fx = *state;
    Config c = idle_config(fx, true);
    Flow f;
    long t;
    start(&f, &c, fx, &t);
    to_result(&f, &t);
    flow_tick(&f, t + T_MS);
    assert_true(f.idle);
    flow_tick(&f, t + T_MS + W_MS);
    expect_wiped_attract(&f, "the idle reset", AT_RESULT);
}

static void attract_never_idles(void **state)
{
    const Fixture *fx = *state;
    Config c = idle_config(fx, true);
    Flow f;
    long t;
    start(&f, &c, fx, &t);
    assert_int_equal(flow_next_timer(&f, t), -1);
    unsigned changes = f.changes;
    for (long later = T_MS; later <= 10L * 3600 * 1000; later *= 10)
        flow_tick(&f, t + later);
    assert_false(f.idle);
    assert_int_equal(f.screen, SCREEN_ATTRACT);
    assert_int_equal(f.resets, 0);
    assert_int_equal(f.changes, changes); /* nothing to redraw */
}

static void with_idle_reset_off_nothing_ever_idles(void **state)
{
    const Fixture *fx = *state;
    Config c = idle_config(fx, false); /* the workshop profile */
    Flow f;
    long last = idle_on_a_question(&f, &c, fx);
    assert_int_equal(flow_next_timer(&f, last), -1);
    for (long later = T_MS; later <= 10L * 3600 * 1000; later *= 10)
        flow_tick(&f, last + later);
    assert_false(f.idle);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(answers_given(&f.quiz), 3);
    assert_int_equal(f.resets, 0);
}

/* --- pages ------------------------------------------------------------------------------ */

static void next_and_back_stay_within_the_pages_of_a_deck(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_PARTNERS, &t);
    deck_of_three(&f);
    act(&f, ACT_NEXT, 0, &t);
    assert_int_equal(f.page, 1);
    act(&f, ACT_NEXT, 0, &t);
    assert_int_equal(f.page, 2);
    act(&f, ACT_NEXT, 0, &t);
    assert_int_equal(f.page, 2); /* the last page stays */
    assert_int_equal(f.screen, SCREEN_PARTNERS);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.page, 1);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.page, 0);
    assert_int_equal(f.screen, SCREEN_PARTNERS);
    act(&f, ACT_BACK, 0, &t); /* Back from the first page: up a level */
    assert_int_equal(f.screen, SCREEN_HOME);
}

static void swipes_turn_the_pages_of_a_deck_and_back_from_the_first_goes_up(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    act(&f, ACT_GUIDANCE, STYLE_ANXIOUS, &t);
    deck_of_three(&f);
    for (int i = 0; i < 4; i++)
        swipe(&f, 1, &t);
    assert_int_equal(f.page, 2);
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    swipe(&f, -1, &t);
    swipe(&f, -1, &t);
    assert_int_equal(f.page, 0);
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    swipe(&f, -1, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_true(quiz_session_done(&f.quiz));
}

/* Right to left, the pages turn the other way: a swipe to the right is the next page. */
static void right_to_left_a_swipe_to_the_right_turns_to_the_next_page(void **state)
{
    const Fixture *fx = *state;
    Bundle rtl = fx->bundle; /* the same words, read right to left */
    rtl.rtl = true;
    Flow f;
    long t = 1000;
    static Kiosk kiosk;
    kiosk_init(&kiosk, &fx->config);
    flow_init(&f, &rtl, &fx->config, &kiosk, t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_PARTNERS, &t);
    deck_of_three(&f);
    swipe(&f, -1, &t);
    swipe(&f, -1, &t);
    assert_int_equal(f.page, 2);
    swipe(&f, 1, &t);
    assert_int_equal(f.page, 1);
    assert_int_equal(f.screen, SCREEN_PARTNERS);
    flow_close(&f);
}

static void page_keys_turn_the_pages_of_a_deck(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_SUPPORT, &t);
    deck_of_three(&f);
    for (int i = 0; i < 3; i++)
        press(&f, KEY_NEXT_PAGE, NULL, &t);
    assert_int_equal(f.page, 2);
    press(&f, KEY_PREV_PAGE, NULL, &t);
    press(&f, KEY_PREV_PAGE, NULL, &t);
    assert_int_equal(f.page, 0);
    press(&f, KEY_PREV_PAGE, NULL, &t);
    assert_int_equal(f.screen, SCREEN_HOME);
}

static void the_result_pages_turn_and_back_from_its_first_page_reopens_the_last_question(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    deck_of_three(&f);
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_NEXT, 0, &t);
    assert_int_equal(f.page, 2);
    swipe(&f, 1, &t);
    assert_int_equal(f.page, 2);
    swipe(&f, -1, &t);
    assert_int_equal(f.page, 1);
    swipe(&f, -1, &t);
    swipe(&f, -1, &t); /* a swipe never leaves the result */
    assert_int_equal(f.page, 0);
    assert_int_equal(f.screen, SCREEN_RESULT);
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.page, 0);
    assert_int_equal(f.screen, SCREEN_RESULT);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(f.quiz.current, fx->bundle.quiz.item_count - 1);
}

static void consent_pages_turn_but_back_from_its_first_page_stays(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    act(&f, ACT_BEGIN, 0, &t);
    deck_of_three(&f);
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_NEXT, 0, &t);
    assert_int_equal(f.page, 2);
    swipe(&f, -1, &t);
    act(&f, ACT_BACK, 0, &t);
    act(&f, ACT_BACK, 0, &t);
    swipe(&f, -1, &t);
    assert_int_equal(f.page, 0);
    assert_int_equal(f.screen, SCREEN_CONSENT);
}

/* --- keys: focus, activate, digits ------------------------------------------------------- */

/* Three targets: Begin, a disabled one, and another Begin. */
static DrawList *three_targets(void)
{
    DrawList *list = calloc(1, sizeof(*list));
    assert_non_null(list);
    draw_reset(list);
    assert_non_null(draw_target(list, (Rect){ 0, 0, 100, 60 }, ACT_BEGIN, 0, "first"));
    Target *off = draw_target(list, (Rect){ 0, 80, 100, 60 }, ACT_BEGIN, 0, "disabled");
    assert_non_null(off);
    off->enabled = false;
    assert_non_null(draw_target(list, (Rect){ 0, 160, 100, 60 }, ACT_BEGIN, 0, "third"));
    return list;
}

static void tab_moves_the_focus_over_enabled_targets_and_wraps(void **state)
{
    const Fixture *fx = *state;
    DrawList *list = three_targets();
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    assert_int_equal(f.focus, -1);
    const int forward[] = { 0, 2, 0, 2 };
    for (int i = 0; i < 4; i++) {
        press(&f, KEY_FOCUS_NEXT, list, &t);
        assert_int_equal(f.focus, forward[i]);
    }
    flow_press(&f, -1); /* a touch on no target puts the focus away */
    flow_release(&f);
    const int backward[] = { 2, 0, 2 };
    for (int i = 0; i < 3; i++) {
        press(&f, KEY_FOCUS_PREV, list, &t);
        assert_int_equal(f.focus, backward[i]);
    }
    assert_int_equal(f.screen, SCREEN_ATTRACT);
    free(list);
}

static void return_presses_the_focused_target(void **state)
{
    const Fixture *fx = *state;
    DrawList *list = three_targets();
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    press(&f, KEY_FOCUS_NEXT, list, &t);
    press(&f, KEY_FOCUS_NEXT, list, &t);
    assert_int_equal(f.focus, 2);
    press(&f, KEY_ACTIVATE, list, &t);
    assert_int_equal(f.screen, SCREEN_CONSENT);
    assert_int_equal(f.focus, -1); /* a new screen starts with no focus ring */
    free(list);
}

static void return_on_an_answer_keeps_the_focus_for_the_next_question(void **state)
{
    const Fixture *fx = *state;
    DrawList *list = calloc(1, sizeof(*list));
    assert_non_null(list);
    draw_reset(list);
    for (int a = 1; a <= fx->bundle.quiz.points; a++)
        assert_non_null(draw_target(list, (Rect){ 0, 60.0f * a, 100, 50 }, ACT_ANSWER, a, "answer"));
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    press(&f, KEY_FOCUS_NEXT, list, &t);
    press(&f, KEY_FOCUS_NEXT, list, &t);
    press(&f, KEY_ACTIVATE, list, &t);
    assert_int_equal(f.quiz.current, 1);
    assert_int_equal(f.quiz.answers[0], 2);
    assert_int_equal(f.focus, 1);
    free(list);
}

static void digit_keys_answer_on_the_question_screen(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    press(&f, KEY_DIGIT_1 + 2, NULL, &t); /* not a question: nothing */
    assert_int_equal(f.screen, SCREEN_HOME);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    for (int n = 1; n <= 3; n++) {
        press(&f, KEY_DIGIT_1 + (n - 1), NULL, &t); /* the key "n" answers n */
        assert_int_equal(f.quiz.current, n);
        assert_int_equal(f.quiz.answers[n - 1], n);
    }
    press(&f, KEY_DIGIT_1 + fx->bundle.quiz.points, NULL, &t); /* past the scale: refused */
    assert_int_equal(f.quiz.current, 3);
    assert_int_equal(f.quiz.answers[3], 0);
}

/* --- the decks: where their end leads, the question before a result goes, the guard ----- */

/* On a deck of `pages` pages (as the view would count them), taps Next to its last page. */
static void to_last_page(Flow *f, int pages, long *now)
{
    flow_set_page_count(f, pages);
    while (f->page + 1 < pages)
        act(f, ACT_NEXT, 0, now);
}

static void the_end_of_a_deck_from_a_result_returns_to_the_result_with_the_answers(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    act(&f, ACT_GUIDANCE, STYLE_AVOIDANT, &t);
    assert_int_equal(flow_deck_end(&f), FLOW_END_RESULT);
    to_last_page(&f, 4, &t);
    act(&f, ACT_DONE, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_true(quiz_session_done(&f.quiz));
    assert_false(f.confirm);
    act(&f, ACT_CHEMISTRY, 0, &t);
    assert_int_equal(flow_deck_end(&f), FLOW_END_RESULT);
    to_last_page(&f, 3, &t);
    act(&f, ACT_DONE, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_int_equal(f.resets, 0);
    /* from home, the same decks end at home */
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_CHEMISTRY, &t);
    assert_int_equal(flow_deck_end(&f), FLOW_END_HOME);
    to_last_page(&f, 3, &t);
    act(&f, ACT_DONE, 0, &t);
    assert_int_equal(f.screen, SCREEN_HOME);
    assert_false(f.confirm);
}

static void leaving_a_result_asks_once_and_keep_returns_to_it(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    QuizSession before = f.quiz;
    act(&f, ACT_RESTART, 0, &t);
    assert_true(f.confirm);
    act(&f, ACT_NEXT, 0, &t); /* nothing else answers while it is asked */
    act(&f, ACT_GUIDANCE, STYLE_SECURE, &t);
    flow_swipe(&f, 1, t += STEP_MS);
    assert_true(f.confirm);
    assert_int_equal(f.screen, SCREEN_RESULT);
    act(&f, ACT_KEEP, 0, &t);
    assert_false(f.confirm);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_memory_equal(&f.quiz, &before, sizeof(before)); /* every answer kept */
    /* Home on a deck from the result asks too; Keep shows the result again */
    act(&f, ACT_CHEMISTRY, 0, &t);
    act(&f, ACT_HOME, 0, &t);
    assert_true(f.confirm);
    assert_int_equal(f.screen, SCREEN_CHEMISTRY);
    act(&f, ACT_KEEP, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_memory_equal(&f.quiz, &before, sizeof(before));
    /* Clear goes home with nothing kept */
    act(&f, ACT_RESTART, 0, &t);
    act(&f, ACT_CLEAR, 0, &t);
    assert_false(f.confirm);
    assert_int_equal(f.screen, SCREEN_HOME);
    assert_true(session_is_wiped(&f.quiz));
    assert_int_equal(f.resets, 1);
    /* with no result, Home does not ask */
    act(&f, ACT_OPEN, SCREEN_PARTNERS, &t);
    act(&f, ACT_HOME, 0, &t);
    assert_false(f.confirm);
    assert_int_equal(f.screen, SCREEN_HOME);
}

static void quick_exit_and_idle_never_ask(void **state)
{
    const Fixture *fx = *state;
    for (int way = 0; way < 4; way++) {
        Flow f;
        long t;
        start(&f, &fx->config, fx, &t);
        to_result(&f, &t);
        if (way == 0) {
            act(&f, ACT_QUICK_EXIT, 0, &t);
        } else if (way == 1) {
            press(&f, KEY_QUICK_EXIT, NULL, &t);
        } else if (way == 2) {
            for (int i = 0; i < 3; i++)
                flow_key(&f, KEY_SHIFT, NULL, t += 100); /* 100 ms apart */
        } else {
            t += (long)(fx->config.idle_timeout + fx->config.idle_warning) * 1000 + 1;
            flow_tick(&f, t);
            flow_tick(&f, t + 1);
        }
        assert_false(f.confirm);
        expect_wiped_attract(&f, way == 3 ? "idle" : "quick exit", AT_RESULT);
    }
}

/* The second tap of a double tap on the last answer lands on the result, which has just
 * appeared: it must not press a button there (in portrait the skip button and the result's
 * buttons share the bottom row). */
static void a_double_tap_on_the_last_answer_presses_nothing_on_the_result(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_QUESTION, &t);
    while (f.quiz.current + 1 < f.bundle->quiz.item_count)
        answer_one(&f, &t);
    t += STEP_MS;
    flow_action(&f, ACT_ANSWER, 4, t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    flow_action(&f, ACT_RESTART, 0, t + 80);
    assert_false(f.confirm);
    flow_action(&f, ACT_CHEMISTRY, 0, t + 120);
    assert_int_equal(f.screen, SCREEN_RESULT);
    flow_action(&f, ACT_CHEMISTRY, 0, t + FLOW_ANSWER_GUARD_MS); /* a considered tap works */
    assert_int_equal(f.screen, SCREEN_CHEMISTRY);
}

static void a_second_tap_within_300_ms_on_a_deck_button_is_ignored(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    act(&f, ACT_GUIDANCE, STYLE_ANXIOUS, &t);
    flow_set_page_count(&f, 3);
    act(&f, ACT_NEXT, 0, &t);
    assert_int_equal(f.page, 1);
    /* a double tap on Next on the second-to-last page: the last page, and no further */
    t += STEP_MS;
    flow_action(&f, ACT_NEXT, 0, t);
    flow_action(&f, ACT_DONE, 0, t + 80); /* the second tap lands on the last page's button */
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_int_equal(f.page, 2);
    flow_action(&f, ACT_DONE, 0, t + 80 + FLOW_ANSWER_GUARD_MS); /* a considered tap works */
    assert_int_equal(f.screen, SCREEN_RESULT);
    /* on the result, a tap 299 ms after the last is still a burst; Back too */
    flow_action(&f, ACT_RESTART, 0, t + 80 + 2 * FLOW_ANSWER_GUARD_MS - 1);
    assert_false(f.confirm);
    t += 10 * STEP_MS;
    flow_action(&f, ACT_CHEMISTRY, 0, t);
    flow_action(&f, ACT_BACK, 0, t + 100);
    assert_int_equal(f.screen, SCREEN_CHEMISTRY);
    /* page keys are not taps: they page at any pace */
    flow_set_page_count(&f, 3);
    flow_key(&f, KEY_NEXT_PAGE, NULL, t + 150);
    flow_key(&f, KEY_NEXT_PAGE, NULL, t + 200);
    assert_int_equal(f.page, 2);
}

static void a_style_opens_on_its_tips_with_the_understanding_a_tap_away(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    act(&f, ACT_GUIDANCE, STYLE_DISORGANIZED, &t);
    assert_false(f.understanding); /* the tips first */
    act(&f, ACT_UNDERSTANDING, 0, &t);
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_true(f.understanding);
    assert_int_equal(f.page, 0);
    assert_int_equal(flow_deck_end(&f), FLOW_END_TIPS);
    act(&f, ACT_BACK, 0, &t); /* Back from its first page: the tips */
    assert_false(f.understanding);
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    act(&f, ACT_UNDERSTANDING, 0, &t);
    to_last_page(&f, 3, &t);
    act(&f, ACT_DONE, 0, &t); /* its end: the tips again, then Back: the result */
    assert_false(f.understanding);
    assert_int_equal(f.page, 0);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_true(quiz_session_done(&f.quiz));
}

static void a_tip_links_to_calm_or_support_and_back_to_its_page(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    act(&f, ACT_GUIDANCE, STYLE_DISORGANIZED, &t);
    flow_set_page_count(&f, 9);
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_LINK, SCREEN_STAFF, &t); /* only calm and support */
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    act(&f, ACT_LINK, SCREEN_CALM, &t);
    assert_int_equal(f.screen, SCREEN_CALM);
    assert_int_equal(flow_deck_end(&f), FLOW_END_LINK);
    act(&f, ACT_CALM_AGAIN, 0, &t);
    act(&f, ACT_DONE, 0, &t); /* Done: back to the tip, on its page */
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_int_equal(f.style, STYLE_DISORGANIZED);
    assert_int_equal(f.page, 2);
    act(&f, ACT_LINK, SCREEN_SUPPORT, &t);
    assert_int_equal(f.screen, SCREEN_SUPPORT);
    act(&f, ACT_BACK, 0, &t); /* Back from support's first page: the tip too */
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_int_equal(f.page, 2);
    assert_int_equal(flow_deck_end(&f), FLOW_END_RESULT); /* and the deck still ends at the result */
    assert_true(quiz_session_done(&f.quiz));
}

/* "Take it home": from the result and back to its page; from Get support (opened by a
 * tip) and back, Get support's Back still leading to that tip; Back through its codes. */
static void take_it_home_returns_where_it_was_opened(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_result(&f, &t);
    flow_set_page_count(&f, 2);
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_TAKEAWAY, 0, &t);
    assert_int_equal(f.screen, SCREEN_TAKEAWAY);
    flow_set_page_count(&f, 3); /* two codes and the booking page */
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_NEXT, 0, &t);
    assert_int_equal(f.page, 2);
    act(&f, ACT_NEXT, 0, &t); /* the last code: Next goes nowhere */
    assert_int_equal(f.screen, SCREEN_TAKEAWAY);
    act(&f, ACT_BACK, 0, &t);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_TAKEAWAY);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    assert_int_equal(f.page, 1); /* the result's page it was opened on */
    assert_true(quiz_session_done(&f.quiz));

    act(&f, ACT_GUIDANCE, STYLE_DISORGANIZED, &t);
    flow_set_page_count(&f, 9);
    act(&f, ACT_NEXT, 0, &t);
    act(&f, ACT_LINK, SCREEN_SUPPORT, &t);
    act(&f, ACT_TAKEAWAY, 0, &t);
    assert_int_equal(f.screen, SCREEN_TAKEAWAY);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_SUPPORT);
    act(&f, ACT_BACK, 0, &t); /* Back from support: the tip that opened it */
    assert_int_equal(f.screen, SCREEN_GUIDANCE);
    assert_int_equal(f.page, 1);
}

/* A tip's way back lives only on the screen it opened: the calm minute opened later from
 * the home menu ends at home, not at an old tip. */
static void a_link_back_to_a_tip_is_forgotten_on_leaving(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_GUIDANCE, &t);
    act(&f, ACT_GUIDANCE, STYLE_ANXIOUS, &t);
    act(&f, ACT_LINK, SCREEN_CALM, &t);
    assert_int_equal(flow_deck_end(&f), FLOW_END_LINK);
    act(&f, ACT_CALM_AGAIN, 0, &t); /* once more: still the tip's */
    assert_int_equal(flow_deck_end(&f), FLOW_END_LINK);
    act(&f, ACT_HOME, 0, &t);
    assert_int_equal(f.screen, SCREEN_HOME);
    act(&f, ACT_OPEN, SCREEN_CALM, &t);
    assert_int_equal(flow_deck_end(&f), FLOW_END_HOME);
}

static void the_contents_jumps_to_a_page_and_back_closes_it(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_OPEN, SCREEN_PARTNERS, &t);
    flow_set_page_count(&f, 12);
    act(&f, ACT_CONTENTS, 0, &t);
    assert_true(f.contents);
    act(&f, ACT_JUMP, 12, &t); /* past the pages: refused */
    assert_true(f.contents);
    act(&f, ACT_JUMP, 7, &t);
    assert_false(f.contents);
    assert_int_equal(f.page, 7);
    act(&f, ACT_CONTENTS, 0, &t);
    press(&f, KEY_NEXT_PAGE, NULL, &t); /* no page turns under the contents */
    swipe(&f, 1, &t);
    assert_int_equal(f.page, 7);
    assert_true(f.contents);
    act(&f, ACT_BACK, 0, &t); /* Back closes the contents, on the same page */
    assert_false(f.contents);
    assert_int_equal(f.page, 7);
    assert_int_equal(f.screen, SCREEN_PARTNERS);
}

/* --- larger text ("Aa") ------------------------------------------------------------------ */

/* Aa turns larger text on and off where it is pressed, and changes nothing else: the
 * screen, the answers, the page. Attract has no Aa: the action does nothing there. */
static void aa_turns_larger_text_on_and_off_and_keeps_the_screen(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    act(&f, ACT_LARGE_TEXT, 0, &t);
    assert_false(f.large_text);
    go_to(&f, AT_QUESTION, &t);
    int answers = answers_given(&f.quiz), current = f.quiz.current;
    act(&f, ACT_LARGE_TEXT, 0, &t);
    assert_true(f.large_text);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(answers_given(&f.quiz), answers);
    assert_int_equal(f.quiz.current, current);
    answer_one(&f, &t);
    assert_true(f.large_text); /* it stays on while the person goes on */
    act(&f, ACT_LARGE_TEXT, 0, &t);
    assert_false(f.large_text);
    assert_int_equal(f.screen, SCREEN_QUESTION);
}

/* Larger text is the person's: quick exit (button, Escape, Shift three times) and the
 * idle reset from every place, declining, finishing a result and the staff corner all
 * return the next person to the usual size. */
static void every_end_of_a_session_returns_to_the_usual_text_size(void **state)
{
    const Fixture *fx = *state;
    static const QuickExit ways[] = { tap_quick_exit, press_escape, press_shift_three_times };
    for (size_t w = 0; w < sizeof(ways) / sizeof(ways[0]); w++)
        for (Place place = AT_CONSENT; place < PLACE_COUNT; place++) {
            Flow f;
            long t;
            start(&f, &fx->config, fx, &t);
            go_to(&f, place, &t);
            if (f.idle)
                act(&f, ACT_STAY, 0, &t);
            act(&f, ACT_LARGE_TEXT, 0, &t);
            if (!f.large_text)
                fail_msg("Aa on %s: no larger text", place_names[place]);
            ways[w](&f, &t);
            if (f.large_text)
                fail_msg("quick exit %zu from %s: the text stays larger", w, place_names[place]);
        }
    Config c = idle_config(fx, true);
    Flow f;
    long due = idle_on_a_question(&f, &c, fx);
    act(&f, ACT_LARGE_TEXT, 0, &due);
    assert_true(f.large_text);
    flow_tick(&f, due + T_MS);
    assert_true(f.large_text); /* the still-there overlay: the person may come back */
    flow_tick(&f, due + T_MS + W_MS);
    assert_int_equal(f.screen, SCREEN_ATTRACT);
    assert_false(f.large_text);

    long t;
    start(&f, &fx->config, fx, &t);
    act(&f, ACT_BEGIN, 0, &t);
    act(&f, ACT_LARGE_TEXT, 0, &t);
    act(&f, ACT_DECLINE, 0, &t);
    assert_false(f.large_text);

    to_result(&f, &t);
    act(&f, ACT_LARGE_TEXT, 0, &t);
    act(&f, ACT_GUIDANCE, STYLE_ANXIOUS, &t);
    act(&f, ACT_HOME, 0, &t);
    assert_true(f.confirm); /* "Start over?" */
    assert_true(f.large_text);
    act(&f, ACT_CLEAR, 0, &t); /* home, the finished result wiped */
    assert_int_equal(f.screen, SCREEN_HOME);
    assert_false(f.large_text);

    Config staff = fx->config;
    staff.staff_pin = "2468";
    start(&f, &staff, fx, &t);
    to_home(&f, &t);
    act(&f, ACT_LARGE_TEXT, 0, &t);
    flow_long_press(&f, t + STEP_MS);
    assert_int_equal(f.screen, SCREEN_STAFF);
    assert_false(f.large_text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* screens */
        cmocka_unit_test(a_new_flow_shows_attract_with_nothing_kept),
        cmocka_unit_test(touching_attract_opens_the_consent_screen),
        cmocka_unit_test(start_on_the_consent_screen_opens_home),
        cmocka_unit_test(not_now_on_the_consent_screen_returns_to_attract_and_counts_a_reset),
        cmocka_unit_test(home_opens_the_reflection_with_an_empty_session),
        cmocka_unit_test(home_opens_the_list_of_four_styles_and_back_returns_home),
        cmocka_unit_test(home_opens_chemistry_partners_calm_and_support_and_back_returns_home),
        cmocka_unit_test(home_cannot_open_the_result_attract_or_staff_directly),
        cmocka_unit_test(broken_content_shows_the_unavailable_screen_until_reloaded),
        cmocka_unit_test(a_new_session_keeps_the_kiosk_as_it_is),
        cmocka_unit_test(the_tally_is_saved_on_the_hour_not_after_an_answer),
        cmocka_unit_test(the_pin_lock_escalates_and_outlives_the_session),
        cmocka_unit_test(a_style_chosen_from_the_list_goes_back_to_the_list_then_home),
        cmocka_unit_test(the_result_opens_guidance_for_a_style_and_back_returns_to_the_result),
        cmocka_unit_test(the_result_opens_the_chemistry_and_back_returns_to_the_result),
        cmocka_unit_test(home_on_a_deck_goes_home_and_a_finished_result_is_wiped),
        cmocka_unit_test(calm_once_more_restarts_the_exercise_and_home_leaves_it),
        cmocka_unit_test(an_unknown_style_is_ignored),
        /* the decks */
        cmocka_unit_test(the_end_of_a_deck_from_a_result_returns_to_the_result_with_the_answers),
        cmocka_unit_test(leaving_a_result_asks_once_and_keep_returns_to_it),
        cmocka_unit_test(quick_exit_and_idle_never_ask),
        cmocka_unit_test(a_double_tap_on_the_last_answer_presses_nothing_on_the_result),
        cmocka_unit_test(a_second_tap_within_300_ms_on_a_deck_button_is_ignored),
        cmocka_unit_test(a_style_opens_on_its_tips_with_the_understanding_a_tap_away),
        cmocka_unit_test(a_tip_links_to_calm_or_support_and_back_to_its_page),
        cmocka_unit_test(a_link_back_to_a_tip_is_forgotten_on_leaving),
        cmocka_unit_test(the_contents_jumps_to_a_page_and_back_closes_it),
        /* the quiz */
        cmocka_unit_test(answering_every_item_reaches_the_result_with_the_style_they_point_to),
        cmocka_unit_test(back_on_a_question_returns_to_the_previous_one_with_its_answer),
        cmocka_unit_test(back_on_the_first_question_goes_home_and_forgets_the_answers),
        cmocka_unit_test(back_on_the_result_returns_to_the_last_question_with_its_answer),
        cmocka_unit_test(start_over_on_the_result_wipes_the_answers),
        /* the tap-burst guard */
        cmocka_unit_test(two_answers_100_ms_apart_move_on_one_question),
        cmocka_unit_test(two_answers_300_ms_apart_move_on_two_questions),
        cmocka_unit_test(a_skip_moves_on_and_a_second_within_300_ms_does_not),
        cmocka_unit_test(skipping_everything_gives_a_result_with_no_style),
        /* quick exit */
        cmocka_unit_test(the_quick_exit_button_wipes_and_shows_attract_from_every_screen),
        cmocka_unit_test(escape_wipes_and_shows_attract_from_every_screen),
        cmocka_unit_test(three_shift_presses_within_1_5_s_wipe_and_show_attract_from_every_screen),
        cmocka_unit_test(two_shift_presses_then_a_pause_then_one_more_do_not_quick_exit),
        cmocka_unit_test(a_key_between_shift_presses_breaks_the_count),
        cmocka_unit_test(any_three_shift_presses_within_1_5_s_quick_exit),
        cmocka_unit_test(quick_exit_on_attract_changes_nothing),
        /* idle */
        cmocka_unit_test(the_idle_timer_reports_the_time_left_and_nothing_happens_before_it),
        cmocka_unit_test(at_the_timeout_the_still_there_overlay_counts_down),
        cmocka_unit_test(a_touch_on_the_overlay_keeps_the_answers_and_does_nothing_else),
        cmocka_unit_test(any_input_closes_the_overlay_without_acting),
        cmocka_unit_test(when_the_countdown_ends_the_answers_are_wiped_and_attract_returns),
        cmocka_unit_test(a_finished_result_is_wiped_by_the_idle_reset_too),
        cmocka_unit_test(attract_never_idles),
        cmocka_unit_test(with_idle_reset_off_nothing_ever_idles),
        /* pages */
        cmocka_unit_test(next_and_back_stay_within_the_pages_of_a_deck),
        cmocka_unit_test(swipes_turn_the_pages_of_a_deck_and_back_from_the_first_goes_up),
        cmocka_unit_test(right_to_left_a_swipe_to_the_right_turns_to_the_next_page),
        cmocka_unit_test(page_keys_turn_the_pages_of_a_deck),
        cmocka_unit_test(the_result_pages_turn_and_back_from_its_first_page_reopens_the_last_question),
        cmocka_unit_test(consent_pages_turn_but_back_from_its_first_page_stays),
        /* keys */
        cmocka_unit_test(tab_moves_the_focus_over_enabled_targets_and_wraps),
        cmocka_unit_test(return_presses_the_focused_target),
        cmocka_unit_test(return_on_an_answer_keeps_the_focus_for_the_next_question),
        cmocka_unit_test(digit_keys_answer_on_the_question_screen),
        cmocka_unit_test(take_it_home_returns_where_it_was_opened),
        /* larger text */
        cmocka_unit_test(aa_turns_larger_text_on_and_off_and_keeps_the_screen),
        cmocka_unit_test(every_end_of_a_session_returns_to_the_usual_text_size),
    };
    return cmocka_run_group_tests_name("flow", tests, load_fixture, flow_fixture_free);
}
