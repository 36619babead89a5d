/* Argument rules: parser, canonical text, and the compiler checked three
 * ways -- exact expected output for a few rules, a brute-force comparison
 * of the compiled comparisons against the parsed expression, and real
 * seccomp filters in forked children, probed with raw syscall() at and
 * around every boundary.
 *
 * Probes are harmless: in the child fds 0-20 are /dev/null, writes have
 * length 0, paths are NULL (EFAULT), socket types and mmap fds are
 * invalid, and the brute force uses syscall number 1000, which does not
 * exist (ENOSYS unless the filter says EXDEV).
 */
#include "rule.h"
#include "syscalls.h"
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define FAKE_NR 1000
#define HI ((uint64_t)1 << 32)

/* ------------------------------------------------------------ evaluation */

/* What libseccomp's comparisons mean, on the 64 bits seccomp sees. */
static bool scmp_eval(const struct scmp_arg_cmp *c, const uint64_t *x)
{
	uint64_t v = x[c->arg];

	switch (c->op) {
	case SCMP_CMP_NE: return v != c->datum_a;
	case SCMP_CMP_LT: return v < c->datum_a;
	case SCMP_CMP_LE: return v <= c->datum_a;
	case SCMP_CMP_EQ: return v == c->datum_a;
	case SCMP_CMP_GE: return v >= c->datum_a;
	case SCMP_CMP_GT: return v > c->datum_a;
	case SCMP_CMP_MASKED_EQ: return (v & c->datum_a) == c->datum_b;
	case _SCMP_CMP_MIN:
	case _SCMP_CMP_MAX:
	default: return false;
	}
}

static bool rules_eval(const struct scmp_rules *r, const uint64_t *x)
{
	for (size_t i = 0; i < r->n; i++) {
		bool all = true;

		for (unsigned j = 0; j < r->v[i].n && all; j++)
			all = scmp_eval(&r->v[i].cmp[j], x);
		if (all)
			return true;
	}
	return false;
}

/* The reference: the parsed expression, read the way the kernel reads
 * the argument (written independently of rule-compile.c). */
static bool ref_cmp(const struct rule_cmp *c, enum arg_type t, uint64_t x)
{
	uint64_t full = t == A_MODE ? 0xffff :
		arg_type_is_32bit(t) ? 0xffffffff : UINT64_MAX;
	bool sgn = t == A_INT || t == A_FD || t == A_DIRFD || t == A_AF ||
		t == A_SOCKTYPE || t == A_OFLAGS || t == A_FCNTL ||
		t == A_SIGNAL || t == A_PRCTL;
	uint64_t l = x & full & c->mask, r = c->value & full;
	int cmp;

	if (c->op == SCMP_CMP_EQ)
		return l == r;
	if (c->op == SCMP_CMP_NE)
		return l != r;
	if (sgn)
		cmp = (int32_t)(uint32_t)l < (int32_t)(uint32_t)r ? -1 :
			(int32_t)(uint32_t)l > (int32_t)(uint32_t)r;
	else
		cmp = l < r ? -1 : l > r;
	switch (c->op) {
	case SCMP_CMP_LT: return cmp < 0;
	case SCMP_CMP_LE: return cmp <= 0;
	case SCMP_CMP_GT: return cmp > 0;
	case SCMP_CMP_GE: return cmp >= 0;
	default: return false;
	}
}

static bool ref_eval(const struct rule_expr *ex, int nr, const uint64_t *x)
{
	const struct sys_args *sa = sys_args(nr);

	for (size_t i = 0; i < ex->n; i++) {
		bool all = true;

		for (size_t j = 0; j < ex->conj[i].n && all; j++) {
			const struct rule_cmp *c = &ex->conj[i].cmp[j];

			all = ref_cmp(c, sa ? sa->type[c->arg] : A_HEX,
				      x[c->arg]);
		}
		if (all)
			return true;
	}
	return false;
}

/* ---------------------------------------------------------------- parser */

static void parse_ok(const char *text, const char *canon)
{
	struct rule_expr ex, ex2;
	struct err e = { .msg = "" };
	char buf[512];
	size_t col;

	if (rule_parse(text, &ex, &col, &e) < 0) {
		tap_ok(0, "parse '%s': %s (col %zu)", text, e.msg, col);
		return;
	}
	rule_format(&ex, buf, sizeof(buf));
	tap_ok(strcmp(buf, canon) == 0, "parse '%s' -> '%s'", text, buf);
	if (rule_parse(buf, &ex2, &col, &e) < 0) {
		tap_ok(0, "reparse '%s': %s", buf, e.msg);
	} else {
		char buf2[512];

		rule_format(&ex2, buf2, sizeof(buf2));
		tap_ok(strcmp(buf, buf2) == 0, "canonical text is stable");
		rule_expr_free(&ex2);
	}
	rule_expr_free(&ex);
}

static void parse_bad(const char *text, size_t want_col, const char *want)
{
	struct rule_expr ex;
	struct err e = { .msg = "" };
	size_t col = 999;
	int r = rule_parse(text, &ex, &col, &e);

	tap_ok(r < 0 && col == want_col && strstr(e.msg, want) != NULL &&
	       ex.n == 0, "reject '%.60s': col %zu, %s", text, col, e.msg);
}

