# sort.profile — GNU sort over standard input (or files bound read-only),
# sorted output on standard output.
#
# Run:
#   jail -p sort -- sort -t, -k2,2n < FILE.csv > SORTED.csv
#   jail -p sort -- sort -S 1G -u < BIG > OUT       (see "Temporary files")
#
# Forbidden: opening any file for writing or creating one (so no `-o FILE`
# and no temporary files), writing to any descriptor but 1 and 2, new
# processes (no --compress-program; sort's own threads are allowed),
# sockets, changing resource limits, growing any file (fsize 0).
# Binds: none.
#
# Temporary files: sort spills to $TMPDIR when its buffer is full; here it
# is killed instead.  Give it a buffer as large as the input with -S (it
# must fit in the address-space limit below).
#
# Locales: glibc's locale data is not in the jail, so a UTF-8 locale falls
# back to C (bytes, C collation); add `--ro-bind /usr/lib/locale` to keep
# the caller's.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# sort sizes its buffer from sysinfo and its thread count from the CPU
# mask; with -k and locales it asks for ids and descriptor flags.
allow lseek, fadvise64, sysinfo, sched_getaffinity
allow getuid, geteuid, getgid, getegid
allow fcntl: arg1 == F_GETFD || arg1 == F_GETFL
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

# Parallel sorting threads: CLONE_THREAD only, never a new process.
allow clone: arg0 & CLONE_THREAD == CLONE_THREAD
allow madvise, exit

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=32
rlimit as=2G
