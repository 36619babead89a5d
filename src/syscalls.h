/* Syscall names, numbers and argument types on the native architecture.
 *
 * Names come from libseccomp, plus jail's own table for syscalls newer than
 * the installed libseccomp knows (2.5.4 stops at futex_requeue, 456).
 */
#ifndef JAIL_SYSCALLS_H
#define JAIL_SYSCALLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Native number of NAME, or -1.  Also accepts a decimal number 0..1023.
 * These functions build one table on first use (not thread-safe: call them
 * before starting threads). */
int sys_number(const char *name);
/* Name of native syscall NR, or NULL when unknown. */
const char *sys_name(int nr);
/* The highest native syscall number jail knows. */
int sys_max(void);
/* True when NAME is a syscall on another architecture libseccomp knows but
 * not on this one (so a profile written for aarch64 still loads here). */
bool sys_known_elsewhere(const char *name);
/* The closest known name to NAME (for "did you mean"), or NULL. */
const char *sys_suggest(const char *name);

/* How an argument is passed and shown. */
enum arg_type {
	A_NONE = 0,	/* the syscall has no such argument */
	A_LONG,		/* 64-bit integer, shown in decimal */
	A_HEX,		/* 64-bit value, shown in hex */
	A_PTR,		/* pointer, shown in hex */
	A_STR,		/* pointer to a string */
	A_INT,		/* int: the kernel reads the low 32 bits */
	A_UINT,		/* unsigned int: low 32 bits */
	A_FD,		/* int file descriptor */
	A_DIRFD,	/* int fd or AT_FDCWD */
	A_AF,		/* int address family (AF_*) */
	A_SOCKTYPE,	/* int socket type (SOCK_* | flags) */
	A_OFLAGS,	/* int open flags (O_*) */
	A_MODE,		/* mode_t, octal */
	A_PROT,		/* PROT_* */
	A_MAPFLAGS,	/* MAP_* */
	A_CLONEFLAGS,	/* CLONE_* (unsigned long, kernel uses low 32 bits) */
	A_IOCTL,	/* unsigned int ioctl request */
	A_FCNTL,	/* int fcntl command */
	A_SIGNAL,	/* int signal number */
	A_PRCTL,	/* int prctl option */
};

struct sys_args {
	uint8_t argc;
	uint8_t type[6];	/* enum arg_type */
};

/* Argument types of NR; NULL when jail has no entry (callers then treat
 * every argument as A_HEX with 64-bit width and show 6 of them). */
const struct sys_args *sys_args(int nr);
/* True when the kernel reads only the low 32 bits of arguments of type T. */
bool arg_type_is_32bit(enum arg_type t);
/* Formats V as an argument of type T ("AF_INET", "O_RDONLY|O_CLOEXEC",
 * "AT_FDCWD", "0x7ffc..."), into BUF.  Strings are shown as pointers here;
 * the supervisor may read them itself. */
void arg_format(enum arg_type t, uint64_t v, char *buf, size_t len);

/* Iteration over every syscall jail knows, in number order:
 * for (size_t i = 0; sys_iter(i, &name, &nr); i++) */
bool sys_iter(size_t i, const char **name, int *nr);

/* The native names by number as jail was built (src/mkbaseline), or NULL
 * where that table is not linked in. */
const char *const *syscall_names_built(int *n);

#endif
