#!/bin/sh
# tests/lifecycle.sh ATTUNE — starting, reloading and stopping, as a kiosk meets them:
#  - content broken at start: a kiosk stays up on the calm "unavailable" screen (no error
#    text for patrons), keeps the errors for staff and the journal, and comes back on SIGHUP
#    once the content is fixed; a desktop app says why and exits 1;
#  - SIGHUP with broken content keeps what runs; with good content it reloads;
#  - SIGTERM and SIGINT end the app (even a kiosk, which refuses close requests) with exit
#    0, saying so, with the tally saved.
# The app runs for real (its event loop, SDL's dummy video driver), in the background.
set -u
attune=$(realpath "$1")
tmp=$(mktemp -d)
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; [ -f "$tmp/err" ] && sed 's/^/    /' "$tmp/err"; }

config() { # PROFILE
    cat >"$tmp/$1.ini" <<CFG
[display]
fullscreen = no
[kiosk]
profile = $1
staff_pin = 2468
[content]
bundle = $tmp/content
[tally]
enabled = yes
file = $tmp/tally-$1.ini
CFG
}
fresh() { rm -rf "$tmp/content"; mkdir -p "$tmp/content"; cp -r assets/content/en "$tmp/content/en"; }
breakit() { sed -i 's/^dimension = anxiety/dimension = anxeity/' "$tmp/content/en/quiz.ini"; }
mend() { cp assets/content/en/quiz.ini "$tmp/content/en/quiz.ini"; }
start() { # PROFILE
    : >"$tmp/err"
    SDL_VIDEODRIVER=dummy "$attune" --config "$tmp/$1.ini" 2>"$tmp/err" &
    pid=$!
}
# waits until the journal (stderr) has a line matching $1, up to 10 s
says() {
    i=0
    while [ $i -lt 100 ]; do grep -q "$1" "$tmp/err" && return 0; sleep 0.1; i=$((i + 1)); done
    return 1
}
# sends a signal and waits up to 10 s for the app to end; sets $status
stop() { # SIGNAL
    kill -"$1" "$pid"
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; wait "$pid"; status=hung; else wait "$pid"; status=$?; fi
}
config kiosk
config desktop

# 1. a kiosk whose content is broken at start stays up, and comes back on SIGHUP
fresh; breakit
start kiosk
if says 'temporarily unavailable'; then ok; else no "kiosk, broken content: no word of the unavailable screen"; fi
if grep -q 'quiz.ini:21: error: item' "$tmp/err"; then ok; else no "kiosk, broken content: the errors are not in the journal"; fi
sleep 1
if kill -0 "$pid" 2>/dev/null; then ok; else no "kiosk, broken content: the app ended"; fi
kill -HUP "$pid"
if says 'still "temporarily unavailable"'; then ok; else no "kiosk, SIGHUP with the content still broken"; fi
mend
kill -HUP "$pid"
if says 'was checked and reloaded'; then ok; else no "kiosk, SIGHUP after the fix: not reloaded"; fi
stop TERM
if [ "$status" = 0 ] && grep -q 'SIGTERM: closing' "$tmp/err" && grep -q 'attune: closed' "$tmp/err"; then ok
else no "kiosk, SIGTERM: exit $status"; fi
if [ -s "$tmp/tally-kiosk.ini" ] && grep -q '^sessions = 0$' "$tmp/tally-kiosk.ini"; then ok
else no "kiosk, SIGTERM: the tally was not saved"; fi

# 2. a running kiosk: SIGHUP with broken content keeps what runs; SIGINT ends it
fresh
start kiosk
says 'x' >/dev/null; sleep 1
breakit
kill -HUP "$pid"
if says 'the content in use is kept'; then ok; else no "kiosk, SIGHUP with broken content: not kept"; fi
mend
kill -HUP "$pid"
if says 'was checked and reloaded'; then ok; else no "kiosk, SIGHUP with good content: not reloaded"; fi
stop INT
if [ "$status" = 0 ] && grep -q 'SIGINT: closing' "$tmp/err"; then ok; else no "kiosk, SIGINT: exit $status"; fi

# 3. a desktop app with broken content says why and exits 1 (a developer is there)
fresh; breakit
out=$(SDL_VIDEODRIVER=dummy timeout 20 "$attune" --config "$tmp/desktop.ini" 2>&1)
st=$?
case "$st:$out" in
1:*"quiz.ini:21: error"*"cannot start"*) ok ;;
*) no "desktop, broken content: exit $st: $out" ;;
esac

# 4. what the kiosk shows, through the headless runner: the calm screen, nothing to press
#    but the staff corner, and the errors on the staff menu
cat >"$tmp/unavailable.txt" <<'SCRIPT'
expect screen unavailable
shot unavailable
tap 400 240
key Escape
key Return
wait 600000
expect screen unavailable
tap 400 240
hold 10 10 3500
expect screen staff
tap "2"
tap "4"
tap "6"
tap "8"
tap "OK"
expect text "Reload the content"
expect text "quiz.ini:21: item 'a1': dimension must be 'anxiety' or 'avoidance', not 'anxeity' (and 6 more in the journal)"
shot unavailable-staff
tap "Back"
expect screen unavailable
SCRIPT
shots=${SHOTS:-$tmp/shots}
mkdir -p "$shots"
out=$("$attune" --headless --size 800x480 --script "$tmp/unavailable.txt" --shots "$shots" \
    --config "$tmp/kiosk.ini" 2>&1)
st=$?
if [ "$st" = 0 ]; then ok; else no "headless kiosk, broken content: exit $st: $out"; fi

rm -rf "$tmp"
echo "lifecycle: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
