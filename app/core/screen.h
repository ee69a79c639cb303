/* screen.h — the screens of docs/design.md and their ids (for `expect screen`, --tour, logs). */
#ifndef ATTUNE_SCREEN_H
#define ATTUNE_SCREEN_H

typedef enum Screen {
    SCREEN_ATTRACT, SCREEN_CONSENT, SCREEN_HOME, SCREEN_QUESTION, SCREEN_RESULT,
    SCREEN_GUIDANCE, SCREEN_CHEMISTRY, SCREEN_PARTNERS, SCREEN_CALM, SCREEN_SUPPORT,
    /* couple mode: how it works; between turns; each partner's choice; both points */
    SCREEN_COUPLE_START, SCREEN_HANDOVER, SCREEN_COUPLE_CHOICE, SCREEN_COUPLE_MAP,
    SCREEN_STAFF,
    SCREEN_UNAVAILABLE,   /* kiosk: the content could not be loaded; a calm "back soon" */
    /* presenter mode: the four styles side by side with the map; a sample map, step by step */
    SCREEN_OVERVIEW, SCREEN_SAMPLE_MAP,
    SCREEN_TAKEAWAY,      /* "Take it home": the guidance as QR codes, from the result or support */
    SCREEN_COUNT
} Screen;

/* "attract", "consent", … ; the still-there overlay is "idle" (screen_overlay_id). */
const char *screen_id(Screen screen);
extern const char screen_overlay_id[];

/* The screen with that id, or SCREEN_COUNT. */
Screen screen_from_id(const char *id);

#endif
