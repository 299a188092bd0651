// strace's rendering of signal structures: siginfo (deliveries, waitid, sigtimedwait),
// sigevent, stack_t, the mask rt_sigreturn restores, pselect6's sigmask pair.
#include "signal_structs.hpp"

#include <csignal>
#include <cstring>

#include "decode_context.hpp"
#include "flags_render.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "payload.hpp"
#include "structs.hpp"
#include "xlat_strace.hpp"

namespace golden {
namespace {

Arg int_field(const char* name, std::int64_t v, ArgKind kind = ArgKind::Int) {
  Arg a;
  a.name = name;
  a.kind = kind;
  a.raw = v;
  return a;
}

Arg text_field(const char* name, std::int64_t v, ArgKind kind, std::string text) {
  Arg a = int_field(name, v, kind);
  a.text = std::move(text);
  return a;
}

bool from_user(int code) {
  return code <= 0;
}  // SI_FROMUSER

// clock_t ticks as strace shows them: "1 /* 0.01 s */" (USER_HZ is 100).
Arg clock_field(const char* name, std::int64_t ticks) {
  std::string text = std::to_string(ticks);
  if (ticks != 0) {
    const auto t = static_cast<std::uint64_t>(ticks);
    char buf[64];
    std::snprintf(buf, sizeof buf, " /* %llu.%02llu s */", static_cast<unsigned long long>(t / 100),
                  static_cast<unsigned long long>(t % 100));
    text += buf;
  }
  return text_field(name, ticks, ArgKind::Int, std::move(text));
}

Arg ptr_field(const char* name, std::uint64_t v) {
  return text_field(name, static_cast<std::int64_t>(v), ArgKind::Ptr, detail::address_text(v));
}

void source_fields(const siginfo_t& si, std::vector<Arg>& args) {
  args.push_back(int_field("si_pid", si.si_pid));
  args.push_back(int_field("si_uid", si.si_uid, ArgKind::UInt));
}

void sigval_fields(const siginfo_t& si, std::vector<Arg>& args) {
  args.push_back(int_field("si_int", si.si_int));
  args.push_back(ptr_field("si_ptr", reinterpret_cast<std::uintptr_t>(si.si_ptr)));
}

}  // namespace

std::string siginfo_code_name(int sig, int code) {
  switch (code) {
    case SI_USER:
      return "SI_USER";
    case SI_KERNEL:
      return "SI_KERNEL";
    case SI_QUEUE:
      return "SI_QUEUE";
    case SI_TIMER:
      return "SI_TIMER";
    case SI_MESGQ:
      return "SI_MESGQ";
    case SI_ASYNCIO:
      return "SI_ASYNCIO";
    case SI_SIGIO:
      return "SI_SIGIO";
    case SI_TKILL:
      return "SI_TKILL";
    case SI_ASYNCNL:
      return "SI_ASYNCNL";
    case -7:
      return "SI_DETHREAD";
    default:
      break;
  }
  if (code > 0) {
    static const char* const kChld[] = {"CLD_EXITED",  "CLD_KILLED",  "CLD_DUMPED",
                                        "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"};
    static const char* const kSegv[] = {
        "SEGV_MAPERR",  "SEGV_ACCERR",  "SEGV_BNDERR",  "SEGV_PKUERR",  "SEGV_ACCADI",
        "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR", "SEGV_MTESERR", "SEGV_CPERR"};
    static const char* const kBus[] = {"BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR",
                                       "BUS_MCEERR_AO"};
    static const char* const kIll[] = {"ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR",
                                       "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG",
                                       "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"};
    static const char* const kFpe[] = {"FPE_INTDIV", "FPE_INTOVF",  "FPE_FLTDIV", "FPE_FLTOVF",
                                       "FPE_FLTUND", "FPE_FLTRES",  "FPE_FLTINV", "FPE_FLTSUB",
                                       "FPE_FLTUNK", "FPE_CONDTRAP"};
    static const char* const kTrap[] = {"TRAP_BRKPT",  "TRAP_TRACE", "TRAP_BRANCH",
                                        "TRAP_HWBKPT", "TRAP_UNK",   "TRAP_PERF"};
    static const char* const kPoll[] = {"POLL_IN",  "POLL_OUT", "POLL_MSG",
                                        "POLL_ERR", "POLL_PRI", "POLL_HUP"};
    static const char* const kSys[] = {"SYS_SECCOMP", "SYS_USER_DISPATCH"};
    auto pick = [code](const auto& table) -> std::string {
      const auto n = static_cast<int>(std::size(table));
      return code <= n ? table[code - 1] : std::to_string(code);
    };
    switch (sig) {
      case SIGCHLD:
        return pick(kChld);
      case SIGSEGV:
        return pick(kSegv);
      case SIGBUS:
        return pick(kBus);
      case SIGILL:
        return pick(kIll);
      case SIGFPE:
        return pick(kFpe);
      case SIGTRAP:
        return pick(kTrap);
      case SIGIO:
        return pick(kPoll);
      case SIGSYS:
        return pick(kSys);
      default:
        break;
    }
  }
  return std::to_string(code);
}

std::vector<Arg> siginfo_args(const siginfo_t& si, FdNames* fds) {
  std::vector<Arg> args;
  if (si.si_signo == 0) return args;
  args.push_back(
      text_field("si_signo", si.si_signo, ArgKind::Signal, detail::signal_text(si.si_signo)));
  args.push_back(
      text_field("si_code", si.si_code, ArgKind::Enum, siginfo_code_name(si.si_signo, si.si_code)));
  if (si.si_errno != 0)
    args.push_back(text_field("si_errno", si.si_errno, ArgKind::Enum, errno_name(si.si_errno)));
  if (from_user(si.si_code)) {
    switch (si.si_code) {
      case SI_TIMER:
        args.push_back(text_field("si_timerid", si.si_timerid, ArgKind::Hex,
                                  detail::hex_text(static_cast<std::uint32_t>(si.si_timerid))));
        args.push_back(int_field("si_overrun", si.si_overrun));
        sigval_fields(si, args);
        break;
      case SI_SIGIO: {
        args.push_back(int_field("si_band", si.si_band));
        std::string fd = std::to_string(si.si_fd);
        if (fds && si.si_fd >= 0) fd += fd_annotation(fds->describe(si.si_fd));
        args.push_back(text_field("si_fd", si.si_fd, ArgKind::Fd, std::move(fd)));
        break;
      }
      default:
        source_fields(si, args);
        if (si.si_code != SI_USER && si.si_code != SI_TKILL && si.si_ptr != nullptr)
          sigval_fields(si, args);
        break;
    }
    return args;
  }
  switch (si.si_signo) {
    case SIGCHLD:
      source_fields(si, args);
      if (si.si_code == CLD_EXITED) {
        args.push_back(int_field("si_status", si.si_status));
      } else {
        args.push_back(text_field("si_status", si.si_status, ArgKind::Signal,
                                  detail::signal_text(si.si_status)));
      }
      args.push_back(clock_field("si_utime", si.si_utime));
      args.push_back(clock_field("si_stime", si.si_stime));
      break;
    case SIGILL:
    case SIGFPE:
    case SIGBUS:
    case SIGSEGV:
    case SIGTRAP:
      args.push_back(ptr_field("si_addr", reinterpret_cast<std::uintptr_t>(si.si_addr)));
      break;
    case SIGIO:
      if (si.si_code >= POLL_IN && si.si_code <= POLL_HUP) {
        args.push_back(int_field("si_band", si.si_band));
        std::string fd = std::to_string(si.si_fd);
        if (fds && si.si_fd >= 0) fd += fd_annotation(fds->describe(si.si_fd));
        args.push_back(text_field("si_fd", si.si_fd, ArgKind::Fd, std::move(fd)));
      }
      break;
    case SIGSYS:
      args.push_back(ptr_field("si_call_addr", reinterpret_cast<std::uintptr_t>(si.si_call_addr)));
      args.push_back(int_field("si_syscall", si.si_syscall));
      args.push_back(text_field("si_arch", si.si_arch, ArgKind::Hex, detail::hex_text(si.si_arch)));
      break;
    default:
      if (si.si_pid || si.si_uid) source_fields(si, args);
      if (si.si_ptr != nullptr) sigval_fields(si, args);
      break;
  }
  return args;
}

std::string fields_text(const std::vector<Arg>& fields) {
  std::string out = "{";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ", ";
    out += fields[i].name + "=" +
           (fields[i].text.empty() ? conventional_text(fields[i]) : fields[i].text);
  }
  return out + "}";
}

