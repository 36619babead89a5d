# Automake fragment, included from Makefile.am (after EXTRA_DIST is set).
