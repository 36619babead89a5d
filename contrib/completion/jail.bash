# bash completion for jail(1)                              -*- shell-script -*-
#
# Install as completions/jail in bash-completion's directory (`make
# install` does), or source it from ~/.bashrc.
#
# Nothing here repeats jail's tables: the options come from `jail --help`,
# the syscalls, groups and profiles from `jail --list`, each asked of the
# jail being completed (the first word of the line) and kept for the shell's
# lifetime (profiles excepted: they come and go).

declare -gA _jail_cache=()

# _jail_ask JAIL WHAT: one word a line.
_jail_ask() {
	local key="$1|$2" out
	if [[ $2 == profiles || -z ${_jail_cache[$key]+set} ]]; then
		case $2 in
		options) # "  -p, --profile NAME|PATH  ...", "      --system  ..."
			out=$("$1" --help 2>/dev/null | sed -n \
				-e 's/^  \(-[A-Za-z]\), \(--[a-z][a-z-]*\)\( .*\)\{0,1\}$/\1\n\2/p' \
				-e 's/^      \(--[a-z][a-z-]*\)\( .*\)\{0,1\}$/\1/p')
			;;
		valued) # an argument name follows after one space
			out=$("$1" --help 2>/dev/null | sed -n \
				-e 's/^  \(-[A-Za-z]\), \(--[a-z][a-z-]*\) [^ ].*/\1\n\2/p' \
				-e 's/^      \(--[a-z][a-z-]*\) [^ ].*/\1/p')
			;;
		groups)
			out=$("$1" --list groups 2>/dev/null | sed -n 's/^\(@[a-z0-9_-]*\).*/\1/p')
			;;
		syscalls) # "NR<TAB>name"
			out=$("$1" --list syscalls 2>/dev/null | awk '{ print $NF }')
			;;
		profiles)
			out=$("$1" --list profiles 2>/dev/null | awk 'NF && !/^#/ { print $1 }')
			;;
		esac
		_jail_cache[$key]=$out
	fi
	printf '%s\n' "${_jail_cache[$key]}"
}

# _jail_add WORD...: those WORDs that start with $cur go to COMPREPLY.
_jail_add() {
	local w
	for w in "$@"; do
		[[ $w == "$cur"* ]] && COMPREPLY+=("$w")
	done
	return 0
}

