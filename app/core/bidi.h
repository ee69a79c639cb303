/* bidi.h — one line of text in the order it is seen: the Unicode bidirectional algorithm
 * (GNU FriBidi) finds each character's embedding level, and the line is cut into runs of
 * one level and one script, listed left to right as they appear on screen, each to be
 * shaped on its own with its script and direction. Pure C, no SDL.
 *
 * The line is given in logical order (the order it is typed and stored, already wrapped);
 * its bytes are never reordered or rewritten, so a shaper gets each run's real characters
 * (not the presentation forms fribidi_log2vis would make). */
#ifndef ATTUNE_BIDI_H
#define ATTUNE_BIDI_H

#include <stdbool.h>
#include <stdint.h>

enum {
    BIDI_MAX_CHARS = 1024, /* code points of a line looked at; the rest is one last run in
                            * the base direction, as if it were a new line (see bidi_runs) */
    BIDI_MAX_RUNS = 64     /* runs of a line; the rest joins the last one */
};

typedef enum BidiDir { BIDI_LTR, BIDI_RTL } BidiDir;

/* A piece of a line: bytes [start, start + len) of the UTF-8 given to bidi_runs, one
 * embedding level (odd: right to left) and one script, named by its ISO 15924 tag as
 * HarfBuzz and TTF_SetFontScriptName take it ("Latn", "Arab", "Zyyy" for common). */
typedef struct BidiRun {
    int start, len;
    int level;
    BidiDir dir;
    char script[5];
} BidiRun;

/* Work memory for one line, kept by the caller (about 16 KB, so not on a small stack);
 * nothing is allocated per line beyond what FriBidi itself does for a line with
 * right-to-left text, and the line's characters are wiped from it before bidi_runs
 * returns. */
typedef struct BidiWork {
    uint32_t chars[BIDI_MAX_CHARS];
    uint32_t types[BIDI_MAX_CHARS];
    uint32_t brackets[BIDI_MAX_CHARS];
    int8_t levels[BIDI_MAX_CHARS];
    int8_t scripts[BIDI_MAX_CHARS];
    int16_t offsets[BIDI_MAX_CHARS + 1]; /* byte offset of each code point, and the end */
} BidiWork;

/* The direction of the first strongly directional character in the `len` bytes of UTF-8
 * at `text` (rule P2: a letter of a right-to-left script gives BIDI_RTL, any other letter
 * BIDI_LTR); `fallback` when there is none (only digits, punctuation, spaces). */
BidiDir bidi_first_strong(const char *text, int len, BidiDir fallback);

/* Cuts `len` bytes of well-formed UTF-8 at `text` (one line of a paragraph whose base
 * direction is `base`: from bidi_first_strong over the paragraph, or forced by the
 * bundle's direction) into runs of one level and one script, in visual order (left to
 * right), into `runs` (`max` of them, at most BIDI_MAX_RUNS are made). Spaces, digits and
 * punctuation (script "Zyyy") and combining marks join the script of the run they are in,
 * from the letter before them, else the one after. Returns how many runs; 0 for an empty
 * line. Code points past BIDI_MAX_CHARS are one run at the base level put after the rest
 * (left in LTR, right in RTL). */
int bidi_runs(BidiWork *w, const char *text, int len, BidiDir base, BidiRun *runs, int max);

/* Whether the line needs the bidirectional algorithm at all: false when base is BIDI_LTR
 * and no character is right to left (Hebrew, Arabic, their digits, an explicit mark). */
bool bidi_needed(const char *text, int len, BidiDir base);

/* The ISO 15924 tag of the script of code point `c` ("Latn", "Arab", "Hebr", ... "Zyyy"
 * for common characters, "Zinh" for combining marks): the scripts a bundle is likely to
 * be written in; any other letter is "Zyyy" and left to the shaper to guess. */
const char *bidi_script_of(uint32_t c);

#endif
