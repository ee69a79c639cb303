#!/bin/sh
# tests/staff_tally.sh ATTUNE — what staff can and cannot learn, through the real app
# (headless, 800x480, the kiosk profile with a PIN and the tally on):
#   1. the tally's threshold (here 5): below it neither the staff page nor the file shows a
#      count by style, only how many finished; at it both show every style; past it they
#      move only at each batch's end (10, 15…), never for one person; a restart mid-batch
#      loses that batch's styles, never `completed`; a reset hides them again;
#   1b. couple sessions, in batches of the same threshold: below it neither the page nor
#      the file shows a count of them (nor how many so far); at it both do; one couple
#      more moves nothing; they touch no count of reflections;
#   2. saves do not follow the people: four reflections in a run are saved once, at its end
#      (and on the hour: kiosk.h), never after an answer;
#   3. the staff PIN's lock outlives a restart and doubles each time; each lock is logged,
#      without a digit of the PIN tried; the lock's file holds three numbers.
# One line per check; a summary; exit 1 when a check fails. Run from the repo root.
set -u
attune=$(realpath "$1")
cd "$(dirname "$0")/.." || exit 1
. tests/counts.sh # ok, bad, skip, summary; $tmp, removed on exit

config=$tmp/kiosk.ini
printf '[kiosk]\nprofile = kiosk\nstaff_pin = 2468\n[tally]\nenabled = yes\nfile = %s/tally.ini\nthreshold = 5\n' \
    "$tmp" >"$config"

# reflections N: N people each finish the reflection (an anxious result) and leave
reflections() {
    i=0
    while [ "$i" -lt "$1" ]; do
        printf 'tap "Touch to begin"\ntap "Start"\ntap "Take the reflection"\nwait 400\n'
        for a in 7 1 1 7 7 1 1 7 7 1 1 7 7 1; do printf 'tap "%s"\nwait 400\n' "$a"; done
        printf 'expect screen result\nwait 60000\nkey Escape\nexpect screen attract\n'
        i=$((i + 1))
    done
}
# couples N: N couples agree to begin, then leave at the first question (Quick exit)
couples() {
    i=0
    while [ "$i" -lt "$1" ]; do
        printf 'tap "Touch to begin"\ntap "Start"\nwait 400\ntap "Take it together"\nwait 400\n'
        printf 'tap "We both agree: begin"\nexpect screen question\nkey Escape\nexpect screen attract\n'
        i=$((i + 1))
    done
}
# the staff corner, the PIN and the tally page
staff_tally='hold 10 10 3500
tap "2"
tap "4"
tap "6"
tap "8"
tap "OK"
tap "Anonymous tally"'

# run NAME: runs $tmp/NAME.txt; sets $out and $status
run() {
    out=$("$attune" --headless --size 800x480 --script "$tmp/$1.txt" --config "$config" \
        --bundle assets/content/en 2>&1)
    status=$?
}
# has KEY VALUE: the tally file has the line KEY = VALUE
has() { grep -qx "$1 = $2" "$tmp/tally.ini"; }
no_styles() { ! grep -qE '^(secure|anxious|avoidant|disorganized) =' "$tmp/tally.ini"; }

# --- 1. the threshold -------------------------------------------------------------------
# Four people: the page says how many, and "Anxious: 4" is nowhere (the last expect fails
# on that line and no other).
{ reflections 4; echo "$staff_tally"
  echo 'expect text "Counts by style appear once 5 reflections have finished since the last reset (4 so far), so that no one’s result can be picked out."'
  echo 'expect text "Reflections completed: 4"'
  echo 'expect text "Anxious: 4"'; } >"$tmp/four.txt"
last=$(wc -l <"$tmp/four.txt" | tr -d ' ')
if command -v strace >/dev/null && strace -f -qq -e trace=none true 2>/dev/null; then
    out=$(strace -f -qq -e trace=rename,renameat,renameat2 -o "$tmp/strace" "$attune" --headless \
        --size 800x480 --script "$tmp/four.txt" --config "$config" --bundle assets/content/en 2>&1)
    status=$?
    saves=$(grep -c 'tally\.ini\.tmp' "$tmp/strace")
    if [ "$saves" -eq 1 ]; then ok "four people in a run: the tally is saved once, at the end, not after each"
    else bad "four people in a run: the tally is saved once, at the end, not after each (saved $saves times)" \
        "$(cat "$tmp/strace")"; fi
