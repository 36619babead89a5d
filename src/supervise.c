/* The supervisor.
 *
 * jail stays the parent of the jail's init (or of the target, with
 * --share pid) and waits on one poll(): forwarded signals, messages from
 * the child, the seccomp listener, the relay pipes, the child's pidfd and
 * the timeout.  It never sleeps or polls in a loop. */
#define _GNU_SOURCE 1
#include "supervise.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "layers.h"
#include "notify.h"
#include "learn.h"
#include "policy.h"
#include "relay.h"
#include "report.h"
#include "root.h"
#include "syscalls.h"
#include "target.h"
#include "uidpool.h"
#include "userns.h"

/* Kernel 6.6 headers; the machine's may be older. */
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP (1UL << 0)
#endif

#if defined(__x86_64__)
#define SYSTEM_LOADER "/lib64/ld-linux-x86-64.so.2"
#elif defined(__aarch64__)
#define SYSTEM_LOADER "/lib/ld-linux-aarch64.so.1"
#endif

extern char **environ;

static const int forwarded[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };

struct run {
	const struct config *cfg;
	const char *exe;	/* the command, as found on the host */
	struct root_plan plan;	/* with --stage main or --learn only */
	struct compiled filters;
	struct relays relays;
	struct strv env;
	pid_t child;		/* init, or the target with --share pid */
	int pidfd;
	int sock;
	int ctl;		/* to the child: MSG_GO, MSG_FILTERS */
	int errpipe;
	int sigfd;
	int listener;
	int lifeline;
	int uidlock;
	int marker;		/* --stage main: the preload writes here at main */
	pid_t target;		/* host pid, from MSG_HELLO */
	char *preload;		/* --stage main: the library's path */
	struct learn *learn;	/* --learn: what the run did */
	struct notify_relay notify;
	bool child_done, exec_done, timed_out, denied, got_status, main_begun;
	int child_status;	/* wait status of init or the target */
	int target_status;	/* from MSG_STATUS */
	int exec_errno;
	int error_code;		/* from MSG_ERROR */
	char error[1024];
	char denied_name[64];
};

