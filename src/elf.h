/* Which files a dynamic executable needs, found by reading ELF headers the
 * way the dynamic loader would (never by running ldd or the program).
 */
#ifndef JAIL_ELF_H
#define JAIL_ELF_H

#include <stdbool.h>
#include <sys/types.h>

#include "err.h"
#include "strv.h"

struct elf_deps {
	/* PT_INTERP of the executable as written in it, or NULL when static. */
	char *interp;
	/* Every path the loader will open, as it will spell it (not
	 * canonicalised): the interpreter first, then each library found for
	 * each DT_NEEDED, breadth-first, without duplicates.  The executable
	 * itself is not included. */
	struct strv paths;
	/* Directories the loader inside the jail would not search by itself
	 * and must be given through LD_LIBRARY_PATH: those where a library was
	 * found through the caller's LD_LIBRARY_PATH (jail strips LD_* from the
	 * target's environment), through $ORIGIN (the loader cannot read
	 * /proc/self/exe in the jail, so it cannot expand $ORIGIN there) or
	 * through /etc/ld.so.cache outside the loader's default directories
	 * (the jail has no ld.so.cache).  Absolute, no trailing '/'. */
	struct strv search_dirs;
};

/* Resolves the dependencies of EXE (an absolute path to an ELF file).
 * LD_LIBRARY_PATH is the caller's value or NULL.  A library that cannot be
 * found is an error naming it and the object that needs it.  A file that is
 * not ELF gives an error; a static executable gives empty deps.  Relative
 * directories (in DT_RPATH, LD_LIBRARY_PATH, ...) are taken against the
 * current directory, as the loader would, and reported absolute. */
int elf_resolve(const char *exe, const char *ld_library_path,
		struct elf_deps *out, struct err *e);

/* Parses an in-memory ELF image: fills INTERP (malloc'd or NULL), NEEDED,
 * RPATH and RUNPATH (split on ':', unexpanded; an empty element means the
 * current directory, as for the loader) and SONAME (malloc'd or NULL: the
 * loader reuses an already loaded object whose SONAME equals a DT_NEEDED).
 * Never reads outside [buf, buf+len); on failure OUT is left empty.
 * elf_resolve uses the same parser, reading only the parts it needs of each
 * file with pread. */
struct elf_info {
	char *interp;
	char *soname;
	struct strv needed;
	struct strv rpath;
	struct strv runpath;
	int elf_class;		/* ELFCLASS32 or ELFCLASS64 */
	int machine;		/* e_machine */
	int type;		/* e_type: 2 an executable, 3 a shared object or PIE */
	bool dynamic;		/* has PT_DYNAMIC */
};
int elf_parse(const unsigned char *buf, size_t len, struct elf_info *out,
	      struct err *e);
void elf_info_free(struct elf_info *info);
void elf_deps_free(struct elf_deps *deps);

/* Looks up SONAME in /etc/ld.so.cache (parsed once per call; CACHE may be
 * NULL for the system's).  Returns a malloc'd path or NULL. */
char *elf_cache_lookup(const char *cache_path, const char *soname);

#endif
