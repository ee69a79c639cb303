#!/bin/sh
# tests/install.sh — `make install` honours PREFIX and DESTDIR, and the installed program
# finds its installed content from any folder; the configs go to /etc/attune (pointing at
# PREFIX's content, a practice's own settings kept), the service to /lib/systemd/system
# (running PREFIX's program, and passing `systemd-analyze verify`).
set -u
. "$(dirname "$0")/counts.sh"
stage=$tmp
check() { if eval "$2"; then ok; else bad "$1"; fi; }
make --no-print-directory install PREFIX=/opt/attune DESTDIR="$stage" >/dev/null
check "binary in DESTDIR/PREFIX/bin" '[ -x "$stage/opt/attune/bin/attune" ]'
check "content in DESTDIR/PREFIX/share/attune" '[ -f "$stage/opt/attune/share/attune/content/en/quiz.ini" ]'
check "config in DESTDIR/PREFIX/share/attune/config" '[ -f "$stage/opt/attune/share/attune/config/desktop.ini" ]'
out=$(cd / && "$stage/opt/attune/bin/attune" --check 2>&1)
check "installed --check finds the installed content ($out)" \
    'case "$out" in *"share/attune/content/en (9 files): 0 errors, 0 warnings") true ;; *) false ;; esac'
etc="$stage/etc/attune"
check "configs in DESTDIR/etc/attune" '[ -f "$etc/kiosk.ini" ] && [ -f "$etc/workshop.ini" ] && [ -f "$etc/desktop.ini" ]'
check "kiosk.ini names PREFIX's content" 'grep -q "^bundle = /opt/attune/share/attune/content" "$etc/kiosk.ini"'
out=$(cd / && "$stage/opt/attune/bin/attune" --check --config "$etc/kiosk.ini" \
    --bundle "$stage/opt/attune/share/attune/content/en" 2>&1)
# clean but for what the practice must set itself: its name and a staff PIN
check "the installed kiosk.ini checks clean ($out)" 'case "$out" in *"staff_pin is not set"*"name is still"*": 0 errors, 2 warnings") true ;; *) false ;; esac'
unit="$stage/lib/systemd/system/attune.service"
check "unit in DESTDIR/lib/systemd/system" '[ -f "$unit" ]'
check "unit runs PREFIX's program with /etc/attune/kiosk.ini" \
    'grep -qx "ExecStart=/opt/attune/bin/attune --config /etc/attune/kiosk.ini" "$unit"'
out=$(sh platform/rpi/verify-unit.sh "$unit" 2>&1)
check "systemd-analyze verify passes on the installed unit ($out)" '[ -z "$out" ]'
check "the unit allows no core file (LimitCORE=0)" 'grep -qx "LimitCORE=0" "$unit"'
check "backlight rule in DESTDIR/lib/udev/rules.d" '[ -f "$stage/lib/udev/rules.d/70-attune-backlight.rules" ]'
printf 'staff_pin = 2468\n' >>"$etc/kiosk.ini"
out=$(make --no-print-directory install PREFIX=/opt/attune DESTDIR="$stage" 2>&1)
check "a second install keeps an edited kiosk.ini" 'grep -q "^staff_pin = 2468" "$etc/kiosk.ini" && [ -f "$etc/kiosk.ini.new" ]'
check "...and leaves the unedited ones alone" '[ ! -e "$etc/desktop.ini.new" ]'

make --no-print-directory uninstall PREFIX=/opt/attune DESTDIR="$stage" >/dev/null
check "uninstall removes it" '[ ! -e "$stage/opt/attune/bin/attune" ] && [ ! -e "$stage/opt/attune/share/attune" ]'
check "uninstall removes the unit, keeps the settings" '[ ! -e "$unit" ] && [ -f "$etc/kiosk.ini" ]'
summary
