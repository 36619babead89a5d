/* The child: every layer, in the order of SPEC.md section 2.
 *
 *   child_main (pid 1 of the new user and pid namespaces: the jail's init)
 *     a thread makes the network namespace (net.c) -> mount, ipc, uts
 *     and cgroup namespaces -> user maps -> the root's plan (target.c)
 *     and the root (mount.c) -> join the network namespace, detach the
 *     host's root -> identity and capabilities -> start the target,
 *     then reap and relay signals
 *   target_main (pid 3; 2 with --share net, which needs no thread)
 *     descriptors, environment, cwd -> limits -> seccomp -> execve
 *
 * Any failure is sent to the parent as MSG_ERROR and the child exits;
 * the parent prints it and exits 125 (or 126/127), so no layer is ever
 * silently missing. */
#define _GNU_SOURCE 1
#include "layers.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rlimits.h"
#include "mount.h"
#include "net.h"
#include "privs.h"
#include "target.h"
#include "userns.h"
#include "util.h"

#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65
#define PR_MDWE_REFUSE_EXEC_GAIN 1
#endif

static const int forwarded[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };

int msg_send(int sock, const struct msg *m, const int *fds, int nfds)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 2)];
		struct cmsghdr align;
	} u;
	struct iovec iov = { (void *)m, offsetof(struct msg, text) + strlen(m->text) + 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

	if (nfds > 0 && nfds <= 2)
		cmsg_put_fds(&mh, u.buf, fds, nfds);
	/* A raw syscall: this also runs in a helper thread without TLS of
	 * its own (see install_with_listener). */
	return syscall(SYS_sendmsg, sock, &mh, MSG_NOSIGNAL) < 0 ? -1 : 0;
}

static _Noreturn void fail(struct child_args *a, int code, const struct err *e)
{
	struct msg m = { MSG_ERROR, code, "" };

	snprintf(m.text, sizeof(m.text), "%s", e->msg);
	msg_send(a->sock, &m, NULL, 0);
	_exit(code);
}

static void set_hostname(void)
{
	/* Not the host's name: it may identify the host. */
	if (sethostname("jail", 4) < 0) {
		/* refused (ProtectHostname=): keep the inherited name */
	}
}

/* Best effort, where the kernel lets a namespace owner write them: no
 * nested user namespaces (the seccomp baseline is the guarantee), and
 * memfds that cannot be executed. */
static void write_sysctls(void)
{
	static const struct { const char *path, *value; } ctl[] = {
		{ "/proc/sys/user/max_user_namespaces", "0" },
		{ "/proc/sys/vm/memfd_noexec", "2" },
	};

	for (size_t i = 0; i < sizeof(ctl) / sizeof(ctl[0]); i++) {
		int fd = open(ctl[i].path, O_WRONLY | O_CLOEXEC);

		if (fd >= 0) {
			if (write(fd, ctl[i].value, strlen(ctl[i].value)) < 0) {
				/* read-only under nspawn and hardened units: fine */
			}
			close(fd);
		}
	}
}

static int recv_ids(struct child_args *a, struct err *e)
{
	struct ids_msg m;
	ssize_t n;

	do
		n = recv(a->ctl, &m, sizeof(m), 0);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof(m) || m.type != MSG_IDS)
		return err_set(e, "identity layer: the parent did not send the ids");
	a->uid = m.uid;
	a->gid = m.gid;
	return 0;
}

static int recv_go(int sock, struct err *e)
{
	struct msg m;
	ssize_t n;

	do
		n = recv(sock, &m, sizeof(m), 0);
	while (n < 0 && errno == EINTR);
	if (n <= 0 || m.type != MSG_GO)
		return err_set(e, "user namespace: the parent did not write the id maps");
	return 0;
}

/* ---------------------------------------------------------------- seccomp */

