#!/bin/sh
# tests/memory.sh ATTUNE MEMSCAN — what a session leaves behind in the process:
#  1. after a result and Quick exit (or walking away), the app at attract holds the
#     result's words no more often than an app that never left attract (MEMSCAN counts a
#     text in a traced child's memory at the moment it saves a screenshot); so too the
#     words "Take it home" put in its QR codes, after Quick exit from its screen;
#  2. the running app cannot be dumped (its /proc/PID/mem is root's) unless
#     ATTUNE_ALLOW_CORE=1, and says once when its memory cannot be locked out of swap;
#  3. a glyph no font has is said when the bundle loads, and showing the text that holds
#     it adds no line to the journal (a line then would time the result).
set -u
attune=$(realpath "$1")
memscan=$(realpath "$2")
. "$(dirname "$0")/counts.sh"
pid=
on_exit='[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null'

# 1. the result's words after the session ended -------------------------------------------
quote="After we have sex, I feel so close" # the anxious result's first line at 800x480
sed -n '1,/^expect text "Anxious"/p' tests/scripts/quiz-anxious.txt >"$tmp/result.txt"
{ cat "$tmp/result.txt"; printf 'shot scan-here\n'; } >"$tmp/at-result.txt"
{ cat "$tmp/result.txt"; printf 'tap "Quick exit"\nexpect screen attract\nshot scan-here\n'; } >"$tmp/quick-exit.txt"
{ cat "$tmp/result.txt"; printf 'wait 600000\nexpect screen attract\nshot scan-here\n'; } >"$tmp/walked-away.txt"
{ cat "$tmp/result.txt"; printf 'hold 10 10 3500\nexpect screen staff\nshot scan-here\n'; } >"$tmp/staff.txt"
printf 'expect screen attract\nshot scan-here\n' >"$tmp/fresh.txt"
mkdir -p "$tmp/shots"
count() { # SCRIPT: how many times the quote is in the app's memory at `shot scan-here`
    # (the staff corner, which ends a session too, needs a PIN: the kiosk test config)
    config=""; [ "$1" = staff ] && config=tests/scripts/kiosk-test.ini
    ATTUNE_ALLOW_CORE=1 "$memscan" "$quote" scan-here.png "$attune" --headless --size 800x480 \
        --bundle assets/content/en --script "$tmp/$1.txt" --shots "$tmp/shots" \
        ${config:+--config "$config"} 2>"$tmp/scan-err"
}
fresh=$(count fresh)
shown=$(count at-result)
case "$fresh:$shown" in
[0-9]*:[0-9]*) ;;
*) bad "memscan could not count (fresh '$fresh', at the result '$shown')" "$(cat "$tmp/scan-err")"; summary; exit ;;
esac
# the scan sees the bundle's own copy, and the copies a shown result makes
if [ "$fresh" -ge 1 ] && [ "$shown" -gt "$fresh" ]; then ok; else
    bad "the scan does not see the result: $fresh copies at attract, $shown at the result"; fi
for way in quick-exit walked-away staff; do
    after=$(count $way)
    if [ "$after" -le "$fresh" ] 2>/dev/null; then ok; else
        bad "after $way, the result's words are in memory $after times; an app that never left attract holds them $fresh times" \
            "$(cat "$tmp/scan-err")"; fi
done

# ... and "Take it home": a tip the anxious take-away carries (the text is composed in the
# view, and libqrencode copies it to encode it)
quote="try to self-soothe first. Take three deep"
{ cat "$tmp/result.txt"; printf 'wait 400\ntap "Take it home"\nexpect screen takeaway\nshot scan-here\n'; } >"$tmp/takeaway.txt"
{ cat "$tmp/result.txt"; printf 'wait 400\ntap "Take it home"\nexpect screen takeaway\ntap "Quick exit"\nexpect screen attract\nshot scan-here\n'; } >"$tmp/takeaway-exit.txt"
fresh=$(count fresh)
shown=$(count takeaway)
if [ "$fresh" -ge 1 ] 2>/dev/null && [ "$shown" -gt "$fresh" ]; then ok; else
    bad "the scan does not see the take-away: $fresh copies at attract, $shown on its screen" "$(cat "$tmp/scan-err")"; fi
