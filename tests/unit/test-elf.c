/* Unit tests for the ELF dependency resolver (src/elf.c).
 *
 * Real system binaries check agreement with the system's loader; small ELF
 * files written here (no compiler needed) check the search rules: RPATH
 * inherited by dependencies, RUNPATH not, $ORIGIN, LD_LIBRARY_PATH, skipping
 * another class, reuse of an object already loaded.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf.h"
#include "tap.h"

static char tmp[256];		/* the test's scratch directory */
static char interp[4096];	/* the system's interpreter, from /bin/true */
static int machine;		/* and its e_machine */

/* ---- Helpers ------------------------------------------------------------ */

static unsigned char *slurp(const char *path, size_t *len)
{
	unsigned char *buf = NULL;
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && (buf = malloc(st.st_size + 1)) &&
	    read(fd, buf, st.st_size) != st.st_size) {
		free(buf);
		buf = NULL;
	}
	*len = buf ? (size_t)st.st_size : 0;
	close(fd);
	return buf;
}

static int spill(const char *path, const void *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	int ok = fd >= 0 && write(fd, buf, len) == (ssize_t)len;

	if (fd >= 0)
		close(fd);
	return ok ? 0 : -1;
}

static const char *base(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

static const char *find_base(const struct strv *sv, const char *name)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcmp(base(sv->v[i]), name) == 0)
			return sv->v[i];
	return NULL;
}

static size_t count(const struct strv *sv, const char *s)
{
	size_t n = 0;

	for (size_t i = 0; i < sv->n; i++)
		n += strcmp(sv->v[i], s) == 0;
	return n;
}

/* PATH-style lookup of a command, preferring /usr/bin like a shell with
 * the default PATH would. */
static char *which(const char *cmd)
{
	const char *path = getenv("PATH");
	char buf[4096];

	snprintf(buf, sizeof(buf), "/usr/bin/%s", cmd);
	if (access(buf, X_OK) == 0)
		return strdup(buf);
	while (path && *path) {
		size_t n = strcspn(path, ":");

		snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, path, cmd);
		if (n && access(buf, X_OK) == 0)
			return strdup(buf);
		path += n + (path[n] == ':');
	}
	return NULL;
}

static bool is_elf(const char *path)
{
	unsigned char b[4] = { 0 };
	int fd = open(path, O_RDONLY);
	bool ok = fd >= 0 && read(fd, b, 4) == 4 && memcmp(b, "\177ELF", 4) == 0;

	if (fd >= 0)
		close(fd);
	return ok;
}

/* ---- A tiny ELF64 LSB writer -------------------------------------------- */

