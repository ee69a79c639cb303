/* draw.h — what a screen looks like, as data: a list of draw commands and touch targets.
 *
 * The view (view.h) lays a screen out into a DrawList; the renderer (app/render/)
 * executes it with SDL; the layout checks (check.h) and the headless driver read it.
 * Nothing here knows SDL. Coordinates are in logical pixels of the screen, origin at the
 * top left. A DrawList has fixed capacities and never allocates: building a frame is
 * free of malloc. Text commands are single lines, already wrapped by the view. */
#ifndef ATTUNE_DRAW_H
#define ATTUNE_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/action.h"

enum { DRAW_MAX_CMDS = 1024, DRAW_MAX_TARGETS = ACTION_MAX_TARGETS, DRAW_MAX_BLOCKS = 96, DRAW_TEXT_BYTES = 16384 };

typedef struct Rect {
    float x, y, w, h;
} Rect;

/* The typefaces a screen uses, by role. The renderer opens each at the size view_metrics()
 * gives for the current screen size. */
typedef enum FontRole {
    FONT_DISPLAY,   /* the attract title */
    FONT_TITLE,     /* a screen's title */
    FONT_HEADING,   /* a card's heading, a style name */
    FONT_BODY,      /* paragraphs */
    FONT_QUOTE,     /* "what it can sound like" */
    FONT_BUTTON,    /* labels on buttons */
    FONT_CAPTION,   /* progress, page numbers, axis labels, small print */
    FONT_ROLE_COUNT
} FontRole;

typedef enum DrawKind {
    DRAW_RECT,      /* a rounded rectangle, filled (thickness 0) or outlined */
    DRAW_CIRCLE,    /* a circle filling `rect` (a square), filled or outlined */
    DRAW_LINE,      /* from (x, y) to (x + w, y + h), `thickness` wide */
    DRAW_TEXT,      /* one line of text whose top-left is (x, y); w, h are its measured size */
    DRAW_CODE,      /* a QR code: `rect` is the light square (its quiet zone included) and
                     * `modules` the dark ones, `side` x `side` row by row (1 = dark), each
                     * `module` whole pixels, drawn as filled rectangles, dark on light */
    DRAW_KIND_COUNT
} DrawKind;

/* What a line of a deck's text is to its reader, for the reading check (check.h): the
 * view says it instead of the check guessing from fonts. Text outside a deck is
 * TEXT_PLAIN and is not judged. */
typedef enum TextRole {
    TEXT_PLAIN,     /* not deck text: titles, buttons, page numbers */
    TEXT_KICKER,    /* the small word above a heading ("Understanding") */
    TEXT_HEADING,   /* a card's heading */
    TEXT_CONTINUED, /* a card's heading repeated on the page it continues on, marked so */
    TEXT_SUBTITLE,  /* a line under a heading that belongs with it */
    TEXT_LABEL,     /* the heading of a list or a quote ("It promotes") */
    TEXT_BODY,      /* a paragraph */
    TEXT_ITEM,      /* an item of a list */
    TEXT_QUOTE,     /* a quote: never split */
    TEXT_NOTE,      /* small print that is read as body */
    TEXT_ROLE_COUNT
} TextRole;

/* Which edge of a DRAW_TEXT's rect the drawn line is placed against: its left (left to
 * right text), or its right (a right-to-left bundle's lines), so that a line drawn a little
 * wider or narrower than it was measured still ends where its reader starts. */
typedef enum TextAlign { TEXT_ALIGN_LEFT, TEXT_ALIGN_RIGHT } TextAlign;

