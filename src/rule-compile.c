/* Argument rules: compilation into what libseccomp 2.5 can load.
 *
 * libseccomp 2.5 takes at most one comparison per argument in a rule
 * (a second one on the same argument is -EINVAL), and ORs the rules of a
 * syscall.  So each conjunction is compiled argument by argument into a
 * set of alternatives -- single comparisons, any of which may hold --
 * and the conjunction becomes the cross product of those sets.
 *
 * Everything is exact set arithmetic over the bits the kernel reads:
 *  - the comparisons of an argument that use its whole width are
 *    intersected as intervals (in signed order for `int` arguments);
 *  - an interval becomes aligned power-of-two blocks, each one
 *    MASKED_EQ(~(size - 1), start): a "cube", a mask and the value of the
 *    bits under it;
 *  - (x & m) == v is one cube, and (x & m) != v is popcount(m) disjoint
 *    cubes (the first bit of m, from the top, at which x differs from v);
 *  - cubes intersect into a cube or nothing.
 * All the sets stay disjoint, so their sizes are exact as they are built,
 * and the bound RULE_MAX_RULES is checked on the way.
 *
 * Only EQ and MASKED_EQ are ever emitted:
 *  - the kernel truncates an `int` to its low 32 bits but seccomp sees all
 *    64 the caller passed, so "arg0 == 16" must also catch 16 | 1 << 32,
 *    and AT_FDCWD must match zero- and sign-extended.  Only MASKED_EQ can
 *    ignore the high half.
 *  - libseccomp 2.5.4 builds wrong filters when NE, LT, LE, GT or GE
 *    comparisons on one argument are spread over several rules of the same
 *    syscall: "arg0 > 3 || arg0 < 9 && arg1 > 5" as two rules lets
 *    through calls neither rule matches, or denies calls neither matches
 *    (found by tests/unit/test-rule.c's kernel brute force; EQ and
 *    MASKED_EQ alone survived 20000 random filters).  Several profile
 *    lines may add rules for one syscall, so even a lone ">=" is unsafe.
 *    A 64-bit ">= a" thus costs up to 64 blocks, and "!= v" exactly 64.
 */
#include "rule.h"
#include "syscalls.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct cube {
	uint64_t mask, val;	/* x matches when (x & mask) == val */
};

struct ival {
	uint64_t lo, hi;	/* inclusive, in order space (see order()) */
};

/* How rule_compile reads one argument. */
struct width {
	unsigned bits;		/* 16, 32 or 64 */
	uint64_t full;		/* the bits the kernel reads */
	uint64_t flip;		/* XOR turning signed order into unsigned */
};

/* Alternatives for one argument: any == true means no condition; else
 * one of cmp[0..n) must hold, and n == 0 means never. */
struct alts {
	bool any;
	size_t n;
	struct scmp_arg_cmp cmp[RULE_MAX_RULES];
};

static struct width arg_width(enum arg_type t)
{
	struct width w = { 64, UINT64_MAX, 0 };

	if (t == A_MODE) {
		/* umode_t: the kernel drops bits 16-31 too. */
		w.bits = 16;
		w.full = 0xffff;
	} else if (arg_type_is_32bit(t)) {
		w.bits = 32;
		w.full = 0xffffffff;
		switch (t) {
		case A_INT:
		case A_FD:
		case A_DIRFD:
		case A_AF:
		case A_SOCKTYPE:
		case A_OFLAGS:
		case A_FCNTL:
		case A_SIGNAL:
		case A_PRCTL:
			/* int in the kernel: -1 < 0 < 3, AT_FDCWD < 0. */
			w.flip = 0x80000000;
			break;
		default:
			break;
		}
	}
	return w;
}

/* A value fits a W-bit argument as an unsigned number or sign-extended
 * (-100 as 0xffffffffffffff9c). */
static bool fits(uint64_t v, const struct width *w)
{
	return (v & ~w->full) == 0 || (v | (w->full >> 1)) == UINT64_MAX;
}

static uint64_t order(uint64_t v, const struct width *w)
{
	return (v & w->full) ^ w->flip;
}

