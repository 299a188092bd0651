// critical_path and wall_time: timing budgets, judged on the median over the runs.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "evaluators.hpp"
#include "golden/assertions/spans.hpp"
#include "golden/graph/critical_path.hpp"
#include "process_filter.hpp"
#include "trace_slice.hpp"

namespace golden::detail {
namespace {

struct Window {
  Nanos start, end;
};

// The union of the windows of the user spans whose name matches, sorted and merged.
std::vector<Window> span_windows(const Trace& trace, const std::regex& pattern) {
  std::vector<Window> w;
  for (const UserSpan& s : user_spans(trace).spans)
    if (std::regex_search(s.name, pattern)) w.push_back({s.start, s.end});
  std::sort(w.begin(), w.end(), [](const Window& a, const Window& b) { return a.start < b.start; });
  std::vector<Window> merged;
  for (const Window& x : w) {
    if (!merged.empty() && x.start <= merged.back().end)
      merged.back().end = std::max(merged.back().end, x.end);
    else
      merged.push_back(x);
  }
  return merged;
}

bool inside(const std::vector<Window>& windows, const Event& e) {
  auto it = std::upper_bound(windows.begin(), windows.end(), e.start,
                             [](Nanos t, const Window& w) { return t < w.start; });
  if (it == windows.begin()) return false;
  --it;
  return e.start >= it->start && e.end() <= it->end;
}

struct PathFigure {
  double ms = 0;
  std::string note;  // where the path was taken, its biggest share
};

// Ok(nullopt): the pattern selects nothing in this run.
Result<std::optional<PathFigure>> path_of(const Trace& trace, const CriticalPathSpec& s) {
  CriticalPathOptions options{.count_user_time = s.include_user_time};
  std::optional<Trace> sliced;
  std::string scope = "whole run";
  if (!s.trace_name_pattern.empty()) {
    const std::regex pattern(s.trace_name_pattern, std::regex::ECMAScript);
    const auto windows = span_windows(trace, pattern);
    if (!windows.empty()) {
      // Span markers themselves are not work: only the calls made inside the spans.
      sliced = slice_trace(
          trace, [&](const Event& e) { return e.kind != EventKind::Span && inside(windows, e); });
      scope = fmt::format("inside user spans matching '{}'", s.trace_name_pattern);
    } else {
      auto filter = ProcessFilter::make(trace, s.trace_name_pattern);
      if (!filter) return filter.error();
      if (!filter->selects_any()) return std::optional<PathFigure>{};
      options.process_name_pattern = s.trace_name_pattern;
      scope = fmt::format("processes matching '{}'", s.trace_name_pattern);
    }
  }
  auto path = critical_path(sliced ? *sliced : trace, options);
  if (!path) return path.error();
  PathFigure f;
  f.ms = static_cast<double>(path->total.count()) / 1e6;
  f.note = fmt::format("{}: {} events on the path", scope, path->steps.size());
  if (!path->shares.empty()) {
    const ProcessShare& top = path->shares.front();
    f.note += fmt::format(", {:.0f}% in pid {}{}", 100 * top.fraction, top.pid.value,
                          top.name.empty() ? "" : " (" + top.name + ")");
  }
  if (!path->exact) f.note += " (approximate: frontier cap reached)";
  return std::optional<PathFigure>{f};
}

}  // namespace

AssertionResult evaluate_critical_path(const Assertion& a, const CriticalPathSpec& s,
                                       const EvalContext& c) {
  AssertionResult r = result_for(a);
  if (!c.has_timing) {
    r.outcome = Outcome::Error;
    r.summary = "the trace has no timing information: no critical path can be measured";
    return r;
  }
  Budget b{.what = "critical path", .unit = "ms", .median = true, .format = format_ms};
  for (const Trace* t : c.runs) {
    auto f = path_of(*t, s);
    if (!f) {
      r.outcome = Outcome::Error;
      r.summary = "cannot compute the critical path: " + f.error().to_string();
      return r;
    }
    if (!*f) {
      r.outcome = Outcome::NotApplicable;
      r.summary = fmt::format("trace_name_pattern '{}' matches no user span and no process",
                              s.trace_name_pattern);
      return r;
    }
    b.current.push_back((*f)->ms);
    if (c.runs.size() == 1) r.details.push_back((*f)->note);
  }
  if (s.regression.max_regression_percent && !c.baseline_runs.empty()) {
    if (!c.baseline_has_timing) {
      r.outcome = Outcome::Error;
      r.summary = "the baseline has no timing information: no regression can be measured";
      return r;
    }
    std::vector<double> base;
    for (const Trace* t : c.baseline_runs) {
      auto f = path_of(*t, s);
      if (!f) {
        r.outcome = Outcome::Error;
        r.summary = "cannot compute the baseline's critical path: " + f.error().to_string();
        return r;
      }
      if (*f) base.push_back((*f)->ms);
    }
    if (!base.empty())
      b.baseline = std::move(base);
    else
      r.details.push_back("the baseline has nothing matching trace_name_pattern");
  }
  b.max = s.max_duration_ms;
  b.max_regression_percent = s.regression.max_regression_percent;
  judge_budget(a, b, r);
  return r;
}

AssertionResult evaluate_wall_time(const Assertion& a, const WallTimeSpec& s,
                                   const EvalContext& c) {
  AssertionResult r = result_for(a);
  if (!c.has_timing) {
    r.outcome = Outcome::Error;
    r.summary = "the trace has no timing information: no wall time can be measured";
    return r;
  }
  auto wall_ms = [](const Trace& t) {
    // A truncated capture never wrote its run trailer: its last event is the best bound.
    Nanos wall = t.run.wall_time;
    if (wall.count() == 0)
      for (const Event& e : t.events) wall = std::max(wall, e.end());
    return static_cast<double>(wall.count()) / 1e6;
  };
  Budget b{.what = "wall time", .unit = "ms", .median = true, .format = format_ms};
  for (const Trace* t : c.runs) b.current.push_back(wall_ms(*t));
  if (s.regression.max_regression_percent && !c.baseline_runs.empty()) {
    if (!c.baseline_has_timing) {
      r.outcome = Outcome::Error;
      r.summary = "the baseline has no timing information: no regression can be measured";
      return r;
    }
    std::vector<double> base;
    for (const Trace* t : c.baseline_runs) base.push_back(wall_ms(*t));
    b.baseline = std::move(base);
  }
  b.max = s.max_duration_ms;
  b.max_regression_percent = s.regression.max_regression_percent;
  judge_budget(a, b, r);
  return r;
}

}  // namespace golden::detail
