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
 * error (E filled).  A holder unlinks its file on the way out, still
 * locked; so a lock counts only if the name still leads to the file we
 * locked, else someone raced us and we try the name again. */
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
static bool id_listed(const char *path, uid_t id)
{
	char line[4096];
	bool found = false;
	FILE *f = fopen(path, "re");

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		char *p = strchr(line, ':');

		if (p)
			p = strchr(p + 1, ':');
		found = p && strtoul(p + 1, NULL, 10) == id && p[1] >= '0' && p[1] <= '9';
	}
	fclose(f);
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
	 * once rarely try the same lock. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	start = (unsigned)getpid() * 2654435761u ^ (unsigned)ts.tv_nsec;
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

void uidpool_release(int *lockfd, uid_t id)
{
	char path[64];

	if (*lockfd < 0)
		return;
	/* Unlinked while still locked, so the directory does not fill up;
	 * try_lock copes with the race this opens.  While the lock is held
	 * the name leads to our file: only its holder unlinks a lock file. */
	snprintf(path, sizeof(path), JAIL_RUNDIR "/uid-%u", (unsigned)id);
	unlink(path);
	close(*lockfd);
	*lockfd = -1;
}
