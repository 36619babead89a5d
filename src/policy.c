/* The seccomp policy: merging what every source said, and compiling it
 * with libseccomp into the filters described in policy.h. */
#include "policy.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "baseline.h"
#include "groups.h"
#include "strv.h"
#include "syscalls.h"

#define MAX_EXPR_TERMS 256
#define GROUP_DEPTH 8

/* ---------------------------------------------------------------- model */

static int push_rule(struct policy *p, const struct sys_rule *r, struct err *e)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct sys_rule *v = realloc(p->rules, cap * sizeof(*v));

		if (!v)
			return err_sys(e, "out of memory");
		p->rules = v;
		p->cap = cap;
	}
	p->rules[p->n++] = *r;
	return 0;
}

static int unknown_syscall(const char *name, struct err *e)
{
	const char *s = sys_suggest(name);

	if (s)
		return err_set(e, "unknown syscall '%s' (did you mean '%s'?)", name, s);
	return err_set(e, "unknown syscall '%s' (see jail --list syscalls)", name);
}

static int add_group(struct policy *p, const char *name, bool deny,
		     bool startup, unsigned depth, struct err *e);

/* Adds one LIST item: a syscall name or number, or an @group. */
static int add_item(struct policy *p, const char *item, bool deny, bool startup,
		    unsigned depth, struct err *e)
{
	struct sys_rule r = { .deny = deny, .startup = startup };

	if (item[0] == '@')
		return add_group(p, item, deny, startup, depth, e);
	r.nr = sys_number(item);
	if (r.nr < 0) {
		/* A profile written for another architecture still loads. */
		if (sys_known_elsewhere(item))
			return 0;
		return unknown_syscall(item, e);
	}
	return push_rule(p, &r, e);
}

static int add_group(struct policy *p, const char *name, bool deny,
		     bool startup, unsigned depth, struct err *e)
{
	const struct sys_group *g = group_find(name);

	if (!g)
		return err_set(e, "unknown group '%s' (see jail --list groups)", name);
	if (depth > GROUP_DEPTH)
		return err_set(e, "group '%s' nests too deeply", name);
	if (!g->members) {	/* every syscall jail knows */
		const char *sname;
		int nr;

		for (size_t i = 0; sys_iter(i, &sname, &nr); i++) {
			struct sys_rule r = { .nr = nr, .deny = deny, .startup = startup };

			if (push_rule(p, &r, e) < 0)
				return -1;
		}
		return 0;
	}
	for (const char *const *m = g->members; *m; m++)
		if (add_item(p, *m, deny, startup, depth + 1, e) < 0)
			return -1;
	return 0;
}

/* "NAME: EXPR" is a rule; anything else is a LIST. */
static const char *rule_colon(const char *spec)
{
	const char *p = spec;

	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')
		p++;
	if (p == spec)
		return NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != ':')
		return NULL;
	for (const char *q = p + 1; *q; q++) {
		if (*q == ' ' || *q == '\t')
			continue;
		return strncmp(q, "arg", 3) == 0 ? p : NULL;
	}
	return NULL;
}

static int add_rule(struct policy *p, const char *spec, const char *colon,
		    bool deny, bool startup, size_t *col, struct err *e)
{
	struct sys_rule r = { .deny = deny, .startup = startup, .cond = true };
	size_t n = (size_t)(colon - spec), ecol = 0;
	char name[64];

	while (n && (spec[n - 1] == ' ' || spec[n - 1] == '\t'))
		n--;
	if (n >= sizeof(name))
		return err_set(e, "syscall name too long");
	memcpy(name, spec, n);
	name[n] = '\0';
	r.nr = sys_number(name);
	if (r.nr < 0) {
		if (sys_known_elsewhere(name))
			return 0;
		return unknown_syscall(name, e);
	}
	if (rule_parse(colon + 1, &r.expr, &ecol, e) < 0) {
		*col = (size_t)(colon + 1 - spec) + ecol;
		return -1;
	}
	/* Compiled once here too, so that what libseccomp cannot express is
	 * reported where it was written. */
	{
		struct scmp_rules check = { 0 };

		if (rule_compile(&r.expr, r.nr, &check, e) < 0) {
			rule_expr_free(&r.expr);
			*col = (size_t)(colon + 1 - spec);
			return -1;
		}
		scmp_rules_free(&check);
	}
	r.text = strdup(colon + 1);
	if (!r.text || push_rule(p, &r, e) < 0) {
		rule_expr_free(&r.expr);
		free(r.text);
		return err_sys(e, "out of memory");
	}
	return 0;
}

