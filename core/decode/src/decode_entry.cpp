// Syscall entry: every argument decoded from the registers and the tracee's memory as
// the call starts (execve's argv must be read now: after the exec it is gone).
#include "decode_context.hpp"
#include "flags_render.hpp"
#include "ioctl_decode.hpp"
#include "ipc_structs.hpp"
#include "payload.hpp"
#include "process_structs.hpp"
#include "signal_structs.hpp"
#include "sockopt.hpp"
#include "structs.hpp"
#include "time_structs.hpp"
#include "xlat_registry.hpp"
#include "xlat_strace.hpp"
#include "xlat_tables.hpp"

namespace golden {
namespace detail {
namespace {

constexpr std::uint64_t kOpenCreat = 0100, kOpenTmpfile = 020000000;

// The directory a Path is relative to: the DirFd shown just before it, else the cwd.
std::string base_dir_for(const DecodeContext& ctx, const ArgSpec* prev, const std::vector<Arg>& before) {
  if (prev != nullptr && prev->type == ArgType::DirFd && !before.empty()) return before.back().str;
  return ctx.fds.cwd();
}

// fcntl's third argument means something different for each command.
Arg fcntl_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t cmd, std::uint64_t v) {
  switch (cmd) {
    case 2: return flags_arg(name, low32(v), flags_text(low32(v), xlat::fd_flags));    // F_SETFD
    case 4: return flags_arg(name, low32(v), open_flags_text(low32(v)));                // F_SETFL
    case 10: return enum_arg(name, as_int32(v), signal_text(as_int32(v)));             // F_SETSIG
    case 1024: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::lock_types, "F_"));  // F_SETLEASE
    case 1033: return flags_arg(name, low32(v), flags_text(low32(v), xlat::seal_flags));  // F_ADD_SEALS
    case 6: case 7: case 37: case 38:  // F_SETLK, F_SETLKW, F_OFD_SETLK, F_OFD_SETLKW
      return struct_arg(name, v, flock_text(ctx.mem, v, false));
    case 5: case 36:  // F_GETLK, F_OFD_GETLK: the lock found is shown at exit
      return address_arg(name, v);
    case 0: case 8: case 1027: case 1030: case 1031:  // F_DUPFD, F_SETOWN, F_DUPFD_QUERY, F_DUPFD_CLOEXEC, F_SETPIPE_SZ
      return conventional_arg(name, ArgKind::Int, as_int32(v));
    default: return conventional_arg(name, ArgKind::Hex, static_cast<std::int64_t>(v));
  }
}

// An int pointed to: "[N]", named from the spec's xlat when it has one.
std::string int_at_text(const DecodeContext& ctx, const ArgSpec& spec, std::uint64_t addr, bool is64) {
  if (addr == 0) return "NULL";
  std::int64_t value = 0;
  if (is64) {
    const auto v = read_object<std::int64_t>(ctx.mem, addr);
    if (!v) return address_text(addr);
    value = *v;
  } else {
    const auto v = read_object<std::int32_t>(ctx.mem, addr);
    if (!v) return address_text(addr);
    value = *v;
  }
  if (spec.xlat != XlatId::None) return "[" + xlat_enum(spec.xlat, static_cast<std::uint64_t>(value)) + "]";
  // An unsigned int (uid, timer id, cpu) is shown as such.
  if (!is64 && spec.width == 4 && spec.type == ArgType::IntOut) return "[" + std::to_string(static_cast<std::uint32_t>(value)) + "]";
  return "[" + std::to_string(value) + "]";
}

bool shm_syscall(const SyscallInfo& info) { return info.nr == 29; }  // shmget

}  // namespace

std::string int_pointed_text(const DecodeContext& ctx, const ArgSpec& spec, std::uint64_t addr, bool is64) {
  return int_at_text(ctx, spec, addr, is64);
}

