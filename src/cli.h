/* The command line and profile files, both read through the option table. */
#ifndef JAIL_CLI_H
#define JAIL_CLI_H

#include "err.h"
#include "options.h"

/* Where the value being applied came from, for messages and includes. */
struct opt_ctx {
	const char *file;	/* profile path, or NULL on the command line */
	unsigned line;
	unsigned depth;		/* include depth */
};

enum cli_result { CLI_RUN, CLI_EXIT_OK, CLI_ERROR };

/* Parses ARGV into C (applying the environment's SECCOMP_SYSCALL_ALLOW and
 * _DENY in their place in the merge order).  CLI_EXIT_OK after --help or
 * --version. */
enum cli_result cli_parse(int argc, char **argv, struct config *c,
			  struct err *e);

/* Loads profile NAME (searched) or PATH (contains '/') into C. */
int profile_load(struct config *c, const char *name, struct opt_ctx *ctx,
		 struct err *e);

/* Parses a profile held in memory (used by profile_load and the fuzzer). */
int profile_parse(struct config *c, const char *path, const char *text,
		  size_t len, struct opt_ctx *ctx, struct err *e);

/* The build tree's profiles/ when jail runs from one, else "". */
void build_tree_profiles(char *out, size_t len);

/* Prints --help to stdout. */
void cli_help(void);

#endif
