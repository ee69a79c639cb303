#!/bin/sh
# tests/reload.sh ATTUNE — a reload (SIGHUP, the staff menu) never changes the content
# under a person: reloaded mid-quiz with a scale of 5 points instead of 7 and a new first
# statement, the quiz goes on with 7 points to its result; the new content comes in at
# the next attract screen. On attract a reload comes in at once. Run headless, with the
# script command `reload "FOLDER"` (what SIGHUP does, the FOLDER's files as the new ones).
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"
new=$tmp/new
mkdir -p "$new"
cp assets/content/en/*.ini "$new/"
first='After being intimate with a partner, I need to hear that I still matter to them.'
sed -i "s/^points = 7\$/points = 5/; s/^label7 = /label5 = /; s/^label4 = Neither agree/label3 = Neither agree/
s/^text = $first\$/text = A new first statement, from the reloaded content./" "$new/quiz.ini"
out=$("$attune" --check --bundle "$new" 2>&1) || bad "the new content does not pass --check" "$out"

answers() { # N: taps "7" N times, as a person answering
    i=0
    while [ $i -lt "$1" ]; do printf 'tap "7"\nwait 400\n'; i=$((i + 1)); done
}
{
    printf 'tap "Touch to begin"\ntap "Start"\ntap "Take the reflection"\n'
    printf 'expect text "%s"\n' "$first"
    answers 3
    printf 'reload "%s"\n' "$new"
    printf '# the quiz goes on with the scale it began with, to its result\n'
    printf 'expect screen question\n'
    answers 11
    printf 'expect screen result\n'
    printf '# the person leaves; attract; the next person gets the new content\n'
    printf 'wait 150000\nexpect screen attract\n'
    printf 'tap "Touch to begin"\ntap "Start"\ntap "Take the reflection"\n'
    printf 'expect text "A new first statement, from the reloaded content."\n'
    printf 'tap "5"\nwait 400\n'
} >"$tmp/midquiz.txt"
out=$("$attune" --headless --size 800x480 --script "$tmp/midquiz.txt" --bundle assets/content/en 2>&1)
status=$?
if [ "$status" -eq 0 ]; then ok; else bad "a reload mid-quiz (exit $status)" "$out"; fi
# the journal says it waits, and (not to time the end of a session) nothing when it comes in
case "$out" in
*"was checked and reloaded"*) bad "a reload mid-quiz: the journal marks when it came in" "$out" ;;
*"it comes in when the screen next returns to attract"*) ok ;;
*) bad "a reload mid-quiz: the journal does not say it waits for attract" "$out" ;;
esac

# held content comes in as a session ends: nothing said, nothing written then, even with a
# state folder for the last good copy that cannot be written (said once, at start)
touch "$tmp/not-a-folder"
out=$(STATE_DIRECTORY="$tmp/not-a-folder" "$attune" --headless --size 800x480 --script "$tmp/midquiz.txt" \
    --bundle assets/content/en --config tests/scripts/kiosk-test.ini 2>&1)
after=$(printf '%s\n' "$out" | sed -n '/it comes in when the screen next returns to attract/,$p' | sed 1d)
if [ -z "$after" ]; then ok; else bad "held content coming in (as a session ended) said:" "$after"; fi

printf 'reload "%s"\ntap "Touch to begin"\ntap "Start"\ntap "Take the reflection"\nexpect text "A new first statement, from the reloaded content."\n' \
    "$new" >"$tmp/attract.txt"
out=$("$attune" --headless --size 800x480 --script "$tmp/attract.txt" --bundle assets/content/en 2>&1)
status=$?
if [ "$status" -eq 0 ]; then ok; else bad "a reload on attract (exit $status)" "$out"; fi
summary
