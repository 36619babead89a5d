/* startup — how long a sandbox takes to run /bin/true, and how far jail is
 * from the floor and from bubblewrap.
 *
 *     startup [-n RUNS] [-w WARMUPS] [-o FILE] [--unprivileged] [--rt]
 *             [--jail PATH] [--before PATH] [--floor PATH] [--true-static PATH]
 *             [--no-roundtrip] [--roundtrip-only]
 *
 * Each command is run WARMUPS times, then RUNS times, in rounds (each
 * command once a round, in a new shuffled order every round) so that
 * machine noise, and what one command leaves for the kernel to clean up,
 * fall on all of them alike.  A run is the
 * wall time from posix_spawn to waitpid's return, on CLOCK_MONOTONIC; the
 * driver's own share of it is the same for every command.  The result is a
 * Markdown table (median, p10, p90, ratios of medians to bwrap and to the
 * floor) on stdout, and in FILE with -o.
 *
 * --unprivileged runs everything as uid/gid 65534 (the driver drops to it
 * when started as root, after opening FILE).  jail is PATH, else $JAIL,
 * else src/jail; when it is missing the row says "not built".  The floor
 * and true-static default to $FLOOR and $TRUE_STATIC, else to the files of
 * those names next to this program.  Each --before PATH (up to 8) adds a
 * row for another build of jail, measured in the same rounds: a change's
 * before and after, or a series of them, side by side.
 *
 * --rt runs the driver and, by inheritance, every command under SCHED_FIFO,
 * so that on a machine others keep busy the runs are not preempted by their
 * processes (they still share caches and the other CPUs; the header says
 * how busy the machine was).  It needs CAP_SYS_NICE; it is taken before
 * dropping privileges.
 *
 * Unless --no-roundtrip, it also measures a parent/child round trip over a
 * pair of pipes (one byte each way), with and without both pinned to CPU 0.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define NOBODY 65534
#define MAX_ARGS 64

/* Other builds of jail measured in the same rounds (--before). */
#define MAX_BEFORE 8

struct cmd {
	const char *name;
	char *argv[MAX_ARGS];
	const char *skip;	/* why it is not measured, or NULL */
	char skipbuf[96];
	double *ms;		/* RUNS samples */
	int failures;		/* measured runs that did not exit 0 */
	int hidden;		/* not asked for: no row at all */
};

static _Noreturn void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;

	fputs("startup: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted v; p in (0, 100). */
static double pct(const double *v, int n, int p)
{
	int i = (n * p + 99) / 100 - 1;

	return v[i < 0 ? 0 : i];
}

static double median(const double *v, int n)
{
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		die("out of memory");
	return d;
}

/* PATH search done once, so that no run pays for failed execve()s. */
static char *which(const char *name)
{
	const char *path = getenv("PATH"), *p, *e;
	char buf[PATH_MAX];

	if (strchr(name, '/'))
		return access(name, X_OK) == 0 ? xstrdup(name) : NULL;
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; *p; p = *e ? e + 1 : e) {
		e = strchrnul(p, ':');
		snprintf(buf, sizeof buf, "%.*s/%s", (int)(e - p), p, name);
		if (access(buf, X_OK) == 0)
			return xstrdup(buf);
	}
	return NULL;
}

