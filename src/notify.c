#define _GNU_SOURCE 1
#include "notify.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "util.h"

#define MAX_FDS 64

static int fill_addr(const char *name, struct sockaddr_un *sa, socklen_t *len)
{
	size_t n = strlen(name);

	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	if (n == 0 || n >= sizeof(sa->sun_path))
		return -1;
	memcpy(sa->sun_path, name, n);
	if (name[0] == '@')		/* abstract */
		sa->sun_path[0] = '\0';
	*len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (name[0] == '@' ? 0 : 1));
	return 0;
}

int notify_setup(struct notify_relay *n, struct err *e)
{
	const char *up = getenv("NOTIFY_SOCKET");
	const char *base = geteuid() == 0 ? "/run" : getenv("XDG_RUNTIME_DIR");
	struct sockaddr_un sa;
	socklen_t len;
	char tmpl[256];

	n->fd = -1;
	if (!up || !*up)
		return 0;
	if (!base || access(base, W_OK) < 0)
		base = "/tmp";
	n->upstream = strdup(up);
	/* The same path inside when systemd gave a path; an abstract socket
	 * (unreachable from a new network namespace anyway) gets one. */
	n->inside = strdup(up[0] == '/' ? up : "/run/systemd/notify");
	snprintf(tmpl, sizeof(tmpl), "%s/jail-notify.XXXXXX", base);
	n->dir = strdup(tmpl);
	if (!n->upstream || !n->inside || !n->dir || !mkdtemp(n->dir))
		return err_sys(e, "notify: creating a directory under %s", base);
	chmod(n->dir, 0755);
	if (asprintf(&n->path, "%s/notify", n->dir) < 0)
		return err_sys(e, "out of memory");
	n->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (n->fd < 0 || fill_addr(n->path, &sa, &len) < 0 ||
	    bind(n->fd, (struct sockaddr *)&sa, len) < 0)
		return err_sys(e, "notify: binding %s", n->path);
	/* Whatever uid the target runs as may send to it. */
	chmod(n->path, 0777);
	return 0;
}

/* Drops MAINPID=: the main pid is jail's, which is what systemd sees. */
static size_t strip_mainpid(char *buf, size_t len)
{
	size_t out = 0, i = 0;

	while (i < len) {
		char *nl = memchr(buf + i, '\n', len - i);
		size_t l = nl ? (size_t)(nl - buf - i) + 1 : len - i;

		if (!(l >= 8 && memcmp(buf + i, "MAINPID=", 8) == 0)) {
			memmove(buf + out, buf + i, l);
			out += l;
		}
		i += l;
	}
	return out;
}

void notify_pump(struct notify_relay *n)
{
	char buf[4096];
	union {
		char c[CMSG_SPACE(sizeof(int) * MAX_FDS)];
		struct cmsghdr align;
	} cb;
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = cb.c, .msg_controllen = sizeof(cb.c) };
	struct sockaddr_un sa;
	socklen_t len;
	ssize_t got = recvmsg(n->fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
	int fds[MAX_FDS], nfds = 0, out;

	if (got <= 0)
		return;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
			int k = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));

			for (int i = 0; i < k && nfds < MAX_FDS; i++)
				memcpy(&fds[nfds++], CMSG_DATA(c) + i * sizeof(int), sizeof(int));
		}
	iov.iov_len = strip_mainpid(buf, (size_t)got);
	mh.msg_control = NULL;
	mh.msg_controllen = 0;
	if (nfds)
		cmsg_put_fds(&mh, cb.c, fds, nfds);
	out = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (out >= 0 && fill_addr(n->upstream, &sa, &len) == 0) {
		mh.msg_name = &sa;
		mh.msg_namelen = len;
		if (sendmsg(out, &mh, MSG_NOSIGNAL) < 0) {
			/* systemd went away: nothing to tell */
		}
	}
	if (out >= 0)
		close(out);
	for (int i = 0; i < nfds; i++)
		close(fds[i]);
}

void notify_free(struct notify_relay *n)
{
	if (n->fd >= 0)
		close(n->fd);
	if (n->path)
		unlink(n->path);
	if (n->dir)
		rmdir(n->dir);
	free(n->path);
	free(n->dir);
	free(n->inside);
	free(n->upstream);
	memset(n, 0, sizeof(*n));
	n->fd = -1;
}
