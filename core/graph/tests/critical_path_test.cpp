// Known answers on hand-built traces. Times are in microseconds (us() in golden/test_support/trace_builder.hpp).
#include "golden/graph/critical_path.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>

#include "golden/test_support/trace_builder.hpp"

namespace golden {
namespace {

using test::Clocks;
using test::TraceBuilder;
using test::us;
using ::testing::HasSubstr;

std::vector<Seq> seqs(const CriticalPath& p) {
  std::vector<Seq> out;
  for (const PathStep& s : p.steps) out.push_back(s.seq);
  return out;
}

std::vector<std::int64_t> contributions_us(const CriticalPath& p) {
  std::vector<std::int64_t> out;
  for (const PathStep& s : p.steps) out.push_back(s.contribution.count() / 1000);
  return out;
}

double share_sum(const CriticalPath& p) {
  double sum = 0;
  for (const ProcessShare& s : p.shares) sum += s.fraction;
  return sum;
}

CriticalPath solve(const Trace& t, const CriticalPathOptions& options = {}) {
  auto r = critical_path(t, options);
  EXPECT_TRUE(r) << r.error().to_string();
  return r ? std::move(r).value() : CriticalPath{};
}

TEST(CriticalPath, SingleThreadIsTheSumOfDurationsWithoutTheGaps) {
  TraceBuilder m;
  m.process(1, 0, "app");
  m.call(1, "openat", us(0), us(10));
  m.call(1, "read", us(15), us(5));  // 5 us of user time before it
  m.call(1, "write", us(20), us(30));
  Trace t = m.build(Clocks::FromEdges);
  CriticalPath p = solve(t);
  EXPECT_EQ(p.total, us(45));
  EXPECT_EQ(p.wall_time, us(50));
  EXPECT_THAT(seqs(p), ::testing::ElementsAre(0, 1, 2));
  EXPECT_THAT(contributions_us(p), ::testing::ElementsAre(10, 5, 30));
  EXPECT_EQ(p.steps[0].via, std::nullopt);
  EXPECT_EQ(p.steps[1].via, CausalEdgeKind::Program);
  EXPECT_TRUE(p.exact);
  ASSERT_EQ(p.shares.size(), 1u);
  EXPECT_EQ(p.shares[0].name, "app");
  EXPECT_DOUBLE_EQ(p.shares[0].fraction, 1.0);
}

TEST(CriticalPath, UserTimeOptionCountsTheGapsOfAThread) {
  TraceBuilder m;
  m.call(1, "openat", us(0), us(10));
  m.call(1, "read", us(15), us(5));
  m.call(1, "write", us(20), us(30));
  CriticalPath p = solve(m.build(Clocks::FromEdges), {.count_user_time = true});
  EXPECT_EQ(p.total, us(50));
  EXPECT_THAT(contributions_us(p), ::testing::ElementsAre(10, 10, 30));
}

// sh: execve, clone (returns at 150 while the child already runs), wait4 blocked for
// the child's 300 ms sleep, exit_group. The wait's 300 ms are nested in the child's
// sleep and must count once.
TraceBuilder fork_sleep_wait() {
  TraceBuilder m;
  m.process(100, 0, "sh").process(101, 100, "sleep");
  Seq exec = m.call(100, "execve", us(0), us(100)).seq;
  (void)exec;
  Seq child_exec = m.call(101, "execve", us(120), us(80)).seq;  // completes first: seq 1
  Seq clone = m.call(100, "clone", us(100), us(50)).seq;        // seq 2, returns at 150
  m.call(101, "nanosleep", us(200), us(300000));
  m.call(101, "exit_group", us(300200), us(10));
  Seq child_exit = m.thread_exit(101, 101, us(300210)).seq;
  Seq wait = m.call(100, "wait4", us(160), us(300090)).seq;  // returns at 300250
  m.call(100, "exit_group", us(300260), us(10));
  m.edge(clone, child_exec, EdgeKind::Spawn).edge(child_exit, wait, EdgeKind::Reap);
  return m;
}

TEST(CriticalPath, ForkSleepWaitCountsNestedTimeOnce) {
  Trace t = fork_sleep_wait().build(Clocks::FromEdges);
  CriticalPath p = solve(t);
  // [0,150] sh, [150,200] child's execve after clone returned, the sleep, exit_group,
  // 40 us of wait4 after the child's exit, exit_group: everything but the 10 us gap.
  EXPECT_EQ(p.total, us(300260));
  EXPECT_EQ(p.wall_time, us(300270));
  EXPECT_THAT(seqs(p), ::testing::ElementsAre(0, 2, 1, 3, 4, 5, 6, 7));
  EXPECT_THAT(contributions_us(p), ::testing::ElementsAre(100, 50, 50, 300000, 10, 0, 40, 10));
  EXPECT_EQ(p.steps[2].via, CausalEdgeKind::Spawn);
  EXPECT_EQ(p.steps[6].via, CausalEdgeKind::Reap);
  ASSERT_EQ(p.shares.size(), 2u);
  EXPECT_EQ(p.shares[0].pid, Pid{101});
  EXPECT_EQ(p.shares[0].name, "sleep");
  EXPECT_EQ(p.shares[0].time, us(300060));
  EXPECT_EQ(p.shares[1].name, "sh");
  EXPECT_EQ(p.shares[1].time, us(200));
  EXPECT_DOUBLE_EQ(share_sum(p), 1.0);
}

// sh -c 'sleep 0.3 & sleep 0.3 & wait': two children sleeping at the same time.
TEST(CriticalPath, ConcurrentChildrenCountAboutOneChildsTime) {
  TraceBuilder m;
  m.process(1, 0, "sh").process(2, 1, "sleep").process(3, 1, "sleep");
  m.call(1, "execve", us(0), us(100));
  Seq clone_a = m.call(1, "clone", us(100), us(10)).seq;
  Seq clone_b = m.call(1, "clone", us(110), us(10)).seq;
  Seq sleep_a = m.call(2, "nanosleep", us(115), us(300000)).seq;
  Seq exit_a = m.thread_exit(2, 2, us(300120)).seq;
  Seq sleep_b = m.call(3, "nanosleep", us(125), us(300000)).seq;
  Seq exit_b = m.thread_exit(3, 3, us(300130)).seq;
  Seq wait_a = m.call(1, "wait4", us(200), us(299940)).seq;  // returns at 300140
  Seq wait_b = m.call(1, "wait4", us(300150), us(10)).seq;
  Seq end = m.call(1, "exit_group", us(300170), us(10)).seq;
  m.edge(clone_a, sleep_a, EdgeKind::Spawn).edge(clone_b, sleep_b, EdgeKind::Spawn);
  m.edge(exit_a, wait_a, EdgeKind::Reap).edge(exit_b, wait_b, EdgeKind::Reap);
  Trace t = m.build(Clocks::FromEdges);
  CriticalPath p = solve(t);
  // Through child A: 100 + 10 + 300000 + 0 + (300140 - 300120) + 10 + 10. Through B
  // it is 10 us shorter, through the parent alone 70 us shorter; never 600 ms.
  EXPECT_EQ(p.total, us(300150));
  EXPECT_LE(p.total, p.wall_time);
  EXPECT_THAT(seqs(p), ::testing::ElementsAre(0, clone_a, sleep_a, exit_a, wait_a, wait_b, end));
  EXPECT_EQ(p.shares[0].pid, Pid{2});
  EXPECT_EQ(p.shares[0].time, us(300000));
  EXPECT_EQ(p.shares[1].time, us(150));
  EXPECT_DOUBLE_EQ(share_sum(p), 1.0);
}

TEST(CriticalPath, PipeDataEdgeCarriesThePathToTheReader) {
  TraceBuilder m;
  m.process(1, 0, "producer").process(2, 0, "consumer");
  Seq open = m.call(1, "openat", us(0), us(50)).seq;
  Seq read = m.call(2, "read", us(60), us(55)).seq;     // blocked until the write at 110; seq 1
  Seq write = m.call(1, "write", us(100), us(10)).seq;  // seq 2
  m.call(1, "exit_group", us(120), us(10));
  Seq out = m.call(2, "write", us(200), us(10)).seq;
  m.edge(write, read, EdgeKind::Data);
  Trace t = m.build(Clocks::FromEdges);
  CriticalPath p = solve(t);
  // producer 50 + 10, the read's 5 us after the write ended, consumer's write 10;
  // the consumer alone has 55 + 10, the producer alone 70.
  EXPECT_EQ(p.total, us(75));
  EXPECT_THAT(seqs(p), ::testing::ElementsAre(open, write, read, out));
  EXPECT_THAT(contributions_us(p), ::testing::ElementsAre(50, 10, 5, 10));
  EXPECT_EQ(p.steps[2].via, CausalEdgeKind::Data);
  EXPECT_DOUBLE_EQ(share_sum(p), 1.0);
}

// An edge whose source ends after its target ends: the clone returns in the parent at
// 1000 while the child's first two calls are already done. Only the running max end
// keeps [200, 1000] from being counted twice.
class LateEndingSource : public ::testing::TestWithParam<EdgeKind> {};

TEST_P(LateEndingSource, TimeCoveredByTheSourceCountsOnce) {
  TraceBuilder m;
  Seq c1 = m.call(2, "first", us(100), us(100)).seq;
  Seq c2 = m.call(2, "second", us(200), us(700)).seq;
  Seq src = m.call(1, "source", us(0), us(1000)).seq;
  Seq c3 = m.call(2, "third", us(900), us(600)).seq;
  m.edge(src, c1, GetParam());
  Trace t = m.build(Clocks::FromEdges);
  CriticalPath p = solve(t);
  // With e(v_{i-1}) alone: 1000 + 0 + 700 + 600 = 2300 > the 1500 us the run lasted.
  EXPECT_EQ(p.total, us(1500));
  EXPECT_EQ(p.wall_time, us(1500));
  EXPECT_THAT(seqs(p), ::testing::ElementsAre(src, c1, c2, c3));
  EXPECT_THAT(contributions_us(p), ::testing::ElementsAre(1000, 0, 0, 500));
}

INSTANTIATE_TEST_SUITE_P(Kinds, LateEndingSource,
                         ::testing::Values(EdgeKind::Spawn, EdgeKind::Data, EdgeKind::Signal));

// The consumer's read blocks until the producer writes: that wait is the producer's
// time, so the path runs through the producer, not through a consumer "busy" reading.
TEST(CriticalPath, BlockedTimeBelongsToTheThreadThatReleasedIt) {
  TraceBuilder m;
  m.process(1, 0, "producer").process(2, 0, "consumer");
  Seq open = m.call(1, "openat", us(0), us(400)).seq;
  Seq write = m.call(1, "write", us(900), us(50)).seq;
  Seq read = m.call(2, "read", us(0), us(1000)).seq;  // blocked from 0 until the write ended at 950
  Seq out = m.call(2, "write", us(1000), us(10)).seq;
  m.edge(write, read, EdgeKind::Data);
  CriticalPath p = solve(m.build(Clocks::FromEdges));
  // 400 + 50 + the read's 50 us after the write + 10; the consumer alone has 50 + 10.
  EXPECT_EQ(p.total, us(510));
  EXPECT_THAT(seqs(p), ::testing::ElementsAre(open, write, read, out));
  EXPECT_THAT(contributions_us(p), ::testing::ElementsAre(400, 50, 50, 10));
  EXPECT_EQ(p.shares[0].name, "producer");
  EXPECT_EQ(p.shares[0].time, us(450));
}

// dash waits for background children in rt_sigsuspend, woken by SIGCHLD: the call
// returns ERESTARTNOHAND, the delivery follows, and the signal edge from the child's
// exit points at the delivery. The suspended time is the child's.
TEST(CriticalPath, CallInterruptedBySignalWasWaitingForItsSender) {
  TraceBuilder m;
  m.process(1, 0, "sh").process(2, 1, "sleep");
  Seq clone = m.call(1, "clone", us(0), us(10)).seq;
  Seq suspend = m.call(1, "rt_sigsuspend", us(12), us(300100)).seq;  // returns at 300112
  Seq sleep = m.call(2, "clock_nanosleep", us(15), us(300000)).seq;
  Seq exit = m.thread_exit(2, 2, us(300110)).seq;
  Seq chld = m.call(1, "SIGCHLD", us(300113), us(0)).seq;
  Seq wait = m.call(1, "wait4", us(300120), us(5)).seq;
  m.edge(clone, sleep, EdgeKind::Spawn)
      .edge(exit, chld, EdgeKind::Signal)
      .edge(exit, wait, EdgeKind::Reap);
  Trace t = m.build(Clocks::FromEdges);
  t.events[suspend].err = 514;  // ERESTARTNOHAND
  t.events[suspend].ret = -514;
  t.events[chld].kind = EventKind::Signal;
  CriticalPath p = solve(t);
  // clone 10, the child's sleep 300000, the delivery, wait4 5. The parent alone now
  // has 10 + 2 (rt_sigsuspend after the exit) + 5; without the signal rule it would
  // have had 10 + 300100 + 5 and the child would not appear at all.
  EXPECT_EQ(p.total, us(300015));
  EXPECT_THAT(seqs(p), ::testing::ElementsAre(clone, sleep, exit, chld, wait));
  EXPECT_EQ(p.shares[0].pid, Pid{2});
  EXPECT_EQ(p.shares[0].time, us(300000));

  // Had it returned normally, nothing says what woke it: its time is its own.
  t.events[suspend].err = 0;
  t.events[suspend].ret = 0;
  CriticalPath own = solve(t);
  EXPECT_EQ(own.total, us(10 + 300100 + 5));
  EXPECT_EQ(own.shares[0].pid, Pid{1});
}

TEST(CriticalPath, EmptyTrace) {
  Trace t;
  CriticalPath p = solve(t);
  EXPECT_EQ(p.total, Nanos(0));
  EXPECT_EQ(p.wall_time, Nanos(0));
  EXPECT_TRUE(p.steps.empty());
  EXPECT_TRUE(p.shares.empty());
}

TEST(CriticalPath, GraphErrorsAreReturned) {
  TraceBuilder m;
  Seq a = m.call(1, "x", us(0), us(1)).seq;
  Seq b = m.call(2, "y", us(0), us(1)).seq;
  m.edge(a, b, EdgeKind::Data).edge(b, a, EdgeKind::Data);
  auto r = critical_path(m.build(Clocks::Unknown));
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, HasSubstr("cycle"));
}

TEST(CriticalPath, ProcessNamePatternRestrictsToMatchingProcesses) {
  Trace t = fork_sleep_wait().build(Clocks::FromEdges);
  CriticalPath child = solve(t, {.process_name_pattern = "^sleep$"});
  // The child alone: its execve in full (nothing before it on this subgraph), the
  // sleep, exit_group.
  EXPECT_EQ(child.total, us(80 + 300000 + 10));
  ASSERT_EQ(child.shares.size(), 1u);
  EXPECT_EQ(child.shares[0].name, "sleep");
  EXPECT_DOUBLE_EQ(child.shares[0].fraction, 1.0);
  for (const PathStep& s : child.steps) EXPECT_EQ(s.pid, Pid{101});

  CriticalPath parent = solve(t, {.process_name_pattern = "sh"});
  // Without the child the wait4 counts whole: 100 + 50 + (300250 - 160) + 10.
  EXPECT_EQ(parent.total, us(300250));
  ASSERT_EQ(parent.shares.size(), 1u);
  EXPECT_EQ(parent.shares[0].pid, Pid{100});

  CriticalPath none = solve(t, {.process_name_pattern = "^python"});
  EXPECT_EQ(none.total, Nanos(0));
  EXPECT_TRUE(none.steps.empty());
}

TEST(CriticalPath, ForkWithoutExecTakesItsParentsName) {
  TraceBuilder m;
  m.process(1, 0, "make").process(2, 1, "");
  m.call(2, "write", us(0), us(10));
  CriticalPath p = solve(m.build(Clocks::FromEdges), {.process_name_pattern = "^make$"});
  ASSERT_EQ(p.shares.size(), 1u);
  EXPECT_EQ(p.shares[0].pid, Pid{2});
  EXPECT_EQ(p.shares[0].name, "make");
}

TEST(CriticalPath, MalformedPatternIsAnError) {
  auto r = critical_path(fork_sleep_wait().build(Clocks::FromEdges), {.process_name_pattern = "(unclosed"});
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, HasSubstr("invalid process name pattern '(unclosed'"));
}

TEST(CriticalPath, WallTimeFallsBackToTheEventsSpan) {
  Trace t = fork_sleep_wait().build(Clocks::FromEdges);
  t.run.wall_time = Nanos(0);
  EXPECT_EQ(solve(t).wall_time, us(300270));
}

}  // namespace
}  // namespace golden
