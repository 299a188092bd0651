#include "structs.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <vector>

#include "flags_render.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "payload.hpp"
#include "xlat_strace.hpp"
#include "xlat_tables.hpp"

namespace golden::detail {
namespace {

// x86-64 kernel layouts, spelled out: the tracer must not depend on its own libc's
// idea of these structures (glibc's struct sigaction differs from the kernel's).
struct KernelSigaction {
  std::uint64_t handler;
  std::uint64_t flags;
  std::uint64_t restorer;
  std::uint64_t mask;
};
struct KernelStat {  // struct stat, 144 bytes
  std::uint64_t st_dev, st_ino, st_nlink;
  std::uint32_t st_mode, st_uid, st_gid, pad0;
  std::uint64_t st_rdev;
  std::int64_t st_size, st_blksize, st_blocks;
  std::uint64_t times[6];
  std::int64_t unused[3];
};
static_assert(sizeof(KernelStat) == 144);
struct KernelStatx {  // the prefix of struct statx up to the rdev numbers
  std::uint32_t stx_mask, stx_blksize;
  std::uint64_t stx_attributes;
  std::uint32_t stx_nlink, stx_uid, stx_gid;
  std::uint16_t stx_mode, pad0;
  std::uint64_t stx_ino, stx_size, stx_blocks, stx_attributes_mask;
  std::uint8_t times[64];
  std::uint32_t stx_rdev_major, stx_rdev_minor;
};
static_assert(offsetof(KernelStatx, stx_size) == 40 &&
              offsetof(KernelStatx, stx_rdev_major) == 128);
struct OpenHow {
  std::uint64_t flags, mode, resolve;
};
struct KernelFlock {
  std::int16_t l_type, l_whence;
  std::int64_t l_start, l_len;
  std::int32_t l_pid;
};
static_assert(sizeof(KernelFlock) == 32);

std::string makedev_text(std::uint64_t major, std::uint64_t minor) {
  return "makedev(" + hex_text(major) + ", " + hex_text(minor) + ")";
}

std::string signal_short_name(int sig) {
  std::string name = signal_name(sig);
  return name.starts_with("SIG") ? name.substr(3) : name;
}

}  // namespace

std::string sigset_bits_text(std::uint64_t bits) {
  // strace lists the complement when most signals are set: "~[RTMIN RT_1]".
  const bool complement = std::popcount(bits) > 32;
  if (complement) bits = ~bits;
  std::string out = complement ? "~[" : "[";
  bool first = true;
  for (int sig = 1; sig <= 64; ++sig) {
    if (!(bits & (std::uint64_t{1} << (sig - 1)))) continue;
    if (!first) out += ' ';
    out += signal_short_name(sig);
    first = false;
  }
  return out + "]";
}

std::string sigset_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size) {
  if (addr == 0) return "NULL";
  std::uint64_t bits = 0;
  const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(size, sizeof bits));
  if (want == 0 || mem.read(RemoteAddr{addr}, &bits, want) != want) return address_text(addr);
  return sigset_bits_text(bits);
}

std::string sigaction_text(TraceeMemory& mem, std::uint64_t addr) {
  const auto sa = read_object<KernelSigaction>(mem, addr);
  if (!sa) return address_text(addr);
  std::string handler = sa->handler == 0   ? "SIG_DFL"
                        : sa->handler == 1 ? "SIG_IGN"
                                           : hex_text(sa->handler);
  std::string out = "{sa_handler=" + handler + ", sa_mask=" + sigset_bits_text(sa->mask) +
                    ", sa_flags=" + flags_text(sa->flags, xlat::gen::sigact_flags);
  if (sa->flags & 0x04000000) out += ", sa_restorer=" + address_text(sa->restorer);
  return out + "}";
}

std::string stat_text(TraceeMemory& mem, std::uint64_t addr) {
  const auto st = read_object<KernelStat>(mem, addr);
  if (!st) return address_text(addr);
  const std::uint32_t type = st->st_mode & 0170000;
  std::string out = "{st_mode=" + mode_text(st->st_mode);
  if (type == 020000 || type == 060000) {  // character or block device: the device number matters
    const std::uint64_t dev = st->st_rdev;
    out += ", st_rdev=" + makedev_text(((dev >> 8) & 0xfff) | ((dev >> 32) & ~std::uint64_t{0xfff}),
                                       (dev & 0xff) | ((dev >> 12) & ~std::uint64_t{0xff}));
  } else {
    out += ", st_size=" + std::to_string(st->st_size);
  }
  return out + ", ...}";
}

std::string statx_text(TraceeMemory& mem, std::uint64_t addr) {
  const auto st = read_object<KernelStatx>(mem, addr);
  if (!st) return address_text(addr);
  // strace without -v: the mask, the attributes, the mode and the size.
  return "{stx_mask=" + flags_text(st->stx_mask, xlat::gen::statx_masks, "0", "STATX_") +
         ", stx_attributes=" +
         flags_text(st->stx_attributes, xlat::gen::statx_attrs, "0", "STATX_ATTR_") +
         ", stx_mode=" + mode_text(st->stx_mode) + ", stx_size=" + std::to_string(st->stx_size) +
         ", ...}";
}

std::string open_how_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size) {
  if (size < sizeof(OpenHow)) return address_text(addr);
  const auto how = read_object<OpenHow>(mem, addr);
  if (!how) return address_text(addr);
  std::string out = "{flags=" + open_flags_text(how->flags);
  if (how->mode != 0 || (how->flags & (0100 | 020000000))) out += ", mode=" + mode_text(how->mode);
  if (how->resolve != 0) out += ", resolve=" + flags_text(how->resolve, xlat::resolve_flags);
  return out + "}";
}

