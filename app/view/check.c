/* check.c — see check.h. check_screen() at the bottom runs the checks in the order the
 * header lists them; each is a small function above it that adds lines to the report.
 * Sizes in millimetres are rounded down when shown, so a failing 8.96 mm never reads as
 * "9.0 mm, needs 9 mm"; contrast ratios likewise. */
#include "check.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/utf8.h"

#define MM_PER_INCH 25.4
#define DEFAULT_DIAGONAL_INCHES 7.0
#define DEFAULT_WIDTH 800
#define DEFAULT_HEIGHT 480
#define EPSILON_MM 1e-3        /* float noise in a size exactly at the limit still passes */
#define EPSILON_RATIO 1e-9
#define DEGREES_PER_RADIAN (180 / 3.14159265358979323846)

/* Room for a quoted text (CHECK_QUOTE_BYTES, "…", and a character cut at the boundary). */
enum { QUOTE_BYTES = CHECK_QUOTE_BYTES + 8, NAME_BYTES = QUOTE_BYTES + 64 };

static const char *const role_names[FONT_ROLE_COUNT] = {
    [FONT_DISPLAY] = "display", [FONT_TITLE] = "title", [FONT_HEADING] = "heading",
    [FONT_BODY] = "body", [FONT_QUOTE] = "quote", [FONT_BUTTON] = "button",
    [FONT_CAPTION] = "caption",
};

/* What a target does, for naming a target that has no label. */
static const char *const action_names[ACT_ACTION_COUNT] = {
    [ACT_NONE] = "no action", [ACT_BEGIN] = "begin", [ACT_START] = "start",
    [ACT_DECLINE] = "decline", [ACT_OPEN] = "open", [ACT_ANSWER] = "answer",
    [ACT_BACK] = "back", [ACT_NEXT] = "next", [ACT_HOME] = "home",
    [ACT_QUICK_EXIT] = "quick exit", [ACT_GUIDANCE] = "guidance",
    [ACT_CHEMISTRY] = "chemistry", [ACT_RESTART] = "start over", [ACT_STAY] = "stay",
    [ACT_CALM_AGAIN] = "calm again", [ACT_PIN_DIGIT] = "PIN digit", [ACT_PIN_DELETE] = "PIN delete",
    [ACT_PIN_OK] = "PIN OK", [ACT_STAFF_PAGE] = "staff page", [ACT_STAFF_EXIT] = "close the app",
    [ACT_STAFF_RELOAD] = "reload", [ACT_STAFF_TALLY_RESET] = "reset the tally",
    [ACT_STAFF_BRIGHTNESS] = "brightness", [ACT_DONE] = "done", [ACT_UNDERSTANDING] = "understanding",
    [ACT_CONTENTS] = "contents", [ACT_JUMP] = "jump", [ACT_LINK] = "link", [ACT_CLEAR] = "clear",
    [ACT_KEEP] = "keep", [ACT_LANGUAGE] = "language",
    [ACT_SKIP] = "skip", [ACT_COUPLE_BEGIN] = "begin together", [ACT_COUPLE_NEXT] = "pass on",
    [ACT_COUPLE_SHARE] = "share or keep",
    [ACT_TAKEAWAY] = "take it home", [ACT_LARGE_TEXT] = "larger text",
};
/* every action has a name: a new one without it fails to build */
_Static_assert(ACT_LARGE_TEXT == ACT_ACTION_COUNT - 1, "name the new actions in action_names");

/* The [theme] keys, as a content author writes them. */
static const char *const colour_names[COLOUR_COUNT] = {
    [COLOUR_BACKGROUND] = "background", [COLOUR_SURFACE] = "surface", [COLOUR_TEXT] = "text",
    [COLOUR_MUTED] = "muted", [COLOUR_ACCENT] = "accent", [COLOUR_ACCENT_TEXT] = "accent_text",
    [COLOUR_LINE] = "line",
};

/* ---- the report ------------------------------------------------------------------- */

