/* watchdog.c — systemd's readiness and watchdog notifications and their timing; see
 * watchdog.h. The calls into libsystemd: sd_notify(), and sd_watchdog_enabled(), which
 * reads WATCHDOG_USEC and WATCHDOG_PID. */
#include "watchdog.h"

#include <systemd/sd-daemon.h>

uint64_t plat_watchdog_interval_from_usec(uint64_t timeout_usec)
{
    if (timeout_usec == 0)
        return 0;
    /* Half the timeout: one late frame (a slow content reload) must not cost a restart. */
    uint64_t ms = timeout_usec / 2 / 1000;
    return ms > 0 ? ms : 1;
}

uint64_t plat_watchdog_interval_ms(void)
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0)
        return 0;
    return plat_watchdog_interval_from_usec(usec);
}

bool plat_watchdog_due(uint64_t last_ping_ms, uint64_t now_ms, uint64_t interval_ms)
{
    if (interval_ms == 0)
        return false;
    if (now_ms < last_ping_ms)
        return true;
    return now_ms - last_ping_ms >= interval_ms;
}

uint64_t plat_watchdog_wait_ms(uint64_t last_ping_ms, uint64_t now_ms, uint64_t interval_ms)
{
    if (interval_ms == 0)
        return UINT64_MAX;
    if (plat_watchdog_due(last_ping_ms, now_ms, interval_ms))
        return 0;
    return interval_ms - (now_ms - last_ping_ms);
}

void plat_watchdog_ready(PlatWatchdog *w, uint64_t now_ms)
{
    w->every = plat_watchdog_interval_ms();
    w->last = now_ms;
    sd_notify(0, "READY=1");
}

void plat_watchdog_alive(PlatWatchdog *w, uint64_t now_ms)
{
    if (plat_watchdog_due(w->last, now_ms, w->every)) {
        sd_notify(0, "WATCHDOG=1");
        w->last = now_ms;
    }
}

void plat_watchdog_stopping(void)
{
    sd_notify(0, "STOPPING=1");
}
