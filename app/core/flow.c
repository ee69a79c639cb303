/* flow.c — see flow.h. Every screen change goes through flow_enter(); each screen's reaction
 * to an action is a handler of its own (on_attract … on_staff), chosen by the table in
 * flow_action(); what they share (leaving, paging, the idle timer) are helpers. Couple
 * mode's handlers are in flow_couple.c (flow_internal.h). */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "flow_internal.h"

#include <string.h>

/* The one place the screen changes: what the screen was showing (its page, the focus, a
 * press) is left behind; `since` starts its clock (the fade, the calm minute). */
void flow_enter(Flow *f, Screen screen, long since, bool fade)
{
    f->screen = screen;
    f->screen_since = f->entered = since;
    f->transition = fade;
    f->page = 0;
    f->page_count = 1;
    f->focus = -1;
    f->pressed = -1;
    f->understanding = false;
    f->contents = false;
    f->confirm = false;
    if (screen != SCREEN_CALM && screen != SCREEN_SUPPORT && screen != SCREEN_TAKEAWAY)
        f->link_page = -1; /* a tip's link back lives only on the screen it opened */
    f->talk_part = -1;  /* a walk of the talk sets it again after the screen changes */
    f->changes++;
}

void flow_go(Flow *f, Screen screen, long now)
{
    flow_enter(f, screen, now, true);
}

void flow_repaint(Flow *f, long now)
{
    f->screen_since = now;
    f->changes++;
}

void flow_session_end(Flow *f)
{
    f->resets++;
    f->large_text = false;
    f->changes++;
}

void flow_wipe_pin(Flow *f)
{
    explicit_bzero(f->pin, sizeof(f->pin));
    f->pin_length = 0;
}

/* Leaves staff mode behind: the PIN typed and what the test drew are forgotten. */
static void clear_staff(Flow *f)
{
    flow_wipe_pin(f);
    f->pin_wrong = false;
    f->staff_page = STAFF_PIN;
    f->touch_count = 0;
    if (!f->kiosk->unavailable && !f->kiosk->last_good && !f->kiosk->language_left_out) /* else the problems stay for staff to read */
        kiosk_set_staff_text(f->kiosk, NULL, NULL);
}

/* The kiosk's language `index`, when it offers it. */
bool flow_use_language(Flow *f, int index)
{
    if (index < 0 || index >= f->kiosk->language_count || !f->kiosk->languages[index])
        return false;
    f->language = index;
    f->bundle = f->kiosk->languages[index];
    f->changes++;
    return true;
}

void flow_reset(Flow *f, long now)
{
    quiz_session_wipe(&f->quiz);
    flow_couple_wipe(f);
    flow_use_language(f, f->kiosk->default_language); /* the next person starts in the kiosk's */
    clear_staff(f);
    f->blank = false;
    f->chrome_shown = false;
    flow_enter(f, f->kiosk->unavailable ? SCREEN_UNAVAILABLE : SCREEN_ATTRACT, now, false); /* quick exit and idle clear at once */
    f->idle = false;
    f->style = STYLE_COUNT;
    f->back_to = SCREEN_HOME;
    f->origin = SCREEN_HOME;
    f->link_page = -1;
    f->last_tap = -1;
    f->last_answer = -1;
    f->couple_tallied = false;
    f->shift_presses = 0;
    f->takeaway_from = SCREEN_RESULT;
    f->takeaway_page = 0;
    flow_session_end(f);
}

void flow_init(Flow *f, const Bundle *bundle, const Config *config, Kiosk *kiosk, long now)
{
    memset(f, 0, sizeof(*f));
    f->bundle = bundle;
    f->config = config;
    f->kiosk = kiosk;
    f->now = f->last_input = now;
    flow_reset(f, now);
    f->resets = 0;
}

void flow_close(Flow *f)
{
    quiz_session_wipe(&f->quiz);
    flow_couple_wipe(f);
    flow_wipe_pin(f);
}

void flow_set_unavailable(Flow *f, bool on, long now)
{
    f->kiosk->unavailable = on;
    if (f->screen != SCREEN_STAFF)
        flow_reset(f, now);
}