int policy_add(struct policy *p, const char *spec, bool deny, bool startup,
	       size_t *col, struct err *e)
{
	const char *colon, *s = spec;

	while (*s == ' ' || *s == '\t')
		s++;
	colon = rule_colon(s);
	if (colon) {
		if (add_rule(p, s, colon, deny, startup, col, e) < 0) {
			*col += (size_t)(s - spec);
			return -1;
		}
	} else {
		const char *item = s;

		if (!*s)
			return err_set(e, "empty list");
		for (;;) {
			size_t len = strcspn(item, ",:");
			char buf[128];
			size_t b = 0, lead = 0;

			while (lead < len && (item[lead] == ' ' || item[lead] == '\t'))
				lead++;
			while (len > lead && (item[len - 1] == ' ' || item[len - 1] == '\t'))
				len--;
			*col = (size_t)(item - spec) + lead;
			if (len == lead)
				return err_set(e, "empty item in list '%s'", spec);
			if (len - lead >= sizeof(buf))
				return err_set(e, "name too long in list");
			for (size_t i = lead; i < len; i++)
				buf[b++] = item[i];
			buf[b] = '\0';
			if (add_item(p, buf, deny, startup, 0, e) < 0)
				return -1;
			item += strcspn(item, ",:");
			if (!*item)
				break;
			item++;
		}
	}
	if (!deny)
		p->allowlist = true;
	return 0;
}

void policy_free(struct policy *p)
{
	for (size_t i = 0; i < p->n; i++) {
		rule_expr_free(&p->rules[i].expr);
		free(p->rules[i].text);
	}
	free(p->rules);
	memset(p, 0, sizeof(*p));
}

bool policy_empty(const struct policy *p)
{
	return p->n == 0;
}

/* ---------------------------------------------------------------- expressions */

static int expr_copy(struct rule_expr *dst, const struct rule_expr *src)
{
	dst->n = 0;
	dst->conj = calloc(src->n ? src->n : 1, sizeof(*dst->conj));
	if (!dst->conj)
		return -1;
	for (size_t i = 0; i < src->n; i++) {
		struct rule_conj *c = &dst->conj[i];

		c->n = src->conj[i].n;
		c->cmp = malloc((c->n ? c->n : 1) * sizeof(*c->cmp));
		if (!c->cmp)
			return -1;
		memcpy(c->cmp, src->conj[i].cmp, c->n * sizeof(*c->cmp));
		dst->n++;
	}
	return 0;
}

/* DST |= SRC */
static int expr_or(struct rule_expr *dst, const struct rule_expr *src)
{
	struct rule_expr add;
	struct rule_conj *v;

	if (expr_copy(&add, src) < 0) {
		rule_expr_free(&add);
		return -1;
	}
	v = realloc(dst->conj, (dst->n + add.n + 1) * sizeof(*v));
	if (!v) {
		rule_expr_free(&add);
		return -1;
	}
	memcpy(v + dst->n, add.conj, add.n * sizeof(*v));
	dst->conj = v;
	dst->n += add.n;
	free(add.conj);
	return 0;
}

/* OUT = A && B, by distributing the conjunctions. */
static int expr_and(const struct rule_expr *a, const struct rule_expr *b,
		    struct rule_expr *out)
{
	out->n = 0;
	if (a->n * b->n > MAX_EXPR_TERMS)
		return -1;
	out->conj = calloc(a->n * b->n + 1, sizeof(*out->conj));
	if (!out->conj)
		return -1;
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++) {
			struct rule_conj *c = &out->conj[out->n];
			size_t n = a->conj[i].n + b->conj[j].n;

			c->cmp = malloc((n ? n : 1) * sizeof(*c->cmp));
			if (!c->cmp)
				return -1;
			memcpy(c->cmp, a->conj[i].cmp, a->conj[i].n * sizeof(*c->cmp));
			memcpy(c->cmp + a->conj[i].n, b->conj[j].cmp,
			       b->conj[j].n * sizeof(*c->cmp));
			c->n = n;
			out->n++;
		}
	return 0;
}

