#!/bin/bash
# learn.sh — jail --learn (SPEC 2, 6): learn a run, then run with what was
# learned, on other input; threads and children are learned too.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

cp "$HELPERS_DIR/learnme" "$T/bin/"
chmod 755 "$T/bin/learnme"
LEARNME=$T/bin/learnme
seq 1 40000 >"$D/a.txt"
seq 5 70000 | sed 's/$/ lorem ipsum/' >"$D/b.txt"
printf '{"a":[1,2,{"b":3}],"c":"x"}\n' >"$D/a.json"
printf '{"x":{"y":[5,6]},"z":"s","n":null}\n' >"$D/b.json"
chmod 644 "$D"/*

# learn_then_run NAME LEARN-INPUT RUN-INPUT CMD... — learn CMD on one
# input, run it with the learned profile on the other, compare with bare.
learn_then_run() {
	local name=$1 in1=$2 in2=$3
	shift 3
	local prof=$W/$name.profile
	rm -f "$prof"
	JIN=$in1 jrun -q --learn "$prof" -- "$@"
	is "$st" 0 "$name: the learning run succeeds"
	check "$name: the learned profile exists" test -s "$prof"
	JIN=$in2 jrun -p "$prof" -- "$@"
	local got=$out want
	want=$("$@" <"$in2")
	is "$st" 0 "$name: runs under the learned profile on other input"
	if [ "$got" = "$want" ]; then ok "$name: same output as bare"; else not_ok "$name: same output as bare" "$(last_run)"; fi
	JIN=$in2 jrun -p "$prof" --stage main -- "$@"
	is "$st" 0 "$name: the learned profile works with --stage main too"
}

suite() {
	local prof=$W/myos.profile
	rm -f "$prof"
	jrun --learn "$prof" -- "$MYOS"
	is "$st:$out" "0:My OS is Linux!" "learning myos: it runs as usual"
	like "$err" "learned profile written to" "and says where the profile went"
	like "$(cat "$prof")" "^allow uname  # 0 before main, 1 after" "uname is allowed, counted in main"
	like "$(cat "$prof")" "^allow-startup @startup-dynamic" "start-up goes through the group"
	like "$(cat "$prof")" "^# Learned by jail [0-9.]+" "the jail version is recorded"
	jrun -p "$prof" -- "$MYOS"
	is "$st:$out" "0:My OS is Linux!" "myos under its learned profile"
	grep -v '^allow uname' "$prof" >"$W/myos-nouname.profile"
	jrun -p "$W/myos-nouname.profile" -- "$MYOS"
	is "$st" 159 "without its uname line: 159"

	learn_then_run gzip "$D/a.txt" "$D/b.txt" gzip -c
	learn_then_run xz "$D/a.txt" "$D/b.txt" xz -c
	learn_then_run grep "$D/a.txt" "$D/b.txt" grep -c 7
	learn_then_run jq "$D/a.json" "$D/b.json" jq -c .

	rm -f "$W/learnme.profile"
	jrun -q --learn "$W/learnme.profile" -- "$LEARNME"
	is "$st:$out" "0:done" "learning a program with a thread and a child"
	like "$(cat "$W/learnme.profile")" "^allow getcpu" "the thread's syscall is learned"
	like "$(cat "$W/learnme.profile")" "^allow getpriority" "the child's syscall is learned"
	like "$(cat "$W/learnme.profile")" "^allow clone" "and the clone that made them"
	jrun -p "$W/learnme.profile" -- "$LEARNME"
	is "$st:$out" "0:done" "it runs under what was learned"

	"${RUN[@]}" "$JAILBIN" -p "$W/learnme.profile" --export oci >"$W/learnme.json" 2>/dev/null
	if jq -e '[.syscalls[].names[]] | index("getcpu") and index("getpriority")' "$W/learnme.json" >/dev/null; then
		ok "--export oci of a learned profile is JSON with its syscalls"
	else
		not_ok "--export oci of a learned profile is JSON with its syscalls" "$(head -c 800 "$W/learnme.json")"
	fi

	# --learn-merge adds what another run saw.
	cp "$prof" "$W/merged.profile"
	jrun -q --learn "$W/merged.profile" --learn-merge -- "$LEARNME"
	like "$(cat "$W/merged.profile")" "^allow uname" "--learn-merge keeps what the earlier run allowed"
	like "$(cat "$W/merged.profile")" "^allow getcpu" "and adds what the new run saw"

	jrun --learn "$W/x.profile" --allow read -- "$MYOS"
	is "$st" 125 "--learn with --allow is refused"
	jrun --learn "$W/x.profile" --stage main -- "$MYOS"
	is "$st" 125 "--learn with --stage is refused"
	jrun -q --learn "$W/exit3.profile" -- "$PROBE" exit 3
	is "$st" 3 "--learn exits with the target's own status"
}

for_each_mode suite
done_testing
