# sha256sum.profile — sha256sum computing or checking digests of standard
# input or of files bound read-only.
#
# Run:
#   jail -p sha256sum -- sha256sum < FILE
#   jail -p sha256sum --ro-bind "$PWD":/in --cwd /in -- sha256sum -c SHA256SUMS
#
# Forbidden: opening any file for writing or creating one, reading files
# not bound in, writing to any descriptor but 1 and 2, processes and
# threads, sockets, changing resource limits, growing any file (fsize 0).
# Binds: none; bind what should be hashed, read-only.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

allow lseek, fadvise64
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=64
rlimit as=256M
