// Socket options (setsockopt/getsockopt: level, name and value as strace shows them) and
// netlink messages in socket buffers (nlmsghdr: length, type by family, flags, seq, pid).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "decode_context.hpp"

namespace golden::detail {

std::string sock_level_text(std::uint64_t level);                      // SOL_SOCKET, SOL_TCP...
std::string sockopt_name_text(std::uint64_t level, std::uint64_t name);  // SO_REUSEADDR...
// The option's value of `len` bytes at `addr`: "[1]", "{l_onoff=1, l_linger=5}", or the
// bytes. `get`: getsockopt's value (read at exit), which strace shows a little differently.
std::string sockopt_value_text(const DecodeContext& ctx, std::uint32_t level, std::uint32_t name, std::uint64_t addr,
                               std::int64_t len, bool get);
// A buffer of `len` bytes sent or received on a netlink socket, as strace shows it:
// "[{nlmsg_len=20, nlmsg_type=RTM_GETLINK, ...}, ...]". nullopt when `fd` is not a
// netlink socket (the caller shows the bytes). The payload is kept as for any buffer.
std::optional<Arg> netlink_buffer_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr,
                                      std::uint64_t len, std::int64_t fd);
// The same rendering of `bytes` (msghdr iovecs), "" when `fd` is not netlink.
std::string netlink_text(const DecodeContext& ctx, std::string_view bytes, std::uint64_t total, std::int64_t fd);

}  // namespace golden::detail
