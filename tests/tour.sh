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
# they do not fall behind). And at each size in larger text, as after "Aa" (English),
# against the known count (below).
set -u
attune=$1
shift
. "$(dirname "$0")/counts.sh"
for size in "$@"; do
    for config in "" config/desktop.ini tests/languages/shipped.ini tests/takeaway/booking.ini; do
        out=$("$attune" --tour --size "$size" ${config:+--config "$config"} 2>&1)
        status=$?
        last=$(printf '%s\n' "$out" | tail -n 1)
        case "$status:$last" in
        "0:tour: "*" screens, 0 problems") ok ;;
        *) bad "tour at $size${config:+ with $config} (exit $status)" "$(printf '%s\n' "$out" | head -19)" ;;
        esac
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
# larger text ("Aa"), every stop, with the built-in settings. It does not reach 0 problems
# yet (sentences longer than a landscape page, the first question): the count at each size
# must equal its line in tests/large-text-problems.txt, so that a change that adds one
# fails here, and one that mends one says to lower the line (the list goes only down).
for size in "$@"; do
    out=$("$attune" --tour --large-text --size "$size" 2>&1)
    status=$?
    last=$(printf '%s\n' "$out" | tail -n 1)
    got=$(printf '%s\n' "$last" | sed -n 's/^tour: [0-9]* screens, \([0-9]*\) problems$/\1/p')
    want=$(sed -n "s/^$size \([0-9]*\)\$/\1/p" tests/large-text-problems.txt)
    if [ -z "$got" ] || [ -z "$want" ]; then
        bad "larger-text tour at $size (exit $status; tests/large-text-problems.txt says ${want:-nothing})" "$(printf '%s\n' "$out" | tail -n 5)"
    elif [ "$got" -gt "$want" ]; then
        bad "larger-text tour at $size: $got problems, more than the $want known" "$(printf '%s\n' "$out" | grep -m 19 '^problem')"
    elif [ "$got" -lt "$want" ]; then
        bad "larger-text tour at $size: $got problems, fewer than $want: lower its line in tests/large-text-problems.txt"
    else
        ok
    fi
done
for size in "$@"; do
    out=$("$attune" --tour --size "$size" --bundle tests/rtl 2>&1)
    status=$?
    last=$(printf '%s\n' "$out" | tail -n 1)
    case "$status:$last" in
    "0:tour: "*" screens, 0 problems") ok ;;
    *) bad "right-to-left tour at $size (exit $status)" "$(printf '%s\n' "$out" | head -19)" ;;
    esac
done
summary
