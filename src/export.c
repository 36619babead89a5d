/* --export and --list: the compiled policy shown in forms other tools
 * load (a raw BPF program, OCI seccomp JSON, systemd directives) or a
 * person reads. */
#include "export.h"

#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "constants.h"
#include "groups.h"
#include "policy.h"
#include "rule.h"
#include "syscalls.h"

static const char *bl_cond_text(enum bl_cond c)
{
	switch (c) {
	case BL_ALWAYS: return "";
	case BL_NS_FLAGS: return " with a CLONE_NEW* flag";
	case BL_TTY_INJECT: return " TIOCSTI/TIOCLINUX (low 32 bits of cmd)";
	case BL_SHARED_PID: return " (with --share pid)";
	case BL_VSOCK: return " AF_VSOCK";
	case BL_MEMFD_EXEC: return " with MFD_EXEC (unprivileged with --proc: without MFD_NOEXEC_SEAL)";
	case BL_FD_EXEC: return " with AT_EMPTY_PATH (fexecve)";
	}
	return "";
}

static int export_text(const struct config *c, FILE *out, struct err *e)
{
	const struct policy *p = &c->policy;
	struct resolution res = { 0 };
	const char *errname = p->errnum ? errno_name(p->errnum) : NULL;

	fprintf(out, "# baseline (always in force; allows never lift it)\n");
	for (size_t i = 0; i < baseline_rules_len; i++) {
		const struct baseline_rule *b = &baseline_rules[i];

		if (sys_number(b->name) < 0)
			continue;
		fprintf(out, "deny %s%s -> %s  # %s\n", b->name, bl_cond_text(b->cond),
			errno_name(b->errnum) ? errno_name(b->errnum) : "EPERM", b->why);
	}
	fprintf(out, "deny non-native ABIs (i386 int 0x80, x32) -> kill\n");
	fprintf(out, "deny syscalls above %d (%s) -> ENOSYS\n", sys_max(),
		sys_name(sys_max()) ? sys_name(sys_max()) : "?");
	if (policy_empty(p)) {
		fprintf(out, "# policy: none (everything else allowed)\n");
		return 0;
	}
	if (policy_resolve(p, &res, e) < 0)
		return -1;
	fprintf(out, "# policy: %s; denied syscalls %s%s\n",
		p->allowlist ? "allowlist (everything not allowed is denied)" : "denylist",
		errname ? "fail with " : "kill the jail and are reported",
		errname ? errname : "");
	for (size_t nr = 0; nr < res.n; nr++) {
		const struct resolved_sys *rs = &res.sys[nr];
		const char *name = sys_name((int)nr);
		char cond[2048];

		if (!name)
			continue;
		switch (rs->v) {
		case V_ALLOW:
			fprintf(out, "%s %s\n", rs->startup_only ? "allow-startup" : "allow", name);
			break;
		case V_DENY:
			fprintf(out, "deny %s\n", name);
			break;
		case V_COND:
			rule_format(p->allowlist ? &rs->allow_if : &rs->deny_if, cond, sizeof(cond));
			fprintf(out, "%s %s: %s\n", p->allowlist ? "allow" : "deny", name, cond);
			break;
		case V_DEFAULT:
			break;
		}
	}
	resolution_free(&res);
	return 0;
}

static int export_bpf(const struct config *c, FILE *out, struct err *e)
{
	struct compile_opts co = { .notify = false, .shared_pid = c->share & 2 };
	struct bpf_prog *prog;
	struct compiled f;
	int r = 0;

	/* Standalone: no listener where this is loaded, so kill instead. */
	if (policy_compile(&c->policy, &co, &f, e) < 0) {
		if (strstr(e->msg, "execve"))
			err_set(e, "this policy denies execve or execveat: a runtime loading the exported filter could not exec the target (add them to the allowlist)");
		return -1;
	}
	prog = f.user.len ? &f.user : &f.baseline;
	bpf_notify_to_kill(prog);
	if (fwrite(prog->insns, sizeof(*prog->insns), prog->len, out) != prog->len)
		r = err_sys(e, "writing the filter");
	compiled_free(&f);
	return r;
}

static const char *op_name(enum scmp_compare op)
{
	switch (op) {
	case SCMP_CMP_NE: return "SCMP_CMP_NE";
	case SCMP_CMP_LT: return "SCMP_CMP_LT";
	case SCMP_CMP_LE: return "SCMP_CMP_LE";
	case SCMP_CMP_EQ: return "SCMP_CMP_EQ";
	case SCMP_CMP_GE: return "SCMP_CMP_GE";
	case SCMP_CMP_GT: return "SCMP_CMP_GT";
	case SCMP_CMP_MASKED_EQ: return "SCMP_CMP_MASKED_EQ";
	default: return "?";
	}
}

