/* The symbolic constants, one table per family (see consttab.h).
 *
 * Values come from the C library's headers wherever they exist, because
 * several differ between architectures (O_DIRECTORY is 0200000 on x86 but
 * 040000 on arm64; O_LARGEFILE differs too).  Constants newer than the
 * oldest headers jail builds against (Debian 12: Linux 6.1 uapi) are given
 * below with their uapi values, which are the same on every architecture
 * jail supports.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "consttab.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <sched.h>
#include <unistd.h>

/* Newer than Linux 6.1's uapi headers. */
#ifndef F_DUPFD_QUERY
#define F_DUPFD_QUERY 1027
#endif
#ifndef F_CREATED_QUERY
#define F_CREATED_QUERY 1028
#endif
#ifndef F_CANCELLK
#define F_CANCELLK 1029
#endif
#ifndef F_SEAL_EXEC
#define F_SEAL_EXEC 0x0020
#endif
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif
#ifndef MAP_UNINITIALIZED
#define MAP_UNINITIALIZED 0x4000000
#endif
#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE 0x08
#endif
#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#endif
#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif
#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65
#define PR_GET_MDWE 66
#endif
#ifndef PR_SET_MEMORY_MERGE
#define PR_SET_MEMORY_MERGE 67
#define PR_GET_MEMORY_MERGE 68
#endif
#ifndef PR_GET_AUXV
#define PR_GET_AUXV 0x41555856
#endif
#ifndef PR_GET_SHADOW_STACK_STATUS
#define PR_GET_SHADOW_STACK_STATUS 74
#define PR_SET_SHADOW_STACK_STATUS 75
#define PR_LOCK_SHADOW_STACK_STATUS 76
#endif

/* O_LARGEFILE is 0 in 64-bit user space (the kernel forces it on), but the
 * bit the kernel itself sets still shows up in flags, e.g. in F_GETFL. */
#if defined(__x86_64__) || defined(__i386__)
#define KERNEL_O_LARGEFILE 0100000
#elif defined(__aarch64__) || defined(__arm__)
#define KERNEL_O_LARGEFILE 0400000
#endif

/* Sign-extends negative int constants (AT_FDCWD) to 64 bits. */
#define C(x) { #x, (uint64_t)(int64_t)(x) }

static const struct const_ent oacc[] = {
	C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_ACCMODE),
};

static const struct const_ent oflags[] = {
	C(O_TMPFILE),	/* __O_TMPFILE|O_DIRECTORY: before O_DIRECTORY */
	C(O_SYNC),	/* __O_SYNC|O_DSYNC: before O_DSYNC */
	C(O_CREAT), C(O_EXCL), C(O_NOCTTY), C(O_TRUNC), C(O_APPEND),
	C(O_NONBLOCK), C(O_DSYNC), C(O_ASYNC), C(O_DIRECT),
#ifdef KERNEL_O_LARGEFILE
	{ "O_LARGEFILE", KERNEL_O_LARGEFILE },
#endif
	C(O_DIRECTORY), C(O_NOFOLLOW), C(O_NOATIME), C(O_CLOEXEC), C(O_PATH),
	/* aliases */
	C(O_NDELAY), C(O_RSYNC), C(O_FSYNC), C(FASYNC),
};

