// Attach mode and request_stop(): detach leaves the process running; a launched
// capture that is stopped delivers what it captured and kills the tracee.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <atomic>
#include <csignal>
#include <future>
#include <set>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "golden/recorder/causality_check.hpp"
#include "recorder_harness.hpp"

namespace golden::test {
namespace {

using namespace std::chrono_literals;

char proc_state(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(in, line);
  const auto close = line.rfind(')');
  return close == std::string::npos || close + 2 >= line.size() ? '?' : line[close + 2];
}

// The state once it is one of `wanted` (polled: a loaded machine may take a while to
// run the process after a signal), or the last state seen after 5 s.
char state_among(pid_t pid, std::string_view wanted) {
  char state = '?';
  for (int i = 0; i < 500; ++i) {
    state = proc_state(pid);
    if (wanted.find(state) != std::string_view::npos) break;
    std::this_thread::sleep_for(10ms);
  }
  return state;
}

void wait_for_file(const std::string& path) {
  struct stat st {};
  for (int i = 0; i < 500 && ::stat(path.c_str(), &st) != 0; ++i) std::this_thread::sleep_for(10ms);
}

pid_t start_sleeper(const std::string& ready, int threads = 1) {
  ::unlink(ready.c_str());
  const std::string path = program("sleeper");
  const std::string nthreads = std::to_string(threads);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl(path.c_str(), path.c_str(), ready.c_str(), nthreads.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  wait_for_file(ready);
  return pid;
}

bool traced(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("TracerPid:", 0) == 0) return line != "TracerPid:\t0";
  return false;
}

TEST(Attach, RecordsAndDetachesLeavingTheProcessRunning) {
  const std::string ready = "/tmp/golden-recorder-attach-" + std::to_string(::getpid());
  const pid_t pid = start_sleeper(ready);
  ASSERT_GT(pid, 0);
  CaptureOptions o;
  o.attach = {Pid{pid}};
  auto fut = std::async(std::launch::async, [o] { return capture_with(o); });
  std::this_thread::sleep_for(400ms);
  request_stop();
  ASSERT_EQ(fut.wait_for(10s), std::future_status::ready);
  const Captured c = fut.get();
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  EXPECT_TRUE(c.outcome->interrupted);
  EXPECT_EQ(c.outcome->exit_status, 0);
  ASSERT_EQ(c.file.runs.size(), 1u);
  const Trace& t = c.run();
  EXPECT_EQ(t.run.attached, std::vector<Pid>{Pid{pid}});
  EXPECT_GE(syscalls(t, "getppid").size(), 3u);
  ASSERT_EQ(t.processes.size(), 1u);
  EXPECT_EQ(t.processes[0].pid.value, pid);
  EXPECT_FALSE(t.processes[0].exit_code || t.processes[0].exit_signal);
  const Status s = check_causality(t);
  EXPECT_TRUE(s.ok()) << s.error().to_string();

  // Still alive, not stopped, and no longer traced: it keeps running on its own.
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(::kill(pid, 0), 0);
  const char state = proc_state(pid);
  EXPECT_TRUE(state == 'S' || state == 'R') << state;
  EXPECT_FALSE(traced(pid));
  ::kill(pid, SIGKILL);
  int st = 0;
  EXPECT_EQ(::waitpid(pid, &st, 0), pid);
  ::unlink(ready.c_str());
}

TEST(Attach, EveryThreadOfAMultiThreadedProcess) {
  const std::string ready = "/tmp/golden-recorder-attach-mt-" + std::to_string(::getpid());
  const pid_t pid = start_sleeper(ready, 3);
  CaptureOptions o;
  o.attach = {Pid{pid}};
  auto fut = std::async(std::launch::async, [o] { return capture_with(o); });
  std::this_thread::sleep_for(400ms);
  request_stop();
  ASSERT_EQ(fut.wait_for(10s), std::future_status::ready);
  const Captured c = fut.get();
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  const Trace& t = c.run();
  ASSERT_EQ(t.processes.size(), 1u);
  EXPECT_EQ(t.processes[0].threads.size(), 3u);
  std::set<Tid> tids;
  for (const Event* e : syscalls(t, "getppid")) tids.insert(e->tid);
  EXPECT_EQ(tids.size(), 3u);
  const Status s = check_causality(t);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(proc_state(pid) == 'S' || proc_state(pid) == 'R');  // running, not stopped
  EXPECT_FALSE(traced(pid));
  ::kill(pid, SIGKILL);
  int st = 0;
  EXPECT_EQ(::waitpid(pid, &st, 0), pid);
  ::unlink(ready.c_str());
}

TEST(Attach, AStoppedProcessStaysStopped) {
  const std::string ready = "/tmp/golden-recorder-attach-stopped-" + std::to_string(::getpid());
  const pid_t pid = start_sleeper(ready);
  ::kill(pid, SIGSTOP);
  int st = 0;
  ASSERT_EQ(::waitpid(pid, &st, WUNTRACED), pid);
  CaptureOptions o;
  o.attach = {Pid{pid}};
  auto fut = std::async(std::launch::async, [o] { return capture_with(o); });
  std::this_thread::sleep_for(300ms);
  request_stop();
  ASSERT_EQ(fut.wait_for(10s), std::future_status::ready);
  const Captured c = fut.get();
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  EXPECT_TRUE(syscalls(c.run(), "getppid").empty());  // it never ran while attached
  EXPECT_EQ(state_among(pid, "T"), 'T');                // job-control stop kept
  EXPECT_FALSE(traced(pid));
  ::kill(pid, SIGCONT);
  const char after = state_among(pid, "SR");
  EXPECT_TRUE(after == 'S' || after == 'R') << after;
  ::kill(pid, SIGKILL);
  EXPECT_EQ(::waitpid(pid, &st, 0), pid);
  ::unlink(ready.c_str());
}

TEST(Attach, MissingProcessIsAnError) {
  CaptureOptions o;
  o.attach = {Pid{0x3ffffff0}};
  const Captured c = capture_with(o);
  ASSERT_FALSE(c.outcome.ok());
  EXPECT_EQ(c.outcome.error().message,
            "cannot attach to process " + std::to_string(0x3ffffff0) + ": No such process");
  EXPECT_TRUE(c.file.runs.empty());
}

TEST(RequestStop, LaunchedCaptureEndsCleanlyAndKillsTheTracee) {
  const std::string ready = "/tmp/golden-recorder-stop-" + std::to_string(::getpid());
  ::unlink(ready.c_str());
  CaptureOptions o;
  o.command = {program("sleeper"), ready};
  auto fut = std::async(std::launch::async, [o] { return capture_with(o); });
  struct stat st {};
  for (int i = 0; i < 500 && ::stat(ready.c_str(), &st) != 0; ++i) std::this_thread::sleep_for(10ms);
  std::this_thread::sleep_for(200ms);
  request_stop();
  ASSERT_EQ(fut.wait_for(10s), std::future_status::ready);
  const Captured c = fut.get();
  ::unlink(ready.c_str());
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  EXPECT_TRUE(c.outcome->interrupted);
  ASSERT_EQ(c.file.runs.size(), 1u);
  const Trace& t = c.run();
  EXPECT_GE(syscalls(t, "getppid").size(), 3u);
  // The launched program was ended with SIGKILL, and the trace says so: its record,
  // its Exit event and the run's exit status (what golden exits with).
  ASSERT_EQ(t.processes.size(), 1u);
  const pid_t pid = t.processes[0].pid.value;
  EXPECT_NE(::kill(pid, 0), 0);  // killed and reaped
  EXPECT_EQ(t.processes[0].exit_signal, SIGKILL);
  EXPECT_EQ(t.events.back().kind, EventKind::Exit);
  EXPECT_EQ(t.events.back().nr, SIGKILL);
  EXPECT_EQ(t.run.exit_status, 128 + SIGKILL);
  EXPECT_EQ(c.outcome->exit_status, 128 + SIGKILL);
  const Status s = check_causality(t);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

// A sink that fails (disk full...) after a few events.
class FailingSink final : public TraceSink {
 public:
  void begin_run(const RunInfo&) override {}
  void event(const Event& e) override {
    if (e.kind == EventKind::Syscall && e.name == "getppid") pid = e.pid.value;
    if (++events == 40) throw std::runtime_error("sink failed");
  }
  void process(const ProcessInfo&) override {}
  void edge(const Edge&) override {}
  void end_run(const RunInfo&) override {}
  int events = 0;
  pid_t pid = 0;
};

TEST(SinkFailure, AttachedProcessIsDetachedAndKeepsRunning) {
  const std::string ready = "/tmp/golden-recorder-sinkfail-" + std::to_string(::getpid());
  const pid_t pid = start_sleeper(ready);
  CaptureOptions o;
  o.attach = {Pid{pid}};
  FailingSink sink;
  EXPECT_THROW((void)capture(o, sink), std::runtime_error);
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(proc_state(pid) == 'S' || proc_state(pid) == 'R');  // running, not stopped
  EXPECT_FALSE(traced(pid));
  ::kill(pid, SIGKILL);
  int st = 0;
  EXPECT_EQ(::waitpid(pid, &st, 0), pid);
  ::unlink(ready.c_str());
}

TEST(SinkFailure, LaunchedTraceeIsKilled) {
  CaptureOptions o;
  o.command = {program("sleeper")};
  FailingSink sink;
  EXPECT_THROW((void)capture(o, sink), std::runtime_error);
  ASSERT_GT(sink.pid, 0);
  EXPECT_NE(::kill(sink.pid, 0), 0);  // killed and reaped, not left stopped
}

std::atomic<int> g_handler_calls{0};
void stop_handler(int) {
  ++g_handler_calls;
  request_stop();
}

TEST(RequestStop, FromASaRestartSignalHandlerWhileTheTraceeIsIdle) {
  // The tracee sits in pause(): no stop will wake the tracer, and the handler has
  // SA_RESTART, so waitpid() is not interrupted either. request_stop() must still end
  // the capture.
  struct sigaction sa {}, old {};
  sa.sa_handler = stop_handler;
  sa.sa_flags = SA_RESTART;
  ::sigaction(SIGUSR2, &sa, &old);
  const std::string ready = "/tmp/golden-recorder-idle-" + std::to_string(::getpid());
  ::unlink(ready.c_str());
  CaptureOptions o;
  o.command = {program("idle"), ready};
  Captured c;
  std::thread tracer([&] { c = capture_with(o); });
  wait_for_file(ready);
  std::this_thread::sleep_for(100ms);
  const auto start = std::chrono::steady_clock::now();
  ::pthread_kill(tracer.native_handle(), SIGUSR2);
  tracer.join();
  const auto took = std::chrono::steady_clock::now() - start;
  ::sigaction(SIGUSR2, &old, nullptr);
  ::unlink(ready.c_str());
  EXPECT_EQ(g_handler_calls.load(), 1);
  EXPECT_LT(took, 5s);
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  EXPECT_TRUE(c.outcome->interrupted);
  ASSERT_EQ(c.file.runs.size(), 1u);
  const Trace& t = c.run();
  // pause() never returned: emitted unfinished when the capture stopped.
  const auto pauses = syscalls(t, "pause");
  ASSERT_EQ(pauses.size(), 1u);
  EXPECT_FALSE(pauses[0]->finished);
  ASSERT_EQ(t.processes.size(), 1u);
  EXPECT_NE(::kill(t.processes[0].pid.value, 0), 0);
}

}  // namespace
}  // namespace golden::test