else
    skip "the number of saves: strace cannot run here"
    run four
fi
case "$status:$out" in
"1:$tmp/four.txt:$last: expected text \"Anxious: 4\""*) ok "below the threshold the staff page shows how many finished, and no style" ;;
*) bad "below the threshold the staff page shows how many finished, and no style (exit $status)" "$out" ;;
esac
if has sessions 4 && has completed 4 && no_styles; then ok "below the threshold the file holds no style"
else bad "below the threshold the file holds no style" "$(cat "$tmp/tally.ini")"; fi

# A restart, then five more: the four before lost their styles (never written), so the
# threshold counts the five; at it, every style shows, on the page and in the file. Then
# one more person: the page (read before and after them) and the file show the same counts
# by style, only `completed` moves; the styles wait for the batch's end.
{ reflections 5; echo "$staff_tally"
  echo 'expect text "Reflections completed: 9"'
  echo 'expect text "Counts by style as of 5 reflections. They are brought up to date every 5 reflections, so that no one’s result can be picked out."'
  echo 'expect text "Anxious: 5"'
  echo 'expect text "Secure: 0"'
  echo 'key Escape'; echo 'expect screen attract'; reflections 1; echo "$staff_tally"
  echo 'expect text "Reflections completed: 10"'
  echo 'expect text "Counts by style as of 5 reflections. They are brought up to date every 5 reflections, so that no one’s result can be picked out."'
  echo 'expect text "Anxious: 5"'; } >"$tmp/five.txt"
run five
if [ "$status" -eq 0 ]; then ok "at the threshold the staff page shows each style, and one more person moves none"
else bad "at the threshold the staff page shows each style, and one more person moves none (exit $status)" "$out"; fi
if has sessions 10 && has completed 10 && has anxious 5 && has secure 0 && has avoidant 0 && has disorganized 0; then
    ok "at the threshold the file holds each style, and not the one person after it"
else bad "at the threshold the file holds each style, and not the one person after it" "$(cat "$tmp/tally.ini")"; fi

# Four more after a restart (the one held in memory is lost): still as of 5; the fifth
# ends the batch, and the page and the file show 10 at once.
{ reflections 4; echo "$staff_tally"
  echo 'expect text "Reflections completed: 14"'
  echo 'expect text "Anxious: 5"'
  echo 'key Escape'; echo 'expect screen attract'; reflections 1; echo "$staff_tally"
  echo 'expect text "Counts by style as of 10 reflections. They are brought up to date every 5 reflections, so that no one’s result can be picked out."'
  echo 'expect text "Anxious: 10"'; } >"$tmp/batch.txt"
run batch
if [ "$status" -eq 0 ] && has completed 15 && has anxious 10; then
    ok "the batch's end brings the page and the file up to date"
else bad "the batch's end brings the page and the file up to date (exit $status)" "$out$(cat "$tmp/tally.ini")"; fi

# A reset hides them again, on the page and in the file.
{ echo "$staff_tally"; echo 'tap "Reset the tally"'
  echo 'expect text "Counts by style appear once 5 reflections have finished since the last reset (0 so far), so that no one’s result can be picked out."'; } >"$tmp/reset.txt"
run reset
if [ "$status" -eq 0 ] && has completed 0 && no_styles; then ok "a reset hides the styles again"
else bad "a reset hides the styles again (exit $status)" "$out$(cat "$tmp/tally.ini")"; fi

# --- 1b. couple sessions ------------------------------------------------------------------
# Four couples: the page says when they will appear, never how many so far, and "Couple
# sessions: 4" is nowhere (the last expect fails on that line and no other); nor the file.
{ couples 4; echo "$staff_tally"
  echo 'expect text "Couple sessions appear once 5 have begun."'
  echo 'expect text "Sessions started: 4"'
  echo 'expect text "Couple sessions: 4 (brought up to date every 5)"'; } >"$tmp/couples4.txt"
