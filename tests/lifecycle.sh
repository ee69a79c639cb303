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
. "$(dirname "$0")/counts.sh"
pid=
on_exit='[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null' # an app left running by a failed case
# a failed check, with what the app said so far
no() { bad "$*" "$(cat "$tmp/err" 2>/dev/null)"; }

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
# the line breakit() spoils: the first item's dimension
at=$(grep -n '^dimension = anxiety' assets/content/en/quiz.ini | head -n 1 | cut -d: -f1)
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
# waits until the app has blocked SIGHUP (bit 0 of SigBlk in /proc/PID/status), up to 10 s:
# from then on it takes SIGHUP as a reload, and before it SIGHUP would end it
takes_sighup() {
    i=0
    while [ $i -lt 100 ]; do
        case $(sed -n 's/^SigBlk:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null) in
        *[13579bdfBDF]) return 0 ;;
        esac
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
# sends a signal and waits up to 10 s for the app to end; sets $status
stop() { # SIGNAL
    kill -"$1" "$pid"
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; wait "$pid"; status=hung; else wait "$pid"; status=$?; fi
    pid=
}
# reload WHO SAYS: the running app gets SIGHUP with the content broken, and the journal must
# then say SAYS (what it does instead of reloading); then SIGHUP again once the content is
# mended, and it must say the content was reloaded
reload() {
    takes_sighup || no "$1: SIGHUP is still not taken as a reload after 10 s"
    breakit
    kill -HUP "$pid"
    if says "$2"; then ok; else no "$1, SIGHUP with broken content: the journal does not say '$2'"; fi
    mend
    kill -HUP "$pid"
    if says 'was checked and reloaded'; then ok; else no "$1, SIGHUP after the fix: not reloaded"; fi
}
config kiosk
config desktop

# 1. a kiosk whose content is broken at start stays up, and comes back on SIGHUP
fresh; breakit
start kiosk
if says 'temporarily unavailable'; then ok; else no "kiosk, broken content: no word of the unavailable screen"; fi
if grep -q "quiz.ini:$at: error: item" "$tmp/err"; then ok; else no "kiosk, broken content: the errors are not in the journal"; fi
sleep 1
if kill -0 "$pid" 2>/dev/null; then ok; else no "kiosk, broken content: the app ended"; fi
reload "kiosk, broken at start" 'still "temporarily unavailable"'
stop TERM
if [ "$status" = 0 ] && grep -q 'SIGTERM: closing' "$tmp/err" && grep -q 'attune: closed' "$tmp/err"; then ok
else no "kiosk, SIGTERM: exit $status"; fi
if [ -s "$tmp/tally-kiosk.ini" ] && grep -q '^sessions = 0$' "$tmp/tally-kiosk.ini"; then ok
else no "kiosk, SIGTERM: the tally was not saved"; fi

# 2. a running kiosk: SIGHUP with broken content keeps what runs; SIGINT ends it
fresh
start kiosk
reload "kiosk, running" 'the content in use is kept'
stop INT
if [ "$status" = 0 ] && grep -q 'SIGINT: closing' "$tmp/err"; then ok; else no "kiosk, SIGINT: exit $status"; fi

# 3. a desktop app with broken content says why and exits 1 (a developer is there)
fresh; breakit
out=$(SDL_VIDEODRIVER=dummy timeout 20 "$attune" --config "$tmp/desktop.ini" 2>&1)
st=$?
case "$st:$out" in
1:*"quiz.ini:$at: error"*"cannot start"*) ok ;;
*) no "desktop, broken content: exit $st: $out" ;;
esac

# 4. what the kiosk shows, through the headless runner: the calm screen, nothing to press
#    but the staff corner, and the errors on the staff menu
cat >"$tmp/unavailable.txt" <<SCRIPT
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
expect text "quiz.ini:$at: item 'a1': dimension must be 'anxiety' or 'avoidance', not 'anxeity'; did you mean 'anxiety'? (and 6 more in the journal)"
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
summary
