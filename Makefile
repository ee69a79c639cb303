# Makefile — build, run, test and install Attune. Read in a minute; `make help` lists every
# target with what it does (the text after `##` on each rule line).
#
#   make            build ./attune            make run     install deps, build, run (desktop)
#   make test       install deps, build, run every test (plain and under ASan+UBSan)
#   make bench      the power and speed figures, each with its target
#   make fuzz       libFuzzer: config, bundle, script targets (FUZZ_SECONDS each)
#   make soak       a million random events under ASan+UBSan+LSan (SOAK_EVENTS)
#   make install    PREFIX=/usr/local DESTDIR=  (binary, content, config)
#   make clean
#
# Deployment (the system files, the Debian package, the arm64 build) is in
# platform/deploy.mk, included below.

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

PKGS      = sdl2 SDL2_ttf SDL2_image inih fontconfig libsystemd fribidi libunibreak libqrencode
# Recursive (=) so that pkg-config runs after `deps` has installed what it needs.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
CORE_LIBS  = $(shell pkg-config --libs inih fribidi libunibreak libqrencode) -lm
TEST_LIBS  = $(shell pkg-config --libs cmocka)
DEFS       = -DATTUNE_VERSION='"$(VERSION)"' -DATTUNE_DATADIR='"$(DATADIR)"'

