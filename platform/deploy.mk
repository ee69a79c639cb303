# platform/deploy.mk — deployment, included by the Makefile (whose variables it uses): the
# system files of `make install`, the Debian package, and the arm64 cross-build for 64-bit
# Raspberry Pi OS, tested under qemu-user. The set-up of a Pi, step by step:
# platform/rpi/README.md.
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
# The cross build is for the Pi: PLATFORM (see the Makefile) rpi.
CROSS_PLATFORM ?= rpi
XBUILD    = build/$(ARCH)
XCC       = $(TRIPLET)-gcc
XPKG      = PKG_CONFIG_LIBDIR=/usr/lib/$(TRIPLET)/pkgconfig:/usr/share/pkgconfig pkg-config
# libunibreak's arm64 files are unpacked into build/ARCH-root by deps.sh (its Debian
# package is not multi-arch); the rpath lets the binaries find it under qemu-user.
XROOT        = $(CURDIR)/build/$(ARCH)-root/usr
X_UNIBREAK   = -L$(XROOT)/lib -Wl,-rpath,$(XROOT)/lib -lunibreak
X_PKG_CFLAGS = $(shell $(XPKG) --cflags $(filter-out libunibreak,$(PKGS))) -I$(XROOT)/include
X_PKG_LIBS   = $(shell $(XPKG) --libs $(filter-out libunibreak,$(PKGS))) $(X_UNIBREAK)
X_CORE_LIBS  = $(shell $(XPKG) --libs inih fribidi libqrencode) $(X_UNIBREAK) -lm
X_TEST_LIBS  = $(shell $(XPKG) --libs cmocka)
# How to run an arm64 program here: qemu-user, unless this machine is arm64 itself.
QEMU      = $(if $(filter arm64,$(NATIVE_ARCH)),,$(shell command -v qemu-aarch64 || command -v qemu-aarch64-static))

.PHONY: install-system uninstall-system cross test-arm64 check-arm64 deb

# The unit and the configs name /usr/bin and /usr/share/attune, the package's paths:
# installed elsewhere, they are rewritten for PREFIX. A config already in CONFDIR is the
# practice's own (its PIN): it is kept, and the new default goes beside it as NAME.new.
install: install-system
install-system: ## install's system files: /etc/attune, the unit, the udev rule
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
	install -d $(DESTDIR)$(DATADIR)
	install -m 644 platform/rpi/boot-README.txt $(DESTDIR)$(DATADIR)/boot-README.txt

uninstall: uninstall-system
uninstall-system: ## remove the unit, the rule and the docs, keep /etc/attune
	rm -f $(DESTDIR)$(UNITDIR)/attune.service $(DESTDIR)$(UDEVDIR)/70-attune-backlight.rules
	rm -rf $(DESTDIR)$(DOCDIR)
	@echo "uninstall: kept $(DESTDIR)$(CONFDIR) (your settings)"

# The watchdog's test reaches into platform/: it links its object, and libsystemd.
$(XBUILD)/test_watchdog: $(XBUILD)/platform/watchdog.o
$(XBUILD)/test_watchdog: X_TEST_LIBS += $(shell $(XPKG) --libs libsystemd)

# The cross build: the same sources and flags, objects in build/ARCH/.
$(XBUILD)/%.o: %.c ## one cross-built object file
	@mkdir -p $(dir $@)
	$(XCC) $(WARN) $(CFLAGS) $(X_PKG_CFLAGS) $(DEFS) -MMD -MP -c $< -o $@
$(XBUILD)/attune: $(patsubst %.c,$(XBUILD)/%.o,$(CORE_SRC) $(APP_SRC)) ## the cross-built app (ARCH=arm64: build/arm64/attune)
	$(XCC) $(CFLAGS) $^ -o $@ $(X_PKG_LIBS) -lm
$(XBUILD)/test_%: $(XBUILD)/tests/test_%.o $(patsubst %.c,$(XBUILD)/%.o,$(or $(PURE_SRC),$(CORE_SRC))) ## one cross-built unit test
	$(XCC) $(CFLAGS) $^ -o $@ $(X_CORE_LIBS) $(X_TEST_LIBS)

cross: ## install the cross tool-chain and build the app for ARCH (arm64)
	@test -n "$(TRIPLET)" || { echo "cross: no cross-compiler known for ARCH=$(ARCH) (try ARCH=arm64)"; exit 2; }
	@sh platform/deps.sh $(ARCH)
	$(MAKE) --no-print-directory ARCH=$(ARCH) PLATFORM=$(CROSS_PLATFORM) $(XBUILD)/attune

# The arm64 build's unit tests, tour and journey under qemu-user; its screenshots are
# compared with the native build's, within a few levels per channel (tests/arm64.sh).
test-arm64: ## the arm64 build's tests, tour and a journey under qemu-user
	@sh platform/deps.sh arm64
	$(MAKE) --no-print-directory attune build/rel/imgdiff
	$(MAKE) --no-print-directory ARCH=arm64 PLATFORM=$(CROSS_PLATFORM) check-arm64
check-arm64: $(foreach t,$(TESTS),$(XBUILD)/$(t)) $(XBUILD)/attune ## test-arm64 without the set-up (ARCH=arm64)
	@sh tests/arm64.sh "$(QEMU)" $(XBUILD) ./attune build/rel/imgdiff
build/rel/imgdiff: build/rel/tests/imgdiff.o ## compares two screenshots within a tolerance
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
deb: ## the Debian package build/attune_VERSION_ARCH.deb (ARCH=arm64 for the Pi)
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