static void test_parser(void)
{
	char *big;

	parse_ok("arg0 == 1 || arg0 == 2", "arg0 == 1 || arg0 == 2");
	parse_ok("arg0==1||arg0==2", "arg0 == 1 || arg0 == 2");
	parse_ok("  arg0 >= 3 && arg0 <= 10 ", "arg0 >= 3 && arg0 <= 10");
	parse_ok("arg2 & O_ACCMODE == O_RDONLY", "arg2 & 0x3 == 0x0");
	parse_ok("arg0 == AT_FDCWD", "arg0 == -100");
	parse_ok("arg1 == O_WRONLY|O_CREAT | 0100", "arg1 == 65");
	parse_ok("arg5 != 0x1ffffffff", "arg5 != 0x1ffffffff");
	parse_ok("arg3 < 0755 && arg4 > -1", "arg3 < 493 && arg4 > -1");
	parse_ok("arg0 != -0x8000000000000000", "arg0 != 0x8000000000000000");
	parse_ok("arg0 == 18446744073709551615", "arg0 == -1");
	parse_ok("arg1&0xff!=0", "arg1 & 0xff != 0x0");

	parse_bad("arg0 == AF_INTE", 8, "unknown constant 'AF_INTE' "
		  "(did you mean 'AF_INET'?)");
	parse_bad("arg7 == 1", 0, "argument index 7 out of range 0-5");
	parse_bad("arg0 == 1 && arg12 < 3", 13, "argument index 12 out of "
		  "range");
	parse_bad("arg0 = 1", 5, "expected '==', '!=', '<', '<=', '>' or "
		  "'>=' after 'arg0', found '='");
	parse_bad("arg0 & 3 < 1", 9, "a masked comparison must use == or !=");
	parse_bad("", 0, "empty argument rule");
	parse_bad("   ", 3, "empty argument rule");
	parse_bad("arg0 == 1 ||", 12, "found end of rule");
	parse_bad("arg0 == 1 |", 11, "expected a number or a constant");
	parse_bad("arg0 == 1 arg1 == 2", 10, "expected '&&', '||' or the end");
	parse_bad("fd == 1", 0, "expected an argument 'arg0' to 'arg5', "
		  "found 'fd'");
	parse_bad("arg == 1", 0, "found 'arg'");
	parse_bad("arg0x == 1", 0, "found 'arg0x'");
	parse_bad("arg0 == 08", 8, "invalid number '08'");
	parse_bad("arg0 == 0x", 8, "invalid number '0x'");
	parse_bad("arg0 == 12ab", 8, "invalid number '12ab'");
	parse_bad("arg0 == 0x10000000000000000", 8, "too large");
	parse_bad("arg0 == -0x8000000000000001", 8, "too small");
	parse_bad("arg0 == NO_SUCH_THING_AT_ALL", 8, "unknown constant");
	parse_bad("arg0 == (1)", 8, "found '('");
	parse_bad("arg0 == 1 \x01", 10, "byte 0x01");
	parse_bad("arg0 == - 1", 8, "found '-'");
	parse_bad("arg0 && arg1", 5, "found '&&'");
	parse_bad("arg0 == 1 || || arg0 == 2", 13, "found '||'");

	/* Bounds. */
	big = malloc(RULE_MAX_LEN + 2);
	memset(big, ' ', RULE_MAX_LEN + 1);
	big[RULE_MAX_LEN + 1] = '\0';
	memcpy(big, "arg0 == 1", 9);
	parse_bad(big, RULE_MAX_LEN, "too long");
	big[0] = '\0';
	for (int i = 0; i < RULE_MAX_CMPS + 1; i++)
		strcat(big, i ? " || arg0 == 1" : "arg0 == 1");
	parse_bad(big, 13 * RULE_MAX_CMPS - 4 + 4, "too many comparisons");
	big[0] = '\0';
	strcat(big, "arg0 == 1");
	for (int i = 0; i < RULE_MAX_TERMS; i++)
		strcat(big, "|1");
	parse_bad(big, 9 + 2 * RULE_MAX_TERMS - 1,
		  "too many constants");
	free(big);
}

/* ------------------------------------------------------- compiler output */

static int compile(const char *text, int nr, struct scmp_rules *r,
		   struct rule_expr *ex, struct err *e)
{
	size_t col;

	if (rule_parse(text, ex, &col, e) < 0)
		return -1;
	if (rule_compile(ex, nr, r, e) < 0) {
		rule_expr_free(ex);
		return -1;
	}
	return 0;
}

/* Compiles TEXT and checks the result is exactly WANT (n conjunctions of
 * one comparison each, given as op/datum_a/datum_b triples). */
