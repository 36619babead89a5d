/* Small helpers without side effects on the system. */
#ifndef JAIL_UTIL_H
#define JAIL_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Normalises an absolute path lexically: collapses '//' and '.', keeps
 * no trailing '/'.  Returns NULL (errno EINVAL) for relative paths or any
 * '..' component: jail never lets a path climb. */
char *path_normalize(const char *path);
/* True when PATH equals DIR or lies below it (both normalised). */
bool path_under(const char *path, const char *dir);
struct msghdr;
/* Attaches NFDS descriptors from FDS to MH as SCM_RIGHTS, in BUF (room
 * for CMSG_SPACE of them, aligned for a cmsghdr).  Memory only: the
 * hand-off thread, which has no TLS of its own, calls it too. */
void cmsg_put_fds(struct msghdr *mh, void *buf, const int *fds, int nfds);
/* The program name jail prints in messages ("jail"). */
#define PROG "jail"

#endif
