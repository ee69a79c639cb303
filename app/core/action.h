/* action.h — what a touch, a click or Return on a focused target asks of the flow.
 *
 * The view puts an Action (and its argument) on every touch target it lays out; the flow
 * (flow.c) does it. Presses is the screen's targets as the flow sees them, in the view's
 * order, for moving the keyboard focus: the flow never needs to know where they are. */
#ifndef ATTUNE_ACTION_H
#define ATTUNE_ACTION_H

#include <stdbool.h>

/* What a touch, a click or Return on the focused target does. */
typedef enum Action {
    ACT_NONE,
    ACT_BEGIN,              /* attract: touch to begin */
    ACT_START,              /* consent: start */
    ACT_DECLINE,            /* consent: not now */
    ACT_OPEN,               /* home: open screen `arg` (a Screen) */
    ACT_ANSWER,             /* question: answer `arg` (1..points) */
    ACT_SKIP,               /* question: skip the statement ("doesn't apply to me") */
    ACT_BACK,               /* previous question / previous page / up a level */
    ACT_NEXT,               /* next page */
    ACT_HOME,               /* to the home menu (asking first when a result would be cleared) */
    ACT_QUICK_EXIT,         /* clear everything, back to attract */
    ACT_GUIDANCE,           /* result or styles list: guidance for style `arg` */
    ACT_CHEMISTRY,          /* result: the chemistry of closeness */
    ACT_RESTART,            /* result: start over (asks, then wipes the answers) */
    ACT_STAY,               /* idle overlay: I'm still here */
    ACT_CALM_AGAIN,         /* calm: once more */
    ACT_PIN_DIGIT,          /* staff PIN pad: digit `arg` */
    ACT_PIN_DELETE,         /* staff PIN pad: delete the last digit */
    ACT_PIN_OK,             /* staff PIN pad: check the PIN */
    ACT_STAFF_PAGE,         /* staff: show page `arg` (a StaffPage) */
    ACT_STAFF_EXIT,         /* staff: close the app */
    ACT_STAFF_RELOAD,       /* staff: check and reload the content */
    ACT_STAFF_TALLY_RESET,  /* staff: reset the anonymous tally */
    ACT_STAFF_BRIGHTNESS,   /* staff: brightness by `arg` percent */
    ACT_DONE,               /* a deck's last page: back where the person came from (flow_deck_end) */
    ACT_UNDERSTANDING,      /* a style's tips: its understanding pages */
    ACT_CONTENTS,           /* a long deck: show its contents */
    ACT_JUMP,               /* the contents: page `arg` of the deck */
    ACT_LINK,               /* a tip's link: screen `arg` (calm or support), then back to the tip */
    ACT_CLEAR,              /* "Start over?": clear the answers */
    ACT_KEEP,               /* "Start over?": keep my result */
    ACT_LANGUAGE,           /* attract, home: the kiosk's language `arg` (an index in its list) */
    ACT_COUPLE_BEGIN,       /* couple-start: both agree, partner 1 begins */
    ACT_COUPLE_NEXT,        /* a partner's result: pass on; handover: the partner is here */
    ACT_COUPLE_SHARE,       /* couple-choice: show my point (`arg` 1) or keep it private (0) */
    ACT_TAKEAWAY,           /* result, support: "Take it home", the take-away codes */
    ACT_LARGE_TEXT,         /* any screen past attract: larger text, or back to the usual size */
    ACT_ACTION_COUNT
} Action;

enum { ACTION_MAX_TARGETS = 64 };

typedef struct Press {
    Action action;
    int arg;
    bool enabled;
} Press;

typedef struct Presses {
    Press items[ACTION_MAX_TARGETS];
    int count;
} Presses;

#endif
