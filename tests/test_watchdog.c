/* test_watchdog.c — the watchdog's ping timing (platform/watchdog.c): the interval read
 * from systemd's variables, when a ping is due, how long the loop may sleep, and that a
 * loop pinging by these rules never lets the timeout pass, busy or idle, across a 32-bit
 * tick wrap. */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>

#include "../platform/watchdog.h"

enum { TIMEOUT_MS = 30000 }; /* attune.service: WatchdogSec=30 */

static void set_watchdog(const char *usec, const char *pid)
{
    if (usec)
        setenv("WATCHDOG_USEC", usec, 1);
    else
        unsetenv("WATCHDOG_USEC");
    if (pid)
        setenv("WATCHDOG_PID", pid, 1);
    else
        unsetenv("WATCHDOG_PID");
}

static void interval_is_half_the_timeout(void **state)
{
    (void)state;
    assert_int_equal(plat_watchdog_interval_from_usec(30000000), 15000);
    assert_int_equal(plat_watchdog_interval_from_usec(5000000), 2500);
    assert_int_equal(plat_watchdog_interval_from_usec(1000), 1); /* never 0 when on */
    assert_int_equal(plat_watchdog_interval_from_usec(1), 1);
    assert_int_equal(plat_watchdog_interval_from_usec(0), 0);
}

static void interval_comes_from_systemd_variables(void **state)
{
    (void)state;
    char pid[32];
    snprintf(pid, sizeof pid, "%ld", (long)getpid());

    set_watchdog("30000000", NULL);
    assert_int_equal(plat_watchdog_interval_ms(), 15000);
    set_watchdog("30000000", pid);
    assert_int_equal(plat_watchdog_interval_ms(), 15000);
    assert_non_null(getenv("WATCHDOG_USEC")); /* the environment is left as it was */

    set_watchdog("30000000", "1"); /* meant for another process (PID 1 is never a test) */
    assert_int_equal(plat_watchdog_interval_ms(), 0);
    set_watchdog(NULL, NULL); /* not started by systemd, or no WatchdogSec= */
    assert_int_equal(plat_watchdog_interval_ms(), 0);
    set_watchdog("soon", NULL);
    assert_int_equal(plat_watchdog_interval_ms(), 0);
    set_watchdog("0", NULL);
    assert_int_equal(plat_watchdog_interval_ms(), 0);
    set_watchdog(NULL, NULL);
}

static void due_once_the_interval_has_passed(void **state)
{
    (void)state;
    assert_false(plat_watchdog_due(1000, 1000, 15000));
    assert_false(plat_watchdog_due(1000, 15999, 15000));
    assert_true(plat_watchdog_due(1000, 16000, 15000));
    assert_true(plat_watchdog_due(1000, 90000, 15000));
    /* No watchdog: never due, and no reason to wake up for it. */
    assert_false(plat_watchdog_due(0, 1000000, 0));
    assert_int_equal(plat_watchdog_wait_ms(0, 1000000, 0), UINT64_MAX);
}

static void due_when_the_clock_went_back(void **state)
{
    (void)state;
    /* SDL_GetTicks() is 32 bits and wraps after 49.7 days: the next ping comes early. */
    uint64_t last = UINT32_MAX - 100;
    assert_false(plat_watchdog_due(last, last + 50, 15000));
    assert_true(plat_watchdog_due(last, 20, 15000));
    assert_int_equal(plat_watchdog_wait_ms(last, 20, 15000), 0);
}

static void wait_is_the_time_left(void **state)
{
    (void)state;
    assert_int_equal(plat_watchdog_wait_ms(1000, 1000, 15000), 15000);
    assert_int_equal(plat_watchdog_wait_ms(1000, 8500, 15000), 7500);
    assert_int_equal(plat_watchdog_wait_ms(1000, 15999, 15000), 1);
    assert_int_equal(plat_watchdog_wait_ms(1000, 16000, 15000), 0);
    assert_int_equal(plat_watchdog_wait_ms(1000, 40000, 15000), 0);
}

/* A loop that wakes every `step` ms (a frame, or the idle wait capped by the ping) for
 * `total` ms, starting at `start` on a 32-bit tick count: returns the pings sent and the
 * longest silence systemd saw. */
static uint64_t run_loop(uint32_t start, uint64_t total, uint64_t step, bool idle, uint64_t *longest)
{
    uint64_t every = plat_watchdog_interval_from_usec((uint64_t)TIMEOUT_MS * 1000);
    uint32_t now = start, last = start; /* READY=1 at start counts as alive */
    uint64_t pings = 0, elapsed = 0, since = 0;
    *longest = 0;
    while (elapsed < total) {
        uint64_t wait = step;
        if (idle) {
            uint64_t left = plat_watchdog_wait_ms(last, now, every);
            wait = left < wait ? left : wait;
            if (wait == 0)
                wait = 1;
        }
        now = (uint32_t)(now + wait);
        elapsed += wait;
        since += wait;
        if (plat_watchdog_due(last, now, every)) {
            pings++;
            if (since > *longest)
                *longest = since;
            since = 0;
            last = now;
        }
    }
    return pings;
}

static void a_busy_loop_pings_twice_per_timeout(void **state)
{
    (void)state;
    uint64_t longest;
    /* Ten minutes of 60 fps frames: a ping every 15 s, never a silence near 30 s. */
    uint64_t pings = run_loop(0, 600000, 16, false, &longest);
    assert_in_range(pings, 39, 40);
    assert_in_range(longest, 15000, 15016);
}

static void an_idle_loop_wakes_only_to_ping(void **state)
{
    (void)state;
    uint64_t longest;
    /* Nothing else to do for an hour: the loop sleeps until the ping is due, exactly. */
    uint64_t pings = run_loop(0, 3600000, UINT64_MAX / 2, true, &longest);
    assert_int_equal(pings, 240);
    assert_int_equal(longest, 15000);
}

static void a_tick_wrap_costs_no_restart(void **state)
{
    (void)state;
    uint64_t longest;
    /* Start a minute before the 32-bit tick count wraps and run through it. */
    uint64_t pings = run_loop(UINT32_MAX - 60000, 600000, 16, false, &longest);
    assert_in_range(pings, 39, 41);
    assert_true(longest < TIMEOUT_MS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(interval_is_half_the_timeout),
        cmocka_unit_test(interval_comes_from_systemd_variables),
        cmocka_unit_test(due_once_the_interval_has_passed),
        cmocka_unit_test(due_when_the_clock_went_back),
        cmocka_unit_test(wait_is_the_time_left),
        cmocka_unit_test(a_busy_loop_pings_twice_per_timeout),
        cmocka_unit_test(an_idle_loop_wakes_only_to_ping),
        cmocka_unit_test(a_tick_wrap_costs_no_restart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
