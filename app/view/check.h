/* check.h — the layout checks `attune --tour` runs on every screen, on its DrawList.
 *
 * A screen passes when a person standing at the kiosk can read and use it: every line of
 * text stays inside its box, every touch target is big enough for a finger and apart from
 * the others, text is tall enough to read at arm's length, and it stands out from what is
 * behind it (WCAG 2.x contrast). Each problem becomes one line of plain text that names
 * what is wrong and where, for a content author or a developer:
 *
 *     text overflows its box by 14 px: "Take the reflection"
 *     targets overlap: "Back" and "Next"
 *     target too small: "Next" is 7.1 x 12.0 mm, needs 9 mm
 *     contrast 3.2:1 is below 4.5:1: "4 of 14" (#8a8a8a on #f6f1ea)
 *     body text is 2.9 mm tall, needs 3.5 mm
 *
 * Start with check_limits_default() and check_screen(). Nothing here knows SDL, prints,
 * exits or allocates: problems go into a CheckReport of fixed capacity.
 *
 * Physical sizes. Targets and text are judged in millimetres on the glass, so the checks
 * need the display's pixel density (check_px_per_mm). One logical pixel of a DrawList is
 * taken to be one pixel of the display. */
#ifndef ATTUNE_CHECK_H
#define ATTUNE_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/config.h"
#include "draw.h"
#include "text.h"

enum {
    CHECK_MAX_PROBLEMS = 64,   /* lines a report keeps; more are counted in `dropped` */
    CHECK_LINE_BYTES = 200,    /* one line, NUL included; longer lines are cut */
    CHECK_QUOTE_BYTES = 40     /* quoted text longer than this is cut and ends in "…" */
};

/* WCAG 2.x success criterion 1.4.3 (contrast, minimum). */
#define CHECK_CONTRAST_NORMAL 4.5   /* text */
#define CHECK_CONTRAST_LARGE 3.0    /* large text, and UI parts such as a button's fill */
#define CHECK_LARGE_MM 6.35         /* 18 pt: large text */
#define CHECK_LARGE_BOLD_MM 4.94    /* 14 pt: large text in a bold role */

/* A QR code's least module on the glass. A phone's main camera (about 4000 pixels across
 * some 65 degrees) held 30 cm away puts a 0.5 mm module on about 6 of its pixels; decoders
 * want 3 or more, and the rest is kept for focus, a hand's shake and the panel's glare.
 * On the 7" 800x480 panel (5.25 px/mm) that is 3 whole pixels a module (0.57 mm). */
#define CHECK_MIN_MODULE_MM 0.5
#define CHECK_MIN_QUIET 4           /* modules of light margin around a code (ISO/IEC 18004) */

/* EN 301 549 5.1.4 (closed functionality, magnification): a mode in which a capital H is
 * at least 0.7 degrees of the view, at a distance the standard leaves to the product. A
 * touch screen is read from where it is touched: an arm's length, about 30 cm (the
 * reasoning is in docs/design.md, "Larger text"). */
#define CHECK_CAP_DEGREES 0.7
#define CHECK_VIEW_MM 300.0

/* A DRAW_TEXT may pass its clip box by this much (rounding in the layout), and targets may
 * overlap by this much in each direction before it counts. */
#define CHECK_TOLERANCE_PX 0.5

typedef struct CheckLimits {
    double px_per_mm;          /* display pixels per millimetre (check_px_per_mm) */
    double min_target_mm;      /* an enabled target's width and height: 9 */
    double min_body_mm;        /* every role but the caption (body, quote, buttons, titles): 3.5 */
    double min_caption_mm;     /* FONT_CAPTION (progress, page numbers, small print): 2.5 */
    double min_contrast;       /* CHECK_CONTRAST_NORMAL */
    double min_contrast_large; /* CHECK_CONTRAST_LARGE */
    double large_mm;           /* CHECK_LARGE_MM */
    double large_bold_mm;      /* CHECK_LARGE_BOLD_MM */
    double min_module_mm;      /* a QR code's module: CHECK_MIN_MODULE_MM */
    int width, height;         /* the screen; 0: not checked that things stay on it */
} CheckLimits;

