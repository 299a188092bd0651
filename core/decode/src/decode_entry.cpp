// Syscall entry: every argument decoded from the registers and the tracee's memory as
// the call starts (execve's argv must be read now: after the exec it is gone).
#include "decode_context.hpp"
#include "flags_render.hpp"
#include "structs.hpp"
#include "xlat_tables.hpp"

namespace golden {
namespace detail {
namespace {

constexpr std::uint64_t kOpenCreat = 0100, kOpenTmpfile = 020000000;

Arg flags_arg(std::string_view name, std::uint64_t v, std::string text) {
  Arg a = make_arg(name, ArgKind::Flags, static_cast<std::int64_t>(v));
  a.text = std::move(text);
  return a;
}
Arg enum_arg(std::string_view name, std::int64_t v, std::string text) {
  Arg a = make_arg(name, ArgKind::Enum, v);
  a.text = std::move(text);
  return a;
}
std::uint64_t low32(std::uint64_t v) { return v & 0xffffffffu; }

// The directory a Path at index i is relative to: the DirFd just before it, else the cwd.
std::string base_dir_for(const DecodeContext& ctx, std::size_t i, const std::vector<Arg>& before) {
  if (i > 0 && ctx.info.args[i - 1].type == ArgType::DirFd && before.size() == i) return before[i - 1].str;
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
    case 5: case 6: case 7: case 36: case 37: case 38:  // F_GETLK...F_OFD_SETLKW
      return struct_arg(name, v, flock_text(ctx.mem, v));
    case 0: case 8: case 1027: case 1030: case 1031:  // F_DUPFD, F_SETOWN, F_DUPFD_QUERY, F_DUPFD_CLOEXEC, F_SETPIPE_SZ
      return conventional_arg(name, ArgKind::Int, as_int32(v));
    default: return conventional_arg(name, ArgKind::Hex, static_cast<std::int64_t>(v));
  }
}

}  // namespace

Arg decode_entry_arg(const DecodeContext& ctx, std::size_t i, const std::vector<Arg>& before) {
  const ArgSpec& spec = ctx.info.args[i];
  const std::string_view name = spec.name;
  const std::uint64_t v = ctx.reg(i);
  const auto raw = static_cast<std::int64_t>(v);
  using T = ArgType;

  if (i == 2 && ctx.info.args[1].type == T::FcntlCmd) return fcntl_arg(ctx, name, ctx.reg(1), v);

  switch (spec.type) {
    case T::Int: return conventional_arg(name, ArgKind::Int, raw);
    case T::UInt: return conventional_arg(name, ArgKind::UInt, raw);
    case T::Hex: return conventional_arg(name, ArgKind::Hex, raw);
    case T::Pid:
    case T::Uid: return conventional_arg(name, ArgKind::Int, as_int32(v));
    case T::Fd: return fd_arg(ctx, name, v, false);
    case T::DirFd: return fd_arg(ctx, name, v, true);
    case T::Path: return path_arg(ctx, name, v, [&] { return base_dir_for(ctx, i, before); });
    case T::String: {
      if (v == 0) return struct_arg(name, v, "NULL");
      bool truncated = false;
      auto s = ctx.mem.read_string(RemoteAddr{v}, ctx.opts.string_limit, &truncated);
      if (!s) return struct_arg(name, v, address_text(v));
      Arg a = make_arg(name, ArgKind::String, raw);
      a.str = std::move(*s);
      a.text = conventional_text(a) + (truncated ? "..." : "");
      return a;
    }
    case T::InBuf: return in_buffer_arg(ctx, name, v, ctx.len_of(i), true);
    case T::InIovec: {
      // Until the exit says how much was written, the payload is everything offered.
      return iovec_arg(ctx, name, v, ctx.len_of(i), ~std::uint64_t{0}, true);
    }
    case T::InMsghdr: return msghdr_arg(ctx, name, v, ~std::uint64_t{0});
    case T::SockaddrIn: return sockaddr_arg(ctx, name, v, ctx.len_of(i));
    case T::SockLen: {
      if (v == 0) return conventional_arg(name, ArgKind::Ptr, 0);
      std::uint32_t len = 0;
      if (ctx.mem.read(RemoteAddr{v}, &len, sizeof len) != sizeof len) return struct_arg(name, v, address_text(v));
      return struct_arg(name, v, "[" + std::to_string(len) + "]");
    }
    case T::SockOptVal: {
      std::int32_t value = 0;
      if (ctx.len_of(i) == sizeof value && ctx.mem.read(RemoteAddr{v}, &value, sizeof value) == sizeof value) {
        return struct_arg(name, v, "[" + std::to_string(value) + "]");
      }
      return conventional_arg(name, ArgKind::Ptr, raw);
    }
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
    case T::OutPath: return conventional_arg(name, ArgKind::Ptr, raw);
    case T::OpenFlags: return flags_arg(name, low32(v), open_flags_text(low32(v)));
    case T::Mode: {
      Arg a = make_arg(name, ArgKind::Mode, static_cast<std::int64_t>(low32(v)));
      a.text = mode_text(low32(v));
      return a;
    }
    case T::AtFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::at_flags));
    case T::UnlinkatFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::unlinkat_flags));
    case T::AccessAtFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::accessat_flags));
    case T::AccessMode: return flags_arg(name, low32(v), flags_text(low32(v), xlat::access_mode, "F_OK"));
    case T::MmapProt: return flags_arg(name, low32(v), flags_text(low32(v), xlat::mmap_prot, "PROT_NONE"));
    case T::MmapFlags: return flags_arg(name, low32(v), mmap_flags_text(low32(v)));
    case T::MremapFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::mremap_flags));
    case T::CloneFlags: return flags_arg(name, v, clone_flags_text(v, true));
    case T::NsFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::ns_flags));
    case T::CloneArgs: return struct_arg(name, v, clone_args_text(ctx.mem, v, ctx.len_of(i)));
    case T::Signal: {
      Arg a = make_arg(name, ArgKind::Signal, as_int32(v));
      a.text = signal_text(a.raw);
      return a;
    }
    case T::SigHow: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::sig_how, "SIG_"));
    case T::SockDomain: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::sock_domains, "AF_"));
    case T::SockType: return flags_arg(name, low32(v), sock_type_text(low32(v)));
    case T::SockProtocol: return enum_arg(name, as_int32(v), sock_protocol_text(low32(ctx.reg(0)), low32(v)));
    case T::SockLevel: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::sock_levels, "SOL_"));
    case T::SockOptName:
      return enum_arg(name, as_int32(v), sockopt_name_text(i > 0 ? low32(ctx.reg(i - 1)) : ~0u, low32(v)));
    case T::SockFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::sock_flags));
    case T::MsgFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::msg_flags));
    case T::ShutdownHow: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::shutdown_how, "SHUT_"));
    case T::Argv: return argv_arg(ctx, name, v);
    case T::Envp: return envp_arg(ctx, name, v);
    case T::FcntlCmd: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::fcntl_cmds, "F_"));
    case T::Whence: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::whence, "SEEK_"));
    case T::WaitOptions: return flags_arg(name, low32(v), flags_text(low32(v), xlat::wait_options));
    case T::Timespec: return struct_arg(name, v, timespec_text(ctx.mem, v));
    case T::OpenHow: return struct_arg(name, v, open_how_text(ctx.mem, v, ctx.len_of(i)));
    case T::EpollOp: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::epoll_ops, "EPOLL_CTL_"));
    case T::EpollFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::epoll_flags));
    case T::PipeFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::pipe_flags));
    case T::EventfdFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::eventfd_flags));
    case T::MemfdFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::memfd_flags));
    case T::RenameFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::rename_flags));
    case T::IoctlCmd: {
      const auto known = lookup(low32(v), xlat::ioctl_cmds);
      return enum_arg(name, static_cast<std::int64_t>(low32(v)),
                      known.empty() ? hex_text(low32(v)) : std::string(known));
    }
    case T::FutexOp: return enum_arg(name, as_int32(v), futex_op_text(low32(v)));
    case T::ClockId: return enum_arg(name, as_int32(v), clock_id_text(as_int32(v)));
    case T::TimerFlags: return flags_arg(name, low32(v), flags_text(low32(v), xlat::timer_flags));
    case T::FlockOp: return flags_arg(name, low32(v), flags_text(low32(v), xlat::flock_ops));
    case T::IdType: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::id_types, "P_"));
    case T::ArchPrctlCode: return enum_arg(name, as_int32(v), enum_text(low32(v), xlat::arch_prctl_codes, "ARCH_"));
    case T::Sigset: return struct_arg(name, v, sigset_text(ctx.mem, v, ctx.len_of(i)));
    case T::Sigaction: return struct_arg(name, v, v == 0 ? "NULL" : sigaction_text(ctx.mem, v));
    case T::PollFds: return pollfds_arg(ctx, name, v, ctx.len_of(i), false);
    case T::EpollEvent: return epoll_events_arg(ctx, name, v, 1, false);
    case T::EpollEventsOut: return conventional_arg(name, ArgKind::Ptr, raw);
  }
  return conventional_arg(name, ArgKind::Hex, raw);
}

}  // namespace detail

std::vector<Arg> decode_entry(const SyscallInfo& info, const SyscallRegs& regs, TraceeMemory& mem,
                              FdNames& fds, const DecodeOptions& opts) {
  const detail::DecodeContext ctx{info, regs, mem, fds, opts};
  std::vector<Arg> args;
  args.reserve(info.nargs);
  for (std::size_t i = 0; i < info.nargs; ++i) {
    // Arguments the call ignores are left out, as strace does: their registers hold
    // leftovers that would make two runs of the same program differ. Only trailing
    // arguments are ever dropped, so positions stay those of the table.
    if (info.args[i].type == ArgType::Mode && i > 0 && info.args[i - 1].type == ArgType::OpenFlags &&
        !(regs.args[i - 1] & (detail::kOpenCreat | detail::kOpenTmpfile))) {
      break;
    }
    if (i == 2 && info.args[1].type == ArgType::FcntlCmd && !detail::fcntl_takes_arg(regs.args[1] & 0xffffffffu)) {
      break;
    }
    args.push_back(detail::decode_entry_arg(ctx, i, args));
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
