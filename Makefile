# Makefile — build, run, test and install Attune. Read in a minute; `make help` lists targets.
#
#   make            build ./attune            make run     install deps, build, run (desktop)
#   make test       install deps, build, run every test (plain and under ASan+UBSan)
#   make bench      the power and speed figures (issue 3), each with its target
#   make fuzz       libFuzzer over the loaders (FUZZ_SECONDS each)
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

PKGS      = sdl2 SDL2_ttf SDL2_image inih fontconfig
# Recursive (=) so that pkg-config runs after `deps` has installed what it needs.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
CORE_LIBS  = $(shell pkg-config --libs inih) -lm
TEST_LIBS  = $(shell pkg-config --libs cmocka)
DEFS       = -DATTUNE_VERSION='"$(VERSION)"' -DATTUNE_DATADIR='"$(DATADIR)"'

CORE_SRC  = $(sort $(wildcard app/core/*.c))
UI_SRC    = $(sort $(wildcard app/ui/*.c))
APP_SRC   = app/main.c $(UI_SRC)
TESTS     = $(patsubst tests/%.c,%,$(sort $(wildcard tests/test_*.c)))

.SECONDARY:
.PHONY: all run test check-unit check-cli bench deps deps-test fuzz install uninstall clean help screenshots
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

build/rel/test_%: build/rel/tests/test_%.o $(patsubst %.c,build/rel/%.o,$(CORE_SRC))
	$(CC) $(CFLAGS) $^ -o $@ $(CORE_LIBS) $(TEST_LIBS)
build/asan/test_%: build/asan/tests/test_%.o $(patsubst %.c,build/asan/%.o,$(CORE_SRC))
	$(CC) $(SAN) $^ -o $@ $(CORE_LIBS) $(TEST_LIBS)
build/asan/attune: $(patsubst %.c,build/asan/%.o,$(CORE_SRC) $(APP_SRC))
	$(CC) $(SAN) $^ -o $@ $(PKG_LIBS) -lm

test: deps-test
	$(MAKE) --no-print-directory check-unit check-cli

check-unit: $(foreach t,$(TESTS),build/rel/$(t) build/asan/$(t))
	@set -e; for t in $(TESTS); do \
	  echo "== $$t"; build/rel/$$t; \
	  echo "== $$t (ASan+UBSan)"; build/asan/$$t; done

TOUR_SIZES = 800x480 1024x600 1280x800 1920x1080 720x1280 1080x1920

check-cli: attune build/asan/attune
	@sh tests/cli.sh build/asan/attune
	@sh tests/broken.sh build/asan/attune
	@sh tests/install.sh
	@sh tests/scripts.sh build/asan/attune
	@sh tests/tour.sh build/asan/attune $(TOUR_SIZES)

# --- the benchmark: prints each figure with its target and PASS or MISS; exits 0 either
# way (it reports, it is not a test). It links the app without main.o and wraps two of
# its functions to watch them (see tests/bench.c).
BENCH_WRAP = -Wl,--wrap=shell_frame,--wrap=render_frame
build/bench: build/rel/tests/bench.o $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(UI_SRC))
	$(CC) $(CFLAGS) $^ -o $@ $(BENCH_WRAP) $(PKG_LIBS) -lm

bench: deps-test
	$(MAKE) --no-print-directory build/bench
	build/bench

# --- the README's screenshots, from the tour ---------------------------------------------
SHOTS_WIDE = attract consent-1 home question-4 result-anxious-1 guidance-anxious-7 chemistry-3 calm-in idle
SHOTS_TALL = home question-4 result-near-1 guidance-secure-2
screenshots: attune
	rm -rf build/shots && mkdir -p docs/screenshots
	./attune --tour --size 800x480 --shots build/shots/wide >/dev/null
	./attune --tour --size 720x1280 --shots build/shots/tall >/dev/null
	for s in $(SHOTS_WIDE); do cp build/shots/wide/$$s.png docs/screenshots/$$s.png; done
	for s in $(SHOTS_TALL); do cp build/shots/tall/$$s.png docs/screenshots/portrait-$$s.png; done

# --- fuzzing (clang's libFuzzer) ------------------------------------------------------
build/fuzz/fuzz_loaders: tests/fuzz/fuzz_loaders.c $(CORE_SRC)
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined $(DEFS) $^ -o $@ $(CORE_LIBS)

fuzz:
	@sh platform/deps.sh fuzz
	$(MAKE) --no-print-directory build/fuzz/fuzz_loaders
	sh tests/fuzz/run.sh build/fuzz/fuzz_loaders $(FUZZ_SECONDS)

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

-include $(shell find build -name '*.d' 2>/dev/null)
