/* mkman: builds the manual pages' lists from the tables the code uses, so
 * that the pages cannot drift from the program.
 *
 *     mkman TEMPLATE [PROSE] > PAGE
 *     mkman --names
 *
 * TEMPLATE is mdoc text; these lines, alone on a line, are replaced:
 *
 *     @OPTIONS@     every command-line option, one .Ss per --help section
 *     @DIRECTIVES@  every profile directive
 *     @CLI_ONLY@    the options that are command-line only, as one sentence
 *     @GROUPS@      every syscall group with its help and members
 *
 * PROSE holds what the one-line help of the table cannot say: blocks that
 * start with a line `.\" @option NAME` or `.\" @directive NAME` and run to
 * the next such line.  A block for a name the table does not have is an
 * error, so renaming an option breaks the build instead of leaving stale
 * text.  Other @WORD@ markers (paths, the version) are left for sed.
 *
 * --names prints "NAME SHORT WHERE" per row of the option table, for the
 * tests that compare the pages with `jail --help` and the profile parser.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "groups.h"
#include "options.h"

#define MAX_PROSE 128

struct prose {
	bool directive;		/* @directive, else @option */
	char *name;
	char *text;		/* mdoc lines, each ending in '\n' */
	bool used;
};

static struct prose prose[MAX_PROSE];
static size_t nprose;
static bool emitted[2];		/* [directive]: that list is on this page */
static const char *prog = "mkman";

static _Noreturn void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		die("cannot open %s", path);
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap + 1);
			if (!buf)
				die("out of memory reading %s", path);
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	if (ferror(f))
		die("cannot read %s", path);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

static const struct option_def *find(const char *name)
{
	for (size_t i = 0; i < option_table_len; i++)
		if (strcmp(option_table[i].name, name) == 0)
			return &option_table[i];
	return NULL;
}

static void load_prose(const char *path)
{
	static const char opt[] = ".\\\" @option ", dir[] = ".\\\" @directive ";
	char *text = slurp(path), *line = text, *next;
	struct prose *cur = NULL;
	size_t curlen = 0;

	for (; *line; line = next) {
		bool is_opt = strncmp(line, opt, sizeof(opt) - 1) == 0;
		bool is_dir = strncmp(line, dir, sizeof(dir) - 1) == 0;
		size_t len;

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		len = (size_t)(next - line);
		if (is_opt || is_dir) {
			const struct option_def *d;
			char *name = line + (is_opt ? sizeof(opt) : sizeof(dir)) - 1;
			char *end = name;

			while (*end && !isspace((unsigned char)*end))
				end++;
			if (nprose == MAX_PROSE)
				die("too many blocks in %s", path);
			cur = &prose[nprose++];
			cur->directive = is_dir;
			cur->name = strndup(name, (size_t)(end - name));
			cur->text = calloc(1, 1);
			curlen = 0;
			if (!cur->name || !cur->text)
				die("out of memory reading %s", path);
			d = find(cur->name);
			if (!d)
				die("prose for '%s', which is not in the option table", cur->name);
			if (is_dir && !(d->where & OPT_PROFILE))
				die("prose for directive '%s', which profiles do not accept", cur->name);
			if (!is_dir && !(d->where & OPT_CLI))
				die("prose for option '%s', which the command line does not accept", cur->name);
			continue;
		}
		if (!cur)
			continue;	/* the file's own header comments */
		cur->text = realloc(cur->text, curlen + len + 1);
		if (!cur->text)
			die("out of memory reading %s", path);
		memcpy(cur->text + curlen, line, len);
		curlen += len;
		cur->text[curlen] = '\0';
		if (len && line[len - 1] != '\n')
			cur->text[curlen++] = '\n', cur->text[curlen] = '\0';
	}
	free(text);
}

static const char *prose_for(const char *name, bool directive)
{
	for (size_t i = 0; i < nprose; i++)
		if (prose[i].directive == directive && strcmp(prose[i].name, name) == 0) {
			prose[i].used = true;
			return prose[i].text;
		}
	return NULL;
}

/* The one-line help as a sentence of mdoc text: capitalised, ending in a
 * full stop, with roff's escape character escaped. */
static void put_sentence(const char *help)
{
	size_t len = strlen(help);

	if (help[0] == '.' || help[0] == '\'')
		fputs("\\&", stdout);
	for (const char *p = help; *p; p++) {
		if (*p == '\\')
			fputs("\\e", stdout);
		else
			putchar(p == help ? toupper((unsigned char)*p) : *p);
	}
	if (len && !strchr(".!?", help[len - 1]))
		putchar('.');
	putchar('\n');
}

/* An argument name as mdoc macros: upper-case words are placeholders (Ar),
 * lower-case words literal values (Cm); '|' separates alternatives and
 * "[...]" marks an optional part, so "NAME=SOFT[:HARD]" and "exec|main"
 * render as --help writes them. */
