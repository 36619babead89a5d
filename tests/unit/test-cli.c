/* Option and profile parsing: values, errors and their places. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "tap.h"

static enum cli_result parse(struct config *c, struct err *e, char **argv)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	config_init(c);
	memset(e, 0, sizeof(*e));
	return cli_parse(argc, argv, c, e);
}

static void bad(const char *what, char **argv, const char *needle)
{
	struct config c;
	struct err e;
	enum cli_result r = parse(&c, &e, argv);

	tap_ok(r == CLI_ERROR && strstr(e.msg, needle) != NULL,
	       "%s: error mentions '%s' (got '%s')", what, needle, e.msg);
	config_free(&c);
}

static int profile(const char *text, struct err *e, struct config *c)
{
	struct opt_ctx ctx = { NULL, 0, 0 };

	config_init(c);
	memset(e, 0, sizeof(*e));
	return profile_parse(c, "test.profile", text, strlen(text), &ctx, e);
}

int main(void)
{
	struct config c;
	struct err e;
	rlim_t sz;
	long ms;

	tap_ok(parse_size("0", &sz) == 0 && sz == 0, "size 0");
	tap_ok(parse_size("64k", &sz) == 0 && sz == 65536, "size 64k");
	tap_ok(parse_size("10M", &sz) == 0 && sz == 10u << 20, "size 10M");
	tap_ok(parse_size("1G", &sz) == 0 && sz == 1u << 30, "size 1G");
	tap_ok(parse_size("unlimited", &sz) == 0 && sz == RLIM_INFINITY, "size unlimited");
	tap_ok(parse_size("-5", &sz) < 0, "size -5 refused");
	tap_ok(parse_size("5X", &sz) < 0, "size 5X refused");
	tap_ok(parse_size("99999999999999999999", &sz) < 0, "size overflow refused");
	tap_ok(parse_seconds("1.5", &ms) == 0 && ms == 1500, "1.5 seconds");
	tap_ok(parse_seconds("abc", &ms) < 0, "abc seconds refused");
	tap_ok(parse_seconds("0", &ms) < 0, "0 seconds refused");

	{
		char *argv[] = { "jail", "--fsize", "10M", "--rlimit", "nofile=64:128",
				 "--share", "net", "--uid", "1000", "-v", "--", "/bin/true", NULL };
		enum cli_result r = parse(&c, &e, argv);

		tap_ok(r == CLI_RUN, "a good command line parses (%s)", e.msg);
		tap_ok(c.share == SHARE_NET, "--share net");
		tap_ok(c.uid == 1000 && c.gid == ID_AUTO, "--uid 1000, gid auto");
		tap_ok(c.nrlimits == 2, "two limits recorded");
		tap_ok(c.verbosity == VERBOSE, "-v");
		tap_ok(c.argv && strcmp(c.argv[0], "/bin/true") == 0, "command after --");
		config_free(&c);
	}
	{
		char *argv[] = { "jail", "--allow=read,write", "/bin/true", "--allow", NULL };
		enum cli_result r = parse(&c, &e, argv);

		tap_ok(r == CLI_RUN && c.policy.allowlist, "--allow=LIST form");
		tap_ok(strcmp(c.argv[1], "--allow") == 0, "options after COMMAND belong to it");
		config_free(&c);
	}
	bad("--fsize -5", (char *[]){ "jail", "--fsize", "-5", "x", NULL }, "--fsize");
	bad("--uid foo", (char *[]){ "jail", "--uid", "foo", "x", NULL }, "'foo'");
	bad("--timeout abc", (char *[]){ "jail", "--timeout", "abc", "x", NULL }, "--timeout");
	bad("--rlimit bogus=1", (char *[]){ "jail", "--rlimit", "bogus=1", "x", NULL }, "bogus");
	bad("unknown syscall", (char *[]){ "jail", "--deny", "unmae", "x", NULL }, "did you mean 'uname'");
	bad("empty list item", (char *[]){ "jail", "--allow", "read,,write", "x", NULL }, "empty item");
	bad("unknown group", (char *[]){ "jail", "--allow", "@nope", "x", NULL }, "@nope");
	bad("missing value", (char *[]){ "jail", "--allow", NULL }, "needs a value");
	bad("no command", (char *[]){ "jail", "-q", NULL }, "no command");
	bad("unknown option", (char *[]){ "jail", "--frobnicate", "x", NULL }, "--frobnicate");
	bad("dst with ..", (char *[]){ "jail", "--bind", "/tmp:../../x", "x", NULL }, "..");
	bad("profile-only directive", (char *[]){ "jail", "--include", "x", "y", NULL }, "unknown option");
	bad("bad errno", (char *[]){ "jail", "--errno", "EWHAT", "x", NULL }, "EWHAT");

	tap_ok(profile("# comment\nallow read, write  # trailing\nfsize 10M\n", &e, &c) == 0,
	       "a profile with comments parses (%s)", e.msg);
	config_free(&c);
	tap_ok(profile("allow read\nallow unmae\n", &e, &c) < 0 &&
	       strstr(e.msg, "test.profile:2:7:") == e.msg && strstr(e.msg, "uname"),
	       "profile error gives FILE:LINE:COL and a suggestion (%s)", e.msg);
	config_free(&c);
	tap_ok(profile("allow read,\\\n  write\n", &e, &c) == 0, "line continuation (%s)", e.msg);
	config_free(&c);
	tap_ok(profile("frobnicate yes\n", &e, &c) < 0 && strstr(e.msg, "test.profile:1:1:"),
	       "unknown directive at 1:1 (%s)", e.msg);
	config_free(&c);
	tap_ok(profile("learn x\n", &e, &c) < 0 && strstr(e.msg, "command-line"),
	       "learn is command-line only (%s)", e.msg);
	config_free(&c);
	tap_ok(profile("allow write: arg0 == 1 || arg0 == 2\n", &e, &c) == 0 &&
	       c.policy.n == 1 && c.policy.rules[0].cond, "an argument rule parses (%s)", e.msg);
	config_free(&c);
	tap_ok(profile("allow write: arg9 == 1\n", &e, &c) < 0 && strstr(e.msg, "test.profile:1:"),
	       "a bad argument rule is located (%s)", e.msg);
	config_free(&c);
	{
		const char text[] = "allow read\0write\n";

		config_init(&c);
		memset(&e, 0, sizeof(e));
		tap_ok(profile_parse(&c, "nul.profile", text, sizeof(text) - 1,
				     &(struct opt_ctx){ NULL, 0, 0 }, &e) < 0 && strstr(e.msg, "NUL"),
		       "a NUL byte is refused (%s)", e.msg);
		config_free(&c);
	}
	tap_ok(profile("allow r\xff\xfe" "ead\n", &e, &c) < 0 && strstr(e.msg, "UTF-8"),
	       "invalid UTF-8 is refused (%s)", e.msg);
	config_free(&c);
	{
		size_t n = 5000;
		char *big = malloc(n + 8);

		memcpy(big, "allow ", 6);
		memset(big + 6, 'a', n);
		big[n + 6] = '\n';
		big[n + 7] = '\0';
		tap_ok(profile(big, &e, &c) < 0 && strstr(e.msg, "longer"), "an overlong line is refused (%s)", e.msg);
		config_free(&c);
		free(big);
	}
	return tap_done();
}
