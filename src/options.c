/* The option table: one row per option, used by the command line, by
 * profile directives, by --help and by the man page check. */
#include "options.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "constants.h"
#include "util.h"

void config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->uid = c->gid = ID_AUTO;
	c->status_fd = -1;
	c->stage = STAGE_EXEC;
}

void config_free(struct config *c)
{
	for (size_t i = 0; i < c->nmounts; i++) {
		free(c->mounts[i].src);
		free(c->mounts[i].dst);
	}
	free(c->mounts);
	free(c->cwd);
	strv_free(&c->setenv);
	strv_free(&c->unsetenv);
	strv_free(&c->profiles_loaded);
	free(c->learn);
	free(c->export_format);
	free(c->list);
	policy_free(&c->policy);
}

/* ---------------------------------------------------------------- parsers */

int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!*s || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int parse_size(const char *s, rlim_t *out)
{
	unsigned long long v, mult = 1;
	char *end;

	if (strcmp(s, "unlimited") == 0 || strcmp(s, "infinity") == 0) {
		*out = RLIM_INFINITY;
		return 0;
	}
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	switch (*end) {
	case '\0': break;
	case 'k': case 'K': mult = 1ULL << 10; end++; break;
	case 'm': case 'M': mult = 1ULL << 20; end++; break;
	case 'g': case 'G': mult = 1ULL << 30; end++; break;
	case 't': case 'T': mult = 1ULL << 40; end++; break;
	default: return -1;
	}
	if (*end == 'i' || *end == 'B')	/* 10MiB, 10MB: same thing here */
		end += (*end == 'i' && end[1] == 'B') ? 2 : 1;
	if (*end || v > (unsigned long long)RLIM_INFINITY / mult - 1)
		return -1;
	*out = (rlim_t)(v * mult);
	return 0;
}

int parse_seconds(const char *s, long *ms)
{
	char *end;
	double v;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || v <= 0 || v > 365.0 * 86400)
		return -1;
	*ms = (long)(v * 1000 + 0.5);
	if (*ms == 0)
		*ms = 1;
	return 0;
}

static const struct {
	const char *name;
	int resource;
} rlimit_names[] = {
	{ "nofile", RLIMIT_NOFILE }, { "nproc", RLIMIT_NPROC },
	{ "as", RLIMIT_AS }, { "cpu", RLIMIT_CPU }, { "core", RLIMIT_CORE },
	{ "stack", RLIMIT_STACK }, { "data", RLIMIT_DATA },
	{ "memlock", RLIMIT_MEMLOCK }, { "fsize", RLIMIT_FSIZE },
	{ "rss", RLIMIT_RSS }, { "locks", RLIMIT_LOCKS },
	{ "sigpending", RLIMIT_SIGPENDING }, { "msgqueue", RLIMIT_MSGQUEUE },
	{ "nice", RLIMIT_NICE }, { "rtprio", RLIMIT_RTPRIO },
	{ "rttime", RLIMIT_RTTIME },
};

int parse_rlimit_name(const char *name)
{
	for (size_t i = 0; i < sizeof(rlimit_names) / sizeof(rlimit_names[0]); i++)
		if (strcmp(rlimit_names[i].name, name) == 0)
			return rlimit_names[i].resource;
	return -1;
}

const char *rlimit_name(int resource)
{
	for (size_t i = 0; i < sizeof(rlimit_names) / sizeof(rlimit_names[0]); i++)
		if (rlimit_names[i].resource == resource)
			return rlimit_names[i].name;
	return "limit";
}

static void set_rlimit(struct config *c, int resource, rlim_t soft, rlim_t hard)
{
	size_t i;

	for (i = 0; i < c->nrlimits; i++)
		if (c->rlimits[i].resource == resource)
			break;
	if (i == c->nrlimits)
		c->nrlimits++;
	c->rlimits[i].resource = resource;
	c->rlimits[i].lim.rlim_cur = soft;
	c->rlimits[i].lim.rlim_max = hard;
}

/* ---------------------------------------------------------------- appliers */

static int apply_profile(struct config *c, const char *v, struct opt_ctx *ctx,
			 size_t *col, struct err *e)
{
	return profile_load(c, v, ctx, e);
}

static int add_policy(struct config *c, const char *v, bool deny, bool startup,
		      size_t *col, struct err *e)
{
	return policy_add(&c->policy, v, deny, startup, col, e);
}

