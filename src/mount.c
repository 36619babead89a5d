/* Building the jail's root in the child.
 *
 * Bind sources are opened (O_PATH) before anything is mounted and checked
 * against the device and inode the parent parsed, then bound through the
 * new mount API from those descriptors: what is bound is exactly what was
 * read, whatever happens to the host's paths meanwhile.  Mount points are
 * created with *at() calls that refuse symlinks, so nothing is ever created
 * outside the new root while it is built. */
#include "mount.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/mount.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "util.h"

/* glibc 2.36 declares these, but older headers may not: use the syscalls. */
static int sys_open_tree(int dfd, const char *path, unsigned flags)
{
	return (int)syscall(SYS_open_tree, dfd, path, flags);
}

static int sys_move_mount(int from, const char *fpath, int to, const char *tpath,
			  unsigned flags)
{
	return (int)syscall(SYS_move_mount, from, fpath, to, tpath, flags);
}

static int sys_mount_setattr(int dfd, const char *path, unsigned flags,
			     struct mount_attr *attr)
{
	return (int)syscall(SYS_mount_setattr, dfd, path, flags, attr, sizeof(*attr));
}

static int sys_fsopen(const char *fs, unsigned flags)
{
	return (int)syscall(SYS_fsopen, fs, flags);
}

static int sys_fsconfig(int fd, unsigned cmd, const char *key, const void *val,
			int aux)
{
	return (int)syscall(SYS_fsconfig, fd, cmd, key, val, aux);
}

static int sys_fsmount(int fd, unsigned flags, unsigned attr)
{
	return (int)syscall(SYS_fsmount, fd, flags, attr);
}

static int sys_pivot_root(const char *new_root, const char *put_old)
{
	return (int)syscall(SYS_pivot_root, new_root, put_old);
}

int mount_prepare(const struct root_plan *plan, struct mount_state *st,
		  struct err *e)
{
	const char *base = "/tmp";
	struct stat sb;

