# Makefile — build, run, test and install Attune. Read in a minute; `make help` lists targets.
#
#   make            build ./attune            make run     install deps, build, run (desktop)
#   make test       install deps, build, run every test (plain and under ASan+UBSan)
#   make bench      the power and speed figures (issue 3), each with its target
#   make fuzz       libFuzzer: config, bundle, script targets (FUZZ_SECONDS each)
#   make soak       a million random events under ASan+UBSan+LSan (SOAK_EVENTS)
#   make install    PREFIX=/usr/local DESTDIR=  (binary, content, config)
#   make clean

VERSION   = 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/attune
CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Wpedantic $(if $(CI),-Werror)
SAN       = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_SECONDS ?= 60

PKGS      = sdl2 SDL2_ttf SDL2_image inih fontconfig libsystemd
# Recursive (=) so that pkg-config runs after `deps` has installed what it needs.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
CORE_LIBS  = $(shell pkg-config --libs inih) -lm
TEST_LIBS  = $(shell pkg-config --libs cmocka)
DEFS       = -DATTUNE_VERSION='"$(VERSION)"' -DATTUNE_DATADIR='"$(DATADIR)"'

# The layers (docs/design.md): core and view are pure C with no SDL, and so is the script
# parser of drive/ and the rotation maths of render/; render, shell and the rest of drive/
# call SDL.
PURE_DRIVE = app/drive/script.c app/render/rotate.c
CORE_SRC  = $(sort $(wildcard app/core/*.c app/view/*.c)) $(PURE_DRIVE)
UI_SRC    = $(sort $(filter-out $(PURE_DRIVE),$(wildcard app/render/*.c app/shell/*.c app/drive/*.c)))
# What differs between a Raspberry Pi and a desktop (platform/platform.h), chosen here:
PLATFORM ?= $(shell grep -qs 'Raspberry Pi' /proc/device-tree/model && echo rpi || echo desktop)
ifeq ($(filter $(PLATFORM),rpi desktop),)
$(error PLATFORM must be rpi or desktop, not "$(PLATFORM)")
endif
PLAT_SRC  = platform/common.c platform/watchdog.c platform/$(PLATFORM).c
PURE_SRC  = $(CORE_SRC) platform/common.c
APP_SRC   = app/main.c $(UI_SRC) $(PLAT_SRC)
TESTS     = $(patsubst tests/%.c,%,$(sort $(wildcard tests/test_*.c)))

.SECONDARY:
.PHONY: all run test check-unit check-cli check-fuzz-regress soak bench deps deps-test fuzz install uninstall clean help screenshots
all: attune

# --- the app -------------------------------------------------------------------------
build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(DEFS) -MMD -MP -c $< -o $@

attune: $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(APP_SRC))
	$(CC) $(CFLAGS) $^ -o $@ $(PKG_LIBS) -lm

run: deps
	$(MAKE) --no-print-directory attune
	./attune --config config/desktop.ini

deps:
	@sh platform/deps.sh app
deps-test:
	@sh platform/deps.sh test

# --- tests: unit tests plain and sanitized, then the command-line contract --------------
build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O1 -g $(SAN) $(PKG_CFLAGS) $(DEFS) -MMD -MP -c $< -o $@

build/rel/test_%: build/rel/tests/test_%.o $(patsubst %.c,build/rel/%.o,$(PURE_SRC))
	$(CC) $(CFLAGS) $^ -o $@ $(CORE_LIBS) $(TEST_LIBS)
build/asan/test_%: build/asan/tests/test_%.o $(patsubst %.c,build/asan/%.o,$(PURE_SRC))
	$(CC) $(SAN) $^ -o $@ $(CORE_LIBS) $(TEST_LIBS)
build/asan/attune: $(patsubst %.c,build/asan/%.o,$(CORE_SRC) $(APP_SRC))
	$(CC) $(SAN) $^ -o $@ $(PKG_LIBS) -lm

test: deps-test
	@sh tests/layers.sh
	$(MAKE) --no-print-directory check-unit check-fuzz-regress check-cli

# (both platforms are compiled every time, so neither rots)
check-unit: $(foreach t,$(TESTS),build/rel/$(t) build/asan/$(t)) build/rel/platform/rpi.o build/rel/platform/desktop.o
	@set -e; for t in $(TESTS); do \
	  echo "== $$t"; build/rel/$$t; \
	  echo "== $$t (ASan+UBSan)"; build/asan/$$t; done

TOUR_SIZES = 800x480 1024x600 1280x800 1920x1080 720x1280 1080x1920

# the tally kill test: a writer killed at random moments; the file must always be whole
build/rel/tally_writer: build/rel/tests/tally_writer.o $(patsubst %.c,build/rel/%.o,$(CORE_SRC))
	$(CC) $(CFLAGS) $^ -o $@ $(CORE_LIBS)

# the renderer fed broken text directly (tests/faults.sh runs it)
build/asan/render_faults: build/asan/tests/render_faults.o $(patsubst %.c,build/asan/%.o,$(CORE_SRC) $(wildcard app/render/*.c) platform/common.c)
	$(CC) $(SAN) $^ -o $@ $(PKG_LIBS) -lm

check-cli: attune build/asan/attune build/rel/tally_writer build/asan/render_faults
	@sh tests/cli.sh build/asan/attune
	@sh tests/broken.sh build/asan/attune
	@sh tests/install.sh
	@sh tests/scripts.sh build/asan/attune
	@sh tests/tour.sh build/asan/attune $(TOUR_SIZES)
	@sh tests/faults.sh build/asan/attune build/asan/render_faults
	@sh tests/lifecycle.sh build/asan/attune
	@bash tests/tally_kill.sh build/rel/tally_writer
	@sh tests/privacy.sh ./attune  # the plain build: LeakSanitizer does not run under ptrace

# --- the benchmark: prints each figure with its target and PASS or MISS; exits 0 either
# way (it reports, it is not a test). It links the app without main.o and wraps two of
# its functions to watch them (see tests/bench.c).
BENCH_WRAP = -Wl,--wrap=shell_frame,--wrap=render_frame
build/bench: build/rel/tests/bench.o $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(UI_SRC) $(PLAT_SRC))
	$(CC) $(CFLAGS) $^ -o $@ $(BENCH_WRAP) $(PKG_LIBS) -lm

bench: deps-test
	$(MAKE) --no-print-directory build/bench
	build/bench

# --- the soak (issue 5): random events, every check after every event, the figures
# printed (docs/robustness.md): the kiosk profile (SOAK_EVENTS) through the ASan+UBSan+LSan
# build (any error, any leak) and the plain one (with 1,000,000 events it fails when
# resident memory grows by 1 MiB or more from event 100,000 on; ASan's own memory would
# drown that), then the desktop profile with resizes (a fifth as many) under ASan.
SOAK_EVENTS ?= 1000000
SOAK_SEED ?= 2026
soak: deps-test
	$(MAKE) --no-print-directory attune build/asan/attune
	@mkdir -p build/soak
	build/asan/attune --headless --soak $(SOAK_EVENTS) --seed $(SOAK_SEED) --config tests/soak/kiosk.ini
	./attune --headless --soak $(SOAK_EVENTS) --seed $(SOAK_SEED) --config tests/soak/kiosk.ini
	build/asan/attune --headless --soak $$(( $(SOAK_EVENTS) / 5 )) --seed $(SOAK_SEED) --config tests/soak/desktop.ini

# --- the README's screenshots, from the tour ---------------------------------------------
SHOTS_WIDE = attract consent-1 home question-4 result-anxious-1 guidance-anxious-7 chemistry-3 calm-in idle
SHOTS_TALL = home question-4 result-near-1 guidance-secure-2
screenshots: attune
	rm -rf build/shots && mkdir -p docs/screenshots
	./attune --tour --size 800x480 --shots build/shots/wide >/dev/null
	./attune --tour --size 720x1280 --shots build/shots/tall >/dev/null
	for s in $(SHOTS_WIDE); do cp build/shots/wide/$$s.png docs/screenshots/$$s.png; done
	for s in $(SHOTS_TALL); do cp build/shots/tall/$$s.png docs/screenshots/portrait-$$s.png; done

# --- fuzzing (clang's libFuzzer): one target each for the config, the bundle and the
# script parser (tests/fuzz/fuzz_loaders.c), FUZZ_SECONDS each. The crashes they found are
# kept in tests/fuzz/regress/ and replayed (gcc, ASan+UBSan) by check-fuzz-regress.
FUZZ_TARGETS = config bundle script
FUZZ_DEF_config = -DFUZZ_CONFIG
FUZZ_DEF_bundle = -DFUZZ_BUNDLE
FUZZ_DEF_script = -DFUZZ_SCRIPT
build/fuzz/fuzz_%: tests/fuzz/fuzz_loaders.c $(CORE_SRC)
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined $(FUZZ_DEF_$*) $(DEFS) $^ -o $@ $(CORE_LIBS)

fuzz:
	@sh platform/deps.sh fuzz
	$(MAKE) --no-print-directory $(foreach t,$(FUZZ_TARGETS),build/fuzz/fuzz_$(t))
	@set -e; for t in $(FUZZ_TARGETS); do sh tests/fuzz/run.sh $$t $(FUZZ_SECONDS); done

build/asan/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_loaders.c $(patsubst %.c,build/asan/%.o,$(CORE_SRC))
	$(CC) $(WARN) -O1 -g $(SAN) $(FUZZ_DEF_$*) $(DEFS) $^ -o $@ $(CORE_LIBS)

check-fuzz-regress: $(foreach t,$(FUZZ_TARGETS),build/asan/replay_$(t))
	@set -e; for t in $(FUZZ_TARGETS); do \
	  files=$$(ls tests/fuzz/regress/$$t-* 2>/dev/null || true); \
	  [ -z "$$files" ] || build/asan/replay_$$t $$files >/dev/null; \
	  echo "fuzz regressions, $$t: $$(echo $$files | wc -w) inputs replayed, no crash"; done

# --- install --------------------------------------------------------------------------
# The program looks for its content next to itself (../share/attune), so one build
# serves any PREFIX; DATADIR is only the last place it looks.
install: attune
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/content/en $(DESTDIR)$(DATADIR)/config
	install -m 755 attune $(DESTDIR)$(BINDIR)/attune
	install -m 644 assets/content/en/*.ini $(DESTDIR)$(DATADIR)/content/en/
	install -m 644 assets/content/README.md $(DESTDIR)$(DATADIR)/content/
	install -m 644 config/*.ini $(DESTDIR)$(DATADIR)/config/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/attune
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build attune

help:
	@sed -n '1,10p' Makefile

# --- deployment (issue 4): the system files of `make install`, the Debian package, and
# the arm64 cross-build for 64-bit Raspberry Pi OS, tested under qemu-user. The set-up of a
# Pi, step by step: platform/rpi/README.md.
#
#   make deb                  build/attune_VERSION_ARCH.deb for this machine's architecture
#   make cross ARCH=arm64     build/arm64/attune (Debian multiarch; deps.sh arm64 installs it)
#   make deb ARCH=arm64       the same, packaged for the Pi
#   make test-arm64           the unit tests, the tour and a journey, arm64 under qemu-user
CONFDIR  ?= /etc/attune
UNITDIR  ?= /lib/systemd/system
UDEVDIR  ?= /lib/udev/rules.d
DOCDIR   ?= $(PREFIX)/share/doc/attune
NATIVE_ARCH := $(shell dpkg --print-architecture 2>/dev/null)
ARCH     ?= $(NATIVE_ARCH)
TRIPLET_arm64 = aarch64-linux-gnu
TRIPLET   = $(TRIPLET_$(ARCH))
# The cross build is for the Pi: PLATFORM (above) rpi.
CROSS_PLATFORM ?= rpi
XBUILD    = build/$(ARCH)
XCC       = $(TRIPLET)-gcc
XPKG      = PKG_CONFIG_LIBDIR=/usr/lib/$(TRIPLET)/pkgconfig:/usr/share/pkgconfig pkg-config
X_PKG_CFLAGS = $(shell $(XPKG) --cflags $(PKGS))
X_PKG_LIBS   = $(shell $(XPKG) --libs $(PKGS))
X_CORE_LIBS  = $(shell $(XPKG) --libs inih) -lm
X_TEST_LIBS  = $(shell $(XPKG) --libs cmocka)
# How to run an arm64 program here: qemu-user, unless this machine is arm64 itself.
QEMU      = $(if $(filter arm64,$(NATIVE_ARCH)),,$(shell command -v qemu-aarch64 || command -v qemu-aarch64-static))

.PHONY: install-system uninstall-system cross test-arm64 check-arm64 deb

# The unit and the configs name /usr/bin and /usr/share/attune, the package's paths:
# installed elsewhere, they are rewritten for PREFIX. A config already in CONFDIR is the
# practice's own (its PIN): it is kept, and the new default goes beside it as NAME.new.
install: install-system
install-system:
	install -d $(DESTDIR)$(CONFDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(UDEVDIR) $(DESTDIR)$(DOCDIR)
	@for f in config/*.ini; do n=$${f#config/}; t=$(DESTDIR)$(CONFDIR)/$$n; \
	  if [ -e $$t ] && ! sed 's|/usr/share/attune|$(DATADIR)|' $$f | cmp -s - $$t; then \
	    t=$$t.new; echo "install: kept $(DESTDIR)$(CONFDIR)/$$n (yours); the new default is $$t"; fi; \
	  sed 's|/usr/share/attune|$(DATADIR)|' $$f > $$t && chmod 644 $$t; done
	sed 's|/usr/bin/attune|$(BINDIR)/attune|; s|/usr/share/doc/attune|$(DOCDIR)|' \
	  platform/rpi/attune.service > $(DESTDIR)$(UNITDIR)/attune.service
	chmod 644 $(DESTDIR)$(UNITDIR)/attune.service
	install -m 644 platform/rpi/70-attune-backlight.rules $(DESTDIR)$(UDEVDIR)/
	install -m 644 platform/rpi/README.md $(DESTDIR)$(DOCDIR)/README.rpi.md

uninstall: uninstall-system
uninstall-system:
	rm -f $(DESTDIR)$(UNITDIR)/attune.service $(DESTDIR)$(UDEVDIR)/70-attune-backlight.rules
	rm -rf $(DESTDIR)$(DOCDIR)
	@echo "uninstall: kept $(DESTDIR)$(CONFDIR) (your settings)"

# Tests that reach into platform/ link its objects; the watchdog also needs libsystemd.
build/rel/test_watchdog: build/rel/platform/watchdog.o
build/asan/test_watchdog: build/asan/platform/watchdog.o
$(XBUILD)/test_watchdog: $(XBUILD)/platform/watchdog.o
build/rel/test_watchdog build/asan/test_watchdog: TEST_LIBS += $(shell pkg-config --libs libsystemd)
$(XBUILD)/test_watchdog: X_TEST_LIBS += $(shell $(XPKG) --libs libsystemd)

# The cross build: the same sources and flags, objects in build/ARCH/.
$(XBUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(XCC) $(WARN) $(CFLAGS) $(X_PKG_CFLAGS) $(DEFS) -MMD -MP -c $< -o $@
$(XBUILD)/attune: $(patsubst %.c,$(XBUILD)/%.o,$(CORE_SRC) $(APP_SRC))
	$(XCC) $(CFLAGS) $^ -o $@ $(X_PKG_LIBS) -lm
$(XBUILD)/test_%: $(XBUILD)/tests/test_%.o $(patsubst %.c,$(XBUILD)/%.o,$(or $(PURE_SRC),$(CORE_SRC)))
	$(XCC) $(CFLAGS) $^ -o $@ $(X_CORE_LIBS) $(X_TEST_LIBS)

cross:
	@test -n "$(TRIPLET)" || { echo "cross: no cross-compiler known for ARCH=$(ARCH) (try ARCH=arm64)"; exit 2; }
	@sh platform/deps.sh $(ARCH)
	$(MAKE) --no-print-directory ARCH=$(ARCH) PLATFORM=$(CROSS_PLATFORM) $(XBUILD)/attune

# The arm64 build's unit tests, tour and journey under qemu-user; its screenshots are
# compared with the native build's, within a few levels per channel (tests/arm64.sh).
test-arm64:
	@sh platform/deps.sh arm64
	$(MAKE) --no-print-directory attune build/rel/imgdiff
	$(MAKE) --no-print-directory ARCH=arm64 PLATFORM=$(CROSS_PLATFORM) check-arm64
check-arm64: $(foreach t,$(TESTS),$(XBUILD)/$(t)) $(XBUILD)/attune
	@sh tests/arm64.sh "$(QEMU)" $(XBUILD) ./attune build/rel/imgdiff
build/rel/imgdiff: build/rel/tests/imgdiff.o
	$(CC) $(CFLAGS) $^ -o $@ $(PKG_LIBS)

# The Debian package, built with dpkg-deb from a `make install` into build/deb/ARCH (no
# debhelper): /usr/bin, /usr/share/attune, /etc/attune (conffiles), the unit and the udev
# rule; platform/deb/ holds the control file and the maintainer scripts. For another
# architecture the native build installs first (and checks the staged config and
# content), then the cross-built binary replaces it.
DEB       = build/attune_$(VERSION)_$(ARCH).deb
DEB_ROOT  = build/deb/$(ARCH)
DEB_BIN   = $(if $(filter $(NATIVE_ARCH),$(ARCH)),attune,$(XBUILD)/attune)
STRIP     = $(if $(filter $(NATIVE_ARCH),$(ARCH)),strip,$(TRIPLET)-strip)
deb:
	$(if $(filter $(NATIVE_ARCH),$(ARCH)),@sh platform/deps.sh app,$(MAKE) --no-print-directory cross ARCH=$(ARCH))
	$(MAKE) --no-print-directory attune
	rm -rf $(DEB_ROOT) $(DEB)
	$(MAKE) --no-print-directory install PREFIX=/usr DESTDIR=$(CURDIR)/$(DEB_ROOT) >/dev/null
	./attune --check --config $(DEB_ROOT)/etc/attune/kiosk.ini --bundle $(DEB_ROOT)/usr/share/attune/content/en
	sh platform/rpi/verify-unit.sh $(DEB_ROOT)$(UNITDIR)/attune.service
	install -m 755 $(DEB_BIN) $(DEB_ROOT)/usr/bin/attune
	$(STRIP) --strip-unneeded --remove-section=.comment --remove-section=.note $(DEB_ROOT)/usr/bin/attune
	install -d $(DEB_ROOT)/DEBIAN
	install -m 755 platform/deb/postinst platform/deb/prerm platform/deb/postrm $(DEB_ROOT)/DEBIAN/
	cd $(DEB_ROOT) && find etc -type f | sed 's|^|/|' | sort > DEBIAN/conffiles
	sed 's/@VERSION@/$(VERSION)/; s/@ARCH@/$(ARCH)/; s/@SIZE@/'"$$(du -sk --exclude=DEBIAN $(DEB_ROOT) | cut -f1)"'/' \
	  platform/deb/control.in > $(DEB_ROOT)/DEBIAN/control
	dpkg-deb --build --root-owner-group -Zxz $(DEB_ROOT) $(DEB)
	@echo "deb: $(DEB)"

-include $(shell find build -name '*.d' -type f 2>/dev/null)
