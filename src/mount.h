/* Carrying out the root plan in the child: a tmpfs, the planned entries,
 * read-only, then pivot_root into it with the old root detached. */
#ifndef JAIL_MOUNT_H
#define JAIL_MOUNT_H

#include <sys/types.h>

#include "err.h"
#include "root.h"

struct mount_state {
	int *srcfd;		/* per plan entry: O_PATH fd of the bind source, or -1 */
	mode_t *srcmode;	/* and its type */
	int rootfd;		/* the new root, while it is built */
	/* The directory the last entry went into (entries come in path
	 * order, so the next one often goes there too): fd, or -1. */
	int lastfd;
	char lastdir[4096];
	uid_t uid;		/* owner of --tmpfs mounts inside the jail */
	gid_t gid;
};

/* Before the id maps exist: stops mount propagation to the host, opens
 * every bind source (checking it is still the file that was planned) and
 * mounts the new root's tmpfs. */
int mount_prepare(const struct root_plan *plan, struct mount_state *st,
		  struct err *e);

/* After the id maps exist (creating files needs a mapped owner): fills
 * the root, makes it read-only and pivots into it.  The host's root is
 * still stacked under it until mount_detach_host. */
int mount_enter(const struct root_plan *plan, struct mount_state *st,
		struct err *e);

/* Detaches the host's root: only the new root is left. */
int mount_detach_host(struct mount_state *st, struct err *e);

#endif
