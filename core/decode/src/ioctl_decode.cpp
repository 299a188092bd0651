#include "ioctl_decode.hpp"

#include <linux/fs.h>
#include <linux/kvm.h>
#include <linux/perf_event.h>
#include <linux/sockios.h>
#include <asm/ioctls.h>

#include <algorithm>
#include <cstring>

#include "flags_render.hpp"
#include "golden/model/escape.hpp"
#include "payload.hpp"
#include "xlat_strace.hpp"

namespace golden::detail {
namespace {

// How a request's third argument reads.
enum class IoctlArgKind : std::uint8_t {
  Hex,           // strace's default: the value in hex
  None,          // no third argument shown
  IntOut,        // int* filled: [N]
  UIntOut,       // unsigned int* filled
  Int64Out,      // u64* filled
  IntIn,         // const int*: [N] at entry
  Int,           // the value itself, decimal
  TermiosOut,    // struct termios* filled
  TermiosIn,
  WinsizeOut,    // struct winsize* filled
  WinsizeIn,
  IfreqIndexOut, // struct ifreq {ifr_name, ifr_ifindex}
  IfreqFlagsOut,
  IfreqMtuOut,
  FsFlagsOut,    // long* of FS_*_FL filled
  FsFlagsIn,
  Tcflsh,        // TCIFLUSH...
  KvmCap,        // KVM_CAP_*
  PerfFlags,     // PERF_IOC_FLAG_GROUP
};

struct IoctlArgRow {
  std::uint32_t request;
  IoctlArgKind kind;
};

using K = IoctlArgKind;
// clang-format off
constexpr IoctlArgRow kIoctlArgs[] = {
  {TCGETS, K::TermiosOut}, {TCSETS, K::TermiosIn}, {TCSETSW, K::TermiosIn}, {TCSETSF, K::TermiosIn},
  {TIOCGWINSZ, K::WinsizeOut}, {TIOCSWINSZ, K::WinsizeIn},
  {TIOCGPGRP, K::IntOut}, {TIOCSPGRP, K::IntIn}, {TIOCGSID, K::IntOut}, {TIOCOUTQ, K::IntOut},
  {TIOCGPTN, K::UIntOut}, {TIOCSPTLCK, K::IntIn}, {TIOCGPKT, K::IntOut}, {TIOCGEXCL, K::IntOut},
  {TIOCGETD, K::IntOut}, {TIOCSETD, K::IntIn}, {TIOCMGET, K::IntOut},
  {TCFLSH, K::Tcflsh}, {TCSBRK, K::Int}, {TCXONC, K::Int}, {TIOCSCTTY, K::Int},
  {TIOCNOTTY, K::None}, {TIOCEXCL, K::None}, {TIOCNXCL, K::None}, {TIOCCONS, K::None},
  {FIONREAD, K::IntOut}, {FIONBIO, K::IntIn}, {FIOASYNC, K::IntIn}, {FIOCLEX, K::None}, {FIONCLEX, K::None},
  {SIOCGIFINDEX, K::IfreqIndexOut}, {SIOCGIFFLAGS, K::IfreqFlagsOut}, {SIOCGIFMTU, K::IfreqMtuOut},
  {FS_IOC_GETFLAGS, K::FsFlagsOut}, {FS_IOC_SETFLAGS, K::FsFlagsIn},
  {BLKGETSIZE64, K::Int64Out}, {BLKSSZGET, K::IntOut}, {BLKBSZGET, K::IntOut}, {BLKROGET, K::IntOut},
  {BLKPBSZGET, K::UIntOut}, {BLKIOMIN, K::UIntOut}, {BLKIOOPT, K::UIntOut},
  {KVM_CHECK_EXTENSION, K::KvmCap},
  {PERF_EVENT_IOC_ENABLE, K::PerfFlags}, {PERF_EVENT_IOC_DISABLE, K::PerfFlags},
  {PERF_EVENT_IOC_RESET, K::PerfFlags},
};
// clang-format on

constexpr Xlat kPerfIocFlags[] = {{1, "PERF_IOC_FLAG_GROUP"}};

IoctlArgKind kind_of(std::uint32_t request) {
  for (const IoctlArgRow& r : kIoctlArgs)
    if (r.request == request) return r.kind;
  return IoctlArgKind::Hex;
}

// The c_oflag delay fields strace names even when zero ("NL0|CR0|TAB0|BS0|VT0|FF0").
struct DelayField {
  std::uint32_t mask;
  const char* names[4];
  std::uint32_t shift;
};
constexpr DelayField kDelays[] = {
  {0000400, {"NL0", "NL1", nullptr, nullptr}, 8},
  {0003000, {"CR0", "CR1", "CR2", "CR3"}, 9},
  {0014000, {"TAB0", "TAB1", "TAB2", "TAB3"}, 11},
  {0020000, {"BS0", "BS1", nullptr, nullptr}, 13},
  {0040000, {"VT0", "VT1", nullptr, nullptr}, 14},
  {0100000, {"FF0", "FF1", nullptr, nullptr}, 15},
};

std::string termios_text(TraceeMemory& mem, std::uint64_t addr) {
  struct Termios {
    std::uint32_t iflag, oflag, cflag, lflag;
    std::uint8_t line;
    std::uint8_t cc[19];
  };
  const auto t = read_object<Termios>(mem, addr);
  if (!t) return address_text(addr);
  std::string oflag;
  std::uint32_t delay_mask = 0;
  for (const DelayField& d : kDelays) {
    const std::uint32_t v = (t->oflag & d.mask) >> d.shift;
    oflag += (v < 4 && d.names[v] ? d.names[v] : "?");
    oflag += '|';
    delay_mask |= d.mask;
  }
  oflag += flags_text(t->oflag & ~delay_mask, xlat::gen::termios_oflags);
  constexpr std::uint32_t kCbaud = 0010017, kCsize = 0000060;
  std::string cflag = enum_text(t->cflag & kCbaud, xlat::gen::termios_baud, "B");
  cflag += "|" + enum_text(t->cflag & kCsize, xlat::gen::termios_csize, "CS");
  if (const std::uint32_t rest = t->cflag & ~(kCbaud | kCsize); rest != 0)
    cflag += "|" + flags_text(rest, xlat::gen::termios_cflags);
  return "{c_iflag=" + flags_text(t->iflag, xlat::gen::termios_iflags) + ", c_oflag=" + oflag +
         ", c_cflag=" + cflag + ", c_lflag=" + flags_text(t->lflag, xlat::gen::termios_lflags) + ", ...}";
}

std::string winsize_text(TraceeMemory& mem, std::uint64_t addr) {
  struct Winsize {
    std::uint16_t row, col, xpixel, ypixel;
  };
  const auto w = read_object<Winsize>(mem, addr);
  if (!w) return address_text(addr);
  return "{ws_row=" + std::to_string(w->row) + ", ws_col=" + std::to_string(w->col) +
         ", ws_xpixel=" + std::to_string(w->xpixel) + ", ws_ypixel=" + std::to_string(w->ypixel) + "}";
}

std::string ifreq_text(TraceeMemory& mem, std::uint64_t addr, IoctlArgKind kind, bool with_value) {
  struct Ifreq {
    char name[16];
    union {
      std::int32_t ivalue;
      std::int16_t flags;
      unsigned char pad[24];
    };
  };
  const auto r = read_object<Ifreq>(mem, addr);
  if (!r) return address_text(addr);
  const std::size_t n = static_cast<std::size_t>(std::find(r->name, r->name + 16, '\0') - r->name);
  std::string out = "{ifr_name=" + quote_bytes(std::string_view(r->name, n));
  if (with_value) {
    switch (kind) {
      case K::IfreqIndexOut: out += ", ifr_ifindex=" + std::to_string(r->ivalue); break;
      case K::IfreqMtuOut: out += ", ifr_mtu=" + std::to_string(r->ivalue); break;
      case K::IfreqFlagsOut:
        out += ", ifr_flags=" + flags_text(static_cast<std::uint16_t>(r->flags), xlat::gen::iff_flags);
        break;
      default: break;
    }
  }
  return out + "}";
}

std::string int_at(TraceeMemory& mem, std::uint64_t addr, bool is_unsigned) {
  const auto v = read_object<std::int32_t>(mem, addr);
  if (!v) return address_text(addr);
  return "[" + (is_unsigned ? std::to_string(static_cast<std::uint32_t>(*v)) : std::to_string(*v)) + "]";
}

}  // namespace

std::string ioctl_request_text(std::uint32_t request) {
  const XlatTable all = xlat::gen::ioctl_requests;
  auto it = std::lower_bound(all.begin(), all.end(), request,
                             [](const Xlat& x, std::uint32_t r) { return x.value < r; });
  std::string out;
  for (; it != all.end() && it->value == request; ++it) {
    if (!out.empty()) out += " or ";
    out += it->name;
  }
  if (!out.empty()) return out;
  static const char* const kDirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE"};
  return std::string("_IOC(") + kDirs[request >> 30] + ", " + hex_text((request >> 8) & 0xff) + ", " +
         hex_text(request & 0xff) + ", " + hex_text((request >> 16) & 0x3fff) + ")";
}

bool ioctl_takes_no_arg(std::uint32_t request) { return kind_of(request) == K::None; }

Arg ioctl_entry_arg(const DecodeContext& ctx, std::string_view name, std::uint32_t request, std::uint64_t arg) {
  switch (kind_of(request)) {
    case K::TermiosIn: return struct_arg(name, arg, termios_text(ctx.mem, arg));
    case K::WinsizeIn: return struct_arg(name, arg, winsize_text(ctx.mem, arg));
    case K::IntIn: return struct_arg(name, arg, int_at(ctx.mem, arg, false));
    case K::Int: return conventional_arg(name, ArgKind::Int, static_cast<std::int32_t>(arg));
    case K::FsFlagsIn: {
      const auto v = read_object<std::uint32_t>(ctx.mem, arg);
      return struct_arg(name, arg, v ? "[" + flags_text(*v, xlat::gen::fs_ioc_flags) + "]" : address_text(arg));
    }
    case K::Tcflsh: return enum_arg(name, static_cast<std::int32_t>(arg), enum_text(arg & 0xffffffffu, xlat::gen::tcflsh_options, "TC"));
    case K::KvmCap: return enum_arg(name, static_cast<std::int64_t>(arg), enum_text(arg, xlat::gen::kvm_caps, "KVM_CAP_"));
    case K::PerfFlags: return flags_arg(name, arg, flags_text(arg, kPerfIocFlags, "0"));
    case K::IfreqIndexOut:
    case K::IfreqFlagsOut:
    case K::IfreqMtuOut:
    case K::IntOut:
    case K::UIntOut:
    case K::Int64Out:
    case K::TermiosOut:
    case K::WinsizeOut:
    case K::FsFlagsOut:
    case K::None:
    case K::Hex: break;
  }
  return conventional_arg(name, ArgKind::Hex, static_cast<std::int64_t>(arg));
}

void ioctl_exit_arg(const DecodeContext& ctx, std::uint32_t request, std::uint64_t arg, bool ok, Arg& out) {
  if (!ok || arg == 0) {
    // A failed request wrote nothing: strace shows the address of what it would have filled.
    switch (kind_of(request)) {
      case K::TermiosOut: case K::WinsizeOut: case K::IntOut: case K::UIntOut: case K::Int64Out:
      case K::FsFlagsOut: case K::IfreqIndexOut: case K::IfreqFlagsOut: case K::IfreqMtuOut:
        out = address_arg(out.name, arg);
        break;
      default: break;
    }
    return;
  }
  switch (kind_of(request)) {
    case K::TermiosOut: out = struct_arg(out.name, arg, termios_text(ctx.mem, arg)); return;
    case K::WinsizeOut: out = struct_arg(out.name, arg, winsize_text(ctx.mem, arg)); return;
    case K::IntOut: out = struct_arg(out.name, arg, int_at(ctx.mem, arg, false)); return;
    case K::UIntOut: out = struct_arg(out.name, arg, int_at(ctx.mem, arg, true)); return;
    case K::Int64Out: {
      const auto v = read_object<std::uint64_t>(ctx.mem, arg);
      out = struct_arg(out.name, arg, v ? "[" + std::to_string(*v) + "]" : address_text(arg));
      return;
    }
    case K::FsFlagsOut: {
      const auto v = read_object<std::uint32_t>(ctx.mem, arg);
      out = struct_arg(out.name, arg, v ? "[" + flags_text(*v, xlat::gen::fs_ioc_flags) + "]" : address_text(arg));
      return;
    }
    case K::IfreqIndexOut:
    case K::IfreqFlagsOut:
    case K::IfreqMtuOut: out = struct_arg(out.name, arg, ifreq_text(ctx.mem, arg, kind_of(request), true)); return;
    default: return;
  }
}

}  // namespace golden::detail
