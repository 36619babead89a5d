/*
 * probe — looks at its own process from inside a jail and says what it sees.
 *
 * One static binary with many subcommands, so a test's root needs nothing
 * but this file.  Output is one "key=value" per line (grep-friendly); a
 * subcommand that tries something reports "errno=NAME" and exits with the
 * errno value (0 on success), so a shell can compare exactly.
 *
 * Output goes through write(2) line by line, never through stdio buffers:
 * tests read it while the probe is still running (the "ready=1" lines), and
 * the line order of stdout against stderr matters (stdout-stderr).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <net/if.h>
#include <sched.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/securebits.h>

extern char **environ;

/* ------------------------------------------------------------ output */

static void out(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out(int fd, const char *fmt, ...)
{
	char buf[8192];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	for (char *p = buf; n > 0;) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= w;
	}
}

#define say(...) out(1, __VA_ARGS__)

/* errno's symbolic name, so tests compare "errno=EROFS", not a message. */
static const char *errname(int e)
{
	static const struct { int e; const char *n; } t[] = {
		{ 0, "0" }, { EPERM, "EPERM" }, { ENOENT, "ENOENT" },
		{ ESRCH, "ESRCH" }, { EINTR, "EINTR" }, { EIO, "EIO" },
		{ ENXIO, "ENXIO" }, { E2BIG, "E2BIG" }, { ENOEXEC, "ENOEXEC" },
		{ EBADF, "EBADF" }, { ECHILD, "ECHILD" }, { EAGAIN, "EAGAIN" },
		{ ENOMEM, "ENOMEM" }, { EACCES, "EACCES" }, { EFAULT, "EFAULT" },
		{ EBUSY, "EBUSY" }, { EEXIST, "EEXIST" }, { EXDEV, "EXDEV" },
		{ ENODEV, "ENODEV" }, { ENOTDIR, "ENOTDIR" }, { EISDIR, "EISDIR" },
		{ EINVAL, "EINVAL" }, { ENFILE, "ENFILE" }, { EMFILE, "EMFILE" },
		{ ENOTTY, "ENOTTY" }, { ETXTBSY, "ETXTBSY" }, { EFBIG, "EFBIG" },
		{ ENOSPC, "ENOSPC" }, { ESPIPE, "ESPIPE" }, { EROFS, "EROFS" },
		{ EMLINK, "EMLINK" }, { EPIPE, "EPIPE" }, { ERANGE, "ERANGE" },
		{ ENAMETOOLONG, "ENAMETOOLONG" }, { ENOSYS, "ENOSYS" },
		{ ELOOP, "ELOOP" }, { EOPNOTSUPP, "EOPNOTSUPP" },
		{ EAFNOSUPPORT, "EAFNOSUPPORT" }, { EADDRNOTAVAIL, "EADDRNOTAVAIL" },
		{ ENETUNREACH, "ENETUNREACH" }, { ECONNREFUSED, "ECONNREFUSED" },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].e == e)
			return t[i].n;
	return "EUNKNOWN";
}

/* Report the outcome of one attempt and turn it into the exit status. */
static int report(const char *step, int e)
{
	if (e)
		say("step=%s", step);
	say("errno=%s", errname(e));
	return e;
}

static long num(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 0);
	if (errno || *end || end == s) {
		out(2, "probe: bad number '%s'", s);
		exit(2);
	}
	return v;
}

