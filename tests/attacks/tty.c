/*
 * tty — class 4: push input into the caller's terminal.
 *
 *   tty tiocsti|tiocsti-high|tioclinux|tioclinux-high
 *
 * Standard input must be the controlling terminal (run.sh runs jail under
 * script(1) for that).  TIOCSTI queues a byte as if typed, so a program
 * could type commands into the caller's shell after it exits; TIOCLINUX
 * can do the same on a virtual console.  The "-high" forms set bit 32 of
 * the request: the kernel truncates it to 32 bits, and a filter that
 * compared all 64 would let it through.  jail answers EPERM; the kernel
 * itself would queue the byte (TIOCSTI, legacy_tiocsti on) or say that a
 * pty is no console (TIOCLINUX).
 */
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>

#include "attack.h"

int main(int argc, char **argv)
{
	unsigned long req;
	char arg;
	long rc;

	attack_name = "tty";
	if (argc != 2)
		usage("tiocsti|tiocsti-high|tioclinux|tioclinux-high");
	if (!isatty(0)) {
		say("standard input is not a terminal");
		return CANNOT;
	}
	if (!strncmp(argv[1], "tiocsti", 7)) {
		req = TIOCSTI;
		arg = '\n';	/* an empty line, if it ever got through */
	} else if (!strncmp(argv[1], "tioclinux", 9)) {
		req = TIOCLINUX;
		arg = 7;	/* TIOCL_GETSHIFTSTATE: reads, changes nothing */
	} else {
		usage("tiocsti|tiocsti-high|tioclinux|tioclinux-high");
		return CANNOT;
	}
	if (strstr(argv[1], "-high"))
		req |= 1UL << 32;
	/* raw syscall: libc must not narrow the request on the way */
	rc = syscall(SYS_ioctl, 0, req, &arg);
	return verdict(argv[1], rc, EPERM);
}
