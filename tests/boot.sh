#!/bin/sh
# tests/boot.sh ATTUNE — the owner's folder on the SD card's boot partition ([kiosk]
# overrides, /boot/firmware/attune on a Pi; a fake one here): its attune.ini laid over the
# kiosk config key by key and its content/LANG in place of the shipped language, taken
# when they pass the check (and kept as the last good ones in the state folder); broken,
# the kiosk keeps the last good ones and names the error at file:line on the staff screen
# and in the journal. A missing folder or file is no error, a FIFO in the file's place is
# refused at once, and nothing is ever written to the folder. Run from the project root.
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"
state=$tmp/state
boot=$tmp/boot/attune
copy=$state/last-good
shots=${SHOTS:-$tmp/shots}
mkdir -p "$state" "$shots"
cat >"$tmp/kiosk.ini" <<CFG
[display]
fullscreen = no
[kiosk]
profile = kiosk
staff_pin = 2468
overrides = $boot
[content]
bundle = $(pwd)/assets/content
[support]
name = Your practice
CFG
# headless NAME SCRIPT: runs the script as the kiosk would, with the state folder; $out, $st
headless() {
    printf '%s\n' "$2" >"$tmp/$1.txt"
    out=$(STATE_DIRECTORY=$state timeout 60 "$attune" --headless --size 800x480 --script "$tmp/$1.txt" \
        --shots "$shots" --config "$tmp/kiosk.ini" 2>&1)
    st=$?
}
staff='key Escape
hold 10 10 3500
expect screen staff
tap "2"
tap "4"
tap "6"
tap "8"
tap "OK"
expect text "Reload the content"'
support() { # the attract title a patron sees, then the practice named on Get support
    printf 'expect screen attract\nexpect text "%s"\ntap 400 240\ntap "Start"\ntap "Get support"\nexpect screen support\nexpect text "%s"\n' "$1" "$2"
}
listing() { ls -lR --time-style=full-iso "$tmp/boot"; }

# 1. no folder: no error, the shipped words
headless none "$(support Attune 'Your practice')"
case "$st:$out" in 0:*error*) bad "no overrides folder: an error" "$out" ;; 0:*) ok "no folder: no error" ;;
*) bad "no overrides folder: exit $st" "$out" ;; esac
mkdir -p "$boot"
headless empty "$(support Attune 'Your practice')"
case "$st:$out" in 0:*error*) bad "an empty overrides folder: an error" "$out" ;; 0:*) ok ;;
*) bad "an empty overrides folder: exit $st" "$out" ;; esac

# 2. good overrides and content: taken (the new name and words), kept as the last good
printf '[support]\r\nname = Harbour Street Counselling\r\n' >"$boot/attune.ini"
mkdir -p "$boot/content"
cp -r assets/content/en "$boot/content/en"
sed -i '0,/^title = Attune$/s//title = Welcome to Harbour Street/' "$boot/content/en/screens.ini"
headless good "$(support 'Welcome to Harbour Street' 'Harbour Street Counselling')
shot boot-good-support"
if [ "$st" = 0 ]; then ok "good overrides: the practice's name and words are shown"
else bad "good overrides: exit $st" "$out"; fi
case $out in *"warning"*"name is still"*) bad "the name set in attune.ini is still called the default" "$out" ;; *) ok ;; esac
if cmp -s "$copy/overrides.ini" "$boot/attune.ini" && cmp -s "$copy/content/screens.ini" "$boot/content/en/screens.ini"
then ok "good overrides and content are kept as the last good"
else bad "the good overrides or content are not kept" "$(ls -lR "$state")"; fi

# 3. broken overrides: the last good name still shows; the error at file:line for staff
printf '[support]\r\nname = Broken Name\r\n[kiosk]\r\nidle_timeout = soon\r\n' >"$boot/attune.ini"
headless badini "$(support 'Welcome to Harbour Street' 'Harbour Street Counselling')
$staff
expect text \"The settings in attune.ini have errors, so their last good copy is in use until they are fixed and Attune restarted:\"
expect text \"attune.ini:4: [kiosk]: 'idle_timeout' must be a whole number from 10 to 3600, not 'soon'\"
shot boot-bad-staff"
if [ "$st" = 0 ]; then ok "broken overrides: the last good ones run, the staff screen names file:line"
else bad "broken overrides: exit $st" "$out"; fi
case $out in *"$boot/attune.ini:4: error: [kiosk]: 'idle_timeout'"*"their last good copy is laid over"*) ok ;;
*) bad "broken overrides: the journal does not name the error at file:line" "$out" ;; esac
if grep -q Harbour "$copy/overrides.ini"; then ok; else bad "the broken overrides replaced the last good copy"; fi
chk=$("$attune" --check --config "$tmp/kiosk.ini" 2>&1)
case "$?:$chk" in 1:*"$boot/attune.ini:4: error"*) ok ;; *) bad "--check does not fail on broken overrides" "$chk" ;; esac

