/*
 * ptrace — class 9 (and 17's pidfd_getfd): reach another process's memory,
 * descriptors or life.
 *
 *   ptrace init        jail's init, pid 1 of the jail's pid namespace: it
 *                      is not dumpable, so the kernel refuses every access
 *                      check, though the target has the same uid (when
 *                      the caller is in no jail's pid namespace: CANNOT)
 *   ptrace host PID    a host process (the test's own): not in the jail's
 *                      pid namespace, so not even visible
 *   ptrace kill PID    SIGKILL to a host process; run.sh checks it lives
 *
 * Accesses use harmless arguments: process_vm_readv/writev at address
 * 0x1000 (EFAULT means the access check passed — the attack worked, and
 * nothing was written), PTRACE_SEIZE (does not stop the tracee; it is
 * detached when we exit), pidfd_getfd (a dup, closed at once).
 */
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "attack.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif

/* An access succeeded if the call did, or failed only on the address. */
static int access_verdict(const char *what, long rc)
{
	if (rc < 0 && errno == EFAULT) {
		say("%s: EFAULT, so the access check passed: ESCAPED", what);
		return ESCAPED;
	}
	if (rc >= 0) {
		say("%s: succeeded: ESCAPED", what);
		return ESCAPED;
	}
	say("%s: %s: stopped", what, strerror(errno));
	return STOPPED;
}

static int reach(pid_t pid)
{
	char b = 0, what[96];
	struct iovec local = { &b, 1 }, remote = { (void *)0x1000, 1 };
	int r, pidfd;
	long rc;

	snprintf(what, sizeof(what), "process_vm_readv(%d)", (int)pid);
	r = access_verdict(what, process_vm_readv(pid, &local, 1, &remote, 1, 0));
	snprintf(what, sizeof(what), "process_vm_writev(%d)", (int)pid);
	r = worst(r, access_verdict(what, process_vm_writev(pid, &local, 1, &remote, 1, 0)));
	snprintf(what, sizeof(what), "ptrace(PTRACE_SEIZE, %d)", (int)pid);
	r = worst(r, access_verdict(what, ptrace(PTRACE_SEIZE, pid, 0, 0)));
	pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0) {
		say("pidfd_open(%d): %s", (int)pid, strerror(errno));
		return r;
	}
	for (int fd = 0; fd < 64; fd++) {
		rc = syscall(SYS_pidfd_getfd, pidfd, fd, 0);
		if (rc >= 0) {
			say("pidfd_getfd(%d, %d): got a copy: ESCAPED", (int)pid, fd);
			close((int)rc);
			r = ESCAPED;
		} else if (errno != EBADF) {
			say("pidfd_getfd(%d, %d): %s: stopped", (int)pid, fd, strerror(errno));
			break;
		}
	}
	close(pidfd);
	return r;
}

int main(int argc, char **argv)
{
	pid_t pid;

	attack_name = "ptrace";
	if (argc == 2 && !strcmp(argv[1], "init")) {
		/* Only inside a jail's pid namespace (where the target is pid
		 * 2) is pid 1 jail's init; elsewhere it is the host's init,
		 * which a test has no business touching. */
		if (!in_jail_pidns()) {
			say("pid %d: not in a jail's pid namespace; pid 1 is left alone",
			    (int)getpid());
			return CANNOT;
		}
		return reach(1);
	}
	if (argc != 3)
		usage("init | host PID | kill PID");
	pid = (pid_t)atoi(argv[2]);
	if (pid <= 1)
		usage("init | host PID | kill PID");
	if (!strcmp(argv[1], "host"))
		return reach(pid);
	if (!strcmp(argv[1], "kill")) {
		if (kill(pid, SIGKILL) == 0) {
			say("kill(%d, SIGKILL): sent: ESCAPED", (int)pid);
			return ESCAPED;
		}
		say("kill(%d, SIGKILL): %s: stopped", (int)pid, strerror(errno));
		return STOPPED;
	}
	usage("init | host PID | kill PID");
	return CANNOT;
}
