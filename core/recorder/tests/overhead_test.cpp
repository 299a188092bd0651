// Per-syscall cost of a full capture: a getppid loop untraced, under capture(), and
// under `strace -f -o FILE` (when installed). Wall time on this shared machine is noisy
// (scheduling dominates a ptrace stop), so the check is on CPU time of tracer + tracee,
// which counts the work each tracer does per stop; both figures are printed.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "recorder_harness.hpp"

namespace golden::test {
namespace {

// Counts instead of storing: the recorder's own cost, not a growing vector's.
class CountingSink final : public TraceSink {
 public:
  void begin_run(const RunInfo&) override {}
  void event(const Event& e) override { getppids += e.name == "getppid" && e.finished; }
  void process(const ProcessInfo&) override {}
  void edge(const Edge&) override {}
  void end_run(const RunInfo&) override {}
  std::uint64_t getppids = 0;
};

double cpu_of(const rusage& r) {
  return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
         static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) * 1e-6;
}

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Cost {
  double wall = 1e9;
  double cpu = 1e9;  // tracer + tracee
};

// Runs argv to completion; its wall time and the CPU time of it and its descendants.
std::optional<Cost> run_process(const std::vector<std::string>& argv) {
  const double start = now_s();
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  rusage ru{};
  ::wait4(pid, &status, 0, &ru);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return Cost{now_s() - start, cpu_of(ru)};
}

TEST(Overhead, GetppidLoopAgainstStrace) {
  const int n = 20000;
  const std::string loop = program("getppid_loop");
  const std::string count = std::to_string(n);
  Cost untraced, ours, strace;
  bool have_strace = false;
  // Interleaved repetitions, best of each: the machine is shared and noisy.
  for (int rep = 0; rep < 5; ++rep) {
    if (auto c = run_process({loop, count})) {
      untraced.wall = std::min(untraced.wall, c->wall);
      untraced.cpu = std::min(untraced.cpu, c->cpu);
    }
    CountingSink sink;
    CaptureOptions o;
    o.command = {loop, count};
    rusage self0{}, kids0{}, self1{}, kids1{};
    ::getrusage(RUSAGE_THREAD, &self0);  // capture() traces from the calling thread
    ::getrusage(RUSAGE_CHILDREN, &kids0);
    const double start = now_s();
    auto out = capture(o, sink);
    const double wall = now_s() - start;
    ::getrusage(RUSAGE_THREAD, &self1);
    ::getrusage(RUSAGE_CHILDREN, &kids1);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(sink.getppids, static_cast<std::uint64_t>(n));
    ours.wall = std::min(ours.wall, wall);
    ours.cpu = std::min(ours.cpu, cpu_of(self1) - cpu_of(self0) + cpu_of(kids1) - cpu_of(kids0));
    if (auto c = run_process({"strace", "-f", "-o", "/tmp/golden-recorder-strace.out", loop, count})) {
      have_strace = true;
      strace.wall = std::min(strace.wall, c->wall);
      strace.cpu = std::min(strace.cpu, c->cpu);
    }
  }
  ::unlink("/tmp/golden-recorder-strace.out");
  std::printf("getppid x %d: untraced %.1f ms; capture %.1f ms wall (%.1f us/syscall), %.1f ms cpu",
              n, untraced.wall * 1e3, ours.wall * 1e3, (ours.wall - untraced.wall) * 1e6 / n,
              ours.cpu * 1e3);
  if (!have_strace) {
    std::printf("; strace not installed\n");
    return;
  }
  std::printf("; strace -f -o FILE %.1f ms wall (%.1f us/syscall), %.1f ms cpu; ratio wall %.2f, cpu %.2f\n",
              strace.wall * 1e3, (strace.wall - untraced.wall) * 1e6 / n, strace.cpu * 1e3,
              ours.wall / strace.wall, ours.cpu / strace.cpu);
  // strace makes 3 syscalls per stop plus a write per line; the recorder 2 per stop
  // (wait4, PTRACE_GET_SYSCALL_INFO) plus the resume, and no /proc look-ups: measured
  // 0.75-0.85 of strace's CPU. The bound is loose because CPU accounting of ptrace
  // round trips inflates under contention; a per-syscall /proc read would break it.
  EXPECT_LT(ours.cpu, 2.0 * strace.cpu);
}

}  // namespace
}  // namespace golden::test