# The layers (docs/design.md): core and view are pure C with no SDL, and so is the script
# parser of drive/ and the rotation maths and renderer choice (pick.c) of render/; render,
# shell and the rest of drive/ call SDL.
PURE_IN_UI = app/drive/script.c app/drive/script_words.c app/render/rotate.c app/render/pick.c
CORE_SRC  = $(sort $(wildcard app/core/*.c app/view/*.c)) $(PURE_IN_UI)
UI_SRC    = $(sort $(filter-out $(PURE_IN_UI),$(wildcard app/render/*.c app/shell/*.c app/drive/*.c)))
# What differs between a Raspberry Pi and a desktop (platform/platform.h), chosen here:
PLATFORM ?= $(shell grep -qs 'Raspberry Pi' /proc/device-tree/model && echo rpi || echo desktop)
ifeq ($(filter $(PLATFORM),rpi desktop),)
$(error PLATFORM must be rpi or desktop, not "$(PLATFORM)")
endif
PLAT_SRC  = platform/common.c platform/watchdog.c platform/$(PLATFORM).c
PURE_SRC  = $(CORE_SRC) platform/common.c
APP_SRC   = app/main.c app/content.c $(UI_SRC) $(PLAT_SRC)
TESTS     = $(patsubst tests/%.c,%,$(sort $(wildcard tests/test_*.c)))

.SECONDARY:
.PHONY: all run test check-unit check-cli check-fuzz-regress soak bench deps deps-test fuzz install uninstall clean help screenshots
all: attune ## the app, ./attune (what plain `make` does)

# --- the app -------------------------------------------------------------------------
build/rel/%.o: %.c ## one object file (NAME.c), plain
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(DEFS) -MMD -MP -c $< -o $@

attune: $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(APP_SRC)) ## the app, built with CFLAGS (default -O2 -g)
	$(CC) $(CFLAGS) $^ -o $@ $(PKG_LIBS) -lm

run: deps ## install the dependencies, build, run with config/desktop.ini
	$(MAKE) --no-print-directory attune
	./attune --config config/desktop.ini

deps: ## install what building the app needs (apt-get, sudo when not root)
	@sh platform/deps.sh app
deps-test: ## install what the tests need too
	@sh platform/deps.sh test

# --- tests: unit tests plain and sanitized, then the command-line contract --------------
build/asan/%.o: %.c ## one object file under ASan+UBSan
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O1 -g $(SAN) $(PKG_CFLAGS) $(DEFS) -MMD -MP -c $< -o $@

build/rel/test_%: build/rel/tests/test_%.o $(patsubst %.c,build/rel/%.o,$(PURE_SRC)) ## one unit test, tests/test_NAME.c, plain
	$(CC) $(CFLAGS) $^ -o $@ $(CORE_LIBS) $(TEST_LIBS)
build/asan/test_%: build/asan/tests/test_%.o $(patsubst %.c,build/asan/%.o,$(PURE_SRC)) ## one unit test under ASan+UBSan
	$(CC) $(SAN) $^ -o $@ $(CORE_LIBS) $(TEST_LIBS)
build/asan/attune: $(patsubst %.c,build/asan/%.o,$(CORE_SRC) $(APP_SRC)) ## the app under ASan+UBSan
	$(CC) $(SAN) $^ -o $@ $(PKG_LIBS) -lm

# Tests that reach into platform/ link its objects; the watchdog also needs libsystemd.
build/rel/test_watchdog: build/rel/platform/watchdog.o
build/asan/test_watchdog: build/asan/platform/watchdog.o
build/rel/test_watchdog build/asan/test_watchdog: TEST_LIBS += $(shell pkg-config --libs libsystemd)

test: deps-test ## every test: tests/layers.sh, check-unit, check-fuzz-regress, check-cli
	@sh tests/layers.sh
	$(MAKE) --no-print-directory check-unit check-fuzz-regress check-cli

# (both platforms are compiled every time, so neither rots)
check-unit: $(foreach t,$(TESTS),build/rel/$(t) build/asan/$(t)) build/rel/platform/rpi.o build/rel/platform/desktop.o ## the cmocka unit tests, plain and under ASan+UBSan
	@set -e; for t in $(TESTS); do \
	  echo "== $$t"; build/rel/$$t; \
	  echo "== $$t (ASan+UBSan)"; build/asan/$$t; done

TOUR_SIZES = 800x480 1024x600 1280x800 1920x1080 720x1280 1080x1920

# the tally kill test: a writer killed at random moments; the file must always be whole
build/rel/tally_writer: build/rel/tests/tally_writer.o $(patsubst %.c,build/rel/%.o,$(CORE_SRC)) ## the tally writer that tests/tally_kill.sh kills
	$(CC) $(CFLAGS) $^ -o $@ $(CORE_LIBS)

# the renderer fed broken text directly (tests/faults.sh runs it)
build/asan/render_faults: build/asan/tests/render_faults.o $(patsubst %.c,build/asan/%.o,$(CORE_SRC) $(wildcard app/render/*.c) platform/common.c) ## the renderer fed broken text (run by tests/faults.sh)
	$(CC) $(SAN) $^ -o $@ $(PKG_LIBS) -lm

# right-to-left lines drawn by the renderer, for tests/bidi.sh to compare with references
build/asan/render_bidi: build/asan/tests/render_bidi.o $(patsubst %.c,build/asan/%.o,$(CORE_SRC) $(wildcard app/render/*.c) platform/common.c) ## Arabic and mixed lines drawn to PNGs (run by tests/bidi.sh)
	$(CC) $(SAN) $^ -o $@ $(PKG_LIBS) -lm

# a text counted in a traced child's memory (tests/memory.sh runs it)
build/rel/memscan: build/rel/tests/memscan.o ## counts a text in a running program's memory
	$(CC) $(CFLAGS) $^ -o $@
# the soak's display-reset check, shown to bite: shell_display_reset wrapped, broken two ways
build/rel/reset_bites: build/rel/tests/reset_bites.o $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(UI_SRC) $(PLAT_SRC)) ## the display-reset check's own test (run by check-cli)
	$(CC) $(CFLAGS) $^ -o $@ -Wl,--wrap=shell_display_reset $(PKG_LIBS) -lm

check-cli: attune build/asan/attune build/rel/tally_writer build/asan/render_faults build/rel/memscan build/rel/reset_bites ## the shell tests (tests/*.sh): the command line, journeys, tour, faults...
	@sh tests/cli.sh build/asan/attune
	@sh tests/broken.sh build/asan/attune
	@sh tests/install.sh
	@sh tests/scripts.sh build/asan/attune
	@sh tests/languages.sh build/asan/attune
	@sh tests/tour.sh build/asan/attune $(TOUR_SIZES)
	@sh tests/qr.sh build/asan/attune
	@sh tests/faults.sh build/asan/attune build/asan/render_faults
	@sh tests/bidi.sh build/asan/render_bidi build/rel/imgdiff
	@sh tests/staff_tally.sh build/asan/attune
	@sh tests/lifecycle.sh build/asan/attune
	@sh tests/wrap.sh ./attune build/clockshift.so build/rel/imgdiff  # the plain build: ASan wants to be preloaded first
	@sh tests/idle.sh build/asan/attune
	@sh tests/lastgood.sh build/asan/attune
	@sh tests/boot.sh build/asan/attune
	@sh tests/inputs.sh build/asan/attune
	@sh tests/nodisplay.sh build/asan/attune
	@sh tests/reload.sh build/asan/attune
	@sh tests/livereload.sh build/asan/attune
	@build/rel/reset_bites
	@bash tests/tally_kill.sh build/rel/tally_writer
	@sh tests/privacy.sh ./attune  # the plain build: LeakSanitizer does not run under ptrace
	@sh tests/memory.sh ./attune build/rel/memscan  # plain too (ptrace)

# the app's clock moved to just before a 32-bit tick's wrap (tests/wrap.sh preloads it)
check-cli: build/clockshift.so build/rel/imgdiff build/asan/render_bidi
build/clockshift.so: tests/clockshift.c ## an LD_PRELOAD library that moves SDL's clock on (CLOCKSHIFT_MS)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -shared -fPIC $< -o $@ -ldl

# --- the benchmark: prints each figure with its target and PASS or MISS; exits 0 either
# way (it reports, it is not a test). It links the app without main.o and wraps two of
# its functions to watch them (see tests/bench.c).
BENCH_WRAP = -Wl,--wrap=shell_frame,--wrap=render_frame
build/bench: build/rel/tests/bench.o $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(UI_SRC) $(PLAT_SRC)) ## the benchmark program
	$(CC) $(CFLAGS) $^ -o $@ $(BENCH_WRAP) $(PKG_LIBS) -lm

# The real start (tests/startbench.c): the app and the least SDL2 program (tests/least_sdl.c)
# launched in a real window, in Xvfb when there is no display, timed to their first frame
# on screen (tests/firstframe.c, preloaded) and measured (PSS) there.
XRUN = $(if $(DISPLAY),,xvfb-run -a -s "-screen 0 800x480x24")
build/least_sdl: tests/least_sdl.c ## the least SDL2 program: a window, one clear and present
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(shell pkg-config --cflags sdl2) $< -o $@ $(shell pkg-config --libs sdl2)
build/firstframe.so: tests/firstframe.c ## an LD_PRELOAD library: the first present's time, then SIGSTOP
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -shared -fPIC $< -o $@ -ldl
build/rel/startbench: build/rel/tests/startbench.o ## launch to first frame and PSS, beside least_sdl
	$(CC) $(CFLAGS) $^ -o $@

bench: deps-test ## the power and speed figures, each beside its target
	$(MAKE) --no-print-directory attune build/bench build/least_sdl build/firstframe.so build/rel/startbench
	$(XRUN) build/rel/startbench ./attune build/least_sdl build/firstframe.so 7
	build/bench
	sh tests/wakeups.sh ./attune # the wakeups of a static screen over 20 s in a real X window

# --- the soak: random events, every check after every event, the figures
# printed (docs/robustness.md): the kiosk profile (SOAK_EVENTS) through the ASan+UBSan+LSan
# build (any error, any leak) and the plain one (with 1,000,000 events it fails when
# resident memory grows by 1 MiB or more from event 100,000 on; ASan's own memory would
# drown that), then the desktop profile with resizes (a fifth as many) under ASan.
SOAK_EVENTS ?= 1000000
SOAK_SEED ?= 2026
soak: deps-test ## SOAK_EVENTS random events (1,000,000) under the sanitizers
	$(MAKE) --no-print-directory attune build/asan/attune
	@mkdir -p build/soak
	build/asan/attune --headless --soak $(SOAK_EVENTS) --seed $(SOAK_SEED) --config tests/soak/kiosk.ini
	./attune --headless --soak $(SOAK_EVENTS) --seed $(SOAK_SEED) --config tests/soak/kiosk.ini
	build/asan/attune --headless --soak $$(( $(SOAK_EVENTS) / 5 )) --seed $(SOAK_SEED) --config tests/soak/desktop.ini

# --- the README's screenshots, from the tour ---------------------------------------------
SHOTS_WIDE = attract consent-1 home question-4 result-anxious-1 guidance-anxious-2 chemistry-3 calm-in idle couple-map-anxious-avoidant-1 handover-to-p2 couple-choice-p1 takeaway-anxious-1
SHOTS_TALL = home question-4 result-near-1 guidance-secure-2 couple-map-anxious-avoidant-1
SHOTS_LANG = ar-home ar-result-anxious-1 es-question-4
SHOTS_PRESENT = present-overview present-sample-map-5
SHOTS_LARGE = large-home large-question-4 large-result-anxious-1 large-guidance-anxious-2
screenshots: attune ## refresh docs/screenshots/ (the README's pictures) from the tour
	rm -rf build/shots && mkdir -p docs/screenshots
	./attune --tour --size 800x480 --shots build/shots/wide >/dev/null
	./attune --tour --size 720x1280 --shots build/shots/tall >/dev/null
	for s in $(SHOTS_WIDE); do cp build/shots/wide/$$s.png docs/screenshots/$$s.png; done
	for s in $(SHOTS_TALL); do cp build/shots/tall/$$s.png docs/screenshots/portrait-$$s.png; done
	./attune --tour --size 800x480 --config tests/languages/shipped.ini --shots build/shots/lang >/dev/null
	for s in $(SHOTS_LANG); do cp build/shots/lang/$$s.png docs/screenshots/$$s.png; done
	./attune --tour --size 1920x1080 --shots build/shots/present-1920x1080 >/dev/null
	./attune --tour --size 1280x720 --shots build/shots/present-1280x720 >/dev/null
	for z in 1920x1080 1280x720; do for s in $(SHOTS_PRESENT); do \
		cp build/shots/present-$$z/$$s.png docs/screenshots/$$s-$$z.png; done; done
	# larger text: the tour saves every shot; exit 1 (problems it still finds) is not a failure here
	./attune --tour --size 800x480 --large-text --shots build/shots/large-wide >/dev/null || [ $$? -eq 1 ]
	./attune --tour --size 720x1280 --large-text --shots build/shots/large-tall >/dev/null || [ $$? -eq 1 ]
	for s in $(SHOTS_LARGE); do cp build/shots/large-wide/$$s.png docs/screenshots/$$s.png; done
	for s in $(SHOTS_LARGE); do cp build/shots/large-tall/$$s.png docs/screenshots/portrait-$$s.png; done

# --- fuzzing (clang's libFuzzer): one target each for the config, the bundle and the
# script parser (tests/fuzz/fuzz_loaders.c), FUZZ_SECONDS each. The crashes they found are
# kept in tests/fuzz/regress/ and replayed (gcc, ASan+UBSan) by check-fuzz-regress.
FUZZ_TARGETS = config bundle script
FUZZ_DEF_config = -DFUZZ_CONFIG
FUZZ_DEF_bundle = -DFUZZ_BUNDLE
FUZZ_DEF_script = -DFUZZ_SCRIPT
build/fuzz/fuzz_%: tests/fuzz/fuzz_loaders.c $(CORE_SRC) ## one libFuzzer target: config, bundle or script
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined $(FUZZ_DEF_$*) $(DEFS) $(shell pkg-config --cflags fribidi) $^ -o $@ $(CORE_LIBS)

fuzz: ## libFuzzer on the config, the bundle and scripts, FUZZ_SECONDS each
	@sh platform/deps.sh fuzz
	$(MAKE) --no-print-directory $(foreach t,$(FUZZ_TARGETS),build/fuzz/fuzz_$(t))
	@set -e; for t in $(FUZZ_TARGETS); do sh tests/fuzz/run.sh $$t $(FUZZ_SECONDS); done

build/asan/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_loaders.c $(patsubst %.c,build/asan/%.o,$(CORE_SRC)) ## replays the fuzz crashes kept for one target
	$(CC) $(WARN) -O1 -g $(SAN) $(FUZZ_DEF_$*) $(DEFS) $^ -o $@ $(CORE_LIBS)

check-fuzz-regress: $(foreach t,$(FUZZ_TARGETS),build/asan/replay_$(t)) ## replay every crash the fuzzers found (tests/fuzz/regress/)
	@set -e; for t in $(FUZZ_TARGETS); do \
	  files=$$(ls tests/fuzz/regress/$$t-* 2>/dev/null || true); \
	  [ -z "$$files" ] || build/asan/replay_$$t $$files >/dev/null; \
	  echo "fuzz regressions, $$t: $$(echo $$files | wc -w) inputs replayed, no crash"; done

# --- install --------------------------------------------------------------------------
# The program looks for its content next to itself (../share/attune), so one build
# serves any PREFIX; DATADIR is only the last place it looks.
install: attune ## the app, content, configs and system files (PREFIX, DESTDIR)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/content/en $(DESTDIR)$(DATADIR)/config
	install -m 755 attune $(DESTDIR)$(BINDIR)/attune
	install -m 644 assets/content/en/*.ini $(DESTDIR)$(DATADIR)/content/en/
	install -m 644 assets/content/README.md $(DESTDIR)$(DATADIR)/content/
	install -m 644 config/*.ini $(DESTDIR)$(DATADIR)/config/

uninstall: ## remove what install put there, except the settings in /etc/attune
	rm -f $(DESTDIR)$(BINDIR)/attune
	rm -rf $(DESTDIR)$(DATADIR)

clean: ## remove build/ and ./attune
	rm -rf build attune

help: ## this list
	@sed -n 's/^\([^:[:space:]]*\):.*## /\1\t/p' Makefile platform/deploy.mk | \
	  sed 's/%/NAME/; s/^$$(XBUILD)/build\/ARCH/; s/^/  make /' | expand -t 34

include platform/deploy.mk

-include $(shell find build -name '*.d' -type f 2>/dev/null)
