#!/bin/bash
# oci.sh — `jail --export oci` writes what Docker, Podman (crun) and
# Kubernetes (through runc or crun) read: the LinuxSeccomp object of the OCI
# runtime specification.  Checked with jq on several policies, argument
# rules included.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/man/common.sh"
need_jail
command -v jq >/dev/null || skip_all "jq is not installed"

"$JAIL" --list syscalls | awk '{ print $NF }' | sort -u >"$TMP/known"

# The structure, as jq programs that print nothing when it holds.
read -r -d '' STRUCTURE <<'JQ'
def acts: ["SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD",
	   "SCMP_ACT_TRAP", "SCMP_ACT_ERRNO", "SCMP_ACT_TRACE", "SCMP_ACT_ALLOW",
	   "SCMP_ACT_LOG"];
def ops: ["SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ",
	  "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ"];
def u64: type == "number" and . >= 0 and . <= 18446744073709551615 and . == floor;
def errno_ok: (has("errnoRet") | not) or (.errnoRet | u64 and . > 0 and . < 4096);
if type != "object" then "not a JSON object" else
  ((keys - ["defaultAction", "defaultErrnoRet", "architectures", "flags",
	    "listenerPath", "listenerMetadata", "syscalls"])[]
	| "unknown top-level key \(.) (runc ignores it; the OCI name is defaultErrnoRet?)"),
  (if (.defaultAction | IN(acts[])) then empty else "defaultAction \(.defaultAction)" end),
  (if has("defaultErrnoRet") and .defaultAction != "SCMP_ACT_ERRNO"
   then "defaultErrnoRet without SCMP_ACT_ERRNO" else empty end),
  (if (.architectures | type == "array" and length > 0 and
       all(.[]; type == "string" and startswith("SCMP_ARCH_"))) then empty
   else "architectures \(.architectures)" end),
  (if (.syscalls | type == "array") then empty else "syscalls is not an array" end),
  (.syscalls[]? |
    (if (.names | type == "array" and length > 0 and
	 all(.[]; type == "string" and test("^[a-z0-9_]+$"))) then empty
     else "names \(.names)" end),
    ((keys - ["names", "action", "errnoRet", "args", "comment", "includes", "excludes"])[]
	| "unknown key \(.) in a syscalls entry"),
    (if (.action | IN(acts[])) then empty else "action \(.action) for \(.names)" end),
    (if errno_ok then empty else "errnoRet \(.errnoRet) for \(.names)" end),
    (if has("errnoRet") and (.action | IN("SCMP_ACT_ERRNO", "SCMP_ACT_TRACE") | not)
     then "errnoRet with \(.action) for \(.names)" else empty end),
    (.names as $n | .args[]? |
      ((keys - ["index", "value", "valueTwo", "op"])[] | "unknown key \(.) in args of \($n)"),
      (if (.index | type == "number" and . >= 0 and . <= 5 and . == floor) then empty
       else "args index \(.index) for \($n)" end),
      (if (.value | u64) then empty else "args value \(.value) for \($n)" end),
      (if (has("valueTwo") | not) or (.valueTwo | u64) then empty
       else "args valueTwo \(.valueTwo) for \($n)" end),
      (if (.op | IN(ops[])) then empty else "args op \(.op) for \($n)" end)),
    # runc and crun OR the comparisons of one entry that name the same
    # argument: an entry must name each argument once to mean what it says.
    (if ([.args[]?.index] | length) == ([.args[]?.index] | unique | length) then empty
     else "args of \(.names) compare one argument twice (runc would OR them)" end))
end
JQ

# check NAME OPTIONS... — export, validate, keep the JSON in $TMP/NAME.json
check() {
	local name=$1
	shift
	if ! "$JAIL" "$@" --export oci >"$TMP/$name.json" 2>"$TMP/$name.err"; then
		not_ok "$name: jail --export oci succeeds" "$(cat "$TMP/$name.err")"
		return 1
	fi
	ok "$name: jail --export oci succeeds"
	if ! jq -e . "$TMP/$name.json" >/dev/null 2>"$TMP/$name.jq"; then
		not_ok "$name: the output is JSON" "$(cat "$TMP/$name.jq")"
		return 1
	fi
	ok "$name: the output is JSON"
	problems=$(jq -r "$STRUCTURE" "$TMP/$name.json" 2>&1)
	if [ -z "$problems" ]; then
		ok "$name: the structure is what runc, crun and Docker read"
	else
		not_ok "$name: the structure is what runc, crun and Docker read" "$problems"
	fi
	unknown=$(jq -r '.syscalls[].names[]' "$TMP/$name.json" | sort -u | comm -23 - "$TMP/known")
	if [ -z "$unknown" ]; then
		ok "$name: every syscall name is one jail knows here"
	else
		not_ok "$name: every syscall name is one jail knows here" "$unknown"
	fi
	# The baseline stands in every export (SPEC 5): bpf fails with EPERM,
	# clone3 with ENOSYS.
	is "$(jq -c '[.syscalls[] | select(.names | index("bpf")) | [.action, .errnoRet]] | first' "$TMP/$name.json")" \
		'["SCMP_ACT_ERRNO",1]' "$name: the baseline denies bpf with EPERM"
	is "$(jq -c '[.syscalls[] | select(.names | index("clone3")) | [.action, .errnoRet]] | first' "$TMP/$name.json")" \
		'["SCMP_ACT_ERRNO",38]' "$name: the baseline answers clone3 with ENOSYS"
	# No listener exists in a container: nothing may depend on one.
	if grep -q 'SCMP_ACT_NOTIFY' "$TMP/$name.json"; then
		not_ok "$name: no SCMP_ACT_NOTIFY"
	else
		ok "$name: no SCMP_ACT_NOTIFY"
	fi
	return 0
}

