// Budget assertions on hand-built traces: each type passes, violates, and says when it
// cannot judge.
#include <gtest/gtest.h>

#include <cerrno>

#include "check_helpers.hpp"
#include "golden/assertions/spans.hpp"

namespace golden::test {
namespace {

// One process: read 2 ms, write 3 ms, one after the other.
NumberedTraceBuilder simple() {
  NumberedTraceBuilder m;
  m.process(10, 0, "app", 0ms, 10ms, 4096);
  m.call(10, 10, "read", 1ms, 2ms, {fd_arg("fd", 0), int_arg("count", 4096)}, 100);
  m.call(10, 10, "write", 4ms, 3ms, {fd_arg("fd", 1), int_arg("count", 100)}, 100);
  m.wall(10ms);
  return m;
}

TEST(CriticalPathBudget, PassesUnderTheLimitAndFailsOver) {
  const TraceFile f = simple().file();
  auto ok = check("type = \"critical_path\"\nmax_duration_ms = 10\n", f);
  EXPECT_EQ(ok.outcome, Outcome::Pass) << ok.summary;
  EXPECT_DOUBLE_EQ(*ok.measured, 5.0);
  EXPECT_EQ(ok.unit, "ms");
  auto over = check("type = \"critical_path\"\nmax_duration_ms = 4\n", f);
  EXPECT_EQ(over.outcome, Outcome::Fail) << over.summary;
  EXPECT_NE(over.summary.find("5 ms > 4 ms"), std::string::npos) << over.summary;
  auto warn =
      check("type = \"critical_path\"\nmax_duration_ms = 4\nfail_on_violation = false\n", f);
  EXPECT_EQ(warn.outcome, Outcome::Warn);
  auto off = check("type = \"critical_path\"\nmax_duration_ms = 4\nenabled = false\n", f);
  EXPECT_EQ(off.outcome, Outcome::Disabled);
}

TEST(CriticalPathBudget, UserTimeOptionCountsTheGapsBetweenCalls) {
  const TraceFile f = simple().file();
  auto r = check("type = \"critical_path\"\nmax_duration_ms = 5.5\ninclude_user_time = true\n", f);
  EXPECT_EQ(r.outcome, Outcome::Fail) << r.summary;  // 1 ms gap + 5 ms of calls (+ start)
  EXPECT_GT(*r.measured, 5.5);
}

TEST(CriticalPathBudget, TraceNamePatternSelectsSpansBeforeProcesses) {
  NumberedTraceBuilder m;
  m.process(10, 0, "app", 0ms, 100ms);
  m.span_open(10, 10, "load_config", 0ms);
  m.call(10, 10, "openat", 1ms, 4ms, {path_arg("pathname", "/etc/app.conf")}, 3);
  m.call(10, 10, "read", 6ms, 6ms, {fd_arg("fd", 3)}, 10);
  m.span_close(10, 10, "load_config", 13ms);
  m.call(10, 10, "write", 20ms, 50ms, {fd_arg("fd", 1)}, 10);
  const TraceFile f = m.file();
  auto spans =
      check("type = \"critical_path\"\nmax_duration_ms = 9\ntrace_name_pattern = \"^load\"\n", f);
  EXPECT_EQ(spans.outcome, Outcome::Fail) << spans.summary;
  EXPECT_DOUBLE_EQ(*spans.measured, 10.0);  // the two calls inside the span, not the write
  auto process =
      check("type = \"critical_path\"\nmax_duration_ms = 100\ntrace_name_pattern = \"^app$\"\n", f);
  EXPECT_EQ(process.outcome, Outcome::Pass);
  EXPECT_DOUBLE_EQ(*process.measured, 60.0);
  auto none = check(
      "type = \"critical_path\"\nmax_duration_ms = 1\ntrace_name_pattern = \"^nothing$\"\n", f);
  EXPECT_EQ(none.outcome, Outcome::NotApplicable) << none.summary;
}

TEST(CriticalPathBudget, NoTimingIsAnError) {
  TraceFile f = simple().file();
  f.header.has_timing = false;
  auto r = check("type = \"critical_path\"\nmax_duration_ms = 10\n", f);
  EXPECT_EQ(r.outcome, Outcome::Error);
}

TEST(WallTimeBudget, LimitAndRegressionAgainstABaseline) {
  const TraceFile base = simple().wall(100ms).file();
  const TraceFile cur = simple().wall(150ms).file();
  auto abs = check("type = \"wall_time\"\nmax_duration_ms = 200\n", cur);
  EXPECT_EQ(abs.outcome, Outcome::Pass);
  auto reg = check("type = \"wall_time\"\nmax_regression_percent = 20\n", cur, &base);
  EXPECT_EQ(reg.outcome, Outcome::Fail) << reg.summary;
  EXPECT_NE(reg.summary.find("+50.0%"), std::string::npos) << reg.summary;
  auto fine = check("type = \"wall_time\"\nmax_regression_percent = 60\n", cur, &base);
  EXPECT_EQ(fine.outcome, Outcome::Pass) << fine.summary;
  auto alone = check("type = \"wall_time\"\nmax_regression_percent = 20\n", cur);
  EXPECT_EQ(alone.outcome, Outcome::NotApplicable) << alone.summary;
}

TEST(TimingBudget, SeveralRunsAreJudgedOnTheMedianWithTheirSpread) {
  std::vector<Trace> runs;
  for (auto w : {100ms, 102ms, 98ms, 101ms, 400ms}) runs.push_back(simple().wall(w).build());
  const TraceFile f = file_of(runs);
  auto r = check("type = \"wall_time\"\nmax_duration_ms = 150\n", f);
  EXPECT_EQ(r.outcome, Outcome::Pass) << r.summary;  // the 400 ms outlier does not decide
  EXPECT_DOUBLE_EQ(*r.measured, 101.0);
  ASSERT_TRUE(r.spread);
  EXPECT_EQ(r.spread->n, 5u);
  EXPECT_DOUBLE_EQ(r.spread->min, 98.0);
  EXPECT_DOUBLE_EQ(r.spread->max, 400.0);
  EXPECT_DOUBLE_EQ(r.spread->mad, 1.0);
  ASSERT_FALSE(r.details.empty());
  EXPECT_NE(r.details[0].find("5 runs: median"), std::string::npos) << r.details[0];
}

TEST(TimingBudget, NoisyRunsNearTheLimitAreInconclusive) {
  std::vector<Trace> runs;
  for (auto w : {60ms, 140ms, 95ms, 105ms, 130ms, 70ms}) runs.push_back(simple().wall(w).build());
  const TraceFile f = file_of(runs);
  auto r = check("type = \"wall_time\"\nmax_duration_ms = 100\n", f);
  EXPECT_EQ(r.outcome, Outcome::Inconclusive) << r.summary;
  bool said = false;
  for (const auto& d : r.details) said |= d.find("too noisy to judge") != std::string::npos;
  EXPECT_TRUE(said);
  // Far from the limit the same noise does not matter.
  auto clear = check("type = \"wall_time\"\nmax_duration_ms = 400\n", f);
  EXPECT_EQ(clear.outcome, Outcome::Pass);
  auto over = check("type = \"wall_time\"\nmax_duration_ms = 10\n", f);
  EXPECT_EQ(over.outcome, Outcome::Fail);
}

TEST(SpanCountBudget, SyscallsAreSpansUntilTheProgramHasUserSpans) {
  NumberedTraceBuilder m = simple();
  m.annotation(10, "golden.alloc", {{"malloc", 3}}, 9ms);  // an annotation is not a span
  const TraceFile f = m.file();
  auto r = check("type = \"span_count\"\nmax_spans = 1\n", f);
  EXPECT_EQ(r.outcome, Outcome::Fail) << r.summary;
  EXPECT_DOUBLE_EQ(*r.measured, 2.0);
  auto named = check("type = \"span_count\"\nmax_spans = 1\nspan_name_pattern = \"^wr\"\n", f);
  EXPECT_EQ(named.outcome, Outcome::Pass);

  NumberedTraceBuilder u = simple();
  for (int i = 0; i < 3; ++i) {
    u.span_open(10, 10, i == 2 ? "flush" : "parse", std::chrono::milliseconds(10 + i));
    u.span_close(10, 10, i == 2 ? "flush" : "parse", std::chrono::milliseconds(10 + i));
  }
  const TraceFile uf = u.file();
  auto spans = check("type = \"span_count\"\nmax_spans = 3\n", uf);
  EXPECT_EQ(spans.outcome, Outcome::Pass);
  EXPECT_DOUBLE_EQ(*spans.measured, 3.0);
  auto parse = check("type = \"span_count\"\nmax_spans = 1\nspan_name_pattern = \"parse\"\n", uf);
  EXPECT_EQ(parse.outcome, Outcome::Fail);
  EXPECT_DOUBLE_EQ(*parse.measured, 2.0);
}

TEST(MemoryRssBudget, TreeAddsConcurrentProcessesOnly) {
  NumberedTraceBuilder m;
  m.process(1, 0, "sh", 0ms, 100ms, 1000);
  m.process(2, 1, "a", 10ms, 50ms, 10000);
  m.process(3, 1, "b", 20ms, 60ms, 20000);  // overlaps a
  m.process(4, 1, "c", 70ms, 90ms, 25000);  // alone (with sh)
  m.call(1, 1, "wait4", 0ms, 1ms);
  const TraceFile f = m.file();
  auto tree = check("type = \"memory_usage\"\nmax_bytes = 40000000\ntracking_mode = \"rss\"\n", f);
  EXPECT_EQ(tree.outcome, Outcome::Pass);
  EXPECT_DOUBLE_EQ(*tree.measured, 31000.0 * 1024);  // sh + a + b
  auto process =
      check("type = \"memory_usage\"\nmax_bytes = 20000000\naggregate = \"process\"\n", f);
  EXPECT_EQ(process.outcome, Outcome::Fail) << process.summary;
  EXPECT_DOUBLE_EQ(*process.measured, 25000.0 * 1024);
  auto only_b =
      check("type = \"memory_usage\"\nmax_bytes = \"21 MB\"\nprocess_name_pattern = \"^b$\"\n", f);
  EXPECT_EQ(only_b.outcome, Outcome::Pass);
  EXPECT_DOUBLE_EQ(*only_b.measured, 20000.0 * 1024);
}

TEST(MemoryRssBudget, NoFiguresIsAnErrorAndRegressionUsesTheBaseline) {
  NumberedTraceBuilder none;
  none.process(1, 0, "x", 0ms, 1ms);
  none.call(1, 1, "read", 0ms, 1ms);
  auto err = check("type = \"memory_usage\"\nmax_bytes = 100\n", none.file());
  EXPECT_EQ(err.outcome, Outcome::Error);
  NumberedTraceBuilder base, cur;
  base.process(1, 0, "x", 0ms, 1ms, 1000).call(1, 1, "read", 0ms, 1ms);
  cur.process(1, 0, "x", 0ms, 1ms, 1300).call(1, 1, "read", 0ms, 1ms);
  const TraceFile b = base.file(), c = cur.file();
  auto reg = check("type = \"memory_usage\"\nmax_regression_percent = 20\n", c, &b);
  EXPECT_EQ(reg.outcome, Outcome::Fail) << reg.summary;
}

TEST(MemoryAllocationsBudget, PeakLiveBytesFromTheAllocationCounters) {
  NumberedTraceBuilder m;
  m.process(5, 0, "app", 0ms, 10ms);
  m.call(5, 5, "execve", 0ms, 1ms);
  // Two images of one process (reported before its exec, then at exit): peaks do not add.
  m.annotation(5, "golden.alloc",
               {{"malloc", 10}, {"free", 8}, {"bytes", 5000}, {"peak_live_bytes", 4096}}, 2ms);
  m.annotation(5, "golden.alloc",
               {{"malloc", 100},
                {"calloc", 2},
                {"free", 90},
                {"bytes", 900000},
                {"peak_live_bytes", 6000000}},
               9ms);
  const TraceFile f = m.file();
  auto r =
      check("type = \"memory_usage\"\nmax_bytes = 10485760\ntracking_mode = \"allocations\"\n", f);
  EXPECT_EQ(r.outcome, Outcome::Pass) << r.summary;
  EXPECT_DOUBLE_EQ(*r.measured, 6000000.0);
  auto over =
      check("type = \"memory_usage\"\nmax_bytes = 5000000\ntracking_mode = \"allocations\"\n", f);
  EXPECT_EQ(over.outcome, Outcome::Fail);
  bool totals = false;
  for (const auto& d : over.details)
    totals |= d.find("210 allocation/free calls") != std::string::npos;
  EXPECT_TRUE(totals);
  auto missing = check("type = \"memory_usage\"\nmax_bytes = 1\ntracking_mode = \"allocations\"\n",
                       simple().file());
  EXPECT_EQ(missing.outcome, Outcome::Error);
  EXPECT_NE(missing.summary.find("--track-alloc"), std::string::npos);
}

NumberedTraceBuilder io_program() {
  NumberedTraceBuilder m;
  m.process(7, 0, "tool", 0ms, 50ms);
  m.call(7, 7, "openat", 0ms, 1ms, {path_arg("pathname", "/etc/tool.conf")}, 3);
  m.fail(7, 7, "openat", 1ms, 1ms, ENOENT, {path_arg("pathname", "/home/u/.toolrc")});
  m.fail(7, 7, "openat", 2ms, 1ms, EACCES, {path_arg("pathname", "/etc/shadow")});
  m.call(7, 7, "read", 3ms, 1ms, {fd_arg("fd", 3, "/etc/tool.conf"), int_arg("count", 100)}, 50);
  m.call(7, 7, "socket", 4ms, 1ms, {}, 4);
  m.call(7, 7, "connect", 5ms, 1ms, {fd_arg("sockfd", 4), sockaddr_arg("addr", "10.1.2.3:443")});
  m.call(7, 7, "sendto", 5ms, 1ms, {fd_arg("sockfd", 5), sockaddr_arg("dest_addr", "[::2]:53")}, 10);
  m.call(7, 7, "write", 6ms, 1ms, {fd_arg("fd", 1), int_arg("count", 5)}, 5);
  return m;
}

TEST(SyscallCountBudget, PerSyscallPerClassAndMinimum) {
  const TraceFile f = io_program().file();
  auto opens = check("type = \"syscall_count\"\nsyscall = \"openat\"\nmax_calls = 2\n", f);
  EXPECT_EQ(opens.outcome, Outcome::Fail) << opens.summary;
  EXPECT_DOUBLE_EQ(*opens.measured, 3.0);
  auto net = check("type = \"syscall_count\"\nclass = \"network\"\nmax_calls = 3\n", f);
  EXPECT_EQ(net.outcome, Outcome::Pass) << net.summary;
  EXPECT_DOUBLE_EQ(*net.measured, 3.0);
  auto all = check("type = \"syscall_count\"\nmax_calls = 8\nmin_calls = 8\n", f);
  EXPECT_EQ(all.outcome, Outcome::Pass) << all.summary;
  auto fsync = check("type = \"syscall_count\"\nsyscall = \"fsync\"\nmin_calls = 1\n", f);
  EXPECT_EQ(fsync.outcome, Outcome::Fail) << fsync.summary;
  NumberedTraceBuilder fewer;
  fewer.process(7, 0, "tool", 0ms, 50ms).call(7, 7, "openat", 0ms, 1ms, {}, 3);
  const TraceFile base = fewer.file();
  auto reg = check("type = \"syscall_count\"\nsyscall = \"openat\"\nmax_regression_percent = 100\n",
                   f, &base);
  EXPECT_EQ(reg.outcome, Outcome::Fail) << reg.summary;  // 1 -> 3 is +200%
}

TEST(ErrorCountBudget, CountRateAndErrnoFilter) {
  const TraceFile f = io_program().file();
  auto count = check("type = \"error_count\"\nmax_errors = 1\n", f);
  EXPECT_EQ(count.outcome, Outcome::Fail) << count.summary;
  EXPECT_DOUBLE_EQ(*count.measured, 2.0);
  auto enoent = check("type = \"error_count\"\nerrno = \"ENOENT\"\nmax_errors = 1\n", f);
  EXPECT_EQ(enoent.outcome, Outcome::Pass) << enoent.summary;
  auto rate = check("type = \"error_count\"\nsyscall = \"openat\"\nmax_error_rate = 0.5\n", f);
  EXPECT_EQ(rate.outcome, Outcome::Fail) << rate.summary;  // 2 of 3 openat failed
  auto both = check("type = \"error_count\"\nmax_errors = 5\nmax_error_rate = 0.1\n", f);
  EXPECT_EQ(both.outcome, Outcome::Fail) << both.summary;  // count fine, rate 2/8 not
}

TEST(PresenceRules, ForbiddenPathsEndpointsAndSyscalls) {
  const TraceFile f = io_program().file();
  auto shadow = check("type = \"forbidden\"\npaths = [\"/etc/shadow\"]\n", f);
  EXPECT_EQ(shadow.outcome, Outcome::Fail) << shadow.summary;  // an attempt counts
  EXPECT_NE(shadow.summary.find("seq 2"), std::string::npos) << shadow.summary;
  auto home = check("type = \"forbidden\"\npaths = [\"/home/**\"]\nfail_on_violation = false\n", f);
  EXPECT_EQ(home.outcome, Outcome::Warn);
  auto https = check("type = \"forbidden\"\nendpoints = [\"*:443\"]\n", f);
  EXPECT_EQ(https.outcome, Outcome::Fail);
  auto v6 = check("type = \"forbidden\"\nendpoints = [\"[::1]:*\"]\n", f);
  EXPECT_EQ(v6.outcome, Outcome::Pass) << v6.summary;
  auto dns = check("type = \"forbidden\"\nendpoints = [\"*:5353\"]\nsyscalls = [\"ptrace\"]\n", f);
  EXPECT_EQ(dns.outcome, Outcome::Pass) << dns.summary;
}

TEST(PresenceRules, RequiredNeedsASuccessfulCall) {
  const TraceFile f = io_program().file();
  auto conf = check("type = \"required\"\npaths = [\"/etc/*.conf\"]\nsyscalls = [\"write\"]\n", f);
  EXPECT_EQ(conf.outcome, Outcome::Pass) << conf.summary;
  auto rc = check("type = \"required\"\npaths = [\"/home/u/.toolrc\"]\n", f);  // only a failed open
  EXPECT_EQ(rc.outcome, Outcome::Fail) << rc.summary;
  auto ep = check("type = \"required\"\nendpoints = [\"10.1.2.3:*\", \"[::2]:53\"]\n", f);
  EXPECT_EQ(ep.outcome, Outcome::Pass) << ep.summary;
}

TEST(CheckExitStatus, ExitStatusErrorBeatsFailBeatsPass) {
  CheckReport r;
  r.results.push_back({.outcome = Outcome::Pass});
  r.results.push_back({.outcome = Outcome::Warn});
  r.results.push_back({.outcome = Outcome::NotApplicable});
  EXPECT_EQ(r.exit_status(), 0);
  r.results.push_back({.outcome = Outcome::Fail});
  EXPECT_EQ(r.exit_status(), 1);
  r.results.push_back({.outcome = Outcome::Error});
  EXPECT_EQ(r.exit_status(), 2);
}

}  // namespace
}  // namespace golden::test

