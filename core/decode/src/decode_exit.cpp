// Syscall exit: the return value, the outputs the call wrote into the tracee, and the
// payloads of writes corrected to the number of bytes actually transferred.
#include <algorithm>

#include "decode_context.hpp"
#include "flags_render.hpp"
#include "golden/model/escape.hpp"
#include "path_normalize.hpp"
#include "payload.hpp"
#include "structs.hpp"

namespace golden {
namespace detail {
namespace {

constexpr std::int64_t kMaxErrno = 4095;

bool is_error_return(const SyscallInfo& info, std::int64_t ret) {
  // rt_sigreturn "returns" the interrupted context's rax, which may look like an error.
  if (info.nr == 15) return false;
  return ret < 0 && ret >= -kMaxErrno;
}

// A write-like call that failed transferred nothing: its payload is empty, while the
// text keeps showing what the program tried to write (strace shows the argument).
void clear_payload(Arg& arg) {
  if (arg.kind == ArgKind::Buffer) arg.data = Payload{};
}

void fd_pair(const DecodeContext& ctx, Arg& arg) {
  std::int32_t fds[2];
  if (ctx.mem.read(RemoteAddr{static_cast<std::uint64_t>(arg.raw)}, fds, sizeof fds) != sizeof fds) return;
  std::string text = "[";
  for (int k = 0; k < 2; ++k) {
    if (k) text += ", ";
    text += std::to_string(fds[k]);
    if (const std::string what = ctx.fds.describe(fds[k]); !what.empty()) text += "<" + what + ">";
  }
  arg.kind = ArgKind::Struct;
  arg.text = text + "]";
}

}  // namespace

void decode_exit_arg(const DecodeContext& ctx, std::size_t i, std::int64_t ret, bool ok, Arg& arg) {
  const ArgSpec& spec = ctx.info.args[i];
  const std::uint64_t addr = ctx.reg(i);
  const auto transferred = static_cast<std::uint64_t>(std::max<std::int64_t>(ret, 0));
  using T = ArgType;
  switch (spec.type) {
    case T::InBuf:
      if (!ok) return clear_payload(arg);
      // A short write is re-read at its length; a call whose result is not a byte count
      // (setxattr returns 0) keeps the buffer read at entry.
      if (arg.kind == ArgKind::Buffer && arg.data && transferred > 0 && arg.data->length != transferred) {
        arg = in_buffer_arg(ctx, spec.name, addr, std::min(transferred, ctx.len_of(i)), true);
      }
      return;
    case T::InIovec:
      if (!ok) return clear_payload(arg);
      if (arg.kind == ArgKind::Buffer && arg.data && arg.data->length != transferred) {
        arg = iovec_arg(ctx, spec.name, addr, ctx.len_of(i), transferred, true);
      }
      return;
    case T::InMsghdr:
      if (!ok) return clear_payload(arg);
      if (arg.kind == ArgKind::Buffer && arg.data && arg.data->length != transferred) {
        arg = msghdr_arg(ctx, spec.name, addr, transferred);
      }
      return;
    default: break;
  }
  if (!ok || addr == 0) return;  // outputs are only there when the call succeeded

  switch (spec.type) {
    case T::OutBuf: {
      const std::uint64_t len = spec.len_arg >= 0 ? std::min(transferred, ctx.len_of(i)) : transferred;
      // getxattr(..., NULL, 0) and friends return a size without writing anything.
      if (spec.len_arg >= 0 && ctx.len_of(i) == 0) return;
      arg = in_buffer_arg(ctx, spec.name, addr, len, false);
      return;
    }
    case T::OutIovec: arg = iovec_arg(ctx, spec.name, addr, ctx.len_of(i), transferred, false); return;
    case T::OutMsghdr: arg = msghdr_arg(ctx, spec.name, addr, transferred); return;
    case T::SockaddrOut: {
      const std::uint64_t len_addr = ctx.len_of(i);
      std::uint32_t len = 0;
      if (len_addr == 0 || ctx.mem.read(RemoteAddr{len_addr}, &len, sizeof len) != sizeof len) return;
      if (len < 2) return;  // nothing filled in (e.g. recvfrom on a connected stream)
      arg = sockaddr_arg(ctx, spec.name, addr, len);
      return;
    }
    case T::SockLen: {
      std::uint32_t len = 0;
      if (ctx.mem.read(RemoteAddr{addr}, &len, sizeof len) != sizeof len) return;
      const std::string now = "[" + std::to_string(len) + "]";
      if (arg.kind == ArgKind::Struct && arg.text.size() > 2 && arg.text != now) {
        arg.text = arg.text.substr(0, arg.text.size() - 1) + " => " + std::to_string(len) + "]";
      } else {
        arg = struct_arg(spec.name, addr, now);
      }
      return;
    }
    case T::FdPairOut: fd_pair(ctx, arg); return;
    case T::SigsetOut: arg = struct_arg(spec.name, addr, sigset_text(ctx.mem, addr, ctx.len_of(i))); return;
    case T::SigactionOut: arg = struct_arg(spec.name, addr, sigaction_text(ctx.mem, addr)); return;
    case T::WaitStatus: {
      std::int32_t status = 0;
      if (ret <= 0 || ctx.mem.read(RemoteAddr{addr}, &status, sizeof status) != sizeof status) return;
      arg = struct_arg(spec.name, addr, wait_status_text(status));
      return;
    }
    case T::StatOut: arg = struct_arg(spec.name, addr, stat_text(ctx.mem, addr)); return;
    case T::PollFds:
      if (ret > 0) arg = pollfds_arg(ctx, spec.name, addr, ctx.len_of(i), true);
      return;
    case T::EpollEventsOut: arg = epoll_events_arg(ctx, spec.name, addr, transferred, true); return;
    case T::StatxOut: arg = struct_arg(spec.name, addr, statx_text(ctx.mem, addr)); return;
    case T::DirentsOut: {
      const auto count = count_dirents(ctx.mem, addr, transferred);
      if (!count) return;
      arg = struct_arg(spec.name, addr,
                       address_text(addr) + " /* " + std::to_string(*count) +
                           (*count == 1 ? " entry */" : " entries */"));
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
    default: return;
  }
}

}  // namespace detail

bool creates_fd(const SyscallInfo& info, const SyscallRegs& regs) {
  if (info.returns_fd) return true;
  if (info.nargs > 1 && info.args[1].type == ArgType::FcntlCmd) {
    const std::uint64_t cmd = regs.args[1] & 0xffffffffu;
    return cmd == 0 || cmd == 1030;  // F_DUPFD, F_DUPFD_CLOEXEC
  }
  return false;
}

void decode_exit(const SyscallInfo& info, const SyscallRegs& regs, std::int64_t ret, TraceeMemory& mem,
                 FdNames& fds, const DecodeOptions& opts, Event& event) {
  event.ret = ret;
  event.err = detail::is_error_return(info, ret) ? static_cast<int>(-ret) : 0;
  const bool ok = event.err == 0;
  if (ok && ret >= 0 && creates_fd(info, regs)) event.ret_ref = fds.describe(static_cast<int>(ret));
  const detail::DecodeContext ctx{info, regs, mem, fds, opts};
  const std::size_t n = std::min<std::size_t>(info.nargs, event.args.size());
  for (std::size_t i = 0; i < n; ++i) detail::decode_exit_arg(ctx, i, ret, ok, event.args[i]);
}

void decode_unknown_exit(std::int64_t ret, Event& event) {
  event.ret = ret;
  event.err = ret < 0 && ret >= -detail::kMaxErrno ? static_cast<int>(-ret) : 0;
}

}  // namespace golden
