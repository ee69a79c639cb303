#!/bin/sh
# tests/tour.sh ATTUNE SIZE… — `attune --tour` at each size must find no layout problem:
# no text over its box, every target 9 mm or more and apart, text large enough, contrast.
set -u
attune=$1
shift
. "$(dirname "$0")/counts.sh"
for size in "$@"; do
    out=$("$attune" --tour --size "$size" 2>&1)
    status=$?
    last=$(printf '%s\n' "$out" | tail -n 1)
    case "$status:$last" in
    "0:tour: "*" screens, 0 problems") ok ;;
    *) bad "tour at $size (exit $status)" "$(printf '%s\n' "$out" | head -19)" ;;
    esac
done
summary
