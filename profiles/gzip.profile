# gzip.profile — gzip as a stream filter: standard input to standard output.
#
# Run:
#   jail -p gzip -- gzip -c  < FILE    > FILE.gz
#   jail -p gzip -- gzip -dc < FILE.gz > FILE
#
# Forbidden: opening any file for writing or creating one (so no in-place
# `gzip FILE`: go through stdin and stdout), writing to any descriptor but
# 1 and 2, processes and threads, sockets, changing resource limits, and
# growing any file (fsize 0: jail relays a regular-file stdout itself).
# Binds: none; gzip needs only its own libraries, which jail binds.

# Start-up: the dynamic loader opens and maps the libraries read-only;
# libc sets up TLS, robust futexes and rseq, and reads RLIMIT_STACK;
# futex wakes waiters of libc's one-time initialisations (locales).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# The stream.  ioctl only asks whether stdout is a terminal.
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

# Signals: gzip catches SIGINT, SIGPIPE, ... and re-raises them to itself,
# so `gzip -dc < x.gz | head` ends with SIGPIPE (141) as it would bare.
allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=16
rlimit as=256M
