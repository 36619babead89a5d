/* Reading the command line and profiles through the option table. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define PROFILE_MAX_SIZE (1 << 20)
#define PROFILE_MAX_LINE 4096
#define PROFILE_MAX_DEPTH 8

/* Applies option D with VALUE; on error prefixes the message with where it
 * came from ("--allow: ..." or "FILE:LINE:COL: ..."). */
static int apply_option(struct config *c, const struct option_def *d,
			const char *value, struct opt_ctx *ctx, size_t valcol,
			struct err *e)
{
	size_t col = 0;

	if (d->apply(c, value ? value : "", ctx, &col, e) == 0)
		return 0;
	if (ctx->file)
		return err_locate(e, ctx->file, ctx->line, valcol + col + 1);
	return err_wrap(e, "--%s", d->name);
}

static bool is_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char ch = s[i];
		size_t n;

		if (ch < 0x80) {
			i++;
			continue;
		}
		if ((ch & 0xe0) == 0xc0 && ch >= 0xc2)
			n = 1;
		else if ((ch & 0xf0) == 0xe0)
			n = 2;
		else if ((ch & 0xf8) == 0xf0 && ch <= 0xf4)
			n = 3;
		else
			return false;
		for (size_t k = 1; k <= n; k++)
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return false;
		i += n + 1;
	}
	return true;
}

/* Parses one logical line (continuations already joined). COL0 is the
 * column of LINE[0] in the file, for messages. */
static int profile_line(struct config *c, char *line, struct opt_ctx *ctx,
			struct err *e)
{
	const struct option_def *d;
	char *p = line, *word, *value, *end;
	size_t valcol;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#')
		return 0;
	/* A '#' after whitespace starts a comment; inside a word it is data. */
	for (char *q = p; *q; q++)
		if (*q == '#' && (q[-1] == ' ' || q[-1] == '\t')) {
			*q = '\0';
			break;
		}
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	word = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p)
		*p++ = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	value = p;
	valcol = (size_t)(value - line);
	d = option_find(word);
	if (!d || !(d->where & OPT_PROFILE)) {
		if (d)
			err_set(e, "'%s' is a command-line option, not a profile directive", word);
		else
			err_set(e, "unknown directive '%s'", word);
		return err_locate(e, ctx->file, ctx->line, (size_t)(word - line) + 1);
	}
	if (d->argname && !*value) {
		err_set(e, "'%s' needs a value (%s)", word, d->argname);
		return err_locate(e, ctx->file, ctx->line, (size_t)(word - line) + 1);
	}
	if (!d->argname && *value) {
		err_set(e, "'%s' takes no value, got '%s'", word, value);
		return err_locate(e, ctx->file, ctx->line, valcol + 1);
	}
	return apply_option(c, d, value, ctx, valcol, e);
}

int profile_parse(struct config *c, const char *path, const char *text,
		  size_t len, struct opt_ctx *ctx, struct err *e)
{
	char *buf = NULL;
	size_t blen = 0, start = 0;
	unsigned lineno = 0, first = 0;
	struct opt_ctx sub = { path, 0, ctx ? ctx->depth : 0 };
	int r = 0;

	if (memchr(text, '\0', len)) {
		size_t at = (size_t)((const char *)memchr(text, '\0', len) - text);
		unsigned ln = 1;

		for (size_t i = 0; i < at; i++)
			ln += text[i] == '\n';
		err_set(e, "a NUL byte: this is not a text profile");
		return err_locate(e, path, ln, 0);
	}
	if (!is_utf8((const unsigned char *)text, len))
		{
		err_set(e, "%s: not valid UTF-8 text", path);
		e->located = true;
		return -1;
	}
	buf = malloc(PROFILE_MAX_LINE + 2);
	if (!buf)
		return err_sys(e, "out of memory");
	while (start < len && r == 0) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t n = nl ? (size_t)(nl - text - start) : len - start;
		bool cont;

		lineno++;
		if (blen == 0)
			first = lineno;
		if (n > 0 && text[start + n - 1] == '\r')
			n--;
		cont = n > 0 && text[start + n - 1] == '\\';
		if (cont)
			n--;
		if (blen + n > PROFILE_MAX_LINE) {
			err_set(e, "line longer than %d bytes", PROFILE_MAX_LINE);
			r = err_locate(e, path, first, 0);
			break;
		}
		memcpy(buf + blen, text + start, n);
		blen += n;
		start += (nl ? (size_t)(nl - text - start) + 1 : len - start);
		if (cont && start < len)
			continue;
		buf[blen] = '\0';
		sub.line = first;
		r = profile_line(c, buf, &sub, e);
		blen = 0;
	}
	free(buf);
	return r;
}

