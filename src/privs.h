/* Identity and capabilities, as one step. */
#ifndef JAIL_PRIVS_H
#define JAIL_PRIVS_H

#include <stdbool.h>
#include <sys/types.h>

#include "err.h"

/* In the only order the kernel allows: securebits locked and the bounding
 * set dropped while CAP_SETPCAP is still held; then groups (when
 * SETGROUPS, i.e. the user namespace allows it), gid and uid; then every
 * remaining capability cleared; then no_new_privs. */
int privs_drop(uid_t uid, gid_t gid, bool setgroups_ok, struct err *e);

#endif
