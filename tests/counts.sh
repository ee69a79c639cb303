# tests/counts.sh — sourced by every shell test: the counting of checks they share.
#
#   ok [WHAT]          a check held; "ok   NAME: WHAT" is printed when WHAT is given
#   bad WHAT [DETAIL]  a check failed: "FAIL NAME: WHAT", then DETAIL indented under it
#   skip WHAT          a check that cannot run here: "skip NAME: WHAT"
#   summary [NAME]     the last line, "NAME: N passed, N failed" (", N skipped" when any
#                      were); its status is 1 when anything failed, so a test ends with it
#
# NAME is the script's file name without .sh; a script may set $name after sourcing.
# $tmp is a fresh folder, removed on exit (made writable first, so a test may chmod what
# it puts there), and $tmpfile a scratch file in it. Set $tmp_in before sourcing to make
# $tmp elsewhere (say, in memory); set $on_exit (a command) for more to do on exit: it
# runs before $tmp is removed.
pass=0
fail=0
skipped=0
name=$(basename "$0" .sh)
on_exit=
tmp=$(mktemp -d "${tmp_in:-${TMPDIR:-/tmp}}/attune-$name-XXXXXX") || exit 2
tmpfile=$tmp/scratch
trap 'eval "$on_exit"; chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
ok() {
    pass=$((pass + 1))
    [ -z "${1:-}" ] || echo "ok   $name: $1"
}
bad() {
    fail=$((fail + 1))
    echo "FAIL $name: $1"
    [ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/     | /'
}
skip() {
    skipped=$((skipped + 1))
    echo "skip $name: $1"
}
summary() {
    if [ "$skipped" -gt 0 ]; then
        echo "${1:-$name}: $pass passed, $fail failed, $skipped skipped"
    else
        echo "${1:-$name}: $pass passed, $fail failed"
    fi
    [ "$fail" -eq 0 ]
}
