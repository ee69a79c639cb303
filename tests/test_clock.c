/* test_clock.c — the flow's timers on a kiosk that has run for 49.7 days: the clock (ms)
 * starts just below 2^32, where a 32-bit tick count (SDL_GetTicks) wraps to 0, and runs
 * across it. The real default bundle and config; run from the project root.
 *
 * What a person would notice if the flow's arithmetic were 32 bits: a half-done quiz that
 * never asks "Still there?" nor resets, answers refused by the tap-burst guard, a
 * countdown that freezes, a PIN lock that lasts 49.7 days. Each test walks across the
 * wrap and checks what shows. */
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

#define WRAP (1L << 32) /* ms: where SDL_GetTicks's Uint32 goes back to 0 (49.7 days) */

enum { T_MS = 60000, W_MS = 10000 };

/* The defaults, with a 60 s idle timeout, a 10 s countdown and a staff PIN. */
static int load_fixture(void **state)
{
    if (flow_fixture_load(state, 6) != 0)
        return -1;
    Fixture *fx = *state;
    fx->config.idle_reset = true;
    fx->config.idle_timeout = T_MS / 1000;
    fx->config.idle_warning = W_MS / 1000;
    fx->config.staff_pin = "2468";
    return 0;
}

static int answers_given(const QuizSession *session)
{
    int n = 0;
    for (int i = 0; i < QUIZ_MAX_ITEMS; i++)
        n += session->answers[i] != 0;
    return n;
}

static bool session_is_wiped(const QuizSession *session)
{
    const unsigned char *bytes = (const unsigned char *)session;
    for (size_t i = 0; i < sizeof(*session); i++)
        if (bytes[i] != 0)
            return false;
    return true;
}

/* A new session at `now` on a fresh kiosk, walked to the first question one second a
 * touch; returns the clock after the last touch. */
static long to_question(Flow *f, const Fixture *fx, long now)
{
    static Kiosk kiosk;
    kiosk_init(&kiosk, &fx->config);
    flow_init(f, &fx->bundle, &fx->config, &kiosk, now);
    flow_action(f, ACT_BEGIN, 0, now += 1000);
    flow_action(f, ACT_START, 0, now += 1000);
    flow_action(f, ACT_OPEN, SCREEN_QUESTION, now += 1000);
    assert_int_equal(f->screen, SCREEN_QUESTION);
    return now;
}

/* A half-done quiz left alone, for clocks that start before the wrap (the idle timeout or
 * the countdown falls across it) and after it: "Still there?" after the timeout, the
 * answers wiped and attract after the countdown. */
static void a_half_done_quiz_left_across_the_wrap_asks_then_resets(void **state)
{
    const Fixture *fx = *state;
    static const long starts[] = { WRAP - 70000, WRAP - 65000, WRAP - 8000, WRAP - 1, WRAP, WRAP + 5000 };
    for (size_t i = 0; i < sizeof(starts) / sizeof(starts[0]); i++) {
        Flow f;
        long t = to_question(&f, fx, starts[i]);
        for (int a = 0; a < 3; a++)
            flow_action(&f, ACT_ANSWER, 2, t += 1000);
        assert_int_equal(answers_given(&f.quiz), 3);
        assert_int_equal(flow_next_timer(&f, t), T_MS);
        flow_tick(&f, t + T_MS - 1);
        if (f.idle)
            fail_msg("start %ld: \"Still there?\" came early", starts[i]);
        flow_tick(&f, t + T_MS);
        if (!f.idle || f.screen != SCREEN_QUESTION)
            fail_msg("start %ld: no \"Still there?\" %d ms after the last answer (at %ld)",
                     starts[i], T_MS, t + T_MS);
        assert_int_equal(flow_idle_seconds(&f, t + T_MS), W_MS / 1000);
        flow_tick(&f, t + T_MS + W_MS - 1);
        assert_true(f.idle);
        assert_int_equal(answers_given(&f.quiz), 3);
        flow_tick(&f, t + T_MS + W_MS);
        if (f.screen != SCREEN_ATTRACT || !session_is_wiped(&f.quiz) || f.idle)
            fail_msg("start %ld: the countdown ended at %ld and the screen is %s with %d answers",
                     starts[i], t + T_MS + W_MS, screen_id(f.screen), answers_given(&f.quiz));
        assert_int_equal(f.resets, 1);
    }
}

/* Answers 300 ms apart are two answers, and 100 ms apart a tap burst, on either side of
 * the wrap and straddling it. */
