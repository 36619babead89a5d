# syslog-parse.profile — a log parser (gawk, grep, sed, or a small C
# program of your own) reading a syslog stream on standard input and
# writing its report to standard output.
#
# Run:
#   jail -p syslog-parse -- gawk '$5 ~ /^sshd/ && /Failed password/ { n[$(NF-3)]++ }
#       END { for (ip in n) print n[ip], ip }' < /var/log/auth.log
#   journalctl -o short -f | jail -p syslog-parse -- grep --line-buffered -E 'error|fail'
#
# Forbidden: opening any file for writing or creating one (awk's
# `print > "f"`, sed's `w f`), processes (awk's system() and pipes, sed's
# `e`), sockets, writing to any descriptor but 1 and 2, changing resource
# limits, growing any file (fsize 0).  Binds: none; a log parser needs
# no file beyond its own program and libraries.
#
# No wall-clock timeout: a parser may follow a live stream for days.  CPU
# time is limited instead, so a runaway regex or loop still ends.
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

# What gawk, grep and sed ask of the system around the stream: ids for
# gawk's PROCINFO, stdin duplicated for "-", descriptor flags, seeks,
# statfs (sed), stack-overflow guards (mincore, sigaltstack).
allow getuid, geteuid, getgid, getegid, getgroups, getpgrp, getppid
allow dup2, lseek, fstatfs, statfs, mincore, sigaltstack
allow fcntl: arg1 == F_GETFD || arg1 == F_SETFD || arg1 == F_GETFL || arg1 == F_SETFL || arg1 == F_DUPFD_CLOEXEC
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS || arg1 == TIOCGWINSZ

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=16
rlimit as=512M
rlimit cpu=600
