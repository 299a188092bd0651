#include "golden/test_support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "golden/test_support/files.hpp"

extern char** environ;

namespace golden::test {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

std::vector<std::string> child_environment(const RunOptions& options) {
  std::vector<std::string> env;
  auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  auto overridden = [&](const std::string& name) {
    for (const auto& u : options.unset_env)
      if (u == name) return true;
    for (const auto& s : options.set_env)
      if (name_of(s) == name) return true;
    return false;
  };
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry = *e;
    if (!overridden(name_of(entry))) env.push_back(entry);
  }
  for (const auto& s : options.set_env) env.push_back(s);
  return env;
}

// Appends whatever is available on `fd` to `sink`; false at EOF (fd closed by us).
bool drain(int& fd, std::string& sink) {
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      sink.append(buf, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return true;
    ::close(fd);
    fd = -1;
    return false;
  }
}

}  // namespace

std::vector<std::string> RunResult::err_lines() const {
  return split_lines(err);
}

std::string RunResult::describe() const {
  std::ostringstream s;
  s << "command:";
  for (const auto& a : argv) s << " '" << a << "'";
  s << "\n";
  if (timed_out) s << "TIMED OUT (killed by the test's watchdog)\n";
  if (term_signal != 0)
    s << "killed by signal " << term_signal << " (" << strsignal(term_signal) << ")\n";
  else
    s << "exit code " << exit_code << "\n";
  auto clip = [](const std::string& text) {
    return text.size() <= 4000
               ? text
               : text.substr(0, 2000) + "\n[...]\n" + text.substr(text.size() - 2000);
  };
  s << "--- stdout (" << out.size() << " bytes) ---\n" << clip(out) << "\n";
  s << "--- stderr (" << err.size() << " bytes) ---\n" << clip(err) << "\n";
  return s.str();
}

Spawned::Spawned(const std::vector<std::string>& argv, const RunOptions& options) {
  result_.argv = argv;
  std::vector<std::string> env = child_environment(options);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = argv;
  std::vector<char*> argp;
  for (auto& a : args) argp.push_back(a.data());
  argp.push_back(nullptr);

  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)
    fail("pipe2");
  started_ = Clock::now();
  pid_ = fork();
  if (pid_ < 0) fail("fork");
  if (pid_ == 0) {
    setpgid(0, 0);
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(126);
    execvpe(argp[0], argp.data(), envp.data());
    const char* msg = "golden test runner: exec failed\n";
    ssize_t w = ::write(2, msg, std::strlen(msg));
    (void)w;
    _exit(127);
  }
  setpgid(pid_, pid_);  // also in the parent: no window where the group does not exist
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  if (!options.stdin_data.empty()) {
    // Small inputs only: the pipe buffer (64 KiB) takes them without blocking.
    ssize_t w = ::write(in[1], options.stdin_data.data(), options.stdin_data.size());
    (void)w;
  }
  ::close(in[1]);
  out_fd_ = out[0];
  err_fd_ = err[0];
  fcntl(out_fd_, F_SETFL, O_NONBLOCK);
  fcntl(err_fd_, F_SETFL, O_NONBLOCK);
  pidfd_ = static_cast<int>(syscall(SYS_pidfd_open, pid_, 0));
  if (pidfd_ < 0) fail("pidfd_open");
}

