# xz.profile — xz (and lzma) as a stream filter: standard input to output.
#
# Run:
#   jail -p xz -- xz -c  < FILE    > FILE.xz
#   jail -p xz -- xz -dc < FILE.xz > FILE
#   jail -p xz -- xz -T2 -9 -c < FILE > FILE.xz      (threads are allowed)
#
# Forbidden: opening any file for writing or creating one (no in-place
# `xz FILE`), writing to any descriptor but 1, 2 and xz's own signal pipe,
# new processes (threads only), sockets, changing resource limits, growing
# any file (fsize 0).  Binds: none.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# The stream.  xz makes a pipe at start (fds 3 and 4) that its signal
# handler writes to, and polls it with the data descriptors; it toggles
# O_NONBLOCK, checks whether it runs as root and sizes its memory limit
# from sysinfo.
allow write: arg0 == 1 || arg0 == 2 || arg0 == 4
allow pipe2, poll, fadvise64, geteuid, sysinfo
allow fcntl: arg1 == F_GETFD || arg1 == F_GETFL || arg1 == F_SETFL
allow ioctl: arg1 == TCGETS

# Threads (-T): clone only with CLONE_THREAD, so never a new process.
allow clone: arg0 & CLONE_THREAD == CLONE_THREAD
allow madvise, exit, sched_getaffinity

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=16
# xz -9 compresses with 674 MiB; threads multiply that.
rlimit as=2G
