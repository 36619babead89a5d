/* Showing the policy: --export text|bpf|oci|systemd and --list. */
#ifndef JAIL_EXPORT_H
#define JAIL_EXPORT_H

#include <stdio.h>

#include "err.h"
#include "options.h"

int export_policy(const struct config *c, FILE *out, struct err *e);
int list_print(const char *what, FILE *out, struct err *e);

#endif