/* Runs argv; returns the wait status, or -1.  out >= 0 becomes stdout. */
static int run(char *const *argv, int out)
{
	posix_spawn_file_actions_t fa, *pfa = NULL;
	pid_t pid;
	int st, e;

	if (out >= 0) {
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_adddup2(&fa, out, 1);
		pfa = &fa;
	}
	e = posix_spawn(&pid, argv[0], pfa, NULL, argv, environ);
	if (pfa)
		posix_spawn_file_actions_destroy(pfa);
	if (e) {
		errno = e;
		return -1;
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return st;
}

static const char *status_str(int st, char *buf, size_t len)
{
	if (st < 0)
		snprintf(buf, len, "failed: %s", strerror(errno));
	else if (WIFEXITED(st))
		snprintf(buf, len, "failed: exit %d", WEXITSTATUS(st));
	else
		snprintf(buf, len, "failed: signal %d", WTERMSIG(st));
	return buf;
}

/* ---------------------------------------------------------------- bwrap's root
 * The most equivalent root to jail's: an empty tmpfs holding only the target
 * and the files the dynamic loader maps for it.  Which files those are is
 * read now, not written down: the interpreter from the ELF's PT_INTERP, the
 * libraries from the interpreter's own --list (what ldd does). */

static char *elf_interp(const char *file)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	char buf[PATH_MAX];
	char *res = NULL;
	int fd, i;

	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (pread(fd, &eh, sizeof eh, 0) != sizeof eh ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64)
		goto out;
	for (i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + (uint64_t)i * eh.e_phentsize))
		    != sizeof ph)
			goto out;
		if (ph.p_type != PT_INTERP || ph.p_filesz == 0 || ph.p_filesz >= sizeof buf)
			continue;
		if (pread(fd, buf, ph.p_filesz, (off_t)ph.p_offset) != (ssize_t)ph.p_filesz)
			goto out;
		buf[ph.p_filesz - 1] = '\0';
		res = xstrdup(buf);
		break;
	}
out:
	close(fd);
	return res;
}

/* Appends to files[] the paths the loader reports for target; returns the
 * new count, or -1. */
static int loader_files(const char *target, char **files, int n, int max)
{
	char *interp = elf_interp(target), *argv[4], line[PATH_MAX + 64], *p, *q;
	FILE *f;
	int pfd[2], st;

	if (!interp)
		return n;	/* static, or not 64-bit ELF: nothing to add */
	files[n++] = interp;
	if (pipe2(pfd, O_CLOEXEC) < 0)
		return -1;
	argv[0] = interp;
	argv[1] = "--list";
	argv[2] = (char *)target;
	argv[3] = NULL;
	st = run(argv, pfd[1]);
	close(pfd[1]);
	f = fdopen(pfd[0], "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		/* "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)";
		 * the loader's own line and the vdso name no file after "=>". */
		p = strstr(line, "=> /");
		if (!p)
			continue;
		p += 3;
		q = strstr(p, " (");
		if (!q)
			q = p + strcspn(p, "\n");
		*q = '\0';
		if (n < max)
			files[n++] = xstrdup(p);
	}
	fclose(f);
	return st == 0 ? n : -1;
}

static void setup_bwrap(struct cmd *c, const char *target)
{
	static const char *const ns[] = {
		/* jail's namespaces; --unshare-all would add cgroup */
		"--unshare-user", "--unshare-ipc", "--unshare-pid",
		"--unshare-net", "--unshare-uts",
	};
	char *files[16], *bw = which("bwrap");
	int n = 0, i, k;

	if (!bw) {
		c->skip = "not installed";
		return;
	}
	c->argv[n++] = bw;
	for (i = 0; i < (int)(sizeof ns / sizeof ns[0]); i++)
		c->argv[n++] = (char *)ns[i];
	k = loader_files(target, files, 0, 16);
	if (k < 0) {
		c->skip = "cannot list /bin/true's libraries";
		return;
	}
	for (i = 0; i < k; i++) {
		c->argv[n++] = "--ro-bind";
		c->argv[n++] = files[i];
		c->argv[n++] = files[i];
	}
	c->argv[n++] = "--ro-bind";
	c->argv[n++] = (char *)target;
	c->argv[n++] = (char *)target;
	c->argv[n++] = (char *)target;
	c->argv[n] = NULL;
}

/* ---------------------------------------------------------------- round trip */

static void pin(int cpu, const cpu_set_t *all)
{
	cpu_set_t one;

	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	if (sched_setaffinity(0, sizeof one, cpu < 0 ? all : &one) < 0)
		die("sched_setaffinity: %s", strerror(errno));
}