static enum scmp_compare negate_op(enum scmp_compare op)
{
	switch (op) {
	case SCMP_CMP_EQ: return SCMP_CMP_NE;
	case SCMP_CMP_NE: return SCMP_CMP_EQ;
	case SCMP_CMP_LT: return SCMP_CMP_GE;
	case SCMP_CMP_GE: return SCMP_CMP_LT;
	case SCMP_CMP_LE: return SCMP_CMP_GT;
	case SCMP_CMP_GT: return SCMP_CMP_LE;
	default: return op;
	}
}

/* OUT = !A.  !(c1 || c2) = !c1 && !c2, and !(x && y) = !x || !y. */
static int expr_not(const struct rule_expr *a, struct rule_expr *out)
{
	struct rule_expr acc = { 0 };

	/* "true": one conjunction without comparisons */
	acc.conj = calloc(1, sizeof(*acc.conj));
	if (!acc.conj)
		return -1;
	acc.conj[0].cmp = malloc(sizeof(struct rule_cmp));
	acc.n = 1;
	for (size_t i = 0; i < a->n; i++) {
		const struct rule_conj *c = &a->conj[i];
		struct rule_expr neg = { 0 }, next;

		neg.conj = calloc(c->n + 1, sizeof(*neg.conj));
		if (!neg.conj)
			goto fail;
		for (size_t j = 0; j < c->n; j++) {
			neg.conj[j].cmp = malloc(sizeof(struct rule_cmp));
			if (!neg.conj[j].cmp) {
				rule_expr_free(&neg);
				goto fail;
			}
			neg.conj[j].cmp[0] = c->cmp[j];
			neg.conj[j].cmp[0].op = negate_op(c->cmp[j].op);
			neg.conj[j].n = 1;
			neg.n++;
		}
		if (expr_and(&acc, &neg, &next) < 0) {
			rule_expr_free(&neg);
			rule_expr_free(&next);
			goto fail;
		}
		rule_expr_free(&neg);
		rule_expr_free(&acc);
		acc = next;
	}
	*out = acc;
	return 0;
fail:
	rule_expr_free(&acc);
	return -1;
}

/* ---------------------------------------------------------------- resolution */

void resolution_free(struct resolution *r)
{
	for (size_t i = 0; i < r->n; i++) {
		rule_expr_free(&r->sys[i].allow_if);
		rule_expr_free(&r->sys[i].deny_if);
	}
	free(r->sys);
	r->sys = NULL;
	r->n = 0;
}