/* Sleep for SECS seconds (fractions allowed) even when signals interrupt. */
static void nap(double secs)
{
	struct timespec ts = { (time_t)secs, (long)((secs - (time_t)secs) * 1e9) };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static const struct { int sig; const char *name; } sigs[] = {
	{ SIGHUP, "SIGHUP" }, { SIGINT, "SIGINT" }, { SIGQUIT, "SIGQUIT" },
	{ SIGILL, "SIGILL" }, { SIGTRAP, "SIGTRAP" }, { SIGABRT, "SIGABRT" },
	{ SIGBUS, "SIGBUS" }, { SIGFPE, "SIGFPE" }, { SIGKILL, "SIGKILL" },
	{ SIGUSR1, "SIGUSR1" }, { SIGSEGV, "SIGSEGV" }, { SIGUSR2, "SIGUSR2" },
	{ SIGPIPE, "SIGPIPE" }, { SIGALRM, "SIGALRM" }, { SIGTERM, "SIGTERM" },
	{ SIGCHLD, "SIGCHLD" }, { SIGCONT, "SIGCONT" }, { SIGSTOP, "SIGSTOP" },
	{ SIGTSTP, "SIGTSTP" }, { SIGTTIN, "SIGTTIN" }, { SIGTTOU, "SIGTTOU" },
	{ SIGURG, "SIGURG" }, { SIGXCPU, "SIGXCPU" }, { SIGXFSZ, "SIGXFSZ" },
	{ SIGVTALRM, "SIGVTALRM" }, { SIGPROF, "SIGPROF" },
	{ SIGWINCH, "SIGWINCH" }, { SIGIO, "SIGIO" }, { SIGPWR, "SIGPWR" },
	{ SIGSYS, "SIGSYS" },
};

static const char *signame(int sig)
{
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigs[i].sig == sig)
			return sigs[i].name;
	return "SIG?";
}

static int signum(const char *s)
{
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (!strcmp(s, sigs[i].name) || !strcmp(s, sigs[i].name + 3))
			return sigs[i].sig;
	return (int)num(s);
}

/* ------------------------------------------------------------ identity */

static int cmd_ids(int argc, char **argv)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg, groups[NGROUPS_MAX];
	char list[8192] = "";
	int n;

	getresuid(&ru, &eu, &su);
	getresgid(&rg, &eg, &sg);
	say("uid=%u", (unsigned)ru);
	say("euid=%u", (unsigned)eu);
	say("suid=%u", (unsigned)su);
	say("gid=%u", (unsigned)rg);
	say("egid=%u", (unsigned)eg);
	say("sgid=%u", (unsigned)sg);
	n = getgroups(NGROUPS_MAX, groups);
	for (int i = 0; i < n; i++) {
		size_t l = strlen(list);
		snprintf(list + l, sizeof(list) - l, "%s%u", i ? "," : "",
			 (unsigned)groups[i]);
	}
	say("groups=%s", list);
	return 0;
}

static int cmd_caps(int argc, char **argv)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	unsigned long long bnd = 0, amb = 0;
	int sb;

	memset(d, 0, sizeof(d));
	if (syscall(SYS_capget, &hdr, d) < 0) {
		say("capget_errno=%s", errname(errno));
	} else {
		say("cap_eff=%016llx", (unsigned long long)d[1].effective << 32 | d[0].effective);
		say("cap_prm=%016llx", (unsigned long long)d[1].permitted << 32 | d[0].permitted);
		say("cap_inh=%016llx", (unsigned long long)d[1].inheritable << 32 | d[0].inheritable);
	}
	/* Walk capabilities until the kernel says the number is unknown. */
	for (int c = 0; c < 64; c++) {
		int r = prctl(PR_CAPBSET_READ, c, 0, 0, 0);
		if (r < 0)
			break;
		if (r)
			bnd |= 1ULL << c;
		r = prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, c, 0, 0);
		if (r > 0)
			amb |= 1ULL << c;
	}
	say("cap_bnd=%016llx", bnd);
	say("cap_amb=%016llx", amb);
	sb = prctl(PR_GET_SECUREBITS, 0, 0, 0, 0);
	say("securebits=0x%x", sb < 0 ? 0 : sb);
	say("no_new_privs=%d", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
	say("dumpable=%d", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
	say("seccomp=%d", prctl(PR_GET_SECCOMP, 0, 0, 0, 0));
	return 0;
}

/*
 * Try every way back to privilege that needs no file: each line should say
 * an error.  The test only asserts that none of them says "0".
 */
static int cmd_setuid_check(int argc, char **argv)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	int r;

	r = setuid(0);
	say("setuid0=%s", errname(r < 0 ? errno : 0));
	r = setgid(0);
	say("setgid0=%s", errname(r < 0 ? errno : 0));
	r = setgroups(0, NULL);
	say("setgroups=%s", errname(r < 0 ? errno : 0));
	memset(d, 0xff, sizeof(d));
	r = syscall(SYS_capset, &hdr, d);
	say("capset_all=%s", errname(r < 0 ? errno : 0));
	r = prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_BIND_SERVICE, 0, 0);
	say("ambient_raise=%s", errname(r < 0 ? errno : 0));
	r = prctl(PR_SET_SECUREBITS, 0, 0, 0, 0);
	say("securebits_clear=%s", errname(r < 0 ? errno : 0));
	r = prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0);  /* cannot be unset: EINVAL */
	say("nnp_clear=%s", errname(r < 0 ? errno : 0));
	r = unshare(CLONE_NEWUSER);
	say("unshare_user=%s", errname(r < 0 ? errno : 0));
	return 0;
}

