/* Relaying the target's stdout/stderr to a regular file.
 *
 * With RLIMIT_FSIZE 0 the target cannot write to a file itself; when its
 * stdout or stderr is a regular file, it gets a pipe instead and jail
 * copies the pipe into the file. */
#ifndef JAIL_RELAY_H
#define JAIL_RELAY_H

#include <stdbool.h>

#include "err.h"

struct relay {
	int from;	/* read end of the pipe, in jail; -1 when closed */
	int to;		/* the caller's file */
	bool rw;	/* splice refused (O_APPEND): read/write instead */
};

struct relays {
	struct relay r[2];
	int n;
	int child_fd[3];	/* what the target gets as 0, 1, 2 (-1: inherit) */
};

/* Sets up relays for fds 1 and 2 where they are regular files; one pipe
 * when both are the same open file, so their order is kept. */
int relays_setup(struct relays *rs, struct err *e);
/* Moves what is available from R; returns 1 while open, 0 at EOF, -1 on
 * error. */
int relay_pump(struct relay *r, struct err *e);
/* Closes the pipe ends the target received (after the clone). */
void relays_close_child_ends(struct relays *rs);

#endif