namespace golden::test {
namespace {

TEST(MemoryAllocationsBudget, PerSpanHeapGrowth) {
  NumberedTraceBuilder m;
  m.process(5, 0, "app", 0ms, 10ms);
  m.span_open(5, 5, "parse", 1ms);
  auto& parse = m.annotation(5, "golden.alloc", {{"allocations", 40}, {"frees", 2}, {"bytes", 9000000},
                                                  {"peak_growth_bytes", 8000000}}, 2ms);
  parse.args.insert(parse.args.begin(), Arg{.name = "span", .kind = ArgKind::String, .text = "parse", .str = "parse"});
  m.span_close(5, 5, "parse", 2ms);
  auto& render = m.annotation(5, "golden.alloc", {{"allocations", 3}, {"peak_growth_bytes", 1000}}, 3ms);
  render.args.insert(render.args.begin(), Arg{.name = "span", .kind = ArgKind::String, .text = "render", .str = "render"});
  m.annotation(5, "golden.alloc", {{"malloc", 43}, {"free", 2}, {"bytes", 9001000}, {"peak_live_bytes", 8100000}}, 9ms);
  const TraceFile f = m.file();
  auto parse_budget = check("type = \"memory_usage\"\ntracking_mode = \"allocations\"\nmax_bytes = \"5 MB\"\n"
                            "span_name_pattern = \"^parse$\"\n", f);
  EXPECT_EQ(parse_budget.outcome, Outcome::Fail) << parse_budget.summary;
  EXPECT_DOUBLE_EQ(*parse_budget.measured, 8000000.0);
  auto render_budget = check("type = \"memory_usage\"\ntracking_mode = \"allocations\"\nmax_bytes = \"5 MB\"\n"
                             "span_name_pattern = \"render\"\n", f);
  EXPECT_EQ(render_budget.outcome, Outcome::Pass) << render_budget.summary;
  auto none = check("type = \"memory_usage\"\ntracking_mode = \"allocations\"\nmax_bytes = 1\n"
                    "span_name_pattern = \"upload\"\n", f);
  EXPECT_EQ(none.outcome, Outcome::NotApplicable) << none.summary;
  // Span reports are not process images: the process figures are not counted twice.
  const auto procs = allocations_by_process(f.runs[0]);
  ASSERT_EQ(procs.size(), 1u);
  EXPECT_EQ(procs[0].reports, 1u);
  EXPECT_EQ(procs[0].peak_live_bytes, 8100000u);
}

}  // namespace
}  // namespace golden::test
