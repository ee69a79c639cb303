#!/bin/sh
# tests/languages.sh ATTUNE — a kiosk offering several languages (tests/languages/three.ini):
# --check checks and lays out each; a language with no folder is named at the config's
# line with the folder nearest its name; a language whose bundle has errors fails --check,
# and a kiosk leaves it out of the choice, its staff menu saying why (still after a reload,
# which is of the default language's bundle). Run from the project root.
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"

out=$("$attune" --check --config tests/languages/three.ini 2>&1)
status=$?
# (its one warning: a kiosk whose practice has no name; the layout has none)
if [ "$status" -eq 0 ] && printf '%s\n' "$out" | grep -q "with the languages en es ar (25 files): 0 errors, 1 warning$" &&
    printf '%s\n' "$out" | grep -q "three.ini:1: warning: \[support\] name is not set"; then
    ok
else
    bad "--check of three languages (exit $status)" "$out"
fi

# a language with no folder: named at the config's line, with the nearest folder
mkdir -p "$tmp/kiosk"
cp -r tests/languages/es tests/languages/ar "$tmp/kiosk/"
cp -r assets/content/en "$tmp/kiosk/en"
printf '[kiosk]\nprofile = kiosk\nstaff_pin = 2468\n[content]\nbundle = .\nlanguages = en esp\n' >"$tmp/kiosk/typo.ini"
out=$("$attune" --check --config "$tmp/kiosk/typo.ini" 2>&1)
status=$?
want="$tmp/kiosk/typo.ini:6: error: [content]: languages: 'esp' has no folder in $tmp/kiosk/.; did you mean 'es'?"
if [ "$status" -eq 1 ] && printf '%s\n' "$out" | grep -qxF "$want"; then
    ok
else
    bad "a language with no folder (exit $status)" "$out"
fi

# a language with errors: --check fails on it; a kiosk offers the others and says why
printf '[content]\nbundle = .\nlanguages = en es ar\n[kiosk]\nprofile = kiosk\nstaff_pin = 2468\n' >"$tmp/kiosk/three.ini"
sed -i 's/^dimension = anxiety$/dimension = anxeity/' "$tmp/kiosk/es/quiz.ini"
out=$("$attune" --check --config "$tmp/kiosk/three.ini" 2>&1)
status=$?
if [ "$status" -eq 1 ] && printf '%s\n' "$out" | grep -q "kiosk/./es/quiz.ini:[0-9]*: error: .*anxeity"; then
    ok
else
    bad "--check of a language with errors (exit $status)" "$out"
fi
cat >"$tmp/left-out.txt" <<'SCRIPT'
expect text "English"
expect text "العربية"
tap "العربية"
expect text "المس للبدء"
hold 10 10 3500
expect screen staff
tap "2"
tap "4"
tap "6"
tap "8"
tap "OK"
expect text "A language the config offers has errors, so patrons are not offered it until it is fixed and Attune restarted:"
tap "Reload the content"
expect text "A language the config offers has errors, so patrons are not offered it until it is fixed and Attune restarted:"
SCRIPT
out=$("$attune" --headless --size 800x480 --script "$tmp/left-out.txt" --config "$tmp/kiosk/three.ini" 2>&1)
status=$?
if [ "$status" -eq 0 ] && printf '%s\n' "$out" | grep -q "1 of the languages the config offers has errors"; then
    ok
else
    bad "a kiosk with a language with errors (exit $status)" "$out"
fi
printf 'tap "Español"\n' >"$tmp/no-es.txt"
if "$attune" --headless --size 800x480 --script "$tmp/no-es.txt" --config "$tmp/kiosk/three.ini" >/dev/null 2>&1; then
    bad "a kiosk offered a language with errors"
else
    ok
fi
summary
