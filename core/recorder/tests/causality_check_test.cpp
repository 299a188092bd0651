// The Lamport checker the other tests rely on must itself catch every kind of violation.
#include <gtest/gtest.h>

#include "golden/recorder/causality_check.hpp"

namespace golden {
namespace {

Event ev(Seq seq, int tid, LamportTime clock, EventKind kind = EventKind::Syscall) {
  Event e;
  e.seq = seq;
  e.tid = Tid{tid};
  e.pid = Pid{tid};
  e.lamport = clock;
  e.kind = kind;
  e.name = kind == EventKind::Exit ? "exit" : "getpid";
  return e;
}

Trace two_threads() {
  Trace t;
  // tid 1 spawns tid 2 (event 1 -> 2); tid 2 writes, tid 1 reads (event 3 -> 4).
  t.events = {ev(0, 1, 1), ev(1, 1, 2), ev(2, 2, 3), ev(3, 2, 4), ev(4, 1, 5)};
  t.edges = {Edge{1, 2, EdgeKind::Spawn}, Edge{3, 4, EdgeKind::Data}};
  return t;
}

TEST(CausalityCheck, AcceptsAConsistentTrace) {
  const Trace t = two_threads();
  EXPECT_TRUE(check_causality(t).ok()) << check_causality(t).error().to_string();
}

TEST(CausalityCheck, RejectsProgramOrderViolation) {
  Trace t = two_threads();
  t.events[1].lamport = 1;  // same as event 0 in the same thread
  auto s = check_causality(t);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().where, "event 1");
  EXPECT_NE(s.error().message.find("program order"), std::string::npos);
}

TEST(CausalityCheck, RejectsEdgeGoingBackInTime) {
  Trace t = two_threads();
  t.events[4].lamport = 4;  // equal to the Data edge's source
  auto s = check_causality(t);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().where, "edge 1");
}

TEST(CausalityCheck, RejectsSpawnEdgeNotToFirstEvent) {
  Trace t = two_threads();
  t.edges[0].to = 3;
  auto s = check_causality(t);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("not the first event"), std::string::npos);
}

TEST(CausalityCheck, RejectsMissingClockSeqGapAndDanglingEdge) {
  Trace a = two_threads();
  a.events[2].lamport = 0;
  EXPECT_FALSE(check_causality(a).ok());
  Trace b = two_threads();
  b.events[3].seq = 7;
  EXPECT_FALSE(check_causality(b).ok());
  Trace c = two_threads();
  c.edges.push_back(Edge{0, 99, EdgeKind::Reap});
  EXPECT_FALSE(check_causality(c).ok());
}

TEST(CausalityCheck, ThreadTimelineRestartsAfterExit) {
  // A tid reused after its thread exited is a new thread: its clock may be lower.
  Trace t;
  t.events = {ev(0, 5, 10), ev(1, 5, 11, EventKind::Exit), ev(2, 5, 3)};
  EXPECT_TRUE(check_causality(t).ok());
}

}  // namespace
}  // namespace golden
