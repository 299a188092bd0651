// sendmsg/recvmsg: struct msghdr with its address, data (iovecs) and control messages
// (SCM_RIGHTS fd passing, SCM_CREDENTIALS).
#include <algorithm>
#include <cstring>
#include <vector>

#include "decode_context.hpp"
#include "flags_render.hpp"
#include "payload.hpp"
#include "sockaddr.hpp"
#include "sockopt.hpp"
#include "xlat_strace.hpp"
#include "xlat_tables.hpp"

namespace golden::detail {
namespace {

struct UserMsghdr {  // x86-64 struct msghdr
  std::uint64_t name;
  std::uint32_t namelen;
  std::uint32_t pad0;
  std::uint64_t iov;
  std::uint64_t iovlen;
  std::uint64_t control;
  std::uint64_t controllen;
  std::int32_t flags;
  std::uint32_t pad1;
};
static_assert(sizeof(UserMsghdr) == 56);

constexpr std::uint64_t kControlMax = 4096;

std::string fd_list_text(const DecodeContext& ctx, const unsigned char* data, std::size_t len) {
  std::string out = "[";
  for (std::size_t off = 0; off + 4 <= len; off += 4) {
    std::int32_t fd;
    std::memcpy(&fd, data + off, sizeof fd);
    if (off) out += ", ";
    out += std::to_string(fd);
    if (fd >= 0) {
      out += fd_annotation(ctx.fds.describe(fd));
    }
  }
  return out + "]";
}

std::string control_text(const DecodeContext& ctx, std::uint64_t addr, std::uint64_t len) {
  std::vector<unsigned char> buf(static_cast<std::size_t>(std::min(len, kControlMax)));
  if (ctx.mem.read(RemoteAddr{addr}, buf.data(), buf.size()) != buf.size()) return address_text(addr);
  std::string out = "[";
  std::size_t pos = 0;
  bool first = true;
  while (pos + 16 <= buf.size()) {
    std::uint64_t cmsg_len;
    std::int32_t level, type;
    std::memcpy(&cmsg_len, &buf[pos], 8);
    std::memcpy(&level, &buf[pos + 8], 4);
    std::memcpy(&type, &buf[pos + 12], 4);
    if (cmsg_len < 16) break;
    const std::size_t data_len = static_cast<std::size_t>(std::min<std::uint64_t>(cmsg_len, buf.size() - pos)) - 16;
    const unsigned char* data = &buf[pos + 16];
    if (!first) out += ", ";
    first = false;
    out += "{cmsg_len=" + std::to_string(cmsg_len) +
           ", cmsg_level=" + sock_level_text(static_cast<std::uint32_t>(level));
    if (level == 1) {  // SOL_SOCKET
      out += ", cmsg_type=" + enum_text(static_cast<std::uint32_t>(type), xlat::scm_types, "SCM_");
      if (type == 1) {
        out += ", cmsg_data=" + fd_list_text(ctx, data, data_len);
      } else if (type == 2 && data_len >= 12) {
        std::int32_t ids[3];
        std::memcpy(ids, data, sizeof ids);
        out += ", cmsg_data={pid=" + std::to_string(ids[0]) + ", uid=" + std::to_string(ids[1]) +
               ", gid=" + std::to_string(ids[2]) + "}";
      }
    } else {
      out += ", cmsg_type=" + std::to_string(type);
    }
    out += "}";
    pos += static_cast<std::size_t>((cmsg_len + 7) & ~std::uint64_t{7});  // CMSG_ALIGN
  }
  return out + "]";
}

}  // namespace

Arg msghdr_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t limit,
               int sockfd) {
  const auto msg = read_object<UserMsghdr>(ctx.mem, addr);
  if (!msg) {
    Arg a = make_arg(name, ArgKind::Ptr, static_cast<std::int64_t>(addr));
    a.text = address_text(addr);
    return a;
  }
  Arg a = make_arg(name, ArgKind::Buffer, static_cast<std::int64_t>(addr));
  std::string text = "{msg_name=";
  if (msg->name != 0 && msg->namelen != 0) {
    const Arg peer = sockaddr_arg(ctx, "msg_name", msg->name, msg->namelen);
    text += peer.text;
    if (peer.kind == ArgKind::Sockaddr) a.str = peer.str;
  } else {
    text += address_text(msg->name);
  }
  text += ", msg_namelen=" + std::to_string(msg->namelen) + ", msg_iov=";
  if (const auto iov = read_iovecs(ctx.mem, msg->iov, msg->iovlen)) {
    IovecData data = read_iovec_data(ctx.mem, *iov, limit, ctx.opts);
    a.data = std::move(data.payload);
    // A netlink socket's data reads as netlink messages (one iovec, as programs send them).
    std::string nl;
    if (iov->size() == 1 && (*iov)[0].len >= 16) {
      const std::uint64_t take = std::min<std::uint64_t>({(*iov)[0].len, limit, 1 << 16});
      std::string bytes(static_cast<std::size_t>(take), '\0');
      if (ctx.mem.read(RemoteAddr{(*iov)[0].base}, bytes.data(), bytes.size()) == bytes.size())
        nl = netlink_text(ctx, bytes, take, sockfd);
    }
    if (!nl.empty()) {
      text += "[{iov_base=" + nl + ", iov_len=" + std::to_string((*iov)[0].len) + "}]";
    } else {
      text += data.text;
    }
  } else {
    a.data = Payload{};
    text += address_text(msg->iov);
  }
  text += ", msg_iovlen=" + std::to_string(msg->iovlen);
  if (msg->control != 0 && msg->controllen != 0) {
    text += ", msg_control=" + control_text(ctx, msg->control, msg->controllen);
  }
  text += ", msg_controllen=" + std::to_string(msg->controllen) +
          ", msg_flags=" + flags_text(static_cast<std::uint32_t>(msg->flags), xlat::gen::msg_flags, "0", "MSG_") + "}";
  a.text = std::move(text);
  return a;
}

}  // namespace golden::detail
