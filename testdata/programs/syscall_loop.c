/* syscall_loop: calls getppid N times (N = argv[1], default 1000) and prints N.
 * For benchmarks (tracer overhead per syscall) and exact-count checks.
 * stdout (deterministic):
 *   syscall_loop: N getppid calls
 * Exit status 0. */
#include <sys/syscall.h>

#include "tracee.h"

int main(int argc, char** argv) {
  long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
  long done = 0;
  for (long i = 0; i < n; i++)
    if (syscall(SYS_getppid) > 0) done++;
  say("syscall_loop: %ld getppid calls\n", done);
  return 0;
}
