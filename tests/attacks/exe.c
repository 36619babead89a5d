/*
 * exe — class 14: overwrite the binary that runs us, or jail's own
 * (CVE-2019-5736 against runc: open /proc/self/exe or the runtime's exe
 * and write it, so that the next run on the host executes the attacker's
 * code).  Needs --proc.
 *
 *   exe self    /proc/self/exe for writing, with O_TRUNC: the target is
 *               bound read-only, so EROFS (the kernel alone would say
 *               ETXTBSY, the file being executed; O_TRUNC makes the
 *               kernel check the mount first, and it truncates nothing
 *               when either check fails).  run.sh runs a world-writable
 *               copy, so that file permissions do not answer first
 *   exe init    /proc/1/exe (jail's init runs jail's binary) and its
 *               /proc/1/fd: init is not dumpable, so EACCES even for
 *               reading — the target cannot even hold the binary open
 *
 * Nothing is ever written: opening for writing is the escape.
 */
#include <dirent.h>

#include "attack.h"

static int try_open(const char *path, int flags, int want)
{
	char what[96];
	int fd = open(path, flags | O_CLOEXEC);

	snprintf(what, sizeof(what), "open(%s, %s)", path, (flags & O_ACCMODE) == O_RDONLY ? "O_RDONLY" : "O_WRONLY");
	if (fd >= 0)
		close(fd);
	return verdict(what, fd, want);
}

int main(int argc, char **argv)
{
	DIR *d;
	int r;

	attack_name = "exe";
	if (access("/proc/self", F_OK) < 0) {
		say("no /proc (run with --proc)");
		return CANNOT;
	}
	if (argc == 2 && !strcmp(argv[1], "self")) {
		r = try_open("/proc/self/exe", O_WRONLY | O_TRUNC, EROFS);
		/* by the path it runs from, too */
		return worst(r, try_open(argv[0], O_WRONLY | O_TRUNC, EROFS));
	}
	if (argc == 2 && !strcmp(argv[1], "init")) {
		if (!in_jail_pidns()) {
			say("pid %d: not in a jail's pid namespace; pid 1 is left alone", (int)getpid());
			return CANNOT;
		}
		r = try_open("/proc/1/exe", O_RDONLY, EACCES);
		r = worst(r, try_open("/proc/1/exe", O_WRONLY, EACCES));
		r = worst(r, try_open("/proc/1/mem", O_RDONLY, EACCES));
		d = opendir("/proc/1/fd");
		if (d) {
			say("/proc/1/fd is readable: ESCAPED");
			closedir(d);
			return ESCAPED;
		}
		return worst(r, verdict("opendir(/proc/1/fd)", -1, EACCES));
	}
	usage("self | init");
	return CANNOT;
}
