// GodProcess: one process holds most of the critical path of a multi-process run and did
// most of the work (confidence rule in detectors.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "detector_list.hpp"
#include "detector_util.hpp"
#include "golden/graph/critical_path.hpp"
#include "golden/syscalls/families.hpp"

namespace golden::detail {
namespace {

// Calls that wait for someone else: time in them is not the process's own work.
bool waits(std::string_view name) {
  return syscalls::has_any_family(name, {syscalls::Family::Wait, syscalls::Family::Sleep}) ||
         name == "sched_yield";
}

struct Work {
  std::unordered_map<Pid, double> by_pid;  // seconds
  double total = 0;
  bool cpu = false;  // from rusage CPU times (else syscall time)
};

Work work_of(const Trace& trace, const ProcessFilter& filter) {
  Work w;
  w.cpu = true;
  for (const ProcessInfo& p : trace.processes)
    if (filter.selects(p.pid) && (!p.user_time || !p.system_time)) w.cpu = false;
  if (w.cpu) {
    for (const ProcessInfo& p : trace.processes) {
      if (!filter.selects(p.pid)) continue;
      const double s = static_cast<double>((*p.user_time + *p.system_time).count()) / 1e9;
      w.by_pid[p.pid] += s;
      w.total += s;
    }
  }
  // Without rusage for everyone (or with none of it measurable), time in syscalls that
  // do not wait for others stands in for work.
  if (!w.cpu || w.total <= 0) {
    w = Work{};
    for (const Event& e : trace.events) {
      if (e.kind != EventKind::Syscall || !filter.selects(e.pid) || waits(e.name)) continue;
      const double s = static_cast<double>(e.duration.count()) / 1e9;
      w.by_pid[e.pid] += s;
      w.total += s;
    }
  }
  return w;
}

class GodProcess final : public Detector {
 public:
  std::string_view name() const override { return "GodProcess"; }
  std::string_view description() const override {
    return "one process holds most of the critical path of a multi-process run";
  }
  Result<DetectorResult> detect(const Trace& trace, std::uint32_t run,
                                const DetectorOptions& options) const override {
    auto filter = ProcessFilter::make(trace, options.process_name_pattern);
    if (!filter) return filter.error();
    DetectorResult out;
    std::size_t processes = 0;
    for (const ProcessInfo& p : trace.processes) processes += filter->selects(p.pid) ? 1 : 0;
    if (processes < 2) {
      out.applicable = false;
      out.not_applicable_reason =
          fmt::format("a single-process run ({} process selected)", processes);
      return out;
    }
    // Elapsed time along the chain: a process computing between its calls holds the
    // path as surely as one blocked inside them. Lenient on Lamport damage: a detector
    // should still say something about a partly inconsistent trace.
    auto path = critical_path(
        trace, {.process_name_pattern = options.process_name_pattern, .count_user_time = true},
        {.reject_lamport_violations = false});
    if (!path) return path.error();
    if (path->shares.empty() || path->total.count() == 0) return out;
    const ProcessShare& top = path->shares.front();
    const Work work = work_of(trace, *filter);
    double work_share = 0;
    if (auto it = work.by_pid.find(top.pid); it != work.by_pid.end() && work.total > 0)
      work_share = it->second / work.total;
    const double dominance = std::min(top.fraction, work_share);

    Finding f;
    f.confidence = clamp01((dominance - 0.5) / 0.45);
    f.run = run;
    f.pid = top.pid;
    f.count = processes;
    f.summary = fmt::format(
        "{} holds {:.0f}% of the critical path ({} of {}) and did {:.0f}% of the work ({}) of "
        "{} processes",
        describe_process(filter->names(), top.pid), 100 * top.fraction,
        fmt::format("{:.3g} ms", static_cast<double>(top.time.count()) / 1e6),
        fmt::format("{:.3g} ms", static_cast<double>(path->total.count()) / 1e6), 100 * work_share,
        work.cpu ? "CPU time" : "time in non-waiting syscalls", processes);
    f.why =
        "the other processes contribute little while this one serialises the run: its work "
        "could be split across them (or the extra processes are overhead for nothing)";
    describe_where(f, filter->names());
    out.findings.push_back(std::move(f));
    return out;
  }
};

}  // namespace

const Detector& god_process_detector() {
  static const GodProcess d;
  return d;
}

}  // namespace golden::detail
