/* killed_child: two children block in pause(); once each is inside pause the parent
 * kills it (SIGKILL, then SIGTERM) and prints the signal reported by waitpid.
 * The children's pause calls never return (unfinished calls, not counted by strace -c).
 * Nondeterministic syscalls: pread64 and clock_nanosleep (wait_in_syscall polling).
 * stdout (deterministic):
 *   child killed by signal 9 (SIGKILL), core dumped: no
 *   child killed by signal 15 (SIGTERM), core dumped: no
 * Exit status 0. */
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "tracee.h"

static void kill_child(int sig, const char* name) {
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    for (;;) pause();
  }
  wait_in_syscall(pid, SYS_pause);
  CHECK(kill(pid, sig) == 0);
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid);
  if (WIFSIGNALED(status))
    say("child killed by signal %d (%s), core dumped: %s\n", WTERMSIG(status), name,
        WCOREDUMP(status) ? "yes" : "no");
  else
    say("child not killed: status %#x\n", status);
}

int main(void) {
  kill_child(SIGKILL, "SIGKILL");
  kill_child(SIGTERM, "SIGTERM");
  return 0;
}
