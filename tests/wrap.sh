#!/bin/sh
# tests/wrap.sh ATTUNE CLOCKSHIFT.so IMGDIFF — a kiosk that has been up for 49.7 days,
# where a 32-bit tick count (SDL_GetTicks) wraps from 2^32 - 1 ms to 0:
#  - the real app in a window (under Xvfb), its clock moved to 12 s before the wrap by
#    tests/clockshift.c (LD_PRELOAD): a person starts the reflection and answers one
#    statement (keys, by xdotool), walks away across the wrap, and after the idle timeout
#    and its countdown the screen is attract again, as it was at start (screenshots);
#  - the soak, whose clock crosses the wrap early on, keeps its idle resets (the run must
#    say it crossed, with idle resets checked after it).
# And the start line: the renderer the app chose for this machine, and why.
set -u
attune=$(realpath "$1")
shift_lib=$(realpath "$2")
imgdiff=$(realpath "$3")
. "$(dirname "$0")/counts.sh"

# --- the soak across the wrap -----------------------------------------------------------
cat >"$tmp/soak.ini" <<CFG
[display]
fullscreen = no
[kiosk]
profile = kiosk
staff_pin = 2468
CFG
out=$("$attune" --headless --soak 3000 --seed 11 --config "$tmp/soak.ini" --bundle assets/content/en 2>&1)
status=$?
checked=$(printf '%s\n' "$out" | sed -n 's/^soak: the clock passed 2^32 ms .* at event [0-9]*; \([0-9]*\) idle resets checked after it$/\1/p')
if [ "$status" -eq 0 ] && [ "${checked:-0}" -gt 0 ]; then ok; else bad "the soak across 2^32 ms (exit $status)" "$out"; fi

# --- the app in a window across the wrap ------------------------------------------------
for tool in xvfb-run xdotool import; do
    command -v $tool >/dev/null 2>&1 || { bad "$tool is missing (sh platform/deps.sh test)"; summary; exit; }
done
# the least idle time the config takes: 10 s, then a 5 s countdown
cat >"$tmp/kiosk.ini" <<CFG
[display]
fullscreen = no
width = 800
height = 480
[kiosk]
profile = kiosk
idle_timeout = 10
idle_warning = 5
CFG
# Run inside Xvfb: the app starts 12 s before the wrap; the reflection is started and one
# statement answered a few seconds later (before the wrap, so that the idle timeout and
# the countdown run across it); 22 s after that answer the screen must be attract again.
# The lower part of the screen (the title, the line under it, the button) is compared:
# attract's picture above it moves.
cat >"$tmp/x.sh" <<'XEOF'
cd "$1" || exit 2
dir=$2
shot() { import -window root -crop 800x210+0+270 +repage "$dir/$1.png"; }
begin=$(date +%s)
LD_PRELOAD=$SHIFT_LIB CLOCKSHIFT_MS=$(( (1 << 32) - 12000 )) "$ATTUNE" --config "$dir/kiosk.ini" \
    --bundle assets/content/en 2>"$dir/err" &
pid=$!
window=$(timeout 20 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
[ -n "$window" ] || { kill "$pid"; echo "no window" >"$dir/why"; exit 1; }
sleep 1
# the GL libraries the app loaded, if any (none with the software renderer)
grep -E 'libGL|libEGL|_dri\.so|swrast|libgallium' "/proc/$pid/maps" >"$dir/gl-maps"
shot attract
xdotool windowfocus --sync "$window"
# Return on attract; Tab Tab Tab Return: Start (past Quick exit and Aa); Tab Tab Tab
# Return: Take the reflection; 4
for key in Return Tab Tab Tab Return Tab Tab Tab Return 4; do xdotool key "$key"; sleep 0.4; done
shot answered
echo $(( $(date +%s) - begin )) >"$dir/answered-after"
sleep 22
shot later
kill -TERM "$pid"
wait "$pid"
XEOF
SHIFT_LIB=$shift_lib ATTUNE=$attune timeout 120 xvfb-run -a -s "-screen 0 800x480x24" \
    sh "$tmp/x.sh" "$(pwd)" "$tmp" >"$tmp/x.out" 2>&1
status=$?
after=$(cat "$tmp/answered-after" 2>/dev/null || echo 99)
if [ "$status" -ne 0 ] || [ ! -f "$tmp/later.png" ]; then
    bad "the app under Xvfb did not run its course (exit $status)" "$(cat "$tmp/x.out" "$tmp/why" "$tmp/err" 2>/dev/null)"
elif [ "$after" -ge 11 ]; then
    skip "the statement was answered ${after} s after start, after the wrap: too slow a machine to test it"
else
    # the journal says which renderer it chose and why: on a machine with no GPU render
    # node, SDL's software one, with no GL library loaded (not even for the window surface)
    said=$(grep '^attune: renderer: ' "$tmp/err")
    if ls /dev/dri/renderD* >/dev/null 2>&1; then
        case $said in "attune: renderer: accelerated (GPU render node /dev/dri/renderD"*) ok ;;
        *) bad "with a GPU render node the start line says: '$said'" "$(cat "$tmp/err")" ;; esac
    elif [ "$said" = "attune: renderer: software (no GPU render node in /dev/dri)" ] && [ ! -s "$tmp/gl-maps" ]; then
        ok
    else
        bad "with no GPU render node, the start line says '$said'; GL libraries loaded:" "$(cat "$tmp/gl-maps")"
    fi
    # the reflection was started: the screen after the answer is not attract
    if "$imgdiff" "$tmp/attract.png" "$tmp/answered.png" >/dev/null 2>&1; then
        bad "the keys did not start the reflection: the screen after them is still attract"
    else
        ok
    fi
    # ... and 22 s after the answer, across the wrap, it is attract again
    if diff=$("$imgdiff" "$tmp/attract.png" "$tmp/later.png" 2>&1); then
        ok
    else
        cp "$tmp/later.png" "${SHOTS_KEEP:-/tmp}/wrap-later.png" 2>/dev/null
        bad "22 s after the last answer, across the 32-bit wrap, the screen is not attract again (kept in ${SHOTS_KEEP:-/tmp}/wrap-later.png)" "$diff"
    fi
fi
summary
