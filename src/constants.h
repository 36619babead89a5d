/* Symbolic constants usable in argument rules: O_*, AF_*, SOCK_*, PROT_*,
 * MAP_*, CLONE_*, F_*, TIOC*, AT_*, and errno names. */
#ifndef JAIL_CONSTANTS_H
#define JAIL_CONSTANTS_H

#include <stdbool.h>
#include <stdint.h>

/* Value of constant NAME; false when unknown.  PF_* are accepted as AF_*.
 * Negative constants come back sign-extended: AT_FDCWD is
 * 0xffffffffffffff9c, whose low 32 bits are what the kernel compares. */
bool const_lookup(const char *name, uint64_t *value);
/* The closest constant name, for "did you mean", or NULL. */
const char *const_suggest(const char *name);
/* errno by name ("EPERM") or decimal number 1..4095; -1 otherwise. */
int errno_lookup(const char *name);
/* Name of errno E ("EPERM"), or NULL. */
const char *errno_name(int e);

#endif
