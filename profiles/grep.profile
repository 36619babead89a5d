# grep.profile — grep searching standard input or files bound read-only.
#
# Run:
#   jail -p grep -- grep -n PATTERN < FILE
#   jail -p grep --ro-bind /var/log/app:/in -- grep -r -i PATTERN /in
#
# Forbidden: opening any file for writing or creating one, reading anything
# not bound in (the root holds only grep and its libraries), writing to any
# descriptor but 1 and 2, processes and threads (no --pre helpers), sockets,
# changing resource limits, growing any file (fsize 0).
# Binds: none; bind what grep should search, read-only.
#
# Locales: glibc's locale data is not in the jail, so a UTF-8 locale falls
# back to C (bytes, C collation); add `--ro-bind /usr/lib/locale` to keep
# the caller's.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# Reading: lseek on seekable input, directories for -r (getdents64,
# fstatfs, close-on-exec flags); mincore and sigaltstack are grep's stack
# overflow guard for deep regexes.
allow lseek, getdents64, fstatfs, mincore, sigaltstack
allow fcntl: arg1 == F_GETFD || arg1 == F_SETFD || arg1 == F_GETFL || arg1 == F_SETFL || arg1 == F_DUPFD_CLOEXEC
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS || arg1 == TIOCGWINSZ

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=64
rlimit as=512M
# A pathological regex (back-references) can run for hours.
timeout 600
