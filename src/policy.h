/* The seccomp policy: what the user asked for, merged from every source,
 * and its compilation into the filter jail loads.
 *
 * Two programs are compiled with libseccomp:
 *   1. the baseline (always): kernel attack surface no wrapped program
 *      needs, denied with EPERM (ENOSYS for clone3), whatever the user says.
 *      It is a program of its own because its argument conditions (ioctl
 *      TIOCSTI, clone with namespace flags) cannot share one with an
 *      unconditional allow of the same syscall: libseccomp lets the
 *      unconditional rule swallow the conditional one.  It is the same for
 *      every run, so jail carries it compiled (src/mkbaseline.c).
 *   2. the user's policy, when there is one (with a listener, when denials
 *      are reported by name), preceded by a guard that fails every syscall
 *      number above the highest jail knows with ENOSYS.
 * policy_compile returns one program when there is a policy: the baseline
 * chained into the policy where it allows (bpf_chain), so the baseline's
 * verdict comes first and the kernel runs one program, not two.  Without
 * a policy the guard starts the baseline.
 */
#ifndef JAIL_POLICY_H
#define JAIL_POLICY_H

#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "rule.h"

struct sys_rule {
	int nr;
	bool deny;
	bool startup;		/* from allow-startup */
	bool cond;		/* expr holds an argument condition */
	struct rule_expr expr;
	char *text;		/* the condition as written, for export */
};

struct policy {
	struct sys_rule *rules;
	size_t n, cap;
	bool allowlist;		/* any allow or allow-startup seen */
	int errnum;		/* 0: denied syscalls kill */
	bool errnum_set;
};

/* Adds SPEC, either a LIST ("read,write:@basic-io", names and @groups
 * separated by commas or colons) or one rule "NAME: EXPR".  On error sets
 * *COL to the column of the offending word in SPEC. */
int policy_add(struct policy *p, const char *spec, bool deny, bool startup,
	       size_t *col, struct err *e);
void policy_free(struct policy *p);
bool policy_empty(const struct policy *p);

/* The verdict of the user's policy for one syscall, after merging. */
enum verdict { V_DEFAULT, V_ALLOW, V_DENY, V_COND };

struct resolved_sys {
	enum verdict v;
	struct rule_expr allow_if;	/* V_COND: allowed when this holds */
	struct rule_expr deny_if;	/* V_COND in deny-list mode: denied when this holds */
	bool startup_only;
};

/* The merged verdict for every syscall number up to sys_max(). */
struct resolution {
	struct resolved_sys *sys;	/* indexed by syscall number */
	size_t n;
};

int policy_resolve(const struct policy *p, struct resolution *out,
		   struct err *e);
void resolution_free(struct resolution *r);

/* Whether NR is denied by the baseline whatever its arguments; its errno. */
bool baseline_always(int nr, bool shared_pid, int *errnum);

struct bpf_prog {
	struct sock_filter *insns;
	size_t len;
};

struct compile_opts {
	bool notify;		/* report denials through a listener */
	bool shared_pid;	/* the baseline also denies ptrace & co. */
	bool learn;		/* notify every syscall (jail --learn) */
	bool in_target;		/* loaded by the target itself (the preload
				 * library): there is no exec of jail's to let
				 * through, so execve may simply be denied */
	bool stage_main;	/* start-up-only syscalls go to the listener */
	bool memfd_seal;	/* memfds must be created non-executable */
};

struct compiled {
	struct bpf_prog baseline;	/* len 0 when chained into user */
	struct bpf_prog user;		/* the baseline chained into the policy;
					 * len 0 without a policy */
	bool user_notifies;		/* user filter returns USER_NOTIF */
	bool deny_exec;			/* later execve/execveat are denied */
	/* For the listener's decisions: */
	struct resolution res;		/* n == 0 without a user policy */
	bool allowlist;
	bool has_startup;		/* allow-startup was given */
};

/* The listener's verdict on a notified syscall once the target runs:
 * true when the policy lets NR with ARGS through at this stage. */
bool policy_allows(const struct compiled *c, int nr, const uint64_t args[6],
		   bool before_main);

int policy_compile(const struct policy *p, const struct compile_opts *o,
		   struct compiled *out, struct err *e);

/* The baseline filter alone (O: shared_pid, memfd_seal), compiled with
 * libseccomp; and the same, compiled when jail was built: false where it
 * was not (a copy of the program in OUT->insns, to be freed, otherwise). */
int policy_compile_baseline(const struct compile_opts *o, struct bpf_prog *out,
			    struct err *e);
bool baseline_precompiled(bool shared_pid, bool memfd_seal, struct bpf_prog *out);
void compiled_free(struct compiled *c);

/* One program that runs FIRST, and THEN where FIRST allows: the two
 * filters jail stacks, as one standalone program (--export bpf). */
int bpf_chain(const struct bpf_prog *first, const struct bpf_prog *then,
	      struct bpf_prog *out, struct err *e);

/* Rewrites every USER_NOTIF return of PROG into KILL_PROCESS, for exports
 * and for when no listener can be had. */
void bpf_notify_to_kill(struct bpf_prog *prog);

/* Names of syscalls the user allowed that the baseline still denies, as a
 * comma-separated list in BUF (empty when none). */
void policy_baseline_overrides(const struct policy *p, bool shared_pid,
			       char *buf, size_t len);

#endif
