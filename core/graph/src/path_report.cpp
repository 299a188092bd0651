#include "golden/graph/path_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "event_summary.hpp"

namespace golden {
namespace {

std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "-";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string process_label(Pid pid, const std::string& name) {
  return fmt::format("{} {}", pid.value, name.empty() ? "?" : name);
}

}  // namespace

std::string format_duration(Nanos d) {
  const std::int64_t ns = d.count();
  const double v = static_cast<double>(ns);
  const std::int64_t mag = ns < 0 ? -ns : ns;
  if (mag < 1000) return fmt::format("{} ns", ns);
  if (mag < 1000'000) return fmt::format("{:.1f} us", v / 1e3);
  if (mag < 1000'000'000) return fmt::format("{:.1f} ms", v / 1e6);
  return fmt::format("{:.2f} s", v / 1e9);
}

std::string format_critical_path(const Trace& trace, const CriticalPath& path) {
  std::string out;
  std::unordered_map<Pid, std::string> names;
  for (const ProcessShare& s : path.shares) names.emplace(s.pid, s.name);

  constexpr std::size_t kEventWidth = 60;
  std::vector<std::string> events;
  std::size_t proc_width = 7, event_width = 5;
  for (const PathStep& step : path.steps) {
    proc_width = std::max(proc_width, process_label(step.pid, names[step.pid]).size());
    events.push_back(short_event(trace.events.at(step.seq), 20, kEventWidth));
    event_width = std::max(event_width, events.back().size());
  }
  proc_width = std::min<std::size_t>(proc_width, 24);

  out += fmt::format("{:>8}  {:<7}  {:<{}}  {:<{}}  {:>12}  {:>12}\n", "seq", "via", "process",
                     proc_width, "event", event_width, "start (s)", "contribution");
  for (std::size_t i = 0; i < path.steps.size(); ++i) {
    const PathStep& step = path.steps[i];
    std::string label = process_label(step.pid, names[step.pid]);
    if (label.size() > proc_width) label.resize(proc_width);
    out += fmt::format("{:>8}  {:<7}  {:<{}}  {:<{}}  {:>12.6f}  {:>12}\n", step.seq,
                       step.via ? to_string(*step.via) : "start", label, proc_width, events[i],
                       event_width, static_cast<double>(trace.events[step.seq].start.count()) / 1e9,
                       format_duration(step.contribution));
  }

  out += fmt::format("critical path: {} of {} wall time ({}), {} events\n",
                     format_duration(path.total), format_duration(path.wall_time),
                     percent(path.total.count(), path.wall_time.count()), path.steps.size());
  if (!path.exact)
    out += "note: the path may not be the longest: a frontier cap dropped candidate paths\n";

  if (!path.shares.empty()) {
    out += "per process:\n";
    for (const ProcessShare& s : path.shares)
      out += fmt::format("  {:<{}}  {:>10}  {:>6}\n", process_label(s.pid, s.name), proc_width,
                         format_duration(s.time), fmt::format("{:.1f}%", 100.0 * s.fraction));
  }
  if (!path.counters.empty()) {
    out += "anomalies:";
    for (const auto& [name, count] : path.counters) out += fmt::format(" {}={}", name, count);
    out += "\n";
  }
  return out;
}

}  // namespace golden
