/* vfork_exec: vfork; the child execs /bin/echo at once (the parent is suspended until
 * then); the parent waits and prints the status.
 *
 * Exercises: vfork following (CLONE_VFORK|CLONE_VM: parent blocked until the child's
 * exec), exec from a vfork child, reaping.
 * stdout (deterministic):
 *   from vfork child
 *   parent: vfork child exited with 0
 * Exit status 0. */
#include <sys/wait.h>

#include "tracee.h"

int main(void) {
  char* const argv[] = {"/bin/echo", "from", "vfork", "child", NULL};
  pid_t pid = vfork();
  if (pid < 0) die("vfork");
  if (pid == 0) {
    execv(argv[0], argv);
    _exit(127);
  }
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid);
  say("parent: vfork child exited with %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return 0;
}
