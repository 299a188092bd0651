// RetryStorm: the same call failing the same way on the same target, again and again
// (confidence rule in detectors.hpp).
#include <fmt/format.h>

#include <cerrno>
#include <map>
#include <set>

#include "detector_list.hpp"
#include "detector_util.hpp"
#include "golden/syscalls/abi_names.hpp"

namespace golden::detail {
namespace {

constexpr double kHalfConfidence = 20;  // repeats for confidence 0.5
constexpr std::uint64_t kMinFailures = 3;

// Not failures worth a storm: busy polling (TightLoop's), interrupted calls, and
// a non-blocking connect in progress.
bool ignored(int err) {
  return err == EAGAIN || err == EINTR || err == EINPROGRESS || err == EALREADY;
}

// What the call was about: its path, endpoint or the file behind its fd.
std::string target(const Event& e) {
  if (const Arg* p = first_arg(e, ArgKind::Path); p != nullptr && !p->str.empty()) return p->str;
  if (const Arg* s = first_arg(e, ArgKind::Sockaddr); s != nullptr && !s->str.empty())
    return s->str;
  if (const Arg* fd = first_arg(e, ArgKind::Fd); fd != nullptr)
    return fd->str.empty() ? fmt::format("fd {}", fd->raw) : fd->str;
  return {};
}

struct Storm {
  std::uint64_t current = 0;
  Seq current_first = 0;
  std::uint64_t best = 0;
  Seq best_first = 0, best_last = 0;
  std::set<std::int32_t> pids;
  Pid first_pid;
  Tid first_tid;
  Nanos start{0}, end{0};
};

class RetryStorm final : public Detector {
 public:
  std::string_view name() const override { return "RetryStorm"; }
  std::string_view description() const override {
    return "the same failing call repeated (e.g. an ENOENT storm)";
  }
  Result<DetectorResult> detect(const Trace& trace, std::uint32_t run,
                                const DetectorOptions& options) const override {
    auto filter = ProcessFilter::make(trace, options.process_name_pattern);
    if (!filter) return filter.error();
    // Keyed by process *name* (the pid when unnamed), so a loop re-spawning a program
    // that fails once each time is one storm, as is a loop inside one process.
    auto who = [&](Pid pid) {
      const std::string& n = filter->names().name(pid);
      return n.empty() ? fmt::format("pid {}", pid.value) : n;
    };
    using CallKey = std::tuple<std::string, std::string, std::string>;  // who, syscall, target
    std::map<std::pair<CallKey, int>, Storm> storms;
    for (const Event& e : trace.events) {
      if (e.kind != EventKind::Syscall || !filter->selects(e.pid)) continue;
      const CallKey call{who(e.pid), e.name, target(e)};
      if (!e.failed()) {
        // A success ends every storm of this call on this target.
        for (auto it = storms.lower_bound({call, 0}); it != storms.end() && it->first.first == call;
             ++it)
          it->second.current = 0;
        continue;
      }
      if (ignored(e.err)) continue;
      Storm& s = storms[{call, e.err}];
      if (s.current == 0) s.current_first = e.seq;
      if (s.best == 0) s.first_pid = e.pid, s.first_tid = e.tid, s.start = e.start;
      ++s.current;
      s.pids.insert(e.pid.value);
      s.end = e.end();
      if (s.current > s.best)
        s.best = s.current, s.best_first = s.current_first, s.best_last = e.seq;
    }
    DetectorResult out;
    for (const auto& [key, s] : storms) {
      if (s.best < kMinFailures) continue;
      const auto& [call, err] = key;
      const auto& [process, syscall, what] = call;
      Finding f;
      f.confidence = saturate(static_cast<double>(s.best - 1), kHalfConfidence);
      f.count = s.best;
      f.run = run;
      f.pid = s.first_pid;
      f.tid = s.first_tid;
      f.path = what;
      f.first_seq = s.best_first;
      f.last_seq = s.best_last;
      f.summary = fmt::format("{}{} failed with {} {} times in a row{}", syscall,
                              what.empty() ? "" : " " + what, errno_name(err), s.best,
                              s.pids.size() > 1
                                  ? fmt::format(" across {} '{}' processes", s.pids.size(), process)
                                  : "");
      f.why =
          "repeating a call that keeps failing the same way wastes time and usually hides a "
          "bug (a wrong path, a missing service, a retry loop without back-off or limit); "
          "check once, fix the cause, or back off";
      describe_where(f, filter->names());
      out.findings.push_back(std::move(f));
    }
    sort_findings(out.findings);
    return out;
  }
};

}  // namespace

const Detector& retry_storm_detector() {
  static const RetryStorm d;
  return d;
}

}  // namespace golden::detail
