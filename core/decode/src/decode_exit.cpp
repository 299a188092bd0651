// Syscall exit: the return value, the outputs the call wrote into the tracee, and the
// payloads of writes corrected to the number of bytes actually transferred.
#include <algorithm>

#include "decode_context.hpp"
#include "flags_render.hpp"
#include "golden/model/escape.hpp"
#include "golden/syscalls/command_table.hpp"
#include "ioctl_decode.hpp"
#include "ipc_structs.hpp"
#include "path_normalize.hpp"
#include "payload.hpp"
#include "process_structs.hpp"
#include "signal_structs.hpp"
#include "sockopt.hpp"
#include "structs.hpp"
#include "time_structs.hpp"
#include "xlat_registry.hpp"

namespace golden {
namespace detail {
namespace {

constexpr std::int64_t kMaxErrno = 4095;

// A write-like call that failed transferred nothing: its payload is empty, while the
// text keeps showing what the program tried to write (strace shows the argument).
void clear_payload(Arg& arg) {
  if (arg.kind == ArgKind::Buffer) arg.data = Payload{};
}

void fd_pair(const DecodeContext& ctx, std::uint64_t addr, Arg& arg) {
  std::int32_t fds[2];
  if (ctx.mem.read(RemoteAddr{addr}, fds, sizeof fds) != sizeof fds) return;
  arg.kind = ArgKind::Struct;
  arg.text = "[" + fd_text(ctx, fds[0]) + ", " + fd_text(ctx, fds[1]) + "]";
}

void set_struct(Arg& arg, std::uint64_t addr, std::string text) {
  arg.kind = ArgKind::Struct;
  arg.raw = static_cast<std::int64_t>(addr);
  arg.text = std::move(text);
}

}  // namespace

void decode_exit_arg(const DecodeContext& ctx, const ArgSpec& spec, std::uint64_t addr, std::int64_t ret, bool ok,
                     Arg& arg) {
  const auto transferred = static_cast<std::uint64_t>(std::max<std::int64_t>(ret, 0));
  using T = ArgType;
  switch (spec.type) {
    case T::InBuf:
      if (!ok) return clear_payload(arg);
      // A short write is re-read at its length; a call whose result is not a byte count
      // (setxattr returns 0) keeps the buffer read at entry.
      if (arg.kind == ArgKind::Buffer && arg.data && transferred > 0 && arg.data->length != transferred) {
        arg = in_buffer_arg(ctx, spec.name, addr, std::min(transferred, ctx.len_of(spec)), true);
      }
      return;
    case T::InIovec:
      if (!ok) return clear_payload(arg);
      if (arg.kind == ArgKind::Buffer && arg.data && arg.data->length != transferred) {
        arg = iovec_arg(ctx, spec.name, addr, ctx.len_of(spec), transferred, true);
      }
      return;
    case T::InMsghdr:
      if (!ok) return clear_payload(arg);
      if (arg.kind == ArgKind::Buffer && arg.data && arg.data->length != transferred) {
        arg = msghdr_arg(ctx, spec.name, addr, transferred, as_int32(ctx.regs.args[0]));
      }
      return;
    case T::Int64InOut:
      // sendfile: the offset the call moved to, after the one it was given.
      if (ok && addr != 0 && arg.kind == ArgKind::Struct) {
        if (const auto off = read_object<std::int64_t>(ctx.mem, addr)) arg.text += " => [" + std::to_string(*off) + "]";
      }
      return;
    case T::CloneArgs:
      if (ok) arg.text += clone_args_exit_text(ctx.mem, addr, ctx.len_of(spec));
      return;
    case T::IoctlArg: ioctl_exit_arg(ctx, low32(ctx.regs.args[1]), addr, ok, arg); return;
    case T::TimespecOut:
      // nanosleep's remaining time matters only when the sleep was interrupted.
      if ((ctx.info.nr == 35 || ctx.info.nr == 230) && ret != -4 && ret != -516) return;
      if ((ctx.info.nr == 35 || ctx.info.nr == 230) && addr != 0) set_struct(arg, addr, timespec_text(ctx.mem, addr));
      break;
    default: break;
  }
  if (!ok || addr == 0) return;  // outputs are only there when the call succeeded

  switch (spec.type) {
    case T::OutBuf: {
      const std::uint64_t len = spec.len_arg >= 0 ? std::min(transferred, ctx.len_of(spec)) : transferred;
      // getxattr(..., NULL, 0) and friends return a size without writing anything.
      if (spec.len_arg >= 0 && ctx.len_of(spec) == 0) return;
      if (ctx.info.nr == 45 || ctx.info.nr == 0) {  // recvfrom, read: netlink replies read as messages
        if (auto nl = netlink_buffer_arg(ctx, spec.name, addr, len, as_int32(ctx.regs.args[0]))) {
          arg = std::move(*nl);
          return;
        }
      }
      arg = in_buffer_arg(ctx, spec.name, addr, len, false);
      return;
    }
    case T::OutIovec: arg = iovec_arg(ctx, spec.name, addr, ctx.len_of(spec), transferred, false); return;
    case T::OutMsghdr: arg = msghdr_arg(ctx, spec.name, addr, transferred, as_int32(ctx.regs.args[0])); return;
    case T::SockaddrOut: {
      const std::uint64_t len_addr = ctx.len_of(spec);
      std::uint32_t len = 0;
      if (len_addr == 0 || ctx.mem.read(RemoteAddr{len_addr}, &len, sizeof len) != sizeof len) return;
      if (len < 2) return;  // nothing filled in (e.g. recvfrom on a connected stream)
      arg = sockaddr_arg(ctx, spec.name, addr, len);
      return;
    }
    case T::SockLen: {
      std::int32_t len = 0;
      if (ctx.mem.read(RemoteAddr{addr}, &len, sizeof len) != sizeof len) return;
      const std::string now = "[" + std::to_string(len) + "]";
      if (arg.kind == ArgKind::Struct && arg.text.size() > 2 && arg.text != now) {
        arg.text = arg.text.substr(0, arg.text.size() - 1) + " => " + std::to_string(len) + "]";
      } else {
        arg = struct_arg(spec.name, addr, now);
      }
      return;
    }
    case T::FdPairOut: fd_pair(ctx, addr, arg); return;
    case T::SigsetOut: set_struct(arg, addr, sigset_text(ctx.mem, addr, ctx.len_of(spec))); return;
    case T::SigactionOut: set_struct(arg, addr, sigaction_text(ctx.mem, addr)); return;
    case T::WaitStatus: {
      std::int32_t status = 0;
      if (ret <= 0 || ctx.mem.read(RemoteAddr{addr}, &status, sizeof status) != sizeof status) return;
      set_struct(arg, addr, wait_status_text(status));
      return;
    }
    case T::StatOut: set_struct(arg, addr, stat_text(ctx.mem, addr)); return;
    case T::EpollEventsOut: arg = epoll_events_arg(ctx, spec.name, addr, transferred, true); return;
    case T::StatxOut: set_struct(arg, addr, statx_text(ctx.mem, addr)); return;
    case T::DirentsOut: {
      const auto count = count_dirents(ctx.mem, addr, transferred);
      if (!count) return;
      set_struct(arg, addr,
                 address_text(addr) + " /* " + std::to_string(*count) + (*count == 1 ? " entry */" : " entries */"));
      return;
    }
    case T::OutPath: {
      bool truncated = false;
      const auto path = ctx.mem.read_string(RemoteAddr{addr}, std::min<std::uint64_t>(transferred, ctx.opts.path_max),
                                            &truncated);
      if (!path) return;
      arg = make_arg(spec.name, ArgKind::Path, static_cast<std::int64_t>(addr));
      arg.str = normalize_path(*path);
      arg.text = quote_bytes(*path, truncated);
      return;
    }
    case T::StringOut: {
      Arg s = string_arg(ctx, spec.name, addr, ctx.opts.string_limit);
      if (s.kind == ArgKind::String) arg = std::move(s);
      return;
    }
    case T::IntOut: set_struct(arg, addr, int_pointed_text(ctx, spec, addr, false)); return;
    case T::PtrOut: {
      const auto v = read_object<std::uint64_t>(ctx.mem, addr);
      if (v) set_struct(arg, addr, "[" + address_text(*v) + "]");
      return;
    }
    case T::TimeOut: set_struct(arg, addr, int_pointed_text(ctx, spec, addr, true)); return;
    case T::RlimitOut: set_struct(arg, addr, rlimit_text(ctx.mem, addr)); return;
    case T::RusageOut: set_struct(arg, addr, rusage_text(ctx.mem, addr)); return;
    case T::TimevalOut: set_struct(arg, addr, timeval_text(ctx.mem, addr)); return;
    case T::TimespecOut: set_struct(arg, addr, timespec_text(ctx.mem, addr)); return;
    case T::ItimervalOut: set_struct(arg, addr, itimerval_text(ctx.mem, addr)); return;
    case T::ItimerspecOut: set_struct(arg, addr, itimerspec_text(ctx.mem, addr)); return;
    case T::MqAttrOut: set_struct(arg, addr, mq_attr_text(ctx.mem, addr)); return;
    case T::SiginfoOut: set_struct(arg, addr, siginfo_text(ctx, addr)); return;
    case T::StackTOut: set_struct(arg, addr, stack_t_text(ctx.mem, addr)); return;
    case T::StatfsOut: set_struct(arg, addr, statfs_text(ctx.mem, addr)); return;
    case T::UtsnameOut: set_struct(arg, addr, utsname_text(ctx.mem, addr)); return;
    case T::SysinfoOut: set_struct(arg, addr, sysinfo_text(ctx.mem, addr)); return;
    case T::SchedParamOut: set_struct(arg, addr, sched_param_text(ctx.mem, addr)); return;
    case T::GidsOut: set_struct(arg, addr, gids_text(ctx.mem, addr, transferred)); return;
    case T::MincoreVec: set_struct(arg, addr, mincore_text(ctx.mem, addr, ctx.len_of(spec))); return;
    case T::CapDataOut: set_struct(arg, addr, cap_data_text(ctx.mem, addr)); return;
    case T::SeccompNotifSizesOut: set_struct(arg, addr, seccomp_notif_sizes_text(ctx.mem, addr)); return;
    case T::MsgbufOut:
      set_struct(arg, addr, msgbuf_text(ctx.mem, addr, ctx.len_of(spec), ctx.opts.string_limit));
      return;
    case T::RandomOut: {
      // The random bytes, in hex as strace shows them; getrandom returns how many.
      std::string bytes(static_cast<std::size_t>(std::min<std::uint64_t>(transferred, ctx.opts.string_limit)), '\0');
      if (!bytes.empty() && ctx.mem.read(RemoteAddr{addr}, bytes.data(), bytes.size()) != bytes.size()) return;
      set_struct(arg, addr, quote_bytes_hex(bytes, transferred > bytes.size()));
      return;
    }
    case T::SockOptValOut: {
      std::int32_t len = 0;
      const std::uint64_t len_addr = ctx.len_of(spec);
      if (len_addr == 0 || ctx.mem.read(RemoteAddr{len_addr}, &len, sizeof len) != sizeof len) return;
      set_struct(arg, addr, sockopt_value_text(ctx, low32(ctx.regs.args[1]), low32(ctx.regs.args[2]), addr, len, true));
      return;
    }
    case T::IpcCtlBuf: {
      const std::uint64_t cmd = ctx.regs.args[ctx.info.nr == 66 ? 2 : 1] & ~std::uint64_t{0x100};
      if (cmd != 1) set_struct(arg, addr, ipc_ds_text(ctx.mem, ctx.info.nr, addr));
      return;
    }
    case T::Hex:
      // fcntl F_GETLK/F_OFD_GETLK: the lock found.
      if (ctx.info.nr == 72) {
        const std::uint64_t cmd = ctx.regs.args[1] & 0xffffffffu;
        if (cmd == 5 || cmd == 36) set_struct(arg, addr, flock_text(ctx.mem, addr, true));
      }
      return;
    default: return;
  }
}

std::string stored_return(const DecodeContext& ctx, const Event& event) {
  if (event.err != 0) return {};
  const std::uint64_t ret = static_cast<std::uint64_t>(event.ret);
  switch (ctx.info.nr) {
    case 7:     // poll
    case 271: {  // ppoll
      std::string out = std::to_string(event.ret);
      if (event.ret == 0) {
        out += " (Timeout)";
      } else if (event.ret > 0) {
        out += " (" + poll_revents_text(ctx, ctx.regs.args[0], ctx.regs.args[1]);
        if (ctx.info.nr == 271 && ctx.regs.args[2] != 0) out += ", left " + timespec_text(ctx.mem, ctx.regs.args[2]);
        out += ")";
      }
      return out;
    }
    case 23:     // select
    case 270: {  // pselect6
      std::string out = std::to_string(event.ret);
      if (event.ret == 0 && ctx.regs.args[4] != 0) return out + " (Timeout)";
      if (event.ret <= 0) return out;
      std::string note;
      const std::uint64_t nfds = ctx.regs.args[0] & 0xffffffffu;
      const char* const kNames[] = {"in", "out", "except"};
      for (int k = 0; k < 3; ++k) {
        const std::uint64_t set = ctx.regs.args[static_cast<std::size_t>(k) + 1];
        if (set == 0) continue;
        const std::string bits = fd_set_text(ctx, set, nfds, false);
        if (bits == "[]") continue;
        if (!note.empty()) note += ", ";
        note += std::string(kNames[k]) + " " + bits;
      }
      if (ctx.regs.args[4] != 0) {
        if (!note.empty()) note += ", ";
        note += "left " + (ctx.info.nr == 23 ? timeval_text(ctx.mem, ctx.regs.args[4]) : timespec_text(ctx.mem, ctx.regs.args[4]));
      }
      return note.empty() ? out : out + " (" + note + ")";
    }
    case 324: {  // membarrier: MEMBARRIER_CMD_QUERY returns the supported commands
      if ((ctx.regs.args[0] & 0xffffffffu) != 0 || ret == 0) return std::to_string(event.ret);
      return hex_text(ret) + " (" + xlat_flags(XlatId::Membarrier, ret) + ")";
    }
    default: return {};
  }
}

}  // namespace detail

bool creates_fd(const SyscallInfo& info, const SyscallRegs& regs) {
  if (info.returns_fd) return true;
  if (info.nargs > 1 && info.args[1].type == ArgType::FcntlCmd) {
    const std::uint64_t cmd = regs.args[1] & 0xffffffffu;
    return cmd == 0 || cmd == 1030;  // F_DUPFD, F_DUPFD_CLOEXEC
  }
  if (info.nargs > 0 && info.args[0].type == ArgType::Command) {
    const CommandSpec* c = command_spec(info.args[0].xlat, regs.args[0] & 0xffffffffu);
    return c != nullptr && c->returns_fd;
  }
  return false;
}

void decode_exit(const SyscallInfo& info, const SyscallRegs& regs, std::int64_t ret, TraceeMemory& mem,
                 FdNames& fds, const DecodeOptions& opts, Event& event) {
  event.ret = ret;
  event.err = ret < 0 && ret >= -detail::kMaxErrno ? static_cast<int>(-ret) : 0;
  const bool ok = event.err == 0;
  if (ok && ret >= 0 && creates_fd(info, regs)) event.ret_ref = fds.describe(static_cast<int>(ret));
  const detail::DecodeContext ctx{info, regs, mem, fds, opts};
  const detail::ArgPlan plan = detail::plan_args(info, regs);
  const std::size_t n = std::min<std::size_t>(plan.size, event.args.size());
  for (std::size_t k = 0; k < n; ++k) {
    const ArgSpec& spec = *plan.specs[k];
    detail::decode_exit_arg(ctx, spec, regs.args[plan.regs[k]], ret, ok, event.args[k]);
    if (info.named_args && !event.args[k].text.starts_with(spec.name)) {
      Arg& a = event.args[k];
      a.text = std::string(spec.name) + "=" + (a.text.empty() ? conventional_text(a) : a.text);
    }
  }
  if (info.ret_style == RetStyle::Stored) event.ret_ref = detail::stored_return(ctx, event);
}

void decode_unknown_exit(std::int64_t ret, Event& event) {
  event.ret = ret;
  event.err = ret < 0 && ret >= -detail::kMaxErrno ? static_cast<int>(-ret) : 0;
}

}  // namespace golden