# A LIST: complete the item after the last ',' or ':', keeping the head.
_jail_list() {
	local head= item=$cur w
	if [[ $cur == *[,:]* ]]; then
		item=${cur##*[,:]}
		head=${cur:0:${#cur}-${#item}}
	fi
	for w in $(_jail_ask "$1" groups) $(_jail_ask "$1" syscalls); do
		[[ $w == "$item"* ]] && COMPREPLY+=("$head$w")
	done
	compopt -o nospace 2>/dev/null # another item may follow
	return 0
}

_jail_files() {
	local IFS=$'\n'
	COMPREPLY+=($(compgen -f -- "$cur"))
	compopt -o filenames 2>/dev/null
	return 0
}

_jail_dirs() {
	local IFS=$'\n'
	COMPREPLY+=($(compgen -d -- "$cur"))
	compopt -o filenames 2>/dev/null
	return 0
}

# _jail_value JAIL OPTION: the values of OPTION that start with $cur.
_jail_value() {
	case $2 in
	--allow | --deny | --allow-startup) _jail_list "$1" ;;
	--share) _jail_add net pid ipc uts ;;
	--stage) _jail_add exec main ;;
	--export) _jail_add text bpf oci systemd ;;
	--list) _jail_add groups syscalls profiles ;;
	--uid | --gid) _jail_add auto ;;
	--fsize) _jail_add 0 64k 1M 10M 100M 1G unlimited ;;
	--errno)
		_jail_add EPERM EACCES ENOSYS EINVAL ENOENT EROFS EIO ENOTSUP \
			EAFNOSUPPORT
		;;
	--rlimit)
		_jail_add nofile= nproc= as= cpu= core= stack= data= memlock= \
			rss= locks= sigpending= msgqueue= nice= rtprio= rttime=
		compopt -o nospace 2>/dev/null
		;;
	-p | --profile)
		_jail_add $(_jail_ask "$1" profiles)
		[[ $cur == */* || $cur == .* ]] && _jail_files
		;;
	--bind | --ro-bind | --learn) _jail_files ;;
	--cwd | --tmpfs) _jail_dirs ;;
	--unsetenv) _jail_add $(compgen -e) ;;
	--setenv)
		local IFS=$'\n'
		COMPREPLY+=($(compgen -e -S = -- "$cur"))
		compopt -o nospace 2>/dev/null
		;;
	*) ;; # a number, seconds, a descriptor: nothing to offer
	esac
	return 0
}

_jail() {
	local cur prev jail takes word strip
	local -i i j found=0
	COMPREPLY=()
	jail=${COMP_WORDS[0]}
	[[ $jail == */* ]] || type -P "$jail" >/dev/null || jail=jail
	jail=${jail/#\~/$HOME}
	takes=" $(_jail_ask "$jail" valued | tr '\n' ' ') "

	# bash splits "--allow=read:write" into "--allow" "=" "read" ":"
	# "write" (COMP_WORDBREAKS): glue the current word back together.
	cur=${COMP_WORDS[COMP_CWORD]-}
	j=$COMP_CWORD
	while ((j > 1)) && [[ ${COMP_WORDS[j]} == [=:]* || ${COMP_WORDS[j - 1]} == *[=:] ]] &&
		[[ ${COMP_WORDS[j - 1]} != -- ]]; do
		((j--))
		cur=${COMP_WORDS[j]}$cur
	done
	prev=
	((j > 0)) && prev=${COMP_WORDS[j - 1]}

	# Where does COMMAND start?  After "--", or at the first word that is
	# neither an option nor an option's value.
	i=1
	while ((i < j)); do
		word=${COMP_WORDS[i]}
		if [[ $word == -- ]]; then
			((i++))
			found=1
			break
		elif [[ $word != -* ]]; then
			found=1
			break
		fi
		((i++))
		# "--opt VALUE"; "-pNAME" is one word; "--opt=VALUE" may be several
		[[ $word != *=* && $takes == *" $word "* && ${COMP_WORDS[i]-} != [=:]* ]] && ((i++))
		while ((i < j)) && [[ ${COMP_WORDS[i]} == [=:]* || ${COMP_WORDS[i - 1]} == *[=:] ]]; do
			((i++))
		done
	done
	if ((found)); then
		if declare -F _command_offset >/dev/null; then
			_command_offset "$i"
		elif ((i == COMP_CWORD)); then
			local IFS=$'\n'
			COMPREPLY=($(compgen -c -- "$cur"))
		else
			_jail_files
		fi
		return 0
	fi

	if [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
		_jail_value "$jail" "$prev"
		cur=$prev=$cur
		COMPREPLY=("${COMPREPLY[@]/#/$prev=}")
	elif [[ $prev == -* && $takes == *" $prev "* ]]; then
		_jail_value "$jail" "$prev"
	elif [[ $cur == -* ]]; then
		_jail_add $(_jail_ask "$jail" options) --
	else
		local IFS=$'\n'
		COMPREPLY=($(compgen -c -- "$cur"))
	fi
	# Replies are whole words, but readline replaces only what follows the
	# last word-break character (as bash-completion's
	# __ltrim_colon_completions knows).
	strip=
	[[ $COMP_WORDBREAKS == *:* ]] && strip+=:
	[[ $COMP_WORDBREAKS == *=* ]] && strip+==
	if [[ -n $strip && $cur == *[$strip]* ]]; then
		strip=${cur%"${cur##*[$strip]}"}
		COMPREPLY=("${COMPREPLY[@]#"$strip"}")
	fi
	return 0
}

complete -F _jail jail
