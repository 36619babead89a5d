/* /etc/ld.so.cache, read the way the dynamic loader reads it: both
 * formats, the loader's binary search and ordering, bounds checked (the
 * cache is input too). */
#ifndef JAIL_LDCACHE_H
#define JAIL_LDCACHE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#define CACHE_FILE	"/etc/ld.so.cache"
#define MAX_CACHE	((uint64_t)16 << 20)
#define HWCAP_EXT	((uint64_t)1 << 62)	/* entry is in glibc-hwcaps/ */

struct cache {
	unsigned char *buf;	/* the whole file */
	size_t len;
	const unsigned char *ents;
	uint32_t n;
	size_t entsize;
	size_t strs;		/* where string offsets count from */
};

/* 0, or -1 when PATH cannot be read or is not a cache. */
int cache_open(struct cache *c, const char *path);
void cache_close(struct cache *c);
/* The path the cache gives for library NAME with loader FLAGS, or NULL. */
const char *cache_find(const struct cache *c, const char *name, uint32_t flags);

/* Opens PATH for reading: -1 with errno set when it cannot be opened, is
 * not a regular file or is bigger than MAX (shared with elf.c). */
int elf_open_file(const char *path, uint64_t max, struct stat *st);

#endif
