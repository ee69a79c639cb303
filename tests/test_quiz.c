/* test_quiz.c — the scoring model of docs/design.md, on small hand-made quizzes: every
 * style, reverse keys, thresholds (default and set), other scale sizes, near the line,
 * a mean exactly at the threshold, skipped statements, Back, and the wipe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/quiz.h"

/* A quiz of `n` items: dims[i] is 'x' (anxiety) or 'v' (avoidance), upper case = reversed. */
static Quiz make_quiz(int points, const char *dims)
{
    Quiz q = { 0 };
    q.points = points;
    q.threshold = quiz_default_threshold(points);
    q.near = 0.5;
    for (int i = 0; dims[i]; i++) {
        char c = dims[i];
        q.items[i].id = "q";
        q.items[i].text = "statement";
        q.items[i].dimension = (c == 'v' || c == 'V') ? DIM_AVOIDANCE : DIM_ANXIETY;
        q.items[i].reverse = c == 'X' || c == 'V';
        q.item_count++;
    }
    return q;
}

static QuizScore score(const Quiz *q, const unsigned char *answers)
{
    QuizScore s;
    assert_true(quiz_score(q, answers, &s));
    return s;
}

static void every_style_is_reached(void **state)
{
    (void)state;
    Quiz q = make_quiz(7, "xxxvvv");
    const unsigned char low_low[] = { 1, 2, 3, 1, 2, 3 };
    const unsigned char high_low[] = { 7, 6, 5, 1, 2, 3 };
    const unsigned char low_high[] = { 1, 2, 3, 5, 6, 7 };
    const unsigned char high_high[] = { 5, 6, 7, 7, 6, 5 };
    assert_int_equal(score(&q, low_low).style, STYLE_SECURE);
    assert_int_equal(score(&q, high_low).style, STYLE_ANXIOUS);
    assert_int_equal(score(&q, low_high).style, STYLE_AVOIDANT);
    assert_int_equal(score(&q, high_high).style, STYLE_DISORGANIZED);
    assert_string_equal(quiz_style_id(STYLE_DISORGANIZED), "disorganized");
}

static void reverse_keyed_items_count_the_other_way(void **state)
{
    (void)state;
    /* anxiety: 7 on a plain item and 1 on a reversed one are both "very anxious" */
    Quiz q = make_quiz(7, "xXvV");
    const unsigned char a[] = { 7, 1, 1, 7 };
    QuizScore s = score(&q, a);
    assert_int_equal(s.hundredths[DIM_ANXIETY], 700);
    assert_int_equal(s.hundredths[DIM_AVOIDANCE], 100);
    assert_int_equal(s.style, STYLE_ANXIOUS);
    /* on a 5-point scale a reversed 2 counts as 4 */
    Quiz five = make_quiz(5, "XXvv");
    const unsigned char b[] = { 2, 2, 1, 1 };
    assert_int_equal(score(&five, b).hundredths[DIM_ANXIETY], 400);
}

static void means_round_half_up_to_two_decimals(void **state)
{
    (void)state;
    Quiz q = make_quiz(7, "xxxxxxxxvvvvvv");
    /* anxiety 33/8 = 4.125 -> 4.13 (not banker's 4.12); avoidance 13/6 = 2.1666 -> 2.17 */
    const unsigned char a[] = { 4, 4, 4, 4, 4, 4, 4, 5, 1, 2, 2, 2, 3, 3 };
    QuizScore s = score(&q, a);
    assert_int_equal(s.hundredths[DIM_ANXIETY], 413);
    assert_int_equal(s.hundredths[DIM_AVOIDANCE], 217);
    assert_true(s.mean[DIM_ANXIETY] > 4.12 && s.mean[DIM_ANXIETY] < 4.13);
}

static void a_mean_at_the_threshold_is_high(void **state)
{
    (void)state;
    Quiz q = make_quiz(7, "xxvv");
    const unsigned char at[] = { 4, 4, 3, 5 };   /* both means exactly 4.0, the midpoint */
    QuizScore s = score(&q, at);
    assert_true(s.high[DIM_ANXIETY]);
    assert_true(s.high[DIM_AVOIDANCE]);
    assert_int_equal(s.style, STYLE_DISORGANIZED);
    const unsigned char below[] = { 4, 3, 3, 4 }; /* 3.5: low */
    assert_int_equal(score(&q, below).style, STYLE_SECURE);
}

