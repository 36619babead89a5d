# Stage-main, throughput and scale benchmarks (doc/PERFORMANCE.md, "Stage
# main, throughput and scale").  Included from Makefile.am, after
# EXTRA_DIST is first set.
#
#   make bench-more   myos under jail --stage exec, jail --stage main, the
#                     preload library alone and bare; gzip of 200 MB and
#                     cat of 20,000 files, bare, jail and bwrap; 200 and
#                     1000 jails at once, memory per running jail.  About
#                     4 minutes; best as root (it drops the dentry and
#                     inode caches before the memory figure).
#
# Needs a built jail, the preload library and tests/helpers/myos (built
# first); the table goes to bench/results/more.md (bench-clean removes it).

EXTRA_DIST += bench/more bench/more.mk

.PHONY: bench-more
bench-more:
	$(MAKE) $(AM_MAKEFLAGS) src/jail$(EXEEXT) src/libjail-preload.la \
		tests/helpers/myos$(EXEEXT)
	JAIL='$(abs_top_builddir)/src/jail$(EXEEXT)' \
	PRELOAD='$(abs_top_builddir)/src/.libs/libjail-preload.so' \
	MYOS='$(abs_top_builddir)/tests/helpers/myos$(EXEEXT)' \
	BENCH_RESULTS='$(abs_top_builddir)/bench/results' \
	$(SHELL) '$(abs_top_srcdir)/bench/more'
