/* view.h — every screen, laid out as a draw list for the current size.
 *
 * view_layout() turns the flow's state and the bundle's words into a DrawList: shapes,
 * lines of wrapped text, and touch targets, for any size from 800x480 to 1920x1080, in
 * landscape and portrait. Long text goes through one pagination engine: a screen's text
 * is a list of items (headings, paragraphs, bullets, quotes) packed into pages that fit
 * the box, never cut; the flow's `page` picks one and `page_count` is written back. No
 * SDL here: text is measured through a Measure (text.h). Layout allocates nothing. */
#ifndef ATTUNE_VIEW_H
#define ATTUNE_VIEW_H

#include "../core/config.h"
#include "draw.h"
#include "../core/flow.h"
#include "../core/takeaway.h"
#include "text.h"

enum { VIEW_MAX_ITEMS = 256, VIEW_MAX_PAGES = 96, VIEW_MAX_LINES = 1024 };

/* Sizes for a screen of width x height: one unit (a pixel of the 800x480 design scaled to
 * the screen), the font sizes, physical pixels per millimetre, the touch target size. */
typedef struct ViewMetrics {
    float unit;
    int font_px[FONT_ROLE_COUNT];
    double px_per_mm;
    float target;       /* the least height (and width) of a touch target, in pixels */
    float margin, gap;
} ViewMetrics;

/* `large`: larger text (Flow.large_text), every font role VIEW_LARGE_TEXT times its usual
 * size; the touch targets, margins and gaps stay as they are. */
void view_metrics(const Config *config, int width, int height, bool large, ViewMetrics *out);

#define VIEW_LARGE_TEXT 1.4f

typedef enum ItemKind {
    ITEM_KICKER, ITEM_HEADING, ITEM_SUBTITLE, ITEM_PARA, ITEM_BULLET, ITEM_QUOTE,
    ITEM_LABEL, ITEM_CAPTION, ITEM_BREAK,
    ITEM_CONTEXT, /* a kicker saying what the screen's title already says: left out in larger text */
    ITEM_KIND_COUNT
} ItemKind;

typedef struct Item {
    ItemKind kind;
    const char *text;   /* one paragraph, no '\n' */
    int len;
} Item;

/* One wrapped line of a deck's text, and where pagination put it on its page. */
typedef struct DeckLine {
    int item, line;     /* the item it belongs to, and which of its lines it is */
    int card;           /* the first item of its card (cards are split by ITEM_BREAK) */
    int start, len, width;
    int beside;         /* in a list's second column: how many lines back its neighbour is */
    bool paired;        /* an item of a list set in two columns (never split) */
    bool placed;        /* its card is set in two columns, on one page: y and dx are set */
    float dx;           /* how far right of the box its column starts */
    float y;            /* its top on its page */
    int hyphen;         /* the width of the hyphen after it (a cut word; TextLine) */
} DeckLine;

typedef struct PageMark {
    int line;           /* the deck line a page starts with */
    int heading;        /* the heading item it repeats, marked continued, or -1 */
    int label;          /* the lead-in it repeats under that heading (it starts inside a list), or -1 */
    int label_at;       /* where in that item the repeated lead-in starts (a paragraph's last sentence) */
    FontRole font;      /* the repeated heading's size */
    float head_h;       /* the height what it repeats takes, its gaps included */
} PageMark;

/* What a layout remembers between frames: the pages of the text on screen. */
typedef struct View {
    ViewMetrics metrics;
    int width, height;
    Item items[VIEW_MAX_ITEMS];
    int item_count;
    uint64_t deck_key;            /* what the cached pages were made for (0: nothing) */
    uint64_t deck_text;           /* the text alone they were made of (the screen, the items) */
    DeckLine deck[VIEW_MAX_LINES];
    int line_count;
    PageMark pages[VIEW_MAX_PAGES + 1];
    int page_count;
    TextLine lines[64];           /* scratch for wrapping one paragraph */
    Takeaway takeaway;            /* "Take it home": its text and codes (screen_takeaway.c) */
} View;

/* Lays out what `flow` shows at time `now` into `out`. Writes flow->page_count (and
 * clamps flow->page) for screens with pages. */
void view_layout(View *view, Flow *flow, const Measure *measure, int width, int height,
                 long now, DrawList *out);

/* A session ended: zeroes the view (its items, pages and their key: the last texts shown;
 * the take-away's text and codes)
 * and the draw list (its commands, where the map's dot was, and its text buffer); the
 * next view_layout lays out from nothing. */
void view_forget(View *view, DrawList *list);

#endif
