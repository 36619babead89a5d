#!/bin/bash
# layers.sh — each layer of SPEC 2 shown present from inside (or from the
# host, looking at the target's pid): namespaces, the empty read-only root,
# resource limits, identity, capabilities, no_new_privs, descriptors.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

printf 'data\n' >"$D/f"
chmod 644 "$D/f"
NS_ALL="user mnt net pid ipc uts"

# Start `probe sleep 30` in a jail with ARGS; set $cpid to the target's host
# pid (from --status-fd) once it says ready; false when that never happens.
start_sleeper() {
	cpid=
	jstart --status-fd 3 "$@" -- "$PROBE" sleep 30
	# jail reports child-pid when the target starts, so before "ready".
	bg_ready || return 1
	cpid=$(status_child_pid "$BG_STATUS" 2) || cpid=
	[ -n "$cpid" ] && watch_pid "$cpid"
	[ -n "$cpid" ]
}

stop_sleeper() {
	kill -TERM "$BG_PID" 2>/dev/null
	jwait "$BG_PID" 10
}

ns_of() { readlink "/proc/$1/ns/$2" 2>/dev/null; }

namespaces() {
	local ns share
	if start_sleeper; then
		isnt "$cpid" "$BG_PID" "the target is a process of its own (child-pid $cpid)"
		for ns in $NS_ALL; do
			local mine theirs
			mine=$(ns_of self "$ns")
			theirs=$(ns_of "$cpid" "$ns")
			if [ -n "$theirs" ] && [ "$theirs" != "$mine" ]; then
				ok "new $ns namespace ($theirs)"
			else
				not_ok "new $ns namespace" "host $mine, target '$theirs'"
			fi
		done
	else
		not_ok "the target is a process of its own" "no child-pid/ready: $(last_run)"
		for ns in $NS_ALL; do not_ok "new $ns namespace" "no child-pid"; done
	fi
	stop_sleeper

	for share in net pid ipc uts; do
		if start_sleeper --share "$share" &&
		   [ "$(ns_of "$cpid" "$share")" = "$(ns_of self "$share")" ] &&
		   [ "$(ns_of "$cpid" user)" != "$(ns_of self user)" ] &&
		   [ "$(ns_of "$cpid" mnt)" != "$(ns_of self mnt)" ]; then
			ok "--share $share keeps the host's $share namespace, not the others"
		else
			not_ok "--share $share keeps the host's $share namespace, not the others" \
				"child-pid '$cpid'; $(last_run)"
		fi
		stop_sleeper
	done

	# The same, seen from inside through the jail's own /proc.
	jrun --proc -- "$PROBE" ns
	local bad=
	for ns in $NS_ALL; do
		local inside
		inside=$(kv "ns_$ns")
		case $inside in
		"$ns:["*) [ "$inside" = "$(ns_of self "$ns")" ] && bad="$bad $ns" ;;
		*) bad="$bad $ns(unreadable)" ;;
		esac
	done
	if [ "$st" = 0 ] && [ -z "$bad" ]; then
		ok "--proc: probe ns sees new $NS_ALL namespaces"
	else
		not_ok "--proc: probe ns sees new $NS_ALL namespaces" "same as host or unreadable:$bad
$(last_run)"
	fi

	jrun -- "$PROBE" pid
	local pid
	pid=$(kv pid)
	if [ "$st" = 0 ] && [ -n "$pid" ] && [ "$pid" -le 3 ]; then
		ok "the target has pid $pid (<= 3) in its pid namespace"
	else
		not_ok "the target has a pid <= 3 in its pid namespace" "$(last_run)"
	fi
	jrun --share pid -- "$PROBE" pid
	pid=$(kv pid)
	if [ "$st" = 0 ] && [ -n "$pid" ] && [ "$pid" -gt 3 ]; then
		ok "--share pid: the target has a host pid ($pid)"
	else
		not_ok "--share pid: the target has a host pid" "$(last_run)"
	fi
}

