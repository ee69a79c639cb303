#!/bin/sh
# tests/qr.sh ATTUNE — every "Take it home" code the tour shows reads back (zbarimg) as the
# text this script builds itself from the bundle's and the config's INI files: for each
# style its name and summary, the bundle's "What helps", the three tips styles.ini's
# `takeaway` names (each its title and first paragraph), then the practice's name and
# booking line ([support] booking, else text), blocks a blank line apart; in two codes,
# each part behind its "{n} of {total}" line, cut at a blank line; the practice's booking
# page ([support] booking_url) as the last code. With no config (no practice), with
# config/desktop.ini (the support text as the booking line) and with
# tests/takeaway/booking.ini (its own booking line and page, in en, es and ar), at 800x480
# and 720x1280.
set -u
attune=$1
. "$(dirname "$0")/counts.sh"
command -v zbarimg >/dev/null 2>&1 || { bad "zbarimg is missing (zbar-tools: make deps-test)"; summary; exit; }
nl='
'

# ini FILE SECTION KEY: the key's value, one paragraph a line (a key written again is the
# next paragraph; indented lines join the line above with a space; " ;" starts a comment)
ini() {
    [ -f "$1" ] || return 0
    awk -v sec="$2" -v key="$3" '
    function strip(v,  i) { i = index(v, " ;"); if (i) v = substr(v, 1, i - 1); sub(/[ \t]+$/, "", v); sub(/^[ \t]+/, "", v); return v }
    function flush() { if (want) print cur; want = 0; cur = "" }
    /^[ \t]*;/ { next }
    /^\[/ { flush(); name = $0; sub(/^\[/, "", name); sub(/\].*/, "", name); here = (name == sec); next }
    /^[ \t]+[^ \t]/ { if (want) cur = cur " " strip($0); next }
    /^[^ \t]/ { flush(); if (!here) next; k = $0; sub(/[ \t]*=.*/, "", k)
                if (k == key) { v = $0; sub(/^[^=]*=/, "", v); cur = strip(v); want = 1 } next }
    { flush() }
    END { flush() }' "$1"
}

# text BUNDLE STYLE CONFIG: the whole text "Take it home" carries (STYLE "": none)
text() {
    out=""
    if [ -n "$2" ]; then
        out="$(ini "$1/styles.ini" "style.$2" name)$nl$(ini "$1/styles.ini" "style.$2" summary)"
        out="$out$nl$nl$(ini "$1/screens.ini" guidance helps)"
        n=0
        for id in $(ini "$1/styles.ini" "style.$2" takeaway); do
            n=$((n + 1)); [ $n -le 3 ] || break
            out="$out$nl$nl$(ini "$1/guidance.ini" "tip.$2.$id" title)$nl$(ini "$1/guidance.ini" "tip.$2.$id" text | head -n 1)"
        done
    fi
    practice=$(ini "$3" support name)
    booking=$(ini "$3" support booking)
    [ -n "$booking" ] || booking=$(ini "$3" support text)
    block=$practice
    [ -z "$practice" ] || [ -z "$booking" ] || block="$block$nl"
    block="$block$booking"
    if [ -n "$block" ]; then
        [ -z "$out" ] || out="$out$nl$nl"
        out="$out$block"
    fi
    printf '%s' "$out"
}

# read PNG: the one code in it, as text (zbarimg ends it with a newline)
read_code() {
    zbarimg --raw -q "$1" 2>/dev/null >"$tmp/code" || { printf '(no code read)'; return; }
    head -c -1 "$tmp/code"
}

# check DIR PREFIX BUNDLE CONFIG STYLE NAME: the codes DIR/PREFIXtakeaway-NAME-*.png
check() {
    dir=$1 prefix=$2 bundle=$3 config=$4 style=$5 stop=$6
    want=$(text "$bundle" "$style" "$config")
    url=$(ini "$config" support booking_url)
    count=0
    while [ -f "$dir/${prefix}takeaway-$stop-$((count + 1)).png" ]; do count=$((count + 1)); done
    parts=$count
    [ -z "$url" ] || parts=$((count - 1))
    where="$dir/${prefix}takeaway-$stop (${config:-no config})"
    if [ "$parts" -lt 1 ] || [ "$parts" -gt 2 ]; then
        bad "$where: $count codes shown" ; return
    fi
    if [ "$parts" = 1 ]; then
        got=$(read_code "$dir/${prefix}takeaway-$stop-1.png")
    else
        word=$(ini "$bundle/screens.ini" takeaway part)
        got=""
        for k in 1 2; do
            label=$(printf '%s' "$word" | sed "s/{n}/$k/; s/{total}/2/")
            part=$(read_code "$dir/${prefix}takeaway-$stop-$k.png")
            case "$part" in
            "$label$nl$nl"*) ;;
            *) bad "$where: code $k of 2 does not start with \"$label\"" "$part"; return ;;
            esac
            part=${part#"$label$nl$nl"}
            got="$got${got:+$nl$nl}$part"
        done
    fi
    if [ "$got" = "$want" ]; then ok; else
        printf '%s\n' "$want" >"$tmp/want"; printf '%s\n' "$got" >"$tmp/got"
        bad "$where: the codes read back differ from the bundle's text" "$(diff "$tmp/want" "$tmp/got" | head -20)"
    fi
    if [ -n "$url" ]; then
        got=$(read_code "$dir/${prefix}takeaway-$stop-$count.png")
        if [ "$got" = "$url" ]; then ok; else bad "$where: the last code reads \"$got\", not the booking page $url"; fi
    fi
}

styles="secure anxious avoidant disorganized"
for size in 800x480 720x1280; do
    for config in "" config/desktop.ini tests/takeaway/booking.ini; do
        dir="$tmp/shots-$size-$(basename "${config:-none}" .ini)"
        "$attune" --tour --size "$size" ${config:+--config "$config"} --shots "$dir" >"$tmp/tour" 2>&1 ||
            { bad "the tour at $size${config:+ with $config} failed" "$(grep -v '^shot' "$tmp/tour" | tail -5)"; continue; }
        langs=en
        [ "$config" != tests/takeaway/booking.ini ] || langs="en es ar"
        for lang in $langs; do
            prefix=""
            [ "$langs" = en ] || prefix="$lang-"
            for st in $styles; do
                check "$dir" "$prefix" "assets/content/$lang" "$config" "$st" "$st"
            done
            if [ -n "$config" ]; then
                check "$dir" "$prefix" "assets/content/$lang" "$config" "" practice
            elif [ -f "$dir/takeaway-practice-1.png" ]; then
                bad "$dir: a take-away with no practice and no result was shown"
            else
                ok
            fi
        done
    done
done
summary
