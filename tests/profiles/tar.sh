#!/bin/bash
# tar.sh — the tar profile: extraction into a bound directory gives the
# same tree as bare tar; listing and creation match byte for byte; a
# `../../evil` member never lands outside the bind, not even with -P; and
# tar cannot start a decompressor.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
. "$top_srcdir/tests/profiles/lib.sh"

# tree DIR — a listing of DIR's contents that ignores owners: type, mode,
# size, mtime, link target and a digest of each file.
tree() {
	(cd "$1" && find . -mindepth 1 -printf '%y|%m|%s|%T@|%l|%p\n' | sort -t'|' -k6 |
		while IFS='|' read -r y m s t l p; do
			if [ "$y" = f ]; then
				printf '%s %s %s %s %s %s\n' "$y" "$m" "$s" "$t" "$p" "$(sha256sum <"$p" | cut -c1-16)"
			else
				printf '%s %s %s %s %s\n' "$y" "$m" "$t" "$p" "$l"
			fi
		done)
}

suite() {
	local bdir jdir top src
	# Extraction: the same tree as bare tar, hard and symbolic links,
	# modes and times included.
	bdir=$(wdir tar-bare)
	jdir=$(wdir tar-jail)
	bare "$D/sample.tar" tar --numeric-owner -xf - -C "$bdir"
	jailed "$D/sample.tar" -p tar --bind "$jdir" -- tar --numeric-owner -xf - -C "$jdir"
	is "$st" "$bare_st" "tar -x into a bind: the same status as bare ($bare_st)"
	is "$(tree "$jdir")" "$(tree "$bdir")" "and the same tree"
	like "$(tree "$jdir")" '^f 600 10 .* \./docs/private\.txt' "a 0600 member keeps its mode"
	if [ "$jdir/docs/hard.txt" -ef "$jdir/docs/readme.txt" ]; then ok "the hard link is one"; else not_ok "the hard link is one"; fi

	bare "$D/sample.tar" tar --numeric-owner -tvf -
	jailed "$D/sample.tar" -p tar -- tar --numeric-owner -tvf -
	same_as_bare "tar -tv: same listing"

	# Creation, from a tree every mode can read; owners pinned, as the
	# jail's uid is not the caller's.
	src=$(wdir tar-src)
	cp -R "$D"/*.log* "$D/sample.json" "$src/"
	ln -s syslog.log "$src/current.log"
	chmod -R a+rX "$src"
	bare /dev/null tar --owner=0 --group=0 --numeric-owner --sort=name --mtime=@1700000000 -cf - -C "$src" .
	jailed /dev/null -p tar --ro-bind "$src" -- tar --owner=0 --group=0 --numeric-owner --sort=name --mtime=@1700000000 -cf - -C "$src" .
	same_as_bare "tar -c of a read-only bind to stdout: same archive bytes"

	# ../../evil, honoured with -P: the bind is $W/evil-a/b, so the member
	# would land at $W/evil.  The read-only root stops it; the other
	# members are extracted.
	top=$(wdir evil-a)
	mkdir -p "$top/b"
	chmod 777 "$top/b"
	rm -f "$W/evil"
	jailed "$D/evil.tar" -p tar --bind "$top/b" -- tar --numeric-owner -xPf - -C "$top/b"
	isnt "$st" 0 "tar -xP of ../../evil: fails"
	absent "$W/evil" "../../evil was not written outside the bind"
	is "$(cat "$top/b/ok.txt" "$top/b/after.txt" 2>/dev/null)" "harmless member
member after the evil one" "the other members were extracted"

	# Without -P tar refuses the member itself, as it does bare (tar's own
	# defence, not jail's: this one passes against the stub too).
	top=$(wdir evil-c)
	mkdir -p "$top/d"
	chmod 777 "$top/d"
	jailed "$D/evil.tar" -p tar --bind "$top/d" -- tar --numeric-owner -xf - -C "$top/d"
	is "$st:$(cat "$top/d/after.txt" 2>/dev/null)" "2:member after the evil one" \
		"tar -x without -P: refuses ../../evil (2), extracts the rest"

	# An absolute member path aimed at a host file through the bind's
	# parent: nothing outside the bind is writable.
	jdir=$(wdir tar-abs)
	printf 'host file\n' >"$W/victim.txt"
	chmod 666 "$W/victim.txt"
	tar --numeric-owner -cPf "$W/abs.tar" "$W/victim.txt" 2>/dev/null
	printf 'overwritten\n' >"$W/victim.txt"
	tar --numeric-owner -cPf "$W/abs.tar" "$W/victim.txt" 2>/dev/null
	printf 'host file\n' >"$W/victim.txt"
	jailed "$W/abs.tar" -p tar --bind "$jdir" -- tar --numeric-owner -xPf - -C "$jdir"
	is "$(cat "$W/victim.txt")" "host file" "tar -xP of an absolute member: the host file is untouched"

	# tar -z runs gzip: no processes.
	gzip -c <"$D/sample.tar" >"$W/sample.tar.gz"
	jdir=$(wdir tar-z)
	jailed "$W/sample.tar.gz" -p tar --bind "$jdir" -- tar --numeric-owner -xzf - -C "$jdir"
	killed_for 'pipe2|clone|fork|vfork|execve' "tar -xz (runs gzip): killed setting up the child"
	absent "$jdir/top.txt" "and nothing was extracted"

	# The fsize limit holds inside the bind too.
	jdir=$(wdir tar-big)
	head -c 2M /dev/zero >"$W/big.bin"
	tar --numeric-owner -cf "$W/big.tar" -C "$W" big.bin
	jailed "$W/big.tar" -p tar --fsize 1M --bind "$jdir" -- tar --numeric-owner -xf - -C "$jdir"
	isnt "$st" 0 "a member larger than fsize (1M here): tar fails"
	is "$(stat -c %s "$jdir/big.bin" 2>/dev/null || echo 0)" 1048576 "and the file stops at the limit"
}

if have tar gzip; then
	for_each_mode suite
else
	skip "tar profile" "tar or gzip is not installed"
fi
done_testing