static void compiles_to(const char *text, int nr, size_t n,
			const struct scmp_arg_cmp *want)
{
	struct rule_expr ex;
	struct scmp_rules r;
	struct err e = { .msg = "" };
	bool same;

	if (compile(text, nr, &r, &ex, &e) < 0) {
		tap_ok(0, "compile '%s': %s", text, e.msg);
		return;
	}
	same = r.n == n;
	for (size_t i = 0; same && i < n; i++)
		same = r.v[i].n == 1 && r.v[i].cmp[0].arg == want[i].arg &&
			r.v[i].cmp[0].op == want[i].op &&
			r.v[i].cmp[0].datum_a == want[i].datum_a &&
			r.v[i].cmp[0].datum_b == want[i].datum_b;
	tap_ok(same, "'%s' compiles to %zu rule(s) as expected (got %zu)",
	       text, n, r.n);
	rule_expr_free(&ex);
	scmp_rules_free(&r);
}

static void compile_count(const char *text, int nr, size_t n, int nconds)
{
	struct rule_expr ex;
	struct scmp_rules r;
	struct err e = { .msg = "" };

	if (compile(text, nr, &r, &ex, &e) < 0) {
		tap_ok(0, "compile '%s': %s", text, e.msg);
		return;
	}
	tap_ok(r.n == n && (nconds < 0 || (n && r.v[0].n == (unsigned)nconds)),
	       "'%s' compiles to %zu rule(s) (got %zu)", text, n, r.n);
	rule_expr_free(&ex);
	scmp_rules_free(&r);
}

static void compile_bad(const char *text, int nr, const char *want)
{
	struct rule_expr ex;
	struct scmp_rules r = { 0, NULL };
	struct err e = { .msg = "" };
	size_t col;
	int rc;

	if (rule_parse(text, &ex, &col, &e) < 0) {
		tap_ok(0, "parse '%s': %s", text, e.msg);
		return;
	}
	rc = rule_compile(&ex, nr, &r, &e);
	tap_ok(rc < 0 && strstr(e.msg, want) && r.n == 0 && !r.v,
	       "compile rejects '%.50s': %s", text, e.msg);
	rule_expr_free(&ex);
}

static void test_compile(void)
{
	int nr_write = SCMP_SYS(write), nr_mmap = SCMP_SYS(mmap);
	int nr_openat = SCMP_SYS(openat), nr_chmod = SCMP_SYS(fchmod);
	const struct scmp_arg_cmp w12[] = {
		SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffff, 1),
		SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffff, 2),
	};
	const struct scmp_arg_cmp fdcwd[] = {
		SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffff, 0xffffff9c),
	};
	const struct scmp_arg_cmp rdonly[] = {
		SCMP_A2(SCMP_CMP_MASKED_EQ, 3, 0),
	};
	const struct scmp_arg_cmp len_le[] = {
		SCMP_A1(SCMP_CMP_MASKED_EQ, ~(uint64_t)0xfff, 0),
		SCMP_A1(SCMP_CMP_EQ, 0x1000, 0),
	};
	const struct scmp_arg_cmp len_eq[] = {
		SCMP_A1(SCMP_CMP_EQ, 0x1000, 0),
	};
	const struct scmp_arg_cmp fd3_10[] = {
		SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffff, 3),
		SCMP_A0(SCMP_CMP_MASKED_EQ, 0xfffffffc, 4),
		SCMP_A0(SCMP_CMP_MASKED_EQ, 0xfffffffe, 8),
		SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffff, 10),
	};
	const struct scmp_arg_cmp mode16[] = {
		SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffff, 0644),
	};
	const struct scmp_arg_cmp merged[] = {
		SCMP_A2(SCMP_CMP_MASKED_EQ, 0x43, 0x41),
	};

	compiles_to("arg0 == 1 || arg0 == 2", nr_write, 2, w12);
	compiles_to("arg0 == 1 || arg0 == 2 || arg0 == 1", nr_write, 2, w12);
	compiles_to("arg0 == AT_FDCWD", nr_openat, 1, fdcwd);
	compiles_to("arg0 == 0xffffff9c", nr_openat, 1, fdcwd);
	compiles_to("arg2 & O_ACCMODE == O_RDONLY", nr_openat, 1, rdonly);
	compiles_to("arg2 & O_CREAT == O_CREAT && arg2 & O_ACCMODE == "
		    "O_WRONLY", nr_openat, 1, merged);
	compiles_to("arg0 >= 3 && arg0 <= 10", nr_write, 4, fd3_10);
	/* 64-bit ranges: blocks too (libseccomp's LT/GE/NE are unsafe). */
	compile_count("arg1 >= 0x1000", nr_mmap, 64 - 12, 1);
	compile_count("arg1 > 0xfff", nr_mmap, 64 - 12, 1);
	compile_count("arg1 != 0x1000", nr_mmap, 64, 1);
	compiles_to("arg1 <= 0x1000", nr_mmap, 2, len_le);
	compiles_to("arg1 < 0x1001 && arg1 <= 0x5000", nr_mmap, 2, len_le);
	compiles_to("arg1 >= 0x1000 && arg1 & 0xfff == 0 && arg1 < 0x1001",
		    nr_mmap, 1, len_eq);
	compiles_to("arg1 == 0644", nr_chmod, 1, mode16);
	compile_count("arg1 == -1 && arg1 == 0xffff", nr_chmod, 1, 1);

	/* Matches nothing: no rule.  Matches everything: one empty rule. */
	compile_count("arg0 == 1 && arg0 == 2", nr_write, 0, -1);
	compile_count("arg0 < 0 && arg0 > 0", nr_mmap, 0, -1);
	compile_count("arg0 < -2147483648", nr_write, 0, -1);
	compile_count("arg0 & 1 == 2", nr_write, 0, -1);
	compile_count("arg0 & 3 == 1 && arg0 & 6 == 2", nr_write, 0, -1);
	compile_count("arg0 & 3 == 1 && arg0 & 6 == 4", nr_write, 1, 1);
	compile_count("arg0 & 0 != 0", nr_write, 0, -1);
	compile_count("arg0 & 0 == 0", nr_write, 1, 0);
	compile_count("arg0 == 1 || arg1 & 0 == 0", nr_write, 1, 0);
	compile_count("arg0 >= -2147483648", nr_write, 1, 0);
	compile_count("arg1 >= 0", nr_mmap, 1, 0);
	compile_count("arg0 & 1 != 2", nr_write, 1, 0);
	compile_count("arg0 == 1 && arg1 == 2 || arg2 == 5", nr_mmap, 2, 2);
	compile_count("arg0 == 1 && arg1 == 2 || arg2 > 5", nr_mmap, 31, 2);
	compile_count("arg0 != 5", nr_write, 32, 1);
	compile_count("arg0 >= 3 && arg0 <= 10 && arg2 >= 1 && arg2 < 9",
		      nr_write, 4 * 4, 2);
	compile_count("arg1 >= 0x1000 && arg1 <= 0x100000000", nr_mmap,
		      20 + 1, 1);
	compile_count("arg0 & 3 != 0", nr_mmap, 2, 1);

	compile_bad("arg0 == 0x100000000", nr_write, "does not fit in arg0");
	compile_bad("arg1 == 0x10000", nr_chmod, "of which the kernel reads "
		    "only 16 bits");
	compile_bad("arg0 & 0x1ffffffff == 1", nr_write, "does not fit");
	compile_bad("arg3 == 1", nr_write, "write has no argument arg3 "
		    "(it takes 3)");
	compile_bad("arg0 & 0xff != 0 && arg0 & 0xff00 != 0 && "
		    "arg0 & 0xff0000 != 0", nr_write, "need more than 256");
	compile_count("arg0 & 0xff != 0 && arg0 & 0xff00 != 0", nr_write,
		      64, 1);
	compile_bad("arg2 != 1 && arg3 != 1", nr_mmap, "more than 256");
	compile_bad("arg0 != 1 && arg1 != 1", nr_mmap, "more than 256");
	compile_count("arg0 != 1 && arg2 == 1", nr_write, 32, 2);
}