static void echo_child(int in, int out, int once)
{
	char b;

	while (read(in, &b, 1) == 1) {
		if (write(out, &b, 1) != 1 || once)
			break;
	}
	_exit(0);
}

/* steady: a child echoes byte after byte; otherwise each sample is the
 * first round trip with a child just forked, as a supervisor's is (it
 * includes the child's first run: its copy-on-write faults).  Returns sorted
 * samples in µs. */
static double *roundtrip(int steady, int iters, int cross)
{
	double *us = calloc((size_t)iters, sizeof *us), t0;
	int p2c[2], c2p[2], i, warm = steady ? 1000 : 0;
	pid_t pid = -1;
	char b = 'x';

	if (!us)
		die("out of memory");
	for (i = -warm; i < iters; i++) {
		if (pid < 0) {
			if (pipe(p2c) < 0 || pipe(c2p) < 0)
				die("pipe: %s", strerror(errno));
			pid = fork();
			if (pid < 0)
				die("fork: %s", strerror(errno));
			if (pid == 0) {
				close(p2c[1]);
				close(c2p[0]);
				echo_child(p2c[0], c2p[1], !steady);
			}
			close(p2c[0]);
			close(c2p[1]);
			if (cross) {
				cpu_set_t one;

				CPU_ZERO(&one);
				CPU_SET(1, &one);
				if (sched_setaffinity(pid, sizeof one, &one) < 0)
					die("sched_setaffinity: %s", strerror(errno));
			}
		}
		t0 = now_ms();
		if (write(p2c[1], &b, 1) != 1 || read(c2p[0], &b, 1) != 1)
			die("round trip: %s", strerror(errno));
		if (i >= 0)
			us[i] = (now_ms() - t0) * 1e3;
		/* Steady state: a fresh child every 2000 round trips, so that
		 * the samples cover several placements by the scheduler. */
		if (!steady || i == iters - 1 || (i >= 0 && i % 2000 == 1999)) {
			close(p2c[1]);
			close(c2p[0]);
			waitpid(pid, NULL, 0);
			pid = -1;
		}
	}
	qsort(us, (size_t)iters, sizeof *us, cmp_double);
	return us;
}

static void report_roundtrip(FILE *o)
{
	static const struct {
		const char *name;
		int steady, pinned, cross, iters;
	} rt[] = {
		{ "steady state, unpinned", 1, 0, 0, 20000 },
		{ "steady state, both on CPU 0", 1, 1, 0, 20000 },
		{ "steady state, parent on CPU 0, child on CPU 1", 1, 1, 1, 20000 },
		{ "first after fork, unpinned", 0, 0, 0, 500 },
		{ "first after fork, both on CPU 0", 0, 1, 0, 500 },
		{ "first after fork, parent on CPU 0, child on CPU 1", 0, 1, 1, 500 },
	};
	cpu_set_t all;
	double *us;
	int i;

	if (sched_getaffinity(0, sizeof all, &all) < 0)
		die("sched_getaffinity: %s", strerror(errno));
	fprintf(o, "\n### Parent/child round trip over pipes (1 byte each way)\n\n");
	fprintf(o, "| case | runs | median µs | p10 µs | p90 µs |\n");
	fprintf(o, "| --- | ---: | ---: | ---: | ---: |\n");
	for (i = 0; i < (int)(sizeof rt / sizeof rt[0]); i++) {
		if (rt[i].cross && (CPU_COUNT(&all) < 2 || !CPU_ISSET(1, &all)))
			continue;
		pin(rt[i].pinned ? 0 : -1, &all);
		us = roundtrip(rt[i].steady, rt[i].iters, rt[i].cross);
		fprintf(o, "| %s | %d | %.1f | %.1f | %.1f |\n", rt[i].name, rt[i].iters,
			median(us, rt[i].iters), pct(us, rt[i].iters, 10),
			pct(us, rt[i].iters, 90));
		free(us);
	}
	pin(-1, &all);
}