	/* Nothing mounted from here on may reach the host's namespace. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return err_sys(e, "mount layer: making the mount namespace private");
	st->lastfd = -1;
	st->srcfd = malloc((plan->n + 1) * sizeof(int));
	st->srcmode = malloc((plan->n + 1) * sizeof(mode_t));
	if (!st->srcfd || !st->srcmode)
		return err_sys(e, "out of memory");
	for (size_t i = 0; i < plan->n; i++) {
		const struct root_entry *en = &plan->v[i];
		struct stat s;

		st->srcfd[i] = -1;
		if (!en->path[0] || (en->kind != E_BIND_RO && en->kind != E_BIND_RW))
			continue;
		st->srcfd[i] = open(en->src, O_PATH | O_CLOEXEC | O_NOFOLLOW);
		if (st->srcfd[i] < 0 || fstat(st->srcfd[i], &s) < 0)
			return err_sys(e, "root: %s", en->src);
		if (en->verify && (s.st_dev != en->dev || s.st_ino != en->ino))
			return err_set(e, "root: %s changed while jail started; not binding it", en->src);
		st->srcmode[i] = s.st_mode;
	}
	/* The tmpfs needs some directory to sit on while it is built; it
	 * hides that directory only in this namespace, and every source is
	 * already open. */
	if (stat(base, &sb) < 0 || !S_ISDIR(sb.st_mode))
		base = "/dev";
	if (mount("jail", base, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") < 0)
		return err_sys(e, "root: mounting a tmpfs on %s", base);
	st->rootfd = open(base, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (st->rootfd < 0)
		return err_sys(e, "root: %s", base);
	return 0;
}

/* Walks from DIRFD down the components of PATH, creating what is missing;
 * a symlink or file on the way is an error.  Returns a new fd. */
static int walk(int dirfd, const char *p, const char *path, struct err *e)
{
	dirfd = dup(dirfd);
	if (dirfd < 0)
		return err_sys(e, "dup");
	while (*p) {
		char comp[256];
		size_t n;
		int fd;

		while (*p == '/')
			p++;
		n = strcspn(p, "/");
		if (!n)
			break;
		if (n >= sizeof(comp)) {
			close(dirfd);
			return err_set(e, "root: %s: name too long", path);
		}
		memcpy(comp, p, n);
		comp[n] = '\0';
		p += n;
		/* The root is new and empty: most components are created. */
		if (mkdirat(dirfd, comp, 0755) < 0 && errno != EEXIST) {
			err_sys(e, "root: creating %s", path);
			close(dirfd);
			return -1;
		}
		fd = openat(dirfd, comp, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(dirfd);
		if (fd < 0) {
			if (errno == ENOTDIR || errno == ELOOP)
				return err_set(e, "root: %s: a symlink or file is in the way", path);
			return err_sys(e, "root: %s", path);
		}
		dirfd = fd;
	}
	return dirfd;
}

/* The directory PATH under the root, created if missing: an fd that
 * stays the cache's (the caller does not close it). */
static int dir_at(struct mount_state *st, const char *path, struct err *e)
{
	size_t n = strlen(st->lastdir);
	int fd;

	if (st->lastfd >= 0 && strcmp(path, st->lastdir) == 0)
		return st->lastfd;
	if (strlen(path) >= sizeof(st->lastdir))
		return err_set(e, "root: %s: name too long", path);
	if (st->lastfd >= 0 && n && strncmp(path, st->lastdir, n) == 0 && path[n] == '/')
		fd = walk(st->lastfd, path + n, path, e);
	else
		fd = walk(st->rootfd, path, path, e);
	if (fd < 0)
		return -1;
	if (st->lastfd >= 0)
		close(st->lastfd);
	st->lastfd = fd;
	strcpy(st->lastdir, path);
	return fd;
}

/* After a mount on a directory: what is cached may be under it now. */
static void forget_dirs(struct mount_state *st)
{
	if (st->lastfd >= 0)
		close(st->lastfd);
	st->lastfd = -1;
	st->lastdir[0] = '\0';
}

/* The directory holding PATH (its fd, the cache's) and PATH's last name. */
static int parent_and_name(struct mount_state *st, const char *path,
			   const char **name, struct err *e)
{
	const char *slash = strrchr(path, '/');
	char parent[4096];

	if (!slash || (size_t)(slash - path) >= sizeof(parent))
		return err_set(e, "root: bad path %s", path);
	memcpy(parent, path, (size_t)(slash - path));
	parent[slash - path] = '\0';
	*name = slash + 1;
	return dir_at(st, parent, e);
}

static int make_symlink(struct mount_state *st, const struct root_entry *en,
			struct err *e)
{
	const char *name;
	int dir = parent_and_name(st, en->path, &name, e);

	if (dir < 0)
		return -1;
	if (symlinkat(en->src, dir, name) < 0 && errno != EEXIST)
		return err_sys(e, "root: symlink %s", en->path);
	return 0;
}

static int attach(int tree, int dirfd, const char *name, const char *what,
		  struct err *e)
{
	/* NAME was just made here, in a tmpfs only this process reaches:
	 * moving onto it by name (not following a final symlink) is safe. */
	if (sys_move_mount(tree, "", dirfd, name,
			   MOVE_MOUNT_F_EMPTY_PATH | (name[0] ? 0 : MOVE_MOUNT_T_EMPTY_PATH)) < 0)
		return err_sys(e, "root: mounting %s", what);
	return 0;
}

static int do_bind(struct mount_state *st, const struct root_entry *en,
		   int srcfd, mode_t mode, struct err *e)
{
	struct mount_attr attr = { 0 };
	bool is_dir = S_ISDIR(mode);
	const char *name = "";
	int dst, tree, r;

	/* The mount point: a directory, or an empty file, like its source. */
	if (is_dir) {
		dst = dir_at(st, en->path, e);
	} else {
		dst = parent_and_name(st, en->path, &name, e);
		if (dst >= 0 && mknodat(dst, name, S_IFREG | 0644, 0) < 0 && errno != EEXIST)
			return err_sys(e, "root: creating %s", en->path);
	}
	if (dst < 0)
		return -1;
	tree = sys_open_tree(srcfd, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC |
			     AT_EMPTY_PATH | (is_dir ? AT_RECURSIVE : 0));
	if (tree < 0)
		return err_sys(e, "root: binding %s", en->src);
	attr.attr_set = MOUNT_ATTR_NOSUID;
	/* Device nodes are bound from the host's /dev: keep them usable. */
	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		attr.attr_set |= MOUNT_ATTR_NODEV;
	if (en->kind == E_BIND_RO)
		attr.attr_set |= MOUNT_ATTR_RDONLY;
	else
		attr.attr_set |= MOUNT_ATTR_NOEXEC;	/* nothing written runs */
	/* Before attaching, on the detached copy: all of it, recursively. */
	if (sys_mount_setattr(tree, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr) < 0) {
		close(tree);
		return err_sys(e, "root: making %s read-only", en->path);
	}
	r = attach(tree, dst, name, en->path, e);
	close(tree);
	if (is_dir)
		forget_dirs(st);
	return r;
}

static int new_fs(const char *type, const struct mount_state *st, int dst,
		  const char *path, struct err *e)
{
	int fs = sys_fsopen(type, FSOPEN_CLOEXEC), mnt, r;
	char id[32];

	if (fs < 0)
		return err_sys(e, "root: %s", type);
	if (strcmp(type, "tmpfs") == 0) {
		sys_fsconfig(fs, FSCONFIG_SET_STRING, "mode", "0755", 0);
		snprintf(id, sizeof(id), "%u", (unsigned)st->uid);
		sys_fsconfig(fs, FSCONFIG_SET_STRING, "uid", id, 0);
		snprintf(id, sizeof(id), "%u", (unsigned)st->gid);
		sys_fsconfig(fs, FSCONFIG_SET_STRING, "gid", id, 0);
	}
	if (sys_fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) < 0) {
		int saved = errno;

		close(fs);
		errno = saved;
		if (strcmp(type, "proc") == 0 && (errno == EPERM || errno == EACCES))
			return err_set(e, "--proc: the kernel refuses a new /proc here, because the host's /proc has locked over-mounts (a hardened systemd unit or a container); run without --proc");
		return err_sys(e, "root: creating %s for %s", type, path);
	}
	mnt = sys_fsmount(fs, FSMOUNT_CLOEXEC,
			  MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC);
	close(fs);
	if (mnt < 0)
		return err_sys(e, "root: mounting %s on %s", type, path);
	r = attach(mnt, dst, "", path, e);
	close(mnt);
	return r;
}

static int do_entry(const struct root_plan *plan, size_t i,
		    struct mount_state *st, struct err *e)
{
	const struct root_entry *en = &plan->v[i];
	int dst;

	switch (en->kind) {
	case E_DIR:
		return dir_at(st, en->path, e) < 0 ? -1 : 0;
	case E_SYMLINK:
		return make_symlink(st, en, e);
	case E_BIND_RO:
	case E_BIND_RW:
		return do_bind(st, en, st->srcfd[i], st->srcmode[i], e);
	case E_TMPFS:
	case E_PROC:
		dst = dir_at(st, en->path, e);
		if (dst < 0)
			return -1;
		if (new_fs(en->kind == E_TMPFS ? "tmpfs" : "proc", st, dst, en->path, e) < 0)
			return -1;
		forget_dirs(st);
		return 0;
	}
	return err_set(e, "root: unknown entry kind");
}

int mount_enter(const struct root_plan *plan, struct mount_state *st,
		struct err *e)
{
	struct mount_attr ro = { .attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID |
					     MOUNT_ATTR_NODEV };

	for (size_t i = 0; i < plan->n; i++) {
		if (!plan->v[i].path[0])
			continue;
		if (do_entry(plan, i, st, e) < 0)
			return -1;
		if (st->srcfd[i] >= 0) {
			close(st->srcfd[i]);
			st->srcfd[i] = -1;
		}
	}
	/* Only the tmpfs itself: binds and tmpfs mounts on it keep theirs. */
	if (sys_mount_setattr(st->rootfd, "", AT_EMPTY_PATH, &ro) < 0)
		return err_sys(e, "root: making the root read-only");
	/* pivot_root(".", ".") stacks the old root on the new one; detaching
	 * it leaves only the new root, with no directory left to reach the
	 * host through (chroot alone could be climbed out of). */
	if (fchdir(st->rootfd) < 0 || sys_pivot_root(".", ".") < 0)
		return err_sys(e, "root: pivot_root");
	return 0;
}

int mount_detach_host(struct mount_state *st, struct err *e)
{
	if (umount2(".", MNT_DETACH) < 0)
		return err_sys(e, "root: detaching the old root");
	if (chdir("/") < 0)
		return err_sys(e, "root: chdir /");
	close(st->rootfd);
	st->rootfd = -1;
	forget_dirs(st);
	free(st->srcmode);
	st->srcmode = NULL;
	free(st->srcfd);
	st->srcfd = NULL;
	return 0;
}
