#!/bin/sh
# tests/scripts.sh ATTUNE — the journeys of tests/scripts/*.txt, each through the real
# flow, view and renderer headless at 800x480 (and the quiz journeys in portrait too),
# with the config a "# config: PATH" line names (else the built-in defaults);
# each must run to the end with every expect holding. Then a script whose expect is
# wrong must fail with exit 1 and name its line, so the expects are known to bite.
set -u
attune=$(realpath "$1")
shots=${SHOTS:-$(mktemp -d)}
pass=0
fail=0
run() { # SIZE FILE; a line "# config: PATH" in the script picks the config
    config=$(sed -n 's/^# config: //p' "$2" | head -n 1)
    out=$("$attune" --headless --size "$1" --script "$2" --shots "$shots" ${config:+--config "$config"} \
        --bundle assets/content/en 2>&1)
    status=$?
    if [ "$status" -eq 0 ]; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL $2 at $1 (exit $status): $out"; fi
}
rm -f build/tally-test.ini
for f in tests/scripts/*.txt; do
    run 800x480 "$f"
done
for f in tests/scripts/quiz-*.txt; do
    run 720x1280 "$f"
done

# the tally journey again: the counts are read back at start and go on
run 800x480 tests/scripts/tally.txt
# two runs left counts only, each reflection counted once (though finished twice)
if grep -q '^sessions = 2$' build/tally-test.ini && grep -q '^completed = 2$' build/tally-test.ini &&
    grep -q '^anxious = 2$' build/tally-test.ini && ! grep -qiE '[0-9]{4}-[0-9]{2}|answer =' build/tally-test.ini; then
    pass=$((pass + 1))
else
    fail=$((fail + 1)); echo "FAIL: the tally after two runs of tally.txt:"; cat build/tally-test.ini
fi

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