static void put_argname(const char *a)
{
	bool glue = false;	/* the next item follows without a space */

	while (*a) {
		if (isalnum((unsigned char)*a) || *a == '_' || *a == '*') {
			const char *s = a;
			bool upper = true;

			while (isalnum((unsigned char)*a) || *a == '_' || *a == '*') {
				if (islower((unsigned char)*a))
					upper = false;
				a++;
			}
			printf("%s%s %.*s", glue ? " Ns " : " ", upper ? "Ar" : "Cm",
			       (int)(a - s), s);
			glue = true;
		} else if (*a == '|') {
			fputs(" Ns |", stdout);
			glue = true;
			a++;
		} else if (*a == '[') {
			fputs(glue ? " Ns Oo" : " Oo", stdout);
			glue = false;	/* Oo already glues what follows it */
			a++;
		} else if (*a == ']') {
			fputs(" Oc", stdout);
			glue = true;
			a++;
		} else {
			printf("%s%c", glue ? " Ns " : " ", *a);
			glue = true;
			a++;
		}
	}
}

static void put_item(const struct option_def *d, bool directive)
{
	if (directive) {
		printf(".It Ic %s", d->name);
	} else if (d->short_name) {
		printf(".It Fl %c , Fl -%s", d->short_name, d->name);
	} else {
		printf(".It Fl -%s", d->name);
	}
	if (d->argname)
		put_argname(d->argname);
	putchar('\n');
	put_sentence(d->help);
}

static void emit_options(void)
{
	const char *done[16];
	size_t ndone = 0;

	emitted[false] = true;
	for (size_t i = 0; i < option_table_len; i++) {
		const char *section = option_table[i].section;
		bool seen = false;

		for (size_t k = 0; k < ndone; k++)
			seen |= strcmp(done[k], section) == 0;
		if (seen || !(option_table[i].where & OPT_CLI))
			continue;
		if (ndone == sizeof(done) / sizeof(done[0]))
			die("too many sections in the option table");
		done[ndone++] = section;
		printf(".Ss %s\n.Bl -tag -width Ds\n", section);
		for (size_t j = i; j < option_table_len; j++) {
			const struct option_def *d = &option_table[j];
			const char *text;

			if (strcmp(d->section, section) || !(d->where & OPT_CLI))
				continue;
			put_item(d, false);
			text = prose_for(d->name, false);
			if (text)
				fputs(text, stdout);
		}
		puts(".El");
	}
}

static void emit_directives(void)
{
	emitted[true] = true;
	puts(".Bl -tag -width Ds");
	for (size_t i = 0; i < option_table_len; i++) {
		const struct option_def *d = &option_table[i];
		const char *text;

		if (!(d->where & OPT_PROFILE))
			continue;
		put_item(d, true);
		text = prose_for(d->name, true);
		if (text)
			fputs(text, stdout);
		else if (d->where & OPT_CLI)
			printf("As\n.Fl -%s\nin\n.Xr jail 1 .\n", d->name);
	}
	puts(".El");
}

static void emit_cli_only(void)
{
	size_t n = 0, k = 0;

	for (size_t i = 0; i < option_table_len; i++)
		n += option_table[i].where == OPT_CLI;
	for (size_t i = 0; i < option_table_len; i++) {
		if (option_table[i].where != OPT_CLI)
			continue;
		k++;
		printf(".Ic %s%s\n", option_table[i].name,
		       k == n ? " ." : k == n - 1 ? " and" : " ,");
	}
}

/* Members wrapped into text lines of about 70 columns. */
static void emit_groups(void)
{
	puts(".Bl -tag -width Ds");
	for (size_t i = 0; i < sys_groups_len; i++) {
		const struct sys_group *g = &sys_groups[i];
		size_t col = 0;

		printf(".It Cm %s\n", g->name);
		put_sentence(g->help);
		if (!g->members)
			continue;
		for (const char *const *m = g->members; *m; m++) {
			size_t len = strlen(*m);

			if (col && col + 1 + len > 70) {
				putchar('\n');
				col = 0;
			}
			printf("%s%s", col ? " " : "", *m);
			col += (col ? 1 : 0) + len;
		}
		putchar('\n');
	}
	puts(".El");
}

static void print_names(void)
{
	for (size_t i = 0; i < option_table_len; i++) {
		const struct option_def *d = &option_table[i];

		printf("%s %c %s\n", d->name, d->short_name ? d->short_name : '-',
		       d->where == OPT_BOTH ? "both" : d->where == OPT_CLI ? "cli" : "profile");
	}
}

int main(int argc, char **argv)
{
	char *text, *line, *next;

	if (argc == 2 && strcmp(argv[1], "--names") == 0) {
		print_names();
		return 0;
	}
	if (argc < 2 || argc > 3) {
		fputs("usage: mkman TEMPLATE [PROSE] > PAGE\n       mkman --names\n", stderr);
		return 2;
	}
	prog = argv[1];
	if (argc == 3)
		load_prose(argv[2]);
	text = slurp(argv[1]);
	for (line = text; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (strcmp(line, "@OPTIONS@") == 0)
			emit_options();
		else if (strcmp(line, "@DIRECTIVES@") == 0)
			emit_directives();
		else if (strcmp(line, "@CLI_ONLY@") == 0)
			emit_cli_only();
		else if (strcmp(line, "@GROUPS@") == 0)
			emit_groups();
		else
			puts(line);
	}
	free(text);
	for (size_t i = 0; i < nprose; i++)
		if (!prose[i].used && emitted[prose[i].directive])
			fprintf(stderr, "%s: note: prose for %s '%s' is not used\n",
				argv[1], prose[i].directive ? "directive" : "option",
				prose[i].name);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: write error\n", argv[1]);
		return 1;
	}
	return 0;
}
