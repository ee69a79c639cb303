/* kiosk.c — see kiosk.h: the kiosk's state, and when the tally is saved. */
#include "kiosk.h"

#include <stdio.h>
#include <string.h>

void kiosk_init(Kiosk *k, const Config *c)
{
    memset(k, 0, sizeof(*k));
    k->brightness = c->brightness;
    k->tally_on = c->tally && c->tally_file[0];
    k->tally_threshold = c->tally_threshold;
}

bool kiosk_add_language(Kiosk *k, const Bundle *bundle, const char *code, bool is_default)
{
    if (k->language_count >= CONFIG_MAX_LANGUAGES)
        return false;
    int i = k->language_count++;
    k->languages[i] = bundle;
    snprintf(k->language_codes[i], sizeof(k->language_codes[i]), "%s", code);
    if (is_default)
        k->default_language = i;
    return true;
}

void kiosk_tally_counted(Kiosk *k, long now)
{
    if (k->tally_unsaved)
        return;
    k->tally_unsaved = true;
    long hour = now >= 0 ? now / KIOSK_TALLY_SAVE_MS : (now - KIOSK_TALLY_SAVE_MS + 1) / KIOSK_TALLY_SAVE_MS;
    k->tally_save_at = (hour + 1) * KIOSK_TALLY_SAVE_MS;
}

long kiosk_tally_save_in(const Kiosk *k, long now)
{
    if (!k->tally_unsaved)
        return -1;
    return k->tally_save_at > now ? k->tally_save_at - now : 0;
}

void kiosk_tally_saved(Kiosk *k)
{
    k->tally_unsaved = false;
}

void kiosk_set_staff_text(Kiosk *k, const char *message, const char *detail)
{
    k->staff_message = message;
    snprintf(k->staff_detail, sizeof(k->staff_detail), "%s", detail ? detail : "");
}

void kiosk_set_author_problems(Kiosk *k, const char *problems)
{
    snprintf(k->author_problems, sizeof(k->author_problems), "%s", problems ? problems : "");
    k->author_problem_count = k->author_problems[0] ? 1 : 0;
    for (char *at = k->author_problems; (at = strchr(at, '\n')) != NULL; k->author_problem_count++)
        *at++ = '\0';
}

void kiosk_set_tally(Kiosk *k, bool on, const Tally *tally)
{
    k->tally_on = on;
    k->tally = *tally;
}

void kiosk_set_display_info(Kiosk *k, const char *info)
{
    snprintf(k->display_info, sizeof(k->display_info), "%s", info);
}
