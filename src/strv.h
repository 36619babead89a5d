/* A growable, NULL-terminated vector of owned strings. */
#ifndef JAIL_STRV_H
#define JAIL_STRV_H

#include <stdbool.h>
#include <stddef.h>

struct strv {
	char **v;	/* NULL-terminated once anything was pushed */
	size_t n;
	size_t cap;
};

/* Appends a copy of S.  Returns -1 only when out of memory. */
int strv_push(struct strv *sv, const char *s);
/* Appends S itself, taking ownership. */
int strv_push_owned(struct strv *sv, char *s);
bool strv_contains(const struct strv *sv, const char *s);
void strv_free(struct strv *sv);

#endif
