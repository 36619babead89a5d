/* Resource limits. */
#ifndef JAIL_RLIMITS_H
#define JAIL_RLIMITS_H

#include "err.h"
#include "options.h"

/* RLIMIT_FSIZE and RLIMIT_CORE 0 (soft and hard) unless the
 * configuration says otherwise, then every --rlimit. */
int limits_apply(const struct config *c, struct err *e);

#endif
