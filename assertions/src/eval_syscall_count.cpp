// syscall_count: calls of some syscalls / classes (or all), between min and max, and
// against the baseline's count.
#include <fmt/format.h>

#include <map>

#include "call_selector.hpp"
#include "evaluators.hpp"

namespace golden::detail {
namespace {

Result<std::uint64_t> count_calls(const Trace& t, const CallSelector& sel,
                                  std::map<std::string, std::uint64_t>* by_name = nullptr) {
  auto filter = ProcessFilter::make(t, sel.process_name_pattern);
  if (!filter) return filter.error();
  if (Status ok = check_source_selectable(sel, t); !ok) return ok.error();
  std::uint64_t n = 0;
  for (const Event& e : t.events) {
    if (!call_selected(sel, e, *filter)) continue;
    ++n;
    if (by_name != nullptr) ++(*by_name)[e.name];
  }
  return n;
}

}  // namespace

AssertionResult evaluate_syscall_count(const Assertion& a, const SyscallCountSpec& s,
                                       const EvalContext& c) {
  AssertionResult r = result_for(a);
  Budget b{.what = describe_selector(s.select),
           .unit = "calls",
           .median = false,
           .format = format_count};
  std::map<std::string, std::uint64_t> by_name;
  for (const Trace* t : c.runs) {
    auto n = count_calls(*t, s.select, c.runs.size() == 1 ? &by_name : nullptr);
    if (!n) {
      r.outcome = Outcome::Error;
      r.summary = n.error().message;
      return r;
    }
    b.current.push_back(static_cast<double>(*n));
  }
  if (by_name.size() > 1) {
    // The biggest contributors, so a failure says which calls grew.
    std::vector<std::pair<std::uint64_t, std::string>> top;
    for (const auto& [name, n] : by_name) top.emplace_back(n, name);
    std::sort(top.rbegin(), top.rend());
    std::string line = "most frequent:";
    for (std::size_t i = 0; i < top.size() && i < 5; ++i)
      line += fmt::format("{} {} {}", i == 0 ? "" : ",", top[i].second, top[i].first);
    r.details.push_back(line);
  }
  if (s.regression.max_regression_percent && !c.baseline_runs.empty()) {
    std::vector<double> base;
    for (const Trace* t : c.baseline_runs)
      if (auto n = count_calls(*t, s.select)) base.push_back(static_cast<double>(*n));
    if (!base.empty()) b.baseline = std::move(base);
  }
  b.max = s.max_calls ? std::optional<double>(static_cast<double>(*s.max_calls)) : std::nullopt;
  b.min = s.min_calls ? std::optional<double>(static_cast<double>(*s.min_calls)) : std::nullopt;
  b.max_regression_percent = s.regression.max_regression_percent;
  judge_budget(a, b, r);
  return r;
}

}  // namespace golden::detail
