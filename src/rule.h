/* Argument rules, minijail-style: "arg0 == 1 || arg0 == 2",
 * "arg2 & O_ACCMODE == O_RDONLY", "arg0 >= 3 && arg0 <= 10".
 *
 * A rule is parsed into an OR of ANDs of comparisons, then compiled into
 * conjunctions that libseccomp 2.5 can load (at most one comparison per
 * argument each), whose OR matches exactly the same argument values.  An
 * `int` argument is compared on its low 32 bits, because the kernel
 * truncates it.  What cannot be expressed exactly is an error.
 */
#ifndef JAIL_RULE_H
#define JAIL_RULE_H

#include <seccomp.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* One comparison as written: (arg & mask) OP value.  mask is all ones
 * unless the text used '&'.  op is one of SCMP_CMP_EQ, _NE, _LT, _LE,
 * _GT, _GE (MASKED_EQ is written as EQ with a mask). */
struct rule_cmp {
	unsigned arg;
	enum scmp_compare op;
	uint64_t mask;
	uint64_t value;
};

struct rule_conj {
	size_t n;
	struct rule_cmp *cmp;
};

/* An OR of conjunctions. */
struct rule_expr {
	size_t n;
	struct rule_conj *conj;
};

/* Parses TEXT.  On error fills E with a message naming the offending word
 * and sets *COL to its 0-based column in TEXT. */
int rule_parse(const char *text, struct rule_expr *out, size_t *col,
	       struct err *e);

/* A conjunction libseccomp accepts: at most one comparison per argument. */
struct scmp_conj {
	unsigned n;
	struct scmp_arg_cmp cmp[6];
};

struct scmp_rules {
	size_t n;
	struct scmp_conj *v;
};

/* Compiles EXPR for native syscall NR (argument widths from sys_args()).
 * The OR of OUT matches exactly what EXPR matches. */
int rule_compile(const struct rule_expr *expr, int nr, struct scmp_rules *out,
		 struct err *e);

/* Writes EXPR back as text that rule_parse accepts. */
void rule_format(const struct rule_expr *expr, char *buf, size_t len);

void rule_expr_free(struct rule_expr *expr);
void scmp_rules_free(struct scmp_rules *rules);

#endif
