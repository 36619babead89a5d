/* Which files a dynamic executable needs, found as glibc's ld.so finds them.
 *
 * The executable, every candidate library and /etc/ld.so.cache are read and
 * parsed here, never run.  All three are untrusted input: every offset and
 * size read from them is checked before use, and every loop and allocation
 * is bounded by the input's size or a fixed cap.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "elf.h"
#include "ldcache.h"

#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/limits.h>	/* PATH_MAX; src/limits.h shadows <limits.h> */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

/* <elf.h> cannot be included: under -Isrc the name finds this module's own
 * header.  Only these few values are needed. */
enum {
	ELF_CLASS32 = 1, ELF_CLASS64 = 2, ELF_DATA_LSB = 1, ELF_DATA_MSB = 2,
	ELF_PT_LOAD = 1, ELF_PT_DYNAMIC = 2, ELF_PT_INTERP = 3,
	ELF_DT_NULL = 0, ELF_DT_NEEDED = 1, ELF_DT_STRTAB = 5,
	ELF_DT_STRSZ = 10, ELF_DT_SONAME = 14, ELF_DT_RPATH = 15,
	ELF_DT_RUNPATH = 29,
	ELF_EM_386 = 3, ELF_EM_ARM = 40, ELF_EM_X86_64 = 62,
	ELF_EM_AARCH64 = 183,
};

#define MAX_NEEDED	1024		/* DT_NEEDED entries per object */
#define MAX_DYN		65536		/* dynamic entries scanned */
#define MAX_STR		65536		/* length of one dynamic string */
#define MAX_PHDRS	65536		/* bytes of program headers */
#define MAX_OBJS	1024		/* objects per resolution */
#define MAX_FILE	((uint64_t)1 << 32)	/* bigger ELF files are refused */

/* ---- Reading an ELF image ---------------------------------------------- */

/* Field offsets of the 32- and 64-bit headers. */
struct layout {
	size_t ehsize, phoff, phentsize, phnum;
	size_t phsize, p_offset, p_vaddr, p_filesz, dynsize;
};
static const struct layout layout32 = { 52, 28, 42, 44, 32, 4, 8, 16, 8 };
static const struct layout layout64 = { 64, 32, 54, 56, 56, 8, 16, 32, 16 };

/* Part of an image: a pointer into it when it is in memory, or a malloc'd
 * copy read from its file.  Reading a few small ranges with pread costs a
 * fraction of what page faults on a mapping of each library do. */
struct region {
	const unsigned char *p;
	unsigned char *own;
};

struct img {
	const unsigned char *b;	/* the whole image, or NULL to read FD */
	int fd;
	size_t len;
	struct region head;	/* the first HEADLEN bytes, read once */
	size_t headlen;
	bool msb;
	const struct layout *l;
	struct region ph;	/* the program headers */
	unsigned phnum;
	int want_class, want_machine, want_data;	/* 0: any */
};

struct seg {
	uint32_t type;
	uint64_t off, vaddr, filesz;
};

struct strtab {
	uint64_t off, size;
	struct region win;	/* from a file: the part holding the strings */
	uint64_t win_off, win_len;
};

static bool in_bounds(size_t len, uint64_t off, uint64_t size)
{
	return off <= len && size <= len - off;
}

static int region_get(const struct img *m, uint64_t off, uint64_t size,
		      struct region *r)
{
	r->own = NULL;
	if (!in_bounds(m->len, off, size))
		return -1;
	if (m->b || (m->head.p && off + size <= m->headlen)) {
		r->p = (m->b ? m->b : m->head.p) + off;
		return 0;
	}
	r->own = malloc(size ? size : 1);
	if (!r->own || pread(m->fd, r->own, size, (off_t)off) != (ssize_t)size) {
		free(r->own);
		r->own = NULL;
		return -1;
	}
	r->p = r->own;
	return 0;
}

static void region_put(struct region *r)
{
	free(r->own);
	r->own = NULL;
}

/* Reads an N-byte integer; the caller has checked the bounds. */
static uint64_t rd(const unsigned char *p, bool msb, unsigned n)
{
	uint64_t v64;
	uint32_t v32;
	uint16_t v16;

	switch (n) {
	case 8:
		memcpy(&v64, p, 8);
		return msb ? be64toh(v64) : le64toh(v64);
	case 4:
		memcpy(&v32, p, 4);
		return msb ? be32toh(v32) : le32toh(v32);
	default:
		memcpy(&v16, p, 2);
		return msb ? be16toh(v16) : le16toh(v16);
	}
}

static uint64_t rdw(const struct img *m, const unsigned char *p)
{
	return rd(p, m->msb, m->l == &layout64 ? 8 : 4);
}

