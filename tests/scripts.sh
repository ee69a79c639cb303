#!/bin/sh
# tests/scripts.sh ATTUNE — the journeys of tests/scripts/*.txt, each through the real
# flow, view and renderer headless at 800x480 (and the quiz, couple and larger-text
# journeys in portrait too, their shots in a folder 720x1280 of their own),
# with the config a "# config: PATH" line names (else the built-in defaults) and the
# bundle a "# bundle: DIR" line names (else assets/content/en);
# each must run to the end with every expect holding. Then a script whose expect is
# wrong must fail with exit 1 and name its line, so the expects are known to bite.
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"
shots=${SHOTS:-$tmp/shots}
run() { # SIZE FILE; lines "# config: PATH" and "# bundle: DIR" in the script pick them
    config=$(sed -n 's/^# config: //p' "$2" | head -n 1)
    bundle=$(sed -n 's/^# bundle: //p' "$2" | head -n 1)
    out=$("$attune" --headless --size "$1" --script "$2" --shots "$shots" ${config:+--config "$config"} \
        --bundle "${bundle:-assets/content/en}" 2>&1)
    status=$?
    if [ "$status" -eq 0 ]; then ok; else bad "$2 at $1 (exit $status)" "$out"; fi
}
rm -f build/tally-test.ini
for f in tests/scripts/*.txt; do
    run 800x480 "$f"
done
landscape=$shots
shots=$landscape/720x1280
for f in tests/scripts/quiz-*.txt tests/scripts/couple-*.txt tests/scripts/large-text.txt; do
    run 720x1280 "$f"
done
shots=$landscape

# the tally journey again: the counts are read back at start and go on
run 800x480 tests/scripts/tally.txt
# two runs left counts only, each reflection counted once (though finished twice), and
# no count by style: two are below the threshold (tests/staff_tally.sh checks it)
if grep -q '^sessions = 2$' build/tally-test.ini && grep -q '^completed = 2$' build/tally-test.ini &&
    ! grep -qE '^(secure|anxious|avoidant|disorganized) =' build/tally-test.ini &&
    ! grep -qiE '[0-9]{4}-[0-9]{2}|answer =' build/tally-test.ini; then
    ok
else
    bad "the tally after two runs of tally.txt" "$(cat build/tally-test.ini)"
fi

# couple mode: whoever declined, the outcome is the same screen, pixel for pixel; after a
# quick exit during partner 2's turn, home is as fresh as it was before
same() { # SHOT SHOT, at both sizes
    for dir in "$shots" "$shots/720x1280"; do
        if cmp -s "$dir/$1.png" "$dir/$2.png"; then ok; else bad "$dir: $1.png and $2.png differ"; fi
    done
}
same couple-declined-1 couple-declined-2
same couple-declined-1-end couple-declined-2-end
same couple-home-before couple-home-after
# and neither partner's point is on it: an expect of either legend line (which the couple
# map shows when both share) fails right after each decline
for n in 1 2; do
    for legend in "Partner 1: Anxious" "Partner 2: Avoidant"; do
        cut=$tmp/declined-$n.txt
        sed "/^shot couple-declined-$n\$/q" tests/scripts/couple-one-declines.txt >"$cut"
        printf 'expect text "%s"\n' "$legend" >>"$cut"
        out=$("$attune" --headless --size 800x480 --script "$cut" 2>&1)
        status=$?
        case "$status:$out" in
        "1:$cut:"*": expected text \"$legend\" on screen partners, got no such text") ok ;;
        *) bad "after partner $n declined, expect text \"$legend\" gave exit $status" "$out" ;;
        esac
    done
done

wrong=$tmp/wrong.txt
printf 'tap "Touch to begin"\nexpect screen home\n' >"$wrong"
out=$("$attune" --headless --size 800x480 --script "$wrong" 2>&1)
status=$?
case "$status:$out" in
"1:$wrong:2: expected screen home, got consent") ok ;;
*) bad "a wrong expect gave exit $status: $out" ;;
esac
printf 'tap 10\n' >"$wrong"
"$attune" --headless --size 800x480 --script "$wrong" >/dev/null 2>&1
status=$?
if [ "$status" -eq 2 ]; then ok; else bad "a bad script gave exit $status, not 2"; fi
summary
