#include "golden/graph/causal_graph.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <queue>
#include <random>

#include "golden/test_support/trace_builder.hpp"

namespace golden {
namespace {

using test::Clocks;
using test::TraceBuilder;
using test::us;
using ::testing::HasSubstr;

TEST(CausalGraph, ProgramOrderLinksConsecutiveEventsOfEachThread) {
  TraceBuilder m;
  m.process(1, 0, "app");
  Seq a = m.call(1, 1, "openat", us(0), us(5)).seq;
  Seq b = m.call(1, 2, "read", us(1), us(5)).seq;  // another thread of the same process
  Seq c = m.call(1, 1, "close", us(6), us(1)).seq;
  Seq d = m.call(1, 2, "write", us(7), us(1)).seq;
  Trace t = m.build(Clocks::FromEdges);
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g) << g.error().to_string();
  EXPECT_EQ(g->vertex_count(), 4u);
  EXPECT_EQ(g->edge_count(), 2u);
  EXPECT_THAT(g->in_edges(c), ::testing::ElementsAre(CausalEdge{a, c, CausalEdgeKind::Program}));
  EXPECT_THAT(g->in_edges(d), ::testing::ElementsAre(CausalEdge{b, d, CausalEdgeKind::Program}));
  EXPECT_TRUE(g->in_edges(b).empty());
}

TEST(CausalGraph, CrossEdgesKeepTheirKindAndTopologicalOrderRespectsThem) {
  TraceBuilder m;
  // The child's first call completes before the parent's clone returns, so its seq is
  // smaller: seq order is not causal order, the topological order must fix that.
  Seq child_first = m.call(2, "execve", us(10), us(5)).seq;
  Seq clone = m.call(1, "clone", us(0), us(20)).seq;
  Seq child_exit = m.thread_exit(2, 2, us(30)).seq;
  Seq wait = m.call(1, "wait4", us(21), us(10)).seq;
  m.edge(clone, child_first, EdgeKind::Spawn).edge(child_exit, wait, EdgeKind::Reap);
  Trace t = m.build(Clocks::FromEdges);
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g) << g.error().to_string();
  EXPECT_EQ(g->edge_count(), 4u);
  EXPECT_THAT(g->out_edges(clone), ::testing::UnorderedElementsAre(
                                       CausalEdge{clone, wait, CausalEdgeKind::Program},
                                       CausalEdge{clone, child_first, CausalEdgeKind::Spawn}));
  EXPECT_THAT(g->topological_order(), ::testing::ElementsAre(clone, child_first, child_exit, wait));
}

// The graph is stored by source (a CSR), yet edges and in-edges come back in the order
// they were inserted: program order first, then the trace's edges as listed. The DOT
// writer's edge order and the critical path's tie-breaks depend on it.
TEST(CausalGraph, EdgesAndInEdgesKeepInsertionOrder) {
  TraceBuilder m;
  Seq late_writer = m.call(3, "write", us(0), us(1)).seq;
  Seq early = m.call(2, "write", us(0), us(1)).seq;
  Seq prev = m.call(1, "poll", us(0), us(1)).seq;
  Seq read = m.call(1, "read", us(2), us(1)).seq;
  Seq other = m.call(2, "close", us(3), us(1)).seq;
  // Listed with the larger source first, after a program edge from a larger source.
  m.edge(late_writer, read, EdgeKind::Data).edge(early, read, EdgeKind::Signal);
  Trace t = m.build(Clocks::FromEdges);
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g) << g.error().to_string();
  EXPECT_THAT(g->in_edges(read),
              ::testing::ElementsAre(CausalEdge{prev, read, CausalEdgeKind::Program},
                                     CausalEdge{late_writer, read, CausalEdgeKind::Data},
                                     CausalEdge{early, read, CausalEdgeKind::Signal}));
  EXPECT_THAT(g->out_edges(early),
              ::testing::ElementsAre(CausalEdge{early, other, CausalEdgeKind::Program},
                                     CausalEdge{early, read, CausalEdgeKind::Signal}));
  EXPECT_THAT(g->edges(),
              ::testing::ElementsAre(CausalEdge{prev, read, CausalEdgeKind::Program},
                                     CausalEdge{early, other, CausalEdgeKind::Program},
                                     CausalEdge{late_writer, read, CausalEdgeKind::Data},
                                     CausalEdge{early, read, CausalEdgeKind::Signal}));
}

