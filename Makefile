# pg-tools: GNU make. `make` builds bin/pg-*; `make check` runs the suite;
# `make check-asan` runs it again under ASan+UBSan in build/asan.
# Local overrides go in config.mak (not tracked).

CC      ?= cc
CFLAGS  ?= -O2 -g
LDFLAGS ?=
BUILD   ?= .
PREFIX  ?= /usr/local
MANDIR  ?= $(PREFIX)/share/man
COMPDIR ?= $(PREFIX)/share/bash-completion/completions
DESTDIR ?=

PKGS     := gumbo libpcre2-8 libzip expat poppler-glib cairo
# Debian packages the test suite needs beyond the build's (tools/deps.sh):
# mandoc lints the manuals, locales provides de_DE for the locale test,
# GNU time measures peak memory in the hostile-input tests; sqlite3,
# python3-pandas and miller load --format csv output and run the README's
# recipes.
TEST_PKGS := mandoc locales cmark-gfm time sqlite3 python3-pandas miller
# ... and the benchmark's (bench/run.sh, bench/office.sh, bench/pdf.sh):
# hyperfine, mawk, GNU time, xlsx2csv, pdftotext (the PDF floor).
BENCH_PKGS := hyperfine mawk time xlsx2csv poppler-utils
WARN     := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS += -D_GNU_SOURCE -Ilib $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# poppler-glib, cairo and their GLib are not linked: lib/pdf.c loads them
# with dlopen when the first PDF is read (README.md, "Dependencies"), by
# the sonames read here from the installed .so files (the fallbacks are
# Debian 12's).
LINK_PKGS := gumbo libpcre2-8 libzip expat
LDLIBS   += $(shell pkg-config --libs $(LINK_PKGS) 2>/dev/null || echo -lgumbo -lpcre2-8 -lzip -lexpat) -lcsv -lm -ldl
# soname PKG LIB FALLBACK: the SONAME of LIB (libfoo.so) in PKG's libdir
soname = $(or $(shell objdump -p "$$(pkg-config --variable=libdir $(1) 2>/dev/null)/$(2)" 2>/dev/null | awk '$$1 == "SONAME" { print $$2 }'),$(3))
PDF_SONAMES := -DPDF_SONAME_POPPLER='"$(call soname,poppler-glib,libpoppler-glib.so,libpoppler-glib.so.8)"' \
	-DPDF_SONAME_CAIRO='"$(call soname,cairo,libcairo.so,libcairo.so.2)"' \
	-DPDF_SONAME_GOBJECT='"$(call soname,gobject-2.0,libgobject-2.0.so,libgobject-2.0.so.0)"' \
	-DPDF_SONAME_GLIB='"$(call soname,glib-2.0,libglib-2.0.so,libglib-2.0.so.0)"'

-include config.mak