/* KEY is "errnoRet" in a syscall entry, "defaultErrnoRet" at the top. */
static void oci_action(FILE *out, const struct policy *p, bool deny, const char *key)
{
	if (!deny)
		fprintf(out, "\"SCMP_ACT_ALLOW\"");
	else if (p->errnum)
		fprintf(out, "\"SCMP_ACT_ERRNO\", \"%s\": %d", key, p->errnum);
	else
		fprintf(out, "\"SCMP_ACT_KILL_PROCESS\"");
}

/* One OCI entry per libseccomp rule: each has at most one comparison per
 * argument, which is exactly what runc loads (it ORs several conditions
 * on one argument, which would be looser). */
static int oci_cond(FILE *out, const struct policy *p, int nr,
		    const struct rule_expr *x, bool deny, bool *first,
		    struct err *e)
{
	struct scmp_rules rules = { 0 };

	if (rule_compile(x, nr, &rules, e) < 0)
		return -1;
	for (size_t i = 0; i < rules.n; i++) {
		fprintf(out, "%s\n    {\"names\": [\"%s\"], \"action\": ", *first ? "" : ",",
			sys_name(nr));
		oci_action(out, p, deny, "errnoRet");
		fprintf(out, ", \"args\": [");
		for (unsigned k = 0; k < rules.v[i].n; k++) {
			const struct scmp_arg_cmp *a = &rules.v[i].cmp[k];

			fprintf(out, "%s{\"index\": %u, \"value\": %llu, \"valueTwo\": %llu, \"op\": \"%s\"}",
				k ? ", " : "", a->arg, (unsigned long long)a->datum_a,
				(unsigned long long)a->datum_b, op_name(a->op));
		}
		fprintf(out, "]}");
		*first = false;
	}
	scmp_rules_free(&rules);
	return 0;
}

static int export_oci(const struct config *c, FILE *out, struct err *e)
{
	const struct policy *p = &c->policy;
	struct resolution res = { 0 };
	bool first = true, any = false;

	if (!policy_empty(p) && policy_resolve(p, &res, e) < 0)
		return -1;
	fprintf(out, "{\n  \"defaultAction\": ");
	oci_action(out, p, p->allowlist, "defaultErrnoRet");
	fprintf(out, ",\n  \"architectures\": [\"%s\"],\n  \"syscalls\": [",
#if defined(__x86_64__)
		"SCMP_ARCH_X86_64"
#else
		"SCMP_ARCH_AARCH64"
#endif
		);
	/* The baseline's unconditional entries first. */
	fprintf(out, "\n    {\"names\": [");
	for (size_t i = 0; i < baseline_rules_len; i++) {
		const struct baseline_rule *b = &baseline_rules[i];

		if (b->cond != BL_ALWAYS || b->errnum != EPERM || sys_number(b->name) < 0)
			continue;
		fprintf(out, "%s\"%s\"", any ? ", " : "", b->name);
		any = true;
	}
	fprintf(out, "], \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": %d}", EPERM);
	fprintf(out, ",\n    {\"names\": [\"clone3\"], \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": %d}", ENOSYS);
	first = false;
	for (size_t nr = 0; nr < res.n; nr++) {
		const struct resolved_sys *rs = &res.sys[nr];
		const char *name = sys_name((int)nr);
		int bl;

		if (!name || baseline_always((int)nr, false, &bl) || strcmp(name, "clone3") == 0)
			continue;
		if (rs->v == V_ALLOW && p->allowlist) {
			fprintf(out, ",\n    {\"names\": [\"%s\"], \"action\": \"SCMP_ACT_ALLOW\"}", name);
		} else if (rs->v == V_DENY && !p->allowlist) {
			fprintf(out, ",\n    {\"names\": [\"%s\"], \"action\": ", name);
			oci_action(out, p, true, "errnoRet");
			fprintf(out, "}");
		} else if (rs->v == V_COND &&
			   oci_cond(out, p, (int)nr, p->allowlist ? &rs->allow_if : &rs->deny_if,
				    !p->allowlist, &first, e) < 0) {
			resolution_free(&res);
			return -1;
		}
	}
	fprintf(out, "\n  ]\n}\n");
	resolution_free(&res);
	return 0;
}