/* ------------------------------------------------------------ limits */

static int cmd_rlimits(int argc, char **argv)
{
	static const struct { int res; const char *name; } t[] = {
		{ RLIMIT_FSIZE, "fsize" }, { RLIMIT_CORE, "core" },
		{ RLIMIT_NOFILE, "nofile" }, { RLIMIT_NPROC, "nproc" },
		{ RLIMIT_AS, "as" }, { RLIMIT_CPU, "cpu" },
		{ RLIMIT_STACK, "stack" }, { RLIMIT_DATA, "data" },
		{ RLIMIT_MEMLOCK, "memlock" },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct rlimit rl;
		char s[32], h[32];

		if (getrlimit(t[i].res, &rl) < 0) {
			say("%s=error", t[i].name);
			continue;
		}
		if (rl.rlim_cur == RLIM_INFINITY)
			strcpy(s, "unlimited");
		else
			snprintf(s, sizeof(s), "%llu", (unsigned long long)rl.rlim_cur);
		if (rl.rlim_max == RLIM_INFINITY)
			strcpy(h, "unlimited");
		else
			snprintf(h, sizeof(h), "%llu", (unsigned long long)rl.rlim_max);
		say("%s=%s:%s", t[i].name, s, h);
	}
	return 0;
}

/* Which signals start out blocked and which ignored (inherited over exec). */
static int cmd_sigstate(int argc, char **argv)
{
	sigset_t mask;
	char blocked[1024] = "", ignored[1024] = "";

	sigprocmask(SIG_BLOCK, NULL, &mask);
	for (int s = 1; s < 32; s++) {
		struct sigaction sa;

		if (sigismember(&mask, s) == 1) {
			size_t l = strlen(blocked);
			snprintf(blocked + l, sizeof(blocked) - l, "%s%s", l ? "," : "", signame(s));
		}
		if (sigaction(s, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN) {
			size_t l = strlen(ignored);
			snprintf(ignored + l, sizeof(ignored) - l, "%s%s", l ? "," : "", signame(s));
		}
	}
	say("blocked=%s", blocked);
	say("ignored=%s", ignored);
	return 0;
}

/* ------------------------------------------------------------ file system */

static const char *ftype(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFREG: return "reg";
	case S_IFDIR: return "dir";
	case S_IFLNK: return "lnk";
	case S_IFCHR: return "chr";
	case S_IFBLK: return "blk";
	case S_IFIFO: return "fifo";
	case S_IFSOCK: return "sock";
	default: return "unknown";
	}
}

/*
 * One line per entry: "ls=PATH type=T [dev=MAJ:MIN] [target=LINK]".  A
 * jail's root has a handful of entries; should the probe see a whole host
 * tree instead, it stops after a few thousand and says "ls_truncated=1".
 */
static int walk_budget = 5000;
static int walk_maxdepth = 40;

