// Conformance tracee: signals — handlers, masks, sending, an interrupted call and its
// rt_sigreturn (issue 12, item 5), SIGIO's name (item 7), stopped children seen through
// wait4 and waitid (item 4), SIGCHLD's siginfo, sigaltstack, sigtimedwait, signalfd.
#include "conformance.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <sys/time.h>
#include <sys/wait.h>

static void on_signal(int sig) { (void)sig; }

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGTERM);
  sigaction(SIGUSR1, &sa, NULL);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGIO, &sa, NULL);
  struct sigaction old;
  sigaction(SIGUSR1, NULL, &old);
  signal(SIGPIPE, SIG_IGN);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGRTMIN + 1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  sigset_t pending;
  kill(getpid(), SIGUSR2);
  sigpending(&pending);
  struct timespec ts = {0, 1000};
  siginfo_t si;
  sigtimedwait(&set, &si, &ts);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  kill(getpid(), SIGIO);
  raise(SIGUSR1);
  stack_t ss = {.ss_sp = malloc(65536), .ss_size = 65536, .ss_flags = 0};
  sigaltstack(&ss, NULL);
  sigaltstack(NULL, &ss);
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
  kill(getpid(), SIGHUP);
  struct signalfd_siginfo info;
  read(sfd, &info, sizeof info);
  close(sfd);

  // An interrupted call: SIGALRM (a handler without SA_RESTART) fires while read()
  // blocks on an empty pipe: read fails (ERESTARTSYS), rt_sigreturn restores -EINTR.
  sa.sa_flags = 0;
  sigaction(SIGALRM, &sa, NULL);
  int p[2];
  pipe(p);
  struct itimerval it = {.it_interval = {0, 0}, .it_value = {0, 200000}};
  setitimer(ITIMER_REAL, &it, NULL);
  char c;
  read(p[0], &c, 1);
  close(p[0]);
  close(p[1]);

  // A stopped child, seen by wait4(WUNTRACED) and waitid(WSTOPPED), then continued.
  // SIGCHLD stays blocked while we wait: delivered during a wait it would interrupt and
  // restart it, at a moment that differs from run to run.
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, NULL);
  pid_t child = fork();
  if (child == 0) {
    raise(SIGSTOP);
    _exit(3);
  }
  int status;
  wait4(child, &status, WUNTRACED, NULL);
  kill(child, SIGCONT);
  siginfo_t wi;
  waitid(P_PID, child, &wi, WEXITED);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  return 0;
}