namespace detail {

std::string siginfo_text(const DecodeContext& ctx, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  const auto si = read_object<siginfo_t>(ctx.mem, addr);
  if (!si) return address_text(addr);
  return fields_text(siginfo_args(*si, &ctx.fds));
}

std::string sigevent_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Sigevent {
    std::uint64_t value;
    std::int32_t signo, notify;
    std::int32_t tid;
    std::int32_t pad;
    std::uint64_t function, attributes;
  };
  const auto sev = read_object<Sigevent>(mem, addr);
  if (!sev) return address_text(addr);
  std::string out = "{";
  if (sev->value != 0) {
    out += "sigev_value={sival_int=" + std::to_string(static_cast<std::int32_t>(sev->value)) +
           ", sival_ptr=" + address_text(sev->value) + "}, ";
  }
  constexpr int kSignal = 0, kThread = 2, kThreadId = 4;
  if (sev->notify == kSignal || sev->notify == kThread || sev->notify == kThreadId) {
    out += "sigev_signo=" + signal_text(sev->signo);
  } else {
    out += "sigev_signo=" + std::to_string(static_cast<std::uint32_t>(sev->signo));
  }
  out += ", sigev_notify=" +
         enum_text(static_cast<std::uint32_t>(sev->notify), xlat::gen::sigev_value, "SIGEV_");
  if (sev->notify == kThreadId) out += ", sigev_notify_thread_id=" + std::to_string(sev->tid);
  if (sev->notify == kThread) {
    out += ", sigev_notify_function=" + address_text(sev->function) +
           ", sigev_notify_attributes=" + address_text(sev->attributes);
  }
  return out + "}";
}

