#include "process_structs.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "flags_render.hpp"
#include "golden/model/escape.hpp"
#include "payload.hpp"
#include "time_structs.hpp"
#include "xlat_strace.hpp"

namespace golden::detail {
namespace {

constexpr std::uint64_t kRlimInfinity = ~std::uint64_t{0};
constexpr std::size_t kArrayShown = 1024;  // elements of an array shown before "..."

// strace's sprint_rlim64: RLIM64_INFINITY, a multiple of 1024 as "N*1024", or the number.
std::string rlim_value(std::uint64_t v) {
  if (v == kRlimInfinity) return "RLIM64_INFINITY";
  if (v > 1024 && v % 1024 == 0) return std::to_string(v / 1024) + "*1024";
  return std::to_string(v);
}

std::string tv(std::int64_t sec, std::int64_t usec) {
  return "{tv_sec=" + std::to_string(sec) + ", tv_usec=" + std::to_string(usec) + "}";
}

// A fixed-size char array as strace prints it: up to the first NUL.
std::string char_field(const char* data, std::size_t size) {
  const std::size_t n = static_cast<std::size_t>(std::find(data, data + size, '\0') - data);
  return quote_bytes(std::string_view(data, n));
}

std::string caps_text(std::uint64_t bits) {
  if (bits == 0) return "0";
  std::string out;
  for (int cap = 0; cap < 64; ++cap) {
    if (!(bits & (std::uint64_t{1} << cap))) continue;
    if (!out.empty()) out += '|';
    const auto name = lookup(static_cast<std::uint64_t>(cap), xlat::gen::capabilities);
    out += name.empty() ? "1<<" + std::to_string(cap) : "1<<" + std::string(name);
  }
  return out;
}

}  // namespace

std::string rlimit_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Rlimit {
    std::uint64_t cur, max;
  };
  const auto r = read_object<Rlimit>(mem, addr);
  if (!r) return address_text(addr);
  return "{rlim_cur=" + rlim_value(r->cur) + ", rlim_max=" + rlim_value(r->max) + "}";
}

std::string rusage_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Times {
    std::int64_t utime_sec, utime_usec, stime_sec, stime_usec;
  };
  const auto r = read_object<Times>(mem, addr);
  if (!r) return address_text(addr);
  return "{ru_utime=" + tv(r->utime_sec, r->utime_usec) + ", ru_stime=" + tv(r->stime_sec, r->stime_usec) +
         ", ...}";
}

std::string utsname_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Utsname {
    char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
  };
  const auto u = read_object<Utsname>(mem, addr);
  if (!u) return address_text(addr);
  return "{sysname=" + char_field(u->sysname, sizeof u->sysname) +
         ", nodename=" + char_field(u->nodename, sizeof u->nodename) + ", ...}";
}

std::string sysinfo_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Sysinfo {
    std::int64_t uptime;
    std::uint64_t loads[3], totalram, freeram, sharedram, bufferram, totalswap, freeswap;
    std::uint16_t procs, pad;
    std::uint32_t pad2;
    std::uint64_t totalhigh, freehigh;
    std::uint32_t mem_unit;
  };
  const auto s = read_object<Sysinfo>(mem, addr);
  if (!s) return address_text(addr);
  return "{uptime=" + std::to_string(s->uptime) + ", loads=[" + std::to_string(s->loads[0]) + ", " +
         std::to_string(s->loads[1]) + ", " + std::to_string(s->loads[2]) + "], totalram=" +
         std::to_string(s->totalram) + ", freeram=" + std::to_string(s->freeram) + ", sharedram=" +
         std::to_string(s->sharedram) + ", bufferram=" + std::to_string(s->bufferram) + ", totalswap=" +
         std::to_string(s->totalswap) + ", freeswap=" + std::to_string(s->freeswap) + ", procs=" +
         std::to_string(s->procs) + ", totalhigh=" + std::to_string(s->totalhigh) + ", freehigh=" +
         std::to_string(s->freehigh) + ", mem_unit=" + std::to_string(s->mem_unit) + "}";
}

std::string sched_param_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  const auto prio = read_object<std::int32_t>(mem, addr);
  return prio ? "[" + std::to_string(*prio) + "]" : address_text(addr);
}

std::string cap_header_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Header {
    std::uint32_t version;
    std::int32_t pid;
  };
  const auto h = read_object<Header>(mem, addr);
  if (!h) return address_text(addr);
  const auto name = lookup(h->version, xlat::gen::cap_version);
  return "{version=" + (name.empty() ? hex_text(h->version) + " /* _LINUX_CAPABILITY_VERSION_??? */" : std::string(name)) +
         ", pid=" + std::to_string(h->pid) + "}";
}

std::string cap_data_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Data {
    std::uint32_t effective, permitted, inheritable;
  };
  struct Pair {
    Data d[2];
  };
  const auto p = read_object<Pair>(mem, addr);
  if (!p) return address_text(addr);
  auto both = [&](std::uint32_t Data::*f) {
    return caps_text(p->d[0].*f | (static_cast<std::uint64_t>(p->d[1].*f) << 32));
  };
  return "{effective=" + both(&Data::effective) + ", permitted=" + both(&Data::permitted) +
         ", inheritable=" + both(&Data::inheritable) + "}";
}

