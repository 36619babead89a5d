/* Lookups over the constant families of consttab.c: by name for rules,
 * by value for reports. */
#include "constants.h"
#include "consttab.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_append(char *buf, size_t len, size_t *pos, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*pos >= len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *pos, len - *pos, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	*pos += (size_t)n;
	if (*pos >= len)
		*pos = len - 1;		/* truncated: stay on the final NUL */
}

/* Optimal string alignment distance: Levenshtein plus the swap of two
 * adjacent letters as one edit, the commonest typo ("unmae"). */
unsigned edit_distance(const char *a, const char *b, unsigned cap)
{
	unsigned d[65][65];
	size_t la = strlen(a), lb = strlen(b);

	if (la > 64 || lb > 64)
		return cap + 1;
	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (unsigned)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			unsigned best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb] > cap ? cap + 1 : d[la][lb];
}

const char *const_name(enum const_fam f, uint64_t v)
{
	const struct const_family *fam = const_family(f);

	for (size_t i = 0; fam && i < fam->len; i++)
		if (fam->ents[i].value == v)
			return fam->ents[i].name;
	return NULL;
}

uint64_t const_flags_append(enum const_fam f, uint64_t v, char *buf,
			    size_t len, size_t *pos)
{
	const struct const_family *fam = const_family(f);
	uint64_t left = v;
	size_t start = *pos;

	for (size_t i = 0; fam && i < fam->len; i++) {
		uint64_t bits = fam->ents[i].value;

		/* Entries whose bits were already named are aliases or parts
		 * of a multi-bit entry named before them. */
		if (bits == 0 || (left & bits) != bits)
			continue;
		buf_append(buf, len, pos, "%s%s", *pos > start ? "|" : "",
			   fam->ents[i].name);
		left &= ~bits;
	}
	if (left)
		buf_append(buf, len, pos, "%s%#llx", *pos > start ? "|" : "",
			   (unsigned long long)left);
	return v & ~left;
}

static bool lookup_in(const char *name, uint64_t *value)
{
	for (int f = 0; f < FAM_COUNT; f++) {
		const struct const_family *fam = const_family((enum const_fam)f);

		for (size_t i = 0; i < fam->len; i++) {
			if (strcmp(fam->ents[i].name, name) == 0) {
				*value = fam->ents[i].value;
				return true;
			}
		}
	}
	return false;
}

/* Negative constants (only AT_FDCWD today) come back sign-extended, e.g.
 * AT_FDCWD is 0xffffffffffffff9c; a rule on a 32-bit argument compares the
 * low 32 bits, 0xffffff9c, which is what the kernel sees. */
bool const_lookup(const char *name, uint64_t *value)
{
	char af[64];

	if (!name)
		return false;
	if (lookup_in(name, value))
		return true;
	/* PF_INET and friends are the same numbers as AF_INET. */
	if (strncmp(name, "PF_", 3) == 0 && strlen(name) < sizeof(af)) {
		snprintf(af, sizeof(af), "AF_%s", name + 3);
		return lookup_in(af, value);
	}
	return false;
}

const char *const_suggest(const char *name)
{
	const char *best = NULL;
	unsigned best_d = 3;	/* suggest only within 2 edits */

	if (!name || !*name)
		return NULL;
	for (int f = 0; f < FAM_COUNT; f++) {
		const struct const_family *fam = const_family((enum const_fam)f);

		for (size_t i = 0; i < fam->len; i++) {
			unsigned d = edit_distance(name, fam->ents[i].name,
						   best_d - 1);

			if (d < best_d) {
				best_d = d;
				best = fam->ents[i].name;
			}
		}
	}
	return best;
}

/* Accepts 1..4095 as a number: the kernel treats larger seccomp errno data
 * as 4095 at most, and 0 would make a denied syscall "succeed" without
 * running, which no one means. */
int errno_lookup(const char *name)
{
	const struct const_family *fam = const_family(FAM_ERRNO);
	char *end;
	long n;

	if (!name || !*name)
		return -1;
	if (name[0] >= '0' && name[0] <= '9') {
		n = strtol(name, &end, 10);
		return (*end || n < 1 || n > 4095) ? -1 : (int)n;
	}
	for (size_t i = 0; i < fam->len; i++)
		if (strcmp(fam->ents[i].name, name) == 0)
			return (int)fam->ents[i].value;
	return -1;
}

const char *errno_name(int e)
{
	if (e <= 0)
		return NULL;
	return const_name(FAM_ERRNO, (uint64_t)e);
}
