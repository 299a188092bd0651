// golden show and golden stats on real traces (SPEC §4): show prints one strace-style
// line per event with its pid and duration; stats prints strace -c's table, whose
// rows and total are the trace's counts (and, for a deterministic program, strace's).
#include <gtest/gtest.h>

#include <regex>

#include "call_counts.hpp"
#include "cases.hpp"
#include "golden_cli.hpp"
#include "test_support_names.hpp"
#include "trace_checks.hpp"

namespace golden::e2e {
namespace {

struct Recorded {
  TempDir dir;
  std::string path;
  TraceFile file;
};

void record(Recorded& r, const std::vector<std::string>& command) {
  r.path = r.dir.file("t.json");
  RunResult c = capture(r.path, command);
  ASSERT_TRUE(c.exited() && !c.timed_out) << c.describe();
  auto f = load_trace(r.path);
  ASSERT_TRUE(f.ok()) << f.error().to_string();
  ASSERT_EQ(f->runs.size(), 1u);
  r.file = std::move(f.value());
}

// An event line: optional "[pid N] " prefix, then "name(", "--- " or "+++ ".
bool is_event_line(const std::string& line) {
  static const std::regex re(R"(^(\[pid +[0-9]+\] )?([a-z_0-9]+\(|--- |\+\+\+ ))");
  return std::regex_search(line, re);
}

void expect_show_lines_match_events(const std::string& out, const Trace& t) {
  std::vector<std::string> event_lines;
  for (const auto& line : split_lines(out))
    if (is_event_line(line)) event_lines.push_back(line);
  ASSERT_EQ(event_lines.size(), t.events.size()) << "one line per event\n" << out.substr(0, 3000);
  static const std::regex duration(R"( <[0-9]+\.[0-9]{6}>$)");
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const Event& e = t.events[i];
    const std::string& line = event_lines[i];
    std::smatch m;
    static const std::regex pid_re(R"(^\[pid +([0-9]+)\] )");
    ASSERT_TRUE(std::regex_search(line, m, pid_re)) << "no [pid N] prefix: " << line;
    EXPECT_EQ(std::stoi(m[1]), e.tid.value) << line;
    switch (e.kind) {
      case EventKind::Syscall:
        EXPECT_NE(line.find(e.name + "("), std::string::npos) << "event #" << i << " is " << e.name << ": " << line;
        if (e.finished) {
          EXPECT_TRUE(std::regex_search(line, duration)) << "no <duration>: " << line;
        }
        break;
      case EventKind::Signal:
        EXPECT_NE(line.find("--- " + e.name), std::string::npos) << line;
        break;
      case EventKind::Exit:
        EXPECT_NE(line.find("+++ "), std::string::npos) << line;
        break;
      case EventKind::Span:
        break;
    }
  }
}

TEST(ShowCommand, MultiProcessTraceHasOneLinePerEventWithPidAndDuration) {
  Recorded r;
  record(r, {tracee("pipe_chain")});
  RunResult show = golden({"show", r.path});
  ASSERT_EQ(show.status(), 0) << show.describe();
  EXPECT_EQ(show.err, "");
  expect_show_lines_match_events(show.out, r.file.runs[0]);
  // strace's line, with or without strace -y's "<what the fd is>" decoration; data cut
  // at 32 bytes as strace's default -s.
  EXPECT_TRUE(std::regex_search(
      show.out, std::regex(R"(\] write\(1(<[^>]*>)?, "grandchild: got HELLO THROUGH PI"\.\.\., 36\) += 36 <)")))
      << show.out.substr(0, 3000);
  RunResult wide = golden({"show", "-s", "64", r.path});
  ASSERT_EQ(wide.status(), 0) << wide.describe();
  EXPECT_TRUE(std::regex_search(
      wide.out, std::regex(R"(\] write\(1(<[^>]*>)?, "grandchild: got HELLO THROUGH PIPES\\n", 36\) += 36 <)")))
      << wide.out.substr(0, 3000);
}

TEST(ShowCommand, SingleProcessTraceHasOneLinePerEventWithPidAndDuration) {
  Recorded r;
  record(r, {tracee("exit_code"), "9"});
  RunResult show = golden({"show", r.path});
  ASSERT_EQ(show.status(), 0) << show.describe();
  expect_show_lines_match_events(show.out, r.file.runs[0]);
  EXPECT_NE(show.out.find("exit_group(9)"), std::string::npos);
  EXPECT_NE(show.out.find("+++ exited with 9 +++"), std::string::npos) << show.out;
}

TEST(StatsCommand, HeaderIsStracesAndTotalCountsTheReturnedSyscallEvents) {
  Recorded r;
  record(r, {tracee("fork_exec_wait")});
  RunResult stats = golden({"stats", r.path});
  ASSERT_EQ(stats.status(), 0) << stats.describe();
  auto lines = split_lines(stats.out);
  ASSERT_GE(lines.size(), 4u) << stats.out;
  EXPECT_EQ(lines[0], kStraceHeader);
  EXPECT_EQ(lines[1], kStraceSeparator);
  EXPECT_EQ(lines[lines.size() - 2], kStraceSeparator);
  EXPECT_TRUE(std::regex_search(lines.back(), std::regex(R"(^100\.00 +[0-9]+\.[0-9]{6} +[0-9]+ +[0-9]+ .*total$)")))
      << lines.back();
  std::string error;
  auto table = parse_call_table(stats.out, &error);
  ASSERT_TRUE(table) << error << "\n" << stats.out;
  // strace -c counts calls at their exit: the total is the number of syscall events
  // that returned (exit_group, which never returns, is in the trace but not the table).
  const Trace& t = r.file.runs[0];
  CallCounts expected = count_calls(t);
  CallCount total;
  for (const auto& [name, c] : expected) {
    total.calls += c.calls;
    total.errors += c.errors;
  }
  EXPECT_EQ(table->total, total) << "total row calls/errors";
  EXPECT_TRUE(compare_counts(table->rows, expected, {}).empty()) << join(compare_counts(table->rows, expected, {}));
  std::size_t syscall_events = 0, unfinished = 0;
  for (const Event& e : t.events)
    if (e.kind == EventKind::Syscall) {
      ++syscall_events;
      if (!e.finished) ++unfinished;
    }
  EXPECT_EQ(table->total.calls, syscall_events - unfinished);
  EXPECT_EQ(unfinished, 3u) << "the three exit_group calls";
}

TEST(StatsCommand, TableEqualsStracesForADeterministicProgram) {
  if (!have_strace()) GTEST_SKIP() << "strace not installed: the reference is missing";
  Recorded r;
  record(r, {tracee("pipe_chain")});
  RunResult stats = golden({"stats", r.path});
  ASSERT_EQ(stats.status(), 0) << stats.describe();
  std::string error;
  auto mine = parse_call_table(stats.out, &error);
  ASSERT_TRUE(mine) << error << "\n" << stats.out;
  StraceRun ref = run_strace_c({tracee("pipe_chain")});
  ASSERT_TRUE(ref.table) << ref.error;
  auto diffs = compare_counts(mine->rows, ref.table->rows, {});
  EXPECT_TRUE(diffs.empty()) << join(diffs) << "golden stats:\n" << stats.out;
  EXPECT_EQ(mine->total, ref.table->total);
  // Same rows in the same set; strace sorts by time, which differs run to run, so the
  // order is not compared.
  EXPECT_EQ(mine->lines.size(), ref.table->lines.size());
}

TEST(StatsCommand, ByProcessHasARowPerProcessAndTheSameTotal) {
  Recorded r;
  record(r, {tracee("fork_exec_wait")});
  RunResult by_syscall = golden({"stats", r.path});
  RunResult by_process = golden({"stats", r.path, "--by", "process"});
  ASSERT_EQ(by_process.status(), 0) << by_process.describe();
  std::string error;
  auto syscalls = parse_call_table(by_syscall.out, &error);
  auto processes = parse_call_table(by_process.out, &error);
  ASSERT_TRUE(syscalls && processes) << error << "\n" << by_process.out;
  EXPECT_EQ(processes->total, syscalls->total);
  EXPECT_EQ(processes->rows.size(), r.file.runs[0].processes.size()) << by_process.out;
  for (const ProcessInfo& p : r.file.runs[0].processes) {
    bool found = false;
    for (const auto& [name, c] : processes->rows)
      if (std::regex_search(name, std::regex("\\b" + std::to_string(p.pid.value) + "\\b"))) found = true;
    EXPECT_TRUE(found) << "no row for pid " << p.pid.value << "\n" << by_process.out;
  }
}

TEST(StatsCommand, ByClassNamesTheClasses) {
  Recorded r;
  record(r, {tracee("fork_exec_wait")});
  RunResult by_class = golden({"stats", r.path, "--by", "class"});
  ASSERT_EQ(by_class.status(), 0) << by_class.describe();
  std::string error;
  auto classes = parse_call_table(by_class.out, &error);
  ASSERT_TRUE(classes) << error << "\n" << by_class.out;
  auto has = [&](const std::string& cls) {
    for (const auto& [name, c] : classes->rows)
      if (name.find(cls) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("file")) << by_class.out;
  EXPECT_TRUE(has("process")) << by_class.out;
  EXPECT_TRUE(has("memory")) << by_class.out;
  // %process (strace's TP class) here: 3 execve, 2 clone, 2 wait4 that returned.
  for (const auto& [name, c] : classes->rows)
    if (name == "process" || name == "%process") {
      EXPECT_EQ(c.calls, 7u) << by_class.out;
    }
}

}  // namespace
}  // namespace golden::e2e
