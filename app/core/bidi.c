/* bidi.c — see bidi.h. FriBidi gives the embedding levels (fribidi_get_par_embedding_levels_ex,
 * rules P2 to I2 and most of L1); this file adds L1's whitespace at the end of the line,
 * cuts the line into runs of one level and one script, and puts the runs in visual order
 * (rule L2: from the highest level down to the lowest odd one, reverse every sequence of
 * runs at that level or above). The scripts come from a small table of the scripts a
 * bundle is likely to be written in. */
#include "bidi.h"

#include <fribidi.h>
#include <string.h>

#include "utf8.h"

_Static_assert(sizeof(FriBidiChar) == sizeof(uint32_t), "code points are 32 bits");
_Static_assert(sizeof(FriBidiCharType) == sizeof(uint32_t), "bidi types are 32 bits");
_Static_assert(sizeof(FriBidiBracketType) == sizeof(uint32_t), "bracket types are 32 bits");
_Static_assert(sizeof(FriBidiLevel) == sizeof(int8_t), "levels are a signed char");
_Static_assert(4 * BIDI_MAX_CHARS < INT16_MAX, "byte offsets fit int16_t");

/* ---- scripts -------------------------------------------------------------------------- */

enum { COMMON, INHERITED }; /* the first two tags */

static const char tags[][5] = {
    "Zyyy", "Zinh", "Latn", "Arab", "Hebr", "Grek", "Cyrl", "Armn", "Syrc", "Thaa", "Deva",
    "Thai", "Geor", "Hang", "Ethi", "Hira", "Kana", "Hani",
};
enum { LATN = 2, ARAB, HEBR, GREK, CYRL, ARMN, SYRC, THAA, DEVA, THAI, GEOR, HANG, ETHI,
       HIRA, KANA, HANI };

/* Ranges of code points, sorted; anything between them is common. */
static const struct {
    uint32_t first, last;
    int8_t script;
} ranges[] = {
    { 0x0041, 0x005A, LATN }, { 0x0061, 0x007A, LATN }, { 0x00AA, 0x00AA, LATN },
    { 0x00BA, 0x00BA, LATN }, { 0x00C0, 0x00D6, LATN }, { 0x00D8, 0x00F6, LATN },
    { 0x00F8, 0x02AF, LATN }, { 0x0300, 0x036F, INHERITED }, { 0x0370, 0x03FF, GREK },
    { 0x0400, 0x052F, CYRL }, { 0x0531, 0x058F, ARMN }, { 0x0591, 0x05FF, HEBR },
    { 0x0600, 0x060B, ARAB }, /* 060C ARABIC COMMA is common */ { 0x060D, 0x061A, ARAB },
    /* 061B ARABIC SEMICOLON */ { 0x061C, 0x061E, ARAB }, /* 061F ARABIC QUESTION MARK */
    { 0x0620, 0x063F, ARAB }, /* 0640 TATWEEL */ { 0x0641, 0x064A, ARAB },
    { 0x064B, 0x0655, INHERITED }, /* the vowel marks */ { 0x0656, 0x066F, ARAB },
    { 0x0670, 0x0670, INHERITED }, { 0x0671, 0x06FF, ARAB }, { 0x0700, 0x074F, SYRC },
    { 0x0750, 0x077F, ARAB }, { 0x0780, 0x07BF, THAA }, { 0x08A0, 0x08FF, ARAB },
    { 0x0900, 0x0963, DEVA }, { 0x0966, 0x097F, DEVA }, { 0x0E01, 0x0E3A, THAI },
    { 0x0E40, 0x0E5B, THAI }, { 0x10A0, 0x10FF, GEOR }, { 0x1100, 0x11FF, HANG },
    { 0x1200, 0x139F, ETHI }, { 0x1AB0, 0x1AFF, INHERITED }, { 0x1DC0, 0x1DFF, INHERITED },
    { 0x1E00, 0x1EFF, LATN }, { 0x1F00, 0x1FFF, GREK }, { 0x200C, 0x200D, INHERITED },
    { 0x20D0, 0x20FF, INHERITED }, { 0x2C60, 0x2C7F, LATN }, { 0x2DE0, 0x2DFF, CYRL },
    { 0x3041, 0x3096, HIRA }, { 0x3099, 0x309A, INHERITED }, { 0x309D, 0x309F, HIRA },
    { 0x30A1, 0x30FA, KANA }, { 0x30FD, 0x30FF, KANA }, { 0x3131, 0x318F, HANG },
    { 0x3400, 0x4DBF, HANI }, { 0x4E00, 0x9FFF, HANI }, { 0xA640, 0xA69F, CYRL },
    { 0xA720, 0xA7FF, LATN }, { 0xAB30, 0xAB6F, LATN }, { 0xAC00, 0xD7AF, HANG },
    { 0xF900, 0xFAFF, HANI }, { 0xFB00, 0xFB06, LATN }, { 0xFB1D, 0xFB4F, HEBR },
    { 0xFB50, 0xFD3D, ARAB }, { 0xFD40, 0xFDFF, ARAB }, { 0xFE00, 0xFE0F, INHERITED },
    { 0xFE20, 0xFE2F, INHERITED }, { 0xFE70, 0xFEFE, ARAB }, { 0xFF21, 0xFF3A, LATN },
    { 0xFF41, 0xFF5A, LATN }, { 0xFF66, 0xFF9D, KANA }, { 0x20000, 0x2FA1F, HANI },
};

