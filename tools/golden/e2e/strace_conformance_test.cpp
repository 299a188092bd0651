// Conformance with strace (the reference): golden's per-syscall call and error counts
// must equal `strace -f -c`'s for the same program.
//
// How strace -c counts (strace 6.1, checked in StraceCountingQuirks below):
//  - a call is counted at its syscall-exit stop. Calls that never return are absent
//    from the table: exit_group and exit (no exit stop), a call cut short because its
//    process was killed (killed_child's pause) or because another thread exec'd
//    (exec_from_thread's main-thread pause). golden records those as unfinished events
//    (Event::finished == false), so golden's side of the comparison counts finished
//    syscall events only (count_calls).
//  - the first execve (of the traced program itself) is counted; so are execve calls
//    in children. Both tracers attach before the program's own execve.
//  - an interrupted call counts as one failed call (ERESTARTSYS, ERESTARTNOHAND,
//    ERESTARTNOINTR, ERESTART_RESTARTBLOCK are errors to strace); the retry the kernel
//    makes is another call (or restart_syscall).
//  - rt_sigreturn "fails" when the code the handler interrupted was a syscall that
//    failed (it returns the restored rax, e.g. -EINTR).
// Both runs are separate executions, so where a program's syscalls are timing
// dependent the rule for that syscall says so, with the mechanism (and the program's
// header comment documents it too). Everything not listed is compared exactly.
#include <gtest/gtest.h>

#include "call_counts.hpp"
#include "cases.hpp"
#include "golden_cli.hpp"
#include "test_support_names.hpp"
#include "trace_checks.hpp"

