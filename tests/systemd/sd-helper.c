/*
 * sd-helper: the target the systemd checks run inside jail.
 *
 * Static, so jail's root needs nothing but this file.  Every mode writes
 * one line per event with write(2) (no stdio buffering to lose when a
 * signal ends the process), so the driver can grep the journal for it.
 *
 *   out              one line on stdout, one on stderr, exit 0
 *   exit N           exit N
 *   handle-term      print "ready", wait; on SIGTERM print
 *                    "handled SIGTERM" and exit 0
 *   ignore-term      print "ready", wait; on SIGTERM print
 *                    "ignoring SIGTERM" and keep waiting
 *   report           print "report uid=U gid=G pid=P", then as handle-term
 *   report-uname     print the report line, then call uname(2)
 *   notify TEXT      send READY=1 and STATUS=TEXT to $NOTIFY_SOCKET,
 *                    print what happened, then as handle-term
 *   serve            socket activation: check LISTEN_PID/LISTEN_FDS,
 *                    accept one connection on fd 3, answer
 *                    "hello from jail", exit 0
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <unistd.h>

static volatile sig_atomic_t got_term;

static void say(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(int fd, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	/* Best effort: a closed stdout must not turn into a different exit. */
	if (write(fd, buf, n) < 0)
		return;
}

static void on_term(int sig)
{
	got_term = 1;
}

/* Wait for SIGTERM; exit 0 after it unless told to ignore it. */
static int wait_term(int ignore)
{
	struct sigaction sa;
	sigset_t block, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);

	/* Block first, so a SIGTERM between the check and the wait is not lost. */
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	say(1, "ready");
	for (;;) {
		while (!got_term)
			sigsuspend(&old);
		got_term = 0;
		if (!ignore)
			break;
		say(1, "ignoring SIGTERM");
	}
	say(1, "handled SIGTERM");
	return 0;
}

static void report(void)
{
	say(1, "report uid=%d gid=%d pid=%d", (int)getuid(), (int)getgid(),
	    (int)getpid());
}

static int notify(const char *text)
{
	const char *path = getenv("NOTIFY_SOCKET");
	struct sockaddr_un sa;
	socklen_t len;
	char msg[300];
	int fd, n;

	if (!path || !*path) {
		say(2, "notify: NOTIFY_SOCKET is not set");
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sa.sun_path)) {
		say(2, "notify: NOTIFY_SOCKET too long");
		return 1;
	}
	strcpy(sa.sun_path, path);
	/* "@name" is an abstract socket: the leading byte becomes NUL. */
	if (path[0] == '@')
		sa.sun_path[0] = '\0';
	len = offsetof(struct sockaddr_un, sun_path) + strlen(path);

	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		say(2, "notify: socket: %s", strerror(errno));
		return 1;
	}
	n = snprintf(msg, sizeof(msg), "READY=1\nSTATUS=%s", text);
	if (sendto(fd, msg, n, 0, (struct sockaddr *)&sa, len) < 0) {
		say(2, "notify: sendto %s: %s", path, strerror(errno));
		return 1;
	}
	close(fd);
	say(1, "notify: sent READY=1 from pid %d to %s", (int)getpid(), path);
	return 0;
}

static int serve(void)
{
	const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
	const char hello[] = "hello from jail\n";
	int c;

	if (!pid || !fds) {
		say(2, "serve: LISTEN_PID/LISTEN_FDS not set");
		return 1;
	}
	if (atoi(pid) != (int)getpid()) {
		say(2, "serve: LISTEN_PID=%s but my pid is %d", pid, (int)getpid());
		return 1;
	}
	if (atoi(fds) < 1) {
		say(2, "serve: LISTEN_FDS=%s", fds);
		return 1;
	}
	c = accept4(3, NULL, NULL, SOCK_CLOEXEC);
	if (c < 0) {
		say(2, "serve: accept on fd 3: %s", strerror(errno));
		return 1;
	}
	if (write(c, hello, sizeof(hello) - 1) < 0)
		say(2, "serve: write: %s", strerror(errno));
	close(c);
	say(1, "serve: answered one connection");
	return 0;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "out")) {
		say(1, "sd-helper stdout line");
		say(2, "sd-helper stderr line");
		return 0;
	}
	if (!strcmp(mode, "exit") && argc > 2)
		return atoi(argv[2]);
	if (!strcmp(mode, "handle-term"))
		return wait_term(0);
	if (!strcmp(mode, "ignore-term"))
		return wait_term(1);
	if (!strcmp(mode, "report")) {
		report();
		return wait_term(0);
	}
	if (!strcmp(mode, "report-uname")) {
		struct utsname u;

		report();
		/* The raw syscall: libc must not answer it from a cache. */
		syscall(SYS_uname, &u);
		say(1, "uname was allowed");
		return 0;
	}
	if (!strcmp(mode, "notify") && argc > 2) {
		if (notify(argv[2]))
			return 1;
		return wait_term(0);
	}
	if (!strcmp(mode, "serve"))
		return serve();
	say(2, "usage: sd-helper out|exit N|handle-term|ignore-term|report|"
	       "report-uname|notify TEXT|serve");
	return 2;
}