Arg decode_entry_arg(const DecodeContext& ctx, const ArgSpec& spec, std::uint64_t v,
                     const std::vector<Arg>& before, const ArgSpec* prev) {
  const std::string_view name = spec.name;
  const auto raw = static_cast<std::int64_t>(v);
  const bool narrow = spec.width == 4;
  using T = ArgType;

  if (prev != nullptr && prev->type == T::FcntlCmd) return fcntl_arg(ctx, name, ctx.regs.args[1] & 0xffffffffu, v);

  switch (spec.type) {
    case T::Int: return conventional_arg(name, ArgKind::Int, narrow ? as_int32(v) : raw);
    case T::UInt: return conventional_arg(name, ArgKind::UInt, narrow ? static_cast<std::int64_t>(low32(v)) : raw);
    case T::Hex: return conventional_arg(name, ArgKind::Hex, narrow ? static_cast<std::int64_t>(low32(v)) : raw);
    case T::Pid:
    case T::Uid: return conventional_arg(name, ArgKind::Int, as_int32(v));
    case T::Fd: return fd_arg(ctx, name, v, false);
    case T::DirFd: return fd_arg(ctx, name, v, true);
    case T::Path: return path_arg(ctx, name, v, [&] { return base_dir_for(ctx, prev, before); });
    case T::String: return string_arg(ctx, name, v, ctx.opts.string_limit);
    case T::InBuf:
      // Data on a netlink socket reads as netlink messages.
      if (ctx.info.args[0].type == T::Fd && (ctx.info.nr == 44 || ctx.info.nr == 1)) {
        if (auto nl = netlink_buffer_arg(ctx, name, v, ctx.len_of(spec), as_int32(ctx.regs.args[0]))) return *nl;
      }
      return in_buffer_arg(ctx, name, v, ctx.len_of(spec), true);
    case T::InIovec: {
      // Until the exit says how much was written, the payload is everything offered.
      return iovec_arg(ctx, name, v, ctx.len_of(spec), ~std::uint64_t{0}, true);
    }
    case T::InMsghdr: return msghdr_arg(ctx, name, v, ~std::uint64_t{0}, as_int32(ctx.regs.args[0]));
    case T::SockaddrIn: return sockaddr_arg(ctx, name, v, ctx.len_of(spec));
    case T::SockLen: {
      // An int the kernel reads and writes back; strace prints it signed.
      if (v == 0) return conventional_arg(name, ArgKind::Ptr, 0);
      std::int32_t len = 0;
      if (ctx.mem.read(RemoteAddr{v}, &len, sizeof len) != sizeof len) return struct_arg(name, v, address_text(v));
      return struct_arg(name, v, "[" + std::to_string(len) + "]");
    }
    case T::SockOptVal:
      return struct_arg(name, v, sockopt_value_text(ctx, low32(ctx.regs.args[1]), low32(ctx.regs.args[2]), v,
                                                    as_int32(ctx.len_of(spec)), false));
    // Outputs: their address until decode_exit knows what the call wrote.
    case T::Ptr:
    case T::Struct:
    case T::OutBuf:
    case T::OutIovec:
    case T::OutMsghdr:
    case T::SockaddrOut:
    case T::FdPairOut:
    case T::SigsetOut:
    case T::SigactionOut:
    case T::WaitStatus:
    case T::StatOut:
    case T::StatxOut:
    case T::DirentsOut:
    case T::OutPath:
    case T::IntOut:
    case T::RlimitOut:
    case T::RusageOut:
    case T::TimevalOut:
    case T::TimespecOut:
    case T::ItimervalOut:
    case T::ItimerspecOut:
    case T::MqAttrOut:
    case T::SiginfoOut:
    case T::StackTOut:
    case T::StatfsOut:
    case T::UtsnameOut:
    case T::SysinfoOut:
    case T::RandomOut:
    case T::SockOptValOut:
    case T::SchedParamOut:
    case T::GidsOut:
    case T::MincoreVec:
    case T::CapDataOut:
    case T::MsgbufOut:
    case T::TimeOut:
    case T::StringOut:
    case T::SeccompNotifSizesOut:
    case T::PtrOut:
    case T::EpollEventsOut: return conventional_arg(name, ArgKind::Ptr, raw);
    case T::OpenFlags: return flags_arg(name, low32(v), open_flags_text(low32(v)));
    case T::Mode: {
      Arg a = make_arg(name, ArgKind::Mode, static_cast<std::int64_t>(low32(v)));
      a.text = mode_text(low32(v));
      return a;
    }
    case T::AtFlags:
      // statx: the sync type (AT_STATX_SYNC_AS_STAT is 0) leads, as strace shows it.
      if (ctx.info.nr == 332) return flags_arg(name, low32(v), statx_flags_text(low32(v)));
      return flags_arg(name, low32(v), flags_text(low32(v), xlat::gen::at_flags, "0", "AT_"));
    case T::UnlinkatFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::unlinkat_flags));
    case T::AccessAtFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::accessat_flags));
    case T::AccessMode: return flags_arg(name, low32(v), flags_text(low32(v), xlat::access_mode, "F_OK"));
    case T::MmapProt: return flags_arg(name, low32(v), flags_text(low32(v), xlat::mmap_prot, "PROT_NONE"));
    case T::MmapFlags: return flags_arg(name, low32(v), mmap_flags_text(low32(v)));
    case T::MremapFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::mremap_flags));
    case T::CloneFlags: return flags_arg(name, v, clone_flags_text(v, true));
    case T::NsFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::ns_flags));
    case T::CloneArgs: return struct_arg(name, v, clone_args_text(ctx.mem, v, ctx.len_of(spec)));
    case T::Signal: {
      Arg a = make_arg(name, ArgKind::Signal, as_int32(v));
      a.text = signal_text(a.raw);
      return a;
    }
    case T::SigHow: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::sig_how, "SIG_"));
    case T::SockDomain: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::sock_domains, "AF_"));
    case T::SockType: return flags_arg(name, low32(v), sock_type_text(low32(v)));
    case T::SockProtocol: return enum_arg(name, as_int32(v), sock_protocol_text(low32(ctx.regs.args[0]), low32(v)));
    case T::SockLevel: return enum_arg(name, as_int32(v), sock_level_text(low32(v)));
    case T::SockOptName: return enum_arg(name, as_int32(v), sockopt_name_text(low32(ctx.regs.args[1]), low32(v)));
    case T::SockFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::sock_flags));
    case T::MsgFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::gen::msg_flags, "0", "MSG_"));
    case T::ShutdownHow: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::shutdown_how, "SHUT_"));
    case T::Argv: return argv_arg(ctx, name, v);
    case T::Envp: return envp_arg(ctx, name, v);
    case T::FcntlCmd: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::fcntl_cmds, "F_"));
    case T::Whence: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::whence, "SEEK_"));
    case T::WaitOptions:
      return flags_arg(name, low32(v), flags_text(low32(v), xlat::gen::wait_options, "0", "W"));
    case T::Timespec: return struct_arg(name, v, timespec_text(ctx.mem, v));
    case T::OpenHow: return struct_arg(name, v, open_how_text(ctx.mem, v, ctx.len_of(spec)));
    case T::EpollOp: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::epoll_ops, "EPOLL_CTL_"));
    case T::EpollFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::epoll_flags));
    case T::PipeFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::pipe_flags));
    case T::EventfdFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::gen::efd_flags, "0", "EFD_"));
    case T::MemfdFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::memfd_flags));
    case T::RenameFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::rename_flags));
    case T::IoctlCmd: return enum_arg(name, static_cast<std::int64_t>(low32(v)), ioctl_request_text(low32(v)));
    case T::IoctlArg: return ioctl_entry_arg(ctx, name, low32(ctx.regs.args[1]), v);
    case T::FutexOp: return enum_arg(name, as_int32(v), futex_op_text(low32(v)));
    case T::ClockId: return enum_arg(name, as_int32(v), clock_id_text(as_int32(v)));
    case T::TimerFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::timer_flags));
    case T::FlockOp: return flags_arg(name, low32(v), flags_text(low32(v), xlat::flock_ops));
    case T::IdType: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::id_types, "P_"));
    case T::ArchPrctlCode: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::arch_prctl_codes, "ARCH_"));
    case T::Sigset:
    case T::SigsetIn: return struct_arg(name, v, sigset_text(ctx.mem, v, ctx.len_of(spec)));
    case T::Sigaction: return struct_arg(name, v, v == 0 ? "NULL" : sigaction_text(ctx.mem, v));
    case T::PollFds: return pollfds_arg(ctx, name, v, ctx.len_of(spec));
    case T::EpollEvent: return epoll_events_arg(ctx, name, v, 1, false);
    case T::XEnum:
      return enum_arg(name, narrow ? as_int32(v) : raw, xlat_enum(spec.xlat, v, spec.width));
    case T::Command:
      return enum_arg(name, narrow ? as_int32(v) : raw, xlat_enum(spec.xlat, v, spec.width));
    case T::XFlags:
      // personality(0xffffffff) asks for the current persona: strace shows the query as is.
      if (spec.xlat == XlatId::Personality) {
        return flags_arg(name, low32(v), low32(v) == 0xffffffffu ? hex_text(low32(v)) : personality_text(low32(v)));
      }
      return flags_arg(name, narrow ? low32(v) : v, xlat_flags(spec.xlat, narrow ? low32(v) : v));
    case T::IntIn: return struct_arg(name, v, int_at_text(ctx, spec, v, false));
    case T::Int64In:
    case T::Int64InOut:
    case T::OffsetPtr: return struct_arg(name, v, int_at_text(ctx, spec, v, true));
    case T::Rlimit: return struct_arg(name, v, rlimit_text(ctx.mem, v));
    case T::Timeval: return struct_arg(name, v, timeval_text(ctx.mem, v));
    case T::Itimerval: return struct_arg(name, v, itimerval_text(ctx.mem, v));
    case T::Itimerspec: return struct_arg(name, v, itimerspec_text(ctx.mem, v));
    case T::UtimensTimes: return struct_arg(name, v, utimens_text(ctx.mem, v));
    case T::UtimesTimes: return struct_arg(name, v, utimes_text(ctx.mem, v));
    case T::Utimbuf: return struct_arg(name, v, utimbuf_text(ctx.mem, v));
    case T::Sigevent: return struct_arg(name, v, sigevent_text(ctx.mem, v));
    case T::MqAttr: return struct_arg(name, v, mq_attr_text(ctx.mem, v));
    case T::Siginfo: return struct_arg(name, v, siginfo_text(ctx, v));
    case T::StackT: return struct_arg(name, v, stack_t_text(ctx.mem, v));
    case T::SigreturnFrame: return struct_arg(name, ctx.regs.sp, sigreturn_text(ctx.mem, ctx.regs.sp));
    case T::FdSet: return struct_arg(name, v, fd_set_text(ctx, v, low32(ctx.len_of(spec)), true));
    case T::SchedParam: return struct_arg(name, v, sched_param_text(ctx.mem, v));
    case T::GidsIn: return struct_arg(name, v, gids_text(ctx.mem, v, low32(ctx.len_of(spec))));
    case T::CapHeader: return struct_arg(name, v, cap_header_text(ctx.mem, v));
    case T::CapData: return struct_arg(name, v, cap_data_text(ctx.mem, v));
    case T::IpcKey: return enum_arg(name, as_int32(v), ipc_key_text(v));
    case T::IpcFlags: return flags_arg(name, low32(v), ipc_flags_text(v, shm_syscall(ctx.info)));
    case T::MsgbufIn:
      return struct_arg(name, v, msgbuf_text(ctx.mem, v, ctx.len_of(spec), ctx.opts.string_limit));
    case T::Sembufs: return struct_arg(name, v, sembufs_text(ctx.mem, v, ctx.len_of(spec)));
    case T::IpcCtlBuf: {
      // IPC_SET gives the structure; IPC_STAT and the like fill it (shown at exit).
      const std::uint64_t cmd = ctx.regs.args[ctx.info.nr == 66 ? 2 : 1] & ~std::uint64_t{0x100};
      if (cmd == 1) return struct_arg(name, v, ipc_ds_text(ctx.mem, ctx.info.nr, v));
      return conventional_arg(name, ArgKind::Ptr, raw);
    }
    case T::PerfAttr: return struct_arg(name, v, perf_attr_text(ctx.mem, v));
    case T::SockFprog: return struct_arg(name, v, sock_fprog_text(ctx.mem, v));
    case T::KeySerial: return enum_arg(name, as_int32(v), key_serial_text(as_int32(v)));
    case T::PselectSigmask: return struct_arg(name, v, pselect_sigmask_text(ctx.mem, v));
  }
  return conventional_arg(name, ArgKind::Hex, raw);
}