static int script_id(uint32_t c)
{
    size_t lo = 0, hi = sizeof(ranges) / sizeof(ranges[0]);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < ranges[mid].first)
            hi = mid;
        else if (c > ranges[mid].last)
            lo = mid + 1;
        else
            return ranges[mid].script;
    }
    return COMMON;
}

const char *bidi_script_of(uint32_t c)
{
    return tags[script_id(c)];
}

/* Gives the common and inherited characters of [from, to) (one level) the script of the
 * letter before them, else of the first letter after them; all common when none has one. */
static void attach_common(int8_t *scripts, int from, int to)
{
    int last = -1;
    for (int i = from; i < to; i++) {
        if (scripts[i] > INHERITED)
            last = scripts[i];
        else if (last >= 0)
            scripts[i] = (int8_t)last;
    }
    int first = from;
    while (first < to && scripts[first] <= INHERITED)
        first++;
    for (int i = from; i < first; i++)
        scripts[i] = first < to ? scripts[first] : COMMON;
}

/* ---- levels --------------------------------------------------------------------------- */

/* A type that needs the algorithm: right to left, Arabic digits, an explicit or isolate mark. */
static bool rtl_type(FriBidiCharType t)
{
    return (t & (FRIBIDI_MASK_RTL | FRIBIDI_MASK_ARABIC | FRIBIDI_MASK_EXPLICIT |
                 FRIBIDI_MASK_ISOLATE)) != 0;
}

bool bidi_needed(const char *text, int len, BidiDir base)
{
    if (base == BIDI_RTL)
        return true;
    for (size_t pos = 0; pos < (size_t)len;)
        if (rtl_type(fribidi_get_bidi_type(utf8_decode(text, (size_t)len, &pos))))
            return true;
    return false;
}

BidiDir bidi_first_strong(const char *text, int len, BidiDir fallback)
{
    for (size_t pos = 0; pos < (size_t)len;) {
        FriBidiCharType t = fribidi_get_bidi_type(utf8_decode(text, (size_t)len, &pos));
        if (FRIBIDI_IS_LETTER(t))
            return FRIBIDI_IS_RTL(t) ? BIDI_RTL : BIDI_LTR;
    }
    return fallback;
}

/* Decodes up to BIDI_MAX_CHARS code points with their offsets and scripts; returns how many. */
static int decode(BidiWork *w, const char *text, int len)
{
    int n = 0;
    size_t pos = 0;
    while (pos < (size_t)len && n < BIDI_MAX_CHARS) {
        w->offsets[n] = (int16_t)pos;
        w->chars[n] = utf8_decode(text, (size_t)len, &pos);
        w->scripts[n] = (int8_t)script_id(w->chars[n]);
        n++;
    }
    w->offsets[n] = (int16_t)pos;
    return n;
}

/* Fills w->levels for the first n code points. A line with nothing right to left in a
 * left-to-right paragraph is all level 0 without asking FriBidi (which allocates). */