static void get_seg(const struct img *m, unsigned i, struct seg *s)
{
	const unsigned char *p = m->ph.p + (size_t)i * m->l->phsize;

	s->type = (uint32_t)rd(p, m->msb, 4);
	s->off = rdw(m, p + m->l->p_offset);
	s->vaddr = rdw(m, p + m->l->p_vaddr);
	s->filesz = rdw(m, p + m->l->p_filesz);
}

/* Checks the identification and finds the program headers.  Returns 1 for
 * an ELF file of another class or machine than wanted. */
static int check_ident(struct img *m, const unsigned char *b, size_t n,
		       struct elf_info *out, struct err *e)
{
	if (n < 16 || memcmp(b, "\177ELF", 4) != 0)
		return err_set(e, "not an ELF file");
	if ((b[4] != ELF_CLASS32 && b[4] != ELF_CLASS64) ||
	    (b[5] != ELF_DATA_LSB && b[5] != ELF_DATA_MSB) || b[6] != 1)
		return err_set(e, "unknown ELF class, encoding or version");
	m->msb = b[5] == ELF_DATA_MSB;
	m->l = b[4] == ELF_CLASS64 ? &layout64 : &layout32;
	if (n < m->l->ehsize)
		return err_set(e, "truncated ELF header");
	out->elf_class = b[4];
	out->machine = (int)rd(b + 18, m->msb, 2);
	out->type = (int)rd(b + 16, m->msb, 2);
	/* ld.so skips a library of another class or machine, but stops at
	 * one of the other byte order. */
	if (m->want_data && b[5] != m->want_data)
		return err_set(e, "ELF file of the wrong byte order");
	return m->want_class && (b[4] != m->want_class ||
				 out->machine != m->want_machine);
}

static int read_header(struct img *m, struct elf_info *out, struct err *e)
{
	const unsigned char *h;
	uint64_t phoff, phentsize, size;
	size_t n = m->len < 4096 ? m->len : 4096;
	int rc;

	/* The headers, and in small files often PT_INTERP and the dynamic
	 * strings too, are in the first page: read it once. */
	if (region_get(m, 0, n, &m->head) < 0)
		return err_sys(e, "cannot read the ELF header");
	m->headlen = n;
	h = m->head.p;
	if ((rc = check_ident(m, h, n, out, e)) != 0)
		return rc;
	phoff = rdw(m, h + m->l->phoff);
	phentsize = rd(h + m->l->phentsize, m->msb, 2);
	m->phnum = (unsigned)rd(h + m->l->phnum, m->msb, 2);
	size = (uint64_t)m->phnum * m->l->phsize;
	/* Both the kernel and ld.so insist on the exact entry size. */
	if ((m->phnum && phentsize != m->l->phsize) || size > MAX_PHDRS)
		return err_set(e, "bad program headers");
	if (region_get(m, size ? phoff : 0, size, &m->ph) < 0)
		return err_set(e, "program headers outside the file");
	return 0;
}

static int read_interp(const struct img *m, const struct seg *s,
		       struct elf_info *out, struct err *e)
{
	struct region r;

	/* The kernel refuses an interpreter path that is shorter than two
	 * bytes, longer than PATH_MAX or not NUL-terminated in its segment. */
	if (s->filesz < 2 || s->filesz > PATH_MAX ||
	    region_get(m, s->off, s->filesz, &r) < 0)
		return err_set(e, "bad PT_INTERP");
	if (r.p[s->filesz - 1] != '\0') {
		region_put(&r);
		return err_set(e, "bad PT_INTERP");
	}
	out->interp = strdup((const char *)r.p);
	region_put(&r);
	return out->interp ? 0 : err_set(e, "out of memory");
}

/* Finds the file range at virtual address ADDR through PT_LOAD: ld.so
 * reads DT_STRTAB in memory, not at a file offset. */
static int map_vaddr(const struct img *m, uint64_t addr, struct strtab *t)
{
	struct seg s;

	for (unsigned i = 0; i < m->phnum; i++) {
		get_seg(m, i, &s);
		if (s.type != ELF_PT_LOAD || addr < s.vaddr ||
		    addr - s.vaddr >= s.filesz ||
		    !in_bounds(m->len, s.off, s.filesz))
			continue;
		t->off = s.off + (addr - s.vaddr);
		t->size = s.filesz - (addr - s.vaddr);
		return 0;
	}
	return -1;
}

/* Gets the string at OFF in T, from the window read_window() read when it
 * is there. */
static int tab_str(const struct img *m, const struct strtab *t, uint64_t off,
		   struct region *r)
{
	uint64_t w = off - t->win_off, max;