void flow_long_press(Flow *f, long now)
{
    flow_input(f, now);
    if (!f->config->staff_pin[0] || f->screen == SCREEN_STAFF)
        return; /* staff mode is off without a PIN */
    quiz_session_wipe(&f->quiz); /* whoever was here is done: their session ended */
    flow_couple_wipe(f);
    flow_use_language(f, f->kiosk->default_language); /* staff need not know the patron's */
    flow_session_end(f);
    flow_go(f, SCREEN_STAFF, now);
    clear_staff(f);
}

void flow_test_touch(Flow *f, float x, float y)
{
    int i = f->touch_count % FLOW_TEST_TOUCHES;
    f->touch_x[i] = x;
    f->touch_y[i] = y;
    f->touch_count++;
    f->changes++;
}

void flow_toggle_blank(Flow *f, long now)
{
    f->now = f->last_input = now;
    f->blank = !f->blank;
    f->changes++;
}

void flow_press(Flow *f, int target)
{
    f->pressed = target;
    f->focus = -1;
    f->changes++;
}

void flow_release(Flow *f)
{
    f->pressed = -1;
    f->changes++;
}

void flow_set_shade(Flow *f, int shade)
{
    if (f->shade != shade) {
        f->shade = shade;
        f->changes++;
    }
}

void flow_want(Flow *f, unsigned wants)
{
    f->wants |= wants;
}

unsigned flow_take_wants(Flow *f)
{
    unsigned wants = f->wants;
    f->wants = 0;
    return wants;
}

void flow_set_page_count(Flow *f, int count)
{
    f->page_count = count;
    if (flow_presenting(f))
        f->talk_pages[f->talk_part] = count; /* for walking back onto its last page */
    if (f->page >= count)
        f->page = count - 1;
    if (f->page < 0)
        f->page = 0;
}

void flow_reflow_page(Flow *f, int page)
{
    f->page = page < 0 ? 0 : page; /* kept within the new page count next (flow_set_page_count) */
}

/* "Aa": larger text, or back to the usual size; the screen stays, re-flowed (the view
 * keeps the page that holds what was being read: flow_reflow_page). */
static void toggle_large_text(Flow *f)
{
    f->large_text = !f->large_text;
    f->pressed = -1;
    f->changes++;
}

void flow_count_result(Flow *f)
{
    Kiosk *k = f->kiosk;
    if (!k->tally_on || !f->quiz.scored || f->quiz.score.style == STYLE_COUNT || f->tallied)
        return;
    f->tallied = true;
    tally_count_result(&k->tally, f->quiz.score.style, k->tally_threshold);
    kiosk_tally_counted(k, f->now); /* saved later, on the hour (kiosk.h) */
}

/* --- staff mode ------------------------------------------------------------------------ */

/* The PIN pad: digits, delete, OK (and the lock after too many wrong PINs: pinlock.h,
 * kept by the kiosk across sessions and, through the app, across restarts). */
static void pin_pad(Flow *f, Action action, int arg, long now)
{
    PinLock *lock = &f->kiosk->pin_lock;
    bool locked = pinlock_locked(lock, now);
    if (action == ACT_PIN_DIGIT) {
        if (!locked && f->pin_length < FLOW_MAX_PIN && arg >= 0 && arg <= 9) {
            f->pin[f->pin_length++] = (char)('0' + arg);
            f->pin_wrong = false;
        }
    } else if (action == ACT_PIN_DELETE) {
        if (f->pin_length > 0)
            f->pin[--f->pin_length] = '\0';
    } else if (action == ACT_PIN_OK && !locked && f->pin_length > 0) {
        if (strcmp(f->pin, f->config->staff_pin) == 0) {
            if (lock->failures || lock->locks)
                f->wants |= FLOW_WANTS_PIN_LOCK_SAVE;
            pinlock_right(lock);
            f->staff_page = STAFF_MENU;
        } else {
            if (!pinlock_wrong(lock, now))
                f->pin_wrong = true;
            f->wants |= FLOW_WANTS_PIN_LOCK_SAVE;
        }
        flow_wipe_pin(f);
    }
}