static int apply_allow(struct config *c, const char *v, struct opt_ctx *ctx,
		       size_t *col, struct err *e)
{
	return add_policy(c, v, false, false, col, e);
}

static int apply_deny(struct config *c, const char *v, struct opt_ctx *ctx,
		      size_t *col, struct err *e)
{
	return add_policy(c, v, true, false, col, e);
}

static int apply_allow_startup(struct config *c, const char *v,
			       struct opt_ctx *ctx, size_t *col, struct err *e)
{
	return add_policy(c, v, false, true, col, e);
}

static int apply_errno(struct config *c, const char *v, struct opt_ctx *ctx,
		       size_t *col, struct err *e)
{
	int n = errno_lookup(v);

	if (n <= 0 || n > 4095)
		return err_set(e, "unknown errno '%s' (use a name like EPERM or a number 1-4095)", v);
	c->policy.errnum = n;
	c->policy.errnum_set = true;
	return 0;
}

static int apply_stage(struct config *c, const char *v, struct opt_ctx *ctx,
		       size_t *col, struct err *e)
{
	if (strcmp(v, "exec") == 0)
		c->stage = STAGE_EXEC;
	else if (strcmp(v, "main") == 0)
		c->stage = STAGE_MAIN;
	else
		return err_set(e, "unknown stage '%s' (use exec or main)", v);
	return 0;
}

