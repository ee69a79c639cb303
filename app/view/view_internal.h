/* view_internal.h — what the files of the view share, and nothing outside app/view uses.
 *
 * Every screen is laid out through a Ctx (the view, the flow, the bundle and the config,
 * the measure, the draw list being filled, the sizes). The pieces screens are built from
 * (paragraphs, buttons, the top bar, a deck's frame) are in chrome.c; the pagination
 * engine in deck.c, view_layout() in view.c; the screens are in the screen_*.c files. These
 * names have no prefix because they are this folder's own vocabulary, not an interface. */
#ifndef ATTUNE_VIEW_INTERNAL_H
#define ATTUNE_VIEW_INTERNAL_H

#include "view.h"

/* How a group of what a screen drew stays when a right-to-left bundle mirrors the screen
 * (mirror.c): moved as a whole to its mirrored place, its inside as drawn (a chart, a
 * keypad), or left exactly where it is (touches drawn where they landed). */
typedef enum Keep { KEEP_SHAPE, KEEP_PLACE } Keep;

/* A group's commands, targets and text blocks: [from, to) of each. */
typedef struct Kept {
    int cmd[2], target[2], block[2];
    Keep how;
} Kept;

enum { VIEW_MAX_KEPT = 4 };

typedef struct Ctx {
    View *v;
    Flow *f;
    const Bundle *b;
    const Config *c;
    const Measure *m;
    DrawList *out;
    const ViewMetrics *vm;
    float w, h;
    long now;
    Kept kept[VIEW_MAX_KEPT];     /* what mirroring leaves as drawn (mirror.c) */
    int kept_count;
} Ctx;

typedef enum Align { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT } Align;

typedef enum ButtonStyle { BUTTON_PRIMARY, BUTTON_SECONDARY, BUTTON_QUIET, BUTTON_SELECTED } ButtonStyle;

/* --- chrome.c: sizes, colours, words ------------------------------------------------------ */

uint32_t colour(const Ctx *x, ThemeColour which);
/* a blend of a and b (0xRRGGBB), t of the way from a to b */
uint32_t mix(uint32_t a, uint32_t b, float t);
int width_of(const Ctx *x, FontRole font, const char *s, int len);
int line_h(const Ctx *x, FontRole font);
/* {name} placeholders replaced by values; the result lives in the draw list. */
const char *fill(Ctx *x, const char *tmpl, const char *const *names, const char *const *values, int n);
/* The bundle's `word` with numbers in it: {n} and {total} ("4 of 14"), or one named number. */
const char *fill_count(Ctx *x, Word word, int n, int total);
const char *fill_number(Ctx *x, Word word, const char *name, long value);
/* Couple mode's `word` with {partner} (partner_1 or partner_2, by `partner` 0 or 1) and
 * {style} (`style`, or "" when NULL) filled in. */
const char *couple_fill(Ctx *x, Word word, int partner, const char *style);

/* --- chrome.c: text and buttons ----------------------------------------------------------- */

/* Wraps `text` (one paragraph) into `box` from its top; returns the height used. Each line
 * must stay inside `clip` (the layout checks say when one does not); paragraph() is the
 * usual case, where that is `box` itself. */
float paragraph_clipped(Ctx *x, FontRole font, const char *text, Rect box, Rect clip, Align align,
                        uint32_t fg, uint32_t bg);
float paragraph(Ctx *x, FontRole font, const char *text, Rect box, Align align, uint32_t fg, uint32_t bg);
float paragraph_height(Ctx *x, FontRole font, const char *text, float width);
/* As paragraph_clipped, centred top to bottom in `r` (standing out of it evenly when taller). */
float paragraph_middle(Ctx *x, FontRole font, const char *text, Rect r, Rect clip, Align align,
                       uint32_t fg, uint32_t bg);

