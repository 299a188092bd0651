#include "golden/graph/dot_writer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "golden/test_support/process.hpp"
#include "golden/test_support/trace_builder.hpp"

namespace golden {
namespace {

using test::Clocks;
using test::TraceBuilder;
using test::us;
using ::testing::HasSubstr;
using ::testing::Not;

bool have_dot() {
  return test::run({"sh", "-c", "command -v dot"}).status() == 0;
}

// Runs the real Graphviz on `text`; returns dot's stderr (empty when it was happy),
// and fails the test if dot rejected the file or produced no SVG.
std::string render_with_dot(const std::string& text) {
  const test::RunResult dot = test::run({"dot", "-Tsvg"}, {.stdin_data = text});
  EXPECT_EQ(dot.status(), 0) << dot.err;
  EXPECT_THAT(dot.out, HasSubstr("<svg"));
  return dot.err;
}

Trace fork_wait_trace() {
  TraceBuilder m;
  m.process(100, 0, "sh").process(101, 100, "sleep");
  m.call(100, "execve", us(0), us(100));
  Seq child_exec = m.call(101, "execve", us(120), us(80)).seq;
  Seq clone = m.call(100, "clone", us(100), us(50)).seq;
  m.call(101, "nanosleep", us(200), us(300000));
  m.call(101, "exit_group", us(300200), us(10));
  Seq child_exit = m.thread_exit(101, 101, us(300210)).seq;
  Seq wait = m.call(100, "wait4", us(160), us(300090)).seq;
  m.edge(clone, child_exec, EdgeKind::Spawn).edge(child_exit, wait, EdgeKind::Reap);
  return m.build(Clocks::FromEdges);
}

std::string to_dot(const CausalGraph& g, const DotOptions& options) {
  std::ostringstream out;
  write_dot(out, g, options);
  return out.str();
}

std::size_t count_matches(const std::string& text, const std::string& pattern) {
  std::regex re(pattern);
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

TEST(DotWriter, ClustersPerProcessStyledEdgesAndHighlightedPath) {
  Trace t = fork_wait_trace();
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g);
  auto path = critical_path(*g);
  ASSERT_TRUE(path);
  const std::string dot = to_dot(*g, {.highlight = &*path});

  EXPECT_THAT(dot, HasSubstr("subgraph cluster_p100 {\n    label=\"pid 100 sh\";"));
  EXPECT_THAT(dot, HasSubstr("subgraph cluster_p101 {\n    label=\"pid 101 sleep\";"));
  EXPECT_THAT(dot, HasSubstr("e3 [label=\"#3 nanosleep\""));
  // Spawn and reap edges keep their own style and are red when on the path.
  EXPECT_THAT(dot, HasSubstr("e2 -> e1 [color=blue, style=bold, tooltip=\"spawn\", color=red"));
  EXPECT_THAT(dot,
              HasSubstr("e5 -> e6 [color=darkgreen, style=dashed, tooltip=\"reap\", color=red"));
  // Every event of this path is highlighted: 7 events, 7 red nodes.
  EXPECT_EQ(path->steps.size(), 7u);
  EXPECT_EQ(count_matches(dot, R"(e\d+ \[label=[^\n]*fillcolor)"), 7u);
  if (!have_dot()) GTEST_SKIP() << "graphviz 'dot' not installed";
  EXPECT_EQ(render_with_dot(dot), "");
}

TEST(DotWriter, WithoutHighlightNothingIsRed) {
  Trace t = fork_wait_trace();
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g);
  const std::string dot = to_dot(*g, {});
  EXPECT_THAT(dot, Not(HasSubstr("red")));
  EXPECT_EQ(count_matches(dot, R"( -> )"), g->edge_count());
}

TEST(DotWriter, HostileNamesAreEscaped) {
  TraceBuilder m;
  m.process(1, 0, "we\"ird\\name\xff\n");
  Seq a = m.call(1, "open\"at", us(0), us(5)).seq;
  Event& e = m.raw().events[a];
  e.args.push_back({"pathname", ArgKind::Path, 0, "", "/tmp/\"quoted\" \\ \x01\xfe", {}, {}});
  auto t = m.build(Clocks::FromEdges);
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g);
  const std::string dot = to_dot(*g, {});
  EXPECT_THAT(dot, HasSubstr(R"(label="pid 1 we\"ird\\name\\xff\n")"));
  EXPECT_THAT(dot, HasSubstr(R"(label="#0 open\"at")"));
  if (!have_dot()) GTEST_SKIP() << "graphviz 'dot' not installed";
  EXPECT_EQ(render_with_dot(dot), "");
}

// A busy worker thread off the critical path: its 62 calls collapse into one node;
// the spawn into it and its two data edges to main's close attach to that node, the
// data edges drawn once as "x2". The critical path stays event by event.
TEST(DotWriter, CollapsesRunsOfNonCriticalEvents) {
  TraceBuilder m;
  m.process(1, 0, "main").process(2, 1, "worker");
  Seq clone = m.call(1, "clone", us(0), us(10)).seq;
  Seq first = m.call(2, "set_robust_list", us(11), us(1)).seq;
  for (int i = 0; i < 30; ++i) m.call(2, i % 3 ? "read" : "write", us(20 + 2 * i), us(1)).seq;
  Seq send = m.call(2, "write", us(100), us(1)).seq;
  for (int i = 0; i < 30; ++i) m.call(2, "futex", us(110 + 2 * i), us(1)).seq;
  Seq work = m.call(1, "read", us(200), us(5000)).seq;
  Seq tail = m.call(1, "close", us(5210), us(1)).seq;
  m.edge(clone, first, EdgeKind::Spawn)
      .edge(send, tail, EdgeKind::Data)
      .edge(10, tail, EdgeKind::Data);
  Trace t = m.build(Clocks::FromEdges);
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g);
  auto path = critical_path(*g);
  ASSERT_TRUE(path);
  ASSERT_EQ(path->steps.size(), 3u);  // clone, the long read, close
  EXPECT_EQ(path->steps[1].seq, work);
  EXPECT_EQ(path->steps[2].seq, tail);

  const std::string full = to_dot(*g, {.highlight = &*path});
  const std::string collapsed = to_dot(*g, {.highlight = &*path, .collapse_min_run = 3});
  EXPECT_EQ(count_matches(full, R"(\n    [er]\d+ \[)"), t.events.size());
  EXPECT_EQ(count_matches(collapsed, R"(\n    [er]\d+ \[)"), 4u);
  EXPECT_THAT(collapsed, HasSubstr("r1 [label=\"62 events #1..#62\\nfutex x30\\nread "
                                   "x20\\nwrite x11\\n...\""));
  EXPECT_THAT(collapsed, HasSubstr("e0 -> r1 [color=blue, style=bold, tooltip=\"spawn\"];"));
  EXPECT_THAT(collapsed,
              HasSubstr("r1 -> e64 [color=darkorange, tooltip=\"data\", label=\"x2\"];"));
  EXPECT_THAT(collapsed, HasSubstr("e0 -> e63 [color=gray55, arrowsize=0.5, color=red"));
  if (!have_dot()) GTEST_SKIP() << "graphviz 'dot' not installed";
  EXPECT_EQ(render_with_dot(collapsed), "");
}

// A run shorter than N stays event by event.
TEST(DotWriter, ShortRunsAreNotCollapsed) {
  TraceBuilder m;
  m.call(1, "read", us(0), us(100));
  m.call(2, "write", us(0), us(1));
  m.call(2, "write", us(2), us(1));
  Trace t = m.build(Clocks::FromEdges);
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g);
  auto path = critical_path(*g);
  ASSERT_TRUE(path);
  EXPECT_THAT(to_dot(*g, {.highlight = &*path, .collapse_min_run = 3}), Not(HasSubstr("events #")));
  EXPECT_THAT(to_dot(*g, {.highlight = &*path, .collapse_min_run = 2}),
              HasSubstr("r1 [label=\"2 events #1..#2\\nwrite x2\""));
}

TEST(DotWriter, EmptyGraphIsAValidDigraph) {
  Trace t;
  auto g = CausalGraph::build(t);
  ASSERT_TRUE(g);
  const std::string dot = to_dot(*g, {});
  EXPECT_THAT(dot, HasSubstr("digraph causal {"));
  if (!have_dot()) GTEST_SKIP() << "graphviz 'dot' not installed";
  EXPECT_EQ(render_with_dot(dot), "");
}

}  // namespace
}  // namespace golden
