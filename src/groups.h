/* Named groups of syscalls (@default, @basic-io, ...), in the spirit of
 * systemd's SystemCallFilter= groups: one table, used by the policy, by
 * --list groups, by the man page and by shell completion. */
#ifndef JAIL_GROUPS_H
#define JAIL_GROUPS_H

#include <stddef.h>

struct sys_group {
	const char *name;		/* with the leading '@' */
	const char *help;		/* one line */
	/* NULL-terminated: syscall names or @groups.  A name may be one that
	 * exists only on another architecture (mmap2, fcntl64): skip names
	 * sys_number() does not resolve.  NULL for @known, which stands for
	 * every syscall sys_iter() yields. */
	const char *const *members;
};

extern const struct sys_group sys_groups[];
extern const size_t sys_groups_len;

/* The group called NAME (with '@'), or NULL. */
const struct sys_group *group_find(const char *name);

#endif
