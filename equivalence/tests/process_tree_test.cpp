#include "process_tree.hpp"

#include <gtest/gtest.h>

#include "causal_order.hpp"
#include "golden/test_support/trace_builder.hpp"

namespace golden::eqv {
namespace {

using test::TraceBuilder;

TEST(InterpreterScript, FindsTheScriptOfEachFamily) {
  EXPECT_EQ(interpreter_script({"python3", "-u", "tool.py", "x"}, "/usr/bin/python3"), "tool.py");
  EXPECT_EQ(interpreter_script({"python3", "-W", "ignore", "t.py"}, "/usr/bin/python3.11"), "t.py");
  EXPECT_EQ(interpreter_script({"python3", "-c", "print(1)"}, "/usr/bin/python3"), "");
  EXPECT_EQ(interpreter_script({"python3", "-m", "http.server"}, "/usr/bin/python3"), "");
  EXPECT_EQ(interpreter_script({"sh", "-e", "run.sh"}, "/bin/sh"), "run.sh");
  EXPECT_EQ(interpreter_script({"sh", "-c", "ls | wc"}, "/bin/sh"), "");
  EXPECT_EQ(interpreter_script({"bash", "-xc", "ls"}, "/bin/bash"), "");
  EXPECT_EQ(interpreter_script({"awk", "-f", "prog.awk", "in"}, "/usr/bin/awk"), "prog.awk");
  EXPECT_EQ(interpreter_script({"awk", "{print}", "in"}, "/usr/bin/awk"), "");
  EXPECT_EQ(interpreter_script({"./tool", "in.txt"}, "/work/tool"), "");
  EXPECT_EQ(interpreter_script({"perl", "-e", "1"}, "/usr/bin/perl"), "");
}

TEST(ProcessTree, KeysFollowTreeAndPrograms) {
  TraceBuilder b(100, "/w", {"sh", "run.sh"});
  auto ls1 = b.spawn(100, {"ls", "-l"}, "/usr/bin/ls");
  b.exit(ls1);
  b.wait(100, ls1);
  auto ls2 = b.spawn(100, {"ls"}, "/usr/bin/ls");
  b.exit(ls2);
  b.wait(100, ls2);
  auto sub = b.fork(100);  // a subshell: transparent by default
  auto sort = b.spawn(sub, {"sort"}, "/usr/bin/sort");
  b.exit(sort);
  b.exit(sub);
  b.exit(100);
  Trace t = b.build();
  Counters c;
  CompareConfig cfg;
  CausalOrder order(t, c);
  ProcessTree tree(t, order, cfg, c);
  EXPECT_EQ(tree.key_of(Pid{100}, 0), "1");
  EXPECT_EQ(tree.key_of(Pid{ls1}, t.events.size() - 1), "1/ls");
  EXPECT_EQ(tree.key_of(Pid{ls2}, t.events.size() - 1), "1/ls#2");
  EXPECT_EQ(tree.key_of(Pid{sub}, t.events.size() - 1), "1");
  EXPECT_EQ(tree.key_of(Pid{sort}, t.events.size() - 1), "1/sort");
  EXPECT_TRUE(tree.implementation_files().contains("/w/run.sh"));
  EXPECT_TRUE(tree.implementation_dirs().contains("/w"));

  cfg.forks = true;
  ProcessTree with_forks(t, order, cfg, c);
  EXPECT_EQ(with_forks.key_of(Pid{sub}, t.events.size() - 1), "1/fork");
  EXPECT_EQ(with_forks.key_of(Pid{sort}, t.events.size() - 1), "1/fork/sort");
}

TEST(CausalOrder, ChildEventsComeAfterTheirSpawnAndStructuralClockOrdersThem) {
  TraceBuilder b(100);
  auto child = b.fork(100);
  Seq w1 = b.write(child, 1, "child\n");
  b.exit(child);
  b.wait(100, child);
  Seq w2 = b.write(100, 1, "parent\n");
  Trace t = b.build();
  Counters c;
  CausalOrder order(t, c);
  EXPECT_LT(order.position(w1), order.position(w2));
  EXPECT_EQ(order.structurally_before({{w1, w2}, {w2, w1}, {0, w2}}),
            (std::vector<bool>{true, false, true}));
}

TEST(CausalOrder, ConcurrentProcessesAreNotOrdered) {
  TraceBuilder b(100);
  auto c1 = b.fork(100);
  auto c2 = b.fork(100);
  Seq w1 = b.write(c1, 1, "a");
  Seq w2 = b.write(c2, 1, "b");
  Trace t = b.build();
  Counters c;
  CausalOrder order(t, c);
  EXPECT_EQ(order.structurally_before({{w1, w2}, {w2, w1}}), (std::vector<bool>{false, false}));
}

TEST(CausalOrder, ManyQueriesAreAnsweredInBatches) {
  // 5000 sequential children, each writing once: every consecutive pair is ordered,
  // every reversed pair is not; more sources than one batch holds.
  TraceBuilder b(100);
  std::vector<Seq> writes;
  for (int i = 0; i < 5000; ++i) {
    auto c = b.fork(100);
    writes.push_back(b.write(c, 1, "x"));
    b.exit(c);
    b.wait(100, c);
  }
  Trace t = b.build();
  Counters cnt;
  CausalOrder order(t, cnt);
  std::vector<std::pair<Seq, Seq>> q;
  for (std::size_t i = 1; i < writes.size(); ++i) q.emplace_back(writes[i - 1], writes[i]);
  for (std::size_t i = 1; i < writes.size(); ++i) q.emplace_back(writes[i], writes[i - 1]);
  auto answers = order.structurally_before(q);
  for (std::size_t i = 0; i + 1 < writes.size(); ++i) {
    ASSERT_TRUE(answers[i]) << i;
    ASSERT_FALSE(answers[writes.size() - 1 + i]) << i;
  }
}

}  // namespace
}  // namespace golden::eqv
