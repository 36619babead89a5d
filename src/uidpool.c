#include "uidpool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Locks /run/jail/uid-ID: the fd, -1 when another jail holds it, -2 on
 * error (E filled).  The files stay: creating and unlinking one on every
 * start costs more than the lock (/run is not always a tmpfs).  A lock
 * counts only if the name still leads to the file locked (someone may
 * have removed the directory's files meanwhile). */
static int try_lock(int dirfd, uid_t id, struct err *e)
{
	char name[32];

	snprintf(name, sizeof(name), "uid-%u", (unsigned)id);
	for (unsigned tries = 0; tries < 16; tries++) {
		struct stat named, locked;
		int fd = openat(dirfd, name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

		if (fd < 0) {
			err_sys(e, "identity layer: %s/%s", JAIL_RUNDIR, name);
			return -2;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
			close(fd);
			return -1;
		}
		if (fstatat(dirfd, name, &named, AT_SYMLINK_NOFOLLOW) == 0 &&
		    fstat(fd, &locked) == 0 && named.st_ino == locked.st_ino &&
		    named.st_dev == locked.st_dev)
			return fd;
		close(fd);
	}
	return -1;
}

/* Whether ID appears as the third field of a line of PATH (/etc/passwd
 * or /etc/group).  Read directly: NSS would load modules (systemd's
 * userdb, ...) into jail on every start, which costs more than all of
 * jail's other work; the ids jail picks are far from where any directory
 * service allocates. */
/* Whether the third field of the line [P, END) is ID. */
static bool line_has_id(const char *p, const char *end, uid_t id)
{
	unsigned long v = 0;
	int fields = 0;

	for (; p < end && fields < 2; p++)
		fields += *p == ':';
	if (fields < 2 || p >= end || *p < '0' || *p > '9')
		return false;
	for (; p < end && *p >= '0' && *p <= '9' && v <= 0xffffffffUL; p++)
		v = v * 10 + (unsigned long)(*p - '0');
	return v == id && (p == end || *p == ':');
}

static bool id_listed(const char *path, uid_t id)
{
	/* One read into the stack: stdio would allocate, and this runs while
	 * the child starts on the same CPU.  A longer file is read on. */
	char buf[16384];
	size_t keep = 0;
	ssize_t n;
	bool found = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	while (!found && (n = read(fd, buf + keep, sizeof(buf) - keep)) > 0) {
		char *p = buf, *end = buf + keep + n, *nl;

		while (!found && (nl = memchr(p, '\n', (size_t)(end - p)))) {
			found = line_has_id(p, nl, id);
			p = nl + 1;
		}
		/* A line longer than the buffer is no passwd line: skipped. */
		keep = (size_t)(end - p) < sizeof(buf) / 2 ? (size_t)(end - p) : 0;
		memmove(buf, end - keep, keep);
	}
	if (!found && keep)
		found = line_has_id(buf, buf + keep, id);
	close(fd);
	return found;
}

int uidpool_reserve(uid_t *id, int *lockfd, struct err *e)
{
	struct timespec ts;
	unsigned start;
	int dirfd;

	if (mkdir(JAIL_RUNDIR, 0700) < 0 && errno != EEXIST)
		return err_sys(e, "identity layer: creating %s", JAIL_RUNDIR);
	dirfd = open(JAIL_RUNDIR, O_PATH | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
	if (dirfd < 0)
		return err_sys(e, "identity layer: %s", JAIL_RUNDIR);
	/* Start somewhere different for each jail, so that many started at
	 * once rarely try the same lock, but within the first JAIL_UID_WINDOW
	 * ids: the lock files stay, and so stay few. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	start = ((unsigned)getpid() * 2654435761u ^ (unsigned)ts.tv_nsec) % JAIL_UID_WINDOW;
	for (unsigned k = 0; k < JAIL_UID_COUNT; k++) {
		uid_t cand = JAIL_UID_BASE + (start + k) % JAIL_UID_COUNT;
		int fd = try_lock(dirfd, cand, e);

		if (fd == -2) {
			close(dirfd);
			return -1;
		}
		if (fd < 0)
			continue;
		if (id_listed("/etc/passwd", cand) || id_listed("/etc/group", cand)) {
			close(fd);
			continue;
		}
		close(dirfd);
		*id = cand;
		*lockfd = fd;
		return 0;
	}
	close(dirfd);
	return err_set(e, "identity layer: all %u uids from %u are in use", JAIL_UID_COUNT, JAIL_UID_BASE);
}

void uidpool_release(int *lockfd)
{
	if (*lockfd < 0)
		return;
	close(*lockfd);
	*lockfd = -1;
}
