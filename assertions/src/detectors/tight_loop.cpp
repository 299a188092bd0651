// TightLoop: busy polling — a thread repeating a non-blocking call that makes no
// progress (confidence rule in detectors.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <map>

#include "detector_list.hpp"
#include "detector_util.hpp"
#include "golden/syscalls/families.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden::detail {
namespace {

constexpr double kHalfConfidence = 200;   // no-progress calls for confidence 0.5
constexpr std::uint64_t kMinStreak = 10;  // shorter streaks are not worth a finding

using syscalls::Family;
using syscalls::has_any_family;
using syscalls::has_family;

// Calls that fail with EAGAIN instead of waiting (O_NONBLOCK, MSG_DONTWAIT, RWF_NOWAIT).
bool may_eagain(std::string_view name) {
  return has_any_family(
      name, {Family::Read, Family::Write, Family::Receive, Family::Send, Family::Accept});
}
// Calls whose 0 return means end of file (a batch of messages returns a message count).
bool returns_eof(std::string_view name) {
  return has_any_family(name, {Family::Read, Family::Receive}) &&
         !has_family(name, Family::MultiMessage);
}
// A poll-like call's timeout: milliseconds in an int (poll, epoll_wait) or a struct
// (ppoll, select...), as the syscall table decodes it.
struct PollTimeout {
  std::string_view name;
  bool in_ms = false;
};
PollTimeout poll_timeout(std::string_view call) {
  const SyscallInfo* info = syscall_by_name(call);
  for (std::size_t i = 0; i < info->nargs; ++i) {
    const ArgSpec& a = info->args[i];
    if (a.name == "timeout" || a.name == "tmo_p") return {a.name, a.type == ArgType::Int};
  }
  return {};
}
bool zero_timespec(const Arg* a) {
  if (a == nullptr) return false;
  // Decoded as "{tv_sec=0, tv_nsec=0}" (or tv_usec for select's timeval).
  return a->text.find("tv_sec=0,") != std::string::npos &&
         (a->text.find("tv_nsec=0}") != std::string::npos ||
          a->text.find("tv_usec=0}") != std::string::npos);
}

// Why a call made no progress ("" when it did): the key of its signature.
std::string no_progress(const Event& e) {
  if (e.kind != EventKind::Syscall || !e.finished) return {};
  if (may_eagain(e.name) && e.err == EAGAIN) return "EAGAIN";
  if (returns_eof(e.name) && !e.failed() && e.ret == 0) {
    // A zero-length request is not a poll of an empty source.
    const Arg* count = arg_named(e, "count");
    if (count == nullptr || count->raw != 0) return "EOF";
  }
  if (has_family(e.name, Family::Poll) && !e.failed() && e.ret == 0) {
    const PollTimeout spec = poll_timeout(e.name);
    const Arg* timeout = arg_named(e, spec.name);
    if (spec.in_ms ? timeout != nullptr && timeout->raw == 0 : zero_timespec(timeout))
      return "timeout0";
  }
  if (has_family(e.name, Family::ChildWait) && !e.failed() && e.ret == 0) {
    const Arg* options = arg_named(e, "options");
    if (options != nullptr && (options->raw & 1) != 0) return "WNOHANG";  // WNOHANG == 1
  }
  if (e.name == "sched_yield") return "yield";
  if (has_family(e.name, Family::Sleep) &&
      zero_timespec(arg_named(e, e.name == "nanosleep" ? "req" : "t")))
    return "sleep0";
  return {};
}

std::string describe_signature(const std::string& name, const std::string& why,
                               const std::string& fd) {
  const std::string on = fd.empty() ? "" : " on fd " + fd;
  if (why == "EAGAIN") return fmt::format("{}{} failed with EAGAIN", name, on);
  if (why == "EOF") return fmt::format("{}{} returned 0 (end of file)", name, on);
  if (why == "timeout0") return fmt::format("{}{} with a zero timeout returned 0", name, on);
  if (why == "WNOHANG") return fmt::format("{}(WNOHANG) returned 0 (no child had exited)", name);
  if (why == "sleep0") return fmt::format("{} for 0 ns", name);
  return name;
}

struct Streak {
  std::uint64_t calls = 0;    // no-progress calls
  std::uint64_t clock_reads = 0;  // in between (deadline checks)
  const Event* first = nullptr;
  const Event* last = nullptr;
  // (name, why, fd) -> count
  std::map<std::tuple<std::string, std::string, std::string>, std::uint64_t> signatures;
};

Finding make_finding(const Streak& s, std::uint32_t run, const ProcessNames& names) {
  Finding f;
  f.confidence = saturate(static_cast<double>(s.calls), kHalfConfidence);
  f.count = s.calls;
  f.run = run;
  f.pid = s.first->pid;
  f.tid = s.first->tid;
  f.first_seq = s.first->seq;
  f.last_seq = s.last->seq;
  std::vector<std::pair<std::uint64_t, std::string>> parts;
  std::string top_fd;
  std::uint64_t top_n = 0;
  for (const auto& [key, n] : s.signatures) {
    const auto& [name, why, fd] = key;
    parts.emplace_back(n, describe_signature(name, why, fd));
    if (n > top_n) top_n = n, top_fd = fd;
  }
  std::sort(parts.rbegin(), parts.rend());
  f.fd = top_fd;
  const double ms = static_cast<double>((s.last->end() - s.first->start).count()) / 1e6;
  std::string what = fmt::format("{} {} times", parts.front().second, parts.front().first);
  for (std::size_t i = 1; i < parts.size() && i < 3; ++i)
    what += fmt::format(", {} {} times", parts[i].second, parts[i].first);
  f.summary = fmt::format(
      "busy polling: {} in a row ({} calls without progress in {:.3g} ms, {:.0f} per ms{})", what,
      s.calls, ms, ms > 0 ? static_cast<double>(s.calls) / ms : 0.0,
      s.clock_reads > 0 ? fmt::format(", {} clock reads in between", s.clock_reads) : "");
  f.why =
      "the thread spins on a call that cannot succeed yet, burning a CPU and the tracer's "
      "time without progress; block instead (poll/epoll_wait with a timeout, a blocking fd, "
      "or waiting on the event that makes progress possible)";
  describe_where(f, names);
  return f;
}

class TightLoop final : public Detector {
 public:
  std::string_view name() const override { return "TightLoop"; }
  std::string_view description() const override {
    return "busy polling: the same non-blocking call repeated without progress";
  }
  Result<DetectorResult> detect(const Trace& trace, std::uint32_t run,
                                const DetectorOptions& options) const override {
    auto filter = ProcessFilter::make(trace, options.process_name_pattern);
    if (!filter) return filter.error();
    DetectorResult out;
    for (const auto& [tid, events] : events_by_thread(trace, *filter)) {
      Streak streak;
      auto close = [&] {
        if (streak.calls >= kMinStreak)
          out.findings.push_back(make_finding(streak, run, filter->names()));
        streak = Streak{};
      };
      for (const Event* e : events) {
        if (e->kind != EventKind::Syscall) continue;  // markers and signals are not calls
        const std::string why = no_progress(*e);
        if (why.empty()) {
          if (has_family(e->name,
                         Family::ClockRead)) {  // a deadline check: not the end of a streak
            if (streak.calls > 0) ++streak.clock_reads;
            continue;
          }
          close();
          continue;
        }
        if (streak.calls == 0) streak.first = e;
        streak.last = e;
        ++streak.calls;
        ++streak.signatures[{e->name, why, fd_label(*e)}];
      }
      close();
    }
    sort_findings(out.findings);
    return out;
  }
};

}  // namespace

const Detector& tight_loop_detector() {
  static const TightLoop d;
  return d;
}

}  // namespace golden::detail