network() {
	jrun -- "$PROBE" net
	is "$(kv ifaces)" "lo" "the network namespace holds only lo"
	is "$(kv lo_up)" "1" "lo is up"
	jrun -- "$PROBE" loopback
	is "$(kv errno)" "0" "a TCP round trip over 127.0.0.1 works"
	local host
	host=$("$PROBE" net | sed -n 's/^ifaces=//p')
	jrun --share net -- "$PROBE" net
	is "$(kv ifaces)" "$host" "--share net shows the host's interfaces"
}

root() {
	local extras
	jrun -- "$PROBE" ls /
	extras=$(root_extras "$out" "$PROBE")
	if [ "$st" = 0 ] && [ -z "$extras" ] && grep -q "^ls=$PROBE type=reg" <<<"$out"; then
		ok "the root holds only the target and /dev/{null,zero,urandom}"
	else
		not_ok "the root holds only the target and /dev/{null,zero,urandom}" \
			"unexpected: $(head -n 20 <<<"$extras" | tr '\n' ' ')
$(last_run)"
	fi
	unlike "$out" '^ls=/proc[ /]' "no /proc in the root"
	unlike "$out" '^ls=/etc[ /]' "no /etc in the root"
	unlike "$out" '^ls=/home[ /]' "no /home in the root"
	unlike "$out" '^ls=/(run|var|sys|root|usr)[ /]' "no /run, /var, /sys, /root, /usr"
	like "$out" '^ls=/dev/null type=chr dev=1:3$' "/dev/null is the null device"
	like "$out" '^ls=/dev/zero type=chr dev=1:5$' "/dev/zero is the zero device"
	like "$out" '^ls=/dev/urandom type=chr dev=1:9$' "/dev/urandom is the urandom device"

	jrun -- "$PROBE" read /dev/zero 100000
	is "$(kv bytes)" 100000 "/dev/zero can be read"
	jrun -- "$PROBE" read /dev/urandom 4096
	is "$(kv bytes)" 4096 "/dev/urandom can be read"
	jrun -- "$PROBE" write /dev/null
	is "$(kv errno)" 0 "/dev/null can be written"

	jrun -- "$PROBE" read /proc/self/status
	is "$(kv errno)" ENOENT "no /proc without --proc (ENOENT)"
	jrun -- "$PROBE" read /etc/passwd
	is "$(kv errno)" ENOENT "the host's /etc/passwd is unreachable"

	jrun -- "$PROBE" statfs /
	is "$(kv ro)" 1 "the root is mounted read-only"
	jrun -- "$PROBE" create "/jail-test-$$"
	is "$(kv errno)" EROFS "creating /x fails with EROFS"
	jrun -- "$PROBE" mkdir "/dev/jail-test-$$"
	is "$(kv errno)" EROFS "mkdir under /dev fails with EROFS"
	jrun -- "$PROBE" create "$T/bin/jail-test-$$"
	is "$(kv errno)" EROFS "creating next to the target fails with EROFS"

	jrun --proc -- "$PROBE" proc-pids
	local count
	count=$(kv count)
	if [ "$st" = 0 ] && [ -n "$count" ] && [ "$count" -ge 1 ] && [ "$count" -le 3 ]; then
		ok "--proc shows the jail's own pid namespace ($(kv pids))"
	else
		not_ok "--proc shows the jail's own pid namespace" "$(last_run)"
	fi

	# The old root is detached: every mount point is one jail made.
	jrun --proc -- "$PROBE" mounts
	local m bad=
	while IFS= read -r m; do
		case $m in
		/ | /dev | /dev/* | /proc | /proc/*) ;;
		*) case "$PROBE" in "$m" | "$m"/*) ;; *) bad="$bad $m" ;; esac ;;
		esac
	done < <(sed -n 's/^mount=//p' <<<"$out")
	if [ "$st" = 0 ] && [ -n "$out" ] && [ -z "$bad" ]; then
		ok "no mount of the host's tree is left (old root detached)"
	else
		not_ok "no mount of the host's tree is left (old root detached)" "foreign:$bad
$(last_run)"
	fi
}

limits() {
	jrun -- "$PROBE" rlimits
	is "$(kv fsize)" "0:0" "RLIMIT_FSIZE is 0, soft and hard"
	is "$(kv core)" "0:0" "RLIMIT_CORE is 0, soft and hard"
	jrun --fsize 10M -- "$PROBE" rlimits
	is "$(kv fsize)" "10485760:10485760" "--fsize 10M sets RLIMIT_FSIZE to 10 MiB"
	jrun --fsize 64k -- "$PROBE" rlimits
	is "$(kv fsize)" "65536:65536" "--fsize 64k sets RLIMIT_FSIZE to 64 KiB"
	jrun --fsize unlimited -- "$PROBE" rlimits
	is "$(kv fsize)" "unlimited:unlimited" "--fsize unlimited lifts it"
	jrun --rlimit nofile=64 -- "$PROBE" rlimits
	is "$(kv nofile)" "64:64" "--rlimit nofile=64 sets soft and hard"
	jrun --rlimit nofile=32:64 -- "$PROBE" rlimits
	is "$(kv nofile)" "32:64" "--rlimit nofile=32:64 sets them apart"
	jrun --rlimit cpu=100 -- "$PROBE" rlimits
	is "$(kv cpu)" "100:100" "--rlimit cpu=100"

	jrun -- "$PROBE" sigstate
	like "$(kv ignored)" '(^|,)SIGXFSZ(,|$)' "SIGXFSZ is ignored in the target"
	is "$(kv blocked)" "" "no signal is blocked in the target"
	jrun --tmpfs /t -- "$PROBE" write /t/f
	if [ "$st" = 27 ] && [ "$(kv errno)" = EFBIG ]; then
		ok "writing a byte with RLIMIT_FSIZE 0 fails with EFBIG, not a signal"
	else
		not_ok "writing a byte with RLIMIT_FSIZE 0 fails with EFBIG, not a signal" "$(last_run)"
	fi
	jrun --fsize 1k --tmpfs /t -- "$PROBE" write-size /t/f 4096
	if [ "$(kv written)" = 1024 ] && [ "$(kv errno)" = EFBIG ]; then
		ok "--fsize 1k: a write stops at 1024 bytes, then EFBIG"
	else
		not_ok "--fsize 1k: a write stops at 1024 bytes, then EFBIG" "$(last_run)"
	fi
}

# PID's descendants (other tests run alongside: no global search).
descendants() {
	local c
	for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
		echo "$c"
		descendants "$c"
	done
}

# Many jails started at once, as root: each target gets a uid of its own.
many_uids() {
	local n=24 i s t sups=() uids got distinct
	for i in $(seq "$n"); do
		jail_raw -q -- "$PROBE" sleep 3 >/dev/null 2>&1 </dev/null &
		sups+=("$!")
	done
	for i in $(seq 40); do
		sleep 0.1
		uids=$(for s in "${sups[@]}"; do
			for t in $(descendants "$s"); do
				[ "$(cat "/proc/$t/comm" 2>/dev/null)" = probe ] &&
					awk '$1 == "Uid:" { print $2 }' "/proc/$t/status"
			done
		done | sort)
		[ "$(grep -c . <<<"$uids")" -ge "$n" ] && break
	done
	got=$(grep -c . <<<"$uids")
	distinct=$(sort -u <<<"$uids" | grep -c .)
	for s in "${sups[@]}"; do
		kill -TERM $(descendants "$s") 2>/dev/null
	done
	wait "${sups[@]}" 2>/dev/null
	if [ "$got" = "$n" ] && [ "$distinct" = "$n" ]; then
		ok "$n jails started at once get $n different uids"
	else
		not_ok "$n jails started at once get $n different uids" "$got targets seen, $distinct distinct uids"
	fi
}

identity() {
	if [ "$MODE" = root ]; then
		many_uids
		local u1 g1 u2 cpid1
		if start_sleeper; then
			u1=$(host_id "$cpid" Uid)
			g1=$(host_id "$cpid" Gid)
			cpid1=$cpid
			local u=${u1%% *}
			if [ "$u1" = "$u $u $u $u" ] && [ "$u" -ge "$AUTO_MIN" ] && [ "$u" -le "$AUTO_MAX" ]; then
				ok "as root the target runs as host uid $u (auto range)"
			else
				not_ok "as root the target runs as a host uid in the auto range" "Uid: '$u1'"
			fi
			is "$g1" "$u $u $u $u" "gid = uid on the host"
			is "$(awk '$1 == "Groups:" { print $2 }' "/proc/$cpid/status" 2>/dev/null)" "" \
				"no supplementary groups"
			local first_pid=$BG_PID
			if start_sleeper; then
				u2=$(host_id "$cpid" Uid)
				if [ -n "$u2" ] && [ "${u2%% *}" != "$u" ]; then
					ok "two jails at once get different uids ($u, ${u2%% *})"
				else
					not_ok "two jails at once get different uids" "first '$u1', second '$u2'"
				fi
			else
				not_ok "two jails at once get different uids" "second jail: $(last_run)"
			fi
			stop_sleeper
			BG_PID=$first_pid
			stop_sleeper
		else
			not_ok "as root the target runs as a host uid in the auto range" "$(last_run)"
			not_ok "gid = uid on the host" "no child-pid"
			not_ok "no supplementary groups" "no child-pid"
			not_ok "two jails at once get different uids" "no child-pid"
			stop_sleeper
		fi
	else
		jrun -- "$PROBE" ids
		is "$(kv uid),$(kv euid),$(kv suid)" "$INSIDE_UNPRIV_ID,$INSIDE_UNPRIV_ID,$INSIDE_UNPRIV_ID" \
			"unprivileged: the inside uid is $INSIDE_UNPRIV_ID"
		is "$(kv gid),$(kv egid),$(kv sgid)" "$INSIDE_UNPRIV_ID,$INSIDE_UNPRIV_ID,$INSIDE_UNPRIV_ID" \
			"unprivileged: the inside gid is $INSIDE_UNPRIV_ID"
		if start_sleeper; then
			is "$(host_id "$cpid" Uid)" "$USER_ID $USER_ID $USER_ID $USER_ID" \
				"unprivileged: the host sees the caller's uid"
		else
			not_ok "unprivileged: the host sees the caller's uid" "$(last_run)"
		fi
		stop_sleeper
	fi
	jrun -- "$PROBE" ids
	local u
	u=$(kv uid)
	if [ "$st" = 0 ] && [ -n "$u" ] && [ "$u" != 0 ] &&
	   [ "$(kv euid)" = "$u" ] && [ "$(kv suid)" = "$u" ]; then
		ok "inside: uid $u, not 0, real = effective = saved"
	else
		not_ok "inside: uid not 0, real = effective = saved" "$(last_run)"
	fi
}

privileges() {
	jrun -- "$PROBE" caps
	is "$(kv cap_eff)" 0000000000000000 "no effective capabilities"
	is "$(kv cap_prm)" 0000000000000000 "no permitted capabilities"
	is "$(kv cap_inh)" 0000000000000000 "no inheritable capabilities"
	is "$(kv cap_bnd)" 0000000000000000 "the bounding set is empty"
	is "$(kv cap_amb)" 0000000000000000 "no ambient capabilities"
	local sb need=$((0x1 | 0x2 | 0x8 | 0x20 | 0x40 | 0x80))
	sb=$(kv securebits)
	if [ -n "$sb" ] && [ $((sb & need)) -eq $need ]; then
		ok "securebits locked, NOROOT and NO_CAP_AMBIENT_RAISE set ($sb)"
	else
		not_ok "securebits locked, NOROOT and NO_CAP_AMBIENT_RAISE set" \
			"securebits '$sb', need all of $(printf '0x%x' $need)"
	fi
	is "$(kv no_new_privs)" 1 "no_new_privs is set"
	is "$(kv seccomp)" 2 "a seccomp filter is installed"

	# A caller with inheritable and ambient capabilities (systemd's
	# AmbientCapabilities=, say) must not hand them on.
	# (One setpriv does both: the user mode's RUN is setpriv already.)
	local saved=("${RUN[@]}")
	[ ${#RUN[@]} -gt 0 ] || RUN=(setpriv)
	RUN+=(--inh-caps=+net_bind_service --ambient-caps=+net_bind_service)
	jrun -- "$PROBE" caps
	RUN=("${saved[@]}")
	if [ "$(id -u)" != 0 ]; then
		skip "a caller's ambient/inheritable capabilities do not reach the target" \
			"needs root to give the caller capabilities"
	elif [ "$st" = 0 ] &&
	   [ "$(kv cap_eff)$(kv cap_prm)$(kv cap_inh)$(kv cap_amb)$(kv cap_bnd)" = "$(printf '0%.0s' {1..80})" ]; then
		ok "a caller's ambient/inheritable capabilities do not reach the target"
	else
		not_ok "a caller's ambient/inheritable capabilities do not reach the target" "$(last_run)"
	fi

	# jail's init runs without the filter: the target must not drive it,
	# not even in the instant after it starts.  That is a race, so: many
	# tries, with the CPUs busy so that init is often preempted.
	local i hits=0 other='' hogs=()
	for ((i = 0; i < $(nproc) * 2; i++)); do
		(exec yes >/dev/null) &
		hogs+=($!)
		watch_pid $!
	done
	for ((i = 0; i < 100; i++)); do
		jail_raw -- "$PROBE" ptrace parent </dev/null >"$W/.out" 2>&1
		case $(kv errno "$(cat "$W/.out")") in
		EPERM) ;;
		0) hits=$((hits + 1)) ;;
		*) other=$(cat "$W/.out") ;;
		esac
	done
	kill "${hogs[@]}"
	for i in "${hogs[@]}"; do
		wait "$i" 2>/dev/null
		forget_pid "$i"
	done
	if [ "$hits" = 0 ] && [ -z "$other" ]; then
		ok "the target cannot ptrace jail's init, its parent (100 tries)"
	else
		not_ok "the target cannot ptrace jail's init, its parent (100 tries)" \
			"PTRACE_SEIZE succeeded $hits times in 100; other: $other"
	fi

	# SPEC 4: the sysctl backs the filter where the kernel allows (since
	# Linux 4.9 it is per user namespace, so everywhere jail runs).
	jrun --proc -- "$PROBE" cat /proc/sys/user/max_user_namespaces
	is "$out" 0 "user.max_user_namespaces is 0 inside"

	jrun -- "$PROBE" setuid-check
	if [ "$st" = 0 ] && [ -n "$out" ] && ! grep -q '=0$' <<<"$out"; then
		ok "setuid(0), setgroups, capset, ambient raise, securebits, unshare(USER) all fail"
	else
		not_ok "setuid(0), setgroups, capset, ambient raise, securebits, unshare(USER) all fail" \
			"$(last_run)"
	fi
}

descriptors() {
	exec 3<"$D/f" 4<"$D/f" 5<"$D/f" 6<"$D/f" 7<"$D/f" 8<"$D/f" 9<"$D/f"
	jrun -- "$PROBE" fds
	exec 3<&- 4<&- 5<&- 6<&- 7<&- 8<&- 9<&-
	is "$(kv fds)" "0,1,2" "only fds 0, 1, 2 reach the target (3..9 were open)"
	jrun --status-fd 3 -- "$PROBE" fds 3>"$W/status"
	is "$(kv fds)" "0,1,2" "the --status-fd descriptor does not reach the target"
}

suite() {
	namespaces
	network
	root
	limits
	identity
	privileges
	descriptors
}

for_each_mode suite
done_testing
