# jq.profile — jq filtering JSON from standard input (or files bound
# read-only) to standard output.
#
# Run:
#   jail -p jq -- jq -c '.items[] | select(.ok) | .name' < FILE.json
#   jail -p jq --ro-bind ./lib:/lib-jq -- jq -L /lib-jq 'include "x"; f' < FILE.json
#
# Forbidden: opening any file for writing or creating one, reading files
# not bound in (`input_filename`, `$__loc__`, `-f`, `--slurpfile` and
# `--rawfile` see only the binds), writing to any descriptor but 1 and 2,
# processes and threads, sockets, changing resource limits, growing any
# file (fsize 0).  Binds: none.
#
# Locales: glibc's locale data is not in the jail, so a UTF-8 locale falls
# back to C (bytes, C collation); add `--ro-bind /usr/lib/locale` to keep
# the caller's.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# jq resolves its module search path (cwd, readlink), checks how a
# module file is open and whether stdout is a colour terminal.
allow getcwd, lseek, readlink
allow fcntl: arg1 == F_GETFL
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=32
rlimit as=1G
# jq programs can recurse or loop forever (`repeat(.)`).
timeout 600
