#!/bin/sh
# tests/layers.sh — the layers of docs/design.md, checked from the includes: every
# `#include "…"` in app/ and platform/ must point down (core <- view <- render <- shell <-
# main; drive may use those four; platform is used by shell and main only), core and view
# must not include SDL, and only platform/ talks to systemd. One line per wrong include
# (file:line), a summary; exit 1 when any is wrong. Run from anywhere.
cd "$(dirname "$0")/.." || exit 1
. tests/counts.sh

# may LAYER include TARGET_LAYER?
allowed() {
    case "$1:$2" in
    core:core | view:core | view:view) return 0 ;;
    render:core | render:view | render:render) return 0 ;;
    shell:core | shell:view | shell:render | shell:shell | shell:platform) return 0 ;;
    drive:core | drive:view | drive:render | drive:shell | drive:drive) return 0 ;;
    main:*) return 0 ;;
    platform:platform) return 0 ;;
    esac
    return 1
}

layer_of() {
    case "$1" in
    app/main.c | app/content.c | app/app.h) echo main ;;
    app/core/*) echo core ;;
    app/view/*) echo view ;;
    app/render/*) echo render ;;
    app/shell/*) echo shell ;;
    app/drive/*) echo drive ;;
    platform/*) echo platform ;;
    *) echo outside ;;
    esac
}

# forbid FILE PATTERN MESSAGE: each line of FILE that matches is wrong, for MESSAGE.
forbid() {
    grep -n "$2" "$1" >"$tmpfile" || return 0
    while IFS=: read -r line _; do
        bad "$1:$line: $3"
        wrong=$((wrong + 1))
    done <"$tmpfile"
}

files=$(find app platform -name '*.[ch]' | sort)
[ -n "$files" ] || { bad "no sources found under app/ and platform/"; summary layers; exit 1; }
wrong=0
for f in $files; do
    from=$(layer_of "$f")
    dir=$(dirname "$f")
    # quoted includes: resolved against the including file's folder
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
        sed 's/^\([0-9]*\):.*"\(.*\)".*/\1 \2/' >"$tmpfile"
    while read -r line inc; do
        target=$(realpath -m --relative-to=. "$dir/$inc")
        to=$(layer_of "$target")
        if [ ! -e "$target" ]; then
            bad "$f:$line: includes \"$inc\", which does not exist"
            wrong=$((wrong + 1))
        elif ! allowed "$from" "$to"; then
            bad "$f:$line: $from includes $to (\"$inc\"): includes point down only"
            wrong=$((wrong + 1))
        fi
    done <"$tmpfile"
    case "$from" in
    core | view) forbid "$f" '^[[:space:]]*#[[:space:]]*include[[:space:]]*<SDL' "$from is plain C, with no SDL" ;;
    esac
    [ "$from" = platform ] ||
        forbid "$f" 'systemd/sd-daemon.h\|sd_notify' "only platform/ (the watchdog module) talks to systemd"
done
[ "$wrong" -eq 0 ] && ok "every include in $(echo "$files" | wc -l) files points down the layers"
summary layers
