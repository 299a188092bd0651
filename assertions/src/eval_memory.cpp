// memory_usage: peak RSS (ProcessInfo.peak_rss_kb, from the kernel's VmHWM) or peak
// live heap bytes (the golden.alloc counters of tools/golden_alloc), per process, then
// combined over the process tree.
#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <unordered_map>

#include "evaluators.hpp"
#include "golden/assertions/spans.hpp"
#include "process_filter.hpp"

namespace golden::detail {
namespace {

struct ProcessPeak {
  Pid pid;
  double bytes = 0;
  Nanos start{0}, end{0};
};

// The most that was live at once: sweep the processes' lifetimes adding each one's peak
// while it is alive. An upper bound of the tree's true peak (the peaks of concurrent
// processes need not coincide), exact for sequential children.
double tree_peak(std::vector<ProcessPeak> peaks) {
  std::vector<std::pair<Nanos, double>> steps;
  for (const ProcessPeak& p : peaks) {
    steps.emplace_back(p.start, p.bytes);
    steps.emplace_back(std::max(p.end, p.start), -p.bytes);
  }
  // At one instant, ends before starts: a child exec'd after its sibling exited does not
  // coexist with it.
  std::sort(steps.begin(), steps.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : x.second < y.second;
  });
  double live = 0, best = 0;
  for (const auto& [t, delta] : steps) {
    live += delta;
    best = std::max(best, live);
  }
  // Processes that started and ended at the same instant (no timing) still count.
  for (const ProcessPeak& p : peaks) best = std::max(best, p.bytes);
  return best;
}

struct Measured {
  std::vector<ProcessPeak> peaks;
  std::size_t missing = 0;  // selected processes without a figure
};

Measured measure(const Trace& trace, const MemoryUsageSpec& s, const ProcessFilter& filter) {
  Measured m;
  std::unordered_map<Pid, const ProcessInfo*> info;
  for (const ProcessInfo& p : trace.processes) info[p.pid] = &p;
  // A process still running when the trace ended lasts until the run's end.
  Nanos run_end = trace.run.wall_time;
  for (const ProcessInfo& p : trace.processes) run_end = std::max(run_end, p.end);
  auto lifetime = [&](ProcessPeak& peak) {
    auto it = info.find(peak.pid);
    if (it == info.end()) {
      peak.end = run_end;
      return;
    }
    peak.start = it->second->start;
    peak.end = it->second->end.count() == 0 ? run_end : it->second->end;
  };
  if (s.mode == TrackingMode::Rss) {
    for (const ProcessInfo& p : trace.processes) {
      if (!filter.selects(p.pid)) continue;
      if (!p.peak_rss_kb) {
        ++m.missing;
        continue;
      }
      ProcessPeak peak{.pid = p.pid, .bytes = static_cast<double>(*p.peak_rss_kb) * 1024.0};
      lifetime(peak);
      m.peaks.push_back(peak);
    }
  } else {
    for (const ProcessAllocations& p : allocations_by_process(trace)) {
      if (!filter.selects(p.pid)) continue;
      ProcessPeak peak{.pid = p.pid, .bytes = static_cast<double>(p.peak_live_bytes)};
      lifetime(peak);
      m.peaks.push_back(peak);
    }
  }
  return m;
}

double combine(const MemoryUsageSpec& s, const Measured& m) {
  if (s.aggregate == MemoryAggregate::Tree) return tree_peak(m.peaks);
  double best = 0;
  for (const ProcessPeak& p : m.peaks) best = std::max(best, p.bytes);
  return best;
}

// The largest heap growth inside a span named like the pattern, over the runs.
AssertionResult evaluate_span_memory(const Assertion& a, const MemoryUsageSpec& s,
                                     const EvalContext& c) {
  AssertionResult r = result_for(a);
  const std::regex pattern(s.span_name_pattern, std::regex::ECMAScript);
  Budget b{.what = "heap growth inside spans '" + s.span_name_pattern + "'",
           .unit = "bytes",
           .median = false,
           .format = format_bytes};
  std::size_t counters = 0;
  for (const Trace* t : c.runs) {
    auto filter = ProcessFilter::make(*t, s.process_name_pattern);
    if (!filter) {
      r.outcome = Outcome::Error;
      r.summary = filter.error().message;
      return r;
    }
    counters += alloc_reports(*t).size();
    std::optional<SpanAllocations> worst;
    std::size_t matched = 0;
    for (const SpanAllocations& sa : allocations_by_span(*t)) {
      if (!filter->selects(sa.pid) || !std::regex_search(sa.span, pattern)) continue;
      ++matched;
      if (!worst || sa.peak_growth_bytes > worst->peak_growth_bytes) worst = sa;
    }
    if (!worst) continue;
    b.current.push_back(static_cast<double>(worst->peak_growth_bytes));
    r.details.push_back(fmt::format(
        "run {}: {} span(s) matched; the largest growth in '{}' ({}, tid {}, seq {}): {} "
        "allocations, {} requested",
        t->run.index, matched, worst->span, describe_process(filter->names(), worst->pid),
        worst->tid.value, worst->seq, worst->allocations,
        format_bytes(static_cast<double>(worst->bytes))));
  }
  if (b.current.empty()) {
    r.outcome = counters == 0 ? Outcome::Error : Outcome::NotApplicable;
    r.summary = counters == 0 ? "the trace has no allocation counters: capture with "
                                "`golden capture --track-alloc`"
                              : fmt::format("no span named like '{}' reported allocation figures",
                                            s.span_name_pattern);
    return r;
  }
  b.max = static_cast<double>(*s.max_bytes);
  judge_budget(a, b, r);
  return r;
}

}  // namespace

