// Socket addresses: strace-style text and the canonical endpoint that comparison uses
// ("127.0.0.1:8080", "[::1]:8080", "unix:/run/x.sock", "unix:@abstract", "netlink:pid=0").
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace golden::detail {

struct SockaddrView {
  std::string text;       // {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("1.2.3.4")}
  std::string endpoint;   // canonical form; relative AF_UNIX paths resolved against `cwd`
};

// `len` bytes of a struct sockaddr (at most sizeof(sockaddr_storage) are looked at).
// `cwd` is only asked for when a relative AF_UNIX path needs it (it may cost a look-up).
SockaddrView describe_sockaddr(const unsigned char* data, std::size_t len,
                               const std::function<std::string()>& cwd);

constexpr std::size_t kSockaddrMax = 128;  // sizeof(struct sockaddr_storage)

}  // namespace golden::detail
