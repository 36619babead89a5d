/* The one line jail prints when the policy stops a syscall. */
#ifndef JAIL_REPORT_H
#define JAIL_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* "NAME[PID]: denied syscall SYSCALL(ARGS)" into BUF, reading the
 * process name from /proc/PID/comm. */
void report_denied(char *buf, size_t len, pid_t pid, int nr,
		   const uint64_t args[6]);

#endif