static void walk(const char *path, int depth)
{
	struct stat st;
	char target[PATH_MAX];
	DIR *d;
	struct dirent *e;

	if (walk_budget-- <= 0) {
		if (walk_budget == -1)
			say("ls_truncated=1");
		return;
	}
	if (lstat(path, &st) < 0) {
		say("ls=%s type=error errno=%s", path, errname(errno));
		return;
	}
	if (S_ISLNK(st.st_mode)) {
		ssize_t n = readlink(path, target, sizeof(target) - 1);
		target[n < 0 ? 0 : n] = '\0';
		say("ls=%s type=lnk target=%s", path, target);
		return;
	}
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
		say("ls=%s type=%s dev=%u:%u", path, ftype(st.st_mode),
		    major(st.st_rdev), minor(st.st_rdev));
		return;
	}
	say("ls=%s type=%s", path, ftype(st.st_mode));
	/* /proc and /sys are the kernel's, not the jail's: do not descend. */
	if (!S_ISDIR(st.st_mode) || depth >= walk_maxdepth ||
	    !strcmp(path, "/proc") || !strcmp(path, "/sys"))
		return;
	d = opendir(path);
	if (!d) {
		say("ls=%s type=unreadable errno=%s", path, errname(errno));
		return;
	}
	while ((e = readdir(d))) {
		char child[PATH_MAX];

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(child, sizeof(child), "%s%s%s", path,
			 path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
		walk(child, depth + 1);
	}
	closedir(d);
}

static int cmd_ls(int argc, char **argv)
{
	if (argc > 2)
		walk_maxdepth = (int)num(argv[2]);
	walk(argc > 1 ? argv[1] : "/", 0);
	return 0;
}

static int cmd_write(int argc, char **argv)
{
	const char *data = argc > 2 ? argv[2] : "x\n";
	int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return report("open", errno);
	if (write(fd, data, strlen(data)) < 0)
		return report("write", errno);
	close(fd);
	return report("done", 0);
}

static int cmd_append(int argc, char **argv)
{
	int fd = open(argv[1], O_WRONLY | O_APPEND);

	if (fd < 0)
		return report("open", errno);
	if (write(fd, argv[2], strlen(argv[2])) < 0)
		return report("write", errno);
	return report("done", 0);
}

/* Write BYTES bytes in one call: shows where RLIMIT_FSIZE stops it. */
static int cmd_write_size(int argc, char **argv)
{
	long want = num(argv[2]);
	char *buf = calloc(1, want ? want : 1);
	int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t n;

	if (fd < 0)
		return report("open", errno);
	n = write(fd, buf, want);
	if (n < 0)
		return report("write", errno);
	say("written=%zd", n);
	/* A short write stopped at the limit; the next one must fail. */
	if (n < want && write(fd, buf, want - n) < 0)
		return report("write", errno);
	return report("done", 0);
}

/*
 * Create PATH exclusively and remove it again at once: shows whether the
 * file system lets us create, without leaving anything behind when the
 * probe runs unconfined (the stub runs, as root, on the host).
 */
static int cmd_create(int argc, char **argv)
{
	int fd = open(argv[1], O_WRONLY | O_CREAT | O_EXCL, 0644);

	if (fd < 0)
		return report("open", errno);
	close(fd);
	unlink(argv[1]);
	return report("done", 0);
}

static int cmd_mkdir(int argc, char **argv)
{
	if (mkdir(argv[1], 0755) < 0)
		return report("mkdir", errno);
	rmdir(argv[1]);
	return report("done", 0);
}

static int cmd_access(int argc, char **argv)
{
	int mode = 0;

	for (const char *p = argc > 2 ? argv[2] : "f"; *p; p++)
		mode |= *p == 'r' ? R_OK : *p == 'w' ? W_OK : *p == 'x' ? X_OK : F_OK;
	return report("access", access(argv[1], mode) < 0 ? errno : 0);
}

static int cmd_statfs(int argc, char **argv)
{
	struct statvfs sv;

	if (statvfs(argv[1], &sv) < 0)
		return report("statvfs", errno);
	say("ro=%d", !!(sv.f_flag & ST_RDONLY));
	say("nosuid=%d", !!(sv.f_flag & ST_NOSUID));
	say("nodev=%d", !!(sv.f_flag & ST_NODEV));
	say("noexec=%d", !!(sv.f_flag & ST_NOEXEC));
	return 0;
}

