#include "rlimits.h"

#include <errno.h>
#include <sys/resource.h>

static int set_one(int resource, struct rlimit lim, struct err *e)
{
	if (setrlimit(resource, &lim) == 0)
		return 0;
	if (errno == EPERM)
		return err_set(e, "limits layer: cannot raise %s above the hard limit jail was started with", rlimit_name(resource));
	return err_sys(e, "limits layer: setting %s", rlimit_name(resource));
}

int limits_apply(const struct config *c, struct err *e)
{
	static const int defaults[] = { RLIMIT_FSIZE, RLIMIT_CORE };

	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		bool overridden = false;

		for (size_t j = 0; j < c->nrlimits; j++)
			overridden |= c->rlimits[j].resource == defaults[i];
		if (!overridden && set_one(defaults[i], (struct rlimit){ 0, 0 }, e) < 0)
			return -1;
	}
	for (size_t j = 0; j < c->nrlimits; j++)
		if (set_one(c->rlimits[j].resource, c->rlimits[j].lim, e) < 0)
			return -1;
	return 0;
}
