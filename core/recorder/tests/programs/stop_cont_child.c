// stop_cont_child: job control as a shell does it. The parent stops its child with
// SIGSTOP, sees it with waitpid(WUNTRACED), continues it with SIGCONT, sees that with
// WCONTINUED, then the child exits 5. Exit 0 when every step behaved as untraced.
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
int main(void) {
  int ready[2];
  if (pipe(ready) != 0) return 1;
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    close(ready[0]);
    (void)!write(ready[1], "r", 1);
    struct timespec ts = {0, 200 * 1000 * 1000};
    nanosleep(&ts, NULL);  // stopped and continued meanwhile
    _exit(5);
  }
  char c;
  close(ready[1]);
  if (read(ready[0], &c, 1) != 1) return 2;
  int status = 0;
  kill(pid, SIGSTOP);
  if (waitpid(pid, &status, WUNTRACED) != pid || !WIFSTOPPED(status) || WSTOPSIG(status) != SIGSTOP)
    return 3;
  kill(pid, SIGCONT);
  if (waitpid(pid, &status, WCONTINUED) != pid || !WIFCONTINUED(status)) return 4;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 5) return 6;
  return 0;
}
