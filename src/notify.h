/* systemd's $NOTIFY_SOCKET, relayed: the target's READY=1, STATUS=...
 * reach systemd from jail's own pid, the unit's main pid, so that
 * Type=notify works with the default NotifyAccess=main. */
#ifndef JAIL_NOTIFY_H
#define JAIL_NOTIFY_H

#include "err.h"

struct notify_relay {
	int fd;			/* jail's socket, -1 when there is none */
	char *dir;		/* host directory holding it */
	char *path;		/* its host path */
	char *inside;		/* where the target finds it */
	char *upstream;		/* the caller's $NOTIFY_SOCKET */
};

/* With $NOTIFY_SOCKET set: a datagram socket the target can reach once
 * bound into its root at N->inside.  Does nothing without the variable. */
int notify_setup(struct notify_relay *n, struct err *e);
/* Passes one datagram on (its descriptors too), dropping MAINPID=. */
void notify_pump(struct notify_relay *n);
void notify_free(struct notify_relay *n);

#endif
