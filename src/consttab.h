/* Internal to the tables (constants.c, consttab.c, syscalls.c): the
 * symbolic constants grouped into families, one table per family, so that
 * const_lookup() (a rule's "AF_INET") and arg_format() (a report's
 * "socket(AF_INET, ...)") read the same data and cannot drift apart.
 */
#ifndef JAIL_CONSTTAB_H
#define JAIL_CONSTTAB_H

#include <stddef.h>
#include <stdint.h>

struct const_ent {
	const char *name;
	uint64_t value;		/* negative constants sign-extended to 64 bits */
};

/* A family is either a set of exclusive values (AF_INET, F_SETFD, SIGTERM)
 * or a set of flag bits (O_CLOEXEC, CLONE_NEWUSER).  In a flag family an
 * entry may cover several bits (O_SYNC, O_TMPFILE): such entries come before
 * the single bits they contain, and aliases after the canonical name, so
 * that formatting picks the most specific, canonical name. */
enum const_fam {
	FAM_OACC,	/* O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE */
	FAM_OFLAGS,	/* O_CREAT, O_CLOEXEC, ... */
	FAM_AF,
	FAM_SOCKTYPE,	/* SOCK_STREAM, ... (low 4 bits of socket's type) */
	FAM_SOCKFLAGS,	/* SOCK_NONBLOCK, SOCK_CLOEXEC */
	FAM_PROT,
	FAM_MAPTYPE,	/* MAP_SHARED, MAP_PRIVATE, MAP_SHARED_VALIDATE, MAP_TYPE */
	FAM_MAPFLAGS,
	FAM_CLONE,
	FAM_FCNTL,
	FAM_FCNTLARG,	/* FD_CLOEXEC, F_SEAL_*, F_RDLCK...: lookup only */
	FAM_IOCTL,
	FAM_AT,		/* AT_FDCWD and the AT_* flags */
	FAM_PRCTL,
	FAM_SIGNAL,
	FAM_MODE,	/* S_IS* and S_IF* bits of a mode_t */
	FAM_MFD,	/* memfd_create flags */
	FAM_SEEK,
	FAM_PERSONALITY,
	FAM_IPPROTO,
	FAM_ERRNO,
	FAM_COUNT
};

struct const_family {
	const char *what;		/* for messages: "address family" */
	const struct const_ent *ents;
	size_t len;
	int flags;			/* nonzero: a set of flag bits */
};

/* Family F; tables are in consttab.c. */
const struct const_family *const_family(enum const_fam f);

/* The first name in family F whose value is V, or NULL. */
const char *const_name(enum const_fam f, uint64_t v);

/* Appends to BUF (of LEN bytes, NUL-terminated, at offset *POS) the names of
 * the bits of V in flag family F, joined with '|', with any bits no name
 * covers appended in hex.  Returns the bits it named; writes nothing for 0. */
uint64_t const_flags_append(enum const_fam f, uint64_t v, char *buf,
			    size_t len, size_t *pos);

/* Appends printf-formatted text at *POS, truncating silently. */
void buf_append(char *buf, size_t len, size_t *pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Edit distance between A and B (Levenshtein, with a swap of adjacent
 * letters counting as one edit), capped: any distance above CAP comes back
 * as CAP + 1 (the "did you mean" helpers only care about small distances,
 * and names longer than 64 bytes are simply "far"). */
unsigned edit_distance(const char *a, const char *b, unsigned cap);

/* Name of entry I of the argument-type table (sysargs.c), or NULL past the
 * end: lets the unit test check every entry names a real syscall. */
const char *sys_args_entry_name(size_t i);

#endif
