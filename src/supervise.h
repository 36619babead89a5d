/* The parent: starts the jail, stays its supervisor, and turns what
 * happened into one exit status. */
#ifndef JAIL_SUPERVISE_H
#define JAIL_SUPERVISE_H

#include "options.h"

/* Runs C->argv in a jail; returns jail's exit status (SPEC section 2). */
int supervise_run(const struct config *c);

/* Whether this process may create a seccomp listener (it cannot when an
 * ancestor's filter already has one). */
bool listener_possible(void);

#endif
