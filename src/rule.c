/* Argument rules: the parser and the canonical text form.  The compiler to
 * libseccomp comparisons is in rule-compile.c.
 *
 * The input comes from profiles and the command line, so it is hostile:
 * its length and the number of comparisons and of OR-ed constants are
 * bounded, every number is checked for overflow, and every error names
 * the offending word and its column.
 */
#include "rule.h"
#include "constants.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parser {
	const char *s;
	size_t pos;
	size_t *col;
	struct err *e;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

static bool is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_punct(char c)
{
	return c && strchr("=!<>&|-", c) != NULL;
}

static void skip_space(struct parser *p)
{
	while (is_space(p->s[p->pos]))
		p->pos++;
}

static size_t word_len(const char *s)
{
	size_t n = 0;

	while (is_word(s[n]))
		n++;
	return n;
}

/* Quotes what stands at AT, for messages: "'AF_INTE'", "'<<'", "end of
 * rule".  Long words are cut, so a message always fits. */
static void describe(const char *at, char *buf, size_t len)
{
	size_t n;

	if (!*at) {
		snprintf(buf, len, "end of rule");
		return;
	}
	n = word_len(at);
	if (n == 0)
		while (is_punct(at[n]) && n < 3)
			n++;
	if (n == 0) {
		if ((unsigned char)*at < 0x20 || (unsigned char)*at >= 0x7f)
			snprintf(buf, len, "byte 0x%02x", (unsigned char)*at);
		else
			snprintf(buf, len, "'%c'", *at);
		return;
	}
	if (n > 40)
		snprintf(buf, len, "'%.40s...'", at);
	else
		snprintf(buf, len, "'%.*s'", (int)n, at);
}

