/*
 * signals — class 18: reach the supervisor with a signal; outlive it.
 *
 *   signals reach PID   kill(PID, 0) to jail's host pid: it is outside the
 *                       jail's pid namespace, so ESRCH (as root, a
 *                       different uid too).  Only signal 0: nothing is sent
 *   signals linger      leave a daemon behind: fork, setsid, ignore SIGHUP
 *                       and SIGTERM, fork again; print ready=1 and sleep.
 *                       run.sh SIGKILLs jail and checks that nothing of
 *                       the jail's pid namespace is left within 5 s.
 *                       Every process here ends by alarm after 60 s.
 */
#include <signal.h>

#include "attack.h"

int main(int argc, char **argv)
{
	attack_name = "signals";
	if (argc == 3 && !strcmp(argv[1], "reach")) {
		pid_t pid = (pid_t)atoi(argv[2]);

		if (pid <= 1)
			usage("reach PID | linger");
		if (kill(pid, 0) == 0) {
			say("kill(%d, 0): the supervisor can be signalled: ESCAPED", (int)pid);
			return ESCAPED;
		}
		say("kill(%d, 0): %s: stopped", (int)pid, strerror(errno));
		return STOPPED;
	}
	if (argc == 2 && !strcmp(argv[1], "linger")) {
		pid_t p;

		alarm(60);
		p = fork();
		if (p == 0) {
			setsid();
			signal(SIGHUP, SIG_IGN);
			signal(SIGTERM, SIG_IGN);
			if (fork() == 0) {
				alarm(60);
				for (;;)
					pause();
			}
			_exit(0);
		}
		if (p < 0)
			return CANNOT;
		printf("ready=1\n");
		fflush(stdout);
		for (;;)
			pause();
	}
	usage("reach PID | linger");
	return CANNOT;
}
