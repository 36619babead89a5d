/* floor — the least a namespace sandbox can cost at start-up.
 *
 *     floor TRUE-STATIC
 *
 * One clone() into new user, mount, net, pid, ipc and uts namespaces.  The
 * child maps itself to root, mounts a tmpfs that will be its root, binds
 * TRUE-STATIC (a statically linked true) into it as /true, pivots into it,
 * detaches the old root and execs /true.  The parent waits and exits with the
 * child's status: its code, 128+N if signal N killed it (as the shell
 * reports it), 125 if floor itself failed.
 *
 * This is the yardstick for jail's start-up: a tool that promises the same
 * layers cannot leave out any of these steps.  (jail adds rlimits, uid and
 * capability changes and a seccomp filter, each a few microseconds, and runs
 * a dynamic target, which costs the dynamic loader.)  floor is linked
 * statically too, so its own exec costs no loader.  It works as root and as
 * an unprivileged user with the same code path.
 *
 * Environment:
 *   FLOOR_MODE=vfork   (default) clone(CLONE_VM|CLONE_VFORK): no page tables
 *                      are copied and the parent sleeps until the child execs.
 *                      The child writes its own maps: "deny" to setgroups,
 *                      then "0 EUID 1" and "0 EGID 1".  A single line mapping
 *                      the creator's own ids is the one mapping the kernel
 *                      lets a process write for itself, root or not, so no
 *                      help and no synchronisation with the parent is needed:
 *                      this is the cheapest correct way.
 *   FLOOR_MODE=fork    the same, with a fork-like clone (the address space is
 *                      copied, the parent runs on): what copying costs.
 *   FLOOR_MODE=parent  fork-like clone; the parent writes the maps (what a
 *                      root supervisor must do to map a range, or to leave
 *                      setgroups allowed) and releases the child over a pipe:
 *                      one parent/child round trip more.
 *   FLOOR_MODE=noexec  vfork, but _exit(0) where execve would be: subtracted
 *                      from vfork, what exec and the target cost.
 *   FLOOR_MODE=netpar  vfork, but the net namespace is made by a helper
 *                      while the child builds its root (see net_helper).
 *   FLOOR_LO=1         also bring the loopback up, as jail does.
 *   FLOOR_TRACE=1      print the µs each step of this run took, to stderr.
 *   FLOOR_TRACE=N      (N > 1) profile instead of running once: N runs of
 *                      each mode, interleaved, and the cost of creating and
 *                      tearing down each namespace; medians in µs, to stderr.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
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
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define ALL_NS (CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | \
		CLONE_NEWIPC | CLONE_NEWUTS)

enum mode { M_VFORK, M_FORK, M_PARENT, M_NOEXEC, M_NETPAR, M_N };
static const char *const mode_name[M_N] = {
	"vfork", "fork", "parent", "noexec", "netpar"
};

/* Time stamps, one per step; each is taken when the step has finished. */
enum step {
	T_START, T_CHILD, T_MAPS, T_LO, T_TMPFS, T_FILE, T_BIND, T_PIVOT,
	T_NETJOIN, T_DETACH, T_REAPED, T_N
};
static const char *const step_name[T_N] = {
	[T_CHILD] = "clone, 6 namespaces (to child's 1st instruction)",
	[T_MAPS] = "setgroups + uid_map + gid_map",
	[T_LO] = "loopback up (FLOOR_LO=1)",
	[T_TMPFS] = "open O_PATH true-static + mount tmpfs",
	[T_FILE] = "mknod mount point /true",
	[T_BIND] = "bind-mount true-static",
	[T_PIVOT] = "chdir + pivot_root",
	[T_NETJOIN] = "netpar: wait for the net helper, setns",
	[T_DETACH] = "umount2 old root, MNT_DETACH",
	[T_REAPED] = "execve, true runs, exit, teardown, reaped",
};

