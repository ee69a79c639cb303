/* flow.h — the screen flow: a state machine fed with actions, keys and a clock.
 *
 * The flow knows which screen is showing, the quiz session, which style and page a deck
 * is on, the idle timer and the still-there overlay. It knows nothing of pixels: the view
 * draws it, the UI turns touches and keys into flow_action()/flow_key() calls, and
 * flow_tick() runs the timers. Every way back to attract (quick exit, idle, declining,
 * finishing) goes through flow_reset(), which wipes the quiz session and returns to the
 * usual text size. */
#ifndef ATTUNE_FLOW_H
#define ATTUNE_FLOW_H

#include <stdbool.h>

#include "bundle.h"
#include "config.h"
#include "action.h"
#include "kiosk.h"
#include "quiz.h"
#include "screen.h"

enum {
    FLOW_ANSWER_GUARD_MS = 300,   /* a second answer (or deck button) sooner than this is a tap burst */
    FLOW_LONG_PRESS_MS = 3000,    /* a press this long on the staff corner opens the PIN pad */
    FLOW_MAX_PIN = 8,
    FLOW_TEST_TOUCHES = 24,       /* touches the display test remembers */
    FLOW_TRANSITION_MS = 160,     /* the fade when a screen changes */
    FLOW_SHIFT_WINDOW_MS = 1500,  /* three presses of Shift within this: quick exit */
};

/* Keys, as the flow understands them; the UI maps real keys to these. */
typedef enum FlowKey {
    KEY_QUICK_EXIT,  /* Escape */
    KEY_SHIFT,       /* one press of Shift (three in a row: quick exit) */
    KEY_NEXT_PAGE,   /* PageDown, Right (on decks) */
    KEY_PREV_PAGE,   /* PageUp, Left (on decks) */
    KEY_FOCUS_NEXT,  /* Tab, Down, Right (elsewhere) */
    KEY_FOCUS_PREV,  /* Shift+Tab, Up, Left (elsewhere) */
    KEY_ACTIVATE,    /* Return, Space: press the focused target */
    KEY_DIGIT_1,     /* 1..9: answer on the question screen (KEY_DIGIT_1 + n - 1) */
    FLOW_KEY_COUNT = KEY_DIGIT_1 + 9
} FlowKey;

typedef enum StaffPage { STAFF_PIN, STAFF_MENU, STAFF_TALLY, STAFF_TEST, STAFF_PAGE_COUNT } StaffPage;

/* What the flow asks of the app around it (the shell), which clears the bit when done. */
enum {
    FLOW_WANTS_QUIT = 1 << 0,        /* staff: close the app */
    FLOW_WANTS_RELOAD = 1 << 1,      /* staff: check and reload the content */
    FLOW_WANTS_TALLY_SAVE = 1 << 2,  /* the tally was reset: save it now (counting saves
                                      * on the kiosk's schedule instead: kiosk.h) */
    FLOW_WANTS_BRIGHTNESS = 1 << 3,  /* the kiosk's brightness changed */
    FLOW_WANTS_PIN_LOCK_SAVE = 1 << 4, /* the PIN pad's lock changed (kiosk->pin_lock): keep it */
};


/* Couple mode's stages, in the order two partners go through them (docs/design.md). */
typedef enum CoupleStage {
    COUPLE_OFF,
    COUPLE_A_ANSWERS,     /* partner 1's questions and result */
    COUPLE_TO_B,          /* the handover to partner 2 */
    COUPLE_B_ANSWERS,     /* partner 2's questions and result */
    COUPLE_TO_A,          /* the handover back to partner 1, for the choice */
    COUPLE_A_CHOOSES,     /* partner 1's choice */
    COUPLE_TO_B_AGAIN,    /* the handover to partner 2, for theirs */
    COUPLE_B_CHOOSES,     /* partner 2's choice */
    COUPLE_TOGETHER,      /* both read the outcome: the couple map, or the partners guidance */
} CoupleStage;

/* Two partners on one kiosk. Of each partner's reflection only the score is kept (the two
 * means and what follows from them): their answers are wiped as soon as it is computed. */
