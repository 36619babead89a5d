#!/bin/bash
# completion.sh — contrib/completion/jail.bash, driven the way bash drives
# it: COMP_WORDS and COMP_CWORD set, _jail called, COMPREPLY checked.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/man/common.sh"
need_jail

# Not an interactive shell: compopt has nothing to act on, and the real
# bash-completion (_command_offset) is not loaded.
compopt() { :; }
# shellcheck source=../../contrib/completion/jail.bash
if ! . "$top_srcdir/contrib/completion/jail.bash"; then
	echo "Bail out! cannot source contrib/completion/jail.bash"
	exit 99
fi
if complete -p jail 2>/dev/null | grep -q -- '-F _jail'; then
	ok "the script registers _jail for jail"
else
	not_ok "the script registers _jail for jail"
fi

# comp LINE — completes at the end of LINE as bash would: the line split
# into COMP_WORDS at blanks and, as runs of their own, at the characters of
# COMP_WORDBREAKS ':' and '='; the replies end up one a line in $TMP/reply.
COMP_WORDBREAKS=$' \t\n"\'><=;|&(:'
comp() {
	local line=$1 word= c k brk=
	[[ $COMP_WORDBREAKS == *:* ]] && brk+=:
	[[ $COMP_WORDBREAKS == *=* ]] && brk+==
	COMP_WORDS=()
	for ((k = 0; k < ${#line}; k++)); do
		c=${line:k:1}
		if [[ $c == ' ' ]]; then
			[[ -n $word ]] && COMP_WORDS+=("$word")
			word=
		elif [[ -n $brk && $c == [$brk] ]]; then
			if [[ -n $word && $word != [$brk]* ]]; then
				COMP_WORDS+=("$word")
				word=
			fi
			word+=$c
		else
			if [[ -n $brk && $word == [$brk]* ]]; then
				COMP_WORDS+=("$word")
				word=
			fi
			word+=$c
		fi
	done
	COMP_WORDS+=("$word")	# the word being completed, maybe empty
	COMP_WORDS[0]=$JAIL
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	_jail
	printf '%s\n' "${COMPREPLY[@]}" | grep -v '^$' >"$TMP/reply"
}
# has DESC WORD... — every WORD is among the replies.
has() {
	local desc=$1 w missing=
	shift
	for w in "$@"; do
		grep -qxF -- "$w" "$TMP/reply" || missing+=" $w"
	done
	if [ -z "$missing" ]; then ok "$desc"; else not_ok "$desc" "missing:$missing
replies: $(tr '\n' ' ' <"$TMP/reply")"; fi
}
# only DESC WORD... — the replies are exactly WORD... (any order).
only() {
	local desc=$1
	shift
	if diff <(printf '%s\n' "$@" | sort) <(sort "$TMP/reply") >"$TMP/diff"; then
		ok "$desc"
	else
		not_ok "$desc" "$(cat "$TMP/diff")"
	fi
}
# none DESC — no reply.
none() {
	if [ ! -s "$TMP/reply" ] || [ "$(cat "$TMP/reply")" = "" ]; then ok "$1"; else
		not_ok "$1" "replies: $(tr '\n' ' ' <"$TMP/reply")"; fi
}

# Options: every one of --help, and only those that start with the word.
comp 'jail --'
mapfile -t all < <("$JAIL" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
has "'--' offers every option of jail --help (${#all[@]})" "${all[@]}"
comp 'jail --al'
only "'--al' offers --allow and --allow-startup" --allow --allow-startup
comp 'jail -'
has "'-' offers the short options" -p -v -q -h -V
comp 'jail --pro'
only "'--pro' offers --profile and --proc" --profile --proc

# Values.
comp 'jail --share '
only "--share offers net pid ipc uts" net pid ipc uts
comp 'jail --stage '
only "--stage offers exec main" exec main
comp 'jail --export '
only "--export offers text bpf oci systemd" text bpf oci systemd
comp 'jail --list '
only "--list offers groups syscalls profiles" groups syscalls profiles
comp 'jail --list p'
only "--list p offers profiles" profiles
comp 'jail --uid '
only "--uid offers auto" auto

# Syscalls and groups after --allow, --deny, --allow-startup.
mapfile -t groups < <("$JAIL" --list groups | sed -n 's/^\(@[a-z0-9-]*\).*/\1/p')
comp 'jail --allow @'
only "--allow @ offers every group of jail --list groups (${#groups[@]})" "${groups[@]}"
comp 'jail --deny sock'
has "--deny sock offers socket and socketpair" socket socketpair
if grep -qv '^sock' "$TMP/reply"; then not_ok "--deny sock offers nothing else" "$(cat "$TMP/reply")"; else ok "--deny sock offers nothing else"; fi
comp 'jail --allow-startup @startup-d'
only "--allow-startup @startup-d offers @startup-dynamic" @startup-dynamic
comp 'jail --allow read,wri'
has "--allow read,wri keeps the list's head" read,write read,writev
comp 'jail --allow read,@basic'
only "--allow read,@basic offers read,@basic-io" read,@basic-io
# With ':' in COMP_WORDBREAKS bash replaces only what follows the colon.
comp 'jail --allow read:wri'
has "--allow read:wri offers what follows the colon" write writev
comp 'jail --allow=@mem'
only "--allow=@mem offers @memory and @memlock" @memory @memlock
comp 'jail --allow=read:@mem'
only "--allow=read:@mem offers @memory and @memlock" @memory @memlock
comp 'jail --fsize=unl'
only "--fsize=unl offers unlimited" unlimited
# Without ':' and '=' in COMP_WORDBREAKS the replies are whole words.
saved=$COMP_WORDBREAKS
COMP_WORDBREAKS=$' \t\n"\'><;|&('
comp 'jail --allow read:wri'
has "no ':' break: --allow read:wri offers read:write" read:write read:writev
comp 'jail --allow=@mem'
only "no '=' break: --allow=@mem offers --allow=@memory, --allow=@memlock" --allow=@memory --allow=@memlock
comp 'jail --allow=read:write gzip --al'
none "no breaks: --allow=read:write is not the command"
COMP_WORDBREAKS=$saved
comp 'jail --allow=read:write gzip --al'
none "--allow=read:write (split by bash) is not taken for the command"
comp 'jail --allow=read:write --al'
only "--al after --allow=read:write offers --allow and --allow-startup" --allow --allow-startup

# Profiles: what jail --list profiles finds (a private directory here).
mkdir -p "$TMP/profiles"
printf 'allow @default\n' >"$TMP/profiles/mytool.profile"
printf 'allow @default\n' >"$TMP/profiles/myother.profile"
chmod 644 "$TMP/profiles"/*.profile
_jail_cache=()
export JAIL_PROFILE_PATH=$TMP/profiles
if "$JAIL" --list profiles | grep -q mytool; then
	comp 'jail -p my'
	has "-p my offers the profiles of JAIL_PROFILE_PATH" mytool myother
	comp 'jail --profile myt'
	only "--profile myt offers mytool" mytool
else
	ok "-p offers profiles # SKIP jail --list profiles does not list JAIL_PROFILE_PATH"
fi
unset JAIL_PROFILE_PATH

# After COMMAND, options belong to the command: jail's are not offered.
comp 'jail gzip --al'
if grep -q -- '--allow' "$TMP/reply"; then
	not_ok "after COMMAND, jail's options are not offered" "$(cat "$TMP/reply")"
else
	ok "after COMMAND, jail's options are not offered"
fi
comp 'jail -- gzip --al'
if grep -q -- '--allow' "$TMP/reply"; then
	not_ok "after --, jail's options are not offered" "$(cat "$TMP/reply")"
else
	ok "after --, jail's options are not offered"
fi
# An option's value is not taken for the command.
comp 'jail --allow read --al'
only "an option's value is not the command: --al after '--allow read'" --allow --allow-startup
comp 'jail -p gzip --exp'
only "-p's value is not the command: --exp after '-p gzip'" --export
comp 'jail --system --al'
only "a flag takes no value: --al after --system" --allow --allow-startup
# The command itself is a command name.
comp 'jail -- bas'
has "after --, commands are offered" bash

done_testing
