// Signals stay transparent: handlers, kill -> delivery edges, job control, EINTR.
#include <gtest/gtest.h>

#include <csignal>

#include "golden/recorder/causality_check.hpp"
#include "recorder_harness.hpp"

namespace golden::test {
namespace {

void expect_causal(const Trace& trace) {
  const Status s = check_causality(trace);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

TEST(Signals, HandlerRunsAndKillIsLinkedToTheDelivery) {
  const Captured c = capture_command({program("signal_handler_kill")});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 0);  // the handler ran
  const Trace& t = c.run();
  const ProcessInfo* root = root_process(t);
  ASSERT_NE(root, nullptr);
  const Event* kill = nullptr;
  for (const Event* e : syscalls(t, "kill"))
    if (e->pid != root->pid) kill = e;
  ASSERT_NE(kill, nullptr);
  EXPECT_EQ(kill->ret, 0);
  const Event* delivery = nullptr;
  for (const Event* e : events_of_kind(t, EventKind::Signal, root->pid))
    if (e->name == "SIGUSR1") delivery = e;
  ASSERT_NE(delivery, nullptr);
  EXPECT_EQ(delivery->nr, SIGUSR1);
  ASSERT_GE(delivery->args.size(), 3u);
  EXPECT_EQ(delivery->args[1].text, "SI_USER");
  EXPECT_EQ(delivery->args[2].name, "si_pid");
  EXPECT_EQ(delivery->args[2].raw, kill->pid.value);
  EXPECT_TRUE(has_edge(t, EdgeKind::Signal, kill->seq, delivery->seq));
  EXPECT_LT(kill->lamport, delivery->lamport);
  expect_causal(t);
}

TEST(Signals, JobControlStopAndContinueAreSeenByTheParent) {
  // The parent's waitpid(WUNTRACED) and waitpid(WCONTINUED) only work when the
  // group-stop is real (PTRACE_LISTEN), not swallowed by the tracer.
  const Captured c = capture_command({program("stop_cont_child")});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  const ProcessInfo* root = root_process(t);
  bool stop_delivered = false, cont_delivered = false;
  const Event* stopped = nullptr;
  for (const Event* e : events_of_kind(t, EventKind::Signal)) {
    if (e->pid == root->pid) continue;
    const bool is_stop = e->args.size() == 1 && e->args[0].name == "stopped";
    if (is_stop) stopped = e;
    stop_delivered |= e->name == "SIGSTOP" && !is_stop;
    cont_delivered |= e->name == "SIGCONT";
  }
  EXPECT_TRUE(stop_delivered);
  EXPECT_TRUE(cont_delivered);
  // Issue 12 item 4: the child's group-stop itself is recorded ("--- stopped by SIGSTOP
  // ---" in strace), after the SIGSTOP delivery.
  ASSERT_NE(stopped, nullptr);
  EXPECT_EQ(stopped->name, "SIGSTOP");
  EXPECT_EQ(stopped->nr, SIGSTOP);
  expect_causal(t);
}

TEST(Signals, AlarmInterruptsAReadAndSigchldReachesItsHandler) {
  const Captured c = capture_command({program("alarm_handler")});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  bool interrupted_read = false;
  for (const Event* e : syscalls(t, "read")) {
    // At the exit stop the kernel still holds ERESTARTSYS; the handler without
    // SA_RESTART turns it into EINTR for the program (which checks it).
    if (e->err == 512 || e->err == 4) interrupted_read = true;
  }
  EXPECT_TRUE(interrupted_read);
  bool alarm = false, chld = false;
  for (const Event* e : events_of_kind(t, EventKind::Signal)) {
    alarm |= e->name == "SIGALRM";
    chld |= e->name == "SIGCHLD";
  }
  EXPECT_TRUE(alarm);
  EXPECT_TRUE(chld);
  expect_causal(t);
}

}  // namespace
}  // namespace golden::test
