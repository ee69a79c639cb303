#!/bin/sh
# tests/faults.sh ATTUNE RENDER_FAULTS — faults, each through the real app (headless, 800x480):
# a font that cannot be found or opened (a warning at the config's file:line, another font
# used; no font at all: exit 1 with a sentence), text the theme's font has no glyphs for,
# broken UTF-8 (refused by the checker at file:line; handed straight to the renderer by
# tests/render_faults.c, which the Makefile builds with ASan+UBSan), a missing config file, and a tally
# that cannot be saved (a folder that cannot be written, a path under a file, a full disk,
# a file size limit): a sentence naming the file and the reason, the old tally whole, and
# the app going on. After each run, a journey with expects must still hold. One line per
# check; a summary; exit 1 when a check fails. Run from anywhere: it works in the repo root.
set -u
attune=$(realpath "$1")
cd "$(dirname "$0")/.." || exit 1
. tests/counts.sh # ok, bad, skip, summary; $tmp, removed on exit even after a chmod 555 in it
chmod 755 "$tmp" # another user reads it in the folder check

# The journey: the app must still answer touches after the fault.
journey=$tmp/journey.txt
cat >"$journey" <<'EOF'
expect screen attract
tap "Touch to begin"
expect screen consent
tap "Start"
expect screen home
tap "Take the reflection"
wait 400
expect screen question
EOF

# run CONFIG [BUNDLE]: the journey headless; sets $out (stdout and stderr) and $status.
run() {
    out=$("$attune" --headless --size 800x480 --script "$journey" --config "$1" \
        --bundle "${2:-assets/content/en}" 2>&1)
    status=$?
}

# expect WHAT STATUS TEXT...: the last run exited STATUS, said every TEXT, and no sanitizer
# or crash report.
expect() {
    what=$1 want=$2
    shift 2
    if [ "$status" -ne "$want" ]; then bad "$what (exit $status, not $want)" "$out"; return; fi
    for text in "$@"; do
        case $out in *"$text"*) ;; *) bad "$what (no '$text')" "$out"; return ;; esac
    done
    case $out in
    *AddressSanitizer* | *"runtime error"* | *LeakSanitizer* | *Segmentation*) bad "$what (a crash report)" "$out"; return ;;
    esac
    ok "$what"
}

# --- 1. fonts -----------------------------------------------------------------------------
cfg=$tmp/font-family.ini
printf '; a font that is not installed\n[theme]\nfont = No Such Font 42\n' >"$cfg"
run "$cfg"
expect "a font family not installed: a warning at $cfg:3, another font, the app runs" 0 \
    "$cfg:3: warning: [theme] font: no font of the family 'No Such Font 42' is installed" "instead"

cfg=$tmp/font-file.ini
printf '[theme]\nfont_regular = %s/no-such-font.ttf\n' "$tmp" >"$cfg"
run "$cfg"
expect "a font file that does not exist: a warning at $cfg:2, the family used, the app runs" 0 \
    "$cfg:2: warning: [theme] font_regular: the font file $tmp/no-such-font.ttf does not exist or cannot be read; using"

cfg=$tmp/font-not-a-font.ini
printf 'not a font\n' >"$tmp/not-a-font.ttf"
printf '[theme]\nfont_regular = %s/not-a-font.ttf\nfont_bold = %s/no-bold.ttf\n' "$tmp" "$tmp" >"$cfg"
run "$cfg"
expect "a font file that is not a font, a bold that is missing: two warnings, the app runs" 0 \
    "$cfg:2: warning: [theme] font_regular: the font file $tmp/not-a-font.ttf is not a font SDL_ttf can read" \
    "$cfg:3: warning: [theme] font_bold: the font file $tmp/no-bold.ttf does not exist or cannot be read; using the regular face instead"

# no font at all: fontconfig with an empty font folder, and the configured file missing
mkdir -p "$tmp/nofonts"
cat >"$tmp/nofonts/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$tmp/nofonts</dir><cachedir>$tmp/nofonts/cache</cachedir></fontconfig>
EOF
out=$(FONTCONFIG_FILE=$tmp/nofonts/fonts.conf "$attune" --headless --size 800x480 --script "$journey" \
    --config "$tmp/font-file.ini" --bundle assets/content/en 2>&1)