std::string statfs_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Statfs {
    std::int64_t f_type, f_bsize;
    std::uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
    std::int32_t f_fsid[2];
    std::int64_t f_namelen, f_frsize, f_flags, f_spare[4];
  };
  const auto s = read_object<Statfs>(mem, addr);
  if (!s) return address_text(addr);
  const auto magic = lookup(static_cast<std::uint64_t>(s->f_type), xlat::gen::fs_magic);
  return "{f_type=" + (magic.empty() ? hex_text(static_cast<std::uint64_t>(s->f_type)) : std::string(magic)) +
         ", f_bsize=" + std::to_string(s->f_bsize) + ", f_blocks=" + std::to_string(s->f_blocks) +
         ", f_bfree=" + std::to_string(s->f_bfree) + ", f_bavail=" + std::to_string(s->f_bavail) +
         ", f_files=" + std::to_string(s->f_files) + ", f_ffree=" + std::to_string(s->f_ffree) +
         ", f_fsid={val=[" + hex_text(static_cast<std::uint32_t>(s->f_fsid[0])) + ", " +
         hex_text(static_cast<std::uint32_t>(s->f_fsid[1])) + "]}, f_namelen=" + std::to_string(s->f_namelen) +
         ", f_frsize=" + std::to_string(s->f_frsize) + ", f_flags=" +
         flags_text(static_cast<std::uint64_t>(s->f_flags), xlat::gen::statfs_flags, "0", "ST_") + "}";
}

namespace {

struct CloneArgs {
  std::uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls,
      set_tid, set_tid_size, cgroup;
};
static_assert(sizeof(CloneArgs) == 88);
constexpr std::uint64_t kClonePidfd = 0x1000, kCloneSettls = 0x80000, kCloneParentSettid = 0x100000,
                        kCloneChildCleartid = 0x200000, kCloneChildSettid = 0x1000000,
                        kCloneIntoCgroup = 0x200000000;

std::optional<CloneArgs> read_clone_args(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size) {
  CloneArgs ca{};
  const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(size, sizeof ca));
  // CLONE_ARGS_SIZE_VER0 (64 bytes) is the smallest the kernel accepts.
  if (addr == 0 || want < 64 || mem.read(RemoteAddr{addr}, &ca, want) != want) return std::nullopt;
  return ca;
}

}  // namespace

std::string clone_args_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size) {
  const auto ca = read_clone_args(mem, addr, size);
  if (!ca) return address_text(addr);
  std::string out = "{flags=" + flags_text(ca->flags, xlat::gen::clone_flags, "0", "CLONE_");
  if (ca->flags & kClonePidfd) out += ", pidfd=" + address_text(ca->pidfd);
  if (ca->flags & (kCloneChildSettid | kCloneChildCleartid)) out += ", child_tid=" + address_text(ca->child_tid);
  if (ca->flags & kCloneParentSettid) out += ", parent_tid=" + address_text(ca->parent_tid);
  out += ", exit_signal=" + signal_text(static_cast<std::int64_t>(ca->exit_signal));
  out += ", stack=" + address_text(ca->stack) + ", stack_size=" + hex_text(ca->stack_size);
  if (ca->flags & kCloneSettls) out += ", tls=" + address_text(ca->tls);
  if (ca->set_tid || ca->set_tid_size) {
    out += ", set_tid=" + address_text(ca->set_tid) + ", set_tid_size=" + std::to_string(ca->set_tid_size);
  }
  if (size > 80 && (ca->cgroup || (ca->flags & kCloneIntoCgroup))) out += ", cgroup=" + std::to_string(ca->cgroup);
  return out + "}";
}

std::string clone_args_exit_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size) {
  const auto ca = read_clone_args(mem, addr, size);
  if (!ca || !(ca->flags & (kCloneParentSettid | kClonePidfd))) return {};
  std::string out = " => {";
  if (ca->flags & kClonePidfd) {
    const auto fd = read_object<std::int32_t>(mem, ca->pidfd);
    out += "pidfd=" + (fd ? "[" + std::to_string(*fd) + "]" : address_text(ca->pidfd));
  }
  if (ca->flags & kCloneParentSettid) {
    if (ca->flags & kClonePidfd) out += ", ";
    const auto tid = read_object<std::int32_t>(mem, ca->parent_tid);
    out += "parent_tid=" + (tid ? "[" + std::to_string(*tid) + "]" : address_text(ca->parent_tid));
  }
  return out + "}";
}

std::string gids_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t count) {
  if (addr == 0) return "NULL";
  std::vector<std::uint32_t> ids(static_cast<std::size_t>(std::min<std::uint64_t>(count, kArrayShown)));
  const std::size_t bytes = ids.size() * sizeof(std::uint32_t);
  if (bytes && mem.read(RemoteAddr{addr}, ids.data(), bytes) != bytes) return address_text(addr);
  std::string out = "[";
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (k) out += ", ";
    out += std::to_string(ids[k]);
  }
  if (count > ids.size()) out += ", ...";
  return out + "]";
}

std::string mincore_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t length) {
  if (addr == 0) return "NULL";
  constexpr std::uint64_t kPage = 4096;
  const std::uint64_t pages = (length + kPage - 1) / kPage;
  std::vector<unsigned char> vec(static_cast<std::size_t>(std::min<std::uint64_t>(pages, kArrayShown)));
  if (!vec.empty() && mem.read(RemoteAddr{addr}, vec.data(), vec.size()) != vec.size()) return address_text(addr);
  std::string out = "[";
  for (std::size_t k = 0; k < vec.size(); ++k) {
    if (k) out += ", ";
    out += std::to_string(vec[k] & 1);
  }
  if (pages > vec.size()) out += ", ...";
  return out + "]";
}

}  // namespace golden::detail