/* Interval sets: sorted, disjoint.  *N is at most the number of
 * comparisons + 1, since each comparison's set has at most two intervals
 * and intersecting with it adds at most one. */
static size_t ival_and(const struct ival *a, size_t na, const struct ival *b,
		       size_t nb, struct ival *out)
{
	size_t i = 0, j = 0, n = 0;

	while (i < na && j < nb) {
		uint64_t lo = a[i].lo > b[j].lo ? a[i].lo : b[j].lo;
		uint64_t hi = a[i].hi < b[j].hi ? a[i].hi : b[j].hi;

		if (lo <= hi)
			out[n++] = (struct ival){ lo, hi };
		if (a[i].hi < b[j].hi)
			i++;
		else
			j++;
	}
	return n;
}

/* The set of a full-width comparison, in order space. */
static size_t ival_of(enum scmp_compare op, uint64_t t, uint64_t max,
		      struct ival *out)
{
	switch (op) {
	case SCMP_CMP_EQ:
		out[0] = (struct ival){ t, t };
		return 1;
	case SCMP_CMP_NE: {
		size_t n = 0;

		if (t > 0)
			out[n++] = (struct ival){ 0, t - 1 };
		if (t < max)
			out[n++] = (struct ival){ t + 1, max };
		return n;
	}
	case SCMP_CMP_LT:
		if (t == 0)
			return 0;
		out[0] = (struct ival){ 0, t - 1 };
		return 1;
	case SCMP_CMP_LE:
		out[0] = (struct ival){ 0, t };
		return 1;
	case SCMP_CMP_GT:
		if (t == max)
			return 0;
		out[0] = (struct ival){ t + 1, max };
		return 1;
	case SCMP_CMP_GE:
		out[0] = (struct ival){ t, max };
		return 1;
	case _SCMP_CMP_MIN:
	case SCMP_CMP_MASKED_EQ:
	case _SCMP_CMP_MAX:
	default:
		return 0;
	}
}

struct cubes {
	size_t n;
	struct cube v[RULE_MAX_RULES];
};

static int cube_push(struct cubes *cs, uint64_t mask, uint64_t val)
{
	if (cs->n == RULE_MAX_RULES)
		return -1;
	cs->v[cs->n++] = (struct cube){ mask, val & mask };
	return 0;
}

/* Appends the aligned blocks covering [LO, HI] (order space), back in
 * value space. */
static int cube_blocks(struct cubes *cs, uint64_t lo, uint64_t hi,
		       const struct width *w)
{
	for (;;) {
		unsigned k = lo ? (unsigned)__builtin_ctzll(lo) : w->bits;
		uint64_t span;

		if (k > w->bits)
			k = w->bits;
		/* The largest aligned block starting at LO that ends by HI. */
		for (;; k--) {
			span = k == 64 ? UINT64_MAX : ((uint64_t)1 << k) - 1;
			if (span <= hi - lo)
				break;
		}
		if (cube_push(cs, ~span & w->full, lo ^ w->flip) < 0)
			return -1;
		if (hi - lo == span)
			return 0;
		lo += span + 1;
	}
}

/* CS := CS ∩ { x : (x & M) == V }.  Never grows. */
static void cube_and_one(struct cubes *cs, uint64_t m, uint64_t v)
{
	size_t n = 0;

	for (size_t i = 0; i < cs->n; i++) {
		struct cube c = cs->v[i];

		if ((c.val ^ v) & c.mask & m)
			continue;
		cs->v[n++] = (struct cube){ c.mask | m, c.val | v };
	}
	cs->n = n;
}

/* CS := CS ∩ { x : (x & M) != V }, V within M. */
static int cube_and_not(struct cubes *cs, uint64_t m, uint64_t v,
			struct cubes *tmp)
{
	tmp->n = 0;
	for (size_t i = 0; i < cs->n; i++) {
		uint64_t prefix = 0;

		/* Disjoint pieces: x agrees with V on the bits of M above
		 * bit B and differs at B. */
		for (int b = 63; b >= 0; b--) {
			uint64_t bit = (uint64_t)1 << b;
			struct cube c = cs->v[i];

			if (!(m & bit))
				continue;
			if (!((c.val ^ v) & c.mask & prefix) &&
			    !((c.val ^ ~v) & c.mask & bit)) {
				if (cube_push(tmp, c.mask | prefix | bit,
					      c.val | (v & prefix) |
					      (~v & bit)) < 0)
					return -1;
			}
			prefix |= bit;
		}
	}
	memcpy(cs->v, tmp->v, tmp->n * sizeof(tmp->v[0]));
	cs->n = tmp->n;
	return 0;
}