std::string stack_t_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Stack {
    std::uint64_t sp;
    std::int32_t flags, pad;
    std::uint64_t size;
  };
  const auto ss = read_object<Stack>(mem, addr);
  if (!ss) return address_text(addr);
  return "{ss_sp=" + address_text(ss->sp) + ", ss_flags=" +
         flags_text(static_cast<std::uint32_t>(ss->flags), xlat::gen::sigaltstack_flags, "0",
                    "SS_") +
         ", ss_size=" + std::to_string(ss->size) + "}";
}

std::string sigreturn_text(TraceeMemory& mem, std::uint64_t sp) {
  // At rt_sigreturn's entry the stack pointer is at the frame's struct ucontext (the
  // restorer's return popped pretcode); uc_sigmask follows uc_flags, uc_link, uc_stack
  // and the 256-byte uc_mcontext (x86-64, arch/x86/include/uapi/asm/ucontext.h).
  constexpr std::uint64_t kSigmaskOffset = 8 + 8 + 24 + 256;
  std::uint64_t mask = 0;
  if (sp == 0 || mem.read(RemoteAddr{sp + kSigmaskOffset}, &mask, sizeof mask) != sizeof mask) {
    return "{mask=" + address_text(sp + kSigmaskOffset) + "}";
  }
  return "{mask=" + sigset_bits_text(mask) + "}";
}

std::string pselect_sigmask_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Pair {
    std::uint64_t ss;
    std::uint64_t len;
  };
  const auto p = read_object<Pair>(mem, addr);
  if (!p) return address_text(addr);
  return "{sigmask=" + sigset_text(mem, p->ss, p->len) + ", sigsetsize=" + std::to_string(p->len) +
         "}";
}

}  // namespace detail
}  // namespace golden
