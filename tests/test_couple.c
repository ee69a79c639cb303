/* test_couple.c — couple mode with no display: two partners in turn on the real default
 * bundle and config, driven by actions, keys and ticks at explicit clock values (ms).
 *
 * Each test checks what a couple would notice or count on: partner 1's answers gone (not
 * one byte of them left anywhere in the Flow) once their result shows, only the two
 * scores kept, no way back from partner 2's turn to partner 1's result, every way out
 * (quick exit, idle, the staff corner, Finish) wiping both, the idle timeout on every
 * turn and handover, the outcome of the two choices with no record of who chose what, the
 * double-tap guard between the partners' screens, and home offering couple mode only
 * when the config and the bundle allow it. Run from the project root. */
#define _DEFAULT_SOURCE /* mkdtemp (files.h) */
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
#include "files.h"
#include "flow_fixture.h"

static int load_fixture(void **state)
{
    return flow_fixture_load(state, 4); /* config_defaults(): idle reset on, 90 s, 20 s warning */
}

/* --- helpers ---------------------------------------------------------------------------- */

enum { STEP_MS = 1000 }; /* a calm pace between two touches: past the tap-burst guard */
enum { RUN = 4 };        /* answers in a row that the search for them looks for */

static void act(Flow *f, Action action, int arg, long *now)
{
    *now += STEP_MS;
    flow_action(f, action, arg, *now);
}

/* Partner 1's and partner 2's answers: runs of four items that no other bytes of a Flow
 * are likely to make by chance (1 4 7 3 6 2 5 … and 1 6 4 2 7 5 3 …, on a 7-point
 * scale), each partner's different from the other's. */
static int answer_of(int partner, int item, int points)
{
    return (item * (partner == 0 ? 3 : 5)) % points + 1;
}

static void answers_of(int partner, int count, int points, unsigned char *out)
{
    for (int i = 0; i < count; i++)
        out[i] = (unsigned char)answer_of(partner, i, points);
}

/* Answers `n` questions (all that are left, n < 0) as `partner` would. */
static void answer(Flow *f, int partner, int n, long *now)
{
    const Quiz *quiz = &f->bundle->quiz;
    for (int k = 0; (n < 0 || k < n) && f->screen == SCREEN_QUESTION && f->quiz.current < quiz->item_count; k++)
        act(f, ACT_ANSWER, answer_of(partner, f->quiz.current, quiz->points), now);
}

static bool all_zero(const void *what, size_t size)
{
    const unsigned char *bytes = what;
    for (size_t i = 0; i < size; i++)
        if (bytes[i])
            return false;
    return true;
}

/* Where in the Flow's bytes four of `partner`'s answers in a row are, or -1: none is. */
static long answers_left(const Flow *f, int partner)
{
    const Quiz *quiz = &f->bundle->quiz;
    unsigned char seq[QUIZ_MAX_ITEMS];
    answers_of(partner, quiz->item_count, quiz->points, seq);
    const unsigned char *bytes = (const unsigned char *)f;
    for (int from = 0; from + RUN <= quiz->item_count; from++)
        for (size_t i = 0; i + RUN <= sizeof(*f); i++)
            if (memcmp(bytes + i, seq + from, RUN) == 0)
                return (long)i;
    return -1;
}

static void expect_no_answers_of(const Flow *f, int partner, const char *where)
{
    long at = answers_left(f, partner);
    if (at >= 0)
        fail_msg("%s: partner %d's answers are still in the Flow, at byte %ld", where, partner + 1, at);
    if (!all_zero(f->quiz.answers, sizeof(f->quiz.answers)))
        fail_msg("%s: the answers array is not all zero", where);
}

static void start(Flow *f, const Config *config, const Fixture *fx, long *now)
{
    static Kiosk kiosk;
    kiosk_init(&kiosk, config);
    *now = 1000;
    flow_init(f, &fx->bundle, config, &kiosk, *now);
}

/* --- every place two partners can be ---------------------------------------------------- */

typedef enum Place {
    AT_A_QUESTION, AT_A_RESULT, AT_TO_B, AT_B_QUESTION, AT_B_RESULT, AT_TO_A, AT_A_CHOICE,
    AT_TO_B_AGAIN, AT_B_CHOICE, AT_MAP, AT_PARTNERS, PLACE_COUNT
} Place;

static const char *const place_names[PLACE_COUNT] = {
    "partner 1's question 4", "partner 1's result", "the handover to partner 2",
    "partner 2's question 4", "partner 2's result", "the handover back to partner 1",
    "partner 1's choice", "the handover to partner 2 again", "partner 2's choice",
    "the couple map", "the partners guidance",
};