/* A profile written by someone else than root or the caller could widen
 * the jail: as root, refuse it (SPEC: profiles are input too). */
static int check_owner(const char *path, int fd, struct err *e)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return err_sys(e, "%s", path);
	if (!S_ISREG(st.st_mode))
		return err_set(e, "%s: not a regular file", path);
	if (st.st_size > PROFILE_MAX_SIZE)
		return err_set(e, "%s: larger than %d bytes: not a profile", path,
			       PROFILE_MAX_SIZE);
	if (geteuid() != 0)
		return 0;
	if ((st.st_mode & S_IWOTH) || ((st.st_mode & S_IWGRP) && st.st_gid != 0) ||
	    (st.st_uid != 0 && st.st_uid != getuid()))
		return err_set(e, "%s: writable by others than root: refusing it as root (chmod go-w, chown root)", path);
	return 0;
}

static bool valid_name(const char *name)
{
	if (!*name || name[0] == '.')
		return false;
	for (const char *p = name; *p; p++)
		if (!(*p == '-' || *p == '_' || *p == '.' || (*p >= '0' && *p <= '9') ||
		      (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			return false;
	return true;
}

static int try_dir(const char *dir, const char *name, char *out, size_t len)
{
	const char *ext = strstr(name, ".profile") ? "" : ".profile";

	if (!*dir)
		return -1;
	if ((size_t)snprintf(out, len, "%s/%s%s", dir, name, ext) >= len)
		return -1;
	return access(out, F_OK);
}

/* The build tree's profiles/, so that src/jail works uninstalled. */
void build_tree_profiles(char *out, size_t len)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	out[0] = '\0';
	if (n <= 0)
		return;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return;
	*slash = '\0';
	/* libtool may run us from src/.libs */
	if (strlen(exe) > 6 && strcmp(exe + strlen(exe) - 6, "/.libs") == 0)
		exe[strlen(exe) - 6] = '\0';
	if (strlen(exe) > 4 && strcmp(exe + strlen(exe) - 4, "/src") == 0)
		snprintf(out, len, "%.*s/profiles", (int)(strlen(exe) - 4), exe);
}

static int profile_find(const char *name, const char *from, char *out,
			size_t len, struct err *e)
{
	const char *env = getenv("JAIL_PROFILE_PATH");
	char tree[PATH_MAX];

	if (strchr(name, '/')) {
		const char *slash = from ? strrchr(from, '/') : NULL;

		/* A relative path in an include is relative to the profile
		 * that names it, not to wherever jail was started. */
		if (name[0] != '/' && slash)
			snprintf(out, len, "%.*s/%s", (int)(slash - from), from, name);
		else
			snprintf(out, len, "%s", name);
		return 0;
	}
	if (!valid_name(name))
		return err_set(e, "'%s' is not a profile name (letters, digits, '-', '_', '.'; use a path with '/' for a file)", name);
	if (env) {
		char *copy = strdup(env), *save = NULL;

		if (!copy)
			return err_sys(e, "out of memory");
		for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save))
			if (try_dir(d, name, out, len) == 0) {
				free(copy);
				return 0;
			}
		free(copy);
	}
	if (try_dir(JAIL_SYSPROFILEDIR, name, out, len) == 0 ||
	    try_dir(JAIL_PROFILEDIR, name, out, len) == 0)
		return 0;
	build_tree_profiles(tree, sizeof(tree));
	if (try_dir(tree, name, out, len) == 0)
		return 0;
	return err_set(e, "no profile named '%s' (searched $JAIL_PROFILE_PATH, %s, %s; see jail --list profiles)",
		       name, JAIL_SYSPROFILEDIR, JAIL_PROFILEDIR);
}

