#!/bin/sh
# tests/install.sh — `make install` honours PREFIX and DESTDIR, and the installed program
# finds its installed content from any folder.
set -u
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pass=0
fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }
make --no-print-directory install PREFIX=/opt/attune DESTDIR="$stage" >/dev/null
check "binary in DESTDIR/PREFIX/bin" '[ -x "$stage/opt/attune/bin/attune" ]'
check "content in DESTDIR/PREFIX/share/attune" '[ -f "$stage/opt/attune/share/attune/content/en/quiz.ini" ]'
check "config in DESTDIR/PREFIX/share/attune/config" '[ -f "$stage/opt/attune/share/attune/config/desktop.ini" ]'
out=$(cd / && "$stage/opt/attune/bin/attune" --check 2>&1)
check "installed --check finds the installed content ($out)" \
    'case "$out" in *"share/attune/content/en (8 files): 0 errors, 0 warnings") true ;; *) false ;; esac'
make --no-print-directory uninstall PREFIX=/opt/attune DESTDIR="$stage" >/dev/null
check "uninstall removes it" '[ ! -e "$stage/opt/attune/bin/attune" ] && [ ! -e "$stage/opt/attune/share/attune" ]'
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
