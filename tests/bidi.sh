#!/bin/sh
# tests/bidi.sh RENDER_BIDI IMGDIFF — Arabic drawn right: tests/render_bidi.c draws the
# Arabic button "خروج سريع", an Arabic sentence, "Hi سلام 123" in an English paragraph and
# an Arabic paragraph with "Hello 42" and an English line in a right-to-left bundle (its
# full stop at its end) through the real renderer, and each picture must
# match its reference in tests/golden/bidi/ (looked at by eye when it was made: letters
# joined, words read from the right, the English and the number where a reader expects
# them) within imgdiff's tolerance. A picture drawn with unjoined letters, or with a word
# in the wrong place, differs by far more. One line per picture; a summary; exit 1 when
# one differs. Skipped where the fonts the references were drawn with are not installed.
#
# To make new references after a change meant to alter them: run render_bidi into
# tests/golden/bidi/, look at every picture, and say what you saw in the commit.
set -u
render_bidi=$(realpath "$1")
imgdiff=$(realpath "$2")
cd "$(dirname "$0")/.." || exit 1
. tests/counts.sh

for family in "Open Sans" "Noto Sans Arabic"; do
    if ! fc-list "$family" | grep -q .; then
        skip "the references are drawn with $family, which is not installed"
        summary
        exit
    fi
done

if out=$("$render_bidi" "$tmp" 2>&1); then
    ok "every line is drawn as wide as it was measured"
else
    bad "render_bidi failed" "$out"
fi
for ref in tests/golden/bidi/*.png; do
    pic=$tmp/$(basename "$ref")
    if [ ! -f "$pic" ]; then
        bad "$(basename "$ref" .png): not drawn"
    elif diff=$("$imgdiff" --tolerance 2 "$ref" "$pic" 2>&1); then
        ok "$(basename "$ref" .png) matches its reference"
    else
        bad "$(basename "$ref" .png) differs from its reference (kept in /tmp/attune-bidi-$(basename "$ref"))" "$diff"
        cp "$pic" "/tmp/attune-bidi-$(basename "$ref")"
    fi
done
summary