static int apply_share(struct config *c, const char *v, struct opt_ctx *ctx,
		       size_t *col, struct err *e)
{
	static const struct { const char *name; unsigned bit; } ns[] = {
		{ "net", SHARE_NET }, { "pid", SHARE_PID },
		{ "ipc", SHARE_IPC }, { "uts", SHARE_UTS },
	};

	for (size_t i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
		if (strcmp(v, ns[i].name) == 0) {
			c->share |= ns[i].bit;
			return 0;
		}
	return err_set(e, "cannot share '%s' (use net, pid, ipc or uts)", v);
}

static int add_mount(struct config *c, enum mount_kind kind, char *src,
		     const char *dst, struct err *e)
{
	struct mount_req *m;
	char *norm = path_normalize(dst);

	if (!norm) {
		/* The message first: DST may be SRC itself. */
		if (errno == ENOMEM)
			err_sys(e, "%s", dst);
		else
			err_set(e, "'%s' must be an absolute path without '..'", dst);
		free(src);
		return -1;
	}
	if (strcmp(norm, "/") == 0) {
		free(src);
		free(norm);
		return err_set(e, "cannot mount over the jail's root '/'");
	}
	m = realloc(c->mounts, (c->nmounts + 1) * sizeof(*m));
	if (!m) {
		free(src);
		free(norm);
		return err_sys(e, "out of memory");
	}
	c->mounts = m;
	m[c->nmounts++] = (struct mount_req){ kind, src, norm };
	return 0;
}

static int apply_bind_kind(struct config *c, const char *v, enum mount_kind kind,
			   size_t *col, struct err *e)
{
	const char *colon = strchr(v, ':');
	size_t srclen = colon ? (size_t)(colon - v) : strlen(v);
	char *src = strndup(v, srclen), *abs;
	struct stat st;
	int r;

	if (!src)
		return err_sys(e, "out of memory");
	if (srclen == 0 || (colon && !colon[1]))
		r = err_set(e, "'%s': expected SRC[:DST]", v);
	else if (stat(src, &st) < 0 || !(abs = realpath(src, NULL)))
		r = err_sys(e, "'%s'", src);
	else {
		if (colon)
			*col = srclen + 1;
		/* Without DST the source appears at the path the user named,
		 * or at its real path when named relatively.  add_mount owns
		 * ABS from here, and copies DST before it might free it. */
		r = add_mount(c, kind, abs, colon ? colon + 1 : src[0] == '/' ? src : abs, e);
	}
	free(src);
	return r;
}

static int apply_bind(struct config *c, const char *v, struct opt_ctx *ctx,
		      size_t *col, struct err *e)
{
	return apply_bind_kind(c, v, MNT_BIND, col, e);
}

static int apply_ro_bind(struct config *c, const char *v, struct opt_ctx *ctx,
			 size_t *col, struct err *e)
{
	return apply_bind_kind(c, v, MNT_RO_BIND, col, e);
}

static int apply_tmpfs(struct config *c, const char *v, struct opt_ctx *ctx,
		       size_t *col, struct err *e)
{
	return add_mount(c, MNT_TMPFS, NULL, v, e);
}

static int apply_system(struct config *c, const char *v, struct opt_ctx *ctx,
			size_t *col, struct err *e)
{
	c->system = true;
	return 0;
}

static int apply_proc(struct config *c, const char *v, struct opt_ctx *ctx,
		      size_t *col, struct err *e)
{
	c->proc = true;
	return 0;
}

static int apply_cwd(struct config *c, const char *v, struct opt_ctx *ctx,
		     size_t *col, struct err *e)
{
	char *norm = path_normalize(v);

	if (!norm)
		return err_set(e, "'%s' must be an absolute path without '..'", v);
	free(c->cwd);
	c->cwd = norm;
	return 0;
}

static int apply_id(long *id, const char *v, struct err *e)
{
	if (strcmp(v, "auto") == 0) {
		*id = ID_AUTO;
		return 0;
	}
	/* 65535 and (uid_t)-1 mean "no id" to parts of the kernel. */
	if (parse_long(v, 0, 4294967294L, id) < 0 || *id == 65535)
		return err_set(e, "'%s' is not an id (use a number or auto)", v);
	return 0;
}

static int apply_uid(struct config *c, const char *v, struct opt_ctx *ctx,
		     size_t *col, struct err *e)
{
	return apply_id(&c->uid, v, e);
}

static int apply_gid(struct config *c, const char *v, struct opt_ctx *ctx,
		     size_t *col, struct err *e)
{
	return apply_id(&c->gid, v, e);
}

static int apply_fsize(struct config *c, const char *v, struct opt_ctx *ctx,
		       size_t *col, struct err *e)
{
	rlim_t size;

	if (parse_size(v, &size) < 0)
		return err_set(e, "'%s' is not a size (use 0, 64k, 10M, 1G or unlimited)", v);
	set_rlimit(c, RLIMIT_FSIZE, size, size);
	return 0;
}

static int apply_rlimit(struct config *c, const char *v, struct opt_ctx *ctx,
			size_t *col, struct err *e)
{
	const char *eq = strchr(v, '=');
	char name[32], soft_s[64], hard_s[64];
	const char *colon;
	rlim_t soft, hard;
	int res;

	if (!eq || (size_t)(eq - v) >= sizeof(name))
		return err_set(e, "'%s': expected NAME=SOFT[:HARD]", v);
	memcpy(name, v, (size_t)(eq - v));
	name[eq - v] = '\0';
	res = parse_rlimit_name(name);
	if (res < 0)
		return err_set(e, "unknown limit '%s' (use nofile, nproc, as, cpu, core, stack, data, memlock, ...)", name);
	colon = strchr(eq + 1, ':');
	snprintf(soft_s, sizeof(soft_s), "%.*s",
		 (int)(colon ? (size_t)(colon - eq - 1) : strlen(eq + 1)), eq + 1);
	snprintf(hard_s, sizeof(hard_s), "%s", colon ? colon + 1 : soft_s);
	if (parse_size(soft_s, &soft) < 0 || parse_size(hard_s, &hard) < 0)
		return err_set(e, "'%s': limits are numbers (k/M/G allowed) or unlimited", v);
	if (soft > hard)
		return err_set(e, "'%s': the soft limit is above the hard limit", v);
	set_rlimit(c, res, soft, hard);
	return 0;
}

static int apply_timeout(struct config *c, const char *v, struct opt_ctx *ctx,
			 size_t *col, struct err *e)
{
	if (parse_seconds(v, &c->timeout_ms) < 0)
		return err_set(e, "'%s' is not a number of seconds above 0", v);
	return 0;
}

static int apply_mdwe(struct config *c, const char *v, struct opt_ctx *ctx,
		      size_t *col, struct err *e)
{
	c->mdwe = true;
	return 0;
}

static int apply_no_notify(struct config *c, const char *v, struct opt_ctx *ctx,
			   size_t *col, struct err *e)
{
	c->no_notify = true;
	return 0;
}

static int apply_listen_fds(struct config *c, const char *v,
			    struct opt_ctx *ctx, size_t *col, struct err *e)
{
	c->pass_listen_fds = true;
	return 0;
}

static int apply_status_fd(struct config *c, const char *v, struct opt_ctx *ctx,
			   size_t *col, struct err *e)
{
	long fd;

	if (parse_long(v, 0, INT_MAX, &fd) < 0)
		return err_set(e, "'%s' is not a file descriptor", v);
	c->status_fd = (int)fd;
	return 0;
}

static int apply_setenv(struct config *c, const char *v, struct opt_ctx *ctx,
			size_t *col, struct err *e)
{
	if (!strchr(v, '=') || v[0] == '=')
		return err_set(e, "'%s': expected K=V", v);
	return strv_push(&c->setenv, v) < 0 ? err_sys(e, "out of memory") : 0;
}

static int apply_unsetenv(struct config *c, const char *v, struct opt_ctx *ctx,
			  size_t *col, struct err *e)
{
	if (!*v || strchr(v, '='))
		return err_set(e, "'%s' is not a variable name", v);
	return strv_push(&c->unsetenv, v) < 0 ? err_sys(e, "out of memory") : 0;
}

static int apply_clearenv(struct config *c, const char *v, struct opt_ctx *ctx,
			  size_t *col, struct err *e)
{
	c->clearenv = true;
	return 0;
}

static int set_string(char **dst, const char *v, struct err *e)
{
	free(*dst);
	*dst = strdup(v);
	return *dst ? 0 : err_sys(e, "out of memory");
}

static int apply_learn(struct config *c, const char *v, struct opt_ctx *ctx,
		       size_t *col, struct err *e)
{
	return set_string(&c->learn, v, e);
}

static int apply_learn_merge(struct config *c, const char *v,
			     struct opt_ctx *ctx, size_t *col, struct err *e)
{
	c->learn_merge = true;
	return 0;
}

static int apply_export(struct config *c, const char *v, struct opt_ctx *ctx,
			size_t *col, struct err *e)
{
	if (strcmp(v, "text") && strcmp(v, "bpf") && strcmp(v, "oci") &&
	    strcmp(v, "systemd"))
		return err_set(e, "unknown format '%s' (use text, bpf, oci or systemd)", v);
	return set_string(&c->export_format, v, e);
}

static int apply_check(struct config *c, const char *v, struct opt_ctx *ctx,
		       size_t *col, struct err *e)
{
	c->check = true;
	return 0;
}

static int apply_list(struct config *c, const char *v, struct opt_ctx *ctx,
		      size_t *col, struct err *e)
{
	if (strcmp(v, "groups") && strcmp(v, "syscalls") && strcmp(v, "profiles"))
		return err_set(e, "cannot list '%s' (use groups, syscalls or profiles)", v);
	return set_string(&c->list, v, e);
}

static int apply_verbose(struct config *c, const char *v, struct opt_ctx *ctx,
			 size_t *col, struct err *e)
{
	c->verbosity = VERBOSE;
	return 0;
}

static int apply_quiet(struct config *c, const char *v, struct opt_ctx *ctx,
		       size_t *col, struct err *e)
{
	c->verbosity = QUIET;
	return 0;
}

/* --help and --version are handled by the parser itself. */
static int apply_nothing(struct config *c, const char *v, struct opt_ctx *ctx,
			 size_t *col, struct err *e)
{
	return 0;
}

#define S_POLICY "Seccomp policy"
#define S_ROOT "Root and namespaces"
#define S_IDENT "Identity and limits"
#define S_RUN "Running"
#define S_TOOLS "Inspecting"

const struct option_def option_table[] = {
	{ "profile", 'p', "NAME|PATH", OPT_BOTH, S_POLICY, "load a profile (repeatable)", apply_profile },
	{ "include", 0, "NAME|PATH", OPT_PROFILE, S_POLICY, "load another profile from this one", apply_profile },
	{ "allow", 0, "LIST", OPT_BOTH, S_POLICY, "allow these syscalls; deny all others", apply_allow },
	{ "deny", 0, "LIST", OPT_BOTH, S_POLICY, "deny these syscalls", apply_deny },
	{ "errno", 0, "ERRNO", OPT_BOTH, S_POLICY, "denied syscalls fail with ERRNO instead of killing", apply_errno },
	{ "allow-startup", 0, "LIST", OPT_BOTH, S_POLICY, "allow these only until main (with --stage main)", apply_allow_startup },
	{ "stage", 0, "exec|main", OPT_BOTH, S_POLICY, "apply the policy from execve or from main", apply_stage },
	{ "share", 0, "NS", OPT_BOTH, S_ROOT, "keep the host's net, pid, ipc or uts namespace", apply_share },
	{ "bind", 0, "SRC[:DST]", OPT_BOTH, S_ROOT, "bind a host path, writable (noexec)", apply_bind },
	{ "ro-bind", 0, "SRC[:DST]", OPT_BOTH, S_ROOT, "bind a host path, read-only", apply_ro_bind },
	{ "tmpfs", 0, "DST", OPT_BOTH, S_ROOT, "mount a private writable tmpfs (noexec)", apply_tmpfs },
	{ "system", 0, NULL, OPT_BOTH, S_ROOT, "bind /usr, /bin, /sbin, /lib*, /etc read-only", apply_system },
	{ "proc", 0, NULL, OPT_BOTH, S_ROOT, "mount a /proc of the jail's pid namespace", apply_proc },
	{ "cwd", 0, "DIR", OPT_BOTH, S_ROOT, "working directory inside the jail (default /)", apply_cwd },
	{ "uid", 0, "N|auto", OPT_BOTH, S_IDENT, "run as this uid (default auto: an unused one)", apply_uid },
	{ "gid", 0, "N|auto", OPT_BOTH, S_IDENT, "run as this gid (default auto)", apply_gid },
	{ "fsize", 0, "SIZE", OPT_BOTH, S_IDENT, "RLIMIT_FSIZE: 0, 10M, 1G, unlimited (default 0)", apply_fsize },
	{ "rlimit", 0, "NAME=SOFT[:HARD]", OPT_BOTH, S_IDENT, "set another limit (nofile, nproc, as, cpu, ...)", apply_rlimit },
	{ "timeout", 0, "SECONDS", OPT_BOTH, S_IDENT, "kill the jail after this wall time (exit 124)", apply_timeout },
	{ "mdwe", 0, NULL, OPT_BOTH, S_IDENT, "forbid writable+executable memory (breaks JITs)", apply_mdwe },
	{ "no-notify", 0, NULL, OPT_BOTH, S_RUN, "do not make $NOTIFY_SOCKET reachable inside", apply_no_notify },
	{ "pass-listen-fds", 0, NULL, OPT_BOTH, S_RUN, "pass systemd's LISTEN_FDS sockets to the target", apply_listen_fds },
	{ "status-fd", 0, "FD", OPT_CLI, S_RUN, "write JSON events (child-pid, exit-code) to FD", apply_status_fd },
	{ "setenv", 0, "K=V", OPT_BOTH, S_RUN, "set a variable in the target's environment", apply_setenv },
	{ "unsetenv", 0, "K", OPT_BOTH, S_RUN, "remove a variable from the target's environment", apply_unsetenv },
	{ "clearenv", 0, NULL, OPT_BOTH, S_RUN, "start the target with an empty environment", apply_clearenv },
	{ "learn", 0, "FILE", OPT_CLI, S_TOOLS, "record the syscalls of a run and write a profile", apply_learn },
	{ "learn-merge", 0, NULL, OPT_CLI, S_TOOLS, "with --learn: add to what FILE already allows", apply_learn_merge },
	{ "export", 0, "FORMAT", OPT_CLI, S_TOOLS, "print the compiled policy: text, bpf, oci, systemd", apply_export },
	{ "check", 0, NULL, OPT_CLI, S_TOOLS, "check options and profiles, run nothing", apply_check },
	{ "list", 0, "WHAT", OPT_CLI, S_TOOLS, "list groups, syscalls or profiles", apply_list },
	{ "verbose", 'v', NULL, OPT_CLI, S_TOOLS, "say what each layer did", apply_verbose },
	{ "quiet", 'q', NULL, OPT_CLI, S_TOOLS, "say nothing but errors", apply_quiet },
	{ "help", 'h', NULL, OPT_CLI, S_TOOLS, "show this help", apply_nothing },
	{ "version", 'V', NULL, OPT_CLI, S_TOOLS, "show the version", apply_nothing },
};

const size_t option_table_len = sizeof(option_table) / sizeof(option_table[0]);

const struct option_def *option_find(const char *name)
{
	for (size_t i = 0; i < option_table_len; i++)
		if (strcmp(option_table[i].name, name) == 0)
			return &option_table[i];
	return NULL;
}

const struct option_def *option_find_short(char ch)
{
	for (size_t i = 0; i < option_table_len; i++)
		if (option_table[i].short_name == ch)
			return &option_table[i];
	return NULL;
}
