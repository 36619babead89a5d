#include "uidpool.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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
		char name[32];
		int fd;

		snprintf(name, sizeof(name), "uid-%u", (unsigned)cand);
		fd = openat(dirfd, name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0) {
			err_sys(e, "identity layer: %s/%s", JAIL_RUNDIR, name);
			close(dirfd);
			return -1;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
			close(fd);
			continue;
		}
		if (getpwuid(cand) || getgrgid(cand)) {
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
