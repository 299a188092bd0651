#include "data_flow.hpp"

#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include <algorithm>

namespace golden::rec {
namespace {

constexpr std::uint64_t kMaxIov = 1024;  // IOV_MAX

int as_fd(std::uint64_t raw) { return static_cast<int>(static_cast<std::int32_t>(raw)); }

std::uint64_t iov_total(TraceeMemory& mem, std::uint64_t addr, std::uint64_t count) {
  count = std::min(count, kMaxIov);
  std::vector<iovec> iov(count);
  const std::size_t want = count * sizeof(iovec);
  if (count == 0 || mem.read(RemoteAddr{addr}, iov.data(), want) != want) return 0;
  std::uint64_t total = 0;
  for (const iovec& v : iov) total += v.iov_len;
  return total;
}

std::uint64_t msghdr_total(TraceeMemory& mem, std::uint64_t addr) {
  msghdr m{};
  if (mem.read(RemoteAddr{addr}, &m, sizeof m) != sizeof m) return 0;
  return iov_total(mem, reinterpret_cast<std::uint64_t>(m.msg_iov), m.msg_iovlen);
}

ChannelPtr channel_of(DataFlowContext& ctx, int fd, FdAccess* access = nullptr) {
  FdEntry* e = ctx.fds.lookup(ctx.thread, fd);
  if (!e || !e->channel) return nullptr;
  if (access) *access = e->access;
  ChannelPtr c = e->channel;
  // A socket inherited from before the trace: look its peer up once.
  if (c->socket() && !c->peer_known)
    ctx.fds.channels().discover_peer(ctx.thread.tid, c, false);
  return c;
}

struct WriteSide {
  int fd = -1;
  std::uint64_t requested = 0;
};

WriteSide write_side(DataFlowContext& ctx, const SyscallRegs& r) {
  const auto& a = r.args;
  switch (r.nr) {
    case SYS_write: return {as_fd(a[0]), a[2]};
    case SYS_sendto: return {as_fd(a[0]), a[2]};
    case SYS_writev: return {as_fd(a[0]), iov_total(ctx.mem, a[1], a[2])};
    case SYS_sendmsg: return {as_fd(a[0]), msghdr_total(ctx.mem, a[1])};
    case SYS_splice: return {as_fd(a[2]), a[4]};
    case SYS_tee: return {as_fd(a[1]), a[2]};
    case SYS_sendfile: return {as_fd(a[0]), a[3]};
    case SYS_vmsplice: {
      FdAccess access = FdAccess::Unknown;
      if (ChannelPtr c = channel_of(ctx, as_fd(a[0]), &access); c && access == FdAccess::Write)
        return {as_fd(a[0]), iov_total(ctx.mem, a[1], a[2])};
      return {};
    }
    default: return {};
  }
}

struct ReadSide {
  int fd = -1;
  bool peek = false;
};

ReadSide read_side(DataFlowContext& ctx, const SyscallRegs& r) {
  const auto& a = r.args;
  switch (r.nr) {
    case SYS_read:
    case SYS_readv: return {as_fd(a[0]), false};
    case SYS_recvfrom: return {as_fd(a[0]), (a[3] & MSG_PEEK) != 0};
    case SYS_recvmsg: return {as_fd(a[0]), (a[2] & MSG_PEEK) != 0};
    case SYS_splice: return {as_fd(a[0]), false};
    case SYS_sendfile: return {as_fd(a[1]), false};
    case SYS_tee: return {as_fd(a[0]), true};  // tee copies: the bytes stay in the pipe
    case SYS_vmsplice: {
      FdAccess access = FdAccess::Unknown;
      if (ChannelPtr c = channel_of(ctx, as_fd(a[0]), &access); c && access == FdAccess::Read)
        return {as_fd(a[0]), false};
      return {};
    }
    default: return {};
  }
}

}  // namespace

void data_flow_entry(DataFlowContext& ctx, InFlight& f, const std::function<HandlePtr()>& source) {
  if (f.nr == SYS_sendmmsg || f.nr == SYS_recvmmsg) {
    if (channel_of(ctx, as_fd(f.regs.args[0])))
      ++ctx.counters["recorder.data_untracked_call"];
    return;
  }
  const WriteSide w = write_side(ctx, f.regs);
  if (w.fd < 0) return;
  ChannelPtr c = channel_of(ctx, w.fd);
  if (!c) return;
  f.write = ctx.fds.channels().begin_write(c, source ? source() : nullptr, w.requested);
}

void data_flow_exit(DataFlowContext& ctx, InFlight& f, std::int64_t rval,
                    std::vector<HandlePtr>& sources) {
  if (f.write) ctx.fds.channels().end_write(f.write, rval);
  if (rval <= 0) return;
  const ReadSide r = read_side(ctx, f.regs);
  if (r.fd < 0) return;
  if (ChannelPtr c = channel_of(ctx, r.fd))
    ctx.fds.channels().read(c, static_cast<std::uint64_t>(rval), r.peek, sources);
}

}  // namespace golden::rec