static void find_levels(BidiWork *w, int n, BidiDir base, bool needed)
{
    FriBidiLevel *levels = (FriBidiLevel *)w->levels;
    memset(levels, base == BIDI_RTL, (size_t)n);
    if (!needed || n == 0)
        return;
    FriBidiCharType *types = w->types;
    fribidi_get_bidi_types(w->chars, n, types);
    fribidi_get_bracket_types(w->chars, n, types, w->brackets);
    FriBidiParType dir = base == BIDI_RTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (fribidi_get_par_embedding_levels_ex(types, w->brackets, n, &dir, levels) == 0) {
        memset(levels, base == BIDI_RTL, (size_t)n); /* FriBidi failed: one run, base level */
        return;
    }
    /* L1, its last part: whitespace and marks at the end of the line take the base level */
    for (int i = n - 1; i >= 0 && (FRIBIDI_IS_EXPLICIT_OR_BN_OR_WS(types[i]) ||
                                   FRIBIDI_IS_ISOLATE(types[i])); i--)
        levels[i] = base == BIDI_RTL;
}

/* ---- runs ----------------------------------------------------------------------------- */

/* Cuts the n code points into runs of one level and script, in logical order; returns how
 * many (at most max, the rest joining the last). */
static int logical_runs(BidiWork *w, int n, BidiRun *runs, int max)
{
    for (int from = 0, to; from < n; from = to) {
        for (to = from + 1; to < n && w->levels[to] == w->levels[from]; to++)
            ;
        attach_common(w->scripts, from, to);
    }
    int count = 0;
    for (int i = 0; i < n; i++) {
        int end = w->offsets[i + 1];
        BidiRun *last = count ? &runs[count - 1] : NULL;
        if (last && (count == max || (last->level == w->levels[i] &&
                                      strcmp(last->script, tags[w->scripts[i]]) == 0))) {
            last->len = end - last->start;
            continue;
        }
        BidiRun *run = &runs[count++];
        *run = (BidiRun){ .start = w->offsets[i], .len = end - w->offsets[i],
                          .level = w->levels[i], .dir = (w->levels[i] & 1) ? BIDI_RTL : BIDI_LTR };
        memcpy(run->script, tags[w->scripts[i]], sizeof(run->script));
    }
    return count;
}

static void reverse(BidiRun *runs, int from, int to)
{
    for (to--; from < to; from++, to--) {
        BidiRun t = runs[from];
        runs[from] = runs[to];
        runs[to] = t;
    }
}

/* Rule L2 over whole runs. */
static void visual_order(BidiRun *runs, int count)
{
    int high = 0, low_odd = 127;
    for (int i = 0; i < count; i++) {
        high = runs[i].level > high ? runs[i].level : high;
        if ((runs[i].level & 1) && runs[i].level < low_odd)
            low_odd = runs[i].level;
    }
    for (int level = high; level >= low_odd; level--)
        for (int i = 0; i < count;) {
            if (runs[i].level < level) {
                i++;
                continue;
            }
            int j = i;
            while (j < count && runs[j].level >= level)
                j++;
            reverse(runs, i, j);
            i = j;
        }
}

int bidi_runs(BidiWork *w, const char *text, int len, BidiDir base, BidiRun *runs, int max)
{
    if (len <= 0 || max <= 0)
        return 0;
    max = max < BIDI_MAX_RUNS ? max : BIDI_MAX_RUNS;
    int n = decode(w, text, len);
    bool tail = w->offsets[n] < len; /* past BIDI_MAX_CHARS */
    if (tail && max == 1) {
        runs[0] = (BidiRun){ 0, len, base == BIDI_RTL, base, "Zyyy" };
        return 1;
    }
    find_levels(w, n, base, bidi_needed(text, w->offsets[n], base));
    int count = logical_runs(w, n, runs, tail ? max - 1 : max);
    visual_order(runs, count);
    /* the line's characters are not kept (what a screen showed stays private) */
    memset(w->chars, 0, (size_t)n * sizeof(w->chars[0]));
    memset(w->types, 0, (size_t)n * sizeof(w->types[0]));
    memset(w->brackets, 0, (size_t)n * sizeof(w->brackets[0]));
    memset(w->scripts, 0, (size_t)n);
    if (tail) {
        BidiRun rest = { w->offsets[n], len - w->offsets[n], base == BIDI_RTL, base, "Zyyy" };
        if (base == BIDI_RTL) {
            memmove(runs + 1, runs, (size_t)count * sizeof(*runs));
            runs[0] = rest;
        } else {
            runs[count] = rest;
        }
        count++;
    }
    return count;
}