/* The staff menu and its pages, once the PIN was right. */
static void staff_menu(Flow *f, Action action, int arg)
{
    Kiosk *k = f->kiosk;
    switch (action) {
    case ACT_STAFF_PAGE:
        if (arg > STAFF_PIN && arg < STAFF_PAGE_COUNT) {
            f->staff_page = (StaffPage)arg;
            f->touch_count = 0;
        }
        break;
    case ACT_STAFF_EXIT:
        f->wants |= FLOW_WANTS_QUIT;
        break;
    case ACT_STAFF_RELOAD:
        k->staff_message = NULL;
        f->wants |= FLOW_WANTS_RELOAD;
        break;
    case ACT_STAFF_TALLY_RESET:
        if (k->tally_on) {
            tally_reset(&k->tally);
            f->wants |= FLOW_WANTS_TALLY_SAVE;
        }
        break;
    case ACT_STAFF_BRIGHTNESS: {
        int b = k->brightness + arg;
        k->brightness = b < 5 ? 5 : b > 100 ? 100 : b;
        f->wants |= FLOW_WANTS_BRIGHTNESS;
        break;
    }
    default:
        break;
    }
}

static void on_staff(Flow *f, Action action, int arg, long now)
{
    if (action == ACT_PIN_DIGIT || action == ACT_PIN_DELETE || action == ACT_PIN_OK)
        pin_pad(f, action, arg, now);
    else if (action == ACT_BACK && (f->staff_page == STAFF_TALLY || f->staff_page == STAFF_TEST))
        f->staff_page = STAFF_MENU;
    else if (action == ACT_BACK || action == ACT_HOME)
        flow_reset(f, now);
    else if (f->staff_page != STAFF_PIN)
        staff_menu(f, action, arg);
    f->changes++;
}

/* --- the person's screens ---------------------------------------------------------------- */

/* Home from a deck: whoever finished the quiz is done with it, so its answers go. */
static void leave_for_home(Flow *f, long now)
{
    if (f->quiz.quiz) {
        quiz_session_wipe(&f->quiz);
        flow_session_end(f);
    }
    flow_go(f, SCREEN_HOME, now);
}

/* Home, or Start over: a result would be cleared, so the person is asked once first (a
 * couple's outcome is their end: both are wiped). */
static void ask_or_leave(Flow *f, long now)
{
    if (f->couple.stage == COUPLE_TOGETHER) {
        flow_couple_finish(f, now);
    } else if (f->quiz.scored) {
        f->confirm = true;
        f->focus = -1;
        f->changes++;
    } else {
        leave_for_home(f, now);
    }
}

/* The question "Start over?": Clear goes home without the answers; Keep shows the result. */
static void on_confirm(Flow *f, Action action, long now)
{
    if (action == ACT_CLEAR) {
        f->confirm = false;
        leave_for_home(f, now);
    } else if (action == ACT_KEEP || action == ACT_BACK) {
        f->confirm = false;
        if (f->screen != SCREEN_RESULT)
            flow_go(f, SCREEN_RESULT, now);
        else
            f->changes++;
    }
}

FlowEnd flow_deck_end(const Flow *f)
{
    if (f->couple.stage == COUPLE_TOGETHER)
        return FLOW_END_COUPLE;
    if (f->screen == SCREEN_GUIDANCE && f->understanding)
        return FLOW_END_TIPS;
    if ((f->screen == SCREEN_CALM || f->screen == SCREEN_SUPPORT) && f->link_page >= 0)
        return FLOW_END_LINK;
    if (f->origin == SCREEN_RESULT && f->quiz.scored)
        return FLOW_END_RESULT;
    return FLOW_END_HOME;
}

/* Back to the style's tips, on the page whose tip opened calm or support. */
static void back_to_tip(Flow *f, long now)
{
    int page = f->link_page;
    flow_go(f, SCREEN_GUIDANCE, now);
    f->back_to = f->link_back_to;
    f->page = page;
}

