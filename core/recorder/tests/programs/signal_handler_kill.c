// signal_handler_kill: the parent handles SIGUSR1; its child sends it with kill() and
// exits. Exit 0 when the handler ran.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
static volatile sig_atomic_t got;
static void on_usr1(int sig) { got = sig; }
int main(void) {
  struct sigaction sa = {0};
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigprocmask(SIG_BLOCK, &block, &old);
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    kill(getppid(), SIGUSR1);
    _exit(0);
  }
  while (!got) sigsuspend(&old);
  int status = 0;
  waitpid(pid, &status, 0);
  return got == SIGUSR1 ? 0 : 2;
}
