#!/bin/sh
# tests/cli.sh ATTUNE — the command-line contract of docs/design.md: --version, --help,
# --check on good content and config (laid out at the config's size and rotation, and at
# the six tour sizes), and --score (with skipped statements) on the default bundle and on other
# valid bundles (tests/score/*: other scale sizes, items and thresholds). The expected
# scores are worked out by hand in the comments. Run from the project root.
set -u
attune=$(realpath "$1")
top=$(pwd)
. "$top/tests/counts.sh"
. "$top/tests/overlay.sh"

# expect STATUS "OUTPUT" COMMAND...: runs it (stdout and stderr together) and compares.
expect() {
    want_status=$1 want_out=$2
    shift 2
    out=$("$@" 2>&1)
    status=$?
    if [ "$status" -eq "$want_status" ] && [ "$out" = "$want_out" ]; then
        ok
    else
        bad "$*" "$(printf 'want (exit %s): %s\ngot  (exit %s): %s' "$want_status" "$want_out" "$status" "$out")"
    fi
}

expect 0 "attune 0.1.0" "$attune" --version
expect 2 "attune: unknown option '--frobnicate' (see attune --help)" "$attune" --frobnicate
expect 2 "attune: --score needs the answers, like --score 1,4,7,2" "$attune" --score
out=$("$attune" --help) && case $out in *"--check"*"--score"*) ok ;;
    *) bad "--help does not list --check and --score" ;; esac

# The script commands come from one table (app/drive/script.c): --help prints them, and
# docs/design.md must describe each one.
commands=$("$attune" --help | sed -n '/^script commands/,$p' | sed '1d; s/^  //; s/  .*//')
[ -n "$commands" ] || bad "--help lists no script commands"
for form in $(printf '%s\n' "$commands" | awk '{ w = $1; if ($1 == "expect") w = w "_" $2; print w }' | sort -u); do
    words=$(echo "$form" | tr _ ' ')
    if grep -q "^| \`$words" docs/design.md; then ok; else bad "docs/design.md does not describe the script command '$words'"; fi
done

expect 0 "attune: checked assets/content/en (9 files): 0 errors, 0 warnings" "$attune" --check
expect 0 "attune: checked config/desktop.ini and assets/content/en (9 files): 0 errors, 0 warnings" \
    "$attune" --check --config config/desktop.ini

# The default quiz asks a1 v1 a2 v2 … a7 v7; a2 a4 a6 and v2 v4 v6 are reverse-keyed.
b="--bundle assets/content/en"
# agree with the plain anxiety items, disagree with their reversed ones; the opposite for avoidance
expect 0 "anxiety=7.00 avoidance=1.00 style=anxious" "$attune" $b --score 7,1,1,7,7,1,1,7,7,1,1,7,7,1
expect 0 "anxiety=1.00 avoidance=7.00 style=avoidant" "$attune" $b --score 1,7,7,1,1,7,7,1,1,7,7,1,1,7
expect 0 "anxiety=7.00 avoidance=7.00 style=disorganized" "$attune" $b --score 7,7,1,1,7,7,1,1,7,7,1,1,7,7
expect 0 "anxiety=1.00 avoidance=1.00 style=secure" "$attune" $b --score 1,1,7,7,1,1,7,7,1,1,7,7,1,1
# all 1: plain items 1 (x4), reversed 7 (x3): 25/7 = 3.571 on both, below the midpoint 4
expect 0 "anxiety=3.57 avoidance=3.57 style=secure" "$attune" --score 1,1,1,1,1,1,1,1,1,1,1,1,1,1
# all 4: exactly the midpoint on both, which counts as high (the style id stays the
# model's; the result screen heads it "near the middle of the map", not with a style)
expect 0 "anxiety=4.00 avoidance=4.00 style=disorganized" "$attune" --score 4,4,4,4,4,4,4,4,4,4,4,4,4,4
# anxiety 4+(8-3)+6+(8-4)+5+(8-2)+4 = 34/7 = 4.857; avoidance 5+(8-2)+4+(8-3)+5+(8-4)+6 = 35/7 = 5
expect 0 "anxiety=4.86 avoidance=5.00 style=disorganized" "$attune" --score 4,5,3,2,6,4,4,3,5,5,2,4,4,6

expect 2 "attune: --score: 3 answers given, but the quiz has 14 items (one answer per item, in quiz order)" \
    "$attune" --score 1,2,3
expect 2 "attune: --score: answer 2 is 8, outside the scale of 1 to 7" "$attune" --score 1,8,1,1,1,1,1,1,1,1,1,1,1,1
expect 2 "attune: --score: answer 2 is 0, outside the scale of 1 to 7" "$attune" --score 1,0,1,1,1,1,1,1,1,1,1,1,1,1
for answers in "1,,2" "1,2," "" "1;2" "a" "-1" "1.5"; do
    out=$("$attune" --score "$answers" 2>&1)
    status=$?
    case "$status:$out" in
    "2:attune: --score: answer "*) ok ;;
    *) bad "--score '$answers' gave exit $status: $out" ;;
    esac
