#include "report.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "syscalls.h"

static void comm_of(pid_t pid, char *buf, size_t len)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	n = fd >= 0 ? read(fd, buf, len - 1) : -1;
	if (fd >= 0)
		close(fd);
	if (n <= 0) {
		snprintf(buf, len, "?");
		return;
	}
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
}

void report_denied(char *buf, size_t len, pid_t pid, int nr,
		   const uint64_t args[6])
{
	const struct sys_args *sa = sys_args(nr);
	const char *name = sys_name(nr);
	char comm[32], arg[96];
	size_t used;
	unsigned argc = sa ? sa->argc : 6;

	comm_of(pid, comm, sizeof(comm));
	if (name)
		used = (size_t)snprintf(buf, len, "%s[%d]: denied syscall %s(", comm, (int)pid, name);
	else
		used = (size_t)snprintf(buf, len, "%s[%d]: denied syscall #%d(", comm, (int)pid, nr);
	for (unsigned i = 0; i < argc && used < len; i++) {
		arg_format(sa ? (enum arg_type)sa->type[i] : A_HEX, args[i], arg, sizeof(arg));
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", arg);
	}
	if (used < len)
		snprintf(buf + used, len - used, ")");
}
