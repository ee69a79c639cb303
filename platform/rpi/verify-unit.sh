#!/bin/sh
# platform/rpi/verify-unit.sh UNIT [BINARY] — `systemd-analyze verify` on a service file,
# anywhere: it builds a throw-away root with this machine's system units, the unit, and
# the program its ExecStart= names (BINARY, or a stand-in: verify only checks that the
# path is executable), and stand-ins for the other Exec*= programs. Fails on any message, since verify exits 0 on unknown keys and
# bad values (it only warns). tests/install.sh runs it on the installed unit.
set -eu
unit=$1
binary=${2:-}
command -v systemd-analyze >/dev/null 2>&1 || { echo "verify-unit: no systemd-analyze (apt-get install systemd)" >&2; exit 2; }
units=/lib/systemd/system
[ -d "$units" ] || units=/usr/lib/systemd/system

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/lib/systemd" "$root/etc"
ln -s usr/lib "$root/lib"
cp -a "$units" "$root/usr/lib/systemd/system"
name=$(basename "$unit")
cp "$unit" "$root/usr/lib/systemd/system/$name"

exe=$(sed -n 's/^ExecStart=[-@:+!]*\([^ ]*\).*/\1/p' "$unit" | head -n 1)
[ -n "$exe" ] || { echo "verify-unit: $unit has no ExecStart=" >&2; exit 1; }
mkdir -p "$root$(dirname "$exe")"
if [ -n "$binary" ]; then cp "$binary" "$root$exe"; else printf '#!/bin/sh\n' >"$root$exe"; fi
chmod 755 "$root$exe"
# the other programs it runs (ExecReload=/bin/kill …): the machine's own, or a stand-in
for other in $(sed -n 's/^Exec[A-Za-z]*=[-@:+!]*\(\/[^ ]*\).*/\1/p' "$unit" | sort -u); do
    [ "$other" = "$exe" ] && continue
    mkdir -p "$root$(dirname "$other")"
    printf '#!/bin/sh\n' >"$root$other"
    chmod 755 "$root$other"
done

out=$(systemd-analyze verify --root="$root" --man=no "$name" 2>&1) && [ -z "$out" ] && exit 0
printf '%s\n' "$out" | sed "s|$root||g" >&2
exit 1
