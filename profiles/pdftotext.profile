# pdftotext.profile — poppler's pdftotext converting one PDF, read from
# standard input or a read-only bind, to text on standard output.
#
# Run:
#   jail -p pdftotext -- pdftotext -layout - - < IN.pdf > OUT.txt
#   jail -p pdftotext --ro-bind IN.pdf:/in.pdf -- pdftotext -enc UTF-8 /in.pdf - > OUT.txt
#
# A PDF is a complex, hostile format: the parser (xref repair, stream
# filters, fonts, CMaps) is the attack surface this profile contains.
#
# Forbidden: writing the text to a file (`pdftotext IN OUT.txt` is killed:
# no file may be opened for writing; use `-` for stdout), reading files
# not bound in, writing to any descriptor but 1 and 2, processes and
# threads, sockets, changing resource limits, growing any file (fsize 0).
# Binds: poppler's encoding and CMap tables (/usr/share/poppler, from the
# poppler-data package), read-only; text extraction needs no fonts and no
# fontconfig.

ro-bind /usr/share/poppler

# Start-up: the dynamic loader and libc (see gzip.profile).
allow brk, mmap, munmap, mprotect, arch_prctl, set_tid_address, set_robust_list, rseq
allow access, newfstatat, pread64, read, close, getrandom, futex, exit_group
allow openat: arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY
allow prlimit64: arg2 == 0

# poppler lists its data directories and seeks in the document.
allow getdents64, lseek
allow fcntl: arg1 == F_GETFD || arg1 == F_GETFL
allow write: arg0 == 1 || arg0 == 2
allow ioctl: arg1 == TCGETS

allow rt_sigaction, rt_sigprocmask, rt_sigreturn, gettid, getpid, tgkill

fsize 0
rlimit nofile=32
rlimit as=1G
# Malformed cross-reference tables and stream loops can spin for long.
timeout 120
