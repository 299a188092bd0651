// Launch mode: the run, its root process and exit statuses; errors before any run.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <csignal>
#include <fstream>
#include <set>
#include <pthread.h>
#include <sstream>

#include "golden/recorder/causality_check.hpp"
#include "recorder_harness.hpp"

namespace golden::test {
namespace {

void expect_causal(const Trace& trace) {
  const Status s = check_causality(trace);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

TEST(Launch, RecordsTheRunTheExecAndTheExitCode) {
  const Captured c = capture_command({program("exit_code"), "3"});
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  EXPECT_EQ(c.outcome->exit_status, 3);
  EXPECT_FALSE(c.outcome->interrupted);
  ASSERT_EQ(c.file.runs.size(), 1u);
  const Trace& t = c.run();
  EXPECT_EQ(t.run.index, 0u);
  EXPECT_EQ(t.run.exit_status, 3);
  EXPECT_GT(t.run.wall_time.count(), 0);
  EXPECT_EQ(t.run.traceparent.size(), 55u);
  EXPECT_FALSE(t.run.start_wall.empty());
  ASSERT_FALSE(t.events.empty());
  // The first event is the launched program's execve, with the Lamport clock the
  // tracee was told (GOLDEN_LAMPORT_CLOCK=1).
  const Event& exec = t.events.front();
  EXPECT_EQ(exec.name, "execve");
  EXPECT_TRUE(exec.finished);
  EXPECT_EQ(exec.ret, 0);
  EXPECT_EQ(exec.lamport, 1u);
  ASSERT_EQ(t.processes.size(), 1u);
  const ProcessInfo& p = t.processes.front();
  EXPECT_EQ(p.pid, exec.pid);
  EXPECT_EQ(p.parent.value, 0);
  EXPECT_EQ(p.exit_code, 3);
  EXPECT_FALSE(p.exit_signal);
  ASSERT_EQ(p.execs.size(), 1u);
  EXPECT_EQ(p.execs[0].seq, exec.seq);
  EXPECT_EQ(p.execs[0].path, program("exit_code"));
  EXPECT_EQ(p.execs[0].argv, (std::vector<std::string>{program("exit_code"), "3"}));
  char cwd[4096];
  ASSERT_NE(::getcwd(cwd, sizeof cwd), nullptr);
  EXPECT_EQ(p.execs[0].cwd, cwd);
  EXPECT_EQ(p.name(), "exit_code");
  EXPECT_TRUE(p.peak_rss_kb && *p.peak_rss_kb > 0);
  EXPECT_TRUE(p.user_time && p.system_time);
  EXPECT_LE(p.start, p.end);
  // exit_group never returns; then the thread's Exit event carries the code.
  const auto groups = syscalls(t, "exit_group");
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_FALSE(groups[0]->finished);
  const Event& last = t.events.back();
  EXPECT_EQ(last.kind, EventKind::Exit);
  EXPECT_EQ(last.ret, 3);
  EXPECT_EQ(last.nr, -1);
  EXPECT_EQ(counter(t, "recorder.unknown_syscall"), 0u);
  for (std::size_t i = 1; i < t.events.size(); ++i) {
    EXPECT_EQ(t.events[i].seq, i);
    if (t.events[i].kind == EventKind::Syscall) {
      EXPECT_GE(t.events[i].start, t.events[i - 1].start - t.events[i - 1].duration);
    }
  }
  expect_causal(t);
}

TEST(Launch, NonexistentCommandIsAnErrorBeforeAnyRun) {
  const Captured c = capture_command({"nosuch-golden-command", "x"});
  ASSERT_FALSE(c.outcome.ok());
  EXPECT_EQ(c.outcome.error().message,
            "cannot execute 'nosuch-golden-command': No such file or directory");
  EXPECT_TRUE(c.file.runs.empty());
}

TEST(Launch, NonExecutableFileIsAnError) {
  const std::string path = "/tmp/golden-recorder-test-noexec";
  std::ofstream(path) << "#!/bin/sh\n";
  ::chmod(path.c_str(), 0644);
  const Captured c = capture_command({path});
  ::unlink(path.c_str());
  ASSERT_FALSE(c.outcome.ok());
  EXPECT_EQ(c.outcome.error().message, "cannot execute '" + path + "': Permission denied");
  EXPECT_TRUE(c.file.runs.empty());
}

TEST(Launch, ExecFailureInTheChildIsAnErrorToo) {
  // Executable bit set, but not a binary nor a script: execve fails with ENOEXEC, which
  // only the child can find out.
  const std::string path = "/tmp/golden-recorder-test-badexec";
  std::ofstream(path) << std::string("\x7f" "ELF garbage", 12);
  ::chmod(path.c_str(), 0755);
  const Captured c = capture_command({path});
  ::unlink(path.c_str());
  ASSERT_FALSE(c.outcome.ok());
  EXPECT_EQ(c.outcome.error().message, "cannot execute '" + path + "': Exec format error");
  EXPECT_TRUE(c.file.runs.empty());
}

TEST(Launch, SegfaultGives139) {
  const Captured c = capture_command({program("segfault")});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 139);
  const Trace& t = c.run();
  EXPECT_EQ(t.run.exit_status, 139);
  const ProcessInfo* p = root_process(t);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->exit_signal, SIGSEGV);
  EXPECT_FALSE(p->exit_code);
  const auto signals = events_of_kind(t, EventKind::Signal);
  ASSERT_EQ(signals.size(), 1u);
  EXPECT_EQ(signals[0]->name, "SIGSEGV");
  EXPECT_EQ(signals[0]->nr, SIGSEGV);
  ASSERT_GE(signals[0]->args.size(), 3u);
  EXPECT_EQ(signals[0]->args[1].text, "SEGV_MAPERR");
  EXPECT_EQ(signals[0]->args[2].name, "si_addr");
  EXPECT_EQ(t.events.back().kind, EventKind::Exit);
  EXPECT_EQ(t.events.back().nr, SIGSEGV);
  expect_causal(t);
}

TEST(Launch, SeveralRunsEachWithTheirOwnRunRecord) {
  CaptureOptions o;
  o.command = {program("exit_code"), "0"};
  o.runs = 3;
  const Captured c = capture_with(o);
  ASSERT_TRUE(c.outcome.ok());
  ASSERT_EQ(c.file.runs.size(), 3u);
  std::set<Pid> pids;
  for (std::uint32_t i = 0; i < 3; ++i) {
    const Trace& t = c.run(i);
    EXPECT_EQ(t.run.index, i);
    EXPECT_EQ(t.run.exit_status, 0);
    ASSERT_EQ(t.processes.size(), 1u);
    pids.insert(t.processes[0].pid);
    EXPECT_EQ(t.events.front().name, "execve");
    expect_causal(t);
  }
  EXPECT_EQ(pids.size(), 3u);
  // One trace id for the whole capture, a span per run.
  EXPECT_EQ(c.run(0).run.traceparent.substr(0, 36), c.run(2).run.traceparent.substr(0, 36));
  EXPECT_NE(c.run(0).run.traceparent, c.run(2).run.traceparent);
}

TEST(Launch, PropagatesTraceContextAndExtraEnvironment) {
  const std::string out = "/tmp/golden-recorder-test-env-" + std::to_string(::getpid());
  ::setenv("TRACEPARENT", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", 1);
  CaptureOptions o;
  o.command = {program("print_env"), out, "TRACEPARENT", "GOLDEN_LAMPORT_CLOCK", "GOLDEN_EXTRA"};
  o.extra_env = {"GOLDEN_EXTRA=yes"};
  const Captured c = capture_with(o);
  ::unsetenv("TRACEPARENT");
  ASSERT_TRUE(c.outcome.ok());
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  ::unlink(out.c_str());
  const std::string tp = c.run().run.traceparent;
  EXPECT_EQ(tp.substr(0, 36), "00-0af7651916cd43dd8448eb211c80319c-");
  EXPECT_EQ(text.str(), "TRACEPARENT=" + tp + "\nGOLDEN_LAMPORT_CLOCK=1\nGOLDEN_EXTRA=yes\n");
}

// SigBlk/SigIgn of this test process before main() ran (what a tracee must get).
std::string read_signal_lines(const char* path) {
  std::ifstream in(path);
  std::string line, out;
  while (std::getline(in, line))
    if (line.rfind("SigBlk:", 0) == 0 || line.rfind("SigIgn:", 0) == 0) out += line + "\n";
  return out;
}
const std::string g_signal_lines_at_start = read_signal_lines("/proc/self/status");

void on_usr2(int) {}

TEST(Launch, TheTraceeGetsTheSignalStateGoldenStartedWith) {
  // What the embedding program changed since (an ignored SIGPIPE, a handler, a blocked
  // signal) must not leak into the tracee; what it inherited (SIG_IGN) must survive.
  struct sigaction ign {}, handler {}, old_pipe {}, old_usr2 {};
  ign.sa_handler = SIG_IGN;
  handler.sa_handler = on_usr2;
  ::sigaction(SIGPIPE, &ign, &old_pipe);
  ::sigaction(SIGUSR2, &handler, &old_usr2);
  sigset_t block, old_mask;
  sigemptyset(&block);
  sigaddset(&block, SIGWINCH);
  ::pthread_sigmask(SIG_BLOCK, &block, &old_mask);
  const std::string out = "/tmp/golden-recorder-sigstate-" + std::to_string(::getpid());
  const Captured c = capture_command({program("sig_state"), out});
  ::pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  ::sigaction(SIGPIPE, &old_pipe, nullptr);
  ::sigaction(SIGUSR2, &old_usr2, nullptr);
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(read_signal_lines(out.c_str()), g_signal_lines_at_start);
  ::unlink(out.c_str());
}

}  // namespace
}  // namespace golden::test
