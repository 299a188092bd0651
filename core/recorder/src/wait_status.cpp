#include "wait_status.hpp"

#include <sys/ptrace.h>
#include <sys/wait.h>

#include <csignal>

namespace golden::rec {

bool is_stopping_signal(int sig) {
  return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

WaitResult classify_wait_status(Tid tid, int status) {
  WaitResult r;
  r.tid = tid;
  r.status = status;
  if (WIFEXITED(status)) {
    r.kind = StopKind::Exited;
    r.exit_code = WEXITSTATUS(status);
    return r;
  }
  if (WIFSIGNALED(status)) {
    r.kind = StopKind::Killed;
    r.signal = WTERMSIG(status);
    r.core_dumped = WCOREDUMP(status);
    return r;
  }
  if (!WIFSTOPPED(status)) return r;  // WIFCONTINUED is never requested
  const int sig = WSTOPSIG(status);
  const int event = (status >> 16) & 0xffff;
  r.signal = sig;
  if (sig == (SIGTRAP | 0x80)) {
    r.kind = StopKind::SyscallStop;
    r.signal = 0;
    return r;
  }
  switch (event) {
    case 0: r.kind = StopKind::SignalDelivery; return r;
    case PTRACE_EVENT_FORK: r.kind = StopKind::Fork; break;
    case PTRACE_EVENT_VFORK: r.kind = StopKind::Vfork; break;
    case PTRACE_EVENT_CLONE: r.kind = StopKind::Clone; break;
    case PTRACE_EVENT_EXEC: r.kind = StopKind::Exec; break;
    case PTRACE_EVENT_VFORK_DONE: r.kind = StopKind::VforkDone; break;
    case PTRACE_EVENT_EXIT: r.kind = StopKind::ExitEvent; break;
    case PTRACE_EVENT_SECCOMP: r.kind = StopKind::Seccomp; break;
    case PTRACE_EVENT_STOP:
      // Under PTRACE_SEIZE a group-stop reports the stopping signal; anything else
      // (SIGTRAP) is an initial auto-attach stop, a PTRACE_INTERRUPT or a LISTEN wake-up.
      r.kind = is_stopping_signal(sig) ? StopKind::GroupStop : StopKind::TrapStop;
      return r;
    default: r.kind = StopKind::Other; return r;
  }
  r.signal = 0;  // event stops carry SIGTRAP, which is not a signal to deliver
  return r;
}

}  // namespace golden::rec
