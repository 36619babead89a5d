#!/bin/bash
# compress.sh — the gzip, bzip2, xz and zstd profiles: each compresses and
# decompresses real data byte for byte like the bare tool, and cannot
# write a file (in-place compression in a writable bind is killed).
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
. "$top_srcdir/tests/profiles/lib.sh"

LOG=$D/syslog.log
# A larger input, so that compressors fill their buffers and zstd/xz
# start their machinery; and one that outlives a closed pipe.
for i in $(seq 1 400); do cat "$LOG"; done >"$D/big.log"
chmod a+r "$D/big.log"

# codec TOOL EXT — the round trip and the bite for one compressor.
codec() {
	local tool=$1 ext=$2 dir
	if ! have "$tool"; then
		skip "$tool profile" "$tool is not installed"
		return
	fi

	bare "$LOG" "$tool" -c
	jailed "$LOG" -p "$tool" -- "$tool" -c
	same_as_bare "$tool -c: the same compressed bytes as bare"

	bare "$D/syslog.log.$ext" "$tool" -dc
	jailed "$D/syslog.log.$ext" -p "$tool" -- "$tool" -dc
	same_as_bare "$tool -dc on a shipped .$ext: the same bytes as bare"
	if cmp -s "$W/jail.out" "$LOG"; then ok "$tool -dc restores syslog.log"; else not_ok "$tool -dc restores syslog.log"; fi

	bare "$D/big.log" "$tool" -c -6
	jailed "$D/big.log" -p "$tool" -- "$tool" -c -6
	same_as_bare "$tool -c -6 on 1.2 MB: the same bytes as bare"

	# In place: the tool must create FILE.EXT next to FILE.
	dir=$(wdir "$tool-inplace")
	cp "$LOG" "$dir/victim.log"
	chmod 666 "$dir/victim.log"
	jailed /dev/null -p "$tool" --bind "$dir" -- "$tool" -k "$dir/victim.log"
	killed_for openat "$tool -k FILE in a writable bind: killed at openat"
	absent "$dir/victim.log.$ext" "and no $ext file was written"
}

suite() {
	codec gzip gz
	codec bzip2 bz2
	codec xz xz
	codec zstd zst

	if have xz; then
		jailed "$D/big.log" -p xz -- xz -T2 -c
		if [ "$st" = 0 ] && xz -dc <"$W/jail.out" | cmp -s - "$D/big.log"; then
			ok "xz -T2 (threads) works and round-trips"
		else
			not_ok "xz -T2 (threads) works and round-trips" "$(last_run)"
		fi
	fi

	if have gzip; then
		# A reader that stops early: gzip dies of SIGPIPE, as it would
		# bare, and is not reported as a policy kill.
		gzip -c <"$D/big.log" >"$D/big.log.gz"
		chmod a+r "$D/big.log.gz"
		st=$( { timeout -s KILL "$GUARD" "${RUN[@]}" "$JAILBIN" -p gzip -- gzip -dc \
			<"$D/big.log.gz" 2>"$W/jail.err"; echo $? >"$W/st"; } | head -c 100 >/dev/null; cat "$W/st")
		err=$(cat "$W/jail.err")
		_last_cmd="jail -p gzip -- gzip -dc | head -c 100"
		is "$st" 141 "gzip -dc | head: SIGPIPE (141), as bare"
		unlike "$err" "denied syscall" "and no denial"

		# gzip -c FILE names a file jail did not bind: it is not there.
		jailed /dev/null -p gzip -- gzip -c "$SECRET_DIR/secret.txt"
		isnt "$st" 0 "gzip -c on an unbound host file fails"
		unlike "$(gzip -dc <"$W/jail.out" 2>/dev/null)" secret-token "and its content did not come out"
	fi
}

for_each_mode suite
done_testing
