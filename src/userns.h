/* The user namespace's id maps. */
#ifndef JAIL_USERNS_H
#define JAIL_USERNS_H

#include <stdbool.h>
#include <sys/types.h>

#include "err.h"

/* The fixed inside id an unprivileged caller is mapped to: it has no
 * passwd entry (SPEC section 4; documented in jail(1)). */
#define JAIL_UNPRIV_ID 1999999999u

/* As root, from the parent: the whole id range mapped to itself, so the
 * target can run as an unused host uid.  PROCDIR is an fd of /proc/PID of
 * the child, which cannot be another process: the child is not reaped
 * before the maps are written. */
int userns_map_identity(int procdir, struct err *e);

/* Unprivileged, from the child itself: the caller's uid and gid mapped to
 * INSIDE_UID and INSIDE_GID; setgroups(2) disabled, as the kernel
 * requires before an unprivileged gid map. */
int userns_map_self(uid_t outside_uid, gid_t outside_gid, uid_t inside_uid,
		    gid_t inside_gid, struct err *e);

#endif
