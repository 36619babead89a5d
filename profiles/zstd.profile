# zstd.profile — zstd as a stream filter: standard input to standard output.
#
# Run:
#   jail -p zstd -- zstd -c  < FILE     > FILE.zst
#   jail -p zstd -- zstd -dc < FILE.zst > FILE
#
# Forbidden: opening any file for writing or creating one (no in-place
# `zstd FILE`, no `-o`), writing to any descriptor but 1 and 2, new
# processes (zstd's worker threads are allowed), sockets, changing
# resource limits, growing any file (fsize 0).  Binds: none.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# The stream; ioctl asks whether stdin, stdout and stderr are terminals.
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

# zstd starts worker threads (clone3 is refused with ENOSYS by the
# baseline and glibc falls back to clone): CLONE_THREAD only.
allow clone: arg0 & CLONE_THREAD == CLONE_THREAD
allow madvise, exit, clock_gettime, sched_getaffinity, sysinfo

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=16
# Levels up to 19 fit in well under 1 GiB; --long and --ultra may not.
rlimit as=2G
