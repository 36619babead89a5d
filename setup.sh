#!/bin/sh
# First command of the README: installs what jail needs to build and be
# tested (Debian packages, as root), builds it, and runs it on a real input.
set -eu
cd "$(dirname "$0")"

PACKAGES="build-essential autoconf automake libtool pkg-config
libseccomp-dev libcap-ng-dev patchelf bubblewrap util-linux
gzip xz-utils bzip2 zstd jq sed gawk coreutils grep file tar python3
python3.11-minimal poppler-utils poppler-data libcap2-bin bsdutils
mandoc clang libclang-rt-14-dev valgrind strace"

missing=
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "setup: missing packages:$missing" >&2
		echo "setup: run this script as root, or: apt-get install$missing" >&2
		exit 1
	fi
	echo "setup: installing$missing" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure --enable-werror
make -j"$(nproc)"

# The demo: a real compressor, on real input, in a jail.
demo=$(mktemp)
trap 'rm -f "$demo" "$demo.gz"' EXIT
seq 1 200000 >"$demo"
src/jail -p gzip -- gzip -c <"$demo" >"$demo.gz"
gzip -dc "$demo.gz" | cmp -s - "$demo"
echo "setup: built src/jail; 'jail -p gzip -- gzip -c' compressed $(wc -c <"$demo") bytes to $(wc -c <"$demo.gz") inside a jail"