# The policy of contrib/oci/gzip.json, argument rule and all.
if check allowlist --allow @default,@basic-io,@file-system,@memory,@startup-dynamic \
	--deny 'write: arg0 == 2'; then
	is "$(jq -r .defaultAction "$TMP/allowlist.json")" SCMP_ACT_KILL_PROCESS \
		"allowlist: what is not allowed kills the process"
	is "$(jq '[.syscalls[] | select(.names | index("read")) | select(.args == null and .action == "SCMP_ACT_ALLOW")] | length' "$TMP/allowlist.json")" \
		1 "allowlist: read is allowed unconditionally"
	is "$(jq '[.syscalls[] | select(.names | index("write")) | select(.args == null)] | length' "$TMP/allowlist.json")" \
		0 "allowlist: write is never allowed unconditionally"
fi

if check rules --allow @default,@basic-io --allow 'socket: arg0 == AF_UNIX' \
	--allow 'openat: arg2 & O_ACCMODE == O_RDONLY' --allow 'fcntl: arg1 >= 3 && arg1 <= 10'; then
	is "$(jq -c '[.syscalls[] | select(.names == ["socket"]) | .args[] | [.index, .op, .value, .valueTwo]]' "$TMP/rules.json")" \
		'[[0,"SCMP_CMP_MASKED_EQ",4294967295,1]]' \
		"rules: socket: arg0 == AF_UNIX compares the low 32 bits with 1"
	is "$(jq -c '[.syscalls[] | select(.names == ["openat"]) | .args[] | [.index, .op, .value, .valueTwo]]' "$TMP/rules.json")" \
		'[[2,"SCMP_CMP_MASKED_EQ",3,0]]' \
		"rules: openat: arg2 & O_ACCMODE == O_RDONLY is a masked comparison"
	is "$(jq '[.syscalls[] | select(.names == ["fcntl"]) | select(.args | length == 1)] | length > 0' "$TMP/rules.json")" \
		true "rules: a range on fcntl becomes entries of one comparison each"
fi

if check two-values --allow @default --allow 'write: arg0 == 1 || arg0 == 2'; then
	is "$(jq -c '[.syscalls[] | select(.names == ["write"]) | .args[0].valueTwo] | sort' "$TMP/two-values.json")" \
		'[1,2]' "two-values: arg0 == 1 || arg0 == 2 is two entries"
fi

if check denylist --deny @network-io,ptrace; then
	is "$(jq -r .defaultAction "$TMP/denylist.json")" SCMP_ACT_ALLOW \
		"denylist: the default is to allow"
	is "$(jq -r '[.syscalls[] | select(.names | index("socket")) | .action] | first' "$TMP/denylist.json")" \
		SCMP_ACT_KILL_PROCESS "denylist: socket kills the process"
fi

if check errno --allow @default,@basic-io --errno ENOSYS; then
	is "$(jq -c '[.defaultAction, .defaultErrnoRet]' "$TMP/errno.json")" \
		'["SCMP_ACT_ERRNO",38]' "errno: --errno ENOSYS is defaultAction ERRNO, defaultErrnoRet 38"
fi

# A shipped profile, when the tree has one.
if [ -r "$top_srcdir/profiles/gzip.profile" ]; then
	check gzip-profile -p "$top_srcdir/profiles/gzip.profile"
fi

# contrib/oci/gzip.json is what its README says it is.
if [ -r "$top_srcdir/contrib/oci/gzip.json" ]; then
	problems=$(jq -r "$STRUCTURE" "$top_srcdir/contrib/oci/gzip.json" 2>&1)
	if [ -z "$problems" ]; then
		ok "contrib/oci/gzip.json has the structure runc, crun and Docker read"
	else
		not_ok "contrib/oci/gzip.json has the structure runc, crun and Docker read" "$problems"
	fi
fi

done_testing
