#!/bin/sh
# tests/tour.sh ATTUNE SIZE… — `attune --tour` at each size must find no problem, of
# layout (no text over its box, every target 9 mm or more and apart, text large enough,
# contrast) or of reading (no page that starts or ends inside a sentence, no quote split,
# no lone body line, no heading last, no continued card without its heading). Each size
# is toured twice: with the built-in settings, and with config/desktop.ini, whose practice
# card ([support] name and text) changes how Get support is paged, and with
# tests/languages/shipped.ini, a kiosk offering en, es and ar (every stop in each), and
# with tests/takeaway/booking.ini, a practice whose "Take it home" has its own booking
# line and booking page's code, in the same three languages. Then
# once with tests/rtl: the English words laid out right to left (its screens.ini is en's
# with `direction = rtl`, and its pairings.ini en's as it is, both checked first so that
# they do not fall behind). Each of these again in larger text, as after "Aa": every
# stop, in every language, at 0 problems too.
set -u
attune=$1
shift
. "$(dirname "$0")/counts.sh"
# tour WHAT ARGS…: one tour, which must end at 0 problems (WHAT names it in a failure).
tour() {
    what=$1
    shift
    out=$("$attune" --tour "$@" 2>&1)
    status=$?
    last=$(printf '%s\n' "$out" | tail -n 1)
    case "$status:$last" in
    "0:tour: "*" screens, 0 problems") ok ;;
    *) bad "$what (exit $status)" "$(printf '%s\n' "$out" | grep -v ': note: ' | head -n 19)" ;;
    esac
}
for size in "$@"; do
    for large in "" --large-text; do
        for config in "" config/desktop.ini tests/languages/shipped.ini tests/takeaway/booking.ini; do
            tour "tour at $size${large:+ in larger text}${config:+ with $config}" \
                --size "$size" $large ${config:+--config "$config"}
        done
    done
done
if grep -v -e '^direction = rtl$' -e '^; A test bundle: ' tests/rtl/screens.ini | cmp -s - assets/content/en/screens.ini; then
    ok
else
    bad "tests/rtl/screens.ini is not assets/content/en/screens.ini with direction = rtl: copy it again"
fi
if cmp -s tests/rtl/pairings.ini assets/content/en/pairings.ini; then
    ok
else
    bad "tests/rtl/pairings.ini is not assets/content/en/pairings.ini: copy it again"
fi
for size in "$@"; do
    for large in "" --large-text; do
        tour "right-to-left tour at $size${large:+ in larger text}" --size "$size" $large --bundle tests/rtl
    done
done
summary