/* ---------------------------------------------------------------- report */

static void mkdirs(const char *file)
{
	char buf[PATH_MAX], *p;

	snprintf(buf, sizeof buf, "%s", file);
	for (p = buf + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(buf, 0755) < 0 && errno != EEXIST)
			die("mkdir %s: %s", buf, strerror(errno));
		*p = '/';
	}
}

static void cpu_model(char *buf, size_t len)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[256], *p;

	snprintf(buf, len, "unknown CPU");
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, "model name", 10) == 0 && (p = strchr(line, ':'))) {
			p += 1 + strspn(p + 1, " \t");
			p[strcspn(p, "\n")] = '\0';
			snprintf(buf, len, "%s", p);
			break;
		}
	}
	fclose(f);
}

static int cpu_ticks(unsigned long long *busy, unsigned long long *all)
{
	unsigned long long v[8] = { 0 };
	FILE *f = fopen("/proc/stat", "r");
	int n, i;

	if (!f)
		return -1;
	n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1],
		   &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
	fclose(f);
	if (n != 8)
		return -1;
	for (*all = 0, i = 0; i < 8; i++)
		*all += v[i];
	*busy = *all - v[3] - v[4];	/* minus idle and iowait */
	return 0;
}

/* How busy the machine is before we start, in percent of all CPUs over
 * 300 ms (-1 if unknown): figures taken on a busy machine must say so. */
static double busy_before(void)
{
	unsigned long long b0, a0, b1, a1;
	struct timespec ts = { 0, 300 * 1000 * 1000 };

	if (cpu_ticks(&b0, &a0) < 0)
		return -1;
	nanosleep(&ts, NULL);
	if (cpu_ticks(&b1, &a1) < 0 || a1 == a0)
		return -1;
	return 100.0 * (double)(b1 - b0) / (double)(a1 - a0);
}

static void print_argv(FILE *o, char *const *argv)
{
	int i;

	for (i = 0; argv[i]; i++)
		fprintf(o, "%s%s", i ? " " : "", argv[i]);
}

static void ratio(FILE *o, double m, const struct cmd *ref, double refm)
{
	if (ref->skip || refm <= 0)
		fprintf(o, " – |");
	else
		fprintf(o, " %.2f |", m / refm);
}

