#!/bin/bash
# options.sh — jail.1 lists exactly the options of `jail --help`, with the
# same short names and argument names, and jail.profile.5 lists exactly the
# directives the profile parser accepts.  The pages are generated from the
# option table (man/mkman), so this guards the generator and the templates;
# the parser is asked directly, not the table.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/man/common.sh"
need_jail

page1=$MANDIR/jail.1
page5=$MANDIR/jail.profile.5
[ -s "$page1" ] && [ -s "$page5" ] || { echo "Bail out! the pages are not built"; exit 99; }

# "-p, --profile NAME|PATH" per option, from --help's left column (a long
# one stands alone on its line).
"$JAIL" --help >"$TMP/help" || not_ok "jail --help exits 0"
sed -n 's/^  \(-[A-Za-z], \|    \)\(--[a-z][a-z-]*\)\( [^ ][^ ]*\)\{0,1\}\( \{2,\}.*\)\{0,1\}$/\1\2\3/p' \
	"$TMP/help" | sed 's/^ *//' | sort >"$TMP/help.heads"
sed 's/.*--\([a-z-]*\).*/\1/' "$TMP/help.heads" | sort >"$TMP/help.names"
[ -s "$TMP/help.names" ] || not_ok "options found in jail --help" "$(cat "$TMP/help")"

# The same from the rendered OPTIONS section of jail.1.
if command -v mandoc >/dev/null; then
	mandoc -T ascii "$page1" | col -b | sed -n '/^OPTIONS/,/^[A-Z]/p' |
		sed -n 's/^     \(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*[^\t ]*\( [^ \t]\{1,\}\)\{0,1\}\).*/\1\2/p' |
		sed 's/  .*//' | sort >"$TMP/page.heads"
fi
# Names from the page's source, which needs no mandoc.
sed -n '/^\.Sh OPTIONS/,/^\.Sh /p' "$page1" |
	sed -n 's/^\.It Fl \(. , Fl \)\{0,1\}-\([a-z][a-z-]*\).*/\2/p' | sort >"$TMP/page.names"

while read -r name; do
	if grep -qx -- "$name" "$TMP/page.names"; then
		ok "--$name of jail --help is in jail.1"
	else
		not_ok "--$name of jail --help is in jail.1"
	fi
done <"$TMP/help.names"
while read -r name; do
	if grep -qx -- "$name" "$TMP/help.names"; then
		ok "--$name of jail.1 is in jail --help"
	else
		not_ok "--$name of jail.1 is in jail --help"
	fi
done <"$TMP/page.names"
is "$(sort -u "$TMP/page.names" | wc -l)" "$(wc -l <"$TMP/page.names")" "jail.1 lists each option once"

if [ -e "$TMP/page.heads" ]; then
	if diff -u "$TMP/help.heads" "$TMP/page.heads" >"$TMP/diff"; then
		ok "jail.1 shows each option as --help does (short name, argument)"
	else
		not_ok "jail.1 shows each option as --help does (short name, argument)" "$(cat "$TMP/diff")"
	fi
else
	ok "jail.1 shows each option as --help does # SKIP mandoc is not installed"
fi

# Which words the profile parser takes as directives: ask it.  A word it
# rejects is "unknown" or "a command-line option"; any other complaint
# (a bad value here) means the directive itself was accepted.
sed -n '/^\.Sh DIRECTIVES/,/^\.Sh /p' "$page5" >"$TMP/dirsec"
sed -n 's/^\.It Ic \([a-z][a-z-]*\).*/\1/p' "$TMP/dirsec" | sort >"$TMP/page.dirs"
sed -n '/command-line only/,$p' "$TMP/dirsec" |
	sed -n 's/^\.Ic \([a-z][a-z-]*\).*/\1/p' | sort >"$TMP/page.clionly"
table=$("$top_builddir/man/mkman" --names 2>/dev/null | cut -d' ' -f1)
sort -u "$TMP/help.names" "$TMP/page.dirs" "$TMP/page.clionly" <(printf '%s\n' $table include) \
	>"$TMP/candidates"
: >"$TMP/accepted"
: >"$TMP/rejected"
while read -r word; do
	printf '%s x\n' "$word" >"$TMP/probe.profile"
	chmod 600 "$TMP/probe.profile"
	msg=$("$JAIL" --check -p "$TMP/probe.profile" 2>&1)
	if grep -q "unknown directive\|command-line option" <<<"$msg"; then
		echo "$word" >>"$TMP/rejected"
	else
		echo "$word" >>"$TMP/accepted"
	fi
done <"$TMP/candidates"
[ -s "$TMP/accepted" ] || not_ok "the profile parser accepts some directive"

while read -r word; do
	if grep -qx -- "$word" "$TMP/page.dirs"; then
		ok "directive '$word' is in jail.profile.5"
	else
		not_ok "directive '$word' is in jail.profile.5"
	fi
done <"$TMP/accepted"
while read -r word; do
	if grep -qx -- "$word" "$TMP/accepted"; then
		ok "directive '$word' of jail.profile.5 is accepted in profiles"
	else
		not_ok "directive '$word' of jail.profile.5 is accepted in profiles"
	fi
done <"$TMP/page.dirs"
# The "command-line only" sentence: the options profiles refuse.
grep -xFf "$TMP/help.names" "$TMP/rejected" | sort >"$TMP/rejected.opts"
if diff -u "$TMP/rejected.opts" "$TMP/page.clionly" >"$TMP/diff"; then
	ok "jail.profile.5 names the command-line-only options, all of them"
else
	not_ok "jail.profile.5 names the command-line-only options, all of them" "$(cat "$TMP/diff")"
fi
# The contract's list of command-line-only directives (SPEC 2).
for word in learn export check list status-fd; do
	if grep -qx "$word" "$TMP/rejected"; then
		ok "'$word' is refused in a profile and said to be so"
	else
		not_ok "'$word' is refused in a profile and said to be so"
	fi
done

done_testing
