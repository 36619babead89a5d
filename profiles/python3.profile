# python3.profile — the system's Python 3.11 running one script over
# standard input, with no network, no processes and no writable files.
#
# Run (the script is bound read-only on the command line; use the
# system's /usr/bin/python3, whose standard library is bound below):
#   jail -p python3 --ro-bind ./report.py:/report.py -- /usr/bin/python3 -I /report.py < IN > OUT
#
# Forbidden: sockets of any family (socket, urllib, http.client fail at
# the first socket() and python is killed), subprocess, os.system and
# os.fork (no new processes; threads are allowed), open(..., "w") and
# every other way to open a file for writing, writing to any descriptor
# but 1 and 2, reading anything not bound in (no /home, /etc, /proc),
# changing resource limits, growing any file (fsize 0).
# Binds: the standard library, /usr/lib/python3.11, read-only.  Modules
# built into Debian's interpreter (zlib, pyexpat, hashes, ...) work;
# extension modules that load further system libraries (ctypes, ssl,
# sqlite3, lzma, bz2) do not: they need those libraries bound too.
#
# Locales: glibc's locale data is not in the jail, so a UTF-8 locale falls
# back to C (bytes, C collation); add `--ro-bind /usr/lib/locale` to keep
# the caller's.

ro-bind /usr/lib/python3.11

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# The interpreter finds its prefix through readlink of its own path, lists
# package directories, checks every file it opens for a terminal, asks
# sysinfo and the cwd.
allow readlink, readlinkat, getdents64, lseek, getcwd, sysinfo, dup
allow fcntl: arg1 == F_GETFD || arg1 == F_SETFD || arg1 == F_GETFL || arg1 == F_SETFL || arg1 == F_DUPFD_CLOEXEC
allow ioctl: arg1 == TCGETS || arg1 == TIOCGWINSZ || arg1 == FIOCLEX
allow write: arg0 == 1 || arg0 == 2
allow clock_gettime, clock_getres, gettimeofday, getuid, geteuid, getgid, getegid, getppid
allow uname, sched_getaffinity, sched_yield
# Importing socket or subprocess imports selectors, which probes epoll
# at import time; waiting on descriptors is harmless.
allow epoll_create1, epoll_ctl, epoll_wait, epoll_pwait, poll, ppoll, pselect6

# threading: CLONE_THREAD only, never a new process (clone3 gets ENOSYS
# from the baseline and glibc falls back to clone).
allow clone: arg0 & CLONE_THREAD == CLONE_THREAD
allow madvise, exit

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, sigaltstack, gettid, getpid, tgkill

fsize 0
rlimit nofile=64
rlimit as=1G
# A script can loop forever.
timeout 300
