/* The child's side: the layers applied between clone and execve, in the
 * order of SPEC.md section 2, and the messages it sends the parent. */
#ifndef JAIL_LAYERS_H
#define JAIL_LAYERS_H

#include <stdbool.h>
#include <sys/types.h>

#include "options.h"
#include "policy.h"
#include "notify.h"
#include "relay.h"
#include "root.h"

enum msg_type {
	MSG_ERROR = 1,	/* a layer failed: code is the exit status, text says why */
	MSG_HELLO,	/* the target is about to exec; carries the read end of its
			 * exec pipe, and the listener fd when there is one */
	MSG_STATUS,	/* from the jail's init: the target's wait status */
	MSG_GO,		/* parent to child: the id maps are written */
	MSG_FILTERS,	/* parent to child: the compiled filters (see below) */
	MSG_IDS,	/* parent to child, as root: the ids from the pool (struct ids_msg) */
};

/* MSG_FILTERS: this header, then the baseline's instructions, then the
 * policy's.  The parent compiles them after the clone, while the child
 * builds the namespaces and the root: libseccomp's compile is the
 * largest cost of a start, and this way it is hidden. */
struct filters_msg {
	int type;
	int user_notifies;
	unsigned nbase;
	unsigned nuser;
};

/* Parent: sends F to the child. */
int filters_send(int sock, const struct compiled *f);

/* MSG_IDS: as root the uid and gid are picked after the clone, while the
 * child starts; the root's tmpfs mounts and the uid change need them. */
struct ids_msg {
	int type;
	uid_t uid;
	gid_t gid;
};

struct msg {
	int type;
	int code;		/* MSG_HELLO: the number of entries in the root */
	char text[1024];
};


/* Everything the child needs; filled by the parent before clone. */
struct child_args {
	const struct config *cfg;
	const char *exe;		/* the command, as found on the host */
	const struct notify_relay *notify;
	/* The plan and the environment: NULL unless the parent made them
	 * (the stages need them); the child makes its own (target.c). */
	const struct root_plan *plan;
	char **envp;
	struct compiled *filters;	/* filled from MSG_FILTERS in the child */
	int sock;		/* child's end of the socketpair to the parent */
	int ctl;		/* child's end of the one from the parent (MSG_GO,
				 * MSG_FILTERS): a second pair, because sending
				 * to a peer that exited purges the sender's own
				 * receive queue, and with it the child's last
				 * message (its error) */
	int errpipe;		/* the target's own: written if execve fails */
	int lifeline;		/* read end: EOF once the parent is gone */
	const struct relays *relays;
	bool privileged;	/* jail runs as root: the parent writes the maps */
	uid_t outside_uid;
	gid_t outside_gid;
	uid_t uid;		/* the target's ids inside the user namespace (as
				 * root: from MSG_IDS) */
	gid_t gid;
	bool new_pidns;
	int marker;		/* --stage main: kept open for the preload, or -1 */
};

/* Runs in the child after clone; never returns. */
_Noreturn void child_main(struct child_args *a);

/* Sends M on SOCK with the NFDS descriptors in FDS (none: 0). */
int msg_send(int sock, const struct msg *m, const int *fds, int nfds);

#endif
