/*
 * abi — class 5: system calls through another ABI, where a filter written
 * for x86_64 numbers would not look.
 *
 *   abi int80   getpid through the i386 gate, int $0x80 (number 20)
 *   abi x32     getpid with the x32 bit (0x40000000) set
 *
 * jail kills both (SIGSYS, status 159) before the kernel sees them.  If the
 * call comes back, the i386 ABI ran (ESCAPED) or the kernel refused an x32
 * call by itself (x32 compiled out: ENOSYS, KERNEL_ONLY).
 */
#include <sys/syscall.h>

#include "attack.h"

int main(int argc, char **argv)
{
	long rc;

	attack_name = "abi";
	if (argc != 2)
		usage("int80|x32");
#if defined(__x86_64__)
	if (!strcmp(argv[1], "int80")) {
		rc = 20;	/* __NR_getpid on i386 */
		__asm__ volatile("int $0x80" : "+a"(rc) : : "memory", "r8", "r9", "r10", "r11");
		if (rc < 0 && rc > -4096) {
			errno = (int)-rc;
			return verdict("int $0x80 getpid", -1, 0);
		}
		say("int $0x80 getpid returned %ld: the i386 ABI is open: ESCAPED", rc);
		return ESCAPED;
	}
	if (!strcmp(argv[1], "x32")) {
		rc = syscall(0x40000000L | SYS_getpid);
		if (rc >= 0) {
			say("x32 getpid returned %ld: ESCAPED", rc);
			return ESCAPED;
		}
		say("x32 getpid: %s: the kernel refused it, jail did not kill", strerror(errno));
		return KERNEL_ONLY;
	}
	usage("int80|x32");
	return CANNOT;
#else
	say("not x86_64");
	return CANNOT;
#endif
}
