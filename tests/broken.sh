#!/bin/sh
# tests/broken.sh ATTUNE — the validator's golden tests.
#
# Each folder in tests/broken/ is one kind of mistake: the default bundle with the
# folder's files laid over it (a file named `remove` lists bundle files to delete).
# `attune --check --bundle NAME` on it must print exactly the folder's expected.txt, and
# exit 1 when that has an error (0 when it has only warnings). UPDATE=1 rewrites the
# expected files instead: read every one before committing it.
set -u
attune=$(realpath "$1")
top=$(pwd)
. "$top/tests/counts.sh"
. "$top/tests/overlay.sh"
for dir in "$top"/tests/broken/*/; do
    case=$(basename "$dir")
    overlay "$dir" "$tmp/$case"
    out=$(cd "$tmp" && "$attune" --check --bundle "$case" 2>&1)
    status=$?
    if [ "${UPDATE:-}" = 1 ]; then
        printf '%s\n' "$out" >"$dir/expected.txt"
        echo "updated $case"
        continue
    fi
    want=1
    grep -q ': error: ' "$dir/expected.txt" || want=0
    if [ "$out" = "$(cat "$dir/expected.txt")" ] && [ "$status" -eq "$want" ]; then
        ok
    else
        bad "broken/$case (exit $status, want $want)" "$(printf '%s\n' "$out" | diff -u "$dir/expected.txt" -)"
    fi
done
summary