/* ------------------------------------------------- brute force, in memory */

static uint64_t rng_state = 0x9e3779b97f4a7c15;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static const uint64_t specials[] = {
	0, 1, 2, 3, 7, 8, 0x7f, 0x80, 0xfff, 0x1000, 0x7fff, 0x8000, 0xffff,
	0x10000, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff,
	0x100000000, 0x100000001, 0x17fffffff, 0x180000000, 0xffffff9c,
	0xffffffffffffff9c, 0x7fffffffffffffff, 0x8000000000000000,
	0xfffffffffffffffe, 0xffffffffffffffff,
};

#define NSPECIALS (sizeof(specials) / sizeof(specials[0]))

/* A random value that fits an argument of width FULL. */
static uint64_t rnd_value(uint64_t full)
{
	uint64_t v;

	switch (rnd() % 4) {
	case 0: v = specials[rnd() % NSPECIALS]; break;
	case 1: v = rnd() % 20; break;
	case 2: v = rnd(); break;
	default: v = rnd() >> (rnd() % 64); break;
	}
	v &= full;
	/* Sometimes write it sign-extended, as "-100" would be. */
	if (full != UINT64_MAX && (v & ((full >> 1) + 1)) && rnd() % 2)
		v |= ~full;
	return v;
}

static uint64_t rnd_mask(uint64_t full)
{
	switch (rnd() % 4) {
	case 0: return (rnd() % 16) & full;
	case 1: return ((uint64_t)1 << (rnd() % 64)) & full;
	case 2: return rnd() & rnd() & full;
	default: return (rnd() | rnd()) & full;
	}
}

static uint64_t arg_full(int nr, unsigned arg)
{
	const struct sys_args *sa = sys_args(nr);
	enum arg_type t = sa ? sa->type[arg] : A_HEX;

	return t == A_MODE ? 0xffff : arg_type_is_32bit(t) ? 0xffffffff :
		UINT64_MAX;
}

static const char *const op_names[] = { "==", "!=", "<", "<=", ">", ">=" };

