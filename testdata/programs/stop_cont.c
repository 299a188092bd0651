/* stop_cont: job-control stops seen by a real parent while a tracer is attached.
 *  1. The child stops itself with raise(SIGSTOP); the parent sees it with
 *     waitpid(WUNTRACED), sends SIGCONT, sees waitpid(WCONTINUED), then lets the child
 *     exit (a byte on a pipe) and reaps it.
 *  2. The child blocks in read() on a pipe; once it is inside read the parent sends
 *     SIGSTOP (the read is interrupted, ERESTARTSYS), waits WUNTRACED, sends SIGCONT,
 *     waits WCONTINUED, then writes a byte: the restarted read gets it.
 * A tracer must handle group-stops (PTRACE_LISTEN) or the parent's waitpid hangs.
 * Nondeterministic syscalls: pread64 and clock_nanosleep (wait_in_syscall polling); and,
 * under any tracer only, wait4 failing with ERESTARTSYS: a traced process receives even
 * ignored signals, so a SIGCHLD (CLD_STOPPED/CLD_CONTINUED) landing while the parent is
 * blocked in wait4 interrupts it and the call is restarted. Successful wait4 calls are
 * deterministic (6).
 * stdout (deterministic):
 *   child 1 stopped by SIGSTOP
 *   child 1 continued
 *   child 1 exited with 3
 *   child 2 stopped by SIGSTOP
 *   child 2 continued
 *   child 2 exited with 4
 * Exit status 0. */
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "tracee.h"

/* Waits for the stop, continues the child, waits for the continue; then writes the
 * byte the child's read is waiting for, and waits for the exit. */
static void wait_stop_cont(int n, pid_t pid, int write_fd) {
  int status = 0;
  CHECK(waitpid(pid, &status, WUNTRACED) == pid);
  if (WIFSTOPPED(status))
    say("child %d stopped by %s\n", n, WSTOPSIG(status) == SIGSTOP ? "SIGSTOP" : "another signal");
  else
    say("child %d: unexpected status %#x instead of a stop\n", n, status);
  CHECK(kill(pid, SIGCONT) == 0);
  CHECK(waitpid(pid, &status, WCONTINUED) == pid);
  say("child %d %s\n", n, WIFCONTINUED(status) ? "continued" : "did not report continued");
  CHECK(write(write_fd, "k", 1) == 1);
  CHECK(waitpid(pid, &status, 0) == pid);
  if (WIFEXITED(status))
    say("child %d exited with %d\n", n, WEXITSTATUS(status));
  else
    say("child %d: unexpected final status %#x\n", n, status);
}

/* Forks a child that runs `body` with the read end of a fresh pipe; the parent keeps
 * the write end (*write_fd). The child cannot exit before the parent writes the byte,
 * so the parent's waitpid(WCONTINUED) always sees the continue, never the exit. */
static pid_t spawn(void (*body)(int read_fd), int* write_fd) {
  int p[2];
  CHECK(pipe(p) == 0);
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    close(p[1]);
    body(p[0]);
    _exit(1);
  }
  close(p[0]);
  *write_fd = p[1];
  return pid;
}

static int read_k(int fd) {
  char c = 0;
  return read(fd, &c, 1) == 1 && c == 'k';
}

static void stops_itself(int fd) {
  raise(SIGSTOP);
  _exit(read_k(fd) ? 3 : 1);
}

static void blocks_in_read(int fd) { _exit(read_k(fd) ? 4 : 1); }

int main(void) {
  int fd = -1;
  pid_t pid = spawn(stops_itself, &fd);
  wait_stop_cont(1, pid, fd);
  close(fd);

  pid = spawn(blocks_in_read, &fd);
  wait_in_syscall(pid, SYS_read);
  CHECK(kill(pid, SIGSTOP) == 0);
  wait_stop_cont(2, pid, fd);
  close(fd);
  return 0;
}
