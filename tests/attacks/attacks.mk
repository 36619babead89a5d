# tests/attacks/attacks.mk — the escape-attempt suite (included from
# Makefile.am, after EXTRA_DIST is set).  Each program is one class of
# escape, static so that a jail's empty root needs nothing else, never
# sanitized (it runs inside the jail); run.sh runs them all.

attack_programs = \
	tests/attacks/read-host \
	tests/attacks/chroot-escape \
	tests/attacks/handle \
	tests/attacks/tty \
	tests/attacks/abi \
	tests/attacks/iouring \
	tests/attacks/userns \
	tests/attacks/mount \
	tests/attacks/ptrace \
	tests/attacks/connect \
	tests/attacks/privs \
	tests/attacks/write \
	tests/attacks/exe \
	tests/attacks/kernel \
	tests/attacks/limits \
	tests/attacks/signals \
	tests/attacks/noexec
check_PROGRAMS += $(attack_programs)

tests_attacks_read_host_SOURCES = tests/attacks/read-host.c tests/attacks/attack.h
tests_attacks_read_host_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_read_host_LDFLAGS = -all-static
tests_attacks_chroot_escape_SOURCES = tests/attacks/chroot-escape.c tests/attacks/attack.h
tests_attacks_chroot_escape_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_chroot_escape_LDFLAGS = -all-static
tests_attacks_handle_SOURCES = tests/attacks/handle.c tests/attacks/attack.h
tests_attacks_handle_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_handle_LDFLAGS = -all-static
tests_attacks_tty_SOURCES = tests/attacks/tty.c tests/attacks/attack.h
tests_attacks_tty_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_tty_LDFLAGS = -all-static
tests_attacks_abi_SOURCES = tests/attacks/abi.c tests/attacks/attack.h
tests_attacks_abi_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_abi_LDFLAGS = -all-static
tests_attacks_iouring_SOURCES = tests/attacks/iouring.c tests/attacks/attack.h
tests_attacks_iouring_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_iouring_LDFLAGS = -all-static
tests_attacks_userns_SOURCES = tests/attacks/userns.c tests/attacks/attack.h
tests_attacks_userns_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_userns_LDFLAGS = -all-static
tests_attacks_mount_SOURCES = tests/attacks/mount.c tests/attacks/attack.h
tests_attacks_mount_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_mount_LDFLAGS = -all-static
tests_attacks_ptrace_SOURCES = tests/attacks/ptrace.c tests/attacks/attack.h
tests_attacks_ptrace_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_ptrace_LDFLAGS = -all-static
tests_attacks_connect_SOURCES = tests/attacks/connect.c tests/attacks/attack.h
tests_attacks_connect_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_connect_LDFLAGS = -all-static
tests_attacks_privs_SOURCES = tests/attacks/privs.c tests/attacks/attack.h
tests_attacks_privs_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_privs_LDFLAGS = -all-static
tests_attacks_write_SOURCES = tests/attacks/write.c tests/attacks/attack.h
tests_attacks_write_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_write_LDFLAGS = -all-static
tests_attacks_exe_SOURCES = tests/attacks/exe.c tests/attacks/attack.h
tests_attacks_exe_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_exe_LDFLAGS = -all-static
tests_attacks_kernel_SOURCES = tests/attacks/kernel.c tests/attacks/attack.h
tests_attacks_kernel_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_kernel_LDFLAGS = -all-static
tests_attacks_limits_SOURCES = tests/attacks/limits.c tests/attacks/attack.h
tests_attacks_limits_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_limits_LDFLAGS = -all-static
tests_attacks_signals_SOURCES = tests/attacks/signals.c tests/attacks/attack.h
tests_attacks_signals_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_signals_LDFLAGS = -all-static
tests_attacks_noexec_SOURCES = tests/attacks/noexec.c tests/attacks/attack.h
tests_attacks_noexec_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_attacks_noexec_LDFLAGS = -all-static

TESTS += tests/attacks/run.sh
EXTRA_DIST += tests/attacks/run.sh tests/attacks/run-against-stub
