/* The baseline: denied whatever the policy says.  doc/SECURITY.md ("The
 * baseline") explains each entry and the ones deliberately left out
 * (personality, name_to_handle_at, landlock_*, modify_ldt, ...).
 *
 * Names are native names on some architecture jail supports; a name that
 * is not native here (umount on x86_64, uretprobe on aarch64) is skipped by
 * the policy compiler.  EPERM everywhere, so a program that probes for a
 * feature (io_uring, keyrings, bpf) sees "not permitted" and falls back;
 * clone3 gets ENOSYS because that is the answer glibc and musl treat as
 * "use clone", whose flags a filter can inspect (clone3's are in memory).
 */
#include "baseline.h"

#include <errno.h>

#define DENY(n, why) { n, EPERM, BL_ALWAYS, why }

const struct baseline_rule baseline_rules[] = {
	/* the kernel itself */
	DENY("init_module", "loads code into the kernel"),
	DENY("finit_module", "loads code into the kernel"),
	DENY("delete_module", "unloads kernel modules"),
	DENY("create_module", "obsolete module loader"),
	DENY("get_kernel_syms", "obsolete: lists kernel symbols"),
	DENY("query_module", "obsolete: queries kernel modules"),
	DENY("kexec_load", "replaces the running kernel"),
	DENY("kexec_file_load", "replaces the running kernel"),
	DENY("reboot", "reboots or halts the machine"),
	DENY("swapon", "changes the system's swap"),
	DENY("swapoff", "changes the system's swap"),
	DENY("acct", "switches system-wide process accounting"),
	DENY("quotactl", "manages filesystem quotas"),
	DENY("quotactl_fd", "manages filesystem quotas"),
	DENY("syslog", "reads or clears the kernel log"),
	DENY("settimeofday", "sets the system clock"),
	DENY("clock_settime", "sets a system clock"),
	DENY("iopl", "raw access to I/O ports"),
	DENY("ioperm", "raw access to I/O ports"),
	DENY("pciconfig_read", "raw PCI configuration access"),
	DENY("pciconfig_write", "raw PCI configuration access"),
	DENY("pciconfig_iobase", "raw PCI configuration access"),
	DENY("vhangup", "hangs up the controlling terminal"),
	DENY("lookup_dcookie", "profiling interface that resolves kernel dcookies"),
	DENY("nfsservctl", "removed NFS server control"),
	DENY("uselib", "obsolete a.out library loader"),
	DENY("_sysctl", "removed binary sysctl interface"),
	DENY("sysfs", "obsolete filesystem-type query"),
	DENY("ustat", "obsolete filesystem statistics"),
	/* attack surface no wrapped program needs */
	DENY("bpf", "eBPF programs and maps: a large, often exploited verifier"),
	DENY("perf_event_open", "performance counters: side channels, exploited often"),
	DENY("userfaultfd", "lets a program stall kernel page faults, a common exploit aid"),
	DENY("keyctl", "kernel keyrings are not namespaced"),
	DENY("add_key", "kernel keyrings are not namespaced"),
	DENY("request_key", "kernel keyrings are not namespaced; may run upcalls"),
	DENY("io_uring_setup", "io_uring: bypasses syscall filtering, frequent CVEs"),
	DENY("io_uring_enter", "io_uring: bypasses syscall filtering, frequent CVEs"),
	DENY("io_uring_register", "io_uring: bypasses syscall filtering, frequent CVEs"),
	DENY("fanotify_init", "filesystem-wide event monitoring"),
	DENY("lsm_set_self_attr", "changes the process's LSM labels"),
	DENY("memfd_secret", "memory hidden from the kernel; fragments the direct map"),
	/* namespaces and mounts: the jail's own layout is final */
	{ "unshare", EPERM, BL_NS_FLAGS, "new namespaces (user namespaces above all)" },
	{ "clone", EPERM, BL_NS_FLAGS, "new namespaces (user namespaces above all)" },
	{ "clone3", ENOSYS, BL_ALWAYS, "flags in memory cannot be checked; libc falls back to clone" },
	DENY("setns", "enters other namespaces"),
	DENY("mount", "changes the mount tree"),
	DENY("umount", "changes the mount tree"),
	DENY("umount2", "changes the mount tree"),
	DENY("pivot_root", "changes the root"),
	DENY("chroot", "changes the root"),
	DENY("fsopen", "new mount API"),
	DENY("fsconfig", "new mount API"),
	DENY("fsmount", "new mount API"),
	DENY("fspick", "new mount API"),
	DENY("open_tree", "new mount API: can clone mounts"),
	DENY("open_tree_attr", "new mount API: can clone mounts"),
	DENY("move_mount", "new mount API"),
	DENY("mount_setattr", "new mount API"),
	DENY("statmount", "reveals the mount tree (host devices, bind sources)"),
	DENY("listmount", "reveals the mount tree (host devices, bind sources)"),
	DENY("listns", "enumerates namespaces"),
	DENY("open_by_handle_at", "opens files by handle, bypassing paths (shocker)"),
	/* vsock reaches the hypervisor: network namespaces do not confine it */
	{ "socket", EPERM, BL_VSOCK, "AF_VSOCK is not confined by network namespaces" },
	/* code the target wrote must not run */
	{ "memfd_create", EPERM, BL_MEMFD_EXEC, "an executable memfd (MFD_EXEC) would run what the target wrote" },
	{ "execveat", EPERM, BL_FD_EXEC, "fexecve runs a descriptor: a memfd the target wrote, where memfds are executable" },
	/* terminal injection */
	{ "ioctl", EPERM, BL_TTY_INJECT, "TIOCSTI/TIOCLINUX push input into the caller's terminal" },
	/* other processes: only reachable when the host's pid namespace is shared */
	{ "ptrace", EPERM, BL_SHARED_PID, "would reach the caller's own processes" },
	{ "process_vm_readv", EPERM, BL_SHARED_PID, "would read the caller's processes' memory" },
	{ "process_vm_writev", EPERM, BL_SHARED_PID, "would write the caller's processes' memory" },
	{ "pidfd_getfd", EPERM, BL_SHARED_PID, "would steal descriptors from the caller's processes" },
	{ "kcmp", EPERM, BL_SHARED_PID, "compares kernel objects of the caller's processes" },
	{ "get_robust_list", EPERM, BL_SHARED_PID, "leaks other processes' addresses (ASLR)" },
};

const size_t baseline_rules_len = sizeof(baseline_rules) / sizeof(baseline_rules[0]);
