/* flow_takeaway.c — "Take it home" in the flow: opened from the result or Get support,
 * paged through its codes, and Back to the page it was opened on (flow_internal.h). */
#include "flow_internal.h"

void flow_open_takeaway(Flow *f, long now)
{
    if (f->couple.stage != COUPLE_OFF)
        return; /* two people at the screen: nobody's guidance leaves on a phone */
    Screen from = f->screen;
    int page = f->page;
    flow_go(f, SCREEN_TAKEAWAY, now); /* support's own Back (back_to) and a tip's way back stay */
    f->takeaway_from = from;
    f->takeaway_page = page;
}

void flow_on_support(Flow *f, Action action, int arg, long now)
{
    if (action == ACT_TAKEAWAY && !f->contents)
        flow_open_takeaway(f, now);
    else
        flow_on_deck(f, action, arg, now);
}

void flow_on_takeaway(Flow *f, Action action, int arg, long now)
{
    if ((action == ACT_BACK && f->page == 0) || action == ACT_DONE) {
        int page = f->takeaway_page;
        flow_go(f, f->takeaway_from == SCREEN_SUPPORT ? SCREEN_SUPPORT : SCREEN_RESULT, now);
        f->page = page;
    } else if (action == ACT_BACK || action == ACT_NEXT) {
        flow_on_deck(f, action, arg, now); /* from one code to the next */
    }
}
