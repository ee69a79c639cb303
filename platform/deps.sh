#!/bin/sh
# platform/deps.sh — installs what building, running or testing Attune needs, and only
# what is missing, on Debian or Raspberry Pi OS. Called by `make deps` (and so by
# `make run` and `make test`); safe to run again: when everything is there it only checks.
#
#   sh platform/deps.sh app      the libraries, tools and font to build and run
#   sh platform/deps.sh test     the above, plus the test framework
#   sh platform/deps.sh fuzz     the above, plus clang's libFuzzer
#   sh platform/deps.sh arm64    the test set, plus the arm64 cross-compiler, the arm64
#                                libraries (Debian multiarch) and qemu-user to run them
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
    need libfontconfig-dev; need libsystemd-dev; need libfribidi-dev; need libunibreak-dev
    need libqrencode-dev
    [ "$want" = app ] || need libcmocka-dev
else
    pkg-config --exists sdl2 || need libsdl2-dev
    pkg-config --exists SDL2_ttf || need libsdl2-ttf-dev
    pkg-config --exists SDL2_image || need libsdl2-image-dev  # PNG screenshots
    pkg-config --exists inih || need libinih-dev
    pkg-config --exists fontconfig || need libfontconfig-dev
    pkg-config --exists libsystemd || need libsystemd-dev     # sd_notify, the watchdog
    pkg-config --exists fribidi || need libfribidi-dev        # right-to-left text's order
    pkg-config --exists libunibreak || need libunibreak-dev   # where lines may break (UAX #14)
    pkg-config --exists libqrencode || need libqrencode-dev   # "Take it home": the QR codes
    if [ "$want" != app ]; then pkg-config --exists cmocka || need libcmocka-dev; fi
    if [ "$want" = test ]; then command -v strace >/dev/null 2>&1 || need strace; fi  # tests/privacy.sh
fi
if [ "$want" = test ]; then  # tests/wrap.sh: the app in a window under Xvfb, keys, screenshots
    command -v xvfb-run >/dev/null 2>&1 || need xvfb
    command -v xdotool >/dev/null 2>&1 || need xdotool
    command -v import >/dev/null 2>&1 || need imagemagick
    command -v zbarimg >/dev/null 2>&1 || need zbar-tools  # tests/qr.sh reads the tour's QR codes
fi
# The theme's font (a humanist sans); the app finds it through fontconfig.
if ! { command -v fc-list >/dev/null 2>&1 && fc-list "Open Sans" | grep -q .; }; then
    need fonts-open-sans; need fontconfig
fi
# Arabic (Noto Sans Arabic; fonts-noto-core also holds Hebrew and most other scripts).
{ command -v fc-list >/dev/null 2>&1 && fc-list "Noto Sans Arabic" | grep -q .; } || need fonts-noto-core
if [ "$want" = fuzz ]; then
    command -v clang >/dev/null 2>&1 || need clang
    ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 || need libclang-rt-dev
fi

# The cross build for 64-bit Raspberry Pi OS, from an amd64 Debian (on an arm64 machine
# the plain test set is all it takes). The arm64 -dev packages install beside the native
# ones (they are Multi-Arch: same; apt may first bring the native ones to the same
# version) and bring the arm64 run-time libraries that qemu-aarch64 loads from
# /usr/lib/aarch64-linux-gnu, so no QEMU_LD_PREFIX is needed.
add_arch=""
if [ "$want" = arm64 ] && [ "$(dpkg --print-architecture)" != arm64 ]; then
    dpkg --print-foreign-architectures | grep -qx arm64 || add_arch=arm64
    command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || need gcc-aarch64-linux-gnu
    xpc() { PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig \
        pkg-config --exists "$1" 2>/dev/null; }
    xpc sdl2 || need libsdl2-dev:arm64
    xpc SDL2_ttf || need libsdl2-ttf-dev:arm64
    xpc SDL2_image || need libsdl2-image-dev:arm64
    xpc inih || need libinih-dev:arm64
    xpc fontconfig || need libfontconfig-dev:arm64
    xpc libsystemd || need libsystemd-dev:arm64
    xpc fribidi || need libfribidi-dev:arm64
    xpc cmocka || need libcmocka-dev:arm64
    xpc libqrencode || need libqrencode-dev:arm64
    command -v qemu-aarch64 >/dev/null 2>&1 || command -v qemu-aarch64-static >/dev/null 2>&1 ||
        need qemu-user
fi

# libunibreak's Debian package is not multi-arch (its files are in /usr/lib, where the
# arm64 one would replace the native one): its arm64 files are unpacked into
# build/arm64-root instead, which the cross build compiles and links against.
unpack_unibreak() {
    [ "$want" = arm64 ] && [ "$(dpkg --print-architecture)" != arm64 ] || return 0
    [ -f build/arm64-root/usr/include/linebreak.h ] && return 0
    echo "deps: unpacking libunibreak's arm64 files into build/arm64-root"
    d=$(mktemp -d)
    (cd "$d" && apt-get download -qq libunibreak1:arm64 libunibreak-dev:arm64) || { rm -rf "$d"; exit 1; }
    mkdir -p build/arm64-root
    for f in "$d"/*.deb; do dpkg-deb -x "$f" build/arm64-root; done
    rm -rf "$d"
}
[ -n "$missing$add_arch" ] || { unpack_unibreak; exit 0; }

if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "deps: need root to install${add_arch:+ the $add_arch architecture and}$missing (no sudo found); install them and try again" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if [ -n "$add_arch" ]; then
    echo "deps: adding the $add_arch architecture to dpkg (multiarch)"
    $sudo dpkg --add-architecture "$add_arch"
fi
[ -n "$missing" ] || { [ -z "$add_arch" ] || $sudo apt-get update -qq; unpack_unibreak; exit 0; }
echo "deps: installing$missing"
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
unpack_unibreak
