#!/bin/bash
# basics.sh — exit statuses (SPEC 2, "Exit status"), option errors, --help,
# --version, -q, -v, and ordinary programs that just work.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

printf 'not a program\n' >"$D/notexec"
chmod 644 "$D/notexec"
head -c 300000 /dev/urandom | od -An -tx1 >"$D/text"   # ~1 MB, compressible
chmod 644 "$D/text"
ln -s jail "$T/jail/lt-jail"

# One bad option: 125, a "jail: " line, and the command never ran.
bad_option() {
	local desc=$1
	shift
	jrun "$@" -- "$PROBE" echo RAN
	if [ "$st" = 125 ] && grep -q '^jail: ' <<<"$err" && ! grep -q RAN <<<"$out"; then
		ok "$desc: 125 with a 'jail: ' line, nothing run"
	else
		not_ok "$desc: 125 with a 'jail: ' line, nothing run" "$(last_run)"
	fi
}

suite() {
	jrun -- /bin/true
	is "$st" 0 "jail -- /bin/true exits 0"
	jrun -- /bin/false
	is "$st" 1 "jail -- /bin/false exits 1"
	jrun -- "$PROBE" exit 42
	is "$st" 42 "the target's own status passes through (42)"
	jrun -- "$PROBE" kill-self USR1
	is "$st" 138 "a target killed by SIGUSR1 gives 128+10"
	jrun -- "$PROBE" kill-self TERM
	is "$st" 143 "a target killed by SIGTERM gives 128+15"

	jrun -- /nonexistent-jail-test/cmd
	is "$st" 127 "a missing absolute command gives 127"
	jrun -- jail-test-no-such-command
	is "$st" 127 "a command not found in PATH gives 127"
	jrun -- "$D/notexec"
	is "$st" 126 "a non-executable file gives 126"
	jrun -- "$D"
	is "$st" 126 "a directory as the command gives 126"

	bad_option "--fsize -5" --fsize -5
	bad_option "--uid foo" --uid foo
	bad_option "--gid foo" --gid foo
	bad_option "--timeout abc" --timeout abc
	bad_option "--rlimit bogus=1" --rlimit bogus=1
	bad_option "--rlimit nofile=abc" --rlimit nofile=abc
	bad_option "--bind of a missing source" --bind /nonexistent-jail-test
	bad_option "--ro-bind of a missing source" --ro-bind /nonexistent-jail-test:/x
	bad_option "an unknown option" --no-such-option
	bad_option "--bind /tmp:../../x" --bind "$W:../../x"
	bad_option "--share bogus" --share bogus
	bad_option "--stage bogus" --stage bogus
	bad_option "--status-fd abc" --status-fd abc
	bad_option "--allow of an unknown syscall" --allow no_such_syscall_jail
	bad_option "-p of a missing profile" -p /nonexistent-jail-test.profile

	jrun
	if [ "$st" = 125 ] && grep -q '^jail: ' <<<"$err"; then
		ok "no command: 125 with a 'jail: ' line"
	else
		not_ok "no command: 125 with a 'jail: ' line" "$(last_run)"
	fi

	# Started under another name (libtool's lt-jail), errors still say "jail: ".
	timeout -s KILL "$GUARD" "${RUN[@]}" "$T/jail/lt-jail" --fsize -5 -- /bin/true \
		>/dev/null 2>"$W/.err"
	st=$?
	err=$(cat "$W/.err")
	_last_cmd="lt-jail --fsize -5 -- /bin/true"
	if [ "$st" = 125 ] && grep -q '^jail: ' <<<"$err"; then
		ok "started as lt-jail, errors still start with 'jail: '"
	else
		not_ok "started as lt-jail, errors still start with 'jail: '" "$(last_run)"
	fi

	jrun --help
	is "$st" 0 "--help exits 0"
	like "$out" '--ro-bind' "--help lists the options on stdout"
	jrun --version
	is "$st" 0 "--version exits 0"
	like "$out" '[0-9]+\.[0-9]+' "--version prints a version number"

	jrun -- "$PROBE" echo hello world
	is "$out" "hello world" "the target's stdout reaches the caller"
	JIN=$D/text jrun -- cat
	if [ "$st" = 0 ] && cmp -s "$W/.out" "$D/text"; then
		ok "the caller's stdin reaches the target (cat)"
	else
		not_ok "the caller's stdin reaches the target (cat)" "$(last_run)"
	fi

	# gzip is dynamic: its loader and libraries are found and bound.
	rm -f "$W/text.gz"
	jail_raw -- gzip -c <"$D/text" >"$W/text.gz" 2>"$W/.err"
	st=$?
	if [ "$st" = 0 ] && gunzip -c "$W/text.gz" | cmp -s - "$D/text"; then
		ok "jail -- gzip -c < f > f.gz round-trips through gunzip"
	else
		not_ok "jail -- gzip -c < f > f.gz round-trips through gunzip" \
			"status $st; $(head -c 500 "$W/.err")"
	fi

	jrun -- "$MYOS"
	is "$out" "My OS is Linux!" "the seed's myos (dynamic) runs"

	jrun --system -- /bin/sh -c 'echo hi'
	is "$out" "hi" "jail --system -- /bin/sh -c 'echo hi' prints hi"

	jrun -q -- /bin/true
	if [ "$st" = 0 ] && [ -z "$err" ]; then
		ok "-q: a good run says nothing on stderr"
	else
		not_ok "-q: a good run says nothing on stderr" "$(last_run)"
	fi
	jrun -q --fsize -5 -- /bin/true
	if [ "$st" = 125 ] && grep -q '^jail: ' <<<"$err"; then
		ok "-q still reports errors"
	else
		not_ok "-q still reports errors" "$(last_run)"
	fi

	# -v: one line per layer (SPEC 2's five), on stderr, stdout untouched.
	jrun -v -- "$PROBE" echo target-out
	local missing='' layer
	for layer in 'namespace' 'root|mount|pivot' 'rlimit|limit' 'uid|capabilit' 'seccomp|filter'; do
		grep -Eqi -- "$layer" <<<"$err" || missing="$missing /$layer/"
	done
	if [ "$st" = 0 ] && [ -z "$missing" ] && [ "$(wc -l <<<"$err")" -ge 5 ]; then
		ok "-v says what each layer did, on stderr"
	else
		not_ok "-v says what each layer did, on stderr" "missing:$missing
$(last_run)"
	fi
	is "$out" "target-out" "-v leaves the target's stdout alone"
}

for_each_mode suite
done_testing