/* Read FILE to its end, or MAX bytes (for /dev/zero and /dev/urandom). */
static int cmd_read(int argc, char **argv)
{
	char buf[65536];
	long total = 0, max = argc > 2 ? num(argv[2]) : -1;
	ssize_t n = 0;
	int fd = open(argv[1], O_RDONLY);

	if (fd < 0)
		return report("open", errno);
	while ((max < 0 || total < max) &&
	       (n = read(fd, buf, max < 0 || max - total > (long)sizeof(buf) ?
			 sizeof(buf) : (size_t)(max - total))) > 0)
		total += n;
	if (n < 0)
		return report("read", errno);
	say("bytes=%ld", total);
	return report("done", 0);
}

static int cmd_cat(int argc, char **argv)
{
	char buf[65536];
	ssize_t n;
	int fd = open(argv[1], O_RDONLY);

	if (fd < 0)
		return report("open", errno);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(1, buf, n) != n)
			return 1;
	return n < 0 ? errno : 0;
}

/*
 * Copy SRC to DST (mode 0755) and execute it as "DST exit 42": status 42
 * means a file the target wrote could be executed; otherwise the errno.
 */
static int cmd_copy_exec(int argc, char **argv)
{
	char buf[65536];
	ssize_t n;
	int in = open(argv[1], O_RDONLY), o;

	if (in < 0)
		return report("open-src", errno);
	o = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (o < 0)
		return report("open-dst", errno);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(o, buf, n) != n)
			return report("write", errno);
	close(o);
	close(in);
	execl(argv[2], argv[2], "exit", "42", (char *)NULL);
	return report("exec", errno);
}

static int cmd_cwd(int argc, char **argv)
{
	char buf[PATH_MAX];

	if (!getcwd(buf, sizeof(buf)))
		return report("getcwd", errno);
	say("cwd=%s", buf);
	return 0;
}

static int cmd_mounts(int argc, char **argv)
{
	char line[4096];
	FILE *f = fopen("/proc/self/mountinfo", "r");

	if (!f)
		return report("open", errno);
	/* Field 5 is the mount point (octal escapes left as they are). */
	while (fgets(line, sizeof(line), f)) {
		char mp[4096];

		if (sscanf(line, "%*s %*s %*s %*s %4095s", mp) == 1)
			say("mount=%s", mp);
	}
	fclose(f);
	return 0;
}

/* ------------------------------------------------------------ descriptors */

static int cmd_fds(int argc, char **argv)
{
	char list[8192] = "";

	for (int fd = 0; fd < 1024; fd++) {
		if (fcntl(fd, F_GETFD) < 0)
			continue;
		size_t l = strlen(list);
		snprintf(list + l, sizeof(list) - l, "%s%d", l ? "," : "", fd);
	}
	say("fds=%s", list);
	return 0;
}

static int cmd_fdtype(int argc, char **argv)
{
	struct stat st;
	int fd = (int)num(argv[1]);

	if (fstat(fd, &st) < 0)
		return report("fstat", errno);
	say("fd%d=%s", fd, ftype(st.st_mode));
	say("flags=0x%x", fcntl(fd, F_GETFL));
	return 0;
}

/* ------------------------------------------------------------ namespaces */

static int cmd_net(int argc, char **argv)
{
	struct if_nameindex *ifs = if_nameindex(), *i;
	char list[4096] = "";
	struct ifreq ifr;
	int s;

	if (!ifs)
		return report("if_nameindex", errno);
	for (i = ifs; i->if_index; i++) {
		size_t l = strlen(list);
		snprintf(list + l, sizeof(list) - l, "%s%s", l ? "," : "", i->if_name);
	}
	if_freenameindex(ifs);
	say("ifaces=%s", list);

	/* SIOCGIFFLAGS works on any socket; AF_UNIX needs no network policy. */
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		say("lo_up=error");
	else
		say("lo_up=%d", !!(ifr.ifr_flags & IFF_UP));
	return 0;
}

