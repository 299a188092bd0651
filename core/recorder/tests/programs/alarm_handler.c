// alarm_handler: a SIGALRM handler without SA_RESTART interrupts a blocking read()
// (EINTR), then SIGCHLD from a child arrives at its handler. Exit 0 when both behaved
// as untraced.
#include <errno.h>
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
static volatile sig_atomic_t alarms, chlds;
static void on_alarm(int sig) { (void)sig; ++alarms; }
static void on_chld(int sig) { (void)sig; ++chlds; }
int main(void) {
  struct sigaction sa = {0};
  sa.sa_handler = on_alarm;  // no SA_RESTART: the read must fail with EINTR
  sigaction(SIGALRM, &sa, NULL);
  sa.sa_handler = on_chld;
  sa.sa_flags = SA_RESTART;
  sigaction(SIGCHLD, &sa, NULL);
  int fds[2];
  if (pipe(fds) != 0) return 1;
  struct itimerval it = {{0, 0}, {0, 50 * 1000}};
  setitimer(ITIMER_REAL, &it, NULL);
  char c;
  ssize_t n = read(fds[0], &c, 1);
  if (n != -1 || errno != EINTR || alarms != 1) return 2;
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGCHLD);
  sigprocmask(SIG_BLOCK, &block, &old);
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  while (!chlds) sigsuspend(&old);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return 3;
  return 0;
}
