/* watchdog.h — when to tell systemd that the loop is still alive.
 *
 * On the Pi, attune.service runs Attune with Type=notify and WatchdogSec=: systemd
 * passes the timeout in WATCHDOG_USEC, expects sd_notify(0, "READY=1") once the first
 * frame is up, then sd_notify(0, "WATCHDOG=1") more often than the timeout; a loop that
 * hangs stops pinging, and systemd kills and restarts the app. This module is the only
 * place that talks to systemd; the loop calls:
 *
 *     plat_watchdog_ready(&w, now);        once the first frame is up ("READY=1")
 *     plat_watchdog_alive(&w, now);        every turn of the loop ("WATCHDOG=1" when due)
 *     ...sleeping no longer than plat_watchdog_wait_ms(w.last, now, w.every)
 *     plat_watchdog_stopping();            on the way out ("STOPPING=1")
 *
 * The arithmetic below them is tested without systemd. Nothing here prints, allocates or
 * exits. */
#ifndef ATTUNE_PLATFORM_WATCHDOG_H
#define ATTUNE_PLATFORM_WATCHDOG_H

#include <stdbool.h>
#include <stdint.h>

typedef struct PlatWatchdog {
    uint64_t every;   /* ping interval in ms (0: no watchdog) */
    uint64_t last;    /* ms of the last ping */
} PlatWatchdog;

/* Tells systemd the app is ready (a no-op when not started by systemd) and reads the
 * watchdog's interval; `now_ms` counts as the first ping. */
void plat_watchdog_ready(PlatWatchdog *w, uint64_t now_ms);

/* Pings systemd's watchdog when a ping is due at `now_ms`. */
void plat_watchdog_alive(PlatWatchdog *w, uint64_t now_ms);

/* Tells systemd the app is stopping. */
void plat_watchdog_stopping(void);

/* How often to ping, in milliseconds: half the timeout systemd set in WATCHDOG_USEC
 * (read with sd_watchdog_enabled(), which also checks WATCHDOG_PID is this process), at
 * least 1. Returns 0 when there is no watchdog: not started by systemd, no WatchdogSec=,
 * or a malformed variable. Leaves the environment as it is. */
uint64_t plat_watchdog_interval_ms(void);

/* The same from a timeout in microseconds, without looking at the environment: half of
 * it in milliseconds, at least 1; 0 when `timeout_usec` is 0. */
uint64_t plat_watchdog_interval_from_usec(uint64_t timeout_usec);

/* Whether a ping is due at `now_ms`, the last one having been sent at `last_ping_ms`
 * (both from one monotonic millisecond clock). Never when `interval_ms` is 0. When `now_ms`
 * is before `last_ping_ms` (a 32-bit tick count wraps after 49.7 days: a kiosk runs for
 * months), a ping is due, so a wrap costs one early ping rather than a restart. */
bool plat_watchdog_due(uint64_t last_ping_ms, uint64_t now_ms, uint64_t interval_ms);

/* How long the loop may sleep from `now_ms` before the next ping is due: 0 when one is
 * due now, UINT64_MAX when `interval_ms` is 0 (no watchdog: no reason to wake). */
uint64_t plat_watchdog_wait_ms(uint64_t last_ping_ms, uint64_t now_ms, uint64_t interval_ms);

#endif