typedef struct FlowCouple {
    CoupleStage stage;
    bool scored[2];
    QuizScore score[2];   /* valid where scored; score[i].placed says which means are set */
    bool share[2];        /* each partner's choice, kept only until both have chosen */
    bool shared;          /* both chose to share: the outcome is the couple map */
} FlowCouple;

/* The flow's clock is a `long` of milliseconds, compared by subtraction: it must not wrap
 * while a kiosk runs (months), so it must be 64 bits (it is on the Pi's arm64 and on amd64;
 * a 32-bit long would wrap after 24.8 days, as SDL_GetTicks's Uint32 does after 49.7). */
_Static_assert(sizeof(long) >= 8, "the flow's clock (long ms) must be 64 bits");

/* The session: the person in front of the screen and what the screen shows them. Only
 * flow.c writes these fields (the others call the functions below); what belongs to the
 * kiosk rather than the session is in `kiosk` (kiosk.h), which a session's end leaves be. */
typedef struct Flow {
    const Bundle *bundle;     /* the words shown: the kiosk's language `language` (kiosk.h), or
                               * the one bundle flow_init was given when it offers none */
    int language;             /* the language chosen, an index in kiosk->languages; every
                               * return to attract goes back to the kiosk's default */
    const Config *config;
    Kiosk *kiosk;
    Screen screen;
    bool idle;                /* the still-there overlay is up */
    long now;                 /* ms, the clock of the last event */
    long last_input;          /* ms of the last touch, click or key */
    long idle_since;          /* ms the overlay appeared */
    long screen_since;        /* ms the picture last changed wholesale (a fade runs from here) */
    long entered;             /* ms the screen was entered (the calm minute's clock) */
    bool transition;          /* fade the new screen in (not after a quick exit) */

    QuizSession quiz;
    FlowCouple couple;        /* couple mode (stage COUPLE_OFF: one person) */
    long last_answer;         /* ms, for the burst guard; -1 none */
    bool tallied;             /* this quiz's result is counted (once, even if changed) */
    bool couple_tallied;      /* this session's couple is counted (once, even if begun again) */

    Style style;              /* guidance: the style shown; STYLE_COUNT = the list of four */
    int page, page_count;     /* decks: the page shown, and how many (set by the view) */
    Screen back_to;           /* where Back goes from the first page of a deck */
    /* where a deck's end leads, and what guards leaving (flow_deck_end) */
    Screen origin;            /* SCREEN_RESULT: the decks were opened from a result; else home */
    bool understanding;       /* guidance: the style's understanding pages, not its tips */
    bool contents;            /* a long deck's contents shows instead of its page */
    bool confirm;             /* "Start over? Your answers will be cleared" is asked */
    int link_page;            /* calm or support opened by a tip on this guidance page; -1 none */
    Screen link_back_to;      /* the guidance's back_to then */
    long last_tap;            /* ms of the last accepted deck button, for the guard; -1 none */

    int shift_presses;        /* Shift presses in a row (any other key breaks the row) */
    long shift_at[2];         /* ms of the last two presses (valid up to shift_presses) */

    /* staff mode */
    StaffPage staff_page;
    char pin[FLOW_MAX_PIN + 1];   /* digits typed so far; wiped on leaving */
    int pin_length;
    bool pin_wrong;               /* say so on the pad (the lock is the kiosk's: pin_lock) */
    float touch_x[FLOW_TEST_TOUCHES], touch_y[FLOW_TEST_TOUCHES];
    int touch_count;              /* the display test's touches */

    bool blank;               /* workshop: B blanks the screen */
    int shade;                /* 0..255: black over the picture (dimmed, no backlight) */
    unsigned wants;           /* FLOW_WANTS_* for the app */
    int focus;                /* keyboard focus: a target index, -1 = none shown */
    int pressed;              /* the target under a finger or mouse button, -1 = none */
    int resets;               /* times a session ended (wiped): the shell forgets the screen then */
    unsigned changes;         /* counts every change of state (the view redraws on change) */

    /* presenter mode ([kiosk] presenter): a clicker walks the bundle's talk (flow_talk.c) */
    int talk_part;            /* the talk's part on screen (an index in bundle_talk), -1: none;
                               * the part count: the talk is over, attract shows (back returns) */
    int talk_pages[BUNDLE_MAX_TALK]; /* each part's pages as last laid out (0: not yet) */
    bool chrome_shown;        /* H shows Back, Quick exit and a deck's buttons while presenting */
    /* "Take it home": where Back from the take-away returns (the result or support), and
     * to which of its pages */
    Screen takeaway_from;
    int takeaway_page;

    bool large_text;          /* the person asked for larger text ("Aa"): every font about
                               * 1.4 times (view_metrics); every end of a session (each time
                               * `resets` moves on) returns to the usual size */
} Flow;

