// error_count: failed calls among the selected ones, as a count and/or a rate.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "call_selector.hpp"
#include "evaluators.hpp"
#include "golden/syscalls/abi_names.hpp"

namespace golden::detail {
namespace {

struct ErrorTally {
  std::uint64_t calls = 0;
  std::uint64_t errors = 0;
  // (syscall, errno) -> count and the first failing event
  std::map<std::pair<std::string, int>, std::pair<std::uint64_t, Seq>> kinds;
};

Result<ErrorTally> tally(const Trace& t, const ErrorCountSpec& s) {
  auto filter = ProcessFilter::make(t, s.select.process_name_pattern);
  if (!filter) return filter.error();
  if (Status ok = check_source_selectable(s.select, t); !ok) return ok.error();
  ErrorTally out;
  for (const Event& e : t.events) {
    if (!call_selected(s.select, e, *filter)) continue;
    ++out.calls;
    if (!e.failed()) continue;
    if (!s.errnos.empty() && std::find(s.errnos.begin(), s.errnos.end(), e.err) == s.errnos.end())
      continue;
    ++out.errors;
    auto [it, fresh] = out.kinds.try_emplace({e.name, e.err}, 0, e.seq);
    ++it->second.first;
  }
  return out;
}

}  // namespace

AssertionResult evaluate_errors(const Assertion& a, const ErrorCountSpec& s, const EvalContext& c) {
  AssertionResult r = result_for(a);
  std::string scope = describe_selector(s.select);
  if (!s.errnos.empty()) {
    std::string names;
    for (int e : s.errnos) names += (names.empty() ? "" : "|") + errno_name(e);
    scope += " failing with " + names;
  }
  Budget count{
      .what = "errors in " + scope, .unit = "errors", .median = false, .format = format_count};
  Budget rate{
      .what = "error rate in " + scope, .unit = "ratio", .median = false, .format = [](double v) {
        return fmt::format("{:.2f}%", 100 * v);
      }};
  for (const Trace* t : c.runs) {
    auto tl = tally(*t, s);
    if (!tl) {
      r.outcome = Outcome::Error;
      r.summary = tl.error().message;
      return r;
    }
    count.current.push_back(static_cast<double>(tl->errors));
    rate.current.push_back(
        tl->calls == 0 ? 0.0 : static_cast<double>(tl->errors) / static_cast<double>(tl->calls));
    if (c.runs.size() == 1 && !tl->kinds.empty()) {
      std::vector<std::pair<std::uint64_t, std::string>> top;
      for (const auto& [key, v] : tl->kinds)
        top.emplace_back(v.first, fmt::format("{} {} x{} (first at seq {})", key.first,
                                              errno_name(key.second), v.first, v.second));
      std::sort(top.rbegin(), top.rend());
      std::string line =
          fmt::format("{} of {} calls failed; most frequent:", tl->errors, tl->calls);
      for (std::size_t i = 0; i < top.size() && i < 5; ++i)
        line += (i == 0 ? " " : ", ") + top[i].second;
      r.details.push_back(line);
    }
  }
  r.outcome = Outcome::Pass;
  if (s.max_errors) {
    count.max = static_cast<double>(*s.max_errors);
    AssertionResult part = result_for(a);
    judge_budget(a, count, part);
    merge_result(r, part);
  }
  if (s.max_error_rate) {
    rate.max = *s.max_error_rate;
    AssertionResult part = result_for(a);
    judge_budget(a, rate, part);
    merge_result(r, part);
  }
  return r;
}

}  // namespace golden::detail
