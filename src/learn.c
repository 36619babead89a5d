/* Recording a run and writing its profile.
 *
 * Every syscall of every thread and process in the jail reaches jail's
 * listener (the filter notifies them all) and is let through with
 * SECCOMP_USER_NOTIF_FLAG_CONTINUE after it is counted.  Arguments are
 * only looked at where a rule or a hint can use them: socket families and
 * ioctl commands become rules; clone flags, mmap/mprotect protections and
 * openat access modes become comments for the user to tighten by hand. */
#include "learn.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "groups.h"
#include "syscalls.h"

#define MAX_VALUES 64

struct valueset {
	uint64_t v[MAX_VALUES];
	unsigned n;
	bool overflow;
};

struct learn {
	size_t n;			/* syscall numbers 0..n-1 */
	unsigned long *count[2];	/* [0] before main, [1] from main on */
	struct valueset families;	/* socket arg0 */
	struct valueset ioctls;		/* ioctl arg1 (32 bits) */
	struct valueset clones;		/* clone arg0 */
	struct valueset prots;		/* mmap/mprotect arg2 */
	struct valueset accmodes;	/* openat arg2 & O_ACCMODE */
	bool merged_main[2048];		/* from an earlier profile */
	bool merged_startup[2048];
};

struct learn *learn_new(void)
{
	struct learn *l = calloc(1, sizeof(*l));

	if (!l)
		return NULL;
	l->n = (size_t)sys_max() + 1;
	l->count[0] = calloc(l->n, sizeof(unsigned long));
	l->count[1] = calloc(l->n, sizeof(unsigned long));
	if (!l->count[0] || !l->count[1] || l->n > 2048) {
		learn_free(l);
		return NULL;
	}
	return l;
}

void learn_free(struct learn *l)
{
	if (!l)
		return;
	free(l->count[0]);
	free(l->count[1]);
	free(l);
}

static void add_value(struct valueset *s, uint64_t v)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->v[i] == v)
			return;
	if (s->n == MAX_VALUES) {
		s->overflow = true;
		return;
	}
	s->v[s->n++] = v;
}

static bool named(int nr, const char *name)
{
	const char *n = sys_name(nr);

	return n && strcmp(n, name) == 0;
}

void learn_record(struct learn *l, int nr, const uint64_t args[6], bool before_main)
{
	if (nr < 0 || (size_t)nr >= l->n)
		return;
	l->count[before_main ? 0 : 1][nr]++;
	if (named(nr, "socket"))
		add_value(&l->families, args[0] & 0xffffffffu);
	else if (named(nr, "ioctl"))
		add_value(&l->ioctls, args[1] & 0xffffffffu);
	else if (named(nr, "clone"))
		add_value(&l->clones, args[0] & 0xffffffffu);
	else if (named(nr, "mmap") || named(nr, "mprotect"))
		add_value(&l->prots, args[2] & 0xffffffffu);
	else if (named(nr, "openat"))
		add_value(&l->accmodes, args[2] & O_ACCMODE);
}

/* What the earlier profile allowed: its rules, and the values of its
 * socket and ioctl rules. */
int learn_merge(struct learn *l, const char *path, struct err *e)
{
	struct config old;
	struct opt_ctx ctx = { NULL, 0, 0 };

	if (access(path, F_OK) < 0)
		return 0;
	config_init(&old);
	if (profile_load(&old, path, &ctx, e) < 0) {
		config_free(&old);
		return err_wrap(e, "--learn-merge");
	}
	for (size_t i = 0; i < old.policy.n; i++) {
		const struct sys_rule *r = &old.policy.rules[i];

		if (r->deny || r->nr < 0 || (size_t)r->nr >= l->n)
			continue;
		if (r->startup)
			l->merged_startup[r->nr] = true;
		else
			l->merged_main[r->nr] = true;
		for (size_t c = 0; r->cond && c < r->expr.n; c++)
			for (size_t k = 0; k < r->expr.conj[c].n; k++) {
				const struct rule_cmp *cmp = &r->expr.conj[c].cmp[k];

				if (cmp->op != SCMP_CMP_EQ)
					continue;
				if (named(r->nr, "socket") && cmp->arg == 0)
					add_value(&l->families, cmp->value & 0xffffffffu);
				if (named(r->nr, "ioctl") && cmp->arg == 1)
					add_value(&l->ioctls, cmp->value & 0xffffffffu);
			}
	}
	config_free(&old);
	return 0;
}

