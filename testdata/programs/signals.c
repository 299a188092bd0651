/* signals: signal handling a tracer must not disturb.
 *  1. raise(SIGUSR1) to itself; the handler runs.
 *  2. SIGUSR1 to a child blocked in sigsuspend (SIGUSR1 blocked until then, so the
 *     delivery point does not depend on timing); the child exits 7 if its handler ran.
 *  3. pause() interrupted by SIGALRM from setitimer (handler without SA_RESTART:
 *     pause fails with EINTR). The timer repeats every 20 ms until disarmed, so pause
 *     returns even if a tick fired before it was entered.
 *  4. read() on an empty pipe interrupted by a one-shot SIGALRM whose SA_RESTART
 *     handler writes a byte into that pipe: the kernel restarts the read, which gets it.
 *  5. A SIGCHLD handler reaping children with waitpid(WNOHANG) (SIGCHLD blocked except
 *     inside sigsuspend, so each child costs exactly one sigsuspend and two wait4).
 * Nondeterministic syscalls: read (parts 3/4: if a SIGALRM fires before read/pause is
 * entered — possible only on a very loaded machine — read is called once instead of
 * twice) and rt_sigreturn (an extra 20 ms tick in part 3). Everything else is
 * deterministic.
 * stdout (deterministic):
 *   self SIGUSR1 handled: 1
 *   child handled SIGUSR1 and exited with 7
 *   pause interrupted by SIGALRM: EINTR
 *   read restarted after SIGALRM, got 'x'
 *   SIGCHLD handler reaped 3 children, exit codes sum 6
 * Exit status 0. */
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "tracee.h"

static volatile sig_atomic_t usr1_count;
static volatile sig_atomic_t alrm_count;
static volatile sig_atomic_t reaped;
static volatile sig_atomic_t code_sum;
static int alarm_pipe[2];

static void on_usr1(int sig) {
  (void)sig;
  usr1_count++;
}

static void on_alrm(int sig) {
  (void)sig;
  alrm_count++;
}

static void on_alrm_write(int sig) {
  (void)sig;
  ssize_t w = write(alarm_pipe[1], "x", 1);
  (void)w;
}

static void on_chld(int sig) {
  (void)sig;
  int saved = errno;
  int status = 0;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    reaped++;
    if (WIFEXITED(status)) code_sum += WEXITSTATUS(status);
  }
  errno = saved;
}

static void handle(int sig, void (*fn)(int), int flags) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = fn;
  sa.sa_flags = flags;
  sigemptyset(&sa.sa_mask);
  CHECK(sigaction(sig, &sa, NULL) == 0);
}

static void set_timer(long first_ms, long interval_ms) {
  struct itimerval it = {{0, interval_ms * 1000}, {0, first_ms * 1000}};
  CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
}

int main(void) {
  sigset_t usr1, chld, old;

  /* 1. SIGUSR1 to self. */
  handle(SIGUSR1, on_usr1, 0);
  raise(SIGUSR1);
  say("self SIGUSR1 handled: %d\n", (int)usr1_count);

  /* 2. SIGUSR1 to a child. */
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  CHECK(sigprocmask(SIG_BLOCK, &usr1, &old) == 0);
  usr1_count = 0;
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    sigsuspend(&old);
    _exit(usr1_count == 1 ? 7 : 1);
  }
  CHECK(kill(child, SIGUSR1) == 0);
  CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
  int status = 0;
  CHECK(waitpid(child, &status, 0) == child);
  say("child handled SIGUSR1 and exited with %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);

  /* 3. pause() interrupted by SIGALRM. */
  handle(SIGALRM, on_alrm, 0);
  set_timer(20, 20);
  int r = pause();
  int err = errno;
  set_timer(0, 0);
  say("pause interrupted by SIGALRM: %s\n", r == -1 && err == EINTR ? "EINTR" : "unexpected");

  /* 4. read() restarted after SIGALRM (SA_RESTART). */
  CHECK(pipe(alarm_pipe) == 0);
  handle(SIGALRM, on_alrm_write, SA_RESTART);
  set_timer(20, 0);
  char c = 0;
  ssize_t n = read(alarm_pipe[0], &c, 1);
  say("read restarted after SIGALRM, got '%c'\n", n == 1 ? c : '?');
  close(alarm_pipe[0]);
  close(alarm_pipe[1]);

  /* 5. SIGCHLD handler reaping children. */
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  CHECK(sigprocmask(SIG_BLOCK, &chld, &old) == 0);
  handle(SIGCHLD, on_chld, SA_RESTART | SA_NOCLDSTOP);
  for (int i = 1; i <= 3; i++) {
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) _exit(i);
    while (reaped < i) sigsuspend(&old);
  }
  CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
  say("SIGCHLD handler reaped %d children, exit codes sum %d\n", (int)reaped, (int)code_sum);
  return 0;
}