int filters_send(int sock, const struct compiled *f)
{
	struct filters_msg h = { MSG_FILTERS, f->user_notifies,
				 (unsigned)f->baseline.len, (unsigned)f->user.len };
	struct iovec iov[3] = {
		{ &h, sizeof(h) },
		{ f->baseline.insns, f->baseline.len * sizeof(struct sock_filter) },
		{ f->user.insns, f->user.len * sizeof(struct sock_filter) },
	};
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 3 };

	return sendmsg(sock, &mh, MSG_NOSIGNAL) < 0 ? -1 : 0;
}

static int recv_filters(int sock, struct compiled *f, struct err *e)
{
	size_t max = sizeof(struct filters_msg) + 2 * BPF_MAXINSNS * sizeof(struct sock_filter);
	char *buf = malloc(max);
	struct filters_msg h;
	ssize_t n;

	if (!buf)
		return err_sys(e, "seccomp layer: out of memory");
	do
		n = recv(sock, buf, max, 0);
	while (n < 0 && errno == EINTR);
	if (n < (ssize_t)sizeof(h)) {
		free(buf);
		return err_set(e, "seccomp layer: the filters did not arrive");
	}
	memcpy(&h, buf, sizeof(h));
	if (h.type != MSG_FILTERS || h.nbase > BPF_MAXINSNS || h.nuser > BPF_MAXINSNS ||
	    (size_t)n != sizeof(h) + (h.nbase + h.nuser) * sizeof(struct sock_filter)) {
		free(buf);
		return err_set(e, "seccomp layer: a malformed filters message");
	}
	memset(f, 0, sizeof(*f));
	f->user_notifies = h.user_notifies;
	f->baseline.len = h.nbase;
	f->user.len = h.nuser;
	f->baseline.insns = malloc(h.nbase * sizeof(struct sock_filter) + 1);
	f->user.insns = malloc(h.nuser * sizeof(struct sock_filter) + 1);
	if (!f->baseline.insns || !f->user.insns) {
		free(buf);
		return err_sys(e, "seccomp layer: out of memory");
	}
	memcpy(f->baseline.insns, buf + sizeof(h), h.nbase * sizeof(struct sock_filter));
	memcpy(f->user.insns, buf + sizeof(h) + h.nbase * sizeof(struct sock_filter),
	       h.nuser * sizeof(struct sock_filter));
	free(buf);
	return 0;
}

static int load_filter(const struct bpf_prog *p, unsigned flags)
{
	struct sock_fprog prog = { (unsigned short)p->len, p->insns };

	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
}

/* Shared between the target's main thread and its helper thread. */
struct handoff {
	int sock;
	int exec_read;		/* read end of the target's exec pipe */
	int listener;		/* -1 until the filter is loaded */
	int entries;		/* in the root, for the parent's -v */
};

/* The helper thread.  Once the main thread has loaded the filter with a
 * listener, every syscall it makes may wait for the parent's answer, and
 * the parent needs the listener to answer: so the listener is sent by this
 * thread, which the filter does not cover (seccomp filters are per thread
 * unless synchronised).  It only reads memory and makes raw syscalls. */
static int handoff_thread(void *arg)
{
	struct handoff *h = arg;
	struct msg m = { MSG_HELLO, h->entries, "" };
	int fd, fds[2];

	while ((fd = __atomic_load_n(&h->listener, __ATOMIC_ACQUIRE)) < 0)
		syscall(SYS_sched_yield);
	fds[0] = h->exec_read;
	fds[1] = fd;
	msg_send(h->sock, &m, fds, 2);
	syscall(SYS_exit, 0);
	return 0;
}

/* Applies the limits (in the target alone: the jail's init keeps none of
 * them, it needs none), loads the baseline, then the user's filter; sends
 * MSG_HELLO (the parent learns the target's host pid from its
 * credentials).  The limits come this late, after the uid change, which
 * changes nothing for them: lowering needs no privilege, and raising a
 * hard limit needs one jail never has. */
static int install_seccomp(struct child_args *a, char *stack, size_t stack_size,
			   struct handoff *h, struct err *e)
{
	const struct compiled *f = a->filters;
	struct msg hello = { MSG_HELLO, (int)a->plan->n, "" };
	int ep[2], fd;

