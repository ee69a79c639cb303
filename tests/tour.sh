#!/bin/sh
# tests/tour.sh ATTUNE SIZE… — `attune --tour` at each size must find no layout problem:
# no text over its box, every target 9 mm or more and apart, text large enough, contrast.
set -u
attune=$1
shift
pass=0
fail=0
for size in "$@"; do
    out=$("$attune" --tour --size "$size" 2>&1)
    status=$?
    last=$(printf '%s\n' "$out" | tail -n 1)
    case "$status:$last" in
    "0:tour: "*" screens, 0 problems") pass=$((pass + 1)) ;;
    *) fail=$((fail + 1)); printf 'FAIL tour at %s (exit %s):\n%s\n' "$size" "$status" "$out" | head -20 ;;
    esac
done
echo "tour: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