/* Writes a random rule over the first NARGS arguments of NR. */
static void rnd_rule(int nr, unsigned nargs, char *buf, size_t len)
{
	unsigned nconj = 1 + rnd() % 3;
	size_t pos = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < nconj; i++) {
		unsigned ncmp = 1 + rnd() % 4;

		for (unsigned j = 0; j < ncmp; j++) {
			/* Mostly the same argument, to exercise merging. */
			unsigned arg = rnd() % 3 ? 0 : rnd() % nargs;
			uint64_t full = arg_full(nr, arg);
			bool masked = rnd() % 3 == 0;
			const char *op = masked ? op_names[rnd() % 2] :
				op_names[rnd() % 6];

			pos += (size_t)snprintf(buf + pos, len - pos,
				"%s%sarg%u", i && !j ? " || " : "",
				j ? " && " : "", arg);
			if (masked)
				pos += (size_t)snprintf(buf + pos, len - pos,
					" & %#" PRIx64, rnd_mask(full));
			pos += (size_t)snprintf(buf + pos, len - pos,
				" %s %#" PRIx64, op, rnd_value(full));
		}
	}
}

/* Probe values for X[ARG]: the values in the rule, and around them. */
static void rnd_args(const struct rule_expr *ex, uint64_t *x)
{
	for (unsigned a = 0; a < 6; a++) {
		const struct rule_cmp *c = NULL;
		size_t n = 0;
		uint64_t v;

		for (size_t i = 0; i < ex->n; i++)
			for (size_t j = 0; j < ex->conj[i].n; j++)
				if (ex->conj[i].cmp[j].arg == a &&
				    rnd() % ++n == 0)
					c = &ex->conj[i].cmp[j];
		if (!c || rnd() % 8 == 0) {
			x[a] = rnd() % 2 ? rnd() : specials[rnd() % NSPECIALS];
			continue;
		}
		v = c->value;
		switch (rnd() % 6) {
		case 0: v += (rnd() % 3) - 1; break;
		case 1: v ^= rnd() & ~c->mask; break;
		case 2: v ^= (uint64_t)1 << (rnd() % 64); break;
		case 3: v = (v & 0xffffffff) | (rnd() << 32); break;
		case 4: v = (v & 0xffff) | (rnd() << 16); break;
		default: break;
		}
		x[a] = v;
	}
}

static void test_brute_memory(void)
{
	const int nrs[] = { SCMP_SYS(write), SCMP_SYS(openat), SCMP_SYS(mmap),
			    SCMP_SYS(ioctl), SCMP_SYS(getpriority), FAKE_NR };
	const unsigned nargs[] = { 3, 4, 6, 3, 2, 6 };
	unsigned rules = 0, toomany = 0, bad = 0, probes = 0;
	char first[2200] = "";

	for (unsigned i = 0; i < 3000; i++) {
		unsigned which = rnd() % 6;
		int nr = nrs[which];
		struct rule_expr ex;
		struct scmp_rules r;
		struct err e = { .msg = "" };
		char text[1024];

		rnd_rule(nr, nargs[which], text, sizeof(text));
		if (compile(text, nr, &r, &ex, &e) < 0) {
			if (strstr(e.msg, "more than 256"))
				toomany++;
			else if (!bad++)
				snprintf(first, sizeof(first), "%s: %s", text,
					 e.msg);
			continue;
		}
		rules++;
		for (unsigned k = 0; k < 200; k++) {
			uint64_t x[6];

			rnd_args(&ex, x);
			probes++;
			if (rules_eval(&r, x) != ref_eval(&ex, nr, x) &&
			    !bad++)
				snprintf(first, sizeof(first), "%s (nr %d) on "
					 "%#" PRIx64 ",%#" PRIx64 ",%#" PRIx64,
					 text, nr, x[0], x[1], x[2]);
		}
		for (size_t k = 0; k < r.n; k++) {
			/* libseccomp's own limit: one comparison per arg. */
			unsigned seen = 0;

			for (unsigned j = 0; j < r.v[k].n; j++) {
				if (seen & (1u << r.v[k].cmp[j].arg) && !bad++)
					snprintf(first, sizeof(first),
						 "%s: arg%u twice", text,
						 r.v[k].cmp[j].arg);
				seen |= 1u << r.v[k].cmp[j].arg;
			}
		}
		rule_expr_free(&ex);
		scmp_rules_free(&r);
	}
	tap_ok(bad == 0, "brute force: %u rules, %u probes, %u too large, "
	       "%u mismatches %s", rules, probes, toomany, bad, first);
}

/* ---------------------------------------------------- real seccomp filter */

struct probe {
	uint64_t a[6];
	bool exdev;
};

static bool seccomp_works;

/* Whether this kernel (or container) lets us load a filter at all. */
static bool seccomp_check(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);

		if (!ctx || seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EXDEV),
					     FAKE_NR, 0) < 0 ||
		    seccomp_load(ctx) < 0)
			_exit(1);
		_exit(syscall(FAKE_NR) == -1 && errno == EXDEV ? 0 : 1);
	}
	return pid > 0 && waitpid(pid, &status, 0) == pid &&
		WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Loads R (deny with EXDEV) for syscall NR in a child, runs the probes
 * with raw syscall(), and returns in GOT whether each gave EXDEV.
 * Returns -1 if the filter could not be loaded. */
