// Every assertion type and every detector on REAL captures of small programs: each
// fires (or violates) on the program that shows the behaviour and stays silent on its
// clean counterpart.
#include <gtest/gtest.h>

#include "capture_fixture.hpp"
#include "golden/assertions/detectors.hpp"
#include "golden/assertions/spans.hpp"

namespace golden::test {
namespace {

// ---- anti-patterns ----------------------------------------------------------------

AssertionResult pattern(const std::string& name, const std::string& program,
                        double threshold = 0.7) {
  return check_on("type = \"anti_pattern\"\npattern = \"" + name +
                      "\"\nthreshold = " + std::to_string(threshold) + "\n",
                  captured(program));
}

TEST(CapturedAntiPatterns, TightLoop) {
  auto fires = pattern("TightLoop", "tight_loop");
  ASSERT_EQ(fires.outcome, Outcome::Fail) << fires.summary;
  ASSERT_FALSE(fires.findings.empty());
  EXPECT_GE(fires.findings[0].count, 3000u);
  EXPECT_NE(fires.findings[0].summary.find("failed with EAGAIN"), std::string::npos)
      << fires.findings[0].summary;
  EXPECT_NE(fires.findings[0].where.find("(tight_loop)"), std::string::npos)
      << fires.findings[0].where;
  EXPECT_EQ(pattern("TightLoop", "clean").outcome, Outcome::Pass);
}

TEST(CapturedAntiPatterns, GodProcess) {
  auto fires = pattern("GodProcess", "god_process", 0.8);
  ASSERT_EQ(fires.outcome, Outcome::Fail) << fires.summary;
  EXPECT_NE(fires.findings[0].summary.find("(god_process) holds"), std::string::npos)
      << fires.findings[0].summary;
  auto balanced = pattern("GodProcess", "balanced_workers", 0.8);
  EXPECT_EQ(balanced.outcome, Outcome::Pass) << balanced.summary;
  EXPECT_LT(*balanced.measured, 0.3) << balanced.summary;
  EXPECT_EQ(pattern("GodProcess", "clean").outcome, Outcome::NotApplicable);
}

TEST(CapturedAntiPatterns, UnbufferedIO) {
  auto fires = pattern("UnbufferedIO", "unbuffered_writes");
  ASSERT_EQ(fires.outcome, Outcome::Fail) << fires.summary;
  EXPECT_EQ(fires.findings[0].count, 2000u);
  EXPECT_NE(fires.findings[0].fd.find("golden-assert-unbuffered-"), std::string::npos)
      << fires.findings[0].fd;
  EXPECT_EQ(pattern("UnbufferedIO", "clean").outcome, Outcome::Pass);
}

TEST(CapturedAntiPatterns, RedundantIO) {
  auto fires = pattern("RedundantIO", "redundant_stat");
  ASSERT_EQ(fires.outcome, Outcome::Fail) << fires.summary;
  EXPECT_EQ(fires.findings[0].path, "/etc/hostname");
  EXPECT_EQ(fires.findings[0].count, 200u);
  EXPECT_EQ(pattern("RedundantIO", "clean").outcome, Outcome::Pass);
}

TEST(CapturedAntiPatterns, RetryStorm) {
  auto fires = pattern("RetryStorm", "retry_storm");
  ASSERT_EQ(fires.outcome, Outcome::Fail) << fires.summary;
  EXPECT_NE(fires.findings[0].summary.find(
                "/nonexistent/golden-assert.lock failed with ENOENT 150 times"),
            std::string::npos)
      << fires.findings[0].summary;
  EXPECT_EQ(pattern("RetryStorm", "clean").outcome, Outcome::Pass);
}

TEST(CapturedAntiPatterns, BlockingMainThread) {
  auto fires = pattern("BlockingMainThread", "blocking_main");
  ASSERT_EQ(fires.outcome, Outcome::Fail) << fires.summary;
  EXPECT_NE(fires.findings[0].summary.find("nanosleep"), std::string::npos)
      << fires.findings[0].summary;
  auto joins = pattern("BlockingMainThread", "thread_join");
  EXPECT_EQ(joins.outcome, Outcome::Pass) << joins.summary;
  EXPECT_EQ(pattern("BlockingMainThread", "clean").outcome, Outcome::NotApplicable);
}

TEST(CapturedAntiPatterns, PcieBottleneck) {
  EXPECT_EQ(pattern("PcieBottleneck", "clean").outcome, Outcome::NotApplicable);
  auto fires = pattern("PcieBottleneck", "gpu_spans");
  ASSERT_EQ(fires.outcome, Outcome::Fail) << fires.summary;
  EXPECT_EQ(fires.findings[0].count, 4u);
  auto hidden = pattern("PcieBottleneck", "gpu_overlap");
  EXPECT_EQ(hidden.outcome, Outcome::Pass) << hidden.summary;
}

// ---- budgets ------------------------------------------------------------------------

TEST(CapturedBudgets, CriticalPath) {
  auto over = check_on("type = \"critical_path\"\nmax_duration_ms = 50\n", captured("sleeper"));
  EXPECT_EQ(over.outcome, Outcome::Fail) << over.summary;
  EXPECT_GE(*over.measured, 200.0);
  auto under = check_on("type = \"critical_path\"\nmax_duration_ms = 5000\n", captured("sleeper"));
  EXPECT_EQ(under.outcome, Outcome::Pass) << under.summary;
  auto named = check_on(
      "type = \"critical_path\"\nmax_duration_ms = 5000\ntrace_name_pattern = \"^sleeper$\"\n",
      captured("sleeper"));
  EXPECT_EQ(named.outcome, Outcome::Pass) << named.summary;
  EXPECT_GE(*named.measured, 200.0);
}

TEST(CapturedBudgets, WallTimeOverSeveralRuns) {
  const TraceFile& runs = captured(CaptureSpec{.program = "sleeper", .runs = 3});
  ASSERT_EQ(runs.runs.size(), 3u);
  auto r = check_on("type = \"wall_time\"\nmax_duration_ms = 5000\n", runs);
  EXPECT_EQ(r.outcome, Outcome::Pass) << r.summary;
  ASSERT_TRUE(r.spread);
  EXPECT_EQ(r.spread->n, 3u);
  EXPECT_GE(r.spread->min, 200.0);
  auto over = check_on("type = \"wall_time\"\nmax_duration_ms = 100\n", runs);
  EXPECT_EQ(over.outcome, Outcome::Fail) << over.summary;
}

TEST(CapturedBudgets, SpanCountOfSyscalls) {
  EXPECT_EQ(check_on("type = \"span_count\"\nmax_spans = 1000\n", captured("clean")).outcome,
            Outcome::Pass);
  auto over = check_on("type = \"span_count\"\nmax_spans = 1000\n", captured("unbuffered_writes"));
  EXPECT_EQ(over.outcome, Outcome::Fail) << over.summary;
  auto writes =
      check_on("type = \"span_count\"\nmax_spans = 1999\nspan_name_pattern = \"^write$\"\n",
               captured("unbuffered_writes"));
  EXPECT_EQ(writes.outcome, Outcome::Fail) << writes.summary;
  EXPECT_EQ(*writes.measured, 2000.0);
}

TEST(CapturedBudgets, SpanCountOfUserSpans) {
  const TraceFile& t = captured("gpu_spans");
  auto r = check_on("type = \"span_count\"\nmax_spans = 6\n", t);
  EXPECT_EQ(r.outcome, Outcome::Pass) << r.summary;
  EXPECT_EQ(*r.measured, 6.0);
  auto copies = check_on("type = \"span_count\"\nmax_spans = 3\nspan_name_pattern = \"copy\"\n", t);
  EXPECT_EQ(copies.outcome, Outcome::Fail) << copies.summary;
}

TEST(CapturedBudgets, MemoryRss) {
  auto hog = check_on("type = \"memory_usage\"\nmax_bytes = \"32 MiB\"\ntracking_mode = \"rss\"\n",
                      captured("rss_hog"));
  EXPECT_EQ(hog.outcome, Outcome::Fail) << hog.summary;
  EXPECT_GE(*hog.measured, 48.0 * 1024 * 1024);
  auto clean =
      check_on("type = \"memory_usage\"\nmax_bytes = \"32 MiB\"\ntracking_mode = \"rss\"\n",
               captured("clean"));
  EXPECT_EQ(clean.outcome, Outcome::Pass) << clean.summary;
}

TEST(CapturedBudgets, MemoryAllocations) {
  const TraceFile& heavy = captured(CaptureSpec{.program = "alloc_heavy", .track_alloc = true});
  const TraceFile& light = captured(CaptureSpec{.program = "clean", .track_alloc = true});
  // Without --track-alloc there is nothing to judge: an error, never a silent pass.
  auto untracked =
      check_on("type = \"memory_usage\"\nmax_bytes = 1\ntracking_mode = \"allocations\"\n",
               captured("clean"));
  EXPECT_EQ(untracked.outcome, Outcome::Error) << untracked.summary;
  auto over = check_on(
      "type = \"memory_usage\"\nmax_bytes = \"10 MiB\"\ntracking_mode = \"allocations\"\n", heavy);
  EXPECT_EQ(over.outcome, Outcome::Fail) << over.summary;
  EXPECT_GE(*over.measured, 24.0 * 1024 * 1024);
  auto under = check_on(
      "type = \"memory_usage\"\nmax_bytes = \"10 MiB\"\ntracking_mode = \"allocations\"\n", light);
  EXPECT_EQ(under.outcome, Outcome::Pass) << under.summary;
  const auto procs = allocations_by_process(heavy.runs[0]);
  ASSERT_EQ(procs.size(), 1u);
  EXPECT_GE(procs[0].allocations, 25u);  // 24 blocks + the realloc
  EXPECT_GE(procs[0].frees, 24u);
}

TEST(CapturedBudgets, AllocationsReportedBeforeExec) {
  const TraceFile& t = captured(
      CaptureSpec{.program = "exec_chain", .args = {program_path("clean")}, .track_alloc = true});
  const auto reports = alloc_reports(t.runs[0]);
  ASSERT_GE(reports.size(), 2u);
  EXPECT_EQ(reports[0].pid, reports[1].pid);  // the same process, two images
  EXPECT_GE(reports[0].get("peak_live_bytes"), 3 << 20);
  const auto procs = allocations_by_process(t.runs[0]);
  ASSERT_EQ(procs.size(), 1u);
  EXPECT_EQ(procs[0].reports, 2u);
  EXPECT_GE(procs[0].peak_live_bytes, 3u << 20);
}

TEST(CapturedBudgets, AllocationsPerSpan) {
  const TraceFile& t = captured(CaptureSpec{.program = "alloc_spans", .track_alloc = true});
  const std::string budget = "type = \"memory_usage\"\ntracking_mode = \"allocations\"\nmax_bytes = \"5 MiB\"\n";
  auto parse = check_on(budget + "span_name_pattern = \"^parse$\"\n", t);
  EXPECT_EQ(parse.outcome, Outcome::Fail) << parse.summary;
  EXPECT_GE(*parse.measured, 8.0 * 1024 * 1024);
  auto render = check_on(budget + "span_name_pattern = \"^render$\"\n", t);
  EXPECT_EQ(render.outcome, Outcome::Pass) << render.summary;
  const auto spans = allocations_by_span(t.runs[0]);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].span, "parse");
  EXPECT_EQ(spans[0].allocations, 8u);
  EXPECT_EQ(spans[1].allocations, 4u);
}