status=$?
expect "no font at all: exit 1 with a sentence, no crash" 1 \
    "attune: no font can be opened: " "fontconfig finds no other font"

# --- 2. glyphs the font lacks, 3. broken UTF-8 ----------------------------------------------
cp -r assets/content/en "$tmp/glyphs"
sed -i 's/^subtitle = .*/subtitle = Hello 你好 — سلام — a smile 😀 and ✓ done./' "$tmp/glyphs/screens.ini"
run "$tmp/font-family.ini" "$tmp/glyphs"
expect "CJK, Arabic and an emoji in the bundle: drawn, the app runs" 0
if command -v fc-list >/dev/null && fc-list ':charset=4f60' file | grep -q .; then
    case $out in
    *"no glyph for U+4F60; it and others like it are drawn with"*) ok "the CJK glyphs come from a fallback font, named on stderr" ;;
    *) bad "the CJK glyphs come from a fallback font, named on stderr" "$out" ;;
    esac
else
    skip "no installed font has CJK glyphs, so the fallback is not checked"
fi

cp -r assets/content/en "$tmp/broken"
sed -i 's/^title = Attune$/title = Att\xffune/' "$tmp/broken/screens.ini"
line=$(grep -n '^title = Attune$' assets/content/en/screens.ini | cut -d: -f1)
out=$("$attune" --check --bundle "$tmp/broken" 2>&1)
status=$?
expect "broken UTF-8 in the bundle: the checker names the file:line, exit 1" 1 \
    "$tmp/broken/screens.ini:$line: error: a character that is not UTF-8"

helper=${2:-}
if [ -n "$helper" ] && [ -x "$helper" ]; then
    "$helper" 2>"$tmp/render.err" >"$tmp/render.out"
    status=$?
    while IFS= read -r line; do
        case $line in
        "ok   "*) ok "${line#ok   render: }" ;;
        "FAIL "*) bad "${line#FAIL render: }" ;;
        "skip "*) skip "${line#skip render: }" ;;
        *) echo "     $line" ;;
        esac
    done <"$tmp/render.out"
    if [ "$status" -ne 0 ] && ! grep -q '^FAIL' "$tmp/render.out"; then
        bad "tests/render_faults.c exit $status" "$(cat "$tmp/render.err")"
    fi
else
    bad "the renderer's own checks were not built (make build/asan/render_faults)"
fi

# --- 4. a missing config file -------------------------------------------------------------------
run "$tmp/no-such.ini"
expect "a missing config file: $tmp/no-such.ini:1: error, exit 1" 1 \
    "$tmp/no-such.ini:1: error: the file does not exist" "attune: cannot start"
out=$("$attune" --config "$tmp/no-such.ini" 2>&1)
status=$?
expect "a missing config file when run for real: the same line, exit 1" 1 "$tmp/no-such.ini:1: error: the file does not exist"
out=$("$attune" --check --config "$tmp/no-such.ini" 2>&1)
status=$?
expect "a missing config file under --check: the same line, exit 1" 1 "$tmp/no-such.ini:1: error: the file does not exist"
run "$tmp"
expect "a folder given as the config: file:1: error, exit 1" 1 "$tmp:1: error: cannot read the file"

# --- 5. the tally cannot be saved -----------------------------------------------------------------
old_tally='; a tally from before
[tally]
sessions = 5
completed = 3
secure = 1
anxious = 1
avoidant = 1
disorganized = 0'