static const struct const_ent af[] = {
	C(AF_UNSPEC), C(AF_UNIX), C(AF_INET), C(AF_AX25), C(AF_IPX),
	C(AF_APPLETALK), C(AF_NETROM), C(AF_BRIDGE), C(AF_ATMPVC), C(AF_X25),
	C(AF_INET6), C(AF_ROSE), C(AF_DECnet), C(AF_NETBEUI), C(AF_SECURITY),
	C(AF_KEY), C(AF_NETLINK), C(AF_PACKET), C(AF_ASH), C(AF_ECONET),
	C(AF_ATMSVC), C(AF_RDS), C(AF_SNA), C(AF_IRDA), C(AF_PPPOX),
	C(AF_WANPIPE), C(AF_LLC), C(AF_IB), C(AF_MPLS), C(AF_CAN), C(AF_TIPC),
	C(AF_BLUETOOTH), C(AF_IUCV), C(AF_RXRPC), C(AF_ISDN), C(AF_PHONET),
	C(AF_IEEE802154), C(AF_CAIF), C(AF_ALG), C(AF_NFC), C(AF_VSOCK),
	C(AF_KCM), C(AF_QIPCRTR), C(AF_SMC), C(AF_XDP), C(AF_MCTP),
	/* aliases */
	C(AF_LOCAL), C(AF_FILE), C(AF_ROUTE),
};

static const struct const_ent socktype[] = {
	C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW), C(SOCK_RDM),
	C(SOCK_SEQPACKET), C(SOCK_DCCP), C(SOCK_PACKET),
};

static const struct const_ent sockflags[] = {
	C(SOCK_NONBLOCK), C(SOCK_CLOEXEC),
};

static const struct const_ent prot[] = {
	C(PROT_NONE), C(PROT_READ), C(PROT_WRITE), C(PROT_EXEC),
#ifdef PROT_SEM
	C(PROT_SEM),
#endif
#ifdef PROT_BTI
	C(PROT_BTI),
#endif
#ifdef PROT_MTE
	C(PROT_MTE),
#endif
	C(PROT_GROWSDOWN), C(PROT_GROWSUP),
};

/* The low four bits of mmap's flags are one value, not bits. */
static const struct const_ent maptype[] = {
	C(MAP_SHARED), C(MAP_PRIVATE), C(MAP_SHARED_VALIDATE), C(MAP_DROPPABLE),
	C(MAP_TYPE),
};

static const struct const_ent mapflags[] = {
	C(MAP_FIXED), C(MAP_ANONYMOUS),
#ifdef MAP_32BIT
	C(MAP_32BIT),
#endif
	C(MAP_GROWSDOWN), C(MAP_DENYWRITE), C(MAP_EXECUTABLE), C(MAP_LOCKED),
	C(MAP_NORESERVE), C(MAP_POPULATE), C(MAP_NONBLOCK), C(MAP_STACK),
	C(MAP_HUGETLB), C(MAP_SYNC), C(MAP_FIXED_NOREPLACE),
	C(MAP_UNINITIALIZED),
	/* aliases */
	C(MAP_ANON), C(MAP_FILE),
};

/* clone's low byte is the exit signal (CSIGNAL), not flags; only unshare
 * and clone3 read 0x80 as CLONE_NEWTIME. */
static const struct const_ent clone_flags[] = {
	C(CLONE_VM), C(CLONE_FS), C(CLONE_FILES), C(CLONE_SIGHAND),
	C(CLONE_PIDFD), C(CLONE_PTRACE), C(CLONE_VFORK), C(CLONE_PARENT),
	C(CLONE_THREAD), C(CLONE_NEWNS), C(CLONE_SYSVSEM), C(CLONE_SETTLS),
	C(CLONE_PARENT_SETTID), C(CLONE_CHILD_CLEARTID), C(CLONE_DETACHED),
	C(CLONE_UNTRACED), C(CLONE_CHILD_SETTID), C(CLONE_NEWCGROUP),
	C(CLONE_NEWUTS), C(CLONE_NEWIPC), C(CLONE_NEWUSER), C(CLONE_NEWPID),
	C(CLONE_NEWNET), C(CLONE_IO), C(CLONE_NEWTIME),
	C(CLONE_CLEAR_SIGHAND), C(CLONE_INTO_CGROUP),	/* clone3 only */
	C(CSIGNAL),
};

