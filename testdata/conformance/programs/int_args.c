// Conformance tracee: arguments the kernel reads as `int` (issue 12, item 1) given with
// garbage above bit 31 or negative, strings that run into unmapped memory (item 2), and
// the newest syscall numbers (item 7). Raw syscall() so the registers hold exactly this.
#include "conformance.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>

#define PIDFD_NONBLOCK O_NONBLOCK  // <linux/pidfd.h> clashes with glibc's <fcntl.h>

int main(void) {
  syscall(SYS_pidfd_open, 0, GARBAGE_HI | PIDFD_NONBLOCK);
  struct timeval zero = {0, 0};
  syscall(SYS_select, GARBAGE_HI | 0xffffffffULL << 32, 0, 0, 0, &zero);
  syscall(SYS_select, -1L, 0, 0, 0, &zero);
  syscall(SYS_epoll_wait, -2L, 0, -2L, 0);
  syscall(SYS_epoll_wait, GARBAGE_HI | 5, 0, GARBAGE_HI | 1, GARBAGE_HI | 0);
  syscall(SYS_dup2, GARBAGE_HI | 1, GARBAGE_HI | 50);
  syscall(SYS_close, GARBAGE_HI | 50);
  syscall(SYS_kill, GARBAGE_HI | 0x7fffffff, GARBAGE_HI | 0);
  syscall(SYS_lseek, GARBAGE_HI | 99, -1L, GARBAGE_HI | SEEK_END);
  syscall(SYS_openat, GARBAGE_HI | (unsigned)AT_FDCWD, "int_args.tmp", GARBAGE_HI | O_CREAT | O_WRONLY,
          GARBAGE_HI | 0600);
  syscall(SYS_unlinkat, GARBAGE_HI | (unsigned)AT_FDCWD, "int_args.tmp", GARBAGE_HI);
  syscall(SYS_socket, GARBAGE_HI | AF_UNIX, GARBAGE_HI | SOCK_STREAM, GARBAGE_HI);
  int optlen = -1;
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  int one = 1;
  syscall(SYS_setsockopt, sv[0], GARBAGE_HI | SOL_SOCKET, GARBAGE_HI | SO_PASSCRED, &one, GARBAGE_HI | 4);
  syscall(SYS_getsockopt, sv[0], SOL_SOCKET, SO_TYPE, &one, &optlen);
  syscall(SYS_listen, sv[0], -1L);
  syscall(SYS_shutdown, sv[0], GARBAGE_HI | SHUT_RDWR);
  syscall(SYS_fchmodat, GARBAGE_HI | (unsigned)AT_FDCWD, ".", GARBAGE_HI | 0755);
  syscall(SYS_umask, GARBAGE_HI | 022);
  syscall(SYS_rt_sigprocmask, GARBAGE_HI | SIG_BLOCK, 0, 0, 8);
  syscall(SYS_setpgid, GARBAGE_HI, GARBAGE_HI);
  syscall(SYS_getpgid, GARBAGE_HI | 0);
  syscall(SYS_setuid, GARBAGE_HI | 0xffffffffULL);
  syscall(SYS_tgkill, GARBAGE_HI | 1, GARBAGE_HI | 1, GARBAGE_HI | 0);
  // Strings that run into unmapped memory: the call fails with EFAULT; the address is shown.
  char* s = tail_alloc(4);
  memcpy(s, "\x06\x07\x08\x09", 4);
  syscall(SYS_add_key, 0, s, 0, 0, 0);
  syscall(SYS_openat, AT_FDCWD, s, O_RDONLY);
  syscall(SYS_chdir, s);
  syscall(SYS_mkdir, (char*)tail_alloc(0), 0755);
  // Syscalls newer than strace 6.1 and glibc 2.36.
  syscall(470, 0, 0, 0, 0);
  syscall(471);
  close(sv[0]);
  close(sv[1]);
  return 0;
}
