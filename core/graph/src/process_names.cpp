#include "process_names.hpp"

#include <algorithm>

namespace golden {

ProcessNames::ProcessNames(const Trace& trace) {
  // Each pid's first record, sorted by pid: a flat array with binary search, rather than
  // hash maps with a node per process (built for every critical path).
  std::vector<std::pair<Pid, const ProcessInfo*>> by_pid;
  by_pid.reserve(trace.processes.size());
  for (const ProcessInfo& p : trace.processes) by_pid.emplace_back(p.pid, &p);
  std::stable_sort(by_pid.begin(), by_pid.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  by_pid.erase(std::unique(by_pid.begin(), by_pid.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               by_pid.end());
  auto find = [&](Pid pid) -> const ProcessInfo* {
    auto it = std::lower_bound(by_pid.begin(), by_pid.end(), pid,
                               [](const auto& entry, Pid p) { return entry.first < p; });
    return it != by_pid.end() && it->first == pid ? it->second : nullptr;
  };
  names_.reserve(by_pid.size());
  for (const auto& [pid, record] : by_pid) {
    // Bounded walk: a damaged parent chain that loops must not hang us.
    const ProcessInfo* cur = record;
    std::string found;
    for (std::size_t hops = 0; cur && hops <= trace.processes.size(); ++hops) {
      found = cur->name();
      if (!found.empty() || cur->parent.value == 0) break;
      cur = find(cur->parent);
    }
    names_.emplace_back(pid, std::move(found));
  }
}

const std::string& ProcessNames::name(Pid pid) const {
  auto it = std::lower_bound(names_.begin(), names_.end(), pid,
                             [](const auto& entry, Pid p) { return entry.first < p; });
  return it != names_.end() && it->first == pid ? it->second : empty_;
}

}  // namespace golden