/* A TCP round trip over 127.0.0.1: the loopback is really usable. */
static int cmd_loopback(int argc, char **argv)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	int l, c, s;
	char b = 0;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0)
		return report("socket", errno);
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 1) < 0 ||
	    getsockname(l, (struct sockaddr *)&a, &len) < 0)
		return report("listen", errno);
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&a, sizeof(a)) < 0)
		return report("connect", errno);
	s = accept(l, NULL, NULL);
	if (s < 0 || write(c, "!", 1) != 1 || read(s, &b, 1) != 1 || b != '!')
		return report("transfer", errno ? errno : EIO);
	return report("done", 0);
}

static int cmd_ns(int argc, char **argv)
{
	static const char *const names[] = {
		"user", "mnt", "net", "pid", "ipc", "uts", "cgroup", "time",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char path[64], link[256];
		ssize_t n;

		snprintf(path, sizeof(path), "/proc/self/ns/%s", names[i]);
		n = readlink(path, link, sizeof(link) - 1);
		if (n < 0) {
			say("ns_%s=error-%s", names[i], errname(errno));
			continue;
		}
		link[n] = '\0';
		say("ns_%s=%s", names[i], link);
	}
	return 0;
}

static int cmd_pid(int argc, char **argv)
{
	say("pid=%d", (int)getpid());
	say("ppid=%d", (int)getppid());
	return 0;
}

/* The numeric entries of /proc: the processes this pid namespace shows. */
static int cmd_proc_pids(int argc, char **argv)
{
	char list[65536] = "";
	int count = 0;
	struct dirent *e;
	DIR *d = opendir("/proc");

	if (!d)
		return report("opendir", errno);
	while ((e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		size_t l = strlen(list);
		snprintf(list + l, sizeof(list) - l, "%s%s", l ? "," : "", e->d_name);
		count++;
	}
	closedir(d);
	say("pids=%s", list);
	say("count=%d", count);
	return 0;
}

static int cmd_hostname(int argc, char **argv)
{
	struct utsname u;

	uname(&u);
	say("hostname=%s", u.nodename);
	say("domainname=%s", u.domainname);
	return 0;
}

/* ------------------------------------------------------------ processes */

static int cmd_sleep(int argc, char **argv)
{
	say("ready=1");
	nap(strtod(argv[1], NULL));
	say("slept=1");
	return 0;
}

static int cmd_ignore_term(int argc, char **argv)
{
	signal(SIGTERM, SIG_IGN);
	say("ready=1");
	nap(strtod(argv[1], NULL));
	say("slept=1");
	return 0;
}

static volatile sig_atomic_t got_sig;

static void on_signal(int sig)
{
	got_sig = sig;
}

/* Wait (at most 20 s) for one of the signals jail forwards. */
static int wait_for(const int *list, size_t n)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	for (size_t i = 0; i < n; i++)
		sigaction(list[i], &sa, NULL);
	say("ready=1");
	for (int i = 0; i < 200 && !got_sig; i++)
		nap(0.1);
	return got_sig;
}

static int cmd_handle_term(int argc, char **argv)
{
	const int list[] = { SIGTERM };

	if (!wait_for(list, 1)) {
		say("timeout=1");
		return 1;
	}
	say("got TERM");
	return 0;
}

static int cmd_wait_signal(int argc, char **argv)
{
	const int list[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };
	int sig = wait_for(list, sizeof(list) / sizeof(list[0]));

	if (!sig) {
		say("timeout=1");
		return 1;
	}
	say("got=%s", signame(sig));
	return 0;
}

/*
 * Fork N children that sleep SECS and will outlive us.  With "wait", say
 * ready=1 and exit only on SIGUSR1 (or after 20 s), so a test can look at
 * the jail before the orphans are orphaned; else exit at once.
 */
static int cmd_orphans(int argc, char **argv)
{
	const int usr1[] = { SIGUSR1 };
	long n = num(argv[1]);
	double secs = strtod(argv[2], NULL);

	for (long i = 0; i < n; i++) {
		pid_t p = fork();
		if (p < 0)
			return report("fork", errno);
		if (p == 0) {
			nap(secs);
			_exit(0);
		}
		say("orphan=%d", (int)p);
	}
	if (argc > 3 && !strcmp(argv[3], "wait") && !wait_for(usr1, 1))
		return 1;
	return 0;
}

