/* The net layer: a new network namespace with the loopback up.
 *
 * Creating a network namespace is the dearest step of a start (about
 * 0.3 ms of kernel work, more than the whole root), and none of the
 * child's other work needs it.  So a helper thread of the child makes it
 * (unshare(CLONE_NEWNET) moves only the calling thread) and brings lo up
 * while the child builds the root; the child joins it with setns before
 * it detaches the host's root, whose RCU grace period would otherwise
 * wait for the other CPU busy in the kernel.
 *
 * The thread shares the child's memory and thread pointer, so it makes
 * raw syscalls that never write errno, and reports through struct
 * net_helper.  Where that cannot be had (another architecture, or clone
 * refused), the child does the same work itself when it joins. */
#define _GNU_SOURCE 1
#include "net.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define HAVE_RAW_SYSCALL 1
static long raw3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}
#elif defined(__aarch64__)
#define HAVE_RAW_SYSCALL 1
static long raw3(long nr, long a, long b, long c)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;

	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
	return x0;
}
#endif

/* The steps, for the error message (the thread cannot format one). */
static const char *const step_name[] = {
	"", "creating the network namespace", "socket", "reading lo",
	"bringing lo up", "opening the new namespace",
};

/* In the thread (RAW) nothing may touch errno: it is the child's. */
__attribute__((no_sanitize_address))
static long sys3(bool raw, long nr, long a, long b, long c)
{
	long r;

#ifdef HAVE_RAW_SYSCALL
	if (raw)
		return raw3(nr, a, b, c);
#endif
	r = syscall(nr, a, b, c);
	return r < 0 ? -errno : r;
}

/* The thread's work, or the child's own when there is no thread. */
__attribute__((no_sanitize_address))
static void make_net(struct net_helper *h, bool raw, bool want_fd)
{
	struct ifreq ifr;
	long s, r;

	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, "lo", 3);
	h->step = 1;
	r = sys3(raw, SYS_unshare, CLONE_NEWNET, 0, 0);
	if (r < 0)
		goto fail;
	h->step = 2;
	s = sys3(raw, SYS_socket, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0) {
		r = s;
		goto fail;
	}
	h->step = 3;
	r = sys3(raw, SYS_ioctl, s, SIOCGIFFLAGS, (long)&ifr);
	if (r == 0) {
		h->step = 4;
		ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
		r = sys3(raw, SYS_ioctl, s, SIOCSIFFLAGS, (long)&ifr);
	}
	sys3(raw, SYS_close, s, 0, 0);
	if (r < 0)
		goto fail;
	if (want_fd) {
		h->step = 5;
		r = sys3(raw, SYS_openat, h->procfd, (long)"thread-self/ns/net",
			 O_RDONLY | O_CLOEXEC);
		if (r < 0)
			goto fail;
		h->fd = (int)r;
	}
	h->step = 0;
	return;
fail:
	h->err = (int)-r;
}

#ifdef HAVE_RAW_SYSCALL
__attribute__((no_sanitize_address))
static int helper(void *arg)
{
	struct net_helper *h = arg;

	make_net(h, true, true);
	raw3(SYS_exit, 0, 0, 0);
	return 0;
}
#endif

void net_start(struct net_helper *h)
{
	h->fd = -1;
	h->err = 0;
	h->step = 0;
	h->tid = 0;
	h->started = false;
#ifdef HAVE_RAW_SYSCALL
	/* The child may have pivoted into the new root, where there is no
	 * /proc, by the time the thread opens its namespace. */
	h->procfd = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (h->procfd < 0)
		return;
	/* CLONE_CHILD_CLEARTID: the kernel zeroes tid and wakes its futex
	 * when the thread is gone, as for pthread_join. */
	if (clone(helper, h->stack + sizeof(h->stack),
		  CLONE_VM | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		  CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
		  h, &h->tid, NULL, &h->tid) >= 0)
		h->started = true;
	else
		close(h->procfd);
#endif
}

int net_join(struct net_helper *h, struct err *e)
{
	pid_t tid;

	if (!h->started) {
		/* No thread: the work is done here, in the child itself. */
		make_net(h, false, false);
		if (h->err)
			return err_set(e, "net layer: %s: %s", step_name[h->step], strerror(h->err));
		return 0;
	}
	while ((tid = __atomic_load_n(&h->tid, __ATOMIC_ACQUIRE)) != 0)
		syscall(SYS_futex, &h->tid, FUTEX_WAIT, tid, NULL, NULL, 0);
	close(h->procfd);
	if (h->err)
		return err_set(e, "net layer: %s: %s", step_name[h->step], strerror(h->err));
	if (setns(h->fd, CLONE_NEWNET) < 0) {
		err_sys(e, "net layer: joining the new network namespace");
		close(h->fd);
		return -1;
	}
	close(h->fd);
	h->fd = -1;
	return 0;
}