	/* The target's own exec pipe: close-on-exec, and no other process
	 * ever holds its write end (the jail's init may not have run to
	 * close inherited copies by the time the target execs), so EOF on
	 * the read end means exactly that this execve went through. */
	if (pipe2(ep, O_CLOEXEC) < 0)
		return err_sys(e, "seccomp layer: pipe");
	a->errpipe = ep[1];
	if (!f->user_notifies) {
		if (limits_apply(a->cfg, e) < 0)
			return -1;
		if (msg_send(a->sock, &hello, ep, 1) < 0)
			return err_sys(e, "seccomp layer: telling the parent");
		if (f->baseline.len && load_filter(&f->baseline, 0) < 0)
			return err_sys(e, "seccomp layer: loading the baseline filter");
		if (f->user.len && load_filter(&f->user, 0) < 0)
			return err_sys(e, "seccomp layer: loading the policy filter");
		return 0;
	}
	if (f->baseline.len && load_filter(&f->baseline, 0) < 0)
		return err_sys(e, "seccomp layer: loading the baseline filter");
	h->sock = a->sock;
	h->entries = (int)a->plan->n;
	h->exec_read = ep[0];
	h->listener = -1;
	if (clone(handoff_thread, stack + stack_size,
		  CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		  CLONE_SYSVSEM, h) < 0)
		return err_sys(e, "seccomp layer: starting the hand-off thread");
	/* After the thread exists: it must not count against --rlimit nproc. */
	if (limits_apply(a->cfg, e) < 0)
		return -1;
	fd = load_filter(&f->user, SECCOMP_FILTER_FLAG_NEW_LISTENER);
	if (fd < 0) {
		/* The thread is still waiting: stop it with the error path. */
		return err_sys(e, "seccomp layer: loading the policy filter with a listener");
	}
	__atomic_store_n(&h->listener, fd, __ATOMIC_RELEASE);
	/* From here until execve only syscalls the parent lets through. */
	return 0;
}

/* ---------------------------------------------------------------- target */

static int cmp_int(const void *x, const void *y)
{
	return *(const int *)x - *(const int *)y;
}

/* Only 0, 1, 2 (and the LISTEN_FDS, and the preload's marker) reach the
 * target; sock is close-on-exec and needed until execve. */
static void setup_fds(struct child_args *a)
{
	const struct relays *rs = a->relays;
	int keep[2] = { a->sock, a->marker >= 0 ? a->marker : a->sock };
	unsigned next = 3;

	for (int fd = 1; fd <= 2; fd++)
		if (rs->child_fd[fd] >= 0)
			dup2(rs->child_fd[fd], fd);
	if (a->cfg->pass_listen_fds) {
		const char *n = getenv("LISTEN_FDS");
		long count = n ? strtol(n, NULL, 10) : 0;

		if (count > 0 && count < 1024)
			next = 3 + (unsigned)count;
	}
	qsort(keep, 2, sizeof(int), cmp_int);
	for (int i = 0; i < 2; i++) {
		if ((unsigned)keep[i] > next)
			syscall(SYS_close_range, next, keep[i] - 1, 0);
		if ((unsigned)keep[i] + 1 > next)
			next = (unsigned)keep[i] + 1;
	}
	syscall(SYS_close_range, next, ~0U, 0);
	if (a->marker >= 0)
		fcntl(a->marker, F_SETFD, 0);
}

