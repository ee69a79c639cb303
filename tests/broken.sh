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
. "$top/tests/overlay.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
for dir in "$top"/tests/broken/*/; do
    name=$(basename "$dir")
    overlay "$dir" "$work/$name"
    out=$(cd "$work" && "$attune" --check --bundle "$name" 2>&1)
    status=$?
    if [ "${UPDATE:-}" = 1 ]; then
        printf '%s\n' "$out" >"$dir/expected.txt"
        echo "updated $name"
        continue
    fi
    want=1
    grep -q ': error: ' "$dir/expected.txt" || want=0
    if [ "$out" = "$(cat "$dir/expected.txt")" ] && [ "$status" -eq "$want" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL broken/$name (exit $status, want $want):"
        printf '%s\n' "$out" | diff -u "$dir/expected.txt" - | sed 's/^/    /'
    fi
done
echo "broken: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
