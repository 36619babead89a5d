# tests/fuzz/fuzz.mk — libFuzzer harnesses (included from Makefile.am,
# after EXTRA_DIST is set).
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_HARNESSES="profile elf rule"]
#
# builds each harness tests/fuzz/fuzz-NAME.c with clang, libFuzzer, ASan
# and UBSan — directly from the core sources, not through libtool, whose
# objects are not instrumented — into $(builddir)/tests/fuzz/, and runs it
# for FUZZ_SECONDS on a copy of tests/fuzz/corpus/NAME (the copy grows; the
# seeds in the tree do not).  Crashing inputs are kept as
# tests/fuzz/crashes/NAME-crash-* in the build dir.  A harness whose source
# is absent is skipped; any crash makes the target fail, after every
# harness has run.

FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_HARNESSES = profile elf rule
FUZZ_FLAGS = -g -O1 -std=gnu11 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	$(DEFS) $(AM_CPPFLAGS) $(CPPFLAGS) $(SECCOMP_CFLAGS) $(CAPNG_CFLAGS)
FUZZ_LIBS = $(SECCOMP_LIBS) $(CAPNG_LIBS)
# Every core source: the harnesses reach most of them through the parsers.
FUZZ_SRCS = $(filter %.c,$(src_libjailcore_la_SOURCES))

fuzz:
	@mkdir -p tests/fuzz/crashes tests/fuzz/work; \
	failed=; \
	for h in $(FUZZ_HARNESSES); do \
		src=$(top_srcdir)/tests/fuzz/fuzz-$$h.c; \
		if [ ! -f "$$src" ]; then echo "fuzz: no $$src, skipped"; continue; fi; \
		echo "fuzz: building fuzz-$$h"; \
		$(FUZZ_CC) $(FUZZ_FLAGS) -o tests/fuzz/fuzz-$$h "$$src" \
			$(addprefix $(top_srcdir)/,$(FUZZ_SRCS)) $(FUZZ_LIBS) || { failed="$$failed $$h(build)"; continue; }; \
		rm -rf tests/fuzz/work/$$h; mkdir -p tests/fuzz/work/$$h; \
		if [ -d $(top_srcdir)/tests/fuzz/corpus/$$h ]; then \
			cp $(top_srcdir)/tests/fuzz/corpus/$$h/* tests/fuzz/work/$$h/; \
			chmod -R u+w tests/fuzz/work/$$h; \
		fi; \
		echo "fuzz: running fuzz-$$h for $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		./tests/fuzz/fuzz-$$h -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-print_final_stats=1 -artifact_prefix=tests/fuzz/crashes/$$h- \
			tests/fuzz/work/$$h >tests/fuzz/fuzz-$$h.log 2>&1 \
			|| failed="$$failed $$h"; \
		grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' tests/fuzz/fuzz-$$h.log | sed "s/^/fuzz-$$h: /"; \
	done; \
	if [ -n "$$failed" ]; then \
		echo "fuzz: FAILED:$$failed (see tests/fuzz/fuzz-NAME.log and tests/fuzz/crashes/)"; exit 1; \
	fi; \
	echo "fuzz: no crash"

.PHONY: fuzz

# Not hooked into clean-local (another fragment owns that): run by hand.
# Crashing inputs stay: they are reproducers.
clean-fuzz:
	rm -rf tests/fuzz/work tests/fuzz/fuzz-profile tests/fuzz/fuzz-elf \
		tests/fuzz/fuzz-rule tests/fuzz/*.log
.PHONY: clean-fuzz

EXTRA_DIST += tests/fuzz/fuzz-profile.c tests/fuzz/fuzz-elf.c tests/fuzz/fuzz-rule.c \
	tests/fuzz/corpus
