/* pinlock.c — see pinlock.h. */
#define _POSIX_C_SOURCE 200809L /* stat */
#include "pinlock.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "inidoc.h"
#include "safefile.h"
#include "schema.h"

long pinlock_duration_ms(int locks)
{
    long ms = PINLOCK_FIRST_MS;
    for (int i = 1; i < locks && ms < PINLOCK_MAX_MS; i++)
        ms *= 2;
    return ms < PINLOCK_MAX_MS ? ms : PINLOCK_MAX_MS;
}

bool pinlock_locked(const PinLock *l, long now)
{
    return now < l->until;
}

bool pinlock_wrong(PinLock *l, long now)
{
    if (++l->failures < PINLOCK_TRIES)
        return false;
    l->failures = 0;
    if (l->locks < 1000)
        l->locks++;
    l->until = now + pinlock_duration_ms(l->locks);
    return true;
}

void pinlock_right(PinLock *l)
{
    *l = (PinLock){ 0 };
}

bool pinlock_path(const char *tally_file, char *out, size_t size)
{
    out[0] = '\0';
    if (!tally_file || !tally_file[0])
        return false;
    const char *slash = strrchr(tally_file, '/');
    int n = slash ? snprintf(out, size, "%.*s/staff-lock.ini", (int)(slash - tally_file), tally_file)
                  : snprintf(out, size, "staff-lock.ini");
    if (n < 0 || (size_t)n >= size) {
        out[0] = '\0';
        return false;
    }
    return true;
}

static const KeySpec lock_keys[] = {
    SCHEMA_KEY("lock", "failures", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("lock", "locks", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("lock", "until", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_END
};

/* A whole number from 0 to `max` in [lock] `key`, or false (said in `diags`). */
static bool read_number(const IniDoc *doc, int s, const char *key, long max, long *out, Diags *diags)
{
    const IniEntry *e = inidoc_find(doc, s, key);
    if (e && schema_parse_int(e->value, out) && *out >= 0 && *out <= max)
        return true;
    if (e)
        diag_add(diags, doc->path, e->line, DIAG_WARNING,
                 "[lock]: '%s' must be a whole number from 0 to %ld, not '%s'", key, max, e->value);
    return false;
}

bool pinlock_load(PinLock *l, const char *path, long now, long long wall, Diags *diags)
{
    *l = (PinLock){ 0 };
    Diags found = { 0 };
    Arena arena = { 0 };
    IniDoc doc;
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT)
        return true; /* never locked here; anything else (a FIFO, a folder) the reader refuses */
    bool ok = inidoc_load(&doc, path, &arena, &found);
    long failures = 0, locks = 0, until = 0;
    const long max_until = (long)((unsigned long)LONG_MAX < 4102444800UL ? LONG_MAX : 4102444800L); /* 2100 */
    if (ok) {
        schema_check(&doc, lock_keys, DIAG_WARNING, &found);
        int s = inidoc_find_section(&doc, "lock");
        ok = found.errors == 0 && s >= 0 && read_number(&doc, s, "failures", PINLOCK_TRIES - 1, &failures, &found) &&
             read_number(&doc, s, "locks", 1000, &locks, &found) &&
             read_number(&doc, s, "until", max_until, &until, &found);
    }
    for (int i = 0; i < found.count; i++)
        diag_add(diags, found.items[i].path, found.items[i].line, DIAG_WARNING, "%s", found.items[i].message);
    if (!ok)
        diag_add(diags, path, 0, DIAG_WARNING, "the staff PIN's lock could not be read, so the pad "
                 "starts unlocked; it is written again at the next wrong PIN");
    inidoc_free(&doc);
    arena_free(&arena);
    diag_free(&found);
    if (!ok)
        return false;
    l->failures = (int)failures;
    l->locks = (int)locks;
    long long left = (long long)until - wall; /* seconds */
    long full = pinlock_duration_ms(l->locks);
    if (until > 0 && left > 0)
        l->until = now + (left * 1000 < full ? (long)left * 1000 : full);
    return true;
}

bool pinlock_save(const PinLock *l, const char *path, long now, long long wall, char *error,
                  size_t size)
{
    long long until = 0;
    if (pinlock_locked(l, now))
        until = wall + (l->until - now + 999) / 1000;
    char text[256];
    int n = snprintf(text, sizeof(text),
                     "; Attune's staff PIN lock: wrong PINs, locks in a row, and the lock's end.\n"
                     "[lock]\n"
                     "failures = %d\n"
                     "locks = %d\n"
                     "; until: the lock's end in seconds since 1970 (UTC); 0: not locked\n"
                     "until = %lld\n",
                     l->failures, l->locks, until);
    if (n < 0 || (size_t)n >= sizeof(text))
        n = 0;
    switch (safefile_write(path, text, (size_t)n, 0644)) {
    case SAFEFILE_OK:
        return true;
    case SAFEFILE_BAD_PATH:
        snprintf(error, size, "The staff PIN's lock could not be saved: the file name '%s' is "
                 "empty or too long.", path);
        return false;
    case SAFEFILE_UNSYNCED:
    case SAFEFILE_FAILED:
        break;
    }
    snprintf(error, size, "The staff PIN's lock could not be saved to %s: %s; it holds until "
             "the app restarts.", path, safefile_reason(errno));
    return false;
}