static void answers_300_ms_apart_are_taken_across_the_wrap(void **state)
{
    const Fixture *fx = *state;
    static const long firsts[] = { WRAP - 150, WRAP - 300, WRAP - 1, WRAP };
    for (size_t i = 0; i < sizeof(firsts) / sizeof(firsts[0]); i++) {
        Flow f;
        to_question(&f, fx, firsts[i] - 10000);
        long t = firsts[i];
        flow_action(&f, ACT_ANSWER, 2, t);
        assert_int_equal(f.quiz.current, 1);
        flow_action(&f, ACT_ANSWER, 2, t + 100); /* a burst: one answer only */
        assert_int_equal(f.quiz.current, 1);
        flow_action(&f, ACT_ANSWER, 2, t + FLOW_ANSWER_GUARD_MS);
        if (f.quiz.current != 2)
            fail_msg("answers at %ld and %ld: the second was refused", t, t + FLOW_ANSWER_GUARD_MS);
        assert_int_equal(answers_given(&f.quiz), 2);
    }
}

/* "Still there?" up just before the wrap: its seconds go on counting down through it,
 * "I'm still here" keeps the answers, and a countdown left alone resets at its end. */
static void a_countdown_running_at_the_wrap_counts_down_and_resets(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long up = WRAP - 4000; /* the overlay comes up 4 s before the wrap */
    long t = to_question(&f, fx, up - T_MS - 4000);
    flow_action(&f, ACT_ANSWER, 2, t += 1000);
    assert_int_equal(t + T_MS, up);
    flow_tick(&f, up - 1);
    assert_false(f.idle);
    flow_tick(&f, up);
    assert_true(f.idle);
    assert_int_equal(flow_idle_seconds(&f, WRAP - 1), (int)((up + W_MS - (WRAP - 1) + 999) / 1000));
    assert_int_equal(flow_idle_seconds(&f, WRAP + 1000), (int)((up + W_MS - WRAP - 1000 + 999) / 1000));
    assert_int_equal(flow_next_timer(&f, WRAP), up + W_MS - WRAP);
    flow_tick(&f, WRAP);
    assert_true(f.idle);
    flow_tick(&f, up + W_MS);
    if (f.screen != SCREEN_ATTRACT || !session_is_wiped(&f.quiz))
        fail_msg("the countdown from %ld ended at %ld: the screen is %s with %d answers kept",
                 up, up + W_MS, screen_id(f.screen), answers_given(&f.quiz));

    /* the same, with "I'm still here" pressed after the wrap: the answers are kept, and
     * the next timeout comes a full T_MS later */
    t = to_question(&f, fx, up - T_MS - 4000);
    flow_action(&f, ACT_ANSWER, 2, t += 1000);
    flow_tick(&f, up);
    assert_true(f.idle);
    long stay = WRAP + 2000;
    flow_action(&f, ACT_STAY, 0, stay);
    assert_false(f.idle);
    assert_int_equal(answers_given(&f.quiz), 1);
    assert_int_equal(flow_next_timer(&f, stay), T_MS);
    flow_tick(&f, stay + T_MS + W_MS);
    assert_int_equal(f.screen, SCREEN_ATTRACT);
}

/* Too many wrong PINs just before the wrap lock the pad for its first length (a minute),
 * not for 49.7 days: digits are refused until the lock's end and taken after it. */
static void a_pin_lock_set_before_the_wrap_ends_after_its_length(void **state)
{
    const Fixture *fx = *state;
    static Kiosk kiosk;
    kiosk_init(&kiosk, &fx->config);
    Flow f;
    long t = WRAP - 3000 - PINLOCK_TRIES * 200L;
    flow_init(&f, &fx->bundle, &fx->config, &kiosk, t);
    flow_long_press(&f, t);
    assert_int_equal(f.screen, SCREEN_STAFF);
    assert_int_equal(f.staff_page, STAFF_PIN);
    for (int i = 0; i < PINLOCK_TRIES; i++) {
        flow_action(&f, ACT_PIN_DIGIT, 1, t += 100);
        flow_action(&f, ACT_PIN_OK, 0, t += 100);
    }
    long locked = t; /* the lock began here, before the wrap */
    assert_true(locked < WRAP);
    flow_action(&f, ACT_PIN_DIGIT, 2, WRAP + 1000);
    assert_int_equal(f.pin_length, 0); /* locked, across the wrap */
    flow_action(&f, ACT_PIN_DIGIT, 2, locked + pinlock_duration_ms(1) - 1);
    assert_int_equal(f.pin_length, 0);
    t = locked + pinlock_duration_ms(1);
    for (const char *d = "2468"; *d; d++)
        flow_action(&f, ACT_PIN_DIGIT, *d - '0', t += 400);
    if (f.pin_length != 4)
        fail_msg("the lock from %ld still refuses digits at %ld (%d typed)", locked, t, f.pin_length);
    flow_action(&f, ACT_PIN_OK, 0, t += 400);
    assert_int_equal(f.staff_page, STAFF_MENU);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_half_done_quiz_left_across_the_wrap_asks_then_resets),
        cmocka_unit_test(answers_300_ms_apart_are_taken_across_the_wrap),
        cmocka_unit_test(a_countdown_running_at_the_wrap_counts_down_and_resets),
        cmocka_unit_test(a_pin_lock_set_before_the_wrap_ends_after_its_length),
    };
    return cmocka_run_group_tests(tests, load_fixture, flow_fixture_free);
}