namespace {

bool cond_holds(const SyscallInfo& info, const SyscallRegs& regs, std::size_t i) {
  const ArgSpec& spec = info.args[i];
  const std::uint64_t clone_flags = regs.args[0];
  switch (spec.cond) {
    case ArgCond::Always: return true;
    case ArgCond::Never: return false;
    case ArgCond::IfCreat:
      for (std::size_t k = i; k-- > 0;) {
        if (info.args[k].type == ArgType::OpenFlags) return (regs.args[k] & (kOpenCreat | kOpenTmpfile)) != 0;
      }
      return true;
    case ArgCond::IfDevice: {
      const std::uint64_t type = regs.args[i - 1] & 0170000;
      return type == 020000 || type == 060000;
    }
    case ArgCond::IfFcntlArg: return fcntl_takes_arg(regs.args[1] & 0xffffffffu);
    case ArgCond::IfMremapFixed: return (regs.args[3] & 2) != 0;
    case ArgCond::IfCloneParentTid: return (clone_flags & (0x100000 | 0x1000)) != 0;
    case ArgCond::IfCloneTls: return (clone_flags & 0x80000) != 0;
    case ArgCond::IfCloneChildTid: return (clone_flags & (0x1000000 | 0x200000)) != 0;
    case ArgCond::IfMembarrierCpu: return (regs.args[1] & 1) != 0;
    case ArgCond::IfIoctlArg: return !ioctl_takes_no_arg(static_cast<std::uint32_t>(regs.args[1]));
  }
  return true;
}

}  // namespace

