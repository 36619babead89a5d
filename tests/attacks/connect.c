/*
 * connect — class 10: reach a host service over the network or a socket.
 *
 *   connect tcp PORT        127.0.0.1:PORT
 *   connect abstract NAME   the abstract unix socket @NAME
 *   connect path PATH       the unix socket at PATH
 *   connect listen DIR      (host side) listen on all three; print
 *                           tcp=PORT, abstract=NAME, path=DIR/sock and
 *                           ready=1, then accept until killed (at most 120 s)
 *
 * jail's network namespace has its own loopback and its own abstract
 * socket space, and its empty root holds no host socket: every connect
 * fails (ECONNREFUSED, ENOENT).  A connection is an escape.
 */
#include <arpa/inet.h>
#include <stddef.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "attack.h"

static int unix_addr(struct sockaddr_un *a, const char *name, int abstract, socklen_t *len)
{
	size_t n = strlen(name);

	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	if (n + 2 > sizeof(a->sun_path))
		return -1;
	memcpy(a->sun_path + (abstract ? 1 : 0), name, n);
	*len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (abstract ? 1 : 0));
	return 0;
}

static int listen_all(const char *dir)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	struct sockaddr_un un;
	socklen_t len = sizeof(in);
	char name[64], path[4096];
	struct pollfd p[3];
	int t, a, u;

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	snprintf(name, sizeof(name), "jail-attack-%d", (int)getpid());
	snprintf(path, sizeof(path), "%s/sock", dir);
	unlink(path);
	t = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	a = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	u = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (t < 0 || a < 0 || u < 0 ||
	    bind(t, (struct sockaddr *)&in, sizeof(in)) < 0 || listen(t, 16) < 0 ||
	    getsockname(t, (struct sockaddr *)&in, &len) < 0)
		return CANNOT;
	if (unix_addr(&un, name, 1, &len) < 0 || bind(a, (struct sockaddr *)&un, len) < 0 || listen(a, 16) < 0)
		return CANNOT;
	if (unix_addr(&un, path, 0, &len) < 0 || bind(u, (struct sockaddr *)&un, len) < 0 || listen(u, 16) < 0)
		return CANNOT;
	chmod(path, 0777);
	printf("tcp=%d\nabstract=%s\npath=%s\nready=1\n", ntohs(in.sin_port), name, path);
	fflush(stdout);
	alarm(120);
	p[0] = (struct pollfd){ t, POLLIN, 0 };
	p[1] = (struct pollfd){ a, POLLIN, 0 };
	p[2] = (struct pollfd){ u, POLLIN, 0 };
	for (;;) {
		if (poll(p, 3, -1) < 0)
			continue;
		for (int i = 0; i < 3; i++)
			if (p[i].revents & POLLIN) {
				int c = accept(p[i].fd, NULL, NULL);

				printf("accepted=%s\n", i == 0 ? "tcp" : i == 1 ? "abstract" : "path");
				fflush(stdout);
				if (c >= 0)
					close(c);
			}
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_un un;
	socklen_t len;
	int s;

	attack_name = "connect";
	if (argc != 3)
		usage("tcp PORT | abstract NAME | path PATH | listen DIR");
	if (!strcmp(argv[1], "listen"))
		return listen_all(argv[2]);
	if (!strcmp(argv[1], "tcp")) {
		struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[2])) };

		in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		if ((s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
			say("socket(AF_INET): %s: stopped", strerror(errno));
			return STOPPED;
		}
		if (connect(s, (struct sockaddr *)&in, sizeof(in)) == 0) {
			say("connected to 127.0.0.1:%s: ESCAPED", argv[2]);
			return ESCAPED;
		}
		say("connect 127.0.0.1:%s: %s: stopped", argv[2], strerror(errno));
		return STOPPED;
	}
	if (strcmp(argv[1], "abstract") && strcmp(argv[1], "path"))
		usage("tcp PORT | abstract NAME | path PATH | listen DIR");
	if (unix_addr(&un, argv[2], argv[1][0] == 'a', &len) < 0)
		return CANNOT;
	if ((s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
		say("socket(AF_UNIX): %s: stopped", strerror(errno));
		return STOPPED;
	}
	if (connect(s, (struct sockaddr *)&un, len) == 0) {
		say("connected to %s %s: ESCAPED", argv[1], argv[2]);
		return ESCAPED;
	}
	say("connect %s %s: %s: stopped", argv[1], argv[2], strerror(errno));
	return STOPPED;
}
