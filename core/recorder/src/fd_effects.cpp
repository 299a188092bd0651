#include "fd_effects.hpp"

#include <fcntl.h>
#include <linux/close_range.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>

#include <algorithm>
#include <cstddef>
#include <cstring>

#include <optional>

#include "proc_files.hpp"

namespace golden::rec {
namespace {

constexpr std::int64_t kAtFdCwd = AT_FDCWD;
constexpr unsigned long kFioclex = 0x5451;   // FIOCLEX
constexpr unsigned long kFionclex = 0x5450;  // FIONCLEX

int as_fd(std::uint64_t raw) { return static_cast<int>(static_cast<std::int32_t>(raw)); }

FdAccess access_of(std::uint64_t flags) {
  switch (flags & O_ACCMODE) {
    case O_RDONLY: return FdAccess::Read;
    case O_WRONLY: return FdAccess::Write;
    case O_RDWR: return FdAccess::ReadWrite;
    default: return FdAccess::Unknown;
  }
}

CloExec cloexec_if(bool set) { return set ? CloExec::Yes : CloExec::No; }

// The path argument `index` as the decoder read it, else read now.
std::optional<std::string> path_arg(FdEffectContext& ctx, const SyscallRegs& regs, int index,
                                    const std::vector<Arg>* decoded) {
  if (decoded && static_cast<int>(decoded->size()) > index &&
      (*decoded)[static_cast<std::size_t>(index)].kind == ArgKind::Path)
    return (*decoded)[static_cast<std::size_t>(index)].str;
  return ctx.mem.read_string(RemoteAddr{regs.args[static_cast<std::size_t>(index)]},
                             ctx.path_max);
}

// The absolute name of a path opened relative to `dirfd` (lexically; "" when unknown).
std::string opened_name(FdEffectContext& ctx, std::int64_t dirfd, const std::string& path) {
  if (!path.empty() && path[0] == '/') return join_path("/", path);
  std::string base = dirfd == kAtFdCwd ? ctx.fds.cwd(ctx.thread)
                                       : ctx.fds.describe(ctx.thread, static_cast<int>(dirfd));
  if (base.empty() || base[0] != '/') return "";
  return join_path(base, path);
}

void learn_opened(FdEffectContext& ctx, int fd, const std::string& name, std::uint64_t flags) {
  if (name.empty()) {
    ctx.thread.files->erase(fd);  // looked up lazily if ever used
    return;
  }
  FdEntry e;
  e.name = name;
  // strace -y names an fd by /proc's link, which has the symlinks resolved (/lib ->
  // /usr/lib); one readlink per successful open (not per use of the fd) makes golden's
  // names the same. The name as given stays in the call's path argument. Files under
  // /proc keep the name as given: /proc/self resolves to a pid, which would make two
  // runs' traces differ.
  const std::string link = "fd/" + std::to_string(fd);
  if (!name.starts_with("/proc/")) {
    if (auto real = read_link(proc_path(ctx.thread.tid, link.c_str())); real && real->starts_with('/'))
      e.name = std::move(*real);
  }
  e.cloexec = cloexec_if(flags & O_CLOEXEC);
  e.access = access_of(flags);
  e.ofd = ctx.fds.new_ofd();
  ctx.thread.files->set(fd, std::move(e));
}

void learn_copy(FdEffectContext& ctx, int from, int to, bool cloexec) {
  FdEntry* src = ctx.fds.lookup(ctx.thread, from);
  if (!src) {
    ctx.thread.files->erase(to);
    return;
  }
  FdEntry copy = *src;
  copy.cloexec = cloexec_if(cloexec);
  ctx.thread.files->set(to, std::move(copy));
}

ChannelKind socket_kind(std::uint64_t type) {
  switch (type & 0xf) {
    case SOCK_DGRAM:
    case SOCK_SEQPACKET:
    case SOCK_RAW:
    case SOCK_RDM: return ChannelKind::MessageSocket;
    default: return ChannelKind::StreamSocket;
  }
}

std::optional<std::pair<int, int>> read_fd_pair(FdEffectContext& ctx, std::uint64_t addr) {
  int pair[2] = {-1, -1};
  if (ctx.mem.read(RemoteAddr{addr}, pair, sizeof pair) != sizeof pair) return std::nullopt;
  return std::make_pair(pair[0], pair[1]);
}

void learn_created(FdEffectContext& ctx, int fd, ChannelKind kind, CloExec cloexec,
                   FdAccess access) {
  if (FdEntry* e = ctx.fds.resolve(ctx.thread, fd, kind)) {
    e->cloexec = cloexec;
    e->access = access;
  }
}

std::string socket_display_name(const std::string& inet_name) {
  return "socket:[" + inet_name + "]";
}

// The address of a struct sockaddr_un given to bind/connect: "/abs/path" (relative
// paths resolved against the cwd), "@name" for the abstract namespace; nullopt when the
// address is not AF_UNIX (or unreadable), "" for an unnamed one.
std::optional<std::string> unix_address(FdEffectContext& ctx, std::uint64_t addr,
                                        std::uint64_t len) {
  sockaddr_un sun{};
  len = std::min<std::uint64_t>(len, sizeof sun);
  if (len < sizeof(sa_family_t) || ctx.mem.read(RemoteAddr{addr}, &sun, len) != len)
    return std::nullopt;
  if (sun.sun_family != AF_UNIX) return std::nullopt;
  const std::size_t path_len = len - offsetof(sockaddr_un, sun_path);
  if (path_len == 0) return std::string();
  if (sun.sun_path[0] == '\0') return "@" + std::string(sun.sun_path + 1, path_len - 1);
  const std::string path(sun.sun_path, strnlen(sun.sun_path, path_len));
  return path[0] == '/' ? join_path("/", path) : join_path(ctx.fds.cwd(ctx.thread), path);
}

ChannelPtr channel_of(FdEffectContext& ctx, std::uint64_t fd) {
  FdEntry* e = ctx.fds.lookup(ctx.thread, as_fd(fd));
  return e ? e->channel : nullptr;
}

}  // namespace

std::vector<int> apply_fd_creation(FdEffectContext& ctx, const SyscallInfo* info,
                                   const SyscallRegs& regs, std::int64_t rval,
                                   const std::vector<Arg>* decoded) {
  if (rval < 0 || !ctx.thread.files) return {};
  const auto& a = regs.args;
  const int ret = static_cast<int>(rval);
  std::vector<int> made = {ret};  // the fds the call returned (a pipe's two below)
  switch (regs.nr) {
    case SYS_open:
      if (auto p = path_arg(ctx, regs, 0, decoded)) learn_opened(ctx, ret, opened_name(ctx, kAtFdCwd, *p), a[1]);
      return made;
    case SYS_creat:
      if (auto p = path_arg(ctx, regs, 0, decoded))
        learn_opened(ctx, ret, opened_name(ctx, kAtFdCwd, *p), O_WRONLY | O_CREAT | O_TRUNC);
      return made;
    case SYS_openat:
      if (auto p = path_arg(ctx, regs, 1, decoded))
        learn_opened(ctx, ret, opened_name(ctx, as_fd(a[0]), *p), a[2]);
      return made;
    case SYS_openat2: {
      std::uint64_t flags = 0;  // struct open_how starts with the u64 flags
      ctx.mem.read(RemoteAddr{a[2]}, &flags, sizeof flags);
      if (auto p = path_arg(ctx, regs, 1, decoded))
        learn_opened(ctx, ret, opened_name(ctx, as_fd(a[0]), *p), flags);
      return made;
    }
    case SYS_dup: learn_copy(ctx, as_fd(a[0]), ret, false); return made;
    case SYS_dup2:
      if (as_fd(a[0]) != ret) learn_copy(ctx, as_fd(a[0]), ret, false);
      return made;
    case SYS_dup3: learn_copy(ctx, as_fd(a[0]), ret, a[2] & O_CLOEXEC); return made;
    case SYS_fcntl:
      if (a[1] == F_DUPFD || a[1] == F_DUPFD_CLOEXEC) {
        learn_copy(ctx, as_fd(a[0]), ret, a[1] == F_DUPFD_CLOEXEC);
        return made;
      } else if (a[1] == F_SETFD) {
        if (FdEntry* e = ctx.fds.lookup(ctx.thread, as_fd(a[0])))
          e->cloexec = cloexec_if(a[2] & FD_CLOEXEC);
      }
      return {};
    case SYS_ioctl:
      if (a[1] == kFioclex || a[1] == kFionclex)
        if (FdEntry* e = ctx.fds.lookup(ctx.thread, as_fd(a[0])))
          e->cloexec = cloexec_if(a[1] == kFioclex);
      return {};
    case SYS_pipe:
    case SYS_pipe2:
      if (auto fds = read_fd_pair(ctx, a[0])) {
        const CloExec ce = cloexec_if(regs.nr == SYS_pipe2 && (a[1] & O_CLOEXEC));
        learn_created(ctx, fds->first, ChannelKind::Pipe, ce, FdAccess::Read);
        learn_created(ctx, fds->second, ChannelKind::Pipe, ce, FdAccess::Write);
        return {fds->first, fds->second};
      }
      return {};
    case SYS_socket:
      learn_created(ctx, ret, socket_kind(a[1]), cloexec_if(a[1] & SOCK_CLOEXEC),
                    FdAccess::ReadWrite);
      if (FdEntry* e = ctx.thread.files->find(ret)) {
        e->domain = static_cast<std::int16_t>(a[0]);
        e->protocol = static_cast<std::int16_t>(a[2]);
      }
      return made;
    case SYS_socketpair:
      if (auto fds = read_fd_pair(ctx, a[3])) {
        const CloExec ce = cloexec_if(a[1] & SOCK_CLOEXEC);
        learn_created(ctx, fds->first, socket_kind(a[1]), ce, FdAccess::ReadWrite);
        learn_created(ctx, fds->second, socket_kind(a[1]), ce, FdAccess::ReadWrite);
        FdEntry* x = ctx.thread.files->find(fds->first);
        FdEntry* y = ctx.thread.files->find(fds->second);
        if (x && y) ctx.fds.channels().pair(x->channel, y->channel);
        return {fds->first, fds->second};
      }
      return {};
    case SYS_accept:
    case SYS_accept4: {
      const ChannelPtr listener = channel_of(ctx, a[0]);
      const ChannelKind kind = listener ? listener->kind : ChannelKind::StreamSocket;
      const bool ce = regs.nr == SYS_accept4 && (a[3] & SOCK_CLOEXEC);
      learn_created(ctx, ret, kind, cloexec_if(ce), FdAccess::ReadWrite);
      FdEntry* e = ctx.thread.files->find(ret);
      if (!e || !e->channel) return made;
      if (listener && !listener->unix_address.empty()) {
        ctx.fds.channels().unix_accepted(listener, e->channel);
        return made;
      }
      const std::string inet = ctx.fds.channels().discover_peer(ctx.thread.tid, e->channel, true);
      if (!inet.empty()) e->name = socket_display_name(inet);
      return made;
    }
    default: break;
  }
  // Any other call that returns a new fd (eventfd, memfd_create, pidfd_open...): the
  // number was free, so whatever the cache says about it is stale. Looked up now, so
  // that a process forked before its first use shares its ofd number.
  if (info && info->returns_fd) {
    ctx.fds.resolve(ctx.thread, ret, ChannelKind::StreamSocket);
    return made;
  }
  return {};
}

void apply_fd_release(FdEffectContext& ctx, const SyscallRegs& regs, std::int64_t rval) {
  if (!ctx.thread.files) return;
  const auto& a = regs.args;
  switch (regs.nr) {
    case SYS_close:
      // The fd is released even when close() reports EINTR/EIO; only EBADF means no fd.
      if (rval != -EBADF) ctx.thread.files->erase(as_fd(a[0]));
      return;
    case SYS_close_range:
      if (rval != 0) return;
      if (a[2] & CLOSE_RANGE_UNSHARE) ctx.thread.files = ctx.thread.files->copy();
      if (a[2] & CLOSE_RANGE_CLOEXEC) {
        ctx.thread.files->set_cloexec_range(a[0], a[1]);
      } else {
        ctx.thread.files->erase_range(a[0], a[1]);
      }
      return;
    case SYS_bind:
      if (rval == 0)
        if (auto addr = unix_address(ctx, a[1], a[2]))
          ctx.fds.channels().unix_bound(channel_of(ctx, a[0]), *addr);
      return;
    case SYS_connect:
      if (rval == 0 || rval == -EINPROGRESS) {
        FdEntry* e = ctx.fds.lookup(ctx.thread, as_fd(a[0]));
        if (!e || !e->channel) return;
        if (auto addr = unix_address(ctx, a[1], a[2])) {
          ctx.fds.channels().unix_connected(e->channel, *addr);
          return;
        }
        const std::string inet = ctx.fds.channels().discover_peer(ctx.thread.tid, e->channel, true);
        if (!inet.empty()) e->name = socket_display_name(inet);
      }
      return;
    case SYS_chdir:
    case SYS_fchdir:
    case SYS_chroot:
      // Rare: ask the kernel rather than re-implement symlink and ".." resolution.
      if (rval == 0) ctx.fds.refresh_cwd(ctx.thread);
      return;
    case SYS_unshare:
      if (rval != 0) return;
      if (a[0] & CLONE_FILES) ctx.thread.files = ctx.thread.files->copy();
      if (a[0] & CLONE_FS) ctx.thread.fs = ctx.thread.fs->copy();
      return;
    case SYS_recvmsg:
    case SYS_recvmmsg:
    case SYS_io_uring_enter:
      // SCM_RIGHTS and io_uring can install fds without a syscall that returns them.
      if (rval > 0) ctx.thread.files->forget_absent();
      return;
    case SYS_clone:
      if (rval > 0 && (a[0] & CLONE_PIDFD)) ctx.thread.files->forget_absent();
      return;
    case SYS_clone3:
      if (rval > 0) ctx.thread.files->forget_absent();
      return;
    default: return;
  }
}

}  // namespace golden::rec
