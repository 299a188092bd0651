/* sig_child: runs `sleep 0.3` and waits for it. FIDELITY_VARIANT=signal sends the
 * child SIGWINCH (ignored by default: the signal itself is the only change). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  const char* variant = getenv("FIDELITY_VARIANT");
  int sig = variant && strcmp(variant, "signal") == 0;
  fflush(stdout);
  pid_t p = fork();
  if (p == 0) {
    execlp("sleep", "sleep", "0.3", (char*)NULL);
    _exit(127);
  }
  if (sig) {
    usleep(100000);
    kill(p, SIGWINCH);
  }
  int st;
  waitpid(p, &st, 0);
  printf("child exited %d\n", WEXITSTATUS(st));
  return 0;
}
