#define _GNU_SOURCE 1
#include "relay.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static bool is_regular(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

static bool same_open_file(int a, int b)
{
	pid_t self = getpid();
	long r = syscall(SYS_kcmp, self, self, KCMP_FILE, a, b);
	struct stat sa, sb;

	if (r >= 0)
		return r == 0;
	/* Without kcmp: the same inode is close enough. */
	return fstat(a, &sa) == 0 && fstat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int new_relay(struct relays *rs, int target_fd, struct err *e)
{
	int p[2];

	if (pipe2(p, O_CLOEXEC) < 0)
		return err_sys(e, "relay: pipe");
	/* Bigger pipes mean fewer wake-ups on large outputs. */
	fcntl(p[1], F_SETPIPE_SZ, 1 << 20);
	rs->r[rs->n] = (struct relay){ p[0], target_fd, false };
	rs->n++;
	return p[1];
}

int relays_setup(struct relays *rs, struct err *e)
{
	rs->n = 0;
	rs->child_fd[0] = rs->child_fd[1] = rs->child_fd[2] = -1;
	if (is_regular(1)) {
		rs->child_fd[1] = new_relay(rs, 1, e);
		if (rs->child_fd[1] < 0)
			return -1;
	}
	if (is_regular(2)) {
		if (rs->child_fd[1] >= 0 && same_open_file(1, 2)) {
			rs->child_fd[2] = rs->child_fd[1];
		} else {
			rs->child_fd[2] = new_relay(rs, 2, e);
			if (rs->child_fd[2] < 0)
				return -1;
		}
	}
	return 0;
}

void relays_close_child_ends(struct relays *rs)
{
	if (rs->child_fd[2] >= 0 && rs->child_fd[2] != rs->child_fd[1])
		close(rs->child_fd[2]);
	if (rs->child_fd[1] >= 0)
		close(rs->child_fd[1]);
	rs->child_fd[1] = rs->child_fd[2] = -1;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int relay_pump(struct relay *r, struct err *e)
{
	char buf[65536];
	ssize_t n;

	if (r->from < 0)
		return 0;
	if (!r->rw) {
		n = splice(r->from, NULL, r->to, NULL, 1 << 20, SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
		if (n > 0)
			return 1;
		if (n == 0)
			goto eof;
		if (errno == EAGAIN || errno == EINTR)
			return 1;
		/* splice refuses O_APPEND files (">>", append: in units). */
		if (errno != EINVAL)
			return err_sys(e, "relaying output");
		r->rw = true;
	}
	n = read(r->from, buf, sizeof(buf));
	if (n > 0)
		return write_all(r->to, buf, (size_t)n) < 0 ? err_sys(e, "relaying output") : 1;
	if (n < 0)
		return (errno == EAGAIN || errno == EINTR) ? 1 : err_sys(e, "relaying output");
eof:
	close(r->from);
	r->from = -1;
	return 0;
}
