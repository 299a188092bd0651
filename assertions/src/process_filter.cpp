#include "process_filter.hpp"

#include <fmt/format.h>

namespace golden::detail {

ProcessNames::ProcessNames(const Trace& trace) {
  std::unordered_map<Pid, const ProcessInfo*> by_pid;
  for (const ProcessInfo& p : trace.processes) by_pid[p.pid] = &p;
  for (const ProcessInfo& p : trace.processes) {
    // Walk up to the nearest ancestor with a name; the hop limit guards against a
    // damaged trace whose parent links form a loop.
    const ProcessInfo* at = &p;
    std::string found;
    for (int hops = 0; at != nullptr && hops < 4096; ++hops) {
      found = at->name();
      if (!found.empty() || at->parent.value == 0) break;
      auto it = by_pid.find(at->parent);
      at = it == by_pid.end() ? nullptr : it->second;
    }
    names_[p.pid] = found;
  }
}

const std::string& ProcessNames::name(Pid pid) const {
  auto it = names_.find(pid);
  return it == names_.end() ? none_ : it->second;
}

ProcessFilter::ProcessFilter(const Trace& trace, std::string pattern,
                             std::optional<std::regex> regex)
    : trace_(&trace), pattern_(std::move(pattern)), regex_(std::move(regex)), names_(trace) {}

Result<ProcessFilter> ProcessFilter::make(const Trace& trace, const std::string& pattern) {
  if (pattern.empty()) return ProcessFilter(trace, pattern, std::nullopt);
  try {
    return ProcessFilter(trace, pattern, std::regex(pattern, std::regex::ECMAScript));
  } catch (const std::regex_error& e) {
    return Error{fmt::format("invalid process name pattern '{}': {}", pattern, e.what()), ""};
  }
}

bool ProcessFilter::selects(Pid pid) const {
  if (!regex_) return true;
  return std::regex_search(names_.name(pid), *regex_);
}

bool ProcessFilter::selects_any() const {
  for (const ProcessInfo& p : trace_->processes)
    if (selects(p.pid)) return true;
  return false;
}

std::string describe_process(const ProcessNames& names, Pid pid) {
  const std::string& n = names.name(pid);
  return n.empty() ? fmt::format("pid {}", pid.value) : fmt::format("pid {} ({})", pid.value, n);
}

}  // namespace golden::detail
