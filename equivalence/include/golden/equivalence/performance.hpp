// Performance figures of a run, shown side by side in compare reports (SPEC §5).
// Informational: they never change the verdict (budgets are `golden check`'s job).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "golden/model/trace.hpp"

namespace golden {

struct PerfFigures {
  std::optional<Nanos> wall_time;       // the run's wall time, unknown without timing
  std::optional<Nanos> critical_path;   // golden::graph's critical path; unknown if it failed
  std::string critical_path_note;       // why it is unknown, or "approximate"
  std::uint64_t syscalls = 0;           // syscall events
  std::uint64_t failed_syscalls = 0;
  std::map<std::string, std::uint64_t> syscalls_by_class;  // "file", "desc", ..., "other"
  std::optional<std::uint64_t> peak_rss_kb;  // the largest peak RSS of any process
  std::uint64_t processes = 0;
  std::uint64_t threads = 0;
};

PerfFigures measure(const Trace& trace, const TraceHeader& header = {});

// b / a, nullopt when either is unknown or a is 0.
std::optional<double> ratio(std::optional<double> a, std::optional<double> b);

}  // namespace golden
