/* quiz.c — see quiz.h. Means are compared as integer sums so that a mean exactly at the
 * threshold is "high" however the division rounds. */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "quiz.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#define STYLE_ID(name, id) id,
static const char *const style_ids[STYLE_COUNT] = { QUIZ_STYLES(STYLE_ID) };
#undef STYLE_ID
static const char *const dimension_ids[DIM_COUNT] = { "anxiety", "avoidance" };

const char *quiz_style_id(Style style)
{
    assert(style >= 0 && style < STYLE_COUNT);
    return style_ids[style];
}

const char *quiz_dimension_id(Dimension dim)
{
    assert(dim >= 0 && dim < DIM_COUNT);
    return dimension_ids[dim];
}

const char *quiz_style_id_or_none(Style style)
{
    return style == STYLE_COUNT ? "none" : quiz_style_id(style);
}

double quiz_default_threshold(int points)
{
    return (1.0 + points) / 2.0;
}

static Style style_of(bool high_anxiety, bool high_avoidance)
{
    if (high_anxiety)
        return high_avoidance ? STYLE_DISORGANIZED : STYLE_ANXIOUS;
    return high_avoidance ? STYLE_AVOIDANT : STYLE_SECURE;
}

Style quiz_style_across(Style style, Dimension dim)
{
    bool anxiety = style == STYLE_ANXIOUS || style == STYLE_DISORGANIZED;
    bool avoidance = style == STYLE_AVOIDANT || style == STYLE_DISORGANIZED;
    if (dim == DIM_ANXIETY)
        anxiety = !anxiety;
    else
        avoidance = !avoidance;
    return style_of(anxiety, avoidance);
}

bool quiz_score(const Quiz *quiz, const unsigned char *answers, QuizScore *score)
{
    long sum[DIM_COUNT] = { 0 };
    int count[DIM_COUNT] = { 0 }, items[DIM_COUNT] = { 0 };
    for (int i = 0; i < quiz->item_count; i++) {
        const QuizItem *item = &quiz->items[i];
        int a = answers[i];
        items[item->dimension]++;
        if (a == QUIZ_SKIPPED)
            continue;
        if (a < 1 || a > quiz->points)
            return false;
        sum[item->dimension] += item->reverse ? 1 + quiz->points - a : a;
        count[item->dimension]++;
    }
    QuizScore s = { 0 };
    for (int d = 0; d < DIM_COUNT; d++) {
        if (items[d] == 0)
            return false;
        /* at least half the items answered: 2 * count >= items */
        s.placed[d] = count[d] > 0 && 2 * count[d] >= items[d];
        if (!s.placed[d])
            continue;
        s.mean[d] = (double)sum[d] / count[d];
        /* round half up, exactly: (200 * sum + count) / (2 * count) */
        s.hundredths[d] = (int)((200 * sum[d] + count[d]) / (2L * count[d]));
        /* sum / count >= threshold, with a margin for a threshold like 4.1 written in decimal */
        s.high[d] = (double)sum[d] >= quiz->threshold * count[d] - 1e-9;
        s.near[d] = fabs(s.mean[d] - quiz->threshold) <= quiz->near + 1e-9;
    }
    s.style = s.placed[DIM_ANXIETY] && s.placed[DIM_AVOIDANCE] ? style_of(s.high[DIM_ANXIETY], s.high[DIM_AVOIDANCE])
                                                              : STYLE_COUNT;
    *score = s;
    return true;
}

void quiz_session_start(QuizSession *session, const Quiz *quiz)
{
    quiz_session_wipe(session);
    session->quiz = quiz;
}

/* Records `answer` (an answer or QUIZ_SKIPPED) and moves on; scores after the last item. */
static bool record(QuizSession *session, int answer)
{
    const Quiz *quiz = session->quiz;
    if (!quiz || session->current >= quiz->item_count)
        return false;
    session->answers[session->current++] = (unsigned char)answer;
    if (session->current == quiz->item_count)
        session->scored = quiz_score(quiz, session->answers, &session->score);
    return true;
}

bool quiz_session_answer(QuizSession *session, int answer)
{
    if (!session->quiz || answer < 1 || answer > session->quiz->points)
        return false;
    return record(session, answer);
}

bool quiz_session_skip(QuizSession *session)
{
    return record(session, QUIZ_SKIPPED);
}

bool quiz_session_back(QuizSession *session)
{
    if (session->current == 0)
        return false;
    session->current--;
    if (session->scored) {
        explicit_bzero(&session->score, sizeof(session->score));
        session->scored = false;
    }
    return true;
}

bool quiz_session_done(const QuizSession *session)
{
    return session->quiz && session->scored && session->current == session->quiz->item_count;
}

void quiz_session_wipe(QuizSession *session)
{
    explicit_bzero(session, sizeof(*session));
}