/* Merges every rule: allows are united, a deny beats an allow. */
int policy_resolve(const struct policy *p, struct resolution *out, struct err *e)
{
	size_t n = (size_t)sys_max() + 1;
	bool *allow_all, *deny_all, *startup_all;
	struct rule_expr *allow_c, *deny_c;
	int r = -1;

	out->sys = calloc(n, sizeof(*out->sys));
	allow_all = calloc(n, sizeof(bool));
	deny_all = calloc(n, sizeof(bool));
	startup_all = calloc(n, sizeof(bool));
	allow_c = calloc(n, sizeof(*allow_c));
	deny_c = calloc(n, sizeof(*deny_c));
	out->n = n;
	if (!out->sys || !allow_all || !deny_all || !startup_all || !allow_c || !deny_c) {
		err_sys(e, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < p->n; i++) {
		const struct sys_rule *sr = &p->rules[i];

		if (sr->nr < 0 || (size_t)sr->nr >= n)
			continue;
		if (!sr->cond) {
			if (sr->deny)
				deny_all[sr->nr] = true;
			else if (sr->startup)
				startup_all[sr->nr] = true;
			else
				allow_all[sr->nr] = true;
		} else if (expr_or(sr->deny ? &deny_c[sr->nr] : &allow_c[sr->nr],
				   &sr->expr) < 0) {
			err_sys(e, "out of memory");
			goto done;
		}
	}
	for (size_t nr = 0; nr < n; nr++) {
		struct resolved_sys *rs = &out->sys[nr];
		bool allowed = allow_all[nr] || startup_all[nr];

		rs->startup_only = startup_all[nr] && !allow_all[nr] && !allow_c[nr].n;
		if (deny_all[nr]) {
			rs->v = V_DENY;
		} else if (p->allowlist) {
			struct rule_expr notdeny;

			if (!allowed && !allow_c[nr].n) {
				rs->v = V_DEFAULT;
				continue;
			}
			if (!deny_c[nr].n && allowed) {
				rs->v = V_ALLOW;
				continue;
			}
			rs->v = V_COND;
			if (deny_c[nr].n) {
				if (expr_not(&deny_c[nr], &notdeny) < 0)
					goto toobig;
			} else {
				notdeny.conj = calloc(1, sizeof(*notdeny.conj));
				notdeny.n = notdeny.conj ? 1 : 0;
				if (notdeny.conj)
					notdeny.conj[0].cmp = malloc(sizeof(struct rule_cmp));
			}
			if (allowed) {
				rs->allow_if = notdeny;
			} else {
				int ar = expr_and(&allow_c[nr], &notdeny, &rs->allow_if);

				rule_expr_free(&notdeny);
				if (ar < 0)
					goto toobig;
			}
		} else if (deny_c[nr].n) {
			rs->v = V_COND;
			if (expr_copy(&rs->deny_if, &deny_c[nr]) < 0)
				goto toobig;
		} else {
			rs->v = V_DEFAULT;
		}
		continue;
toobig:
		err_set(e, "the rules for syscall '%s' combine into more than %d alternatives",
			sys_name((int)nr) ? sys_name((int)nr) : "?", MAX_EXPR_TERMS);
		goto done;
	}
	r = 0;
done:
	if (allow_c)
		for (size_t i = 0; i < n; i++)
			rule_expr_free(&allow_c[i]);
	if (deny_c)
		for (size_t i = 0; i < n; i++)
			rule_expr_free(&deny_c[i]);
	free(allow_c);
	free(deny_c);
	free(allow_all);
	free(deny_all);
	free(startup_all);
	if (r < 0)
		resolution_free(out);
	return r;
}

/* ---------------------------------------------------------------- compiling */

/* Overridden by the generated src/baseline-bpf.c where it is linked in. */
__attribute__((weak)) bool baseline_precompiled(bool shared_pid, bool memfd_seal,
						struct bpf_prog *out)
{
	(void)shared_pid;
	(void)memfd_seal;
	(void)out;
	return false;
}

static int export_prog(scmp_filter_ctx ctx, struct bpf_prog *out, struct err *e)
{
	int fd = memfd_create("jail-bpf", MFD_CLOEXEC);
	off_t size;
	int r;

	if (fd < 0)
		return err_sys(e, "memfd_create");
	r = seccomp_export_bpf(ctx, fd);
	if (r < 0) {
		close(fd);
		errno = -r;
		return err_sys(e, "libseccomp could not compile the filter");
	}
	size = lseek(fd, 0, SEEK_END);
	if (size <= 0 || size % sizeof(struct sock_filter)) {
		close(fd);
		return err_set(e, "libseccomp produced a malformed filter");
	}
	out->len = (size_t)size / sizeof(struct sock_filter);
	out->insns = malloc((size_t)size);
	if (!out->insns || pread(fd, out->insns, (size_t)size, 0) != size) {
		close(fd);
		free(out->insns);
		out->insns = NULL;
		return err_sys(e, "reading the compiled filter");
	}
	close(fd);
	return 0;
}

#if defined(__x86_64__)
#define NATIVE_AUDIT_ARCH AUDIT_ARCH_X86_64
#define X32_BIT 0x40000000u
#elif defined(__aarch64__)
#define NATIVE_AUDIT_ARCH AUDIT_ARCH_AARCH64
#define X32_BIT 0u
#else
#error "jail knows x86_64 and aarch64"
#endif

/* Prepends to PROG: a native syscall numbered above the highest jail knows
 * fails with ENOSYS (libc then falls back, as on an older kernel).  This
 * cannot be said in libseccomp's terms, which name syscalls one by one;
 * libseccomp's own jumps are relative, so prepending keeps them right.
 * The kernel's constant-action cache still applies: the guard only reads
 * the architecture and the number. */
static int prepend_enosys_guard(struct bpf_prog *prog, struct err *e)
{
	const struct sock_filter guard[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_AUDIT_ARCH, 0, 4),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, (unsigned)sys_max(), 0, 2),
		/* x32 numbers are above too: leave them to the arch check. */
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, X32_BIT ? X32_BIT : 0x80000000u, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
	};
	size_t n = sizeof(guard) / sizeof(guard[0]);
	struct sock_filter *v;

	if (prog->len + n > BPF_MAXINSNS)
		return err_set(e, "the filter is too large (%zu instructions)", prog->len + n);
	v = malloc((prog->len + n) * sizeof(*v));
	if (!v)
		return err_sys(e, "out of memory");
	memcpy(v, guard, sizeof(guard));
	memcpy(v + n, prog->insns, prog->len * sizeof(*v));
	free(prog->insns);
	prog->insns = v;
	prog->len += n;
	return 0;
}