struct cfg {
	const char *true_path;
	char uid_map[32], gid_map[32];
	int lo;
	int noexec;		/* noexec mode: _exit(0) where execve would be */
	int netpar;		/* netpar mode: a helper makes the net namespace */
	int sync[2];		/* parent mode: the parent's "maps written" */
};

/* A MAP_SHARED page when tracing, so that the child's stamps reach the
 * parent whether or not the address space is shared; NULL otherwise. */
static uint64_t *stamps;

/* The child's stack.  In vfork mode parent and child share memory, so the
 * child must not run on the parent's stack; the parent sleeps meanwhile, so
 * one static stack is enough. */
static char child_stack[64 * 1024] __attribute__((aligned(16)));

/* netpar mode: the helper's stack, and the fd of the net namespace it made.
 * The helper shares memory and fd table with the child (CLONE_VM |
 * CLONE_FILES), and runs on the other CPU while the child mounts. */
static char helper_stack[16 * 1024] __attribute__((aligned(16)));
static volatile int helper_proc = -1, helper_netns = -1;

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void stamp(enum step s)
{
	if (stamps)
		stamps[s] = now_ns();
}

static int put(const char *path, const char *s)
{
	size_t len = strlen(s);
	ssize_t n;
	int fd, e;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = write(fd, s, len);
	e = errno;
	close(fd);
	errno = e;
	return n == (ssize_t)len ? 0 : -1;
}

/* In the child.  No stdio: in vfork mode this memory is the parent's. */
static _Noreturn void child_die(int status, const char *what)
{
	char buf[256];
	int n;

	n = snprintf(buf, sizeof buf, "floor: %s: %s\n", what, strerror(errno));
	if (n > 0 && write(2, buf, (size_t)n) < 0)
		_exit(status);
	_exit(status);
}

static _Noreturn void child_fail(const char *what)
{
	child_die(125, what);
}

static void loopback_up(void)
{
	struct ifreq ifr;
	int s;

	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		child_fail("socket");
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		child_fail("SIOCGIFFLAGS lo");
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
		child_fail("SIOCSIFFLAGS lo");
	close(s);
}

/* The net namespace is the dearest to create (about 0.3 ms, see the
 * profile): netpar mode makes it here, in a helper sharing the child's user
 * namespace, so that it is owned by it, while the child writes its maps and
 * builds its root.  The helper reaches /proc through an fd opened before the
 * child pivots: pivot_root moves the root of every process using the old
 * one, the helper's included.  (errno is shared with the child too: only
 * error paths read it.) */
