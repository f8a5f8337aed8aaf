# lode's top-level Makefile: configures on first use, builds with gyp's
# make files under out/, runs the tests.
#   make -j2          build out/Release/lode
#   make test         build, then run every test (ours and the C++ ones)
#   make test-asan    our tests under ASan/UBSan (./configure --enable-asan)
#   make bench        run benchmark/ (lode against node)
#   make clean        remove the build (keeps the downloaded packages)
#   make install PREFIX=/opt/lode
#                     bin/lode (with its copy of libnode) and include/node
#                     (the headers Node-API addons build against)

PYTHON ?= python3
-include config.mk
BUILDTYPE ?= Release
JOBS ?= $(shell nproc)

# ccache when present: a rebuild after a clean is then mostly cache hits.
ifneq ($(shell command -v ccache),)
CC := ccache gcc
CXX := ccache g++
endif
export CC CXX

LIB_DIRS := $(shell find lib -type d)
CCTEST_DIR := test/cctest

.PHONY: all lode cctest test test-js test-asan test-no-snapshot test-npm test-npm-http test-npm-esm test-npm-native bench \
	install install-headers clean distclean

all: lode

config.gypi config.mk:
	$(PYTHON) configure.py

# gyp bakes the lists of lib/ files and sources into out/Makefile: regenerate
# it when a file is added or removed (a directory's mtime changes then).
out/Makefile: node.gyp common.gypi deps/llhttp/llhttp.gyp config.gypi $(LIB_DIRS) src $(CCTEST_DIR)
	$(PYTHON) configure.py --gyp-only

lode: out/Makefile
	$(MAKE) -C out BUILDTYPE=$(BUILDTYPE) lode
	@ln -sf $(BUILDTYPE)/lode out/lode

cctest: out/Makefile
	$(MAKE) -C out BUILDTYPE=$(BUILDTYPE) cctest

test: lode cctest
	$(PYTHON) tools/test.py --binary out/$(BUILDTYPE)/lode \
	  --cctest out/$(BUILDTYPE)/cctest -j $(JOBS)

# The same tests with the bootstrap run from the sources instead of the
# startup snapshot: both paths must behave alike.
test-no-snapshot: lode
	@printf '#!/bin/sh\nexec "%s" --no-node-snapshot "$$@"\n' \
	  "$(CURDIR)/out/$(BUILDTYPE)/lode" > out/lode-no-snapshot
	@chmod +x out/lode-no-snapshot
	$(PYTHON) tools/test.py --binary out/lode-no-snapshot -j $(JOBS)

test-js: lode
	$(PYTHON) tools/test.py --binary out/$(BUILDTYPE)/lode -j $(JOBS)

# Our tests under AddressSanitizer and UBSan, in a tree configured with
# `./configure --enable-asan` (a build of its own: use a second checkout).
# A report fails the test: ASan aborts, UBSan halts. LEAKS=1 adds
# LeakSanitizer's check at exit (objects that other bindings leave at
# exit still fail it). The smaller quarantine keeps memory-bound tests
# meaningful. TESTS='test/parallel/test-napi-*.js' runs only those.
LEAKS ?= 0
ASAN_TEST_OPTIONS := quarantine_size_mb=16:detect_leaks=$(LEAKS)
ifeq ($(LODE_ASAN),1)
test-asan: lode
	ASAN_OPTIONS=$(ASAN_TEST_OPTIONS) \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(PYTHON) tools/test.py --binary out/$(BUILDTYPE)/lode -j $(JOBS) \
	  --timeout 300 $(TESTS)
else
test-asan:
	@echo 'make test-asan: not an ASan build; run ./configure --enable-asan'
	@exit 1
endif

# Real npm packages (lodash, semver, commander, chalk, yargs) against the
# output Node 24 gives; needs the npm registry.
test-npm: lode
	bash test/npm/run.sh

# express and fastify hello-world apps (pinned in test/npm-http/package.json)
# and an express app keeping a request id in AsyncLocalStorage, served by
# lode, must answer check.py's requests as under Node 24 (status, headers
# but Date, bodies); needs the npm registry.
test-npm-http: lode
	bash test/npm-http/run.sh

# ESM-only chalk 5, nanoid 5 and execa 9 imported and require()d, and the dual
# uuid 11 and date-fns 4 (import and require entries differ) under lode must
# print what Node 24 prints (test/npm-esm/expected.txt); needs the npm registry.
test-npm-esm: lode
	bash test/npm-esm/run.sh

# rollup, @swc/core, lightningcss and sharp (pinned in
# test/npm-native/package.json; Node-API addons prebuilt on npm) must print
# under lode what they print under Node 24; needs the npm registry.
test-npm-native: lode
	bash test/npm-native/run.sh

bench: lode
	$(PYTHON) benchmark/run.py --binary out/$(BUILDTYPE)/lode

PREFIX ?= /usr/local

# bin/lode finds libnode through its run path ($ORIGIN/../v8/lib).
install: lode install-headers
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/v8/lib
	install -m 755 out/$(BUILDTYPE)/lode $(DESTDIR)$(PREFIX)/bin/lode
	cp -P out/v8/lib/libnode.so* $(DESTDIR)$(PREFIX)/v8/lib/

# include/node: Node-API and libuv headers, and what node-gyp --nodedir
# reads.
install-headers:
	$(PYTHON) tools/install-headers.py --prefix $(DESTDIR)$(PREFIX)

clean:
	rm -rf out/Release out/Debug out/Makefile out/*.target.mk out/deps/llhttp/*.mk

distclean:
	rm -rf out config.gypi config.mk
