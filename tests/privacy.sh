#!/bin/sh
# tests/privacy.sh ATTUNE — nothing a person answers is written anywhere. Whole journeys
# (a reflection to its result, with the tally on; the staff screen; "Take it home", its
# guidance in QR codes) run under strace: the
# only files opened for writing may be the screenshots asked for, the tally and the staff
# PIN's lock beside it (their temp files and renames); and nothing of what was answered or shown as a result reaches stdout
# or stderr.
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"
work=$tmp
mkdir -p "$work/shots"
cat >"$work/tally.ini" <<INI
[tally]
enabled = yes
file = $work/tally.ini.data
INI
# the PIN pad locked (five wrong PINs), with a tally folder to keep the lock in
cat tests/scripts/kiosk-test.ini "$work/tally.ini" >"$work/lock.ini"
for journey in tests/scripts/quiz-anxious.txt tests/scripts/staff.txt tests/scripts/tally.txt \
    tests/scripts/staff-lock.txt tests/scripts/takeaway.txt; do
    config="$work/tally.ini"
    case $journey in *staff.txt) config=tests/scripts/kiosk-test.ini ;; *staff-lock*) config=$work/lock.ini ;;
    *takeaway.txt) config=tests/takeaway/booking.ini ;; esac
    # (ATTUNE_ALLOW_CORE=1: strace run by a user other than root reads the paths opened)
    ATTUNE_ALLOW_CORE=1 strace -f -qq -o "$work/trace" -e trace=open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir \
        "$attune" --headless --size 800x480 --config "$config" --bundle assets/content/en \
        --script "$journey" --shots "$work/shots" >"$work/out" 2>&1
    status=$?
    # every open for writing, and every rename/unlink/mkdir, must be a shot, the tally or the lock
    wrote=$(grep -E 'O_WRONLY|O_RDWR|O_CREAT|creat\(|rename|unlink|mkdir' "$work/trace" |
        grep -vE "\"$work/shots/[^\"]*\\.png\"|\"$work/tally\\.ini\\.data(\\.tmp)?\"|\"$work/staff-lock\\.ini(\\.tmp)?\"|\"$work/shots\"|ENOENT|/dev/(null|shm|dri|tty)" |
        grep -vE '"/tmp/\.X11-unix|= -1 ' || true)
    if [ "$status" -eq 0 ] && [ -z "$wrote" ]; then ok; else
        bad "$journey (exit $status) wrote:" "$(printf '%s\n' "$wrote" | head -10)"; fi
    # what was answered (the statements) and the result's words never reach the output
    leaked=""
    for words in "After being intimate" "Anxious" "anxiety=" "style=" "Strongly agree" "Self-soothe"; do
        grep -qF "$words" "$work/out" && leaked="$leaked '$words'"
    done
    if [ -z "$leaked" ]; then ok; else bad "$journey printed:$leaked"; fi
done
# the tally holds counts only
if grep -qE '^(sessions|completed|secure|anxious|avoidant|disorganized) = [0-9]+$' "$work/tally.ini.data" &&
    ! grep -vE '^(;.*|\[tally\]|(sessions|completed|secure|anxious|avoidant|disorganized) = [0-9]+|)$' "$work/tally.ini.data" | grep -q .; then
    ok
else
    bad "the tally holds more than counts:" "$(cat "$work/tally.ini.data")"
fi
summary
