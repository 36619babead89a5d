/* Planning the root: the target, its loader and libraries, the paths the
 * loader will open (symlinks on the way reproduced), devices, and what the
 * user asked for. */
#include "root.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf.h"
#include "util.h"

#define MAX_SYMLINKS 40
#define MAX_SCRIPT_DEPTH 4

static int add_entry(struct root_plan *p, enum entry_kind kind, const char *path,
		     const char *src, const struct stat *st, struct err *e)
{
	struct root_entry *v;

	/* The first entry for a path wins: the same library reached twice,
	 * or a directory already created. */
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].path, path) == 0)
			return 0;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 32;

		v = realloc(p->v, cap * sizeof(*v));
		if (!v)
			return err_sys(e, "out of memory");
		p->v = v;
		p->cap = cap;
	}
	v = &p->v[p->n];
	memset(v, 0, sizeof(*v));
	v->kind = kind;
	v->path = strdup(path);
	v->src = src ? strdup(src) : NULL;
	if (!v->path || (src && !v->src)) {
		free(v->path);
		free(v->src);
		return err_sys(e, "out of memory");
	}
	if (st) {
		v->verify = true;
		v->dev = st->st_dev;
		v->ino = st->st_ino;
	}
	p->n++;
	return 0;
}

/* Adds PATH as the loader will open it: every symlink on the way becomes a
 * symlink in the root, at its real place, and the file itself is bound at
 * its real path.  REAL receives that path (may be NULL). */
static int add_path(struct root_plan *p, const char *path, char **real,
		    struct err *e)
{
	char cur[PATH_MAX] = "", rest[PATH_MAX];
	unsigned links = 0;
	struct stat st;

	if (snprintf(rest, sizeof(rest), "%s", path) >= (int)sizeof(rest))
		return err_set(e, "%s: path too long", path);
	for (;;) {
		char *s = rest, comp[NAME_MAX + 1], next[PATH_MAX];
		size_t n;

		while (*s == '/')
			s++;
		if (!*s)
			break;
		n = strcspn(s, "/");
		if (n > NAME_MAX)
			return err_set(e, "%s: name too long", path);
		memcpy(comp, s, n);
		comp[n] = '\0';
		memmove(rest, s + n, strlen(s + n) + 1);
		if (strcmp(comp, ".") == 0)
			continue;
		if (strcmp(comp, "..") == 0) {
			char *slash = strrchr(cur, '/');

			if (slash)
				*slash = '\0';
			continue;
		}
		if (snprintf(next, sizeof(next), "%s/%s", cur, comp) >= (int)sizeof(next))
			return err_set(e, "%s: path too long", path);
		if (lstat(next, &st) < 0)
			return err_sys(e, "%s", next);
		if (S_ISLNK(st.st_mode)) {
			char target[PATH_MAX], joined[PATH_MAX];
			ssize_t len = readlink(next, target, sizeof(target) - 1);

			if (len < 0)
				return err_sys(e, "%s", next);
			target[len] = '\0';
			if (++links > MAX_SYMLINKS)
				return err_set(e, "%s: too many levels of symbolic links", path);
			if (add_entry(p, E_SYMLINK, next, target, NULL, e) < 0)
				return -1;
			if (snprintf(joined, sizeof(joined), "%s%s%s", target,
				     *rest ? "/" : "", rest) >= (int)sizeof(joined))
				return err_set(e, "%s: path too long", path);
			memcpy(rest, joined, sizeof(rest));
			if (target[0] == '/')
				cur[0] = '\0';
			continue;
		}
		memcpy(cur, next, sizeof(cur));
	}
	if (stat(cur[0] ? cur : "/", &st) < 0)
		return err_sys(e, "%s", path);
	if (add_entry(p, E_BIND_RO, cur, cur, &st, e) < 0)
		return -1;
	if (real) {
		*real = strdup(cur);
		if (!*real)
			return err_sys(e, "out of memory");
	}
	return 0;
}

