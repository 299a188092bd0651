// Attach mode and request_stop(): detach leaves the process running; a launched
// capture that is stopped delivers what it captured and kills the tracee.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
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

pid_t start_sleeper(const std::string& ready) {
  ::unlink(ready.c_str());
  const std::string path = program("sleeper");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl(path.c_str(), path.c_str(), ready.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  struct stat st {};
  for (int i = 0; i < 500 && ::stat(ready.c_str(), &st) != 0; ++i) std::this_thread::sleep_for(10ms);
  return pid;
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
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("TracerPid:", 0) == 0) {
      EXPECT_EQ(line, "TracerPid:\t0");
    }
  }
  ::kill(pid, SIGKILL);
  int st = 0;
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
  ASSERT_EQ(t.processes.size(), 1u);  // the record of the live process reached the sink
  const pid_t pid = t.processes[0].pid.value;
  EXPECT_NE(::kill(pid, 0), 0);  // killed and reaped
  const Status s = check_causality(t);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

}  // namespace
}  // namespace golden::test
