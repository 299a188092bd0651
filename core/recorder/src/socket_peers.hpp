// Finding the other end of a socket, so a write on one end can be paired with the read
// on the other (Data edges). Queried only when a socket is connected/accepted/first used,
// never per syscall.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "golden/model/ids.hpp"

namespace golden::rec {

// The peer inode of a connected AF_UNIX socket (sock_diag UNIX_DIAG_PEER); nullopt when
// the socket is not a unix socket, has no peer yet, or the query failed.
std::optional<std::uint64_t> unix_peer_inode(std::uint64_t inode);

// Addresses of an AF_INET/AF_INET6 socket, found in the tracee's /proc/<tid>/net tables.
struct InetEndpoints {
  std::string protocol;  // "TCP", "UDP" (v4 and v6 alike)
  std::string local;     // "127.0.0.1:40000", "[::1]:8080"
  std::string remote;    // "0.0.0.0:0" when unconnected
};
std::optional<InetEndpoints> inet_endpoints(Tid tid, std::uint64_t inode);

// Converts a /proc/net/tcp address ("0100007F:1F90", or 32 hex digits for IPv6) into
// "127.0.0.1:8080" / "[::1]:8080"; "" when malformed.
std::string format_proc_net_address(const std::string& hex);

}  // namespace golden::rec
