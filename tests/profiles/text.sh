#!/bin/bash
# text.sh — the grep, sed, gawk, jq, sort, base64, sha256sum and
# syslog-parse profiles: each gives the bare tool's exact output on real
# input, and each is refused what its header forbids (writing files,
# running commands, reading outside the jail).
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
. "$top_srcdir/tests/profiles/lib.sh"

LOG=$D/syslog.log
JSON=$D/sample.json

grep_suite() {
	bare "$LOG" grep -n -E 'Failed|error'
	jailed "$LOG" -p grep -- grep -n -E 'Failed|error'
	same_as_bare "grep -n -E on syslog.log: same output"
	bare /dev/null grep -r -c sshd "$D"
	jailed /dev/null -p grep --ro-bind "$D" -- grep -r -c sshd "$D"
	same_as_bare "grep -r over a read-only bind: same output"

	# A UTF-8 locale needs the locale data bound (the profile says so).
	if [ -d /usr/lib/locale/C.utf8 ]; then
		printf 'caf\303\251\nCAF\303\211\ncafe\n' >"$D/utf8.txt"
		chmod a+r "$D/utf8.txt"
		LC_ALL=C.UTF-8 bare "$D/utf8.txt" grep -i "$(printf 'caf\303\251')"
		LC_ALL=C.UTF-8 jailed "$D/utf8.txt" -p grep --ro-bind /usr/lib/locale -- grep -i "$(printf 'caf\303\251')"
		same_as_bare "grep -i in C.UTF-8 with /usr/lib/locale bound: same matches (2)"
	else
		skip "grep -i in C.UTF-8" "no /usr/lib/locale/C.utf8"
	fi

	jailed /dev/null -p grep -- grep -H secret-token "$SECRET_DIR/secret.txt"
	is "$st" 2 "grep on an unbound host file: not found (2)"
	unlike "$out" secret-token "and the secret did not come out"
}

sed_suite() {
	local dir
	bare "$LOG" sed -E -e 's/([0-9]+\.){3}[0-9]+/IP/g' -e '/CRON/d'
	jailed "$LOG" -p sed -- sed -E -e 's/([0-9]+\.){3}[0-9]+/IP/g' -e '/CRON/d'
	same_as_bare "sed redacting addresses: same output"

	dir=$(wdir sed-w)
	jailed "$LOG" -p sed --bind "$dir" -- sed -n "/sshd/w $dir/stolen"
	killed_for openat "sed 'w FILE' into a writable bind: killed at openat"
	absent "$dir/stolen" "and nothing was written"
	jailed "$LOG" -p sed -- sed -n '1e id'
	is "$st" 159 "sed 'e id' (run a command): killed"
	unlike "$out" 'uid=' "and id did not run"
}

gawk_suite() {
	local dir
	bare "$LOG" gawk '{ n[$5]++ } END { PROCINFO["sorted_in"] = "@ind_str_asc"; for (k in n) print k, n[k] }'
	jailed "$LOG" -p gawk -- gawk '{ n[$5]++ } END { PROCINFO["sorted_in"] = "@ind_str_asc"; for (k in n) print k, n[k] }'
	same_as_bare "gawk counting programs: same output"

	jailed /dev/null -p gawk -- gawk 'BEGIN { system("id") }'
	killed_for 'clone|fork|vfork|execve' "gawk system(\"id\"): killed at process creation"
	unlike "$out" 'uid=' "and id did not run"
	jailed /dev/null -p gawk -- gawk 'BEGIN { while (("id" | getline l) > 0) print l }'
	is "$st" 159 "gawk \"id\" | getline: killed"
	unlike "$out" 'uid=' "and id did not run"
	dir=$(wdir gawk-w)
	jailed "$LOG" -p gawk --bind "$dir" -- gawk -v f="$dir/stolen" '{ print > f }'
	killed_for openat "gawk print > FILE in a writable bind: killed at openat"
	absent "$dir/stolen" "and nothing was written"
	jailed /dev/null -p gawk -- gawk 'BEGIN { s = "/inet/tcp/0/127.0.0.1/9"; print "x" |& s; close(s) }'
	killed_for socket "gawk /inet/tcp: killed at socket"
	jailed /dev/null -p gawk -- gawk -v f="$SECRET_DIR/secret.txt" 'BEGIN { while ((getline l < f) > 0) print l }'
	unlike "$out" secret-token "gawk getline < unbound host file: nothing read"
}

jq_suite() {
	bare "$JSON" jq -c '[.hosts[] | select(.up) | {name, l: (.load | add)}], .limits'
	jailed "$JSON" -p jq -- jq -c '[.hosts[] | select(.up) | {name, l: (.load | add)}], .limits'
	same_as_bare "jq select/add: same output"
	bare "$JSON" jq -S .
	jailed "$JSON" -p jq -- jq -S .
	same_as_bare "jq -S . (unicode, escapes): same output"

	mkdir -p "$D/jqlib"
	printf 'def up: [.hosts[] | select(.up) | .name];\n' >"$D/jqlib/hosts.jq"
	chmod -R a+rX "$D/jqlib"
	bare "$JSON" jq -c -L "$D/jqlib" 'import "hosts" as h; h::up'
	jailed "$JSON" -p jq --ro-bind "$D/jqlib" -- jq -c -L "$D/jqlib" 'import "hosts" as h; h::up'
	same_as_bare "jq -L with a module from a read-only bind: same output"

	jailed /dev/null -p jq -- jq -c . "$SECRET_DIR/secret.json"
	is "$st" 2 "jq on an unbound host file: cannot open (2)"
	unlike "$out" secret-token "and the secret did not come out"
	jailed /dev/null -p jq -- jq -n --rawfile s "$SECRET_DIR/secret.txt" '$s'
	unlike "$out" secret-token "jq --rawfile of an unbound file: nothing read"
}

