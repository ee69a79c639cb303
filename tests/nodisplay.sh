#!/bin/sh
# tests/nodisplay.sh ATTUNE — the app started where there is no display (no X, no Wayland,
# no usable console screen: `make run` over SSH) says so in one line, with how to see the
# app without one, and exits 1 within seconds, instead of running unseen in SDL's offscreen
# driver until killed. SDL_VIDEODRIVER chosen by hand (dummy, as the other tests run the
# app) is still honoured.
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"
# no X or Wayland; a console screen (KMSDRM) the app could really use makes the first two
# checks meaningless, so they are skipped where a DRM card can be opened
card=
for c in /dev/dri/card*; do [ -r "$c" ] && [ -w "$c" ] && card=$c; done
if [ -n "$card" ]; then
    skip "no display: $card can be opened, so the app may draw on the console"
    skip "no display: the line"
else
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER XDG_RUNTIME_DIR="$tmp" \
        timeout -k 2 10 "$attune" --config config/desktop.ini 2>&1 </dev/null)
    status=$?
    case "$status:$out" in
    1:*"to see the app without one, run attune --tour --size 800x480 --shots DIR"*) ok ;;
    *) bad "no display: exit $status (124: it ran unseen until killed), want 1 and how to see it" "$out" ;;
    esac
    # the line names what is missing (or what SDL said) before the advice
    case "$out" in
    *"attune: there is no display to show the app on"* | *"attune: cannot open the display ("*) ok ;;
    *) bad "no display: the line does not say there is no display" "$out" ;;
    esac
fi
# chosen by hand, the dummy driver runs until timeout's SIGTERM ends it (exit 124)
printf '[display]\nfullscreen = no\n' >"$tmp/window.ini"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=dummy timeout -k 2 2 "$attune" \
    --config "$tmp/window.ini" 2>&1 </dev/null)
status=$?
case "$status:$out" in
124:*"SIGTERM: closing"*) ok ;;
*) bad "SDL_VIDEODRIVER=dummy by hand: exit $status, want it to run until SIGTERM" "$out" ;;
esac
summary
