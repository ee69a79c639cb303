/* profile.c — see profile.h. */
#include "profile.h"

#include <string.h>

static const ProfilePolicy policies[PROFILE_COUNT] = {
    /*                    name        closable cursor escape_exits b_blanks f11   resized   stays_up */
    [PROFILE_DESKTOP] = { "desktop",  true,    true,  true,        false,   true,  true,     false },
    [PROFILE_KIOSK] = { "kiosk",      false,   false, true,        false,   false, false,    true },
    [PROFILE_WORKSHOP] = { "workshop", true,   true,  false,       true,    false, false,    false },
};

const ProfilePolicy *profile_policy(Profile profile)
{
    return &policies[(unsigned)profile < PROFILE_COUNT ? profile : PROFILE_DESKTOP];
}

bool profile_from_name(const char *name, Profile *out)
{
    for (int p = 0; p < PROFILE_COUNT; p++) {
        if (strcmp(policies[p].name, name) == 0) {
            *out = (Profile)p;
            return true;
        }
    }
    return false;
}
