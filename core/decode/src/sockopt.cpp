#include "sockopt.hpp"

#include <algorithm>
#include <cstring>

#include "flags_render.hpp"
#include "golden/model/escape.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "payload.hpp"
#include "xlat_strace.hpp"

namespace golden::detail {
namespace {

constexpr std::uint32_t kSolSocket = 1, kSolIp = 0, kSolIpv6 = 41, kSolTcp = 6, kSolNetlink = 270;
constexpr std::uint32_t kSoLinger = 13, kSoError = 4;

// SOL_SOCKET options strace reads as an int (net.c's "All known int-like options").
bool int_like(std::uint32_t name) {
  switch (name) {
    case 1:
    case 2:
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
    case 10:
    case 11:
    case 12:
    case 14:
    case 15:
    case 16:
    case 18:
    case 19:
    case 27:
    case 29:
    case 30:
    case 32:
    case 33:
    case 34:
    case 35:
    case 36:
    case 37:
    case 40:
    case 41:
    case 42:
    case 43:
    case 44:
    case 45:
    case 46:
    case 49:
    case 53:
    case 56:
    case 60:
    case 63:
    case 64:
    case 65:
    case 68:
    case 69:
    case 70:
    case 73:
    case 75:
      return true;
    default:
      return false;
  }
}

std::string bytes_at(const DecodeContext& ctx, std::uint64_t addr, std::int64_t len, bool hex) {
  if (len <= 0) return address_text(addr);
  const std::size_t shown = static_cast<std::size_t>(
      std::min<std::int64_t>(len, static_cast<std::int64_t>(ctx.opts.string_limit)));
  std::string bytes(shown, '\0');
  if (ctx.mem.read(RemoteAddr{addr}, bytes.data(), shown) != shown) return address_text(addr);
  const bool cut = static_cast<std::size_t>(len) > shown;
  return hex ? quote_bytes_hex(bytes, cut) : quote_bytes(bytes, cut);
}

std::string int_at(const DecodeContext& ctx, std::uint64_t addr) {
  const auto v = read_object<std::int32_t>(ctx.mem, addr);
  return v ? "[" + std::to_string(*v) + "]" : address_text(addr);
}

}  // namespace

std::string sock_level_text(std::uint64_t level) {
  return enum_text(level, xlat::gen::socket_levels, "SOL_??");
}

std::string sockopt_name_text(std::uint64_t level, std::uint64_t name) {
  switch (level) {
    case kSolSocket:
      return enum_text(name, xlat::gen::socket_options, "SO_");
    case kSolIp:
      return enum_text(name, xlat::gen::sock_ip_options, "IP_");
    case kSolIpv6:
      return enum_text(name, xlat::gen::sock_ipv6_options, "IPV6_");
    case kSolTcp:
      return enum_text(name, xlat::gen::sock_tcp_options, "TCP_");
    default:
      return std::to_string(name);
  }
}

std::string sockopt_value_text(const DecodeContext& ctx, std::uint32_t level, std::uint32_t name,
                               std::uint64_t addr, std::int64_t len, bool get) {
  if (addr == 0) return "NULL";
  if (len < 0 || (get && len == 0)) return address_text(addr);
  if (level == kSolSocket && name == kSoLinger) {
    struct Linger {
      std::int32_t onoff, linger;
    } l{};
    const std::size_t want = static_cast<std::size_t>(std::min<std::int64_t>(len, sizeof l));
    if (ctx.mem.read(RemoteAddr{addr}, &l, want) != want) return address_text(addr);
    std::string out = "{";
    if (want >= 4) out += "l_onoff=" + std::to_string(l.onoff);
    if (want >= 8) out += ", l_linger=" + std::to_string(l.linger);
    return out + "}";
  }
  if (get && level == kSolSocket && name == kSoError) {
    if (len < 4) return bytes_at(ctx, addr, len, true);
    const auto v = read_object<std::uint32_t>(ctx.mem, addr);
    if (!v) return address_text(addr);
    return "[" + (*v == 0 ? std::string("0") : errno_name(static_cast<int>(*v))) + "]";
  }
  if (level == kSolSocket && int_like(name)) {
    if (len >= 4) return int_at(ctx, addr);
    return get ? bytes_at(ctx, addr, len, true) : address_text(addr);
  }
  if (level == kSolNetlink) return len >= 4 ? int_at(ctx, addr) : address_text(addr);
  if (len == 4) return int_at(ctx, addr);
  return bytes_at(ctx, addr, len, false);
}

namespace {

struct Nlmsghdr {
  std::uint32_t len;
  std::uint16_t type, flags;
  std::uint32_t seq, pid;
};
static_assert(sizeof(Nlmsghdr) == 16);

constexpr int kAfNetlink = 16, kNetlinkRoute = 0;

// The flags' meaning depends on the message: a GET request's NLM_F_ROOT|NLM_F_MATCH
// reads NLM_F_DUMP, a NEW's NLM_F_EXCL|NLM_F_CREATE... (strace's decode_nlmsg_flags).
std::string nlmsg_flags_text(std::uint16_t type, std::uint16_t flags, int protocol) {
  XlatTable extra{};
  if (type == 2 /* NLMSG_ERROR */) {
    extra = xlat::gen::netlink_ack_flags;
  } else if (type >= 16 && protocol == 4) {  // NETLINK_SOCK_DIAG: requests are GETs
    extra = xlat::gen::netlink_get_flags;
  } else if (type >= 16 && protocol == kNetlinkRoute) {
    switch ((type - 16) & 3) {
      case 2:
        extra = xlat::gen::netlink_get_flags;
        break;  // RTM_GET*
      case 0:
        extra = xlat::gen::netlink_new_flags;
        break;  // RTM_NEW*
      case 1:
        extra = xlat::gen::netlink_delete_flags;
        break;  // RTM_DEL*
      default:
        break;
    }
  }
  if (flags == 0) return "0";
  std::string out;
  std::uint64_t left = flags;
  for (XlatTable t : {xlat::gen::netlink_flags, extra}) {
    for (const Xlat& x : t) {
      if (x.value == 0 || (left & x.value) != x.value) continue;
      if (!out.empty()) out += '|';
      out += x.name;
      left &= ~x.value;
    }
  }
  if (left) {
    if (out.empty()) return hex_text(left) + " /* NLM_F_??? */";
    out += "|" + hex_text(left);
  }
  return out;
}

// A message's type is named by the socket's netlink family (strace's nlmsg_types).
std::string nlmsg_type_text(std::uint16_t type, int protocol) {
  if (type < 16) return enum_text(type, xlat::gen::netlink_types, "NLMSG_");
  switch (protocol) {
    case kNetlinkRoute:
      return enum_text(type, xlat::gen::nl_route_types, "RTM_");
    case 4:
      return enum_text(type, xlat::gen::nl_sock_diag_types, "SOCK_DIAG_");  // NETLINK_SOCK_DIAG
    case 6:
      return enum_text(type, xlat::gen::nl_xfrm_types, "XFRM_MSG_");  // NETLINK_XFRM
    case 7:
      return enum_text(type, xlat::gen::nl_selinux_types, "SELNL_MSG_");  // NETLINK_SELINUX
    case 9:
      return enum_text(type, xlat::gen::nl_audit_types, "AUDIT_");  // NETLINK_AUDIT
    case 21:
      return enum_text(type, xlat::gen::nl_crypto_types, "CRYPTO_MSG_");  // NETLINK_CRYPTO
    default:
      return hex_text(type);
  }
}

std::string header_text(const Nlmsghdr& h, int protocol) {
  return "{nlmsg_len=" + std::to_string(h.len) +
         ", nlmsg_type=" + nlmsg_type_text(h.type, protocol) +
         ", nlmsg_flags=" + nlmsg_flags_text(h.type, h.flags, protocol) +
         ", nlmsg_seq=" + std::to_string(h.seq) + ", nlmsg_pid=" + std::to_string(h.pid) + "}";
}

std::string messages_text(std::string_view bytes, std::uint64_t total, int protocol, int depth);

// One message: "[{header}, payload]", the payload as strace's fallback, its bytes
// (an NLMSG_ERROR's error and the request it answers are decoded).
std::string message_text(const Nlmsghdr& h, std::string_view payload, int protocol, int depth) {
  std::string out = "[" + header_text(h, protocol);
  if (payload.empty()) return out + "]";
  out += ", ";
  if (h.type == 2 && payload.size() >= 4 && depth == 0) {  // NLMSG_ERROR: {error=-E..., msg=...}
    std::int32_t err;
    std::memcpy(&err, payload.data(), 4);
    out += "{error=" + (err == 0 ? std::string("0") : "-" + errno_name(-err));
    if (payload.size() > 4)
      out += ", msg=" + messages_text(payload.substr(4), payload.size() - 4, protocol, depth + 1);
    out += "}";
  } else {
    // strace shows data it does not decode in hex.
    out += quote_bytes_hex(payload.substr(0, std::min<std::size_t>(payload.size(), 32)),
                           payload.size() > 32);
  }
  return out + "]";
}

std::string messages_text(std::string_view bytes, std::uint64_t total, int protocol, int depth) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos + sizeof(Nlmsghdr) <= bytes.size()) {
    Nlmsghdr h;
    std::memcpy(&h, bytes.data() + pos, sizeof h);
    if (h.len < sizeof h) break;
    const std::size_t end = std::min<std::size_t>(pos + h.len, bytes.size());
    const std::string_view payload = bytes.substr(pos + sizeof h, end - pos - sizeof h);
    std::string m = message_text(h, payload, protocol, depth);
    // strace: a single message is shown as its pair, several as a list of pairs.
    parts.push_back(std::move(m));
    pos += (h.len + 3) & ~std::size_t{3};  // NLMSG_ALIGN
    if (parts.size() >= 32) break;
  }
  if (parts.empty())
    return quote_bytes(bytes.substr(0, std::min<std::size_t>(bytes.size(), 32)), bytes.size() > 32);
  std::string out;
  if (parts.size() == 1 && pos >= total) {
    // "[{hdr}, payload]" without the outer list.
    return parts[0];
  }
  out = "[";
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k) out += ", ";
    out += parts[k];
  }
  if (pos < total && pos < bytes.size()) {
    out +=
        ", " + quote_bytes(bytes.substr(pos, std::min<std::size_t>(bytes.size() - pos, 32)), true);
  } else if (pos < total) {
    out += ", ...";
  }
  return out + "]";
}

}  // namespace

std::string netlink_text(const DecodeContext& ctx, std::string_view bytes, std::uint64_t total,
                         std::int64_t fd) {
  const int proto = ctx.fds.socket_protocol(static_cast<int>(fd), kAfNetlink);
  if (proto < 0) return {};
  return messages_text(bytes, total, proto, 0);
}

std::optional<Arg> netlink_buffer_arg(const DecodeContext& ctx, std::string_view name,
                                      std::uint64_t addr, std::uint64_t len, std::int64_t fd) {
  if (fd < 0 || addr == 0 || len < sizeof(Nlmsghdr)) return std::nullopt;
  if (ctx.fds.socket_protocol(static_cast<int>(fd), kAfNetlink) < 0) return std::nullopt;
  Arg a = in_buffer_arg(ctx, name, addr, len, false);
  if (a.kind != ArgKind::Buffer) return a;
  constexpr std::uint64_t kShownMax = 1 << 16;
  std::string bytes(static_cast<std::size_t>(std::min(len, kShownMax)), '\0');
  if (ctx.mem.read(RemoteAddr{addr}, bytes.data(), bytes.size()) != bytes.size()) return a;
  a.text = netlink_text(ctx, bytes, len, fd);
  return a;
}

}  // namespace golden::detail
