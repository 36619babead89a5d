# gawk.profile — GNU awk running a program over standard input (or files
# bound read-only), writing to standard output.
#
# Run:
#   jail -p gawk -- gawk -F: '{ n[$1]++ } END { for (k in n) print k, n[k] }' < FILE
#   jail -p gawk --ro-bind ./report.awk:/prog.awk -- gawk -f /prog.awk < FILE
#
# Forbidden: system(), `print | "cmd"`, `"cmd" | getline` and `|&`
# coprocesses (no processes: gawk is killed), `print > "file"` and
# `>> "file"` (no file may be opened for writing), /inet networking (no
# sockets), writing to any descriptor but 1 and 2, changing resource
# limits, growing any file (fsize 0).  Binds: none.
#
# Locales: glibc's locale data is not in the jail, so a UTF-8 locale falls
# back to C (bytes, C collation); add `--ro-bind /usr/lib/locale` to keep
# the caller's.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
# gawk points a closed stdin at /dev/null, opened O_RDWR exactly (no
# O_CREAT, no O_TRUNC); every other file in the root is read-only.
allow openat: arg2 == O_RDWR
allow prlimit64: arg2 == 0

# gawk fills PROCINFO with its ids, process group and parent at start,
# duplicates stdin for "-" and "/dev/stdin", checks close-on-exec flags,
# and guards its stack (mincore, sigaltstack).
allow getuid, geteuid, getgid, getegid, getgroups, getpgrp, getppid
allow dup2, lseek, mincore, sigaltstack
allow fcntl: arg1 == F_GETFD || arg1 == F_SETFD || arg1 == F_GETFL || arg1 == F_SETFL || arg1 == F_DUPFD_CLOEXEC
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=32
rlimit as=1G
# An awk program can loop forever.
timeout 600
