/*
 * attack.h — shared by the escape-attempt programs in tests/attacks/.
 *
 * Each program tries one class of escape from inside a jail and reports
 * through its exit status:
 *
 *   0  STOPPED      the attack failed, and failed the way jail makes it fail
 *                   (the baseline's EPERM/ENOSYS, the empty root's ENOENT,
 *                   the read-only root's EROFS, ...)
 *   1  ESCAPED      the attack worked
 *   2  CANNOT       the test could not be run (say why on stderr)
 *   3  KERNEL_ONLY  the attack failed, but with the kernel's own answer,
 *                   not jail's: jail's layer was not what stopped it
 *
 * A verdict that the filter kills ends the process with SIGSYS, which jail
 * reports as status 159; run.sh asserts that status where it applies.
 *
 * The same binaries run unconfined, as root, when the suite is checked
 * against tests/stub-jail (a "jail" that only execs).  So every attack is
 * harmless on a real host: paths that must not exist do not, flag words
 * that could act are invalid, mount changes happen only inside a private
 * mount namespace (escalate() makes one where it can), and no signal other
 * than 0 goes to a process the test did not start.
 */
#ifndef JAIL_ATTACK_H
#define JAIL_ATTACK_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

enum { STOPPED = 0, ESCAPED = 1, CANNOT = 2, KERNEL_ONLY = 3 };

/* The first line of the secret file run.sh puts on the host. */
#define SECRET_MARK "JAIL-ATTACK-SECRET"

static const char *attack_name = "attack";

__attribute__((format(printf, 1, 2)))
static inline void say(const char *fmt, ...)
{
	va_list ap;
	char buf[512];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	/* write(2), not stdio: a process the filter kills loses no line. */
	if (write(2, attack_name, strlen(attack_name)) < 0 ||
	    write(2, ": ", 2) < 0 || write(2, buf, (size_t)n) < 0)
		return;
}

/* The strongest position an attacker can take before trying: a new user
 * namespace (full capabilities over new namespaces) with a private mount
 * namespace.  The baseline denies this inside a jail; against the stub it
 * works, which is both what an attacker would do and what keeps the
 * mount attacks away from the host's mount table. */
/* Whether we are the target of a jail with its own pid namespace: our
 * parent is that namespace's pid 1 (jail's init) and our pid is one of
 * its first few.  Only then is pid 1 fair game; outside a jail it is the
 * host's init, which a test leaves alone. */
static inline bool in_jail_pidns(void)
{
	return getppid() == 1 && getpid() < 16;
}

static inline int escalate(void)
{
	int flags = CLONE_NEWUSER | CLONE_NEWNS;

	if (unshare(flags) < 0) {
		say("escalate: unshare(CLONE_NEWUSER|CLONE_NEWNS): %s", strerror(errno));
		/* as root a private mount namespace alone keeps the host safe */
		if (unshare(CLONE_NEWNS) < 0)
			return -1;
	}
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
		say("escalate: cannot make / private: %s; giving up", strerror(errno));
		_exit(CANNOT);
	}
	say("escalate: in a new mount namespace");
	return 0;
}

/* verdict WHAT RC WANT — RC is a syscall's return value: success is an
 * escape; errno WANT (jail's answer) is STOPPED; anything else is the
 * kernel's own refusal. */
static inline int verdict(const char *what, long rc, int want)
{
	int saved = errno;

	if (rc >= 0) {
		say("%s: succeeded (returned %ld): ESCAPED", what, rc);
		return ESCAPED;
	}
	if (saved == want) {
		say("%s: %s: stopped", what, strerror(saved));
		return STOPPED;
	}
	say("%s: %s, not jail's %s: refused by the kernel, not by jail", what,
	    strerror(saved), strerror(want));
	return KERNEL_ONLY;
}

/* worst A B — the verdict of two attempts together. */
static inline int worst(int a, int b)
{
	static const int rank[] = { [STOPPED] = 0, [CANNOT] = 1, [KERNEL_ONLY] = 2, [ESCAPED] = 3 };

	return rank[b] > rank[a] ? b : a;
}

/* has_secret FD — reads FD and says whether it holds the host's secret. */
static inline int has_secret(int fd)
{
	char buf[256];
	ssize_t n = read(fd, buf, sizeof(buf) - 1);

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return strstr(buf, SECRET_MARK) != NULL;
}

static inline void usage(const char *text)
{
	say("usage: %s %s", attack_name, text);
	exit(CANNOT);
}

#endif
