#!/bin/sh
# tests/scripts.sh ATTUNE — the journeys of tests/scripts/*.txt, each through the real
# flow, view and renderer headless at 800x480 (and the quiz journeys in portrait too);
# each must run to the end with every expect holding. Then a script whose expect is
# wrong must fail with exit 1 and name its line, so the expects are known to bite.
set -u
attune=$(realpath "$1")
shots=${SHOTS:-$(mktemp -d)}
pass=0
fail=0
run() { # SIZE FILE
    out=$("$attune" --headless --size "$1" --script "$2" --shots "$shots" 2>&1)
    status=$?
    if [ "$status" -eq 0 ]; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL $2 at $1 (exit $status): $out"; fi
}
for f in tests/scripts/*.txt; do
    run 800x480 "$f"
done
for f in tests/scripts/quiz-*.txt; do
    run 720x1280 "$f"
done

bad=$(mktemp)
printf 'tap "Touch to begin"\nexpect screen home\n' >"$bad"
out=$("$attune" --headless --size 800x480 --script "$bad" 2>&1)
status=$?
case "$status:$out" in
"1:$bad:2: expected screen home, got consent") pass=$((pass + 1)) ;;
*) fail=$((fail + 1)); echo "FAIL: a wrong expect gave exit $status: $out" ;;
esac
printf 'tap 10\n' >"$bad"
"$attune" --headless --size 800x480 --script "$bad" >/dev/null 2>&1
status=$?
if [ "$status" -eq 2 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: a bad script gave exit $status, not 2"; fi
rm -f "$bad"
echo "scripts: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
