/*
 * write — class 13: leave something behind on the host.
 *
 *   write root          create a file, a directory, a fifo and a symlink
 *                       in /, /dev and /tmp: the root is a read-only
 *                       tmpfs (EROFS) without /tmp (ENOENT); an
 *                       unprivileged caller would get EACCES from the
 *                       host's / instead
 *   write fsize DIR     grow a file in the writable DIR (a --bind):
 *                       RLIMIT_FSIZE 0 makes the write fail with EFBIG
 *                       (and SIGXFSZ is ignored, so the program lives)
 *   write relay         standard output is a host file that jail relays:
 *                       the target must hold a pipe, not the file, so it
 *                       cannot seek, truncate or overwrite what is there
 *
 * Anything created is removed again (the stub runs this on the host).
 */
#include <sys/stat.h>

#include "attack.h"

static int made(const char *what, const char *path, int rc)
{
	if (rc >= 0) {
		say("%s %s: created: ESCAPED", what, path);
		unlink(path);
		rmdir(path);
		return ESCAPED;
	}
	/* EROFS: the read-only root; ENOENT: a directory it does not hold */
	if (errno == ENOENT)
		return verdict(what, -1, ENOENT);
	return verdict(what, -1, EROFS);
}

static int root(void)
{
	static const char *const dirs[] = { "/", "/dev/", "/tmp/" };
	char p[256];
	int r = STOPPED;

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(p, sizeof(p), "%sjail-attack-write.%d", dirs[i], (int)getpid());
		r = worst(r, made("creat", p, open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)));
		r = worst(r, made("mkdir", p, mkdir(p, 0755)));
		r = worst(r, made("mkfifo", p, mkfifo(p, 0644)));
		r = worst(r, made("symlink", p, symlink("/", p)));
	}
	return r;
}

static int fsize(const char *dir)
{
	char p[4096];
	int fd, r;

	snprintf(p, sizeof(p), "%s/jail-attack-fsize.%d", dir, (int)getpid());
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		say("creat %s: %s", p, strerror(errno));
		return CANNOT;
	}
	r = verdict("write 1 byte", write(fd, "x", 1), EFBIG);
	r = worst(r, verdict("ftruncate to 1 MiB", ftruncate(fd, 1 << 20), EFBIG));
	r = worst(r, verdict("pwrite at 1 MiB", pwrite(fd, "x", 1, 1 << 20), EFBIG));
	close(fd);
	unlink(p);
	return r;
}

static int relay(void)
{
	struct stat st;

	if (fstat(1, &st) < 0)
		return CANNOT;
	if (S_ISREG(st.st_mode)) {
		say("standard output is the host file itself (inode %lu): ESCAPED", (unsigned long)st.st_ino);
		return ESCAPED;
	}
	say("standard output is %s, not the file: stopped", S_ISFIFO(st.st_mode) ? "a pipe" : "something else");
	/* and no seek or truncate reaches the file through it */
	if (lseek(1, 0, SEEK_SET) == 0 || ftruncate(1, 0) == 0) {
		say("seek or truncate on standard output worked: ESCAPED");
		return ESCAPED;
	}
	return STOPPED;
}

int main(int argc, char **argv)
{
	attack_name = "write";
	if (argc == 2 && !strcmp(argv[1], "root"))
		return root();
	if (argc == 3 && !strcmp(argv[1], "fsize"))
		return fsize(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "relay"))
		return relay();
	usage("root | fsize DIR | relay");
	return CANNOT;
}
