/* libFuzzer harness for profiles (jail.profile(5)): every byte of a profile
 * is input jail must survive — a profile may come from a package, a
 * colleague or the program it is meant to confine.
 *
 * Each input is parsed by profile_parse, as profile_load would after
 * reading a file, into a fresh config that is then freed (LeakSanitizer
 * sees what a failed directive leaves behind).  A failure must say why,
 * in a message that is a terminated string.
 *
 * `make fuzz` builds it (tests/fuzz/fuzz.mk); by hand:
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *	-include config.h tests/fuzz/fuzz-profile.c src/[a-z]*.c (not jail.c) \
 *	-lseccomp -lcap-ng -o fuzz-profile
 *   mkdir new; ./fuzz-profile -max_total_time=60 new tests/fuzz/corpus/profile
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* include NAME must not wander into the caller's profile dirs */
	setenv("JAIL_PROFILE_PATH", "/nonexistent-jail-fuzz", 1);
	unsetenv("SECCOMP_SYSCALL_ALLOW");
	unsetenv("SECCOMP_SYSCALL_DENY");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct opt_ctx ctx = { NULL, 0, 0 };
	struct config c;
	struct err e;

	config_init(&c);
	memset(&e, 0, sizeof(e));
	if (profile_parse(&c, "fuzz.profile", (const char *)data, size, &ctx, &e) < 0) {
		if (!e.msg[0] || strnlen(e.msg, sizeof(e.msg)) == sizeof(e.msg))
			__builtin_trap();	/* every failure says why */
	}
	config_free(&c);
	return 0;
}
