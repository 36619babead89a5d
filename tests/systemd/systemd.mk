# tests/systemd/systemd.mk - included from Makefile.am (after EXTRA_DIST =).
#
# make check-systemd: boot a real systemd (Debian bookworm under
# systemd-nspawn) and run jail as an ExecStart= prefix of real units.
# Needs root; builds the image once into $(JAIL_TEST_CACHE) (default
# /var/cache/jail-test, outside the tree); prints "1..0 # SKIP reason" and
# succeeds where the host cannot run it.  Extra arguments: e.g.
#   make check-systemd SYSTEMD_CHECK_FLAGS='--only "2 4" --keep'
SYSTEMD_CHECK_FLAGS =

check-systemd: all
	bash $(top_srcdir)/tests/systemd/run \
		--srcdir '$(abs_top_srcdir)' --builddir '$(abs_top_builddir)' \
		$(SYSTEMD_CHECK_FLAGS)

.PHONY: check-systemd

EXTRA_DIST += \
	tests/systemd/run \
	tests/systemd/driver \
	tests/systemd/record \
	tests/systemd/sd-helper.c \
	tests/systemd/systemd.mk \
	tests/systemd/units
# contrib/systemd/ ships with contrib/, already in EXTRA_DIST.
