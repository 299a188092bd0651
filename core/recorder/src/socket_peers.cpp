#include "socket_peers.hpp"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <sstream>

#include "proc_files.hpp"

namespace golden::rec {
namespace {

struct NetlinkSocket {
  int fd = -1;
  NetlinkSocket() { fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG); }
  ~NetlinkSocket() {
    if (fd >= 0) ::close(fd);
  }
  NetlinkSocket(const NetlinkSocket&) = delete;
  NetlinkSocket& operator=(const NetlinkSocket&) = delete;
};

}  // namespace

std::optional<std::uint64_t> unix_peer_inode(std::uint64_t inode) {
  NetlinkSocket nl;
  if (nl.fd < 0) return std::nullopt;
  struct {
    nlmsghdr nlh;
    unix_diag_req req;
  } msg{};
  msg.nlh.nlmsg_len = sizeof msg;
  msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  msg.nlh.nlmsg_flags = NLM_F_REQUEST;
  msg.req.sdiag_family = AF_UNIX;
  msg.req.udiag_states = ~0u;
  msg.req.udiag_ino = static_cast<std::uint32_t>(inode);
  msg.req.udiag_show = UDIAG_SHOW_PEER;
  // Exact lookup by inode; "no cookie" skips the socket cookie check.
  msg.req.udiag_cookie[0] = ~0u;
  msg.req.udiag_cookie[1] = ~0u;
  sockaddr_nl kernel{};
  kernel.nl_family = AF_NETLINK;
  if (::sendto(nl.fd, &msg, sizeof msg, 0, reinterpret_cast<sockaddr*>(&kernel), sizeof kernel) < 0)
    return std::nullopt;
  alignas(nlmsghdr) char buf[8192];
  const ssize_t n = ::recv(nl.fd, buf, sizeof buf, 0);
  if (n <= 0) return std::nullopt;
  auto* h = reinterpret_cast<nlmsghdr*>(buf);
  int len = static_cast<int>(n);
  for (; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
    if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) return std::nullopt;  // NLMSG_ERROR: not unix
    auto* diag = static_cast<unix_diag_msg*>(NLMSG_DATA(h));
    int rta_len = static_cast<int>(h->nlmsg_len - NLMSG_LENGTH(sizeof *diag));
    for (auto* attr = reinterpret_cast<rtattr*>(diag + 1); RTA_OK(attr, rta_len);
         attr = RTA_NEXT(attr, rta_len)) {
      if (attr->rta_type == UNIX_DIAG_PEER) {
        std::uint32_t peer = 0;
        std::memcpy(&peer, RTA_DATA(attr), sizeof peer);
        if (peer != 0) return peer;
      }
    }
  }
  return std::nullopt;
}

std::string format_proc_net_address(const std::string& hex) {
  const auto colon = hex.find(':');
  if (colon == std::string::npos) return "";
  const std::string addr = hex.substr(0, colon);
  const unsigned long port = std::strtoul(hex.c_str() + colon + 1, nullptr, 16);
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.size() == 8) {
    // The kernel prints the 32-bit address in host byte order.
    in_addr a{};
    a.s_addr = static_cast<std::uint32_t>(std::strtoul(addr.c_str(), nullptr, 16));
    ::inet_ntop(AF_INET, &a, text, sizeof text);
    return std::string(text) + ":" + std::to_string(port);
  }
  if (addr.size() == 32) {
    in6_addr a{};
    for (int word = 0; word < 4; ++word) {
      const std::uint32_t v =
          static_cast<std::uint32_t>(std::strtoul(addr.substr(word * 8, 8).c_str(), nullptr, 16));
      std::memcpy(&a.s6_addr[word * 4], &v, 4);  // four host-order 32-bit words
    }
    ::inet_ntop(AF_INET6, &a, text, sizeof text);
    return "[" + std::string(text) + "]:" + std::to_string(port);
  }
  return "";
}

std::optional<InetEndpoints> inet_endpoints(Tid tid, std::uint64_t inode) {
  static constexpr std::pair<const char*, const char*> kTables[] = {
      {"net/tcp", "TCP"}, {"net/tcp6", "TCP"}, {"net/udp", "UDP"}, {"net/udp6", "UDP"}};
  const std::string wanted = std::to_string(inode);
  for (const auto& [leaf, proto] : kTables) {
    auto text = read_small_file(proc_path(tid, leaf), 8 << 20);
    if (!text) continue;
    std::istringstream lines(*text);
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
      std::istringstream fields(line);
      std::string sl, local, remote, st, queues, tr, retr, uid, timeout, ino;
      fields >> sl >> local >> remote >> st >> queues >> tr >> retr >> uid >> timeout >> ino;
      if (ino != wanted) continue;
      return InetEndpoints{proto, format_proc_net_address(local), format_proc_net_address(remote)};
    }
  }
  return std::nullopt;
}

}  // namespace golden::rec
