#!/bin/sh
# tests/arm64.sh RUN DIR NATIVE IMGDIFF — the arm64 build, run under qemu-user (RUN, e.g.
# qemu-aarch64; empty on an arm64 machine): every unit test in DIR, then the tour at
# 800x480 and a journey, whose every screenshot must match the native build's (NATIVE)
# within TOLERANCE per channel (IMGDIFF). `make test-arm64` builds DIR (build/arm64) and
# calls this.
#
# Why a tolerance of 6, not 1: SDL's software renderer blends with MMX on x86-64 and in
# plain C on arm64, and the two round differently, by up to 2 per blend, where
# anti-aliased edges (text, rounded corners) are blended over one another. Measured on all
# 121 tour screens at 800x480 and 116 at 720x1280: most differing pixels differ by 1 or 2,
# the worst by 4 (two blends), and only on edges; 6 leaves room for a third layer. A
# moved, missing or wrong element differs by far more (tens to hundreds).
set -u
tolerance=${TOLERANCE:-6}
run=$1
dir=$2
native=$3
imgdiff=$4
. "$(dirname "$0")/counts.sh"

for t in "$dir"/test_*; do
    [ -x "$t" ] || continue
    echo "== $(basename "$t") (arm64)"
    if $run "$t"; then ok; else bad "$t"; fi
done

# compare NAME: every picture in $tmp/NAME/native must be in $tmp/NAME/arm64, alike.
compare() {
    shots=0
    worst=0
    for n in "$tmp/$1"/native/*.png; do
        [ -f "$n" ] || continue
        shots=$((shots + 1))
        a="$tmp/$1/arm64/$(basename "$n")"
        if diff=$("$imgdiff" --tolerance "$tolerance" "$n" "$a" 2>&1); then ok; else bad "$diff"; fi
        d=$(printf '%s\n' "$diff" | sed -n 's/.*max difference \([0-9]*\),.*/\1/p')
        [ "${d:-0}" -gt "$worst" ] && worst=$d
    done
    if [ "$shots" -gt 0 ]; then
        echo "$1: $shots screenshots alike on arm64 and $(uname -m) (worst difference $worst, tolerance $tolerance)"
    else
        bad "$1 wrote no screenshot"
    fi
}

out=$($run "$dir/attune" --tour --size 800x480 --shots "$tmp/tour/arm64" 2>&1)
status=$?
last=$(printf '%s\n' "$out" | tail -n 1)
echo "$last (arm64, 800x480)"
case "$status:$last" in
"0:tour: "*" screens, 0 problems") ok ;;
*) bad "tour at 800x480 (exit $status)" "$(printf '%s\n' "$out" | head -20)" ;;
esac
"$native" --tour --size 800x480 --shots "$tmp/tour/native" >/dev/null 2>&1 || bad "the tour on the native build"
compare tour

script=tests/scripts/quiz-anxious.txt
if out=$($run "$dir/attune" --headless --size 800x480 --script "$script" --shots "$tmp/journey/arm64" 2>&1); then
    ok
else
    bad "$script" "$out"
fi
"$native" --headless --size 800x480 --script "$script" --shots "$tmp/journey/native" >/dev/null 2>&1 ||
    bad "$script on the native build"
compare journey

# The comparison bites: two different screens are not alike.
if "$imgdiff" --tolerance "$tolerance" "$tmp/tour/native/home.png" "$tmp/tour/arm64/attract.png" >/dev/null 2>&1; then
    bad "imgdiff finds home and attract alike"
else
    ok
fi

summary