static void a_threshold_set_by_the_bundle_is_used(void **state)
{
    (void)state;
    Quiz q = make_quiz(7, "xxvv");
    const unsigned char a[] = { 5, 5, 3, 3 };    /* anxiety 5.0, avoidance 3.0 */
    assert_int_equal(score(&q, a).style, STYLE_ANXIOUS);
    q.threshold = 5.5;
    assert_int_equal(score(&q, a).style, STYLE_SECURE);
    q.threshold = 3.0;
    assert_int_equal(score(&q, a).style, STYLE_DISORGANIZED);
    /* a decimal threshold met exactly by a mean: 4.1 * 10 items = 41 */
    Quiz t = make_quiz(7, "xxxxxxxxxxv");
    t.threshold = 4.1;
    const unsigned char b[] = { 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 1 };
    assert_true(score(&t, b).high[DIM_ANXIETY]);
}

static void the_default_threshold_is_the_midpoint(void **state)
{
    (void)state;
    assert_true(quiz_default_threshold(7) == 4.0);
    assert_true(quiz_default_threshold(5) == 3.0);
    assert_true(quiz_default_threshold(4) == 2.5);
    Quiz q = make_quiz(5, "xxxvvv");
    const unsigned char a[] = { 3, 3, 3, 2, 3, 3 };  /* anxiety 3.0 (high), avoidance 2.67 */
    QuizScore s = score(&q, a);
    assert_int_equal(s.style, STYLE_ANXIOUS);
    assert_int_equal(s.hundredths[DIM_AVOIDANCE], 267);
    Quiz four = make_quiz(4, "xv");
    const unsigned char b[] = { 3, 2 };               /* 3 >= 2.5, 2 < 2.5 */
    assert_int_equal(score(&four, b).style, STYLE_ANXIOUS);
}

static void near_the_line_is_flagged_per_dimension(void **state)
{
    (void)state;
    Quiz q = make_quiz(7, "xxvv");
    const unsigned char a[] = { 4, 5, 1, 1 };   /* anxiety 4.5: near (0.5 away); avoidance 1: far */
    QuizScore s = score(&q, a);
    assert_true(s.near[DIM_ANXIETY]);
    assert_false(s.near[DIM_AVOIDANCE]);
    assert_int_equal(s.style, STYLE_ANXIOUS);
    assert_int_equal(quiz_style_across(s.style, DIM_ANXIETY), STYLE_SECURE);
    const unsigned char b[] = { 5, 5, 4, 3 };   /* anxiety 5.0: 1.0 away, not near; avoidance 3.5: near */
    s = score(&q, b);
    assert_false(s.near[DIM_ANXIETY]);
    assert_true(s.near[DIM_AVOIDANCE]);
    q.near = 0.25;
    s = score(&q, a);
    assert_false(s.near[DIM_ANXIETY]);
    assert_int_equal(quiz_style_across(STYLE_AVOIDANT, DIM_ANXIETY), STYLE_DISORGANIZED);
    assert_int_equal(quiz_style_across(STYLE_DISORGANIZED, DIM_AVOIDANCE), STYLE_ANXIOUS);
}

static void bad_answers_are_refused(void **state)
{
    (void)state;
    Quiz q = make_quiz(5, "xv");
    QuizScore s;
    const unsigned char zero[] = { 0, 3 }, over[] = { 6, 3 };
    assert_false(quiz_score(&q, zero, &s));
    assert_false(quiz_score(&q, over, &s));
    Quiz one_sided = make_quiz(5, "xx");
    const unsigned char ok[] = { 3, 3 };
    assert_false(quiz_score(&one_sided, ok, &s));
}

static void a_session_answers_goes_back_and_changes(void **state)
{
    (void)state;
    Quiz q = make_quiz(7, "xv");
    QuizSession session;
    memset(&session, 0xAB, sizeof(session));
    quiz_session_start(&session, &q);
    assert_int_equal(session.current, 0);
    assert_false(quiz_session_back(&session));
    assert_false(quiz_session_answer(&session, 8));
    assert_true(quiz_session_answer(&session, 7));
    assert_true(quiz_session_answer(&session, 1));
    assert_true(quiz_session_done(&session));
    assert_int_equal(session.score.style, STYLE_ANXIOUS);
    assert_false(quiz_session_answer(&session, 3)); /* finished */

    assert_true(quiz_session_back(&session));      /* change the last answer */
    assert_false(quiz_session_done(&session));
    assert_int_equal(session.answers[1], 1);        /* kept, to be changed */
    assert_true(quiz_session_answer(&session, 7));
    assert_true(quiz_session_done(&session));
    assert_int_equal(session.score.style, STYLE_DISORGANIZED);
}

