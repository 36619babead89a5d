#!/bin/bash
# seccomp.sh — the policy (SPEC 5): denials by name, through the
# environment, with an errno; allowlists; the baseline's own verdicts;
# 32-bit argument rules; execve once; exports that stand alone.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

cp "$HELPERS_DIR/bpf-run" "$T/bin/"
chmod 755 "$T/bin/bpf-run"
BPFRUN=$T/bin/bpf-run
PY=/usr/bin/python3

# expect_errno NAME ERRNO — the baseline's own answer, under the default
# policy and under an allowlist that does not name the syscall.
expect_errno() {
	jrun -- "$TRY" "$1"
	is "$st" "$2" "baseline: $1 fails with errno $2"
}

suite() {
	jrun -- "$MYOS"
	is "$out" "My OS is Linux!" "myos runs"

	jrun --deny uname -- "$MYOS"
	is "$st" 159 "--deny uname: killed, 159"
	like "$err" '^jail: myos\[[0-9]+\]: denied syscall uname\(0x[0-9a-f]+\); killed$' \
		"the report names the process, the syscall and its argument"
	unlike "$out" "My OS" "nothing printed after the denial"

	SECCOMP_SYSCALL_DENY=uname jrun -- "$MYOS"
	is "$st" 159 "SECCOMP_SYSCALL_DENY=uname: killed"
	SECCOMP_SYSCALL_ALLOW=uname:write jrun -- "$MYOS"
	is "$st" 159 "SECCOMP_SYSCALL_ALLOW too small for the exec stage: killed"

	jrun --deny uname --errno ENETDOWN -- "$MYOS"
	is "$st" 1 "--errno ENETDOWN: the program handles the error"
	like "$err" "uname failed.*Network is down" "and says 'Network is down'"

	jrun --allow exit_group,fstat,newfstatat,uname,write -- "$MYOS"
	is "$st" 159 "the main-stage allowlist is too small at exec"
	like "$err" "denied syscall [a-z_0-9]+\(" "and the report names the syscall"

	jrun --allow @default,@basic-io,@startup-dynamic,@memory,uname -- "$MYOS"
	is "$st:$out" "0:My OS is Linux!" "an allowlist that is just enough"

	jrun --allow @default,@basic-io,@startup-dynamic,@memory -- "$MYOS"
	is "$st" 159 "the same allowlist without uname kills"
	like "$err" "denied syscall uname" "and names uname"

	jrun --allow unmae -- "$MYOS"
	is "$st" 125 "a misspelled syscall is refused"
	like "$err" "did you mean 'uname'" "with a suggestion"

	# The baseline, under the default policy.
	for s in unshare-user clone-user setns mount umount2 pivot_root chroot \
		fsopen fsmount open_tree move_mount mount_setattr bpf \
		perf_event_open userfaultfd keyctl add_key request_key \
		io_uring_setup kexec_load init_module finit_module \
		open_by_handle_at reboot swapon acct quotactl syslog ioperm; do
		expect_errno "$s" 1
	done
	expect_errno clone3 38
	# An allow never lifts the baseline.
	jrun --allow @known -- "$TRY" bpf
	is "$st" 1 "--allow @known: bpf still EPERM"
	jrun --allow @default,@startup-static,@basic-io,@file-system,bpf -- "$TRY" bpf
	is "$st" 1 "an allowlist naming bpf: still EPERM"

	# Other ABIs are killed; numbers above the highest known: ENOSYS even
	# in an allowlist whose default is to kill.
	jrun -- "$TRY" int80
	is "$st" 159 "int 0x80 (i386 ABI): killed"
	jrun -- "$TRY" x32
	is "$st" 159 "an x32 syscall: killed"
	jrun --allow @default,@startup-static,@basic-io,@file-system -- "$TRY" nr-1000
	is "$st" 38 "syscall 1000 under an allowlist: ENOSYS, not killed"
	jrun --allow @default,@startup-static,@basic-io,@file-system -- "$TRY" nr-600
	is "$st" 38 "syscall 600 under an allowlist: ENOSYS, not killed"

	# Terminal injection, on the controlling terminal (script(1) gives
	# one): without jail TIOCSTI works there.
	if command -v script >/dev/null; then
		for s in ioctl-tiocsti ioctl-tiocsti-high; do
			"${RUN[@]}" script -qec "'$JAILBIN' -- '$TRY' $s" /dev/null >"$W/.tty" 2>&1
			st=$?
			is "$st" 1 "$s on the controlling tty: EPERM from the filter"
		done
	else
		skip "TIOCSTI" "no script(1)"
	fi

	# int arguments are compared on their low 32 bits.
	if [ -x "$PY" ]; then
		jrun --system --deny 'socket: arg0 == AF_NETLINK' -- "$PY" -c \
			'import ctypes; l=ctypes.CDLL(None); l.syscall.restype=ctypes.c_long; print(l.syscall(41, ctypes.c_long((1<<32)|16), 2, 0))'
		is "$st" 159 "deny socket: arg0 == AF_NETLINK catches AF_NETLINK|1<<32"
		like "$err" "denied syscall socket\(AF_NETLINK" "and reports AF_NETLINK"
		jrun --system --deny 'socket: arg0 == AF_NETLINK' -- "$PY" -c 'import socket; socket.socket(socket.AF_INET6).close(); print("ok")'
		is "$st:$out" "0:ok" "other families pass"
	else
		skip "int argument rules" "no $PY"
	fi

	# Argument rules: write to fd 1 passes, to fd 2 kills.
	jrun --allow @default,@startup-static,@basic-io,@file-system,@memory \
		--deny 'write: arg0 == 2' -- "$PROBE" echo hello
	is "$st:$out" "0:hello" "write to fd 1 allowed"
	jrun --allow @default,@startup-static,@basic-io,@file-system,@memory \
		--deny 'write: arg0 == 2' -- "$PROBE" stdout-stderr 2
	is "$st" 159 "write to fd 2 denied by the rule"
	like "$err" "denied syscall write\(2," "the report shows fd 2"

	# execve once: jail runs the target; the target's own exec is refused.
	jrun --system --deny execve -- /bin/sh -c 'echo first; /bin/true; echo second'
	is "$st" 159 "--deny execve: the target's exec kills"
	is "$out" "first" "but jail's own exec of the target went through"
	jrun --system --deny execve,execveat --errno EACCES -- /bin/sh -c '/bin/true || echo refused'
	is "$st:$out" "0:refused" "--deny execve --errno EACCES: the target's exec fails"

	# Exports.
	"${RUN[@]}" "$JAILBIN" --allow @default,@basic-io --deny 'write: arg0 == 2' --export oci >"$W/oci.json" 2>"$W/oci.err"
	st=$?
	if jq -e '.defaultAction == "SCMP_ACT_KILL_PROCESS" and (.architectures | length) >= 1 and
		([.syscalls[] | select(.names | index("read"))] | length) == 1 and
		([.syscalls[] | select(.names | index("bpf")) | .action] == ["SCMP_ACT_ERRNO"]) and
		([.syscalls[].args[]? | .op] | all(test("^SCMP_CMP_")))' "$W/oci.json" >/dev/null; then
		ok "--export oci is valid JSON with the policy"
	else
		not_ok "--export oci is valid JSON with the policy" "$(head -c 1500 "$W/oci.json") $(cat "$W/oci.err")"
	fi
	"${RUN[@]}" "$JAILBIN" --deny uname --export bpf >"$W/f.bpf"
	"${RUN[@]}" "$BPFRUN" "$W/f.bpf" "$MYOS" >/dev/null 2>&1
	is "$?" 159 "--export bpf loaded by seccomp(2) kills myos at uname (SIGSYS)"
	"${RUN[@]}" "$BPFRUN" "$W/f.bpf" "$PROBE" echo hi >"$W/.bpf.out" 2>&1
	is "$?:$(cat "$W/.bpf.out")" "0:hi" "and lets other programs run"
	"${RUN[@]}" "$JAILBIN" --allow @system-service --export bpf >"$W/sys.bpf"
	"${RUN[@]}" "$BPFRUN" "$W/sys.bpf" "$TRY" unshare-user >/dev/null 2>&1
	is "$?" 1 "--export bpf keeps the baseline's conditional rules (unshare(CLONE_NEWUSER): EPERM)"
	"${RUN[@]}" "$BPFRUN" "$W/sys.bpf" "$TRY" ioctl-tiocsti-high >/dev/null 2>&1
	is "$?" 1 "--export bpf keeps the baseline's TIOCSTI rule (cmd | 1<<32: EPERM)"
	jrun --export text --allow read --deny 'read: arg0 == 5'
	like "$out" "^deny bpf" "--export text shows the baseline"
	like "$out" "^allow read: arg0 != 5" "and the merged rule"
	jrun --check --allow bpf,read -- /bin/true
	like "$err" "still denied by the baseline: bpf" "--check names what the baseline keeps denied"
}

for_each_mode suite
done_testing
