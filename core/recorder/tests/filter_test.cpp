// -e trace=... through a seccomp-bpf filter: only traced syscalls stop and become
// events, but the process tree is still complete.
#include <gtest/gtest.h>

#include "golden/recorder/causality_check.hpp"
#include "recorder_harness.hpp"

namespace golden::test {
namespace {

TEST(Filter, TraceOpenatOnlyKeepsTheProcessTree) {
  auto filter = SyscallFilter::parse("trace=openat");
  ASSERT_TRUE(filter.ok()) << filter.error().to_string();
  CaptureOptions o;
  o.command = {program("open_files")};
  o.filter = *filter;
  const Captured c = capture_with(o);
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  EXPECT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  int openats = 0;
  bool dev_null = false, dev_zero = false;
  for (const Event& e : t.events) {
    if (e.kind != EventKind::Syscall) continue;
    EXPECT_EQ(e.name, "openat");
    ++openats;
    ASSERT_GE(e.args.size(), 2u);
    dev_null |= e.args[1].str == "/dev/null";
    dev_zero |= e.args[1].str == "/dev/zero";
    EXPECT_TRUE(e.finished);
  }
  EXPECT_GE(openats, 2);
  EXPECT_TRUE(dev_null);
  EXPECT_TRUE(dev_zero);
  // Lifecycle comes from ptrace events, not syscall stops: both processes and their
  // exits are there even though clone and exit_group are not traced. The exec is seen
  // (PTRACE_EVENT_EXEC) but has no execve event for an ExecRecord to name: counted.
  ASSERT_EQ(t.processes.size(), 2u);
  const ProcessInfo* root = root_process(t);
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->exit_code, 0);
  EXPECT_TRUE(root->execs.empty());
  EXPECT_EQ(counter(t, "recorder.exec_without_event"), 1u);
  for (const auto& p : t.processes)
    if (&p != root) {
      EXPECT_EQ(p.parent, root->pid);
      EXPECT_EQ(p.exit_code, 0);
      EXPECT_FALSE(p.created_by);  // its clone is not an event
    }
  EXPECT_EQ(events_of_kind(t, EventKind::Exit).size(), 2u);
  const Status s = check_causality(t);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

TEST(Filter, TracedExecveGivesExecRecords) {
  auto filter = SyscallFilter::parse("trace=execve,openat");
  ASSERT_TRUE(filter.ok());
  CaptureOptions o;
  o.command = {program("fork_exec_wait"), program("exit_code"), "5"};
  o.filter = *filter;
  const Captured c = capture_with(o);
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 5);
  const Trace& t = c.run();
  ASSERT_EQ(t.processes.size(), 2u);
  for (const ProcessInfo& p : t.processes) {
    ASSERT_EQ(p.execs.size(), 1u);
    const Event& exec = t.events.at(p.execs[0].seq);
    EXPECT_EQ(exec.name, "execve");
    EXPECT_EQ(exec.pid, p.pid);
    EXPECT_TRUE(exec.finished);
  }
  for (const Event& e : t.events) {
    if (e.kind == EventKind::Syscall) {
      EXPECT_TRUE(e.name == "execve" || e.name == "openat") << e.name;
    }
  }
  EXPECT_EQ(counter(t, "recorder.exec_without_event"), 0u);
  const Status s = check_causality(t);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

TEST(Filter, FilteredOutSyscallsDoNotStopTheTracee) {
  // 200k untraced getppid calls: with seccomp they cost ~nothing; through ptrace stops
  // they would take seconds (PERF-NOTES.md: ~40 us each).
  auto filter = SyscallFilter::parse("trace=openat");
  ASSERT_TRUE(filter.ok());
  CaptureOptions o;
  o.command = {program("getppid_loop"), "200000"};
  o.filter = *filter;
  const auto start = std::chrono::steady_clock::now();
  const Captured c = capture_with(o);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_TRUE(syscalls(c.run(), "getppid").empty());
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

}  // namespace
}  // namespace golden::test