/* Where the last page of the deck on screen leads (ACT_DONE), for its button's word. */
typedef enum FlowEnd {
    FLOW_END_HOME,    /* home (asks first when a result would be cleared) */
    FLOW_END_RESULT,  /* back to the person's result */
    FLOW_END_TIPS,    /* the understanding pages: back to the style's tips */
    FLOW_END_LINK,    /* calm or support, opened from a tip: back to that tip */
    FLOW_END_COUPLE,  /* couple mode's outcome: finish (both partners wiped), home */
} FlowEnd;

FlowEnd flow_deck_end(const Flow *flow);

/* Starts a session at attract, at time `now` (ms), on `kiosk` (kiosk_init'ed; kept as it
 * is, and pointed to for as long as the flow is used). */
void flow_init(Flow *flow, const Bundle *bundle, const Config *config, Kiosk *kiosk, long now);

/* Does what a target does (see action.h). Any action counts as input. */
void flow_action(Flow *flow, Action action, int arg, long now);

/* A key, already mapped. `targets` are the screen's current targets, in the view's order
 * (for focus; NULL: none). */
void flow_key(Flow *flow, FlowKey key, const Presses *targets, long now);

/* A horizontal swipe: dir > 0 is a swipe to the left, dir < 0 to the right. A swipe toward
 * where lines start turns to the next page: to the left in a left-to-right bundle, to the
 * right in a right-to-left one (the previous page the other way). */
void flow_swipe(Flow *flow, int dir, long now);

/* Any touch, click or key: keeps the session (and closes the still-there overlay).
 * Returns true when the overlay was up, so the touch should do nothing else. */
bool flow_input(Flow *flow, long now);

/* A finger or mouse button went down on target `target` (the view's index; -1: none): it
 * shows pressed, and the keyboard focus is put away. */
void flow_press(Flow *flow, int target);

/* The press is over: released, or slid off its target (then it will not fire). */
void flow_release(Flow *flow);

/* Runs the timers due at `now`: the idle timeout, the overlay's countdown. */
void flow_tick(Flow *flow, long now);

/* Milliseconds from `now` until flow_tick has something to do, or -1 for never. */
long flow_next_timer(const Flow *flow, long now);

/* Seconds left on the still-there countdown (when flow->idle). */
int flow_idle_seconds(const Flow *flow, long now);

/* Wipes everything a person did and returns to attract. */
void flow_reset(Flow *flow, long now);

/* The app is closing: the session is wiped (nothing is shown again). */
void flow_close(Flow *flow);

/* A press held FLOW_LONG_PRESS_MS on the staff corner: the PIN pad, when a PIN is set. */
void flow_long_press(Flow *flow, long now);

/* The display test: a touch at (x, y) is remembered to be drawn. */
void flow_test_touch(Flow *flow, float x, float y);

/* Kiosk, when the content cannot be loaded (`on`): every way back to attract leads to the
 * calm "temporarily unavailable" screen instead, which answers to nothing but the staff
 * corner; the kiosk's staff text keeps the problems for the staff menu. Off again (the
 * content was reloaded): the next way back leads to attract. Returns to that screen now
 * unless staff mode is open. */
void flow_set_unavailable(Flow *flow, bool on, long now);

/* Whether the screen shows the language choice: the kiosk offers two or more, and the
 * screen is attract or home (never mid-quiz: nothing a person answered is on it). */
bool flow_offers_languages(const Flow *flow);

/* Whether home offers couple mode: the bundle has pairings and every couple word. */
bool flow_offers_couple(const Flow *flow);