done

# Another practice's bundle: 5 points, threshold 3.5, near 0.25, items close space calm(rev) stay(rev) worry phone.
overlay "$top/tests/score/five-point" "$tmp/five"
expect 0 "$(printf '%s\n%s\n%s\n%s' \
    "attune: --bundle $tmp/five is a language folder (it has screens.ini)" \
    "$tmp/five/quiz.ini:1: warning: only 3 items measure anxiety; 6 or more give a steadier result" \
    "$tmp/five/quiz.ini:1: warning: only 3 items measure avoidance; 6 or more give a steadier result" \
    "attune: checked $tmp/five (9 files): 0 errors, 2 warnings")" "$attune" --check --bundle "$tmp/five"
# anxiety 5+(6-1)+4 = 14/3 = 4.67 high; avoidance 1+(6-5)+2 = 4/3 = 1.33 low
expect 0 "anxiety=4.67 avoidance=1.33 style=anxious" "$attune" --bundle "$tmp/five" --score 5,1,1,5,4,2
# anxiety 3+(6-3)+4 = 10/3 = 3.33 < 3.5 (would be high at the default midpoint 3); avoidance 4+(6-2)+3 = 11/3 = 3.67
expect 0 "anxiety=3.33 avoidance=3.67 style=avoidant" "$attune" --bundle "$tmp/five" --score 3,4,3,2,4,3
expect 2 "attune: --score: answer 1 is 6, outside the scale of 1 to 5" "$attune" --bundle "$tmp/five" --score 6,1,1,1,1,1
expect 2 "attune: --score: 14 answers given, but the quiz has 6 items (one answer per item, in quiz order)" \
    "$attune" --bundle "$tmp/five" --score 1,1,1,1,1,1,1,1,1,1,1,1,1,1

# Two points: threshold 1.5; item b is reversed (3 - answer)
overlay "$top/tests/score/two-items" "$tmp/two"
expect 0 "anxiety=2.00 avoidance=1.00 style=anxious" "$attune" --bundle "$tmp/two" --score 2,2
expect 0 "anxiety=1.00 avoidance=2.00 style=avoidant" "$attune" --bundle "$tmp/two" --score 1,1

# Skipped statements (-): a dimension's mean is over its answered items; under half of a
# dimension's items answered gives no score and no style.
# the "anxious" answers above with a2 (the third) skipped: anxiety is still 7
expect 0 "anxiety=7.00 avoidance=1.00 style=anxious" "$attune" $b --score 7,1,-,7,7,1,1,7,7,1,1,7,7,1
# every avoidance item skipped: anxiety 7.00, avoidance none
expect 0 "anxiety=7.00 avoidance=- style=none" "$attune" $b --score 7,-,1,-,7,-,1,-,7,-,1,-,7,-
# avoidance: 4 of 7 answered (at least half) is placed; 3 of 7 is not
expect 0 "anxiety=7.00 avoidance=1.00 style=anxious" "$attune" $b --score 7,1,1,7,7,1,1,7,7,-,1,-,7,-
expect 0 "anxiety=7.00 avoidance=- style=none" "$attune" $b --score 7,1,1,7,7,1,1,-,7,-,1,-,7,-
expect 0 "anxiety=- avoidance=- style=none" "$attune" $b --score -,-,-,-,-,-,-,-,-,-,-,-,-,-
for answers in "--,1" "1,-2" "-,"; do
    out=$("$attune" $b --score "$answers" 2>&1)
    status=$?
    case "$status:$out" in
    "2:attune: --score: answer "*) ok ;;
    *) bad "--score '$answers' gave exit $status: $out" ;;
    esac
done

# --check lays the bundle out as a patron sees it: at the config's size turned by its
# rotation (a 300x1000 panel turned 270 degrees is 1000x300, where statements overflow),
# and with --all-sizes at each of the tour's six sizes.
printf '[display]\nwidth = 300\nheight = 1000\nrotation = 270\n' >"$tmp/turned.ini"
out=$("$attune" --check --config "$tmp/turned.ini" $b 2>&1)
case $out in
*"at 300x1000"*) bad "--check laid the turned panel out unturned" "$out" ;;
*"warning: at 1000x300, question-"*) ok ;;
*) bad "--check did not lay out at the turned size 1000x300" "$out" ;;
esac
# the first statement made long enough to overflow its screen at every size
mkdir -p "$tmp/long"
cp assets/content/en/*.ini "$tmp/long/"
long="When we have been close I sometimes notice that I want more and more reassurance from my"
long="$long partner about where we stand and what we mean to each other today, and when I do not"
awk -v long="$long" -v more="hear it I keep wondering about it for a long time afterwards, and I cannot stop myself." '
    !done && /^text = / { print "text = " long; print "  " more; skip = 1; done = 1; next }
    skip && /^  / { next }
    { skip = 0; print }' assets/content/en/quiz.ini >"$tmp/long/quiz.ini"
sizes() { "$attune" --check "$@" --bundle "$tmp/long" | sed -n 's/^attune: warning: at \([0-9x]*\), .*/\1/p' | sort -u | tr '\n' ' '; }
got=$(sizes)
[ "$got" = "800x480 " ] && ok || bad "--check (the built-in 800x480) warned at: $got"
got=$(sizes --all-sizes)
[ "$got" = "1024x600 1080x1920 1280x800 1920x1080 720x1280 800x480 " ] && ok ||
    bad "--check --all-sizes warned at: $got"