ArgPlan plan_args(const SyscallInfo& info, const SyscallRegs& regs) {
  ArgPlan plan;
  for (std::size_t i = 0; i < info.nargs && plan.size < plan.specs.size(); ++i) {
    const ArgSpec& spec = info.args[i];
    if (!cond_holds(info, regs, i)) continue;
    plan.regs[plan.size] = static_cast<std::uint8_t>(info.reg(i));
    plan.specs[plan.size++] = &spec;
    if (spec.type != ArgType::Command) continue;
    const std::uint64_t value = regs.args[info.reg(i)];
    plan.command = command_spec(spec.xlat, spec.width == 4 ? (value & 0xffffffffu) : value);
    if (plan.command == nullptr) continue;  // an unknown command: the syscall's own arguments
    for (std::size_t k = 0; k < plan.command->nargs && plan.size < plan.specs.size(); ++k) {
      plan.regs[plan.size] = static_cast<std::uint8_t>(plan.command->args[k].reg);
      plan.specs[plan.size++] = &plan.command->args[k];
    }
    break;
  }
  return plan;
}

}  // namespace detail

std::vector<Arg> decode_entry(const SyscallInfo& info, const SyscallRegs& regs, TraceeMemory& mem,
                              FdNames& fds, const DecodeOptions& opts) {
  const detail::DecodeContext ctx{info, regs, mem, fds, opts};
  const detail::ArgPlan plan = detail::plan_args(info, regs);
  std::vector<Arg> args;
  args.reserve(plan.size);
  const ArgSpec* prev = nullptr;
  for (std::size_t k = 0; k < plan.size; ++k) {
    const ArgSpec& spec = *plan.specs[k];
    const std::uint64_t value = regs.args[plan.regs[k]];
    Arg a = detail::decode_entry_arg(ctx, spec, value, args, prev);
    // strace shows clone's arguments as name=value.
    if (info.named_args) a.text = std::string(spec.name) + "=" + (a.text.empty() ? conventional_text(a) : a.text);
    args.push_back(std::move(a));
    prev = &spec;
  }
  return args;
}

std::vector<Arg> decode_unknown(const SyscallRegs& regs) {
  std::vector<Arg> args;
  for (std::size_t i = 0; i < regs.args.size(); ++i) {
    args.push_back(detail::conventional_arg("arg" + std::to_string(i), ArgKind::Hex,
                                            static_cast<std::int64_t>(regs.args[i])));
  }
  return args;
}

}  // namespace golden