/* The end of a deck: back where the person came from. */
static void finish_deck(Flow *f, long now)
{
    switch (flow_deck_end(f)) {
    case FLOW_END_TIPS:
        flow_go(f, SCREEN_GUIDANCE, now); /* the tips, from their first page */
        break;
    case FLOW_END_LINK:
        back_to_tip(f, now);
        break;
    case FLOW_END_RESULT:
        flow_go(f, SCREEN_RESULT, now);
        break;
    case FLOW_END_HOME:
        ask_or_leave(f, now);
        break;
    case FLOW_END_COUPLE:
        flow_couple_finish(f, now);
        break;
    }
}

static void open_deck(Flow *f, Screen screen, Screen back_to, long now)
{
    flow_go(f, screen, now);
    f->back_to = back_to;
}

static void page_by(Flow *f, int delta, long now)
{
    int page = f->page + delta;
    if (page >= 0 && page < f->page_count) {
        f->page = page;
        f->focus = -1;
        flow_repaint(f, now);
    } else if (flow_talk_step(f, delta, now)) {
        return; /* presenting: on to the talk's next part, or back to its previous one */
    } else if (page < 0) {
        /* Back from the first page: up a level */
        if (f->couple.stage == COUPLE_TOGETHER || f->screen == SCREEN_TAKEAWAY)
            return; /* a couple's outcome: not back to a choice; the take-away: its Back */
        if (f->screen == SCREEN_GUIDANCE && f->understanding) {
            flow_go(f, SCREEN_GUIDANCE, now); /* from the understanding to the tips */
        } else if ((f->screen == SCREEN_CALM || f->screen == SCREEN_SUPPORT) && f->link_page >= 0) {
            back_to_tip(f, now);
        } else if (f->screen == SCREEN_GUIDANCE && f->style != STYLE_COUNT && f->back_to == SCREEN_GUIDANCE) {
            f->style = STYLE_COUNT;
            /* a finished reflection means the list was opened from the result */
            open_deck(f, SCREEN_GUIDANCE, f->quiz.scored ? SCREEN_RESULT : SCREEN_HOME, now);
        } else {
            flow_go(f, f->back_to, now);
        }
    }
}

/* Only the four styles: the view indexes the bundle's styles with it. */
static bool is_style(int arg)
{
    return arg >= 0 && arg < STYLE_COUNT;
}

static bool is_deck(Screen s)
{
    return s == SCREEN_GUIDANCE || s == SCREEN_CHEMISTRY || s == SCREEN_PARTNERS ||
           s == SCREEN_SUPPORT || s == SCREEN_RESULT || s == SCREEN_CONSENT || s == SCREEN_CALM ||
           s == SCREEN_COUPLE_START || s == SCREEN_COUPLE_MAP || s == SCREEN_OVERVIEW || s == SCREEN_SAMPLE_MAP ||
           s == SCREEN_TAKEAWAY;
}

bool flow_offers_languages(const Flow *f)
{
    return f->kiosk->language_count > 1 && (f->screen == SCREEN_ATTRACT || f->screen == SCREEN_HOME) &&
           !f->quiz.quiz;
}

/* The language choice: the screen stays, in the language chosen (it fades in again). */
static void choose_language(Flow *f, int index, long now)
{
    if (flow_offers_languages(f) && index != f->language && flow_use_language(f, index))
        flow_repaint(f, now);
}

static void on_attract(Flow *f, Action action, int arg, long now)
{
    if (action == ACT_BEGIN)
        flow_go(f, SCREEN_CONSENT, now);
    else if (action == ACT_LANGUAGE)
        choose_language(f, arg, now);
}

static void on_consent(Flow *f, Action action, int arg, long now)
{
    (void)arg;
    if (action == ACT_START) {
        if (f->kiosk->tally_on) {
            tally_count_session(&f->kiosk->tally);
            kiosk_tally_counted(f->kiosk, now); /* saved later, on the hour (kiosk.h) */
        }
        flow_go(f, SCREEN_HOME, now);
    } else if (action == ACT_DECLINE) {
        flow_reset(f, now);
    } else if (action == ACT_NEXT && f->page + 1 < f->page_count) {
        page_by(f, 1, now);
    } else if (action == ACT_BACK && f->page > 0) {
        page_by(f, -1, now);
    }
}

