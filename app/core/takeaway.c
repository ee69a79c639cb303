/* takeaway.c — see takeaway.h. The text is composed here, from the bundle and the config;
 * libqrencode turns it into modules, copied into fixed buffers at once. */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "takeaway.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "utf8.h"

/* Every word the screen shows. */
bool takeaway_offered(const Bundle *b)
{
    for (int w = WORD_TAKEAWAY_OPEN; w <= WORD_TAKEAWAY_BOOKING; w++)
        if (!b->words[w])
            return false;
    return true;
}

static bool has_style(const Bundle *b, Style style)
{
    return style >= 0 && style < STYLE_COUNT && b->styles[style].name;
}

/* The practice's booking line: `booking`, else the support text. */
static const char *booking_line(const Config *c)
{
    return c->booking[0] ? c->booking : c->practice_text;
}

bool takeaway_has_text(const Bundle *b, const Config *c, Style style)
{
    return has_style(b, style) || c->practice_name[0] || booking_line(c)[0];
}

typedef struct Out {
    char *s;
    size_t size, len;
} Out;

/* Appends `n` bytes of `text` (all of it when n < 0), cut at a character when full. */
static void put(Out *o, const char *text, int n)
{
    if (!text)
        return;
    size_t len = n < 0 ? strlen(text) : (size_t)n;
    size_t room = o->size - 1 - o->len;
    if (len > room)
        len = utf8_cut(text, len, room);
    memcpy(o->s + o->len, text, len);
    o->len += len;
    o->s[o->len] = '\0';
}

/* A blank line between blocks (none before the first). */
static void block(Out *o)
{
    if (o->len > 0)
        put(o, "\n\n", -1);
}

int takeaway_compose(const Bundle *b, const Config *c, Style style, char *out, size_t size)
{
    Out o = { out, size, 0 };
    if (size == 0)
        return 0;
    out[0] = '\0';
    if (has_style(b, style)) {
        const StyleInfo *info = &b->styles[style];
        put(&o, info->name, -1);
        if (info->summary) {
            put(&o, "\n", -1);
            put(&o, info->summary, -1);
        }
        if (info->takeaway_count > 0) {
            block(&o);
            put(&o, bundle_word(b, WORD_GUIDANCE_HELPS), -1);
        }
        for (int i = 0; i < info->takeaway_count; i++) {
            const Card *tip = &info->tips.cards[info->takeaway[i]];
            block(&o);
            put(&o, tip->title, -1);
            put(&o, "\n", -1);
            put(&o, tip->text, (int)strcspn(tip->text, "\n")); /* its first paragraph */
        }
    }
    if (c->practice_name[0] || booking_line(c)[0]) {
        block(&o);
        put(&o, c->practice_name, -1);
        if (c->practice_name[0] && booking_line(c)[0])
            put(&o, "\n", -1);
        put(&o, booking_line(c), -1);
    }
    return (int)o.len;
}

int takeaway_split(const char *text, int len)
{
    int best = -1, best_longer = len + 1;
    for (int i = 0; i + 1 < len; i++) {
        if (text[i] != '\n' || text[i + 1] != '\n')
            continue;
        int first = i, second = len - (i + 2);
        int longer = first > second ? first : second;
        if (longer < best_longer) {
            best = i;
            best_longer = longer;
        }
    }
    return best;
}

/* The data codewords of versions 1 to TAKEAWAY_MAX_VERSION at error correction L
 * (ISO/IEC 18004, table 7): what a code holds, and the size of the buffer libqrencode
 * builds the text's bytes in. */
static const short data_words[TAKEAWAY_MAX_VERSION + 1] = {
    0, 19, 34, 55, 80, 108, 136, 156, 194, 232, 274, 324, 370, 428, 461, 523, 589, 647, 721, 795, 861,
};
_Static_assert(TAKEAWAY_MAX_VERSION == 20, "data_words lists versions 1 to 20");

/* Before the text: the UTF-8 ECI (4 + 8 bits), byte mode (4) and its count (16 bits from
 * version 10 on; 8 below, so this is the most). */
enum { HEADER_BYTES = 4 };

/* libqrencode copies the text it encodes twice into memory of its own, freed but not
 * wiped: the input's copy (`len` bytes) and the data codewords (`words`), where after the
 * 32 bits of header it lies byte for byte. glibc hands a chunk just freed back to the next
 * request of its size (its per-size caches, for chunks up to 1 KiB, are last in, first
 * out), so asking for both and wiping them leaves no copy of a person's guidance behind
 * (tests/memory.sh sees when one stays). */
static void wipe_freed(size_t len, size_t words)
{
    void *a = malloc(len), *b = words ? malloc(words) : NULL;
    if (a)
        explicit_bzero(a, len);
    if (b)
        explicit_bzero(b, words);
    free(a);
    free(b);
}

/* Encodes `len` bytes of `data` into `code`, marked as UTF-8 (ECI 26: without it a
 * reader guesses, and may take the curly quotes for Shift JIS); false when it needs a
 * version past the cap (or libqrencode fails). libqrencode's own copies are its to free. */
