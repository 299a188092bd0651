#include "flags_render.hpp"

#include <cstdio>

#include "golden/decode/decoder.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "xlat_strace.hpp"
#include "xlat_tables.hpp"

namespace golden::detail {

std::string address_text(std::uint64_t addr) {
  return addr == 0 ? "NULL" : hex_text(addr);
}

std::string open_flags_text(std::uint64_t flags) {
  // strace's tprint_open_modes: the access mode, then the other bits in its order.
  std::string out(lookup(flags & 3, xlat::open_access));
  const std::uint64_t rest = flags & ~std::uint64_t{3};
  if (rest != 0) out += "|" + flags_text(rest, xlat::gen::open_mode_flags);
  return out;
}

std::string mode_text(std::uint64_t mode) {
  char perm[24];
  const std::uint64_t type = mode & 0170000;
  const std::uint64_t rest = mode & ~std::uint64_t{0177777};
  // strace's %#03o ("0644", "022", "000"): plain permission bits keep conventional_text's
  // spelling, so the file writer need not store the text.
  std::snprintf(perm, sizeof perm, "%#03llo", static_cast<unsigned long long>(mode & 07777));
  if (type == 0 && rest == 0) return perm;
  std::string out;
  if (type != 0) {
    const auto name = lookup(type, xlat::file_types);
    out = (name.empty() ? hex_text(type) : std::string(name)) + "|";
  }
  out += perm;
  if (rest != 0) out += "|" + hex_text(rest);
  return out;
}

std::string mmap_flags_text(std::uint64_t flags) {
  const std::uint64_t type = flags & 0xf;
  std::string out;
  if (const auto name = lookup(type, xlat::mmap_type); !name.empty()) {
    out = name;
  } else if (type != 0) {
    out = hex_text(type);
  }
  const std::uint64_t rest = flags & ~std::uint64_t{0xf};
  if (rest != 0) {
    if (!out.empty()) out += "|";
    out += flags_text(rest, xlat::mmap_flags);
  }
  return out.empty() ? "0" : out;
}

std::string clone_flags_text(std::uint64_t flags, bool exit_signal_in_low_byte) {
  if (!exit_signal_in_low_byte) return flags_text(flags, xlat::clone_flags);
  const std::uint64_t sig = flags & 0xff;
  std::string out = flags & ~std::uint64_t{0xff}
                        ? flags_text(flags & ~std::uint64_t{0xff}, xlat::clone_flags)
                        : "";
  if (sig != 0) {
    if (!out.empty()) out += "|";
    out += signal_name(static_cast<int>(sig));
  }
  return out.empty() ? "0" : out;
}

std::string sock_type_text(std::uint64_t type) {
  std::string out = enum_text(type & 0xf, xlat::sock_types, "SOCK_");
  const std::uint64_t rest = type & ~std::uint64_t{0xf};
  if (rest != 0) out += "|" + flags_text(rest, xlat::sock_type_flags, "0", "SOCK_");
  return out;
}

std::string sock_protocol_text(std::uint64_t domain, std::uint64_t protocol) {
  switch (domain) {
    case 2:   // AF_INET
    case 10:  // AF_INET6
      return enum_text(protocol, xlat::inet_protocols, "IPPROTO_");
    case 16:  // AF_NETLINK
      return enum_text(protocol, xlat::netlink_protocols, "NETLINK_");
    default:
      return protocol < 0x100 ? std::to_string(protocol) : hex_text(protocol);
  }
}

std::string futex_op_text(std::uint64_t op) {
  constexpr std::uint64_t kPrivate = 128, kClockRealtime = 256;
  const std::uint64_t cmd = op & ~(kPrivate | kClockRealtime);
  std::string out = enum_text(cmd, xlat::futex_cmds, "FUTEX_");
  if (op & kPrivate) {
    out = lookup(cmd, xlat::futex_cmds).empty() ? "FUTEX_PRIVATE_FLAG|" + out : out + "_PRIVATE";
  }
  if (op & kClockRealtime) out += "|FUTEX_CLOCK_REALTIME";
  return out;
}

std::string personality_text(std::uint64_t v) {
  std::string out = enum_text(v & 0xff, xlat::gen::personality_types, "PER_");
  if (const std::uint64_t flags = v & ~std::uint64_t{0xff}; flags != 0)
    out += "|" + flags_text(flags, xlat::gen::personality_flags);
  return out;
}

std::string signal_text(std::int64_t sig) {
  // strace's printsignal: a number it cannot name is shown as the number.
  if (sig <= 0 || sig > 64) return std::to_string(sig);
  return signal_name(static_cast<int>(sig));
}

std::string clock_id_text(std::int64_t clock) {
  // Negative ids are dynamic clocks (a process's CPU clock, a posix clock fd).
  if (clock < 0) return std::to_string(clock);
  return enum_text(static_cast<std::uint64_t>(clock), xlat::clock_ids, "CLOCK_");
}

bool fcntl_takes_arg(std::uint64_t cmd) {
  switch (cmd) {
    case 1:     // F_GETFD
    case 3:     // F_GETFL
    case 9:     // F_GETOWN
    case 11:    // F_GETSIG
    case 1025:  // F_GETLEASE
    case 1032:  // F_GETPIPE_SZ
    case 1034:  // F_GET_SEALS
      return false;
    default:
      return true;
  }
}

}  // namespace golden::detail
