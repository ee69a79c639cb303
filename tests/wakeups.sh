#!/bin/sh
# tests/wakeups.sh ATTUNE [SECONDS] [PROFILE...] — how often a static screen wakes the app:
# the real app in a window (under Xvfb when there is no display), Return pressed on its
# attract screen (whose two circles drift at 20 frames a second) to show the next one,
# still, and the context switches of all its threads counted over SECONDS (default 20)
# once it has settled, from /proc (a thread that sleeps until something happens switches
# once per wakeup). One line per profile (default: desktop kiosk), for `make bench`:
#   static screen: N wakeups in 20 s (profile desktop)
# WAKEUPS_SCREEN=attract counts on the attract screen instead.
# The goal is 0. Exits 1 when a count cannot be taken. WAKEUPS_MAX=N: also exit 1 when a
# count is over N (a check; unset: only the figures).
set -u
attune=$(realpath "$1")
seconds=${2:-20}
[ $# -ge 2 ] && shift 2 || shift $#
profiles=${*:-desktop kiosk}
if [ -z "${DISPLAY:-}" ] && [ -z "${WAKEUPS_IN_XVFB:-}" ]; then
    for tool in xvfb-run xdotool; do
        command -v $tool >/dev/null 2>&1 || { echo "wakeups: $tool is missing (sh platform/deps.sh test)"; exit 1; }
    done
    WAKEUPS_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1024x768x24" sh "$0" "$attune" "$seconds" $profiles
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/attune-wakeups-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# every thread's voluntary and involuntary context switches, summed
switches() {
    cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^(non)?voluntary_ctxt_switches/ { n += $2 } END { print n + 0 }'
}

status=0
for profile in $profiles; do
    printf '[display]\nfullscreen = no\nwidth = 800\nheight = 480\n[kiosk]\nprofile = %s\n' "$profile" >"$tmp/$profile.ini"
    "$attune" --config "$tmp/$profile.ini" --bundle assets/content/en >"$tmp/$profile.log" 2>&1 &
    pid=$!
    window=
    for try in 1 2 3 4 5; do # xdotool's search can fail on a window still being mapped
        window=$(timeout 20 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -n 1)
        [ -n "$window" ] && break
        sleep 0.5
    done
    if [ "${WAKEUPS_SCREEN:-}" != attract ] && [ -n "$window" ]; then
        xdotool windowfocus --sync "$window" 2>/dev/null
        xdotool key Return
    fi
    sleep 3 # the fade-in, and the window manager's first events
    before=$(switches $pid)
    sleep "$seconds"
    after=$(switches $pid)
    if ! kill -0 $pid 2>/dev/null || [ "$before" -eq 0 ]; then
        echo "static screen: no count (profile $profile): the app is not running"
        sed 's/^/    /' "$tmp/$profile.log"
        status=1
        continue
    fi
    kill -TERM $pid
    wait $pid 2>/dev/null
    n=$((after - before))
    echo "static screen: $n wakeups in $seconds s (profile $profile)"
    if [ -n "${WAKEUPS_MAX:-}" ] && [ "$n" -gt "$WAKEUPS_MAX" ]; then status=1; fi
done
exit $status
