/* The net layer: a new network namespace, loopback up, made by a helper
 * thread of the child while the child builds the root. */
#ifndef JAIL_NET_H
#define JAIL_NET_H

#include <stdbool.h>
#include <sys/types.h>

#include "err.h"

struct net_helper {
	bool started;		/* the thread runs; else net_join does the work */
	pid_t tid;		/* the thread's; the kernel zeroes it at its exit */
	int procfd;		/* the host's /proc, for the thread */
	int fd;			/* the new namespace, opened by the thread */
	int err;		/* errno of the step that failed */
	int step;
	char stack[16384] __attribute__((aligned(16)));
};

/* Starts making the namespace.  H must live until net_join. */
void net_start(struct net_helper *h);

/* Waits for it and moves the calling thread into it (or makes it, when
 * no thread could be started). */
int net_join(struct net_helper *h, struct err *e);

#endif