# tally_case NAME: a folder $tmp/NAME holding the old tally and a config for it
tally_case() {
    dir=$tmp/$1
    mkdir -p "$dir"
    printf '%s\n' "$old_tally" >"$dir/tally.ini"
    printf '[tally]\nenabled = yes\nfile = %s/tally.ini\n' "$dir" >"$dir/config.ini"
}
# whole NAME: the old tally is still there, byte for byte, and no temp file is left
whole() {
    if [ "$(cat "$dir/tally.ini")" = "$old_tally" ] && [ ! -e "$dir/tally.ini.tmp" ] && [ ! -L "$dir/tally.ini.tmp" ]; then
        ok "$1: the old tally is left whole, no temp file"
    else
        bad "$1: the old tally is left whole, no temp file" "$(ls -la "$dir"; cat "$dir/tally.ini")"
    fi
}

tally_case readonly
chmod 555 "$dir"
if [ "$(id -u)" -ne 0 ]; then
    run "$dir/config.ini"
    expect "a tally folder that cannot be written (mode 555): a sentence, the app runs" 0 \
        "attune: The tally could not be saved to $dir/tally.ini: its folder cannot be written (permission denied)."
    whole "a tally folder that cannot be written"
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    # the other user may not reach the checkout (a clone in a 0700 folder): it gets its own
    # copies of the program and the bundle, in $tmp, and runs from there
    cp "$attune" "$tmp/attune-copy" && cp -r assets/content/en "$tmp/bundle-copy"
    chmod -R a+rX "$tmp/attune-copy" "$tmp/bundle-copy"
    out=$(cd "$tmp" && setpriv --reuid=65534 --regid=65534 --clear-groups "$tmp/attune-copy" --headless \
        --size 800x480 --script "$journey" --config "$dir/config.ini" --bundle "$tmp/bundle-copy" 2>&1)
    status=$?
    expect "a tally folder that cannot be written (mode 555, run as uid 65534): a sentence, the app runs" 0 \
        "attune: The tally could not be saved to $dir/tally.ini: its folder cannot be written (permission denied)."
    whole "a tally folder that cannot be written"
else
    skip "a tally folder with mode 555: running as root, which writes there anyway, and setpriv cannot drop to another user"
fi
chmod 755 "$dir"

tally_case under-a-file
printf '[tally]\nenabled = yes\nfile = /dev/null/tally.ini\n' >"$dir/config.ini"
run "$dir/config.ini"
expect "a tally path under a file (/dev/null/tally.ini): a sentence, the app runs" 0 \
    "attune: The tally could not be saved to /dev/null/tally.ini: a part of its path is not a folder."

tally_case full
if [ -c /dev/full ]; then
    ln -s /dev/full "$dir/tally.ini.tmp" # every write to the temp file fails with ENOSPC
    run "$dir/config.ini"
    expect "a full disk (the temp file on /dev/full): a sentence, the app runs" 0 \
        "attune: The tally could not be saved to $dir/tally.ini: the disk is full."
    whole "a full disk"
    # the journey saves twice (a session, a result): the journal hears it once
    said=$(printf '%s\n' "$out" | grep -c 'could not be saved')
    if [ "$said" -eq 1 ]; then ok "a full disk: said once, not at every save"
    else bad "a full disk: said once, not at every save (said $said times)" "$out"; fi
else
    skip "a full disk: there is no /dev/full"
fi

tally_case limit
out=$(
    ulimit -f 0 && trap '' XFSZ && exec "$attune" --headless --size 800x480 --script "$journey" \
        --config "$dir/config.ini" --bundle assets/content/en 2>&1
)
status=$?
expect "a file size limit (ulimit -f 0): a sentence, the app runs" 0 \
    "attune: The tally could not be saved to $dir/tally.ini: the file may not grow (a file size limit: ulimit -f)."
whole "a file size limit"

# a screenshot that cannot be written (a folder is in the way of home.png): one sentence
# naming the file, exit 1 (the journey's expects before it held)
mkdir -p "$tmp/shots/home.png"
printf 'tap "Touch to begin"\ntap "Start"\nshot home\n' >"$tmp/shot.txt"
out=$("$attune" --headless --size 800x480 --script "$tmp/shot.txt" --shots "$tmp/shots" \
    --bundle assets/content/en 2>&1)
status=$?
expect "a screenshot that cannot be saved: a sentence naming the file" 1 "attune: cannot save $tmp/shots/home.png"

summary
