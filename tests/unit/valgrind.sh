#!/bin/bash
# valgrind.sh — jail's own parsing, listing and exporting under valgrind:
# no invalid access, no definite leak.  (valgrind 3.19 implements neither
# seccomp(2) nor open_tree(2), so a whole jail -- CMD or --check, which
# compile a filter, cannot run under it; those paths run under ASan and
# LeakSanitizer in make distcheck instead: see check.sh.)
: "${top_builddir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_srcdir:=$top_builddir}"
JAIL=$top_builddir/tests/unit/jail-dynamic
n=0 failed=0

if ! command -v valgrind >/dev/null; then
	echo "1..0 # SKIP valgrind is not installed"
	exit 0
fi
if grep -q __asan_init "$JAIL" 2>/dev/null; then
	echo "1..0 # SKIP src/jail is built with ASan, which replaces this check"
	exit 0
fi
if [ "$(head -c 2 "$JAIL")" = '#!' ]; then
	echo "1..0 # SKIP src/jail is a libtool wrapper"
	exit 0
fi

vg() {
	local desc=$1 log
	shift
	log=$(mktemp)
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--log-file="$log" "$JAIL" "$@" >/dev/null 2>&1
	local st=$?
	n=$((n + 1))
	if [ "$st" != 99 ] && [ ! -s "$log" ]; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		sed 's/^/# /' "$log" | head -40
		failed=$((failed + 1))
	fi
	rm -f "$log"
}

vg "--help" --help
vg "--version" --version
vg "--list groups" --list groups
vg "--list syscalls" --list syscalls
vg "--list profiles" --list profiles
vg "--export text of a policy with rules" --export text --allow @system-service \
	--deny 'socket: arg0 == AF_NETLINK' --allow 'write: arg0 == 1 || arg0 == 2'
vg "--export systemd" --export systemd --allow @default,@basic-io
vg "--export text of a shipped profile" --export text -p "$top_srcdir/profiles/gzip.profile"
vg "a bad option" --fsize -5 -- /bin/true
vg "an unknown syscall" --deny unmae -- /bin/true
vg "a bad rule" --allow 'write: arg9 == 1' -- /bin/true
vg "a missing profile" -p /nonexistent.profile -- /bin/true
echo "1..$n"
[ "$failed" = 0 ]
