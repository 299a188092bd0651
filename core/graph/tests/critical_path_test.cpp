// Known answers on hand-built traces. Times are in microseconds (trace_fixture.hpp).
#include "golden/graph/critical_path.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>

#include "trace_fixture.hpp"

namespace golden {
namespace {

using ::testing::HasSubstr;
using testing::TraceMaker;
using testing::us;

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
  TraceMaker m;
  m.process(1, 0, "app");
  m.call(1, "openat", 0, 10);
  m.call(1, "read", 15, 5);  // 5 us of user time before it
  m.call(1, "write", 20, 30);
  Trace t = m.build();
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
  TraceMaker m;
  m.call(1, "openat", 0, 10);
  m.call(1, "read", 15, 5);
  m.call(1, "write", 20, 30);
  CriticalPath p = solve(m.build(), {.count_user_time = true});
  EXPECT_EQ(p.total, us(50));
  EXPECT_THAT(contributions_us(p), ::testing::ElementsAre(10, 10, 30));
}

// sh: execve, clone (returns at 150 while the child already runs), wait4 blocked for
// the child's 300 ms sleep, exit_group. The wait's 300 ms are nested in the child's
// sleep and must count once.
TraceMaker fork_sleep_wait() {
  TraceMaker m;
  m.process(100, 0, "sh").process(101, 100, "sleep");
  Seq exec = m.call(100, "execve", 0, 100);
  (void)exec;
  Seq child_exec = m.call(101, "execve", 120, 80);  // completes first: seq 1
  Seq clone = m.call(100, "clone", 100, 50);        // seq 2, returns at 150
  m.call(101, "nanosleep", 200, 300000);
  m.call(101, "exit_group", 300200, 10);
  Seq child_exit = m.exit(101, 101, 300210);
  Seq wait = m.call(100, "wait4", 160, 300090);  // returns at 300250
  m.call(100, "exit_group", 300260, 10);
  m.edge(clone, child_exec, EdgeKind::Spawn).edge(child_exit, wait, EdgeKind::Reap);
  return m;
}

TEST(CriticalPath, ForkSleepWaitCountsNestedTimeOnce) {
  Trace t = fork_sleep_wait().build();
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
  TraceMaker m;
  m.process(1, 0, "sh").process(2, 1, "sleep").process(3, 1, "sleep");
  m.call(1, "execve", 0, 100);
  Seq clone_a = m.call(1, "clone", 100, 10);
  Seq clone_b = m.call(1, "clone", 110, 10);
  Seq sleep_a = m.call(2, "nanosleep", 115, 300000);
  Seq exit_a = m.exit(2, 2, 300120);
  Seq sleep_b = m.call(3, "nanosleep", 125, 300000);
  Seq exit_b = m.exit(3, 3, 300130);
  Seq wait_a = m.call(1, "wait4", 200, 299940);  // returns at 300140
  Seq wait_b = m.call(1, "wait4", 300150, 10);
  Seq end = m.call(1, "exit_group", 300170, 10);
  m.edge(clone_a, sleep_a, EdgeKind::Spawn).edge(clone_b, sleep_b, EdgeKind::Spawn);
  m.edge(exit_a, wait_a, EdgeKind::Reap).edge(exit_b, wait_b, EdgeKind::Reap);
  Trace t = m.build();
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
  TraceMaker m;
  m.process(1, 0, "producer").process(2, 0, "consumer");
  Seq open = m.call(1, "openat", 0, 50);
  Seq read = m.call(2, "read", 60, 55);     // blocked until the write at 110; seq 1
  Seq write = m.call(1, "write", 100, 10);  // seq 2
  m.call(1, "exit_group", 120, 10);
  Seq out = m.call(2, "write", 200, 10);
  m.edge(write, read, EdgeKind::Data);
  Trace t = m.build();
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
  TraceMaker m;
  Seq c1 = m.call(2, "first", 100, 100);
  Seq c2 = m.call(2, "second", 200, 700);
  Seq src = m.call(1, "source", 0, 1000);
  Seq c3 = m.call(2, "third", 900, 600);
  m.edge(src, c1, GetParam());
  Trace t = m.build();
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
  TraceMaker m;
  m.process(1, 0, "producer").process(2, 0, "consumer");
  Seq open = m.call(1, "openat", 0, 400);
  Seq write = m.call(1, "write", 900, 50);
  Seq read = m.call(2, "read", 0, 1000);  // blocked from 0 until the write ended at 950
  Seq out = m.call(2, "write", 1000, 10);
  m.edge(write, read, EdgeKind::Data);
  CriticalPath p = solve(m.build());
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
  TraceMaker m;
  m.process(1, 0, "sh").process(2, 1, "sleep");
  Seq clone = m.call(1, "clone", 0, 10);
  Seq suspend = m.call(1, "rt_sigsuspend", 12, 300100);  // returns at 300112
  Seq sleep = m.call(2, "clock_nanosleep", 15, 300000);
  Seq exit = m.exit(2, 2, 300110);
  Seq chld = m.call(1, "SIGCHLD", 300113, 0);
  Seq wait = m.call(1, "wait4", 300120, 5);
  m.edge(clone, sleep, EdgeKind::Spawn)
      .edge(exit, chld, EdgeKind::Signal)
      .edge(exit, wait, EdgeKind::Reap);
  Trace t = m.build();
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
  TraceMaker m;
  Seq a = m.call(1, "x", 0, 1);
  Seq b = m.call(2, "y", 0, 1);
  m.edge(a, b, EdgeKind::Data).edge(b, a, EdgeKind::Data);
  auto r = critical_path(m.build(false));
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, HasSubstr("cycle"));
}

TEST(CriticalPath, ProcessNamePatternRestrictsToMatchingProcesses) {
  Trace t = fork_sleep_wait().build();
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
  TraceMaker m;
  m.process(1, 0, "make").process(2, 1, "");
  m.call(2, "write", 0, 10);
  CriticalPath p = solve(m.build(), {.process_name_pattern = "^make$"});
  ASSERT_EQ(p.shares.size(), 1u);
  EXPECT_EQ(p.shares[0].pid, Pid{2});
  EXPECT_EQ(p.shares[0].name, "make");
}

TEST(CriticalPath, MalformedPatternIsAnError) {
  auto r = critical_path(fork_sleep_wait().build(), {.process_name_pattern = "(unclosed"});
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, HasSubstr("invalid process name pattern '(unclosed'"));
}

TEST(CriticalPath, WallTimeFallsBackToTheEventsSpan) {
  Trace t = fork_sleep_wait().build();
  t.run.wall_time = Nanos(0);
  EXPECT_EQ(solve(t).wall_time, us(300270));
}

}  // namespace
}  // namespace golden