static int fail(struct parser *p, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct parser *p, size_t col, const char *fmt, ...)
{
	char msg[sizeof(p->e->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	*p->col = col;
	return err_set(p->e, "%s", msg);
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* A number word of N bytes at S: decimal, 0x hex or 0 octal. */
static int parse_number(struct parser *p, size_t start, const char *s,
			size_t n, uint64_t *out)
{
	unsigned base = 10;
	uint64_t v = 0;
	size_t i = 0;

	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	} else if (n > 1 && s[0] == '0') {
		base = 8;
		i = 1;
	}
	for (; i < n; i++) {
		unsigned d = (unsigned)digit_value(s[i]);

		if (d >= base)
			return fail(p, start, "invalid number '%.*s'",
				    (int)(n > 40 ? 40 : n), s);
		if (v > (UINT64_MAX - d) / base)
			return fail(p, start, "number '%.*s' is too large "
				    "(more than 64 bits)",
				    (int)(n > 40 ? 40 : n), s);
		v = v * base + d;
	}
	*out = v;
	return 0;
}

/* One term of a value: [-]number or CONSTANT. */
static int parse_term(struct parser *p, uint64_t *out)
{
	size_t start = p->pos, n;
	const char *s = p->s + p->pos;
	char what[64], name[65];
	bool neg = false;

	if (s[0] == '-' && is_digit(s[1])) {
		neg = true;
		s++;
	}
	n = word_len(s);
	if (n == 0) {
		describe(s, what, sizeof(what));
		return fail(p, start, "expected a number or a constant, "
			    "found %s", what);
	}
	if (is_digit(s[0])) {
		if (parse_number(p, start, s, n, out) < 0)
			return -1;
		if (neg) {
			/* Two's complement, as the C caller would pass it. */
			if (*out > (uint64_t)1 << 63)
				return fail(p, start, "number '-%.*s' is too "
					    "small (less than -2^63)",
					    (int)(n > 40 ? 40 : n), s);
			*out = (uint64_t)0 - *out;
		}
	} else {
		const char *sug = NULL;

		if (n < sizeof(name)) {
			memcpy(name, s, n);
			name[n] = '\0';
			if (const_lookup(name, out))
				goto done;
			sug = const_suggest(name);
		}
		describe(s, what, sizeof(what));
		if (sug)
			return fail(p, start, "unknown constant %s (did you "
				    "mean '%s'?)", what, sug);
		return fail(p, start, "unknown constant %s", what);
	}
done:
	p->pos = (size_t)(s - p->s) + n;
	return 0;
}

/* value := term ('|' term)* */
static int parse_value(struct parser *p, uint64_t *out)
{
	unsigned terms = 0;

	*out = 0;
	for (;;) {
		uint64_t t;

		skip_space(p);
		if (++terms > RULE_MAX_TERMS)
			return fail(p, p->pos, "too many constants OR-ed in "
				    "one value (at most %d)", RULE_MAX_TERMS);
		if (parse_term(p, &t) < 0)
			return -1;
		*out |= t;
		skip_space(p);
		if (p->s[p->pos] != '|' || p->s[p->pos + 1] == '|')
			return 0;
		p->pos++;
	}
}

static const struct {
	const char *text;
	enum scmp_compare op;
} ops[] = {
	/* Two-character operators first, so "<=" is not read as "<". */
	{ "==", SCMP_CMP_EQ }, { "!=", SCMP_CMP_NE }, { "<=", SCMP_CMP_LE },
	{ ">=", SCMP_CMP_GE }, { "<", SCMP_CMP_LT }, { ">", SCMP_CMP_GT },
};

static const char *op_text(enum scmp_compare op)
{
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (ops[i].op == op)
			return ops[i].text;
	return "?";
}

/* cmp := 'arg'N [ '&' value ] op value */
static int parse_cmp(struct parser *p, struct rule_cmp *c)
{
	const char *s = p->s + p->pos;
	size_t start = p->pos, n = word_len(s), opcol;
	char what[64];
	bool masked = false;
	unsigned i;

	if (n < 4 || strncmp(s, "arg", 3) != 0 || !is_digit(s[3])) {
		describe(s, what, sizeof(what));
		return fail(p, start, "expected an argument 'arg0' to 'arg5', "
			    "found %s", what);
	}
	for (i = 3; i < n; i++)
		if (!is_digit(s[i]))
			break;
	if (i < n || n > 4 || s[3] > '5') {
		describe(s, what, sizeof(what));
		if (i < n)
			return fail(p, start, "expected an argument 'arg0' to "
				    "'arg5', found %s", what);
		return fail(p, start, "argument index %.*s out of range 0-5",
			    (int)(n > 40 ? 37 : n - 3), s + 3);
	}
	c->arg = (unsigned)(s[3] - '0');
	c->mask = UINT64_MAX;
	p->pos += n;
	skip_space(p);
	if (p->s[p->pos] == '&' && p->s[p->pos + 1] != '&') {
		p->pos++;
		masked = true;
		if (parse_value(p, &c->mask) < 0)
			return -1;
		skip_space(p);
	}
	opcol = p->pos;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strncmp(p->s + p->pos, ops[i].text,
			    strlen(ops[i].text)) == 0)
			break;
	if (i == sizeof(ops) / sizeof(ops[0])) {
		describe(p->s + p->pos, what, sizeof(what));
		return fail(p, opcol, "expected '==', '!=', '<', '<=', '>' or "
			    "'>=' after 'arg%u', found %s", c->arg, what);
	}
	c->op = ops[i].op;
	if (masked && c->op != SCMP_CMP_EQ && c->op != SCMP_CMP_NE)
		return fail(p, opcol, "a masked comparison must use == or != "
			    "(found '%s')", ops[i].text);
	p->pos += strlen(ops[i].text);
	return parse_value(p, &c->value);
}

/* Moves the comparisons FLAT[0..N) into a new conjunction of OUT. */
static int add_conj(struct rule_expr *out, const struct rule_cmp *flat,
		    size_t n)
{
	struct rule_conj *v;

	v = realloc(out->conj, (out->n + 1) * sizeof(*v));
	if (!v)
		return -1;
	out->conj = v;
	v[out->n].cmp = malloc(n * sizeof(*flat));
	if (!v[out->n].cmp)
		return -1;
	memcpy(v[out->n].cmp, flat, n * sizeof(*flat));
	v[out->n].n = n;
	out->n++;
	return 0;
}

int rule_parse(const char *text, struct rule_expr *out, size_t *col,
	       struct err *e)
{
	struct parser p = { .s = text, .col = col, .e = e };
	struct rule_cmp flat[RULE_MAX_CMPS];
	size_t total = 0, n = 0, len = strnlen(text, RULE_MAX_LEN + 1);
	char what[64];

	out->n = 0;
	out->conj = NULL;
	*col = 0;
	if (len > RULE_MAX_LEN)
		return fail(&p, RULE_MAX_LEN, "argument rule too long (more "
			    "than %d bytes)", RULE_MAX_LEN);
	skip_space(&p);
	if (!text[p.pos])
		return fail(&p, p.pos, "empty argument rule: expected a "
			    "comparison such as 'arg0 == 1'");
	for (;;) {
		skip_space(&p);
		if (total == RULE_MAX_CMPS) {
			fail(&p, p.pos, "too many comparisons in one rule "
			     "(at most %d)", RULE_MAX_CMPS);
			goto bad;
		}
		if (parse_cmp(&p, &flat[n]) < 0)
			goto bad;
		n++;
		total++;
		skip_space(&p);
		if (strncmp(text + p.pos, "&&", 2) == 0) {
			p.pos += 2;
			continue;
		}
		if (add_conj(out, flat, n) < 0)
			goto oom;
		n = 0;
		if (strncmp(text + p.pos, "||", 2) == 0) {
			p.pos += 2;
			continue;
		}
		if (!text[p.pos])
			return 0;
		describe(text + p.pos, what, sizeof(what));
		fail(&p, p.pos, "expected '&&', '||' or the end of the rule, "
		     "found %s", what);
		goto bad;
	}
oom:
	fail(&p, p.pos, "out of memory");
bad:
	rule_expr_free(out);
	return -1;
}

struct buf {
	char *s;
	size_t len, pos;
};

static void put(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->pos >= b->len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->s + b->pos, b->len - b->pos, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	b->pos += (size_t)n;
	if (b->pos >= b->len)
		b->pos = b->len - 1;	/* truncated: stay on the final NUL */
}

/* Small numbers in decimal, small negative ones (AT_FDCWD) with a sign,
 * anything else in hex: each form reads back to the same 64 bits. */
static void put_value(struct buf *b, uint64_t v)
{
	if (v <= 0xffff)
		put(b, "%" PRIu64, v);
	else if ((int64_t)v < 0 && (int64_t)v >= -0xffff)
		put(b, "-%" PRIu64, (uint64_t)0 - v);
	else
		put(b, "0x%" PRIx64, v);
}

void rule_format(const struct rule_expr *expr, char *out, size_t len)
{
	struct buf b = { out, len, 0 };

	if (!len)
		return;
	out[0] = '\0';
	for (size_t i = 0; i < expr->n; i++) {
		const struct rule_conj *c = &expr->conj[i];

		if (i)
			put(&b, " || ");
		for (size_t j = 0; j < c->n; j++) {
			const struct rule_cmp *m = &c->cmp[j];

			put(&b, "%sarg%u", j ? " && " : "", m->arg);
			if (m->mask != UINT64_MAX)
				put(&b, " & 0x%" PRIx64, m->mask);
			put(&b, " %s ", op_text(m->op));
			if (m->mask != UINT64_MAX)
				put(&b, "0x%" PRIx64, m->value);
			else
				put_value(&b, m->value);
		}
	}
}

void rule_expr_free(struct rule_expr *expr)
{
	for (size_t i = 0; i < expr->n; i++)
		free(expr->conj[i].cmp);
	free(expr->conj);
	expr->conj = NULL;
	expr->n = 0;
}

void scmp_rules_free(struct scmp_rules *rules)
{
	free(rules->v);
	rules->v = NULL;
	rules->n = 0;
}