static _Noreturn void target_main(struct child_args *a)
{
	const struct root_plan *plan = a->plan;
	/* The hand-off thread's stack: this frame lives until execve. */
	char stack[32768] __attribute__((aligned(16)));
	struct handoff h;
	struct err e;
	sigset_t none;
	struct stat st;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
		signal(forwarded[i], SIG_DFL);
	/* A write past RLIMIT_FSIZE fails with EFBIG instead of killing. */
	signal(SIGXFSZ, SIG_IGN);
	setup_fds(a);
	if (chdir(plan->cwd) < 0) {
		err_sys(&e, "--cwd %s", plan->cwd);
		fail(a, 125, &e);
	}
	if (stat(plan->exe, &st) < 0) {
		err_sys(&e, "%s", plan->exe);
		fail(a, errno == ENOENT ? 127 : 126, &e);
	}
	if (faccessat(AT_FDCWD, plan->exe, X_OK, AT_EACCESS) < 0 || !S_ISREG(st.st_mode)) {
		err_set(&e, "%s: cannot be executed inside the jail", plan->exe);
		fail(a, 126, &e);
	}
	/* systemd checks that LISTEN_PID is the pid it talks to: ours now. */
	char listen_pid[32];

	if (a->cfg->pass_listen_fds)
		for (char **v = a->envp; *v; v++)
			if (strncmp(*v, "LISTEN_PID=", 11) == 0) {
				snprintf(listen_pid, sizeof(listen_pid), "LISTEN_PID=%d", (int)getpid());
				*v = listen_pid;
			}
	if (a->cfg->mdwe && prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) < 0) {
		err_sys(&e, "--mdwe: PR_SET_MDWE");
		fail(a, 125, &e);
	}
	if (install_seccomp(a, stack, sizeof(stack), &h, &e) < 0)
		fail(a, 125, &e);
	execve(plan->exe, a->cfg->argv, a->envp);
	{
		int err = errno;

		/* The parent lets these through: it has not seen the exec. */
		if (write(a->errpipe, &err, sizeof(err)) < 0) {
			/* the parent reports the exit status alone */
		}
		_exit(err == ENOENT ? 127 : 126);
	}
}

/* ---------------------------------------------------------------- init */

/* The jail's pid 1: the target runs as its child, so that a target that
 * does not handle SIGTERM still dies from it (the kernel protects a pid
 * namespace's init from signals it has no handler for), and orphans are
 * reaped.  It relays to the target the signals the parent forwards. */