static int too_many(struct err *e, unsigned arg)
{
	return err_set(e, "the conditions on arg%u need more than %d "
		       "libseccomp rules; split the range or compare fewer "
		       "values", arg, RULE_MAX_RULES);
}

/* Scratch space for one argument, on the heap (it is large). */
struct work {
	struct cubes cs, tmp;
	struct ival iv[RULE_MAX_CMPS + 1], piece[2], next[RULE_MAX_CMPS + 2];
};

/* The alternatives for argument ARG in conjunction C. */
static int arg_alts(const struct rule_conj *c, unsigned arg,
		    const struct width *w, struct alts *a, struct work *k,
		    struct err *e)
{
	uint64_t M = 0, V = 0, max = w->full;
	size_t niv = 1;
	bool never = false;

	a->any = false;
	a->n = 0;
	k->iv[0] = (struct ival){ 0, max };
	for (size_t i = 0; i < c->n; i++) {
		const struct rule_cmp *m = &c->cmp[i];
		uint64_t mask = m->mask & w->full, v = m->value & w->full;

		if (m->arg != arg)
			continue;
		if (!fits(m->value, w) || !fits(m->mask, w))
			return err_set(e, "0x%" PRIx64 " does not fit in "
				       "arg%u, of which the kernel reads only "
				       "%u bits",
				       fits(m->value, w) ? m->mask : m->value,
				       arg, w->bits);
		if (mask == w->full) {
			size_t np = ival_of(m->op, order(v, w), max, k->piece);

			niv = ival_and(k->iv, niv, k->piece, np, k->next);
			memcpy(k->iv, k->next, niv * sizeof(k->iv[0]));
			continue;
		}
		if (m->op != SCMP_CMP_EQ && m->op != SCMP_CMP_NE)
			return err_set(e, "arg%u: a masked comparison must use "
				       "== or !=", arg);
		if (m->op == SCMP_CMP_EQ) {
			/* Bits of V outside the mask: never equal. */
			if ((v & ~mask) || ((V ^ v) & M & mask))
				never = true;
			M |= mask;
			V |= v;
		}
	}
	if (never || niv == 0)
		return 0;
	k->cs.n = 0;
	for (size_t i = 0; i < niv; i++)
		if (cube_blocks(&k->cs, k->iv[i].lo, k->iv[i].hi, w) < 0)
			return too_many(e, arg);
	cube_and_one(&k->cs, M, V);
	for (size_t i = 0; i < c->n && k->cs.n; i++) {
		const struct rule_cmp *m = &c->cmp[i];
		uint64_t mask = m->mask & w->full, v = m->value & w->full;

		if (m->arg != arg || m->op != SCMP_CMP_NE ||
		    mask == w->full || (v & ~mask))
			continue;
		if (cube_and_not(&k->cs, mask, v, &k->tmp) < 0)
			return too_many(e, arg);
	}
	for (size_t i = 0; i < k->cs.n; i++) {
		const struct cube *q = &k->cs.v[i];

		if (q->mask == 0) {
			a->any = true;	/* then it is the only cube */
			a->n = 0;
			return 0;
		}
		a->cmp[a->n++] = q->mask == UINT64_MAX ?
			(struct scmp_arg_cmp){ arg, SCMP_CMP_EQ, q->val, 0 } :
			(struct scmp_arg_cmp){ arg, SCMP_CMP_MASKED_EQ, q->mask,
					       q->val };
	}
	return 0;
}

