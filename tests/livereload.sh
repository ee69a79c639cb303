#!/bin/sh
# tests/livereload.sh ATTUNE — an author's save shows at once (the desktop profile): the
# app runs headless on a copy of the English bundle and the script saves files into it
# as an editor does (`save "FROM" "TO"`: a new file renamed over the old). Within a
# second of the virtual clock the new words are on the same screen and deck page; a save
# with a mistake keeps the words that ran and shows each problem as file:line: message
# in a band over the screen, and the save that fixes it takes the band away.
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"
en=$tmp/en
edits=$tmp/edits
mkdir -p "$edits"
cp -r assets/content/en "$en"
screens=$en/screens.ini
sed 's/^title = Welcome$/title = Welcome, as the author just saved it/' "$screens" >"$edits/new.ini"
# the author's mistake: a misspelt key beside the words they changed
sed 's/^title = Welcome$/titel = Welcome, misspelt/' "$screens" >"$edits/broken.ini"
sed 's/^title = Welcome$/title = Welcome, fixed/' "$screens" >"$edits/fixed.ini"
band='The content has errors; the screen shows it as it was before them:'
# the problem as the band says it: file:line: message (what --check says, less its folder
# and its level)
mkdir -p "$tmp/check/en"
cp "$en"/*.ini "$tmp/check/en/"
cp "$edits/broken.ini" "$tmp/check/en/screens.ini"
problem=$(cd "$tmp/check" && "$attune" --check --bundle en 2>&1 | grep "titel" | sed 's|^en/||; s|: error: |: |')
case "$problem" in
screens.ini:[0-9]*": [home]: unknown key 'titel'"*) ok ;;
*) bad "the misspelt key is not an error at its line" "$problem" ;;
esac
# a deck's second page (at 800x480), edited while it shows
sed 's/^text = Couples are often confused/text = Couples, as the author now writes, are often confused/' \
    "$en/chemistry.ini" >"$edits/chemistry.ini"
couples='as the author now writes, are often confused or hurt by post-sex dynamics. One partner feels
abandoned when the other rolls over and goes to sleep. Another feels smothered when their partner
wants to cuddle and talk for hours.'
couples="Couples, $(printf '%s' "$couples" | tr '\n' ' ')"

{
    printf 'tap "Touch to begin"\ntap "Start"\nexpect screen home\nexpect text "Welcome"\n'
    printf 'save "%s" "%s"\nwait 1000\n' "$edits/new.ini" "$screens"
    printf 'expect screen home\nexpect text "Welcome, as the author just saved it"\n'
    printf 'save "%s" "%s"\nwait 1000\n' "$edits/broken.ini" "$screens"
    printf 'expect screen home\nexpect text "Welcome, as the author just saved it"\n'
    printf 'expect text "%s"\nexpect text "%s"\n' "$band" "$problem"
    printf 'save "%s" "%s"\nwait 1000\n' "$edits/fixed.ini" "$screens"
    printf 'expect screen home\nexpect text "Welcome, fixed"\n'
    printf 'tap "The chemistry of closeness"\nswipe left\nexpect text "2 / 8"\n'
    printf 'save "%s" "%s"\nwait 1000\n' "$edits/chemistry.ini" "$en/chemistry.ini"
    printf 'expect screen chemistry\nexpect text "2 / 8"\nexpect text "%s"\n' "$couples"
} >"$tmp/save.txt"
out=$("$attune" --headless --size 800x480 --script "$tmp/save.txt" --bundle "$en" 2>&1)
status=$?
if [ "$status" -eq 0 ]; then ok "a save shows within a second; a mistake keeps the words and shows file:line"
else bad "a save under a running app (exit $status)" "$out"; fi

# once fixed, the band is gone: the same script, expecting it at the end, must fail there
cp assets/content/en/screens.ini assets/content/en/chemistry.ini "$en/"
printf 'expect text "%s"\n' "$band" >>"$tmp/save.txt"
out=$("$attune" --headless --size 800x480 --script "$tmp/save.txt" --bundle "$en" 2>&1)
case "$out" in
*"expected text \"$band\" on screen chemistry, got no such text"*) ok "the fix takes the problems away" ;;
*) bad "the problems stay on screen after the fix" "$out" ;;
esac

# a kiosk's content changes only by SIGHUP or the staff menu, where no patron is: a save
# under a patron's screen shows nothing new
cp assets/content/en/screens.ini "$en/"
printf 'tap "Touch to begin"\ntap "Start"\nsave "%s" "%s"\nwait 1000\nexpect text "Welcome"\n' \
    "$edits/new.ini" "$screens" >"$tmp/kiosk.txt"
out=$("$attune" --headless --size 800x480 --script "$tmp/kiosk.txt" --bundle "$en" \
    --config tests/scripts/kiosk-test.ini 2>&1)
status=$?
if [ "$status" -eq 0 ]; then ok "a kiosk does not take a save"; else bad "a kiosk took a save (exit $status)" "$out"; fi
summary
