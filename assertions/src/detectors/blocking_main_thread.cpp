// BlockingMainThread: one call holding a process's main thread for a long time while
// other threads or processes run (confidence rule in detectors.hpp).
#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

#include "detector_list.hpp"
#include "detector_util.hpp"
#include "golden/syscalls/families.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden::detail {
namespace {

constexpr Nanos kHalfDuration = std::chrono::milliseconds(50);  // d/(d+50ms)
constexpr Nanos kMinDuration = std::chrono::milliseconds(5);    // shorter calls are not findings
constexpr double kMinConfidence = 0.05;

// Waits for the program's own workers or for its own event loop to have work: the
// design, not the anti-pattern. (An event loop idles in poll/epoll by construction.)
// Exits, execs and spawns wait for the kernel, on the program's own behalf.
bool own_wait(std::string_view name) {
  using syscalls::Family;
  const SyscallInfo* info = syscall_by_name(name);
  return syscalls::has_any_family(name, {Family::Wait, Family::Exec, Family::Spawn}) ||
         (info != nullptr && info->never_returns);
}

struct Span {
  Nanos start{0}, end{0};
  bool overlaps(Nanos s, Nanos e) const { return start < e && end > s; }
};

class BlockingMainThread final : public Detector {
 public:
  std::string_view name() const override { return "BlockingMainThread"; }
  std::string_view description() const override {
    return "one call blocking the main thread for long while other threads/processes wait or work";
  }
  Result<DetectorResult> detect(const Trace& trace, std::uint32_t run,
                                const DetectorOptions& options) const override {
    auto filter = ProcessFilter::make(trace, options.process_name_pattern);
    if (!filter) return filter.error();
    DetectorResult out;

    // Every thread's active span (first event to last), and every process's lifetime.
    std::unordered_map<Tid, Span> threads;
    std::unordered_map<Tid, Pid> owner;
    for (const Event& e : trace.events) {
      auto [it, fresh] = threads.try_emplace(e.tid, Span{e.start, e.end()});
      if (!fresh)
        it->second.start = std::min(it->second.start, e.start),
        it->second.end = std::max(it->second.end, e.end());
      owner[e.tid] = e.pid;
    }
    std::unordered_map<Pid, const ProcessInfo*> info;
    for (const ProcessInfo& p : trace.processes) info[p.pid] = &p;
    if (trace.processes.size() < 2 && threads.size() < 2) {
      out.applicable = false;
      out.not_applicable_reason = "a single-threaded, single-process run: nothing else to hold up";
      return out;
    }
    auto lifetime = [&](Pid pid) -> Span {
      if (auto it = info.find(pid); it != info.end() && it->second->end > it->second->start)
        return {it->second->start, it->second->end};
      if (auto it = threads.find(Tid{pid.value}); it != threads.end()) return it->second;
      return {};
    };
    auto ancestors = [&](Pid pid) {
      std::unordered_set<std::int32_t> out_set;
      for (int hops = 0; hops < 4096; ++hops) {
        auto it = info.find(pid);
        if (it == info.end() || it->second->parent.value == 0) break;
        pid = it->second->parent;
        if (!out_set.insert(pid.value).second) break;
      }
      return out_set;
    };
    // Calls woken by another traced thread (a worker's pipe write, a child's exit).
    std::unordered_set<Seq> woken_by_others;
    for (const Edge& edge : trace.edges)
      if (edge.from < trace.events.size() && edge.to < trace.events.size() &&
          trace.events[edge.from].tid != trace.events[edge.to].tid)
        woken_by_others.insert(edge.to);

    for (const Event& e : trace.events) {
      if (e.kind != EventKind::Syscall || e.tid.value != e.pid.value || !e.finished) continue;
      if (e.duration < kMinDuration || own_wait(e.name) || woken_by_others.contains(e.seq))
        continue;
      if (!filter->selects(e.pid)) continue;
      const Nanos s = e.start, end = e.end();
      std::size_t other_threads = 0, other_processes = 0;
      for (const auto& [tid, span] : threads)
        if (tid.value != e.tid.value && owner[tid] == e.pid && span.overlaps(s, end))
          ++other_threads;
      const auto up = ancestors(e.pid);
      for (const ProcessInfo& p : trace.processes) {
        if (p.pid == e.pid || up.contains(p.pid.value)) continue;  // ancestors wait for us
        if (lifetime(p.pid).overlaps(s, end)) ++other_processes;
      }
      if (other_threads + other_processes == 0) continue;
      const Span life = lifetime(e.pid);
      const double d = static_cast<double>(e.duration.count());
      const double L = std::max(static_cast<double>((life.end - life.start).count()), d);
      Finding f;
      f.confidence =
          saturate(d, static_cast<double>(kHalfDuration.count())) * std::min(1.0, 2 * d / L);
      if (f.confidence < kMinConfidence) continue;
      f.count = 1;
      f.run = run;
      f.pid = e.pid;
      f.tid = e.tid;
      f.fd = fd_label(e);
      if (const Arg* p = first_arg(e, ArgKind::Path); p != nullptr) f.path = p->str;
      f.first_seq = e.seq;
      f.last_seq = e.seq;
      f.summary = fmt::format(
          "the main thread blocked {:.3g} ms in {}{} ({:.0f}% of the process's {:.3g} ms) while {} "
          "other thread(s) and {} other process(es) ran",
          d / 1e6, e.name, f.fd.empty() ? (f.path.empty() ? "" : " " + f.path) : " on fd " + f.fd,
          100 * d / L, L / 1e6, other_threads, other_processes);
      f.why =
          "while the main thread is stuck in one call it cannot serve its event loop, signals "
          "or the threads waiting on it; move the call to a worker, make it non-blocking, or "
          "bound it with a timeout";
      describe_where(f, filter->names());
      out.findings.push_back(std::move(f));
    }
    sort_findings(out.findings);
    return out;
  }
};

}  // namespace

const Detector& blocking_main_thread_detector() {
  static const BlockingMainThread d;
  return d;
}

}  // namespace golden::detail
