/* The baseline: syscalls no wrapped program needs, denied whatever the
 * user's policy says (SPEC.md section 5; every entry is explained in
 * doc/SECURITY.md). */
#ifndef JAIL_BASELINE_H
#define JAIL_BASELINE_H

#include <stddef.h>

enum bl_cond {
	BL_ALWAYS,	/* the syscall, whatever its arguments */
	BL_NS_FLAGS,	/* arg0 holds any CLONE_NEW* flag (clone, unshare) */
	BL_TTY_INJECT,	/* ioctl whose cmd, on its low 32 bits, is TIOCSTI or TIOCLINUX */
	BL_SHARED_PID,	/* only when the host's pid namespace is shared (ptrace & co.) */
	BL_VSOCK,	/* socket whose family, on its low 32 bits, is AF_VSOCK */
	BL_MEMFD_EXEC,	/* memfd_create asking for an executable memfd (MFD_EXEC) */
	BL_FD_EXEC,	/* execveat of a descriptor (AT_EMPTY_PATH): fexecve */
};

struct baseline_rule {
	const char *name;	/* native syscall name */
	int errnum;		/* EPERM, or ENOSYS (clone3: libc falls back to clone) */
	enum bl_cond cond;
	const char *why;	/* one line, shown by --export text */
};

extern const struct baseline_rule baseline_rules[];
extern const size_t baseline_rules_len;

#endif
