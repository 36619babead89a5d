# bzip2.profile — bzip2 as a stream filter: standard input to standard output.
#
# Run:
#   jail -p bzip2 -- bzip2 -c  < FILE     > FILE.bz2
#   jail -p bzip2 -- bzip2 -dc < FILE.bz2 > FILE
#
# Forbidden: opening any file for writing or creating one (no in-place
# `bzip2 FILE`), writing to any descriptor but 1 and 2, processes and
# threads, sockets, changing resource limits, growing any file (fsize 0).
# Binds: none.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# The stream; ioctl only asks whether a descriptor is a terminal.
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

# Signal handlers that clean up and re-raise.
allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=16
# bzip2 -9 needs under 8 MB; the limit is for a hostile stream.
rlimit as=256M
