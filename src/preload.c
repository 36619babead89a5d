/* libjail-preload.so: a seccomp filter installed from an ELF constructor,
 * before main, so that an allowlist needs only what main itself calls.
 *
 * Two ways in:
 *   - alone (LD_PRELOAD, or a DT_NEEDED entry added with patchelf): the
 *     constructor reads SECCOMP_SYSCALL_ALLOW / SECCOMP_SYSCALL_DENY (colon
 *     lists, @groups allowed), installs jail's baseline and that policy,
 *     and unsets the variables so children do not see them;
 *   - under jail --stage main: jail compiled and installed the filter
 *     before execve; the constructor only tells jail, through the
 *     descriptor in JAIL_PRELOAD_FD, that main is about to begin.  Nothing
 *     is parsed inside the untrusted process.
 * A mistyped policy never lets the program run unsandboxed: one
 * "jail-preload: " line and exit status 125, before main. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/seccomp.h>

#include "policy.h"
#include "syscalls.h"

extern char **environ;

static _Noreturn void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;

	fputs("jail-preload: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	_exit(125);
}

/* Under jail: the marker that ends the start-up stage. */
static void tell_jail(const char *fdstr)
{
	char *end;
	long fd = strtol(fdstr, &end, 10);

	unsetenv("JAIL_PRELOAD_FD");
	if (*end || fd < 3 || fd > 1 << 20)
		die("JAIL_PRELOAD_FD='%s' is not a descriptor", fdstr);
	/* malloc's first call sets up its arena (brk, getrandom): that is
	 * libc start-up, and alone the library does it while compiling its
	 * filter.  Do it here too, so one allowlist fits both ways. */
	{
		/* volatile: the compiler would drop a malloc/free pair */
		void *volatile first = malloc(1);

		free(first);
	}
	/* The write must be this constructor's last syscall: from the
	 * moment jail reads it, start-up-only syscalls are denied.  So the
	 * descriptor stays open, but not across the target's own execs. */
	fcntl((int)fd, F_SETFD, FD_CLOEXEC);
	if (write((int)fd, "M", 1) != 1)
		die("cannot tell jail that main begins: %s", strerror(errno));
}

/* Cloudflare's library fails open when a variable name is misspelled;
 * refuse instead. */
static void check_names(void)
{
	for (char **v = environ; *v; v++)
		if (strncmp(*v, "SECCOMP_SYSCALL_", 16) == 0 &&
		    strncmp(*v, "SECCOMP_SYSCALL_ALLOW=", 22) != 0 &&
		    strncmp(*v, "SECCOMP_SYSCALL_DENY=", 21) != 0)
			die("unknown variable '%.*s' (use SECCOMP_SYSCALL_ALLOW or SECCOMP_SYSCALL_DENY)",
			    (int)strcspn(*v, "="), *v);
}

static void check_overlap(const struct policy *p)
{
	for (size_t i = 0; i < p->n; i++)
		for (size_t j = 0; j < p->n; j++)
			if (!p->rules[i].deny && p->rules[j].deny &&
			    p->rules[i].nr == p->rules[j].nr)
				die("both SECCOMP_SYSCALL_ALLOW and SECCOMP_SYSCALL_DENY name '%s'",
				    sys_name(p->rules[i].nr) ? sys_name(p->rules[i].nr) : "?");
}

static void load(const struct bpf_prog *prog, const char *what)
{
	struct sock_fprog fp = { (unsigned short)prog->len, prog->insns };

	if (prog->len && syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) < 0)
		die("loading the %s filter: %s", what, strerror(errno));
}

__attribute__((constructor)) static void jail_preload(void)
{
	const char *fd = getenv("JAIL_PRELOAD_FD");
	const char *allow = getenv("SECCOMP_SYSCALL_ALLOW");
	const char *deny = getenv("SECCOMP_SYSCALL_DENY");
	const char *verbose = getenv("JAIL_VERBOSE");
	struct compile_opts co = { .in_target = true };
	struct policy p = { 0 };
	struct compiled f;
	struct err e = { "", false };
	size_t col = 0;

	if (fd) {
		tell_jail(fd);
		return;
	}
	check_names();
	if (!allow && !deny)
		return;
	if (allow && policy_add(&p, allow, false, false, &col, &e) < 0)
		die("SECCOMP_SYSCALL_ALLOW: %s", e.msg);
	if (deny && policy_add(&p, deny, true, false, &col, &e) < 0)
		die("SECCOMP_SYSCALL_DENY: %s", e.msg);
	check_overlap(&p);
	if (policy_compile(&p, &co, &f, &e) < 0)
		die("%s", e.msg);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		die("no_new_privs: %s", strerror(errno));
	load(&f.baseline, "baseline");
	load(&f.user, "policy");
	if (verbose && strcmp(verbose, "1") == 0)
		fprintf(stderr, "jail-preload: seccomp filter installed (%s%s%s%s%s)\n",
			allow ? "allow " : "", allow ? allow : "", allow && deny ? "; " : "",
			deny ? "deny " : "", deny ? deny : "");
	compiled_free(&f);
	policy_free(&p);
	unsetenv("SECCOMP_SYSCALL_ALLOW");
	unsetenv("SECCOMP_SYSCALL_DENY");
}
