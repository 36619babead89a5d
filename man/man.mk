# Automake fragment, included from Makefile.am (after EXTRA_DIST is set).
#
# The manual pages.  Their option, directive and group lists are generated
# at build time by man/mkman, which walks option_table[] and sys_groups[]
# of the jail core, so the pages cannot drift from the program; the prose
# around the lists is in the *.in templates and man/options.mdoc.  The
# pages are built into the build directory (VPATH builds, distcheck) and
# are not distributed: the tarball carries the templates and the generator.
# Regenerating them runs a program built here, so a cross build needs an
# emulator or must build the pages on the build machine.

# check_PROGRAMS because it is the one program list Makefile.am already
# sets; the page rules below build mkman on demand for `make all' too.
check_PROGRAMS += man/mkman
man_mkman_SOURCES = man/mkman.c
man_mkman_LDADD = src/libjailcore.la

man_MANS = man/jail.1 man/jail.profile.5 man/libjail-preload.8
man_templates = man/jail.1.in man/jail.profile.5.in man/libjail-preload.8.in
clean-local: clean-man-pages
clean-man-pages:
	rm -f $(man_MANS) man/*.tmp man/*.tmp2

# What configure knows and the pages name: paths, the version.
man_subst = sed \
	-e 's|@PACKAGE_VERSION[@]|$(PACKAGE_VERSION)|g' \
	-e 's|@sysconfdir[@]|$(sysconfdir)|g' \
	-e 's|@pkgdatadir[@]|$(pkgdatadir)|g' \
	-e 's|@pkglibdir[@]|$(pkglibdir)|g'

# Two steps, so that a failing mkman fails the rule (a pipe would hide it).
man_generate = $(MKDIR_P) man && \
	man/mkman$(EXEEXT) $(srcdir)/$@.in $(srcdir)/man/options.mdoc > $@.tmp && \
	$(man_subst) < $@.tmp > $@.tmp2 && rm -f $@.tmp && mv -f $@.tmp2 $@

man/jail.1: man/jail.1.in man/options.mdoc man/mkman$(EXEEXT) Makefile
	$(AM_V_GEN)$(man_generate)
man/jail.profile.5: man/jail.profile.5.in man/options.mdoc man/mkman$(EXEEXT) Makefile
	$(AM_V_GEN)$(man_generate)
man/libjail-preload.8: man/libjail-preload.8.in man/mkman$(EXEEXT) Makefile
	$(AM_V_GEN)$(man_generate)

# Shell completion: bash-completion loads completions/NAME for command NAME,
# so the file is installed under the command's name.  (contrib/ is in
# EXTRA_DIST already.)
bashcompletiondir = $(datadir)/bash-completion/completions
install-data-local: install-jail-completion
uninstall-local: uninstall-jail-completion
install-jail-completion:
	$(MKDIR_P) '$(DESTDIR)$(bashcompletiondir)'
	$(INSTALL_DATA) $(srcdir)/contrib/completion/jail.bash '$(DESTDIR)$(bashcompletiondir)/jail'
uninstall-jail-completion:
	rm -f '$(DESTDIR)$(bashcompletiondir)/jail'
.PHONY: install-jail-completion uninstall-jail-completion clean-man-pages

man_tests = \
	tests/man/lint.sh \
	tests/man/options.sh \
	tests/man/completion.sh \
	tests/man/oci.sh
TESTS += $(man_tests)
EXTRA_DIST += $(man_templates) man/options.mdoc tests/man/common.sh $(man_tests)