static const struct const_ent fcntl_cmds[] = {
	C(F_DUPFD), C(F_GETFD), C(F_SETFD), C(F_GETFL), C(F_SETFL),
	C(F_GETLK), C(F_SETLK), C(F_SETLKW), C(F_SETOWN), C(F_GETOWN),
	C(F_SETSIG), C(F_GETSIG), C(F_SETOWN_EX), C(F_GETOWN_EX),
	C(F_OFD_GETLK), C(F_OFD_SETLK), C(F_OFD_SETLKW),
	C(F_SETLEASE), C(F_GETLEASE), C(F_NOTIFY), C(F_DUPFD_QUERY),
	C(F_CREATED_QUERY), C(F_CANCELLK), C(F_DUPFD_CLOEXEC),
	C(F_SETPIPE_SZ), C(F_GETPIPE_SZ), C(F_ADD_SEALS), C(F_GET_SEALS),
	C(F_GET_RW_HINT), C(F_SET_RW_HINT), C(F_GET_FILE_RW_HINT),
	C(F_SET_FILE_RW_HINT),
	/* aliases (equal to the above on 64-bit) */
	C(F_GETLK64), C(F_SETLK64), C(F_SETLKW64),
};

/* fcntl's third argument for some commands; lookup only (the values
 * collide with the commands, so this family is never used to format). */
static const struct const_ent fcntl_args[] = {
	C(FD_CLOEXEC), C(F_RDLCK), C(F_WRLCK), C(F_UNLCK),
	C(F_SEAL_SEAL), C(F_SEAL_SHRINK), C(F_SEAL_GROW), C(F_SEAL_WRITE),
	C(F_SEAL_FUTURE_WRITE), C(F_SEAL_EXEC),
};

/* The tty and generic file ioctls a policy is likely to name. */
static const struct const_ent ioctls[] = {
	C(TCGETS), C(TCSETS), C(TCSETSW), C(TCSETSF), C(TCGETA), C(TCSETA),
	C(TCSETAW), C(TCSETAF), C(TCSBRK), C(TCXONC), C(TCFLSH), C(TIOCEXCL),
	C(TIOCNXCL), C(TIOCSCTTY), C(TIOCGPGRP), C(TIOCSPGRP), C(TIOCOUTQ),
	C(TIOCSTI), C(TIOCGWINSZ), C(TIOCSWINSZ), C(TIOCMGET), C(TIOCMBIS),
	C(TIOCMBIC), C(TIOCMSET), C(TIOCGSOFTCAR), C(TIOCSSOFTCAR),
	C(FIONREAD), C(TIOCLINUX), C(TIOCCONS), C(TIOCGSERIAL),
	C(TIOCSSERIAL), C(TIOCPKT), C(FIONBIO), C(TIOCNOTTY), C(TIOCSETD),
	C(TIOCGETD), C(TCSBRKP), C(TIOCSBRK), C(TIOCCBRK), C(TIOCGSID),
	C(TIOCGRS485), C(TIOCSRS485), C(TIOCGPTN), C(TIOCSPTLCK), C(TIOCGDEV),
	C(TIOCSIG), C(TIOCVHANGUP), C(TIOCGPKT), C(TIOCGPTLCK), C(TIOCGEXCL),
	C(TIOCGPTPEER), C(FIONCLEX), C(FIOCLEX), C(FIOASYNC), C(TIOCMIWAIT),
	C(TIOCGICOUNT), C(FIOQSIZE), C(FIOSETOWN), C(FIOGETOWN),
	/* aliases */
	C(TIOCINQ),
};

static const struct const_ent at[] = {
	C(AT_FDCWD), C(AT_SYMLINK_NOFOLLOW), C(AT_REMOVEDIR),
	C(AT_SYMLINK_FOLLOW), C(AT_NO_AUTOMOUNT), C(AT_EMPTY_PATH),
	C(AT_STATX_FORCE_SYNC), C(AT_STATX_DONT_SYNC), C(AT_RECURSIVE),
	/* aliases */
	C(AT_EACCESS), C(AT_STATX_SYNC_AS_STAT),
};

