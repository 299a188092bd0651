#include "ptrace_api.hpp"

#include "golden/source/correlator.hpp"

#include <sys/ptrace.h>
#include <sys/user.h>

#include <cerrno>

namespace golden::rec {
namespace {

long raw_ptrace(int request, int tid, unsigned long addr, unsigned long data) {
  // glibc's ptrace() takes enum __ptrace_request and variadic pointers; one typed
  // entry point keeps the casts in one place.
  return ::ptrace(static_cast<enum __ptrace_request>(request), tid, reinterpret_cast<void*>(addr),
                  reinterpret_cast<void*>(data));
}

}  // namespace

unsigned TraceOptions::bits() const {
  unsigned o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
  // Threads are followed even with --no-follow ("trace only the first process"):
  // PTRACE_O_TRACECLONE also catches clone() of non-thread children, which the
  // recorder detaches at their first stop.
  o |= PTRACE_O_TRACECLONE;
  if (follow) o |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
  if (seccomp) o |= PTRACE_O_TRACESECCOMP;
  if (exit_kill) o |= PTRACE_O_EXITKILL;
  return o;
}

int seize(Tid tid, const TraceOptions& options) {
  return raw_ptrace(PTRACE_SEIZE, tid.value, 0, options.bits()) == 0 ? 0 : errno;
}

int interrupt(Tid tid) { return raw_ptrace(PTRACE_INTERRUPT, tid.value, 0, 0) == 0 ? 0 : errno; }

int detach(Tid tid, int signal) {
  return raw_ptrace(PTRACE_DETACH, tid.value, 0, static_cast<unsigned long>(signal)) == 0 ? 0
                                                                                          : errno;
}

bool resume(Tid tid, Resume how, int signal) {
  int request = PTRACE_SYSCALL;
  switch (how) {
    case Resume::Syscall: request = PTRACE_SYSCALL; break;
    case Resume::Continue: request = PTRACE_CONT; break;
    case Resume::Listen: request = PTRACE_LISTEN; signal = 0; break;
  }
  return raw_ptrace(request, tid.value, 0, static_cast<unsigned long>(signal)) == 0;
}

std::optional<unsigned long> event_message(Tid tid) {
  unsigned long msg = 0;
  if (raw_ptrace(PTRACE_GETEVENTMSG, tid.value, 0, reinterpret_cast<unsigned long>(&msg)) != 0)
    return std::nullopt;
  return msg;
}

std::optional<siginfo_t> signal_info(Tid tid) {
  siginfo_t si{};
  if (raw_ptrace(PTRACE_GETSIGINFO, tid.value, 0, reinterpret_cast<unsigned long>(&si)) != 0)
    return std::nullopt;
  return si;
}

std::optional<SyscallStopInfo> syscall_info(Tid tid) {
  __ptrace_syscall_info raw{};
  if (raw_ptrace(PTRACE_GET_SYSCALL_INFO, tid.value, sizeof raw,
                 reinterpret_cast<unsigned long>(&raw)) <= 0)
    return std::nullopt;
  SyscallStopInfo out;
  out.arch = raw.arch;
  switch (raw.op) {
    case PTRACE_SYSCALL_INFO_ENTRY:
      out.op = SyscallStopInfo::Op::Entry;
      out.regs.nr = static_cast<int>(raw.entry.nr);
      for (int i = 0; i < 6; ++i) out.regs.args[i] = raw.entry.args[i];
      out.regs.sp = raw.stack_pointer;
      break;
    case PTRACE_SYSCALL_INFO_SECCOMP:
      out.op = SyscallStopInfo::Op::Seccomp;
      out.regs.nr = static_cast<int>(raw.seccomp.nr);
      for (int i = 0; i < 6; ++i) out.regs.args[i] = raw.seccomp.args[i];
      out.regs.sp = raw.stack_pointer;
      break;
    case PTRACE_SYSCALL_INFO_EXIT:
      out.op = SyscallStopInfo::Op::Exit;
      out.rval = raw.exit.rval;
      out.is_error = raw.exit.is_error != 0;
      break;
    default: out.op = SyscallStopInfo::Op::None; break;
  }
  return out;
}

std::optional<SyscallRegs> syscall_regs(Tid tid) {
  user_regs_struct regs{};
  if (raw_ptrace(PTRACE_GETREGS, tid.value, 0, reinterpret_cast<unsigned long>(&regs)) != 0)
    return std::nullopt;
  SyscallRegs out;
  out.nr = static_cast<int>(regs.orig_rax);
  out.args = {regs.rdi, regs.rsi, regs.rdx, regs.r10, regs.r8, regs.r9};
  out.sp = regs.rsp;
  return out;
}

bool general_registers(Tid tid, source::Registers& out) {
  user_regs_struct r{};
  if (raw_ptrace(PTRACE_GETREGS, tid.value, 0, reinterpret_cast<unsigned long>(&r)) != 0)
    return false;
  out = source::Registers{r.rax, r.rdx, r.rcx, r.rbx, r.rsi, r.rdi, r.rbp, r.rsp, r.r8,
                          r.r9,  r.r10, r.r11, r.r12, r.r13, r.r14, r.r15, r.rip};
  return true;
}

}  // namespace golden::rec