/* How often NR was seen in STAGE, less the preload constructor's own
 * fcntl, which jail allows before main by itself. */
static unsigned long times(const struct learn *l, size_t nr, int stage, bool split)
{
	unsigned long n = l->count[stage][nr];

	if (split && stage == 0 && n && named((int)nr, "fcntl"))
		n--;
	return n;
}

static bool seen(const struct learn *l, size_t nr, int stage, bool split)
{
	return times(l, nr, stage, split) ||
	       (stage ? l->merged_main[nr] : l->merged_startup[nr]);
}

static bool in_group(const char *group, const char *name)
{
	const struct sys_group *g = group_find(group);

	for (const char *const *m = g && g->members ? g->members : NULL; m && *m; m++)
		if (strcmp(*m, name) == 0)
			return true;
	return false;
}

static void write_values(FILE *f, const char *name, unsigned arg,
			 const struct valueset *s, enum arg_type t)
{
	char buf[96];

	fprintf(f, "allow %s: ", name);
	for (unsigned i = 0; i < s->n; i++) {
		arg_format(t, s->v[i], buf, sizeof(buf));
		/* A symbolic name when jail has one, else the number. */
		if (strchr(buf, '|') || strchr(buf, '?') || buf[0] == '0')
			snprintf(buf, sizeof(buf), "%#llx", (unsigned long long)s->v[i]);
		fprintf(f, "%sarg%u == %s", i ? " || " : "", arg, buf);
	}
}

static void write_hint(FILE *f, const char *what, const struct valueset *s,
		       enum arg_type t)
{
	char buf[160];

	if (!s->n)
		return;
	fprintf(f, "# %s seen:", what);
	for (unsigned i = 0; i < s->n; i++) {
		arg_format(t, s->v[i], buf, sizeof(buf));
		fprintf(f, " %s", buf);
	}
	fprintf(f, "%s\n", s->overflow ? " ..." : "");
}

static void write_options(FILE *f, const struct config *c)
{
	static const char *const share[] = { "net", "pid", "ipc", "uts" };

	for (unsigned i = 0; i < 4; i++)
		if (c->share & (1u << i))
			fprintf(f, "share %s\n", share[i]);
	if (c->system)
		fprintf(f, "system\n");
	if (c->proc)
		fprintf(f, "proc\n");
	for (size_t i = 0; i < c->nmounts; i++) {
		const struct mount_req *m = &c->mounts[i];

		if (m->kind == MNT_TMPFS)
			fprintf(f, "tmpfs %s\n", m->dst);
		else
			fprintf(f, "%s %s:%s\n", m->kind == MNT_BIND ? "bind" : "ro-bind", m->src, m->dst);
	}
	if (c->cwd)
		fprintf(f, "cwd %s\n", c->cwd);
	for (size_t i = 0; i < c->nrlimits; i++) {
		const struct rlimit_req *r = &c->rlimits[i];
		char soft[32], hard[32];

		snprintf(soft, sizeof(soft), r->lim.rlim_cur == RLIM_INFINITY ? "unlimited" : "%llu",
			 (unsigned long long)r->lim.rlim_cur);
		snprintf(hard, sizeof(hard), r->lim.rlim_max == RLIM_INFINITY ? "unlimited" : "%llu",
			 (unsigned long long)r->lim.rlim_max);
		if (r->resource == RLIMIT_FSIZE)
			fprintf(f, "fsize %s\n", hard);
		else
			fprintf(f, "rlimit %s=%s:%s\n", rlimit_name(r->resource), soft, hard);
	}
	if (c->timeout_ms)
		fprintf(f, "timeout %ld.%03ld\n", c->timeout_ms / 1000, c->timeout_ms % 1000);
	if (c->mdwe)
		fprintf(f, "mdwe\n");
	for (size_t i = 0; i < c->setenv.n; i++)
		fprintf(f, "setenv %s\n", c->setenv.v[i]);
	for (size_t i = 0; i < c->unsetenv.n; i++)
		fprintf(f, "unsetenv %s\n", c->unsetenv.v[i]);
	if (c->clearenv)
		fprintf(f, "clearenv\n");
}

