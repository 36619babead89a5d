# tests/lib.sh — shared by the integration tests (bash; sourced, not run).
#
# A test script does:
#
#     . "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
#     suite() { jrun -- "$PROBE" ids; is "$st" 0 "probe runs"; ... }
#     for_each_mode suite
#     done_testing
#
# and prints TAP for Automake's tap-driver.  for_each_mode runs the suite
# twice: as root, and as uid 65534 through setpriv (when the tests run as
# root; otherwise once, as the caller).  Every test name says its mode.
#
# Environment: top_srcdir, top_builddir (set by `make check`; default to
# this checkout), JAIL (the jail under test; default $top_builddir/src/jail),
# HELPERS_DIR (default $top_builddir/tests/helpers), JAILTEST_TMPDIR (where
# the staging directory goes; default /tmp, which uid 65534 can enter).
#
# Staging: the unprivileged runs cannot be assumed to reach the build tree
# (a CI clone under /root, say), so everything they execute or read — jail
# (and its .libs/), the helpers, data files — is copied into a fresh
# world-readable directory $T; files they write go to $W, world-writable.
# Both are removed on exit.  Nothing here waits without a bound: each wait
# gives up after at most 10 s, and each jail run is killed after $GUARD s.

set -u

: "${top_srcdir:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
JAIL_UNDER_TEST=${JAIL:-$top_builddir/src/jail}
export -n JAIL 2>/dev/null
HELPERS_DIR=${HELPERS_DIR:-$top_builddir/tests/helpers}
GUARD=${JAILTEST_GUARD:-30}       # seconds before a hung jail run is killed

# Keep the caller's environment from steering jail or the tests.
unset NOTIFY_SOCKET LISTEN_FDS LISTEN_PID LISTEN_FDNAMES \
      SECCOMP_SYSCALL_ALLOW SECCOMP_SYSCALL_DENY JAIL_PROFILE_PATH \
      JAIL_PRELOAD_LIB LD_PRELOAD LD_LIBRARY_PATH
export LC_ALL=C
# A plain PATH: a caller's private directories (~/.pyenv/shims, ...) are
# neither what the tests mean by "found in PATH" nor reachable by uid 65534.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# ------------------------------------------------------------------ TAP

_tap_n=0
_tap_failed=0
_tap_prefix=

_tap_line() {
	_tap_n=$((_tap_n + 1))
	printf '%s %d - %s%s\n' "$1" "$_tap_n" "$_tap_prefix" "$2"
}

diag() {
	local line
	while IFS= read -r line; do
		printf '# %s\n' "$line"
	done <<<"$*"
}

ok() { _tap_line ok "$1"; }

not_ok() {
	_tap_line "not ok" "$1"
	_tap_failed=$((_tap_failed + 1))
	[ $# -gt 1 ] && diag "$2"
	return 0
}

skip() { _tap_line ok "$1 # SKIP ${2:-}"; }

# check DESC CMD... — passes when CMD succeeds.
check() {
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc" "$(last_run)"; fi
}

# is GOT EXPECTED DESC
is() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3" "got:      '$1'
expected: '$2'
$(last_run)"
	fi
}

# isnt GOT UNEXPECTED DESC
isnt() {
	if [ "$1" != "$2" ]; then ok "$3"; else not_ok "$3" "got '$1', which it must not be
$(last_run)"; fi
}

# like TEXT ERE DESC / unlike TEXT ERE DESC (on any line of TEXT)
like() {
	if grep -Eq -- "$2" <<<"$1"; then
		ok "$3"
	else
		not_ok "$3" "no line matches /$2/ in:
$(head -c 2000 <<<"$1")
$(last_run)"
	fi
}

unlike() {
	local hit
	if hit=$(grep -E -- "$2" <<<"$1"); then
		not_ok "$3" "lines match /$2/:
$(head -c 2000 <<<"$hit")"
	else
		ok "$3"
	fi
}

done_testing() {
	printf '1..%d\n' "$_tap_n"
	[ "$_tap_failed" -eq 0 ]
	exit $?
}

bail_out() {
	printf 'Bail out! %s\n' "$*"
	exit 99
}

# ------------------------------------------------------------------ staging

[ -x "$JAIL_UNDER_TEST" ] || bail_out "no jail at $JAIL_UNDER_TEST (build it, or set JAIL)"
for _h in probe try-syscall myos; do
	[ -x "$HELPERS_DIR/$_h" ] || bail_out "no helper $HELPERS_DIR/$_h (make check builds it)"
done

_bg_pids=()       # background jails still to be reaped
_kill_also=()     # target pids that must not survive the script

