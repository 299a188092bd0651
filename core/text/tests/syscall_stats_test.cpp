#include "golden/text/syscall_stats.hpp"

#include <gtest/gtest.h>

#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

Event call(const char* name, int pid, std::int64_t ns, bool failed = false) {
  const SyscallInfo* info = syscall_by_name(name);
  EXPECT_NE(info, nullptr) << name;
  Event e;
  e.name = name;
  e.nr = info ? info->nr : -1;
  e.pid = Pid{pid};
  e.tid = Tid{pid};
  e.duration = Nanos{ns};
  if (failed) {
    e.err = 2;
    e.ret = -2;
  }
  return e;
}

ProcessInfo process(int pid, const char* argv0) {
  ProcessInfo p;
  p.pid = Pid{pid};
  p.execs.push_back({0, argv0, {argv0}, "/"});
  return p;
}

TEST(SyscallStats, PerSyscallSortedByTimeThenNumber) {
  SyscallStats s;
  s.add_event(call("write", 1, 0));
  s.add_event(call("read", 1, 0));
  s.add_event(call("openat", 1, 3000, true));
  s.add_event(call("openat", 1, 1000));
  const auto rows = s.rows(StatsGrouping::Syscall);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].label, "openat");
  EXPECT_EQ(rows[0].stats.calls, 2u);
  EXPECT_EQ(rows[0].stats.errors, 1u);
  EXPECT_EQ(rows[0].stats.time, Nanos{4000});
  EXPECT_EQ(rows[1].label, "read");  // read (0) before write (1): strace's tie order
  EXPECT_EQ(rows[2].label, "write");
  EXPECT_EQ(s.total().calls, 4u);
  EXPECT_EQ(s.total().errors, 1u);
}

TEST(SyscallStats, PerProcessTableNamesEachProcess) {
  SyscallStats s;
  s.add_event(call("read", 10, 1000));
  s.add_event(call("read", 11, 5000));
  s.add_event(call("write", 10, 1000));
  s.add_process(process(11, "/usr/bin/cat"), 0);
  s.add_process(process(10, "sh"), 0);
  EXPECT_EQ(s.table(StatsGrouping::Process),
            "% time     seconds  usecs/call     calls    errors process\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            " 71.43    0.000005           5         1           pid 11 (cat)\n"
            " 28.57    0.000002           1         2           pid 10 (sh)\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "100.00    0.000007           2         3           total\n");
}

TEST(SyscallStats, AProcessWithoutCountedCallsStillHasARow) {
  SyscallStats s;
  s.add_event(call("read", 10, 1000));
  Event exit_group = call("exit_group", 11, 0);
  exit_group.finished = false;  // never returns: not counted, as in strace -c
  s.add_event(exit_group);
  s.add_process(process(11, "child"), 0);
  const auto rows = s.rows(StatsGrouping::Process);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].label, "pid 11 (child)");
  EXPECT_EQ(rows[1].stats.calls, 0u);
  EXPECT_EQ(s.total().calls, 1u);
}

TEST(SyscallStats, ProcessesOfDifferentRunsAreKeptApart) {
  SyscallStats s;
  s.add_event(call("read", 10, 1000), 0);
  s.add_event(call("read", 10, 1000), 1);
  const auto rows = s.rows(StatsGrouping::Process);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].label, "run 1: pid 10");
  EXPECT_EQ(rows[1].label, "run 2: pid 10");
}

TEST(SyscallStats, PerClassCountsACallInEachOfItsClasses) {
  SyscallStats s;
  s.add_event(call("openat", 1, 1000));
  s.add_event(call("read", 1, 2000));
  s.add_event(call("getpid", 1, 4000));
  const auto rows = s.rows(StatsGrouping::Class);
  auto find = [&](std::string_view label) -> const CallRow* {
    for (const CallRow& r : rows)
      if (r.label == label) return &r;
    return nullptr;
  };
  // Expected membership comes from the syscall table, so this checks the grouping.
  std::map<std::string, std::uint64_t> expected;
  for (const char* name : {"openat", "read", "getpid"}) {
    const SyscallInfo* info = syscall_by_name(name);
    bool any = false;
    for (int bit = 0; bit < 10; ++bit) {
      const auto c = static_cast<SyscallClass>(1 << bit);
      if (info->in(c)) {
        ++expected["%" + std::string(class_name(c))];
        any = true;
      }
    }
    if (!any) ++expected["other"];
  }
  ASSERT_EQ(rows.size(), expected.size());
  for (const auto& [label, calls] : expected) {
    const CallRow* r = find(label);
    ASSERT_NE(r, nullptr) << label;
    EXPECT_EQ(r->stats.calls, calls) << label;
  }
  ASSERT_NE(find("%file"), nullptr);  // openat takes a file name, whatever else it is
  EXPECT_EQ(s.total().calls, 3u);  // the total counts each call once
  for (std::size_t i = 1; i < rows.size(); ++i)
    EXPECT_GE(rows[i - 1].stats.time, rows[i].stats.time);
  EXPECT_NE(s.table(StatsGrouping::Class).find("errors class\n"), std::string::npos);
}

