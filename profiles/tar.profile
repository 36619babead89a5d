# tar.profile — GNU tar extracting an archive into one directory, the only
# writable place in the jail; also listing and creating archives on stdout.
#
# Run (DIR must be writable by the jail's uid; see jail(1) on --uid):
#   jail -p tar --bind DIR:/out -- tar --numeric-owner -xf - -C /out < A.tar
#   jail -p tar -- tar --numeric-owner -tvf - < A.tar
#   jail -p tar --ro-bind SRC:/in -- tar --numeric-owner -cf - -C /in . > A.tar
#   jail -p gzip -- gzip -dc < A.tar.gz | jail -p tar --bind DIR:/out -- tar --numeric-owner -xf - -C /out
#
# --numeric-owner: without it tar resolves each member's user and group
# names, and glibc's name service first tries nscd over a unix socket:
# sockets are not allowed here, so tar would be killed at socket().  There
# is no user database in the jail anyway.
#
# Forbidden: writing anywhere but the bind (the root is read-only, so a
# `../../evil` or `/etc/x` member fails even with -P), processes (no -z,
# -j, -J, --use-compress-program, --to-command, --checkpoint-action=exec:
# decompress with another jail in a pipe, as above), changing owners,
# sockets, changing resource limits, files larger than fsize.
# Binds: none in the profile; --bind the destination on the command line.

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow prlimit64: arg2 == 0

# Extracting: creating files, directories, symbolic and hard links in the
# destination, replacing existing ones, and restoring modes and times.
# openat and write cannot be narrowed by path or descriptor: what bounds
# them is the read-only root, with the bind as the only writable mount.
allow openat, write, lseek
allow mkdirat, symlinkat, linkat, unlinkat, fchmodat, utimensat, umask
# Creating: walking the source tree.
allow getdents64, readlinkat, fstatfs, statfs
allow geteuid
allow fcntl: arg1 == F_GETFD || arg1 == F_SETFD || arg1 == F_GETFL
allow ioctl: arg1 == TCGETS

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

# No extracted file may exceed this (a decompression bomb inside the
# archive stops here with EFBIG).
fsize 1G
rlimit nofile=64
rlimit as=512M
