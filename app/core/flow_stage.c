/* flow_stage.c — the flow's staging functions (flow.h), for the tour and tests: a screen
 * as it would be, set directly instead of reached by steps. Like every screen change they
 * go through the one place screens change (flow_enter, flow.c). */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "flow_internal.h"

void flow_show(Flow *f, Screen screen, long entered, long now)
{
    flow_enter(f, screen, entered, false);
    f->idle = false;
    f->now = now;
}

void flow_set_page(Flow *f, int page)
{
    f->page = page;
    f->changes++;
}

void flow_set_style(Flow *f, Style style)
{
    f->style = style;
    f->changes++;
}

void flow_set_language(Flow *f, int index)
{
    flow_use_language(f, index);
}

void flow_set_quiz(Flow *f, const QuizSession *session)
{
    if (session)
        f->quiz = *session;
    else
        quiz_session_wipe(&f->quiz);
    f->changes++;
}

void flow_show_way(Flow *f, Screen origin, bool understanding, bool contents, bool confirm)
{
    f->origin = origin;
    f->understanding = understanding;
    f->contents = contents;
    f->confirm = confirm;
    f->changes++;
}

void flow_show_idle(Flow *f, long since)
{
    f->idle = true;
    f->idle_since = since;
    f->last_input = since - (long)f->config->idle_timeout * 1000;
    f->changes++;
}

void flow_show_staff(Flow *f, StaffPage page, int digits, bool wrong, long locked_until)
{
    flow_wipe_pin(f);
    for (; f->pin_length < digits && f->pin_length < FLOW_MAX_PIN; f->pin_length++)
        f->pin[f->pin_length] = '0';
    f->staff_page = page;
    f->pin_wrong = wrong;
    f->kiosk->pin_lock.until = locked_until;
    f->touch_count = 0;
    f->changes++;
}

void flow_set_couple(Flow *f, CoupleStage stage, const QuizScore *first, const QuizScore *second, bool shared)
{
    flow_couple_wipe(f);
    f->couple.stage = stage;
    const QuizScore *scores[2] = { first, second };
    for (int i = 0; i < 2; i++)
        if (scores[i]) {
            f->couple.score[i] = *scores[i];
            f->couple.scored[i] = true;
        }
    f->couple.shared = shared;
    f->changes++;
}

void flow_set_large_text(Flow *f, bool on)
{
    f->large_text = on;
    f->changes++;
}
