#!/bin/bash
# tests/attacks/run.sh — the escape-attempt suite: every program in
# tests/attacks/ tries one class of escape from inside a jail, under the
# default policy (and --system / --proc where they change what is
# reachable), as root and unprivileged.  Every one must be stopped.
#
# A program exits 0 when the attack was stopped the way jail stops it,
# 1 when it worked, 2 when it could not run, 3 when only the kernel's own
# answer stopped it (see attack.h); a few are killed by the filter (159).
# Each test fails against tests/stub-jail (a "jail" that only execs) — the
# few exceptions are listed by tests/attacks/run-against-stub.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

ATTACKS_DIR=${ATTACKS_DIR:-$top_builddir/tests/attacks}
PROGRAMS="read-host chroot-escape handle tty abi iouring userns mount ptrace
	connect privs write exe kernel limits signals noexec"
A=$T/attacks
mkdir "$A"
for p in $PROGRAMS; do
	[ -x "$ATTACKS_DIR/$p" ] || bail_out "no $ATTACKS_DIR/$p (make check builds it)"
	cp "$ATTACKS_DIR/$p" "$A/"
done
chmod 755 "$A" "$A"/*

# The host's secret: world-readable, so only the jail stands in the way.
SECRET=$D/secret
printf 'JAIL-ATTACK-SECRET %s\n' "$RANDOM$RANDOM" >"$SECRET"
chmod 644 "$SECRET"

# A setuid-root copy and a copy with file capabilities (class 11, 12).
mkdir "$T/suid" "$T/fcap"
cp "$A/privs" "$T/suid/privs"
cp "$A/privs" "$T/fcap/privs"
chown 0:0 "$T/suid/privs" 2>/dev/null
chmod 4755 "$T/suid/privs"
chmod 755 "$T/suid" "$T/fcap" "$T/fcap/privs"
# A world-writable copy (class 14): only jail's read-only bind keeps the
# target from opening it for writing.
mkdir "$T/w777"
cp "$A/exe" "$T/w777/exe"
chmod 755 "$T/w777"
chmod 777 "$T/w777/exe"
HAVE_SUID=0
[ "$(id -u)" = 0 ] && [ -u "$T/suid/privs" ] && HAVE_SUID=1
HAVE_FCAP=0
if command -v setcap >/dev/null && setcap cap_net_raw,cap_net_bind_service+ep "$T/fcap/privs" 2>/dev/null; then
	HAVE_FCAP=1
fi

# Host services (class 10): TCP on 127.0.0.1, an abstract and a path unix
# socket, all in one listener of our own.
"$A/connect" listen "$W" >"$W/listen.out" 2>&1 &
LISTENER=$!
watch_pid "$LISTENER"
wait_until 10 file_has "$W/listen.out" '^ready=1' || bail_out "the listener did not start: $(cat "$W/listen.out")"
PORT=$(sed -n 's/^tcp=//p' "$W/listen.out")
ABSTRACT=$(sed -n 's/^abstract=//p' "$W/listen.out")
SOCKPATH=$(sed -n 's/^path=//p' "$W/listen.out")

# Does this kernel let jail mount a /proc (SPEC: 125 where it cannot)?
HAVE_PROC=1
"$JAIL_UNDER_TEST" --proc -- "$A/read-host" abs /proc/self/status >/dev/null 2>&1
[ $? = 125 ] && HAVE_PROC=0

# stopped DESC [JAIL-ARGS]... -- PROGRAM [ARGS]... — the program exits 0.
stopped() {
	local desc=$1
	shift
	jrun "$@"
	is "$st" 0 "$desc"
}

# killed DESC [JAIL-ARGS]... — jail reports the filter's kill, 159.
killed() {
	local desc=$1
	shift
	jrun "$@"
	is "$st" 159 "$desc: killed (159)"
	like "$err" '^jail: .*(killed|denied)' "$desc: jail says so"
}

# with_proc DESC [JAIL-ARGS]... — stopped(), with --proc where possible.
with_proc() {
	local desc=$1
	shift
	if [ $HAVE_PROC = 1 ]; then
		stopped "$desc" --proc "$@"
	else
		skip "$desc" "this kernel refuses jail's /proc (locked over-mounts)"
	fi
}

# running_from PROGRAM — pids of live processes running PROGRAM.
running_from() {
	local p
	for p in /proc/[0-9]*; do
		case $(tr '\0' ' ' <"$p/cmdline" 2>/dev/null) in
		"$1 "*) is_running "${p#/proc/}" && printf '%s\n' "${p#/proc/}" ;;
		esac
	done
	return 0
}

# A process of the caller's own, for classes 9 and 18 to aim at.
start_victim() {
	"${RUN[@]}" sleep 300 </dev/null >/dev/null 2>&1 &
	VICTIM=$!
	watch_pid "$VICTIM"
	wait_until 2 is_running "$VICTIM"
}

suite() {
	# 1. host files
	stopped "1 host file by absolute path" -- "$A/read-host" abs "$SECRET"
	stopped "1 host file by absolute path, --system" --system -- "$A/read-host" abs "$SECRET"
	stopped "1 host file by .. from /" -- "$A/read-host" dotdot "$SECRET"
	stopped "1 host file by .. from a --bind" --bind "$W" --cwd "$W" -- "$A/read-host" dotdot "$SECRET"
	with_proc "1 host file via /proc/*/root" -- "$A/read-host" proc-root "$SECRET"
	jrun -- "$A/read-host" fds 3<"$SECRET" 4<"$D" 9</ 200<"$SECRET" 1023<"$D"
	is "$st" 0 "1 inherited descriptors 3..1023 do not reach the target"

	# 2. chroot
	stopped "2 chroot escape (mkdir, chroot, chdir .., chroot .)" --bind "$W" -- \
		"$A/chroot-escape" "$W" "$SECRET"

	# 3. file handles
	stopped "3 open_by_handle_at (own handle, forged root handle): EPERM" -- "$A/handle" "$A/handle"

	# 4. terminal injection, on a controlling terminal that script(1) gives
	if command -v script >/dev/null; then
		local m
		for m in tiocsti tiocsti-high tioclinux tioclinux-high; do
			"${RUN[@]}" timeout -s KILL "$GUARD" script -qec "'$JAILBIN' -- '$A/tty' $m" /dev/null \
				</dev/null >"$W/.tty" 2>&1
			st=$?
			out=$(cat "$W/.tty")
			err=
			_last_cmd="script -qec 'jail -- tty $m'"
			is "$st" 0 "4 ioctl $m on the controlling tty: EPERM"
		done
	else
		skip "4 TIOCSTI/TIOCLINUX" "no script(1)"
	fi

	# 5. other ABIs
	killed "5 int \$0x80 (i386 getpid)" -- "$A/abi" int80
	killed "5 x32 getpid (bit 30)" -- "$A/abi" x32

	# 6. io_uring
	stopped "6 io_uring_setup: EPERM (no IORING_OP_OPENAT)" -- "$A/iouring" "$SECRET"

	# 7. namespaces
	stopped "7 unshare(CLONE_NEWUSER): EPERM" -- "$A/userns" unshare
	stopped "7 clone(CLONE_NEWUSER): EPERM" -- "$A/userns" clone
	stopped "7 clone3(CLONE_NEWUSER): ENOSYS" -- "$A/userns" clone3
	stopped "7 setns: EPERM" -- "$A/userns" setns
	with_proc "7 setns into /proc/{self,1}/ns/*: EPERM" -- "$A/userns" setns

	# 8. the mount tree
	local op
	for op in mount umount pivot_root fsopen fsmount move_mount open_tree; do
		stopped "8 $op: EPERM" -- "$A/mount" "$op"
	done
	stopped "8 mount: EPERM, --system" --system -- "$A/mount" mount

	# 9. other processes
	stopped "9 ptrace/process_vm_*/pidfd_getfd of jail's init (pid 1)" -- "$A/ptrace" init
	with_proc "9 the same with --proc" -- "$A/ptrace" init
	if start_victim; then
		stopped "9 ptrace/process_vm_* of a host process" -- "$A/ptrace" host "$VICTIM"
		stopped "9 kill(SIGKILL) of a host process" -- "$A/ptrace" kill "$VICTIM"
		sleep 0.1
		check "9 the host process survives" is_running "$VICTIM"
		kill -9 "$VICTIM" 2>/dev/null
		wait "$VICTIM" 2>/dev/null
		forget_pid "$VICTIM"
	else
		not_ok "9 a host process to aim at" "sleep did not start"
	fi

	# 10. host network and sockets
	stopped "10 connect 127.0.0.1:$PORT" -- "$A/connect" tcp "$PORT"
	stopped "10 connect 127.0.0.1:$PORT, --system" --system -- "$A/connect" tcp "$PORT"
	stopped "10 connect @$ABSTRACT (host abstract socket)" -- "$A/connect" abstract "$ABSTRACT"
	stopped "10 connect $SOCKPATH (host path socket)" -- "$A/connect" path "$SOCKPATH"
	stopped "10 connect host path socket, --system" --system -- "$A/connect" path "$SOCKPATH"
	unlike "$(cat "$W/listen.out")" '^accepted=' "10 the listener accepted nothing"

	# 11, 12. privilege
	if [ $HAVE_SUID = 1 ]; then
		stopped "11 exec of a setuid-root binary (--ro-bind): euid stays" \
			--ro-bind "$T/suid" -- "$A/privs" exec "$T/suid/privs"
	else
		skip "11 setuid-root exec" "needs root to make the file"
	fi
	stopped "12 capset(all): EPERM, no capability" -- "$A/privs" capset
	stopped "12 PR_CAP_AMBIENT_RAISE: EPERM" -- "$A/privs" ambient
	if [ $HAVE_FCAP = 1 ]; then
		stopped "12 exec of a file with file capabilities: none gained" \
			--ro-bind "$T/fcap" -- "$A/privs" exec "$T/fcap/privs"
	else
		skip "12 file capabilities" "no setcap (libcap2-bin), or not root"
	fi

	# 13. writing
	stopped "13 create in /, /dev, /tmp: EROFS" -- "$A/write" root
	stopped "13 create in /, /dev, /tmp: EROFS, --system" --system -- "$A/write" root
	stopped "13 grow a file in a writable --bind: EFBIG" --bind "$W" -- "$A/write" fsize "$W"
	stopped "13 stdout to a file is a relay pipe, not the file" -- "$A/write" relay

	# 14. the binaries
	with_proc "14 /proc/self/exe for writing: EROFS" -- "$T/w777/exe" self
	with_proc "14 jail's binary (/proc/1/exe, /proc/1/mem, /proc/1/fd): EACCES" -- "$A/exe" init

	# 15. kernel surface
	local k
	for k in bpf perf userfaultfd keyctl kexec init_module reboot swapon acct quotactl; do
		stopped "15 $k: EPERM" -- "$A/kernel" "$k"
	done

	# 16. exhaustion
	local child ns
	stopped "16 fork bomb under --rlimit nproc=32: fork fails with EAGAIN" \
		--rlimit nproc=32 -- "$A/limits" forkbomb
	is "$(running_from "$A/limits")" "" "16 nothing of the bomb is left once jail has exited"
	stopped "16 memory hog under --rlimit as=256M: ENOMEM" --rlimit as=256M -- "$A/limits" memhog

	# 17. jail's own descriptors: the listener (--deny uname makes one),
	# the status fd, the relay pipe (stdout is a file)
	jrun --deny uname --status-fd 3 -- "$A/read-host" fds 3>"$W/status17"
	is "$st" 0 "17 no descriptor of jail's (status fd, listener, relay) reaches the target"
	with_proc "17 /proc/1/fd and pidfd_getfd of jail's init: refused" --deny uname -- "$A/exe" init

	# 18. signals
	timeout -s KILL "$GUARD" bash -c 'exec "$@" "$$"' _ "${RUN[@]}" "$JAILBIN" -- "$A/signals" reach \
		</dev/null >"$W/.out" 2>"$W/.err"
	st=$?
	out=$(cat "$W/.out")
	err=$(cat "$W/.err")
	_last_cmd="jail -- signals reach <jail's own pid>"
	is "$st" 0 "18 the target cannot signal jail (kill(jail's pid, 0): ESRCH)"
	jstart --status-fd 3 -- "$A/signals" linger
	if bg_ready && child=$(status_child_pid "$BG_STATUS" 5); then
		ns=$(readlink "/proc/$child/ns/pid" 2>/dev/null)
		watch_pid "$child"
		kill -9 "$BG_PID"
		jwait "$BG_PID" 5
		gone() { [ -z "$(in_pidns "$ns")" ]; }
		if [ -n "$ns" ] && wait_until 5 gone; then
			ok "18 SIGKILL of jail: the target and its daemon are gone within 5 s"
		else
			not_ok "18 SIGKILL of jail: the target and its daemon are gone within 5 s" \
				"left: $(in_pidns "$ns")"
		fi
	else
		jwait "$BG_PID" 1
		not_ok "18 SIGKILL of jail: the target and its daemon are gone within 5 s" \
			"no ready=1 or no child-pid: $(cat "$BG_STATUS") $(last_run)"
	fi

	# A file the target wrote cannot be executed.
	stopped "exec of a file written to a --bind: EACCES (noexec)" --fsize 10M --bind "$W" -- \
		"$A/noexec" written "$W"
	stopped "exec of a file written to a --tmpfs: EACCES (noexec)" --fsize 10M --tmpfs /scratch -- \
		"$A/noexec" written /scratch
	stopped "memfd_create(MFD_EXEC): EPERM" -- "$A/noexec" memfd-exec
	stopped "plain memfd_create, then fexecve: refused" --fsize 10M -- "$A/noexec" memfd
}

for_each_mode suite
done_testing