static void a_skipped_statement_leaves_the_mean_to_the_others(void **state)
{
    (void)state;
    /* three anxiety items; the skipped one would have pulled the mean to 1 */
    Quiz q = make_quiz(7, "xxxvv");
    const unsigned char a[] = { 7, QUIZ_SKIPPED, 6, 1, 2 };
    QuizScore s = score(&q, a);
    assert_true(s.placed[DIM_ANXIETY]);
    assert_int_equal(s.hundredths[DIM_ANXIETY], 650);
    assert_int_equal(s.hundredths[DIM_AVOIDANCE], 150);
    assert_int_equal(s.style, STYLE_ANXIOUS);
    assert_string_equal(quiz_style_id_or_none(s.style), "anxious");
}

static void under_half_answered_places_no_dimension_and_no_style(void **state)
{
    (void)state;
    Quiz q = make_quiz(7, "xxxxvvv");
    const unsigned char half[] = { 7, 7, QUIZ_SKIPPED, QUIZ_SKIPPED, 1, 1, 1 };
    QuizScore s = score(&q, half); /* exactly half of anxiety: placed */
    assert_true(s.placed[DIM_ANXIETY]);
    assert_int_equal(s.style, STYLE_ANXIOUS);
    const unsigned char under[] = { 7, QUIZ_SKIPPED, QUIZ_SKIPPED, QUIZ_SKIPPED, 1, 1, 1 };
    s = score(&q, under);
    assert_false(s.placed[DIM_ANXIETY]);
    assert_true(s.placed[DIM_AVOIDANCE]);
    assert_int_equal(s.hundredths[DIM_AVOIDANCE], 100);
    assert_int_equal(s.style, STYLE_COUNT);
    assert_string_equal(quiz_style_id_or_none(s.style), "none");
    const unsigned char none[] = { QUIZ_SKIPPED, QUIZ_SKIPPED, QUIZ_SKIPPED, QUIZ_SKIPPED,
                                   QUIZ_SKIPPED, QUIZ_SKIPPED, QUIZ_SKIPPED };
    s = score(&q, none);
    assert_false(s.placed[DIM_ANXIETY] || s.placed[DIM_AVOIDANCE]);
    assert_int_equal(s.style, STYLE_COUNT);
}

static void a_session_skips_like_it_answers(void **state)
{
    (void)state;
    Quiz q = make_quiz(7, "xxvv");
    QuizSession session;
    quiz_session_start(&session, &q);
    assert_true(quiz_session_skip(&session));
    assert_int_equal(session.current, 1);
    assert_true(quiz_session_answer(&session, 7));
    assert_true(quiz_session_answer(&session, 1));
    assert_true(quiz_session_skip(&session));
    assert_true(quiz_session_done(&session));
    assert_false(quiz_session_skip(&session)); /* finished */
    assert_int_equal(session.score.style, STYLE_ANXIOUS);
    assert_true(quiz_session_back(&session)); /* a skip can be changed into an answer */
    assert_int_equal(session.answers[3], QUIZ_SKIPPED);
    assert_true(quiz_session_answer(&session, 7));
    assert_int_equal(session.score.style, STYLE_DISORGANIZED);
    quiz_session_wipe(&session);
    assert_int_equal(session.answers[0], 0);
}

static void a_wipe_leaves_nothing_behind(void **state)
{
    (void)state;
    Quiz q = make_quiz(7, "xxvv");
    QuizSession session;
    quiz_session_start(&session, &q);
    for (int i = 0; i < 4; i++)
        assert_true(quiz_session_answer(&session, 6));
    assert_true(quiz_session_done(&session));
    quiz_session_wipe(&session);
    const unsigned char *bytes = (const unsigned char *)&session;
    for (size_t i = 0; i < sizeof(session); i++)
        assert_int_equal(bytes[i], 0);
    /* starting again also starts empty */
    quiz_session_start(&session, &q);
    assert_true(quiz_session_answer(&session, 2));
    quiz_session_start(&session, &q);
    assert_int_equal(session.answers[0], 0);
    assert_int_equal(session.current, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_style_is_reached),
        cmocka_unit_test(reverse_keyed_items_count_the_other_way),
        cmocka_unit_test(means_round_half_up_to_two_decimals),
        cmocka_unit_test(a_mean_at_the_threshold_is_high),
        cmocka_unit_test(a_threshold_set_by_the_bundle_is_used),
        cmocka_unit_test(the_default_threshold_is_the_midpoint),
        cmocka_unit_test(near_the_line_is_flagged_per_dimension),
        cmocka_unit_test(bad_answers_are_refused),
        cmocka_unit_test(a_session_answers_goes_back_and_changes),
        cmocka_unit_test(a_skipped_statement_leaves_the_mean_to_the_others),
        cmocka_unit_test(under_half_answered_places_no_dimension_and_no_style),
        cmocka_unit_test(a_session_skips_like_it_answers),
        cmocka_unit_test(a_wipe_leaves_nothing_behind),
    };
    return cmocka_run_group_tests_name("quiz", tests, NULL, NULL);
}
