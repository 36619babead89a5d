#!/bin/bash
# file.sh — the file profile: libmagic names real formats like the bare
# file(1), from stdin and from a read-only bind, and cannot read unbound
# files or write a compiled magic file.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
. "$top_srcdir/tests/profiles/lib.sh"

# file prints dates in the local time zone: pin it for both runs.
export TZ=UTC
SAMPLES="sample.pdf sample.tar sample.json syslog.log syslog.log.gz syslog.log.xz syslog.log.bz2 syslog.log.zst report.py"

suite() {
	local f dir
	for f in sample.pdf syslog.log.gz sample.tar; do
		bare "$D/$f" file -
		jailed "$D/$f" -p file -- file -
		same_as_bare "file - < $f: same verdict"
	done
	# shellcheck disable=SC2086 # a list of names
	bare /dev/null sh -c "cd '$D' && file $SAMPLES"
	# shellcheck disable=SC2086
	jailed /dev/null -p file --ro-bind "$D" --cwd "$D" -- file $SAMPLES
	same_as_bare "file on nine bound samples: same verdicts"
	bare /dev/null sh -c "cd '$D' && file --mime $SAMPLES"
	# shellcheck disable=SC2086
	jailed /dev/null -p file --ro-bind "$D" --cwd "$D" -- file --mime $SAMPLES
	same_as_bare "file --mime: same verdicts"
	like "$out" '^sample\.pdf: +application/pdf' "and the PDF is application/pdf"

	jailed /dev/null -p file -- file "$SECRET_DIR/secret.txt"
	like "$out" "cannot open" "file on an unbound host file: cannot open"
	unlike "$out" "ASCII text" "and it was not examined"

	# file -C compiles a magic source into NAME.mgc in the cwd (entered
	# on the host too, for the stub, which ignores --cwd).
	dir=$(wdir file-w)
	printf '0\tstring\tJAILTEST\tjail test data\n' >"$dir/my.magic"
	chmod 644 "$dir/my.magic"
	cd "$dir" || bail_out "cannot enter $dir"
	jailed /dev/null -p file --bind "$dir" --cwd "$dir" -- file -C -m "$dir/my.magic"
	cd "$T" || bail_out "cannot enter $T"
	killed_for openat "file -C (write a .mgc) in a writable bind: killed at openat"
	absent "$dir/my.magic.mgc" "and no .mgc was written"
}

if have file; then
	for_each_mode suite
else
	skip "file profile" "file is not installed"
fi
done_testing
