# Syscall-overhead and learning benchmarks (doc/PERFORMANCE.md, "Syscall
# overhead" and "Learning").  Included from Makefile.am, after
# EXTRA_DIST is first set.
#
#   make bench-syscall  ns per getppid (cacheable) and per fcntl(F_GETFD)
#                       (checked by an argument rule): bare, under jail
#                       (baseline alone; baseline + a 150-syscall
#                       allowlist) and under bwrap --seccomp loading
#                       jail's exported BPF.  About 100 s.
#   make bench-learn    find /usr -type f: bare, under jail --system,
#                       jail --system --learn, strace -f.  About 60 s.
#
# Both need a built jail (they build it first) and are best run as root:
# bench-syscall's --rt needs CAP_SYS_NICE, and as another user find
# meets more unreadable directories.  The driver is built in bench/build,
# the tables go to bench/results (bench-clean removes both).

EXTRA_DIST += bench/interleave.py \
	bench/bench-more.mk \
	bench/syscall \
	bench/syscall.c \
	bench/learn

# bench/syscall is a script next to bench/syscall.c: without a rule of its
# own, make's built-in `%: %.c` would compile the driver over the script
# as soon as anything depends on it (distdir does, through EXTRA_DIST).
bench/syscall: ;
bench/learn: ;

.PHONY: bench-syscall bench-learn
bench-syscall:
	$(MAKE) $(AM_MAKEFLAGS) src/jail$(EXEEXT)
	JAIL='$(abs_top_builddir)/src/jail$(EXEEXT)' \
	BENCH_BUILDDIR='$(abs_top_builddir)/bench/build' \
	BENCH_RESULTS='$(abs_top_builddir)/bench/results' \
	CC='$(CC)' $(SHELL) '$(abs_top_srcdir)/bench/syscall' \
		--rt -o '$(abs_top_builddir)/bench/results/syscall.md'

bench-learn:
	$(MAKE) $(AM_MAKEFLAGS) src/jail$(EXEEXT)
	JAIL='$(abs_top_builddir)/src/jail$(EXEEXT)' \
	BENCH_RESULTS='$(abs_top_builddir)/bench/results' \
	$(SHELL) '$(abs_top_srcdir)/bench/learn'
