/* flow_internal.h — what flow.c and flow_couple.c share, and nothing else uses: the one
 * place screens change, and the pieces of a screen's reaction both files need. */
#ifndef ATTUNE_FLOW_INTERNAL_H
#define ATTUNE_FLOW_INTERNAL_H

#include "flow.h"

/* The one place the screen changes: what the screen was showing (its page, the focus, a
 * press) is left behind; `since` starts its clock (the fade when `fade`, the calm minute). */
void flow_enter(Flow *flow, Screen screen, long since, bool fade);

/* A person moved on to `screen`: it fades in. */
void flow_go(Flow *flow, Screen screen, long now);

/* The picture changes within the screen (a page, a question): it fades in again. */
void flow_repaint(Flow *flow, long now);

/* The kiosk's language `index`, when it offers it (false: nothing changes). */
bool flow_use_language(Flow *flow, int index);

/* A session ended (flow.resets moves on: the shell forgets what was shown) and the next
 * person starts with the usual text size. */
void flow_session_end(Flow *flow);

/* Zeroes the PIN typed so far. */
void flow_wipe_pin(Flow *flow);

/* A finished reflection counts in the tally (once). */
void flow_count_result(Flow *flow);

/* What a deck does with an action (pages, its contents, its end). */
void flow_on_deck(Flow *flow, Action action, int arg, long now);

/* --- flow_couple.c ------------------------------------------------------------------------ */

/* Zeroes couple mode: both partners' scores and choices (explicit_bzero). */
void flow_couple_wipe(Flow *flow);

/* A partner finished the questions: their score is kept, their answers wiped, and their
 * result shown. */
void flow_couple_scored(Flow *flow, long now);

/* Back from a partner's first question: partner 1 to couple-start (couple mode ends),
 * partner 2 to the handover (never to partner 1's result). */
void flow_couple_back(Flow *flow, long now);

/* The end of the outcome: both partners are wiped and home shows. */
void flow_couple_finish(Flow *flow, long now);

void flow_on_couple_start(Flow *flow, Action action, int arg, long now);
void flow_on_couple_result(Flow *flow, Action action, int arg, long now);
void flow_on_handover(Flow *flow, Action action, int arg, long now);
void flow_on_couple_choice(Flow *flow, Action action, int arg, long now);
void flow_on_couple_map(Flow *flow, Action action, int arg, long now);

/* --- flow_talk.c ---------------------------------------------------------------------------- */

/* With [kiosk] presenter, on attract or home: forward (KEY_NEXT_PAGE) opens the talk's first
 * part, back after the talk's end its last page. True when the key was used. */
bool flow_talk_key(Flow *flow, FlowKey key, long now);

/* Presenting, a page turn `dir` (1, -1) past the part's last page or before its first: the
 * next part's first page, the previous part's last, or attract at either end of the talk.
 * False when not presenting (the deck's own way applies). */
bool flow_talk_step(Flow *flow, int dir, long now);

/* flow_takeaway.c: "Take it home", opened from the result or Get support (whose handler
 * it is, a deck's and the take-away's button), and its own screen. */
void flow_open_takeaway(Flow *flow, long now);
void flow_on_support(Flow *flow, Action action, int arg, long now);
void flow_on_takeaway(Flow *flow, Action action, int arg, long now);

#endif
