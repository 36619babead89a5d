/*
 * limits — class 16: exhaust the host.
 *
 *   limits forkbomb   every process forks as fast as it can; the whole
 *                     tree shares a budget of 400 processes and dies by
 *                     alarm after 5 s, so even unconfined it stays small.
 *                     Under --rlimit nproc=N a fork fails with EAGAIN
 *                     long before the budget: STOPPED.  Reaching the
 *                     budget: ESCAPED.
 *   limits memhog     allocate and touch memory in 16 MiB steps up to
 *                     1 GiB; under --rlimit as=SIZE mmap fails first:
 *                     STOPPED.  Getting all of it: ESCAPED.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#include "attack.h"

#define BUDGET 400
#define HOG_STEP (16UL << 20)
#define HOG_MAX (1UL << 30)

struct shared {
	int count;
	int refused;
};

static void bomb(struct shared *sh)
{
	for (;;) {
		if (__atomic_load_n(&sh->count, __ATOMIC_RELAXED) >= BUDGET ||
		    __atomic_load_n(&sh->refused, __ATOMIC_RELAXED))
			pause();
		pid_t p = fork();
		if (p == 0) {
			alarm(5);	/* alarms are not inherited: a bound for each */
			continue;	/* the child bombs too */
		}
		if (p > 0)
			__atomic_add_fetch(&sh->count, 1, __ATOMIC_RELAXED);
		else if (errno == EAGAIN)
			__atomic_store_n(&sh->refused, 1, __ATOMIC_RELAXED);
	}
}

static int forkbomb(void)
{
	struct shared *sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	pid_t root;

	if (sh == MAP_FAILED)
		return CANNOT;
	alarm(5);	/* and every process of the tree sets its own */
	root = fork();
	if (root == 0) {
		setpgid(0, 0);
		bomb(sh);
	}
	if (root < 0)
		return CANNOT;
	setpgid(root, root);	/* whichever of us runs first */
	for (int i = 0; i < 150; i++) {
		if (sh->refused || sh->count >= BUDGET)
			break;
		nanosleep(&ts, NULL);
	}
	int refused = sh->refused, count = sh->count;
	kill(-root, SIGKILL);	/* our own process group, started above */
	while (wait(NULL) > 0 || errno == EINTR)
		;
	say("forks: %d, refused with EAGAIN: %s", count, refused ? "yes" : "no");
	if (refused && count < BUDGET) {
		say("the limit held: stopped");
		return STOPPED;
	}
	say(count >= BUDGET ? "the whole budget forked: ESCAPED" : "neither limit nor budget reached");
	return count >= BUDGET ? ESCAPED : CANNOT;
}

static int memhog(void)
{
	unsigned long got = 0;

	while (got < HOG_MAX) {
		char *p = mmap(NULL, HOG_STEP, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED) {
			say("mmap after %lu MiB: %s: stopped", got >> 20, strerror(errno));
			return errno == ENOMEM ? STOPPED : CANNOT;
		}
		memset(p, 0x5a, HOG_STEP);
		got += HOG_STEP;
	}
	say("got %lu MiB: ESCAPED", got >> 20);
	return ESCAPED;
}

int main(int argc, char **argv)
{
	attack_name = "limits";
	if (argc == 2 && !strcmp(argv[1], "forkbomb"))
		return forkbomb();
	if (argc == 2 && !strcmp(argv[1], "memhog"))
		return memhog();
	usage("forkbomb | memhog");
	return CANNOT;
}