static const struct const_ent prctls[] = {
	C(PR_SET_PDEATHSIG), C(PR_GET_PDEATHSIG), C(PR_GET_DUMPABLE),
	C(PR_SET_DUMPABLE), C(PR_GET_UNALIGN), C(PR_SET_UNALIGN),
	C(PR_GET_KEEPCAPS), C(PR_SET_KEEPCAPS), C(PR_GET_FPEMU),
	C(PR_SET_FPEMU), C(PR_GET_FPEXC), C(PR_SET_FPEXC), C(PR_GET_TIMING),
	C(PR_SET_TIMING), C(PR_SET_NAME), C(PR_GET_NAME), C(PR_GET_ENDIAN),
	C(PR_SET_ENDIAN), C(PR_GET_SECCOMP), C(PR_SET_SECCOMP),
	C(PR_CAPBSET_READ), C(PR_CAPBSET_DROP), C(PR_GET_TSC), C(PR_SET_TSC),
	C(PR_GET_SECUREBITS), C(PR_SET_SECUREBITS), C(PR_SET_TIMERSLACK),
	C(PR_GET_TIMERSLACK), C(PR_TASK_PERF_EVENTS_DISABLE),
	C(PR_TASK_PERF_EVENTS_ENABLE), C(PR_MCE_KILL), C(PR_MCE_KILL_GET),
	C(PR_SET_MM), C(PR_SET_CHILD_SUBREAPER), C(PR_GET_CHILD_SUBREAPER),
	C(PR_SET_NO_NEW_PRIVS), C(PR_GET_NO_NEW_PRIVS), C(PR_GET_TID_ADDRESS),
	C(PR_SET_THP_DISABLE), C(PR_GET_THP_DISABLE),
	C(PR_MPX_ENABLE_MANAGEMENT), C(PR_MPX_DISABLE_MANAGEMENT),
	C(PR_SET_FP_MODE), C(PR_GET_FP_MODE), C(PR_CAP_AMBIENT),
	C(PR_SVE_SET_VL), C(PR_SVE_GET_VL), C(PR_GET_SPECULATION_CTRL),
	C(PR_SET_SPECULATION_CTRL), C(PR_PAC_RESET_KEYS),
	C(PR_SET_TAGGED_ADDR_CTRL), C(PR_GET_TAGGED_ADDR_CTRL),
	C(PR_SET_IO_FLUSHER), C(PR_GET_IO_FLUSHER),
	C(PR_SET_SYSCALL_USER_DISPATCH), C(PR_PAC_SET_ENABLED_KEYS),
	C(PR_PAC_GET_ENABLED_KEYS), C(PR_SCHED_CORE), C(PR_SME_SET_VL),
	C(PR_SME_GET_VL), C(PR_SET_MDWE), C(PR_GET_MDWE),
	C(PR_SET_MEMORY_MERGE), C(PR_GET_MEMORY_MERGE),
	C(PR_GET_SHADOW_STACK_STATUS), C(PR_SET_SHADOW_STACK_STATUS),
	C(PR_LOCK_SHADOW_STACK_STATUS), C(PR_GET_AUXV), C(PR_SET_VMA),
};

static const struct const_ent signals[] = {
	C(SIGHUP), C(SIGINT), C(SIGQUIT), C(SIGILL), C(SIGTRAP), C(SIGABRT),
	C(SIGBUS), C(SIGFPE), C(SIGKILL), C(SIGUSR1), C(SIGSEGV), C(SIGUSR2),
	C(SIGPIPE), C(SIGALRM), C(SIGTERM), C(SIGSTKFLT), C(SIGCHLD),
	C(SIGCONT), C(SIGSTOP), C(SIGTSTP), C(SIGTTIN), C(SIGTTOU), C(SIGURG),
	C(SIGXCPU), C(SIGXFSZ), C(SIGVTALRM), C(SIGPROF), C(SIGWINCH),
	C(SIGIO), C(SIGPWR), C(SIGSYS),
	/* aliases */
	C(SIGIOT), C(SIGPOLL),
};

