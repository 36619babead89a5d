/* Syscall names and numbers on the native architecture, and how their
 * arguments are read and shown.
 *
 * Names and numbers come from libseccomp, completed by jail's own table of
 * syscalls newer than the installed libseccomp (2.5.4 stops at
 * futex_requeue, 456).  Both are read once into a table indexed by number
 * (see table()); argument types live in sysargs.c.
 */
#include "syscalls.h"
#include "consttab.h"

#include <seccomp.h>
#include <stdlib.h>
#include <string.h>

/* Numbers at or above this are never syscalls jail names (arm's private
 * 0xf0000 range is out of scope). */
#define NR_LIMIT 1024

enum {
	ARCH_X86_64 = 1 << 0,
	ARCH_AARCH64 = 1 << 1,
	/* Since Linux 5.1 new syscalls get one number on every architecture
	 * (arch/x86's 4xx equals asm-generic's), so these share it. */
	ARCH_ALL = ARCH_X86_64 | ARCH_AARCH64,
};

#if defined(__x86_64__)
#define NATIVE_ARCH ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_ARCH ARCH_AARCH64
#else
#define NATIVE_ARCH 0	/* only libseccomp's names */
#endif

/* Syscalls the installed libseccomp may not know.  Numbers checked against
 * the kernel's syscall tables (arch/x86/entry/syscalls/syscall_64.tbl and
 * scripts/syscall.tbl), and on x86_64 by calling each on Linux 6.18. */
static const struct newer_sys {
	const char *name;
	int nr;
	unsigned arches;
} newer[] = {
	{ "uretprobe", 335, ARCH_X86_64 },	/* 6.11 */
	{ "uprobe", 336, ARCH_X86_64 },		/* 6.18 */
	{ "statmount", 457, ARCH_ALL },		/* 6.8 */
	{ "listmount", 458, ARCH_ALL },
	{ "lsm_get_self_attr", 459, ARCH_ALL },	/* 6.8 */
	{ "lsm_set_self_attr", 460, ARCH_ALL },
	{ "lsm_list_modules", 461, ARCH_ALL },
	{ "mseal", 462, ARCH_ALL },		/* 6.10 */
	{ "setxattrat", 463, ARCH_ALL },	/* 6.13 */
	{ "getxattrat", 464, ARCH_ALL },
	{ "listxattrat", 465, ARCH_ALL },
	{ "removexattrat", 466, ARCH_ALL },
	{ "open_tree_attr", 467, ARCH_ALL },	/* 6.15 */
	{ "file_getattr", 468, ARCH_ALL },	/* 6.17 */
	{ "file_setattr", 469, ARCH_ALL },
	{ "listns", 470, ARCH_ALL },		/* 6.19 */
};

/* The native table, built on first use and kept for the life of the
 * process (the names are never freed).  Not thread-safe: jail calls these
 * functions from its single-threaded parent, before forking, and the
 * preload constructor runs before any thread of the target exists. */
static struct {
	bool built;
	int max;
	size_t count;
	const char *name[NR_LIMIT];
	short order[NR_LIMIT];	/* the known numbers, ascending */
} tab;

/* Overridden by the generated src/baseline-bpf.c where it is linked in:
 * asking libseccomp for 1024 numbers costs a fifth of a millisecond,
 * every start. */
__attribute__((weak)) const char *const *syscall_names_built(int *n)
{
	*n = 0;
	return NULL;
}

static void table_from_libseccomp(void);

static void table_build(void)
{
	int nbuilt;
	const char *const *built = syscall_names_built(&nbuilt);

	if (built) {
		for (int nr = 0; nr < NR_LIMIT && nr < nbuilt; nr++)
			tab.name[nr] = built[nr];
	} else {
		table_from_libseccomp();
	}
	tab.max = -1;
	for (int nr = 0; nr < NR_LIMIT; nr++) {
		if (!tab.name[nr])
			continue;
		tab.order[tab.count++] = (short)nr;
		tab.max = nr;
	}
	tab.built = true;
}

static void table_from_libseccomp(void)
{
	for (int nr = 0; nr < NR_LIMIT; nr++)
		tab.name[nr] = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
	for (size_t i = 0; i < sizeof(newer) / sizeof(newer[0]); i++) {
		const struct newer_sys *s = &newer[i];

		/* A newer libseccomp may know it already: its entry wins. */
		if (!(s->arches & NATIVE_ARCH) || tab.name[s->nr] ||
		    seccomp_syscall_resolve_name(s->name) >= 0)
			continue;
		tab.name[s->nr] = s->name;
	}
}

