#include "sockaddr.hpp"

#include <arpa/inet.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "golden/model/escape.hpp"
#include "path_normalize.hpp"
#include "xlat_tables.hpp"

namespace golden::detail {
namespace {

std::uint16_t load16(const unsigned char* p) {
  std::uint16_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
std::uint32_t load32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

std::string family_name(std::uint16_t family) {
  return enum_text(family, xlat::sock_domains, "AF_");
}

SockaddrView inet4(const unsigned char* d, std::size_t len) {
  if (len < 8) return {"{sa_family=AF_INET}", ""};
  char addr[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, d + 4, addr, sizeof addr);
  const unsigned port = ntohs(load16(d + 2));
  return {"{sa_family=AF_INET, sin_port=htons(" + std::to_string(port) + "), sin_addr=inet_addr(\"" +
              addr + "\")}",
          std::string(addr) + ":" + std::to_string(port)};
}

SockaddrView inet6(const unsigned char* d, std::size_t len) {
  if (len < 24) return {"{sa_family=AF_INET6}", ""};
  char addr[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, d + 8, addr, sizeof addr);
  const unsigned port = ntohs(load16(d + 2));
  const std::uint32_t flowinfo = ntohl(load32(d + 4));
  const std::uint32_t scope = len >= 28 ? load32(d + 24) : 0;
  std::string text = "{sa_family=AF_INET6, sin6_port=htons(" + std::to_string(port) +
                     "), sin6_flowinfo=htonl(" + std::to_string(flowinfo) +
                     "), inet_pton(AF_INET6, \"" + addr + "\", &sin6_addr)";
  if (len >= 28) text += ", sin6_scope_id=" + std::to_string(scope);
  text += "}";
  std::string host = addr;
  if (scope != 0) host += "%" + std::to_string(scope);
  return {std::move(text), "[" + host + "]:" + std::to_string(port)};
}

SockaddrView unix_addr(const unsigned char* d, std::size_t len, const std::function<std::string()>& cwd) {
  if (len <= 2) return {"{sa_family=AF_UNIX}", "unix:"};  // unnamed (autobind, socketpair)
  std::string_view path(reinterpret_cast<const char*>(d + 2), len - 2);
  if (path.front() == '\0') {
    // Abstract namespace: every byte of the given length is part of the name.
    path.remove_prefix(1);
    return {"{sa_family=AF_UNIX, sun_path=@" + quote_bytes(path) + "}", "unix:@" + escape_bytes(path)};
  }
  if (const auto nul = path.find('\0'); nul != std::string_view::npos) path = path.substr(0, nul);
  return {"{sa_family=AF_UNIX, sun_path=" + quote_bytes(path) + "}",
          "unix:" + (path.starts_with('/') ? normalize_path(path) : resolve_path(path, cwd()))};
}

SockaddrView netlink(const unsigned char* d, std::size_t len) {
  if (len < 12) return {"{sa_family=AF_NETLINK}", ""};
  const std::uint32_t pid = load32(d + 4);
  const std::uint32_t groups = load32(d + 8);
  char groups_hex[16];
  std::snprintf(groups_hex, sizeof groups_hex, "%08x", groups);
  std::string endpoint = "netlink:pid=" + std::to_string(pid);
  if (groups != 0) endpoint += ",groups=" + hex_text(groups);
  return {"{sa_family=AF_NETLINK, nl_pid=" + std::to_string(pid) + ", nl_groups=" + groups_hex + "}",
          std::move(endpoint)};
}

}  // namespace

SockaddrView describe_sockaddr(const unsigned char* data, std::size_t len,
                               const std::function<std::string()>& cwd) {
  if (len > kSockaddrMax) len = kSockaddrMax;
  if (len < 2) return {"{sa_family=???}", ""};
  const std::uint16_t family = load16(data);
  switch (family) {
    case AF_UNSPEC: return {"{sa_family=AF_UNSPEC}", "unspec"};
    case AF_INET: return inet4(data, len);
    case AF_INET6: return inet6(data, len);
    case AF_UNIX: return unix_addr(data, len, cwd);
    case AF_NETLINK: return netlink(data, len);
    default: break;
  }
  // Other families: the raw address bytes, so two runs can still be compared.
  const std::string_view bytes(reinterpret_cast<const char*>(data + 2), len - 2);
  const std::string name = family_name(family);
  return {"{sa_family=" + name + ", sa_data=" + quote_bytes(bytes) + "}",
          name + ":" + escape_bytes(bytes)};
}

}  // namespace golden::detail