int root_find_command(const char *command, char **path, struct err *e)
{
	const char *env = getenv("PATH");
	char buf[PATH_MAX];
	struct stat st;
	int first_errno = ENOENT;

	if (!*command) {
		err_set(e, "empty command name");
		return 127;
	}
	if (strchr(command, '/')) {
		if (command[0] == '/')
			snprintf(buf, sizeof(buf), "%s", command);
		else if (!realpath(command, buf)) {
			err_sys(e, "%s", command);
			return errno == ENOENT ? 127 : 126;
		}
		if (stat(buf, &st) < 0) {
			err_sys(e, "%s", command);
			return errno == ENOENT ? 127 : 126;
		}
		if (S_ISDIR(st.st_mode) || access(buf, X_OK) < 0) {
			err_set(e, "%s: %s", command, S_ISDIR(st.st_mode) ? "is a directory" : "permission denied (not executable)");
			return 126;
		}
		*path = strdup(buf);
		return *path ? 0 : (err_sys(e, "out of memory"), 125);
	}
	if (!env)
		env = "/usr/local/bin:/usr/bin:/bin";
	for (const char *d = env;; d++) {
		size_t n = strcspn(d, ":");

		if (n && n + strlen(command) + 2 < sizeof(buf)) {
			snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, d, command);
			if (stat(buf, &st) == 0 && S_ISREG(st.st_mode)) {
				if (access(buf, X_OK) == 0 && buf[0] == '/') {
					*path = strdup(buf);
					return *path ? 0 : (err_sys(e, "out of memory"), 125);
				}
				first_errno = EACCES;
			}
		}
		d += n;
		if (!*d)
			break;
	}
	if (first_errno == EACCES) {
		err_set(e, "%s: permission denied (not executable)", command);
		return 126;
	}
	err_set(e, "%s: command not found", command);
	return 127;
}

/* Reads a "#!" line: INTERP and, for "#!/usr/bin/env NAME", NAME. */
static int read_shebang(const char *path, char *interp, size_t ilen, char *arg,
			size_t alen)
{
	char buf[256];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	char *p, *end;

	interp[0] = arg[0] = '\0';
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 2 || buf[0] != '#' || buf[1] != '!')
		return 0;
	buf[n] = '\0';
	end = strchr(buf, '\n');
	if (end)
		*end = '\0';
	p = buf + 2;
	while (*p == ' ' || *p == '\t')
		p++;
	n = (ssize_t)strcspn(p, " \t");
	snprintf(interp, ilen, "%.*s", (int)n, p);
	p += n;
	while (*p == ' ' || *p == '\t')
		p++;
	n = (ssize_t)strcspn(p, " \t");
	snprintf(arg, alen, "%.*s", (int)n, p);
	return 1;
}

static bool covered_by_system(const struct config *c, const char *path)
{
	static const char *const dirs[] = { "/usr", "/bin", "/sbin", "/lib", "/lib32",
					    "/lib64", "/libx32", "/etc" };

	if (!c->system)
		return false;
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (path_under(path, dirs[i]))
			return true;
	return false;
}

static int add_search_dirs(struct root_plan *p, const struct strv *dirs,
			   struct err *e)
{
	for (size_t i = 0; i < dirs->n; i++) {
		size_t old = p->ld_library_path ? strlen(p->ld_library_path) : 0;
		char *v = realloc(p->ld_library_path, old + strlen(dirs->v[i]) + 2);

		if (!v)
			return err_sys(e, "out of memory");
		if (old)
			v[old++] = ':';
		strcpy(v + old, dirs->v[i]);
		p->ld_library_path = v;
	}
	return 0;
}

/* Adds an executable and everything it needs to run: its ELF
 * dependencies, or its #! interpreter (recursively). */
static int add_program(const struct config *c, struct root_plan *p,
		       const char *path, unsigned depth, bool is_target,
		       struct err *e)
{
	char interp[PATH_MAX], arg[PATH_MAX];
	struct elf_deps deps = { 0 };
	char *real = NULL;
	int r;

	if (depth > MAX_SCRIPT_DEPTH)
		return err_set(e, "%s: too many nested #! interpreters", path);
	if (!covered_by_system(c, path) && add_path(p, path, &real, e) < 0)
		return -1;
	free(real);
	r = read_shebang(path, interp, sizeof(interp), arg, sizeof(arg));
	if (r < 0)
		return err_sys(e, "%s", path);
	if (r == 1) {
		char *found = NULL;

		if (interp[0] != '/')
			return err_set(e, "%s: the #! interpreter '%s' is not an absolute path", path, interp);
		if (add_program(c, p, interp, depth + 1, false, e) < 0)
			return err_wrap(e, "%s: its #! interpreter", path);
		/* #!/usr/bin/env NAME: NAME comes from PATH as well. */
		if (strcmp(strrchr(interp, '/'), "/env") == 0 && arg[0] && arg[0] != '-') {
			int st = root_find_command(arg, &found, e);

			if (st)
				return err_wrap(e, "%s: #!%s %s", path, interp, arg);
			r = add_program(c, p, found, depth + 1, false, e);
			free(found);
			if (r < 0)
				return -1;
		}
		return 0;
	}
	if (elf_resolve(path, getenv("LD_LIBRARY_PATH"), &deps, e) < 0)
		return -1;
	if (is_target) {
		p->is_static = !deps.interp;
		if (deps.interp && !(p->interp = strdup(deps.interp))) {
			elf_deps_free(&deps);
			return err_sys(e, "out of memory");
		}
	}
	for (size_t i = 0; i < deps.paths.n; i++)
		if (!covered_by_system(c, deps.paths.v[i]) &&
		    add_path(p, deps.paths.v[i], NULL, e) < 0) {
			elf_deps_free(&deps);
			return err_wrap(e, "%s needs", path);
		}
	r = add_search_dirs(p, &deps.search_dirs, e);
	elf_deps_free(&deps);
	return r;
}