static void table(void)
{
	if (!tab.built)
		table_build();
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int sys_number(const char *name)
{
	if (!name || !*name)
		return -1;
	if (all_digits(name)) {
		/* strlen bound keeps strtol away from overflow */
		long n = strlen(name) <= 4 ? strtol(name, NULL, 10) : NR_LIMIT;

		return n < NR_LIMIT ? (int)n : -1;
	}
	table();
	for (size_t i = 0; i < tab.count; i++)
		if (strcmp(tab.name[tab.order[i]], name) == 0)
			return tab.order[i];
	return -1;
}

const char *sys_name(int nr)
{
	if (nr < 0 || nr >= NR_LIMIT)
		return NULL;
	table();
	return tab.name[nr];
}

int sys_max(void)
{
	table();
	return tab.max;
}

bool sys_iter(size_t i, const char **name, int *nr)
{
	table();
	if (i >= tab.count)
		return false;
	*nr = tab.order[i];
	*name = tab.name[*nr];
	return true;
}

/* The architectures whose profiles jail accepts names from. */
static const uint32_t other_arches[] = {
	SCMP_ARCH_X86_64, SCMP_ARCH_X86, SCMP_ARCH_AARCH64, SCMP_ARCH_ARM,
	SCMP_ARCH_RISCV64,
};

bool sys_known_elsewhere(const char *name)
{
	if (!name || !*name || all_digits(name) || sys_number(name) >= 0)
		return false;
	/* libseccomp answers a name it knows but that does not exist on an
	 * architecture with a negative pseudo number, hence ">= 0". */
	for (size_t i = 0; i < sizeof(other_arches) / sizeof(other_arches[0]); i++)
		if (seccomp_syscall_resolve_name_arch(other_arches[i], name) >= 0)
			return true;
	for (size_t i = 0; i < sizeof(newer) / sizeof(newer[0]); i++)
		if (strcmp(newer[i].name, name) == 0)
			return true;
	return false;
}

const char *sys_suggest(const char *name)
{
	const char *best = NULL;
	unsigned best_d = 3;	/* within two edits */

	if (!name || !*name)
		return NULL;
	table();
	for (size_t i = 0; i < tab.count; i++) {
		const char *cand = tab.name[tab.order[i]];
		unsigned d = edit_distance(name, cand, best_d - 1);

		if (d < best_d && strcmp(cand, name) != 0) {
			best_d = d;
			best = cand;
		}
	}
	return best;
}

bool arg_type_is_32bit(enum arg_type t)
{
	switch (t) {
	case A_INT:
	case A_UINT:
	case A_FD:
	case A_DIRFD:
	case A_AF:
	case A_SOCKTYPE:
	case A_OFLAGS:
	case A_MODE:
	case A_PROT:
	case A_MAPFLAGS:
	case A_CLONEFLAGS:
	case A_IOCTL:
	case A_FCNTL:
	case A_SIGNAL:
	case A_PRCTL:
		return true;
	case A_NONE:
	case A_LONG:
	case A_HEX:
	case A_PTR:
	case A_STR:
	default:
		return false;
	}
}

/* NAME from family F, else V in decimal.  Tables hold negative values
 * sign-extended (AT_FDCWD), so V is too. */
static void fmt_named(enum const_fam f, int32_t v, char *buf, size_t len,
		      size_t *pos)
{
	const char *n = const_name(f, (uint64_t)(int64_t)v);

	if (n)
		buf_append(buf, len, pos, "%s", n);
	else
		buf_append(buf, len, pos, "%d", v);
}

/* An access mode and flag bits: "O_RDONLY|O_CLOEXEC". */
static void fmt_oflags(uint32_t v, char *buf, size_t len, size_t *pos)
{
	const char *acc = const_name(FAM_OACC, v & 3);

	/* 3 is not a valid access mode; it is left to the hex remainder. */
	if ((v & 3) == 3)
		acc = NULL;
	if (acc) {
		buf_append(buf, len, pos, "%s", acc);
		v &= ~3u;
	}
	if (v) {
		if (acc)
			buf_append(buf, len, pos, "|");
		const_flags_append(FAM_OFLAGS, v, buf, len, pos);
	}
}

/* A value field in the low bits (socket type, mapping type) then flags. */
static void fmt_value_flags(enum const_fam vf, uint32_t mask, enum const_fam ff,
			    uint32_t v, char *buf, size_t len, size_t *pos)
{
	const char *n = const_name(vf, v & mask);
	size_t start = *pos;

	if (n)
		buf_append(buf, len, pos, "%s", n);
	else if (v & mask)
		buf_append(buf, len, pos, "%#x", v & mask);
	v &= ~mask;
	if (v) {
		if (*pos > start)
			buf_append(buf, len, pos, "|");
		const_flags_append(ff, v, buf, len, pos);
	}
	if (*pos == start)
		buf_append(buf, len, pos, "0");
}

static void fmt_signal(int32_t s, char *buf, size_t len, size_t *pos)
{
	const char *n = s > 0 ? const_name(FAM_SIGNAL, (uint64_t)s) : NULL;

	if (n)
		buf_append(buf, len, pos, "%s", n);
	else if (s >= 32 && s <= 64)	/* the kernel's SIGRTMIN is 32 */
		buf_append(buf, len, pos, "SIGRT_%d", s - 32);
	else
		buf_append(buf, len, pos, "%d", s);
}

/* clone's low byte is the child's exit signal; unshare's 0x80 is
 * CLONE_NEWTIME (no signal is numbered 128, so 0x80 is shown as that). */
static void fmt_clone(uint32_t v, char *buf, size_t len, size_t *pos)
{
	uint32_t low = v & 0xff;
	size_t start = *pos;

	if (v & ~0xffu)
		const_flags_append(FAM_CLONE, v & ~0xffu, buf, len, pos);
	if (low) {
		if (*pos > start)
			buf_append(buf, len, pos, "|");
		if (low == 0x80)
			buf_append(buf, len, pos, "CLONE_NEWTIME");
		else
			fmt_signal((int32_t)low, buf, len, pos);
	}
	if (*pos == start)
		buf_append(buf, len, pos, "0");
}

static void fmt_flags(enum const_fam f, uint32_t v, char *buf, size_t len,
		      size_t *pos)
{
	const char *zero = const_name(f, 0);

	if (v == 0)
		buf_append(buf, len, pos, "%s", zero ? zero : "0");
	else
		const_flags_append(f, v, buf, len, pos);
}

void arg_format(enum arg_type t, uint64_t v, char *buf, size_t len)
{
	uint32_t u = (uint32_t)v;	/* what the kernel reads of a 32-bit type */
	int32_t i = (int32_t)u;
	size_t pos = 0;
	const char *n;

	if (!buf || len == 0)
		return;
	buf[0] = '\0';
	switch (t) {
	case A_LONG:
		buf_append(buf, len, &pos, "%lld", (long long)v);
		break;
	case A_PTR:
	case A_STR:
		if (v == 0)
			buf_append(buf, len, &pos, "NULL");
		else
			buf_append(buf, len, &pos, "%#llx", (unsigned long long)v);
		break;
	case A_INT:
	case A_FD:
		buf_append(buf, len, &pos, "%d", i);
		break;
	case A_UINT:
		buf_append(buf, len, &pos, "%u", u);
		break;
	case A_DIRFD:
		fmt_named(FAM_AT, i, buf, len, &pos);
		break;
	case A_AF:
		fmt_named(FAM_AF, i, buf, len, &pos);
		break;
	case A_FCNTL:
		fmt_named(FAM_FCNTL, i, buf, len, &pos);
		break;
	case A_PRCTL:
		fmt_named(FAM_PRCTL, i, buf, len, &pos);
		break;
	case A_SIGNAL:
		fmt_signal(i, buf, len, &pos);
		break;
	case A_SOCKTYPE:
		fmt_value_flags(FAM_SOCKTYPE, 0xf, FAM_SOCKFLAGS, u, buf, len, &pos);
		break;
	case A_MAPFLAGS:
		fmt_value_flags(FAM_MAPTYPE, 0xf, FAM_MAPFLAGS, u, buf, len, &pos);
		break;
	case A_OFLAGS:
		fmt_oflags(u, buf, len, &pos);
		break;
	case A_PROT:
		fmt_flags(FAM_PROT, u, buf, len, &pos);
		break;
	case A_CLONEFLAGS:
		fmt_clone(u, buf, len, &pos);
		break;
	case A_MODE:
		if (u)
			buf_append(buf, len, &pos, "%#o", u);
		else
			buf_append(buf, len, &pos, "0");
		break;
	case A_IOCTL:
		n = const_name(FAM_IOCTL, u);
		if (n)
			buf_append(buf, len, &pos, "%s", n);
		else
			buf_append(buf, len, &pos, "%#x", u);
		break;
	case A_NONE:
	case A_HEX:
	default:
		if (v == 0)
			buf_append(buf, len, &pos, "0");
		else
			buf_append(buf, len, &pos, "%#llx", (unsigned long long)v);
		break;
	}
}