static void say(const struct config *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(const struct config *c, const char *fmt, ...)
{
	va_list ap;

	if (c->verbosity < VERBOSE)
		return;
	fprintf(stderr, "jail: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

bool listener_possible(void)
{
	pid_t pid;
	int status;

	/* Not filtered at all: nothing can hold a listener already. */
	if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == 0)
		return true;
	/* Under someone else's filter: only trying tells whether it has a
	 * listener (the kernel allows one per filter chain). */
	pid = fork();
	if (pid == 0) {
		struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
		struct sock_fprog prog = { 1, &allow };

		prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
		_exit(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
			      SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog) < 0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* ---------------------------------------------------------------- messages */

static void status_event(const struct run *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void status_event(const struct run *r, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	if (r->cfg->status_fd < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= (int)sizeof(buf) - 1)
		return;
	buf[n++] = '\n';
	if (write(r->cfg->status_fd, buf, (size_t)n) < 0) {
		/* the reader went away: nothing to do */
	}
}

static void on_message(struct run *r)
{
	char cbuf[CMSG_SPACE(sizeof(int) * 2) + CMSG_SPACE(sizeof(struct ucred))];
	struct msg m;
	struct iovec iov = { &m, sizeof(m) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	ssize_t n = recvmsg(r->sock, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
	struct ucred cred = { 0 };
	int fds[2] = { -1, -1 }, nfds = 0;

	if (n <= 0) {
		if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
			close(r->sock);
			r->sock = -1;
		}
		return;
	}
	m.text[sizeof(m.text) - 1] = '\0';
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
			nfds = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
			if (nfds > 2)
				nfds = 2;
			memcpy(fds, CMSG_DATA(c), sizeof(int) * (size_t)nfds);
		}
		else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS)
			memcpy(&cred, CMSG_DATA(c), sizeof(cred));
	}
	switch (m.type) {
	case MSG_ERROR:
		if (!r->error_code) {
			r->error_code = m.code;
			snprintf(r->error, sizeof(r->error), "%s", m.text);
		}
		break;
	case MSG_HELLO:
		r->target = cred.pid;
		if (nfds >= 1 && r->errpipe < 0) {
			r->errpipe = fds[0];
			fds[0] = -1;
			fcntl(r->errpipe, F_SETFL, O_NONBLOCK);
		}
		if (nfds == 2 && r->listener < 0) {
			r->listener = fds[1];
			fds[1] = -1;
			/* Kernel 6.6+: the target and jail hand off on one CPU
			 * instead of waking each other across CPUs. */
			ioctl(r->listener, SECCOMP_IOCTL_NOTIF_SET_FLAGS,
			      SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP, 0);
		}
		status_event(r, "{\"child-pid\": %d}", (int)r->target);
		say(r->cfg, "root: empty tmpfs, read-only, %d entries (%s and its libraries%s%s)",
		    m.code, r->exe, r->cfg->system ? ", the host's system dirs" : "",
		    r->cfg->proc ? ", /proc" : "");
		say(r->cfg, "target %s started as pid %d", r->exe, (int)r->target);
		break;
	case MSG_STATUS:
		r->got_status = true;
		r->target_status = m.code;
		break;
	}
	for (int i = 0; i < nfds; i++)
		if (fds[i] >= 0)
			close(fds[i]);
}

static void kill_jail(struct run *r)
{
	/* SIGKILL to a pid namespace's init takes every process in it. */
	if (r->pidfd >= 0)
		syscall(SYS_pidfd_send_signal, r->pidfd, SIGKILL, NULL, 0);
	if (r->target > 0 && (r->cfg->share & SHARE_PID))
		kill(r->target, SIGKILL);
}

/* Has the target's execve happened?  The target's exec pipe (its read end
 * came with MSG_HELLO) is close-on-exec and held by the target alone:
 * EOF means the exec went through; data means it failed. */
static void check_exec(struct run *r)
{
	int err;
	ssize_t n;

	if (r->exec_done || r->errpipe < 0)
		return;
	n = read(r->errpipe, &err, sizeof(err));
	if (n == (ssize_t)sizeof(err)) {
		r->exec_errno = err;
	} else if (n == 0) {
		if (!r->exec_errno)
			r->exec_done = true;
		close(r->errpipe);
		r->errpipe = -1;
	}
}

/* --stage main: has the preload library said that main begins?  Read
 * before each decision, so a marker written before a syscall is seen
 * before that syscall is judged. */
static void check_marker(struct run *r)
{
	char b;

	if (r->marker < 0 || r->main_begun)
		return;
	if (read(r->marker, &b, 1) == 1) {
		r->main_begun = true;
		say(r->cfg, "main stage begins: start-up-only syscalls are denied from here");
	}
}

static void on_notification(struct run *r)
{
	struct seccomp_notif req;
	struct seccomp_notif_resp resp;
	char line[1200];

	memset(&req, 0, sizeof(req));
	if (ioctl(r->listener, SECCOMP_IOCTL_NOTIF_RECV, &req) < 0) {
		if (errno != EINTR && errno != ENOENT) {
			close(r->listener);
			r->listener = -1;
		}
		return;
	}
	memset(&resp, 0, sizeof(resp));
	resp.id = req.id;
	check_exec(r);
	/* Until the target's execve, every syscall is jail's own code (the
	 * first execve included): let it through.  Whether the exec happened
	 * is read from the errpipe, not from anything the target controls. */
	if (!r->exec_done) {
		resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		ioctl(r->listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
		return;
	}
	check_marker(r);
	if (r->learn) {
		learn_record(r->learn, req.data.nr, (const uint64_t *)req.data.args,
			     r->marker >= 0 && !r->main_begun);
		resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		ioctl(r->listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
		return;
	}
	if (policy_allows(&r->filters, req.data.nr, (const uint64_t *)req.data.args,
			  r->cfg->stage == STAGE_MAIN && !r->main_begun)) {
		resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		ioctl(r->listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
		return;
	}
	if (r->cfg->policy.errnum) {
		resp.error = -r->cfg->policy.errnum;
		ioctl(r->listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
		return;
	}
	report_denied(line, sizeof(line), (pid_t)req.pid, req.data.nr,
		      (const uint64_t *)req.data.args);
	snprintf(r->denied_name, sizeof(r->denied_name), "%s",
		 sys_name(req.data.nr) ? sys_name(req.data.nr) : "?");
	fprintf(stderr, "jail: %s; killed\n", line);
	r->denied = true;
	kill_jail(r);
}

static void on_signal(struct run *r)
{
	struct signalfd_siginfo si;

	while (read(r->sigfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGCHLD)
			continue;
		/* A signal the terminal sent (SI_KERNEL) already reached the
		 * target's process group: do not deliver it twice. */
		if ((int)si.ssi_code > 0)
			continue;
		if (r->cfg->share & SHARE_PID) {
			if (r->child > 0)
				kill(r->child, (int)si.ssi_signo);
		} else if (r->pidfd >= 0) {
			syscall(SYS_pidfd_send_signal, r->pidfd, si.ssi_signo, NULL, 0);
		}
	}
}

static void on_child_exit(struct run *r)
{
	siginfo_t si = { 0 };

	if (waitid(P_PIDFD, (id_t)r->pidfd, &si, WEXITED | WNOHANG) < 0 || si.si_pid == 0)
		return;
	r->child_done = true;
	r->child_status = si.si_code == CLD_EXITED ? W_EXITCODE(si.si_status, 0)
						 : si.si_status & 0x7f;
	close(r->pidfd);
	r->pidfd = -1;
}

static int exit_status(struct run *r)
{
	int st = r->got_status ? r->target_status : r->child_status;

	if (r->error_code) {
		fprintf(stderr, "jail: %s\n", r->error);
		return r->error_code;
	}
	if (r->timed_out) {
		if (r->cfg->verbosity > QUIET)
			fprintf(stderr, "jail: timed out after %ld.%03ld s; killed\n",
				r->cfg->timeout_ms / 1000, r->cfg->timeout_ms % 1000);
		status_event(r, "{\"exit-code\": 124}");
		return 124;
	}
	if (r->denied) {
		status_event(r, "{\"exit-code\": 159, \"denied\": \"%s\"}", r->denied_name);
		return 159;
	}
	if (r->exec_errno) {
		fprintf(stderr, "jail: cannot execute %s: %s\n", r->exe, strerror(r->exec_errno));
		return r->exec_errno == ENOENT ? 127 : 126;
	}
	if (WIFEXITED(st)) {
		status_event(r, "{\"exit-code\": %d}", WEXITSTATUS(st));
		return WEXITSTATUS(st);
	}
	if (WIFSIGNALED(st) && !r->target && !r->got_status) {
		/* The jail died before the target started: a layer could not
		 * be set up (a seccomp filter jail itself runs under, such as
		 * systemd's SystemCallFilter=, killing its mount or namespace
		 * calls). */
		fprintf(stderr, "jail: setting up the jail was killed by signal %d%s\n", WTERMSIG(st),
			WTERMSIG(st) == SIGSYS ? " (SIGSYS: jail runs under a seccomp filter that forbids the mount or namespace calls it needs, e.g. systemd's SystemCallFilter= without @mount)" : "");
		return 125;
	}
	if (WIFSIGNALED(st)) {
		if (WTERMSIG(st) == SIGSYS && r->cfg->verbosity > QUIET)
			fprintf(stderr, "jail: %s: killed by the seccomp filter (a non-native syscall ABI, or jail had no listener to say which syscall)\n",
				r->exe);
		status_event(r, "{\"exit-code\": %d, \"signal\": %d}", 128 + WTERMSIG(st), WTERMSIG(st));
		return 128 + WTERMSIG(st);
	}
	return 125;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static int event_loop(struct run *r)
{
	long deadline = r->cfg->timeout_ms ? now_ms() + r->cfg->timeout_ms : 0;
	struct err e;

	for (;;) {
		struct pollfd p[10];
		int n = 0, timeout = -1, ip[10];
		bool relays_open = false;

		for (int i = 0; i < r->relays.n; i++)
			relays_open |= r->relays.r[i].from >= 0;
		/* The status from the jail's init comes after it has killed
		 * and reaped everything else: no need to wait for the
		 * namespaces' teardown in its exit. */
		if ((r->child_done || r->got_status) && !relays_open)
			break;
#define WATCH(fdv, id) do { if ((fdv) >= 0) { p[n] = (struct pollfd){ (fdv), POLLIN, 0 }; ip[n++] = (id); } } while (0)
		WATCH(r->sigfd, 0);
		WATCH(r->sock, 1);
		WATCH(r->listener, 2);
		WATCH(r->pidfd, 3);
		WATCH(r->notify.fd, 9);
		for (int i = 0; i < r->relays.n; i++)
			WATCH(r->relays.r[i].from, 4 + i);
#undef WATCH
		if (deadline && !r->timed_out) {
			long left = deadline - now_ms();

			timeout = left > 0 ? (int)left : 0;
		}
		if (poll(p, (nfds_t)n, timeout) < 0 && errno != EINTR)
			return 125;
		if (deadline && !r->timed_out && now_ms() >= deadline) {
			r->timed_out = true;
			kill_jail(r);
		}
		for (int i = 0; i < n; i++) {
			if (!p[i].revents)
				continue;
			switch (ip[i]) {
			case 0: on_signal(r); break;
			case 1: on_message(r); break;
			case 2:
				if (p[i].revents & (POLLERR | POLLHUP | POLLNVAL)) {
					close(r->listener);
					r->listener = -1;
				} else {
					on_notification(r);
				}
				break;
			case 3: on_child_exit(r); break;
			case 9: notify_pump(&r->notify); break;
			default:
				if (relay_pump(&r->relays.r[ip[i] - 4], &e) < 0) {
					fprintf(stderr, "jail: %s\n", e.msg);
					close(r->relays.r[ip[i] - 4].from);
					r->relays.r[ip[i] - 4].from = -1;
				}
			}
		}
	}
	/* What the child sent before it went is still queued (the status
	 * is its last message). */
	while (r->sock >= 0 && !r->got_status)
		on_message(r);
	check_exec(r);
	return exit_status(r);
}

/* ---------------------------------------------------------------- start */

/* The ids the target gets.  As root, an unused one from the pool, picked
 * after the clone while the child starts: the child learns it with
 * MSG_GO. */
static int pick_ids(const struct config *c, struct run *r, struct child_args *a,
		    struct err *e)
{
	uid_t id = JAIL_UNPRIV_ID;

	if (a->privileged && (c->uid == ID_AUTO || c->gid == ID_AUTO) &&
	    uidpool_reserve(&id, &r->uidlock, e) < 0)
		return -1;
	a->uid = c->uid == ID_AUTO ? id : (uid_t)c->uid;
	a->gid = c->gid == ID_AUTO ? id : (gid_t)c->gid;
	return 0;
}

/* On an error path only: has the child exited (it may be on its way:
 * its descriptors close before its exit shows on the pidfd)? */
static bool child_gone(const struct run *r)
{
	struct pollfd p = { r->pidfd, POLLIN, 0 };

	return poll(&p, 1, 100) == 1;
}

/* As root: the ids from the pool.  A child that failed already is gone
 * and its MSG_ERROR waits on the socket: not an error here. */
static int send_ids(struct run *r, const struct child_args *a, struct err *e)
{
	struct ids_msg m = { MSG_IDS, a->uid, a->gid };

	if (send(r->ctl, &m, sizeof(m), MSG_NOSIGNAL) < 0 &&
	    errno != EPIPE && errno != ECONNRESET && !child_gone(r))
		return err_sys(e, "identity layer: telling the child");
	return 0;
}

static int start(struct run *r, struct child_args *a, struct err *e)
{
	const struct config *c = r->cfg;
	/* Only what must exist at the clone: the user namespace, and the
	 * pid namespace the child is pid 1 of.  The child makes the others
	 * itself (layers.c), the network namespace in a thread, so that the
	 * dearest work starts as early as it can. */
	unsigned long flags = CLONE_NEWUSER | CLONE_PIDFD | SIGCHLD;
	int sv[2], cv[2], lp[2], one = 1;
	sigset_t set;

	if (!(c->share & SHARE_PID)) flags |= CLONE_NEWPID;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0 ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, cv) < 0 ||
	    pipe2(lp, O_CLOEXEC | O_NONBLOCK) < 0)
		return err_sys(e, "setting up the supervisor");
	setsockopt(sv[0], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
		sigaddset(&set, forwarded[i]);
	sigprocmask(SIG_BLOCK, &set, NULL);
	r->sigfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (r->sigfd < 0)
		return err_sys(e, "signalfd");
	a->sock = sv[1];
	a->ctl = cv[1];
	a->errpipe = -1;
	a->lifeline = lp[0];
	a->new_pidns = !(c->share & SHARE_PID);
	r->pidfd = -1;
	r->child = (pid_t)syscall(SYS_clone, flags, NULL, &r->pidfd, NULL, 0);
	if (r->child < 0) {
		if (errno == EPERM || errno == ENOSPC || errno == EINVAL)
			return err_sys(e, "namespaces layer: cannot create new user/mount/pid/net namespaces (user namespaces disabled by sysctl or a seccomp/RestrictNamespaces= policy?)");
		return err_sys(e, "namespaces layer: clone");
	}
	if (r->child == 0) {
		close(sv[0]);
		close(cv[0]);
		close(lp[1]);
		close(r->sigfd);
		if (r->marker >= 0)
			close(r->marker);
		if (r->notify.fd >= 0)
			close(r->notify.fd);
		for (int i = 0; i < r->relays.n; i++)
			close(r->relays.r[i].from);
		child_main(a);
	}
	close(sv[1]);
	close(cv[1]);
	close(lp[0]);
	relays_close_child_ends(&r->relays);
	if (a->marker >= 0) {
		close(a->marker);
		a->marker = -1;
	}
	r->sock = sv[0];
	r->ctl = cv[0];
	r->lifeline = lp[1];
	/* The child usually waits on this CPU until the parent blocks: let
	 * it start its network thread (the longest step of a start) now,
	 * before the parent's own work.  It soon waits for the maps. */
	sched_yield();
	if (a->privileged) {
		char path[32];
		struct msg go = { MSG_GO, 0, "" };
		int dir;

		/* The child is not reaped before this: /proc/PID is it. */
		snprintf(path, sizeof(path), "/proc/%d", (int)r->child);
		dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (dir < 0 || userns_map_identity(dir, e) < 0) {
			if (dir >= 0)
				close(dir);
			/* A child that failed already said why: the event loop
			 * reports its message rather than this consequence. */
			if (child_gone(r))
				return 0;
			if (dir < 0)
				err_sys(e, "user namespace: %s", path);
			else if (errno == EPERM)
				err_wrap(e, "user namespace layer (as root jail needs CAP_SETUID, CAP_SETGID and CAP_SETFCAP; a CapabilityBoundingSet= may lack them)");
			kill_jail(r);
			return -1;
		}
		close(dir);
		if (msg_send(r->ctl, &go, NULL, 0) < 0) {
			/* EPIPE: the child closed its end, which it only does
			 * by exiting; its own error waits on the socket. */
			if (errno == EPIPE || child_gone(r))
				return 0;
			kill_jail(r);
			return err_sys(e, "user namespace: telling the child");
		}
	}
	return 0;
}

static void verbose_summary(const struct run *r, const struct child_args *a)
{
	const struct config *c = r->cfg;
	char over[512];

	if (c->verbosity < VERBOSE)
		return;
	say(c, "namespaces: new user, mount, cgroup%s%s%s%s",
	    c->share & SHARE_NET ? "" : ", net (loopback only)",
	    c->share & SHARE_PID ? "" : ", pid", c->share & SHARE_IPC ? "" : ", ipc",
	    c->share & SHARE_UTS ? "" : ", uts");
	say(c, "limits: fsize and core 0 unless set, %zu more", c->nrlimits);
	say(c, "identity: uid %u gid %u inside%s, no capabilities, no_new_privs",
	    (unsigned)a->uid, (unsigned)a->gid,
	    a->privileged ? " and on the host" : " (mapped to the caller)");
	if (!a->privileged)
		say(c, "identity: unprivileged, the caller's supplementary groups stay (the kernel keeps them)");
	say(c, "seccomp: %s%s", r->filters.user.len ? "the baseline, then the policy, as one filter" : "the baseline filter",
	    r->filters.user_notifies ? " (violations reported by name)" : "");
	policy_baseline_overrides(&c->policy, c->share & SHARE_PID, over, sizeof(over));
	if (over[0])
		say(c, "seccomp: allowed but still denied by the baseline: %s", over);
}

/* The system's own loader, as the preload library was built for it. */
static bool is_system_loader(const char *interp)
{
	char *a = realpath(interp, NULL);
	char *b = realpath(SYSTEM_LOADER, NULL);
	bool same = a && b && strcmp(a, b) == 0;

	free(a);
	free(b);
	return same;
}

/* $JAIL_PRELOAD_LIB, else next to jail (src/.libs/ in a build tree),
 * else the installed library directory. */
static char *find_preload(struct err *e)
{
	const char *env = getenv("JAIL_PRELOAD_LIB");
	char exe[PATH_MAX], path[PATH_MAX + 64];
	ssize_t n;

	if (env) {
		if (access(env, R_OK) < 0) {
			err_sys(e, "--stage main: $JAIL_PRELOAD_LIB %s", env);
			return NULL;
		}
		return realpath(env, NULL);
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(path, sizeof(path), "%s/libjail-preload.so", exe);
			if (access(path, R_OK) == 0)
				return realpath(path, NULL);
			snprintf(path, sizeof(path), "%s/.libs/libjail-preload.so", exe);
			if (access(path, R_OK) == 0)
				return realpath(path, NULL);
		}
	}
	snprintf(path, sizeof(path), "%s/libjail-preload.so", JAIL_LIBDIR);
	if (access(path, R_OK) == 0)
		return realpath(path, NULL);
	err_set(e, "--stage main: cannot find libjail-preload.so (set JAIL_PRELOAD_LIB, or install jail)");
	return NULL;
}

static int stage_main_setup(struct run *r, struct child_args *a, struct err *e)
{
	char *lib;
	int p[2];

	/* Learning a static program (or a script's interpreter that is not
	 * the system's) records one stage only. */
	if (r->cfg->learn && (r->plan.is_static || !r->plan.interp ||
			      !is_system_loader(r->plan.interp)))
		return 0;
	if (r->plan.is_static || !r->plan.interp)
		return err_set(e, "--stage main: %s is %s: no preload library can run in it before main; use --stage exec",
			       r->exe, r->plan.is_static ? "statically linked" : "not a dynamic ELF program");
	if (!is_system_loader(r->plan.interp))
		return err_set(e, "--stage main: %s uses the loader %s, not the system's %s; use --stage exec",
			       r->exe, r->plan.interp, SYSTEM_LOADER);
	lib = find_preload(e);
	if (!lib)
		return -1;
	if (root_plan_add_program(r->cfg, &r->plan, lib, e) < 0) {
		free(lib);
		return -1;
	}
	r->preload = lib;
	/* The target keeps the write end across execve (no O_CLOEXEC there). */
	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0)
		return err_sys(e, "--stage main: pipe");
	r->marker = p[0];
	a->marker = p[1];
	return 0;
}

static int stage_main_env(struct run *r, struct child_args *a, struct err *e)
{
	char *kv;

	if (!r->preload)
		return 0;
	if (asprintf(&kv, "LD_PRELOAD=%s", r->preload) < 0 || strv_push_owned(&r->env, kv) < 0 ||
	    asprintf(&kv, "JAIL_PRELOAD_FD=%d", a->marker) < 0 || strv_push_owned(&r->env, kv) < 0)
		return err_sys(e, "out of memory");
	return 0;
}

int supervise_run(const struct config *c)
{
	struct run r = { .cfg = c, .sock = -1, .ctl = -1, .errpipe = -1, .sigfd = -1,
			 .listener = -1, .lifeline = -1, .uidlock = -1, .pidfd = -1,
			 .marker = -1, .notify = { .fd = -1 } };
	struct child_args a = { .cfg = c, .marker = -1 };
	struct compiled child_filters = { 0 };
	struct compile_opts co = { .shared_pid = c->share & SHARE_PID };
	struct err e = { "", false };
	char *exe = NULL;
	int status;

	status = root_find_command(c->argv[0], &exe, &e);
	if (status) {
		fprintf(stderr, "jail: %s\n", e.msg);
		return status;
	}
	co.notify = listener_possible();
	co.stage_main = c->stage == STAGE_MAIN;
	co.learn = c->learn != NULL;
	/* Unprivileged, vm.memfd_noexec cannot be set; with /proc a memfd
	 * could be executed by path. */
	co.memfd_seal = geteuid() != 0 && c->proc;
	if ((co.stage_main || co.learn) && !co.notify) {
		fprintf(stderr, "jail: %s needs jail's seccomp listener, which cannot be had here (jail runs under another seccomp listener)\n",
			co.learn ? "--learn" : "--stage main");
		status = 125;
		goto out;
	}
	if (co.learn) {
		r.learn = learn_new();
		if (!r.learn || (c->learn_merge && learn_merge(r.learn, c->learn, &e) < 0)) {
			fprintf(stderr, "jail: %s\n", r.learn ? e.msg : "out of memory");
			status = 125;
			goto out;
		}
	}
	r.exe = exe;
	a.exe = exe;
	a.privileged = geteuid() == 0;
	a.outside_uid = geteuid();
	a.outside_gid = getegid();
	/* Unprivileged the ids are fixed; as root they come from the pool
	 * after the clone (below). */
	if ((!a.privileged && pick_ids(c, &r, &a, &e) < 0) ||
	    relays_setup(&r.relays, &e) < 0 ||
	    (!c->no_notify && notify_setup(&r.notify, &e) < 0)) {
		fprintf(stderr, "jail: %s\n", e.msg);
		status = 125;
		goto out;
	}
	/* The stages need the plan here (the target's loader, the preload
	 * library's place in the root); otherwise the child works it out
	 * (target.c), so that the parent's path to the clone stays short. */
	if ((co.stage_main || co.learn) &&
	    (root_plan_build(c, exe, &r.plan, &e) < 0 || stage_main_setup(&r, &a, &e) < 0 ||
	     (r.notify.fd >= 0 && root_plan_add_bind(&r.plan, r.notify.path, r.notify.inside, &e) < 0) ||
	     target_env(c, &r.plan, &r.notify, &r.env, &e) < 0 ||
	     stage_main_env(&r, &a, &e) < 0)) {
		fprintf(stderr, "jail: %s\n", e.msg);
		status = 125;
		goto out;
	}
	if (co.stage_main || co.learn) {
		a.plan = &r.plan;
		a.envp = r.env.v;
	}
	a.notify = &r.notify;
	a.filters = &child_filters;
	a.relays = &r.relays;
	if (start(&r, &a, &e) < 0) {
		fprintf(stderr, "jail: %s\n", e.msg);
		status = 125;
		goto out;
	}
	/* While the child builds the jail (see struct filters_msg): the ids
	 * (as root, from the pool), then the filters. */
	if ((a.privileged && (pick_ids(c, &r, &a, &e) < 0 || send_ids(&r, &a, &e) < 0)) ||
	    policy_compile(&c->policy, &co, &r.filters, &e) < 0) {
		fprintf(stderr, "jail: %s\n", e.msg);
		kill_jail(&r);
		if (r.pidfd >= 0)
			waitid(P_PIDFD, (id_t)r.pidfd, &(siginfo_t){ 0 }, WEXITED);
		status = 125;
		goto out;
	}
	/* A child that failed already is gone (EPIPE): its MSG_ERROR waits
	 * on the socket and the event loop reports it. */
	filters_send(r.ctl, &r.filters);
	close(r.ctl);
	r.ctl = -1;
	verbose_summary(&r, &a);
	status = event_loop(&r);
	if (r.learn && !r.denied && !r.error_code) {
		if (learn_write(r.learn, c, r.preload != NULL, status, &e) < 0) {
			fprintf(stderr, "jail: %s\n", e.msg);
			status = 125;
		} else if (c->verbosity > QUIET) {
			fprintf(stderr, "jail: learned profile written to %s\n", c->learn);
		}
	}
out:
	learn_free(r.learn);
	notify_free(&r.notify);
	free(exe);
	free(r.preload);
	if (r.marker >= 0)
		close(r.marker);
	if (a.marker >= 0)
		close(a.marker);
	root_plan_free(&r.plan);
	compiled_free(&r.filters);
	strv_free(&r.env);
	uidpool_release(&r.uidlock);
	if (r.ctl >= 0)
		close(r.ctl);
	return status;
}
