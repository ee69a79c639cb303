#!/bin/bash
# tests/tally_kill.sh — the tally survives its writer being killed at random moments.
#
# A writer (tests/tally_writer.c) saves the tally in a tight loop with growing counts; this
# script kills it with SIGKILL a random 0-5 ms after it starts saving, ROUNDS times. After
# each kill the file is loaded as the app would load it (by the next writer before it
# writes anything, and by `tally_writer --check` after the last kill): it must load with no
# problem reported, its counts must agree (completed = sessions, the styles written only
# from the threshold on and adding up to no more than completed) and never go back. A save that wrote the file in place would leave it cut short now and
# then, and fail here.
#
#   bash tests/tally_kill.sh [WRITER] [ROUNDS]      (default build/rel/tally_writer, 300)
#
# bash, not sh: its `read -t` waits a fraction of a second without starting a process.
# The last line is `tally-kill: N passed, M failed` (one check per kill, and one more
# failure when the writer hardly saved: a writer that never got to write proves nothing);
# exit 0 only when M is 0.
# TALLY_KILL_SEED=N repeats one run's delays.
set -u

writer=${1:-build/rel/tally_writer}
rounds=${2:-300}
[ -x "$writer" ] || { echo "tally-kill: no writer at $writer (make $writer)" >&2; exit 2; }

# In memory (tmpfs) when there is one: SIGKILL does not lose what the kernel already has, so
# fsync plays no part here, and there a save takes microseconds rather than milliseconds,
# so each 0-5 ms lands on one of many saves. TALLY_KILL_DIR picks another place.
tmp_in=${TALLY_KILL_DIR:-/dev/shm}
[ -d "$tmp_in" ] && [ -w "$tmp_in" ] || tmp_in=${TMPDIR:-/tmp}
. "$(dirname "$0")/counts.sh" # ok, bad, summary; $tmp in $tmp_in, removed on exit
name=tally-kill
dir=$tmp
pid=
on_exit='[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null'
trap 'exit 130' INT TERM
file=$dir/tally.ini
mkfifo "$dir/never" "$dir/verdict" || exit 2
exec 3<>"$dir/never" # nothing is ever written to it, so a read on it just waits

seed=${TALLY_KILL_SEED:-$$}
RANDOM=$seed
last=0

# Judges kill number $1 by the checker's verdict line $2 (`whole N` or `broken`).
judge() {
    local count
    case $2 in
    "whole "*)
        count=${2#whole }
        if [ "$count" -ge "$last" ]; then
            ok
            last=$count
            return
        fi
        echo "completed went back from $last to $count" >>"$dir/why" ;;
    *) [ -s "$dir/why" ] || echo "no verdict from the checker" >"$dir/why" ;;
    esac
    last=0 # a broken file is put aside: counting starts again
    if [ "$fail" -lt 5 ]; then
        bad "after kill $1 (${delay}s after it started saving), the file is not whole:" "$(cat "$dir/why")"
    else
        fail=$((fail + 1)) # counted, not printed: five show what went wrong
    fi
}

for ((round = 1; round <= rounds; round++)); do
    "$writer" "$file" >"$dir/verdict" 2>"$dir/why" &
    pid=$!
    verdict=
    read -r -t 5 verdict <"$dir/verdict" # it checks first, then starts saving
    [ "$round" -eq 1 ] || judge $((round - 1)) "$verdict"
    printf -v delay '0.%04d' $((RANDOM % 51)) # 0 to 5 ms in 0.1 ms steps
    read -r -t "$delay" <&3
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    status=$?
    pid=
    if [ "$status" -ne 137 ]; then
        bad "the writer stopped by itself (exit $status):" "$(cat "$dir/why")"
        summary
        exit 1
    fi
done
judge "$rounds" "$("$writer" --check "$file" 2>"$dir/why")"

echo "tally-kill: the file holds $last saves after $rounds kills (seed $seed)"
if [ "$fail" -eq 0 ] && [ "$last" -lt "$rounds" ]; then
    bad "the writer hardly saved at all, so the kills proved nothing"
fi
summary