int profile_load(struct config *c, const char *name, struct opt_ctx *ctx,
		 struct err *e)
{
	char path[PATH_MAX], *real, *text;
	struct opt_ctx sub = { NULL, 0, ctx ? ctx->depth + 1 : 1 };
	ssize_t n;
	size_t len = 0;
	int fd, r;

	if (sub.depth > PROFILE_MAX_DEPTH)
		return err_set(e, "profiles nested deeper than %d: an include cycle?", PROFILE_MAX_DEPTH);
	if (profile_find(name, ctx ? ctx->file : NULL, path, sizeof(path), e) < 0)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return err_sys(e, "cannot open profile %s", path);
	if (check_owner(path, fd, e) < 0) {
		close(fd);
		return -1;
	}
	real = realpath(path, NULL);
	if (real && strv_contains(&c->profiles_loaded, real) && ctx && ctx->file) {
		close(fd);
		err_set(e, "include cycle: %s includes itself", path);
		free(real);
		return -1;
	}
	text = malloc(PROFILE_MAX_SIZE + 1);
	if (!text) {
		close(fd);
		free(real);
		return err_sys(e, "out of memory");
	}
	while ((n = read(fd, text + len, PROFILE_MAX_SIZE + 1 - len)) > 0)
		len += (size_t)n;
	close(fd);
	if (n < 0 || len > PROFILE_MAX_SIZE) {
		free(text);
		free(real);
		if (n < 0)
			return err_sys(e, "cannot read profile %s", path);
		return err_set(e, "%s: larger than %d bytes: not a profile", path, PROFILE_MAX_SIZE);
	}
	if (real)
		strv_push(&c->profiles_loaded, real);
	r = profile_parse(c, path, text, len, &sub, e);
	/* Leaving the profile: it may be included again by a sibling. */
	if (real && c->profiles_loaded.n && strcmp(c->profiles_loaded.v[c->profiles_loaded.n - 1], real) == 0 &&
	    ctx && ctx->file) {
		free(c->profiles_loaded.v[--c->profiles_loaded.n]);
		c->profiles_loaded.v[c->profiles_loaded.n] = NULL;
	}
	free(real);
	free(text);
	return r;
}

static int apply_env_lists(struct config *c, struct err *e)
{
	static const struct { const char *var; bool deny; } vars[] = {
		{ "SECCOMP_SYSCALL_ALLOW", false },
		{ "SECCOMP_SYSCALL_DENY", true },
	};

	for (size_t i = 0; i < 2; i++) {
		const char *v = getenv(vars[i].var);
		size_t col = 0;

		if (!v)
			continue;
		/* An empty list is a mistake, not "allow nothing". */
		if (policy_add(&c->policy, v, vars[i].deny, false, &col, e) < 0)
			return err_wrap(e, "$%s", vars[i].var);
	}
	return 0;
}

static int unknown_option(struct err *e, const char *arg)
{
	return err_set(e, "unknown option '%s' (see jail --help)", arg);
}

