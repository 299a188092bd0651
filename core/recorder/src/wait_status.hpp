// What a waitpid() status means for a seized tracee (ptrace(2) "Stopped states").
#pragma once

#include <cstdint>

#include "golden/model/ids.hpp"

namespace golden::rec {

enum class StopKind : std::uint8_t {
  Exited,          // WIFEXITED: the thread is gone
  Killed,          // WIFSIGNALED: the thread is gone
  SyscallStop,     // SIGTRAP|0x80 (PTRACE_O_TRACESYSGOOD): entry or exit
  SignalDelivery,  // a signal is about to be delivered
  GroupStop,       // PTRACE_EVENT_STOP with a stopping signal (SEIZE group-stop)
  TrapStop,        // PTRACE_EVENT_STOP with SIGTRAP: initial stop, PTRACE_INTERRUPT, LISTEN wake-up
  Fork,
  Vfork,
  Clone,
  Exec,
  VforkDone,
  ExitEvent,       // PTRACE_EVENT_EXIT: about to exit, registers and /proc still there
  Seccomp,         // PTRACE_EVENT_SECCOMP: a traced syscall's entry under the filter
  Other,           // anything else (counted, then resumed)
};

struct WaitResult {
  Tid tid;
  StopKind kind = StopKind::Other;
  int signal = 0;      // stop signal, delivered signal, or killing signal
  int exit_code = 0;   // Exited
  bool core_dumped = false;
  int status = 0;      // raw wait status
};

WaitResult classify_wait_status(Tid tid, int status);

bool is_stopping_signal(int sig);

}  // namespace golden::rec
