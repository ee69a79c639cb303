/* flow.h — the screen flow: a state machine fed with actions, keys and a clock.
 *
 * The flow knows which screen is showing, the quiz session, which style and page a deck
 * is on, the idle timer and the still-there overlay. It knows nothing of pixels: the view
 * draws it, the UI turns touches and keys into flow_action()/flow_key() calls, and
 * flow_tick() runs the timers. Every way back to attract (quick exit, idle, declining,
 * finishing) goes through flow_reset(), which wipes the quiz session. */
#ifndef ATTUNE_FLOW_H
#define ATTUNE_FLOW_H

#include <stdbool.h>

#include "bundle.h"
#include "config.h"
#include "action.h"
#include "quiz.h"
#include "screen.h"
#include "tally.h"

enum {
    FLOW_ANSWER_GUARD_MS = 300,   /* a second answer sooner than this is a tap burst */
    FLOW_LONG_PRESS_MS = 3000,    /* a press this long on the staff corner opens the PIN pad */
    FLOW_PIN_TRIES = 5,           /* wrong PINs in a row before the pad locks ... */
    FLOW_PIN_LOCK_MS = 60000,     /* ... for this long */
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
    KEY_PREV_PAGE,   /* PageUp, Left (on decks), Backspace */
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
    FLOW_WANTS_TALLY_SAVE = 1 << 2,  /* the tally changed */
    FLOW_WANTS_BRIGHTNESS = 1 << 3,  /* flow->brightness changed */
};


typedef struct Flow {
    const Bundle *bundle;
    const Config *config;
    Screen screen;
    bool idle;                /* the still-there overlay is up */
    long now;                 /* ms, the clock of the last event */
    long last_input;          /* ms of the last touch, click or key */
    long idle_since;          /* ms the overlay appeared */
    long screen_since;        /* ms the picture last changed wholesale (a fade runs from here) */
    long entered;             /* ms the screen was entered (the calm minute's clock) */
    bool transition;          /* fade the new screen in (not after a quick exit) */

    QuizSession quiz;
    long last_answer;         /* ms, for the burst guard; -1 none */

    Style style;              /* guidance: the style shown; STYLE_COUNT = the list of four */
    int page, page_count;     /* decks: the page shown, and how many (set by the view) */
    Screen back_to;           /* where Back goes from the first page of a deck */

    int shift_presses;        /* Shift presses in a row (any other key breaks the row) */
    long shift_at[2];         /* ms of the last two presses (valid up to shift_presses) */

    /* staff mode */
    StaffPage staff_page;
    char pin[FLOW_MAX_PIN + 1];   /* digits typed so far; wiped on leaving */
    int pin_length;
    int pin_failures;             /* wrong PINs in a row */
    bool pin_wrong;               /* say so on the pad */
    long locked_until;            /* ms; the pad is locked before this */
    const char *staff_message;    /* after a reload: one of the bundle's words, or NULL */
    char staff_detail[600];       /* the first problems of a failed reload */
    float touch_x[FLOW_TEST_TOUCHES], touch_y[FLOW_TEST_TOUCHES];
    int touch_count;              /* the display test's touches */
    int brightness;               /* percent */
    bool blank;                   /* workshop: B blanks the screen */
    int shade;                    /* 0..255: black over the picture (dimmed, no backlight) */
    unsigned wants;               /* FLOW_WANTS_* for the app */
    bool unavailable;             /* kiosk: the content is broken; only the "temporarily
                                   * unavailable" screen and staff mode (flow_set_unavailable) */
    bool tally_on;                /* the config's [tally] enabled */
    Tally tally;                  /* counts only (saved by the app when FLOW_WANTS_TALLY_SAVE) */
    bool tallied;                 /* this quiz's result is counted (once, even if changed) */
    char display_info[160];       /* the display test's facts, from the app (size, renderer…) */

    int focus;                /* keyboard focus: a target index, -1 = none shown */
    int pressed;              /* the target under a finger or mouse button, -1 = none */
    int resets;               /* times the session was wiped (for tests and the soak) */
    unsigned changes;         /* counts every change of state (the view redraws on change) */
} Flow;

/* Starts at attract, at time `now` (ms). */
void flow_init(Flow *flow, const Bundle *bundle, const Config *config, long now);

/* Does what a target does (see action.h). Any action counts as input. */
void flow_action(Flow *flow, Action action, int arg, long now);

/* A key, already mapped. `targets` are the screen's current targets, in the view's order
 * (for focus; NULL: none). */
void flow_key(Flow *flow, FlowKey key, const Presses *targets, long now);

/* A horizontal swipe: dir > 0 is a swipe to the left (the next page), dir < 0 the previous. */
void flow_swipe(Flow *flow, int dir, long now);

/* Any touch, click or key: keeps the session (and closes the still-there overlay).
 * Returns true when the overlay was up, so the touch should do nothing else. */
bool flow_input(Flow *flow, long now);

/* Runs the timers due at `now`: the idle timeout, the overlay's countdown. */
void flow_tick(Flow *flow, long now);

/* Milliseconds from `now` until flow_tick has something to do, or -1 for never. */
long flow_next_timer(const Flow *flow, long now);

/* Seconds left on the still-there countdown (when flow->idle). */
int flow_idle_seconds(const Flow *flow, long now);

/* Wipes everything a person did and returns to attract. */
void flow_reset(Flow *flow, long now);

/* A press held FLOW_LONG_PRESS_MS on the staff corner: the PIN pad, when a PIN is set. */
void flow_long_press(Flow *flow, long now);

/* The display test: a touch at (x, y) is remembered to be drawn. */
void flow_test_touch(Flow *flow, float x, float y);

/* Kiosk, when the content cannot be loaded (`on`): every way back to attract leads to the
 * calm "temporarily unavailable" screen instead, which answers to nothing but the staff
 * corner; `staff_detail` keeps the problems for the staff menu. Off again (the content was
 * reloaded): the next way back leads to attract. Returns to that screen now unless staff
 * mode is open. */
void flow_set_unavailable(Flow *flow, bool on, long now);

/* Workshop: blank the screen, or show it again. */
void flow_toggle_blank(Flow *flow, long now);

#endif
