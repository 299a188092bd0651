#include "structs.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <vector>

#include "flags_render.hpp"
#include "payload.hpp"
#include "xlat_tables.hpp"

namespace golden::detail {
namespace {

// x86-64 kernel layouts, spelled out: the tracer must not depend on its own libc's
// idea of these structures (glibc's struct sigaction differs from the kernel's).
struct KernelTimespec {
  std::int64_t tv_sec;
  std::int64_t tv_nsec;
};
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
static_assert(offsetof(KernelStatx, stx_size) == 40 && offsetof(KernelStatx, stx_rdev_major) == 128);
struct OpenHow {
  std::uint64_t flags, mode, resolve;
};
struct CloneArgs {
  std::uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls,
      set_tid, set_tid_size, cgroup;
};
static_assert(sizeof(CloneArgs) == 88);
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

std::string timespec_text(TraceeMemory& mem, std::uint64_t addr) {
  const auto ts = read_object<KernelTimespec>(mem, addr);
  if (!ts) return address_text(addr);
  return "{tv_sec=" + std::to_string(ts->tv_sec) + ", tv_nsec=" + std::to_string(ts->tv_nsec) + "}";
}

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
  std::string handler = sa->handler == 0 ? "SIG_DFL" : sa->handler == 1 ? "SIG_IGN" : hex_text(sa->handler);
  std::string out = "{sa_handler=" + handler + ", sa_mask=" + sigset_bits_text(sa->mask) +
                    ", sa_flags=" + flags_text(sa->flags, xlat::sa_flags);
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
  const std::uint32_t type = st->stx_mode & 0170000;
  std::string out = "{stx_mode=" + mode_text(st->stx_mode);
  if (type == 020000 || type == 060000) {
    out += ", stx_rdev=" + makedev_text(st->stx_rdev_major, st->stx_rdev_minor);
  } else {
    out += ", stx_size=" + std::to_string(st->stx_size);
  }
  return out + ", ...}";
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

std::string clone_args_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size) {
  CloneArgs ca{};
  const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(size, sizeof ca));
  // CLONE_ARGS_SIZE_VER0 (64 bytes) is the smallest the kernel accepts.
  if (addr == 0 || want < 64 || mem.read(RemoteAddr{addr}, &ca, want) != want) return address_text(addr);
  std::string out = "{flags=" + clone_flags_text(ca.flags, false);
  if (ca.flags & 0x1000) out += ", pidfd=" + address_text(ca.pidfd);  // CLONE_PIDFD
  if (ca.child_tid) out += ", child_tid=" + address_text(ca.child_tid);
  if (ca.parent_tid) out += ", parent_tid=" + address_text(ca.parent_tid);
  out += ", exit_signal=" + signal_text(static_cast<std::int64_t>(ca.exit_signal));
  if (ca.stack) out += ", stack=" + address_text(ca.stack) + ", stack_size=" + hex_text(ca.stack_size);
  if (ca.flags & 0x80000) out += ", tls=" + address_text(ca.tls);  // CLONE_SETTLS
  if (ca.set_tid_size) {
    out += ", set_tid=" + address_text(ca.set_tid) + ", set_tid_size=" + std::to_string(ca.set_tid_size);
  }
  if (ca.flags & 0x200000000) out += ", cgroup=" + std::to_string(ca.cgroup);  // CLONE_INTO_CGROUP
  return out + "}";
}

std::string flock_text(TraceeMemory& mem, std::uint64_t addr) {
  const auto fl = read_object<KernelFlock>(mem, addr);
  if (!fl) return address_text(addr);
  return "{l_type=" + enum_text(static_cast<std::uint16_t>(fl->l_type), xlat::lock_types, "F_") +
         ", l_whence=" + enum_text(static_cast<std::uint16_t>(fl->l_whence), xlat::whence, "SEEK_") +
         ", l_start=" + std::to_string(fl->l_start) + ", l_len=" + std::to_string(fl->l_len) + "}";
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
