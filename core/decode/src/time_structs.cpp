#include "time_structs.hpp"

#include <ctime>

#include "flags_render.hpp"
#include "payload.hpp"

namespace golden::detail {
namespace {

struct KernelTimeval {
  std::int64_t tv_sec;
  std::int64_t tv_usec;
};
struct KernelTimespec {
  std::int64_t tv_sec;
  std::int64_t tv_nsec;
};

constexpr std::int64_t kUtimeNow = (1L << 30) - 1, kUtimeOmit = (1L << 30) - 2;

std::string tv(const KernelTimeval& t) {
  return "{tv_sec=" + std::to_string(t.tv_sec) + ", tv_usec=" + std::to_string(t.tv_usec) + "}";
}
std::string ts(const KernelTimespec& t) {
  return "{tv_sec=" + std::to_string(t.tv_sec) + ", tv_nsec=" + std::to_string(t.tv_nsec) + "}";
}

}  // namespace

std::string time_comment(std::int64_t sec, std::uint64_t frac, int frac_digits) {
  const std::time_t t = static_cast<std::time_t>(sec);
  std::tm tm{};
  if (localtime_r(&t, &tm) == nullptr) return {};
  char buf[96];
  std::size_t n = std::strftime(buf, sizeof buf, "%FT%T", &tm);
  if (n == 0) return {};
  std::string out(buf, n);
  if (frac != 0) {
    char f[24];
    std::snprintf(f, sizeof f, ".%0*llu", frac_digits, static_cast<unsigned long long>(frac));
    out += f;
  }
  n = std::strftime(buf, sizeof buf, "%z", &tm);
  out.append(buf, n);
  return out;
}

std::string timeval_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  const auto t = read_object<KernelTimeval>(mem, addr);
  return t ? tv(*t) : address_text(addr);
}

std::string timespec_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  const auto t = read_object<KernelTimespec>(mem, addr);
  return t ? ts(*t) : address_text(addr);
}

std::string itimerval_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Pair {
    KernelTimeval interval, value;
  };
  const auto p = read_object<Pair>(mem, addr);
  if (!p) return address_text(addr);
  return "{it_interval=" + tv(p->interval) + ", it_value=" + tv(p->value) + "}";
}

std::string itimerspec_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Pair {
    KernelTimespec interval, value;
  };
  const auto p = read_object<Pair>(mem, addr);
  if (!p) return address_text(addr);
  return "{it_interval=" + ts(p->interval) + ", it_value=" + ts(p->value) + "}";
}

std::string utimens_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Pair {
    KernelTimespec t[2];
  };
  const auto p = read_object<Pair>(mem, addr);
  if (!p) return address_text(addr);
  std::string out = "[";
  for (int k = 0; k < 2; ++k) {
    if (k) out += ", ";
    const KernelTimespec& t = p->t[k];
    if (t.tv_nsec == kUtimeNow) {
      out += "UTIME_NOW";
    } else if (t.tv_nsec == kUtimeOmit) {
      out += "UTIME_OMIT";
    } else {
      out += ts(t);
      if (t.tv_nsec >= 0 && t.tv_nsec < 1000000000) {
        out += " /* " + time_comment(t.tv_sec, static_cast<std::uint64_t>(t.tv_nsec), 9) + " */";
      }
    }
  }
  return out + "]";
}

std::string utimes_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Pair {
    KernelTimeval t[2];
  };
  const auto p = read_object<Pair>(mem, addr);
  if (!p) return address_text(addr);
  std::string out = "[";
  for (int k = 0; k < 2; ++k) {
    if (k) out += ", ";
    out += tv(p->t[k]);
    if (p->t[k].tv_usec >= 0 && p->t[k].tv_usec < 1000000) {
      out += " /* " + time_comment(p->t[k].tv_sec, static_cast<std::uint64_t>(p->t[k].tv_usec), 6) + " */";
    }
  }
  return out + "]";
}

std::string utimbuf_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct Utimbuf {
    std::int64_t actime, modtime;
  };
  const auto u = read_object<Utimbuf>(mem, addr);
  if (!u) return address_text(addr);
  return "{actime=" + std::to_string(u->actime) + " /* " + time_comment(u->actime, 0, 0) +
         " */, modtime=" + std::to_string(u->modtime) + " /* " + time_comment(u->modtime, 0, 0) + " */}";
}

}  // namespace golden::detail
