/* flow_talk.c — presenter mode ([kiosk] presenter): a facilitator's clicker walks a talk, the
 * bundle's sequence of parts (bundle_talk). From attract or home, forward opens the first
 * part; forward on a part's last page opens the next part's first page, back on a part's
 * first page the previous part's last page. Past the last part the talk ends on attract
 * (the room's resting picture, from where anyone may begin their own reflection): back from
 * there returns to the talk's last page, forward begins the talk again. Back from the first
 * part's first page is attract too. While presenting, the chrome is hidden until H. */
#include "flow_internal.h"

Screen flow_talk_screen(TalkPart part)
{
    switch (part) {
    case TALK_CHEMISTRY: return SCREEN_CHEMISTRY;
    case TALK_STYLES: return SCREEN_OVERVIEW;
    case TALK_MAP: return SCREEN_SAMPLE_MAP;
    case TALK_PARTNERS: return SCREEN_PARTNERS;
    case TALK_CALM: return SCREEN_CALM;
    case TALK_SUPPORT: return SCREEN_SUPPORT;
    case TALK_PART_COUNT: break;
    }
    return SCREEN_HOME;
}

int flow_talk_count(const Flow *f)
{
    const TalkPart *parts;
    return bundle_talk(f->bundle, &parts);
}

bool flow_presenting(const Flow *f)
{
    return f->talk_part >= 0 && f->talk_part < flow_talk_count(f);
}

bool flow_chrome_hidden(const Flow *f)
{
    return flow_presenting(f) && !f->chrome_shown;
}

/* Part `index` of the talk, on its first page or (`last`) on its last as last laid out. */
static void open_part(Flow *f, int index, bool last, long now)
{
    const TalkPart *parts;
    bundle_talk(f->bundle, &parts);
    flow_go(f, flow_talk_screen(parts[index]), now);
    f->talk_part = index;
    f->style = STYLE_COUNT;
    f->origin = SCREEN_HOME;
    f->back_to = SCREEN_HOME;
    if (!last)
        return;
    if (f->talk_pages[index] > 1)
        f->page = f->talk_pages[index] - 1; /* the view keeps it within the pages there are */
    if (parts[index] == TALK_CALM) { /* back onto the calm minute: its grounding, the breaths done */
        const Calm *c = &f->bundle->calm;
        f->entered = now - (long)(c->inhale + c->hold + c->exhale) * 1000 * c->breaths;
    }
}

/* The talk is over (`over`), or walked back before its start: attract, nothing kept. */
static void leave_talk(Flow *f, bool over, long now)
{
    int parts = flow_talk_count(f);
    flow_reset(f, now);
    f->transition = true; /* not a quick exit: it fades in like any page */
    f->talk_part = over ? parts : -1;
}

bool flow_talk_key(Flow *f, FlowKey key, long now)
{
    if (!f->config->presenter || (key != KEY_NEXT_PAGE && key != KEY_PREV_PAGE) || f->confirm)
        return false;
    if (f->screen != SCREEN_ATTRACT && f->screen != SCREEN_HOME)
        return false;
    int parts = flow_talk_count(f);
    if (key == KEY_NEXT_PAGE)
        open_part(f, 0, false, now);
    else if (f->screen == SCREEN_ATTRACT && f->talk_part == parts)
        open_part(f, parts - 1, true, now);
    else
        return false;
    return true;
}

bool flow_talk_step(Flow *f, int dir, long now)
{
    if (!flow_presenting(f) || f->couple.stage != COUPLE_OFF)
        return false;
    int next = f->talk_part + (dir > 0 ? 1 : -1);
    if (next >= flow_talk_count(f))
        leave_talk(f, true, now);
    else if (next < 0)
        leave_talk(f, false, now);
    else
        open_part(f, next, dir < 0, now);
    return true;
}

void flow_toggle_chrome(Flow *f, long now)
{
    if (flow_input(f, now) || !flow_presenting(f))
        return;
    f->chrome_shown = !f->chrome_shown;
    f->focus = -1;
    f->changes++;
}

void flow_show_talk(Flow *f, int part, bool chrome_shown)
{
    f->talk_part = part;
    f->chrome_shown = chrome_shown;
    f->changes++;
}
