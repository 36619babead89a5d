/*
 * privs — classes 11 and 12: gain privilege back.
 *
 *   privs report             say our ids and capabilities; ESCAPED when the
 *                            effective uid differs from the real one, is 0,
 *                            or any capability is effective or permitted
 *   privs exec PATH          execute PATH with the argument "report": PATH
 *                            is a setuid-root copy of this program, or one
 *                            with file capabilities (setcap); the exit
 *                            status is the copy's verdict
 *   privs capset             raise every capability with capset(2)
 *   privs ambient            raise CAP_NET_BIND_SERVICE into the ambient set
 *
 * jail sets no_new_privs, so neither a setuid bit nor file capabilities
 * take effect on exec; every capability set is empty and the securebits
 * are locked, so capset and PR_CAP_AMBIENT_RAISE fail with EPERM.
 * capset and ambient try escalate() first: an attacker would create a
 * user namespace to own a full set (the baseline refuses).
 */
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "attack.h"

static int caps(struct __user_cap_data_struct d[2])
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };

	return (int)syscall(SYS_capget, &h, d);
}

static int report(void)
{
	struct __user_cap_data_struct d[2];
	uid_t r, e, s;
	int bad = 0;

	getresuid(&r, &e, &s);
	if (caps(d) < 0)
		return CANNOT;
	say("uid=%u euid=%u suid=%u cap_eff=%08x%08x cap_prm=%08x%08x cap_inh=%08x%08x nnp=%d",
	    (unsigned)r, (unsigned)e, (unsigned)s, d[1].effective, d[0].effective,
	    d[1].permitted, d[0].permitted, d[1].inheritable, d[0].inheritable,
	    prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
	if (e != r || e == 0 || s != r)
		bad = 1;
	if (d[0].effective | d[1].effective | d[0].permitted | d[1].permitted)
		bad = 1;
	say(bad ? "privilege gained: ESCAPED" : "no privilege: stopped");
	return bad ? ESCAPED : STOPPED;
}

static int do_capset(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	int r;

	escalate();
	memset(d, 0xff, sizeof(d));
	r = verdict("capset(all)", syscall(SYS_capset, &h, d), EPERM);
	return worst(r, report());
}

static int ambient(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	int bits = prctl(PR_GET_SECUREBITS, 0, 0, 0, 0);

	escalate();
	say("securebits=0x%x", bits);
	/* an ambient cap must be permitted and inheritable first */
	if (caps(d) == 0) {
		d[0].inheritable |= d[0].permitted & (1u << CAP_NET_BIND_SERVICE);
		if (syscall(SYS_capset, &h, d) < 0)
			say("capset(inheritable): %s", strerror(errno));
	}
	return verdict("PR_CAP_AMBIENT_RAISE(CAP_NET_BIND_SERVICE)",
		       prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_BIND_SERVICE, 0, 0), EPERM);
}

int main(int argc, char **argv)
{
	attack_name = "privs";
	if (argc == 2 && !strcmp(argv[1], "report"))
		return report();
	if (argc == 2 && !strcmp(argv[1], "capset"))
		return do_capset();
	if (argc == 2 && !strcmp(argv[1], "ambient"))
		return ambient();
	if (argc == 3 && !strcmp(argv[1], "exec")) {
		char *args[] = { argv[2], (char *)"report", NULL };

		execv(argv[2], args);
		say("exec %s: %s", argv[2], strerror(errno));
		return CANNOT;
	}
	usage("report | exec PATH | capset | ambient");
	return CANNOT;
}
