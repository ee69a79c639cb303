#!/bin/sh
# tests/inputs.sh ATTUNE — a pipe (FIFO) or a device in the place of a file the app reads
# (a content file, the config, the font, the script, the PIN lock's file) is refused at once with file:1: error
# (a warning and the family for a font), never waited on: --check, a start, a headless run
# and a SIGHUP reload each end within seconds (timeout's exit 124 means it hung), and a
# kiosk that was sent SIGHUP still takes SIGTERM.
set -u
attune=$(realpath "$1")
. "$(dirname "$0")/counts.sh"
pid=
on_exit='[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null'
limit=10 # seconds: each run takes well under one

# expect WHAT STATUS TEXT: the last run ended with STATUS and said TEXT
expect() {
    case "$status:$out" in
    "$2:"*"$3"*) ok ;;
    *) bad "$1: exit $status (124: it hung), want $2 and '$3'" "$out" ;;
    esac
}
bundle() { rm -rf "$tmp/b"; mkdir -p "$tmp/b"; cp assets/content/en/*.ini "$tmp/b/"; }
check() { # ARGS...
    out=$(timeout -k 2 "$limit" "$attune" --check "$@" 2>&1 </dev/null)
    status=$?
}

# 1. content files: a FIFO, /dev/zero (endless), /dev/null (empty), under --check
bundle; rm "$tmp/b/quiz.ini"; mkfifo "$tmp/b/quiz.ini"
check --bundle "$tmp/b"
expect "a FIFO as quiz.ini, --check" 1 "$tmp/b/quiz.ini:1: error: cannot read the file: it is a pipe (FIFO), not a regular file"
bundle; ln -sf /dev/zero "$tmp/b/quiz.ini"; ln -sf /dev/null "$tmp/b/screens.ini"
check --bundle "$tmp/b"
expect "/dev/zero as quiz.ini, --check" 1 "$tmp/b/quiz.ini:1: error: cannot read the file: it is a device, not a regular file"
expect "/dev/null as screens.ini, --check" 1 "$tmp/b/screens.ini:1: error: cannot read the file: it is a device, not a regular file"

# 2. the config: a FIFO under --check and at a start (a desktop start with errors exits 1)
mkfifo "$tmp/config.ini"
check --config "$tmp/config.ini"
expect "a FIFO as the config, --check" 1 "$tmp/config.ini:1: error: cannot read the file: it is a pipe (FIFO), not a regular file"
out=$(SDL_VIDEODRIVER=dummy timeout -k 2 "$limit" "$attune" --config "$tmp/config.ini" 2>&1 </dev/null)
status=$?
expect "a FIFO as the config, a start" 1 "$tmp/config.ini:1: error: cannot read the file: it is a pipe (FIFO), not a regular file"

# 3. the font: a FIFO as font_regular is passed over with a warning (the family is used),
#    under --check, a headless run and a start (which runs until it is stopped)
mkfifo "$tmp/font.ttf"
printf '[display]\nfullscreen = no\n[theme]\nfont_regular = %s\n' "$tmp/font.ttf" >"$tmp/font.ini"
fontwarn="$tmp/font.ini:4: warning: [theme] font_regular: the font file $tmp/font.ttf is not a regular file"
check --config "$tmp/font.ini"
expect "a FIFO as the font, --check" 0 "$fontwarn"
printf 'expect screen attract\n' >"$tmp/attract.txt"
out=$(timeout -k 2 "$limit" "$attune" --headless --size 800x480 --script "$tmp/attract.txt" \
    --config "$tmp/font.ini" 2>&1 </dev/null)
status=$?
expect "a FIFO as the font, a headless run" 0 "$fontwarn"
SDL_VIDEODRIVER=dummy "$attune" --config "$tmp/font.ini" >"$tmp/err" 2>&1 </dev/null &
pid=$!
i=0
while [ $i -lt $((limit * 10)) ] && ! grep -q 'not a regular file' "$tmp/err"; do sleep 0.1; i=$((i + 1)); done
if grep -qF "$fontwarn" "$tmp/err" && kill -0 "$pid" 2>/dev/null; then ok
else bad "a FIFO as the font, a start: no warning within ${limit}s, or the app ended" "$(cat "$tmp/err")"; fi
kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=

# 4. a script that is a FIFO
mkfifo "$tmp/script.txt"
out=$(timeout -k 2 "$limit" "$attune" --headless --size 800x480 --script "$tmp/script.txt" 2>&1 </dev/null)
status=$?
expect "a FIFO as the script" 2 "$tmp/script.txt:1: error: cannot read the script: it is a pipe (FIFO), not a regular file"

# 5. a running kiosk reloads (SIGHUP) while quiz.ini is a FIFO: it says so, keeps what
#    runs, and SIGTERM still ends it
bundle
printf '[display]\nfullscreen = no\n[kiosk]\nprofile = kiosk\n[content]\nbundle = %s\nlanguage = b\n' \
    "$tmp" >"$tmp/kiosk.ini"
SDL_VIDEODRIVER=dummy "$attune" --config "$tmp/kiosk.ini" >"$tmp/err" 2>&1 </dev/null &
pid=$!
# SIGHUP is a reload once the app has blocked it (bit 0 of SigBlk); before, it would end it
i=0
until sed -n 's/^SigBlk:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null | grep -q '[13579bdfBDF]$'; do
    [ $i -lt $((limit * 10)) ] || break
    sleep 0.1; i=$((i + 1))
done
rm "$tmp/b/quiz.ini"; mkfifo "$tmp/b/quiz.ini"
kill -HUP "$pid"
i=0
while [ $i -lt $((limit * 10)) ] && ! grep -q 'content in use is kept' "$tmp/err"; do sleep 0.1; i=$((i + 1)); done
if grep -qF "$tmp/b/quiz.ini:1: error: cannot read the file: it is a pipe (FIFO), not a regular file" "$tmp/err" &&
    grep -q 'content in use is kept' "$tmp/err"; then ok
else bad "SIGHUP with a FIFO as quiz.ini: the journal does not say so within ${limit}s" "$(cat "$tmp/err")"; fi
kill -TERM "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt $((limit * 10)) ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"; wait "$pid"; pid=
    bad "SIGTERM after a SIGHUP with a FIFO as quiz.ini: the app did not end (hung in open?)" "$(cat "$tmp/err")"
else
    wait "$pid"; status=$?; pid=
    if [ "$status" = 0 ]; then ok; else bad "SIGTERM after SIGHUP: exit $status" "$(cat "$tmp/err")"; fi
fi
# 6. the staff PIN's lock file (beside the tally's) a FIFO: a start is not held up by it
mkdir -p "$tmp/state"
mkfifo "$tmp/state/staff-lock.ini"
printf '[display]\nfullscreen = no\n[kiosk]\nprofile = kiosk\nstaff_pin = 2468\n[tally]\nenabled = yes\nfile = %s\n' \
    "$tmp/state/tally.ini" >"$tmp/lock.ini"
printf 'expect screen attract\n' >"$tmp/attract.txt"
out=$(timeout -k 2 "$limit" "$attune" --headless --size 800x480 --config "$tmp/lock.ini" \
    --bundle assets/content/en --script "$tmp/attract.txt" 2>&1 </dev/null)
status=$?
expect "a FIFO as the PIN lock's file, a start" 0 "$tmp/state/staff-lock.ini:1: warning: cannot read the file: it is a pipe (FIFO)"
summary
