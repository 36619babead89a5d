#define _GNU_SOURCE 1
#include "ldcache.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint32_t rd32n(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

void cache_close(struct cache *c)
{
	free(c->buf);
	c->buf = NULL;
}

static int cache_new_format(struct cache *c, size_t base)
{
	const unsigned char *p = c->buf + base;
	size_t len = c->len - base;
	unsigned endian;
	uint32_t n;

	if (len < 48 || memcmp(p, "glibc-ld.so.cache1.1", 20) != 0)
		return -1;
	/* 0: written before the flag existed; 2: little, 3: big endian. */
	endian = p[28] & 3;
	if (endian == 1 || (endian && endian != (htobe16(1) == 1 ? 3u : 2u)))
		return -1;
	n = rd32n(p + 20);
	if ((len - 48) / 24 < n)
		return -1;
	c->ents = p + 48;
	c->n = n;
	c->entsize = 24;
	c->strs = base;
	return 0;
}

/* Reads the cache and finds its entries.  The old "ld.so-1.7.0" format may
 * carry the new one after its own entries; the new one is used if present. */
int cache_open(struct cache *c, const char *path)
{
	const unsigned char *p;
	struct stat st;
	uint32_t n;
	size_t end;
	int fd;

	memset(c, 0, sizeof(*c));
	if ((fd = elf_open_file(path, MAX_CACHE, &st)) < 0)
		return -1;
	c->len = (size_t)st.st_size;
	c->buf = malloc(c->len ? c->len : 1);
	if (!c->buf || read(fd, c->buf, c->len) != (ssize_t)c->len)
		goto bad;
	close(fd);
	fd = -1;
	p = c->buf;
	if (c->len >= 16 && memcmp(p, "ld.so-1.7.0", 11) == 0) {
		n = rd32n(p + 12);
		if ((c->len - 16) / 12 < n)
			goto bad;
		end = 16 + (size_t)n * 12;
		if ((end + 7) / 8 * 8 <= c->len &&
		    cache_new_format(c, (end + 7) / 8 * 8) == 0)
			return 0;
		c->ents = p + 16;
		c->n = n;
		c->entsize = 12;
		c->strs = end;
		return 0;
	}
	if (cache_new_format(c, 0) == 0)
		return 0;
bad:
	if (fd >= 0)
		close(fd);
	cache_close(c);
	return -1;
}

static const char *cache_str(const struct cache *c, uint32_t off)
{
	const char *s = (const char *)c->buf + c->strs;
	size_t max = c->len - c->strs;

	return off < max && memchr(s + off, '\0', max - off) ? s + off : NULL;
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* Compares the digit runs at *A and *B as numbers, past leading zeros so
 * no value can overflow, and moves both past them. */
static int numcmp(const char **a, const char **b)
{
	const char *x = *a, *y = *b;
	size_t nx = 0, ny = 0;
	int c;

	while (*x == '0')
		x++;
	while (*y == '0')
		y++;
	while (is_digit(x[nx]))
		nx++;
	while (is_digit(y[ny]))
		ny++;
	*a = x + nx;
	*b = y + ny;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	c = memcmp(x, y, nx);
	return (c > 0) - (c < 0);
}

/* ldconfig sorts the cache by this order (digit runs compare as numbers,
 * so libfoo.so.10 sorts after libfoo.so.9) and ld.so binary-searches it,
 * so the lookup must compare exactly the same way. */
static int libcmp(const char *a, const char *b)
{
	while (*a) {
		if (is_digit(*a) && is_digit(*b)) {
			int c = numcmp(&a, &b);

			if (c)
				return c;
		} else if (is_digit(*a) || is_digit(*b)) {
			return is_digit(*a) ? 1 : -1;
		} else if (*a != *b) {
			return *a - *b;
		} else {
			a++;
			b++;
		}
	}
	return -*b;
}

static const char *cache_key(const struct cache *c, size_t i)
{
	return cache_str(c, rd32n(c->ents + i * c->entsize + 4));
}

/* Finds NAME for the ABI whose entries carry FLAGS.  An entry in a
 * glibc-hwcaps subdirectory is taken only when there is no plain one: the
 * loader in the jail has no cache and falls back to the plain directory. */
const char *cache_find(const struct cache *c, const char *name,
			      uint32_t flags)
{
	const char *key, *hw = NULL;
	size_t lo = 0, hi = c->n, i;
	int cmp = 1;

	/* Entries are sorted in decreasing libcmp order. */
	while (lo < hi && cmp) {
		i = lo + (hi - lo) / 2;
		if (!(key = cache_key(c, i)))
			return NULL;
		cmp = libcmp(name, key);
		if (cmp < 0)
			lo = i + 1;
		else if (cmp > 0)
			hi = i;
	}
	if (cmp)
		return NULL;
	while (i > 0 && (key = cache_key(c, i - 1)) && !libcmp(name, key))
		i--;
	for (; i < c->n && (key = cache_key(c, i)) && !libcmp(name, key); i++) {
		const unsigned char *ent = c->ents + i * c->entsize;
		const char *val = cache_str(c, rd32n(ent + 8));
		uint64_t hwcap = 0;

		if (c->entsize == 24)
			memcpy(&hwcap, ent + 16, sizeof(hwcap));
		if (rd32n(ent) != flags || !val)
			continue;
		if (!hwcap)
			return val;
		if (!hw && (hwcap & HWCAP_EXT))
			hw = val;
	}
	return hw;
}