LIB_SRC  := $(sort $(wildcard lib/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB_A    := $(BUILD)/lib/libpg.a
PROG_SRC := $(sort $(wildcard bin/pg-*.c))
PROGS    := $(PROG_SRC:%.c=$(BUILD)/%)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNITS    := $(UNIT_SRC:%.c=$(BUILD)/%)
HDRS     := $(wildcard lib/*.h) tests/unit/t.h
# Manuals: section 1 for the programs that are built, section 5 all.
MAN1     := $(filter $(wildcard man/*.1),$(PROG_SRC:bin/%.c=man/%.1))
MAN5     := $(wildcard man/*.5)

.PHONY: bench-office tools all check check-asan check-valgrind clean install uninstall deps deps-quiet demo demo-run test bench fuzz fuzz-build format
all: $(PROGS)

$(BUILD)/lib/pdf.o: CPPFLAGS += $(PDF_SONAMES)
$(BUILD)/lib/%.o: lib/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

$(LIB_A): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/bin/pg-%: bin/pg-%.c $(LIB_A) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_A) $(LDLIBS)

$(BUILD)/tests/unit/%: tests/unit/%.c $(LIB_A) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_A) $(LDLIBS)

# Tools under bench/ (corpus generator, floors): one .c each, linked like a program.
TOOL_SRC := $(sort $(wildcard bench/*.c))
TOOLS    := $(TOOL_SRC:%.c=$(BUILD)/%)
tools: $(TOOLS)
$(BUILD)/bench/%: bench/%.c $(LIB_A) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_A) $(LDLIBS)

# The benchmark (bench/README.md): BENCH_N documents, not part of check.
BENCH_N ?= 10000
bench: $(PROGS) $(TOOLS)
	@PG_EXTRA_PKGS="$(BENCH_PKGS)" tools/deps.sh
	BUILD=$(BUILD) BENCH_N=$(BENCH_N) bench/run.sh
	BUILD=$(BUILD) bench/pdf.sh
	BUILD=$(BUILD) bench/office.sh

# Only the XLSX reader against xlsx2csv and its floor (bench/office.sh).
bench-office: $(PROGS) $(TOOLS)
	@PG_EXTRA_PKGS="$(BENCH_PKGS)" tools/deps.sh
	BUILD=$(BUILD) bench/office.sh

check: $(PROGS) $(UNITS) $(TOOLS)
	BUILD=$(BUILD) tests/run.sh

ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check-asan:
	$(MAKE) BUILD=build/asan CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" check

# Fuzzing (clang, libFuzzer; not part of `make check`): `make fuzz` builds
# fuzz/fuzz_*.c into build/fuzz and runs each for FUZZ_TIME seconds over a
# corpus in build/fuzz/corpus/NAME, seeded from fixtures/, with -timeout=2
# -rss_limit_mb=256 (a slow or fat input is a finding) and the dictionary of
# HTML and form tokens fuzz/pg.dict. Crashes are saved as
# build/fuzz/crash-NAME-*; keep each as a regression case under fixtures/hostile.
FUZZ_CC    ?= clang
FUZZ_TIME  ?= 60
FUZZ_SAN   := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_NAMES := $(patsubst fuzz/%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))
FUZZ_SEEDS := fixtures/seed fixtures/project fixtures/hostile fixtures/spec fixtures/sum fixtures/office fixtures/pdf fixtures/real
FUZZ_OPTS  ?= -timeout=2 -rss_limit_mb=256 -dict=fuzz/pg.dict
fuzz-build:
	$(MAKE) BUILD=build/fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
		$(FUZZ_NAMES:%=build/fuzz/fuzz/%)
$(BUILD)/fuzz/%: fuzz/%.c $(LIB_A) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< $(LIB_A) $(LDLIBS)
# ASan's quarantine (256 MB by default) would count against -rss_limit_mb:
# it is kept small, so an out-of-memory report is the input's. Every target
# runs; the status is 1 when any found something.
FUZZ_ASAN ?= quarantine_size_mb=16
fuzz: fuzz-build
	st=0; for t in $(FUZZ_NAMES); do mkdir -p build/fuzz/corpus/$$t; \
		ASAN_OPTIONS=$(FUZZ_ASAN) LSAN_OPTIONS=suppressions=tests/lsan.supp:print_suppressions=0 build/fuzz/fuzz/$$t -max_total_time=$(FUZZ_TIME) $(FUZZ_OPTS) \
		-artifact_prefix=build/fuzz/crash-$$t- build/fuzz/corpus/$$t $(FUZZ_SEEDS) || st=1; \
	done; exit $$st

check-valgrind: $(PROGS) $(UNITS)
	BUILD=$(BUILD) VALGRIND=1 tests/run.sh

deps:
	PG_EXTRA_PKGS="$(TEST_PKGS)" tools/deps.sh

demo: deps-quiet
	@$(MAKE) --no-print-directory -s all
	@$(MAKE) --no-print-directory -s demo-run

deps-quiet:
	@tools/deps.sh

demo-run: $(PROGS)
	$(BUILD)/bin/pg-extract fixtures/seed/000_d5b089058c1ce7ac.txt | $(BUILD)/bin/pg-normalize

# install copies the programs and manuals; uninstall removes exactly those
# files and leaves the directories (they may be shared: /usr/local/bin).
install: $(PROGS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(COMPDIR)
	install -m 755 $(PROGS) $(DESTDIR)$(PREFIX)/bin/
	for p in $(notdir $(PROGS)); do install -m 644 completion/pg-tools.bash $(DESTDIR)$(COMPDIR)/$$p; done
	$(if $(MAN1),install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/)
	$(if $(MAN5),install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/)

uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/bin/,$(notdir $(PROGS)))
	rm -f $(addprefix $(DESTDIR)$(COMPDIR)/,$(notdir $(PROGS)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5)))

format:
	clang-format -i lib/*.c lib/*.h bin/*.c tests/unit/*.c tests/unit/*.h bench/*.c fuzz/*.c

clean:
	rm -f lib/*.o lib/libpg.a $(PROGS) $(UNITS) $(TOOLS)
	rm -rf build

# The README's commands: `make demo` (pipeline on the bundled seed) and
# `make test` (plain suite, then the ASan+UBSan suite; one total line).
test:
	@PG_EXTRA_PKGS="$(TEST_PKGS)" tools/deps.sh
	@tools/test-all.sh
