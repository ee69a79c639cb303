# tests/counts.sh — sourced by the shell tests: ok/bad/skip with counts, a temporary
# folder removed on exit, and one summary line ("NAME: N passed, N failed, N skipped")
# whose exit status is 1 when anything failed.
pass=0
fail=0
skipped=0
tmp=$(mktemp -d)
tmpfile=$tmp/scratch
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
name=$(basename "$0" .sh)
ok() { pass=$((pass + 1)); echo "ok   $name: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $name: $1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/     | /'; }
skip() { skipped=$((skipped + 1)); echo "skip $name: $1"; }
summary() {
    echo "${1:-$name}: $pass passed, $fail failed, $skipped skipped"
    [ "$fail" -eq 0 ]
}
