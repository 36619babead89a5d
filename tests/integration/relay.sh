#!/bin/bash
# relay.sh — SPEC 3: with RLIMIT_FSIZE 0 the target cannot grow files, so
# when its stdout/stderr is a regular file jail relays it through a pipe;
# nothing may be lost, reordered or written in the wrong mode.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

head -c 100000000 /dev/urandom >"$D/big"
head -c 10000000 "$D/big" >"$D/10m"
chmod 644 "$D/big" "$D/10m"

expected_lines() {
	local i
	for ((i = 1; i <= $1; i++)); do
		printf 'line=%d fd=%d\n' "$i" $((i % 2 ? 1 : 2))
	done
}
expected_lines 2000 >"$D/mixed"

suite() {
	rm -f "$W/big.out"
	jail_raw -- cat <"$D/big" >"$W/big.out" 2>"$W/.err"
	st=$?
	if [ "$st" = 0 ] && cmp -s "$D/big" "$W/big.out"; then
		ok "100 MB through jail -- cat into a regular file: identical"
	else
		not_ok "100 MB through jail -- cat into a regular file: identical" \
			"status $st, $(stat -c %s "$W/big.out" 2>/dev/null) bytes; $(head -c 300 "$W/.err")"
	fi
	rm -f "$W/big.out"

	jail_raw -- cat <"$D/big" 2>"$W/.err" | cmp -s - "$D/big"
	local ps="${PIPESTATUS[0]},${PIPESTATUS[1]}"
	is "$ps" "0,0" "100 MB through jail -- cat into a pipe: identical"

	# The target's own limit is still 0 while its stdout is a file.
	jail_raw -- "$PROBE" rlimits >"$W/limits" 2>&1
	is "$(kv fsize "$(cat "$W/limits")")" "0:0" "RLIMIT_FSIZE stays 0 while stdout is a regular file"
	jail_raw -- "$PROBE" fdtype 1 >"$W/fdtype" 2>&1
	is "$(kv fd1 "$(cat "$W/fdtype")")" fifo "the target's stdout is a pipe when the caller's is a file"
	jail_raw -- "$PROBE" fdtype 2 >"$W/fdtype" 2>"$W/.err"
	is "$(kv fd2 "$(cat "$W/fdtype")")" fifo "the target's stderr is a pipe when the caller's is a file"

	# >> keeps O_APPEND semantics: appended after what is there.
	printf 'line0\n' >"$W/log"
	jail_raw -- "$PROBE" echo line1 >>"$W/log" 2>"$W/.err"
	jail_raw -- "$PROBE" echo line2 >>"$W/log" 2>"$W/.err"
	is "$(cat "$W/log")" "line0
line1
line2" ">> log appends, twice"

	# Two writers of one O_APPEND file: each line lands whole, at the end.
	: >"$W/shared"
	jail_raw -- "$PROBE" stdout-stderr 200 >>"$W/shared" 2>>"$W/shared" &
	local bg=$!
	local i
	for ((i = 0; i < 50; i++)); do printf 'outside=%d\n' "$i" >>"$W/shared"; done
	wait "$bg"
	if [ "$(grep -c '^line=' "$W/shared")" = 200 ] && [ "$(grep -c '^outside=' "$W/shared")" = 50 ] &&
	   [ "$(wc -l <"$W/shared")" = 250 ]; then
		ok ">> with a concurrent writer: nothing overwritten"
	else
		not_ok ">> with a concurrent writer: nothing overwritten" "$(head -c 400 "$W/shared")"
	fi

	# > f 2>&1: one open file, one pipe, the order the target wrote in.
	jail_raw -- "$PROBE" stdout-stderr 2000 >"$W/mixed" 2>&1
	if cmp -s "$W/mixed" "$D/mixed"; then
		ok "> f 2>&1 keeps stdout and stderr in order"
	else
		not_ok "> f 2>&1 keeps stdout and stderr in order" \
			"$(diff "$D/mixed" "$W/mixed" | head -n 10)"
	fi
	jail_raw -- "$PROBE" stdout-stderr 2000 2>&1 >"$W/mixed.out" | cat >"$W/mixed.err"
	if cmp -s "$W/mixed.out" <(grep 'fd=1' "$D/mixed") && cmp -s "$W/mixed.err" <(grep 'fd=2' "$D/mixed"); then
		ok "stdout to a file and stderr to a pipe are kept apart"
	else
		not_ok "stdout to a file and stderr to a pipe are kept apart" "$(head -n 4 "$W/mixed.out")"
	fi

	# The status is the target's, and the output is complete at exit.
	jail_raw -- "$PROBE" stdout-stderr 3 >"$W/last" 2>&1
	st=$?
	jail_raw -- "$PROBE" exit 3 >"$W/last3" 2>&1
	is "$?,$st,$(wc -l <"$W/last")" "3,0,3" "the exit status passes through the relay, output complete"

	# Writing into a file the caller opened does not need RLIMIT_FSIZE.
	rm -f "$W/gz"
	jail_raw -- gzip -c <"$D/10m" >"$W/gz" 2>"$W/.err"
	st=$?
	if [ "$st" = 0 ] && gunzip -c "$W/gz" | cmp -s - "$D/10m"; then
		ok "10 MB through gzip in a jail: round-trips"
	else
		not_ok "10 MB through gzip in a jail: round-trips" "status $st; $(head -c 300 "$W/.err")"
	fi
	rm -f "$W/gz"
}

for_each_mode suite
done_testing
