/* rapid_children: forks 200 children as fast as possible (each exits at once with
 * i % 7), then reaps them all with waitpid(-1) and prints the sum of the exit codes.
 * Exercises: many short-lived processes created and exiting while the tracer is busy
 * (new-child stops arriving before the fork event, exits before the first stop).
 * Under any tracer only, some clone calls fail with ERESTARTNOINTR and are retried by
 * the kernel: a traced process receives even ignored signals, so a SIGCHLD from an
 * exiting child that is pending while fork runs aborts the fork (copy_process checks
 * signal_pending). The number of successful clones (200) is deterministic.
 * stdout (deterministic):
 *   reaped 200 children, exit codes sum 594
 * Exit status 0. */
#include <sys/wait.h>

#include "tracee.h"

enum { kChildren = 200 };

int main(void) {
  for (int i = 0; i < kChildren; i++) {
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) _exit(i % 7);
  }
  int reaped = 0, sum = 0, status = 0;
  while (reaped < kChildren) {
    pid_t pid = waitpid(-1, &status, 0);
    CHECK(pid > 0);
    reaped++;
    if (WIFEXITED(status)) sum += WEXITSTATUS(status);
  }
  say("reaped %d children, exit codes sum %d\n", reaped, sum);
  return 0;
}