/* Draws a button as target `index` would look (pressed, focused) without adding a target. */
void button_face(Ctx *x, Rect r, const char *label, ButtonStyle style, int index);
/* The same, its label in `font` rather than FONT_BUTTON. */
void button_face_in(Ctx *x, Rect r, const char *label, ButtonStyle style, int index, FontRole font);
/* A button and its target; button() is the usual, enabled, case. A disabled button looks
 * the same but cannot be pressed. */
void button_enabled(Ctx *x, Rect r, const char *label, Action action, int arg, ButtonStyle style, bool enabled);
void button(Ctx *x, Rect r, const char *label, Action action, int arg, ButtonStyle style);
/* A button whose label is in `font` (a long list of them in larger text). */
void button_in(Ctx *x, Rect r, const char *label, Action action, int arg, ButtonStyle style, FontRole font);
/* The width a one-line button needs for `label`. */
float button_width(Ctx *x, const char *label);

/* The y of the row of buttons along the bottom of a screen (as far from the bottom as the
 * top bar is from the top). */
float bottom_row(const Ctx *x);
/* Cell `i` of a grid of `cols` columns across `area`, row by row from its top, each cell
 * `cell_h` tall, `gap` apart. */
Rect grid_cell(Rect area, int cols, float cell_h, float gap, int i);

/* The bar at the top of every screen past attract: [Back] title [Aa] [Quick exit] ("Aa":
 * larger text, not on staff screens).
 * Returns the y where the content starts. */
float top_bar(Ctx *x, const char *title, Action back, int back_arg);
/* A menu's top: the bar with its title, then its intro line if the bundle has one.
 * Returns where the menu's buttons start. */
float menu_top(Ctx *x, Word title, Action back, Word intro_word, float gap);
/* The height of a menu's buttons: `rows` of them share what is under `top`, each at most
 * `tallest` and at least a touch target. */
float menu_cell_h(const Ctx *x, float top, int rows, float gap, float tallest);

/* --- chrome.c: the frame around a deck's pages ---------------------------------------------- */

/* Page dots (or "3 / 12" when there are many) centred in `r`. */
void page_marker(Ctx *x, Rect r);
/* At the right of the bottom row: [Next] while pages are to come, then `last` (which goes
 * back where the person came from: flow_deck_end), as wide as the wider of the two so
 * that it stays put. Returns its width. Draw it after deck_draw, which counts the pages. */
float deck_next(Ctx *x, const char *last, ButtonStyle last_style);
/* The word on a deck's last button: Home, Back to your result, What helps. */
const char *deck_end_word(Ctx *x);
/* The text column of a deck screen, under the top bar and above the footer. */
Rect deck_box(Ctx *x, float top, float bottom);

/* --- chrome.c: presenter mode ------------------------------------------------------------- */

/* Presenting with the chrome hidden: "Part 2 of 5 · 3 / 4" small at the bottom right, for
 * the facilitator. Draws nothing otherwise. */
void talk_marker(Ctx *x);

/* --- view.c: the pagination engine -------------------------------------------------------- */

void deck_begin(Ctx *x);
/* Adds text as items of `kind`, one per paragraph ('\n' separates them). NULL adds nothing. */
void deck_add(Ctx *x, ItemKind kind, const char *text);
/* Paginates the items for `box` (cached) and draws page flow->page; sets page_count. */
void deck_draw(Ctx *x, Rect box);
/* Where the sentence of `text` that starts at byte `from` ends (after the spaces that
 * follow it), or `len`: in larger text each sentence of a paragraph starts a line. */
int sentence_end(const char *text, int from, int len);
/* Only paginates (for a deck's contents, which lists the pages its cards are on). */
void deck_paginate(Ctx *x, Rect box);

/* --- mirror.c: right-to-left bundles ------------------------------------------------------ */

/* A group starts: what is drawn from here up to keep_end() is not mirrored inside. */
Kept keep_begin(const Ctx *x);
void keep_end(Ctx *x, Kept group, Keep how);
/* When the bundle reads right to left: mirrors what was laid out from command `cmd`,
 * target `target` and text block `block` on, left for right (each text line then drawn
 * against its right edge), but for the groups kept. */
