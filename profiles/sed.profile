# sed.profile — sed as a stream editor: standard input (or files bound
# read-only) to standard output.
#
# Run:
#   jail -p sed -- sed -e 's/secret=[^ ]*/secret=XXX/g' < FILE > OUT
#   jail -p sed --ro-bind /etc/app.conf:/in -- sed -n '/^\[db\]/,/^\[/p' /in
#
# Forbidden: the script's `w FILE`, `s///w FILE` and `-i` (no file may be
# opened for writing or created: sed is killed), `e` and `s///e` (no
# processes), writing to any descriptor but 1 and 2, sockets, changing
# resource limits, growing any file (fsize 0).  Binds: none.
#
# Locales: glibc's locale data is not in the jail, so a UTF-8 locale falls
# back to C (bytes, C collation); add `--ro-bind /usr/lib/locale` to keep
# the caller's.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# sed asks statfs about its input (for -i, which cannot work here), seeks
# in seekable input and checks for terminals.
allow statfs, fstatfs, lseek
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=32
rlimit as=512M
# A sed script can loop forever (`:a; ba`).
timeout 600
