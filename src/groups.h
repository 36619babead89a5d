/* Named groups of syscalls (@default, @basic-io, ...), in the spirit of
 * systemd's SystemCallFilter= groups: one table, used by the policy, by
 * --list groups, by the man page and by shell completion. */
#ifndef JAIL_GROUPS_H
#define JAIL_GROUPS_H

#include <stddef.h>

struct sys_group {
	const char *name;		/* with the leading '@' */
	const char *help;		/* one line */
	const char *const *members;	/* NULL-terminated: syscall names or @groups */
};

extern const struct sys_group sys_groups[];
extern const size_t sys_groups_len;

/* The group called NAME (with '@'), or NULL. */
const struct sys_group *group_find(const char *name);

#endif
