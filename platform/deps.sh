#!/bin/sh
# platform/deps.sh — installs what building, running or testing Attune needs, and only
# what is missing, on Debian or Raspberry Pi OS. Called by `make deps` (and so by
# `make run` and `make test`); safe to run again: when everything is there it only checks.
#
#   sh platform/deps.sh app      the libraries, tools and font to build and run
#   sh platform/deps.sh test     the above, plus the test framework
#   sh platform/deps.sh fuzz     the above, plus clang's libFuzzer
set -eu
want=${1:-app}

missing=""
need() { missing="$missing $1"; }

# pkg-config modules and the Debian packages that provide them.
command -v cc >/dev/null 2>&1 || need gcc
command -v make >/dev/null 2>&1 || need make
if ! command -v pkg-config >/dev/null 2>&1; then
    need pkg-config
    need libsdl2-dev; need libsdl2-ttf-dev; need libsdl2-image-dev; need libinih-dev
    need libfontconfig-dev
    [ "$want" = app ] || need libcmocka-dev
else
    pkg-config --exists sdl2 || need libsdl2-dev
    pkg-config --exists SDL2_ttf || need libsdl2-ttf-dev
    pkg-config --exists SDL2_image || need libsdl2-image-dev  # PNG screenshots
    pkg-config --exists inih || need libinih-dev
    pkg-config --exists fontconfig || need libfontconfig-dev
    if [ "$want" != app ]; then pkg-config --exists cmocka || need libcmocka-dev; fi
fi
# The theme's font (a humanist sans); the app finds it through fontconfig.
if ! { command -v fc-list >/dev/null 2>&1 && fc-list "Open Sans" | grep -q .; }; then
    need fonts-open-sans; need fontconfig
fi
if [ "$want" = fuzz ]; then
    command -v clang >/dev/null 2>&1 || need clang
    ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 || need libclang-rt-dev
fi

[ -n "$missing" ] || exit 0

echo "deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "deps: need root to install$missing (no sudo found); install them and try again" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
