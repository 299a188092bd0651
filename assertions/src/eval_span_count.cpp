// span_count: user spans when the program made any, else every syscall event is a span
// (renacer's meaning: "limit syscall overhead").
#include <fmt/format.h>

#include <regex>

#include "evaluators.hpp"
#include "golden/assertions/spans.hpp"

namespace golden::detail {

AssertionResult evaluate_span_count(const Assertion& a, const SpanCountSpec& s,
                                    const EvalContext& c) {
  AssertionResult r = result_for(a);
  std::optional<std::regex> pattern;
  if (!s.span_name_pattern.empty()) pattern.emplace(s.span_name_pattern, std::regex::ECMAScript);
  auto matches = [&](const std::string& name) {
    return !pattern || std::regex_search(name, *pattern);
  };

  Budget b{.what = "spans", .unit = "spans", .median = false, .format = format_count};
  std::size_t user_runs = 0;
  for (const Trace* t : c.runs) {
    std::uint64_t n = 0;
    if (has_user_spans(*t)) {
      ++user_runs;
      const SpanSet spans = user_spans(*t);
      for (const UserSpan& sp : spans.spans) n += matches(sp.name) ? 1 : 0;
      if (spans.unclosed > 0)
        r.details.push_back(
            fmt::format("run {}: {} span(s) never closed (counted)", t->run.index, spans.unclosed));
    } else {
      for (const Event& e : t->events) n += e.kind == EventKind::Syscall && matches(e.name) ? 1 : 0;
    }
    b.current.push_back(static_cast<double>(n));
  }
  b.what = user_runs == c.runs.size() ? "user spans" : user_runs == 0 ? "syscall spans" : "spans";
  if (user_runs == 0)
    r.details.push_back("the trace has no user spans: every syscall event counts as a span");
  else if (user_runs < c.runs.size())
    r.details.push_back("some runs have user spans, the others count syscall events");
  if (pattern) r.details.push_back(fmt::format("only spans named like '{}'", s.span_name_pattern));
  b.max = static_cast<double>(s.max_spans);
  judge_budget(a, b, r);
  return r;
}

}  // namespace golden::detail
