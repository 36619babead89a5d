# Start-up benchmark (doc/PERFORMANCE.md, "Startup").  Included from
# Makefile.am, after EXTRA_DIST is first set.
#
#   make bench        builds jail if it can, then times it against bare
#                     /bin/true, the floor probe, unshare and bwrap; as root
#                     also as uid 65534.  A jail that is not built is left
#                     out ("jail: not built"), not an error.
#
# The helpers are built by bench/startup itself, with $(CC), in
# bench/build; the tables go to bench/results.  Both are in the build tree
# and must stay out of the tarball and out of git.

EXTRA_DIST += \
	bench/bench.mk \
	bench/run \
	bench/summary \
	bench/startup \
	bench/startup.c \
	bench/floor.c \
	bench/true-static.c

# bench/startup is a script that sits next to bench/startup.c.  Without a
# rule of its own, make's built-in `%: %.c` compiles the driver over the
# script as soon as anything depends on it (distdir does, through
# EXTRA_DIST): this empty rule stops the implicit-rule search.
bench/startup: ;

.PHONY: bench bench-clean
bench:
	-$(MAKE) $(AM_MAKEFLAGS) src/jail$(EXEEXT)
	JAIL='$(abs_top_builddir)/src/jail$(EXEEXT)' \
	BENCH_BUILDDIR='$(abs_top_builddir)/bench/build' \
	BENCH_RESULTS='$(abs_top_builddir)/bench/results' \
	CC='$(CC)' $(SHELL) '$(abs_top_srcdir)/bench/startup'

bench-clean:
	-rm -rf bench/build bench/results
