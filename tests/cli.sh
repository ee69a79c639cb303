#!/bin/sh
# tests/cli.sh ATTUNE — the command-line contract of docs/design.md: --version, --help,
# --check on good content and config, and --score on the default bundle and on other
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

expect 0 "attune: checked assets/content/en (8 files): 0 errors, 0 warnings" "$attune" --check
expect 0 "attune: checked config/desktop.ini and assets/content/en (8 files): 0 errors, 0 warnings" \
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
# all 4: exactly the midpoint on both, which counts as high
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
expect 0 "$(printf '%s\n%s\n%s' \
    "$tmp/five/quiz.ini:1: warning: only 3 items measure anxiety; 6 or more give a steadier result" \
    "$tmp/five/quiz.ini:1: warning: only 3 items measure avoidance; 6 or more give a steadier result" \
    "attune: checked $tmp/five (8 files): 0 errors, 2 warnings")" "$attune" --check --bundle "$tmp/five"
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

# A broken bundle cannot be scored
overlay "$top/tests/broken/misspelt-key" "$tmp/broken"
out=$("$attune" --bundle "$tmp/broken" --score 1,1,1,1,1,1,1,1,1,1,1,1,1,1 2>&1)
status=$?
case "$status:$out" in
"1:"*"has no 'dimension'"*"the bundle has errors"*) ok ;;
*) bad "scoring a broken bundle gave exit $status: $out" ;;
esac

summary