TEST(CapturedBudgets, SyscallCount) {
  auto many = check_on("type = \"syscall_count\"\nsyscall = \"write\"\nmax_calls = 100\n",
                       captured("unbuffered_writes"));
  EXPECT_EQ(many.outcome, Outcome::Fail) << many.summary;
  auto few = check_on("type = \"syscall_count\"\nsyscall = \"write\"\nmax_calls = 10\n",
                      captured("clean"));
  EXPECT_EQ(few.outcome, Outcome::Pass) << few.summary;
  auto net = check_on("type = \"syscall_count\"\nclass = \"network\"\nmin_calls = 1\n",
                      captured("net_client"));
  EXPECT_EQ(net.outcome, Outcome::Pass) << net.summary;
  auto none =
      check_on("type = \"syscall_count\"\nclass = \"network\"\nmin_calls = 1\n", captured("clean"));
  EXPECT_EQ(none.outcome, Outcome::Fail) << none.summary;
  // Against a baseline: the same program is no regression, 2000 writes are.
  const TraceFile& base = captured("clean");
  auto same =
      check_on("type = \"syscall_count\"\nsyscall = \"write\"\nmax_regression_percent = 0\n",
               captured("clean"), &base);
  EXPECT_EQ(same.outcome, Outcome::Pass) << same.summary;
  auto grown =
      check_on("type = \"syscall_count\"\nsyscall = \"write\"\nmax_regression_percent = 100\n",
               captured("unbuffered_writes"), &base);
  EXPECT_EQ(grown.outcome, Outcome::Fail) << grown.summary;
}