static bool encode(TakeawayCode *code, const char *data, int len)
{
    if (len <= 0 || len + HEADER_BYTES > data_words[TAKEAWAY_MAX_VERSION])
        return false; /* too dense: not even given to libqrencode */
    QRinput *input = QRinput_new2(0, QR_ECLEVEL_L);
    if (!input)
        return false;
    QRcode *qr = NULL;
    if (QRinput_appendECIheader(input, 26) == 0 && QRinput_append(input, QR_MODE_8, len, (const unsigned char *)data) == 0)
        qr = QRcode_encodeInput(input);
    QRinput_free(input);
    int version = qr ? qr->version : 0;
    wipe_freed((size_t)len, version >= 1 && version <= TAKEAWAY_MAX_VERSION ? (size_t)data_words[version] : 0);
    if (!qr)
        return false;
    bool fits = qr->version <= TAKEAWAY_MAX_VERSION && qr->width <= TAKEAWAY_MAX_SIDE;
    if (fits) {
        code->side = qr->width;
        for (int i = 0; i < qr->width * qr->width; i++)
            code->dark[i] = qr->data[i] & 1; /* bit 0: dark */
    }
    explicit_bzero(qr->data, (size_t)qr->width * (size_t)qr->width);
    QRcode_free(qr);
    return fits;
}

/* `{n} of {total}` with both filled in. */
static int part_word(const Bundle *b, int n, int total, char *out, size_t size)
{
    Out o = { out, size, 0 };
    out[0] = '\0';
    const char *w = bundle_word(b, WORD_TAKEAWAY_PART);
    while (*w) {
        const char *open = strchr(w, '{');
        if (!open) {
            put(&o, w, -1);
            break;
        }
        put(&o, w, (int)(open - w));
        char num[12] = "";
        if (strncmp(open, "{n}", 3) == 0)
            num[0] = (char)('0' + n);
        else if (strncmp(open, "{total}", 7) == 0)
            num[0] = (char)('0' + total);
        const char *close = strchr(open, '}');
        if (!num[0] || !close) {
            put(&o, open, 1);
            w = open + 1;
            continue;
        }
        put(&o, num, -1);
        w = close + 1;
    }
    return (int)o.len;
}

/* The two parts of the text, cut at `cut`, each behind its "n of 2" line. */
static bool encode_parts(Takeaway *t, const Bundle *b, int cut)
{
    int from[2] = { 0, cut + 2 }, to[2] = { cut, t->len };
    for (int p = 0; p < 2; p++) {
        int n = part_word(b, p + 1, 2, t->part, sizeof(t->part));
        Out o = { t->part, sizeof(t->part), (size_t)n };
        put(&o, "\n\n", -1);
        put(&o, t->text + from[p], to[p] - from[p]);
        TakeawayCode *code = &t->codes[t->count];
        *code = (TakeawayCode){ .kind = TAKEAWAY_TEXT, .part = p + 1, .parts = 2 };
        bool ok = encode(code, t->part, (int)o.len);
        explicit_bzero(t->part, sizeof(t->part));
        if (!ok)
            return false;
        t->count++;
    }
    return true;
}

bool takeaway_build(Takeaway *t, const Bundle *b, const Config *c, Style style)
{
    takeaway_wipe(t);
    t->len = takeaway_compose(b, c, style, t->text, sizeof(t->text));
    if (t->len == 0)
        return false;
    TakeawayCode *one = &t->codes[0];
    *one = (TakeawayCode){ .kind = TAKEAWAY_TEXT, .part = 1, .parts = 1 };
    if (encode(one, t->text, t->len)) {
        t->count = 1;
    } else {
        int cut = takeaway_split(t->text, t->len);
        if (cut < 0 || !encode_parts(t, b, cut)) {
            takeaway_wipe(t);
            t->too_long = true;
            return false;
        }
    }
    if (c->booking_url[0]) {
        TakeawayCode *url = &t->codes[t->count];
        *url = (TakeawayCode){ .kind = TAKEAWAY_BOOKING, .part = 1, .parts = 1 };
        if (encode(url, c->booking_url, (int)strlen(c->booking_url)))
            t->count++;
    }
    return true;
}

int takeaway_update(Takeaway *t, const Bundle *b, const Config *c, Style style)
{
    int len = takeaway_compose(b, c, style, t->part, sizeof(t->part));
    uint64_t key = hash_bytes(HASH_SEED, t->part, (size_t)len);
    key = hash_bytes(key, c->booking_url, strlen(c->booking_url)) | 1; /* never 0 */
    explicit_bzero(t->part, sizeof(t->part));
    if (key != t->key) {
        takeaway_build(t, b, c, style);
        t->key = key;
    }
    return t->count;
}

void takeaway_wipe(Takeaway *t)
{
    explicit_bzero(t, sizeof(*t));
}