int bpf_chain(const struct bpf_prog *first, const struct bpf_prog *then,
	      struct bpf_prog *out, struct err *e)
{
	size_t n = first->len + then->len;

	if (n > BPF_MAXINSNS)
		return err_set(e, "the combined filter is too large (%zu instructions)", n);
	out->insns = malloc(n * sizeof(*out->insns));
	if (!out->insns)
		return err_sys(e, "out of memory");
	out->len = n;
	memcpy(out->insns, first->insns, first->len * sizeof(*out->insns));
	memcpy(out->insns + first->len, then->insns, then->len * sizeof(*out->insns));
	/* Where FIRST would allow, go on to THEN: a forward jump to its
	 * start.  THEN loads what it needs itself (libseccomp's programs
	 * assume nothing in the accumulator), so nothing else changes. */
	for (size_t i = 0; i < first->len; i++)
		if (out->insns[i].code == (BPF_RET | BPF_K) &&
		    out->insns[i].k == SECCOMP_RET_ALLOW)
			out->insns[i] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JA,
				(unsigned)(first->len - i - 1), 0, 0);
	return 0;
}

void bpf_notify_to_kill(struct bpf_prog *prog)
{
	for (size_t i = 0; i < prog->len; i++)
		if (prog->insns[i].code == (BPF_RET | BPF_K) &&
		    (prog->insns[i].k & SECCOMP_RET_ACTION_FULL) == SECCOMP_RET_USER_NOTIF)
			prog->insns[i].k = SECCOMP_RET_KILL_PROCESS;
}

static scmp_filter_ctx new_ctx(uint32_t def, struct err *e)
{
	scmp_filter_ctx ctx = seccomp_init(def);

	if (!ctx) {
		err_set(e, "libseccomp could not create a filter");
		return NULL;
	}
	/* jail sets no_new_privs itself, in the privileges step. */
	seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
	seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
	/* A binary tree of syscall numbers: fewer comparisons per syscall
	 * than the default linear list.  Not every libseccomp has it. */
	seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	return ctx;
}

static int add_or_fail(scmp_filter_ctx ctx, uint32_t action, int nr,
		       const struct scmp_conj *c, struct err *e)
{
	int r = c ? seccomp_rule_add_exact_array(ctx, action, nr, c->n, c->cmp)
		  : seccomp_rule_add_exact(ctx, action, nr, 0);

	/* -EEXIST: already there; -EACCES: the action is the default one. */
	if (r < 0 && r != -EEXIST && r != -EACCES) {
		errno = -r;
		return err_sys(e, "libseccomp refused a rule for '%s'",
			       sys_name(nr) ? sys_name(nr) : "?");
	}
	return 0;
}

static const uint64_t ns_flags[] = {
	CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC,
	CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET,
};

int policy_compile_baseline(const struct compile_opts *o, struct bpf_prog *out,
			    struct err *e)
{
	scmp_filter_ctx ctx = new_ctx(SCMP_ACT_ALLOW, e);
	int r = -1;

