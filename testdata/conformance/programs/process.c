// Conformance tracee: processes — fork/vfork/clone/clone3 (named arguments, the clone3
// struct), wait4/waitid, resource limits (prlimit64), prctl options, priorities,
// scheduling, ids, personality, ptrace requests.
#include "conformance.h"

#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <sys/fsuid.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>

static char child_stack[65536] __attribute__((aligned(16)));

static int clone_child(void* arg) {
  (void)arg;
  return 7;
}

int main(void) {
  pid_t c = fork();
  if (c == 0) _exit(1);
  int status;
  wait4(c, &status, 0, NULL);
  c = vfork();
  if (c == 0) _exit(2);
  waitpid(c, &status, 0);
  c = clone(clone_child, child_stack + sizeof child_stack, SIGCHLD, NULL);
  struct rusage ru;
  wait4(c, &status, __WALL, &ru);
  struct clone_args ca = {.flags = CLONE_PARENT_SETTID, .exit_signal = SIGCHLD, .parent_tid = (uint64_t)(uintptr_t)&c};
  long r = syscall(SYS_clone3, &ca, sizeof ca);
  if (r == 0) syscall(SYS_exit, 4);
  siginfo_t si;
  waitid(P_ALL, 0, &si, WEXITED);
  waitid(P_PID, 99999, &si, WEXITED | WNOHANG);
  wait4(-1, &status, WNOHANG, NULL);

  struct rlimit rl;
  getrlimit(RLIMIT_NOFILE, &rl);
  setrlimit(RLIMIT_NOFILE, &rl);
  struct rlimit64 nl = {1024, 4096}, ol;
  prlimit64(0, RLIMIT_CORE, &nl, &ol);
  prlimit64(0, RLIMIT_AS, NULL, &ol);
  prlimit64(0, 99, NULL, &ol);
  getrusage(RUSAGE_SELF, &ru);
  getrusage(RUSAGE_CHILDREN, &ru);

  prctl(PR_SET_NAME, "conftest");
  char name[16];
  prctl(PR_GET_NAME, name);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  int sig;
  prctl(PR_GET_PDEATHSIG, &sig);
  prctl(PR_GET_DUMPABLE);
  prctl(PR_SET_DUMPABLE, 1);
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
  prctl(PR_CAPBSET_READ, 0);
  prctl(PR_GET_KEEPCAPS);
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  prctl(PR_GET_TIMERSLACK);
  prctl(PR_GET_SECCOMP);
  prctl(0x12345678, 1, 2, 3, 4);

  getpriority(PRIO_PROCESS, 0);
  setpriority(PRIO_PROCESS, 0, 0);
  sched_getscheduler(0);
  struct sched_param sp = {0};
  sched_getparam(0, &sp);
  sched_setscheduler(0, SCHED_OTHER, &sp);
  sched_get_priority_max(SCHED_FIFO);
  sched_get_priority_min(SCHED_RR);
  sched_yield();
  struct timespec rr;
  sched_rr_get_interval(0, &rr);
  personality(0xffffffff);
  getppid();
  getpgrp();
  getsid(0);
  getpgid(0);
  setpgid(0, 0);
  getuid();
  geteuid();
  getgid();
  getegid();
  uid_t a, b, d;
  getresuid(&a, &b, &d);
  getresgid(&a, &b, &d);
  gid_t groups[8];
  getgroups(8, groups);
  setresuid(-1, -1, -1);
  setfsuid(-1);

  c = fork();
  if (c == 0) {
    // Traced by golden or strace already: PTRACE_TRACEME fails with EPERM.
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    _exit(0);
  }
  wait4(c, &status, 0, NULL);
  ptrace(PTRACE_PEEKUSER, c, 0, 0);
  ptrace(PTRACE_ATTACH, 99999, 0, 0);
  ptrace(PTRACE_SETOPTIONS, 99999, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
  ptrace(PTRACE_CONT, 99999, 0, SIGTERM);
  return 0;
}
