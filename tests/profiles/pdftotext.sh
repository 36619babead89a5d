#!/bin/bash
# pdftotext.sh — the pdftotext profile: a real PDF (tests/data/sample.pdf,
# hand-written PDF 1.4 with a Type1 font and an xref table) converts to the
# same text as bare, from stdin and from a read-only bind; the converter
# cannot write its output to a file or read an unbound document.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
. "$top_srcdir/tests/profiles/lib.sh"

suite() {
	local dir
	bare "$D/sample.pdf" pdftotext - -
	jailed "$D/sample.pdf" -p pdftotext -- pdftotext - -
	same_as_bare "pdftotext - - (stdin): same text"
	like "$out" '^Second line: 42 apples, 7 pears\.$' "and the text is the PDF's"
	bare /dev/null pdftotext -layout -enc UTF-8 "$D/sample.pdf" -
	jailed /dev/null -p pdftotext --ro-bind "$D/sample.pdf" -- pdftotext -layout -enc UTF-8 "$D/sample.pdf" -
	same_as_bare "pdftotext -layout of a read-only bind: same text"
	bare /dev/null pdftotext -bbox "$D/sample.pdf" -
	jailed /dev/null -p pdftotext --ro-bind "$D/sample.pdf" -- pdftotext -bbox "$D/sample.pdf" -
	same_as_bare "pdftotext -bbox (HTML with word boxes): same output"

	# A damaged PDF (startxref points nowhere): poppler rebuilds the
	# cross-reference table by scanning, in the jail too.
	sed 's/^[0-9][0-9]*$/9999/' "$D/sample.pdf" >"$D/broken.pdf"
	chmod a+r "$D/broken.pdf"
	bare "$D/broken.pdf" pdftotext - -
	jailed "$D/broken.pdf" -p pdftotext -- pdftotext - -
	same_as_bare "a PDF with its xref cut off: same recovery and text"

	dir=$(wdir pdf-w)
	jailed /dev/null -p pdftotext --ro-bind "$D/sample.pdf" --bind "$dir" -- pdftotext "$D/sample.pdf" "$dir/out.txt"
	killed_for openat "pdftotext IN OUT.txt in a writable bind: killed at openat"
	absent "$dir/out.txt" "and no text file was written"

	cp "$D/sample.pdf" "$SECRET_DIR/secret.pdf"
	chmod a+r "$SECRET_DIR/secret.pdf"
	jailed /dev/null -p pdftotext -- pdftotext "$SECRET_DIR/secret.pdf" -
	isnt "$st" 0 "pdftotext of an unbound host PDF fails"
	unlike "$out" apples "and its text did not come out"
}

if have pdftotext && [ -d /usr/share/poppler ]; then
	for_each_mode suite
else
	skip "pdftotext profile" "pdftotext or /usr/share/poppler (poppler-data) is not installed"
fi
done_testing
