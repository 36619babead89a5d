/*
 * try-syscall NAME — make one system call with harmless arguments and say
 * what the kernel (or the seccomp filter in front of it) answered.
 *
 * Prints "errno=NAME" and exits with the errno value, 0 on success, so a
 * test can compare exactly: a filter's EPERM/ENOSYS against the kernel's
 * own answer for the same arguments.  A call the filter kills ends the
 * process with SIGSYS, which jail reports as status 159.
 *
 * "Harmless" matters: the same binary runs unconfined, as root, when the
 * suite is checked against the stub jail.  Every path named below does not
 * exist, every flag word that could act is invalid, every fd is closed
 * again; the comment on each entry says why it cannot change the machine.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <sched.h>
#include <linux/reboot.h>

#define NOPATH "/nonexistent-jail-try-syscall"

/* glibc names only what its headers know; the numbers are the ABI. */
#ifndef SYS_clone3
#define SYS_clone3 435
#endif
#ifndef SYS_open_tree
#define SYS_open_tree 428
#endif
#ifndef SYS_move_mount
#define SYS_move_mount 429
#endif
#ifndef SYS_fsopen
#define SYS_fsopen 430
#endif
#ifndef SYS_fsmount
#define SYS_fsmount 432
#endif
#ifndef SYS_mount_setattr
#define SYS_mount_setattr 442
#endif
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif
#define X32_SYSCALL_BIT 0x40000000L

static char *self_path;

/* Return the syscall's result as 0 or errno, closing a returned fd. */
static int res(long r)
{
	return r < 0 ? errno : 0;
}

static int res_fd(long r)
{
	if (r < 0)
		return errno;
	close((int)r);
	return 0;
}

/*
 * Run FN in a child and hand back its result; if the filter killed the
 * child, die of the same signal so jail reports it (159 for SIGSYS).
 */
static int in_child(int (*fn)(void))
{
	int status;
	pid_t p = fork();

	if (p < 0)
		return errno;
	if (p == 0)
		_exit(fn());
	if (waitpid(p, &status, 0) < 0)
		return errno;
	if (WIFSIGNALED(status)) {
		signal(WTERMSIG(status), SIG_DFL);
		raise(WTERMSIG(status));
	}
	return WEXITSTATUS(status);
}

/* ------------------------------------------------------- namespaces */

static int t_unshare_user(void)
{
	return res(unshare(CLONE_NEWUSER));  /* changes only this process */
}

/* clone(CLONE_NEWUSER) like fork: the child exits at once. */
static int t_clone_user(void)
{
	long r = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);

	if (r == 0)
		syscall(SYS_exit_group, 0);
	if (r < 0)
		return errno;
	waitpid((pid_t)r, NULL, 0);
	return 0;
}

/* Plain clone3 (no new namespace): the filter answers ENOSYS for all. */
static int t_clone3(void)
{
	struct {
		uint64_t flags, pidfd, child_tid, parent_tid, exit_signal,
			 stack, stack_size, tls;
	} args = { .exit_signal = SIGCHLD };
	long r = syscall(SYS_clone3, &args, sizeof(args));

	if (r == 0)
		syscall(SYS_exit_group, 0);
	if (r < 0)
		return errno;
	waitpid((pid_t)r, NULL, 0);
	return 0;
}

static int t_setns(void)
{
	return res(setns(0, CLONE_NEWUTS));  /* fd 0 is no namespace: EINVAL */
}

/* ------------------------------------------------------- mounts */

static int t_mount(void)
{
	return res(mount("none", NOPATH, "tmpfs", 0, NULL));
}

static int t_umount2(void)
{
	return res(umount2(NOPATH, 0));
}

static int t_pivot_root(void)
{
	return res(syscall(SYS_pivot_root, NOPATH, NOPATH));
}

static int t_chroot(void)
{
	return res(chroot(NOPATH));
}

static int t_fsopen(void)
{
	return res_fd(syscall(SYS_fsopen, "tmpfs", 0));  /* an unattached context */
}

static int t_fsmount(void)
{
	return res_fd(syscall(SYS_fsmount, -1, 0, 0));
}

static int t_open_tree(void)
{
	return res_fd(syscall(SYS_open_tree, AT_FDCWD, NOPATH, 0));
}

static int t_move_mount(void)
{
	return res(syscall(SYS_move_mount, -1, NOPATH, -1, NOPATH, 0));
}

static int t_mount_setattr(void)
{
	return res(syscall(SYS_mount_setattr, -1, NOPATH, 0, NULL, 0));
}

/* ------------------------------------------------------- kernel surface */

static int t_bpf(void)
{
	return res_fd(syscall(SYS_bpf, -1, NULL, 0));  /* no such command */
}