	r->own = NULL;
	if (t->win.p && off >= t->win_off && w < t->win_len &&
	    memchr(t->win.p + w, '\0', t->win_len - w)) {
		r->p = t->win.p + w;
		return 0;
	}
	if (off >= t->size)
		return -1;
	max = t->size - off < MAX_STR ? t->size - off : MAX_STR;
	if (region_get(m, t->off + off, max, r) == 0 &&
	    memchr(r->p, '\0', max))
		return 0;
	region_put(r);
	return -1;
}

/* Splits a search path on SEP.  Empty elements are kept: to the loader
 * they mean the current directory. */
static int split_path(const char *s, const char *sep, struct strv *sv)
{
	while (*s) {
		size_t n = strcspn(s, sep);

		if (strv_push_owned(sv, strndup(s, n)) < 0)
			return -1;
		if (!s[n])
			break;
		s += n + 1;
		if (!*s)
			return strv_push(sv, "");
	}
	return 0;
}

/* The dynamic tags kept, indexed by tag; like ld.so, the last one wins. */
struct dyn {
	uint64_t val[32];
	uint32_t have;
};

/* Stores the string of TAG: pushed onto SV split on ':' when SV is given,
 * else copied to *DST. */
static int dyn_string(const struct img *m, const struct strtab *t,
		      uint64_t off, struct strv *sv, char **dst, struct err *e)
{
	struct region r;
	int rc;

	if (tab_str(m, t, off, &r) < 0)
		return err_set(e, "bad dynamic string");
	if (sv)
		rc = split_path((const char *)r.p, ":", sv);
	else
		rc = (*dst = strdup((const char *)r.p)) ? 0 : -1;
	region_put(&r);
	return rc < 0 ? err_set(e, "out of memory") : 0;
}

static void widen(uint64_t off, uint64_t *lo, uint64_t *hi)
{
	*lo = off < *lo ? off : *lo;
	*hi = off > *hi ? off : *hi;
}

/* From a file, reads the part of T that holds every string wanted at once
 * when it is not too big. */
static void read_window(const struct img *m, const struct region *dr,
			size_t n, const struct dyn *d, struct strtab *t)
{
	static const int tags[] = { ELF_DT_RPATH, ELF_DT_RUNPATH, ELF_DT_SONAME };
	size_t ds = m->l->dynsize, w = ds / 2;
	uint64_t lo = UINT64_MAX, hi = 0;

	for (size_t i = 0; i < n; i++)
		if (rd(dr->p + i * ds, m->msb, w) == ELF_DT_NEEDED)
			widen(rd(dr->p + i * ds + w, m->msb, w), &lo, &hi);
	for (size_t i = 0; i < 3; i++)
		if (d->have & 1u << tags[i])
			widen(d->val[tags[i]], &lo, &hi);
	if (m->b || lo >= t->size || hi - lo > MAX_STR)
		return;
	t->win_off = lo;
	t->win_len = t->size - lo < hi - lo + 256 ? t->size - lo : hi - lo + 256;
	if (region_get(m, t->off + lo, t->win_len, &t->win) < 0)
		t->win.p = NULL;
}

static int read_strings(const struct img *m, const struct region *dr,
			size_t n, const struct dyn *d, struct elf_info *out,
			struct err *e)
{
	size_t ds = m->l->dynsize, w = ds / 2;
	struct strtab t = { .win.p = NULL };
	int rc = -1;

	if (!(d->have & 1u << ELF_DT_STRTAB) ||
	    map_vaddr(m, d->val[ELF_DT_STRTAB], &t) < 0)
		return err_set(e, "DT_STRTAB missing or outside the file");
	if (d->have & 1u << ELF_DT_STRSZ && d->val[ELF_DT_STRSZ] < t.size)
		t.size = d->val[ELF_DT_STRSZ];
	read_window(m, dr, n, d, &t);
	for (size_t i = 0; i < n; i++)
		if (rd(dr->p + i * ds, m->msb, w) == ELF_DT_NEEDED &&
		    dyn_string(m, &t, rd(dr->p + i * ds + w, m->msb, w),
			       &out->needed, NULL, e) < 0)
			goto out;
	if ((d->have & 1u << ELF_DT_RPATH &&
	     dyn_string(m, &t, d->val[ELF_DT_RPATH], &out->rpath, NULL, e) < 0) ||
	    (d->have & 1u << ELF_DT_RUNPATH &&
	     dyn_string(m, &t, d->val[ELF_DT_RUNPATH], &out->runpath, NULL,
			e) < 0) ||
	    (d->have & 1u << ELF_DT_SONAME &&
	     dyn_string(m, &t, d->val[ELF_DT_SONAME], NULL, &out->soname,
			e) < 0))
		goto out;
	rc = 0;
out:
	region_put(&t.win);
	return rc;
}