static void put(unsigned char *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

struct spec {
	const char *interp;
	const char *needed[4];
	const char *rpath, *runpath, *soname;
	bool executable;	/* ET_EXEC rather than ET_DYN */
};

/* One PT_LOAD maps the file at address 0, so string table addresses are
 * file offsets. */
static size_t build(unsigned char *b, const struct spec *s)
{
	const char *strs[7];
	uint64_t tags[7], stroff = 0, dyn, str, pos, n = 0, nstr = 0;
	int phnum = s->interp ? 3 : 2, ph = 0;

	memset(b, 0, 4096);
	memcpy(b, "\177ELF\2\1\1", 7);
	put(b + 16, s->executable ? 2 : 3, 2);	/* ET_EXEC or ET_DYN */
	put(b + 18, machine, 2);
	put(b + 20, 1, 4);
	put(b + 32, 64, 8);			/* e_phoff */
	put(b + 52, 64, 2);
	put(b + 54, 56, 2);
	put(b + 56, phnum, 2);
	pos = 64 + 56 * phnum;
	if (s->interp) {
		unsigned char *p = b + 64 + 56 * ph++;

		put(p, 3, 4);
		put(p + 8, pos, 8);
		put(p + 32, strlen(s->interp) + 1, 8);
		strcpy((char *)b + pos, s->interp);
		pos += strlen(s->interp) + 1;
	}
	for (int i = 0; i < 4 && s->needed[i]; i++) {
		tags[n++] = 1;
		strs[nstr++] = s->needed[i];
	}
	if (s->rpath) {
		tags[n++] = 15;
		strs[nstr++] = s->rpath;
	}
	if (s->runpath) {
		tags[n++] = 29;
		strs[nstr++] = s->runpath;
	}
	if (s->soname) {
		tags[n++] = 14;
		strs[nstr++] = s->soname;
	}
	str = pos;
	b[pos++] = '\0';
	dyn = (pos + 1024 + 7) & ~7ul;
	for (uint64_t i = 0; i < n; i++) {
		stroff = pos - str;
		strcpy((char *)b + pos, strs[i]);
		pos += strlen(strs[i]) + 1;
		put(b + dyn + 16 * i, tags[i], 8);
		put(b + dyn + 16 * i + 8, stroff, 8);
	}
	put(b + dyn + 16 * n, 5, 8);		/* DT_STRTAB */
	put(b + dyn + 16 * n + 8, str, 8);
	put(b + dyn + 16 * n + 16, 10, 8);	/* DT_STRSZ */
	put(b + dyn + 16 * n + 24, dyn - str, 8);
	pos = dyn + 16 * (n + 3);		/* ends with DT_NULL */
	put(b + 64 + 56 * ph, 2, 4);		/* PT_DYNAMIC */
	put(b + 64 + 56 * ph + 8, dyn, 8);
	put(b + 64 + 56 * ph + 16, dyn, 8);
	put(b + 64 + 56 * ph + 32, 16 * (n + 3), 8);
	ph++;
	put(b + 64 + 56 * ph, 1, 4);		/* PT_LOAD */
	put(b + 64 + 56 * ph + 32, pos, 8);
	return pos;
}

static void write_elf(const char *rel, const struct spec *s, int elf_class)
{
	unsigned char b[4096];
	char path[512];
	size_t n = build(b, s);

	b[4] = (unsigned char)elf_class;
	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	if (spill(path, b, n) < 0)
		perror(path);
}

/* ---- Real binaries ------------------------------------------------------- */

static void test_real(const char *exe, struct strv *libc_seen)
{
	struct elf_deps d;
	struct err e;
	bool all = true;
	const char *libc;

	if (!exe || access(exe, X_OK) != 0 || !is_elf(exe)) {
		tap_ok(1, "# SKIP %s is not an ELF executable here",
		       exe ? exe : "(python3)");
		return;
	}
	if (elf_resolve(exe, NULL, &d, &e) < 0) {
		tap_ok(0, "%s resolves: %s", exe, e.msg);
		return;
	}
	tap_ok(d.interp && d.paths.n && strcmp(d.paths.v[0], d.interp) == 0,
	       "%s: interpreter %s comes first", exe, d.interp);
	libc = find_base(&d.paths, "libc.so.6");
	tap_ok(libc != NULL, "%s: libc found (%s)", exe, libc);
	if (libc && !strv_contains(libc_seen, libc))
		strv_push(libc_seen, libc);
	for (size_t i = 0; i < d.paths.n; i++) {
		all &= access(d.paths.v[i], F_OK) == 0;
		all &= count(&d.paths, d.paths.v[i]) == 1;
	}
	tap_ok(all, "%s: all %zu paths exist, none twice", exe, d.paths.n);
	tap_ok(d.search_dirs.n == 0, "%s: no extra search dirs", exe);
	elf_deps_free(&d);
}

static void test_system(void)
{
	struct strv libc = { 0 };
	char *py = which("python3");
	char *cached;

	test_real("/bin/true", &libc);
	test_real("/usr/bin/gzip", &libc);
	test_real("/usr/bin/jq", &libc);
	test_real(py, &libc);
	free(py);
	cached = elf_cache_lookup(NULL, "libc.so.6");
	tap_ok(cached && libc.n == 1 && strcmp(cached, libc.v[0]) == 0,
	       "ld.so.cache gives libc.so.6 as %s, resolution as %s", cached,
	       libc.n ? libc.v[0] : "(none)");
	free(cached);
	tap_ok(!elf_cache_lookup(NULL, "libjail-no-such.so.9"),
	       "cache lookup of an unknown name gives NULL");
	tap_ok(!elf_cache_lookup("/nonexistent/ld.so.cache", "libc.so.6"),
	       "a missing cache gives NULL");
	strv_free(&libc);
}

static void test_static(void)
{
	struct spec s = { .needed = { "libc.so.6" }, .executable = true };
	struct elf_deps d;
	struct err e;
	char path[512];
	int rc;

	/* An executable without PT_INTERP: nothing loads its DT_NEEDED, so
	 * none are followed.  (A shared object without one is a library:
	 * its DT_NEEDED are followed, for the preload library.) */
	write_elf("static", &s, 2);
	snprintf(path, sizeof(path), "%s/static", tmp);
	rc = elf_resolve(path, NULL, &d, &e);
	tap_ok(rc == 0 && !d.interp && d.paths.n == 0,
	       "static executable: no interpreter, no paths");
	if (rc == 0)
		elf_deps_free(&d);
	if (access("/sbin/ldconfig", F_OK) == 0) {
		rc = elf_resolve("/sbin/ldconfig", NULL, &d, &e);
		tap_ok(rc == 0 && (d.interp != NULL) == (d.paths.n > 0),
		       "/sbin/ldconfig resolves (%s)",
		       rc ? e.msg : d.interp ? "dynamic" : "static");
		if (rc == 0)
			elf_deps_free(&d);
	}
}

static void test_not_elf(void)
{
	struct elf_deps d;
	struct err e;
	char path[512];

	snprintf(path, sizeof(path), "%s/script", tmp);
	spill(path, "#!/bin/sh\necho hi\n", 18);
	tap_ok(elf_resolve(path, NULL, &d, &e) < 0 && strstr(e.msg, "not an ELF"),
	       "a script is not ELF: %s", e.msg);
	spill(path, "", 0);
	tap_ok(elf_resolve(path, NULL, &d, &e) < 0, "an empty file: %s", e.msg);
	tap_ok(elf_resolve("/nonexistent/prog", NULL, &d, &e) < 0 &&
	       strstr(e.msg, "/nonexistent/prog"), "a missing file: %s", e.msg);
	tap_ok(elf_resolve(tmp, NULL, &d, &e) < 0, "a directory: %s", e.msg);
}

/* ---- Hostile images ------------------------------------------------------ */

static int parse_copy(const unsigned char *img, size_t len, struct elf_info *info)
{
	/* An exact-size copy, so that sanitizers see any read past the end. */
	unsigned char *b = malloc(len ? len : 1);
	struct err e;
	int rc;

	memcpy(b, img, len);
	rc = elf_parse(b, len, info, &e);
	free(b);
	return rc;
}

static void test_truncated(void)
{
	size_t len, ok = 0, fail = 0;
	unsigned char *img = slurp("/bin/true", &len), *c;
	struct elf_info info;
	uint64_t seed = 42;

	if (!img) {
		tap_ok(1, "# SKIP /bin/true unreadable");
		return;
	}
	tap_ok(parse_copy(img, len, &info) == 0 && info.interp &&
	       strv_contains(&info.needed, "libc.so.6") && info.dynamic,
	       "/bin/true parses: interp and libc.so.6");
	elf_info_free(&info);
	for (size_t n = 0; n < len; n += n < 4096 ? 1 : 97) {
		if (parse_copy(img, n, &info) == 0) {
			ok++;
			elf_info_free(&info);
		} else {
			fail++;
		}
	}
	tap_ok(fail > 0, "every truncation parsed safely (%zu failed, %zu ok)",
	       fail, ok);
	tap_ok(parse_copy(img, 40, &info) < 0, "a cut ELF header is an error");

	c = malloc(len);
	memcpy(c, img, len);
	put(c + 32, UINT64_MAX - 8, 8);		/* e_phoff */
	tap_ok(parse_copy(c, len, &info) < 0, "huge e_phoff is an error");
	memcpy(c, img, len);
	put(c + 56, 0xffff, 2);			/* e_phnum */
	tap_ok(parse_copy(c, len, &info) < 0, "huge e_phnum is an error");
	memcpy(c, img, len);
	put(c + 54, 32, 2);			/* e_phentsize */
	tap_ok(parse_copy(c, len, &info) < 0, "wrong e_phentsize is an error");
	memcpy(c, img, len);
	for (int i = 0; i < 16; i++) {		/* every segment far away */
		put(c + 64 + 56 * i + 8, UINT64_MAX - 100, 8);
		put(c + 64 + 56 * i + 32, 200, 8);
	}
	tap_ok(parse_copy(c, len, &info) < 0, "segments past the end: error");
	/* Random corruption: only the absence of crashes is checked. */
	for (int i = 0; i < 3000; i++) {
		memcpy(c, img, len);
		for (int k = 0; k < 4; k++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			c[(seed >> 33) % (len < 4096 ? len : 4096)] ^= (unsigned char)(seed >> 20);
		}
		if (parse_copy(c, len, &info) == 0)
			elf_info_free(&info);
	}
	tap_ok(1, "3000 corrupted copies parsed without crashing");
	free(c);
	free(img);
}

/* ---- Search rules -------------------------------------------------------- */

static int resolve(const char *rel, const char *ldpath, struct elf_deps *d,
		   struct err *e)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	return elf_resolve(path, ldpath, d, e);
}

