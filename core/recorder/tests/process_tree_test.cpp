// Following fork, vfork and exec: the process tree, spawn and reap edges.
#include <gtest/gtest.h>

#include <csignal>
#include <map>

#include "golden/recorder/causality_check.hpp"
#include "recorder_harness.hpp"

namespace golden::test {
namespace {

void expect_causal(const Trace& trace) {
  const Status s = check_causality(trace);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

// The event in `parent` that created `child`, per ProcessInfo::created_by.
const Event* creator_of(const Trace& t, const ProcessInfo& child) {
  if (!child.created_by) return nullptr;
  return &t.events.at(*child.created_by);
}

TEST(ProcessTree, ForkExecWait) {
  const Captured c = capture_command({program("fork_exec_wait"), program("exit_code"), "4"});
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  EXPECT_EQ(c.outcome->exit_status, 4);
  const Trace& t = c.run();
  ASSERT_EQ(t.processes.size(), 2u);
  const ProcessInfo* root = root_process(t);
  ASSERT_NE(root, nullptr);
  const ProcessInfo* child = nullptr;
  for (const auto& p : t.processes)
    if (p.parent == root->pid) child = &p;
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->exit_code, 4);
  EXPECT_EQ(root->exit_code, 4);
  ASSERT_EQ(child->execs.size(), 1u);
  EXPECT_EQ(child->execs[0].path, program("exit_code"));
  EXPECT_EQ(child->execs[0].argv, (std::vector<std::string>{program("exit_code"), "4"}));
  EXPECT_EQ(t.events.at(child->execs[0].seq).name, "execve");
  EXPECT_EQ(t.events.at(child->execs[0].seq).pid, child->pid);

  // created_by is the fork (glibc: clone) in the parent, returning the child's pid.
  const Event* fork = creator_of(t, *child);
  ASSERT_NE(fork, nullptr);
  EXPECT_EQ(fork->pid, root->pid);
  EXPECT_TRUE(fork->name == "clone" || fork->name == "fork" || fork->name == "clone3");
  EXPECT_EQ(fork->ret, child->pid.value);

  // Spawn: fork -> the child's first event. Reap: the child's exit -> the parent's wait4.
  const Event* first = first_event_of(t, Tid{child->pid.value});
  ASSERT_NE(first, nullptr);
  EXPECT_TRUE(has_edge(t, EdgeKind::Spawn, fork->seq, first->seq));
  const auto waits = syscalls(t, "wait4", root->pid);
  ASSERT_EQ(waits.size(), 1u);
  EXPECT_EQ(waits[0]->ret, child->pid.value);
  const Event* child_exit = nullptr;
  for (const auto* e : events_of_kind(t, EventKind::Exit, child->pid)) child_exit = e;
  ASSERT_NE(child_exit, nullptr);
  EXPECT_EQ(child_exit->ret, 4);
  EXPECT_TRUE(has_edge(t, EdgeKind::Reap, child_exit->seq, waits[0]->seq));
  EXPECT_LT(child_exit->lamport, waits[0]->lamport);
  // The child's SIGCHLD to its parent comes from its exit too.
  for (const auto* s : events_of_kind(t, EventKind::Signal, root->pid)) {
    if (s->name == "SIGCHLD") {
      EXPECT_TRUE(has_edge(t, EdgeKind::Signal, child_exit->seq, s->seq));
    }
  }
  expect_causal(t);
}

TEST(ProcessTree, VforkThenExec) {
  const Captured c = capture_command({program("vfork_exec"), program("exit_code"), "6"});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 6);
  const Trace& t = c.run();
  ASSERT_EQ(t.processes.size(), 2u);
  const ProcessInfo* root = root_process(t);
  const ProcessInfo* child = &t.processes[0] == root ? &t.processes[1] : &t.processes[0];
  EXPECT_EQ(child->parent, root->pid);
  const Event* vfork = creator_of(t, *child);
  ASSERT_NE(vfork, nullptr);
  EXPECT_TRUE(vfork->name == "vfork" || vfork->name == "clone" || vfork->name == "clone3");
  EXPECT_EQ(vfork->ret, child->pid.value);
  // The parent is suspended until the child's exec releases its memory: its vfork
  // returns after the child's execve started.
  EXPECT_GE(vfork->end(), t.events.at(child->execs.at(0).seq).start);
  const Event* first = first_event_of(t, Tid{child->pid.value});
  EXPECT_TRUE(has_edge(t, EdgeKind::Spawn, vfork->seq, first->seq));
  expect_causal(t);
}

TEST(ProcessTree, TwoHundredRapidChildren) {
  const Captured c = capture_command({program("many_children"), "200"});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  ASSERT_EQ(t.processes.size(), 201u);
  const ProcessInfo* root = root_process(t);
  ASSERT_NE(root, nullptr);
  std::map<int, int> codes;
  for (const auto& p : t.processes) {
    if (&p == root) continue;
    EXPECT_EQ(p.parent, root->pid);
    ASSERT_TRUE(p.exit_code.has_value());
    ++codes[*p.exit_code];
    ASSERT_TRUE(p.created_by.has_value());
    EXPECT_EQ(t.events.at(*p.created_by).ret, p.pid.value);
  }
  EXPECT_EQ(codes.size(), 7u);
  EXPECT_EQ(edges_of_kind(t, EdgeKind::Spawn).size(), 200u);
  EXPECT_EQ(edges_of_kind(t, EdgeKind::Reap).size(), 200u);
  // Under ptrace a SIGCHLD can interrupt a wait4 (ERESTARTSYS) that the kernel then
  // restarts, exactly as strace shows it: count the calls that reaped.
  int reaping_waits = 0;
  for (const Event* w : syscalls(t, "wait4", root->pid)) reaping_waits += w->ret > 0;
  EXPECT_EQ(reaping_waits, 200);
  EXPECT_EQ(counter(t, "recorder.lost_tracee"), 0u);
  EXPECT_EQ(counter(t, "recorder.unexpected_stop"), 0u);
  EXPECT_EQ(counter(t, "recorder.unknown_tid_exit"), 0u);
  expect_causal(t);
}

TEST(ProcessTree, NoFollowTracesOnlyTheFirstProcess) {
  CaptureOptions o;
  o.command = {program("fork_exec_wait"), program("exit_code"), "2"};
  o.follow = false;
  const Captured c = capture_with(o);
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 2);
  const Trace& t = c.run();
  ASSERT_EQ(t.processes.size(), 1u);
  for (const Event& e : t.events) EXPECT_EQ(e.pid, t.processes[0].pid);
  EXPECT_EQ(syscalls(t, "wait4").size(), 1u);
  expect_causal(t);
}

TEST(ProcessTree, ChildKilledBySigkill) {
  const Captured c = capture_command({program("killed_child")});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 0);  // the parent saw WTERMSIG == SIGKILL
  const Trace& t = c.run();
  ASSERT_EQ(t.processes.size(), 2u);
  const ProcessInfo* root = root_process(t);
  const ProcessInfo* child = &t.processes[0] == root ? &t.processes[1] : &t.processes[0];
  EXPECT_EQ(child->exit_signal, SIGKILL);
  // The child was blocked in pause(): that call never returned.
  const auto pauses = syscalls(t, "pause", child->pid);
  ASSERT_EQ(pauses.size(), 1u);
  EXPECT_FALSE(pauses[0]->finished);
  const auto exits = events_of_kind(t, EventKind::Exit, child->pid);
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0]->nr, SIGKILL);
  const auto kills = syscalls(t, "kill", root->pid);
  ASSERT_EQ(kills.size(), 1u);
  const auto waits = syscalls(t, "wait4", root->pid);
  ASSERT_EQ(waits.size(), 1u);
  EXPECT_TRUE(has_edge(t, EdgeKind::Reap, exits[0]->seq, waits[0]->seq));
  expect_causal(t);
}

}  // namespace
}  // namespace golden::test