static int t_perf_event_open(void)
{
	return res_fd(syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0));
}

static int t_userfaultfd(void)
{
	return res_fd(syscall(SYS_userfaultfd, O_CLOEXEC));
}

static int t_keyctl(void)
{
	/* KEYCTL_GET_KEYRING_ID of the thread keyring, create=0: a lookup. */
	return res(syscall(SYS_keyctl, 0, -1, 0));
}

static int t_add_key(void)
{
	return res(syscall(SYS_add_key, "jail-no-such-type", "jail-test", "x", 1, -1));
}

static int t_request_key(void)
{
	return res(syscall(SYS_request_key, "user", "jail-test-no-such-key", NULL, 0));
}

static int t_io_uring_setup(void)
{
	return res_fd(syscall(SYS_io_uring_setup, 1, NULL));  /* EFAULT */
}

static int t_kexec_load(void)
{
	/*
	 * Careful: kexec_load(0, 0, NULL, 0) would unload a loaded kernel.
	 * 1000 segments (over KEXEC_SEGMENT_MAX) and an unknown flag make it
	 * EINVAL for root too.
	 */
	return res(syscall(SYS_kexec_load, 0, 1000, NULL, 0x4000));
}

static int t_init_module(void)
{
	return res(syscall(SYS_init_module, NULL, 0, ""));  /* empty image */
}

static int t_finit_module(void)
{
	return res(syscall(SYS_finit_module, -1, "", 0));
}

static int t_open_by_handle_at(void)
{
	return res_fd(syscall(SYS_open_by_handle_at, -1, NULL, O_RDONLY));
}

static int t_reboot(void)
{
	return res(syscall(SYS_reboot, 0, 0, 0, NULL));  /* bad magic: EINVAL */
}

static int t_swapon(void)
{
	return res(syscall(SYS_swapon, NOPATH, 0));
}

static int t_acct(void)
{
	return res(acct(NOPATH));  /* acct(NULL) would switch accounting off */
}

static int t_quotactl(void)
{
	char buf[64];

	/* QCMD(Q_GETFMT, USRQUOTA) on a missing device: a read, and ENOENT. */
	return res(syscall(SYS_quotactl, (0x800004U << 8) | 0, NOPATH, 0, buf));
}

static int t_syslog(void)
{
	return res(syscall(SYS_syslog, 10, NULL, 0));  /* SIZE_BUFFER: a read */
}

static int t_ioperm(void)
{
#if defined(__x86_64__)
	return res(syscall(SYS_ioperm, 0x80, 1, 0));  /* turning access off */
#else
	return ENOSYS;
#endif
}

/* ------------------------------------------------------- terminals */

static unsigned long tiocsti_cmd;

/* A session leader opening a pty slave makes it its controlling tty. */
static int tiocsti_on_own_pty(void)
{
	char c = 0;
	int fd;

	if (setsid() < 0)
		return errno;
	fd = open(self_path, O_RDWR);  /* self_path holds the slave's name here */
	if (fd < 0)
		return errno;
	return res(syscall(SYS_ioctl, fd, tiocsti_cmd, &c));
}

/*
 * TIOCSTI pushes a byte into a terminal's input.  Where /dev/ptmx exists
 * (the host) we push into a fresh pty of our own, so an unconfined run
 * never types into the caller's terminal.  The jail has no /dev/ptmx:
 * there we use fd 0 — a tty when run interactively, else the kernel's
 * ENOTTY, which the filter's EPERM still tells apart.  The byte pushed
 * is NUL.
 */
static int try_tiocsti(unsigned long cmd)
{
	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	char c = 0;

	tiocsti_cmd = cmd;
	if (m >= 0 && grantpt(m) == 0 && unlockpt(m) == 0 && ptsname(m)) {
		self_path = ptsname(m);
		return in_child(tiocsti_on_own_pty);
	}
	return res(syscall(SYS_ioctl, 0, cmd, &c));
}

static int t_ioctl_tiocsti(void)
{
	return try_tiocsti(TIOCSTI);
}

/* The kernel takes the command as 32 bits: the high half must not fool a filter. */
static int t_ioctl_tiocsti_high(void)
{
	return try_tiocsti(TIOCSTI | (1UL << 32));
}

static int t_ioctl_tioclinux(void)
{
	char sub = 12;  /* TIOCL_GETFGCONSOLE: a read */

	return res(syscall(SYS_ioctl, 0, TIOCLINUX, &sub));
}

/* ------------------------------------------------------- other ABIs */

/* getpid through the i386 entry: seccomp sees AUDIT_ARCH_I386. */
static int t_int80(void)
{
#if defined(__x86_64__)
	long r;

	__asm__ volatile ("int $0x80" : "=a"(r) : "a"(20L) : "memory");
	if (r < 0 && r > -4096)
		return (int)-r;
	printf("ret=%ld\n", r);
	return 0;
#else
	return EOPNOTSUPP;
#endif
}

