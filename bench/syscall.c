/* syscall — what a seccomp filter costs per system call: bare, under jail
 * (baseline filter alone, then baseline + a ~150-syscall allowlist) and
 * under bubblewrap loading jail's exported BPF of the same policy.
 *
 *     syscall [-n ITER] [-r REPS] [-R ROUNDS] [-o FILE] [--rt]
 *             --jail PATH --allow LIST --rule RULE      the driver
 *     syscall loop [-n ITER] [-r REPS] MODE...           the target
 *
 * The target times ITER calls of each MODE in a tight loop, REPS times
 * after one short warm-up, with clock_gettime (vDSO, no syscall, no rdtsc)
 * around the loop, and prints "MODE NS-PER-CALL" a line per repetition.
 * Modes:
 *
 *   getppid  no argument, allowed outright: after the first call the kernel
 *            answers it from the filter's constant-action cache (a bitmap)
 *            without running any BPF — what is left is the cost of having
 *            a filter at all (the seccomp slow path on syscall entry);
 *   fcntl    fcntl(1, F_GETFD), allowed by a rule on arg1: the cache cannot
 *            decide it, so every filter runs its BPF on every call.
 *
 * The configurations:
 *
 *   bare                      no filter;
 *   jail, baseline only       `jail -- TARGET`: the filter every jail has;
 *   jail, allowlist + rule    `jail --allow LIST --allow RULE -- TARGET`:
 *                             the baseline, then the policy filter;
 *   jail, fcntl without rule  the same with fcntl allowed outright: against
 *                             the row above, what the argument check costs;
 *   bwrap, no filter          bwrap's namespaces alone (they cost nothing);
 *   bwrap, one-rule filter    `jail --export bpf --deny 'fcntl: arg1 ==
 *                             F_SETFL'` loaded by bwrap: the least filter
 *                             that must still run for fcntl — the floor;
 *   bwrap, the policy         `jail --export bpf` of the allowlist + rule,
 *                             loaded by bwrap: one filter instead of two.
 *
 * The driver runs the target, in ROUNDS rounds, under each configuration in
 * turn (A B C ... A B C ...), so that noise on this shared machine falls on
 * all of them alike, and prints the median of every ROUNDS x REPS samples,
 * p10 and p90, the ratio of medians to bare and the difference to bare in
 * ns.  The target is static: jail's empty root then needs nothing but the
 * file.
 *
 * LIST is the allowlist (comma-separated, without the hot syscalls' rule),
 * RULE the argument rule, e.g. "fcntl: arg1 == F_GETFD"; bench/syscall
 * builds both from jail's own group table.  bwrap reads each exported
 * filter from an unlinked temporary file on descriptor 3.
 *
 * --rt runs the driver and, by inheritance, every target under SCHED_FIFO,
 * so that on a machine others keep busy a loop is not preempted by their
 * processes (the kernel's RT throttling still takes up to 5 % of each
 * second, from every configuration alike).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <sched.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MAX_ARGS 32
#define MAX_MODES 2
#define FLOOR_RULE "fcntl: arg1 == F_SETFL"

static const char *const modes[MAX_MODES] = { "getppid", "fcntl" };

static _Noreturn void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;

	fputs("syscall: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static long parse_count(const char *s, const char *what)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v <= 0)
		die("%s: not a positive number: %s", what, s);
	return v;
}

/* ------------------------------------------------------------- the target */

/* syscall(2) rather than the libc wrappers: glibc's fcntl() is a varargs
 * function with a switch, and no libc may cache getppid; the loop must be
 * the system call and nothing else. */
static double time_loop(const char *mode, long n)
{
	double t0, t1;
	long i;

	if (strcmp(mode, "getppid") == 0) {
		t0 = now_ns();
		for (i = 0; i < n; i++)
			syscall(SYS_getppid);
		t1 = now_ns();
	} else if (strcmp(mode, "fcntl") == 0) {
		t0 = now_ns();
		for (i = 0; i < n; i++)
			if (syscall(SYS_fcntl, 1, F_GETFD) < 0)
				die("fcntl(1, F_GETFD): %s", strerror(errno));
		t1 = now_ns();
	} else {
		die("unknown mode %s", mode);
	}
	return (t1 - t0) / (double)n;
}