static void make_tree(void)
{
	const char *dirs[] = { "bin", "lib", "l32", "bad" };
	struct spec one = { .needed = { "libc.so.6" }, .soname = "libone.so" };
	struct spec two = { .needed = { "libthree.so" } };
	struct spec three = { .needed = { "libc.so.6" } };
	char path[512];

	for (size_t i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s/%s", tmp, dirs[i]);
		mkdir(path, 0755);
	}
	write_elf("lib/libone.so", &one, 2);
	write_elf("lib/libtwo.so", &two, 2);
	write_elf("lib/libthree.so", &three, 2);
	write_elf("l32/libone.so", &one, 1);	/* another class */
	snprintf(path, sizeof(path), "%s/bad/libone.so", tmp);
	spill(path, "INPUT(-lc)\n", 11);
}

static void test_origin(void)
{
	struct spec s = { interp, { "libone.so" }, .runpath = "$ORIGIN/../lib" };
	char want[1024], real[512];
	struct elf_deps d;
	struct err e;
	int rc;

	write_elf("bin/app", &s, 2);
	rc = resolve("bin/app", NULL, &d, &e);
	tap_ok(rc == 0, "RUNPATH $ORIGIN/../lib resolves%s%s",
	       rc ? ": " : "", rc ? e.msg : "");
	if (rc)
		return;
	realpath(tmp, real);
	snprintf(want, sizeof(want), "%s/bin/../lib/libone.so", real);
	tap_ok(count(&d.paths, want) == 1, "found as %s", want);
	tap_ok(find_base(&d.paths, "libc.so.6") != NULL,
	       "and libc.so.6 through it");
	snprintf(want, sizeof(want), "%s/bin/../lib", real);
	tap_ok(d.search_dirs.n == 1 && strcmp(d.search_dirs.v[0], want) == 0,
	       "search_dirs holds the $ORIGIN directory %s",
	       d.search_dirs.n ? d.search_dirs.v[0] : "(none)");
	elf_deps_free(&d);
}

