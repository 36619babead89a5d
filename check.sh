#!/bin/sh
# Second command of the README: every test, as root and unprivileged (the
# integration tests run both), then again under ASan and UBSan.
set -eu
cd "$(dirname "$0")"
jobs=$(nproc)

make -j"$jobs" check || { cat test-suite.log 2>/dev/null | tail -100; exit 1; }

# The same suite, built with the sanitizers, out of tree.
rm -rf build-san
mkdir build-san
(cd build-san && ../configure --enable-sanitizers --enable-werror >/dev/null &&
	make -j"$jobs" >/dev/null &&
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 make -j"$jobs" check) ||
	{ tail -100 build-san/test-suite.log 2>/dev/null; exit 1; }
echo "check: all tests passed, plain and with sanitizers"
