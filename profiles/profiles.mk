# profiles/profiles.mk — the ready profiles, their tests and sample data
# (included from Makefile.am, after EXTRA_DIST and TESTS are set).
#
# Each profile is proven by a script under tests/profiles/ that runs the
# real tool under it on the files in tests/data/, compares the output with
# the bare tool's byte for byte, and checks that what the profile's header
# forbids is refused.  A test skips when its tool is not installed.

profilesdir = $(pkgdatadir)/profiles
dist_profiles_DATA = \
	profiles/base64.profile \
	profiles/bzip2.profile \
	profiles/file.profile \
	profiles/gawk.profile \
	profiles/grep.profile \
	profiles/gzip.profile \
	profiles/jq.profile \
	profiles/pdftotext.profile \
	profiles/python3.profile \
	profiles/sed.profile \
	profiles/sha256sum.profile \
	profiles/sort.profile \
	profiles/syslog-parse.profile \
	profiles/tar.profile \
	profiles/xz.profile \
	profiles/zstd.profile

profile_tests = \
	tests/profiles/compress.sh \
	tests/profiles/text.sh \
	tests/profiles/file.sh \
	tests/profiles/tar.sh \
	tests/profiles/pdftotext.sh \
	tests/profiles/python3.sh

TESTS += $(profile_tests)

EXTRA_DIST += \
	$(profile_tests) \
	tests/profiles/lib.sh \
	tests/data/evil.tar \
	tests/data/report.py \
	tests/data/sample.json \
	tests/data/sample.pdf \
	tests/data/sample.tar \
	tests/data/sshd-failures.awk \
	tests/data/syslog.log \
	tests/data/syslog.log.bz2 \
	tests/data/syslog.log.gz \
	tests/data/syslog.log.xz \
	tests/data/syslog.log.zst