static void on_home(Flow *f, Action action, int arg, long now)
{
    Screen to = (Screen)arg;
    if (action == ACT_BACK)
        flow_reset(f, now);
    else if (action == ACT_LANGUAGE)
        choose_language(f, arg, now);
    if (action != ACT_OPEN)
        return;
    if (to == SCREEN_QUESTION) {
        quiz_session_start(&f->quiz, &f->bundle->quiz);
        f->last_answer = -1;
        f->tallied = false;
        flow_go(f, SCREEN_QUESTION, now);
    } else if (to == SCREEN_GUIDANCE) {
        f->origin = SCREEN_HOME;
        f->style = STYLE_COUNT;
        open_deck(f, SCREEN_GUIDANCE, SCREEN_HOME, now);
    } else if (to == SCREEN_COUPLE_START && flow_offers_couple(f) && now - f->entered >= FLOW_ANSWER_GUARD_MS) {
        /* (not the second tap of a double tap on a couple's Finish, which lies over it) */
        f->origin = SCREEN_HOME;
        open_deck(f, SCREEN_COUPLE_START, SCREEN_HOME, now);
    } else if (to == SCREEN_CHEMISTRY || to == SCREEN_PARTNERS || to == SCREEN_CALM || to == SCREEN_SUPPORT) {
        f->origin = SCREEN_HOME;
        open_deck(f, to, SCREEN_HOME, now);
    }
}

static void on_question(Flow *f, Action action, int arg, long now)
{
    if (action == ACT_ANSWER || action == ACT_SKIP) {
        if (f->last_answer >= 0 && now - f->last_answer < FLOW_ANSWER_GUARD_MS)
            return; /* a tap burst */
        if (!(action == ACT_SKIP ? quiz_session_skip(&f->quiz) : quiz_session_answer(&f->quiz, arg)))
            return;
        f->last_answer = now;
        if (quiz_session_done(&f->quiz) && f->couple.stage != COUPLE_OFF) {
            flow_couple_scored(f, now); /* the answers go: only the score is kept */
        } else if (quiz_session_done(&f->quiz)) {
            flow_count_result(f);
            flow_go(f, SCREEN_RESULT, now);
            f->last_tap = now; /* a double tap on the last answer must not press the result's buttons */
        } else {
            f->focus = -1;
            flow_repaint(f, now);
        }
    } else if (action == ACT_BACK) {
        if (quiz_session_back(&f->quiz)) {
            flow_repaint(f, now);
        } else if (f->couple.stage != COUPLE_OFF) {
            flow_couple_back(f, now);
        } else {
            quiz_session_wipe(&f->quiz); /* leaving the quiz forgets it */
            flow_go(f, SCREEN_HOME, now);
        }
    }
}

static void on_result(Flow *f, Action action, int arg, long now)
{
    if (f->couple.stage != COUPLE_OFF)
        flow_on_couple_result(f, action, arg, now);
    else if (action == ACT_GUIDANCE && (is_style(arg) || arg == STYLE_COUNT)) {
        f->style = (Style)arg; /* STYLE_COUNT: the list of four (near the middle, or not placed) */
        f->origin = SCREEN_RESULT;
        open_deck(f, SCREEN_GUIDANCE, SCREEN_RESULT, now);
    } else if (action == ACT_CHEMISTRY) {
        f->origin = SCREEN_RESULT;
        open_deck(f, SCREEN_CHEMISTRY, SCREEN_RESULT, now);
    } else if (action == ACT_RESTART) {
        ask_or_leave(f, now);
    } else if (action == ACT_TAKEAWAY) {
        flow_open_takeaway(f, now);
    } else if (action == ACT_BACK && f->page == 0) {
        quiz_session_back(&f->quiz); /* change the last answer */
        f->last_answer = -1;
        flow_go(f, SCREEN_QUESTION, now);
    } else if (action == ACT_BACK || action == ACT_NEXT) {
        page_by(f, action == ACT_NEXT ? 1 : -1, now);
    }
}