enum cli_result cli_parse(int argc, char **argv, struct config *c,
			  struct err *e)
{
	struct opt_ctx ctx = { NULL, 0, 0 };
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *value = NULL;
		const struct option_def *d;
		char name[64];

		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || a[1] == '\0')
			break;
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);

			if (n >= sizeof(name)) {
				unknown_option(e, a);
				return CLI_ERROR;
			}
			memcpy(name, a + 2, n);
			name[n] = '\0';
			d = option_find(name);
			if (eq)
				value = eq + 1;
		} else {
			d = option_find_short(a[1]);
			if (d && a[2])
				value = a + 2;
			/* -vq style bundles of flags */
			if (d && !d->argname && a[2]) {
				for (const char *p = a + 1; *p; p++) {
					const struct option_def *f = option_find_short(*p);

					if (!f || f->argname) {
						unknown_option(e, a);
						return CLI_ERROR;
					}
					f->apply(c, "", &ctx, &(size_t){ 0 }, e);
				}
				continue;
			}
		}
		if (!d || !(d->where & OPT_CLI)) {
			unknown_option(e, a);
			return CLI_ERROR;
		}
		if (d->argname && !value) {
			if (i + 1 >= argc) {
				err_set(e, "--%s needs a value (%s)", d->name, d->argname);
				return CLI_ERROR;
			}
			value = argv[++i];
		} else if (!d->argname && value) {
			err_set(e, "--%s takes no value", d->name);
			return CLI_ERROR;
		}
		if (strcmp(d->name, "help") == 0) {
			cli_help();
			return CLI_EXIT_OK;
		}
		if (strcmp(d->name, "version") == 0) {
			printf("jail %s\n", PACKAGE_VERSION);
			return CLI_EXIT_OK;
		}
		if (apply_option(c, d, value, &ctx, 0, e) < 0)
			return CLI_ERROR;
	}
	if (apply_env_lists(c, e) < 0)
		return CLI_ERROR;
	if (c->learn && (!policy_empty(&c->policy) || c->policy.errnum_set ||
			 c->stage != STAGE_EXEC)) {
		err_set(e, "--learn records a run without a policy: drop --allow, --deny, --errno, --stage and profiles with those, or learn into a new file");
		return CLI_ERROR;
	}
	if (c->learn_merge && !c->learn) {
		err_set(e, "--learn-merge needs --learn FILE");
		return CLI_ERROR;
	}
	c->argv = argv + i;
	if (!argv[i] && !c->check && !c->export_format && !c->list) {
		err_set(e, "no command given (usage: jail [OPTION]... [--] COMMAND [ARG]...; see jail --help)");
		return CLI_ERROR;
	}
	return CLI_RUN;
}

void cli_help(void)
{
	const char *sections[] = { "Seccomp policy", "Root and namespaces",
				   "Identity and limits", "Running", "Inspecting" };

	printf("Usage: jail [OPTION]... [--] COMMAND [ARG]...\n"
	       "Run COMMAND in new namespaces, an empty root, with no privileges\n"
	       "and under a seccomp filter.\n");
	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		printf("\n%s:\n", sections[s]);
		for (size_t i = 0; i < option_table_len; i++) {
			const struct option_def *d = &option_table[i];
			char left[64];

			if (strcmp(d->section, sections[s]) || !(d->where & OPT_CLI))
				continue;
			snprintf(left, sizeof(left), "%s%c%s--%s%s%s",
				 d->short_name ? "-" : "", d->short_name ? d->short_name : ' ',
				 d->short_name ? ", " : "  ", d->name,
				 d->argname ? " " : "", d->argname ? d->argname : "");
			if (!d->short_name)
				snprintf(left, sizeof(left), "    --%s%s%s", d->name,
					 d->argname ? " " : "", d->argname ? d->argname : "");
			if (strlen(left) > 26)
				printf("  %s\n  %-26s %s\n", left, "", d->help);
			else
				printf("  %-26s %s\n", left, d->help);
		}
	}
	printf("\nLIST: syscall names and @groups separated by ',' or ':'.\n"
	       "Exit status: the target's own; 128+N if killed by signal N; 159 for a\n"
	       "denied syscall; 124 timeout; 125 jail failed; 126 cannot execute;\n"
	       "127 not found.  See jail(1) and jail.profile(5).\n");
}
