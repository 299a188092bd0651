// The argument decoders shared by many syscalls: fds, paths, buffers, iovecs, sockaddrs.
#include <algorithm>
#include <optional>

#include "decode_context.hpp"
#include "flags_render.hpp"
#include "golden/model/escape.hpp"
#include "path_normalize.hpp"
#include "payload.hpp"
#include "sockaddr.hpp"

namespace golden::detail {
namespace {

constexpr int kAtFdCwd = -100;

// A string is shown only when it ends (NUL) inside readable memory, or is cut at the
// limit: one that runs into an unmapped page made the kernel fail with EFAULT, and
// strace shows its address (umovestr fails).
std::optional<std::string> read_terminated(const DecodeContext& ctx, std::uint64_t addr, std::size_t limit,
                                           bool* truncated) {
  bool cut = false;
  auto s = ctx.mem.read_string(RemoteAddr{addr}, limit, &cut);
  if (!s) return std::nullopt;
  if (cut && s->size() < limit) return std::nullopt;  // ran into unreadable memory
  if (truncated) *truncated = cut;
  return s;
}

}  // namespace

Arg address_arg(std::string_view name, std::uint64_t addr) {
  Arg a = make_arg(name, ArgKind::Ptr, static_cast<std::int64_t>(addr));
  a.text = address_text(addr);
  return a;
}

std::string fd_text(const DecodeContext& ctx, std::int64_t fd) {
  std::string out = std::to_string(fd);
  if (fd >= 0) out += fd_annotation(ctx.fds.describe(static_cast<int>(fd)));
  return out;
}

Arg string_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::size_t limit) {
  if (addr == 0) return struct_arg(name, addr, "NULL");
  bool truncated = false;
  auto s = read_terminated(ctx, addr, limit, &truncated);
  if (!s) return address_arg(name, addr);
  Arg a = make_arg(name, ArgKind::String, static_cast<std::int64_t>(addr));
  a.str = std::move(*s);
  a.text = conventional_text(a) + (truncated ? "..." : "");
  return a;
}

Arg fd_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t value, bool dirfd) {
  const std::int64_t fd = as_int32(value);
  Arg a = make_arg(name, ArgKind::Fd, fd);
  if (dirfd && fd == kAtFdCwd) {
    a.str = ctx.fds.cwd();
    a.text = "AT_FDCWD" + fd_annotation(a.str);
    return a;
  }
  if (fd >= 0) a.str = ctx.fds.describe(static_cast<int>(fd));
  a.text = conventional_text(a);
  return a;
}

Arg path_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr,
             const std::function<std::string()>& base_dir) {
  if (addr == 0) return address_arg(name, addr);
  bool truncated = false;
  const auto given = read_terminated(ctx, addr, ctx.opts.path_max, &truncated);
  if (!given) return address_arg(name, addr);
  Arg a = make_arg(name, ArgKind::Path, static_cast<std::int64_t>(addr));
  a.str = given->starts_with('/') ? normalize_path(*given) : resolve_path(*given, base_dir());
  // As given by the program; equal to conventional_text when it was already absolute
  // and normal, so the file writer stores it once.
  a.text = quote_bytes(*given, truncated);
  return a;
}

Arg in_buffer_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t len,
                  bool written) {
  if (addr == 0) return address_arg(name, addr);  // strace: NULL, whatever the length
  PayloadBuilder builder(ctx.opts, written);
  const std::uint64_t got = builder.append(ctx.mem, addr, len);
  if (got == 0 && len != 0) return address_arg(name, addr);
  Arg a = make_arg(name, ArgKind::Buffer, static_cast<std::int64_t>(addr));
  a.data = builder.finish();
  a.text = conventional_text(a);
  return a;
}

Arg iovec_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t count,
              std::uint64_t limit, bool written) {
  const auto iov = read_iovecs(ctx.mem, addr, count);
  if (!iov) return address_arg(name, addr);
  IovecData data = read_iovec_data(ctx.mem, *iov, limit, ctx.opts, written);
  Arg a = make_arg(name, ArgKind::Buffer, static_cast<std::int64_t>(addr));
  a.data = std::move(data.payload);
  a.text = std::move(data.text);
  return a;
}

Arg sockaddr_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t len) {
  if (addr == 0) return address_arg(name, addr);
  unsigned char buf[kSockaddrMax] = {};
  const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(len, sizeof buf));
  if (want == 0 || ctx.mem.read(RemoteAddr{addr}, buf, want) != want) return address_arg(name, addr);
  SockaddrView view = describe_sockaddr(buf, want, [&] { return ctx.fds.cwd(); });
  Arg a = make_arg(name, ArgKind::Sockaddr, static_cast<std::int64_t>(addr));
  a.text = std::move(view.text);
  a.str = std::move(view.endpoint);
  return a;
}

}  // namespace golden::detail
