/* The configuration of one jail, and the one table of options that fills
 * it.  The same table drives the command line, profile directives (an
 * option without its dashes), --help and the checks of the man page. */
#ifndef JAIL_OPTIONS_H
#define JAIL_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/resource.h>
#include <sys/types.h>

#include "err.h"
#include "policy.h"
#include "strv.h"

enum share_ns {
	SHARE_NET = 1 << 0,
	SHARE_PID = 1 << 1,
	SHARE_IPC = 1 << 2,
	SHARE_UTS = 1 << 3,
};

enum mount_kind { MNT_BIND, MNT_RO_BIND, MNT_TMPFS };

struct mount_req {
	enum mount_kind kind;
	char *src;	/* host path (NULL for tmpfs) */
	char *dst;	/* path inside the jail, absolute, normalised */
};

struct rlimit_req {
	int resource;
	struct rlimit lim;
};

enum stage { STAGE_EXEC, STAGE_MAIN };
enum verbosity { QUIET = -1, NORMAL = 0, VERBOSE = 1 };

#define ID_AUTO ((long)-1)

struct config {
	unsigned share;			/* enum share_ns bits */
	struct mount_req *mounts;
	size_t nmounts;
	bool system, proc;
	char *cwd;
	long uid, gid;			/* ID_AUTO or a number */
	struct rlimit_req rlimits[16];
	size_t nrlimits;		/* RLIMIT_FSIZE is among them when set */
	long timeout_ms;		/* 0: none */
	bool mdwe, no_notify, pass_listen_fds;
	int status_fd;			/* -1: none */
	struct strv setenv;		/* K=V */
	struct strv unsetenv;
	bool clearenv;
	enum stage stage;
	char *learn;			/* command line only */
	bool learn_merge;
	char *export_format;
	bool check;
	char *list;
	enum verbosity verbosity;
	struct policy policy;
	struct strv profiles_loaded;	/* paths, for -v and include cycles */
	char **argv;			/* COMMAND [ARG]..., NULL-terminated */
};

void config_init(struct config *c);
void config_free(struct config *c);

/* Where an option may appear. */
enum opt_where {
	OPT_CLI = 1 << 0,
	OPT_PROFILE = 1 << 1,
	OPT_BOTH = OPT_CLI | OPT_PROFILE,
};

struct opt_ctx;	/* what an option may need besides the config: see cli.h */

struct option_def {
	const char *name;	/* long name, also the profile directive */
	char short_name;	/* 0 when none */
	const char *argname;	/* NULL: takes no argument */
	unsigned where;		/* enum opt_where */
	const char *section;	/* --help grouping */
	const char *help;	/* one line */
	/* Applies VALUE to C.  On error fills E and may set *COL to the
	 * offending column in VALUE. */
	int (*apply)(struct config *c, const char *value, struct opt_ctx *ctx,
		     size_t *col, struct err *e);
};

extern const struct option_def option_table[];
extern const size_t option_table_len;

const struct option_def *option_find(const char *name);
const struct option_def *option_find_short(char c);

/* Parsers shared with tests. */
int parse_size(const char *s, rlim_t *out);		/* 0, 64k, 10M, 1G, unlimited */
int parse_long(const char *s, long min, long max, long *out);
int parse_seconds(const char *s, long *ms);		/* 1, 0.5, 2.25 */
int parse_rlimit_name(const char *name);		/* RLIMIT_* or -1 */
const char *rlimit_name(int resource);			/* "nofile", ... */

#endif