/* The problems found, one line each, no trailing newline. A report never holds the same
 * line twice, so one report per screen gives "each distinct problem once per screen".
 * Lines that do not fit are counted in `dropped` (a duplicate among them counts again). */
typedef struct CheckReport {
    char lines[CHECK_MAX_PROBLEMS][CHECK_LINE_BYTES];
    int count;
    int dropped;
} CheckReport;

/* Empties a report (count and dropped to 0). A zero-initialised report is empty too. */
void check_report_clear(CheckReport *report);

/* Adds one printf-style line unless the report already holds it. Returns 1 when the line
 * is new (kept, or counted in `dropped` when the report is full), 0 for a duplicate. For
 * callers that find problems of their own (a missing screen, a page that does not fit). */
int check_add(CheckReport *report, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The display's pixels per millimetre for a screen of width x height pixels:
 *   - config->dpi > 0: dpi / 25.4 (the panel's own figure; best when known);
 *   - else config->diagonal > 0: the pixel diagonal over the diagonal in mm;
 *   - else the screen is taken to be a 7-inch-class panel at whatever size it has, i.e.
 *     hypot(width, height) / (7 × 25.4). For the 7" 800x480 Raspberry Pi display that is
 *     its real density (≈ 5.25 px/mm, 133 dpi). For a 1920x1080 desktop window it is
 *     ≈ 12.4 px/mm: sizes are judged as if the window were that 7" panel scaled up. This
 *     is deliberate: the layout scales with the screen (theme sizes are "pixels at
 *     800x480"), so a window only passes when the same layout would pass on the kiosk,
 *     instead of passing on a big window because its pixels are many and shrinking to
 *     unreadable text once shown on the panel.
 * width or height <= 0 (without dpi) counts as 800x480. config may be NULL (= neither set). */
double check_px_per_mm(const Config *config, int width, int height);

/* Fills `limits` for a screen of width x height pixels: px_per_mm from check_px_per_mm,
 * targets 9 mm, body text 3.5 mm, captions 2.5 mm, and the WCAG contrast figures above.
 * Change any field afterwards to check against other limits. */
void check_limits_default(CheckLimits *limits, const Config *config, int width, int height);

/* Runs every check on one laid-out screen and adds its problems to `report`:
 *   1. each DRAW_TEXT's rect lies inside its `clip` (CHECK_TOLERANCE_PX of slack); a clip
 *      with no width or height is reported as a text with no box;
 *   2. each enabled target is at least min_target_mm wide and tall, and no two enabled
 *      targets overlap (share more than an edge, CHECK_TOLERANCE_PX of slack). Disabled
 *      targets are not checked. A target with no label is named by its action and place;
 *   3. each font role used by a DRAW_TEXT is at least min_caption_mm (FONT_CAPTION) or
 *      min_body_mm (every other role) tall, taking Measure.size (the pixel size of an em)
 *      as the height of the text: simple, and the figure a theme sets;
 *   4. each DRAW_TEXT's colour (blended over its background when alpha < 255) has at least
 *      min_contrast against `background`, or min_contrast_large for large text: at least
 *      large_mm tall, or large_bold_mm in the bold roles (display, title, heading, button);
 *   5. list->overflowed (a capacity of the draw list was reached).
 * `measure` may be NULL: then check 3 is skipped and all text counts as not large (the
 * stricter contrast); so is a role whose size is 0. Text is quoted in the lines, cut to
 * about CHECK_QUOTE_BYTES on a UTF-8 boundary. Returns how many new lines it found (kept
 * or dropped); 0 means the screen passes, as far as this report knows. */
int check_screen(const DrawList *list, const Measure *measure, const CheckLimits *limits,
                 CheckReport *report);

/* The smallest module of the QR codes on the screen, in mm on the glass (0: no code), and
 * that code's modules a side in *side (may be NULL). check_screen says, besides the above,
 * when a code's module is under min_module_mm or it has less than CHECK_MIN_QUIET modules
 * of quiet zone or lies partly off the screen. */
double check_code_mm(const DrawList *list, const CheckLimits *limits, int *side);

/* The angle in degrees that something `mm` tall takes up, seen from `distance_mm` away
 * (square on): 2 atan(mm / 2 / distance). */
double check_view_degrees(double mm, double distance_mm);

/* The farthest distance in mm at which `mm` is still `degrees` of the view. */
double check_view_distance(double mm, double degrees);

/* Larger text's check (EN 301 549 5.1.4): a capital H of body text, `cap_px` pixels tall
 * (the renderer's), is at least CHECK_CAP_DEGREES of the view at CHECK_VIEW_MM. Adds
 *     large text: a capital H is 3.1 mm, 0.59° at 30 cm, needs 0.7°
 * when it is not, and returns how many new lines it added. */
int check_cap_height(double cap_px, const CheckLimits *limits, CheckReport *report);

/* ---- the reading check: a deck's pages as a person reads them ---------------------------
 *
 * Judges the text a view marked with a TextRole (draw.h), page by page, in the order it
 * was drawn (the reading order). A page passes when:
 *   - its body text (body, list items, notes) neither starts nor ends inside a sentence:
 *     the text of the paragraph before its first line ends a sentence (. ! ? …, closing
 *     quotes and brackets allowed after), and so does its last line, or it ends its
 *     paragraph;
 *   - no quote goes on from or to another page;
 *   - it holds no or at least two lines of body text (body, items, quotes, notes);
 *   - no heading, kicker, subtitle or label is last on it;
 *   - after the deck's first heading, every page starts with a heading: a new card's, or
 *     the heading of the card it continues marked TEXT_CONTINUED, which must begin with
 *     that card's heading;
 *   - a list's first item on it follows its label or a paragraph, not a bare heading.
 * Lines name the page's text: `page ends inside a sentence: "…"`. */

/* What the reading check carries from one page of a deck to the next. Zero it (or call
 * check_deck_start) before a deck's first page. */
typedef struct CheckDeck {
    int pages;                      /* pages with deck text checked so far */
    char heading[CHECK_LINE_BYTES]; /* the heading of the card the last page ended in */
} CheckDeck;

void check_deck_start(CheckDeck *deck);

/* True when `len` bytes of text end a sentence: . ! ? or … last, closing quotes and
 * brackets allowed after it, spaces ignored. The view breaks pages where this holds. */
bool check_ends_sentence(const char *text, int len);

/* Checks one page (a laid-out screen) of the deck `deck` and adds its problems to
 * `report`; returns how many new lines it found. A screen with no deck text passes and
 * does not count as a page. */
int check_reading(const DrawList *list, CheckDeck *deck, CheckReport *report);

/* Checks the theme's colour pairs, as the screens use them, for `attune --check`: text and
 * muted on background and on surface (4.5:1), accent_text on accent (4.5:1: button labels),
 * accent on background and on surface (3:1: large text and button fills). `line` is for
 * decorative rules and is not checked. Lines name the [theme] keys:
 *     contrast 3.2:1 is below 4.5:1: theme "muted" on "surface" (#8a8a8a on #fffdf9)
 * Returns how many new lines it added. */
int check_theme(const Config *config, CheckReport *report);

/* The WCAG 2.x contrast ratio of two 0xRRGGBB colours, from 1 (same) to 21 (black and
 * white): (L1 + 0.05) / (L2 + 0.05) of their relative luminances, lighter over darker,
 * with sRGB channels linearised. The order of fg and bg does not matter. */
double check_contrast(uint32_t fg, uint32_t bg);

/* The relative luminance of a 0xRRGGBB colour, 0 (black) to 1 (white). */
double check_luminance(uint32_t colour);

#endif
