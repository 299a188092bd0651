// CPU pinning (core/recorder/src/cpu_pin.hpp): a launched program runs on the
// recorder's CPU, and what it reads of its CPU set is what it would read untraced —
// from the process, a thread, a child, with and without -e filtering — while a set the
// program chooses itself is honoured. /proc/PID/status shows the pinning (documented,
// not hidden); --no-pin leaves the inherited set alone. The program is
// testdata/programs/affinity.c (its exact-output and strace-count checks run with the
// other programs in parity_test.cpp and strace_conformance_test.cpp).
#include <gtest/gtest.h>
#include <sched.h>
#include <signal.h>

#include <string>
#include <vector>

#include "golden_cli.hpp"
#include "test_support_names.hpp"

namespace golden::e2e {
namespace {

struct Report {
  std::string status_at_start;         // "Cpus_allowed_list ..." line at start
  std::vector<std::string> seen;       // every other line: what the program read
};

Report parse_report(const std::string& out) {
  Report r;
  for (const std::string& line : split_lines(out)) {
    if (line.rfind("status at start: ", 0) == 0)
      r.status_at_start = line;
    else
      r.seen.push_back(line);
  }
  return r;
}

int allowed_cpus() {
  cpu_set_t set;
  return ::sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
}

class CpuPin : public ::testing::Test {
 protected:
  Report untraced() {
    RunResult r = run({tracee("affinity"), "report"});
    EXPECT_EQ(r.status(), 0) << r.describe();
    return parse_report(r.out);
  }
  Report traced(const std::vector<std::string>& options) {
    RunResult r = capture(dir_.file("t.json"), {tracee("affinity"), "report"}, options);
    EXPECT_EQ(r.status(), 0) << r.describe();
    return parse_report(r.out);
  }
  TempDir dir_;
};

TEST_F(CpuPin, TheProgramReadsTheCpuSetItWouldHaveUntraced) {
  const Report plain = untraced();
  ASSERT_EQ(plain.seen.size(), 7u) << ::testing::PrintToString(plain.seen);
  for (const auto& options : std::vector<std::vector<std::string>>{
           {}, {"-e", "trace=write"}, {"-e", "trace=%process"}, {"--no-pin"}}) {
    const Report t = traced(options);
    // Includes the set after the program pinned itself and restored it: its own
    // choice, which golden leaves in force (the kernel's view agrees at the end).
    EXPECT_EQ(t.seen, plain.seen) << ::testing::PrintToString(options);
  }
}

TEST_F(CpuPin, TheKernelRunsThePinnedProgramOnOneCpu) {
  if (allowed_cpus() < 2) GTEST_SKIP() << "one CPU: nothing to pin";
  const Report plain = untraced();
  EXPECT_EQ(traced({}).status_at_start.find(','), std::string::npos);
  const std::string pinned = traced({}).status_at_start;
  EXPECT_NE(pinned, plain.status_at_start);
  // One CPU: "Cpus_allowed_list N", no range or list.
  EXPECT_EQ(pinned.find_first_of(",-", pinned.find("list ")), std::string::npos) << pinned;
  EXPECT_EQ(traced({"--no-pin"}).status_at_start, plain.status_at_start);
}

// Attached processes keep their CPU set: golden did not start them.
TEST_F(CpuPin, AttachLeavesTheCpuSetAlone) {
  if (allowed_cpus() < 2) GTEST_SKIP() << "one CPU: nothing to pin";
  Spawned ticker({tracee("ticker")});
  ASSERT_TRUE(ticker.wait_for_line("tick 1 ")) << "ticker did not start";
  const std::string before = proc_status_field(ticker.pid(), "Cpus_allowed_list");
  Spawned g({golden_exe(), "capture", "-o", dir_.file("a.json"), "-p",
             std::to_string(ticker.pid())});
  ASSERT_TRUE(eventually([&] { return proc_status_field(ticker.pid(), "TracerPid") != "0"; }, 20s))
      << "golden never attached";
  ticker.drain_available();
  const long seen = static_cast<long>(ticker.out().size());
  ASSERT_TRUE(eventually([&] {
    ticker.drain_available();
    return static_cast<long>(ticker.out().size()) > seen;
  }, 20s)) << "the program stopped ticking while traced";
  EXPECT_EQ(proc_status_field(ticker.pid(), "Cpus_allowed_list"), before);
  g.signal(SIGINT);
  EXPECT_FALSE(g.wait(30s).timed_out);
}

}  // namespace
}  // namespace golden::e2e
