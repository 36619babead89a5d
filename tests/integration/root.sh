#!/bin/bash
# root.sh — the root of SPEC 3: binds, tmpfs, --cwd, --system, #! scripts,
# dynamic programs with their libraries, setuid files, and destinations
# that try to leave the root.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

printf 'data\n' >"$D/f"
printf '#!/bin/sh\necho "script-ok $1"\n' >"$D/script.sh"
printf '#!/usr/bin/env sh\necho "env-script-ok $1"\n' >"$D/env-script.sh"
chmod 644 "$D/f"
chmod 755 "$D/script.sh" "$D/env-script.sh"
mkdir "$D/links" "$T/outside"
chmod 755 "$D/links" "$T/outside"
ln -s "$T/outside" "$D/links/abs"          # absolute: the host's $T/outside
ln -s ../../../../../../../.. "$D/links/up" # relative, climbing out
printf 'rw\n' >"$W/rw"
chmod 666 "$W/rw"

# A setuid-root helper.  try-syscall, not probe: its calls are harmless
# even with root's privileges.  The directory admits root and group
# nogroup only, so no other local user can run it meanwhile.
SUID_DIR=$T/suid
mkdir "$SUID_DIR"
if [ "$(id -u)" = 0 ]; then
	chgrp "$USER_ID" "$SUID_DIR" && chmod 750 "$SUID_DIR"
	cp "$TRY" "$SUID_DIR/try-syscall"
	chown 0:0 "$SUID_DIR/try-syscall"
	chmod 4755 "$SUID_DIR/try-syscall"
fi

# Nothing of the host outside the given sources changed.
outside_untouched() { [ -z "$(ls -A "$T/outside")" ]; }

# A destination leaving the root: 125 and the host untouched.
escape() {
	local desc=$1
	shift
	jrun "$@" -- "$PROBE" echo RAN
	if [ "$st" = 125 ] && grep -q '^jail: ' <<<"$err" && outside_untouched; then
		ok "$desc: refused with 125"
	else
		not_ok "$desc: refused with 125" "$(ls -A "$T/outside")
$(last_run)"
	fi
	rm -rf "${T:?}/outside/"*
}

binds() {
	jrun --ro-bind "$D:/data" -- "$PROBE" read /data/f
	is "$(kv bytes)" 5 "--ro-bind SRC:DST makes SRC readable at DST"
	jrun --ro-bind "$D:/data" -- "$PROBE" create /data/new
	is "$(kv errno)" EROFS "--ro-bind: creating a file fails with EROFS"
	jrun --ro-bind "$W/rw:/rw" -- "$PROBE" append /rw x
	is "$(kv errno)" EROFS "--ro-bind of a writable file: writing fails with EROFS"
	jrun --ro-bind "$D" -- "$PROBE" create "$D/new"
	is "$(kv errno)" EROFS "--ro-bind SRC binds at the same path, read-only"
	jrun --ro-bind "$D/f:/file" -- "$PROBE" read /file
	is "$(kv bytes)" 5 "--ro-bind of a single file"
	jrun --ro-bind "$D:/a/b/c" -- "$PROBE" read /a/b/c/f
	is "$(kv bytes)" 5 "--ro-bind creates the parents of DST"

	rm -f "$W/new"
	jrun --bind "$W:/w" --fsize 1M -- "$PROBE" write /w/new hello
	if [ "$(kv errno)" = 0 ] && [ "$(cat "$W/new" 2>/dev/null)" = hello ]; then
		ok "--bind is writable and the host sees the file"
	else
		not_ok "--bind is writable and the host sees the file" "$(last_run)"
	fi
	rm -f "$W/new"
	jrun --bind "$W:/w" -- "$PROBE" statfs /w
	is "$(kv noexec),$(kv nosuid)" "1,1" "--bind is mounted noexec and nosuid"
	jrun --bind "$W:/w" --fsize 10M -- "$PROBE" copy-exec "$PROBE" /w/copy
	if [ "$(kv step)" = exec ] && [ "$(kv errno)" = EACCES ]; then
		ok "a file written into a --bind cannot be executed (EACCES)"
	else
		not_ok "a file written into a --bind cannot be executed (EACCES)" "$(last_run)"
	fi
	rm -f "$W/copy"

	jrun --tmpfs /t --fsize 1M -- "$PROBE" write /t/f hello
	is "$(kv errno)" 0 "--tmpfs DST is writable"
	jrun --tmpfs /t -- "$PROBE" statfs /t
	is "$(kv ro),$(kv noexec),$(kv nosuid)" "0,1,1" "--tmpfs is writable, noexec, nosuid"
	jrun --tmpfs /t --fsize 10M -- "$PROBE" copy-exec "$PROBE" /t/copy
	if [ "$(kv step)" = exec ] && [ "$(kv errno)" = EACCES ]; then
		ok "a file written into a --tmpfs cannot be executed (EACCES)"
	else
		not_ok "a file written into a --tmpfs cannot be executed (EACCES)" "$(last_run)"
	fi

	jrun --ro-bind "$D:/data" --cwd /data -- "$PROBE" cwd
	is "$(kv cwd)" /data "--cwd DIR sets the working directory"
	jrun --ro-bind "$D:/data" --cwd /data -- "$PROBE" read f
	is "$(kv bytes)" 5 "--cwd: relative paths resolve there"
	jrun -- "$PROBE" cwd
	is "$(kv cwd)" / "the default working directory is /"
}