static void test_rpath_rules(void)
{
	struct spec rp = { interp, { "libtwo.so" }, .rpath = "$ORIGIN/../lib" };
	struct spec run = { interp, { "libtwo.so" }, .runpath = "${ORIGIN}/../lib" };
	struct elf_deps d;
	struct err e;
	int rc;

	/* libtwo.so has no search path of its own: its libthree.so is found
	 * through the executable's DT_RPATH, but not its DT_RUNPATH. */
	write_elf("bin/rpath", &rp, 2);
	rc = resolve("bin/rpath", NULL, &d, &e);
	tap_ok(rc == 0 && find_base(&d.paths, "libthree.so"),
	       "DT_RPATH serves the dependencies' dependencies%s%s",
	       rc ? ": " : "", rc ? e.msg : "");
	if (rc == 0)
		elf_deps_free(&d);
	write_elf("bin/runpath", &run, 2);
	rc = resolve("bin/runpath", NULL, &d, &e);
	tap_ok(rc < 0 && strstr(e.msg, "libtwo.so needs libthree.so: not found"),
	       "DT_RUNPATH does not: %s", rc < 0 ? e.msg : "resolved");
	if (rc == 0)
		elf_deps_free(&d);
}

static void test_missing(void)
{
	struct spec s = { .interp = interp,
			  .needed = { "libc.so.6", "libjail-missing.so.7" } };
	struct elf_deps d;
	struct err e;
	int rc;

	write_elf("bin/missing", &s, 2);
	rc = resolve("bin/missing", NULL, &d, &e);
	tap_ok(rc < 0 && strstr(e.msg, "bin/missing needs libjail-missing.so.7"),
	       "a missing library is named: %s", rc < 0 ? e.msg : "resolved");
	if (rc == 0)
		elf_deps_free(&d);
	s.interp = "/nonexistent/ld.so";
	s.needed[1] = NULL;
	write_elf("bin/nointerp", &s, 2);
	rc = resolve("bin/nointerp", NULL, &d, &e);
	tap_ok(rc < 0 && strstr(e.msg, "/nonexistent/ld.so"),
	       "a missing interpreter is named: %s", rc < 0 ? e.msg : "resolved");
	if (rc == 0)
		elf_deps_free(&d);
}