static int run_filter(const struct scmp_rules *r, int nr,
		      const struct probe *p, size_t n, bool *got)
{
	int fds[2], status;
	pid_t pid;
	size_t done = 0;

	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		scmp_filter_ctx ctx;
		char res;

		if (dup2(fds[1], 900) < 0 || null < 0)
			_exit(2);
		for (int fd = 0; fd <= 20; fd++)
			dup2(null, fd);
		ctx = seccomp_init(SCMP_ACT_ALLOW);
		if (!ctx)
			_exit(3);
		for (size_t i = 0; i < r->n; i++)
			if (seccomp_rule_add_array(ctx, SCMP_ACT_ERRNO(EXDEV),
						   nr, r->v[i].n,
						   r->v[i].cmp) < 0)
				_exit(4);
		if (seccomp_load(ctx) < 0)
			_exit(5);
		for (size_t i = 0; i < n; i++) {
			long rc;

			errno = 0;
			rc = syscall(nr, p[i].a[0], p[i].a[1], p[i].a[2],
				     p[i].a[3], p[i].a[4], p[i].a[5]);
			res = rc == -1 && errno == EXDEV;
			if (rc >= 0 && nr == SCMP_SYS(socket))
				close((int)rc);
			if (write(900, &res, 1) != 1)
				_exit(6);
		}
		_exit(0);
	}
	close(fds[1]);
	while (done < n) {
		char c;
		ssize_t k = read(fds[0], &c, 1);

		if (k <= 0)
			break;
		got[done++] = c;
	}
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || done != n)
		return -1;
	return 0;
}

