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

/* Bounds on hostile input (profiles are fuzzed): bytes of rule text,
 * comparisons in one rule, constants OR-ed in one value, and libseccomp
 * rules one argument rule may compile to. */
#define RULE_MAX_LEN 4096
#define RULE_MAX_CMPS 64
#define RULE_MAX_TERMS 32
#define RULE_MAX_RULES 256

/* One comparison as written: (arg & mask) OP value.  mask is all ones
 * unless the text used '&'.  op is one of SCMP_CMP_EQ, _NE, _LT, _LE,
 * _GT, _GE (MASKED_EQ is written as EQ with a mask); a mask is only
 * allowed with EQ and NE.  Values are kept as written (negative numbers
 * sign-extended to 64 bits); rule_compile() narrows them to the width of
 * the argument.
 *
 * Meaning, per argument type (see syscalls.h):
 *  - 64-bit arguments (A_LONG, A_HEX, A_PTR, A_STR): all 64 bits, and
 *    <, <=, >, >= are unsigned, as in libseccomp.
 *  - A_MODE: umode_t, the low 16 bits (the kernel drops the rest), unsigned.
 *  - other 32-bit arguments: the low 32 bits, whatever the caller put in
 *    the high half.  Orderings are signed for the types that are `int` in
 *    the kernel (A_INT, A_FD, A_DIRFD, A_AF, A_SOCKTYPE, A_OFLAGS, A_FCNTL,
 *    A_SIGNAL, A_PRCTL): "arg0 >= 0" on an fd excludes AT_FDCWD and -1,
 *    and "arg0 < 3" includes them.  They are unsigned for A_UINT, A_PROT,
 *    A_MAPFLAGS, A_CLONEFLAGS and A_IOCTL.
 *  A value or mask that does not fit the argument's width (either as an
 *  unsigned number or sign-extended) is an error, not silently cut. */
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

/* Parses TEXT (the part after "NAME:").  Grammar, whitespace free:
 *   expr  := conj ('||' conj)*
 *   conj  := cmp ('&&' cmp)*
 *   cmp   := 'arg'N [ '&' value ] op value     N in 0..5
 *   op    := '==' | '!=' | '<' | '<=' | '>' | '>='
 *   value := term ('|' term)*
 *   term  := ['-'] number | CONSTANT            number: 10, 0x1f, 017
 * On error fills E with a message naming the offending word and sets *COL
 * to its 0-based column in TEXT; OUT is then empty.  Free OUT with
 * rule_expr_free(). */
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

/* Compiles EXPR for native syscall NR (argument widths from sys_args();
 * a syscall without an entry has six 64-bit arguments).  The OR of OUT
 * matches exactly what EXPR matches, as the kernel reads the arguments:
 * one seccomp_rule_add_array(ctx, action, NR, v[i].n, v[i].cmp) per
 * element.
 *  - OUT->n == 0: the rule matches nothing (every conjunction is
 *    contradictory, e.g. "arg0 == 1 && arg0 == 2"); add no rule at all.
 *  - an element with n == 0 matches every call (e.g. "arg0 & 0 == 0");
 *    it is then the only element.
 * Only SCMP_CMP_EQ and SCMP_CMP_MASKED_EQ appear in OUT: libseccomp
 * 2.5.4 miscompiles NE/LT/LE/GT/GE on an argument that several rules of
 * one syscall test (see rule-compile.c), so ranges and != become aligned
 * blocks: up to 32 rules on an int, 64 on a 64-bit argument; conditions on
 * several arguments multiply.  Callers adding rules of their own next to
 * these should use only EQ and MASKED_EQ as well.
 * Errors: an argument the syscall does not have, a value wider than its
 * argument, a rule needing more than RULE_MAX_RULES libseccomp rules.
 * Free OUT with scmp_rules_free(). */
int rule_compile(const struct rule_expr *expr, int nr, struct scmp_rules *out,
		 struct err *e);

/* Writes EXPR back as canonical text that rule_parse accepts and reads
 * back to the same EXPR ("arg2 & 0x3 == 0x0 || arg0 == -100"); constants
 * appear as numbers.  Truncates to LEN bytes, NUL included. */
void rule_format(const struct rule_expr *expr, char *buf, size_t len);

void rule_expr_free(struct rule_expr *expr);
void scmp_rules_free(struct scmp_rules *rules);

#endif