expect 2 "attune: --all-sizes goes with --check" "$attune" --all-sizes --score 1

# One meaning for "bundle": --bundle and [content] bundle each take a language folder (it
# has screens.ini) or the folder of languages (it has en/screens.ini), and say which;
# neither is an error naming what was looked for, where.
expect 0 "$(printf '%s\n%s' "attune: --bundle assets/content is a folder of languages (the default, en, is assets/content/en)" \
    "attune: checked assets/content/en (9 files): 0 errors, 0 warnings")" "$attune" --check --bundle assets/content
expect 0 "anxiety=7.00 avoidance=1.00 style=anxious" "$attune" --bundle assets/content --score 7,1,1,7,7,1,1,7,7,1,1,7,7,1
expect 1 "$(printf '%s\n%s' "assets: error: --bundle: assets is neither a language folder (no screens.ini in it) nor a folder of languages (no en/screens.ini in it); name either, like assets/content/en or assets/content" \
    "attune: checked assets/en (0 files): 1 error, 0 warnings")" "$attune" --check --bundle assets
printf '[content]\nbundle = %s/assets/content/en\n' "$top" >"$tmp/lang.ini"
out=$("$attune" --check --config "$tmp/lang.ini" 2>&1)
case "$?:$out" in "0:attune: [content] bundle $top/assets/content/en is a language folder (it has screens.ini)"*) ok ;;
*) bad "[content] bundle naming a language folder" "$out" ;; esac
printf '[display]\nscale = 1\n\n[content]\nbundle = nowhere\n' >"$tmp/nowhere.ini"
out=$("$attune" --check --config "$tmp/nowhere.ini" 2>&1)
case "$?:$out" in "1:$tmp/nowhere.ini:5: error: [content] bundle: $tmp/nowhere is neither"*"(no en/screens.ini in it)"*) ok ;;
*) bad "[content] bundle naming no bundle is not an error at its line" "$out" ;; esac

# --check of a kiosk: the practice's name still the default and no staff PIN are warned
# about where they are set (line 1 when missing), with what to write; a desktop is not.
printf '[kiosk]\nprofile = kiosk\nstaff_pin =\n[support]\nname = Your practice\n' >"$tmp/kiosk.ini"
out=$("$attune" --check --config "$tmp/kiosk.ini" $b 2>&1)
case "$?:$out" in "0:"*"$tmp/kiosk.ini:3: warning: [kiosk] staff_pin is not set"*"write 4 to 8 digits of your own under [kiosk], like: staff_pin = "*"$tmp/kiosk.ini:5: warning: [support] name is still \"Your practice\""*"write your practice's name under [support], like: name = "*) ok ;;
*) bad "--check of a kiosk without a name or PIN" "$out" ;; esac
printf '[kiosk]\nprofile = kiosk\n' >"$tmp/bare.ini"
out=$("$attune" --check --config "$tmp/bare.ini" $b 2>&1)
case "$out" in *"$tmp/bare.ini:1: warning: [support] name is not set"*"$tmp/bare.ini:1: warning: [kiosk] staff_pin is not set"*) ok ;;
*) bad "--check of a kiosk with neither key: not warned at line 1" "$out" ;; esac
printf '[kiosk]\nprofile = kiosk\nstaff_pin = 5813\n[support]\nname = Harbour Street\n' >"$tmp/named.ini"
out=$("$attune" --check --config "$tmp/named.ini" $b 2>&1)
case "$out" in *"name is"*|*"staff_pin is not"*) bad "a named kiosk with a PIN is warned about" "$out" ;; *) ok ;; esac
out=$("$attune" --check --config config/desktop.ini 2>&1)
case "$out" in *"name is"*|*"staff_pin is not"*) bad "a desktop is warned about its name or PIN" "$out" ;; *) ok ;; esac

# A broken bundle cannot be scored
overlay "$top/tests/broken/misspelt-key" "$tmp/broken"
out=$("$attune" --bundle "$tmp/broken" --score 1,1,1,1,1,1,1,1,1,1,1,1,1,1 2>&1)
status=$?
case "$status:$out" in
"1:"*"has no 'dimension'"*"the bundle has errors"*) ok ;;
*) bad "scoring a broken bundle gave exit $status: $out" ;;
esac

summary
