#!/bin/bash
# preload.sh — libjail-preload.so (SPEC 5): alone through LD_PRELOAD, as a
# DT_NEEDED entry added with patchelf, and under jail --stage main; the
# seed article's myos examples; bad input fails closed.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

MAIN4=exit_group:uname:write:newfstatat      # what myos's main calls (glibc 2.36)

# u CMD... — run CMD as the current mode's user, output in $out/$err.
u() {
	timeout -s KILL "$GUARD" "${RUN[@]}" "$@" </dev/null >"$W/.out" 2>"$W/.err"
	st=$?
	out=$(cat "$W/.out")
	err=$(cat "$W/.err")
	_last_cmd="$*"
}

suite() {
	local lib=$(dirname "$JAILBIN")/.libs/libjail-preload.so
	if [ ! -r "$lib" ]; then
		not_ok "libjail-preload.so is built next to jail" "$lib"
		return
	fi
	u env LD_PRELOAD="$lib" "$MYOS"
	is "$st:$out" "0:My OS is Linux!" "preloaded without variables: does nothing"
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_DENY=uname "$MYOS"
	is "$st" 159 "LD_PRELOAD + SECCOMP_SYSCALL_DENY=uname: killed by SIGSYS"
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_ALLOW=$MAIN4 "$MYOS"
	is "$st:$out" "0:My OS is Linux!" "SECCOMP_SYSCALL_ALLOW=$MAIN4 is enough after main"
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_ALLOW=exit_group:write:newfstatat "$MYOS"
	is "$st" 159 "and without uname it is not"
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_ALLOW=$MAIN4 JAIL_VERBOSE=1 "$MYOS"
	like "$err" "^jail-preload: seccomp filter installed" "JAIL_VERBOSE=1 says what it did"
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_ALLOW=$MAIN4 "$MYOS"
	unlike "$err" "jail-preload" "and is silent otherwise"

	# The same list against jail's two stages.
	jrun --stage exec --allow "$MAIN4" -- "$MYOS"
	is "$st" 159 "jail --stage exec --allow $MAIN4: too small at exec"
	jrun --stage main --allow "$MAIN4" -- "$MYOS"
	is "$st:$out" "0:My OS is Linux!" "jail --stage main --allow $MAIN4: enough"
	jrun --stage main --allow exit_group:write:newfstatat -- "$MYOS"
	is "$st" 159 "jail --stage main without uname: killed"
	like "$err" "denied syscall uname" "and the main-stage denial is named"
	jrun --stage main --allow-startup @startup-dynamic --allow "$MAIN4" -- "$MYOS"
	is "$st:$out" "0:My OS is Linux!" "allow-startup @startup-dynamic covers start-up"
	jrun --stage main --allow-startup brk --allow "$MAIN4" -- "$MYOS"
	is "$st" 159 "an allow-startup list that is too small kills during start-up"
	jrun --stage main --allow "$MAIN4" -- "$PROBE" echo hi
	is "$st" 125 "--stage main on a static program is refused"
	like "$err" "^jail: --stage main: .*statically linked" "with a clear message"

	# DT_NEEDED: the variables alone sandbox the binary.
	if command -v patchelf >/dev/null; then
		cp "$MYOS" "$W/myos-needed"
		chmod 755 "$W/myos-needed"
		patchelf --add-needed "$lib" "$W/myos-needed"
		u "$W/myos-needed"
		is "$st:$out" "0:My OS is Linux!" "patchelf --add-needed: runs as before"
		u env SECCOMP_SYSCALL_DENY=uname "$W/myos-needed"
		is "$st" 159 "patchelf --add-needed + SECCOMP_SYSCALL_DENY=uname: killed"
		rm -f "$W/myos-needed"
	else
		skip "patchelf" "not installed"
	fi

	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_DENY=execve /bin/bash -c 'echo before; exec /bin/true'
	is "$st:$out" "159:before" "bash under SECCOMP_SYSCALL_DENY=execve: echoes, then killed at exec"

	# Bad input never runs the program unsandboxed.
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_DENY=unmae "$MYOS"
	is "$st" 125 "an unknown name: 125"
	like "$err" "^jail-preload: SECCOMP_SYSCALL_DENY: unknown syscall 'unmae'" "named, with the variable"
	unlike "$out" "My OS" "and main never ran"
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_ALLOW=uname::write "$MYOS"
	is "$st" 125 "an empty item: 125"
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_ALLOW= "$MYOS"
	is "$st" 125 "an empty variable: 125"
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_ALLOW=$MAIN4 SECCOMP_SYSCALL_DENY=uname "$MYOS"
	is "$st" 125 "both variables naming uname: 125"
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_DENI=uname "$MYOS"
	is "$st" 125 "a misspelled variable: 125, not an open door"

	# The variables do not reach children.
	u env LD_PRELOAD="$lib" SECCOMP_SYSCALL_DENY=ptrace /usr/bin/env
	unlike "$out" "^SECCOMP_SYSCALL_DENY=" "the variables are unset for children"
}

for_each_mode suite
done_testing