/* A long deck's contents: open it, jump to a page from it, or close it with Back. */
static bool contents(Flow *f, Action action, int arg, long now)
{
    if (action == ACT_CONTENTS && !f->contents) {
        f->contents = true;
    } else if (action == ACT_JUMP && f->contents && arg >= 0 && arg < f->page_count) {
        f->contents = false;
        f->page = arg;
    } else if (action == ACT_BACK && f->contents) {
        f->contents = false;
    } else {
        return f->contents; /* while it shows, nothing else (a page key) acts */
    }
    f->focus = -1;
    flow_repaint(f, now);
    return true;
}

/* The chemistry, partners and support decks, and a style's guidance. */
void flow_on_deck(Flow *f, Action action, int arg, long now)
{
    if (contents(f, action, arg, now))
        return;
    if (action == ACT_NEXT)
        page_by(f, 1, now);
    else if (action == ACT_BACK)
        page_by(f, -1, now);
    else if (action == ACT_HOME)
        ask_or_leave(f, now);
    else if (action == ACT_DONE)
        finish_deck(f, now);
}

static void on_guidance(Flow *f, Action action, int arg, long now)
{
    if (action == ACT_GUIDANCE && f->style == STYLE_COUNT && is_style(arg)) {
        f->style = (Style)arg;
        open_deck(f, SCREEN_GUIDANCE, SCREEN_GUIDANCE, now);
    } else if (action == ACT_UNDERSTANDING && f->style != STYLE_COUNT && !f->understanding) {
        flow_go(f, SCREEN_GUIDANCE, now);
        f->understanding = true;
    } else if (action == ACT_LINK && f->style != STYLE_COUNT && !f->understanding &&
               (arg == SCREEN_CALM || arg == SCREEN_SUPPORT)) {
        f->link_page = f->page;
        f->link_back_to = f->back_to;
        open_deck(f, (Screen)arg, SCREEN_GUIDANCE, now);
    } else {
        flow_on_deck(f, action, arg, now); /* a style's guidance is a deck like the others */
    }
}

static void on_calm(Flow *f, Action action, int arg, long now)
{
    (void)arg;
    if (action == ACT_CALM_AGAIN) {
        int part = f->talk_part;
        flow_go(f, SCREEN_CALM, now);
        f->talk_part = part; /* again, within the talk */
    } else if (action == ACT_HOME)
        ask_or_leave(f, now);
    else if (action == ACT_DONE)
        finish_deck(f, now);
    else if (action == ACT_NEXT || action == ACT_BACK)
        page_by(f, action == ACT_NEXT ? 1 : -1, now); /* the grounding's pages */
}

bool flow_input(Flow *f, long now)
{
    f->now = now;
    f->last_input = now;
    if (f->blank) {
        f->blank = false;
        f->changes++;
        return true;
    }
    if (f->idle) {
        f->idle = false;
        f->changes++;
        return true;
    }
    return false;
}

typedef void Handler(Flow *f, Action action, int arg, long now);

/* What each screen does with an action; the unavailable screen answers to nothing (staff
 * use the corner). */
static Handler *const handlers[SCREEN_COUNT] = {
    [SCREEN_ATTRACT] = on_attract, [SCREEN_CONSENT] = on_consent, [SCREEN_HOME] = on_home,
    [SCREEN_QUESTION] = on_question, [SCREEN_RESULT] = on_result, [SCREEN_GUIDANCE] = on_guidance,
    [SCREEN_CHEMISTRY] = flow_on_deck, [SCREEN_PARTNERS] = flow_on_deck, [SCREEN_SUPPORT] = flow_on_support,
    [SCREEN_CALM] = on_calm, [SCREEN_COUPLE_START] = flow_on_couple_start, [SCREEN_HANDOVER] = flow_on_handover,
    [SCREEN_COUPLE_CHOICE] = flow_on_couple_choice, [SCREEN_COUPLE_MAP] = flow_on_couple_map,
    [SCREEN_STAFF] = on_staff, [SCREEN_UNAVAILABLE] = NULL,
    [SCREEN_OVERVIEW] = flow_on_deck, [SCREEN_SAMPLE_MAP] = flow_on_deck,
    [SCREEN_TAKEAWAY] = flow_on_takeaway,
};