	if (!ctx)
		return -1;
	for (size_t i = 0; i < baseline_rules_len; i++) {
		const struct baseline_rule *b = &baseline_rules[i];
		uint32_t act = SCMP_ACT_ERRNO((uint32_t)b->errnum);
		int nr = sys_number(b->name);

		if (nr < 0)
			continue;
		switch (b->cond) {
		case BL_SHARED_PID:
			if (!o->shared_pid)
				break;
			/* fall through */
		case BL_ALWAYS:
			if (add_or_fail(ctx, act, nr, NULL, e) < 0)
				goto done;
			break;
		case BL_NS_FLAGS:
			for (size_t f = 0; f < sizeof(ns_flags) / sizeof(ns_flags[0]); f++) {
				struct scmp_conj c = { 1, { SCMP_A0(SCMP_CMP_MASKED_EQ, ns_flags[f], ns_flags[f]) } };

				if (add_or_fail(ctx, act, nr, &c, e) < 0)
					goto done;
			}
			/* CLONE_NEWTIME shares its bit with clone()'s exit signal. */
			if (strcmp(b->name, "clone") != 0) {
				struct scmp_conj c = { 1, { SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_NEWTIME, CLONE_NEWTIME) } };

				if (add_or_fail(ctx, act, nr, &c, e) < 0)
					goto done;
			}
			break;
		case BL_VSOCK: {
			struct scmp_conj c = { 1, { SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffffu, 40 /* AF_VSOCK */) } };

			if (add_or_fail(ctx, act, nr, &c, e) < 0)
				goto done;
			break;
		}
		case BL_MEMFD_EXEC: {
			struct scmp_conj c = { 1, { SCMP_A1(SCMP_CMP_MASKED_EQ, 0x10u /* MFD_EXEC */, 0x10u) } };
			/* Where vm.memfd_noexec could not be set (unprivileged),
			 * a memfd is executable unless sealed so: with /proc
			 * it could be run as /proc/self/fd/N. */
			struct scmp_conj unsealed = { 1, { SCMP_A1(SCMP_CMP_MASKED_EQ, 0x8u /* MFD_NOEXEC_SEAL */, 0) } };

			if (add_or_fail(ctx, act, nr, &c, e) < 0 ||
			    (o->memfd_seal && add_or_fail(ctx, act, nr, &unsealed, e) < 0))
				goto done;
			break;
		}
		case BL_FD_EXEC: {
			struct scmp_conj c = { 1, { SCMP_A4(SCMP_CMP_MASKED_EQ, 0x1000u /* AT_EMPTY_PATH */, 0x1000u) } };

			if (add_or_fail(ctx, act, nr, &c, e) < 0)
				goto done;
			break;
		}
		case BL_TTY_INJECT: {
			/* The kernel reads cmd as 32 bits: compare only those,
			 * so TIOCSTI | 1<<32 is caught too. */
			struct scmp_conj sti = { 1, { SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCSTI) } };
			struct scmp_conj lnx = { 1, { SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCLINUX) } };

			if (add_or_fail(ctx, act, nr, &sti, e) < 0 ||
			    add_or_fail(ctx, act, nr, &lnx, e) < 0)
				goto done;
			break;
		}
		}
	}
	r = export_prog(ctx, out, e);
done:
	seccomp_release(ctx);
	return r;
}

static int add_expr(scmp_filter_ctx ctx, uint32_t act, int nr,
		    const struct rule_expr *x, struct err *e)
{
	struct scmp_rules rules = { 0 };

	if (rule_compile(x, nr, &rules, e) < 0)
		return err_wrap(e, "%s", sys_name(nr) ? sys_name(nr) : "?");
	for (size_t i = 0; i < rules.n; i++)
		if (add_or_fail(ctx, act, nr, rules.v[i].n ? &rules.v[i] : NULL, e) < 0) {
			scmp_rules_free(&rules);
			return -1;
		}
	scmp_rules_free(&rules);
	return 0;
}

static bool is_exec(int nr)
{
	const char *n = sys_name(nr);

	return n && (strcmp(n, "execve") == 0 || strcmp(n, "execveat") == 0);
}

bool baseline_always(int nr, bool shared_pid, int *errnum)
{
	const char *name = sys_name(nr);

	if (!name)
		return false;
	for (size_t i = 0; i < baseline_rules_len; i++) {
		const struct baseline_rule *b = &baseline_rules[i];

		if ((b->cond == BL_ALWAYS || (b->cond == BL_SHARED_PID && shared_pid)) &&
		    strcmp(b->name, name) == 0) {
			*errnum = b->errnum;
			return true;
		}
	}
	return false;
}

