# base64.profile — base64 encoding and decoding as a stream filter.
#
# Run:
#   jail -p base64 -- base64 -w0 < FILE > FILE.b64
#   jail -p base64 -- base64 -d < FILE.b64 > FILE
#
# Forbidden: opening any file for writing or creating one, writing to any
# descriptor but 1 and 2, processes and threads, sockets, changing
# resource limits, growing any file (fsize 0).  Binds: none; bind a file
# read-only to name it as an argument.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# coreutils advise sequential reading and seek in seekable input.
allow lseek, fadvise64
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=16
rlimit as=256M