static int export_systemd(const struct config *c, FILE *out, struct err *e)
{
	const struct policy *p = &c->policy;
	struct resolution res = { 0 };
	bool warned = false;

	fprintf(out, "# generated by jail --export systemd\nSystemCallArchitectures=native\n");
	if (!policy_empty(p)) {
		if (policy_resolve(p, &res, e) < 0)
			return -1;
		for (size_t nr = 0; nr < res.n; nr++) {
			const struct resolved_sys *rs = &res.sys[nr];
			char cond[1024];

			if (rs->v != V_COND || !sys_name((int)nr))
				continue;
			rule_format(p->allowlist ? &rs->allow_if : &rs->deny_if, cond, sizeof(cond));
			fprintf(out, "# dropped (systemd has no argument rules): %s %s: %s%s\n",
				p->allowlist ? "allow" : "deny", sys_name((int)nr), cond,
				p->allowlist ? " (not allowed at all here)" : " (NOT denied here)");
			warned = true;
		}
		fprintf(out, "SystemCallFilter=%s", p->allowlist ? "" : "~");
		for (size_t nr = 0; nr < res.n; nr++) {
			const struct resolved_sys *rs = &res.sys[nr];
			int bl;

			if (!sys_name((int)nr) || baseline_always((int)nr, false, &bl))
				continue;
			if ((p->allowlist && rs->v == V_ALLOW) || (!p->allowlist && rs->v == V_DENY))
				fprintf(out, " %s", sys_name((int)nr));
		}
		fputc('\n', out);
		resolution_free(&res);
	}
	/* Each baseline entry with its own errno (systemd 247+): clone3 must
	 * fail with ENOSYS, or glibc does not fall back to clone. */
	fprintf(out, "SystemCallFilter=~");
	for (size_t i = 0; i < baseline_rules_len; i++)
		if (baseline_rules[i].cond == BL_ALWAYS && sys_number(baseline_rules[i].name) >= 0)
			fprintf(out, " %s:%s", baseline_rules[i].name,
				errno_name(baseline_rules[i].errnum) ? errno_name(baseline_rules[i].errnum) : "EPERM");
	fputc('\n', out);
	/* Without --errno the policy kills, which is systemd's default too. */
	if (p->errnum && errno_name(p->errnum))
		fprintf(out, "SystemCallErrorNumber=%s\n", errno_name(p->errnum));
	if (warned)
		fprintf(stderr, "jail: warning: systemd has no argument rules; the export drops them (see the # lines)\n");
	return 0;
}

int export_policy(const struct config *c, FILE *out, struct err *e)
{
	const char *f = c->export_format;

	if (strcmp(f, "text") == 0)
		return export_text(c, out, e);
	if (strcmp(f, "bpf") == 0)
		return export_bpf(c, out, e);
	if (strcmp(f, "oci") == 0)
		return export_oci(c, out, e);
	return export_systemd(c, out, e);
}

static void list_profiles_in(const char *dir, FILE *out)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);

		if (n > 8 && strcmp(de->d_name + n - 8, ".profile") == 0)
			fprintf(out, "%.*s\t%s/%s\n", (int)(n - 8), de->d_name, dir, de->d_name);
	}
	closedir(d);
}

int list_print(const char *what, FILE *out, struct err *e)
{
	if (strcmp(what, "groups") == 0) {
		for (size_t i = 0; i < sys_groups_len; i++) {
			const struct sys_group *g = &sys_groups[i];

			fprintf(out, "%s\t# %s\n", g->name, g->help);
			if (!g->members) {
				fprintf(out, "\t(every syscall jail knows)\n");
				continue;
			}
			fputc('\t', out);
			for (const char *const *m = g->members; *m; m++)
				fprintf(out, "%s%s", m == g->members ? "" : " ", *m);
			fputc('\n', out);
		}
		return 0;
	}
	if (strcmp(what, "syscalls") == 0) {
		const char *name;
		int nr;

		for (size_t i = 0; sys_iter(i, &name, &nr); i++)
			fprintf(out, "%d\t%s\n", nr, name);
		return 0;
	}
	{
		const char *env = getenv("JAIL_PROFILE_PATH");

		if (env) {
			char *copy = strdup(env), *save = NULL;

			for (char *d = copy ? strtok_r(copy, ":", &save) : NULL; d;
			     d = strtok_r(NULL, ":", &save))
				list_profiles_in(d, out);
			free(copy);
		}
		list_profiles_in(JAIL_SYSPROFILEDIR, out);
		list_profiles_in(JAIL_PROFILEDIR, out);
		{
			char tree[4096];

			build_tree_profiles(tree, sizeof(tree));
			if (tree[0])
				list_profiles_in(tree, out);
		}
	}
	return 0;
}
