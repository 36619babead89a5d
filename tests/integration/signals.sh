#!/bin/bash
# signals.sh — SPEC 2: forwarded signals, --timeout, nothing outlives jail,
# orphans reaped by jail's init, --status-fd JSON.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

# start ARGS... — jstart, then wait until the target says ready=1.
start() {
	jstart "$@"
	bg_ready
}

forwarding() {
	local sig
	if start -- "$PROBE" handle-term; then
		kill -TERM "$BG_PID"
		jwait "$BG_PID" 10
		if [ "$st" = 0 ] && grep -qx 'got TERM' <<<"$out"; then
			ok "SIGTERM to jail reaches the target, which handles it (exit 0)"
		else
			not_ok "SIGTERM to jail reaches the target, which handles it (exit 0)" "$(last_run)"
		fi
	else
		not_ok "SIGTERM to jail reaches the target, which handles it (exit 0)" "never ready: $(last_run)"
		jwait "$BG_PID" 1
	fi

	# Not pid 1: the target dies of a signal it does not handle.
	if start -- "$PROBE" sleep 100; then
		kill -TERM "$BG_PID"
		jwait "$BG_PID" 10
		is "$st" 143 "an unhandled SIGTERM kills the target: 143"
	else
		not_ok "an unhandled SIGTERM kills the target: 143" "never ready: $(last_run)"
		jwait "$BG_PID" 1
	fi

	# A target that ignores SIGTERM keeps running; jail does not kill it.
	if start -- "$PROBE" ignore-term 2; then
		kill -TERM "$BG_PID"
		jwait "$BG_PID" 10
		if [ "$st" = 0 ] && grep -q '^slept=1' <<<"$out"; then
			ok "a target that ignores SIGTERM runs to its end"
		else
			not_ok "a target that ignores SIGTERM runs to its end" "$(last_run)"
		fi
	else
		not_ok "a target that ignores SIGTERM runs to its end" "never ready: $(last_run)"
		jwait "$BG_PID" 1
	fi

	for sig in INT HUP QUIT USR1 USR2; do
		if start -- "$PROBE" wait-signal; then
			kill "-$sig" "$BG_PID"
			jwait "$BG_PID" 10
			if [ "$st" = 0 ] && [ "$(kv got)" = "SIG$sig" ]; then
				ok "SIG$sig is forwarded to the target"
			else
				not_ok "SIG$sig is forwarded to the target" "$(last_run)"
			fi
		else
			not_ok "SIG$sig is forwarded to the target" "never ready: $(last_run)"
			jwait "$BG_PID" 1
		fi
	done
}

# ^C on a terminal: the kernel signals the whole foreground process group,
# jail and target alike; jail must not forward it a second time (SPEC 2).
# A pty from python3's pty module stands in for the terminal.
terminal() {
	if [ ! -x /usr/bin/python3 ]; then
		skip "^C on the terminal reaches the target once" "no /usr/bin/python3"
		return
	fi
	timeout -s KILL 20 "${RUN[@]}" /usr/bin/python3 - "$JAILBIN" "$PROBE" \
		>"$W/pty.out" 2>&1 <<'EOF_PY'
import os, pty, select, sys, time
jail, probe = sys.argv[1:3]
pid, fd = pty.fork()
if pid == 0:
    os.execv(jail, [jail, "--", probe, "count-signal", "INT"])
buf, sent, end = b"", False, time.time() + 15
while time.time() < end:
    if select.select([fd], [], [], 0.1)[0]:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        buf += data
    if not sent and b"ready=1" in buf:
        os.write(fd, b"\x03")
        sent = True
status = None
for _ in range(100):  # at most 5 s more, then it is killed
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    time.sleep(0.05)
else:
    os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
# The terminal echoes "^C" before the probe's next line: drop it.
sys.stdout.write(buf.decode(errors="replace").replace("\r", "").replace("^C", "\n"))
print("status=%d" % os.waitstatus_to_exitcode(status))
EOF_PY
	out=$(cat "$W/pty.out")
	_last_cmd="jail -- probe count-signal INT (on a pty, ^C typed)"
	if [ "$(kv count)" = 1 ] && [ "$(kv status)" = 0 ]; then
		ok "^C on the terminal reaches the target once"
	else
		not_ok "^C on the terminal reaches the target once" "$(last_run)"
	fi
}

timeouts() {
	local t0 t1 cpid ns
	t0=$(now_ms)
	jstart --timeout 1 --status-fd 3 -- "$PROBE" orphans 2 60 wait
	bg_ready
	cpid=$(status_child_pid "$BG_STATUS" 1) && watch_pid "$cpid"
	ns=$(readlink "/proc/$cpid/ns/pid" 2>/dev/null)
	jwait "$BG_PID" 5
	t1=$(now_ms)
	local ms=$((t1 - t0))
	if [ "$st" = 124 ] && [ "$ms" -ge 900 ] && [ "$ms" -le 3500 ]; then
		ok "--timeout 1 on a 100 s target: 124 after ${ms} ms"
	else
		not_ok "--timeout 1 on a 100 s target: 124 after 1-3 s" "status $st after $ms ms; $(last_run)"
	fi
	if [ -n "$ns" ] && wait_until 5 eval '[ -z "$(in_pidns "$ns")" ]'; then
		ok "--timeout leaves no process of the jail (orphans included)"
	else
		not_ok "--timeout leaves no process of the jail (orphans included)" \
			"pid ns '$ns': $(in_pidns "$ns" | tr '\n' ' ')"
	fi
}