void mirror_screen(Ctx *x, int cmd, int target, int block);

/* --- screen_quiz.c: the map of the two dimensions ------------------------------------------ */

/* What a result says: a style, "near the middle of the map" (both dimensions near the
 * line: no style name, least of all the trauma-linked one), or "not enough answers". */
typedef enum ResultKind { RESULT_STYLE, RESULT_MIDDLE, RESULT_UNPLACED } ResultKind;
ResultKind result_kind(const QuizScore *score);

enum { MAP_MAX_POINTS = 2 };

/* A point on the map: where a score sits (none when a dimension has too few answers),
 * drawn as a dot or a square, with a mark inside ("1", "2") or none. */
typedef struct MapPoint {
    const QuizScore *score;
    const char *mark;
    bool square;
} MapPoint;

/* The map in `r`: avoidance left to right, anxiety bottom to top, the styles' quadrants
 * named, `shaded`'s quadrant shaded (STYLE_COUNT: none), the points, the axes' words in
 * the gutter left of it (map_gutter wide) and under it (map_extra tall). */
void map_draw(Ctx *x, Rect r, const MapPoint *points, int n, Style shaded);
float map_gutter(Ctx *x);
/* A point's marker in `at` (its ring `ring` wide), as the map draws it: for a legend. */
void map_marker(Ctx *x, Rect at, const MapPoint *point, float ring);
float map_extra(Ctx *x);
/* The least width of a map, and the least height of one `width` wide, for its names. */
float map_least_width(Ctx *x);
float map_least_height(Ctx *x, float width);
/* A map's shape in a room `width` wide with its gutter: narrow in larger text where the
 * usual gutter leaves its names no room (the anxiety axis named above it, the gutter
 * holding only High and Low), its gutter's width, the height above it, its least width;
 * the least height of one `width` wide; the map drawn in that shape. */
typedef struct MapShape {
    bool narrow;
    float gutter, above, least;
} MapShape;
MapShape map_shape(Ctx *x, float width);
float map_shape_least_height(Ctx *x, const MapShape *shape, float width);
void map_draw_shaped(Ctx *x, Rect r, const MapPoint *points, int n, Style shaded, const MapShape *shape);

/* --- the screens ----------------------------------------------------------------------------- */

void screen_attract(Ctx *x);        /* screen_entry.c */
void screen_consent(Ctx *x);
void screen_home(Ctx *x);
void screen_question(Ctx *x);       /* screen_question.c */
void screen_result(Ctx *x);          /* screen_quiz.c */
void screen_guidance(Ctx *x);       /* screen_decks.c */
void screen_chemistry(Ctx *x);
void screen_partners(Ctx *x);
void screen_support(Ctx *x);
void screen_calm(Ctx *x);
void screen_couple_start(Ctx *x);   /* screen_couple.c */
void screen_handover(Ctx *x);
void screen_couple_choice(Ctx *x);
void screen_couple_map(Ctx *x);
void screen_staff(Ctx *x);          /* screen_staff.c */
void screen_unavailable(Ctx *x);
/* The four styles side by side with the map in `area` (screen_present.c): false, and
 * nothing drawn, when it does not fit there (`force`: drawn anyway, at its least). With
 * `pressable`, each style's card is a button to its guidance. */
bool styles_overview(Ctx *x, Rect area, bool pressable, bool force);
void screen_overview(Ctx *x);       /* screen_present.c */
void screen_sample_map(Ctx *x);
void screen_takeaway(Ctx *x);       /* screen_takeaway.c */
/* The style the take-away carries (the person's result's, STYLE_COUNT: none), and whether
 * the result and Get support offer "Take it home". */
Style takeaway_style(const Ctx *x);
bool takeaway_shown(const Ctx *x);

#endif