/*
 * Make an orphan that dies (child forks a grandchild and exits; the
 * grandchild is re-parented to pid 1 and exits 0.1 s later), then watch
 * /proc (needs --proc) for at most 3 s: "reaped=1" when pid 1 collected it.
 */
static int cmd_zombie(int argc, char **argv)
{
	int p[2];
	pid_t child, grand = 0;
	char path[64];

	if (pipe(p) < 0)
		return report("pipe", errno);
	child = fork();
	if (child == 0) {
		pid_t g = fork();
		if (g == 0) {
			nap(0.1);
			_exit(0);
		}
		if (write(p[1], &g, sizeof(g)) < 0)
			_exit(1);
		_exit(0);
	}
	if (child < 0 || read(p[0], &grand, sizeof(grand)) != sizeof(grand))
		return report("fork", errno);
	waitpid(child, NULL, 0);
	say("orphan=%d", (int)grand);
	snprintf(path, sizeof(path), "/proc/%d", (int)grand);
	for (int i = 0; i < 30; i++) {
		if (access(path, F_OK) < 0) {
			say("reaped=1");
			return 0;
		}
		nap(0.1);
	}
	say("reaped=0");
	return 1;
}

/*
 * Try to attach to PID, or to our parent with "parent" (in a jail that is
 * jail's init, which runs without the seccomp filter): "errno=" of
 * PTRACE_SEIZE.
 */
static int cmd_ptrace(int argc, char **argv)
{
	pid_t pid = strcmp(argv[1], "parent") ? (pid_t)num(argv[1]) : getppid();

	if (ptrace(PTRACE_SEIZE, pid, NULL, NULL) < 0)
		return report("seize", errno);
	ptrace(PTRACE_DETACH, pid, NULL, NULL);
	return report("done", 0);
}

static volatile sig_atomic_t sig_count;

static void count_signal(int sig)
{
	sig_count++;
}

/*
 * Count deliveries of SIG: say ready=1, wait (at most 20 s) for the first,
 * then 0.5 s more for duplicates, and print count=N.
 */
static int cmd_count_signal(int argc, char **argv)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count_signal;
	sigaction(signum(argv[1]), &sa, NULL);
	say("ready=1");
	for (int i = 0; i < 200 && !sig_count; i++)
		nap(0.1);
	nap(0.5);
	say("count=%d", (int)sig_count);
	return 0;
}

static int cmd_exit(int argc, char **argv)
{
	return (int)num(argv[1]);
}

static int cmd_kill_self(int argc, char **argv)
{
	int sig = signum(argv[1]);

	/* A core dump would be wasted time; RLIMIT_CORE 0 also stops it. */
	signal(sig, SIG_DFL);
	kill(getpid(), sig);
	nap(5);
	return 1;
}

/* N numbered lines, alternately on stdout and stderr, one write each. */
static int cmd_stdout_stderr(int argc, char **argv)
{
	long n = num(argv[1]);

	for (long i = 1; i <= n; i++)
		out(i % 2 ? 1 : 2, "line=%ld fd=%d", i, i % 2 ? 1 : 2);
	return 0;
}

static int cmd_echo(int argc, char **argv)
{
	char buf[8192] = "";

	for (int i = 1; i < argc; i++) {
		size_t l = strlen(buf);
		snprintf(buf + l, sizeof(buf) - l, "%s%s", i > 1 ? " " : "", argv[i]);
	}
	say("%s", buf);
	return 0;
}

static int cmd_env(int argc, char **argv)
{
	for (char **e = environ; *e; e++)
		say("%s", *e);
	return 0;
}

/* ------------------------------------------------------------ table */