# the tally (and the PIN's lock beside it) is never kept in the owner's folder
printf '[support]\r\nname = Broken Name\r\n[tally]\r\nenabled = yes\r\nfile = tally.ini\r\n' >"$boot/attune.ini"
chk=$("$attune" --check --config "$tmp/kiosk.ini" 2>&1)
case "$?:$chk" in 1:*"$boot/attune.ini:5: error: [tally]: file is in this folder"*) ok "the tally is never kept in the owner's folder" ;;
*) bad "a tally file in the owner's folder is not refused" "$chk" ;; esac

# no last good overrides: the kiosk runs without them (its own config's name), and says so
rm "$copy/overrides.ini"
headless nocopy "$(support 'Welcome to Harbour Street' 'Your practice')
$staff
expect text \"The settings in attune.ini have errors, so the kiosk runs without them until they are fixed and Attune restarted:\""
if [ "$st" = 0 ]; then ok; else bad "broken overrides, no copy: exit $st" "$out"; fi

# 4. broken content: the last good (the owner's earlier words) runs; the error at file:line
printf '[support]\r\nname = Harbour Street Counselling\r\n' >"$boot/attune.ini"
sed -i 's/^dimension = anxiety/dimension = anxeity/' "$boot/content/en/quiz.ini"
at=$(grep -n '^dimension = anxeity' "$boot/content/en/quiz.ini" | head -n 1 | cut -d: -f1)
sed -i 's/^title = Welcome to Harbour Street$/title = Words never shown/' "$boot/content/en/screens.ini"
headless badcontent "$(support 'Welcome to Harbour Street' 'Harbour Street Counselling')
$staff
expect text \"The content has errors, so patrons see its last good copy until it is fixed and reloaded:\"
expect text \"quiz.ini:$at: item 'a1': dimension must be 'anxiety' or 'avoidance', not 'anxeity'; did you mean 'anxiety'? (and 6 more in the journal)\""
if [ "$st" = 0 ]; then ok "broken content: the last good runs, the staff screen names file:line"
else bad "broken content in the owner's folder: exit $st" "$out"; fi
case $out in *"$boot/content/en/quiz.ini:$at: error"*) ok ;;
*) bad "broken content: the journal does not name the error at file:line" "$out" ;; esac

# 5. a FIFO in attune.ini's place: refused at once, never waited on
rm "$boot/attune.ini"
mkfifo "$boot/attune.ini"
cp assets/content/en/quiz.ini "$boot/content/en/quiz.ini"
headless fifo "$(support 'Words never shown' 'Harbour Street Counselling')"
case "$st:$out" in 0:*"attune.ini:1: error"*"pipe"*) ok "a FIFO as attune.ini: a clear message, no hang" ;;
*) bad "a FIFO as attune.ini: exit $st" "$out" ;; esac
rm "$boot/attune.ini"

# 6. nothing is written to the owner's folder: not a file, not a time (listed before and after)
printf '[support]\r\nname = Harbour Street Counselling\r\n' >"$boot/attune.ini"
before=$(listing)
headless last "$(support 'Words never shown' 'Harbour Street Counselling')
$staff
tap \"Reload the content\""
if [ "$st" = 0 ] && [ "$(listing)" = "$before" ] && [ "$(ls -A "$boot" | tr '\n' ' ')" = "attune.ini content " ]
then ok "nothing is written to the owner's folder"
else bad "something was written to the owner's folder (exit $st)" "$(listing; printf '%s\n' "$out")"; fi

# 7. the README.txt the package writes there (platform/deb/postinst): Windows line ends
# for Notepad, the names this test uses, and written only when absent
readme=platform/rpi/boot-README.txt
if [ "$(grep -c "$(printf '\r')\$" "$readme")" = "$(wc -l <"$readme")" ] && grep -q 'attune\.ini' "$readme" &&
    grep -q 'folder called content' "$readme" && grep -q 'never writes anything in this folder' "$readme"
then ok "the boot partition's README.txt"; else bad "$readme: not all CRLF lines, or it does not name attune.ini and content"; fi
if grep -q '! -e /boot/firmware/attune/README.txt' platform/deb/postinst &&
    grep -q 'boot-README.txt /boot/firmware/attune/README.txt' platform/deb/postinst; then ok
else bad "postinst does not write README.txt only when it is absent"; fi
summary
