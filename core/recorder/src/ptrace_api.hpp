// Thin, typed wrappers over ptrace(2). Everything the recorder asks the kernel about a
// tracee goes through here, so the rest of the code never juggles raw request numbers.
#pragma once

#include <csignal>
#include <cstdint>
#include <optional>

#include "golden/decode/decoder.hpp"
#include "golden/model/ids.hpp"

namespace golden::source {
struct Registers;
}

namespace golden::rec {

// How a stopped tracee is restarted.
enum class Resume : std::uint8_t {
  Syscall,   // PTRACE_SYSCALL: run to the next syscall entry/exit (or event, signal)
  Continue,  // PTRACE_CONT: run until an event, signal or seccomp RET_TRACE stop
  Listen,    // PTRACE_LISTEN: stay in group-stop but report SIGCONT/new signals
};

// The options every tracee gets (PTRACE_SEIZE / inherited by auto-attached children).
struct TraceOptions {
  bool follow = true;    // fork/vfork/clone of new processes
  bool seccomp = false;  // PTRACE_O_TRACESECCOMP
  bool exit_kill = true; // PTRACE_O_EXITKILL (launch mode only: attached ones must survive us)
  unsigned bits() const;
};

// 0 on success, else errno.
int seize(Tid tid, const TraceOptions& options);
int interrupt(Tid tid);
int detach(Tid tid, int signal);
// false when the tracee is gone (ESRCH): its death report follows.
bool resume(Tid tid, Resume how, int signal);

std::optional<unsigned long> event_message(Tid tid);
std::optional<siginfo_t> signal_info(Tid tid);

// What PTRACE_GET_SYSCALL_INFO says about the current stop (one call for nr+args or rval).
struct SyscallStopInfo {
  enum class Op : std::uint8_t { None, Entry, Exit, Seccomp };
  Op op = Op::None;
  std::uint32_t arch = 0;       // AUDIT_ARCH_*
  SyscallRegs regs;             // Entry / Seccomp
  std::int64_t rval = 0;        // Exit
  bool is_error = false;        // Exit
};
std::optional<SyscallStopInfo> syscall_info(Tid tid);

// The syscall number and arguments from the registers, at a stop where
// PTRACE_GET_SYSCALL_INFO has no syscall information (fork/clone event stops).
std::optional<SyscallRegs> syscall_regs(Tid tid);

// All general registers (PTRACE_GETREGS), for unwinding the stack (--source).
bool general_registers(Tid tid, source::Registers& out);

constexpr std::uint32_t kArchX86_64 = 0xC000003E;  // AUDIT_ARCH_X86_64

}  // namespace golden::rec
