#!/bin/sh
# tests/lastgood.sh ATTUNE — a typo does not take a kiosk offline: content (and a config)
# that passes the check is kept as the last good copy in the state folder (systemd's
# STATE_DIRECTORY); started with broken content, a kiosk runs the last good copy (patrons
# see the app as usual) while the staff menu and the journal name the errors; without a
# copy it says "Back soon" as before; once fixed, a reload (SIGHUP) runs the content as it
# is and keeps it as the new copy. A desktop app with errors still stops, and nothing is
# kept without a state folder.
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"
pid=
on_exit='[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null'
state=$tmp/state
copy=$state/last-good
shots=${SHOTS:-$tmp/shots}
mkdir -p "$state" "$shots"
config() { # NAME PROFILE
    cat >"$tmp/$1.ini" <<CFG
[display]
fullscreen = no
[kiosk]
profile = $2
staff_pin = 2468
idle_timeout = 90
[content]
bundle = $tmp/content
CFG
}
config kiosk kiosk
config desktop desktop
fresh() { rm -rf "$tmp/content"; mkdir -p "$tmp/content"; cp -r assets/content/en "$tmp/content/en"; }
breakit() { sed -i 's/^dimension = anxiety/dimension = anxeity/' "$tmp/content/en/quiz.ini"; }
at=$(grep -n '^dimension = anxiety' assets/content/en/quiz.ini | head -n 1 | cut -d: -f1)
first="quiz.ini:$at: item 'a1': dimension must be 'anxiety' or 'avoidance', not 'anxeity'; did you mean 'anxiety'? (and 6 more in the journal)"
# headless NAME SCRIPT [CONFIG]: runs the script with the state folder; $out, $st
headless() {
    printf '%s\n' "$2" >"$tmp/$1.txt"
    out=$(STATE_DIRECTORY=$state "$attune" --headless --size 800x480 --script "$tmp/$1.txt" \
        --shots "$shots" --config "$tmp/${3:-kiosk}.ini" 2>&1)
    st=$?
}
staff='hold 10 10 3500
expect screen staff
tap "2"
tap "4"
tap "6"
tap "8"
tap "OK"
expect text "Reload the content"'
patron='expect screen attract
tap 400 240
expect screen consent
tap "Start"
expect screen home
tap "Take the reflection"
expect screen question
expect text "1 of 14"'

# 1. good content at start: kept, byte for byte, and only the content's own files
fresh
headless good "$patron"
if [ "$st" = 0 ] && cmp -s "$copy/content/quiz.ini" assets/content/en/quiz.ini &&
    cmp -s "$copy/config.ini" "$tmp/kiosk.ini"; then ok "good content and config are kept"
else bad "good content at start: exit $st, or no copy in $copy" "$out"; fi
if [ "$(ls "$copy/content" 2>/dev/null | wc -l)" = "$(ls assets/content/en/*.ini | wc -l)" ]; then ok
else bad "the copy does not hold exactly the bundle's files" "$(ls -R "$state")"; fi

# 2. a typo that --check reports; the kiosk runs the last good copy, staff read the error
breakit
chk=$("$attune" --check --config "$tmp/kiosk.ini" 2>&1)
case "$?:$chk" in 1:*"quiz.ini:$at: error"*) ok ;; *) bad "--check does not report the typo" "$chk" ;; esac
headless lastgood "$patron
shot lastgood-question
key Escape
$staff
expect text \"The content has errors, so patrons see its last good copy until it is fixed and reloaded:\"
expect text \"$first\"
shot lastgood-staff"
if [ "$st" = 0 ]; then ok "broken content: the last good copy runs, the staff menu says so"
else bad "broken content with a last good copy: exit $st" "$out"; fi
case $out in
*"quiz.ini:$at: error"*"the last good copy"*"is in use"*) ok ;;
*) bad "broken content: the journal does not name the errors and the copy in use" "$out" ;;
esac
if grep -q '^dimension = anxiety' "$copy/content/quiz.ini"; then ok; else bad "the broken content replaced the last good copy"; fi

# 3. no last good copy: "Back soon", as before
mv "$copy" "$tmp/kept"
headless nocopy 'expect screen unavailable'
if [ "$st" = 0 ]; then ok "no copy: Back soon"; else bad "broken content, no copy: not unavailable (exit $st)" "$out"; fi
rm -rf "$copy"
mv "$tmp/kept" "$copy"

# 4. a desktop app with errors stops, and runs nothing old
out=$(STATE_DIRECTORY=$state SDL_VIDEODRIVER=dummy timeout 20 "$attune" --config "$tmp/desktop.ini" 2>&1)
case "$?:$out" in 1:*"cannot start"*) ok ;; *) bad "desktop, broken content: did not stop" "$out" ;; esac

# 5. the running kiosk: fixed (and changed) content comes in on SIGHUP and becomes the copy
: >"$tmp/err"
STATE_DIRECTORY=$state SDL_VIDEODRIVER=dummy "$attune" --config "$tmp/kiosk.ini" 2>"$tmp/err" &
pid=$!
says() {
    i=0
    while [ $i -lt 100 ]; do grep -q "$1" "$tmp/err" && return 0; sleep 0.1; i=$((i + 1)); done
    return 1
}
if says 'last good copy kept in'; then ok; else bad "running kiosk: the copy is not said to be in use" "$(cat "$tmp/err")"; fi
blocked() { sed -n 's/^SigBlk:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null; }
i=0
while [ $i -lt 100 ]; do case $(blocked) in *[13579bdfBDF]) break ;; esac; sleep 0.1; i=$((i + 1)); done
cp assets/content/en/quiz.ini "$tmp/content/en/quiz.ini"
sed -i 's/^title = .*/title = Mended and reloaded/' "$tmp/content/en/calm.ini"
kill -HUP "$pid"
if says 'was checked and reloaded' && says 'content/en passed the check and is kept'; then ok; else
    bad "running kiosk: SIGHUP after the fix did not reload and keep" "$(cat "$tmp/err")"; fi
kill -TERM "$pid"
wait "$pid"
pid=
if grep -q 'Mended and reloaded' "$copy/content/calm.ini" && [ "$(ls -d "$copy"/content-* | wc -l)" = 1 ]; then
    ok "the reloaded content replaced the copy (the old one is gone)"
else bad "the copy was not replaced by the reloaded content" "$(ls -l "$copy")"; fi

# 6. a broken config runs its last good copy (and its PIN); none kept: Back soon
fresh
headless keep "$patron"
sed -i 's/^idle_timeout = 90/idle_timeout = soon/' "$tmp/kiosk.ini"
headless badconfig "$patron
key Escape
$staff
expect text \"The config has errors, so its last good copy is in use until it is fixed and Attune restarted:\""
if [ "$st" = 0 ]; then ok "broken config: the last good config runs"; else bad "broken config: exit $st" "$out"; fi
rm -f "$copy/config.ini"
headless badnocopy 'expect screen unavailable'
if [ "$st" = 0 ]; then ok; else bad "broken config, no copy: not unavailable (exit $st)" "$out"; fi

# 7. no state folder (the desktop): nothing is kept anywhere
config kiosk kiosk
fresh
rm -rf "$copy"
out=$("$attune" --headless --size 800x480 --script "$tmp/good.txt" --config "$tmp/kiosk.ini" 2>&1)
if [ $? = 0 ] && [ ! -e "$copy" ] && ! printf '%s' "$out" | grep -q 'last good'; then ok; else
    bad "without STATE_DIRECTORY a copy was kept" "$out"; fi
summary
