/* screen.c — see screen.h. */
#include "screen.h"

#include <string.h>

static const char *const ids[SCREEN_COUNT] = {
    "attract", "consent", "home", "question", "result", "guidance", "chemistry",
    "partners", "calm", "support", "couple-start", "handover", "couple-choice", "couple-map",
    "staff", "unavailable",
    "overview", "sample-map", "takeaway",
};

const char screen_overlay_id[] = "idle";

const char *screen_id(Screen screen)
{
    return screen >= 0 && screen < SCREEN_COUNT ? ids[screen] : "?";
}

Screen screen_from_id(const char *id)
{
    for (int i = 0; i < SCREEN_COUNT; i++)
        if (strcmp(ids[i], id) == 0)
            return (Screen)i;
    return SCREEN_COUNT;
}
