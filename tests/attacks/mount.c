/*
 * mount — class 8: change the mount tree.  With the jail's root final and
 * the old root detached, a mount call is how one would get a view of the
 * host back (a bind from an inherited directory, a fresh proc or sysfs, an
 * open_tree clone).  jail's baseline answers EPERM to the whole family.
 *
 *   mount mount|umount|pivot_root|fsopen|fsmount|move_mount|open_tree
 *
 * escalate() first: inside a jail it fails (the baseline); against the
 * stub it gives the attacker, as anyone, the capabilities to mount in a
 * private namespace, so nothing here touches the host's mount table.
 */
#include <sys/syscall.h>

#include "attack.h"

#ifndef SYS_open_tree
#define SYS_open_tree 428
#define SYS_move_mount 429
#define SYS_fsopen 430
#define SYS_fsconfig 431
#define SYS_fsmount 432
#endif
#define OPEN_TREE_CLONE_ 1
#define MOVE_MOUNT_F_EMPTY_PATH_ 0x4
#define FSCONFIG_CMD_CREATE_ 6

int main(int argc, char **argv)
{
	const char *op;
	long rc;
	int r;

	attack_name = "mount";
	if (argc != 2)
		usage("mount|umount|pivot_root|fsopen|fsmount|move_mount|open_tree");
	op = argv[1];
	/* Without a private mount namespace, root outside a jail would
	 * change the host's own mount table: refuse to run there. */
	if (escalate() < 0 && geteuid() == 0 && !in_jail_pidns()) {
		say("no private mount namespace and not in a jail: not trying");
		return CANNOT;
	}
	if (chdir("/") < 0)
		return CANNOT;
	if (!strcmp(op, "mount")) {
		r = verdict("mount tmpfs on /", mount("none", "/", "tmpfs", 0, NULL), EPERM);
		return worst(r, verdict("mount --bind / /dev", mount("/", "/dev", NULL, MS_BIND | MS_REC, NULL), EPERM));
	}
	if (!strcmp(op, "umount"))
		return verdict("umount2(/, MNT_DETACH)", umount2("/", MNT_DETACH), EPERM);
	if (!strcmp(op, "pivot_root"))
		return verdict("pivot_root(., .)", syscall(SYS_pivot_root, ".", "."), EPERM);
	if (!strcmp(op, "fsopen"))
		return verdict("fsopen(tmpfs)", syscall(SYS_fsopen, "tmpfs", 0), EPERM);
	if (!strcmp(op, "fsmount")) {
		rc = syscall(SYS_fsopen, "tmpfs", 0);
		if (rc >= 0) {
			syscall(SYS_fsconfig, (int)rc, FSCONFIG_CMD_CREATE_, NULL, NULL, 0);
			return verdict("fsmount", syscall(SYS_fsmount, (int)rc, 0, 0), EPERM);
		}
		/* fd -1: the kernel alone says EBADF */
		return verdict("fsmount(-1)", syscall(SYS_fsmount, -1, 0, 0), EPERM);
	}
	if (!strcmp(op, "move_mount")) {
		rc = syscall(SYS_open_tree, AT_FDCWD, "/dev", OPEN_TREE_CLONE_);
		if (rc >= 0)
			return verdict("move_mount(clone of /dev, /)",
				       syscall(SYS_move_mount, (int)rc, "", AT_FDCWD, "/", MOVE_MOUNT_F_EMPTY_PATH_), EPERM);
		return verdict("move_mount(-1)",
			       syscall(SYS_move_mount, -1, "", AT_FDCWD, "/", MOVE_MOUNT_F_EMPTY_PATH_), EPERM);
	}
	if (!strcmp(op, "open_tree")) {
		/* without OPEN_TREE_CLONE it needs no privilege at all */
		r = verdict("open_tree(/)", syscall(SYS_open_tree, AT_FDCWD, "/", 0), EPERM);
		return worst(r, verdict("open_tree(/, CLONE)", syscall(SYS_open_tree, AT_FDCWD, "/", OPEN_TREE_CLONE_), EPERM));
	}
	usage("mount|umount|pivot_root|fsopen|fsmount|move_mount|open_tree");
	return CANNOT;
}
