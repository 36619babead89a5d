/* libFuzzer harness for argument rules: rule_parse, then rule_format must
 * read back to the same text, then rule_compile for syscalls with 16-,
 * 32- (signed and unsigned) and 64-bit arguments, checking what libseccomp
 * needs (one comparison per argument, only EQ and MASKED_EQ) and that the
 * compiled rules agree with the expression on values taken from it.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *     tests/fuzz/fuzz-rule.c src/rule.c src/rule-compile.c src/constants.c \
 *     src/consttab.c src/syscalls.c src/sysargs.c src/err.c src/strv.c \
 *     -lseccomp -o fuzz-rule
 *   ./fuzz-rule -max_total_time=60 CORPUS-COPY tests/fuzz/corpus/rule
 */
#include "rule.h"
#include "syscalls.h"

#include <stdlib.h>
#include <string.h>

static bool scmp_eval(const struct scmp_arg_cmp *c, const uint64_t *x)
{
	uint64_t v = x[c->arg];

	if (c->op == SCMP_CMP_EQ)
		return v == c->datum_a;
	if (c->op == SCMP_CMP_MASKED_EQ)
		return (v & c->datum_a) == c->datum_b;
	abort();	/* nothing else is safe in libseccomp 2.5.4 */
}

static bool ref_cmp(const struct rule_cmp *c, enum arg_type t, uint64_t x)
{
	uint64_t full = t == A_MODE ? 0xffff :
		arg_type_is_32bit(t) ? 0xffffffff : UINT64_MAX;
	bool sgn = t == A_INT || t == A_FD || t == A_DIRFD || t == A_AF ||
		t == A_SOCKTYPE || t == A_OFLAGS || t == A_FCNTL ||
		t == A_SIGNAL || t == A_PRCTL;
	uint64_t l = x & full & c->mask, r = c->value & full;

	if (sgn && c->op != SCMP_CMP_EQ && c->op != SCMP_CMP_NE) {
		l ^= 0x80000000;
		r ^= 0x80000000;
	}
	switch (c->op) {
	case SCMP_CMP_EQ: return l == r;
	case SCMP_CMP_NE: return l != r;
	case SCMP_CMP_LT: return l < r;
	case SCMP_CMP_LE: return l <= r;
	case SCMP_CMP_GT: return l > r;
	case SCMP_CMP_GE: return l >= r;
	default: abort();
	}
}

static void check(const struct rule_expr *ex, int nr,
		  const struct scmp_rules *r)
{
	const struct sys_args *sa = sys_args(nr);
	uint64_t x[6] = { 0 };

	if (r->n > RULE_MAX_RULES)
		abort();
	for (size_t i = 0; i < r->n; i++) {
		unsigned seen = 0;

		for (unsigned j = 0; j < r->v[i].n; j++) {
			unsigned a = r->v[i].cmp[j].arg;

			if (a > 5 || (seen & (1u << a)))
				abort();
			seen |= 1u << a;
		}
	}
	/* Probe around every value written, on the argument it names. */
	for (size_t i = 0; i < ex->n; i++)
		for (size_t j = 0; j < ex->conj[i].n; j++) {
			const struct rule_cmp *c = &ex->conj[i].cmp[j];
			const uint64_t around[] = {
				c->value, c->value - 1, c->value + 1,
				c->value | (uint64_t)1 << 32,
				c->value ^ 0x80000000, c->value ^ ~c->mask,
				c->value & 0xffffffff, 0xffffffff,
			};

			for (size_t k = 0; k < 8; k++) {
				bool want = false, got = false;

				x[c->arg] = around[k];
				for (size_t m = 0; m < ex->n && !want; m++) {
					bool all = true;

					for (size_t q = 0; q < ex->conj[m].n &&
					     all; q++) {
						const struct rule_cmp *d =
							&ex->conj[m].cmp[q];

						all = ref_cmp(d, sa ?
							sa->type[d->arg] :
							A_HEX, x[d->arg]);
					}
					want = all;
				}
				for (size_t m = 0; m < r->n && !got; m++) {
					bool all = true;

					for (unsigned q = 0; q < r->v[m].n &&
					     all; q++)
						all = scmp_eval(&r->v[m].cmp[q],
								x);
					got = all;
				}
				if (want != got)
					abort();
			}
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const int nrs[] = { SCMP_SYS(write), SCMP_SYS(openat), SCMP_SYS(mmap),
			    SCMP_SYS(ioctl), SCMP_SYS(fchmod), 1000 };
	struct rule_expr ex, ex2;
	struct err e;
	char *text, *fmt, *fmt2;
	size_t col;

	if (size > RULE_MAX_LEN + 16)
		return 0;
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (rule_parse(text, &ex, &col, &e) < 0) {
		if (col > strlen(text) || ex.n || !e.msg[0])
			abort();
		free(text);
		return 0;
	}
	/* Canonical text round-trips exactly. */
	fmt = malloc(64 * 1024);
	fmt2 = malloc(64 * 1024);
	rule_format(&ex, fmt, 64 * 1024);
	if (rule_parse(fmt, &ex2, &col, &e) < 0)
		abort();
	rule_format(&ex2, fmt2, 64 * 1024);
	if (strcmp(fmt, fmt2) != 0)
		abort();
	rule_expr_free(&ex2);
	for (size_t i = 0; i < sizeof(nrs) / sizeof(nrs[0]); i++) {
		struct scmp_rules r;

		if (rule_compile(&ex, nrs[i], &r, &e) < 0) {
			if (r.n || r.v || !e.msg[0])
				abort();
			continue;
		}
		check(&ex, nrs[i], &r);
		scmp_rules_free(&r);
	}
	rule_expr_free(&ex);
	free(fmt);
	free(fmt2);
	free(text);
	return 0;
}
