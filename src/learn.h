/* jail --learn: record every syscall a run makes, then write the
 * smallest profile that lets the same run through (jail.profile(5)). */
#ifndef JAIL_LEARN_H
#define JAIL_LEARN_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "options.h"

struct learn;

struct learn *learn_new(void);
void learn_free(struct learn *l);
/* One syscall seen; BEFORE_MAIN when the target had not reached main. */
void learn_record(struct learn *l, int nr, const uint64_t args[6], bool before_main);
/* With --learn-merge: what an earlier profile at PATH allowed counts as
 * seen.  A missing file is not an error. */
int learn_merge(struct learn *l, const char *path, struct err *e);
/* Writes the profile for C's run (options, allows, hints) to C->learn,
 * atomically.  SPLIT: the run told start-up from main. */
int learn_write(const struct learn *l, const struct config *c, bool split,
		int exit_status, struct err *e);

#endif