static const struct const_ent mode_bits[] = {
	C(S_IFMT), C(S_IFSOCK), C(S_IFLNK), C(S_IFREG), C(S_IFBLK), C(S_IFDIR),
	C(S_IFCHR), C(S_IFIFO), C(S_ISUID), C(S_ISGID), C(S_ISVTX),
	C(S_IRWXU), C(S_IRUSR), C(S_IWUSR), C(S_IXUSR), C(S_IRWXG),
	C(S_IRGRP), C(S_IWGRP), C(S_IXGRP), C(S_IRWXO), C(S_IROTH),
	C(S_IWOTH), C(S_IXOTH),
};

static const struct const_ent mfd[] = {
	C(MFD_CLOEXEC), C(MFD_ALLOW_SEALING), C(MFD_HUGETLB),
	C(MFD_NOEXEC_SEAL), C(MFD_EXEC),
};

static const struct const_ent seek[] = {
	C(SEEK_SET), C(SEEK_CUR), C(SEEK_END), C(SEEK_DATA), C(SEEK_HOLE),
};

static const struct const_ent personality_ents[] = {
	C(PER_LINUX), C(PER_LINUX32), C(PER_MASK), C(UNAME26),
	C(ADDR_NO_RANDOMIZE), C(FDPIC_FUNCPTRS), C(MMAP_PAGE_ZERO),
	C(ADDR_COMPAT_LAYOUT), C(READ_IMPLIES_EXEC), C(ADDR_LIMIT_32BIT),
	C(SHORT_INODE), C(WHOLE_SECONDS), C(STICKY_TIMEOUTS),
	C(ADDR_LIMIT_3GB),
};

static const struct const_ent ipproto[] = {
	C(IPPROTO_IP), C(IPPROTO_ICMP), C(IPPROTO_TCP), C(IPPROTO_UDP),
	C(IPPROTO_IPV6), C(IPPROTO_ICMPV6), C(IPPROTO_SCTP),
	C(IPPROTO_UDPLITE), C(IPPROTO_RAW), C(IPPROTO_MPTCP),
};

/* Every errno the kernel returns to user space.  The values differ on some
 * architectures jail does not support (mips, sparc, alpha, parisc), hence
 * the macros. */