static int read_dynamic(const struct img *m, const struct seg *s,
			struct elf_info *out, struct err *e)
{
	size_t ds = m->l->dynsize, w = ds / 2, n, needed = 0;
	struct dyn d = { .have = 0 };
	struct region dr;
	int rc = 0;

	n = s->filesz / ds < MAX_DYN ? s->filesz / ds : MAX_DYN;
	if (region_get(m, s->off, n * ds, &dr) < 0)
		return err_set(e, "PT_DYNAMIC outside the file");
	for (size_t i = 0; i < n; i++) {
		uint64_t tag = rd(dr.p + i * ds, m->msb, w);

		if (tag == ELF_DT_NULL) {
			n = i;
			break;
		}
		needed += tag == ELF_DT_NEEDED;
		if (tag < 32 && tag != ELF_DT_NEEDED) {
			d.val[tag] = rd(dr.p + i * ds + w, m->msb, w);
			d.have |= 1u << tag;
		}
	}
	if (needed > MAX_NEEDED)
		rc = err_set(e, "too many DT_NEEDED entries");
	else if (needed || d.have & (1u << ELF_DT_SONAME |
				     1u << ELF_DT_RPATH | 1u << ELF_DT_RUNPATH))
		rc = read_strings(m, &dr, n, &d, out, e);
	region_put(&dr);
	return rc;
}

/* Parses M into OUT (left for the caller to free).  Returns 1 for an ELF
 * file of another class or machine than M wants. */
static int parse_img(struct img *m, struct elf_info *out, struct err *e)
{
	bool interp = false;
	struct seg s;
	int rc;

	memset(out, 0, sizeof(*out));
	e->msg[0] = '\0';
	rc = read_header(m, out, e);
	for (unsigned i = 0; !rc && i < m->phnum; i++) {
		get_seg(m, i, &s);
		/* The first PT_INTERP and PT_DYNAMIC count, as for the kernel
		 * and ld.so; later ones are ignored. */
		if (s.type == ELF_PT_INTERP && !interp) {
			interp = true;
			rc = read_interp(m, &s, out, e);
		} else if (s.type == ELF_PT_DYNAMIC && !out->dynamic) {
			out->dynamic = true;
			rc = read_dynamic(m, &s, out, e);
		}
	}
	region_put(&m->ph);
	region_put(&m->head);
	return rc;
}

int elf_parse(const unsigned char *buf, size_t len, struct elf_info *out,
	      struct err *e)
{
	struct img m = { .b = buf, .len = len };

	if (parse_img(&m, out, e) < 0) {
		elf_info_free(out);
		return -1;
	}
	return 0;
}

void elf_info_free(struct elf_info *info)
{
	free(info->interp);
	free(info->soname);
	strv_free(&info->needed);
	strv_free(&info->rpath);
	strv_free(&info->runpath);
	memset(info, 0, sizeof(*info));
}

void elf_deps_free(struct elf_deps *deps)
{
	free(deps->interp);
	strv_free(&deps->paths);
	strv_free(&deps->search_dirs);
	deps->interp = NULL;
}

/* ---- Files ------------------------------------------------------------- */

/* Opens PATH for reading; -1 with errno set when it cannot be opened, is not
 * a regular file or is bigger than MAX. */
int elf_open_file(const char *path, uint64_t max, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, st) < 0)
		goto fail;
	errno = S_ISREG(st->st_mode) ? EFBIG : EISDIR;
	if (S_ISREG(st->st_mode) && (uint64_t)st->st_size <= max &&
	    (uint64_t)st->st_size <= SIZE_MAX)
		return fd;
fail:
	close(fd);
	return -1;
}

/* ---- The loader's view of an ABI --------------------------------------- */

struct abi {
	int machine, elf_class;
	const char *triplet;	/* Debian multiarch directory */
	const char *lib64;	/* biarch directory (/lib64, /usr/lib64) */
	const char *platform;	/* AT_PLATFORM, when not running natively */
	uint32_t cache_flags;	/* ldconfig's FLAG_ELF_LIBC6 | arch flags */
};

static const struct abi abis[] = {
	{ 62, 2, "x86_64-linux-gnu", "lib64", "x86_64", 0x0303 },
	{ 62, 1, "x86_64-linux-gnux32", "libx32", "x86_64", 0x0803 },
	{ 3, 1, "i386-linux-gnu", NULL, "i686", 0x0003 },
	{ 183, 2, "aarch64-linux-gnu", "lib64", "aarch64", 0x0a03 },
	{ 40, 1, "arm-linux-gnueabihf", NULL, "v7l", 0x0903 },
	{ 0, 0, NULL, NULL, "", 0x0003 },	/* anything else */
};

