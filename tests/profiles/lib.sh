# shellcheck shell=bash
# tests/profiles/lib.sh — shared by the profile tests (bash; sourced after
# tests/lib.sh, not run).
#
# Stages profiles/ and tests/data/ into the world-readable $T (uid 65534
# may not reach the source tree), points JAIL_PROFILE_PATH at the staged
# profiles, puts a secret under $SECRET_DIR that no jail binds, and gives:
#
#   bare IN CMD...            run CMD without jail in the current mode
#   jailed IN JAIL-ARGS...    run jail in the current mode
#   same_as_bare DESC         both ran alike: same status, same bytes out
#   killed_for SYSCALL DESC   the jailed run was killed for SYSCALL (an ERE)
#   absent PATH DESC          nothing exists at PATH
#   wdir NAME                 a fresh directory under $W the jail can write
#   have TOOL...              every TOOL is installed
#
# Both write stdout to a regular file ($W/bare.out, $W/jail.out), so the
# jailed run also goes through jail's relay, as `jail ... > out` would.
# A security check must fail against tests/stub-jail (a jail that only
# execs its command), so each one names a host path that the stub reaches
# and jail must not: binds use the same path inside as outside.

# shellcheck disable=SC2034,SC2154 # variables shared with tests/lib.sh
PROFILES=$T/profiles
mkdir "$PROFILES"
cp "$top_srcdir"/profiles/*.profile "$PROFILES/"
cp "$top_srcdir"/tests/data/* "$D/"
chmod -R a+rX "$PROFILES" "$D"
export JAIL_PROFILE_PATH=$PROFILES

# have TOOL... — true when every TOOL is installed.
have() {
	local t
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 || return 1
	done
}

bare_st=0
bare() {
	local in=$1
	shift
	timeout -s KILL "$GUARD" "${RUN[@]}" "$@" <"$in" >"$W/bare.out" 2>"$W/bare.err"
	bare_st=$?
}

jailed() {
	local in=$1
	shift
	timeout -s KILL "$GUARD" "${RUN[@]}" "$JAILBIN" "$@" \
		<"$in" >"$W/jail.out" 2>"$W/jail.err"
	st=$?
	out=$(head -c 4000 "$W/jail.out" | tr -d '\0')
	err=$(cat "$W/jail.err")
	_last_cmd="jail $*"
}

same_as_bare() {
	if [ "$st" = "$bare_st" ] && cmp -s "$W/bare.out" "$W/jail.out" &&
		[ -s "$W/jail.out" ]; then
		ok "$1"
	else
		not_ok "$1" "bare status $bare_st, jailed $st; outputs $(cmp "$W/bare.out" "$W/jail.out" 2>&1 || true)
bare stderr: $(head -c 500 "$W/bare.err")
$(last_run)"
	fi
}

# killed_for SYSCALL DESC — the last jailed run was killed by the filter,
# and the report names SYSCALL.
killed_for() {
	if [ "$st" = 159 ] && grep -Eq "denied syscall $1\(" <<<"$err"; then
		ok "$2"
	else
		not_ok "$2" "$(last_run)"
	fi
}

# absent PATH DESC — nothing was written at PATH.
absent() {
	if [ -e "$1" ] || [ -L "$1" ]; then
		not_ok "$2" "$1 exists: $(head -c 200 "$1" 2>/dev/null)"
	else
		ok "$2"
	fi
}

# wdir NAME — a fresh directory under $W that the jail's uid can write
# (the tests bind it at the same path, so the stub reaches it too).
wdir() {
	rm -rf "${W:?}/$1"
	mkdir -p "$W/$1"
	chmod 777 "$W/$1"
	printf '%s' "$W/$1"
}

# A secret outside every jail: readable on the host, never bound.
SECRET_DIR=$W/outside
mkdir -p "$SECRET_DIR"
printf 'secret-token-4711\n' >"$SECRET_DIR/secret.txt"
printf '{"secret": "secret-token-4711"}\n' >"$SECRET_DIR/secret.json"
chmod -R a+rX "$SECRET_DIR"
