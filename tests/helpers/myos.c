/*
 * myos — the first program of the seed article (Cloudflare, "Sandboxing in
 * Linux with zero lines of code"): a tiny uname(1).  Built dynamic on
 * purpose, so running it in a jail needs its loader and libc in the root.
 */
#include <stdio.h>
#include <sys/utsname.h>

int main(void)
{
	struct utsname name;

	if (uname(&name)) {
		perror("uname failed: ");
		return 1;
	}

	printf("My OS is %s!\n", name.sysname);
	return 0;
}