static void write_profile(FILE *f, const struct learn *l, const struct config *c,
			  bool split, int status)
{
	char when[64];
	time_t now = time(NULL);
	bool startup_in_group = true;
	unsigned nmain = 0, nstartup = 0;

	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", localtime(&now));
	fprintf(f, "# Learned by jail %s on %s from one run%s of:\n#  ", PACKAGE_VERSION, when,
		c->learn_merge ? " (merged with earlier runs)" : "");
	for (char **a = c->argv; *a; a++)
		fprintf(f, " %s", *a);
	fprintf(f, "\n# which exited with status %d.  Run it again with:\n#   jail -p %s -- %s ...\n",
		status, c->learn, c->argv[0]);
	fprintf(f, "# Each allow says how often the syscall was seen, before main\n"
		   "# (start-up: the loader and libc) and from main on.\n\n");
	write_options(f, c);
	/* Start-up only: as allow-startup, through the group when it covers
	 * them, so a libc update that adds a start-up syscall needs no
	 * relearning. */
	for (size_t nr = 0; nr < l->n; nr++) {
		const char *name = sys_name((int)nr);

		if (!name || !seen(l, nr, 0, split) || seen(l, nr, 1, split))
			continue;
		nstartup++;
		if (!in_group("@startup-dynamic", name))
			startup_in_group = false;
	}
	if (split && nstartup) {
		fprintf(f, "\n# start-up only (%u syscalls)\n", nstartup);
		if (startup_in_group)
			fprintf(f, "allow-startup @startup-dynamic\n");
		for (size_t nr = 0; nr < l->n; nr++) {
			const char *name = sys_name((int)nr);

			if (!name || !seen(l, nr, 0, split) || seen(l, nr, 1, split))
				continue;
			if (startup_in_group)
				fprintf(f, "#   %s: %lu before main\n", name, times(l, nr, 0, split));
			else
				fprintf(f, "allow-startup %s  # %lu before main\n", name, times(l, nr, 0, split));
		}
	}
	fprintf(f, "\n# %s\n", split ? "from main on" : "the whole run (a static program: no start-up split)");
	for (size_t nr = 0; nr < l->n; nr++) {
		const char *name = sys_name((int)nr);
		bool main_seen = seen(l, nr, 1, split) || (!split && seen(l, nr, 0, split));

		if (!name || !main_seen)
			continue;
		nmain++;
		if (strcmp(name, "socket") == 0 && l->families.n && !l->families.overflow)
			write_values(f, name, 0, &l->families, A_AF);
		else if (strcmp(name, "ioctl") == 0 && l->ioctls.n && !l->ioctls.overflow)
			write_values(f, name, 1, &l->ioctls, A_IOCTL);
		else
			fprintf(f, "allow %s", name);
		fprintf(f, "  # %lu before main, %lu after\n", l->count[0][nr], l->count[1][nr]);
	}
	fputc('\n', f);
	write_hint(f, "clone flags", &l->clones, A_CLONEFLAGS);
	write_hint(f, "mmap/mprotect protections", &l->prots, A_PROT);
	write_hint(f, "openat access modes", &l->accmodes, A_OFLAGS);
	fprintf(f, "# %u syscalls from main on%s\n", nmain, split ? "" : " (whole run)");
}

int learn_write(const struct learn *l, const struct config *c, bool split,
		int exit_status, struct err *e)
{
	char tmp[4096];
	FILE *f;
	int fd;

	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", c->learn) >= (int)sizeof(tmp))
		return err_set(e, "--learn %s: path too long", c->learn);
	fd = mkstemp(tmp);
	if (fd < 0)
		return err_sys(e, "--learn %s", c->learn);
	fchmod(fd, 0644);
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		return err_sys(e, "--learn %s", c->learn);
	}
	write_profile(f, l, c, split, exit_status);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0 || fclose(f) != 0) {
		unlink(tmp);
		return err_sys(e, "--learn: writing %s", c->learn);
	}
	if (rename(tmp, c->learn) < 0) {
		unlink(tmp);
		return err_sys(e, "--learn: %s", c->learn);
	}
	return 0;
}