static const struct abi *abi_for(int machine, int elf_class)
{
	const struct abi *a = abis;

	while (a->machine && (a->machine != machine || a->elf_class != elf_class))
		a++;
	return a;
}

static const struct abi *abi_native(void)
{
#if defined(__x86_64__)
	return abi_for(ELF_EM_X86_64,
		       sizeof(void *) == 8 ? ELF_CLASS64 : ELF_CLASS32);
#elif defined(__aarch64__)
	return abi_for(ELF_EM_AARCH64, ELF_CLASS64);
#elif defined(__i386__)
	return abi_for(ELF_EM_386, ELF_CLASS32);
#elif defined(__arm__)
	return abi_for(ELF_EM_ARM, ELF_CLASS32);
#else
	return abi_for(0, 0);
#endif
}

/* ---- Resolution ---------------------------------------------------------- */

struct obj {
	char *path;		/* as the loader opens it */
	char *origin;		/* $ORIGIN, computed when first needed */
	struct strv names;	/* DT_NEEDED strings it satisfied */
	struct elf_info info;
	dev_t dev;
	ino_t ino;
	size_t loader;		/* the object whose DT_NEEDED loaded it */
};

struct resolver {
	struct obj **objs;	/* [0] the executable, [1] its interpreter */
	size_t n;
	const struct abi *abi;
	int elf_class, machine, data;	/* the executable's */
	char lib[64];		/* what $LIB expands to */
	struct strv ldpath, sysdirs;
	struct cache cache;
	int cache_state;	/* 0 unopened, 1 open, -1 unusable */
	char tried[256];	/* where the current name was searched */
	struct elf_deps *out;
};

static const char *origin_of(struct resolver *r, size_t i)
{
	struct obj *o = r->objs[i];
	char *p, *slash;

	if (o->origin)
		return o->origin;
	/* ld.so takes the executable's origin from /proc/self/exe, which the
	 * kernel spells canonically; a library's is the directory of the
	 * path it was opened by, symlinks and all. */
	p = i == 0 ? realpath(o->path, NULL) : strdup(o->path);
	slash = p ? strrchr(p, '/') : NULL;
	if (!slash) {
		free(p);
		return NULL;
	}
	slash[slash == p] = '\0';
	return o->origin = p;
}

