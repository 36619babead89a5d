/* What the target is given: its root's plan and its environment. */
#ifndef JAIL_TARGET_H
#define JAIL_TARGET_H

#include "err.h"
#include "notify.h"
#include "options.h"
#include "root.h"
#include "strv.h"

/* Plans the root for EXE (with N's socket bound in, when there is one)
 * and builds the environment the target gets in ENV. */
int target_prepare(const struct config *c, const char *exe,
		   const struct notify_relay *n, struct root_plan *plan,
		   struct strv *env, struct err *e);

/* The environment alone, for PLAN (its LD_LIBRARY_PATH) and N. */
int target_env(const struct config *c, const struct root_plan *plan,
	       const struct notify_relay *n, struct strv *env, struct err *e);

#endif