std::string flock_text(TraceeMemory& mem, std::uint64_t addr, bool getlk) {
  const auto fl = read_object<KernelFlock>(mem, addr);
  if (!fl) return address_text(addr);
  std::string out =
      "{l_type=" + enum_text(static_cast<std::uint16_t>(fl->l_type), xlat::lock_types, "F_") +
      ", l_whence=" + enum_text(static_cast<std::uint16_t>(fl->l_whence), xlat::whence, "SEEK_") +
      ", l_start=" + std::to_string(fl->l_start) + ", l_len=" + std::to_string(fl->l_len);
  if (getlk) out += ", l_pid=" + std::to_string(fl->l_pid);
  return out + "}";
}

std::string statx_flags_text(std::uint64_t flags) {
  constexpr std::uint64_t kSyncMask = 0x6000;  // AT_STATX_SYNC_TYPE
  std::string out(lookup(flags & kSyncMask, xlat::gen::at_statx_sync_types));
  if (out.empty()) out = hex_text(flags & kSyncMask);
  const std::uint64_t rest = flags & ~kSyncMask;
  if (rest != 0) out += "|" + flags_text(rest, xlat::gen::at_flags, "0", "AT_");
  return out;
}

std::string perf_attr_text(TraceeMemory& mem, std::uint64_t addr) {
  // The fields strace shows without -v (perf_event_attr's first 48 bytes).
  struct Head {
    std::uint32_t type, size;
    std::uint64_t config, sample_period, sample_type, read_format, bits;
  };
  if (addr == 0) return "NULL";
  const auto a = read_object<Head>(mem, addr);
  if (!a) return address_text(addr);
  std::string out = "{type=" + enum_text(a->type, xlat::gen::perf_types, "PERF_TYPE_");
  const auto size = lookup(a->size, xlat::gen::perf_attr_size);
  out += ", size=" + (size.empty() ? std::to_string(a->size) : std::string(size));
  std::string config;
  if (a->type == 1)
    config = enum_text(a->config, xlat::gen::perf_sw_ids, "PERF_COUNT_SW_");
  else if (a->type == 0)
    config = enum_text(a->config, xlat::gen::perf_hw_ids, "PERF_COUNT_HW_");
  else
    config = hex_text(a->config);
  out += ", config=" + config + ", sample_period=" + std::to_string(a->sample_period) +
         ", sample_type=" + (a->sample_type ? hex_text(a->sample_type) : "0") +
         ", read_format=" + (a->read_format ? hex_text(a->read_format) : "0") +
         ", disabled=" + std::to_string(a->bits & 1);
  const unsigned precise = static_cast<unsigned>((a->bits >> 15) & 3);
  static const char* const kSkid[] = {"arbitrary skid", "constant skid", "requested to have 0 skid",
                                      "must have 0 skid"};
  out += ", precise_ip=" + std::to_string(precise) + " /* " + kSkid[precise] + " */, ...}";
  return out;
}

std::string sock_fprog_text(TraceeMemory& mem, std::uint64_t addr) {
  struct Fprog {
    std::uint16_t len, pad[3];
    std::uint64_t filter;
  };
  if (addr == 0) return "NULL";
  const auto p = read_object<Fprog>(mem, addr);
  if (!p) return address_text(addr);
  return "{len=" + std::to_string(p->len) + ", filter=" + address_text(p->filter) + "}";
}

std::string seccomp_notif_sizes_text(TraceeMemory& mem, std::uint64_t addr) {
  struct Sizes {
    std::uint16_t notif, resp, data;
  };
  const auto s = read_object<Sizes>(mem, addr);
  if (!s) return address_text(addr);
  return "{seccomp_notif=" + std::to_string(s->notif) +
         ", seccomp_notif_resp=" + std::to_string(s->resp) +
         ", seccomp_data=" + std::to_string(s->data) + "}";
}

std::string key_serial_text(std::int64_t serial) {
  const auto name = lookup(static_cast<std::uint64_t>(serial), xlat::gen::key_spec);
  return name.empty() ? std::to_string(serial) : std::string(name);
}

std::string wait_status_text(int status) {
  const int low = status & 0x7f;
  if (low == 0) {
    return "[{WIFEXITED(s) && WEXITSTATUS(s) == " + std::to_string((status >> 8) & 0xff) + "}]";
  }
  if ((status & 0xff) == 0x7f) {
    return "[{WIFSTOPPED(s) && WSTOPSIG(s) == " + signal_name((status >> 8) & 0xff) + "}]";
  }
  if (status == 0xffff) return "[{WIFCONTINUED(s)}]";
  std::string out = "[{WIFSIGNALED(s) && WTERMSIG(s) == " + signal_name(low);
  if (status & 0x80) out += " && WCOREDUMP(s)";
  return out + "}]";
}

std::optional<std::size_t> count_dirents(TraceeMemory& mem, std::uint64_t addr, std::uint64_t len) {
  constexpr std::uint64_t kMaxBytes = 1 << 20;
  std::vector<unsigned char> buf(static_cast<std::size_t>(std::min(len, kMaxBytes)));
  if (buf.empty()) return 0;
  if (mem.read(RemoteAddr{addr}, buf.data(), buf.size()) != buf.size()) return std::nullopt;
  std::size_t count = 0;
  // d_reclen sits at offset 16 in both struct linux_dirent and linux_dirent64.
  for (std::size_t pos = 0; pos + 18 <= buf.size();) {
    std::uint16_t reclen;
    std::memcpy(&reclen, &buf[pos + 16], sizeof reclen);
    if (reclen == 0) break;
    ++count;
    pos += reclen;
  }
  return count;
}

}  // namespace golden::detail
