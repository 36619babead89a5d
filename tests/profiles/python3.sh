#!/bin/bash
# python3.sh — the python3 profile: a real script (tests/data/report.py,
# a syslog report) gives the same JSON as bare; the interpreter can open
# no socket, start no process, write no file and read nothing unbound.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
. "$top_srcdir/tests/profiles/lib.sh"

PY=/usr/bin/python3

# pyjail CODE [JAIL-ARGS]... — run CODE as a script file under the profile.
pyjail() {
	local code=$1
	shift
	printf '%s\n' "$code" >"$D/t.py"
	chmod a+r "$D/t.py"
	jailed /dev/null -p python3 --ro-bind "$D/t.py" "$@" -- "$PY" -I "$D/t.py"
}

suite() {
	local dir
	bare "$D/syslog.log" "$PY" -I "$D/report.py"
	jailed "$D/syslog.log" -p python3 --ro-bind "$D/report.py" -- "$PY" -I "$D/report.py"
	same_as_bare "report.py over syslog.log: same JSON"
	like "$out" '"sshd": 11' "and it counted 11 sshd lines"

	pyjail 'import threading, zlib, json, hashlib
r = []
t = threading.Thread(target=lambda: r.append(len(zlib.compress(b"x" * 4096))))
t.start(); t.join()
print(json.dumps({"thread": r[0] > 0, "sha": hashlib.sha256(b"jail").hexdigest()[:8]}))'
	is "$st:$out" '0:{"thread": true, "sha": "7d72fa80"}' "threads, zlib, hashlib: work"

	pyjail 'import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("socket created")'
	killed_for socket "socket(AF_INET): killed at socket"
	unlike "$out" created "and no socket was made"
	pyjail 'import socket
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
print("socket created")'
	killed_for socket "socket(AF_UNIX): killed at socket"

	pyjail 'import subprocess
print(subprocess.run(["id"], capture_output=True).stdout.decode())'
	killed_for 'pipe2|clone|fork|vfork|execve' "subprocess.run: killed before a process exists"
	unlike "$out" 'uid=' "and id did not run"
	pyjail 'import os
print(os.system("id"))'
	is "$st" 159 "os.system: killed"
	unlike "$out" 'uid=' "and id did not run"

	dir=$(wdir py-w)
	pyjail "open('$dir/stolen', 'w').write('x')" --bind "$dir"
	killed_for openat "open(FILE, 'w') in a writable bind: killed at openat"
	absent "$dir/stolen" "and nothing was written"

	pyjail "print(open('$SECRET_DIR/secret.txt').read())"
	isnt "$st" 0 "reading an unbound host file fails"
	unlike "$out" secret-token "and the secret did not come out"

	# Writes go to descriptors 1 and 2 only, even to a copy of stdout.
	pyjail 'import os
fd = os.dup(1)
os.write(fd, b"via-dup\n")'
	killed_for write "os.write to a dup of stdout: killed at write"
	unlike "$out" via-dup "and nothing came out"
}

if [ -x "$PY" ] && [ -d /usr/lib/python3.11 ]; then
	for_each_mode suite
else
	skip "python3 profile" "no $PY with /usr/lib/python3.11"
fi
done_testing
