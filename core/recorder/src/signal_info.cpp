#include "signal_info.hpp"

#include "golden/decode/decoder.hpp"

namespace golden::rec {
namespace {

Arg int_arg(const char* name, std::int64_t v, ArgKind kind = ArgKind::Int) {
  Arg a;
  a.name = name;
  a.kind = kind;
  a.raw = v;
  return a;
}

Arg text_arg(const char* name, std::int64_t v, ArgKind kind, std::string text) {
  Arg a = int_arg(name, v, kind);
  a.text = std::move(text);
  return a;
}

bool is_fault_signal(int sig) {
  return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

}  // namespace

bool sent_by_process(int code) { return code == SI_USER || code == SI_TKILL || code == SI_QUEUE; }

std::string si_code_name(int sig, int code) {
  switch (code) {
    case SI_USER: return "SI_USER";
    case SI_KERNEL: return "SI_KERNEL";
    case SI_QUEUE: return "SI_QUEUE";
    case SI_TIMER: return "SI_TIMER";
    case SI_MESGQ: return "SI_MESGQ";
    case SI_ASYNCIO: return "SI_ASYNCIO";
    case SI_SIGIO: return "SI_SIGIO";
    case SI_TKILL: return "SI_TKILL";
    default: break;
  }
  if (code > 0) {
    static const char* const kChld[] = {"CLD_EXITED", "CLD_KILLED", "CLD_DUMPED",
                                        "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"};
    static const char* const kSegv[] = {"SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR",
                                        "SEGV_PKUERR"};
    static const char* const kBus[] = {"BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR",
                                       "BUS_MCEERR_AO"};
    static const char* const kIll[] = {"ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP",
                                       "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK"};
    static const char* const kFpe[] = {"FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF",
                                       "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"};
    static const char* const kTrap[] = {"TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT"};
    static const char* const kPoll[] = {"POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI",
                                        "POLL_HUP"};
    auto pick = [code](const auto& table) -> std::string {
      const auto n = static_cast<int>(std::size(table));
      return code <= n ? table[code - 1] : std::to_string(code);
    };
    switch (sig) {
      case SIGCHLD: return pick(kChld);
      case SIGSEGV: return pick(kSegv);
      case SIGBUS: return pick(kBus);
      case SIGILL: return pick(kIll);
      case SIGFPE: return pick(kFpe);
      case SIGTRAP: return pick(kTrap);
      case SIGIO: return pick(kPoll);
      default: break;
    }
  }
  return std::to_string(code);
}

std::vector<Arg> signal_args(const siginfo_t& si) {
  std::vector<Arg> args;
  args.push_back(text_arg("si_signo", si.si_signo, ArgKind::Signal, signal_name(si.si_signo)));
  args.push_back(text_arg("si_code", si.si_code, ArgKind::Enum, si_code_name(si.si_signo, si.si_code)));
  if (si.si_signo == SIGCHLD && si.si_code > 0) {
    args.push_back(int_arg("si_pid", si.si_pid));
    args.push_back(int_arg("si_uid", si.si_uid, ArgKind::UInt));
    if (si.si_code == CLD_EXITED) {
      args.push_back(int_arg("si_status", si.si_status));
    } else {
      args.push_back(text_arg("si_status", si.si_status, ArgKind::Signal, signal_name(si.si_status)));
    }
  } else if (sent_by_process(si.si_code)) {
    args.push_back(int_arg("si_pid", si.si_pid));
    args.push_back(int_arg("si_uid", si.si_uid, ArgKind::UInt));
  } else if (si.si_code > 0 && is_fault_signal(si.si_signo)) {
    args.push_back(int_arg("si_addr", static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(si.si_addr)), ArgKind::Ptr));
  }
  return args;
}

}  // namespace golden::rec
