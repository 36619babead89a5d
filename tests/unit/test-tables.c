/* The syscall, constant, group and baseline tables. */
#include "baseline.h"
#include "constants.h"
#include "consttab.h"
#include "groups.h"
#include "syscalls.h"
#include "tap.h"

#include <errno.h>
#include <string.h>

static bool known(const char *name)
{
	return sys_number(name) >= 0 || sys_known_elsewhere(name);
}

static void fmt_is(enum arg_type t, uint64_t v, const char *want)
{
	char buf[256];

	arg_format(t, v, buf, sizeof(buf));
	tap_ok(strcmp(buf, want) == 0, "arg_format(%d, %#llx) = \"%s\" (want \"%s\")",
	       (int)t, (unsigned long long)v, buf, want);
}

static void test_names(void)
{
	const char *name;
	int nr, prev = -1;
	size_t n = 0;
	bool ordered = true, round = true;

	tap_ok(sys_number("read") == sys_number("0") || sys_number("read") >= 0,
	       "read resolves");
	for (size_t i = 0; sys_iter(i, &name, &nr); i++, n++) {
		if (nr <= prev)
			ordered = false;
		if (sys_number(name) != nr || strcmp(sys_name(nr), name) != 0)
			round = false;
		prev = nr;
	}
	tap_ok(n > 300, "sys_iter yields %zu syscalls", n);
	tap_ok(ordered, "sys_iter is in number order");
	tap_ok(round, "every name <-> number round trip holds");
	tap_ok(prev == sys_max(), "the last syscall is sys_max() = %d", sys_max());
	tap_ok(sys_number("no_such_syscall") == -1, "unknown name -> -1");
	tap_ok(sys_number("") == -1 && sys_number(NULL) == -1, "empty -> -1");
	tap_ok(sys_number("1024") == -1 && sys_number("-1") == -1 &&
	       sys_number("12x") == -1, "bad numbers -> -1");
	tap_ok(sys_number("1023") == 1023, "decimal numbers up to 1023");
	tap_ok(sys_name(-1) == NULL && sys_name(100000) == NULL, "sys_name range");
	tap_ok(sys_suggest("unmae") && strcmp(sys_suggest("unmae"), "uname") == 0,
	       "unmae -> uname");
	tap_ok(sys_suggest("xyzzyqwerty") == NULL, "no suggestion for garbage");
	tap_ok(!sys_known_elsewhere("read"), "a native name is not 'elsewhere'");
	tap_ok(!sys_known_elsewhere("no_such_syscall"), "garbage is nowhere");
	tap_ok(sys_known_elsewhere("mmap2"), "mmap2 (32-bit) is known elsewhere");
#if defined(__x86_64__)
	tap_ok(sys_number("read") == 0 && sys_number("write") == 1, "read 0, write 1");
	tap_ok(sys_number("open") == 2, "open is 2 on x86_64");
	tap_ok(sys_number("mseal") == 462, "mseal is 462");
	tap_ok(sys_number("statmount") == 457 && sys_number("listmount") == 458,
	       "statmount 457, listmount 458");
	tap_ok(sys_number("file_setattr") == 469, "file_setattr 469");
	tap_ok(sys_number("uretprobe") == 335, "uretprobe 335");
	tap_ok(sys_number("futex_requeue") == 456, "futex_requeue 456 (libseccomp)");
	tap_ok(strcmp(sys_name(462), "mseal") == 0, "462 is mseal");
	tap_ok(sys_name(400) == NULL, "400 is a hole");
	tap_ok(sys_max() >= 469, "sys_max %d >= 469", sys_max());
	/* renameat is native on x86_64 but absent from aarch64's table */
	tap_ok(sys_number("renameat") == 264, "renameat 264");
	tap_ok(sys_known_elsewhere("riscv_flush_icache"), "riscv_flush_icache elsewhere");
	tap_ok(sys_known_elsewhere("set_tls"), "set_tls (arm only) is known elsewhere");
#elif defined(__aarch64__)
	tap_ok(sys_number("open") == -1 && sys_known_elsewhere("open"),
	       "open is x86-only");
	tap_ok(sys_number("mseal") == 462, "mseal is 462");
	tap_ok(sys_known_elsewhere("uretprobe"), "uretprobe is x86-only");
#endif
}