after=$(count takeaway-exit)
if [ "$after" -le "$fresh" ] 2>/dev/null; then ok; else
    bad "after Quick exit from Take it home, its words are in memory $after times; an app that never left attract holds them $fresh times" \
        "$(cat "$tmp/scan-err")"; fi

# 2. no core dumps; the memory lock ---------------------------------------------------------
# As root, the app runs as nobody (a root process's files are root's either way), from a
# copy it can read.
chmod 755 "$tmp"
mkdir -p "$tmp/run"
cp "$attune" "$tmp/run/attune"
cp -r assets/content/en "$tmp/run/en"
chmod -R a+rX "$tmp/run"
as=""
[ "$(id -u)" = 0 ] && as="setpriv --reuid=65534 --regid=65534 --clear-groups"
start() { # [ENV=VALUE...]: the app on SDL's dummy display, in the background
    : >"$tmp/err"
    env SDL_VIDEODRIVER=dummy "$@" $as "$tmp/run/attune" --bundle "$tmp/run/en" 2>"$tmp/err" &
    pid=$!
    i=0 # up once SIGHUP is blocked (bit 0 of SigBlk): well after main's start
    while [ $i -lt 100 ]; do
        case $(sed -n 's/^SigBlk:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null) in
        *[13579bdfBDF]) return 0 ;;
        esac
        sleep 0.1; i=$((i + 1))
    done
}
stop() { kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=; }
runner=$(if [ -n "$as" ]; then echo 65534; else id -u; fi)
start
owner=$(stat -c %u "/proc/$pid/mem" 2>/dev/null)
stop
if [ "$owner" = 0 ]; then ok; else bad "the running app can be dumped: its /proc/PID/mem is uid $owner's, not root's"; fi
start ATTUNE_ALLOW_CORE=1
owner=$(stat -c %u "/proc/$pid/mem" 2>/dev/null)
stop
if [ "$owner" = "$runner" ]; then ok; else bad "ATTUNE_ALLOW_CORE=1 does not allow dumps: /proc/PID/mem is uid $owner's"; fi
(ulimit -l 0 && start && sleep 0.5 && stop)
if [ "$(grep -c 'not locked in RAM' "$tmp/err")" = 1 ]; then ok; else
    bad "with no memory lock allowed, the app does not say so once" "$(cat "$tmp/err")"; fi

# 3. missing glyphs are said at load, not when shown ----------------------------------------
cp -r assets/content/en "$tmp/glyph"
# U+F0041, a private-use character no font has, in the avoidant result's quote
line=$(grep -n '^sounds = “I don’t understand' "$tmp/glyph/styles.ini" | cut -d: -f1)
sed -i "${line}s/^sounds = “/sounds = “$(printf '\363\260\201\201') /" "$tmp/glyph/styles.ini"
sed -n '1,/^expect text "Avoidant"/p' tests/scripts/quiz-avoidant.txt >"$tmp/avoidant.txt"
printf 'expect screen attract\n' >"$tmp/attract.txt"
for s in attract avoidant; do
    "$attune" --headless --size 800x480 --bundle "$tmp/glyph" --script "$tmp/$s.txt" >/dev/null 2>"$tmp/$s.err"
done
if [ "$(grep -c 'U+F0041' "$tmp/attract.err")" = 1 ]; then ok; else
    bad "the missing glyph is not said once at start" "$(cat "$tmp/attract.err")"; fi
if cmp -s "$tmp/attract.err" "$tmp/avoidant.err"; then ok; else
    bad "showing the avoidant result adds to the journal" "$(diff "$tmp/attract.err" "$tmp/avoidant.err")"; fi
summary