Spawned::~Spawned() {
  if (!reaped_ && pid_ > 0) {
    kill(-pid_, SIGKILL);
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  for (int fd : {out_fd_, err_fd_, pidfd_})
    if (fd >= 0) ::close(fd);
}

void Spawned::signal(int sig) const {
  if (!reaped_) kill(pid_, sig);
}

void Spawned::pump(Clock::time_point deadline, bool until_line, std::string_view needle,
                   std::optional<std::string>* line) {
  std::optional<Clock::time_point> drain_deadline;
  if (reaped_) drain_deadline = Clock::now() + 2s;
  for (;;) {
    if (until_line) {
      // Look at the complete lines not yet searched.
      for (;;) {
        std::size_t nl = result_.out.find('\n', scanned_);
        if (nl == std::string::npos) break;
        std::string candidate = result_.out.substr(scanned_, nl - scanned_);
        scanned_ = nl + 1;
        if (candidate.find(needle) != std::string::npos) {
          *line = candidate;
          return;
        }
      }
      if (out_fd_ < 0) return;  // EOF: the line will never come
    } else if (reaped_ && out_fd_ < 0 && err_fd_ < 0) {
      return;
    }
    auto now = Clock::now();
    auto limit = drain_deadline ? std::min(*drain_deadline, deadline) : deadline;
    if (now >= limit) {
      if (!reaped_ && !until_line) {
        result_.timed_out = true;
        kill(-pid_, SIGKILL);
        kill(pid_, SIGKILL);
        deadline = now + 10s;  // collect the remains of the killed group
        continue;
      }
      return;  // drain limit reached (a descendant still holds the pipes) or line timeout
    }
    pollfd fds[3] = {
        {out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}, {reaped_ ? -1 : pidfd_, POLLIN, 0}};
    int ms = static_cast<int>(
                 std::chrono::duration_cast<std::chrono::milliseconds>(limit - now).count()) +
             1;
    int n = poll(fds, 3, ms);
    if (n < 0 && errno != EINTR) fail("poll");
    if (n <= 0) continue;
    if (fds[0].revents != 0) drain(out_fd_, result_.out);
    if (fds[1].revents != 0) drain(err_fd_, result_.err);
    if (fds[2].revents != 0 && !reaped_) {
      int status = 0;
      if (waitpid(pid_, &status, 0) == pid_) {
        reaped_ = true;
        result_.elapsed = Clock::now() - started_;
        if (WIFEXITED(status)) result_.exit_code = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) result_.term_signal = WTERMSIG(status);
        // Output still in the pipes, or written by descendants that outlive it.
        drain_deadline = Clock::now() + 2s;
      }
    }
  }
}

void Spawned::drain_available() {
  pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
  while (poll(fds, 2, 0) > 0) {
    bool more = false;
    if (fds[0].revents != 0) more |= drain(out_fd_, result_.out);
    if (fds[1].revents != 0) more |= drain(err_fd_, result_.err);
    fds[0].fd = out_fd_;
    fds[1].fd = err_fd_;
    if (!more) break;
  }
}

std::string Spawned::last_line() const {
  const std::string& out = result_.out;
  std::size_t end = out.rfind('\n');
  if (end == std::string::npos) return "";
  std::size_t begin = out.rfind('\n', end == 0 ? 0 : end - 1);
  begin = (begin == std::string::npos || end == 0) ? 0 : begin + 1;
  return out.substr(begin, end - begin);
}

std::optional<std::string> Spawned::wait_for_line(std::string_view needle,
                                                  std::chrono::milliseconds timeout) {
  std::optional<std::string> line;
  pump(Clock::now() + timeout, true, needle, &line);
  return line;
}

RunResult Spawned::wait(std::chrono::milliseconds timeout) {
  pump(Clock::now() + timeout, false, {}, nullptr);
  return result_;
}

RunResult run(const std::vector<std::string>& argv, const RunOptions& options) {
  Spawned s(argv, options);
  return s.wait(options.timeout);
}

bool process_alive(pid_t pid) {
  std::string state = proc_status_field(pid, "State");
  return !state.empty() && state[0] != 'Z' && state[0] != 'X';
}

std::string proc_status_field(pid_t pid, std::string_view field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > field.size() && line.compare(0, field.size(), field) == 0 &&
        line[field.size()] == ':') {
      std::size_t v = line.find_first_not_of(" \t", field.size() + 1);
      return v == std::string::npos ? "" : line.substr(v);
    }
  }
  return "";
}

}  // namespace golden::test
