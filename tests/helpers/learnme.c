/* learnme — a target for jail --learn: a thread and a forked child each
 * make a syscall nothing else here makes, so a learned profile that lacks
 * them missed a thread or a process. */
#define _GNU_SOURCE 1
#include <pthread.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void *in_thread(void *arg)
{
	unsigned cpu, node;

	(void)arg;
	syscall(SYS_getcpu, &cpu, &node, NULL);		/* the thread's mark */
	return NULL;
}

int main(void)
{
	pthread_t t;
	pid_t pid;
	int status;

	if (pthread_create(&t, NULL, in_thread, NULL) != 0 || pthread_join(t, NULL) != 0)
		return 2;
	pid = fork();
	if (pid == 0) {
		syscall(SYS_getpriority, PRIO_PROCESS, 0);	/* the child's mark */
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return 2;
	printf("done\n");
	return 0;
}
