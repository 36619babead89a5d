/* Errors: one message, reported at one place.
 *
 * Functions that can fail take a struct err * and, on failure, fill it and
 * return -1.  The message never starts with "jail: "; whoever reports it
 * (main, or the parent for the child) adds that prefix and picks the exit
 * status.  The message says what was wrong and, where it can, what to do.
 */
#ifndef JAIL_ERR_H
#define JAIL_ERR_H

#include <stdbool.h>
#include <stddef.h>

struct err {
	char msg[1024];
	bool located;	/* msg already starts with FILE:LINE:COL */
};

/* Sets the message; returns -1 so callers can write `return err_set(...)`. */
int err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Like err_set, then appends ": " and strerror(errno). */
int err_sys(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prefixes an existing message with context: "CTX: old message". */
int err_wrap(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prefixes "FILE:LINE:COL: " (COL 0: "FILE:LINE: ") once: an error
 * already located (in an included profile) keeps its own place. */
int err_locate(struct err *e, const char *file, unsigned line, size_t col);

#endif