static void test_ldpath(void)
{
	struct spec s = { .interp = interp, .needed = { "libone.so" } };
	char dir[512], ldpath[1200];
	struct elf_deps d;
	struct err e;
	int rc;

	write_elf("bin/plain", &s, 2);
	snprintf(dir, sizeof(dir), "%s/lib", tmp);
	snprintf(ldpath, sizeof(ldpath), "/nonexistent;%s/l32:%s", tmp, dir);
	rc = resolve("bin/plain", ldpath, &d, &e);
	tap_ok(rc == 0 && find_base(&d.paths, "libone.so") &&
	       strv_contains(&d.search_dirs, dir) && d.search_dirs.n == 1,
	       "LD_LIBRARY_PATH is searched, the other class skipped, %s kept",
	       dir);
	if (rc == 0)
		elf_deps_free(&d);
	rc = resolve("bin/plain", NULL, &d, &e);
	tap_ok(rc < 0 && strstr(e.msg, "libone.so"), "and needed: %s",
	       rc < 0 ? e.msg : "resolved");
	if (rc == 0)
		elf_deps_free(&d);
	s.rpath = "$ORIGIN/../bad:$ORIGIN/../lib";
	write_elf("bin/bad", &s, 2);
	rc = resolve("bin/bad", NULL, &d, &e);
	tap_ok(rc < 0 && strstr(e.msg, "not an ELF"),
	       "a candidate that is not ELF stops the search: %s",
	       rc < 0 ? e.msg : "resolved");
	if (rc == 0)
		elf_deps_free(&d);
}

static void test_dedup(void)
{
	char path[512];
	struct spec s = { interp, { "libone.so", "libone.so", path, "libc.so.6" },
			  .rpath = "$ORIGIN/../lib" };
	struct elf_deps d;
	struct err e;
	size_t ones = 0;
	int rc;

	/* The same file by name, again by name, by path and by SONAME. */
	snprintf(path, sizeof(path), "%s/lib/../lib/libone.so", tmp);
	write_elf("bin/dup", &s, 2);
	rc = resolve("bin/dup", NULL, &d, &e);
	for (size_t i = 0; rc == 0 && i < d.paths.n; i++)
		ones += strcmp(base(d.paths.v[i]), "libone.so") == 0;
	tap_ok(rc == 0 && ones == 1 && count(&d.paths, interp) == 1,
	       "one object loaded once, whatever the name (%zu)", ones);
	if (rc == 0)
		elf_deps_free(&d);
}

/* ---- ld.so.cache --------------------------------------------------------- */

#if defined(__x86_64__) && defined(__LP64__)
#define NATIVE_FLAGS 0x0303
#elif defined(__aarch64__)
#define NATIVE_FLAGS 0x0a03
#endif

#ifdef NATIVE_FLAGS
struct centry {
	const char *key, *value;
	uint32_t flags;
	uint64_t hwcap;
};

/* Writes a new-format cache, after an old-format header when OLD. */
static size_t build_cache(unsigned char *b, const struct centry *ents,
			  uint32_t n, bool old)
{
	size_t base = old ? 16 : 0, pos, s;

	memset(b, 0, 4096);
	if (old) {
		memcpy(b, "ld.so-1.7.0", 11);	/* with no entries of its own */
		put(b + 12, 0, 4);
	}
	memcpy(b + base, "glibc-ld.so.cache1.1", 20);
	put(b + base + 20, n, 4);
	b[base + 28] = 2;
	pos = base + 48 + 24 * n;
	for (uint32_t i = 0; i < n; i++) {
		unsigned char *e = b + base + 48 + 24 * i;

		put(e, ents[i].flags, 4);
		s = pos - base;
		strcpy((char *)b + pos, ents[i].key);
		pos += strlen(ents[i].key) + 1;
		put(e + 4, s, 4);
		put(e + 8, pos - base, 4);
		strcpy((char *)b + pos, ents[i].value);
		pos += strlen(ents[i].value) + 1;
		put(e + 16, ents[i].hwcap, 8);
	}
	return pos;
}

