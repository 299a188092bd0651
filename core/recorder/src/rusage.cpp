#include "rusage.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "proc_files.hpp"

namespace golden::rec {

std::optional<std::uint64_t> parse_vm_hwm_kb(const std::string& status) {
  const auto at = status.find("\nVmHWM:");
  if (at == std::string::npos) return std::nullopt;
  const char* p = status.c_str() + at + 7;
  char* end = nullptr;
  const unsigned long long kb = std::strtoull(p, &end, 10);
  if (end == p) return std::nullopt;
  return kb;
}

bool parse_stat_times(const std::string& stat, std::uint64_t* utime, std::uint64_t* stime) {
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return false;
  // After ") ": field 3 (state) ... utime is field 14, stime field 15 (proc(5)).
  const char* p = stat.c_str() + close + 1;
  int field = 2;
  while (*p && field < 13) {
    while (*p == ' ') ++p;
    while (*p && *p != ' ') ++p;
    ++field;
  }
  char* end = nullptr;
  *utime = std::strtoull(p, &end, 10);
  if (end == p) return false;
  p = end;
  *stime = std::strtoull(p, &end, 10);
  return end != p;
}

std::optional<std::uint64_t> read_peak_rss_kb(Tid tid) {
  auto status = read_small_file(proc_path(tid, "status"), 16384);
  if (!status) return std::nullopt;
  return parse_vm_hwm_kb(*status);
}

ProcUsage read_proc_usage(Tid tid) {
  ProcUsage u;
  u.peak_rss_kb = read_peak_rss_kb(tid);
  if (auto stat = read_small_file(proc_path(tid, "stat"), 4096)) {
    std::uint64_t ut = 0, st = 0;
    if (parse_stat_times(*stat, &ut, &st)) {
      static const long ticks = ::sysconf(_SC_CLK_TCK) > 0 ? ::sysconf(_SC_CLK_TCK) : 100;
      const std::int64_t ns_per_tick = 1'000'000'000LL / ticks;
      u.user_time = Nanos(static_cast<std::int64_t>(ut) * ns_per_tick);
      u.system_time = Nanos(static_cast<std::int64_t>(st) * ns_per_tick);
    }
  }
  return u;
}

}  // namespace golden::rec