last=$(wc -l <"$tmp/couples4.txt" | tr -d ' ')
run couples4
case "$status:$out" in
"1:$tmp/couples4.txt:$last: expected text \"Couple sessions: 4"*) ok "below the threshold the staff page shows no count of couple sessions" ;;
*) bad "below the threshold the staff page shows no count of couple sessions (exit $status)" "$out" ;;
esac
if has sessions 4 && has completed 0 && ! grep -q '^couples' "$tmp/tally.ini"; then
    ok "below the threshold the file holds no count of couple sessions"
else bad "below the threshold the file holds no count of couple sessions" "$(cat "$tmp/tally.ini")"; fi

# After a restart (the four held in memory are lost), five: the page and the file show 5;
# read before and after one more couple, the count has not moved.
{ couples 5; echo "$staff_tally"
  echo 'expect text "Couple sessions: 5 (brought up to date every 5)"'
  echo 'key Escape'; echo 'expect screen attract'; couples 1; echo "$staff_tally"
  echo 'expect text "Sessions started: 10"'
  echo 'expect text "Couple sessions: 5 (brought up to date every 5)"'; } >"$tmp/couples5.txt"
run couples5
if [ "$status" -eq 0 ]; then ok "at the threshold the staff page shows the couple sessions, and one couple more moves nothing"
else bad "at the threshold the staff page shows the couple sessions, and one couple more moves nothing (exit $status)" "$out"; fi
if has sessions 10 && has couples 5 && has completed 0 && no_styles; then
    ok "at the threshold the file holds the couple sessions, and not the couple after"
else bad "at the threshold the file holds the couple sessions, and not the couple after" "$(cat "$tmp/tally.ini")"; fi

# --- 3. the PIN's lock across a restart ------------------------------------------------
wrong5='tap "1"
tap "3"
tap "5"
tap "7"
tap "OK"'
{ echo 'hold 10 10 3500'; for i in 1 2 3 4 5; do echo "$wrong5"; done
  echo 'expect text "Too many wrong PINs. Try again in 60 seconds."'; } >"$tmp/lock1.txt"
run lock1
case "$status:$out" in
0:*"the staff PIN pad is locked for 60 s after 5 wrong PINs in a row (lock 1 "*)
    ok "five wrong PINs lock the pad for a minute, and the journal says so" ;;
*) bad "five wrong PINs lock the pad for a minute, and the journal says so (exit $status)" "$out" ;;
esac
case $out in *1357*) bad "the log holds the PIN tried" "$out" ;; *) ok "the log holds no PIN digit" ;; esac
if grep -qx 'locks = 1' "$tmp/staff-lock.ini" && grep -qx 'failures = 0' "$tmp/staff-lock.ini" &&
    ! grep -v '^;' "$tmp/staff-lock.ini" | grep -qvE '^(\[lock\]|(failures|locks|until) = [0-9]+)$'; then
    ok "the lock's file holds three numbers, beside the tally"
else bad "the lock's file holds three numbers, beside the tally" "$(cat "$tmp/staff-lock.ini" 2>&1)"; fi

# Restarted at once (a power cut, kill -9): still locked; once it ends, five more wrong
# PINs lock it for twice as long.
{ echo 'hold 10 10 3500'; echo 'tap "Cancel"'; echo 'wait 61000'; echo 'hold 10 10 3500'
  for i in 1 2 3 4 5; do echo "$wrong5"; done
  echo 'expect text "Too many wrong PINs. Try again in 120 seconds."'
  echo 'tap "Cancel"'; echo 'wait 121000'; echo 'hold 10 10 3500'
  for i in 1 2 3 4 5; do echo "$wrong5"; done
  echo 'expect text "Too many wrong PINs. Try again in 4 minutes."'; } >"$tmp/lock2.txt"
printf 'hold 10 10 3500\ntap "2"\n' >"$tmp/locked.txt"
run locked
case "$status:$out" in
1:*"the staff PIN pad is still locked for "*"kept across the restart"*'locked.txt:2: '*)
    ok "after a restart the pad is still locked: its keys cannot be pressed" ;;
*) bad "after a restart the pad is still locked: its keys cannot be pressed (exit $status)" "$out" ;;
esac
run lock2
case "$status:$out" in
0:*"locked for 120 s after 5 wrong PINs in a row (lock 2 "*"locked for 240 s"*) ok "the next locks, after the restart, last twice as long each (said in minutes)" ;;
*) bad "the next locks, after the restart, last twice as long each (said in minutes) (exit $status)" "$out" ;;
esac
summary
