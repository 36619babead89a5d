#!/bin/sh
# Second command of the README: every test, as root and unprivileged (the
# integration tests run both); the release tarball built and tested again
# out of tree under ASan and UBSan (make distcheck); jail as an ExecStart=
# prefix under a real systemd (make check-systemd, in a container); and
# each libFuzzer harness for a minute (make fuzz).
set -eu
cd "$(dirname "$0")"
jobs=$(nproc)

[ -f Makefile ] || ./setup.sh
make -j"$jobs" check || { tail -100 test-suite.log 2>/dev/null; exit 1; }
make -j"$jobs" distcheck \
	DISTCHECK_CONFIGURE_FLAGS="--enable-sanitizers --enable-werror" ||
	{ find jail-*/_build -name test-suite.log -exec tail -100 {} + 2>/dev/null; exit 1; }
make check-systemd
make fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
echo "check: all tests passed: plain, sanitized from the tarball, under systemd, fuzzed"
