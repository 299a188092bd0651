// The pipes capture() gives a program as stdin, stdout and stderr, and the thread that
// feeds the first and drains the others while the recorder runs (as Python's
// subprocess.communicate does): a program that writes more than a pipe holds, or reads
// more than it, must not block on the test.
#pragma once

#include <optional>
#include <string>
#include <thread>

namespace golden::testing::detail {

class StdioPump {
 public:
  // Throws TraceError when the pipes cannot be made.
  explicit StdioPump(std::optional<std::string> stdin_bytes);
  ~StdioPump();
  StdioPump(const StdioPump&) = delete;
  StdioPump& operator=(const StdioPump&) = delete;

  // The program's ends: its fds 0, 1, 2.
  int child_stdin() const { return child_[0]; }
  int child_stdout() const { return child_[1]; }
  int child_stderr() const { return child_[2]; }

  // After the program ended: closes the program's ends, reads what is left (a process
  // the run left behind may keep a pipe open: reading stops after a grace period) and
  // returns stdout and stderr.
  std::pair<std::string, std::string> finish();

 private:
  void run();

  std::string input_;
  std::size_t written_ = 0;
  int child_[3] = {-1, -1, -1};  // the program's ends
  int ours_[3] = {-1, -1, -1};   // stdin's write end, stdout's and stderr's read ends
  int wake_[2] = {-1, -1};       // tells the thread to wind down
  std::string out_, err_;
  std::thread thread_;
};

}  // namespace golden::testing::detail