/* The screen's handler, or the question "Start over?" when it is asked. */
static void dispatch(Flow *f, Action action, int arg, long now)
{
    if (f->confirm)
        on_confirm(f, action, now);
    else if ((unsigned)f->screen < SCREEN_COUNT && handlers[f->screen])
        handlers[f->screen](f, action, arg, now);
}

/* A deck's (or the result's) button pressed again within FLOW_ANSWER_GUARD_MS of the last:
 * a double tap, which must not carry on onto what the first tap brought up. */
static bool tap_burst(Flow *f, long now)
{
    Screen s = f->screen;
    bool guarded = f->confirm || s == SCREEN_RESULT || s == SCREEN_GUIDANCE || s == SCREEN_CHEMISTRY ||
                   s == SCREEN_PARTNERS || s == SCREEN_SUPPORT || s == SCREEN_CALM || s == SCREEN_COUPLE_START ||
                   s == SCREEN_HANDOVER || s == SCREEN_COUPLE_CHOICE || s == SCREEN_COUPLE_MAP ||
                   s == SCREEN_OVERVIEW || s == SCREEN_SAMPLE_MAP || s == SCREEN_TAKEAWAY;
    if (!guarded)
        return false;
    if (f->last_tap >= 0 && now - f->last_tap < FLOW_ANSWER_GUARD_MS)
        return true;
    f->last_tap = now;
    return false;
}

void flow_action(Flow *f, Action action, int arg, long now)
{
    if (flow_input(f, now) && action != ACT_QUICK_EXIT)
        return; /* the touch that closes the overlay does nothing else */
    if (action == ACT_QUICK_EXIT) {
        if (f->screen != SCREEN_ATTRACT && f->screen != SCREEN_UNAVAILABLE)
            flow_reset(f, now);
        else if (f->screen == SCREEN_ATTRACT && f->language != f->kiosk->default_language)
            flow_use_language(f, f->kiosk->default_language); /* a language chosen there */
        return;
    }
    if (action == ACT_LARGE_TEXT && f->screen != SCREEN_ATTRACT && f->screen != SCREEN_UNAVAILABLE &&
        f->screen != SCREEN_STAFF) {
        toggle_large_text(f);
        return;
    }
    if (action == ACT_STAY || tap_burst(f, now))
        return;
    dispatch(f, action, arg, now);
}

