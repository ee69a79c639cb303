/* kiosk.c — see kiosk.h. */
#include "kiosk.h"

#include <stdio.h>
#include <string.h>

void kiosk_init(Kiosk *k, const Config *c)
{
    memset(k, 0, sizeof(*k));
    k->brightness = c->brightness;
    k->tally_on = c->tally && c->tally_file[0];
}

void kiosk_set_staff_text(Kiosk *k, const char *message, const char *detail)
{
    k->staff_message = message;
    snprintf(k->staff_detail, sizeof(k->staff_detail), "%s", detail ? detail : "");
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
