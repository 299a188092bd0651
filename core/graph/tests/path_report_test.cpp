#include "golden/graph/path_report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "golden/test_support/trace_builder.hpp"

namespace golden {
namespace {

using test::Clocks;
using test::TraceBuilder;
using test::us;
using ::testing::HasSubstr;

TEST(FormatDuration, PicksAUnit) {
  EXPECT_EQ(format_duration(Nanos(0)), "0 ns");
  EXPECT_EQ(format_duration(Nanos(950)), "950 ns");
  EXPECT_EQ(format_duration(Nanos(12'345)), "12.3 us");
  EXPECT_EQ(format_duration(Nanos(301'234'567)), "301.2 ms");
  EXPECT_EQ(format_duration(Nanos(2'500'000'000)), "2.50 s");
}

TEST(PathReport, ListsStepsTotalAndShares) {
  TraceBuilder m;
  m.process(100, 0, "sh").process(101, 100, "sleep");
  m.call(100, "execve", us(0), us(100));
  Seq child = m.call(101, "nanosleep", us(151), us(300008)).seq;
  Seq clone = m.call(100, "clone", us(100), us(50)).seq;
  Seq exit = m.thread_exit(101, 101, us(300160)).seq;
  Seq wait = m.call(100, "wait4", us(160), us(300090)).seq;
  m.edge(clone, child, EdgeKind::Spawn).edge(exit, wait, EdgeKind::Reap);
  Trace t = m.build(Clocks::FromEdges);
  Event& w = t.events[wait];
  w.args.push_back({"pid", ArgKind::Int, -1, "", "", {}, {}});
  w.args.push_back({"wstatus", ArgKind::Ptr, 0x7ffd1234, "", "", {}, {}});
  w.ret = 101;
  t.events[child].err = 4;  // EINTR
  t.events[child].ret = -4;

  auto path = critical_path(t);
  ASSERT_TRUE(path) << path.error().to_string();
  const std::string text = format_critical_path(t, *path);
  // The child's sleep (reached through the spawn) carries the path; the parent's
  // wait4 adds only the 90 us after the child's exit.
  EXPECT_EQ(
      text,
      "     seq  via      process    event                           start (s)  contribution\n"
      "       0  start    100 sh     execve() = 0                     0.000000      100.0 us\n"
      "       2  program  100 sh     clone() = 0                      0.000100       50.0 us\n"
      "       1  spawn    101 sleep  nanosleep() = -1 EINTR           0.000151      300.0 ms\n"
      "       3  program  101 sleep  +++ exited 0 +++                 0.300160          0 ns\n"
      "       4  reap     100 sh     wait4(-1, 0x7ffd1234) = 101      0.000160       90.0 us\n"
      "critical path: 300.2 ms of 300.2 ms wall time (100.0%), 5 events\n"
      "per process:\n"
      "  101 sleep    300.0 ms   99.9%\n"
      "  100 sh       240.0 us    0.1%\n");
}

TEST(PathReport, SaysWhenThereIsNothing) {
  Trace t;
  auto path = critical_path(t);
  ASSERT_TRUE(path);
  EXPECT_THAT(format_critical_path(t, *path),
              HasSubstr("critical path: 0 ns of 0 ns wall time (-), 0 events"));
}

}  // namespace
}  // namespace golden