static bool conj_equal(const struct scmp_conj *a, const struct scmp_conj *b)
{
	if (a->n != b->n)
		return false;
	for (unsigned i = 0; i < a->n; i++)
		if (a->cmp[i].arg != b->cmp[i].arg ||
		    a->cmp[i].op != b->cmp[i].op ||
		    a->cmp[i].datum_a != b->cmp[i].datum_a ||
		    a->cmp[i].datum_b != b->cmp[i].datum_b)
			return false;
	return true;
}

/* Appends the cross product of the six argument sets A to OUT. */
static int product(struct alts *a, struct scmp_rules *out, struct err *e)
{
	size_t idx[6] = { 0 }, count = 1;

	for (unsigned i = 0; i < 6; i++) {
		if (a[i].any)
			continue;
		if (a[i].n == 0)
			return 0;	/* contradictory: matches nothing */
		if (count > (RULE_MAX_RULES - out->n) / a[i].n)
			return err_set(e, "the rule needs more than %d "
				       "libseccomp rules (a range or != costs "
				       "up to 32 of them on an int, 64 on a "
				       "64-bit argument, and conditions on "
				       "several arguments multiply)",
				       RULE_MAX_RULES);
		count *= a[i].n;
	}
	if (count > RULE_MAX_RULES - out->n)
		return err_set(e, "the rule needs more than %d libseccomp "
			       "rules; split it into several rules",
			       RULE_MAX_RULES);
	for (;;) {
		struct scmp_conj *c = &out->v[out->n];
		unsigned i;
		size_t j;

		c->n = 0;
		for (i = 0; i < 6; i++)
			if (!a[i].any)
				c->cmp[c->n++] = a[i].cmp[idx[i]];
		for (j = 0; j < out->n; j++)
			if (conj_equal(&out->v[j], c))
				break;
		if (j == out->n)
			out->n++;
		/* Next combination, odometer style. */
		for (i = 0; i < 6; i++) {
			if (a[i].any)
				continue;
			if (++idx[i] < a[i].n)
				break;
			idx[i] = 0;
		}
		if (i == 6)
			return 0;
	}
}

int rule_compile(const struct rule_expr *expr, int nr, struct scmp_rules *out,
		 struct err *e)
{
	const struct sys_args *sa = sys_args(nr);
	struct alts *a = NULL;
	struct work *k = NULL;

	out->n = 0;
	out->v = calloc(RULE_MAX_RULES, sizeof(*out->v));
	a = calloc(6, sizeof(*a));
	k = malloc(sizeof(*k));
	if (!out->v || !a || !k) {
		err_set(e, "out of memory");
		goto bad;
	}
	for (size_t i = 0; i < expr->n; i++) {
		const struct rule_conj *c = &expr->conj[i];

		if (c->n > RULE_MAX_CMPS) {
			err_set(e, "too many comparisons in one rule (at most "
				"%d)", RULE_MAX_CMPS);
			goto bad;
		}
		for (size_t j = 0; j < c->n; j++) {
			unsigned arg = c->cmp[j].arg;

			if (arg > 5) {
				err_set(e, "argument index %u out of range 0-5",
					arg);
				goto bad;
			}
			if (c->cmp[j].op < SCMP_CMP_NE ||
			    c->cmp[j].op > SCMP_CMP_GT) {
				err_set(e, "arg%u: unknown comparison %d", arg,
					(int)c->cmp[j].op);
				goto bad;
			}
			if (sa && (arg >= sa->argc ||
				   sa->type[arg] == A_NONE)) {
				const char *name = sys_name(nr);

				err_set(e, "%s has no argument arg%u (it takes "
					"%u)", name ? name : "this syscall",
					arg, sa->argc);
				goto bad;
			}
		}
		for (unsigned arg = 0; arg < 6; arg++) {
			struct width w = arg_width(sa ? sa->type[arg] : A_HEX);

			if (arg_alts(c, arg, &w, &a[arg], k, e) < 0)
				goto bad;
		}
		if (product(a, out, e) < 0)
			goto bad;
	}
	/* A conjunction without conditions matches every call: the others
	 * add nothing. */
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].n == 0) {
			out->v[0].n = 0;
			out->n = 1;
			break;
		}
	free(a);
	free(k);
	return 0;
bad:
	free(a);
	free(k);
	scmp_rules_free(out);
	return -1;
}
