/*
 * userns — class 7: new namespaces, a user namespace above all (it hands
 * back a full capability set over everything created in it).
 *
 *   userns unshare   unshare(CLONE_NEWUSER)
 *   userns clone     clone(CLONE_NEWUSER | SIGCHLD)
 *   userns clone3    clone3 with CLONE_NEWUSER (flags in memory the filter
 *                    cannot read: the baseline answers ENOSYS to any clone3)
 *   userns setns     setns into every namespace file /proc offers (--proc),
 *                    and into fd -1, where the kernel alone says EBADF
 */
#include <linux/sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "attack.h"

static int child_done(long pid)
{
	if (pid == 0)
		_exit(0);	/* the child: it got a user namespace */
	if (pid > 0)
		waitpid((pid_t)pid, NULL, 0);
	return 0;
}

static int do_setns(void)
{
	static const char *const ns[] = { "user", "mnt", "net", "pid", "ipc", "uts", "cgroup", "time" };
	static const char *const who[] = { "self", "1" };
	/* pid 1 is jail's init only inside a jail; the host's is left alone */
	size_t nwho = in_jail_pidns() ? 2 : 1;
	int r, fd;
	char p[64];

	errno = 0;
	r = verdict("setns(-1)", syscall(SYS_setns, -1, 0), EPERM);
	for (size_t w = 0; w < nwho; w++)
		for (size_t i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
			snprintf(p, sizeof(p), "/proc/%s/ns/%s", who[w], ns[i]);
			fd = open(p, O_RDONLY | O_CLOEXEC);
			if (fd < 0)
				continue;
			snprintf(p, sizeof(p), "setns(/proc/%s/ns/%s)", who[w], ns[i]);
			r = worst(r, verdict(p, syscall(SYS_setns, fd, 0), EPERM));
			close(fd);
		}
	return r;
}

int main(int argc, char **argv)
{
	long rc;
	int r;

	attack_name = "userns";
	if (argc != 2)
		usage("unshare|clone|clone3|setns");
	if (!strcmp(argv[1], "unshare"))
		return verdict("unshare(CLONE_NEWUSER)", unshare(CLONE_NEWUSER), EPERM);
	if (!strcmp(argv[1], "clone")) {
		rc = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);
		r = verdict("clone(CLONE_NEWUSER)", rc, EPERM);
		child_done(rc);
		return r;
	}
	if (!strcmp(argv[1], "clone3")) {
		struct clone_args ca;

		memset(&ca, 0, sizeof(ca));
		ca.flags = CLONE_NEWUSER;
		ca.exit_signal = SIGCHLD;
		rc = syscall(435 /* clone3 */, &ca, sizeof(ca));
		r = verdict("clone3(CLONE_NEWUSER)", rc, ENOSYS);
		child_done(rc);
		return r;
	}
	if (!strcmp(argv[1], "setns"))
		return do_setns();
	usage("unshare|clone|clone3|setns");
	return CANNOT;
}
