/*
 * kernel — class 15: kernel attack surface no wrapped program needs.
 *
 *   kernel bpf|perf|userfaultfd|keyctl|kexec|init_module|reboot|swapon|
 *          acct|quotactl
 *
 * Each mode makes the call an attacker would start from, with arguments
 * that cannot change the machine (an array map, a software counter on
 * ourselves, a user-mode-only userfaultfd, a keyring lookup; and for the
 * privileged calls a bad magic number, a path that does not exist, an
 * invalid type), then, where the first call leaves it open, a second call
 * whose arguments the kernel itself would reject with something other
 * than EPERM — so the baseline's EPERM is told apart from the kernel's.
 */
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <sys/quota.h>
#include <sys/syscall.h>

#include "attack.h"

#define NOPATH "/nonexistent-jail-attack"

static int call(const char *what, long rc)
{
	if (rc >= 0 && !strncmp(what, "bpf", 3))
		close((int)rc);
	return verdict(what, rc, EPERM);
}

int main(int argc, char **argv)
{
	const char *m;

	attack_name = "kernel";
	if (argc != 2)
		usage("bpf|perf|userfaultfd|keyctl|kexec|init_module|reboot|swapon|acct|quotactl");
	m = argv[1];
	if (!strcmp(m, "bpf")) {
		union bpf_attr a;
		int r;

		memset(&a, 0, sizeof(a));
		a.map_type = BPF_MAP_TYPE_ARRAY;
		a.key_size = 4;
		a.value_size = 4;
		a.max_entries = 1;
		r = call("bpf(BPF_MAP_CREATE)", syscall(SYS_bpf, BPF_MAP_CREATE, &a, sizeof(a)));
		memset(&a, 0, sizeof(a));
		return worst(r, call("bpf(cmd 9999)", syscall(SYS_bpf, 9999, &a, sizeof(a))));
	}
	if (!strcmp(m, "perf")) {
		struct perf_event_attr a;

		memset(&a, 0, sizeof(a));
		a.size = sizeof(a);
		a.type = PERF_TYPE_SOFTWARE;
		a.config = PERF_COUNT_SW_CPU_CLOCK;
		a.exclude_kernel = 1;
		a.exclude_hv = 1;
		int r = call("perf_event_open(cpu-clock, self)", syscall(SYS_perf_event_open, &a, 0, -1, -1, 0));
		/* a NULL attr: the kernel alone says EFAULT */
		return worst(r, call("perf_event_open(NULL)", syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0)));
	}
	if (!strcmp(m, "userfaultfd")) {
		int r = call("userfaultfd(UFFD_USER_MODE_ONLY)", syscall(SYS_userfaultfd, O_CLOEXEC | 1));
		return worst(r, call("userfaultfd(bad flags)", syscall(SYS_userfaultfd, 1 | 0x40000000)));
	}
	if (!strcmp(m, "keyctl")) {
		int r = call("keyctl(GET_KEYRING_ID, session)", syscall(SYS_keyctl, 0, -3, 0));
		r = worst(r, call("add_key(bad type)", syscall(SYS_add_key, ".jail-attack", "x", "", 0, -3)));
		return worst(r, call("request_key", syscall(SYS_request_key, "user", "jail-attack-none", NULL, 0)));
	}
	if (!strcmp(m, "kexec"))
		return call("kexec_load(bad flags)", syscall(SYS_kexec_load, 0, 0, NULL, 0xffff0000UL));
	if (!strcmp(m, "init_module")) {
		int r = call("init_module(empty)", syscall(SYS_init_module, NULL, 0, ""));
		return worst(r, call("finit_module(-1)", syscall(SYS_finit_module, -1, "", 0)));
	}
	if (!strcmp(m, "reboot"))	/* magic 0 is never LINUX_REBOOT_MAGIC1 */
		return call("reboot(bad magic)", syscall(SYS_reboot, 0, 0, 0, NULL));
	if (!strcmp(m, "swapon"))
		return call("swapon(" NOPATH ")", syscall(SYS_swapon, NOPATH, 0));
	if (!strcmp(m, "acct"))	/* never NULL: that would switch accounting off */
		return call("acct(" NOPATH ")", syscall(SYS_acct, NOPATH));
	if (!strcmp(m, "quotactl"))
		return call("quotactl(Q_SYNC, type 99)", syscall(SYS_quotactl, QCMD(Q_SYNC, 99), NULL, 0, NULL));
	usage("bpf|perf|userfaultfd|keyctl|kexec|init_module|reboot|swapon|acct|quotactl");
	return CANNOT;
}