static bool denies(const struct policy *p, const struct resolved_sys *rs)
{
	return rs->v == V_DENY || rs->v == V_COND || (rs->v == V_DEFAULT && p->allowlist);
}

static int compile_user(const struct policy *p, const struct resolution *res,
			const struct compile_opts *o, struct compiled *out,
			struct err *e)
{
	bool listener;
	uint32_t deny;
	scmp_filter_ctx ctx;
	int r = -1;

	for (size_t nr = 0; nr < res->n; nr++)
		if (is_exec((int)nr) && denies(p, &res->sys[nr]))
			out->deny_exec = true;
	/* A listener reports kills by name, and is what lets jail's own
	 * execve through when the policy denies execve. */
	listener = o->learn || o->stage_main ||
		   (o->notify && (!p->errnum || (out->deny_exec && !o->in_target)));
	if (out->deny_exec && !listener && !o->in_target)
		return err_set(e, "denying execve needs jail's seccomp listener, which cannot be had here (jail already runs under a seccomp listener)");
	deny = p->errnum ? SCMP_ACT_ERRNO((uint32_t)p->errnum)
	     : listener ? SCMP_ACT_NOTIFY : SCMP_ACT_KILL_PROCESS;
	/* Learning sees everything; before main everything may be start-up. */
	if (o->learn || o->stage_main)
		deny = SCMP_ACT_NOTIFY;
	ctx = new_ctx(p->allowlist || o->learn ? deny : SCMP_ACT_ALLOW, e);
	if (!ctx)
		return -1;
	for (size_t nr = 0; nr < res->n; nr++) {
		const struct resolved_sys *rs = &res->sys[nr];

		/* With a listener every exec goes to it: the first is jail's
		 * own and is let through, so that the listener reaches jail
		 * before the target runs; later ones get the policy's verdict. */
		if (is_exec((int)nr) && listener) {
			if (add_or_fail(ctx, SCMP_ACT_NOTIFY, (int)nr, NULL, e) < 0)
				goto done;
			continue;
		}
		/* --stage main: what only start-up may call is the listener's
		 * to allow, until the preload library says main begins. */
		if (o->stage_main && rs->v == V_ALLOW && rs->startup_only) {
			if (add_or_fail(ctx, SCMP_ACT_NOTIFY, (int)nr, NULL, e) < 0)
				goto done;
			continue;
		}
		switch (rs->v) {
		case V_DEFAULT:
			break;
		case V_ALLOW:
			if (add_or_fail(ctx, SCMP_ACT_ALLOW, (int)nr, NULL, e) < 0)
				goto done;
			break;
		case V_DENY:
			if (!p->allowlist && add_or_fail(ctx, deny, (int)nr, NULL, e) < 0)
				goto done;
			break;
		case V_COND:
			if (p->allowlist) {
				if (add_expr(ctx, SCMP_ACT_ALLOW, (int)nr, &rs->allow_if, e) < 0)
					goto done;
			} else if (add_expr(ctx, deny, (int)nr, &rs->deny_if, e) < 0) {
				goto done;
			}
			break;
		}
	}
	r = export_prog(ctx, &out->user, e);
	if (r == 0)
		for (size_t i = 0; i < out->user.len; i++)
			if (out->user.insns[i].code == (BPF_RET | BPF_K) &&
			    (out->user.insns[i].k & SECCOMP_RET_ACTION_FULL) == SECCOMP_RET_USER_NOTIF)
				out->user_notifies = true;
done:
	seccomp_release(ctx);
	return r;
}

int policy_compile(const struct policy *p, const struct compile_opts *o,
		   struct compiled *out, struct err *e)
{
	struct resolution res = { 0 };