static void kernel_case(const char *sys, const char *text,
			const struct probe *p, size_t n)
{
	int nr = seccomp_syscall_resolve_name(sys);
	struct rule_expr ex;
	struct scmp_rules r;
	struct err e = { .msg = "" };
	bool got[64];

	if (compile(text, nr, &r, &ex, &e) < 0) {
		tap_ok(0, "%s: %s: %s", sys, text, e.msg);
		return;
	}
	if (!seccomp_works) {
		printf("ok %d - kernel: %s: %s # SKIP seccomp unavailable\n",
		       ++tap_n, sys, text);
		goto out;
	}
	if (run_filter(&r, nr, p, n, got) < 0) {
		tap_ok(0, "kernel: %s: %s: the filter did not run", sys, text);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		tap_ok(got[i] == p[i].exdev, "kernel: %s(%#" PRIx64 ", %#"
		       PRIx64 ", %#" PRIx64 ") %s by '%s'", sys, p[i].a[0],
		       p[i].a[1], p[i].a[2], p[i].exdev ? "denied" : "passes",
		       text);
out:
	rule_expr_free(&ex);
	scmp_rules_free(&r);
}

#define ARRAY(...) ((const struct probe[]){ __VA_ARGS__ }), \
	(sizeof((const struct probe[]){ __VA_ARGS__ }) / sizeof(struct probe))
/* write(v, NULL, 0); socket(v, invalid type, 0); openat(v, NULL, 0, 0);
 * fcntl(v, invalid command); mmap(0, v, 0, 0, -1, 0): EBADF. */
#define W(v, y) { { v, 0, 0, 0, 0, 0 }, y }
#define SOCK(v, y) { { v, 0xffff0, 0, 0, 0, 0 }, y }
#define AT(v, y) { { v, 0, 0, 0, 0, 0 }, y }
#define OFL(v, y) { { (uint64_t)AT_FDCWD, 0, v, 0, 0, 0 }, y }
#define FCNTL(v, y) { { v, 0x7ffffff0, 0, 0, 0, 0 }, y }
#define MMAP(v, y) { { 0, v, 0, 0, UINT64_MAX, 0 }, y }
#define IOCTL(v, y) { { 1000, v, 0, 0, 0, 0 }, y }

static void test_kernel(void)
{
	kernel_case("write", "arg0 == 1 || arg0 == 2", ARRAY(
		W(0, 0), W(1, 1), W(2, 1), W(3, 0), W(1 | HI, 1),
		W(2 | HI, 1), W(0xffffffff00000001, 1), W(HI, 0),
		W(0xffffffff, 0), W(0x80000001, 0), W(0x80000002, 0)));
	kernel_case("socket", "arg0 == AF_NETLINK", ARRAY(
		SOCK(15, 0), SOCK(16, 1), SOCK(17, 0), SOCK(16 | HI, 1),
		SOCK(0xffffffff00000010, 1), SOCK(0x80000010, 0),
		SOCK(0xffffffff, 0), SOCK(0x80000000, 0)));
	kernel_case("socket", "arg0 != AF_UNIX && arg0 != AF_INET", ARRAY(
		SOCK(0, 1), SOCK(1, 0), SOCK(2, 0), SOCK(3, 1), SOCK(10, 1),
		SOCK(1 | HI, 0), SOCK(2 | HI, 0), SOCK(0xffffffff, 1),
		SOCK(0x80000001, 1)));
	kernel_case("openat", "arg0 == AT_FDCWD", ARRAY(
		AT(0xffffff9c, 1), AT(0xffffffffffffff9c, 1),
		AT(0x1ffffff9c, 1), AT(0xffffff9b, 0), AT(0xffffff9d, 0),
		AT(100, 0), AT(0x9c, 0), AT(0x7fffff9c, 0)));
	kernel_case("openat", "arg0 >= 0", ARRAY(
		AT(0, 1), AT(5, 1), AT(0x7fffffff, 1), AT(0x80000000, 0),
		AT(0xffffff9c, 0), AT(0xffffffffffffff9c, 0), AT(5 | HI, 1),
		AT(0xffffffff, 0), AT(0xffffffff00000000, 1)));
	kernel_case("openat", "arg0 < 3", ARRAY(
		AT(0xffffff9c, 1), AT(0xffffffffffffff9c, 1), AT(2, 1),
		AT(3, 0), AT(4, 0), AT(0x80000000, 1), AT(0x7fffffff, 0),
		AT(3 | HI, 0), AT(2 | HI, 1)));
	kernel_case("fcntl", "arg0 >= 3 && arg0 <= 10", ARRAY(
		FCNTL(0, 0), FCNTL(2, 0), FCNTL(3, 1), FCNTL(4, 1),
		FCNTL(7, 1), FCNTL(8, 1), FCNTL(9, 1), FCNTL(10, 1),
		FCNTL(11, 0), FCNTL(3 | HI, 1), FCNTL(0xffffffff0000000a, 1),
		FCNTL(0xffffffff, 0), FCNTL(0x80000000, 0),
		FCNTL(0x7fffffff, 0), FCNTL(0x80000003, 0),
		FCNTL(0xfffffffd, 0), FCNTL(0x100000002, 0)));
	kernel_case("fcntl", "arg0 != 5", ARRAY(
		FCNTL(4, 1), FCNTL(5, 0), FCNTL(6, 1), FCNTL(5 | HI, 0),
		FCNTL(0xffffffff00000005, 0), FCNTL(0xffffffff, 1),
		FCNTL(0x80000000, 1), FCNTL(HI, 1), FCNTL(0x80000005, 1)));
	kernel_case("openat", "arg2 & O_ACCMODE == O_RDONLY", ARRAY(
		OFL(0, 1), OFL(1, 0), OFL(2, 0), OFL(3, 0), OFL(O_CREAT, 1),
		OFL(O_CREAT | O_WRONLY, 0), OFL(HI, 1), OFL(HI | 1, 0),
		OFL(0xfffffffc, 1), OFL(0xffffffff, 0), OFL(0x80000000, 1)));
	kernel_case("openat", "arg2 & O_ACCMODE != O_RDONLY", ARRAY(
		OFL(0, 0), OFL(1, 1), OFL(2, 1), OFL(3, 1), OFL(O_CREAT, 0),
		OFL(HI | 2, 1), OFL(HI, 0), OFL(0xffffffff, 1)));
	kernel_case("openat", "arg2 & O_CREAT == O_CREAT && "
		    "arg2 & O_ACCMODE == O_WRONLY", ARRAY(
		OFL(O_CREAT | O_WRONLY, 1), OFL(O_CREAT, 0), OFL(O_WRONLY, 0),
		OFL(O_CREAT | O_RDWR, 0), OFL(O_CREAT | O_WRONLY | HI, 1),
		OFL(O_CREAT | O_WRONLY | O_TRUNC, 1)));
	kernel_case("openat", "arg2 & O_ACCMODE == 4", ARRAY(
		OFL(4, 0), OFL(0, 0), OFL(7, 0)));
	kernel_case("mmap", "arg1 >= 0x1000 && arg1 <= 0x100000000", ARRAY(
		MMAP(0, 0), MMAP(0xfff, 0), MMAP(0x1000, 1), MMAP(0x1001, 1),
		MMAP(0x7fffffff, 1), MMAP(0x80000000, 1), MMAP(0xffffffff, 1),
		MMAP(HI, 1), MMAP(HI + 1, 0), MMAP(0x1000 | HI, 0),
		MMAP(0x8000000000001000, 0), MMAP(0x200000000, 0),
		MMAP(UINT64_MAX, 0)));
	kernel_case("mmap", "arg1 > 0xffffffff", ARRAY(
		MMAP(0xffffffff, 0), MMAP(HI, 1), MMAP(0x1ffffffff, 1),
		MMAP(0x7fffffff, 0), MMAP(UINT64_MAX, 1),
		MMAP(0x8000000000000000, 1), MMAP(5, 0)));
	kernel_case("mmap", "arg1 >= 0x180000000", ARRAY(
		MMAP(0x17fffffff, 0), MMAP(0x180000000, 1),
		MMAP(0x180000001, 1), MMAP(0x200000000, 1),
		MMAP(0x1ffffffff, 1), MMAP(0x100000000, 0),
		MMAP(0xffffffff, 0), MMAP(0x80000000, 0)));
	kernel_case("mmap", "arg1 <= 0x180000000", ARRAY(
		MMAP(0x17fffffff, 1), MMAP(0x180000000, 1),
		MMAP(0x180000001, 0), MMAP(0xffffffff, 1),
		MMAP(0x200000000, 0), MMAP(0x100000000, 1),
		MMAP(0x280000000, 0), MMAP(0, 1)));
	kernel_case("mmap", "arg1 < 0x100000001", ARRAY(
		MMAP(HI, 1), MMAP(HI + 1, 0), MMAP(0, 1), MMAP(0xffffffff, 1),
		MMAP(HI + 2, 0), MMAP(0x200000000, 0), MMAP(0x80000000, 1)));
	kernel_case("mmap", "arg1 != 0x100000000", ARRAY(
		MMAP(HI, 0), MMAP(0, 1), MMAP(0x200000000, 1), MMAP(HI + 1, 1),
		MMAP(0xffffffff, 1), MMAP(HI - 1, 1)));
	kernel_case("mmap", "arg1 & 0xfff == 0 && arg1 < 0x10000", ARRAY(
		MMAP(0, 1), MMAP(0x1000, 1), MMAP(0xf000, 1), MMAP(0x10000, 0),
		MMAP(0x1001, 0), MMAP(0x1000 | HI, 0), MMAP(0xfff, 0)));
	kernel_case("ioctl", "arg1 == TIOCSTI", ARRAY(
		IOCTL(0x5412, 1), IOCTL(0x5412 | HI, 1), IOCTL(0x5411, 0),
		IOCTL(0x5413, 0), IOCTL(0xffffffff00005412, 1),
		IOCTL(0x80005412, 0)));
	kernel_case("ioctl", "arg1 >= 0x80000000", ARRAY(
		IOCTL(0x80000000, 1), IOCTL(0xffffffff, 1),
		IOCTL(0x7fffffff, 0), IOCTL(0x180000000, 1), IOCTL(HI, 0),
		IOCTL(0, 0), IOCTL(0xffffffff7fffffff, 0)));
	kernel_case("getpriority", "arg0 == 1 && arg1 <= 10 || arg1 == -5",
		    ARRAY(
		{ { 1, 10, 0, 0, 0, 0 }, 1 }, { { 1, 11, 0, 0, 0, 0 }, 0 },
		{ { 1, 0xfffffffb, 0, 0, 0, 0 }, 1 },
		{ { 0, 0xfffffffb, 0, 0, 0, 0 }, 1 },
		{ { 0, 10, 0, 0, 0, 0 }, 0 },
		{ { 1 | HI, 0x80000000, 0, 0, 0, 0 }, 1 },
		{ { 2, 0xfffffffffffffffb, 0, 0, 0, 0 }, 1 },
		{ { 2, 5, 0, 0, 0, 0 }, 0 }));
}

/* Random rules in a real filter on a syscall that does not exist: the
 * kernel's verdict must agree with the reference on every probe. */
static void test_brute_kernel(void)
{
	const int nrs[] = { SCMP_SYS(write), SCMP_SYS(openat), SCMP_SYS(mmap),
			    SCMP_SYS(ioctl), FAKE_NR };
	const unsigned nargs[] = { 3, 4, 6, 3, 6 };
	unsigned rules = 0, bad = 0, probes = 0;
	char first[2200] = "";

	if (!seccomp_works) {
		printf("ok %d - kernel brute force # SKIP seccomp "
		       "unavailable\n", ++tap_n);
		return;
	}
	for (unsigned i = 0; i < 600; i++) {
		unsigned which = rnd() % 5;
		int nr = nrs[which];
		struct rule_expr ex;
		struct scmp_rules r;
		struct err e = { .msg = "" };
		struct probe p[64];
		bool got[64];
		char text[1024];

		rnd_rule(nr, nargs[which], text, sizeof(text));
		if (compile(text, nr, &r, &ex, &e) < 0)
			continue;
		for (size_t k = 0; k < 64; k++)
			rnd_args(&ex, p[k].a);
		/* The filter is installed on FAKE_NR; the types of NR. */
		if (run_filter(&r, FAKE_NR, p, 64, got) < 0) {
			if (!bad++)
				snprintf(first, sizeof(first), "%s: filter "
					 "failed", text);
		} else {
			rules++;
			for (size_t k = 0; k < 64; k++) {
				probes++;
				if (got[k] == ref_eval(&ex, nr, p[k].a))
					continue;
				/* All of them, to see a pattern. */
				if (getenv("RULE_DEBUG"))
					printf("# mismatch: %s (nr %d) on %#"
					       PRIx64 ",%#" PRIx64 ",%#" PRIx64
					       "\n", text, nr, p[k].a[0],
					       p[k].a[1], p[k].a[2]);
				if (!bad++)
					snprintf(first, sizeof(first),
						 "%s (nr %d) on %#" PRIx64
						 ",%#" PRIx64 ",%#" PRIx64,
						 text, nr, p[k].a[0],
						 p[k].a[1], p[k].a[2]);
			}
		}
		rule_expr_free(&ex);
		scmp_rules_free(&r);
	}
	tap_ok(bad == 0, "kernel brute force: %u rules, %u probes, "
	       "%u mismatches %s", rules, probes, bad, first);
}

int main(void)
{
	test_parser();
	test_compile();
	test_brute_memory();
	seccomp_works = seccomp_check();
	test_kernel();
	test_brute_kernel();
	return tap_done();
}