static const Screen place_screens[PLACE_COUNT] = {
    SCREEN_QUESTION, SCREEN_RESULT, SCREEN_HANDOVER, SCREEN_QUESTION, SCREEN_RESULT,
    SCREEN_HANDOVER, SCREEN_COUPLE_CHOICE, SCREEN_HANDOVER, SCREEN_COUPLE_CHOICE,
    SCREEN_COUPLE_MAP, SCREEN_PARTNERS,
};

/* From home through couple-start to partner 1's first question. */
static void begin_couple(Flow *f, long *now)
{
    act(f, ACT_BEGIN, 0, now);
    act(f, ACT_START, 0, now);
    act(f, ACT_OPEN, SCREEN_COUPLE_START, now);
    assert_int_equal(f->screen, SCREEN_COUPLE_START);
    act(f, ACT_COUPLE_BEGIN, 0, now);
    assert_int_equal(f->screen, SCREEN_QUESTION);
    assert_int_equal(f->couple.stage, COUPLE_A_ANSWERS);
}

/* Walks to `place` as the partners would (partner 1 sharing, partner 2 sharing at the map
 * and keeping it private at the partners guidance), answers and decks left half way. */
static void go_to(Flow *f, Place place, long *now)
{
    begin_couple(f, now);
    static const Action next[PLACE_COUNT] = {
        [AT_A_RESULT] = ACT_COUPLE_NEXT, [AT_TO_B] = ACT_COUPLE_NEXT, [AT_B_RESULT] = ACT_COUPLE_NEXT,
        [AT_TO_A] = ACT_COUPLE_NEXT, [AT_A_CHOICE] = ACT_COUPLE_SHARE, [AT_TO_B_AGAIN] = ACT_COUPLE_NEXT,
    };
    for (Place p = AT_A_QUESTION; p < place; p++) {
        if (p == AT_A_QUESTION || p == AT_B_QUESTION)
            answer(f, p == AT_A_QUESTION ? 0 : 1, -1, now);
        else if (p == AT_B_CHOICE)
            act(f, ACT_COUPLE_SHARE, place == AT_MAP, now);
        else if (p != AT_MAP)
            act(f, next[p], 1, now);
        if (p + 1 < PLACE_COUNT && f->screen != place_screens[p + 1] && !(p == AT_B_CHOICE && place == AT_PARTNERS))
            fail_msg("on the way to %s: %s, not %s", place_names[place], screen_id(f->screen),
                     screen_id(place_screens[p + 1]));
    }
    if (place == AT_A_QUESTION || place == AT_B_QUESTION)
        answer(f, place == AT_A_QUESTION ? 0 : 1, 3, now);
    if (place == AT_A_RESULT || place == AT_B_RESULT || place == AT_MAP || place == AT_PARTNERS) {
        flow_set_page_count(f, 3); /* what the view would do */
        act(f, ACT_NEXT, 0, now);
        assert_int_equal(f->page, 1);
    }
    if (f->screen != place_screens[place])
        fail_msg("at %s the screen is %s", place_names[place], screen_id(f->screen));
}

/* The state every way out leaves: `screen`, both partners wiped, the session empty. */
static void expect_both_wiped(const Flow *f, Screen screen, const char *how, Place from)
{
    const char *where = place_names[from];
    if (f->screen != screen)
        fail_msg("%s from %s: the screen is %s, not %s", how, where, screen_id(f->screen), screen_id(screen));
    if (!all_zero(&f->couple, sizeof(f->couple)))
        fail_msg("%s from %s: couple mode still holds something (stage %d, scored %d %d)", how, where,
                 (int)f->couple.stage, f->couple.scored[0], f->couple.scored[1]);
    if (!all_zero(&f->quiz, sizeof(f->quiz)))
        fail_msg("%s from %s: the quiz session still holds something", how, where);
    if (f->idle)
        fail_msg("%s from %s: the still-there overlay is still up", how, where);
    expect_no_answers_of(f, 0, how);
    expect_no_answers_of(f, 1, how);
}

/* --- the answers: gone as soon as each score is computed --------------------------------- */

static void expect_score_of(const Flow *f, int partner)
{
    const Quiz *quiz = &f->bundle->quiz;
    unsigned char seq[QUIZ_MAX_ITEMS];
    QuizScore want;
    answers_of(partner, quiz->item_count, quiz->points, seq);
    assert_true(quiz_score(quiz, seq, &want));
    const QuizScore *got = &f->couple.score[partner];
    assert_true(f->couple.scored[partner]);
    for (int d = 0; d < DIM_COUNT; d++) {
        assert_int_equal(got->placed[d], want.placed[d]);
        assert_int_equal(got->hundredths[d], want.hundredths[d]);
        assert_true(got->mean[d] == want.mean[d]);
    }
    assert_int_equal(got->style, want.style);
}