static int target(int argc, char **argv)
{
	long n = 2000000, reps = 3;
	int c;

	while ((c = getopt(argc, argv, "+n:r:")) != -1)
		switch (c) {
		case 'n':
			n = parse_count(optarg, "-n");
			break;
		case 'r':
			reps = parse_count(optarg, "-r");
			break;
		default:
			return 2;
		}
	for (int m = optind; m < argc; m++) {
		time_loop(argv[m], n / 10 + 1);	/* warm-up: caches, cpufreq */
		for (long r = 0; r < reps; r++)
			printf("%s %.3f\n", argv[m], time_loop(argv[m], n));
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

/* ------------------------------------------------------------- the driver */

struct config {
	const char *name;
	char *argv[MAX_ARGS];
	int bpf_fd;		/* dup'ed to 3 for the child, or -1 */
	double *s[MAX_MODES];	/* samples */
	size_t ns[MAX_MODES];
	int failures;
};

static void add_arg(struct config *c, char *a)
{
	size_t i = 0;

	while (c->argv[i])
		i++;
	if (i + 1 >= MAX_ARGS)
		die("too many arguments for %s", c->name);
	c->argv[i] = a;
}

static void add_target(struct config *c, char *self, char *n, char *r)
{
	char *tail[] = { self, "loop", "-n", n, "-r", r, "getppid", "fcntl" };

	for (size_t i = 0; i < sizeof(tail) / sizeof(tail[0]); i++)
		add_arg(c, tail[i]);
}

/* Runs ARGV with stdout to a pipe, optionally FD as descriptor 3; returns
 * what it printed (malloc'ed) and its wait status. */
static char *run(char *const argv[], int fd, int *status)
{
	posix_spawn_file_actions_t fa;
	int p[2];
	pid_t pid;
	size_t len = 0, cap = 4096;
	char *out = malloc(cap);
	ssize_t k;

	if (!out || pipe2(p, O_CLOEXEC) < 0)
		die("pipe: %s", strerror(errno));
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	if (fd >= 0)
		posix_spawn_file_actions_adddup2(&fa, fd, 3);
	errno = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	if (errno)
		die("cannot run %s: %s", argv[0], strerror(errno));
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	while ((k = read(p[0], out + len, cap - len - 1)) != 0) {
		if (k < 0) {
			if (errno == EINTR)
				continue;
			die("read: %s", strerror(errno));
		}
		len += (size_t)k;
		if (cap - len < 2 && !(out = realloc(out, cap *= 2)))
			die("out of memory");
	}
	out[len] = '\0';
	close(p[0]);
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			die("waitpid: %s", strerror(errno));
	return out;
}

static void collect(struct config *c, char *out, size_t cap)
{
	char *save = NULL;

	for (char *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		char name[32];
		double v;

		if (sscanf(l, "%31s %lf", name, &v) != 2)
			continue;
		for (int m = 0; m < MAX_MODES; m++)
			if (strcmp(name, modes[m]) == 0 && c->ns[m] < cap)
				c->s[m][c->ns[m]++] = v;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double quantile(double *v, size_t n, double q)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_double);
	return v[(size_t)(q * (double)(n - 1) + 0.5)];
}

static char *path_of(const char *prog)
{
	const char *path = getenv("PATH");
	static char buf[4096];

	if (strchr(prog, '/'))
		return access(prog, X_OK) == 0 ? (char *)prog : NULL;
	for (const char *p = path ? path : "/usr/bin:/bin"; *p;) {
		size_t l = strcspn(p, ":");

		snprintf(buf, sizeof(buf), "%.*s/%s", (int)l, p, prog);
		if (access(buf, X_OK) == 0)
			return buf;
		p += l + (p[l] == ':');
	}
	return NULL;
}

/* `jail --export bpf OPT ARG OPT2 ARG2` (OPT2 may be NULL), into an
 * unlinked file. */
static int export_bpf(char *jail, char *opt, char *arg, char *opt2, char *arg2)
{
	char tmpl[] = "/tmp/jail-bench-bpf-XXXXXX";
	int fd = mkstemp(tmpl);
	posix_spawn_file_actions_t fa;
	char *argv[] = { jail, "--export", "bpf", opt, arg, opt2, arg2, NULL };
	struct stat st;
	pid_t pid;
	int status;

	if (fd < 0)
		die("mkstemp: %s", strerror(errno));
	unlink(tmpl);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd, 1);
	errno = posix_spawn(&pid, jail, &fa, NULL, argv, environ);
	if (errno)
		die("cannot run %s: %s", jail, strerror(errno));
	posix_spawn_file_actions_destroy(&fa);
	if (waitpid(pid, &status, 0) < 0 || status != 0 || fstat(fd, &st) < 0 ||
	    st.st_size == 0 || st.st_size % 8)
		die("jail --export bpf failed");
	lseek(fd, 0, SEEK_SET);
	fprintf(stderr, "syscall: jail --export bpf %s%s%s%s: %lld instructions\n",
		opt, strlen(arg) > 60 ? " LIST" : " ", strlen(arg) > 60 ? "" : arg,
		opt2 ? " --allow RULE" : "", (long long)st.st_size / 8);
	return fd;
}

static void report(FILE *o, struct config *cf, size_t nc, long n, long reps,
		   long rounds, const char *rule, int rt)
{
	double bare[MAX_MODES];
	char date[64];
	time_t t = time(NULL);
	struct utsname u;

	uname(&u);
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M UTC", gmtime(&t));
	fprintf(o, "%s; Linux %s %s; %ld CPUs; %ld calls a sample, "
		"%ld rounds x %ld repetitions%s; argument rule: `%s`\n\n",
		date, u.release, u.machine, sysconf(_SC_NPROCESSORS_ONLN), n,
		rounds, reps, rt ? ", SCHED_FIFO" : "", rule);
	fprintf(o, "| configuration | getppid ns | p10 | p90 | x bare | +ns "
		   "| fcntl ns | p10 | p90 | x bare | +ns |\n");
	fprintf(o, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (size_t i = 0; i < nc; i++) {
		struct config *c = &cf[i];

		fprintf(o, "| %s", c->name);
		for (int m = 0; m < MAX_MODES; m++) {
			double med = quantile(c->s[m], c->ns[m], 0.5);

			if (i == 0)
				bare[m] = med;
			if (c->ns[m] == 0) {
				fprintf(o, " | failed | | | |");
				continue;
			}
			fprintf(o, " | %.1f | %.1f | %.1f | %.2f | %+.1f", med,
				quantile(c->s[m], c->ns[m], 0.1),
				quantile(c->s[m], c->ns[m], 0.9),
				med / bare[m], med - bare[m]);
		}
		fprintf(o, " |%s\n", c->failures ? " (some runs failed)" : "");
	}
}

static int driver(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "jail", required_argument, NULL, 'j' },
		{ "allow", required_argument, NULL, 'a' },
		{ "rule", required_argument, NULL, 'u' },
		{ "rt", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	long n = 2000000, reps = 3, rounds = 5;
	char *jail = NULL, *allow = NULL, *rule = NULL, *out = NULL;
	char nbuf[24], rbuf[24], self[4096], *bwrap;
	struct config cf[7];
	size_t nc = 0, cap;
	int c, bpf, floor_bpf, rt = 0;
	ssize_t sl;

	while ((c = getopt_long(argc, argv, "n:r:R:o:", opts, NULL)) != -1)
		switch (c) {
		case 'n': n = parse_count(optarg, "-n"); break;
		case 'r': reps = parse_count(optarg, "-r"); break;
		case 'R': rounds = parse_count(optarg, "-R"); break;
		case 'o': out = optarg; break;
		case 'j': jail = optarg; break;
		case 'a': allow = optarg; break;
		case 'u': rule = optarg; break;
		case 't': rt = 1; break;
		default: return 2;
		}
	if (!jail || !allow || !rule)
		die("usage: syscall --jail PATH --allow LIST --rule RULE "
		    "[-n ITER] [-r REPS] [-R ROUNDS] [-o FILE]");
	if (rt) {
		struct sched_param sp = { .sched_priority = 1 };

		/* Without the right (CAP_SYS_NICE or RLIMIT_RTPRIO) the
		 * figures are only noisier: say so and go on. */
		if (sched_setscheduler(0, SCHED_FIFO, &sp) < 0) {
			fprintf(stderr, "syscall: no SCHED_FIFO (%s): running without --rt\n",
				strerror(errno));
			rt = 0;
		}
	}
	if (access(jail, X_OK) != 0)
		die("%s: %s (build jail first)", jail, strerror(errno));
	sl = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (sl <= 0)
		die("/proc/self/exe: %s", strerror(errno));
	self[sl] = '\0';
	snprintf(nbuf, sizeof(nbuf), "%ld", n);
	snprintf(rbuf, sizeof(rbuf), "%ld", reps);
	bpf = export_bpf(jail, "--allow", allow, "--allow", rule);
	/* The least filter that still runs for fcntl: one conditional deny
	 * (and the baseline's outright denials jail adds to every policy). */
	floor_bpf = export_bpf(jail, "--deny", FLOOR_RULE, NULL, NULL);
	bwrap = path_of("bwrap");
	if (bwrap)
		bwrap = strdup(bwrap);

	memset(cf, 0, sizeof(cf));
	for (size_t i = 0; i < sizeof(cf) / sizeof(cf[0]); i++)
		cf[i].bpf_fd = -1;
	cf[nc].name = "bare";
	add_target(&cf[nc++], self, nbuf, rbuf);

	cf[nc].name = "jail, baseline filter only (no policy)";
	add_arg(&cf[nc], jail);
	add_arg(&cf[nc], "--");
	add_target(&cf[nc++], self, nbuf, rbuf);

	cf[nc].name = "jail, baseline + allowlist with the rule";
	add_arg(&cf[nc], jail);
	add_arg(&cf[nc], "--allow");
	add_arg(&cf[nc], allow);
	add_arg(&cf[nc], "--allow");
	add_arg(&cf[nc], rule);
	add_arg(&cf[nc], "--");
	add_target(&cf[nc++], self, nbuf, rbuf);

	/* The same allowlist with fcntl allowed outright: the cost of the
	 * argument check itself, against the row above. */
	{
		static char plain[65536];

		snprintf(plain, sizeof(plain), "%s,fcntl", allow);
		cf[nc].name = "jail, baseline + allowlist, fcntl without rule";
		add_arg(&cf[nc], jail);
		add_arg(&cf[nc], "--allow");
		add_arg(&cf[nc], plain);
		add_arg(&cf[nc], "--");
		add_target(&cf[nc++], self, nbuf, rbuf);
	}
	if (bwrap) {
		for (int k = 0; k < 3; k++) {
			struct config *b = &cf[nc++];

			b->name = k == 2 ? "bwrap --seccomp, the policy (jail --export bpf)"
				: k == 1 ? "bwrap --seccomp, one-rule filter (floor)"
				: "bwrap, no filter";
			add_arg(b, bwrap);
			add_arg(b, "--unshare-all");
			add_arg(b, "--ro-bind");
			add_arg(b, self);
			add_arg(b, self);
			if (k) {
				add_arg(b, "--seccomp");
				add_arg(b, "3");
				b->bpf_fd = k == 2 ? bpf : floor_bpf;
			}
			add_target(b, self, nbuf, rbuf);
		}
	} else {
		fprintf(stderr, "syscall: bwrap not found, its rows are left out\n");
	}

	cap = (size_t)(rounds * reps);
	for (size_t i = 0; i < nc; i++) {
		for (int m = 0; m < MAX_MODES; m++)
			if (!(cf[i].s[m] = calloc(cap, sizeof(double))))
				die("out of memory");
	}
	for (size_t i = 0; i < nc; i++) {
		fprintf(stderr, "syscall: %s:", cf[i].name);
		for (char **a = cf[i].argv; *a; a++)
			fprintf(stderr, " %s", strlen(*a) > 60 ? "LIST" : *a);
		fputc('\n', stderr);
	}
	for (long r = 0; r < rounds; r++) {
		fprintf(stderr, "syscall: round %ld/%ld\n", r + 1, rounds);
		for (size_t i = 0; i < nc; i++) {
			int st;
			char *o;

			if (cf[i].bpf_fd >= 0)
				lseek(cf[i].bpf_fd, 0, SEEK_SET);
			o = run(cf[i].argv, cf[i].bpf_fd, &st);
			if (st != 0) {
				cf[i].failures++;
				fprintf(stderr, "syscall: %s: wait status %#x\n",
					cf[i].name, st);
			}
			collect(&cf[i], o, cap);
			free(o);
		}
	}
	report(stdout, cf, nc, n, reps, rounds, rule, rt);
	if (out) {
		FILE *f = fopen(out, "w");

		if (!f)
			die("%s: %s", out, strerror(errno));
		report(f, cf, nc, n, reps, rounds, rule, rt);
		if (fclose(f) != 0)
			die("%s: %s", out, strerror(errno));
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "loop") == 0)
		return target(argc - 1, argv + 1);
	return driver(argc, argv);
}
