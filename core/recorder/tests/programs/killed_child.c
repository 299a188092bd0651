// killed_child: the parent kills its child, blocked in pause(), with SIGKILL and reaps it.
// Exit 0 when the child was reported killed by SIGKILL.
#include <signal.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "blocked_in.h"
int main(void) {
  int ready[2];
  if (pipe(ready) != 0) return 1;
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    close(ready[0]);
    (void)!write(ready[1], "r", 1);
    for (;;) pause();
  }
  char c;
  close(ready[1]);
  if (read(ready[0], &c, 1) != 1) return 2;
  if (!wait_blocked_in(pid, SYS_pause)) return 5;  // killed in the middle of pause()
  kill(pid, SIGKILL);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return 3;
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ? 0 : 4;
}