static void report(FILE *o, struct cmd *cmds, int ncmd, int runs, int warm,
		   const char *who, double busy, const struct cmd *bw, const struct cmd *fl,
		   const struct cmd *usr)
{
	double bwm = 0, flm = 0, usrm = 0, med[64];
	struct utsname u;
	char date[64], cpu[128];
	time_t t = time(NULL);
	int i;

	for (i = 0; i < ncmd; i++) {
		if (cmds[i].skip)
			continue;
		qsort(cmds[i].ms, (size_t)runs, sizeof *cmds[i].ms, cmp_double);
		med[i] = median(cmds[i].ms, runs);
		if (&cmds[i] == bw)
			bwm = med[i];
		if (&cmds[i] == fl)
			flm = med[i];
		if (&cmds[i] == usr)
			usrm = med[i];
	}
	uname(&u);
	strftime(date, sizeof date, "%Y-%m-%d %H:%M %Z", localtime(&t));
	cpu_model(cpu, sizeof cpu);
	fprintf(o, "### Startup, %s\n\n", who);
	fprintf(o, "%s; Linux %s %s; %s, %ld CPUs (%.0f%% busy before the start); "
		"%d runs each after %d warm-ups, interleaved.\n\n",
		date, u.release, u.machine, cpu, sysconf(_SC_NPROCESSORS_ONLN), busy,
		runs, warm);
	fprintf(o, "| command | median ms | p10 ms | p90 ms | × bwrap | × floor |\n");
	fprintf(o, "| --- | ---: | ---: | ---: | ---: | ---: |\n");
	for (i = 0; i < ncmd; i++) {
		if (cmds[i].hidden)
			continue;
		fprintf(o, "| %s |", cmds[i].name);
		if (cmds[i].skip) {
			fprintf(o, " %s | | | | |\n", cmds[i].skip);
			continue;
		}
		fprintf(o, " %.3f | %.3f | %.3f |", med[i], pct(cmds[i].ms, runs, 10),
			pct(cmds[i].ms, runs, 90));
		ratio(o, med[i], bw, bwm);
		ratio(o, med[i], fl, flm);
		if (cmds[i].failures)
			fprintf(o, " %d of %d runs failed", cmds[i].failures, runs);
		fputc('\n', o);
	}
	fprintf(o, "\nCommands:\n\n");
	for (i = 0; i < ncmd; i++) {
		if (!cmds[i].argv[0])
			continue;
		fprintf(o, "- %s: `", cmds[i].name);
		print_argv(o, cmds[i].argv);
		fprintf(o, "`\n");
	}
	i = ncmd - 1;	/* jail */
	if (!cmds[i].skip && bwm > 0 && flm > 0)
		fprintf(o, "\njail targets: ≤ 0.6× bwrap (%s: %.2f×), ≤ 1.6× floor (%s: %.2f×).\n",
			med[i] <= 0.6 * bwm ? "met" : "not met", med[i] / bwm,
			med[i] <= 1.6 * flm ? "met" : "not met", med[i] / flm);
	if (!cmds[i].skip && usrm > 0)
		fprintf(o, "Against the issue's own bwrap command (the /usr root row, ≈ 3.7 ms there): %.2f×.\n",
			med[i] / usrm);
}

/* ---------------------------------------------------------------- main */

