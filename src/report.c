#include "report.h"

#include <fcntl.h>
#include <stdbool.h>
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

/* A string argument, read from the stopped target's memory for the
 * report only: no decision ever depends on it. */
static bool read_string(pid_t pid, uint64_t addr, char *out, size_t len)
{
	char path[64], raw[64];
	ssize_t n;
	size_t o = 0;
	int fd;

	if (!addr)
		return false;
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = pread(fd, raw, sizeof(raw), (off_t)addr);
	close(fd);
	if (n <= 0)
		return false;
	out[o++] = '"';
	for (ssize_t i = 0; i < n && raw[i] && o + 6 < len; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c == '"' || c == '\\')
			o += (size_t)snprintf(out + o, len - o, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			o += (size_t)snprintf(out + o, len - o, "\\x%02x", c);
		else
			out[o++] = (char)c;
		if (i == n - 1 && o + 4 < len) {
			memcpy(out + o, "...", 3);	/* longer than we read */
			o += 3;
		}
	}
	if (o + 2 > len)
		return false;
	out[o++] = '"';
	out[o] = '\0';
	return true;
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
		enum arg_type t = sa ? (enum arg_type)sa->type[i] : A_HEX;

		if (t != A_STR || !read_string(pid, args[i], arg, sizeof(arg)))
			arg_format(t, args[i], arg, sizeof(arg));
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", arg);
	}
	if (used < len)
		snprintf(buf + used, len - used, ")");
}
