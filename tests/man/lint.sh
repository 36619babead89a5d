#!/bin/bash
# lint.sh — the manual pages pass `mandoc -T lint -W warning` without a
# single message, render, and keep no unsubstituted @MARKER@.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/man/common.sh"

command -v mandoc >/dev/null || skip_all "mandoc is not installed"

for page in jail.1 jail.profile.5 libjail-preload.8; do
	f=$MANDIR/$page
	if [ ! -s "$f" ]; then
		not_ok "$page: built" "$f is missing or empty"
		continue
	fi
	# mandoc's notes about its own database are not about the page.
	msgs=$(mandoc -T lint -W warning "$f" 2>&1 | grep -v 'mandoc\.db')
	if [ -z "$msgs" ]; then
		ok "$page: mandoc -T lint -W warning is silent"
	else
		not_ok "$page: mandoc -T lint -W warning is silent" "$msgs"
	fi
	left=$(grep -n '@[A-Za-z_]*@' "$f")
	if [ -z "$left" ]; then
		ok "$page: every @MARKER@ substituted"
	else
		not_ok "$page: every @MARKER@ substituted" "$left"
	fi
	if text=$(mandoc -T ascii "$f" 2>&1) && [ "$(wc -l <<<"$text")" -gt 20 ]; then
		ok "$page: renders"
	else
		not_ok "$page: renders" "$text"
	fi
	for sec in NAME SYNOPSIS DESCRIPTION "SEE ALSO"; do
		if grep -qx "\.Sh $sec" "$f"; then
			ok "$page: has $sec"
		else
			not_ok "$page: has $sec"
		fi
	done
done

# What the contract asks jail(1) to say.
f=$MANDIR/jail.1
for word in 'EXIT STATUS' ENVIRONMENT FILES EXAMPLES; do
	if grep -qx "\.Sh $word" "$f"; then ok "jail.1: has $word"; else not_ok "jail.1: has $word"; fi
done
for xr in 'seccomp 2' 'namespaces 7' 'bwrap 1' 'systemd.exec 5' 'jail.profile 5' 'libjail-preload 8'; do
	if grep -q "^\.Xr $xr" "$f"; then ok "jail.1: refers to ${xr% *}(${xr#* })"; else not_ok "jail.1: refers to ${xr% *}(${xr#* })"; fi
done
for st in 124 125 126 127 159; do
	if sed -n '/^\.Sh EXIT STATUS/,/^\.Sh /p' "$f" | grep -qx "\.It $st"; then
		ok "jail.1: exit status $st documented"
	else
		not_ok "jail.1: exit status $st documented"
	fi
done
for var in SECCOMP_SYSCALL_ALLOW SECCOMP_SYSCALL_DENY JAIL_PROFILE_PATH JAIL_PRELOAD_LIB; do
	if sed -n '/^\.Sh ENVIRONMENT/,/^\.Sh /p' "$f" | grep -q "^\.It Ev $var"; then
		ok "jail.1: \$$var documented"
	else
		not_ok "jail.1: \$$var documented"
	fi
done
# The uid range is a fact of src/uidpool.h.
base=$(sed -n 's/^#define JAIL_UID_BASE \([0-9]*\)u\{0,1\}$/\1/p' "$top_srcdir/src/uidpool.h")
count=$(sed -n 's/^#define JAIL_UID_COUNT \([0-9]*\)u\{0,1\}$/\1/p' "$top_srcdir/src/uidpool.h")
if [ -n "$base" ] && [ -n "$count" ] &&
   grep -q "range $base to $((base + count - 1))" "$f"; then
	ok "jail.1: the automatic uid range is src/uidpool.h's"
else
	not_ok "jail.1: the automatic uid range is src/uidpool.h's" "base=$base count=$count"
fi

done_testing
