/* libFuzzer harness for the ELF parser: every byte of an ELF image is
 * untrusted (jail parses the target and each library it finds).
 *
 * Each input is parsed twice: in memory through elf_parse, and from a file
 * through elf_resolve, which reads only the parts it needs with pread and
 * so takes other paths (and may go on to read the system's libraries).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Isrc \
 *	tests/fuzz/fuzz-elf.c src/elf.c src/ldcache.c src/err.c src/strv.c -o fuzz-elf
 *   mkdir new; ./fuzz-elf -max_total_time=60 new tests/fuzz/corpus/elf
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t touch(const struct strv *sv)
{
	size_t n = 0;

	for (size_t i = 0; i < sv->n; i++)
		n += strlen(sv->v[i]);
	return n;
}

static void parse(const uint8_t *data, size_t size)
{
	struct elf_info info;
	struct err e;

	if (elf_parse(data, size, &info, &e) < 0) {
		if (!e.msg[0])
			__builtin_trap();	/* every failure says why */
		return;
	}
	/* Touch every string, so that a missing terminator shows up. */
	(void)(touch(&info.needed) + touch(&info.rpath) + touch(&info.runpath) +
	       (info.interp ? strlen(info.interp) : 0) +
	       (info.soname ? strlen(info.soname) : 0));
	elf_info_free(&info);
}

static void resolve(const uint8_t *data, size_t size)
{
	static int fd = -1;
	char path[64];
	struct elf_deps deps;
	struct err e;

	if (fd < 0 && (fd = memfd_create("fuzz-elf", MFD_CLOEXEC)) < 0)
		return;
	if (ftruncate(fd, 0) < 0 ||
	    pwrite(fd, data, size, 0) != (ssize_t)size)
		return;
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (elf_resolve(path, NULL, &deps, &e) == 0)
		elf_deps_free(&deps);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	parse(data, size);
	resolve(data, size);
	return 0;
}