void check_report_clear(CheckReport *report)
{
    report->count = report->dropped = 0;
}

int check_add(CheckReport *report, const char *fmt, ...)
{
    char line[2 * CHECK_LINE_BYTES];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    if (n < 0)
        line[0] = '\0';
    else if (n >= CHECK_LINE_BYTES)   /* cut on a character, not inside one */
        line[utf8_floor(line, CHECK_LINE_BYTES - 1)] = '\0';

    for (int i = 0; i < report->count; i++)
        if (strcmp(report->lines[i], line) == 0)
            return 0;
    if (report->count == CHECK_MAX_PROBLEMS) {
        report->dropped++;
        return 1;
    }
    memcpy(report->lines[report->count++], line, strlen(line) + 1);
    return 1;
}

/* ---- naming things in a line -------------------------------------------------------- */

/* Writes `len` bytes of text in double quotes, cut to about CHECK_QUOTE_BYTES on a
 * character boundary (ending in "…"), control characters shown as spaces. */
static void quote(char out[QUOTE_BYTES], const char *text, int len)
{
    int n = 0;
    bool cut = false;
    if (!text || len < 0)
        len = 0;
    if (len > CHECK_QUOTE_BYTES) {
        /* utf8_floor reads text[CHECK_QUOTE_BYTES], which exists since len is larger */
        len = (int)utf8_floor(text, CHECK_QUOTE_BYTES);
        while (len > 0 && text[len - 1] == ' ')
            len--;
        cut = true;
    }
    out[n++] = '"';
    for (int i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        out[n++] = (char)(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    if (cut) {
        memcpy(out + n, "\xe2\x80\xa6", 3);   /* … */
        n += 3;
    }
    out[n++] = '"';
    out[n] = '\0';
}

/* A target by its label, or by what it does and where when it has none. */
static void target_name(char out[NAME_BYTES], const Target *t)
{
    if (t->label && t->label[0]) {
        size_t len = strlen(t->label);
        quote(out, t->label, len > (size_t)CHECK_QUOTE_BYTES ? CHECK_QUOTE_BYTES + 1 : (int)len);
        return;
    }
    const char *what = (unsigned)t->action < ACT_ACTION_COUNT && action_names[t->action]
                           ? action_names[t->action] : "?";
    snprintf(out, NAME_BYTES, "an unlabelled \"%s\" target at %.0f,%.0f", what,
             (double)t->rect.x, (double)t->rect.y);
}

/* A size in mm, rounded down to one decimal. */
static double mm_down(double mm)
{
    return floor(mm * 10.0 + 1e-6) / 10.0;
}

/* A contrast ratio rounded down to two decimals, without trailing zeros: 3.2, 4.48, 1. */
static void ratio_text(char out[16], double ratio)
{
    snprintf(out, 16, "%.2f", floor(ratio * 100.0 + 1e-6) / 100.0);
    char *end = out + strlen(out);
    while (end[-1] == '0')
        *--end = '\0';
    if (end[-1] == '.')
        end[-1] = '\0';
}

/* ---- physical size -------------------------------------------------------------------- */

double check_px_per_mm(const Config *config, int width, int height)
{
    if (config && config->dpi > 0)
        return config->dpi / MM_PER_INCH;
    if (width <= 0 || height <= 0) {
        width = DEFAULT_WIDTH;
        height = DEFAULT_HEIGHT;
    }
    double inches = config && config->diagonal > 0 ? config->diagonal : DEFAULT_DIAGONAL_INCHES;
    return hypot((double)width, (double)height) / (inches * MM_PER_INCH);
}

void check_limits_default(CheckLimits *limits, const Config *config, int width, int height)
{
    *limits = (CheckLimits){
        .px_per_mm = check_px_per_mm(config, width, height),
        .min_target_mm = 9.0,
        .min_body_mm = 3.5,
        .min_caption_mm = 2.5,
        .min_contrast = CHECK_CONTRAST_NORMAL,
        .min_contrast_large = CHECK_CONTRAST_LARGE,
        .large_mm = CHECK_LARGE_MM,
        .large_bold_mm = CHECK_LARGE_BOLD_MM,
        .min_module_mm = CHECK_MIN_MODULE_MM,
        .width = width,
        .height = height,
    };
}

/* ---- contrast --------------------------------------------------------------------------- */

/* One 8-bit sRGB channel to linear light (the sRGB curve; WCAG 2.x's older 0.03928 cut-off
 * gives the same result for every 8-bit value). */
static double linear(unsigned channel)
{
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double check_luminance(uint32_t colour)
{
    return 0.2126 * linear((colour >> 16) & 0xff) + 0.7152 * linear((colour >> 8) & 0xff) +
           0.0722 * linear(colour & 0xff);
}

double check_contrast(uint32_t fg, uint32_t bg)
{
    double a = check_luminance(fg), b = check_luminance(bg);
    return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

/* fg drawn at `alpha` over bg, as the renderer blends it (per channel, in sRGB). */
static uint32_t blend(uint32_t fg, uint32_t bg, uint8_t alpha)
{
    uint32_t out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        unsigned f = (fg >> shift) & 0xff, b = (bg >> shift) & 0xff;
        unsigned c = (f * alpha + b * (255u - alpha) + 127u) / 255u;
        out |= (uint32_t)c << shift;
    }
    return out;
}

static bool bold_role(FontRole font)
{
    return font == FONT_DISPLAY || font == FONT_TITLE || font == FONT_HEADING || font == FONT_BUTTON;
}

/* The font's height in mm, or 0 when unknown. */
static double text_mm(const Measure *m, FontRole font, const CheckLimits *limits)
{
    if (!m || (unsigned)font >= FONT_ROLE_COUNT || m->size[font] <= 0 || limits->px_per_mm <= 0)
        return 0;
    return m->size[font] / limits->px_per_mm;
}

static int check_text_contrast(const DrawCmd *c, const Measure *m, const CheckLimits *limits,
                               CheckReport *report)
{
    double mm = text_mm(m, c->font, limits);
    bool large = mm > 0 && mm + EPSILON_MM >= (bold_role(c->font) ? limits->large_bold_mm : limits->large_mm);
    double need = large ? limits->min_contrast_large : limits->min_contrast;
    double ratio = check_contrast(blend(c->colour, c->background, c->alpha), c->background);
    if (ratio + EPSILON_RATIO >= need)
        return 0;

    char r[16], q[QUOTE_BYTES], opacity[24] = "";
    ratio_text(r, ratio);
    quote(q, c->text, c->len);
    if (c->alpha < 255)
        snprintf(opacity, sizeof(opacity), " at %d%%", (c->alpha * 100 + 127) / 255);
    return check_add(report, "contrast %s:1 is below %g:1: %s (#%06x%s on #%06x)", r, need, q,
                     (unsigned)(c->colour & 0xffffff), opacity, (unsigned)(c->background & 0xffffff));
}

int check_theme(const Config *config, CheckReport *report)
{
    static const struct { ThemeColour fg, bg; double need; } pairs[] = {
        { COLOUR_TEXT, COLOUR_BACKGROUND, CHECK_CONTRAST_NORMAL },
        { COLOUR_TEXT, COLOUR_SURFACE, CHECK_CONTRAST_NORMAL },
        { COLOUR_MUTED, COLOUR_BACKGROUND, CHECK_CONTRAST_NORMAL },
        { COLOUR_MUTED, COLOUR_SURFACE, CHECK_CONTRAST_NORMAL },
        { COLOUR_ACCENT_TEXT, COLOUR_ACCENT, CHECK_CONTRAST_NORMAL },
        { COLOUR_ACCENT, COLOUR_BACKGROUND, CHECK_CONTRAST_LARGE },
        { COLOUR_ACCENT, COLOUR_SURFACE, CHECK_CONTRAST_LARGE },
    };
    assert(config && report);
    int added = 0;
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        uint32_t fg = config->colours[pairs[i].fg] & 0xffffff, bg = config->colours[pairs[i].bg] & 0xffffff;
        double ratio = check_contrast(fg, bg);
        if (ratio + EPSILON_RATIO >= pairs[i].need)
            continue;
        char r[16];
        ratio_text(r, ratio);
        added += check_add(report, "contrast %s:1 is below %g:1: theme \"%s\" on \"%s\" (#%06x on #%06x)",
                           r, pairs[i].need, colour_names[pairs[i].fg], colour_names[pairs[i].bg],
                           (unsigned)fg, (unsigned)bg);
    }
    return added;
}

/* ---- text inside its box -------------------------------------------------------------- */

static int check_overflow(const DrawCmd *c, CheckReport *report)
{
    char q[QUOTE_BYTES];
    Rect r = c->rect, box = c->clip;
    if (!(box.w > 0 && box.h > 0)) {
        quote(q, c->text, c->len);
        return check_add(report, "text has no box to stay inside: %s", q);
    }
    double over = 0, side;
    if ((side = (double)box.x - r.x) > over) over = side;
    if ((side = (double)box.y - r.y) > over) over = side;
    if ((side = ((double)r.x + r.w) - ((double)box.x + box.w)) > over) over = side;
    if ((side = ((double)r.y + r.h) - ((double)box.y + box.h)) > over) over = side;
    if (over <= CHECK_TOLERANCE_PX)
        return 0;
    quote(q, c->text, c->len);
    return check_add(report, "text overflows its box by %.0f px: %s", ceil(over - 1e-3), q);
}

/* ---- touch targets ---------------------------------------------------------------------- */

/* Whatever can be pressed or read must be on the screen (when its size is known). */
static int check_on_screen(Rect r, const char *what, const char *name, const CheckLimits *limits,
                           CheckReport *report)
{
    float tol = (float)CHECK_TOLERANCE_PX;
    if (limits->width <= 0 || limits->height <= 0)
        return 0;
    if (r.x >= -tol && r.y >= -tol && r.x + r.w <= limits->width + tol && r.y + r.h <= limits->height + tol)
        return 0;
    return check_add(report, "%s goes off the screen: %s at %.0f,%.0f", what, name, (double)r.x, (double)r.y);
}

static int check_target_size(const Target *t, const CheckLimits *limits, CheckReport *report)
{
    if (limits->px_per_mm <= 0)
        return 0;
    double w = t->rect.w / limits->px_per_mm, h = t->rect.h / limits->px_per_mm;
    double need = limits->min_target_mm - EPSILON_MM;
    if (w >= need && h >= need)
        return 0;
    char name[NAME_BYTES];
    target_name(name, t);
    return check_add(report, "target too small: %s is %.1f x %.1f mm, needs %g mm", name,
                     mm_down(w), mm_down(h), limits->min_target_mm);
}

/* Shrunk by half the tolerance on every side: two targets then overlap only when they
 * share more than CHECK_TOLERANCE_PX in both directions. */
static Rect inset(Rect r)
{
    const float d = (float)(CHECK_TOLERANCE_PX / 2);
    return (Rect){ r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d };
}

static int check_target_overlap(const Target *a, const Target *b, CheckReport *report)
{
    if (!rect_overlaps(inset(a->rect), inset(b->rect)))
        return 0;
    char na[NAME_BYTES], nb[NAME_BYTES];
    target_name(na, a);
    target_name(nb, b);
    return check_add(report, "targets overlap: %s and %s", na, nb);
}

/* ---- text size --------------------------------------------------------------------------- */

static int check_text_size(FontRole font, const Measure *m, const CheckLimits *limits,
                           CheckReport *report)
{
    double mm = text_mm(m, font, limits);
    double need = font == FONT_CAPTION ? limits->min_caption_mm : limits->min_body_mm;
    if (mm <= 0 || mm >= need - EPSILON_MM)
        return 0;
    return check_add(report, "%s text is %.1f mm tall, needs %g mm", role_names[font],
                     mm_down(mm), need);
}

/* ---- a capital H's angle of view ------------------------------------------------------------ */

double check_view_degrees(double mm, double distance_mm)
{
    return 2 * atan(mm / 2 / distance_mm) * DEGREES_PER_RADIAN;
}

double check_view_distance(double mm, double degrees)
{
    return mm / 2 / tan(degrees / 2 / DEGREES_PER_RADIAN);
}

int check_cap_height(double cap_px, const CheckLimits *limits, CheckReport *report)
{
    if (limits->px_per_mm <= 0)
        return 0;
    double mm = cap_px / limits->px_per_mm, deg = check_view_degrees(mm, CHECK_VIEW_MM);
    if (deg >= CHECK_CAP_DEGREES)
        return 0;
    return check_add(report, "large text: a capital H is %.1f mm, %.2f\xc2\xb0 at %g cm, needs %g\xc2\xb0",
                     mm_down(mm), floor(deg * 100) / 100, CHECK_VIEW_MM / 10, CHECK_CAP_DEGREES);
}

/* ---- a whole screen ------------------------------------------------------------------------ */

double check_code_mm(const DrawList *list, const CheckLimits *limits, int *side)
{
    double least = 0;
    int count = list->count < DRAW_MAX_CMDS ? list->count : DRAW_MAX_CMDS;
    for (int i = 0; i < count; i++) {
        const DrawCmd *c = &list->cmds[i];
        if (c->kind != DRAW_CODE || limits->px_per_mm <= 0)
            continue;
        double mm = c->module / limits->px_per_mm;
        if (least == 0 || mm < least) {
            least = mm;
            if (side)
                *side = c->side;
        }
    }
    return least;
}

/* A QR code a phone can read from 30 cm: modules large enough, a quiet zone, on screen,
 * nothing drawn over it (text or a target). */
static int check_code(const DrawList *list, const DrawCmd *c, const CheckLimits *limits, CheckReport *report)
{
    int added = 0;
    double mm = limits->px_per_mm > 0 ? c->module / limits->px_per_mm : 0;
    if (mm + 1e-9 < limits->min_module_mm)
        added += check_add(report, "QR code's modules are %.2f mm (%d px), need %.2f mm: %d modules a side",
                           mm, c->module, limits->min_module_mm, c->side);
    if (c->quiet < CHECK_MIN_QUIET)
        added += check_add(report, "QR code has a quiet zone of %d modules, needs %d", c->quiet, CHECK_MIN_QUIET);
    added += check_on_screen(c->rect, "a QR code", "", limits, report);
    for (int i = 0; i < list->count && i < DRAW_MAX_CMDS; i++)
        if (list->cmds[i].kind == DRAW_TEXT && rect_overlaps(c->rect, list->cmds[i].rect)) {
            char q[QUOTE_BYTES];
            quote(q, list->cmds[i].text, list->cmds[i].len);
            added += check_add(report, "text over a QR code: %s", q);
        }
    for (int i = 0; i < list->target_count && i < DRAW_MAX_TARGETS; i++)
        if (rect_overlaps(c->rect, list->targets[i].rect))
            added += check_add(report, "a target over a QR code: \"%s\"", list->targets[i].label ? list->targets[i].label : "");
    return added;
}

int check_screen(const DrawList *list, const Measure *measure, const CheckLimits *limits,
                 CheckReport *report)
{
    assert(list && limits && report);
    int added = 0;
    bool used[FONT_ROLE_COUNT] = { false };

    int count = list->count < DRAW_MAX_CMDS ? list->count : DRAW_MAX_CMDS;
    for (int i = 0; i < count; i++) {
        const DrawCmd *c = &list->cmds[i];
        if (c->kind == DRAW_CODE)
            added += check_code(list, c, limits, report);
        if (c->kind != DRAW_TEXT || c->len <= 0 || !c->text)
            continue;
        added += check_overflow(c, report);
        char q[QUOTE_BYTES];
        quote(q, c->text, c->len);
        added += check_on_screen(c->rect, "text", q, limits, report);
        added += check_text_contrast(c, measure, limits, report);
        if ((unsigned)c->font < FONT_ROLE_COUNT)
            used[c->font] = true;
    }

    int targets = list->target_count < DRAW_MAX_TARGETS ? list->target_count : DRAW_MAX_TARGETS;
    for (int i = 0; i < targets; i++) {
        const Target *a = &list->targets[i];
        if (!a->enabled)
            continue;
        added += check_target_size(a, limits, report);
        char name[NAME_BYTES];
        target_name(name, a);
        added += check_on_screen(a->rect, "a target", name, limits, report);
        for (int j = i + 1; j < targets; j++)
            if (list->targets[j].enabled)
                added += check_target_overlap(a, &list->targets[j], report);
    }

    for (int f = 0; f < FONT_ROLE_COUNT; f++)
        if (used[f])
            added += check_text_size((FontRole)f, measure, limits, report);

    if (list->overflowed)
        added += check_add(report, "the screen needs more than the draw list holds "
                                   "(%d commands, %d targets, %d text blocks, %d bytes of text)",
                           DRAW_MAX_CMDS, DRAW_MAX_TARGETS, DRAW_MAX_BLOCKS, DRAW_TEXT_BYTES);
    return added;
}

/* ---- the reading check -------------------------------------------------------------------- */

void check_deck_start(CheckDeck *deck)
{
    deck->pages = 0;
    deck->heading[0] = '\0';
}

static bool is_heading(TextRole r)
{
    return r == TEXT_KICKER || r == TEXT_HEADING || r == TEXT_CONTINUED || r == TEXT_SUBTITLE ||
           r == TEXT_LABEL;
}

static bool is_body(TextRole r)
{
    return r == TEXT_BODY || r == TEXT_ITEM || r == TEXT_QUOTE || r == TEXT_NOTE;
}

bool check_ends_sentence(const char *s, int len)
{
    static const char *const closers[] = { "\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb", "\"", "'", ")", "]" };
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    for (bool more = true; more && len > 0;) {
        more = false;
        for (size_t i = 0; i < sizeof(closers) / sizeof(closers[0]); i++) {
            int n = (int)strlen(closers[i]);
            if (len >= n && memcmp(s + len - n, closers[i], (size_t)n) == 0) {
                len -= n;
                more = true;
                break;
            }
        }
    }
    if (len >= 3 && memcmp(s + len - 3, "\xe2\x80\xa6", 3) == 0)
        return true;
    return len > 0 && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?');
}

/* A line starts a sentence when it starts its paragraph or what comes before it ends one. */
static bool starts_sentence(const DrawCmd *c)
{
    return c->at <= 0 || check_ends_sentence(c->text - c->at, c->at);
}

/* A line ends a sentence when it ends its paragraph or its own text ends one. */
static bool ends_line_sentence(const DrawCmd *c)
{
    return c->at + c->len >= c->whole || check_ends_sentence(c->text, c->len);
}

static bool starts_with(const DrawCmd *c, const char *prefix)
{
    size_t n = strlen(prefix);
    return (size_t)c->whole >= n && memcmp(c->text - c->at, prefix, n) == 0;
}

/* The page's first and last body lines: inside a sentence or a quote. */
static int reading_edges(const DrawCmd *first, const DrawCmd *last, CheckReport *report)
{
    char q[QUOTE_BYTES];
    int added = 0;
    if (first && first->role == TEXT_QUOTE ? first->at > 0 : first && !starts_sentence(first)) {
        quote(q, first->text, first->len);
        added += check_add(report, first->role == TEXT_QUOTE ? "a quote goes on from the page before: %s"
                                                             : "page starts inside a sentence: %s", q);
    }
    if (last && last->role == TEXT_QUOTE ? last->at + last->len < last->whole : last && !ends_line_sentence(last)) {
        quote(q, last->text, last->len);
        added += check_add(report, last->role == TEXT_QUOTE ? "a quote goes on to the next page: %s"
                                                            : "page ends inside a sentence: %s", q);
    }
    return added;
}

/* Whether a card goes on with its heading, and that a continued heading names its card. */
static int reading_heading(const DrawCmd *first, CheckDeck *deck, CheckReport *report)
{
    char q[QUOTE_BYTES];
    if (deck->pages == 0 || !deck->heading[0] || first->role == TEXT_KICKER || first->role == TEXT_HEADING)
        return 0;
    quote(q, first->text, first->len);
    if (first->role != TEXT_CONTINUED)
        return check_add(report, "a card goes on without its heading: %s", q);
    if (!starts_with(first, deck->heading))
        return check_add(report, "a continued heading names another card: %s", q);
    return 0;
}

/* Where what a person can see begins: after the last opaque rectangle that covers the
 * whole picture (the first command, the background, shows how big that is), as an
 * overlay's cover does; 0 when nothing covers the screen. */
static int first_visible(const DrawList *list, int count)
{
    int from = 0;
    if (count == 0 || list->cmds[0].kind != DRAW_RECT)
        return 0;
    Rect all = list->cmds[0].rect;
    for (int i = 1; i < count; i++) {
        const DrawCmd *c = &list->cmds[i];
        if (c->kind == DRAW_RECT && c->alpha == 255 && c->thickness == 0 && c->rect.x <= all.x &&
            c->rect.y <= all.y && c->rect.x + c->rect.w >= all.x + all.w && c->rect.y + c->rect.h >= all.y + all.h)
            from = i + 1;
    }
    return from;
}

int check_reading(const DrawList *list, CheckDeck *deck, CheckReport *report)
{
    assert(list && deck && report);
    const DrawCmd *first = NULL, *last = NULL, *first_body = NULL, *last_body = NULL, *before = NULL;
    int body = 0, added = 0, count = list->count < DRAW_MAX_CMDS ? list->count : DRAW_MAX_CMDS;
    bool item_seen = false;
    char q[QUOTE_BYTES], heading[CHECK_LINE_BYTES] = "";
    for (int i = first_visible(list, count); i < count; i++) {
        const DrawCmd *c = &list->cmds[i];
        if (c->kind != DRAW_TEXT || c->role == TEXT_PLAIN || c->role >= TEXT_ROLE_COUNT || !c->text)
            continue;
        if (!first)
            first = c;
        if (is_body(c->role)) {
            body++;
            if (!first_body)
                first_body = c;
            last_body = c;
        }
        if (c->role == TEXT_ITEM && !item_seen) {
            item_seen = true;
            if (!before || (before->role != TEXT_LABEL && before->role != TEXT_BODY && before->role != TEXT_ITEM)) {
                quote(q, c->text, c->len);
                added += check_add(report, "a list is apart from its heading: %s", q);
            }
        }
        if ((c->role == TEXT_HEADING || c->role == TEXT_CONTINUED) && c->at == 0) {
            int n = c->whole;
            if (n > CHECK_LINE_BYTES - 1)
                n = (int)utf8_floor(c->text, CHECK_LINE_BYTES - 1);
            memcpy(heading, c->text, (size_t)n);
            heading[n] = '\0';
        }
        before = last = c;
    }
    if (!first)
        return 0;
    added += reading_edges(first_body, last_body, report);
    if (body == 1) {
        quote(q, first_body->text, first_body->len);
        added += check_add(report, "page has one line of body text: %s", q);
    }
    if (is_heading(last->role)) {
        quote(q, last->text, last->len);
        added += check_add(report, "a heading is last on the page: %s", q);
    }
    added += reading_heading(first, deck, report);
    if (heading[0])
        memcpy(deck->heading, heading, sizeof(heading));
    deck->pages++;
    return added;
}