TEST(CapturedBudgets, ErrorCount) {
  auto storm = check_on("type = \"error_count\"\nerrno = \"ENOENT\"\nmax_errors = 10\n",
                        captured("retry_storm"));
  EXPECT_EQ(storm.outcome, Outcome::Fail) << storm.summary;
  EXPECT_GE(*storm.measured, 150.0);
  auto rate = check_on("type = \"error_count\"\nsyscall = \"openat\"\nmax_error_rate = 0.5\n",
                       captured("retry_storm"));
  EXPECT_EQ(rate.outcome, Outcome::Fail) << rate.summary;
  auto clean =
      check_on("type = \"error_count\"\nerrno = \"ENOENT\"\nmax_errors = 10\n", captured("clean"));
  EXPECT_EQ(clean.outcome, Outcome::Pass) << clean.summary;
}

TEST(CapturedBudgets, ForbiddenAndRequired) {
  const std::string no_net =
      "type = \"forbidden\"\nendpoints = [\"127.0.0.1:*\"]\nsyscalls = [\"connect\"]\n";
  auto net = check_on(no_net, captured("net_client"));
  EXPECT_EQ(net.outcome, Outcome::Fail) << net.summary;
  EXPECT_NE(net.summary.find("connect 127.0.0.1:"), std::string::npos) << net.summary;
  EXPECT_EQ(check_on(no_net, captured("clean")).outcome, Outcome::Pass);
  auto lock =
      check_on("type = \"forbidden\"\npaths = [\"/nonexistent/**\"]\n", captured("retry_storm"));
  EXPECT_EQ(lock.outcome, Outcome::Fail) << lock.summary;

  const std::string writes_tmp =
      "type = \"required\"\npaths = [\"/tmp/golden-assert-clean-*.txt\"]\n";
  EXPECT_EQ(check_on(writes_tmp, captured("clean")).outcome, Outcome::Pass);
  auto missing = check_on(writes_tmp, captured("unbuffered_writes"));
  EXPECT_EQ(missing.outcome, Outcome::Fail) << missing.summary;
  auto contacted =
      check_on("type = \"required\"\nendpoints = [\"127.0.0.1:*\"]\n", captured("net_client"));
  EXPECT_EQ(contacted.outcome, Outcome::Pass) << contacted.summary;
  // A failed open is not the file being there.
  auto lockfile =
      check_on("type = \"required\"\npaths = [\"/nonexistent/**\"]\n", captured("retry_storm"));
  EXPECT_EQ(lockfile.outcome, Outcome::Fail) << lockfile.summary;
}

}  // namespace
}  // namespace golden::test