	memset(out, 0, sizeof(*out));
	/* The baseline is fixed for a build: jail itself carries it compiled
	 * (src/mkbaseline.c); other users of this code compile it here. */
	if (!baseline_precompiled(o->shared_pid, o->memfd_seal, &out->baseline) &&
	    policy_compile_baseline(o, &out->baseline, e) < 0)
		return -1;
	if (!policy_empty(p) || o->learn) {
		if (policy_resolve(p, &res, e) < 0 || compile_user(p, &res, o, out, e) < 0) {
			resolution_free(&res);
			compiled_free(out);
			return -1;
		}
		out->res = res;
		out->allowlist = p->allowlist;
		for (size_t i = 0; i < p->n; i++)
			out->has_startup |= p->rules[i].startup;
	}
	if (prepend_enosys_guard(out->user.len ? &out->user : &out->baseline, e) < 0) {
		compiled_free(out);
		return -1;
	}
	/* One program: the baseline, and the policy where it allows.  The
	 * kernel runs every filter of a process on each syscall its cache
	 * cannot decide, and this way the baseline's verdict comes first
	 * whatever the policy's action. */
	if (out->user.len) {
		struct bpf_prog one;

		if (bpf_chain(&out->baseline, &out->user, &one, e) < 0) {
			compiled_free(out);
			return -1;
		}
		free(out->user.insns);
		free(out->baseline.insns);
		out->user = one;
		out->baseline = (struct bpf_prog){ NULL, 0 };
	}
	return 0;
}

void compiled_free(struct compiled *c)
{
	free(c->baseline.insns);
	free(c->user.insns);
	resolution_free(&c->res);
	memset(c, 0, sizeof(*c));
}

void policy_baseline_overrides(const struct policy *p, bool shared_pid,
			       char *buf, size_t len)
{
	struct strv seen = { 0 };
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < p->n; i++) {
		const struct sys_rule *r = &p->rules[i];
		const char *name = sys_name(r->nr);
		int err;

		if (r->deny || !name || !baseline_always(r->nr, shared_pid, &err))
			continue;
		if (strv_contains(&seen, name))
			continue;
		strv_push(&seen, name);
		used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s%s",
					 used ? ", " : "", name);
		if (used >= len) {
			buf[len - 1] = '\0';
			break;
		}
	}
	strv_free(&seen);
}

static bool cmp_eval(const struct scmp_arg_cmp *c, const uint64_t args[6])
{
	uint64_t a = args[c->arg];

	switch (c->op) {
	case SCMP_CMP_NE: return a != c->datum_a;
	case SCMP_CMP_LT: return a < c->datum_a;
	case SCMP_CMP_LE: return a <= c->datum_a;
	case SCMP_CMP_EQ: return a == c->datum_a;
	case SCMP_CMP_GE: return a >= c->datum_a;
	case SCMP_CMP_GT: return a > c->datum_a;
	case SCMP_CMP_MASKED_EQ: return (a & c->datum_a) == c->datum_b;
	default: return false;
	}
}

/* Evaluated on the compiled rules, so the listener and the kernel agree
 * to the bit (32-bit arguments included). */
static bool expr_matches(const struct rule_expr *x, int nr, const uint64_t args[6])
{
	struct scmp_rules rules = { 0 };
	struct err e;
	bool hit = false;

	if (rule_compile(x, nr, &rules, &e) < 0)
		return false;
	for (size_t i = 0; i < rules.n && !hit; i++) {
		bool all = true;

		for (unsigned k = 0; k < rules.v[i].n && all; k++)
			all = cmp_eval(&rules.v[i].cmp[k], args);
		hit = all;
	}
	scmp_rules_free(&rules);
	return hit;
}

bool policy_allows(const struct compiled *c, int nr, const uint64_t args[6],
		   bool before_main)
{
	const struct resolved_sys *rs;

	if (nr < 0 || (size_t)nr >= c->res.n)
		return false;
	rs = &c->res.sys[nr];
	if (before_main) {
		const char *name = sys_name(nr);

		/* Without allow-startup, start-up may call whatever the
		 * baseline admits; and the preload library's constructor
		 * itself needs fcntl and write to say that main begins. */
		if (!c->has_startup || rs->v == V_ALLOW ||
		    (name && (strcmp(name, "write") == 0 || strcmp(name, "fcntl") == 0)))
			return true;
	} else if (rs->v == V_ALLOW && rs->startup_only) {
		return false;
	}
	switch (rs->v) {
	case V_ALLOW: return true;
	case V_DENY: return false;
	case V_DEFAULT: return !c->allowlist;
	case V_COND:
		return c->allowlist ? expr_matches(&rs->allow_if, nr, args)
				    : !expr_matches(&rs->deny_if, nr, args);
	}
	return false;
}
