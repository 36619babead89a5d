/* Unused uids for jails started as root, reserved for their lifetime. */
#ifndef JAIL_UIDPOOL_H
#define JAIL_UIDPOOL_H

#include <sys/types.h>

#include "err.h"

#define JAIL_UID_BASE 2000000000u
#define JAIL_UID_COUNT 65536u
#define JAIL_UID_WINDOW 1024u	/* where the search starts */
#define JAIL_RUNDIR "/run/jail"

/* Picks an id in [JAIL_UID_BASE, +COUNT) with no passwd or group entry
 * and holds a lock on /run/jail/uid-N; the lock lives as long as *LOCKFD
 * (close-on-exec; the child closes it).  No scan of running processes. */
int uidpool_reserve(uid_t *id, int *lockfd, struct err *e);

/* Gives the id back (the lock file stays, for the next jail). */
void uidpool_release(int *lockfd);

#endif
