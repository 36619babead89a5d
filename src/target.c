/* What the target is given: its root's plan and its environment.
 *
 * Worked out by the child, after the clone, while its thread makes the
 * network namespace: the parent's start-up path is then only parsing,
 * finding the command and the clone.  (With --stage main or --learn the
 * parent needs the plan itself and works it out before the clone.) */
#define _GNU_SOURCE 1
#include "target.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static bool stripped(const char *kv)
{
	return strncmp(kv, "LD_", 3) == 0 || strncmp(kv, "JAIL_", 5) == 0 ||
	       strncmp(kv, "SECCOMP_SYSCALL_", 16) == 0;
}

static bool named(const char *kv, const char *name)
{
	size_t n = strlen(name);

	return strncmp(kv, name, n) == 0 && kv[n] == '=';
}

int target_env(const struct config *c, const struct root_plan *plan,
	       const struct notify_relay *n, struct strv *env, struct err *e)
{
	if (!c->clearenv)
		for (char **v = environ; *v; v++) {
			bool drop = stripped(*v);

			for (size_t i = 0; i < c->unsetenv.n && !drop; i++)
				drop = named(*v, c->unsetenv.v[i]);
			/* Replaced by the relay's path, or gone with --no-notify. */
			if (named(*v, "NOTIFY_SOCKET"))
				drop = true;
			if (!c->pass_listen_fds && (named(*v, "LISTEN_FDS") ||
						    named(*v, "LISTEN_PID") ||
						    named(*v, "LISTEN_FDNAMES")))
				drop = true;
			if (!drop && strv_push(env, *v) < 0)
				return err_sys(e, "out of memory");
		}
	for (size_t i = 0; i < c->setenv.n; i++) {
		const char *kv = c->setenv.v[i];
		size_t klen = strcspn(kv, "=");

		for (size_t j = 0; j < env->n; j++)
			if (strncmp(env->v[j], kv, klen + 1) == 0) {
				free(env->v[j]);
				env->v[j] = strdup(kv);
				goto next;
			}
		if (strv_push(env, kv) < 0)
			return err_sys(e, "out of memory");
next:;
	}
	if (n->fd >= 0) {
		char *kv;

		if (asprintf(&kv, "NOTIFY_SOCKET=%s", n->inside) < 0 ||
		    strv_push_owned(env, kv) < 0)
			return err_sys(e, "out of memory");
	}
	/* Jail's own: where the loader in the jail must look (it cannot
	 * expand $ORIGIN without /proc). */
	if (plan->ld_library_path) {
		char *kv;

		if (asprintf(&kv, "LD_LIBRARY_PATH=%s", plan->ld_library_path) < 0 ||
		    strv_push_owned(env, kv) < 0)
			return err_sys(e, "out of memory");
	}
	/* An empty environment (--clearenv) still needs its NULL. */
	if (!env->v && !(env->v = calloc(1, sizeof(char *))))
		return err_sys(e, "out of memory");
	return 0;
}

int target_prepare(const struct config *c, const char *exe,
		   const struct notify_relay *n, struct root_plan *plan,
		   struct strv *env, struct err *e)
{
	if (root_plan_build(c, exe, plan, e) < 0 ||
	    (n->fd >= 0 && root_plan_add_bind(plan, n->path, n->inside, e) < 0))
		return -1;
	return target_env(c, plan, n, env, e);
}