void flow_key(Flow *f, FlowKey key, const Presses *list, long now)
{
    if (key != KEY_SHIFT)
        f->shift_presses = 0;
    if (key == KEY_QUICK_EXIT) {
        flow_action(f, ACT_QUICK_EXIT, 0, now);
        return;
    }
    if (key == KEY_SHIFT) {
        flow_input(f, now);
        /* the last three presses, not the first three of a window, must fit in it */
        if (f->shift_presses >= 2 && now - f->shift_at[0] <= FLOW_SHIFT_WINDOW_MS) {
            f->shift_presses = 0;
            flow_action(f, ACT_QUICK_EXIT, 0, now);
            return;
        }
        if (f->shift_presses >= 2)
            f->shift_at[0] = f->shift_at[1];
        f->shift_at[f->shift_presses >= 2 ? 1 : f->shift_presses] = now;
        if (f->shift_presses < 2)
            f->shift_presses++;
        return;
    }
    if (flow_input(f, now) || flow_talk_key(f, key, now))
        return;
    int n = list ? list->count : 0;
    switch (key) {
    case KEY_NEXT_PAGE:
    case KEY_PREV_PAGE:
        if (is_deck(f->screen)) /* keys page at any pace: no tap guard */
            dispatch(f, key == KEY_NEXT_PAGE ? ACT_NEXT : ACT_BACK, 0, now);
        break;
    case KEY_FOCUS_NEXT:
    case KEY_FOCUS_PREV:
        if (n > 0) {
            int step = key == KEY_FOCUS_NEXT ? 1 : -1;
            int start = f->focus < 0 ? (step > 0 ? -1 : n) : f->focus;
            for (int i = 1; i <= n; i++) {
                int candidate = ((start + step * i) % n + n) % n;
                if (list->items[candidate].enabled) {
                    f->focus = candidate;
                    break;
                }
            }
            f->changes++;
        }
        break;
    case KEY_ACTIVATE:
        if (f->focus >= 0 && f->focus < n && list->items[f->focus].enabled) {
            const Press *t = &list->items[f->focus];
            int keep = f->focus;
            Screen before = f->screen;
            flow_action(f, t->action, t->arg, now);
            if (f->screen == before && f->focus < 0)
                f->focus = keep; /* keep the ring where it was, e.g. on the next question */
        } else if (f->screen == SCREEN_ATTRACT) {
            flow_action(f, ACT_BEGIN, 0, now);
        }
        break;
    default:
        if (key >= KEY_DIGIT_1 && key < KEY_DIGIT_1 + 9 && f->screen == SCREEN_QUESTION)
            flow_action(f, ACT_ANSWER, key - KEY_DIGIT_1 + 1, now);
        break;
    }
}

void flow_swipe(Flow *f, int dir, long now)
{
    if (flow_input(f, now) || f->confirm)
        return;
    if (f->contents)
        return; /* the contents shows no page to turn */
    if (f->bundle->rtl)
        dir = -dir; /* right to left, the next page comes in from the left: a swipe to the right */
    if (is_deck(f->screen) && f->screen != SCREEN_RESULT && f->screen != SCREEN_CONSENT)
        page_by(f, dir > 0 ? 1 : -1, now);
    else if (f->screen == SCREEN_RESULT || f->screen == SCREEN_CONSENT)
        if (f->page + dir >= 0 && f->page + dir < f->page_count)
            page_by(f, dir, now);
}

static bool idle_applies(const Flow *f)
{
    return f->config->idle_reset && f->screen != SCREEN_ATTRACT && f->screen != SCREEN_UNAVAILABLE;
}

/* Attract in a language a person chose and walked away from: the idle timeout returns it
 * to the kiosk's default (with no overlay: there is nothing to keep). */
static bool language_waits(const Flow *f)
{
    return f->config->idle_reset && f->screen == SCREEN_ATTRACT && f->language != f->kiosk->default_language;
}

void flow_tick(Flow *f, long now)
{
    f->now = now;
    if (language_waits(f) && now - f->last_input >= (long)f->config->idle_timeout * 1000)
        flow_use_language(f, f->kiosk->default_language);
    if (!idle_applies(f))
        return;
    long timeout = (long)f->config->idle_timeout * 1000;
    long warning = (long)f->config->idle_warning * 1000;
    if (!f->idle && now - f->last_input >= timeout) {
        f->idle = true;
        f->idle_since = f->last_input + timeout;
        f->focus = -1;
        f->changes++;
    }
    if (f->idle && now - f->idle_since >= warning)
        flow_reset(f, now);
}

long flow_next_timer(const Flow *f, long now)
{
    if (language_waits(f)) {
        long due = f->last_input + (long)f->config->idle_timeout * 1000 - now;
        return due > 0 ? due : 0;
    }
    if (!idle_applies(f))
        return -1;
    long timeout = (long)f->config->idle_timeout * 1000;
    long warning = (long)f->config->idle_warning * 1000;
    if (!f->idle) {
        long due = f->last_input + timeout - now;
        return due > 0 ? due : 0;
    }
    long due = f->idle_since + warning - now;
    return due > 0 ? due : 0;
}

int flow_idle_seconds(const Flow *f, long now)
{
    long left = f->idle_since + (long)f->config->idle_warning * 1000 - now;
    return left <= 0 ? 0 : (int)((left + 999) / 1000);
}