sort_suite() {
	local dir
	bare "$LOG" sort -k5,5 -k3,3r
	jailed "$LOG" -p sort -- sort -k5,5 -k3,3r
	same_as_bare "sort by keys: same output"
	for i in $(seq 1 150); do cat "$LOG"; done >"$D/mid.log"
	chmod a+r "$D/mid.log"
	bare "$D/mid.log" sort --parallel=2 -S 64M
	jailed "$D/mid.log" -p sort -- sort --parallel=2 -S 64M
	same_as_bare "sort --parallel=2 of 470 kB: same output"

	dir=$(wdir sort-w)
	jailed "$LOG" -p sort --bind "$dir" -- sort -o "$dir/stolen"
	killed_for openat "sort -o FILE in a writable bind: killed at openat"
	absent "$dir/stolen" "and nothing was written"
}

coreutils_suite() {
	bare "$D/sample.pdf" base64
	jailed "$D/sample.pdf" -p base64 -- base64
	same_as_bare "base64 of a PDF: same output"
	cp "$W/bare.out" "$D/pdf.b64"
	chmod a+r "$D/pdf.b64"
	bare "$D/pdf.b64" base64 -d
	jailed "$D/pdf.b64" -p base64 -- base64 -d
	same_as_bare "base64 -d: same output"
	if cmp -s "$W/jail.out" "$D/sample.pdf"; then ok "base64 round trip restores the PDF"; else not_ok "base64 round trip restores the PDF"; fi
	jailed /dev/null -p base64 -- base64 "$SECRET_DIR/secret.txt"
	isnt "$st" 0 "base64 of an unbound host file fails"
	unlike "$out" "$(base64 "$SECRET_DIR/secret.txt")" "and the secret did not come out"

	(cd "$D" && sha256sum syslog.log sample.json sample.pdf sample.tar >SHA256SUMS)
	chmod a+r "$D/SHA256SUMS"
	bare /dev/null sh -c "cd '$D' && sha256sum syslog.log sample.json sample.pdf"
	jailed /dev/null -p sha256sum --ro-bind "$D" --cwd "$D" -- sha256sum syslog.log sample.json sample.pdf
	same_as_bare "sha256sum of bound files: same output"
	jailed /dev/null -p sha256sum --ro-bind "$D" --cwd "$D" -- sha256sum -c SHA256SUMS
	is "$st:$(grep -c ': OK$' <<<"$out")" "0:4" "sha256sum -c: all four OK"
	jailed /dev/null -p sha256sum -- sha256sum "$SECRET_DIR/secret.txt"
	is "$st" 1 "sha256sum of an unbound host file fails"
	unlike "$out" "$(sha256sum <"$SECRET_DIR/secret.txt" | cut -c1-64)" "and no digest of it came out"
}

syslog_suite() {
	local dir
	bare "$LOG" gawk -f "$D/sshd-failures.awk"
	jailed "$LOG" -p syslog-parse --ro-bind "$D/sshd-failures.awk" -- gawk -f "$D/sshd-failures.awk"
	same_as_bare "syslog-parse: gawk -f sshd-failures.awk, same report"
	like "$out" '^203\.0\.113\.45 +2$' "and it counts 2 failures from 203.0.113.45"
	bare "$LOG" grep -c -E 'sshd.*(Failed|Invalid)'
	jailed "$LOG" -p syslog-parse -- grep -c -E 'sshd.*(Failed|Invalid)'
	same_as_bare "syslog-parse: grep -c, same count"
	bare "$LOG" sed -n -E 's/.*(Out of memory: .*)/\1/p'
	jailed "$LOG" -p syslog-parse -- sed -n -E 's/.*(Out of memory: .*)/\1/p'
	same_as_bare "syslog-parse: sed extraction, same output"

	jailed "$LOG" -p syslog-parse -- gawk '/sshd/ { system("id") }'
	is "$st" 159 "syslog-parse: gawk system() killed"
	unlike "$out" 'uid=' "and id did not run"
	dir=$(wdir syslog-w)
	jailed "$LOG" -p syslog-parse --bind "$dir" -- gawk -v f="$dir/stolen" '{ print >> f }'
	killed_for openat "syslog-parse: gawk print >> FILE killed at openat"
	absent "$dir/stolen" "and nothing was written"
	jailed /dev/null -p syslog-parse -- grep -h . "$SECRET_DIR/secret.txt"
	unlike "$out" secret-token "syslog-parse: an unbound host file cannot be read"
}

suite() {
	local s tool
	for s in grep:grep sed:sed gawk:gawk jq:jq sort:sort coreutils:base64 syslog:gawk; do
		tool=${s#*:}
		if have "$tool"; then "${s%%:*}_suite"; else skip "${s%%:*}" "$tool is not installed"; fi
	done
}

for_each_mode suite
done_testing