namespace golden::e2e {
namespace {

const CountRule kPollPread{"pread64", Variance::Ignore,
                           "wait_in_syscall polls /proc/PID/syscall until the other task is blocked"};
const CountRule kPollSleep{"clock_nanosleep", Variance::Ignore, "the 1 ms sleeps between those polls"};

std::vector<CountRule> rules_for(const std::string& program) {
  if (program == "threads" || program == "affinity")
    // threads, strace -c over 8 runs: futex 1, 2 or 4 calls; everything else constant.
    // affinity joins one thread: futex 0 or 1.
    return {{"futex", Variance::Ignore, "pthread_join waits in futex only if the thread is still running"}};
  if (program == "signals")
    return {{"read", Variance::Ignore,
             "1 call instead of 2 if the one-shot SIGALRM fires before read is entered (then it is not interrupted)"},
            {"rt_sigreturn", Variance::Ignore,
             "an extra 20 ms tick before pause is entered adds a handler run; the restored rax makes it fail or not"}};
  if (program == "stop_cont")
    // strace -c over 8 runs: wait4 6/0 or 7/1.
    return {kPollPread, kPollSleep,
            {"wait4", Variance::SuccessesOnly,
             "a traced process receives even ignored signals: a SIGCHLD (stopped/continued) landing while the "
             "parent blocks in wait4 interrupts it (ERESTARTSYS) and the kernel restarts it"}};
  if (program == "exec_from_thread" || program == "killed_child") return {kPollPread, kPollSleep};
  if (program == "rapid_children")
    // strace -c over 8 runs: clone 232/32 .. 270/70, always 200 successes.
    return {{"clone", Variance::SuccessesOnly,
             "a SIGCHLD pending while fork runs (delivered because the process is traced, though ignored) makes "
             "clone fail with ERESTARTNOINTR and the kernel retries it"}};
  return {};
}

bool skip_without_strace() { return !have_strace(); }

class StraceConformance : public testing::TestWithParam<ProgramCase> {};

TEST_P(StraceConformance, PerSyscallCallsAndErrorsEqualStraceC) {
  if (skip_without_strace()) GTEST_SKIP() << "strace not installed: the reference is missing";
  const ProgramCase& c = GetParam();
  StraceRun ref = run_strace_c(c.command(), {}, {.timeout = 60s});
  ASSERT_FALSE(ref.result.timed_out) << ref.result.describe();
  ASSERT_TRUE(ref.table) << ref.error << "\n" << ref.result.describe();
  ASSERT_EQ(ref.result.status(), c.status) << "the program misbehaved under strace\n" << ref.result.describe();

  TempDir dir;
  std::string path = dir.file("trace.json");
  RunResult traced = capture(path, c.command(), {}, {.timeout = 60s});
  ASSERT_FALSE(traced.timed_out) << traced.describe();
  ASSERT_EQ(traced.status(), c.status) << traced.describe();
  auto file = load_trace(path);
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  ASSERT_EQ(file->runs.size(), 1u);
  CallCounts mine = count_calls(file->runs[0]);

  std::vector<CountRule> rules = rules_for(c.program);
  std::vector<std::string> diffs = compare_counts(mine, ref.table->rows, rules);
  EXPECT_TRUE(diffs.empty()) << "golden vs strace -f -c, per syscall (calls/errors):\n"
                             << join(diffs, 100) << "golden:\n"
                             << format_counts(mine) << "strace:\n"
                             << format_counts(ref.table->rows);
}

INSTANTIATE_TEST_SUITE_P(Programs, StraceConformance, testing::ValuesIn(program_cases()),
                         [](const auto& info) { return info.param.id; });

class ToolConformance : public testing::TestWithParam<ToolCase> {};

TEST_P(ToolConformance, PerSyscallCallsAndErrorsEqualStraceC) {
  if (skip_without_strace()) GTEST_SKIP() << "strace not installed: the reference is missing";
  const ToolCase& c = GetParam();
  StraceRun ref = run_strace_c(c.command, {}, {.timeout = 60s});
  ASSERT_TRUE(ref.table) << ref.error << "\n" << ref.result.describe();
  TempDir dir;
  RunResult traced = capture(dir.file("trace.json"), c.command, {}, {.timeout = 60s});
  ASSERT_EQ(traced.status(), 0) << traced.describe();
  auto file = load_trace(dir.file("trace.json"));
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  ASSERT_EQ(file->runs.size(), 1u);
  CallCounts mine = count_calls(file->runs[0]);
  std::vector<CountRule> rules;
  if (c.id == "sh_pipeline") {
    // strace -c over 40 runs: rt_sigreturn 2/0 or 2/1. dash's SIGCHLD handler runs once
    // per child; whether it interrupted a syscall (then rt_sigreturn restores -EINTR
    // and strace counts an error) depends on timing.
    rules.push_back({"rt_sigreturn", Variance::CallsOnly, "depends on whether SIGCHLD interrupted a syscall"});
    // Seen in 2 of 5 suite runs (under strace too: "strace 3 calls/1 errors"): echo's
    // SIGCHLD arrives while dash forks cat, and that clone fails with ERESTARTNOINTR
    // and is retried (same mechanism as rapid_children).
    rules.push_back({"clone", Variance::SuccessesOnly, "ERESTARTNOINTR when a SIGCHLD is pending during fork"});
  }
  std::vector<std::string> diffs = compare_counts(mine, ref.table->rows, rules);
  EXPECT_TRUE(diffs.empty()) << "golden vs strace -f -c, per syscall (calls/errors):\n"
                             << join(diffs, 100) << "golden:\n"
                             << format_counts(mine) << "strace:\n"
                             << format_counts(ref.table->rows);
}

INSTANTIATE_TEST_SUITE_P(Tools, ToolConformance, testing::ValuesIn(tool_cases()),
                         [](const auto& info) { return info.param.id; });

// The counting rules above, checked on strace itself and on golden's trace of the
// same program: exit_group has no exit stop, so strace -c never lists it, while golden
// records it as an unfinished event (that is why count_calls skips unfinished events).
TEST(StraceCountingQuirks, ExitGroupIsUnfinishedInGoldenAndAbsentFromStraceC) {
  if (skip_without_strace()) GTEST_SKIP() << "strace not installed: the reference is missing";
  StraceRun ref = run_strace_c({tracee("exit_code"), "3"});
  ASSERT_TRUE(ref.table) << ref.error;
  EXPECT_EQ(ref.table->rows.count("exit_group"), 0u) << "strace 6.1 does not count exit_group";
  EXPECT_EQ(ref.table->rows.count("execve"), 1u) << "strace counts the program's own execve";

  TempDir dir;
  RunResult traced = capture(dir.file("t.json"), {tracee("exit_code"), "3"});
  ASSERT_EQ(traced.status(), 3) << traced.describe();
  auto file = load_trace(dir.file("t.json"));
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  const Trace& trace = file->runs.at(0);
  std::size_t exit_groups = 0;
  for (const Event& e : trace.events) {
    if (e.kind != EventKind::Syscall || e.name != "exit_group") continue;
    ++exit_groups;
    EXPECT_FALSE(e.finished) << "exit_group never returns";
    ASSERT_FALSE(e.args.empty());
    EXPECT_EQ(e.args[0].raw, 3) << "exit_group's status argument";
  }
  EXPECT_EQ(exit_groups, 1u) << summarize(trace);
  ASSERT_FALSE(trace.events.empty());
  EXPECT_EQ(trace.events.front().name, "execve") << "the first event is the program's own execve\n" << summarize(trace);
  EXPECT_TRUE(trace.events.front().finished);
}

// An interrupted call is two calls: the read blocked in stop_cont's second child is
// interrupted by SIGSTOP (ERESTARTSYS = 512, one failed call) and restarted after
// SIGCONT (the read that gets the byte). Deterministic: the parent sends SIGSTOP only
// once the child is inside read.
TEST(StraceCountingQuirks, RestartedReadIsAFailedCallPlusTheRetry) {
  TempDir dir;
  RunResult traced = capture(dir.file("t.json"), {tracee("stop_cont")});
  ASSERT_EQ(traced.status(), 0) << traced.describe();
  auto file = load_trace(dir.file("t.json"));
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  const Trace& trace = file->runs.at(0);
  // The second child: the last process whose exit code is 4.
  const ProcessInfo* child = nullptr;
  for (const ProcessInfo& p : trace.processes)
    if (p.exit_code == std::optional<int>(4)) child = &p;
  ASSERT_NE(child, nullptr) << summarize(trace);
  std::vector<const Event*> reads;
  for (const Event& e : trace.events)
    if (e.pid == child->pid && e.kind == EventKind::Syscall && e.name == "read") reads.push_back(&e);
  ASSERT_EQ(reads.size(), 2u) << summarize(trace, 200);
  EXPECT_EQ(reads[0]->err, 512) << "ERESTARTSYS";
  EXPECT_TRUE(reads[0]->finished);
  EXPECT_EQ(reads[1]->err, 0);
  EXPECT_EQ(reads[1]->ret, 1);
  // Between them: the SIGSTOP delivery (and SIGCONT, which a traced task receives).
  bool sigstop = false;
  for (const Event& e : trace.events)
    if (e.pid == child->pid && e.kind == EventKind::Signal && e.seq > reads[0]->seq && e.seq < reads[1]->seq &&
        e.name == "SIGSTOP")
      sigstop = true;
  EXPECT_TRUE(sigstop) << "no SIGSTOP delivery recorded between the two reads\n" << summarize(trace, 200);
}

}  // namespace
}  // namespace golden::e2e
