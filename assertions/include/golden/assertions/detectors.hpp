// Anti-pattern detectors (SPEC §6, `type = "anti_pattern"`). Each one scans a run and
// returns findings with a confidence in 0..1; the assertion fires when a finding reaches
// its `threshold`. Confidence rules (docs/assertions.md has the worked numbers):
//
// TightLoop — busy polling. In each thread, a *streak* is a sequence of no-progress
//   calls (read/recv/accept... failing with EAGAIN, a read returning 0, poll/select/
//   epoll_wait with a zero timeout returning 0, wait4/waitid with WNOHANG returning 0,
//   sched_yield), uninterrupted except by clock reads; any other call ends it.
//     confidence = n / (n + 200)      n = no-progress calls in the streak
//   so 1,000 repeats give 0.83 and 4,000 give 0.95; a handful of EAGAINs while draining
//   a non-blocking fd stays below 0.05.
//
// GodProcess — one process holds most of the critical path of a multi-process run.
//   cp   = the process's share of the critical path (golden::graph, elapsed time along
//          the chain: include_user_time), from CriticalPath::shares;
//   work = its share of the work of all processes (user+system CPU time from rusage
//          when every process has it, else time spent in syscalls other than waits);
//     confidence = clamp((min(cp, work) - 0.5) / 0.45, 0, 1)
//   Both shares must be high: in a balanced parallel run the path goes through one
//   worker (cp high) but that worker did a fraction of the work (work low).
//   Not applicable with fewer than two processes.
//
// PcieBottleneck — on user spans named as transfers (memcpy, h2d, d2h, upload, transfer,
//   dma, ...) or kernels (kernel, launch, compute, ...). With T = time covered by transfer
//   spans and not overlapped by any kernel span, and U = time covered by transfer or
//   kernel spans (interval unions: nothing counted twice; copies hidden behind kernels
//   cost nothing):
//     confidence = clamp((T / U - 0.5) / 0.4, 0, 1)
//   i.e. transfers exposed more than half of the time start to count, 90% is certain.
//   Not applicable when the trace has no transfer span.
//
// UnbufferedIO — many tiny reads/writes on one fd. Per (process, fd): n = successful
//   read/write-family calls moving 1..64 bytes, f = n / all successful calls on it:
//     confidence = f * n / (n + 200)
//   1,000 one-byte writes give 0.83; a CLI printing 20 lines gives 0.09. eventfd,
//   timerfd, signalfd and inotify fds (fixed-size records by design) are skipped.
//
// RedundantIO — the same path opened or stat-ed over and over. Per (process, path):
//   n = successful open/stat/access calls on it with no change to the path in between
//   (a write through an fd on it, truncate, rename, unlink, chmod restart the count):
//     confidence = e / (e + 30)       e = max(0, n - 2): opening a file twice is normal
//   so 100 opens give 0.77 and 10 give 0.21.
//
// RetryStorm — the same failing call repeated. Per (process, syscall, errno, target
//   path/fd/endpoint): n = failures not interrupted by a success of that call on that
//   target (EAGAIN, EINTR and EINPROGRESS are TightLoop's or normal, not counted):
//     confidence = (n - 1) / (n - 1 + 20)
//   so 100 identical ENOENTs give 0.83 and 5 give 0.17.
//
// BlockingMainThread — one call blocking a process's main thread (tid == pid) for long
//   while other threads of the process, or other processes that are not its waiting
//   ancestors, are alive. Waits for its own workers are not blocking on the outside
//   (wait4/waitid, futex, and calls woken by an edge from another traced thread are
//   skipped). With d = the call's duration and L = the process's lifetime:
//     confidence = d / (d + 50 ms) * min(1, 2 d / L)
//   so a 1 s read in a 1.2 s process gives 0.95, a 20 ms stat gives < 0.3.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"

namespace golden {

struct Finding {
  double confidence = 0;    // 0..1
  std::string summary;      // what: "read on fd 3 returned EAGAIN 4000 times in a row"
  std::string where;        // "run 0, pid 12 (poller), tid 12, fd 3 (pipe:[77]), seq 40..4039"
  std::string why;          // why it matters and what to do
  std::uint64_t count = 0;  // how many calls/events make up the finding
  std::uint32_t run = 0;
  std::optional<Pid> pid;
  std::optional<Tid> tid;
  std::optional<Seq> first_seq;
  std::optional<Seq> last_seq;
  std::string fd;  // "3 (pipe:[77])"
  std::string path;
};

struct DetectorOptions {
  std::string process_name_pattern;  // regex (search) over process names; "" = all
  std::string transfer_pattern;      // PcieBottleneck overrides; "" = built-in names
  std::string kernel_pattern;
};

struct DetectorResult {
  bool applicable = true;
  std::string not_applicable_reason;  // when !applicable
  std::vector<Finding> findings;      // highest confidence first
};

class Detector {
 public:
  virtual ~Detector() = default;
  virtual std::string_view name() const = 0;
  // The one-line description shown in docs and --help.
  virtual std::string_view description() const = 0;
  // Errors: the trace cannot answer (e.g. the causal graph cannot be built).
  virtual Result<DetectorResult> detect(const Trace& trace, std::uint32_t run,
                                        const DetectorOptions& options) const = 0;
};

// nullptr for an unknown name (exact, case-sensitive as in renacer).
const Detector* find_detector(std::string_view name);
std::vector<std::string_view> detector_names();

}  // namespace golden