typedef struct DrawCmd {
    DrawKind kind;
    Rect rect;
    uint32_t colour;        /* 0xRRGGBB */
    uint8_t alpha;          /* 255 = opaque */
    float radius;           /* DRAW_RECT: corner radius */
    float thickness;        /* DRAW_RECT/CIRCLE: 0 = filled, else outline width; DRAW_LINE: width */
    FontRole font;          /* DRAW_TEXT */
    const char *text;       /* DRAW_TEXT: `len` bytes of UTF-8 (not NUL-terminated) */
    int len;
    uint32_t background;    /* DRAW_TEXT: the colour behind it (for the contrast check) */
    Rect clip;              /* DRAW_TEXT: the box the text must stay inside (overflow check) */
    TextRole role;          /* DRAW_TEXT: what the line is to a reader (TEXT_PLAIN: not judged) */
    int at, whole;          /* DRAW_TEXT with a role: the line starts `at` bytes into its
                             * paragraph, which is `whole` bytes long (text - at is its start) */
    TextAlign align;        /* DRAW_TEXT: the edge of `rect` the line is drawn against */
    const unsigned char *modules; /* DRAW_CODE: side * side, 1 = dark (the view's buffer) */
    int side, module, quiet;      /* DRAW_CODE: modules a side, pixels a module, quiet modules */
} DrawCmd;

typedef struct Target {
    Rect rect;
    Action action;
    int arg;
    const char *label;      /* the visible label (for `tap "Label"`), NUL-terminated */
    bool enabled;
} Target;

/* A piece of text as the person reads it (a title, a whole paragraph, a button label),
 * before it was wrapped into lines: what `expect text` matches. */
typedef struct TextBlock {
    const char *text;       /* NUL-terminated */
    Rect rect;              /* where its lines are */
} TextBlock;

typedef struct DrawList {
    DrawCmd cmds[DRAW_MAX_CMDS];
    int count;
    Target targets[DRAW_MAX_TARGETS];
    int target_count;
    TextBlock blocks[DRAW_MAX_BLOCKS];
    int block_count;
    char text[DRAW_TEXT_BYTES];  /* formatted strings ("4 of 14") live here for the frame */
    int text_used;
    bool overflowed;             /* a capacity was reached: a bug, reported by the checks */
    bool animating;              /* something moves: draw again at the display's rate */
    int next_change_ms;          /* when the picture changes next without input (-1: never) */
} DrawList;

/* Empties the list for a new frame. */
void draw_reset(DrawList *list);

/* Adds a command; returns it for further fields, or NULL (and sets overflowed) when full. */
DrawCmd *draw_rect(DrawList *list, Rect r, uint32_t colour, float radius);
DrawCmd *draw_outline(DrawList *list, Rect r, uint32_t colour, float radius, float thickness);
DrawCmd *draw_circle(DrawList *list, Rect r, uint32_t colour);
DrawCmd *draw_line(DrawList *list, float x0, float y0, float x1, float y1, uint32_t colour, float thickness);
DrawCmd *draw_text(DrawList *list, float x, float y, float w, float h, FontRole font,
                   const char *text, int len, uint32_t colour, uint32_t background, Rect clip);

/* Adds a QR code whose top-left (of its quiet zone) is (x, y): `side` x `side` modules of
 * `module` pixels, `quiet` light ones around them; dark 0x000000 on light 0xffffff. */
DrawCmd *draw_code(DrawList *list, float x, float y, const unsigned char *modules, int side, int module, int quiet);

/* Adds a target; returns it or NULL when full. */
Target *draw_target(DrawList *list, Rect r, Action action, int arg, const char *label);

/* Removes every target added so far (what is drawn stays): an overlay covers them. */
void draw_clear_targets(DrawList *list);

/* The list's targets as the flow sees them (what each does, and whether it is enabled),
 * for keyboard focus (flow_key). */
void draw_presses(const DrawList *list, Presses *out);

/* Adds a text block (for `expect text`). */
void draw_block(DrawList *list, const char *text, Rect r);

/* Copies a formatted string into the list's text buffer and returns it (NUL-terminated),
 * or "" when the buffer is full. Lives until draw_reset. */
const char *draw_printf(DrawList *list, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The topmost enabled target containing (x, y), or NULL. */
const Target *draw_hit(const DrawList *list, float x, float y);

/* True when a and b overlap (share more than an edge). */
bool rect_overlaps(Rect a, Rect b);
bool rect_contains(Rect r, float x, float y);

#endif
