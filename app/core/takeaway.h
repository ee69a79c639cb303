/* takeaway.h — "Take it home": a person's guidance as plain text in QR codes, read by a
 * phone's camera with nothing sent anywhere and nothing written.
 *
 * The text (takeaway_compose) is, for the person's style: its name and one-sentence
 * summary, the bundle's "What helps" word, the three tips the bundle chose for it
 * (styles.ini's `takeaway`), each its title and first paragraph; then the practice's name
 * and booking line from the config ([support] name, and booking, else text). Blocks are
 * separated by a blank line. Without a style (no result, or one that names none) it is
 * the practice's block alone.
 *
 * It is encoded (libqrencode, byte mode marked UTF-8, error correction L: a screen's code
 * is never torn or smudged, and L keeps the modules largest) into one code, or, when one
 * would be denser than TAKEAWAY_MAX_VERSION, into two: the text is cut at the blank line
 * that leaves the two parts most even, and each part starts with the bundle's
 * "{n} of {total}" word and a blank line. The practice's booking web page ([support]
 * booking_url), when set, is one more code. Every code lives in the Takeaway's fixed
 * buffers; takeaway_wipe forgets them. */
#ifndef ATTUNE_TAKEAWAY_H
#define ATTUNE_TAKEAWAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bundle.h"
#include "config.h"

enum {
    TAKEAWAY_MAX_VERSION = 20,     /* 97 modules a side: denser codes take a phone longer */
    TAKEAWAY_MAX_SIDE = 17 + 4 * TAKEAWAY_MAX_VERSION,
    TAKEAWAY_QUIET = 4,            /* modules of light margin around a code (ISO/IEC 18004) */
    TAKEAWAY_MAX_TEXT = 2048,      /* the composed text, NUL included */
    TAKEAWAY_MAX_CODES = 3,        /* the text's one or two parts, then the booking page */
};

typedef enum TakeawayKind { TAKEAWAY_TEXT, TAKEAWAY_BOOKING } TakeawayKind;

typedef struct TakeawayCode {
    TakeawayKind kind;
    int part, parts;               /* TAKEAWAY_TEXT: this is part `part` (1-based) of `parts` */
    int side;                      /* modules a side, without the quiet zone */
    unsigned char dark[TAKEAWAY_MAX_SIDE * TAKEAWAY_MAX_SIDE]; /* row by row, 1 = dark */
} TakeawayCode;

typedef struct Takeaway {
    char text[TAKEAWAY_MAX_TEXT];  /* what the codes carry, whole */
    int len;
    char part[TAKEAWAY_MAX_TEXT];  /* scratch: one part as encoded */
    TakeawayCode codes[TAKEAWAY_MAX_CODES];
    int count;                     /* codes made; 0 when there is nothing to take */
    bool too_long;                 /* the text did not fit two codes: none was made */
    uint64_t key;                  /* what the codes were made from (0: nothing) */
} Takeaway;

/* Whether `bundle` has every word the take-away screen shows. */
bool takeaway_offered(const Bundle *bundle);

/* Whether there is anything to take home for `style` (STYLE_COUNT: none): a style's
 * guidance, or the practice's name or booking line. */
bool takeaway_has_text(const Bundle *bundle, const Config *config, Style style);

/* Writes the text for `style` into `out` (`size` bytes, NUL-terminated, cut at a UTF-8
 * character when it does not fit); returns its length. */
int takeaway_compose(const Bundle *bundle, const Config *config, Style style, char *out, size_t size);

/* Where to cut `text` into two parts: the offset of the blank line ("\n\n") that leaves
 * the longer part shortest (the first part ends there, the second starts after it), or
 * -1 when it has none. */
int takeaway_split(const char *text, int len);

/* Composes and encodes the codes for `style` into `t`. False when there is nothing to
 * encode or it does not fit (then t->count is 0). Allocates inside libqrencode only. */
bool takeaway_build(Takeaway *t, const Bundle *bundle, const Config *config, Style style);

/* takeaway_build, unless `t` already holds the codes for what it would compose now
 * (the same text and booking page): for a screen laid out again and again. Returns
 * t->count. */
int takeaway_update(Takeaway *t, const Bundle *bundle, const Config *config, Style style);

/* Forgets everything in `t` (zeroed, not optimised away). */
void takeaway_wipe(Takeaway *t);

#endif
