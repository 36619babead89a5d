/* The plan of the jail's root: what the empty tmpfs will hold.  Built in
 * the parent (it reads host files and ELF headers), carried out in the
 * child by mount.c. */
#ifndef JAIL_ROOT_H
#define JAIL_ROOT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "err.h"
#include "options.h"
#include "strv.h"

enum entry_kind {
	E_DIR,		/* an empty directory */
	E_SYMLINK,	/* a symlink, as on the host */
	E_BIND_RO,	/* a read-only bind of a file or directory */
	E_BIND_RW,	/* a writable bind (noexec) */
	E_TMPFS,	/* a private tmpfs (noexec) */
	E_PROC,		/* procfs of the jail's pid namespace */
};

struct root_entry {
	enum entry_kind kind;
	char *path;		/* inside the jail, absolute, no symlinks on the way */
	char *src;		/* host path (binds) or link target (symlinks) */
	bool verify;		/* the file must still be DEV/INO when bound */
	dev_t dev;
	ino_t ino;
};

struct root_plan {
	struct root_entry *v;
	size_t n, cap;
	char *exe;		/* the target as it will be executed */
	char *ld_library_path;	/* for the loader in the jail, or NULL */
	char *interp;		/* PT_INTERP of the target, NULL when static or a script */
	bool is_static;
	char *cwd;
};

/* Finds COMMAND on the host (PATH when it has no '/').  Returns 0, or the
 * exit status (126, 127) with E filled. */
int root_find_command(const char *command, char **path, struct err *e);

/* Plans the root for running EXE under C. */
int root_plan_build(const struct config *c, const char *exe,
		    struct root_plan *plan, struct err *e);
/* Adds another program (the preload library) and what it needs. */
int root_plan_add_program(const struct config *c, struct root_plan *plan,
			  const char *path, struct err *e);
/* Adds a read-only bind of host SRC at DST (jail's own: the notify relay). */
int root_plan_add_bind(struct root_plan *plan, const char *src, const char *dst,
		       struct err *e);
void root_plan_free(struct root_plan *plan);

#endif
