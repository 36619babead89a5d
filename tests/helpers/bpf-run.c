/* bpf-run FILE COMMAND [ARG]... — load the raw seccomp filter in FILE
 * (as written by jail --export bpf) and exec COMMAND under it: proof that
 * the export stands alone. */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static struct sock_filter insns[BPF_MAXINSNS];
	struct sock_fprog prog;
	ssize_t n;
	int fd;

	if (argc < 3) {
		fprintf(stderr, "usage: bpf-run FILE COMMAND [ARG]...\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 2;
	}
	n = read(fd, insns, sizeof(insns));
	close(fd);
	if (n <= 0 || n % (ssize_t)sizeof(insns[0])) {
		fprintf(stderr, "bpf-run: %s: not a filter (%zd bytes)\n", argv[1], n);
		return 2;
	}
	prog.len = (unsigned short)(n / (ssize_t)sizeof(insns[0]));
	prog.filter = insns;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0) {
		fprintf(stderr, "bpf-run: loading the filter: %s\n", strerror(errno));
		return 2;
	}
	execv(argv[2], argv + 2);
	fprintf(stderr, "bpf-run: %s: %s\n", argv[2], strerror(errno));
	return 127;
}
