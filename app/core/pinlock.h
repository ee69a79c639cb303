/* pinlock.h — the staff PIN pad's lock: after PINLOCK_TRIES wrong PINs in a row the pad
 * locks, for a minute the first time and twice as long each time after (up to an hour),
 * until the right PIN is typed. Trying every 4-digit PIN so takes months, not a day.
 *
 * The lock outlives sessions (it is the kiosk's: kiosk.h) and restarts: a power cut or a
 * `kill -9` does not end it. pinlock_save() keeps it in a small INI file in the tally's
 * folder (pinlock_path), written whole or not at all (safefile.h), holding three numbers
 * and no PIN, no person:
 *
 *     ; Attune's staff PIN lock: wrong PINs, locks in a row, and the lock's end.
 *     [lock]
 *     failures = 2
 *     locks = 3
 *     ; until: the lock's end in seconds since 1970 (UTC); 0: not locked
 *     until = 1796000000
 *
 * The end is wall-clock time, as the app's own clock starts again at each start; a lock
 * read back never lasts longer than its full length from now (a clock set back does not
 * stretch it). Only the counting (pinlock_wrong, pinlock_right) and the two file functions
 * are here; the flow calls the first two, the app the last two. */
#ifndef ATTUNE_PINLOCK_H
#define ATTUNE_PINLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum {
    PINLOCK_TRIES = 5,           /* wrong PINs in a row before the pad locks ... */
    PINLOCK_FIRST_MS = 60000,    /* ... for this long the first time, doubled each time ... */
    PINLOCK_MAX_MS = 3600000,    /* ... up to this */
};

typedef struct PinLock {
    int failures;    /* wrong PINs since the last lock or the right PIN */
    int locks;       /* locks since the right PIN was last typed */
    long until;      /* ms on the app's clock: the pad is locked before this (0: never) */
} PinLock;

/* How long the `locks`-th lock in a row lasts (1: PINLOCK_FIRST_MS). */
long pinlock_duration_ms(int locks);

bool pinlock_locked(const PinLock *lock, long now);

/* A wrong PIN at `now`: counted; the PINLOCK_TRIES-th in a row locks the pad. Returns
 * true when it did. */
bool pinlock_wrong(PinLock *lock, long now);

/* The right PIN: failures and locks start again from zero. */
void pinlock_right(PinLock *lock);

/* The lock's file beside the tally's (`tally_file`'s folder, staff-lock.ini) into `out`;
 * false (and "") when there is no tally file, or the path does not fit: the lock is then
 * kept in memory only. */
bool pinlock_path(const char *tally_file, char *out, size_t size);

/* Reads the lock in `path` into *lock, for the app's clock at `now` (ms) and the wall
 * clock at `wall` (seconds since 1970). A missing file is no lock (true, nothing said);
 * a broken one is a warning in `diags` at path:line and no lock (false). */
bool pinlock_load(PinLock *lock, const char *path, long now, long long wall, Diags *diags);

/* Writes *lock to `path` (the end as wall-clock time). False with one sentence in
 * `error` (`size` bytes) when it cannot: the lock then holds until the next restart. */
bool pinlock_save(const PinLock *lock, const char *path, long now, long long wall, char *error,
                  size_t size);

#endif