static _Noreturn void init_main(struct child_args *a, pid_t target)
{
	sigset_t set;
	int status = 0;

	/* The target runs as the same uid: keep it from ptracing us. */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	/* Nothing but the socket: the relay pipes must see EOF when the
	 * target is done, and the target must not find our descriptors. */
	if (a->sock > 0)
		syscall(SYS_close_range, 0, a->sock - 1, 0);
	syscall(SYS_close_range, a->sock + 1, ~0U, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
		sigaddset(&set, forwarded[i]);
	for (;;) {
		siginfo_t si;
		int sig = sigwaitinfo(&set, &si);

		if (sig < 0)
			continue;
		if (sig != SIGCHLD) {
			/* From outside the namespace (the parent) the sender's
			 * pid reads 0; the terminal's own signals (SI_KERNEL)
			 * already reached the target's process group. */
			if (si.si_code <= 0 && si.si_pid == 0)
				kill(target, sig);
			continue;
		}
		for (;;) {
			pid_t p = waitpid(-1, &status, WNOHANG);

			if (p <= 0)
				break;
			if (p == target) {
				struct msg m = { MSG_STATUS, status, "" };

				/* Nothing the target left behind outlives it:
				 * every other process of the jail is killed
				 * and reaped before the parent hears the
				 * status.  The parent then exits at once; the
				 * kernel's teardown of the emptied namespaces
				 * (mounts, network) is left to this exit.
				 * With no child left nothing else runs here
				 * (each process of the namespace descends from
				 * a child of init, or was re-parented to it),
				 * and kill(-1), which walks every process of
				 * the host, is spared. */
				if (waitpid(-1, NULL, __WALL | WNOHANG) >= 0) {
					kill(-1, SIGKILL);
					while (waitpid(-1, NULL, __WALL) > 0 || errno == EINTR)
						;
				}
				msg_send(a->sock, &m, NULL, 0);
				_exit(0);
			}
		}
	}
}

_Noreturn void child_main(struct child_args *a)
{
	const struct config *c = a->cfg;
	struct mount_state ms = { .rootfd = -1 };
	struct root_plan plan = { 0 };
	struct strv env = { 0 };
	struct err e = { "", false };
	pid_t target;
	char b;

	/* The root is built with fixed modes; the caller's umask (systemd's
	 * UMask=) is the target's again afterwards. */
	mode_t caller_umask = umask(022);
	/* Holds its thread's stack: this frame outlives the thread. */
	struct net_helper net;

	if (!(c->share & SHARE_NET))
		net_start(&net);
	if (unshare(CLONE_NEWNS | CLONE_NEWCGROUP | (c->share & SHARE_IPC ? 0 : CLONE_NEWIPC) |
		    (c->share & SHARE_UTS ? 0 : CLONE_NEWUTS)) < 0) {
		err_sys(&e, "namespaces layer: cannot create new mount/ipc/uts/cgroup namespaces");
		fail(a, 125, &e);
	}
	if (!a->privileged &&
	    userns_map_self(a->outside_uid, a->outside_gid, a->uid, a->gid, &e) < 0)
		fail(a, 125, &e);
	/* The target, forked later with the same uid, must not be able to
	 * ptrace the jail's init; and a non-dumpable process's /proc files
	 * belong to root, so this comes after the child wrote its own maps. */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	/* What needs no id map comes first: as root the parent is writing
	 * the maps meanwhile.  Cosmetic, so best effort: under systemd's
	 * ProtectHostname= the namespace is still new, only its name stays
	 * the host's. */
	if (!(c->share & SHARE_UTS))
		set_hostname();
	write_sysctls();
	if (a->privileged && recv_go(a->ctl, &e) < 0)
		fail(a, 125, &e);
	/* With the maps (as root, reading a file needs its owner mapped to
	 * override its modes, as the parent could) and before the tmpfs
	 * covers the directory it is built on. */
	if (!a->plan) {
		if (target_prepare(c, a->exe, a->notify, &plan, &env, &e) < 0)
			fail(a, 125, &e);
		a->plan = &plan;
		a->envp = env.v;
	}
	/* The root's tmpfs mounts need the ids. */
	if (mount_prepare(a->plan, &ms, &e) < 0 ||
	    (a->privileged && recv_ids(a, &e) < 0))
		fail(a, 125, &e);
	ms.uid = a->uid;
	ms.gid = a->gid;
	if (mount_enter(a->plan, &ms, &e) < 0 ||
	    (!(c->share & SHARE_NET) && net_join(&net, &e) < 0) ||
	    mount_detach_host(&ms, &e) < 0)
		fail(a, 125, &e);
	umask(caller_umask);
	if (privs_drop(a->uid, a->gid, a->privileged, &e) < 0)
		fail(a, 125, &e);
	/* Compiled meanwhile by the parent: needed only now. */
	if (recv_filters(a->ctl, a->filters, &e) < 0)
		fail(a, 125, &e);
	close(a->ctl);
	/* A credential change resets the parent-death signal: set it now.
	 * getppid() reads 0 in a new pid namespace, so the parent's death is
	 * seen on the lifeline pipe instead. */
	prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
	if (read(a->lifeline, &b, 1) == 0)
		_exit(125);
	close(a->lifeline);
	if (!a->new_pidns)
		target_main(a);
	/* vfork: no copy of the address space for a process that execs at
	 * once.  init stays suspended until the target's execve (or exit);
	 * target_main never returns, and what it writes to the memory it
	 * shares with init until then (its exec pipe's number, the
	 * environment's LISTEN_PID) init never reads again. */
	target = vfork();
	if (target < 0) {
		err_sys(&e, "pid layer: fork");
		fail(a, 125, &e);
	}
	if (target == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
		target_main(a);
	}
	/* The target has exec'd: init keeps nothing of the plan, and hands
	 * the pages back for as long as the jail runs.  (Not the environment:
	 * the target may have pointed an entry at its own stack, LISTEN_PID.) */
	root_plan_free(&plan);
	compiled_free(a->filters);
	malloc_trim(0);
	init_main(a, target);
}