int root_plan_add_bind(struct root_plan *p, const char *src, const char *dst,
		       struct err *e)
{
	struct stat st;

	if (stat(src, &st) < 0)
		return err_sys(e, "%s", src);
	return add_entry(p, E_BIND_RO, dst, src, &st, e);
}

int root_plan_add_program(const struct config *c, struct root_plan *p,
			  const char *path, struct err *e)
{
	return add_program(c, p, path, 0, false, e);
}

static int add_system(struct root_plan *p, struct err *e)
{
	static const char *const dirs[] = { "/usr", "/bin", "/sbin", "/lib", "/lib32",
					    "/lib64", "/libx32", "/etc" };

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		struct stat st;

		if (lstat(dirs[i], &st) < 0)
			continue;
		if (S_ISLNK(st.st_mode)) {
			char target[PATH_MAX];
			ssize_t n = readlink(dirs[i], target, sizeof(target) - 1);

			if (n < 0)
				return err_sys(e, "%s", dirs[i]);
			target[n] = '\0';
			if (add_entry(p, E_SYMLINK, dirs[i], target, NULL, e) < 0)
				return -1;
		} else if (S_ISDIR(st.st_mode) &&
			   add_entry(p, E_BIND_RO, dirs[i], dirs[i], NULL, e) < 0) {
			return -1;
		}
	}
	return 0;
}

int root_plan_build(const struct config *c, const char *exe,
		    struct root_plan *p, struct err *e)
{
	static const char *const devices[] = { "/dev/null", "/dev/zero", "/dev/urandom" };

	memset(p, 0, sizeof(*p));
	p->exe = strdup(exe);
	if (!p->exe)
		return err_sys(e, "out of memory");
	if (c->system && add_system(p, e) < 0)
		return -1;
	if (add_program(c, p, exe, 0, true, e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(devices) / sizeof(devices[0]); i++) {
		struct stat st;

		if (stat(devices[i], &st) < 0 || !S_ISCHR(st.st_mode))
			return err_set(e, "%s: not a character device on the host", devices[i]);
		if (add_entry(p, E_BIND_RO, devices[i], devices[i], &st, e) < 0)
			return -1;
	}
	for (size_t i = 0; i < c->nmounts; i++) {
		const struct mount_req *m = &c->mounts[i];
		enum entry_kind k = m->kind == MNT_TMPFS ? E_TMPFS
				  : m->kind == MNT_BIND ? E_BIND_RW : E_BIND_RO;
		struct stat st;

		if (m->src && stat(m->src, &st) < 0)
			return err_sys(e, "--%s %s", m->kind == MNT_BIND ? "bind" : "ro-bind", m->src);
		/* User mounts come after jail's own and may cover them; the
		 * same path twice is the user's choice, the last one wins.  A
		 * path through one of the root's symlinks could lead anywhere
		 * while the root is built: refuse it. */
		for (size_t j = 0; j < p->n; j++) {
			if (p->v[j].kind == E_SYMLINK && path_under(m->dst, p->v[j].path))
				return err_set(e, "%s: passes through the symlink %s in the jail; name the real path",
					       m->dst, p->v[j].path);
			if (strcmp(p->v[j].path, m->dst) == 0)
				p->v[j].path[0] = '\0';	/* superseded: skipped */
		}
		if (add_entry(p, k, m->dst, m->src, m->src ? &st : NULL, e) < 0)
			return -1;
	}
	if (c->proc && add_entry(p, E_PROC, "/proc", NULL, NULL, e) < 0)
		return -1;
	p->cwd = strdup(c->cwd ? c->cwd : "/");
	return p->cwd ? 0 : err_sys(e, "out of memory");
}

void root_plan_free(struct root_plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].path);
		free(p->v[i].src);
	}
	free(p->v);
	free(p->exe);
	free(p->ld_library_path);
	free(p->cwd);
	free(p->interp);
	memset(p, 0, sizeof(*p));
}