static const struct const_ent errnos[] = {
	C(EPERM), C(ENOENT), C(ESRCH), C(EINTR), C(EIO), C(ENXIO), C(E2BIG),
	C(ENOEXEC), C(EBADF), C(ECHILD), C(EAGAIN), C(ENOMEM), C(EACCES),
	C(EFAULT), C(ENOTBLK), C(EBUSY), C(EEXIST), C(EXDEV), C(ENODEV),
	C(ENOTDIR), C(EISDIR), C(EINVAL), C(ENFILE), C(EMFILE), C(ENOTTY),
	C(ETXTBSY), C(EFBIG), C(ENOSPC), C(ESPIPE), C(EROFS), C(EMLINK),
	C(EPIPE), C(EDOM), C(ERANGE), C(EDEADLK), C(ENAMETOOLONG), C(ENOLCK),
	C(ENOSYS), C(ENOTEMPTY), C(ELOOP), C(ENOMSG), C(EIDRM), C(ECHRNG),
	C(EL2NSYNC), C(EL3HLT), C(EL3RST), C(ELNRNG), C(EUNATCH), C(ENOCSI),
	C(EL2HLT), C(EBADE), C(EBADR), C(EXFULL), C(ENOANO), C(EBADRQC),
	C(EBADSLT), C(EBFONT), C(ENOSTR), C(ENODATA), C(ETIME), C(ENOSR),
	C(ENONET), C(ENOPKG), C(EREMOTE), C(ENOLINK), C(EADV), C(ESRMNT),
	C(ECOMM), C(EPROTO), C(EMULTIHOP), C(EDOTDOT), C(EBADMSG),
	C(EOVERFLOW), C(ENOTUNIQ), C(EBADFD), C(EREMCHG), C(ELIBACC),
	C(ELIBBAD), C(ELIBSCN), C(ELIBMAX), C(ELIBEXEC), C(EILSEQ),
	C(ERESTART), C(ESTRPIPE), C(EUSERS), C(ENOTSOCK), C(EDESTADDRREQ),
	C(EMSGSIZE), C(EPROTOTYPE), C(ENOPROTOOPT), C(EPROTONOSUPPORT),
	C(ESOCKTNOSUPPORT), C(EOPNOTSUPP), C(EPFNOSUPPORT), C(EAFNOSUPPORT),
	C(EADDRINUSE), C(EADDRNOTAVAIL), C(ENETDOWN), C(ENETUNREACH),
	C(ENETRESET), C(ECONNABORTED), C(ECONNRESET), C(ENOBUFS), C(EISCONN),
	C(ENOTCONN), C(ESHUTDOWN), C(ETOOMANYREFS), C(ETIMEDOUT),
	C(ECONNREFUSED), C(EHOSTDOWN), C(EHOSTUNREACH), C(EALREADY),
	C(EINPROGRESS), C(ESTALE), C(EUCLEAN), C(ENOTNAM), C(ENAVAIL),
	C(EISNAM), C(EREMOTEIO), C(EDQUOT), C(ENOMEDIUM), C(EMEDIUMTYPE),
	C(ECANCELED), C(ENOKEY), C(EKEYEXPIRED), C(EKEYREVOKED),
	C(EKEYREJECTED), C(EOWNERDEAD), C(ENOTRECOVERABLE), C(ERFKILL),
	C(EHWPOISON),
	/* aliases */
	C(EWOULDBLOCK), C(EDEADLOCK), C(ENOTSUP),
};

#define FAMILY(what, tab, isflags) { what, tab, sizeof(tab) / sizeof(tab[0]), isflags }

static const struct const_family families[FAM_COUNT] = {
	[FAM_OACC] = FAMILY("open access mode", oacc, 0),
	[FAM_OFLAGS] = FAMILY("open flag", oflags, 1),
	[FAM_AF] = FAMILY("address family", af, 0),
	[FAM_SOCKTYPE] = FAMILY("socket type", socktype, 0),
	[FAM_SOCKFLAGS] = FAMILY("socket flag", sockflags, 1),
	[FAM_PROT] = FAMILY("memory protection", prot, 1),
	[FAM_MAPTYPE] = FAMILY("mapping type", maptype, 0),
	[FAM_MAPFLAGS] = FAMILY("mapping flag", mapflags, 1),
	[FAM_CLONE] = FAMILY("clone flag", clone_flags, 1),
	[FAM_FCNTL] = FAMILY("fcntl command", fcntl_cmds, 0),
	[FAM_FCNTLARG] = FAMILY("fcntl argument", fcntl_args, 0),
	[FAM_IOCTL] = FAMILY("ioctl request", ioctls, 0),
	[FAM_AT] = FAMILY("*at flag", at, 1),
	[FAM_PRCTL] = FAMILY("prctl option", prctls, 0),
	[FAM_SIGNAL] = FAMILY("signal", signals, 0),
	[FAM_MODE] = FAMILY("file mode bit", mode_bits, 1),
	[FAM_MFD] = FAMILY("memfd flag", mfd, 1),
	[FAM_SEEK] = FAMILY("lseek whence", seek, 0),
	[FAM_PERSONALITY] = FAMILY("personality", personality_ents, 1),
	[FAM_IPPROTO] = FAMILY("IP protocol", ipproto, 0),
	[FAM_ERRNO] = FAMILY("errno", errnos, 0),
};

const struct const_family *const_family(enum const_fam f)
{
	if ((unsigned)f >= FAM_COUNT)
		return NULL;
	return &families[f];
}
