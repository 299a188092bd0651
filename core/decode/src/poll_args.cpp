// poll's struct pollfd arrays and epoll's struct epoll_event: which fds a program waits
// on and for what (busy-polling detection looks at these).
#include <algorithm>
#include <cstring>
#include <vector>

#include "decode_context.hpp"
#include "flags_render.hpp"
#include "xlat_strace.hpp"
#include "xlat_tables.hpp"

namespace golden::detail {
namespace {

constexpr std::uint64_t kShown = 32;  // elements rendered; the rest become "..."

struct PollFd {
  std::int32_t fd;
  std::int16_t events;
  std::int16_t revents;
};
static_assert(sizeof(PollFd) == 8);

// x86-64 packs struct epoll_event (12 bytes), unlike most other architectures.
constexpr std::size_t kEpollEventSize = 12;

}  // namespace

Arg pollfds_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t count) {
  if (addr == 0) return conventional_arg(name, ArgKind::Ptr, 0);
  std::vector<PollFd> fds(static_cast<std::size_t>(std::min(count, kShown)));
  const std::size_t bytes = fds.size() * sizeof(PollFd);
  if (bytes != 0 && ctx.mem.read(RemoteAddr{addr}, fds.data(), bytes) != bytes) {
    return struct_arg(name, addr, address_text(addr));
  }
  std::string text = "[";
  bool first = true;
  for (const PollFd& p : fds) {
    if (!first) text += ", ";
    first = false;
    // strace: a negative fd is ignored by the kernel, and shown alone.
    text += "{fd=" + fd_text(ctx, p.fd);
    if (p.fd >= 0) text += ", events=" + flags_text(static_cast<std::uint16_t>(p.events), xlat::gen::poll_flags);
    text += "}";
  }
  if (count > kShown) text += first ? "..." : ", ...";
  return struct_arg(name, addr, text + "]");
}

std::string poll_revents_text(const DecodeContext& ctx, std::uint64_t addr, std::uint64_t count) {
  std::vector<PollFd> fds(static_cast<std::size_t>(std::min(count, kShown)));
  const std::size_t bytes = fds.size() * sizeof(PollFd);
  if (bytes == 0 || ctx.mem.read(RemoteAddr{addr}, fds.data(), bytes) != bytes) return address_text(addr);
  std::string text = "[";
  bool first = true;
  for (const PollFd& p : fds) {
    if (p.revents == 0) continue;
    if (!first) text += ", ";
    first = false;
    text += "{fd=" + std::to_string(p.fd) +
            ", revents=" + flags_text(static_cast<std::uint16_t>(p.revents), xlat::gen::poll_flags) + "}";
  }
  return text + "]";
}

std::string fd_set_text(const DecodeContext& ctx, std::uint64_t addr, std::uint64_t nfds, bool annotate) {
  if (addr == 0) return "NULL";
  constexpr std::uint64_t kMaxFds = 1024 * 64;
  nfds = std::min(nfds, kMaxFds);
  std::vector<std::uint64_t> words(static_cast<std::size_t>((nfds + 63) / 64));
  const std::size_t bytes = words.size() * sizeof(std::uint64_t);
  if (bytes != 0 && ctx.mem.read(RemoteAddr{addr}, words.data(), bytes) != bytes) return address_text(addr);
  std::string text = "[";
  bool first = true;
  for (std::uint64_t fd = 0; fd < nfds; ++fd) {
    if (!(words[fd / 64] & (std::uint64_t{1} << (fd % 64)))) continue;
    if (!first) text += ' ';
    first = false;
    text += annotate ? fd_text(ctx, static_cast<std::int64_t>(fd)) : std::to_string(fd);
  }
  return text + "]";
}

Arg epoll_events_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t count,
                     bool as_array) {
  if (addr == 0) return conventional_arg(name, ArgKind::Ptr, 0);
  const std::size_t n = static_cast<std::size_t>(std::min(count, kShown));
  std::vector<unsigned char> buf(n * kEpollEventSize);
  if (!buf.empty() && ctx.mem.read(RemoteAddr{addr}, buf.data(), buf.size()) != buf.size()) {
    return struct_arg(name, addr, address_text(addr));
  }
  std::string text = as_array ? "[" : "";
  for (std::size_t k = 0; k < n; ++k) {
    std::uint32_t events;
    std::uint64_t data;
    std::memcpy(&events, &buf[k * kEpollEventSize], sizeof events);
    std::memcpy(&data, &buf[k * kEpollEventSize + 4], sizeof data);
    if (k) text += ", ";
    text += "{events=" + flags_text(events, xlat::gen::epoll_events) + ", data={u32=" +
            std::to_string(static_cast<std::uint32_t>(data)) + ", u64=" + std::to_string(data) + "}}";
  }
  if (as_array) text += count > kShown ? ", ...]" : "]";
  return struct_arg(name, addr, text);
}

}  // namespace golden::detail