static size_t dst_len(const char *s, const char *name)
{
	size_t n = strlen(name);

	if (*s == '{')
		return strncmp(s + 1, name, n) == 0 && s[n + 1] == '}' ? n + 2 : 0;
	if (strncmp(s, name, n) != 0)
		return 0;
	/* "$ORIGINAL" is not "$ORIGIN" followed by "AL". */
	return (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
	       (s[n] >= '0' && s[n] <= '9') || s[n] == '_' ? 0 : n;
}

static const char *dst_value(struct resolver *r, size_t i, const char *s,
			     size_t *len, bool *origin)
{
	if ((*len = dst_len(s, "ORIGIN"))) {
		*origin = true;
		return origin_of(r, i);
	}
	if ((*len = dst_len(s, "PLATFORM"))) {
		const char *p = (const char *)getauxval(AT_PLATFORM);

		return r->abi == abi_native() && p ? p : r->abi->platform;
	}
	if ((*len = dst_len(s, "LIB")))
		return r->lib;
	return NULL;
}

/* Expands $ORIGIN, $PLATFORM and $LIB (or ${...}) in S for object I.  -1
 * when the result does not fit or the origin is unknown: the loader drops
 * such a search path element. */
static int expand(struct resolver *r, size_t i, const char *s, char *buf,
		  size_t size, bool *origin)
{
	size_t w = 0, k = 0, n;
	const char *v;

	while (*s) {
		v = *s == '$' ? dst_value(r, i, s + 1, &k, origin) : NULL;
		if (*s == '$' && k && !v)
			return -1;
		n = v ? strlen(v) : 1;
		if (n >= size - w)
			return -1;
		memcpy(buf + w, v ? v : s, n);
		w += n;
		s += v ? k + 1 : 1;
	}
	buf[w] = '\0';
	return 0;
}

/* Makes PATH absolute against the current directory, as the loader's
 * open() would resolve it, so that the caller can bind it; strips a
 * trailing '/'.  -1 when it does not fit. */
static int absolute(const char *path, char *buf, size_t size)
{
	size_t n = 0;

	if (path[0] != '/') {
		if (!getcwd(buf, size))
			return -1;
		n = strlen(buf);
	}
	if ((size_t)snprintf(buf + n, size - n, "%s%s", n > 1 ? "/" : "",
			     path) >= size - n)
		return -1;
	n = strlen(buf);
	while (n > 1 && buf[n - 1] == '/')
		buf[--n] = '\0';
	return 0;
}

static int oom(struct err *e)
{
	return err_set(e, "out of memory");
}

static int add_obj(struct resolver *r, const char *path, size_t loader,
		   const struct stat *st, struct elf_info *info, struct err *e)
{
	struct obj *o, **v;

	if (r->n >= MAX_OBJS)
		return err_set(e, "more than %d libraries", MAX_OBJS);
	v = realloc(r->objs, (r->n + 1) * sizeof(*v));
	if (!v)
		return oom(e);
	r->objs = v;
	if (!(o = calloc(1, sizeof(*o))) || !(o->path = strdup(path))) {
		free(o);
		return oom(e);
	}
	o->info = *info;
	memset(info, 0, sizeof(*info));
	o->dev = st->st_dev;
	o->ino = st->st_ino;
	o->loader = loader;
	r->objs[r->n++] = o;
	if (r->n > 1 && strv_push(&r->out->paths, path) < 0)
		return oom(e);
	return 0;
}

/* Tries the absolute PATH for object LOADER: 1 and *IDX when it is (or is
 * the same file as) a loadable object, 0 to keep searching, -1 on error. */
static int try_file(struct resolver *r, size_t loader, const char *path,
		    size_t *idx, struct err *e)
{
	struct img m = { .want_class = r->elf_class,
			 .want_machine = r->machine, .want_data = r->data };
	struct elf_info info;
	struct stat st;
	int rc;

	if ((m.fd = elf_open_file(path, MAX_FILE, &st)) < 0)
		return 0;
	/* The loader reuses an object already loaded from the same file,
	 * whichever name reached it. */
	for (size_t i = 1; i < r->n; i++) {
		if (r->objs[i]->dev == st.st_dev && r->objs[i]->ino == st.st_ino) {
			close(m.fd);
			*idx = i;
			return 1;
		}
	}
	m.len = (size_t)st.st_size;
	rc = parse_img(&m, &info, e);
	close(m.fd);
	if (rc == 0) {
		*idx = r->n;
		rc = add_obj(r, path, loader, &st, &info, e) < 0 ? -1 : 1;
	} else if (rc < 0) {
		err_wrap(e, "%s", path);
	} else {
		rc = 0;		/* another class or machine: skipped */
	}
	elf_info_free(&info);
	return rc;
}

/* Remembers DIR for the error message; what does not fit is left out. */
static void note_tried(struct resolver *r, const char *dir)
{
	size_t n = strlen(r->tried), k = strlen(dir);

	if (n + 1 + k >= sizeof(r->tried))
		return;
	if (n)
		r->tried[n++] = ':';
	memcpy(r->tried + n, dir, k + 1);
}

/* Tries NAME in DIR; a hit through a directory that the loader in the jail
 * will not search by itself is added to search_dirs. */
static int try_in_dir(struct resolver *r, size_t li, const char *dir,
		      const char *name, bool record, size_t *idx,
		      struct err *e)
{
	char abs[PATH_MAX], path[PATH_MAX];
	int rc;

	/* An empty element is the current directory. */
	if (absolute(*dir ? dir : ".", abs, sizeof(abs)) < 0 ||
	    (size_t)snprintf(path, sizeof(path), "%s/%s",
			     strcmp(abs, "/") ? abs : "", name) >= sizeof(path))
		return 0;
	note_tried(r, abs);
	rc = try_file(r, li, path, idx, e);
	if (rc > 0 && record && !strv_contains(&r->out->search_dirs, abs) &&
	    strv_push(&r->out->search_dirs, abs) < 0)
		return oom(e);
	return rc;
}

enum list { RPATH, RUNPATH, LDPATH, SYSDIRS };

static const struct strv *list_of(struct resolver *r, size_t oi, enum list l)
{
	switch (l) {
	case RPATH:
		return &r->objs[oi]->info.rpath;
	case RUNPATH:
		return &r->objs[oi]->info.runpath;
	case LDPATH:
		return &r->ldpath;
	default:
		return &r->sysdirs;
	}
}

/* Tries NAME in each directory of list L, whose $ORIGIN is object OI's. */
static int try_list(struct resolver *r, size_t li, size_t oi, enum list l,
		    const char *name, size_t *idx, struct err *e)
{
	char dir[PATH_MAX];
	int rc = 0;

	for (size_t k = 0; !rc && k < list_of(r, oi, l)->n; k++) {
		bool origin = false;

		if (expand(r, oi, list_of(r, oi, l)->v[k], dir, sizeof(dir),
			   &origin) < 0)
			continue;
		rc = try_in_dir(r, li, dir, name, origin || l == LDPATH, idx, e);
	}
	return rc;
}

static int try_cache(struct resolver *r, size_t li, const char *name,
		     size_t *idx, struct err *e)
{
	const char *path;
	char dir[PATH_MAX];
	int rc;

	if (!r->cache_state)
		r->cache_state = cache_open(&r->cache, CACHE_FILE) < 0 ? -1 : 1;
	note_tried(r, "ld.so.cache");
	if (r->cache_state < 0 ||
	    !(path = cache_find(&r->cache, name, r->abi->cache_flags)) ||
	    strlen(path) >= sizeof(dir) || path[0] != '/')
		return 0;
	if ((rc = try_file(r, li, path, idx, e)) <= 0)
		return rc;
	strcpy(dir, path);
	*strrchr(dir, '/') = '\0';
	if (!strv_contains(&r->sysdirs, dir) &&
	    !strv_contains(&r->out->search_dirs, dir) &&
	    strv_push(&r->out->search_dirs, dir) < 0)
		return oom(e);
	return 1;
}

/* Searches NAME (no '/') for object LI in ld.so's order. */
static int search(struct resolver *r, size_t li, const char *name,
		  size_t *idx, struct err *e)
{
	int rc = 0;

	/* DT_RPATH of the object, then of the object that loaded it and on
	 * up to the executable, unless the object has DT_RUNPATH.  An
	 * object with both has its DT_RPATH ignored. */
	if (!r->objs[li]->info.runpath.n) {
		for (size_t l = li; !rc; l = r->objs[l]->loader) {
			if (!r->objs[l]->info.runpath.n)
				rc = try_list(r, li, l, RPATH, name, idx, e);
			if (l == 0)
				break;
		}
	}
	if (!rc)
		rc = try_list(r, li, 0, LDPATH, name, idx, e);
	if (!rc)
		rc = try_list(r, li, li, RUNPATH, name, idx, e);
	if (!rc)
		rc = try_cache(r, li, name, idx, e);
	if (!rc)
		rc = try_list(r, li, 0, SYSDIRS, name, idx, e);
	return rc;
}

/* Whether an object already loaded answers to NAME: ld.so compares a
 * DT_NEEDED with each object's path, the names it was loaded by and its
 * DT_SONAME before searching at all. */
static bool loaded(const struct resolver *r, const char *name)
{
	for (size_t i = 1; i < r->n; i++) {
		const struct obj *o = r->objs[i];

		if (strcmp(o->path, name) == 0 || strv_contains(&o->names, name) ||
		    (o->info.soname && strcmp(o->info.soname, name) == 0))
			return true;
	}
	return false;
}

static int load_needed(struct resolver *r, size_t li, const char *name,
		       struct err *e)
{
	char buf[PATH_MAX], abs[PATH_MAX];
	const char *who = r->objs[li]->path;
	bool origin = false;
	size_t idx;
	int rc;

	if (loaded(r, name))
		return 0;
	r->tried[0] = '\0';
	if (expand(r, li, name, buf, sizeof(buf), &origin) < 0)
		return err_set(e, "%s needs %s: cannot expand it", who, name);
	/* A name with a '/' is a path, not searched for. */
	if (strchr(buf, '/'))
		rc = absolute(buf, abs, sizeof(abs)) < 0 ? 0 :
			try_file(r, li, abs, &idx, e);
	else
		rc = search(r, li, buf, &idx, e);
	if (rc < 0)
		return err_wrap(e, "%s needs %s", who, name);
	if (rc == 0 && strchr(buf, '/'))
		return err_set(e, "%s needs %s: no such ELF file for its machine",
			       who, name);
	if (rc == 0)
		return err_set(e, "%s needs %s: not found in %s", who, name,
			       r->tried);
	return strv_push(&r->objs[idx]->names, name) < 0 ? oom(e) : 0;
}

static int load_exe(struct resolver *r, const char *exe, struct err *e)
{
	struct img m = { .fd = -1 };
	struct elf_info info;
	struct stat st;
	int rc;

	if ((m.fd = elf_open_file(exe, MAX_FILE, &st)) < 0)
		return err_sys(e, "cannot read %s", exe);
	m.len = (size_t)st.st_size;
	rc = parse_img(&m, &info, e);
	close(m.fd);
	if (rc == 0) {
		r->elf_class = info.elf_class;
		r->machine = info.machine;
		r->data = m.msb ? ELF_DATA_MSB : ELF_DATA_LSB;
		r->abi = abi_for(info.machine, info.elf_class);
		rc = add_obj(r, exe, 0, &st, &info, e);
	} else {
		err_wrap(e, "%s", exe);
	}
	elf_info_free(&info);
	return rc;
}

static int load_interp(struct resolver *r, struct err *e)
{
	const char *exe = r->objs[0]->path, *interp = r->objs[0]->info.interp;
	char abs[PATH_MAX];
	size_t idx;
	int rc;

	if (!(r->out->interp = strdup(interp)))
		return oom(e);
	if (absolute(interp, abs, sizeof(abs)) < 0)
		return err_set(e, "%s: interpreter path too long", exe);
	rc = try_file(r, 0, abs, &idx, e);
	if (rc < 0)
		return err_wrap(e, "interpreter of %s", exe);
	if (rc == 0 && access(abs, F_OK) < 0)
		return err_sys(e, "interpreter %s of %s", abs, exe);
	if (rc == 0)
		return err_set(e, "interpreter %s of %s is not for its machine",
			       abs, exe);
	return 0;
}

static int push_dir(struct strv *sv, const char *a, const char *b)
{
	char *s;

	if (!b)
		return 0;
	if (asprintf(&s, "%s%s", a, b) < 0)
		return -1;
	return strv_push_owned(sv, s);
}

/* The default directories are those of Debian's ld.so (multiarch, then
 * /lib and /usr/lib), plus the biarch ones other distributions use. */
static int setup(struct resolver *r, const char *ld_library_path,
		 struct err *e)
{
	const struct abi *a = r->abi;

	snprintf(r->lib, sizeof(r->lib), "lib%s%s", a->triplet ? "/" : "",
		 a->triplet ? a->triplet : "");
	if (push_dir(&r->sysdirs, "/lib/", a->triplet) < 0 ||
	    push_dir(&r->sysdirs, "/usr/lib/", a->triplet) < 0 ||
	    push_dir(&r->sysdirs, "/", a->lib64) < 0 ||
	    push_dir(&r->sysdirs, "/usr/", a->lib64) < 0 ||
	    strv_push(&r->sysdirs, "/lib") < 0 ||
	    strv_push(&r->sysdirs, "/usr/lib") < 0)
		return oom(e);
	/* ld.so splits LD_LIBRARY_PATH on ';' as well as ':'. */
	if (ld_library_path &&
	    split_path(ld_library_path, ":;", &r->ldpath) < 0)
		return oom(e);
	return 0;
}

/* Loads every DT_NEEDED breadth-first, as ld.so builds its search list.
 * The interpreter ([1]) is skipped: the kernel maps it, and ld.so does not
 * follow its DT_NEEDED. */
static int load_all(struct resolver *r, struct err *e)
{
	for (size_t i = 0; i < r->n; i++) {
		for (size_t k = 0; i != 1 && k < r->objs[i]->info.needed.n; k++)
			if (load_needed(r, i, r->objs[i]->info.needed.v[k], e) < 0)
				return -1;
	}
	return 0;
}

static void resolver_free(struct resolver *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->objs[i]->path);
		free(r->objs[i]->origin);
		strv_free(&r->objs[i]->names);
		elf_info_free(&r->objs[i]->info);
		free(r->objs[i]);
	}
	free(r->objs);
	strv_free(&r->ldpath);
	strv_free(&r->sysdirs);
	cache_close(&r->cache);
}

