#include "privs.h"

#include <cap-ng.h>
#include <errno.h>
#include <grp.h>
#include <linux/securebits.h>
#include <sys/prctl.h>
#include <unistd.h>

int privs_drop(uid_t uid, gid_t gid, bool setgroups_ok, struct err *e)
{
	/* Locked so that nothing the target runs can turn them back: no
	 * privilege from uid 0, none kept across setuid, no ambient raise. */
	const unsigned long bits = SECBIT_NOROOT | SECBIT_NOROOT_LOCKED |
		SECBIT_NO_SETUID_FIXUP | SECBIT_NO_SETUID_FIXUP_LOCKED |
		SECBIT_KEEP_CAPS_LOCKED | SECBIT_NO_CAP_AMBIENT_RAISE |
		SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED;

	if (prctl(PR_SET_SECUREBITS, bits, 0, 0, 0) < 0)
		return err_sys(e, "capabilities layer: locking securebits");
	/* The bounding set can only be dropped with CAP_SETPCAP, which the
	 * uid change below would take away.  Directly, one call per
	 * capability up to the kernel's last (EINVAL past it): libcap-ng
	 * reads each one first and costs four times the calls. */
	for (unsigned long cap = 0;; cap++) {
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0)
			continue;
		if (errno == EINVAL && cap > 0)
			break;
		return err_sys(e, "capabilities layer: dropping capability %lu from the bounding set", cap);
	}
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
		return err_sys(e, "capabilities layer: clearing ambient capabilities");
	if (setgroups_ok && setgroups(0, NULL) < 0)
		return err_sys(e, "identity layer: dropping supplementary groups");
	if (setresgid(gid, gid, gid) < 0)
		return err_sys(e, "identity layer: setting gid %u", (unsigned)gid);
	if (setresuid(uid, uid, uid) < 0)
		return err_sys(e, "identity layer: setting uid %u", (unsigned)uid);
	/* NO_SETUID_FIXUP kept them across setuid: clear them now. */
	capng_clear(CAPNG_SELECT_CAPS);
	if (capng_apply(CAPNG_SELECT_CAPS) < 0)
		return err_set(e, "capabilities layer: clearing capabilities failed");
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return err_sys(e, "capabilities layer: setting no_new_privs");
	return 0;
}
