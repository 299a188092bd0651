// Running commands from golden's tests (the one runner every test folder uses): fork/exec
// with pipes for stdout and stderr, a watchdog (a hung tracee fails the test instead of
// hanging CI), and the exit status as a shell reports it. Each child gets its own process
// group so the watchdog kills everything it started (golden and its tracees).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace golden::test {

using namespace std::chrono_literals;

struct RunOptions {
  std::vector<std::string> set_env;    // NAME=VALUE added to (or replacing in) our environment
  std::vector<std::string> unset_env;  // NAMEs removed from it
  std::string cwd;                     // "" = the test's cwd
  std::string stdin_data;              // written to the child's stdin, then closed (EOF)
  std::chrono::milliseconds timeout = 60s;
};

struct RunResult {
  std::vector<std::string> argv;
  std::string out;
  std::string err;
  int exit_code = -1;      // when exited normally
  int term_signal = 0;     // when killed by a signal
  bool timed_out = false;  // the watchdog killed it
  std::chrono::nanoseconds elapsed{0};

  bool exited() const { return term_signal == 0 && exit_code >= 0; }
  // Like a shell's $?: code, or 128+N when killed by signal N.
  int status() const { return term_signal != 0 ? 128 + term_signal : exit_code; }
  // Lines of stderr (without the newlines; a last line without newline counts).
  std::vector<std::string> err_lines() const;
  // Everything, for failure messages.
  std::string describe() const;
};

// Runs argv[0] (looked up in PATH when it has no '/') to completion or timeout.
RunResult run(const std::vector<std::string>& argv, const RunOptions& options = {});

// A command left running while the test interacts with it (signals, reading its output
// line by line). The destructor kills its process group if it is still running.
class Spawned {
 public:
  Spawned(const std::vector<std::string>& argv, const RunOptions& options = {});
  ~Spawned();
  Spawned(const Spawned&) = delete;
  Spawned& operator=(const Spawned&) = delete;

  pid_t pid() const { return pid_; }
  // Reads stdout until a complete line containing `needle` arrives; returns that line,
  // or nullopt on timeout / EOF. Output read so far is kept (see out()).
  std::optional<std::string> wait_for_line(std::string_view needle,
                                           std::chrono::milliseconds timeout = 20s);
  // Reads whatever stdout/stderr output is available right now, without waiting.
  void drain_available();
  // The last complete stdout line read so far, "" if none.
  std::string last_line() const;
  void signal(int sig) const;
  // Waits for the exit (the watchdog kills the group after `timeout`), collects the
  // remaining output. Callable once.
  RunResult wait(std::chrono::milliseconds timeout = 30s);
  const std::string& out() const { return result_.out; }

 private:
  void pump(std::chrono::steady_clock::time_point deadline, bool until_line,
            std::string_view needle, std::optional<std::string>* line);
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  int pidfd_ = -1;
  bool reaped_ = false;
  std::size_t scanned_ = 0;  // bytes of out already searched for complete lines
  std::chrono::steady_clock::time_point started_;
  RunResult result_;
};

// True while `pid` exists and is not a zombie.
bool process_alive(pid_t pid);
// A field of /proc/PID/status ("TracerPid", "State"), "" when unreadable.
std::string proc_status_field(pid_t pid, std::string_view field);
// Polls `condition` every millisecond until it holds or `timeout` passes.
template <class F>
bool eventually(F condition, std::chrono::milliseconds timeout = 10s);

}  // namespace golden::test

#include <thread>

template <class F>
bool golden::test::eventually(F condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}