int elf_resolve(const char *exe, const char *ld_library_path,
		struct elf_deps *out, struct err *e)
{
	struct resolver r = { .out = out };
	int rc;

	memset(out, 0, sizeof(*out));
	rc = load_exe(&r, exe, e);
	/* An executable without PT_INTERP is static: nothing loads its
	 * libraries, whatever the file says.  A shared library (the preload
	 * library) has no PT_INTERP either, but its DT_NEEDED are loaded by
	 * whoever loads it. */
	if (rc == 0 && (r.objs[0]->info.interp ||
			(r.objs[0]->info.type == 3 /* ET_DYN */ &&
			 r.objs[0]->info.needed.n))) {
		if (setup(&r, ld_library_path, e) < 0 ||
		    (r.objs[0]->info.interp && load_interp(&r, e) < 0) ||
		    load_all(&r, e) < 0)
			rc = -1;
	}
	resolver_free(&r);
	if (rc < 0)
		elf_deps_free(out);
	return rc;
}

char *elf_cache_lookup(const char *cache_path, const char *soname)
{
	struct cache c;
	const char *path;
	char *res = NULL;

	if (cache_open(&c, cache_path ? cache_path : CACHE_FILE) < 0)
		return NULL;
	path = cache_find(&c, soname, abi_native()->cache_flags);
	if (path)
		res = strdup(path);
	cache_close(&c);
	return res;
}
