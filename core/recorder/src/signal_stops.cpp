// Signal-delivery stops (recorded and re-injected), group-stops (PTRACE_LISTEN, so job
// control and a parent's waitpid(WUNTRACED) see the real stop) and trap stops.
#include <csignal>

#include "golden/syscalls/abi_names.hpp"
#include "session.hpp"
#include "signal_info.hpp"

namespace golden::rec {

void Session::on_signal_delivery(Thread& t, int sig) {
  if (t.state == ThreadState::Starting) {
    // The launched child's own SIGSTOP, raised once it is seized: swallowed, it only
    // exists so the recorder sees the execve entry. Anything else is the program's.
    if (sig == SIGSTOP) {
      t.state = ThreadState::Running;
      resume(t, 0);
    } else {
      resume(t, sig);
    }
    return;
  }
  Event e;
  e.kind = EventKind::Signal;
  e.pid = t.process->pid;
  e.tid = t.tid;
  e.name = signal_name(sig);
  e.nr = sig;
  e.start = now();
  std::vector<Incoming> incoming;
  if (auto si = signal_info(t.tid)) {
    e.args = signal_args(*si);
    if (sent_by_process(si->si_code) && si->si_pid > 0) {
      if (HandlePtr send = sends_.delivered(Pid{si->si_pid}, sig))
        incoming.push_back(Incoming{send, EdgeKind::Signal});
    }
    if (sig == SIGCHLD && si->si_pid > 0 &&
        (si->si_code == CLD_EXITED || si->si_code == CLD_KILLED || si->si_code == CLD_DUMPED)) {
      if (HandlePtr exit_event = dead_.sigchld(Pid{si->si_pid}))
        incoming.push_back(Incoming{exit_event, EdgeKind::Signal});
    }
  }
  emit(t, e, t.clock + 1, std::move(incoming), nullptr);
  // Re-inject: the tracee gets the signal exactly as it would untraced.
  resume(t, sig);
}

void Session::on_group_stop(Thread& t, int sig) {
  if (t.state == ThreadState::AwaitingFirstStop) {
    // A new tracee's initial stop: not a stop of the program.
    t.state = ThreadState::Running;
  } else if (t.state == ThreadState::Running && begun_) {
    // strace's "--- stopped by SIGSTOP ---": a Signal event whose "stopped" argument
    // says the thread entered a group-stop (docs/trace-format.md).
    Event e;
    e.kind = EventKind::Signal;
    e.pid = t.process->pid;
    e.tid = t.tid;
    e.name = signal_name(sig);
    e.nr = sig;
    e.start = now();
    Arg stopped;
    stopped.name = "stopped";
    stopped.kind = ArgKind::Int;
    stopped.raw = 1;
    stopped.text = "1";
    e.args.push_back(std::move(stopped));
    emit(t, e, t.clock + 1, {}, nullptr);
  }
  // PTRACE_LISTEN keeps the tracee stopped (the group-stop is real: the parent's
  // waitpid(WUNTRACED) and the shell see it) until SIGCONT, which re-traps it.
  (void)rec::resume(t.tid, Resume::Listen, 0);
}

void Session::on_trap_stop(Thread& t) {
  // A new tracee's initial stop, a PTRACE_INTERRUPT, or the wake-up of a listening
  // tracee (SIGCONT): nothing to record, let it run.
  if (t.state == ThreadState::AwaitingFirstStop) t.state = ThreadState::Running;
  resume(t);
}

}  // namespace golden::rec
