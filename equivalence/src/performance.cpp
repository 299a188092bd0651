// Figures for the side-by-side performance section. The critical path comes from
// golden::graph (the causal DAG); a trace it rejects still gets the other figures.
#include "golden/equivalence/performance.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "golden/graph/critical_path.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {

PerfFigures measure(const Trace& trace, const TraceHeader& header) {
  PerfFigures f;
  if (header.has_timing) f.wall_time = trace.run.wall_time;
  f.processes = trace.processes.size();
  for (const ProcessInfo& p : trace.processes) {
    f.threads += std::max<std::size_t>(1, p.threads.size());
    if (p.peak_rss_kb) f.peak_rss_kb = std::max(f.peak_rss_kb.value_or(0), *p.peak_rss_kb);
  }
  // Counted per class bit, named once at the end: a string key per event was most of
  // this loop's time.
  std::array<std::uint64_t, 16> by_bit{};
  struct NameSlot {
    std::string_view name;  // a view into an event of the trace
    const SyscallInfo* info = nullptr;
    bool used = false;
  };
  std::array<NameSlot, 64> by_name{};
  std::uint64_t other = 0;
  for (const Event& e : trace.events) {
    if (e.kind != EventKind::Syscall) continue;
    ++f.syscalls;
    if (e.failed()) ++f.failed_syscalls;
    const SyscallInfo* info = syscall_by_nr(e.nr);
    if (info == nullptr || info->name != e.name) {
      // By name, remembered in a small direct-mapped table (by length and ends, checked
      // against the whole name): traces without numbers (imports) would otherwise
      // search the syscall table for every event.
      const std::string_view name = e.name;
      NameSlot& slot = by_name[name.empty() ? 0
                                            : (name.size() * 31 + static_cast<unsigned char>(name.front()) * 7 +
                                               static_cast<unsigned char>(name.back())) %
                                                  by_name.size()];
      if (!slot.used || slot.name != name) slot = {name, syscall_by_name(name), true};
      info = slot.info;
    }
    std::uint16_t classes = info != nullptr ? info->classes : 0;
    if (classes == 0) {
      ++other;
      continue;
    }
    for (std::size_t bit = 0; bit < by_bit.size(); ++bit)
      if (classes & (1u << bit)) ++by_bit[bit];
  }
  if (other > 0) f.syscalls_by_class["other"] = other;
  for (std::size_t bit = 0; bit < by_bit.size(); ++bit)
    if (by_bit[bit] > 0)
      f.syscalls_by_class[std::string(class_name(static_cast<SyscallClass>(1u << bit)))] += by_bit[bit];
  if (!header.has_timing) {
    f.critical_path_note = "no timing in the trace";
  } else if (trace.events.empty()) {
    f.critical_path = Nanos{0};
  } else {
    GraphOptions go;
    go.reject_lamport_violations = false;  // measure what is there; comparison doesn't hinge on it
    auto cp = critical_path(trace, {}, go);
    if (cp) {
      f.critical_path = cp->total;
      if (!cp->exact) f.critical_path_note = "approximate";
    } else {
      f.critical_path_note = cp.error().message;
    }
  }
  return f;
}

std::optional<double> ratio(std::optional<double> a, std::optional<double> b) {
  if (!a || !b || *a == 0) return std::nullopt;
  return *b / *a;
}

}  // namespace golden
