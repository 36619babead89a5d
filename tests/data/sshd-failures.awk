# sshd-failures.awk — failed ssh logins per source address, from a syslog
# stream (tests/profiles/text.sh runs it under `jail -p syslog-parse`).
$5 ~ /^sshd\[/ && /Failed password/ {
	for (i = 1; i < NF; i++)
		if ($i == "from")
			n[$(i + 1)]++
}
END {
	PROCINFO["sorted_in"] = "@ind_str_asc"
	for (ip in n)
		printf "%-16s %d\n", ip, n[ip]
}