static int net_helper(void *arg)
{
	const struct cfg *c = arg;

	if (unshare(CLONE_NEWNET) < 0)
		child_fail("helper: unshare(CLONE_NEWNET)");
	if (c->lo)
		loopback_up();
	helper_netns = openat(helper_proc, "thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	if (helper_netns < 0)
		child_fail("helper: open ns/net");
	_exit(0);
}

static int child(void *arg)
{
	const struct cfg *c = arg;
	char *const argv[] = { "true", NULL };
	char src[32], b;
	pid_t helper = -1;
	int fd, st;

	stamp(T_CHILD);
	if (c->netpar) {
		helper_proc = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (helper_proc < 0)
			child_fail("open /proc");
		helper = clone(net_helper, helper_stack + sizeof helper_stack,
			       CLONE_VM | CLONE_FILES | SIGCHLD, (void *)c);
		if (helper < 0)
			child_fail("clone net helper");
	}
	if (c->sync[0] >= 0) {
		close(c->sync[1]);
		if (read(c->sync[0], &b, 1) != 1)
			_exit(125);	/* the parent said why */
	} else {
		/* "deny" must come first: without CAP_SETGID in the parent
		 * namespace the kernel refuses gid_map while setgroups() could
		 * still drop a supplementary group the host uses to deny. */
		if (put("/proc/self/setgroups", "deny") < 0)
			child_fail("/proc/self/setgroups");
		if (put("/proc/self/uid_map", c->uid_map) < 0)
			child_fail("/proc/self/uid_map");
		if (put("/proc/self/gid_map", c->gid_map) < 0)
			child_fail("/proc/self/gid_map");
	}
	stamp(T_MAPS);
	if (c->lo && !c->netpar)
		loopback_up();
	stamp(T_LO);

	/* The tmpfs will hide /tmp, where TRUE-STATIC may well live: hold it
	 * by an fd first and bind it through /proc/self/fd.  The fd must be
	 * opened here, in the new mount namespace: the kernel refuses to bind
	 * from a mount of another namespace (EINVAL).  Close-on-exec, so /true
	 * does not inherit it. */
	fd = open(c->true_path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		child_fail(c->true_path);
	snprintf(src, sizeof src, "/proc/self/fd/%d", fd);

	/* No mount(MS_REC|MS_PRIVATE, "/") first: a mount namespace made
	 * together with a new user namespace gets its shared mounts turned
	 * into slaves by the kernel (CL_SHARED_TO_SLAVE), so nothing mounted
	 * here propagates back, and pivot_root accepts slave mounts.  /tmp is
	 * only a place to mount on, as bubblewrap does; it is never seen. */
	if (mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") < 0)
		child_fail("mount tmpfs on /tmp");
	stamp(T_TMPFS);
	/* mknod makes the empty file to bind onto in one call (open+close
	 * would be two). */
	if (mknod("/tmp/true", S_IFREG | 0755, 0) < 0)
		child_fail("mknod /tmp/true");
	stamp(T_FILE);
	if (mount(src, "/tmp/true", NULL, MS_BIND, NULL) < 0)
		child_fail("bind true-static");
	stamp(T_BIND);
	/* pivot_root(".", ".") stacks the old root on top of the new one, so
	 * no directory for it is needed; unmounting "." then removes it
	 * (pivot_root(2), NOTES).  MNT_DETACH because the old root is busy. */
	if (chdir("/tmp") < 0)
		child_fail("chdir /tmp");
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		child_fail("pivot_root");
	stamp(T_PIVOT);
	if (c->netpar) {
		if (waitpid(helper, &st, 0) < 0 || st != 0)
			_exit(125);	/* the helper said why */
		if (setns(helper_netns, CLONE_NEWNET) < 0)
			child_fail("setns net");
		close(helper_netns);
		close(helper_proc);
	}
	stamp(T_NETJOIN);
	if (umount2(".", MNT_DETACH) < 0)
		child_fail("umount old root");
	stamp(T_DETACH);
	if (c->noexec)
		_exit(0);
	execve("/true", argv, environ);
	child_die(errno == ENOENT ? 127 : 126, "execve /true");
}

/* Runs the floor once; returns the wait status, or -1 with a message. */
static int run(struct cfg *c, enum mode m)
{
	int flags = ALL_NS | SIGCHLD;
	char path[64];
	pid_t pid;
	int st;

	c->sync[0] = c->sync[1] = -1;
	c->noexec = m == M_NOEXEC;
	c->netpar = m == M_NETPAR;
	if (stamps)
		memset(stamps, 0, T_N * sizeof *stamps);
	if (m == M_VFORK || m == M_NOEXEC || m == M_NETPAR)
		flags |= CLONE_VM | CLONE_VFORK;
	if (m == M_NETPAR)
		flags &= ~CLONE_NEWNET;
	if (m == M_PARENT && pipe2(c->sync, O_CLOEXEC) < 0) {
		perror("floor: pipe");
		return -1;
	}
	stamp(T_START);
	pid = clone(child, child_stack + sizeof child_stack, flags, c);
	if (pid < 0) {
		perror("floor: clone");
		return -1;
	}
	if (m == M_PARENT) {
		close(c->sync[0]);
		/* Only root may leave setgroups allowed. */
		snprintf(path, sizeof path, "/proc/%d/setgroups", (int)pid);
		if (geteuid() != 0 && put(path, "deny") < 0)
			perror("floor: setgroups");
		snprintf(path, sizeof path, "/proc/%d/uid_map", (int)pid);
		if (put(path, c->uid_map) < 0)
			perror("floor: uid_map");
		snprintf(path, sizeof path, "/proc/%d/gid_map", (int)pid);
		if (put(path, c->gid_map) < 0)
			perror("floor: gid_map");
		/* On failure the child sees EOF and exits 125. */
		if (write(c->sync[1], "", 1) != 1)
			perror("floor: release child");
		close(c->sync[1]);
	}
	if (waitpid(pid, &st, 0) < 0) {
		perror("floor: waitpid");
		return -1;
	}
	stamp(T_REAPED);
	return st;
}

static int exit_code(int st)
{
	if (st < 0)
		return 125;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + WTERMSIG(st);	/* as the shell reports it */
}

static double us(uint64_t a, uint64_t b)
{
	return (double)(b - a) / 1000.0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Each step's duration: from the previous stamp to its own. */
static void durations(double *d)
{
	int s;

	for (s = T_CHILD; s < T_N; s++)
		d[s] = us(stamps[s - 1], stamps[s]);
	d[T_START] = us(stamps[T_START], stamps[T_REAPED]);	/* total */
}

static void print_trace(enum mode m)
{
	double d[T_N];
	int s;

	durations(d);
	fprintf(stderr, "floor: trace, mode %s\n", mode_name[m]);
	for (s = T_CHILD; s < T_N; s++)
		fprintf(stderr, "  %-50s %8.1f us\n", step_name[s], d[s]);
	fprintf(stderr, "  %-50s %8.1f us\n", "total", d[T_START]);
}

/* Namespace costs: clone with one set of namespaces into a child that only
 * stamps and exits.  "create" is clone to the child's first instruction;
 * "exit" is from there until the parent has reaped it (exit and the
 * synchronous part of the teardown). */
static const struct {
	const char *name;
	int flags;
} nsets[] = {
	{ "none", 0 },
	{ "user", CLONE_NEWUSER },
	{ "user+mnt", CLONE_NEWUSER | CLONE_NEWNS },
	{ "user+net", CLONE_NEWUSER | CLONE_NEWNET },
	{ "user+pid", CLONE_NEWUSER | CLONE_NEWPID },
	{ "user+ipc", CLONE_NEWUSER | CLONE_NEWIPC },
	{ "user+uts", CLONE_NEWUSER | CLONE_NEWUTS },
	{ "all six", ALL_NS },
	{ "all six but net", ALL_NS & ~CLONE_NEWNET },
};
#define NSETS (int)(sizeof nsets / sizeof nsets[0])

static int stamp_and_exit(void *arg)
{
	(void)arg;
	stamp(T_CHILD);
	_exit(0);
}

static int profile_ns(int n)
{
	double *cr = calloc((size_t)NSETS * n, sizeof *cr);
	double *ex = calloc((size_t)NSETS * n, sizeof *ex);
	int i, k, st;
	pid_t pid;

	if (!cr || !ex) {
		perror("floor: calloc");
		return -1;
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < NSETS; k++) {
			stamp(T_START);
			pid = clone(stamp_and_exit, child_stack + sizeof child_stack,
				    nsets[k].flags | CLONE_VM | CLONE_VFORK | SIGCHLD, NULL);
			if (pid < 0) {
				fprintf(stderr, "floor: clone %s: %s\n", nsets[k].name,
					strerror(errno));
				return -1;
			}
			if (waitpid(pid, &st, 0) < 0)
				return -1;
			stamp(T_REAPED);
			cr[k * n + i] = us(stamps[T_START], stamps[T_CHILD]);
			ex[k * n + i] = us(stamps[T_CHILD], stamps[T_REAPED]);
		}
	}
	fprintf(stderr, "\nnamespace cost, CLONE_VM|CLONE_VFORK, median of %d (us)\n", n);
	fprintf(stderr, "| namespaces | create | exit+reap | sum |\n| --- | ---: | ---: | ---: |\n");
	for (k = 0; k < NSETS; k++) {
		double c = median(cr + k * n, n), e = median(ex + k * n, n);

		fprintf(stderr, "| %s | %.1f | %.1f | %.1f |\n", nsets[k].name, c, e, c + e);
	}
	free(cr);
	free(ex);
	return 0;
}

static int profile_steps(struct cfg *c, int n)
{
	double *d = calloc((size_t)M_N * T_N * n, sizeof *d);
	double one[T_N];
	int i, s, st;
	enum mode m;

	if (!d) {
		perror("floor: calloc");
		return -1;
	}
	for (i = 0; i < n; i++) {
		for (m = 0; m < M_N; m++) {
			st = run(c, m);
			if (st < 0 || exit_code(st) != 0) {
				fprintf(stderr, "floor: mode %s failed (%d)\n",
					mode_name[m], exit_code(st));
				return -1;
			}
			durations(one);
			for (s = 0; s < T_N; s++)
				d[((size_t)m * T_N + s) * n + i] = one[s];
		}
	}
	fprintf(stderr, "floor steps%s, median of %d (us)\n",
		c->lo ? ", with loopback up" : "", n);
	fprintf(stderr, "| step | vfork | fork | parent | noexec | netpar |\n"
		"| --- | ---: | ---: | ---: | ---: | ---: |\n");
	for (s = T_CHILD; s <= T_N; s++) {
		int row = s == T_N ? T_START : s;

		if (s == T_CHILD)
			fprintf(stderr, "| clone, 6 namespaces (netpar: 5) | ");
		else if (s == T_MAPS)
			fprintf(stderr, "| maps (parent: written by parent + pipe wake-up) | ");
		else
			fprintf(stderr, "| %s | ", s == T_N ? "**total**" :
				s == T_REAPED ? "execve (noexec: _exit), true runs, exit, teardown, reaped" :
				step_name[s]);
		for (m = 0; m < M_N; m++)
			fprintf(stderr, "%.1f |%s", median(d + ((size_t)m * T_N + row) * n, n),
				m + 1 < M_N ? " " : "\n");
	}
	free(d);
	return 0;
}

int main(int argc, char **argv)
{
	const char *ms = getenv("FLOOR_MODE"), *tr = getenv("FLOOR_TRACE");
	const char *lo = getenv("FLOOR_LO");
	enum mode m = M_VFORK;
	struct cfg c;
	int trace = tr ? atoi(tr) : 0, st;

	if (argc != 2) {
		fprintf(stderr, "usage: floor TRUE-STATIC\n");
		return 125;
	}
	memset(&c, 0, sizeof c);
	c.true_path = argv[1];
	c.lo = lo && *lo && strcmp(lo, "0") != 0;
	/* Root inside, mapped to whoever we are outside. */
	snprintf(c.uid_map, sizeof c.uid_map, "0 %u 1", (unsigned)geteuid());
	snprintf(c.gid_map, sizeof c.gid_map, "0 %u 1", (unsigned)getegid());
	if (ms) {
		for (m = 0; m < M_N && strcmp(ms, mode_name[m]) != 0; m++)
			;
		if (m == M_N) {
			fprintf(stderr, "floor: FLOOR_MODE must be vfork, fork, parent, noexec or netpar\n");
			return 125;
		}
	}
	if (trace > 0) {
		stamps = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (stamps == MAP_FAILED) {
			perror("floor: mmap");
			return 125;
		}
	}
	if (trace > 1)
		return profile_steps(&c, trace) < 0 || profile_ns(trace) < 0 ? 125 : 0;
	st = run(&c, m);
	if (trace == 1 && st >= 0)
		print_trace(m);
	return exit_code(st);
}