escapes() {
	escape "--bind SRC:/a/../../x (.. in DST)" --bind "$W:/a/../../x"
	escape "--ro-bind SRC:../x (relative DST)" --ro-bind "$D:../x"
	escape "--tmpfs /../x" --tmpfs /../x
	escape "DST through a bound absolute symlink" \
		--ro-bind "$D/links:/l" --bind "$W:/l/abs/sub"
	escape "--tmpfs through a bound absolute symlink" \
		--ro-bind "$D/links:/l" --tmpfs /l/abs/sub
	escape "DST through a bound relative symlink" \
		--ro-bind "$D/links:/l" --bind "$W:/l/up/$T/outside/sub"
}

system() {
	jrun --system -- "$PROBE" ls / 1
	local top bad=
	for top in $(sed -n 's|^ls=/\([^/ ]*\) .*|\1|p' <<<"$out"); do
		case $top in
		usr | bin | sbin | lib | lib32 | lib64 | libx32 | etc | dev) ;;
		*) case "$PROBE" in /"$top"/*) ;; *) bad="$bad /$top" ;; esac ;;
		esac
	done
	if [ "$st" = 0 ] && grep -q '^ls=/usr ' <<<"$out" && grep -q '^ls=/etc ' <<<"$out" &&
	   [ -z "$bad" ]; then
		ok "--system adds /usr, /etc, /bin, /lib* and nothing else"
	else
		not_ok "--system adds /usr, /etc, /bin, /lib* and nothing else" "extra:$bad
$(last_run)"
	fi
	jrun --system -- "$PROBE" read /etc/passwd
	is "$(kv errno)" 0 "--system: /etc/passwd is readable"
	jrun --system -- "$PROBE" create "/etc/jail-test-$$"
	is "$(kv errno)" EROFS "--system: /etc is read-only"
	jrun --system -- "$PROBE" create "/usr/jail-test-$$"
	is "$(kv errno)" EROFS "--system: /usr is read-only"
	jrun --system -- /bin/sh -c 'echo $((6 * 7))'
	is "$out" 42 "--system: /bin/sh runs"
}

programs() {
	jrun -- "$D/script.sh" arg
	is "$out" "script-ok arg" "a #!/bin/sh script gets its interpreter"
	jrun -- "$D/env-script.sh" arg
	is "$out" "env-script-ok arg" "a #!/usr/bin/env sh script gets env and sh"

	printf '{"a":[1,2]}\n' >"$D/in.json"
	chmod 644 "$D/in.json"
	if command -v jq >/dev/null; then
		JIN=$D/in.json jrun -- jq -c .a
		is "$out" "[1,2]" "jq (dynamic) runs with its libraries"
	else
		skip "jq (dynamic) runs with its libraries" "no jq"
	fi
	if [ -x /usr/bin/python3 ]; then
		local pylib
		pylib=$(readlink -f /usr/bin/python3)
		pylib=/usr/lib/$(basename "$pylib")
		jrun --ro-bind "$pylib" -- /usr/bin/python3 -c 'print(1)'
		is "$out" 1 "/usr/bin/python3 -c 'print(1)' runs (with --ro-bind $pylib)"
	else
		skip "/usr/bin/python3 runs" "no /usr/bin/python3"
	fi

	# find is dynamic: the root is it, its loader, its libraries, /dev.
	jrun -- /usr/bin/find / -maxdepth 4
	local bad
	bad=$(grep -Ev '^(/|/usr|/usr/bin|/usr/bin/find|/bin|/dev|/dev/(null|zero|urandom)|(/usr)?/lib(32|64|x32)?(/.*)?)$' <<<"$out" |
		head -n 20 | tr '\n' ' ')
	if [ "$st" = 0 ] && [ -z "$bad" ]; then
		ok "a dynamic target's root holds it, its loader and libraries only"
	else
		not_ok "a dynamic target's root holds it, its loader and libraries only" \
			"extra: $(head -c 600 <<<"$bad")
status $st"
	fi
}

setuid_files() {
	if [ "$(id -u)" != 0 ]; then
		skip "a setuid-root file gives no privilege" "needs root to make one"
		return
	fi
	# EPERM, or EINVAL where uid 0 has no mapping in the user namespace.
	jrun -- "$SUID_DIR/try-syscall" setuid0
	if [[ $out =~ ^setuid0\ errno=E[A-Z]+$ ]]; then
		ok "a setuid-root file gives no privilege (setuid(0): ${out#*=})"
	else
		not_ok "a setuid-root file gives no privilege (setuid(0) fails)" "$(last_run)"
	fi
}

suite() {
	binds
	escapes
	system
	programs
	setuid_files
}

for_each_mode suite
done_testing