static void test_args(void)
{
	const struct sys_args *a = sys_args(sys_number("ioctl"));
	bool all = true;
	const char *n;

	tap_ok(a && a->argc == 3 && a->type[1] == A_IOCTL, "ioctl's cmd is A_IOCTL");
	tap_ok(a && arg_type_is_32bit((enum arg_type)a->type[1]),
	       "ioctl's cmd is 32-bit");
	a = sys_args(sys_number("socket"));
	tap_ok(a && a->type[0] == A_AF && a->type[1] == A_SOCKTYPE, "socket args");
	a = sys_args(sys_number("mmap"));
	tap_ok(a && a->argc == 6 && a->type[2] == A_PROT, "mmap args");
	tap_ok(!arg_type_is_32bit(A_PTR) && !arg_type_is_32bit(A_LONG) &&
	       arg_type_is_32bit(A_FD) && arg_type_is_32bit(A_CLONEFLAGS),
	       "32-bit types");
	tap_ok(sys_args(-1) == NULL, "sys_args(-1) is NULL");
	for (size_t i = 0; (n = sys_args_entry_name(i)); i++) {
		if (!known(n)) {
			tap_ok(0, "argument table entry %s is a syscall", n);
			all = false;
		}
	}
	tap_ok(all, "every argument table entry is a syscall");
}

static void test_format(void)
{
	uint64_t v = 0;

	fmt_is(A_AF, 2, "AF_INET");
	fmt_is(A_AF, 12345, "12345");
	fmt_is(A_SOCKTYPE, 1 | 02000000, "SOCK_STREAM|SOCK_CLOEXEC");
	fmt_is(A_SOCKTYPE, 02000000, "SOCK_CLOEXEC");
	fmt_is(A_DIRFD, 0xffffff9cULL, "AT_FDCWD");
	fmt_is(A_DIRFD, 0xffffffffffffff9cULL, "AT_FDCWD");
	fmt_is(A_DIRFD, 3, "3");
	fmt_is(A_FD, 0xffffffffULL, "-1");
	fmt_is(A_FD, 0x1ffffffffULL, "-1");
	fmt_is(A_OFLAGS, 02000000, "O_RDONLY|O_CLOEXEC");
	fmt_is(A_OFLAGS, 0, "O_RDONLY");
	fmt_is(A_OFLAGS, 2 | 0100 | 01000, "O_RDWR|O_CREAT|O_TRUNC");
	fmt_is(A_IOCTL, 0x5412, "TIOCSTI");
	fmt_is(A_IOCTL, 0xdead00005412ULL, "TIOCSTI");
	fmt_is(A_IOCTL, 0x12345678, "0x12345678");
	fmt_is(A_PROT, 1 | 4, "PROT_READ|PROT_EXEC");
	fmt_is(A_PROT, 0, "PROT_NONE");
	fmt_is(A_PROT, 1 | 0x40, "PROT_READ|0x40");
	fmt_is(A_MAPFLAGS, 0x02 | 0x20, "MAP_PRIVATE|MAP_ANONYMOUS");
	fmt_is(A_CLONEFLAGS, 0x10000000 | 17, "CLONE_NEWUSER|SIGCHLD");
	fmt_is(A_CLONEFLAGS, 0x80, "CLONE_NEWTIME");
	fmt_is(A_FCNTL, 2, "F_SETFD");
	fmt_is(A_SIGNAL, 15, "SIGTERM");
	fmt_is(A_SIGNAL, 34, "SIGRT_2");
	fmt_is(A_PRCTL, 38, "PR_SET_NO_NEW_PRIVS");
	fmt_is(A_PTR, 0, "NULL");
	fmt_is(A_PTR, 0x7ffc1000, "0x7ffc1000");
	fmt_is(A_MODE, 0644, "0644");
	fmt_is(A_LONG, (uint64_t)-5, "-5");
	fmt_is(A_HEX, 0, "0");
	{
		char small[8];

		arg_format(A_CLONEFLAGS, 0x7e020000, small, sizeof(small));
		tap_ok(strlen(small) == 7, "truncates to the buffer: \"%s\"", small);
	}
	tap_ok(const_lookup("O_ACCMODE", &v) && v == 3, "O_ACCMODE = 3");
	tap_ok(const_lookup("AT_FDCWD", &v) && v == 0xffffffffffffff9cULL,
	       "AT_FDCWD sign-extended");
	tap_ok(const_lookup("AF_NETLINK", &v) && v == 16, "AF_NETLINK = 16");
	tap_ok(const_lookup("PF_INET6", &v) && v == 10, "PF_INET6 = AF_INET6");
	tap_ok(const_lookup("TIOCSTI", &v) && v == 0x5412, "TIOCSTI");
	tap_ok(const_lookup("CLONE_NEWUSER", &v) && v == 0x10000000, "CLONE_NEWUSER");
	tap_ok(const_lookup("MFD_EXEC", &v) && v == 0x10, "MFD_EXEC");
	tap_ok(!const_lookup("O_NOPE", &v), "unknown constant");
	tap_ok(const_suggest("O_CLOEXCE") && strcmp(const_suggest("O_CLOEXCE"), "O_CLOEXEC") == 0,
	       "O_CLOEXCE -> O_CLOEXEC");
	tap_ok(errno_lookup("ENETDOWN") == ENETDOWN, "errno_lookup(ENETDOWN)");
	tap_ok(errno_lookup("42") == 42, "errno_lookup(\"42\")");
	tap_ok(errno_lookup("0") == -1 && errno_lookup("4096") == -1 &&
	       errno_lookup("EPERMX") == -1 && errno_lookup("") == -1,
	       "bad errnos -> -1");
	tap_ok(errno_lookup("EHWPOISON") == EHWPOISON && errno_lookup("E2BIG") == E2BIG,
	       "first and last errno");
	tap_ok(strcmp(errno_name(EAGAIN), "EAGAIN") == 0, "EAGAIN, not EWOULDBLOCK");
	tap_ok(errno_name(0) == NULL && errno_name(9999) == NULL, "errno_name range");
}

