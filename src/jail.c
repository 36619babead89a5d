/* jail: run a program inside namespaces, an empty root, limits, an unused
 * uid, no capabilities and a seccomp filter.  main only dispatches. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>

#include "cli.h"
#include "export.h"
#include "options.h"
#include "policy.h"
#include "supervise.h"

/* A setuid or file-capable jail would hand its caller privileges the
 * design never needs: refuse to run that way. */
static int refuse_privileged_binary(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2] = { { 0, 0, 0 }, { 0, 0, 0 } };

	if (getuid() != geteuid() || getgid() != getegid()) {
		fprintf(stderr, "jail: refusing to run setuid or setgid: jail needs no privileges of its own\n");
		return -1;
	}
	/* Permitted capabilities that are not inheritable (so not ambient,
	 * as a unit's AmbientCapabilities= gives) and not root's came from
	 * file capabilities on jail: refuse them too.  Ambient ones are fine:
	 * the target never gets them. */
	if (getuid() != 0 && syscall(SYS_capget, &h, d) == 0 &&
	    ((d[0].permitted & ~d[0].inheritable) | (d[1].permitted & ~d[1].inheritable))) {
		fprintf(stderr, "jail: refusing to run with capabilities (file capabilities on jail?): jail needs no privileges of its own\n");
		return -1;
	}
	return 0;
}

static int check_only(const struct config *c)
{
	struct compile_opts co = { .notify = true, .shared_pid = c->share & 2 };
	struct compiled f;
	struct err e = { "", false };
	char over[512];

	if (policy_compile(&c->policy, &co, &f, &e) < 0) {
		fprintf(stderr, "jail: %s\n", e.msg);
		return 125;
	}
	compiled_free(&f);
	policy_baseline_overrides(&c->policy, c->share & 2, over, sizeof(over));
	if (over[0])
		fprintf(stderr, "jail: note: allowed but still denied by the baseline: %s\n", over);
	if (c->system)
		fprintf(stderr, "jail: note: widens the jail: --system binds the host's /usr, /bin, /sbin, /lib*, /etc\n");
	for (size_t i = 0; i < c->nmounts; i++)
		if (c->mounts[i].src)
			fprintf(stderr, "jail: note: widens the jail: %s %s:%s\n",
				c->mounts[i].kind == MNT_BIND ? "bind (writable)" : "ro-bind",
				c->mounts[i].src, c->mounts[i].dst);
	if (c->share)
		fprintf(stderr, "jail: note: widens the jail: shares the host's%s%s%s%s namespace\n",
			c->share & SHARE_NET ? " net" : "", c->share & SHARE_PID ? " pid" : "",
			c->share & SHARE_IPC ? " ipc" : "", c->share & SHARE_UTS ? " uts" : "");
	for (size_t i = 0; i < c->nrlimits; i++)
		if (c->rlimits[i].resource == RLIMIT_FSIZE && c->rlimits[i].lim.rlim_max == RLIM_INFINITY)
			fprintf(stderr, "jail: note: widens the jail: fsize unlimited\n");
	if (c->uid == 0 || c->gid == 0)
		fprintf(stderr, "jail: note: widens the jail: runs as id 0\n");
	if (c->verbosity > QUIET)
		fprintf(stderr, "jail: configuration is valid\n");
	return 0;
}

int main(int argc, char **argv)
{
	struct config c;
	struct err e = { "", false };
	int status;

	if (refuse_privileged_binary() < 0)
		return 125;
	config_init(&c);
	switch (cli_parse(argc, argv, &c, &e)) {
	case CLI_EXIT_OK:
		config_free(&c);
		return 0;
	case CLI_ERROR:
		fprintf(stderr, "jail: %s\n", e.msg);
		config_free(&c);
		return 125;
	case CLI_RUN:
		break;
	}
	if (c.list)
		status = list_print(c.list, stdout, &e) < 0 ? 125 : 0;
	else if (c.export_format)
		status = export_policy(&c, stdout, &e) < 0 ? 125 : 0;
	else if (c.check)
		status = check_only(&c);
	else
		status = supervise_run(&c);
	if (status == 125 && e.msg[0])
		fprintf(stderr, "jail: %s\n", e.msg);
	config_free(&c);
	return status;
}