TEST(SyscallStats, SinkAccumulatesAcrossRuns) {
  SyscallStats s;
  StatsSink sink(s);
  RunInfo run;
  sink.begin_run(run);
  sink.event(call("read", 5, 100));
  sink.process(process(5, "cat"));
  sink.end_run(run);
  run.index = 1;
  sink.begin_run(run);
  sink.event(call("read", 5, 100));
  sink.end_run(run);
  EXPECT_EQ(s.total().calls, 2u);
  const auto rows = s.rows(StatsGrouping::Process);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].label, "run 1: pid 5 (cat)");
  EXPECT_EQ(rows[1].label, "run 2: pid 5");
}

TEST(SyscallStats, AddTraceUsesTheRunIndex) {
  Trace t;
  t.run.index = 0;
  t.events = {call("read", 3, 10), call("write", 3, 20)};
  t.processes = {process(3, "wc")};
  SyscallStats s;
  s.add_trace(t);
  const auto rows = s.rows(StatsGrouping::Process);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].label, "pid 3 (wc)");
  EXPECT_EQ(rows[0].stats.calls, 2u);
}

}  // namespace
}  // namespace golden

namespace golden {
namespace {

Event located(const char* name, std::int64_t ns, const char* file, int line, const char* function,
              bool failed = false) {
  Event e = call(name, 1, ns, failed);
  SourceLocation s;
  s.file = file;
  s.line = line;
  s.function = function;
  s.module = "/usr/bin/app";
  s.offset = 0x1000 + static_cast<std::uint64_t>(line);
  e.source = s;
  return e;
}

TEST(SyscallStatsBySource, PerFunctionCallsErrorsTimeSortedByTime) {
  SyscallStats s;
  s.add_event(located("openat", 1000, "/src/config.cpp", 41, "load_config", true));
  s.add_event(located("read", 5000, "/src/config.cpp", 44, "load_config"));
  s.add_event(located("write", 2000, "/src/log.cpp", 9, "log_line"));
  s.add_event(call("brk", 1, 100));  // no location: the loader, or no --source
  const auto rows = s.rows(StatsGrouping::Function);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].label, "load_config() [config.cpp]");
  EXPECT_EQ(rows[0].stats.calls, 2u);
  EXPECT_EQ(rows[0].stats.errors, 1u);
  EXPECT_EQ(rows[0].stats.time, Nanos{6000});
  EXPECT_EQ(rows[1].label, "log_line() [log.cpp]");
  EXPECT_EQ(rows[2].label, "(no source)");
  EXPECT_EQ(s.calls_with_source(), 3u);
  const std::string table = s.table(StatsGrouping::Function);
  EXPECT_NE(table.find("errors function\n"), std::string::npos) << table;
  EXPECT_NE(table.find("load_config() [config.cpp]\n"), std::string::npos) << table;
}

TEST(SyscallStatsBySource, PerLine) {
  SyscallStats s;
  s.add_event(located("openat", 1000, "/src/config.cpp", 41, "load_config"));
  s.add_event(located("openat", 1000, "/src/config.cpp", 41, "load_config"));
  s.add_event(located("read", 3000, "/src/config.cpp", 44, "load_config"));
  const auto rows = s.rows(StatsGrouping::Line);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].label, "config.cpp:44 load_config()");
  EXPECT_EQ(rows[1].label, "config.cpp:41 load_config()");
  EXPECT_EQ(rows[1].stats.calls, 2u);
}

TEST(SyscallStatsBySource, WithoutDebugInfoModuleAndOffset) {
  SyscallStats s;
  Event e = call("openat", 1, 1000);
  SourceLocation src;
  src.module = "/opt/tool";
  src.offset = 0x1a2b;
  e.source = src;
  s.add_event(e);
  src.function = "do_work";
  e.source = src;
  s.add_event(e);
  const auto by_function = s.rows(StatsGrouping::Function);
  ASSERT_EQ(by_function.size(), 2u);
  EXPECT_EQ(by_function[0].label, "tool+0x1a2b");
  EXPECT_EQ(by_function[1].label, "do_work()");
  const auto by_line = s.rows(StatsGrouping::Line);
  ASSERT_EQ(by_line.size(), 1u);  // one address
  EXPECT_EQ(by_line[0].label, "tool+0x1a2b");
  EXPECT_EQ(by_line[0].stats.calls, 2u);
}

TEST(SyscallStatsBySource, FramesWithoutAUserFrameCountAsNoSource) {
  SyscallStats s;
  Event e = call("mmap", 1, 1000);
  e.source = SourceLocation{};
  e.source->frames.push_back(SourceFrame{});
  s.add_event(e);
  const auto rows = s.rows(StatsGrouping::Line);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].label, "(no source)");
  EXPECT_EQ(s.calls_with_source(), 0u);
}

TEST(SyscallStatsBySource, NoSourceAtAll) {
  SyscallStats s;
  s.add_event(call("openat", 1, 1000));
  EXPECT_EQ(s.calls_with_source(), 0u);
  const auto rows = s.rows(StatsGrouping::Function);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].label, "(no source)");
}

}  // namespace
}  // namespace golden