AssertionResult evaluate_memory(const Assertion& a, const MemoryUsageSpec& s,
                                const EvalContext& c) {
  if (!s.span_name_pattern.empty()) return evaluate_span_memory(a, s, c);
  AssertionResult r = result_for(a);
  const bool rss = s.mode == TrackingMode::Rss;
  const std::string what =
      std::string(rss ? "peak RSS" : "peak live heap") +
      (s.aggregate == MemoryAggregate::Tree ? " of the process tree" : " of a process");
  Budget b{.what = what, .unit = "bytes", .median = false, .format = format_bytes};

  for (const Trace* t : c.runs) {
    auto filter = ProcessFilter::make(*t, s.process_name_pattern);
    if (!filter) {
      r.outcome = Outcome::Error;
      r.summary = filter.error().message;
      return r;
    }
    const Measured m = measure(*t, s, *filter);
    if (m.peaks.empty()) {
      if (!s.process_name_pattern.empty() && !filter->selects_any()) {
        r.outcome = Outcome::NotApplicable;
        r.summary =
            fmt::format("process_name_pattern '{}' matches no process", s.process_name_pattern);
      } else {
        r.outcome = Outcome::Error;
        r.summary = rss ? "the trace has no peak RSS figures (a renacer import, or a capture "
                          "that could not read them)"
                        : "the trace has no allocation counters: capture with "
                          "`golden capture --track-alloc` (static and setuid programs cannot "
                          "be counted)";
      }
      return r;
    }
    if (m.missing > 0)
      r.details.push_back(
          fmt::format("run {}: {} process(es) without a peak RSS figure, not counted", t->run.index,
                      m.missing));
    b.current.push_back(combine(s, m));
    if (c.runs.size() == 1) {
      std::vector<ProcessPeak> top = m.peaks;
      std::sort(top.begin(), top.end(),
                [](const ProcessPeak& x, const ProcessPeak& y) { return x.bytes > y.bytes; });
      std::string line = fmt::format("{} process(es); largest:", top.size());
      for (std::size_t i = 0; i < top.size() && i < 3; ++i)
        line +=
            fmt::format("{} {} {}", i == 0 ? "" : ",",
                        describe_process(filter->names(), top[i].pid), format_bytes(top[i].bytes));
      r.details.push_back(line);
      if (!rss) {
        std::uint64_t calls = 0, bytes = 0;
        for (const ProcessAllocations& p : allocations_by_process(*t))
          if (filter->selects(p.pid)) calls += p.calls, bytes += p.bytes;
        r.details.push_back(fmt::format("{} allocation/free calls, {} requested in all", calls,
                                        format_bytes(static_cast<double>(bytes))));
      }
    }
  }
  if (s.regression.max_regression_percent && !c.baseline_runs.empty()) {
    std::vector<double> base;
    for (const Trace* t : c.baseline_runs) {
      auto filter = ProcessFilter::make(*t, s.process_name_pattern);
      if (!filter) continue;
      const Measured m = measure(*t, s, *filter);
      if (!m.peaks.empty()) base.push_back(combine(s, m));
    }
    if (!base.empty())
      b.baseline = std::move(base);
    else
      r.details.push_back("the baseline has no figure to compare with");
  }
  b.max = s.max_bytes ? std::optional<double>(static_cast<double>(*s.max_bytes)) : std::nullopt;
  b.max_regression_percent = s.regression.max_regression_percent;
  judge_budget(a, b, r);
  return r;
}

}  // namespace golden::detail