/* Each constant name means one value, whatever family it is found in. */
static void test_const_unique(void)
{
	bool ok = true;

	for (int f = 0; f < FAM_COUNT; f++) {
		const struct const_family *a = const_family((enum const_fam)f);

		for (size_t i = 0; i < a->len; i++) {
			uint64_t v;

			if (!const_lookup(a->ents[i].name, &v) || v != a->ents[i].value) {
				tap_ok(0, "%s is ambiguous", a->ents[i].name);
				ok = false;
			}
		}
	}
	tap_ok(ok, "constant names are unambiguous");
}

/* Depth-first walk: 1 = on the current path (a cycle if met again). */
static bool group_walk(const struct sys_group *g, char *state)
{
	size_t gi = (size_t)(g - sys_groups);
	bool ok = true;

	if (state[gi] == 2)
		return true;
	if (state[gi] == 1) {
		tap_ok(0, "group %s is part of a cycle", g->name);
		return false;
	}
	state[gi] = 1;
	for (size_t i = 0; g->members && g->members[i]; i++) {
		const char *m = g->members[i];

		if (m[0] == '@') {
			const struct sys_group *sub = group_find(m);

			if (!sub) {
				tap_ok(0, "%s: group %s exists", g->name, m);
				ok = false;
			} else if (!group_walk(sub, state)) {
				ok = false;
			}
		} else if (!known(m)) {
			tap_ok(0, "%s: %s is a syscall here or elsewhere", g->name, m);
			ok = false;
		}
	}
	state[gi] = 2;
	return ok;
}

static void test_groups(void)
{
	char state[256] = { 0 };
	bool ok = true, helps = true;
	const char *spec[] = { "@default", "@basic-io", "@file-system",
		"@io-event", "@ipc", "@memory", "@network-io", "@process",
		"@signal", "@timer", "@startup-dynamic", "@startup-static",
		"@system-service", "@aio", "@chown", "@clock", "@credentials",
		"@debug", "@keyring", "@module", "@mount", "@obsolete",
		"@privileged", "@raw-io", "@reboot", "@resources", "@sandbox",
		"@setuid", "@swap", "@sync", "@cpu-emulation", "@pkey",
		"@known", NULL };

	tap_ok(sys_groups_len < sizeof(state), "group count fits the test");
	for (size_t i = 0; spec[i]; i++)
		if (!group_find(spec[i])) {
			tap_ok(0, "group %s exists", spec[i]);
			ok = false;
		}
	tap_ok(ok, "every group the brief names exists");
	tap_ok(group_find("@nope") == NULL && group_find(NULL) == NULL,
	       "unknown group -> NULL");
	tap_ok(group_find("@known")->members == NULL, "@known is computed");
	ok = true;
	for (size_t i = 0; i < sys_groups_len; i++) {
		if (!group_walk(&sys_groups[i], state))
			ok = false;
		if (!sys_groups[i].help || !*sys_groups[i].help ||
		    strchr(sys_groups[i].help, '\n'))
			helps = false;
		for (size_t j = 0; j < i; j++)
			if (strcmp(sys_groups[i].name, sys_groups[j].name) == 0)
				ok = false;
	}
	tap_ok(ok, "every member resolves, no cycles, no duplicate groups");
	tap_ok(helps, "every group has a one-line help");
}

static void test_baseline(void)
{
	bool ok = true;

	for (size_t i = 0; i < baseline_rules_len; i++) {
		const struct baseline_rule *r = &baseline_rules[i];

		if (!known(r->name) || !r->why || !*r->why ||
		    (r->errnum != EPERM && r->errnum != ENOSYS)) {
			tap_ok(0, "baseline entry %s", r->name);
			ok = false;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(r->name, baseline_rules[j].name) == 0) {
				tap_ok(0, "baseline entry %s is listed twice", r->name);
				ok = false;
			}
	}
	tap_ok(ok, "every baseline entry is real, explained, listed once");
	for (size_t i = 0; i < baseline_rules_len; i++)
		if (strcmp(baseline_rules[i].name, "clone3") == 0)
			tap_ok(baseline_rules[i].errnum == ENOSYS, "clone3 -> ENOSYS");
}

int main(void)
{
	test_names();
	test_args();
	test_format();
	test_const_unique();
	test_groups();
	test_baseline();
	return tap_done();
}