static const struct command {
	const char *name;
	int min_args;
	int (*fn)(int argc, char **argv);
	const char *usage;
} commands[] = {
	{ "ids", 0, cmd_ids, "uid/euid/suid, gid/egid/sgid, groups" },
	{ "caps", 0, cmd_caps, "capability sets, bounding, ambient, securebits, nnp, seccomp" },
	{ "setuid-check", 0, cmd_setuid_check, "try setuid(0), capset, ambient raise, ... (each errno)" },
	{ "rlimits", 0, cmd_rlimits, "NAME=SOFT:HARD for the usual limits" },
	{ "sigstate", 0, cmd_sigstate, "blocked and ignored signals at start" },
	{ "ls", 0, cmd_ls, "[PATH [DEPTH]] recursive listing with types and link targets" },
	{ "write", 1, cmd_write, "FILE [DATA] create/truncate and write" },
	{ "append", 2, cmd_append, "FILE DATA append to an existing file" },
	{ "write-size", 2, cmd_write_size, "FILE BYTES write BYTES zero bytes" },
	{ "create", 1, cmd_create, "PATH create exclusively, then remove" },
	{ "mkdir", 1, cmd_mkdir, "PATH make a directory, then remove it" },
	{ "access", 1, cmd_access, "PATH [rwx] access(2)" },
	{ "statfs", 1, cmd_statfs, "PATH mount flags: ro nosuid nodev noexec" },
	{ "read", 1, cmd_read, "FILE [MAX] read to the end (or MAX bytes), say how many" },
	{ "cat", 1, cmd_cat, "FILE copy to stdout" },
	{ "copy-exec", 2, cmd_copy_exec, "SRC DST copy, chmod 755, exec DST (42 = it ran)" },
	{ "cwd", 0, cmd_cwd, "working directory" },
	{ "mounts", 0, cmd_mounts, "mount points from /proc/self/mountinfo" },
	{ "fds", 0, cmd_fds, "open descriptors among 0..1023" },
	{ "fdtype", 1, cmd_fdtype, "FD file type and status flags of FD" },
	{ "net", 0, cmd_net, "interfaces and whether lo is up" },
	{ "loopback", 0, cmd_loopback, "TCP round trip over 127.0.0.1" },
	{ "ns", 0, cmd_ns, "/proc/self/ns/* (needs /proc)" },
	{ "pid", 0, cmd_pid, "pid and ppid" },
	{ "proc-pids", 0, cmd_proc_pids, "processes visible in /proc" },
	{ "hostname", 0, cmd_hostname, "uts nodename and domainname" },
	{ "sleep", 1, cmd_sleep, "SECS say ready=1, sleep" },
	{ "ignore-term", 1, cmd_ignore_term, "SECS ignore SIGTERM, say ready=1, sleep" },
	{ "handle-term", 0, cmd_handle_term, "say ready=1; on SIGTERM print 'got TERM', exit 0" },
	{ "wait-signal", 0, cmd_wait_signal, "say ready=1; print got=SIGNAME of the first forwarded signal" },
	{ "orphans", 2, cmd_orphans, "N SECS [wait] fork N sleepers; exit at once, or on SIGUSR1" },
	{ "zombie", 0, cmd_zombie, "make a dying orphan; reaped=1 if pid 1 collects it (needs /proc)" },
	{ "ptrace", 1, cmd_ptrace, "PID|parent try PTRACE_SEIZE on PID or on our parent" },
	{ "count-signal", 1, cmd_count_signal, "SIG say ready=1; count=N deliveries of SIG" },
	{ "exit", 1, cmd_exit, "N exit with status N" },
	{ "kill-self", 1, cmd_kill_self, "SIG kill ourselves with SIG" },
	{ "stdout-stderr", 1, cmd_stdout_stderr, "N alternate N numbered lines on fds 1 and 2" },
	{ "echo", 0, cmd_echo, "ARGS... print the arguments" },
	{ "env", 0, cmd_env, "print the environment, one K=V a line" },
};

static int usage(void)
{
	out(2, "usage: probe COMMAND [ARG]...");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		out(2, "  %-14s %s", commands[i].name, commands[i].usage);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		const struct command *c = &commands[i];

		if (strcmp(argv[1], c->name))
			continue;
		if (argc - 2 < c->min_args)
			return usage();
		return c->fn(argc - 1, argv + 1);
	}
	return usage();
}
