/* fork_exec_wait: fork; the child execs /bin/echo with a fixed argv; the parent waits
 * for it and prints its status. Then a second child execs /bin/true.
 *
 * Exercises: fork (clone) following, execve in a child (process tree, exec record with
 * path and argv), exit -> wait4 reap edges.
 * stdout (deterministic):
 *   parent: forking
 *   hello from echo
 *   parent: child 1 exited with 0
 *   parent: child 2 exited with 0
 * Exit status 0. */
#include <sys/wait.h>

#include "tracee.h"

static int run(char* const argv[]) {
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    execv(argv[0], argv);
    die("execv");
  }
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(void) {
  say("parent: forking\n");
  char* const echo[] = {"/bin/echo", "hello", "from", "echo", NULL};
  say("parent: child 1 exited with %d\n", run(echo));
  char* const truecmd[] = {"/bin/true", NULL};
  say("parent: child 2 exited with %d\n", run(truecmd));
  return 0;
}