static void no_byte_of_partner_1s_answers_is_left_after_their_result(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    begin_couple(&f, &t);
    answer(&f, 0, RUN, &t);
    assert_true(answers_left(&f, 0) >= 0); /* the search finds them while they are answers */
    answer(&f, 0, -1, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    expect_no_answers_of(&f, 0, "partner 1's result");
    assert_true(all_zero(&f.quiz, sizeof(f.quiz)));
    assert_ptr_equal(flow_result(&f), &f.couple.score[0]); /* the result shows the kept score */
    expect_score_of(&f, 0);
    assert_false(f.couple.scored[1]);

    act(&f, ACT_COUPLE_NEXT, 0, &t);
    assert_int_equal(f.screen, SCREEN_HANDOVER);
    expect_no_answers_of(&f, 0, "the handover");
    assert_true(all_zero(&f.quiz, sizeof(f.quiz)));
    assert_null(flow_result(&f)); /* partner 2 has no result yet, and partner 1's is not theirs */

    act(&f, ACT_COUPLE_NEXT, 0, &t);
    answer(&f, 1, -1, &t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    expect_no_answers_of(&f, 0, "partner 2's result");
    expect_no_answers_of(&f, 1, "partner 2's result");
    assert_ptr_equal(flow_result(&f), &f.couple.score[1]);
}

static void only_the_two_scores_are_kept_until_both_choose(void **state)
{
    const Fixture *fx = *state;
    for (Place place = AT_TO_A; place <= AT_B_CHOICE; place++) {
        Flow f;
        long t;
        start(&f, &fx->config, fx, &t);
        go_to(&f, place, &t);
        expect_score_of(&f, 0);
        expect_score_of(&f, 1);
        assert_false(f.couple.shared);
        assert_true(all_zero(&f.quiz, sizeof(f.quiz)));
        expect_no_answers_of(&f, 0, place_names[place]);
        expect_no_answers_of(&f, 1, place_names[place]);
    }
}

/* --- no way back to partner 1 ------------------------------------------------------------ */

static void back_from_partner_2s_first_question_leads_to_the_handover_and_no_further(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    go_to(&f, AT_B_QUESTION, &t);
    act(&f, ACT_BACK, 0, &t);
    act(&f, ACT_BACK, 0, &t);
    act(&f, ACT_BACK, 0, &t);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(f.quiz.current, 0);
    act(&f, ACT_BACK, 0, &t); /* from the first question */
    assert_int_equal(f.screen, SCREEN_HANDOVER);
    assert_int_equal(f.couple.stage, COUPLE_TO_B);
    assert_int_equal(flow_couple_partner(&f), 1);
    assert_null(flow_result(&f));
    assert_true(all_zero(&f.quiz, sizeof(f.quiz))); /* partner 2's answers so far went too */
    expect_no_answers_of(&f, 1, "the handover after Back");

    /* the handover has no way back: Back, the previous-page key, a swipe */
    int resets = f.resets;
    act(&f, ACT_BACK, 0, &t);
    t += STEP_MS;
    flow_key(&f, KEY_PREV_PAGE, NULL, t);
    t += STEP_MS;
    flow_swipe(&f, -1, t);
    t += STEP_MS;
    flow_swipe(&f, 1, t);
    act(&f, ACT_HOME, 0, &t);
    act(&f, ACT_RESTART, 0, &t);
    assert_int_equal(f.screen, SCREEN_HANDOVER);
    assert_int_equal(f.couple.stage, COUPLE_TO_B);
    assert_int_equal(f.resets, resets);

    /* partner 2 starts again from an empty first question */
    act(&f, ACT_COUPLE_NEXT, 0, &t);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(f.quiz.current, 0);
    assert_int_equal(f.quiz.answers[0], 0);
    act(&f, ACT_BACK, 0, &t); /* at once: the handover again */
    assert_int_equal(f.screen, SCREEN_HANDOVER);
    expect_score_of(&f, 0);
}

static void back_on_a_partners_result_does_not_reopen_their_answers(void **state)
{
    const Fixture *fx = *state;
    for (Place place = AT_A_RESULT; place <= AT_B_RESULT; place += AT_B_RESULT - AT_A_RESULT) {
        Flow f;
        long t;
        start(&f, &fx->config, fx, &t);
        go_to(&f, place, &t); /* on the result's second page */
        act(&f, ACT_BACK, 0, &t);
        assert_int_equal(f.page, 0);
        act(&f, ACT_BACK, 0, &t);
        t += STEP_MS;
        flow_key(&f, KEY_PREV_PAGE, NULL, t);
        act(&f, ACT_RESTART, 0, &t);
        assert_int_equal(f.screen, SCREEN_RESULT);
        assert_false(f.confirm);
        assert_true(all_zero(&f.quiz, sizeof(f.quiz)));
    }
}

/* --- every way out wipes both partners ---------------------------------------------------- */

typedef void (*WayOut)(Flow *f, long *now);

static void tap_quick_exit(Flow *f, long *now)
{
    act(f, ACT_QUICK_EXIT, 0, now);
}

static void press_escape(Flow *f, long *now)
{
    *now += STEP_MS;
    flow_key(f, KEY_QUICK_EXIT, NULL, *now);
}

static void press_shift_three_times(Flow *f, long *now)
{
    for (int i = 0; i < 3; i++) {
        *now += 500;
        flow_key(f, KEY_SHIFT, NULL, *now);
    }
}

static void walk_away(Flow *f, long *now)
{
    *now += (long)f->config->idle_timeout * 1000;
    flow_tick(f, *now);
    assert_true(f->idle);
    assert_int_not_equal(f->couple.stage, COUPLE_OFF); /* the overlay alone wipes nothing */
    *now += (long)f->config->idle_warning * 1000;
    flow_tick(f, *now);
}

static void every_way_out_from_every_place(const Fixture *fx, const Config *config, WayOut out,
                                           const char *how, Screen to)
{
    for (Place place = 0; place < PLACE_COUNT; place++) {
        Flow f;
        long t;
        start(&f, config, fx, &t);
        go_to(&f, place, &t);
        int resets = f.resets;
        out(&f, &t);
        expect_both_wiped(&f, to, how, place);
        if (f.resets <= resets)
            fail_msg("%s from %s: the session's end was not counted (the shell keeps its view)", how,
                     place_names[place]);
        if (to == SCREEN_STAFF) { /* staff leave: attract, still with nothing kept */
            act(&f, ACT_BACK, 0, &t);
            expect_both_wiped(&f, SCREEN_ATTRACT, "leaving staff", place);
        }
    }
}

static void quick_exit_wipes_both_partners_from_every_place(void **state)
{
    const Fixture *fx = *state;
    every_way_out_from_every_place(fx, &fx->config, tap_quick_exit, "the Quick exit button", SCREEN_ATTRACT);
    every_way_out_from_every_place(fx, &fx->config, press_escape, "Escape", SCREEN_ATTRACT);
    every_way_out_from_every_place(fx, &fx->config, press_shift_three_times, "three Shifts", SCREEN_ATTRACT);
}

static void idle_wipes_both_partners_from_every_place(void **state)
{
    const Fixture *fx = *state;
    every_way_out_from_every_place(fx, &fx->config, walk_away, "the idle timeout", SCREEN_ATTRACT);
}

static void hold_staff_corner(Flow *f, long *now)
{
    *now += FLOW_LONG_PRESS_MS;
    flow_long_press(f, *now);
}

static void the_staff_corner_wipes_both_partners_from_every_place(void **state)
{
    const Fixture *fx = *state;
    Config config = fx->config;
    config.staff_pin = "2468";
    every_way_out_from_every_place(fx, &config, hold_staff_corner, "the staff corner", SCREEN_STAFF);
}

static void finish_wipes_both_partners_and_goes_home(void **state)
{
    const Fixture *fx = *state;
    for (Place place = AT_MAP; place <= AT_PARTNERS; place++)
        for (int way = 0; way < 2; way++) {
            Flow f;
            long t;
            start(&f, &fx->config, fx, &t);
            go_to(&f, place, &t);
            int resets = f.resets;
            if (way == 0) {
                act(&f, ACT_NEXT, 0, &t); /* the last page's Finish */
                assert_int_equal(f.page, 2);
                assert_int_equal(flow_deck_end(&f), FLOW_END_COUPLE);
                act(&f, ACT_DONE, 0, &t);
            } else {
                act(&f, ACT_HOME, 0, &t); /* home from any page: their end too, never a question */
            }
            expect_both_wiped(&f, SCREEN_HOME, way ? "Home" : "Finish", place);
            assert_false(f.confirm);
            assert_true(f.resets > resets);
            /* home again: a fresh couple mode starts clean */
            act(&f, ACT_OPEN, SCREEN_COUPLE_START, &t);
            act(&f, ACT_COUPLE_BEGIN, 0, &t);
            assert_int_equal(f.couple.stage, COUPLE_A_ANSWERS);
            assert_false(f.couple.scored[0] || f.couple.scored[1]);
            assert_int_equal(f.quiz.current, 0);
        }
}

/* --- the idle timeout on every turn and handover ------------------------------------------ */

static void the_idle_timeout_applies_on_every_turn_and_handover(void **state)
{
    const Fixture *fx = *state;
    long timeout = (long)fx->config.idle_timeout * 1000, warning = (long)fx->config.idle_warning * 1000;
    for (Place place = 0; place < PLACE_COUNT; place++) {
        Flow f;
        long t;
        start(&f, &fx->config, fx, &t);
        go_to(&f, place, &t);
        CoupleStage stage = f.couple.stage;
        if (flow_next_timer(&f, t) != timeout)
            fail_msg("at %s the idle timer is due in %ld ms", place_names[place], flow_next_timer(&f, t));
        flow_tick(&f, t + timeout - 1);
        assert_false(f.idle);
        flow_tick(&f, t + timeout);
        if (!f.idle)
            fail_msg("at %s no still-there overlay after the timeout", place_names[place]);
        assert_int_equal(f.screen, place_screens[place]); /* the overlay hides it; it is not gone */
        /* a touch on the overlay keeps the partners where they were */
        assert_true(flow_input(&f, t + timeout + 1000));
        assert_false(f.idle);
        assert_int_equal(f.couple.stage, stage);
        /* and walking away again ends it */
        t += timeout + 1000;
        flow_tick(&f, t + timeout);
        assert_true(f.idle);
        flow_tick(&f, t + timeout + warning - 1);
        assert_int_equal(f.screen, place_screens[place]);
        flow_tick(&f, t + timeout + warning);
        expect_both_wiped(&f, SCREEN_ATTRACT, "the idle timeout", place);
    }
}

/* --- the choices ------------------------------------------------------------------------- */

/* Both partners' turns and choices, at the same pace whatever they choose. */
static void choose(const Fixture *fx, Flow *f, bool first, bool second)
{
    long t;
    start(f, &fx->config, fx, &t);
    go_to(f, AT_A_CHOICE, &t);
    act(f, ACT_COUPLE_SHARE, first, &t);
    assert_int_equal(f->screen, SCREEN_HANDOVER);
    act(f, ACT_COUPLE_NEXT, 0, &t);
    assert_int_equal(f->screen, SCREEN_COUPLE_CHOICE);
    assert_int_equal(flow_couple_partner(f), 1);
    act(f, ACT_COUPLE_SHARE, second, &t);
}

static void both_sharing_shows_the_couple_map(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    choose(fx, &f, true, true);
    assert_int_equal(f.screen, SCREEN_COUPLE_MAP);
    assert_true(f.couple.shared);
    assert_int_equal(flow_couple_partner(&f), -1);
    expect_score_of(&f, 0);
    expect_score_of(&f, 1);
    assert_false(f.couple.share[0] || f.couple.share[1]); /* the choices are done with */
}

static void either_declining_shows_the_partners_guidance_and_no_one_knows_who(void **state)
{
    const Fixture *fx = *state;
    static Flow outcome[3]; /* partner 1 declines, partner 2 does, both do */
    const bool choices[3][2] = { { false, true }, { true, false }, { false, false } };
    for (int i = 0; i < 3; i++) {
        choose(fx, &outcome[i], choices[i][0], choices[i][1]);
        assert_int_equal(outcome[i].screen, SCREEN_PARTNERS);
        assert_false(outcome[i].couple.shared);
        assert_false(outcome[i].couple.share[0] || outcome[i].couple.share[1]);
        assert_int_equal(flow_couple_partner(&outcome[i]), -1);
    }
    /* whoever declined, the flow is the same, byte for byte: nothing tells who it was */
    for (int i = 1; i < 3; i++)
        if (memcmp(&outcome[0], &outcome[i], sizeof(Flow)) != 0)
            fail_msg("the flow after %s differs from the flow after partner 1 declined",
                     i == 1 ? "partner 2 declined" : "both declined");
}

/* --- the double-tap guard between partners ------------------------------------------------ */

static void a_double_tap_never_carries_on_onto_the_next_partners_screen(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    go_to(&f, AT_A_RESULT, &t);
    act(&f, ACT_BACK, 0, &t);
    /* "Pass to your partner", tapped twice: the second lands on "I'm Partner 2: continue" */
    t += STEP_MS;
    flow_action(&f, ACT_COUPLE_NEXT, 0, t);
    assert_int_equal(f.screen, SCREEN_HANDOVER);
    flow_action(&f, ACT_COUPLE_NEXT, 0, t + 80);
    flow_action(&f, ACT_COUPLE_NEXT, 0, t + FLOW_ANSWER_GUARD_MS - 1);
    assert_int_equal(f.screen, SCREEN_HANDOVER);
    assert_int_equal(f.couple.stage, COUPLE_TO_B);
    flow_action(&f, ACT_COUPLE_NEXT, 0, t + FLOW_ANSWER_GUARD_MS); /* a considered tap works */
    assert_int_equal(f.couple.stage, COUPLE_B_ANSWERS);

    /* the last answer tapped twice: partner 2's result stays, not passed on */
    t += STEP_MS;
    answer(&f, 1, f.bundle->quiz.item_count - 1, &t);
    t += STEP_MS;
    flow_action(&f, ACT_ANSWER, 4, t);
    assert_int_equal(f.screen, SCREEN_RESULT);
    flow_action(&f, ACT_COUPLE_NEXT, 0, t + 80);
    assert_int_equal(f.screen, SCREEN_RESULT);

    /* the handover's button tapped twice: the choice stays unchosen */
    t += STEP_MS;
    flow_action(&f, ACT_COUPLE_NEXT, 0, t);
    t += STEP_MS;
    flow_action(&f, ACT_COUPLE_NEXT, 0, t);
    assert_int_equal(f.screen, SCREEN_COUPLE_CHOICE);
    flow_action(&f, ACT_COUPLE_SHARE, 1, t + 80);
    assert_int_equal(f.couple.stage, COUPLE_A_CHOOSES);

    /* a choice tapped twice: the next handover stays */
    t += STEP_MS;
    flow_action(&f, ACT_COUPLE_SHARE, 0, t);
    flow_action(&f, ACT_COUPLE_NEXT, 0, t + 80);
    assert_int_equal(f.couple.stage, COUPLE_TO_B_AGAIN);
}

/* In portrait, "We both agree: begin" sits where the first question's "Doesn't apply to
 * me" comes up, and "I'm Partner 2: continue" where its answers 1 and 5 do: the second
 * tap of a double tap there must not answer (or skip) for a partner. */
static void a_double_tap_into_a_partners_questions_answers_nothing(void **state)
{
    const Fixture *fx = *state;
    Flow f;
    long t;
    start(&f, &fx->config, fx, &t);
    act(&f, ACT_BEGIN, 0, &t);
    act(&f, ACT_START, 0, &t);
    act(&f, ACT_OPEN, SCREEN_COUPLE_START, &t);
    t += STEP_MS;
    flow_action(&f, ACT_COUPLE_BEGIN, 0, t);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    flow_action(&f, ACT_SKIP, 0, t + 80);
    flow_action(&f, ACT_ANSWER, 1, t + FLOW_ANSWER_GUARD_MS - 1);
    assert_int_equal(f.quiz.current, 0);
    assert_int_equal(f.quiz.answers[0], 0);
    flow_action(&f, ACT_ANSWER, 1, t + FLOW_ANSWER_GUARD_MS); /* a considered answer counts */
    assert_int_equal(f.quiz.current, 1);

    start(&f, &fx->config, fx, &t);
    go_to(&f, AT_TO_B, &t);
    t += STEP_MS;
    flow_action(&f, ACT_COUPLE_NEXT, 0, t);
    assert_int_equal(f.couple.stage, COUPLE_B_ANSWERS);
    flow_action(&f, ACT_ANSWER, 1, t + 80);
    assert_int_equal(f.quiz.current, 0);
    assert_int_equal(f.quiz.answers[0], 0);
    flow_action(&f, ACT_ANSWER, 5, t + FLOW_ANSWER_GUARD_MS);
    assert_int_equal(f.quiz.answers[0], 5);
}

/* --- whether home offers couple mode ------------------------------------------------------ */

static int fake_width(void *ctx, FontRole font, const char *text, int len)
{
    (void)ctx;
    (void)font;
    (void)text;
    return 8 * len;
}

/* What the view lays out for `f` at 800x480 (with a stand-in for the fonts). */
static const DrawList *lay_out(Flow *f)
{
    static View view;
    static DrawList list;
    Measure measure = { fake_width, NULL, { 0 }, { 0 }, NULL };
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        measure.line_height[i] = 20;
        measure.size[i] = 16;
    }
    view_forget(&view, &list);
    view_layout(&view, f, &measure, 800, 480, f->now, &list);
    return &list;
}

/* Whether home, as the view lays it out, has a target that opens couple mode. */
static bool home_shows_couple(Flow *f)
{
    const DrawList *list = lay_out(f);
    bool shown = false;
    for (int i = 0; i < list->target_count; i++)
        if (list->targets[i].action == ACT_OPEN && list->targets[i].arg == SCREEN_COUPLE_START)
            shown = true;
    return shown;
}

/* Whether `word` is in any text the list draws: a line, a block, a button's label. */
static bool shows_word(const DrawList *list, const char *word)
{
    size_t n = strlen(word);
    for (int i = 0; i < list->count; i++) {
        const DrawCmd *c = &list->cmds[i];
        for (int k = 0; c->kind == DRAW_TEXT && k + (int)n <= c->len; k++)
            if (memcmp(c->text + k, word, n) == 0)
                return true;
    }
    for (int i = 0; i < list->block_count; i++)
        if (strstr(list->blocks[i].text, word))
            return true;
    for (int i = 0; i < list->target_count; i++)
        if (strstr(list->targets[i].label, word))
            return true;
    return false;
}

/* Whether any page of the outcome on screen names `word`. */
static bool outcome_names(Flow *f, const char *word)
{
    bool named = false;
    lay_out(f); /* the view sets the page count */
    for (int page = 0; page < f->page_count; page++) {
        flow_set_page(f, page);
        named = named || shows_word(lay_out(f), word);
    }
    return named;
}

static void the_partners_guidance_names_neither_partner(void **state)
{
    const Fixture *fx = *state;
    static Flow f;
    const char *partner[2] = { bundle_word(&fx->bundle, WORD_COUPLE_PARTNER_1),
                               bundle_word(&fx->bundle, WORD_COUPLE_PARTNER_2) };
    choose(fx, &f, true, true); /* the map names both: the search finds them there */
    assert_true(outcome_names(&f, partner[0]) && outcome_names(&f, partner[1]));
    for (int who = 0; who < 3; who++) {
        choose(fx, &f, who == 1, who == 0); /* partner 1, partner 2, both decline */
        assert_int_equal(f.screen, SCREEN_PARTNERS);
        for (int p = 0; p < 2; p++)
            if (outcome_names(&f, partner[p]))
                fail_msg("a decline by %s: the partners guidance names %s", who == 2 ? "both" : partner[who],
                         partner[p]);
    }
}

/* Home on `bundle` with `config`: whether it offers couple mode, and whether opening it
 * (as a stray action would) does anything. */
static void expect_home_offers(const Fixture *fx, const Bundle *bundle, const Config *config, bool offered)
{
    static Kiosk kiosk;
    Flow f;
    long t = 1000;
    kiosk_init(&kiosk, config);
    flow_init(&f, bundle, config, &kiosk, t);
    (void)fx;
    act(&f, ACT_BEGIN, 0, &t);
    act(&f, ACT_START, 0, &t);
    assert_int_equal(flow_offers_couple(&f), offered);
    assert_int_equal(home_shows_couple(&f), offered);
    act(&f, ACT_OPEN, SCREEN_COUPLE_START, &t);
    assert_int_equal(f.screen, offered ? SCREEN_COUPLE_START : SCREEN_HOME);
    act(&f, ACT_COUPLE_BEGIN, 0, &t);
    assert_int_equal(f.couple.stage, offered ? COUPLE_A_ANSWERS : COUPLE_OFF);
}

/* A couple is counted once a session: Back from partner 1's first question and beginning
 * again is the same couple (couple sessions, held until a batch's end: couples_pending). */
static void a_couple_is_counted_once_though_begun_again(void **state)
{
    const Fixture *fx = *state;
    Config config = fx->config;
    config.tally = true;
    config.tally_file = "tally.ini"; /* never written here: the app saves it */
    Flow f;
    long now;
    start(&f, &config, fx, &now);
    assert_true(f.kiosk->tally_on);
    begin_couple(&f, &now);
    assert_int_equal(f.kiosk->tally.couples_pending, 1);
    act(&f, ACT_BACK, 0, &now);
    assert_int_equal(f.screen, SCREEN_COUPLE_START);
    act(&f, ACT_COUPLE_BEGIN, 0, &now);
    assert_int_equal(f.screen, SCREEN_QUESTION);
    assert_int_equal(f.kiosk->tally.couples_pending, 1);
    act(&f, ACT_QUICK_EXIT, 0, &now); /* the next people: another couple */
    begin_couple(&f, &now);
    assert_int_equal(f.kiosk->tally.couples_pending, 2);
}

/* A double tap on "Take it together" shows how it works (its "We both agree: begin" sits
 * under the finger in portrait), and one on Finish stays on home. */
static void a_double_tap_never_skips_couple_start_or_reopens_it(void **state)
{
    const Fixture *fx = *state;
    static Flow f;
    long now;
    start(&f, &fx->config, fx, &now);
    act(&f, ACT_BEGIN, 0, &now);
    act(&f, ACT_START, 0, &now);
    act(&f, ACT_OPEN, SCREEN_COUPLE_START, &now);
    flow_action(&f, ACT_COUPLE_BEGIN, 0, now + 80); /* the same finger, 80 ms later */
    assert_int_equal(f.screen, SCREEN_COUPLE_START);
    assert_int_equal(f.couple.stage, COUPLE_OFF);
    go_to(&f, AT_MAP, &now);
    for (int guard = 0; guard < 64 && f.screen == SCREEN_COUPLE_MAP; guard++)
        act(&f, f.page + 1 < f.page_count ? ACT_NEXT : ACT_DONE, 0, &now);
    assert_int_equal(f.screen, SCREEN_HOME);
    flow_action(&f, ACT_OPEN, SCREEN_COUPLE_START, now + 80);
    assert_int_equal(f.screen, SCREEN_HOME);
}

/* A score whose every answer is `answer` (4 of 7: both means on the line, near the middle,
 * reverse-keyed items or not). */
static QuizScore score_all(const Quiz *quiz, int answer)
{
    unsigned char seq[QUIZ_MAX_ITEMS];
    memset(seq, answer, sizeof(seq));
    QuizScore score;
    assert_true(quiz_score(quiz, seq, &score));
    return score;
}

/* A point near the middle has no one style (its own result names none), so the couple
 * map names no pairing for it (the midpoint scores as disorganized: "Two disorganized
 * partners" would put a trauma-linked name on neutral answers); it says so and shows the
 * partners guidance. Two placed styles do get their pairing. */
static void a_point_near_the_middle_gets_no_pairing(void **state)
{
    const Fixture *fx = *state;
    static Flow f;
    long now;
    start(&f, &fx->config, fx, &now);
    const Quiz *quiz = &fx->bundle.quiz;
    QuizScore middle = score_all(quiz, (quiz->points + 1) / 2), high = middle;
    for (int d = 0; d < DIM_COUNT; d++) { /* both dimensions at the top: disorganized, placed */
        high.mean[d] = quiz->points;
        high.hundredths[d] = quiz->points * 100;
        high.high[d] = true;
        high.near[d] = false;
    }
    assert_int_equal(middle.style, STYLE_DISORGANIZED);
    assert_true(middle.near[DIM_ANXIETY] && middle.near[DIM_AVOIDANCE]);
    flow_show(&f, SCREEN_COUPLE_MAP, now, now);
    flow_set_couple(&f, COUPLE_TOGETHER, &middle, &middle, true);
    const Card *card = bundle_pairing(&fx->bundle, STYLE_DISORGANIZED, STYLE_DISORGANIZED);
    char pair[24]; /* the start of its first paragraph (its title shows only where there is room) */
    snprintf(pair, sizeof(pair), "%s", card->text);
    const DrawList *list = lay_out(&f);
    assert_false(shows_word(list, card->title));
    assert_false(shows_word(list, pair));
    assert_true(shows_word(list, bundle_word(&fx->bundle, WORD_COUPLE_MAP_MIDDLE)));
    assert_true(shows_word(list, "near the middle of the map, close to more than"));
    flow_set_couple(&f, COUPLE_TOGETHER, &high, &high, true); /* both placed: their pairing */
    assert_true(shows_word(lay_out(&f), pair));
}

static void couple_mode_is_offered_only_when_config_and_bundle_allow(void **state)
{
    const Fixture *fx = *state;
    expect_home_offers(fx, &fx->bundle, &fx->config, true);

    static Config off;
    static const char text[] = "[content]\ncouple = no\n";
    Diags diags = { 0 };
    config_defaults(&off);
    bool read = config_load_text(&off, "kiosk.ini", text, sizeof(text) - 1, &diags);
    diag_free(&diags);
    assert_true(read);
    assert_false(off.couple);
    expect_home_offers(fx, &fx->bundle, &off, false);
    config_free(&off);

    /* the default bundle without its pairings.ini */
    char dir[64], command[256];
    assert_true(make_temp_folder(dir, sizeof(dir), "couple"));
    snprintf(command, sizeof(command), "cp assets/content/en/*.ini '%s' && rm '%s/pairings.ini'", dir, dir);
    assert_int_equal(system(command), 0);
    static Bundle bare;
    diags = (Diags){ 0 };
    bool loaded = bundle_load(&bare, dir, &diags);
    diag_free(&diags);
    assert_true(remove_folder(dir));
    assert_true(loaded);
    assert_false(bundle_offers_couple(&bare));
    expect_home_offers(fx, &bare, &fx->config, false);
    bundle_free(&bare);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_byte_of_partner_1s_answers_is_left_after_their_result),
        cmocka_unit_test(only_the_two_scores_are_kept_until_both_choose),
        cmocka_unit_test(back_from_partner_2s_first_question_leads_to_the_handover_and_no_further),
        cmocka_unit_test(back_on_a_partners_result_does_not_reopen_their_answers),
        cmocka_unit_test(quick_exit_wipes_both_partners_from_every_place),
        cmocka_unit_test(idle_wipes_both_partners_from_every_place),
        cmocka_unit_test(the_staff_corner_wipes_both_partners_from_every_place),
        cmocka_unit_test(finish_wipes_both_partners_and_goes_home),
        cmocka_unit_test(a_couple_is_counted_once_though_begun_again),
        cmocka_unit_test(a_point_near_the_middle_gets_no_pairing),
        cmocka_unit_test(a_double_tap_never_skips_couple_start_or_reopens_it),
        cmocka_unit_test(the_idle_timeout_applies_on_every_turn_and_handover),
        cmocka_unit_test(both_sharing_shows_the_couple_map),
        cmocka_unit_test(the_partners_guidance_names_neither_partner),
        cmocka_unit_test(either_declining_shows_the_partners_guidance_and_no_one_knows_who),
        cmocka_unit_test(a_double_tap_never_carries_on_onto_the_next_partners_screen),
        cmocka_unit_test(a_double_tap_into_a_partners_questions_answers_nothing),
        cmocka_unit_test(couple_mode_is_offered_only_when_config_and_bundle_allow),
    };
    return cmocka_run_group_tests_name("couple", tests, load_fixture, flow_fixture_free);
}
