#include "userns.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int write_at(int dirfd, const char *file, const char *data, struct err *e)
{
	int fd = openat(dirfd, file, O_WRONLY | O_CLOEXEC);
	ssize_t len = (ssize_t)strlen(data), n;

	if (fd < 0)
		return err_sys(e, "user namespace: opening %s", file);
	n = write(fd, data, (size_t)len);
	if (n != len) {
		err_sys(e, "user namespace: writing %s", file);
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int userns_map_identity(int procdir, struct err *e)
{
	static const char all[] = "0 0 4294967295\n";

	if (write_at(procdir, "uid_map", all, e) < 0 ||
	    write_at(procdir, "gid_map", all, e) < 0)
		return -1;
	return 0;
}

int userns_map_self(uid_t outside_uid, gid_t outside_gid, uid_t inside_uid,
		    gid_t inside_gid, struct err *e)
{
	char map[64];

	/* AT_FDCWD with /proc/self: the host's procfs is still mounted. */
	if (write_at(AT_FDCWD, "/proc/self/setgroups", "deny", e) < 0)
		return -1;
	snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)inside_uid, (unsigned)outside_uid);
	if (write_at(AT_FDCWD, "/proc/self/uid_map", map, e) < 0)
		return -1;
	snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)inside_gid, (unsigned)outside_gid);
	return write_at(AT_FDCWD, "/proc/self/gid_map", map, e);
}
