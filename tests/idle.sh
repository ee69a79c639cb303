#!/bin/sh
# tests/idle.sh ATTUNE — a still screen wakes nothing, and everything that can change it
# still wakes it at once: the real app in a window under Xvfb (the desktop profile, its
# bundle a copy), on the consent screen (attract's circles move; Return leaves it):
#  - over 4 s of nobody touching it, its threads switch at most twice (tests/wakeups.sh
#    measures 20 s for `make bench`);
#  - a save to the bundle shows within a second: the screen's title changes (screenshots);
#  - SIGHUP is taken within half a second (its line in the journal);
#  - after Escape (no Quick exit on the desktop: it only keeps the session), SIGTERM is
#    taken within a second (its line in the journal).
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"
for tool in xvfb-run xdotool import; do
    command -v $tool >/dev/null 2>&1 || { bad "$tool is missing (sh platform/deps.sh test)"; summary; exit; }
done
cp -r assets/content/en "$tmp/en"
sed 's/^title = Before you start$/title = Before you start, saved/' "$tmp/en/screens.ini" >"$tmp/saved.ini"
printf '[display]\nfullscreen = no\nwidth = 800\nheight = 480\n' >"$tmp/desktop.ini"
cat >"$tmp/x.sh" <<'XEOF'
dir=$1
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ { n += $2 } END { print n + 0 }'; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
shot() { import -window "$window" "$dir/$1.png"; }
"$ATTUNE" --config "$dir/desktop.ini" --bundle "$dir/en" 2>"$dir/err" &
pid=$!
window=
for try in 1 2 3 4 5; do # xdotool's search can fail on a window still being mapped
    window=$(timeout 20 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -n 1)
    [ -n "$window" ] && break
    sleep 0.5
done
[ -n "$window" ] || { kill "$pid"; echo "no window" >"$dir/why"; exit 1; }
xdotool windowfocus --sync "$window"
xdotool key Return
sleep 2
shot before
a=$(switches $pid); sleep 4; b=$(switches $pid)
echo $((b - a)) >"$dir/wakeups"
mv "$dir/saved.ini" "$dir/en/screens.ini"
sleep 1
shot saved
kill -HUP $pid
sleep 0.5
grep -c 'SIGHUP: reloading' "$dir/err" >"$dir/hup"
xdotool key Escape
t=$(ms); kill -TERM $pid
i=0
while [ $i -lt 40 ] && ! grep -q 'SIGTERM: closing' "$dir/err"; do sleep 0.05; i=$((i + 1)); done
echo $(( $(ms) - t )) >"$dir/term"
wait $pid
XEOF
ATTUNE=$attune timeout 60 xvfb-run -a -s "-screen 0 800x480x24" sh "$tmp/x.sh" "$tmp" >"$tmp/x.out" 2>&1
if [ -f "$tmp/why" ] || [ ! -f "$tmp/term" ]; then
    bad "the app in a window did not run through" "$(cat "$tmp/x.out" "$tmp/err" "$tmp/why" 2>/dev/null)"
    summary
    exit
fi
n=$(cat "$tmp/wakeups")
if [ "$n" -le 2 ]; then ok "a still screen: $n wakeups in 4 s"; else bad "a still screen woke the app $n times in 4 s"; fi
if ! cmp -s "$tmp/before.png" "$tmp/saved.png" && grep -q 'saved, checked and reloaded' "$tmp/err"; then
    ok "a save shows within a second"
else
    bad "a save did not show within a second" "$(cat "$tmp/err")"
fi
if [ "$(cat "$tmp/hup")" = 1 ]; then ok "SIGHUP is taken at once"; else bad "SIGHUP was not taken within 0.5 s" "$(cat "$tmp/err")"; fi
t=$(cat "$tmp/term")
if [ "$t" -lt 1000 ]; then ok "SIGTERM is taken at once ($t ms)"; else bad "SIGTERM was not taken within a second"; fi
summary
