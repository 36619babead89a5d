# tests/man/common.sh — sourced by the tests of tests/man/ (bash).
#
# TAP for Automake's tap-driver, and where things are: top_srcdir and
# top_builddir (set by `make check`; default to this checkout), JAIL (the
# jail under test; default $top_builddir/src/jail).  These tests read
# files and run `jail --help`, `--list`, `--check` and `--export`, which
# need no privilege, so they run once, as the caller.

set -u
: "${top_srcdir:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
JAIL=${JAIL:-$top_builddir/src/jail}
MANDIR=$top_builddir/man
unset SECCOMP_SYSCALL_ALLOW SECCOMP_SYSCALL_DENY JAIL_PROFILE_PATH \
      JAIL_PRELOAD_LIB LD_PRELOAD
export LC_ALL=C

_n=0
_failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/jail-man.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT

diag() {
	local line
	while IFS= read -r line; do
		printf '# %s\n' "$line"
	done <<<"$*"
}
ok() { _n=$((_n + 1)); printf 'ok %d - %s\n' "$_n" "$1"; }
not_ok() {
	_n=$((_n + 1))
	_failed=$((_failed + 1))
	printf 'not ok %d - %s\n' "$_n" "$1"
	[ $# -gt 1 ] && [ -n "$2" ] && diag "$2"
	return 0
}
skip_all() { printf '1..0 # SKIP %s\n' "$1"; exit 0; }
# is GOT EXPECTED DESC
is() {
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3" "got:      $1
expected: $2"; fi
}
done_testing() {
	printf '1..%d\n' "$_n"
	[ "$_failed" = 0 ]
	exit
}
need_jail() {
	[ -x "$JAIL" ] || { printf 'Bail out! %s is not built\n' "$JAIL"; exit 99; }
}