/* getpid with the x32 bit: a kernel without x32 says ENOSYS. */
static int t_x32(void)
{
#if defined(__x86_64__)
	return res(syscall(X32_SYSCALL_BIT | 39));
#else
	return EOPNOTSUPP;
#endif
}

static int t_nr_600(void)
{
	return res(syscall(600));
}

static int t_nr_1000(void)
{
	return res(syscall(1000));
}

/* ------------------------------------------------------- exec */

/*
 * Copy our own executable into a memfd and fexecve it as "executed":
 * 0 means an executable memfd could be created and run.
 */
static int t_memfd_exec(void)
{
	char buf[65536];
	ssize_t n;
	int in, fd;
	char *argv[] = { "try-syscall", "executed", NULL };

	in = open("/proc/self/exe", O_RDONLY);
	if (in < 0)
		in = open(self_path, O_RDONLY);
	if (in < 0)
		return errno;
	/* MFD_EXEC (Linux 6.3) asks for an executable memfd outright. */
	fd = (int)syscall(SYS_memfd_create, "jail-test", MFD_EXEC);
	if (fd < 0 && errno == EINVAL)
		fd = (int)syscall(SYS_memfd_create, "jail-test", 0);
	if (fd < 0) {
		printf("step=memfd_create\n");
		return errno;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(fd, buf, n) != n)
			return errno;
	fflush(stdout);
	fexecve(fd, argv, environ);
	printf("step=fexecve\n");
	return errno;
}

static int t_executed(void)
{
	printf("executed=1\n");
	return 0;
}

/* ------------------------------------------------------- ordinary */

static int t_socket_inet(void)
{
	return res_fd(socket(AF_INET, SOCK_STREAM, 0));
}

static int t_uname(void)
{
	struct utsname u;

	return res(uname(&u));
}

static int t_setuid0(void)
{
	return res(setuid(0));
}

static const struct {
	const char *name;
	int (*fn)(void);
} calls[] = {
	{ "unshare-user", t_unshare_user },
	{ "clone-user", t_clone_user },
	{ "clone3", t_clone3 },
	{ "setns", t_setns },
	{ "mount", t_mount },
	{ "umount2", t_umount2 },
	{ "pivot_root", t_pivot_root },
	{ "chroot", t_chroot },
	{ "fsopen", t_fsopen },
	{ "fsmount", t_fsmount },
	{ "open_tree", t_open_tree },
	{ "move_mount", t_move_mount },
	{ "mount_setattr", t_mount_setattr },
	{ "bpf", t_bpf },
	{ "perf_event_open", t_perf_event_open },
	{ "userfaultfd", t_userfaultfd },
	{ "keyctl", t_keyctl },
	{ "add_key", t_add_key },
	{ "request_key", t_request_key },
	{ "io_uring_setup", t_io_uring_setup },
	{ "kexec_load", t_kexec_load },
	{ "init_module", t_init_module },
	{ "finit_module", t_finit_module },
	{ "open_by_handle_at", t_open_by_handle_at },
	{ "reboot", t_reboot },
	{ "swapon", t_swapon },
	{ "acct", t_acct },
	{ "quotactl", t_quotactl },
	{ "syslog", t_syslog },
	{ "ioperm", t_ioperm },
	{ "ioctl-tiocsti", t_ioctl_tiocsti },
	{ "ioctl-tiocsti-high", t_ioctl_tiocsti_high },
	{ "ioctl-tioclinux", t_ioctl_tioclinux },
	{ "int80", t_int80 },
	{ "x32", t_x32 },
	{ "nr-600", t_nr_600 },
	{ "nr-1000", t_nr_1000 },
	{ "memfd-exec", t_memfd_exec },
	{ "executed", t_executed },
	{ "socket-inet", t_socket_inet },
	{ "uname", t_uname },
	{ "setuid0", t_setuid0 },
};

static const char *errname(int e)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 32)
	const char *n = e ? strerrorname_np(e) : "0";

	if (n)
		return n;
#endif
	static char buf[16];
	snprintf(buf, sizeof(buf), "%d", e);
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: try-syscall NAME\nnames:");
		for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
			fprintf(stderr, " %s", calls[i].name);
		fputc('\n', stderr);
		return 2;
	}
	self_path = argv[0];
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		if (strcmp(argv[1], calls[i].name))
			continue;
		int e = calls[i].fn();
		printf("%s errno=%s\n", calls[i].name, errname(e));
		return e;
	}
	fprintf(stderr, "try-syscall: unknown name '%s'\n", argv[1]);
	return 2;
}