static bool lookup_is(const char *cache, const char *name, const char *want)
{
	char *got = elf_cache_lookup(cache, name);
	bool ok = want ? got && strcmp(got, want) == 0 : !got;

	free(got);
	return ok;
}

static void test_cache(void)
{
	/* Sorted as ldconfig does: decreasing, digit runs as numbers. */
	static const struct centry ents[] = {
		{ "libzed.so.1", "/z/libzed.so.1", NATIVE_FLAGS, 0 },
		{ "libfoo.so.10", "/h/libfoo.so.10", NATIVE_FLAGS,
		  (uint64_t)1 << 62 },
		{ "libfoo.so.10", "/p/libfoo.so.10", NATIVE_FLAGS, 0 },
		{ "libfoo.so.9", "/32/libfoo.so.9", 0x0003, 0 },
		{ "libfoo.so.9", "/p/libfoo.so.9", NATIVE_FLAGS, 0 },
		{ "liba.so.1", "/h/liba.so.1", NATIVE_FLAGS, (uint64_t)1 << 62 },
	};
	unsigned char b[4096], *real;
	char path[512];
	size_t len, n;
	uint64_t seed = 7;

	snprintf(path, sizeof(path), "%s/ld.so.cache", tmp);
	for (int old = 0; old < 2; old++) {
		spill(path, b, build_cache(b, ents, 6, old));
		tap_ok(lookup_is(path, "libzed.so.1", "/z/libzed.so.1") &&
		       lookup_is(path, "libfoo.so.10", "/p/libfoo.so.10") &&
		       lookup_is(path, "libfoo.so.9", "/p/libfoo.so.9") &&
		       lookup_is(path, "liba.so.1", "/h/liba.so.1") &&
		       lookup_is(path, "libfoo.so.8", NULL) &&
		       lookup_is(path, "libb.so", NULL),
		       "%s cache: search, ABI flags, glibc-hwcaps last",
		       old ? "combined" : "new");
	}
	spill(path, "ld.so-1.7.0\0\xff\xff\xff\x7f", 16);
	tap_ok(lookup_is(path, "libc.so.6", NULL), "a lying old header: NULL");
	real = slurp("/etc/ld.so.cache", &len);
	for (int i = 0; real && i < 300; i++) {
		unsigned char *c = malloc(len);

		memcpy(c, real, len);
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		n = i < 100 ? (seed >> 33) % len : len;
		for (int k = 0; i >= 100 && k < 8; k++) {
			seed = seed * 6364136223846793005ull + 1;
			c[(seed >> 33) % (len < 8192 ? len : 8192)] ^= (unsigned char)(seed >> 17);
		}
		spill(path, c, n);
		free(elf_cache_lookup(path, "libc.so.6"));
		free(c);
	}
	tap_ok(1, "300 truncated or corrupted system caches looked up safely");
	free(real);
}
#else
static void test_cache(void)
{
	tap_ok(1, "# SKIP no cache flags known for this architecture");
}
#endif

int main(void)
{
	struct elf_info info;
	struct err e;
	size_t len;
	unsigned char *img = slurp("/bin/true", &len);
	char cmd[600];

	if (!img || elf_parse(img, len, &info, &e) < 0 || !info.interp) {
		printf("1..0 # SKIP /bin/true is not a dynamic ELF here\n");
		return 0;
	}
	snprintf(interp, sizeof(interp), "%s", info.interp);
	machine = info.machine;
	elf_info_free(&info);
	free(img);
	snprintf(tmp, sizeof(tmp), "%s/test-elf.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	test_system();
	test_static();
	test_not_elf();
	test_truncated();
	make_tree();
	test_origin();
	test_rpath_rules();
	test_missing();
	test_ldpath();
	test_dedup();
	test_cache();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp);
	return tap_done();
}