TEST(CausalGraph, EmptyTraceIsAnEmptyGraph) {
  Trace t;
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->vertex_count(), 0u);
  EXPECT_TRUE(g->topological_order().empty());
}

TEST(CausalGraph, CycleAcrossThreadsIsRejectedWithTheCycleNamed) {
  TraceBuilder m;
  Seq a = m.call(1, "write", us(0), us(1)).seq;
  Seq b = m.call(2, "read", us(0), us(2)).seq;
  Seq c = m.call(1, "read", us(3), us(1)).seq;
  Seq d = m.call(2, "write", us(4), us(1)).seq;
  // a -> b -> d (program) -> c -> ... and c -> b closes b -> d -> c -> b.
  m.edge(a, b, EdgeKind::Data).edge(d, c, EdgeKind::Data).edge(c, b, EdgeKind::Data);
  Trace t = m.build(Clocks::Unknown);
  auto g = CausalGraph::build(t);
  ASSERT_FALSE(g);
  EXPECT_THAT(g.error().message, HasSubstr("cycle in the causal graph"));
  EXPECT_THAT(g.error().message, HasSubstr("#1 -program-> #3 -data-> #2 -data-> #1"));
}

TEST(CausalGraph, EdgeAgainstProgramOrderIsACycle) {
  TraceBuilder m;
  Seq a = m.call(1, "read", us(0), us(1)).seq;
  Seq b = m.call(1, "write", us(2), us(1)).seq;
  m.edge(b, a, EdgeKind::Signal);
  Trace t = m.build(Clocks::Unknown);
  auto g = CausalGraph::build(t);
  ASSERT_FALSE(g);
  EXPECT_THAT(g.error().message, HasSubstr("cycle"));
}

TEST(CausalGraph, SelfLoopIsRejected) {
  TraceBuilder m;
  Seq a = m.call(1, "kill", us(0), us(1)).seq;
  m.edge(a, a, EdgeKind::Signal);
  Trace t = m.build(Clocks::Unknown);
  auto g = CausalGraph::build(t);
  ASSERT_FALSE(g);
  EXPECT_THAT(g.error().message, HasSubstr("self-loop"));
}

TEST(CausalGraph, EdgeToAMissingEventIsRejected) {
  TraceBuilder m;
  Seq a = m.call(1, "write", us(0), us(1)).seq;
  m.edge(a, 7, EdgeKind::Data);
  Trace t = m.build(Clocks::Unknown);
  auto g = CausalGraph::build(t);
  ASSERT_FALSE(g);
  EXPECT_THAT(g.error().message, HasSubstr("#0 -> #7 names an event that does not exist"));
}

TEST(CausalGraph, EventsMustBeNumberedDensely) {
  TraceBuilder m;
  m.call(1, "read", us(0), us(1));
  m.call(1, "read", us(2), us(1));
  Trace t = m.build(Clocks::FromEdges);
  t.events[1].seq = 5;
  auto g = CausalGraph::build(t);
  ASSERT_FALSE(g);
  EXPECT_THAT(g.error().message, HasSubstr("index 1 has seq 5"));
}

// An edge that is acyclic but contradicts the clocks: the trace is inconsistent.
Trace backward_lamport_trace() {
  TraceBuilder m;
  Seq w = m.call(1, "write", us(0), us(1)).seq;
  Seq r = m.call(2, "read", us(0), us(3)).seq;
  Trace t = m.build(Clocks::FromEdges);  // clocks 1 and 1: no edge yet
  t.events[w].lamport = 5;
  t.events[r].lamport = 2;
  t.edges.push_back({w, r, EdgeKind::Data});
  return t;
}

TEST(CausalGraph, EdgeBackwardsInLamportTimeIsRejectedByDefault) {
  Trace t = backward_lamport_trace();
  auto g = CausalGraph::build(t);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().message, "data edge #0 -> #1 goes backwards in Lamport time (5 -> 2)");
}

TEST(CausalGraph, EdgeBackwardsInLamportTimeCanBeCountedInstead) {
  Trace t = backward_lamport_trace();
  auto g = CausalGraph::build(t, {.reject_lamport_violations = false});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->edge_count(), 1u);
  EXPECT_EQ(g->counters().at(std::string(kCounterLamportBackward)), 1u);
}

