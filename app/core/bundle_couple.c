/* bundle_couple.c — what a bundle holds for couple mode: whether it offers it (pairings.ini
 * and every couple word in screens.ini), the warning when it has one without the other,
 * and a pair of styles' guidance. See bundle.h. */
#include "bundle.h"

#include "diag.h"

/* The words couple mode needs: home's entry, then COUPLE_TITLE through COUPLE_MAP_FINISH. */
static bool couple_word(int w)
{
    return w == WORD_HOME_COUPLE || (w >= WORD_COUPLE_TITLE && w <= WORD_COUPLE_MAP_FINISH);
}

bool bundle_offers_couple(const Bundle *bundle)
{
    if (!bundle->has_pairings)
        return false;
    for (int w = 0; w < WORD_COUNT; w++)
        if (couple_word(w) && !bundle->words[w])
            return false;
    return true;
}

/* pairings.ini without the couple words in screens.ini: couple mode is not offered. */
void bundle_check_couple_words(const Bundle *bundle, const char *screens, Diags *diags)
{
    static const char *const names[WORD_COUNT] = {
#define WORD_NAME_OF(id, section, key, kind, flags, placeholders, english) "[" section "] " key,
        BUNDLE_WORDS(WORD_NAME_OF)
#undef WORD_NAME_OF
    };
    if (!bundle->has_pairings)
        return;
    for (int w = 0; w < WORD_COUNT; w++)
        if (couple_word(w) && !bundle->words[w]) {
            diag_add(diags, screens, 1, DIAG_WARNING, "%s is not written: couple mode (pairings.ini) "
                     "is not offered until every couple word is (see the default bundle's screens.ini)",
                     names[w]);
            return;
        }
}

const Card *bundle_pairing(const Bundle *bundle, Style a, Style b)
{
    if (!bundle->has_pairings || a < 0 || a >= STYLE_COUNT || b < 0 || b >= STYLE_COUNT)
        return NULL;
    return &bundle->pairings[a][b];
}