cleanup() {
	local p
	for p in "${_bg_pids[@]}" "${_kill_also[@]}"; do
		kill -9 "$p" 2>/dev/null
	done
	for p in "${_bg_pids[@]}"; do
		wait "$p" 2>/dev/null
	done
	# Whatever still runs a program from $T was started by this script
	# (a leaked target, or the stub's orphans): end those, by pid.
	if [ -n "${T:-}" ]; then
		for p in /proc/[0-9]*; do
			case $({ tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null) in
			"$T"/*) kill -9 "${p#/proc/}" 2>/dev/null ;;
			esac
		done
	fi
	[ -n "${T:-}" ] && [ -d "$T" ] && rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

T=$(mktemp -d "${JAILTEST_TMPDIR:-/tmp}/jail-test.XXXXXX") || bail_out "mktemp failed"
chmod 755 "$T"
mkdir "$T/bin" "$T/jail" "$T/data" "$T/w"
chmod 755 "$T/bin" "$T/jail" "$T/data"
chmod 777 "$T/w"
W=$T/w        # writable by every mode's jail and target
D=$T/data     # readable by everyone
cp "$HELPERS_DIR/probe" "$HELPERS_DIR/try-syscall" "$HELPERS_DIR/myos" "$T/bin/"
chmod 755 "$T/bin/"*
PROBE=$T/bin/probe
TRY=$T/bin/try-syscall
MYOS=$T/bin/myos

cp "$JAIL_UNDER_TEST" "$T/jail/jail"
if [ -d "$(dirname "$JAIL_UNDER_TEST")/.libs" ]; then
	cp -a "$(dirname "$JAIL_UNDER_TEST")/.libs" "$T/jail/.libs"
fi
chmod -R a+rX "$T/jail"
STAGED_JAIL=$T/jail/jail
# A libtool wrapper script may relink on its first run: do that now, as
# the owner, not later as a user who cannot write there.
if [ "$(head -c 2 "$STAGED_JAIL")" = '#!' ] && [ "$(id -u)" = 0 ]; then
	timeout -s KILL 10 "$STAGED_JAIL" --version >/dev/null 2>&1
	chmod -R a+rX "$T/jail"
fi
cd "$T" || bail_out "cannot enter $T"

# ------------------------------------------------------------------ modes

MODE=
JAILBIN=
RUN=()
USER_ID=65534
INSIDE_UNPRIV_ID=1999999999          # the fixed inside id of an unprivileged jail
AUTO_MIN=2000000000                  # --uid auto range as root (jail(1))
AUTO_MAX=2000065535

if env --default-signal true 2>/dev/null; then
	DEFAULT_SIGNALS=(env --default-signal)
else
	DEFAULT_SIGNALS=()
fi

set_mode() {
	MODE=$1
	_tap_prefix="[$MODE] "
	if [ "$MODE" = root ]; then
		JAILBIN=$JAIL_UNDER_TEST
		RUN=()
	elif [ "$(id -u)" = 0 ]; then
		JAILBIN=$STAGED_JAIL
		RUN=(setpriv --reuid="$USER_ID" --regid="$USER_ID" --clear-groups)
	else
		JAILBIN=$STAGED_JAIL
		RUN=()
	fi
}

# for_each_mode FUNC — run FUNC once per mode (see the top of this file).
for_each_mode() {
	local m
	local modes=user
	[ "$(id -u)" = 0 ] && modes="root user"
	for m in $modes; do
		set_mode "$m"
		if [ "$m" = user ] && ! "${RUN[@]}" unshare -U true 2>/dev/null; then
			skip "$1" "unprivileged user namespaces are not available"
			continue
		fi
		"$1"
	done
	_tap_prefix=
}

# ------------------------------------------------------------------ running jail

# jrun [JAIL-ARGS]... — run jail in the current mode, stdin from $JIN (or
# /dev/null), and leave $st (exit status), $out and $err (its output).
# A run that outlives $GUARD seconds is killed: $st is then 137.
st=0 out='' err='' JIN=''
jrun() {
	timeout -s KILL "$GUARD" "${RUN[@]}" "$JAILBIN" "$@" \
		<"${JIN:-/dev/null}" >"$W/.out" 2>"$W/.err"
	st=$?
	out=$(cat "$W/.out")
	err=$(cat "$W/.err")
	_last_cmd="jail $*"
	return 0
}

# jail_raw [JAIL-ARGS]... — run jail with the caller's redirections.
jail_raw() {
	timeout -s KILL "$GUARD" "${RUN[@]}" "$JAILBIN" "$@"
}

_last_cmd=
last_run() {
	[ -n "$_last_cmd" ] || return 0
	printf 'command: %s\nstatus: %s\n' "$_last_cmd" "$st"
	[ -n "$out" ] && printf 'stdout: %s\n' "$(head -c 1500 <<<"$out")"
	[ -n "$err" ] && printf 'stderr: %s\n' "$(head -c 1500 <<<"$err")"
	return 0
}

# kv KEY [TEXT] — the value of the first KEY=value line of TEXT ($out).
kv() {
	sed -n "s/^$1=//p" <<<"${2-$out}" | head -n 1
}

# jstart [JAIL-ARGS]... — start jail in the background with fd 3 open on
# $BG_STATUS (pass --status-fd 3 to use it); stdout/stderr go to $BG_OUT
# and $BG_ERR; its pid is $BG_PID.  Signals are reset to their defaults
# first: a non-interactive shell starts background jobs with SIGINT and
# SIGQUIT ignored, which would hide jail's own handling of them.
_bg_n=0
BG_PID='' BG_OUT='' BG_ERR='' BG_STATUS=''
jstart() {
	_bg_n=$((_bg_n + 1))
	BG_OUT=$W/bg$_bg_n.out
	BG_ERR=$W/bg$_bg_n.err
	BG_STATUS=$W/bg$_bg_n.status
	: >"$BG_STATUS"
	"${DEFAULT_SIGNALS[@]}" "${RUN[@]}" "$JAILBIN" "$@" \
		</dev/null >"$BG_OUT" 2>"$BG_ERR" 3>"$BG_STATUS" &
	BG_PID=$!
	_bg_pids+=("$BG_PID")
	_last_cmd="jail $* (background, pid $BG_PID)"
}

# bg_ready — wait (≤ 10 s) until the background target says "ready=1";
# false at once if the jail has exited instead.
_ready_or_dead() { file_has "$BG_OUT" '^ready=1' || is_gone "$BG_PID"; }
bg_ready() {
	wait_until 10 _ready_or_dead
	file_has "$BG_OUT" '^ready=1'
}

# forget_pid PID — it has been reaped: cleanup must not signal a reused pid.
forget_pid() {
	local p keep=() also=()
	for p in "${_bg_pids[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
	for p in "${_kill_also[@]}"; do [ "$p" = "$1" ] || also+=("$p"); done
	_bg_pids=("${keep[@]}")
	_kill_also=("${also[@]}")
}

# watch_pid PID — a target's host pid: killed on exit if still alive.
watch_pid() { _kill_also+=("$1"); }

# wait_until SECS CMD... — poll CMD every 50 ms; false after SECS (≤ 10).
wait_until() {
	local secs=$1 i
	shift
	[ "$secs" -gt 10 ] && secs=10
	for ((i = 0; i < secs * 20; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	"$@"
}

# file_has FILE ERE
file_has() { grep -Eq -- "$2" "$1" 2>/dev/null; }

# is_running PID — alive and not a zombie.
is_running() {
	local state
	kill -0 "$1" 2>/dev/null || return 1
	state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null)
	[ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}
is_gone() { ! is_running "$1"; }

# status_child_pid FILE [SECS] — wait (≤ SECS, default 10) for
# {"child-pid": N} in FILE; print N.
status_child_pid() {
	wait_until "${2:-10}" file_has "$1" '"child-pid"' || return 1
	sed -n 's/.*"child-pid"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$1" | head -n 1
}

# jwait PID SECS — wait for background jail PID; $st = its status.  After
# SECS (≤ 10) it is killed, $st = 999 and jwait returns false.
jwait() {
	local pid=$1 secs=$2 rc=0
	if ! wait_until "$secs" is_gone "$pid"; then
		kill -9 "$pid" 2>/dev/null
		rc=1
	fi
	wait "$pid" 2>/dev/null
	st=$?
	forget_pid "$pid"
	[ $rc -eq 0 ] || st=999
	out=$(cat "$BG_OUT" 2>/dev/null)
	err=$(cat "$BG_ERR" 2>/dev/null)
	return $rc
}

# in_pidns INODE-LINK — host pids whose pid namespace is INODE-LINK.
in_pidns() {
	local p l
	if [ -z "${1:-}" ]; then
		echo "(no pid namespace given)"
		return 0
	fi
	for p in /proc/[0-9]*; do
		l=$(readlink "$p/ns/pid" 2>/dev/null) || continue
		[ "$l" = "$1" ] && is_running "${p#/proc/}" && printf '%s\n' "${p#/proc/}"
	done
	return 0
}

# host_id PID FIELD — the real uid or gid (FIELD Uid or Gid) of PID on the host.
host_id() {
	awk -v f="$2:" '$1 == f { print $2 " " $3 " " $4 " " $5 }' "/proc/$1/status" 2>/dev/null
}

now_ms() { date +%s%3N; }

# stage_data NAME — a path under $D for a data file the caller writes now.
stage_data() { printf '%s/%s' "$D" "$1"; }

# root_extras LISTING FILE... — the entries of a `probe ls /` LISTING that
# are neither FILE, nor a directory on the way to one, nor /dev with
# null, zero and urandom: what the root holds beyond what SPEC 3 allows.
root_extras() {
	local listing=$1 f d
	shift
	local -A allowed=([/]=1 [/dev]=1 [/dev/null]=1 [/dev/zero]=1 [/dev/urandom]=1)
	for f in "$@"; do
		allowed[$f]=1
		d=$f
		while [ "$d" != / ] && [ -n "$d" ]; do
			d=$(dirname "$d")
			allowed[$d]=1
		done
	done
	sed -n 's/^ls=\([^ ]*\) .*/\1/p' <<<"$listing" | while IFS= read -r f; do
		[ -n "${allowed[$f]:-}" ] || printf '%s\n' "$f"
	done
}