static int is_script(const char *file)
{
	char b[2] = "";
	int fd = open(file, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	if (read(fd, b, 2) != 2)
		b[0] = '\0';
	close(fd);
	return b[0] == '#' && b[1] == '!';
}

static void drop_to_nobody(void)
{
	if (getuid() != 0 && geteuid() != 0)
		return;		/* already unprivileged: run as we are */
	if (setgroups(0, NULL) < 0 || setresgid(NOBODY, NOBODY, NOBODY) < 0 ||
	    setresuid(NOBODY, NOBODY, NOBODY) < 0)
		die("dropping to uid %d: %s", NOBODY, strerror(errno));
}

static char *beside_me(const char *name)
{
	char self[PATH_MAX], buf[PATH_MAX + 64], *slash;
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

	if (n < 0)
		return xstrdup(name);
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (slash)
		*slash = '\0';
	snprintf(buf, sizeof buf, "%s/%s", self, name);
	return xstrdup(buf);
}

/* xorshift64: a reproducible order of the commands in each round */
static unsigned long long next_random(unsigned long long *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: startup [-n RUNS] [-w WARMUPS] [-o FILE] [--unprivileged] [--rt]\n"
		"               [--jail PATH] [--before PATH] [--floor PATH] [--true-static PATH]\n"
		"               [--no-roundtrip] [--roundtrip-only]\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unprivileged", no_argument, NULL, 'u' },
		{ "rt", no_argument, NULL, 'T' },
		{ "jail", required_argument, NULL, 'j' },
		{ "before", required_argument, NULL, 'b' },
		{ "floor", required_argument, NULL, 'f' },
		{ "true-static", required_argument, NULL, 't' },
		{ "no-roundtrip", no_argument, NULL, 'R' },
		{ "roundtrip-only", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *jail = getenv("JAIL"), *floor = getenv("FLOOR");
	const char *ts = getenv("TRUE_STATIC"), *outfile = NULL, *before[MAX_BEFORE];
	int nbefore = 0;
	int runs = 200, warm = 20, unpriv = 0, rt = 1, rtonly = 0, rtprio = 0;
	int opt, i, r, st;
	/* static: what it points to lives until exit, and stays reachable */
	static struct cmd cmds[8 + MAX_BEFORE];
	struct cmd *c;
	enum { BARE, STATIC, FLOOR, UNSHARE, BWRAP, BWRAP_USR, FIREJAIL, BEFORE,
	       JAIL = BEFORE + MAX_BEFORE, NCMD };
	int order[NCMD];
	unsigned long long seed = 88172645463325252ULL;
	char who[64], *buf = NULL;
	size_t len = 0;
	FILE *out = NULL, *o;
	double t0, busy;

	while ((opt = getopt_long(argc, argv, "n:w:o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'n': runs = atoi(optarg); break;
		case 'w': warm = atoi(optarg); break;
		case 'o': outfile = optarg; break;
		case 'u': unpriv = 1; break;
		case 'T': rtprio = 1; break;
		case 'j': jail = optarg; break;
		case 'b':
			if (nbefore == MAX_BEFORE)
				die("at most %d --before", MAX_BEFORE);
			before[nbefore++] = optarg;
			break;
		case 'f': floor = optarg; break;
		case 't': ts = optarg; break;
		case 'R': rt = 0; break;
		case 'r': rtonly = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc || runs < 1 || warm < 0) {
		usage(stderr);
		return 2;
	}
	if (outfile) {
		mkdirs(outfile);
		out = fopen(outfile, "w");
		if (!out)
			die("%s: %s", outfile, strerror(errno));
	}
	if (rtprio) {
		struct sched_param sp = { .sched_priority = 10 };

		if (sched_setscheduler(0, SCHED_FIFO, &sp) < 0)
			die("--rt: SCHED_FIFO: %s", strerror(errno));
	}
	if (unpriv)
		drop_to_nobody();
	if (geteuid() == 0)
		snprintf(who, sizeof who, "root");
	else
		snprintf(who, sizeof who, "unprivileged (uid %u)", (unsigned)geteuid());
	if (rtprio)
		strcat(who, ", SCHED_FIFO");

	o = open_memstream(&buf, &len);
	if (!o)
		die("open_memstream: %s", strerror(errno));
	if (rtonly)
		goto roundtrip;

	memset(cmds, 0, sizeof cmds);
	floor = floor ? floor : beside_me("floor");
	ts = ts ? ts : beside_me("true-static");
	jail = jail ? jail : "src/jail";
	cmds[BARE] = (struct cmd){ .name = "bare /bin/true", .argv = { "/bin/true" } };
	cmds[STATIC] = (struct cmd){ .name = "bare true-static", .argv = { (char *)ts } };
	cmds[FLOOR] = (struct cmd){ .name = "floor",
				    .argv = { (char *)floor, (char *)ts } };
	cmds[UNSHARE] = (struct cmd){ .name = "unshare -Urmnpiu",
				      .argv = { which("unshare"), "-Urmnpiu", "--fork",
						"/bin/true" } };
	cmds[BWRAP].name = "bwrap";
	setup_bwrap(&cmds[BWRAP], "/bin/true");
	/* The reference command: a root of the host's /usr, with
	 * /dev and /proc; more than jail does, for comparison only. */
	cmds[BWRAP_USR] = (struct cmd){ .name = "bwrap, /usr root (reference)",
		.argv = { cmds[BWRAP].argv[0], "--unshare-all", "--ro-bind", "/usr", "/usr",
			  "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
			  "--symlink", "usr/bin", "/bin", "--dev", "/dev", "--proc", "/proc",
			  "/bin/true" } };
	if (!cmds[BWRAP_USR].argv[0])
		cmds[BWRAP_USR].skip = "not installed";
	/* Only when asked (bench/run --firejail installs it): a setuid-root
	 * program.  The command; it makes no network namespace. */
	cmds[FIREJAIL] = (struct cmd){ .name = "firejail --noprofile",
		.argv = { which("firejail"), "--quiet", "--noprofile", "/bin/true" } };
	if (!getenv("BENCH_FIREJAIL"))
		cmds[FIREJAIL].skip = "not asked for", cmds[FIREJAIL].hidden = 1;
	else if (!cmds[FIREJAIL].argv[0])
		cmds[FIREJAIL].skip = "not installed";
	cmds[JAIL] = (struct cmd){ .name = "jail", .argv = { (char *)jail, "--", "/bin/true" } };
	/* Another build of jail, measured in the same rounds: the before and
	 * after of a change, side by side. */
	for (i = 0; i < MAX_BEFORE; i++) {
		char *name = xstrdup("jail (--before build)");

		if (nbefore > 1 && i < nbefore && asprintf(&name, "jail %s", before[i]) < 0)
			die("out of memory");
		cmds[BEFORE + i] = (struct cmd){ .name = name,
			.argv = { i < nbefore ? (char *)before[i] : NULL, "--", "/bin/true" } };
		if (i >= nbefore)
			cmds[BEFORE + i].skip = "no --before", cmds[BEFORE + i].hidden = 1;
	}

	if (access(ts, X_OK) < 0)
		cmds[STATIC].skip = cmds[FLOOR].skip = "true-static not built";
	else if (access(floor, X_OK) < 0)
		cmds[FLOOR].skip = "not built";
	if (!cmds[UNSHARE].argv[0])
		cmds[UNSHARE].skip = "not installed";
	if (access(jail, X_OK) < 0) {
		cmds[JAIL].skip = "not built";
		fprintf(stderr, "jail: not built (%s)\n", jail);
	} else if (is_script(jail)) {
		/* A libtool wrapper would add a shell to every run. */
		cmds[JAIL].name = "jail (a script: timing includes its interpreter)";
	}

	busy = busy_before();
	if (busy > 10)
		fprintf(stderr, "startup: the CPUs were %.0f%% busy before the start: "
			"figures will be noisy\n", busy);
	for (i = 0; i < NCMD; i++) {
		cmds[i].ms = calloc((size_t)runs, sizeof *cmds[i].ms);
		if (!cmds[i].ms)
			die("out of memory");
	}
	/* A command that fails while warming up is left out, with its status
	 * in the table; its own message went to stderr already. */
	/* Each round in a new order: what one command leaves behind for the
	 * kernel to clean up (its network namespace is freed later, by a
	 * worker) then falls on every other command alike, not always on the
	 * one that comes next.  Seeded: the same order on every run. */
	for (i = 0; i < NCMD; i++)
		order[i] = i;
	for (r = -warm; r < runs; r++) {
		for (i = NCMD - 1; i > 0; i--) {
			int j = (int)(next_random(&seed) % (unsigned)(i + 1)), t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
		for (int k = 0; k < NCMD; k++) {
			c = &cmds[order[k]];
			if (c->skip)
				continue;
			t0 = now_ms();
			st = run(c->argv, -1);
			if (r >= 0)
				c->ms[r] = now_ms() - t0;
			if (st == 0)
				continue;
			if (r < 0 || (r == 0 && warm == 0)) {
				c->skip = status_str(st, c->skipbuf, sizeof c->skipbuf);
				fprintf(stderr, "%s: %s, left out\n", c->name, c->skip);
			} else {
				c->failures++;
			}
		}
	}
	report(o, cmds, NCMD, runs, warm, who, busy, &cmds[BWRAP], &cmds[FLOOR], &cmds[BWRAP_USR]);

roundtrip:
	if (rt || rtonly)
		report_roundtrip(o);
	fclose(o);
	fwrite(buf, 1, len, stdout);
	if (out && (fwrite(buf, 1, len, out) != len || fclose(out) != 0))
		die("%s: %s", outfile, strerror(errno));
	free(buf);
	return 0;
}
