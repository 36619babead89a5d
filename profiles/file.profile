# file.profile — file(1), libmagic's type guesser, on standard input or on
# files bound read-only.
#
# Run:
#   jail -p file -- file -b - < UPLOAD
#   jail -p file --ro-bind /srv/uploads:/in --cwd /in -- file --mime-type -- a.pdf b.png
#
# Forbidden: opening any file for writing or creating one (so no -C),
# reading files not bound in, writing to any descriptor but 1 and 2,
# processes and threads (-z works with libmagic's built-in gzip, xz and
# bzip2 decoders; a format it would hand to an external decompressor is
# killed at fork), sockets, changing resource limits, growing any file
# (fsize 0).
# Binds: the compiled magic database, read-only: /usr/share/misc/magic.mgc
# is a symlink into /usr/lib/file, so both are bound.

ro-bind /usr/lib/file
ro-bind /usr/share/misc/magic.mgc

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# libmagic maps the database, seeks in the examined file and reads
# symlinks it is asked about.
allow lseek, readlink, readlinkat
allow fcntl: arg1 == F_GETFD || arg1 == F_GETFL
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=32
rlimit as=512M
# libmagic has limits of its own on recursion and regex work; this is the
# last resort against a pathological input.
timeout 60
