/* Helpers shared by the tracee programs (header-only, C11).
 *
 * Every program writes its stdout with say(): one write(2) per line, unbuffered, so
 * (a) the number of write calls does not depend on whether stdout is a tty, a pipe
 * or a file, and (b) nothing is left in a stdio buffer to be duplicated by fork.
 * That keeps both the output and the syscall counts deterministic. */
#ifndef GOLDEN_TRACEE_H
#define GOLDEN_TRACEE_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

/* One line to stdout with a single write(2). */
static inline void say(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void say(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
  ssize_t w = write(STDOUT_FILENO, buf, (size_t)n);
  (void)w;
}

/* Reports a failed call on stderr and exits 100 (no test program exits 100 otherwise). */
static inline void die(const char* what) {
  char buf[256];
  int n = snprintf(buf, sizeof buf, "%s: %s\n", what, strerror(errno));
  ssize_t w = write(STDERR_FILENO, buf, n > 0 ? (size_t)n : 0);
  (void)w;
  _exit(100);
}

#define CHECK(expr)          \
  do {                       \
    if (!(expr)) die(#expr); \
  } while (0)

/* Waits until `pid` is inside syscall `nr` (blocked in it, or stopped at its entry
 * by a tracer), by polling /proc/PID/syscall. Used where a signal must hit a call
 * that is already blocked, so the interruption (ERESTARTSYS...) always happens and
 * the syscall counts stay deterministic. The polling itself costs a varying number
 * of pread64 and clock_nanosleep calls: tests exclude those two from exact counts
 * for the programs that use this. Gives up (exit 101) after ~20 s. */
static inline void wait_in_syscall(pid_t pid, long nr) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  CHECK(fd >= 0);
  for (int i = 0; i < 20000; i++) {
    char buf[128];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n > 0) {
      buf[n] = 0;
      char* end = NULL;
      long cur = strtol(buf, &end, 10);
      if (end != buf && cur == nr) {
        close(fd);
        return;
      }
    }
    struct timespec ts = {0, 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  errno = ETIMEDOUT;
  die("wait_in_syscall");
}

#endif
