/* flow_couple.c — couple mode, the flow's part of it (flow.h): two partners in turn on one
 * kiosk. Partner 1 answers and reads their own result; the screen is handed over; partner
 * 2 does the same; the screen goes back to partner 1, who chooses whether to show their
 * point, then to partner 2, who chooses too; both read the outcome together: the couple
 * map when both chose to share, else the partners guidance, which says nothing of who
 * chose what. Of each reflection only the score is kept (flow.h's FlowCouple): the
 * answers are wiped the moment it is computed, each choice once both are made, and every
 * handover makes the shell forget what the screen showed (as the end of a session does). */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "flow_internal.h"

#include <string.h>

void flow_couple_wipe(Flow *f)
{
    explicit_bzero(&f->couple, sizeof(f->couple));
    f->couple.stage = COUPLE_OFF;
}

bool flow_offers_couple(const Flow *f)
{
    return f->config->couple && bundle_offers_couple(f->bundle);
}

int flow_couple_partner(const Flow *f)
{
    switch (f->couple.stage) {
    case COUPLE_A_ANSWERS:
    case COUPLE_TO_A:
    case COUPLE_A_CHOOSES:
        return 0;
    case COUPLE_TO_B:
    case COUPLE_B_ANSWERS:
    case COUPLE_TO_B_AGAIN:
    case COUPLE_B_CHOOSES:
        return 1;
    default:
        return -1;
    }
}

const QuizScore *flow_result(const Flow *f)
{
    if (f->couple.stage != COUPLE_OFF) {
        int p = flow_couple_partner(f);
        return p >= 0 && f->couple.scored[p] ? &f->couple.score[p] : NULL;
    }
    return f->quiz.scored ? &f->quiz.score : NULL;
}

/* Moves on to `stage` and shows its screen; a handover starts from a screen with nothing
 * of anyone's on it, and the shell forgets what was shown before (flow.resets). */
static void couple_to(Flow *f, CoupleStage stage, long now)
{
    f->couple.stage = stage;
    switch (stage) {
    case COUPLE_A_ANSWERS:
    case COUPLE_B_ANSWERS:
        quiz_session_start(&f->quiz, &f->bundle->quiz);
        f->last_answer = now; /* the tap that began the turn: its double is no answer */
        f->tallied = false;
        flow_go(f, SCREEN_QUESTION, now);
        break;
    case COUPLE_TO_B:
    case COUPLE_TO_A:
    case COUPLE_TO_B_AGAIN:
        quiz_session_wipe(&f->quiz); /* wiped already at the score: and so it stays */
        flow_session_end(f);
        flow_go(f, SCREEN_HANDOVER, now);
        break;
    case COUPLE_A_CHOOSES:
    case COUPLE_B_CHOOSES:
        flow_go(f, SCREEN_COUPLE_CHOICE, now);
        break;
    case COUPLE_TOGETHER:
        f->couple.shared = f->couple.share[0] && f->couple.share[1];
        explicit_bzero(f->couple.share, sizeof(f->couple.share)); /* who chose what is not kept */
        flow_go(f, f->couple.shared ? SCREEN_COUPLE_MAP : SCREEN_PARTNERS, now);
        break;
    case COUPLE_OFF:
        break;
    }
}

void flow_couple_scored(Flow *f, long now)
{
    int p = flow_couple_partner(f);
    if (p < 0)
        return;
    flow_count_result(f);
    f->couple.score[p] = f->quiz.score;
    f->couple.scored[p] = true;
    quiz_session_wipe(&f->quiz); /* only the score is kept: the answers go now */
    flow_go(f, SCREEN_RESULT, now);
    f->last_tap = now; /* a double tap on the last answer must not pass the screen on */
}

void flow_couple_back(Flow *f, long now)
{
    quiz_session_wipe(&f->quiz); /* leaving the questions forgets them */
    if (f->couple.stage == COUPLE_B_ANSWERS) {
        couple_to(f, COUPLE_TO_B, now);
    } else {
        flow_couple_wipe(f);
        flow_go(f, SCREEN_COUPLE_START, now);
        f->back_to = SCREEN_HOME;
    }
}

void flow_couple_finish(Flow *f, long now)
{
    flow_couple_wipe(f);
    quiz_session_wipe(&f->quiz);
    flow_session_end(f);
    f->origin = SCREEN_HOME;
    flow_go(f, SCREEN_HOME, now);
}

void flow_on_couple_start(Flow *f, Action action, int arg, long now)
{
    if (action == ACT_COUPLE_BEGIN && now - f->entered < FLOW_ANSWER_GUARD_MS) {
        return; /* the second tap of a double tap on "Take it together", which lies under it */
    } else if (action == ACT_COUPLE_BEGIN) {
        flow_couple_wipe(f);
        Kiosk *k = f->kiosk;
        if (k->tally_on && !f->couple_tallied) { /* once, though Back and begin again */
            f->couple_tallied = true;
            tally_count_couple(&k->tally, k->tally_threshold);
            kiosk_tally_counted(k, now); /* saved later, on the hour (kiosk.h) */
        }
        couple_to(f, COUPLE_A_ANSWERS, now);
    } else {
        flow_on_deck(f, action, arg, now); /* its pages; Back from the first: home */
    }
}

void flow_on_couple_result(Flow *f, Action action, int arg, long now)
{
    (void)arg;
    if (action == ACT_COUPLE_NEXT)
        couple_to(f, f->couple.stage == COUPLE_A_ANSWERS ? COUPLE_TO_B : COUPLE_TO_A, now);
    else if ((action == ACT_NEXT && f->page + 1 < f->page_count) || (action == ACT_BACK && f->page > 0))
        flow_on_deck(f, action, arg, now); /* its pages; never back to the wiped answers */
}

void flow_on_handover(Flow *f, Action action, int arg, long now)
{
    (void)arg;
    if (action != ACT_COUPLE_NEXT)
        return; /* no Back: what was before belongs to the other partner */
    if (f->couple.stage == COUPLE_TO_B)
        couple_to(f, COUPLE_B_ANSWERS, now);
    else if (f->couple.stage == COUPLE_TO_A)
        couple_to(f, COUPLE_A_CHOOSES, now);
    else if (f->couple.stage == COUPLE_TO_B_AGAIN)
        couple_to(f, COUPLE_B_CHOOSES, now);
}

void flow_on_couple_choice(Flow *f, Action action, int arg, long now)
{
    int p = flow_couple_partner(f);
    if (action != ACT_COUPLE_SHARE || p < 0)
        return;
    f->couple.share[p] = arg != 0;
    couple_to(f, f->couple.stage == COUPLE_A_CHOOSES ? COUPLE_TO_B_AGAIN : COUPLE_TOGETHER, now);
}

void flow_on_couple_map(Flow *f, Action action, int arg, long now)
{
    if (action == ACT_BACK && f->page == 0)
        return; /* not back to a choice: both are made */
    flow_on_deck(f, action, arg, now);
}