TEST(CausalGraph, ProgramOrderBackwardsInLamportTimeIsRejected) {
  TraceBuilder m;
  m.call(1, "read", us(0), us(1));
  m.call(1, "read", us(2), us(1));
  Trace t = m.build(Clocks::FromEdges);
  t.events[0].lamport = 9;
  auto g = CausalGraph::build(t);
  ASSERT_FALSE(g);
  EXPECT_THAT(g.error().message, HasSubstr("program edge #0 -> #1 goes backwards"));
}

TEST(CausalGraph, UnknownClocksAreNotChecked) {
  Trace t = backward_lamport_trace();
  for (Event& e : t.events) e.lamport = 0;
  EXPECT_TRUE(CausalGraph::build(t));
}

TEST(CausalGraph, DuplicateEdgesAndNegativeDurationsAreCounted) {
  TraceBuilder m;
  Seq w = m.call(1, "write", us(0), us(1)).seq;
  Seq r = m.call(2, "read", us(0), us(3)).seq;
  m.edge(w, r, EdgeKind::Data).edge(w, r, EdgeKind::Data);
  Trace t = m.build(Clocks::FromEdges);
  t.events[r].duration = Nanos(-5);
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->edge_count(), 1u);
  EXPECT_EQ(g->counters().at(std::string(kCounterDuplicateEdges)), 1u);
  EXPECT_EQ(g->counters().at(std::string(kCounterNegativeDuration)), 1u);
}

TEST(CausalGraph, RecycledTidAfterExitStartsANewChain) {
  TraceBuilder m;
  m.call(1, 7, "futex", us(0), us(1));
  m.thread_exit(1, 7, us(2));
  Seq again = m.call(1, 7, "read", us(10), us(1)).seq;  // the kernel reused tid 7
  Trace t = m.build(Clocks::FromEdges);
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->edge_count(), 1u);
  EXPECT_TRUE(g->in_edges(again).empty());
}

// The topological order is "smallest ready seq first". The builder gets it with a cursor
// over seq order plus a heap for vertices that become ready behind it; compare with the
// plain one-heap Kahn on random DAGs whose edges often go down in seq.
TEST(CausalGraph, TopologicalOrderIsSmallestReadySeqFirst) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    const int n = 2 + static_cast<int>(rng() % 40), threads = 1 + static_cast<int>(rng() % 6);
    // A hidden causal rank per event, increasing along each thread.
    std::vector<int> tid(n), rank(n);
    for (int i = 0; i < n; ++i) tid[i] = 1 + static_cast<int>(rng() % threads);
    std::vector<int> ranks(n);
    for (int i = 0; i < n; ++i) ranks[i] = i;
    std::shuffle(ranks.begin(), ranks.end(), rng);
    for (int t = 1; t <= threads; ++t) {
      std::vector<int> mine, theirs;
      for (int i = 0; i < n; ++i)
        if (tid[i] == t) mine.push_back(i), theirs.push_back(ranks[i]);
      std::sort(theirs.begin(), theirs.end());
      for (std::size_t k = 0; k < mine.size(); ++k) rank[mine[k]] = theirs[k];
    }
    TraceBuilder m;
    for (int i = 0; i < n; ++i) m.call(1, tid[i], "read", us(i), us(1)).seq;
    for (int k = 0, edges = static_cast<int>(rng() % (2 * n)); k < edges; ++k) {
      const int a = static_cast<int>(rng() % n), b = static_cast<int>(rng() % n);
      if (tid[a] != tid[b] && rank[a] < rank[b])
        m.edge(static_cast<Seq>(a), static_cast<Seq>(b), EdgeKind::Data);
    }
    Trace t = m.build(Clocks::Unknown);
    auto g = CausalGraph::build(t);
    ASSERT_TRUE(g) << g.error().to_string();

    std::vector<std::size_t> indegree(n, 0);
    for (const CausalEdge& e : g->edges()) ++indegree[e.to];
    std::priority_queue<Seq, std::vector<Seq>, std::greater<>> ready;
    for (int v = 0; v < n; ++v)
      if (indegree[v] == 0) ready.push(static_cast<Seq>(v));
    std::vector<Seq> expected;
    while (!ready.empty()) {
      const Seq v = ready.top();
      ready.pop();
      expected.push_back(v);
      for (const CausalEdge& e : g->out_edges(v))
        if (--indegree[e.to] == 0) ready.push(e.to);
    }
    ASSERT_EQ(g->topological_order(), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace golden
