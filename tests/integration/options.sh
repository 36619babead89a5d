#!/bin/bash
# options.sh — the target's environment (--setenv, --unsetenv, --clearenv,
# and what is never passed: LD_*, JAIL_*, SECCOMP_SYSCALL_*), --check,
# --cwd, --uid/--gid.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

mkdir "$T/empty"
chmod 755 "$T/empty"

suite() {
	export JAILTEST_KEEP=kept
	jrun -- "$PROBE" env
	like "$out" '^JAILTEST_KEEP=kept$' "the environment is inherited"

	jrun --setenv FOO=bar --setenv 'SPACED=a b=c' -- "$PROBE" env
	like "$out" '^FOO=bar$' "--setenv FOO=bar"
	like "$out" '^SPACED=a b=c$' "--setenv keeps spaces and later '=' in the value"
	jrun --setenv JAILTEST_KEEP=changed -- "$PROBE" env
	is "$(kv JAILTEST_KEEP)" changed "--setenv overrides an inherited variable"

	jrun --unsetenv JAILTEST_KEEP -- "$PROBE" env
	if [ "$st" = 0 ] && grep -q '^PATH=' <<<"$out" && ! grep -q '^JAILTEST_KEEP=' <<<"$out"; then
		ok "--unsetenv removes an inherited variable, keeps the others"
	else
		not_ok "--unsetenv removes an inherited variable, keeps the others" "$(last_run)"
	fi

	jrun --clearenv -- "$PROBE" env
	if [ "$st" = 0 ] && [ -z "$out" ]; then
		ok "--clearenv: the target's environment is empty"
	else
		not_ok "--clearenv: the target's environment is empty" "$(last_run)"
	fi
	jrun --clearenv --setenv A=1 -- "$PROBE" env
	is "$out" "A=1" "--clearenv --setenv A=1: exactly A=1"

	# Never passed: the loader's variables, jail's own, the seccomp toolkit's.
	# (Values that cannot change what jail does: the profile path and the
	# library path are empty directories, the deny list names one syscall
	# nothing here makes.)
	JAIL_PROFILE_PATH=$T/empty JAIL_TEST_X=1 LD_LIBRARY_PATH=$T/empty LD_JAILTEST=1 \
		SECCOMP_SYSCALL_DENY=kexec_load jrun -- "$PROBE" env
	if [ "$st" = 0 ] && grep -q '^JAILTEST_KEEP=' <<<"$out"; then
		unlike "$out" '^LD_' "LD_* variables do not reach the target"
		unlike "$out" '^JAIL_' "JAIL_* variables do not reach the target"
		unlike "$out" '^SECCOMP_SYSCALL_' "SECCOMP_SYSCALL_* variables do not reach the target"
	else
		not_ok "LD_*, JAIL_*, SECCOMP_SYSCALL_* do not reach the target" "$(last_run)"
	fi
	LD_JAILTEST=1 JAIL_TEST_X=1 jrun --system -- /usr/bin/env
	if [ "$st" = 0 ] && [ -n "$out" ]; then
		unlike "$out" '^(LD_|JAIL_)' "--system -- /usr/bin/env shows no LD_*/JAIL_*"
	else
		not_ok "--system -- /usr/bin/env shows no LD_*/JAIL_*" "$(last_run)"
	fi
	unset JAILTEST_KEEP

	# --pass-listen-fds: systemd's sockets (3 and up, LISTEN_FDS of them)
	# reach the target, and LISTEN_PID names the target itself.
	LISTEN_FDS=2 LISTEN_PID=$$ jrun --pass-listen-fds -- "$PROBE" fds 3</dev/null 4</dev/null 5</dev/null
	is "$st:$(kv fds)" "0:0,1,2,3,4" "--pass-listen-fds: LISTEN_FDS=2 passes fds 3 and 4 (not 5)"
	LISTEN_FDS=1 LISTEN_PID=$$ jrun --pass-listen-fds -- /bin/sh -c 'echo "pid=$$"; echo "listen_pid=$LISTEN_PID"' 3</dev/null
	if [ "$st" = 0 ] && [ -n "$(kv pid)" ] && [ "$(kv listen_pid)" = "$(kv pid)" ]; then
		ok "--pass-listen-fds: LISTEN_PID is the target's own pid, and jail exits 0"
	else
		not_ok "--pass-listen-fds: LISTEN_PID is the target's own pid, and jail exits 0" "$(last_run)"
	fi
	LISTEN_FDS=1 LISTEN_PID=$$ jrun -- "$PROBE" env 3</dev/null
	unlike "$out" '^LISTEN_' "without --pass-listen-fds no LISTEN_* reaches the target"

	# --check parses and reports, and runs nothing.
	rm -f "$W/ran"
	jrun --check -- "$PROBE" echo RAN
	if [ "$st" = 0 ] && ! grep -q RAN <<<"$out"; then
		ok "--check: exit 0 and the command does not run"
	else
		not_ok "--check: exit 0 and the command does not run" "$(last_run)"
	fi
	jrun --check --fsize -5 -- "$PROBE" echo RAN
	if [ "$st" = 125 ] && grep -q '^jail: ' <<<"$err" && ! grep -q RAN <<<"$out"; then
		ok "--check with a bad option: 125 and a 'jail: ' line"
	else
		not_ok "--check with a bad option: 125 and a 'jail: ' line" "$(last_run)"
	fi

	# --cwd
	jrun --ro-bind "$T/empty:/e" --cwd /e -- "$PROBE" cwd
	is "$(kv cwd)" /e "--cwd /e"
	jrun --cwd /nonexistent-jail-test -- "$PROBE" cwd
	if [ "$st" = 125 ] && grep -q '^jail: ' <<<"$err"; then
		ok "--cwd to a missing directory: 125 and a 'jail: ' line"
	else
		not_ok "--cwd to a missing directory: 125 and a 'jail: ' line" "$(last_run)"
	fi

	# --uid/--gid N: the identity the target sees.
	jrun --uid 4321 --gid 4322 -- "$PROBE" ids
	is "$(kv uid),$(kv euid),$(kv gid),$(kv egid)" "4321,4321,4322,4322" "--uid 4321 --gid 4322"
}

for_each_mode suite
done_testing