/* In couple mode, the partner (0 or 1) whose turn the screen is: answering, reading their
 * result, choosing, or the one a handover passes the screen to. -1 outside couple mode
 * and when both read the outcome together. */
int flow_couple_partner(const Flow *flow);

/* The score the result screen shows: the partner's in couple mode (their answers are
 * already wiped), else the quiz session's; NULL when there is none. */
const QuizScore *flow_result(const Flow *flow);

/* Workshop: blank the screen, or show it again. */
void flow_toggle_blank(Flow *flow, long now);

/* 0..255 of black over the picture (the shell's dimmer, on a panel without a backlight). */
void flow_set_shade(Flow *flow, int shade);

/* Asks the app for FLOW_WANTS_* (e.g. a reload on SIGHUP). */
void flow_want(Flow *flow, unsigned wants);

/* What the flow asks of the app, now handed over (and cleared). */
unsigned flow_take_wants(Flow *flow);

/* The view: the deck on screen has `count` pages; the page shown is kept within them. */
void flow_set_page_count(Flow *flow, int count);

/* The view: the text on screen was laid out again at another size (larger text, a new
 * window size) and the page holding what was first on the page shown is `page`. */
void flow_reflow_page(Flow *flow, int page);

/* --- staging, for the tour (and tests): a screen as it would be, without the steps ----- */

/* Shows `screen` at `now` with no fade, as if entered at `entered` (the calm minute's
 * clock), on its first page, the overlay closed. Like every screen change it goes through
 * the one place screens change. */
void flow_show(Flow *flow, Screen screen, long entered, long now);

/* Page `page` of the deck on screen (the view keeps it within the page count). */
void flow_set_page(Flow *flow, int page);

/* The kiosk's language `index` (kiosk.h), as if chosen; out of range: nothing changes. */
void flow_set_language(Flow *flow, int index);

/* The guidance shown: a style, or STYLE_COUNT for the list of four. */
void flow_set_style(Flow *flow, Style style);

/* The quiz session, as answered so far (a copy; NULL: wiped). */
void flow_set_quiz(Flow *flow, const QuizSession *session);

/* The decks as reached from `origin` (SCREEN_RESULT: their end leads back to it), the
 * guidance showing its `understanding` or its tips, the `contents` of the deck on screen,
 * the question "Start over?" (`confirm`). */
void flow_show_way(Flow *flow, Screen origin, bool understanding, bool contents, bool confirm);

/* Couple mode at `stage`, with the partners' scores so far (NULL: not yet) and, at
 * COUPLE_TOGETHER, whether both chose to share. The screen is left as it is. */
void flow_set_couple(Flow *flow, CoupleStage stage, const QuizScore *first, const QuizScore *second,
                     bool shared);

/* The still-there overlay up since `since` (as after the idle timeout). */
void flow_show_idle(Flow *flow, long since);

/* Staff mode on `page`; on the PIN pad, `digits` typed, `wrong` said, locked until
 * `locked_until` (0: not locked). */
void flow_show_staff(Flow *flow, StaffPage page, int digits, bool wrong, long locked_until);

/* --- presenter mode (flow_talk.c) ---------------------------------------------------------- */

/* How many parts the talk has (bundle_talk). */
int flow_talk_count(const Flow *flow);

/* The screen that shows talk part `part`. */
Screen flow_talk_screen(TalkPart part);

/* A part of the talk is on screen (reached by walking it). */
bool flow_presenting(const Flow *flow);

/* Presenting with the chrome put away: no Back, Quick exit, language or deck buttons; the
 * view shows only the talk's page count. */
bool flow_chrome_hidden(const Flow *flow);

/* While presenting, H: the chrome shows again, or hides. */
void flow_toggle_chrome(Flow *flow, long now);

/* Staging: the screen on show is part `part` of the talk (-1: none; the count: the talk is
 * over), the chrome shown or not. */
void flow_show_talk(Flow *flow, int part, bool chrome_shown);

/* Larger text (`on`) or the usual size, as if "Aa" was pressed. */
void flow_set_large_text(Flow *flow, bool on);

#endif
