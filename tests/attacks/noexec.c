/*
 * noexec — execute a file the target wrote (SPEC 5: writable mounts are
 * noexec; executable memfds are refused by the filter).
 *
 *   noexec written DIR   copy this program into the writable DIR (a
 *                        --bind or --tmpfs), chmod 755, execve it: EACCES
 *   noexec memfd-exec    memfd_create(MFD_EXEC): the baseline's EPERM
 *   noexec memfd         a plain memfd_create, this program written into
 *                        it, fexecve: must fail
 *   noexec hello         what a copy runs: it got executed, ESCAPED
 *
 * Writing needs --fsize above 0 (RLIMIT_FSIZE 0 would stop the copy
 * first, which is another layer).
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include "attack.h"

#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif

static int copy_self(const char *self, int out)
{
	char buf[65536];
	ssize_t n;
	int in = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);

	if (in < 0)
		in = open(self, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		say("open %s: %s", self, strerror(errno));
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n) {
			say("writing the copy: %s", strerror(errno));
			close(in);
			return -1;
		}
	close(in);
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv, char **envp)
{
	char *args[] = { argv[0], (char *)"hello", NULL };
	char path[4096];
	int fd;

	attack_name = "noexec";
	if (argc == 2 && !strcmp(argv[1], "hello")) {
		say("a file the target wrote was executed: ESCAPED");
		return ESCAPED;
	}
	if (argc == 3 && !strcmp(argv[1], "written")) {
		snprintf(path, sizeof(path), "%s/jail-attack-exec.%d", argv[2], (int)getpid());
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
		if (fd < 0 || copy_self(argv[0], fd) < 0) {
			say("writing %s: %s", path, strerror(errno));
			unlink(path);
			return CANNOT;
		}
		close(fd);
		chmod(path, 0755);
		args[0] = path;
		execve(path, args, envp);
		int r = verdict("execve of the written copy", -1, EACCES);
		unlink(path);
		return r;
	}
	if (argc == 2 && !strcmp(argv[1], "memfd-exec")) {
		fd = memfd_create("jail-attack", MFD_CLOEXEC | MFD_EXEC);
		return verdict("memfd_create(MFD_EXEC)", fd, EPERM);
	}
	if (argc == 2 && !strcmp(argv[1], "memfd")) {
		fd = memfd_create("jail-attack", MFD_CLOEXEC);
		if (fd < 0) {
			say("memfd_create: %s: stopped", strerror(errno));
			return STOPPED;
		}
		if (copy_self(argv[0], fd) < 0)
			return CANNOT;
		fexecve(fd, args, envp);
		say("fexecve of the memfd: %s: stopped", strerror(errno));
		return STOPPED;
	}
	usage("written DIR | memfd-exec | memfd | hello");
	return CANNOT;
}
