/* The baseline compiled at build time is the one libseccomp compiles now. */
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "tap.h"

int main(void)
{
	for (unsigned v = 0; v < 4; v++) {
		struct compile_opts o = { .shared_pid = v & 1, .memfd_seal = v & 2 };
		struct bpf_prog built = { 0 }, now = { 0 };
		struct err e = { "", false };
		bool have = baseline_precompiled(o.shared_pid, o.memfd_seal, &built);
		int r = policy_compile_baseline(&o, &now, &e);

		tap_ok(have, "variant %u: jail carries a compiled baseline", v);
		tap_ok(r == 0 && have && built.len == now.len &&
		       memcmp(built.insns, now.insns, now.len * sizeof(now.insns[0])) == 0,
		       "variant %u: it is what libseccomp compiles (%zu instructions)", v, now.len);
		free(built.insns);
		free(now.insns);
	}
	return tap_done();
}
