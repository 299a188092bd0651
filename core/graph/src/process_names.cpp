#include "process_names.hpp"

namespace golden {

ProcessNames::ProcessNames(const Trace& trace) {
  std::unordered_map<Pid, const ProcessInfo*> by_pid;
  for (const ProcessInfo& p : trace.processes) by_pid.emplace(p.pid, &p);
  for (const ProcessInfo& p : trace.processes) {
    // Bounded walk: a damaged parent chain that loops must not hang us.
    const ProcessInfo* cur = &p;
    std::string found;
    for (std::size_t hops = 0; cur && hops <= trace.processes.size(); ++hops) {
      found = cur->name();
      if (!found.empty() || cur->parent.value == 0) break;
      auto it = by_pid.find(cur->parent);
      cur = it == by_pid.end() ? nullptr : it->second;
    }
    names_.emplace(p.pid, std::move(found));
  }
}

const std::string& ProcessNames::name(Pid pid) const {
  auto it = names_.find(pid);
  return it == names_.end() ? empty_ : it->second;
}

}  // namespace golden
