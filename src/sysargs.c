/* Argument types of the common syscalls, by name so one table serves every
 * architecture (arguments are in the same order on x86_64 and aarch64,
 * except clone's last two, both pointers here).
 *
 * Widths follow the kernel's SYSCALL_DEFINE declarations, not the libc
 * prototypes: the kernel casts each register to the declared type, so an
 * `int` or `unsigned int` parameter only ever sees the low 32 bits, and a
 * rule must compare those (A_INT, A_UINT, A_FD, ...).  Notes:
 *  - fds declared `unsigned long` (readv, writev) still reach fdget() as
 *    unsigned int: 32-bit;
 *  - mmap's prot and flags are `unsigned long` but the kernel ignores the
 *    high bits, so a 32-bit comparison is exact there too;
 *  - umode_t is 16 bits: the kernel drops bits 16-31 of a mode as well, so
 *    rules on modes should test bits with a mask (S_ISUID), not equality;
 *  - clone keeps lower_32_bits(flags); unshare rejects high bits (EINVAL).
 */
#include "syscalls.h"
#include "consttab.h"

#include <string.h>

struct args_ent {
	const char *name;
	struct sys_args a;
};

#define E(n, c, ...) { n, { c, { __VA_ARGS__ } } }

static const struct args_ent args_tab[] = {
	/* basic I/O */
	E("read", 3, A_FD, A_PTR, A_LONG),
	E("write", 3, A_FD, A_PTR, A_LONG),
	E("pread64", 4, A_FD, A_PTR, A_LONG, A_LONG),
	E("pwrite64", 4, A_FD, A_PTR, A_LONG, A_LONG),
	E("readv", 3, A_FD, A_PTR, A_LONG),
	E("writev", 3, A_FD, A_PTR, A_LONG),
	E("preadv", 5, A_FD, A_PTR, A_LONG, A_LONG, A_LONG),
	E("pwritev", 5, A_FD, A_PTR, A_LONG, A_LONG, A_LONG),
	E("preadv2", 6, A_FD, A_PTR, A_LONG, A_LONG, A_LONG, A_INT),
	E("pwritev2", 6, A_FD, A_PTR, A_LONG, A_LONG, A_LONG, A_INT),
	E("lseek", 3, A_FD, A_LONG, A_UINT),
	E("close", 1, A_FD),
	E("close_range", 3, A_UINT, A_UINT, A_UINT),
	E("dup", 1, A_FD),
	E("dup2", 2, A_FD, A_FD),
	E("dup3", 3, A_FD, A_FD, A_OFLAGS),
	E("fcntl", 3, A_FD, A_FCNTL, A_HEX),
	E("ioctl", 3, A_FD, A_IOCTL, A_HEX),
	E("pipe", 1, A_PTR),
	E("pipe2", 2, A_PTR, A_OFLAGS),
	E("sendfile", 4, A_FD, A_FD, A_PTR, A_LONG),
	E("splice", 6, A_FD, A_PTR, A_FD, A_PTR, A_LONG, A_UINT),
	E("tee", 4, A_FD, A_FD, A_LONG, A_UINT),
	E("copy_file_range", 6, A_FD, A_PTR, A_FD, A_PTR, A_LONG, A_UINT),
	E("fsync", 1, A_FD),
	E("fdatasync", 1, A_FD),
	E("syncfs", 1, A_FD),
	E("fadvise64", 4, A_FD, A_LONG, A_LONG, A_INT),
	E("fallocate", 4, A_FD, A_INT, A_LONG, A_LONG),
	E("flock", 2, A_FD, A_UINT),
	/* files */
	E("open", 3, A_STR, A_OFLAGS, A_MODE),
	E("creat", 2, A_STR, A_MODE),
	E("openat", 4, A_DIRFD, A_STR, A_OFLAGS, A_MODE),
	E("openat2", 4, A_DIRFD, A_STR, A_PTR, A_LONG),
	E("stat", 2, A_STR, A_PTR),
	E("lstat", 2, A_STR, A_PTR),
	E("fstat", 2, A_FD, A_PTR),
	E("newfstatat", 4, A_DIRFD, A_STR, A_PTR, A_INT),
	E("statx", 5, A_DIRFD, A_STR, A_UINT, A_UINT, A_PTR),
	E("statfs", 2, A_STR, A_PTR),
	E("fstatfs", 2, A_FD, A_PTR),
	E("access", 2, A_STR, A_INT),
	E("faccessat", 3, A_DIRFD, A_STR, A_INT),
	E("faccessat2", 4, A_DIRFD, A_STR, A_INT, A_INT),
	E("truncate", 2, A_STR, A_LONG),
	E("ftruncate", 2, A_FD, A_LONG),
	E("getdents", 3, A_FD, A_PTR, A_UINT),
	E("getdents64", 3, A_FD, A_PTR, A_UINT),
	E("getcwd", 2, A_PTR, A_LONG),
	E("chdir", 1, A_STR),
	E("fchdir", 1, A_FD),
	E("mkdir", 2, A_STR, A_MODE),
	E("mkdirat", 3, A_DIRFD, A_STR, A_MODE),
	E("mknod", 3, A_STR, A_MODE, A_UINT),
	E("mknodat", 4, A_DIRFD, A_STR, A_MODE, A_UINT),
	E("rmdir", 1, A_STR),
	E("unlink", 1, A_STR),
	E("unlinkat", 3, A_DIRFD, A_STR, A_INT),
	E("rename", 2, A_STR, A_STR),
	E("renameat", 4, A_DIRFD, A_STR, A_DIRFD, A_STR),
	E("renameat2", 5, A_DIRFD, A_STR, A_DIRFD, A_STR, A_UINT),
	E("link", 2, A_STR, A_STR),
	E("linkat", 5, A_DIRFD, A_STR, A_DIRFD, A_STR, A_INT),
	E("symlink", 2, A_STR, A_STR),
	E("symlinkat", 3, A_STR, A_DIRFD, A_STR),
	E("readlink", 3, A_STR, A_PTR, A_INT),
	E("readlinkat", 4, A_DIRFD, A_STR, A_PTR, A_INT),
	E("chmod", 2, A_STR, A_MODE),
	E("fchmod", 2, A_FD, A_MODE),
	E("fchmodat", 3, A_DIRFD, A_STR, A_MODE),
	E("fchmodat2", 4, A_DIRFD, A_STR, A_MODE, A_UINT),
	E("chown", 3, A_STR, A_UINT, A_UINT),
	E("lchown", 3, A_STR, A_UINT, A_UINT),
	E("fchown", 3, A_FD, A_UINT, A_UINT),
	E("fchownat", 5, A_DIRFD, A_STR, A_UINT, A_UINT, A_INT),
	E("utimensat", 4, A_DIRFD, A_STR, A_PTR, A_INT),
	E("umask", 1, A_MODE),
	E("memfd_create", 2, A_STR, A_UINT),
	E("name_to_handle_at", 5, A_DIRFD, A_STR, A_PTR, A_PTR, A_INT),
	E("open_by_handle_at", 3, A_FD, A_PTR, A_OFLAGS),
	E("inotify_init1", 1, A_OFLAGS),
	E("inotify_add_watch", 3, A_FD, A_STR, A_UINT),
	/* sockets */
	E("socket", 3, A_AF, A_SOCKTYPE, A_INT),
	E("socketpair", 4, A_AF, A_SOCKTYPE, A_INT, A_PTR),
	E("connect", 3, A_FD, A_PTR, A_INT),
	E("bind", 3, A_FD, A_PTR, A_INT),
	E("listen", 2, A_FD, A_INT),
	E("accept", 3, A_FD, A_PTR, A_PTR),
	E("accept4", 4, A_FD, A_PTR, A_PTR, A_SOCKTYPE),
	E("sendto", 6, A_FD, A_PTR, A_LONG, A_UINT, A_PTR, A_INT),
	E("recvfrom", 6, A_FD, A_PTR, A_LONG, A_UINT, A_PTR, A_PTR),
	E("sendmsg", 3, A_FD, A_PTR, A_UINT),
	E("recvmsg", 3, A_FD, A_PTR, A_UINT),
	E("sendmmsg", 4, A_FD, A_PTR, A_UINT, A_UINT),
	E("recvmmsg", 5, A_FD, A_PTR, A_UINT, A_UINT, A_PTR),
	E("shutdown", 2, A_FD, A_INT),
	E("setsockopt", 5, A_FD, A_INT, A_INT, A_PTR, A_INT),
	E("getsockopt", 5, A_FD, A_INT, A_INT, A_PTR, A_PTR),
	E("getsockname", 3, A_FD, A_PTR, A_PTR),
	E("getpeername", 3, A_FD, A_PTR, A_PTR),
	/* memory */
	E("brk", 1, A_PTR),
	E("mmap", 6, A_PTR, A_LONG, A_PROT, A_MAPFLAGS, A_FD, A_LONG),
	E("mprotect", 3, A_PTR, A_LONG, A_PROT),
	E("pkey_mprotect", 4, A_PTR, A_LONG, A_PROT, A_INT),
	E("munmap", 2, A_PTR, A_LONG),
	E("mremap", 5, A_PTR, A_LONG, A_LONG, A_HEX, A_PTR),
	E("madvise", 3, A_PTR, A_LONG, A_INT),
	E("msync", 3, A_PTR, A_LONG, A_INT),
	E("mincore", 3, A_PTR, A_LONG, A_PTR),
	E("mlock", 2, A_PTR, A_LONG),
	E("munlock", 2, A_PTR, A_LONG),
	E("mlockall", 1, A_INT),
	E("mseal", 3, A_PTR, A_LONG, A_HEX),
	E("memfd_secret", 1, A_UINT),
	/* processes */
	E("clone", 5, A_CLONEFLAGS, A_PTR, A_PTR, A_PTR, A_PTR),
	E("clone3", 2, A_PTR, A_LONG),
	E("unshare", 1, A_CLONEFLAGS),
	E("setns", 2, A_FD, A_CLONEFLAGS),
	E("execve", 3, A_STR, A_PTR, A_PTR),
	E("execveat", 5, A_DIRFD, A_STR, A_PTR, A_PTR, A_INT),
	E("exit", 1, A_INT),
	E("exit_group", 1, A_INT),
	E("wait4", 4, A_INT, A_PTR, A_INT, A_PTR),
	E("waitid", 5, A_INT, A_INT, A_PTR, A_INT, A_PTR),
	E("kill", 2, A_INT, A_SIGNAL),
	E("tkill", 2, A_INT, A_SIGNAL),
	E("tgkill", 3, A_INT, A_INT, A_SIGNAL),
	E("pidfd_open", 2, A_INT, A_UINT),
	E("pidfd_send_signal", 4, A_FD, A_SIGNAL, A_PTR, A_UINT),
	E("pidfd_getfd", 3, A_FD, A_FD, A_UINT),
	E("prctl", 5, A_PRCTL, A_HEX, A_HEX, A_HEX, A_HEX),
	E("arch_prctl", 2, A_INT, A_HEX),
	E("ptrace", 4, A_LONG, A_LONG, A_PTR, A_PTR),
	E("process_vm_readv", 6, A_INT, A_PTR, A_LONG, A_PTR, A_LONG, A_HEX),
	E("process_vm_writev", 6, A_INT, A_PTR, A_LONG, A_PTR, A_LONG, A_HEX),
	E("kcmp", 5, A_INT, A_INT, A_INT, A_HEX, A_HEX),
	E("personality", 1, A_UINT),
	E("setpgid", 2, A_INT, A_INT),
	E("getpgid", 1, A_INT),
	E("getsid", 1, A_INT),
	E("setpriority", 3, A_INT, A_INT, A_INT),
	E("getpriority", 2, A_INT, A_INT),
	E("sched_setaffinity", 3, A_INT, A_UINT, A_PTR),
	E("sched_getaffinity", 3, A_INT, A_UINT, A_PTR),
	E("set_tid_address", 1, A_PTR),
	E("set_robust_list", 2, A_PTR, A_LONG),
	E("rseq", 4, A_PTR, A_UINT, A_INT, A_UINT),
	E("futex", 6, A_PTR, A_INT, A_UINT, A_PTR, A_PTR, A_UINT),
	/* identity and privilege */
	E("setuid", 1, A_UINT),
	E("setgid", 1, A_UINT),
	E("setreuid", 2, A_UINT, A_UINT),
	E("setregid", 2, A_UINT, A_UINT),
	E("setresuid", 3, A_UINT, A_UINT, A_UINT),
	E("setresgid", 3, A_UINT, A_UINT, A_UINT),
	E("setfsuid", 1, A_UINT),
	E("setfsgid", 1, A_UINT),
	E("setgroups", 2, A_INT, A_PTR),
	E("getgroups", 2, A_INT, A_PTR),
	E("capget", 2, A_PTR, A_PTR),
	E("capset", 2, A_PTR, A_PTR),
	E("seccomp", 3, A_UINT, A_UINT, A_PTR),
	E("landlock_create_ruleset", 3, A_PTR, A_LONG, A_UINT),
	E("landlock_add_rule", 4, A_FD, A_INT, A_PTR, A_UINT),
	E("landlock_restrict_self", 2, A_FD, A_UINT),
	/* signals */
	E("rt_sigaction", 4, A_SIGNAL, A_PTR, A_PTR, A_LONG),
	E("rt_sigprocmask", 4, A_INT, A_PTR, A_PTR, A_LONG),
	E("rt_sigsuspend", 2, A_PTR, A_LONG),
	E("sigaltstack", 2, A_PTR, A_PTR),
	E("signalfd4", 4, A_FD, A_PTR, A_LONG, A_OFLAGS),
	/* events and time */
	E("poll", 3, A_PTR, A_UINT, A_INT),
	E("ppoll", 5, A_PTR, A_UINT, A_PTR, A_PTR, A_LONG),
	E("select", 5, A_INT, A_PTR, A_PTR, A_PTR, A_PTR),
	E("pselect6", 6, A_INT, A_PTR, A_PTR, A_PTR, A_PTR, A_PTR),
	E("epoll_create1", 1, A_OFLAGS),
	E("epoll_ctl", 4, A_FD, A_INT, A_FD, A_PTR),
	E("epoll_wait", 4, A_FD, A_PTR, A_INT, A_INT),
	E("epoll_pwait", 6, A_FD, A_PTR, A_INT, A_INT, A_PTR, A_LONG),
	E("eventfd2", 2, A_UINT, A_OFLAGS),
	E("timerfd_create", 2, A_INT, A_OFLAGS),
	E("nanosleep", 2, A_PTR, A_PTR),
	E("clock_gettime", 2, A_INT, A_PTR),
	E("clock_getres", 2, A_INT, A_PTR),
	E("clock_nanosleep", 4, A_INT, A_INT, A_PTR, A_PTR),
	E("alarm", 1, A_UINT),
	E("getitimer", 2, A_INT, A_PTR),
	E("setitimer", 3, A_INT, A_PTR, A_PTR),
	/* system */
	E("uname", 1, A_PTR),
	E("getrandom", 3, A_PTR, A_LONG, A_UINT),
	E("getrlimit", 2, A_UINT, A_PTR),
	E("setrlimit", 2, A_UINT, A_PTR),
	E("prlimit64", 4, A_INT, A_UINT, A_PTR, A_PTR),
	E("getrusage", 2, A_INT, A_PTR),
	E("sysinfo", 1, A_PTR),
	E("syslog", 3, A_INT, A_PTR, A_INT),
	E("sethostname", 2, A_PTR, A_INT),
	E("reboot", 4, A_INT, A_INT, A_UINT, A_PTR),
	E("bpf", 3, A_INT, A_PTR, A_UINT),
	E("perf_event_open", 5, A_PTR, A_INT, A_INT, A_FD, A_HEX),
	E("userfaultfd", 1, A_OFLAGS),
	E("keyctl", 5, A_INT, A_HEX, A_HEX, A_HEX, A_HEX),
	E("add_key", 5, A_STR, A_STR, A_PTR, A_LONG, A_INT),
	E("request_key", 4, A_STR, A_STR, A_STR, A_INT),
	E("io_uring_setup", 2, A_UINT, A_PTR),
	E("io_uring_enter", 6, A_FD, A_UINT, A_UINT, A_UINT, A_PTR, A_LONG),
	E("io_uring_register", 4, A_FD, A_UINT, A_PTR, A_UINT),
	E("init_module", 3, A_PTR, A_LONG, A_STR),
	E("finit_module", 3, A_FD, A_STR, A_INT),
	E("delete_module", 2, A_STR, A_UINT),
	E("kexec_load", 4, A_HEX, A_LONG, A_PTR, A_HEX),
	E("kexec_file_load", 5, A_FD, A_FD, A_LONG, A_STR, A_HEX),
	/* mounts */
	E("mount", 5, A_STR, A_STR, A_STR, A_HEX, A_PTR),
	E("umount2", 2, A_STR, A_INT),
	E("pivot_root", 2, A_STR, A_STR),
	E("chroot", 1, A_STR),
	E("swapon", 2, A_STR, A_INT),
	E("swapoff", 1, A_STR),
	E("acct", 1, A_STR),
	E("fsopen", 2, A_STR, A_UINT),
	E("fsconfig", 5, A_FD, A_UINT, A_STR, A_PTR, A_INT),
	E("fsmount", 3, A_FD, A_UINT, A_UINT),
	E("fspick", 3, A_DIRFD, A_STR, A_UINT),
	E("open_tree", 3, A_DIRFD, A_STR, A_UINT),
	E("move_mount", 5, A_DIRFD, A_STR, A_DIRFD, A_STR, A_UINT),
	E("mount_setattr", 5, A_DIRFD, A_STR, A_UINT, A_PTR, A_LONG),
};

const struct sys_args *sys_args(int nr)
{
	const char *name = sys_name(nr);

	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof(args_tab) / sizeof(args_tab[0]); i++)
		if (strcmp(args_tab[i].name, name) == 0)
			return &args_tab[i].a;
	return NULL;
}

const char *sys_args_entry_name(size_t i)
{
	return i < sizeof(args_tab) / sizeof(args_tab[0]) ? args_tab[i].name : NULL;
}