sigkill() {
	local cpid ns
	jstart --status-fd 3 -- "$PROBE" orphans 2 60 wait
	if bg_ready &&
	   cpid=$(status_child_pid "$BG_STATUS" 1) && [ -n "$cpid" ]; then
		watch_pid "$cpid"
		ns=$(readlink "/proc/$cpid/ns/pid")
		kill -9 "$BG_PID"
		jwait "$BG_PID" 5
		if wait_until 5 is_gone "$cpid" && wait_until 5 eval '[ -z "$(in_pidns "$ns")" ]'; then
			ok "SIGKILL to jail: the target and its orphans are gone within 5 s"
		else
			not_ok "SIGKILL to jail: the target and its orphans are gone within 5 s" \
				"left in $ns: $(in_pidns "$ns" | tr '\n' ' ')"
		fi
	else
		not_ok "SIGKILL to jail: the target and its orphans are gone within 5 s" \
			"no child-pid: $(last_run)"
		kill -9 "$BG_PID" 2>/dev/null
		jwait "$BG_PID" 1
	fi
}

orphans() {
	local cpid ns t0 ms
	# The target leaves two sleepers behind and exits: jail ends at once.
	jstart --status-fd 3 -- "$PROBE" orphans 2 60 wait
	if bg_ready &&
	   cpid=$(status_child_pid "$BG_STATUS" 1) && [ -n "$cpid" ]; then
		watch_pid "$cpid"
		ns=$(readlink "/proc/$cpid/ns/pid")
		t0=$(now_ms)
		kill -USR1 "$BG_PID"
		jwait "$BG_PID" 10
		ms=$(($(now_ms) - t0))
		if [ "$st" = 0 ] && [ "$ms" -le 3000 ]; then
			ok "the target exits, leaving orphans: jail exits 0 promptly (${ms} ms)"
		else
			not_ok "the target exits, leaving orphans: jail exits 0 promptly" \
				"status $st after $ms ms; $(last_run)"
		fi
		if wait_until 5 eval '[ -z "$(in_pidns "$ns")" ]'; then
			ok "no orphan outlives jail"
		else
			not_ok "no orphan outlives jail" "left in $ns: $(in_pidns "$ns" | tr '\n' ' ')"
		fi
	else
		not_ok "the target exits, leaving orphans: jail exits 0 promptly" "no child-pid: $(last_run)"
		not_ok "no orphan outlives jail" "no child-pid"
		kill -9 "$BG_PID" 2>/dev/null
		jwait "$BG_PID" 1
	fi

	jrun --proc -- "$PROBE" zombie
	is "$(kv reaped)" 1 "jail's init reaps a re-parented orphan"
}

status_fd() {
	if ! command -v jq >/dev/null; then
		skip "--status-fd lines parse as JSON" "no jq"
		return
	fi
	local f=$W/status.json first last
	jrun --status-fd 3 -- "$PROBE" exit 7 3>"$f"
	if [ -s "$f" ] && jq -e . "$f" >/dev/null 2>&1 && [ "$(jq -s length "$f")" = "$(wc -l <"$f")" ]; then
		ok "--status-fd: one JSON object per line"
	else
		not_ok "--status-fd: one JSON object per line" "$(head -c 500 "$f")"
	fi
	first=$(head -n 1 "$f")
	last=$(tail -n 1 "$f")
	if [ -n "$first" ] && jq -e '.["child-pid"] | type == "number" and . > 1' <<<"$first" >/dev/null 2>&1; then
		ok "--status-fd: the first line is {\"child-pid\": N}"
	else
		not_ok "--status-fd: the first line is {\"child-pid\": N}" "first line: $first"
	fi
	is "$(jq -c '.["exit-code"]' <<<"$last" 2>/dev/null)" 7 \
		"--status-fd: the last line has \"exit-code\": 7"
	is "$st" 7 "the exit status is 7 as well"

	jrun --status-fd 3 -- "$PROBE" kill-self USR1 3>"$f"
	last=$(tail -n 1 "$f")
	if [ -n "$last" ] && jq -e '.["exit-code"] == 138 and .signal == 10' <<<"$last" >/dev/null 2>&1; then
		ok "--status-fd: a killed target gives \"exit-code\": 138, \"signal\": 10"
	else
		not_ok "--status-fd: a killed target gives \"exit-code\": 138, \"signal\": 10" "last line: $last"
	fi
}

suite() {
	forwarding
	terminal
	timeouts
	sigkill
	orphans
	status_fd
}

for_each_mode suite
done_testing
